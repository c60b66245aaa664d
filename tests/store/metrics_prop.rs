//! Property: after every step — a batch (re-applied, re-ordered, with status changes and
//! removals), an own customer, an own visit added, edited or deleted, a merge, an unmerge,
//! an archive or a restore — the incrementally maintained metrics and status counts equal
//! both `recompute_all` and an independent model computed here from first principles
//! (the model follows merges by the ids the API returns, not by reading `card_id`). A
//! refused step writes nothing. The own-book steps are driven by `metrics_prop_book`.

use clientele::book::visits;
use clientele::model::fmt_ts;
use clientele::platform::{Batch, BookingIn, ReviewIn};
use clientele_test_kit::store::*;
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

pub(crate) const STATUSES: [&str; 10] = [
    "pending",
    "confirmed",
    "payment_pending",
    "service_delivered",
    "awaiting_confirmation",
    "completed",
    "cancelled",
    "rejected",
    "disputed",
    "mystery_status",
];

fn at(day: u32, hour: u32) -> String {
    fmt_ts(ts(&format!("2026-10-{day:02}T{hour:02}:00:00Z")))
}

fn arb_booking() -> impl Strategy<Value = BookingIn> {
    (
        1..25i64,
        1..6i64,
        0..STATUSES.len(),
        1..28u32,
        0..20u32,
        0..4u32,
        0..5000i64,
        1..28u32,
    )
        .prop_map(|(id, cid, st, day, hour, bump, amount, date)| {
            let mut b = booking(
                id,
                cid,
                STATUSES[st],
                "2026-10-01T00:00:00Z",
                &format!("2026-11-{date:02}"),
                amount,
            );
            b.created_at = at(day, hour);
            b.updated_at = at(day, hour + bump);
            b
        })
}

fn arb_review() -> impl Strategy<Value = ReviewIn> {
    (1..10i64, 1..6i64, 1..=5i64, 1..28u32, 0..4u32).prop_map(|(id, cid, rating, day, bump)| {
        let mut r = review(id, cid, rating, "2026-10-01T00:00:00Z");
        r.created_at = at(day, 1);
        r.updated_at = at(day, 1 + bump);
        r
    })
}

/// A step of the provider's own book; `usize`s pick among the current cards or visits.
#[derive(Debug, Clone)]
pub(crate) enum Step {
    Apply(Batch),
    Reapply(usize),
    Remove(Vec<i64>),
    AddOwn,
    /// A visit for a card: (card, status, day, amount in paisa).
    AddVisit(usize, usize, u32, i64),
    /// A new status and amount for a visit: (visit, status, amount in rupees).
    EditVisit(usize, usize, i64),
    DeleteVisit(usize),
    Merge(usize, usize),
    /// `true`: among the ids of merges not undone (kept or merged away).
    Unmerge(usize, bool),
    Archive(usize, bool),
}

/// The statuses an own visit may take (the platform's; no unknown one).
const VISIT_STATUSES: usize = 9;

fn arb_step() -> impl Strategy<Value = Step> {
    prop_oneof![
        6 => (prop::collection::vec(arb_booking(), 0..12), prop::collection::vec(arb_review(), 0..5))
            .prop_map(|(bookings, reviews)| Step::Apply(Batch { bookings, reviews })),
        2 => (0..10usize).prop_map(Step::Reapply),
        1 => prop::collection::vec(1..25i64, 1..4).prop_map(Step::Remove),
        1 => Just(Step::AddOwn),
        3 => (0..16usize, 0..VISIT_STATUSES, 1..40u32, 0..5000i64)
            .prop_map(|(c, s, d, a)| Step::AddVisit(c, s, d, a)),
        1 => (0..16usize, 0..VISIT_STATUSES, 0..5000i64)
            .prop_map(|(v, s, a)| Step::EditVisit(v, s, a)),
        1 => (0..16usize).prop_map(Step::DeleteVisit),
        2 => (0..16usize, 0..16usize).prop_map(|(a, b)| Step::Merge(a, b)),
        2 => (0..16usize, any::<bool>()).prop_map(|(i, merged)| Step::Unmerge(i, merged)),
        1 => (0..16usize, any::<bool>()).prop_map(|(c, a)| Step::Archive(c, a)),
    ]
}

/// The store as the rules say it should be: newest `updated_at` wins, ties replace. Own
/// visits as the API returned them; `parent` is the card each merged customer went into.
#[derive(Default)]
pub(crate) struct Model {
    pub(crate) bookings: BTreeMap<i64, (BookingIn, bool)>,
    pub(crate) reviews: BTreeMap<i64, ReviewIn>,
    pub(crate) visits: BTreeMap<i64, BookingIn>,
    pub(crate) own: BTreeSet<i64>,
    pub(crate) parent: BTreeMap<i64, i64>,
    /// Every merge as (kept, other, undone), oldest first.
    pub(crate) merges: Vec<(i64, i64, bool)>,
    pub(crate) archived: BTreeSet<i64>,
}

