//! The customer list: search (names, Devanagari, email, phone), status filter with counts,
//! every sort in both directions, stable paging, the empty database.

use clientele::customers::{list, CustomerPage, CustomerQuery, SortKey};
use clientele::relations::{edit, RelationEdit};
use clientele::CustomerStatus;
use clientele_test_kit::store::*;

/// Six customers with different names, phones, totals and dates.
fn fixture() -> TestDb {
    let mut db = TestDb::new();
    let people = [
        (1, "Ram", "Shrestha", Some("9801234567"), 1),
        (2, "Sita", "Sharma", Some("+977 980-765 4321"), 2),
        (3, "अशोक", "पाण्‍डे", Some("9812345678"), 5),
        (4, "Hari", "Tamang", None, 3),
        (5, "Gita", "Rai", Some("01-4412345"), 6),
        (6, "Bishal", "KC", Some("9840000000"), 2),
    ];
    let mut all = Vec::new();
    for (cid, first, last, phone, n) in people {
        for i in 0..n {
            let b = booking(
                cid * 100 + i,
                cid,
                "completed",
                &format!("2026-{:02}-{:02}T08:00:00Z", 1 + cid, 1 + i),
                "2026-06-01",
                100 * (7 - cid),
            );
            all.push(with_customer(b, customer(cid, first, last, phone)));
        }
    }
    db.apply(&bookings(all));
    db
}

fn q(search: &str) -> CustomerQuery {
    CustomerQuery {
        search: Some(search.into()),
        ..Default::default()
    }
}

fn ids(p: &CustomerPage) -> Vec<i64> {
    p.results.iter().map(|r| r.customer_id).collect()
}

fn run(db: &TestDb, query: &CustomerQuery) -> CustomerPage {
    list(&db.conn, query, &clock()).unwrap()
}

#[test]
fn search_matches_names_case_insensitively_and_full_names() {
    let db = fixture();
    assert_eq!(ids(&run(&db, &q("shr"))), vec![1]);
    assert_eq!(ids(&run(&db, &q("SHARMA"))), vec![2]);
    assert_eq!(ids(&run(&db, &q("ram shrestha"))), vec![1]);
    let mut sh = ids(&run(&db, &q("sh")));
    sh.sort();
    assert_eq!(
        sh,
        vec![1, 2, 6],
        "two-character search: Shrestha, Sharma, Bishal"
    );
    assert_eq!(ids(&run(&db, &q("zzz"))), Vec::<i64>::new());
    assert_eq!(run(&db, &q("zzz")).count, 0);
}

#[test]
fn search_matches_devanagari_with_or_without_joiners() {
    let db = fixture();
    assert_eq!(
        ids(&run(&db, &q("पाण्डे"))),
        vec![3],
        "typed without the zero-width joiner"
    );
    assert_eq!(ids(&run(&db, &q("पाण्‍डे"))), vec![3]);
    assert_eq!(ids(&run(&db, &q("अशोक"))), vec![3]);
    assert_eq!(ids(&run(&db, &q("अ"))), vec![3], "one character scans");
}

#[test]
fn search_matches_phone_ignoring_spaces_dashes_and_country_code() {
    let db = fixture();
    assert_eq!(ids(&run(&db, &q("980 765 4321"))), vec![2]);
    assert_eq!(ids(&run(&db, &q("+977-9807654321"))), vec![2]);
    assert_eq!(ids(&run(&db, &q("9807654321"))), vec![2]);
    assert_eq!(ids(&run(&db, &q("+977 980-123"))), vec![1]);
    assert_eq!(ids(&run(&db, &q("441-2345"))), vec![5]);
}

#[test]
fn search_matches_email() {
    let db = fixture();
    assert_eq!(ids(&run(&db, &q("gita.5@"))), vec![5]);
    assert_eq!(run(&db, &q("example.test")).count, 6);
}

