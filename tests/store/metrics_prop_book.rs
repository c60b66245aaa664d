//! The own-book steps of the property test in `metrics_prop`: each runs against the store
//! and the model; a step the model refuses must be refused and write nothing.

use crate::metrics_prop::{Model, Step, STATUSES};
use clientele::book::visits::{self, VisitEdit, VisitInput};
use clientele_test_kit::store::*;

fn pick(ids: &[i64], i: usize) -> Option<i64> {
    (!ids.is_empty()).then(|| ids[i % ids.len()])
}

fn column(db: &TestDb, sql: &str) -> Vec<i64> {
    db.conn
        .prepare(sql)
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// Runs one step of the own book against the store and the model. A step the model
/// refuses must be refused with `invalid_input` and leave the summary rows and counts as
/// they were.
pub(crate) fn book_step(db: &mut TestDb, model: &mut Model, step: &Step) {
    let c = clock();
    // The cards in the book (archived ones too), every customer row, the own visits.
    let cards = column(db, "SELECT customer_id FROM customer_summary ORDER BY 1");
    let everyone = column(db, "SELECT id FROM customers ORDER BY 1");
    let visit_ids: Vec<i64> = model.visits.keys().copied().collect();
    let before = (summary_dump(&db.conn), status_counts_dump(&db.conn));
    let refusal: Option<clientele::Error> = match *step {
        Step::AddOwn => {
            let new = clientele::book::NewCustomer {
                first_name: format!("Own{}", model.own.len()),
                ..Default::default()
            };
            let r = clientele::book::add_customer(&mut db.conn, &new, &c).unwrap();
            assert!(r.customer_id < 0 && !model.own.contains(&r.customer_id));
            model.own.insert(r.customer_id);
            None
        }
        Step::AddVisit(card, status, date, amount) => {
            if let Some(id) = pick(&cards, card) {
                // November (today is the 24th) or early December: past and future.
                let date = match date {
                    d @ 1..=30 => format!("2026-11-{d:02}"),
                    d => format!("2026-12-{:02}", d - 30),
                };
                let amount = format!("{}.{:02}", amount / 100, amount % 100);
                let status = Some(STATUSES[status].into());
                let (service, time, payment_status) = ("Visit".into(), None, None);
                let v = VisitInput {
                    service,
                    date,
                    time,
                    amount,
                    status,
                    payment_status,
                };
                let v = visits::add(&mut db.conn, id, &v, &c).unwrap();
                model.visit_in(&v);
            }
            None
        }
        Step::EditVisit(visit, status, amount) => {
            if let Some(id) = pick(&visit_ids, visit) {
                let e = VisitEdit {
                    status: Some(STATUSES[status].into()),
                    amount: Some(format!("{amount}")),
                    ..Default::default()
                };
                let v = visits::edit(&mut db.conn, id, &e, &c).unwrap();
                model.visit_in(&v);
            }
            None
        }
        Step::DeleteVisit(visit) => {
            if let Some(id) = pick(&visit_ids, visit) {
                visits::delete(&mut db.conn, id, &c).unwrap();
                model.visits.remove(&id);
            }
            None
        }
        Step::Merge(a, b) => match (pick(&cards, a), pick(&cards, b)) {
            (Some(a), Some(b)) => {
                let result = clientele::book::merge::merge(&mut db.conn, a, b, &c);
                if a == b || model.archived.contains(&a) || model.archived.contains(&b) {
                    Some(result.expect_err("the model refuses this merge"))
                } else {
                    // When exactly one is a platform customer, it is kept.
                    let (kept, other) = if a < 0 && b > 0 { (b, a) } else { (a, b) };
                    assert_eq!(result.unwrap().customer_id, kept);
                    model.parent.insert(other, kept);
                    model.merges.push((kept, other, false));
                    None
                }
            }
            _ => None,
        },
        Step::Unmerge(i, merged) => {
            let involved: Vec<i64> = model
                .merges
                .iter()
                .filter(|m| !m.2)
                .flat_map(|m| [m.0, m.1])
                .collect();
            let from = if merged && !involved.is_empty() {
                &involved
            } else {
                &everyone
            };
            pick(from, i).and_then(|id| {
                let result = clientele::book::merge::unmerge(&mut db.conn, id, &c);
                let Some(m) = model.to_undo(id) else {
                    return Some(result.expect_err("the model refuses this unmerge"));
                };
                let other = model.merges[m].1;
                model.merges[m].2 = true;
                model.parent.remove(&other);
                // The card that comes back, or the kept one when it is not in the book alone
                // (a platform card whose bookings went while it was merged).
                let back = result.unwrap_or_else(|e| panic!("{step:?}: {e}"));
                assert!(
                    back.customer_id == other || back.customer_id == model.merges[m].0,
                    "{step:?}: unmerge returned {}",
                    back.customer_id
                );
                None
            })
        }
        Step::Archive(card, archived) => {
            if let Some(id) = pick(&cards, card) {
                let r = clientele::book::set_archived(&mut db.conn, id, archived, &c).unwrap();
                assert_eq!(r.archived, archived);
                match archived {
                    true => model.archived.insert(id),
                    false => model.archived.remove(&id),
                };
            }
            None
        }
        Step::Apply(_) | Step::Reapply(_) | Step::Remove(_) => unreachable!(),
    };
    if let Some(e) = refusal {
        assert_eq!(e.code(), "invalid_input", "{step:?}: {e}");
        let after = (summary_dump(&db.conn), status_counts_dump(&db.conn));
        assert_eq!(after, before, "{step:?} was refused but wrote");
    }
}