impl Model {
    fn apply(&mut self, batch: &Batch) {
        for b in &batch.bookings {
            match self.bookings.get(&b.id) {
                Some((old, _)) if b.updated_at < old.updated_at => {}
                _ => {
                    self.bookings.insert(b.id, (b.clone(), false));
                }
            }
        }
        for r in &batch.reviews {
            match self.reviews.get(&r.id) {
                Some(old) if r.updated_at < old.updated_at => {}
                _ => {
                    self.reviews.insert(r.id, r.clone());
                }
            }
        }
    }

    /// The card a customer counts for: itself, or where its merges lead.
    pub(crate) fn card(&self, mut id: i64) -> i64 {
        while let Some(&p) = self.parent.get(&id) {
            id = p;
        }
        id
    }

    /// The merge an unmerge of `id` undoes: the latest into `id` when it is a card, or the
    /// one of `id` itself when that is the latest into its card; `None`: refused.
    pub(crate) fn to_undo(&self, id: i64) -> Option<usize> {
        let latest = |kept: i64| {
            self.merges
                .iter()
                .rposition(|&(k, _, undone)| k == kept && !undone)
        };
        match self.parent.get(&id) {
            Some(&kept) if !self.parent.contains_key(&kept) => {
                latest(kept).filter(|&m| self.merges[m].1 == id)
            }
            Some(_) => None,
            None => latest(id),
        }
    }

    pub(crate) fn visit_in(&mut self, v: &visits::Visit) {
        let mut b = booking(
            v.booking_id,
            v.customer_id,
            &v.status,
            "2026-10-01T00:00:00Z",
            &v.date,
            0,
        );
        b.total_amount = v.amount;
        b.created_at = v.created_at.clone();
        self.visits.insert(v.booking_id, b);
    }

    /// Per card: (total, cancelled, spent, reviews, rating sum, first, last, last visit).
    /// A card is in the book with a live booking or visit; an own card from when it is
    /// added (with empty booking columns).
    fn expected(&self) -> BTreeMap<i64, Row> {
        let mut out = BTreeMap::new();
        let live = self
            .bookings
            .values()
            .filter(|(_, removed)| !removed)
            .map(|(b, _)| b)
            .chain(self.visits.values());
        for b in live {
            let e = out.entry(self.card(b.customer_id)).or_insert((
                0,
                0,
                0,
                0,
                0,
                b.created_at.clone(),
                b.created_at.clone(),
                None::<String>,
            ));
            if b.status == "cancelled" || b.status == "rejected" {
                e.1 += 1;
            } else {
                e.0 += 1;
            }
            if b.status == "completed" {
                e.2 += b.total_amount.0;
                e.7 = e.7.clone().max(Some(b.booking_date.clone()));
            }
            e.5 = e.5.clone().min(b.created_at.clone());
            e.6 = e.6.clone().max(b.created_at.clone());
        }
        // A card holding an own customer stays in the book (docs/rules.md §7, §9).
        for &id in &self.own {
            out.entry(self.card(id))
                .or_insert((0, 0, 0, 0, 0, String::new(), String::new(), None));
        }
        for r in self.reviews.values() {
            if let Some(e) = out.get_mut(&self.card(r.customer_id)) {
                e.3 += 1;
                e.4 += r.rating;
            }
        }
        out
    }
}

type Row = (i64, i64, i64, i64, i64, String, String, Option<String>);

fn stored(db: &TestDb) -> BTreeMap<i64, Row> {
    db.conn
        .prepare(
            "SELECT customer_id, total_bookings, cancelled_bookings, total_spent, review_count,
                    rating_sum, first_booking_at, last_booking_at, last_visit_on
               FROM customer_summary",
        )
        .unwrap()
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                (
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                    r.get(7)?,
                    r.get(8)?,
                ),
            ))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn incremental_metrics_equal_a_recompute(steps in prop::collection::vec(arb_step(), 1..16)) {
        let mut db = TestDb::new();
        let mut model = Model::default();
        let mut history: Vec<Batch> = Vec::new();
        for step in steps {
            match step {
                Step::Apply(batch) => {
                    db.apply(&batch);
                    model.apply(&batch);
                    history.push(batch);
                }
                Step::Reapply(i) if !history.is_empty() => {
                    // An older page arriving again, in reverse order.
                    let mut batch = history[i % history.len()].clone();
                    batch.bookings.reverse();
                    db.apply(&batch);
                    model.apply(&batch);
                }
                Step::Reapply(_) => {}
                Step::Remove(ref ids) => {
                    let tx = clientele::db::write_tx(&mut db.conn).unwrap();
                    clientele::ingest::mark_removed(&tx, ids, &[]).unwrap();
                    tx.commit().unwrap();
                    for id in ids {
                        if let Some(e) = model.bookings.get_mut(id) {
                            e.1 = true;
                        }
                    }
                }
                ref book => crate::metrics_prop_book::book_step(&mut db, &mut model, book),
            }
            let incremental = summary_dump(&db.conn);
            let counts = status_counts_dump(&db.conn);
            prop_assert_eq!(stored(&db), model.expected());
            clientele::metrics::recompute_all(&mut db.conn).unwrap();
            prop_assert_eq!(summary_dump(&db.conn), incremental);
            prop_assert_eq!(status_counts_dump(&db.conn), counts.clone());
            let total: i64 = counts.iter().map(|c| c.1).sum();
            prop_assert_eq!(total, model.expected().len() as i64);
        }
    }
}