#[test]
fn status_filter_with_counts_per_status() {
    let mut db = fixture();
    edit(
        &mut db.conn,
        5,
        &[RelationEdit::Favorite { value: true }],
        &clock(),
    )
    .unwrap();
    edit(
        &mut db.conn,
        4,
        &[RelationEdit::Blocked {
            value: true,
            reason: Some("no-show".into()),
        }],
        &clock(),
    )
    .unwrap();
    let all = run(&db, &CustomerQuery::default());
    let c = &all.status_counts;
    assert_eq!(
        (c.all, c.new, c.returning, c.regular, c.favorite, c.blocked),
        (6, 1, 2, 1, 1, 1)
    );
    let regular = run(
        &db,
        &CustomerQuery {
            status: Some(CustomerStatus::Regular),
            ..Default::default()
        },
    );
    assert_eq!(ids(&regular), vec![3]);
    assert_eq!(regular.count, 1);
    assert_eq!(
        regular.status_counts, all.status_counts,
        "chips keep counting every status"
    );
    let blocked = run(
        &db,
        &CustomerQuery {
            status: Some(CustomerStatus::Blocked),
            ..Default::default()
        },
    );
    assert_eq!(
        blocked.results[0].blocked_reason.as_deref(),
        Some("no-show")
    );
    // Counts follow the search.
    let searched = run(
        &db,
        &CustomerQuery {
            search: Some("sh".into()),
            status: Some(CustomerStatus::Returning),
            ..Default::default()
        },
    );
    assert_eq!(ids(&searched), vec![6, 2]);
    assert_eq!(searched.status_counts.all, 3);
    assert_eq!(searched.status_counts.new, 1);
}

#[test]
fn every_sort_in_both_directions_breaks_ties_by_id() {
    let db = fixture();
    let sorted = |sort, desc| {
        ids(&run(
            &db,
            &CustomerQuery {
                sort: Some(sort),
                descending: Some(desc),
                ..Default::default()
            },
        ))
    };
    assert_eq!(
        sorted(SortKey::Name, false),
        vec![6, 5, 4, 1, 2, 3],
        "Bishal, Gita, Hari, Ram, Sita, अशोक"
    );
    assert_eq!(sorted(SortKey::Name, true), vec![3, 2, 1, 4, 5, 6]);
    // 2 and 6 both have 2 bookings: id breaks the tie in the sort's direction.
    assert_eq!(sorted(SortKey::TotalBookings, true), vec![5, 3, 4, 6, 2, 1]);
    assert_eq!(
        sorted(SortKey::TotalBookings, false),
        vec![1, 2, 6, 4, 3, 5]
    );
    // spent = n × 100 × (7 − id) rupees: 1→600, 2→1000, 3→2000, 4→900, 5→1200, 6→200
    assert_eq!(sorted(SortKey::TotalSpent, true), vec![3, 5, 2, 4, 1, 6]);
    assert_eq!(sorted(SortKey::TotalSpent, false), vec![6, 1, 4, 2, 5, 3]);
    assert_eq!(sorted(SortKey::LastBooking, true), vec![6, 5, 4, 3, 2, 1]);
    assert_eq!(sorted(SortKey::LastBooking, false), vec![1, 2, 3, 4, 5, 6]);
    // Default: last booking, newest first.
    assert_eq!(
        ids(&run(&db, &CustomerQuery::default())),
        vec![6, 5, 4, 3, 2, 1]
    );
}

#[test]
fn paging_is_stable_and_complete() {
    let db = fixture();
    let mut seen = Vec::new();
    for page in 1..=3 {
        let p = run(
            &db,
            &CustomerQuery {
                sort: Some(SortKey::TotalBookings),
                page: Some(page),
                page_size: Some(2),
                ..Default::default()
            },
        );
        assert_eq!((p.count, p.total_pages, p.page), (6, 3, page));
        seen.extend(ids(&p));
    }
    assert_eq!(seen, vec![5, 3, 4, 6, 2, 1]);
    let past = run(
        &db,
        &CustomerQuery {
            page: Some(9),
            page_size: Some(2),
            ..Default::default()
        },
    );
    assert!(past.results.is_empty());
    for bad in [
        CustomerQuery {
            page: Some(0),
            ..Default::default()
        },
        CustomerQuery {
            page_size: Some(0),
            ..Default::default()
        },
        CustomerQuery {
            page_size: Some(5000),
            ..Default::default()
        },
    ] {
        assert_eq!(
            list(&db.conn, &bad, &clock()).unwrap_err().code(),
            "invalid_input"
        );
    }
}

#[test]
fn the_empty_database_lists_nothing_and_counts_zero() {
    let db = TestDb::new();
    let p = run(&db, &CustomerQuery::default());
    assert_eq!((p.count, p.total_pages, p.results.len()), (0, 0, 0));
    assert_eq!(p.status_counts.all, 0);
    let s = clientele::stats::stats(&db.conn, &clock()).unwrap();
    assert_eq!(
        (s.total_customers, s.average_rating, s.retention_rate),
        (0, None, 0.0)
    );
    let a = clientele::activity::recent(&db.conn, &Default::default()).unwrap();
    assert!(a.activities.is_empty() && a.next_cursor.is_none());
    assert_eq!(
        clientele::customers::get(&db.conn, 1, &clock())
            .unwrap_err()
            .code(),
        "not_found"
    );
}
