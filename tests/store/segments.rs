//! Segments and cadence (docs/rules.md §10) with hand-computed edge cases, as of the tests'
//! "today" (2026-11-24, Kathmandu): odd and even gaps, repeated and future dates, exactly 3
//! dates, lapsed on day 90, upcoming on day 7 and 8, cancel share exactly 0.3, the
//! top-spender boundary and its ties, blocked customers; the daily roll equals a recompute.

use clientele::customers::{self, CustomerQuery, SortKey};
use clientele::relations::{edit, RelationEdit};
use clientele::segments::{counts, roll, Segment};
use clientele_test_kit::store::*;

/// A completed booking on `date` (created that morning), `amount` rupees.
fn visit(
    id: i64,
    cid: i64,
    date: &str,
    amount: i64,
    status: &str,
) -> clientele::platform::BookingIn {
    let created = if date <= "2026-11-24" {
        format!("{date}T03:00:00Z")
    } else {
        "2026-11-01T03:00:00Z".to_string()
    };
    booking(id, cid, status, &created, date, amount)
}

fn db_with(bookings_in: Vec<clientele::platform::BookingIn>) -> TestDb {
    let mut db = TestDb::new();
    roll(&mut db.conn, clock().today()).unwrap();
    db.apply(&bookings(bookings_in));
    db
}

fn in_segment(db: &TestDb, seg: Segment) -> Vec<i64> {
    let q = CustomerQuery {
        segment: Some(seg),
        page_size: Some(1000),
        ..Default::default()
    };
    let page = customers::list(&db.conn, &q, &clock()).unwrap();
    // The desktop's in-memory index must draw every edge exactly where SQL does.
    let index = clientele::book_index::BookIndex::new();
    assert_eq!(index.list(&db.conn, &q, &clock()).unwrap(), page, "{seg:?}");
    assert_eq!(
        index.segment_counts(&db.conn, &clock()).unwrap(),
        counts(&db.conn, &clock()).unwrap()
    );
    let mut ids: Vec<i64> = page.results.iter().map(|r| r.customer_id).collect();
    ids.sort_unstable();
    ids
}

fn row(db: &TestDb, id: i64) -> customers::CustomerRow {
    customers::get(&db.conn, id, &clock()).unwrap()
}

#[test]
fn cadence_is_the_median_gap_of_distinct_past_dates() {
    let db = db_with(vec![
        // 1: gaps 10, 20 (even count: mean 15); a repeated date and a future date are ignored.
        visit(1, 1, "2026-10-01", 100, "completed"),
        visit(2, 1, "2026-10-11", 100, "completed"),
        visit(3, 1, "2026-10-11", 100, "completed"),
        visit(4, 1, "2026-10-31", 100, "completed"),
        visit(5, 1, "2026-12-20", 100, "confirmed"),
        // 2: exactly 3 dates, gaps 5 and 30: median of two gaps = 17.5.
        visit(6, 2, "2026-09-01", 100, "completed"),
        visit(7, 2, "2026-09-06", 100, "completed"),
        visit(8, 2, "2026-10-06", 100, "pending"),
        // 3: gaps 7, 7, 100 (odd): median 7; a cancelled date does not count.
        visit(9, 3, "2026-06-01", 100, "completed"),
        visit(10, 3, "2026-06-08", 100, "completed"),
        visit(11, 3, "2026-06-15", 100, "completed"),
        visit(12, 3, "2026-09-23", 100, "completed"),
        visit(13, 3, "2026-10-20", 100, "cancelled"),
        // 4: two dates only: no cadence.
        visit(14, 4, "2026-11-01", 100, "completed"),
        visit(15, 4, "2026-11-10", 100, "completed"),
    ]);
    let r1 = row(&db, 1);
    assert_eq!(r1.cadence_days, Some(15.0));
    // (24 Nov − 31 Oct = 24) − 15 = 9 days overdue.
    assert_eq!(r1.overdue_days, Some(9.0));
    let r2 = row(&db, 2);
    assert_eq!(r2.cadence_days, Some(17.5));
    // A past pending booking counts for the last visit date: 24 Nov − 6 Oct = 49; 49 − 17.5.
    assert_eq!(r2.visit_dated_on.as_deref(), Some("2026-10-06"));
    assert_eq!(r2.overdue_days, Some(31.5));
    let r3 = row(&db, 3);
    assert_eq!(r3.cadence_days, Some(7.0));
    assert_eq!(r3.overdue_days, Some(62.0 - 7.0));
    assert_eq!(row(&db, 4).cadence_days, None);
    assert_eq!(row(&db, 4).overdue_days, None);
    // Most overdue first; no cadence last in both directions; ties by id.
    let order = |descending| {
        let q = CustomerQuery {
            sort: Some(SortKey::Overdue),
            descending: Some(descending),
            ..Default::default()
        };
        customers::list(&db.conn, &q, &clock())
            .unwrap()
            .results
            .iter()
            .map(|r| r.customer_id)
            .collect::<Vec<_>>()
    };
    assert_eq!(order(true), vec![3, 2, 1, 4]);
    assert_eq!(order(false), vec![1, 2, 3, 4]);
    // At risk, nothing booked ahead and more than twice the cadence since the last visit:
    // 2 (49 > 35) and 3 (62 > 14); 1 has a booking ahead, 4 no cadence.
    assert_eq!(in_segment(&db, Segment::AtRisk), vec![2, 3]);
}

