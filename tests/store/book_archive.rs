//! Archive (docs/rules.md §7) and tags (§9): an archived card leaves the list, every stats
//! card, the charts, the tag counts, the duplicates and the default export, and comes back
//! whole; tags filter the list and the export (all of them), case-insensitively.

use crate::book_kit::*;
use clientele::book::{self, NewCustomer};
use clientele::customers::{self, CustomerQuery};
use clientele::export::{export_csv, ExportFilter};
use clientele::platform::Batch;
use clientele::relations::{edit, RelationEdit};
use clientele::stats::{charts, stats, ChartRange};
use clientele::tags::{counts, TagCount};
use clientele::{CustomerStatus, Money};
use clientele_test_kit::store::*;

/// The CSV export parsed back: (name, tags) per row, in file order.
fn exported(db: &TestDb, filter: &ExportFilter) -> Vec<(String, String)> {
    let path = db.dir.path().join("out.csv");
    let report = export_csv(&db.conn, &path, filter, &clock()).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let body = text.strip_prefix('\u{feff}').expect("a BOM");
    let mut r = csv::Reader::from_reader(body.as_bytes());
    let headers = r.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (name, tags) = (col("Customer Name"), col("Tags"));
    let rows: Vec<(String, String)> = r
        .records()
        .map(|rec| {
            let rec = rec.unwrap();
            (rec[name].to_string(), rec[tags].to_string())
        })
        .collect();
    assert_eq!(rows.len() as u64, report.rows);
    rows
}

fn tag_counts(db: &TestDb) -> Vec<(String, i64)> {
    counts(&db.conn)
        .unwrap()
        .into_iter()
        .map(|TagCount { tag, count }| (tag, count))
        .collect()
}

fn with(db: &TestDb, ts: &[&str]) -> Vec<i64> {
    ids(
        db,
        CustomerQuery {
            tags: tags(ts),
            ..Default::default()
        },
    )
}

fn tags(ts: &[&str]) -> Vec<String> {
    ts.iter().map(|t| t.to_string()).collect()
}

#[test]
fn an_archived_card_leaves_everything_and_unarchive_restores_it() {
    let mut db = TestDb::new();
    let k = |b| with_customer(b, customer(1, "Ram", "Shrestha", Some("9801111111")));
    db.apply(&Batch {
        bookings: vec![
            k(booking(
                11,
                1,
                "completed",
                "2026-11-01T08:00:00Z",
                "2026-11-02",
                1000,
            )),
            k(booking(
                12,
                1,
                "completed",
                "2026-11-02T08:00:00Z",
                "2026-11-03",
                1000,
            )),
            with_customer(
                booking(
                    21,
                    2,
                    "completed",
                    "2026-11-03T08:00:00Z",
                    "2026-11-04",
                    500,
                ),
                customer(2, "Gita", "Rai", Some("9802222222")),
            ),
        ],
        reviews: vec![
            review(1, 1, 2, "2026-11-05T00:00:00Z"),
            review(2, 2, 5, "2026-11-05T00:00:00Z"),
        ],
    });
    let c = clock();
    edit(
        &mut db.conn,
        1,
        &[
            RelationEdit::Favorite { value: true },
            RelationEdit::Tags {
                value: tags(&["VIP"]),
            },
        ],
        &c,
    )
    .unwrap();
    edit(
        &mut db.conn,
        2,
        &[RelationEdit::Tags {
            value: tags(&["vip"]),
        }],
        &c,
    )
    .unwrap();
    // An own customer with customer 1's email: a likely duplicate.
    let o = NewCustomer {
        email: Some("ram.1@example.test".into()),
        ..person("Ram", "S.")
    };
    let o = add(&mut db, &o).customer_id;
    let (s0, ch0, t0) = (
        stats(&db.conn, &c).unwrap(),
        charts(&db.conn, &c, ChartRange::Last12Months).unwrap(),
        tag_counts(&db),
    );
    assert_eq!(
        (s0.total_customers, s0.favorite_customers, s0.retention_rate),
        (3, 1, 50.0)
    );
    assert_eq!(s0.average_rating, Some(3.5));
    assert_eq!(ch0.months.last().unwrap().revenue, Money(250_000));
    assert_eq!(t0, vec![("VIP".to_string(), 2)]);
    assert_eq!(book::duplicates::find(&db.conn).unwrap().len(), 1);
    let before = row(&db, 1);

    let r = book::set_archived(&mut db.conn, 1, true, &c).unwrap();
    assert!(r.archived);
    assert_eq!(r.status, CustomerStatus::Archived);
    assert_eq!(
        (r.total_bookings, r.is_favorite, r.tags.clone()),
        (2, true, tags(&["VIP"]))
    );
    assert_eq!(all_ids(&db), vec![o, 2]);
    let archived = CustomerQuery {
        status: Some(CustomerStatus::Archived),
        ..Default::default()
    };
    assert_eq!(ids(&db, archived.clone()), vec![1]);
    let page = customers::list(&db.conn, &CustomerQuery::default(), &c).unwrap();
    assert_eq!(
        (page.status_counts.all, page.status_counts.archived),
        (2, 1)
    );
    assert_eq!(page.status_counts.favorite, 0);
    let s = stats(&db.conn, &c).unwrap();
    assert_eq!(s.total_customers, 2);
    assert_eq!(s.favorite_customers, 0);
    assert_eq!(s.regular_customers, 0);
    assert_eq!(s.new_customers_this_month, 1, "only customer 2");
    assert_eq!(s.active_customers, 1);
    assert_eq!(s.average_rating, Some(5.0), "its reviews leave the rating");
    assert_eq!(s.retention_rate, 0.0, "0 of customer 2 alone");
    let ch = charts(&db.conn, &c, ChartRange::Last12Months).unwrap();
    let nov = ch.months.last().unwrap();
    assert_eq!((nov.new_customers, nov.revenue), (1, Money(50_000)));
    assert_eq!(ch.status_counts.all, 2);
    assert_eq!(ch.services.iter().map(|s| s.revenue.0).sum::<i64>(), 50_000);
    assert_eq!(tag_counts(&db), vec![("vip".to_string(), 1)]);
    assert!(book::duplicates::find(&db.conn).unwrap().is_empty());
    let names: Vec<String> = exported(&db, &ExportFilter::default())
        .into_iter()
        .map(|r| r.0)
        .collect();
    assert_eq!(
        names,
        vec!["Gita Rai", "Ram S."],
        "2 by last booking, then o"
    );
    let only = ExportFilter {
        status: Some(CustomerStatus::Archived),
        ..Default::default()
    };
    assert_eq!(
        exported(&db, &only),
        vec![("Ram Shrestha".into(), "VIP".into())]
    );
    // An archived card cannot be merged, in either place.
    let before_merge = dump(&db);
    assert_invalid(book::merge::merge(&mut db.conn, 1, o, &c), "archived");
    assert_invalid(book::merge::merge(&mut db.conn, o, 1, &c), "archived");
    assert!(dump(&db) == before_merge);
    assert_recompute_unchanged(&mut db);

    let r = book::set_archived(&mut db.conn, 1, false, &c).unwrap();
    assert_eq!(r, before);
    assert_eq!(all_ids(&db), vec![o, 1, 2]);
    assert!(ids(&db, archived).is_empty());
    assert_eq!(stats(&db.conn, &c).unwrap(), s0);
    assert_eq!(charts(&db.conn, &c, ChartRange::Last12Months).unwrap(), ch0);
    assert_eq!(tag_counts(&db), t0);
    assert_eq!(book::duplicates::find(&db.conn).unwrap().len(), 1);
    let titles: Vec<String> = edits(&db).iter().take(2).map(|a| a.title.clone()).collect();
    assert_eq!(titles, vec!["Restored", "Archived"]);
    assert_recompute_unchanged(&mut db);
}

