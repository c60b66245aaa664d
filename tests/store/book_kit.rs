//! Helpers shared by the customer-book tests (`book_*.rs`): own customers and visits in one
//! call, the list as ids, a dump of every table (for "nothing written"), the recompute check.

use clientele::activity::{recent, Activity, ActivityKind, ActivityQuery};
use clientele::book::visits::{self, Visit, VisitInput};
use clientele::book::{self, NewCustomer};
use clientele::customers::{self, CustomerQuery, CustomerRow};
use clientele::platform::Batch;
use clientele::relations::{edit, RelationEdit};
use clientele::Error;
use clientele_test_kit::store::*;

/// An own customer with a first and last name and nothing else.
pub fn person(first: &str, last: &str) -> NewCustomer {
    NewCustomer {
        first_name: first.into(),
        last_name: Some(last.into()),
        ..Default::default()
    }
}

pub fn add(db: &mut TestDb, c: &NewCustomer) -> CustomerRow {
    book::add_customer(&mut db.conn, c, &clock()).unwrap()
}

pub fn row(db: &TestDb, id: i64) -> CustomerRow {
    customers::get(&db.conn, id, &clock()).unwrap()
}

/// A visit without a time.
pub fn visit(service: &str, date: &str, amount: &str, status: &str) -> VisitInput {
    VisitInput {
        service: service.into(),
        date: date.into(),
        time: None,
        amount: amount.into(),
        status: Some(status.into()),
        payment_status: None,
    }
}

pub fn record(db: &mut TestDb, customer_id: i64, v: &VisitInput) -> Visit {
    visits::add(&mut db.conn, customer_id, v, &clock()).unwrap()
}

/// The ids the list shows for `q` (every page), sorted.
pub fn ids(db: &TestDb, q: CustomerQuery) -> Vec<i64> {
    let q = CustomerQuery {
        page_size: Some(1000),
        ..q
    };
    let mut ids: Vec<i64> = customers::list(&db.conn, &q, &clock())
        .unwrap()
        .results
        .iter()
        .map(|r| r.customer_id)
        .collect();
    ids.sort_unstable();
    ids
}

/// The ids of the "All" list, sorted.
pub fn all_ids(db: &TestDb) -> Vec<i64> {
    ids(db, CustomerQuery::default())
}

pub fn search(db: &TestDb, q: &str) -> Vec<i64> {
    ids(
        db,
        CustomerQuery {
            search: Some(q.into()),
            ..Default::default()
        },
    )
}

/// Every row of every table: equal before and after a refused change means nothing was
/// written.
pub fn dump(db: &TestDb) -> Vec<(String, Vec<Vec<String>>)> {
    let tables: Vec<String> = db
        .conn
        .prepare(
            "SELECT name FROM sqlite_master
              WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
              ORDER BY name",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    tables
        .into_iter()
        .map(|t| {
            let mut st = db
                .conn
                .prepare(&format!("SELECT * FROM \"{t}\" ORDER BY 1"))
                .unwrap();
            let n = st.column_count();
            let rows = st
                .query_map([], |r| {
                    (0..n)
                        .map(|i| {
                            r.get::<_, rusqlite::types::Value>(i)
                                .map(|v| format!("{v:?}"))
                        })
                        .collect()
                })
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            (t, rows)
        })
        .collect()
}

/// The incrementally kept summary rows and status counts equal a recompute from scratch.
pub fn assert_recompute_unchanged(db: &mut TestDb) {
    let (rows, counts) = (summary_dump(&db.conn), status_counts_dump(&db.conn));
    clientele::metrics::recompute_all(&mut db.conn).unwrap();
    assert_eq!(
        summary_dump(&db.conn),
        rows,
        "summary rows differ from a recompute"
    );
    assert_eq!(status_counts_dump(&db.conn), counts, "status counts differ");
}

/// `invalid_input` with the field named in the message.
#[track_caller]
pub fn assert_invalid<T: std::fmt::Debug>(r: clientele::Result<T>, field: &str) {
    let e: Error = r.unwrap_err();
    assert_eq!(e.code(), "invalid_input", "{e}");
    assert!(e.to_string().contains(field), "{field:?} not named in: {e}");
}

/// The provider's edits in the timeline, newest first.
pub fn edits(db: &TestDb) -> Vec<Activity> {
    recent(
        &db.conn,
        &ActivityQuery {
            limit: Some(200),
            kind: Some(ActivityKind::Edit),
            before: None,
        },
    )
    .unwrap()
    .activities
}

/// The whole timeline, newest first.
pub fn timeline(db: &TestDb) -> Vec<Activity> {
    recent(
        &db.conn,
        &ActivityQuery {
            limit: Some(200),
            ..Default::default()
        },
    )
    .unwrap()
    .activities
}

/// An own customer FIRST Gurung with notes and tags; its id.
pub fn own(db: &mut TestDb, first: &str, notes: &str, tags: &[&str]) -> i64 {
    let c = NewCustomer {
        notes: Some(notes.into()),
        tags: tags.iter().map(|t| t.to_string()).collect(),
        ..person(first, "Gurung")
    };
    add(db, &c).customer_id
}

pub fn set(db: &mut TestDb, id: i64, edits: &[RelationEdit]) {
    edit(&mut db.conn, id, edits, &clock()).unwrap();
}

pub fn blocked(reason: &str) -> RelationEdit {
    RelationEdit::Blocked {
        value: true,
        reason: Some(reason.into()),
    }
}

/// Platform customers 10 (two completed bookings of 1000, a 4-star review) and 20 (one
/// completed of 500 and one cancelled, a 2-star review).
pub fn two_platform_customers() -> TestDb {
    let mut db = TestDb::new();
    let k = |b| with_customer(b, customer(10, "Ram", "Shrestha", Some("9801111111")));
    let x = |b| with_customer(b, customer(20, "Ram", "Shrestha", Some("9802222222")));
    db.apply(&Batch {
        bookings: vec![
            k(booking(
                101,
                10,
                "completed",
                "2026-11-02T08:00:00Z",
                "2026-11-03",
                1000,
            )),
            k(booking(
                102,
                10,
                "completed",
                "2026-11-04T08:00:00Z",
                "2026-11-05",
                1000,
            )),
            x(booking(
                201,
                20,
                "completed",
                "2026-10-01T08:00:00Z",
                "2026-10-02",
                500,
            )),
            x(booking(
                202,
                20,
                "cancelled",
                "2026-11-10T08:00:00Z",
                "2026-11-12",
                900,
            )),
        ],
        reviews: vec![
            review(1, 10, 4, "2026-11-06T00:00:00Z"),
            review(2, 20, 2, "2026-10-03T00:00:00Z"),
        ],
    });
    db
}