#[test]
fn lapsed_starts_on_day_90_and_upcoming_ends_on_day_7() {
    let db = db_with(vec![
        visit(1, 1, "2026-08-26", 100, "completed"), // 90 days ago: lapsed
        visit(2, 2, "2026-08-27", 100, "completed"), // 89 days ago: not yet
        visit(3, 3, "2026-08-01", 100, "completed"), // long ago, but a visit is booked ahead
        visit(4, 3, "2026-12-01", 100, "confirmed"), // day 7: upcoming
        visit(5, 4, "2026-11-01", 100, "completed"),
        visit(6, 4, "2026-12-02", 100, "pending"), // day 8: not upcoming
        visit(7, 5, "2026-11-24", 100, "payment_pending"), // today: upcoming
    ]);
    assert_eq!(in_segment(&db, Segment::Lapsed), vec![1]);
    assert_eq!(in_segment(&db, Segment::Upcoming), vec![3, 5]);
    let c = counts(&db.conn, &clock()).unwrap();
    assert_eq!((c.lapsed, c.upcoming), (1, 2));
    // The setting moves the boundary.
    let mut db = db;
    clientele::segments::set_lapsed_days(&mut db.conn, 89).unwrap();
    assert_eq!(in_segment(&db, Segment::Lapsed), vec![1, 2]);
    assert!(clientele::segments::set_lapsed_days(&mut db.conn, 0).is_err());
    assert!(clientele::segments::set_lapsed_days(&mut db.conn, 3651).is_err());
}

#[test]
fn cancel_prone_at_exactly_three_in_ten_and_blocked_only_there() {
    let mut v = Vec::new();
    let mut id = 0;
    let mut add = |cid: i64, n: usize, status: &str| {
        for i in 0..n {
            id += 1;
            v.push(visit(
                id,
                cid,
                &format!("2026-10-{:02}", i + 1),
                100,
                status,
            ));
        }
    };
    add(1, 7, "completed");
    add(1, 3, "cancelled"); // 3 ÷ 10 = 0.3: cancel-prone
    add(2, 8, "completed");
    add(2, 3, "rejected"); // 3 ÷ 11 < 0.3
    add(3, 1, "completed");
    add(3, 2, "cancelled"); // 2 cancellations: too few
    add(4, 2, "completed");
    add(4, 3, "cancelled"); // blocked below: still cancel-prone, nowhere else
    let mut db = db_with(v);
    assert_eq!(in_segment(&db, Segment::CancelProne), vec![1, 4]);
    assert!(in_segment(&db, Segment::Unreviewed).contains(&4));
    edit(
        &mut db.conn,
        4,
        &[RelationEdit::Blocked {
            value: true,
            reason: None,
        }],
        &clock(),
    )
    .unwrap();
    assert_eq!(in_segment(&db, Segment::CancelProne), vec![1, 4]);
    for seg in [Segment::Unreviewed, Segment::TopSpenders, Segment::Lapsed] {
        assert!(!in_segment(&db, seg).contains(&4), "{seg:?}");
    }
}