#[test]
fn tags_filter_the_list_and_export_by_all_of_them_case_insensitively() {
    let mut db = TestDb::new();
    let own = |first: &str, ts: &[&str]| NewCustomer {
        tags: tags(ts),
        ..person(first, "Gurung")
    };
    let a = add(&mut db, &own("Sita", &["VIP", "Hair", "vip"])).customer_id;
    let b = add(&mut db, &own("Gita", &["vip"])).customer_id;
    let c = add(&mut db, &own("Maya", &["Nails", "hair", "VIP"])).customer_id;
    add(&mut db, &own("Hari", &[]));
    assert_eq!(
        row(&db, a).tags,
        tags(&["VIP", "Hair"]),
        "first spelling kept"
    );
    // Adding a tag again in another case changes nothing.
    let r = book::tag(&mut db.conn, a, &tags(&["HAIR", "vip"]), &[], &clock()).unwrap();
    assert_eq!(r.tags, tags(&["VIP", "Hair"]));
    let sorted = |mut v: Vec<i64>| {
        v.sort_unstable();
        v
    };
    assert_eq!(with(&db, &["vip"]), sorted(vec![a, b, c]));
    assert_eq!(with(&db, &["VIP", "hAIR"]), sorted(vec![a, c]));
    assert_eq!(with(&db, &["hair", "nails"]), vec![c]);
    assert!(with(&db, &["nope"]).is_empty());
    assert!(with(&db, &["vip", "nope"]).is_empty());
    let q = CustomerQuery {
        tags: tags(&["t".repeat(41).as_str()]),
        ..Default::default()
    };
    assert_invalid(customers::list(&db.conn, &q, &clock()), "tag");
    assert_eq!(
        tag_counts(&db),
        vec![
            ("VIP".to_string(), 3),
            ("Hair".to_string(), 2),
            ("Nails".to_string(), 1)
        ]
    );
    let filter = ExportFilter {
        tags: tags(&["vip", "HAIR"]),
        ..Default::default()
    };
    let mut rows = exported(&db, &filter);
    rows.sort();
    assert_eq!(
        rows,
        vec![
            ("Maya Gurung".to_string(), "Nails; hair; VIP".to_string()),
            ("Sita Gurung".to_string(), "VIP; Hair".to_string()),
        ]
    );
    // Removing is case-insensitive too; the counts follow.
    let r = book::tag(&mut db.conn, c, &tags(&["Late"]), &tags(&["vip"]), &clock()).unwrap();
    assert_eq!(r.tags, tags(&["Nails", "hair", "Late"]));
    assert_eq!(with(&db, &["vip"]), sorted(vec![a, b]));
    let n = |t: &str, n: i64| (t.to_string(), n);
    assert_eq!(
        tag_counts(&db),
        vec![n("Hair", 2), n("VIP", 2), n("Late", 1), n("Nails", 1)],
        "most used first, then by name"
    );
    let e = edits(&db);
    assert_eq!((e[0].title.as_str(), e[0].customer_id), ("Tags changed", c));
    assert_eq!(e[0].description, "Tags: Nails, hair, Late");
    // The 21st tag and a 41-character one are refused, nothing written.
    let before = dump(&db);
    let many: Vec<String> = (0..18).map(|i| format!("t{i}")).collect();
    assert_invalid(
        book::tag(&mut db.conn, c, &many, &[], &clock()),
        "at most 20",
    );
    assert_invalid(
        book::tag(&mut db.conn, c, &[format!("{:x<41}", "")], &[], &clock()),
        "41 characters",
    );
    assert!(dump(&db) == before);
    assert_recompute_unchanged(&mut db);
}