#[test]
fn top_spenders_are_the_first_tenth_rounded_up_with_ties_by_id() {
    // 11 customers with spend > 0 → ⌈1.1⌉ = 2 top spenders. 5 and 6 tie on the boundary
    // with 4000; the lower id wins. 12 spent nothing (only a pending booking).
    let spend = [1000, 2000, 3000, 5000, 4000, 4000, 100, 200, 300, 400, 500];
    let mut v: Vec<_> = spend
        .iter()
        .enumerate()
        .map(|(i, a)| visit(i as i64 + 1, i as i64 + 1, "2026-11-01", *a, "completed"))
        .collect();
    v.push(visit(99, 12, "2026-12-01", 9000, "pending"));
    let mut db = db_with(v);
    assert_eq!(in_segment(&db, Segment::TopSpenders), vec![4, 5]);
    // A blocked top spender leaves the set and n: 10 left → ⌈1.0⌉ = 1.
    edit(
        &mut db.conn,
        4,
        &[RelationEdit::Blocked {
            value: true,
            reason: None,
        }],
        &clock(),
    )
    .unwrap();
    assert_eq!(in_segment(&db, Segment::TopSpenders), vec![5]);
}

#[test]
fn unreviewed_needs_a_completed_booking_and_no_review() {
    let mut db = db_with(vec![
        visit(1, 1, "2026-11-01", 100, "completed"),
        visit(2, 2, "2026-11-01", 100, "completed"),
        visit(3, 3, "2026-11-01", 100, "confirmed"),
    ]);
    db.apply(&clientele::platform::Batch {
        bookings: vec![],
        reviews: vec![review(1, 2, 5, "2026-11-02T00:00:00Z")],
    });
    assert_eq!(in_segment(&db, Segment::Unreviewed), vec![1]);
}

#[test]
fn the_daily_roll_equals_a_recompute_as_of_the_new_day() {
    let mut db = db_with(vec![
        visit(1, 1, "2026-10-01", 100, "completed"),
        visit(2, 1, "2026-10-11", 100, "completed"),
        visit(3, 1, "2026-11-26", 100, "confirmed"), // in two days
        visit(4, 2, "2026-11-20", 100, "completed"),
    ]);
    assert_eq!(in_segment(&db, Segment::Upcoming), vec![1]);
    let later = clientele::Clock::new(ts("2026-11-28T12:00:00Z"), clock().tz);
    roll(&mut db.conn, later.today()).unwrap();
    let rolled = summary_dump(&db.conn);
    clientele::metrics::recompute_all(&mut db.conn).unwrap();
    assert_eq!(
        summary_dump(&db.conn),
        rolled,
        "the roll re-derived every card that changed"
    );
    // The confirmed booking is now in the past: a third date, so customer 1 has a cadence.
    let r = customers::get(&db.conn, 1, &later).unwrap();
    assert_eq!(r.visit_dated_on.as_deref(), Some("2026-11-26"));
    assert_eq!(r.cadence_days, Some(28.0));
    let q = CustomerQuery {
        segment: Some(Segment::Upcoming),
        ..Default::default()
    };
    assert_eq!(customers::list(&db.conn, &q, &later).unwrap().count, 0);
}
