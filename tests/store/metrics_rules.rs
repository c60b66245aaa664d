//! Every rule of docs/rules.md §2, with its edge cases, through the real store.

use clientele::customers::{self, CustomerQuery};
use clientele::relations::{edit, RelationEdit};
use clientele::{Clock, CustomerStatus, Money};
use clientele_test_kit::store::*;

fn row(db: &TestDb, id: i64) -> clientele::customers::CustomerRow {
    customers::get(&db.conn, id, &clock()).unwrap()
}

fn n_bookings(cid: i64, n: i64, status: &str) -> Vec<clientele::platform::BookingIn> {
    (0..n)
        .map(|i| {
            booking(
                cid * 100 + i,
                cid,
                status,
                &format!("2026-10-{:02}T08:00:00Z", i + 1),
                &format!("2026-10-{:02}", i + 2),
                1000,
            )
        })
        .collect()
}

#[test]
fn status_thresholds_at_exactly_two_and_five() {
    let mut db = TestDb::new();
    for (cid, n) in [(1, 1), (2, 2), (3, 4), (4, 5)] {
        db.apply(&bookings(n_bookings(cid, n, "completed")));
    }
    assert_eq!(row(&db, 1).status, CustomerStatus::New);
    assert_eq!(row(&db, 2).status, CustomerStatus::Returning);
    assert_eq!(row(&db, 3).status, CustomerStatus::Returning);
    assert_eq!(row(&db, 4).status, CustomerStatus::Regular);
}

#[test]
fn thresholds_are_settings() {
    let mut db = TestDb::new();
    db.apply(&bookings(n_bookings(1, 3, "completed")));
    assert_eq!(row(&db, 1).status, CustomerStatus::Returning);
    clientele::metrics::set_thresholds(
        &mut db.conn,
        clientele::Thresholds {
            regular: 3,
            returning: 2,
        },
    )
    .unwrap();
    assert_eq!(row(&db, 1).status, CustomerStatus::Regular);
    let err = clientele::metrics::set_thresholds(
        &mut db.conn,
        clientele::Thresholds {
            regular: 2,
            returning: 2,
        },
    )
    .unwrap_err();
    assert_eq!(err.code(), "invalid_input");
}

#[test]
fn blocked_wins_over_favourite_and_both_are_counted_in_stats() {
    let mut db = TestDb::new();
    db.apply(&bookings(n_bookings(1, 6, "completed")));
    let c = clock();
    edit(
        &mut db.conn,
        1,
        &[RelationEdit::Favorite { value: true }],
        &c,
    )
    .unwrap();
    assert_eq!(row(&db, 1).status, CustomerStatus::Favorite);
    edit(
        &mut db.conn,
        1,
        &[RelationEdit::Blocked {
            value: true,
            reason: None,
        }],
        &c,
    )
    .unwrap();
    let r = row(&db, 1);
    assert_eq!(r.status, CustomerStatus::Blocked);
    assert!(r.is_favorite && r.is_blocked);
    let s = clientele::stats::stats(&db.conn, &c).unwrap();
    assert_eq!(
        (
            s.favorite_customers,
            s.blocked_customers,
            s.regular_customers
        ),
        (1, 1, 1)
    );
    edit(
        &mut db.conn,
        1,
        &[RelationEdit::Blocked {
            value: false,
            reason: None,
        }],
        &c,
    )
    .unwrap();
    assert_eq!(row(&db, 1).status, CustomerStatus::Favorite);
    edit(
        &mut db.conn,
        1,
        &[RelationEdit::Favorite { value: false }],
        &c,
    )
    .unwrap();
    assert_eq!(row(&db, 1).status, CustomerStatus::Regular);
}

#[test]
fn only_cancelled_and_rejected_bookings() {
    let mut db = TestDb::new();
    db.apply(&bookings(vec![
        booking(1, 7, "cancelled", "2026-11-01T08:00:00Z", "2026-11-03", 500),
        booking(2, 7, "rejected", "2026-11-02T08:00:00Z", "2026-11-04", 700),
    ]));
    let r = row(&db, 7);
    assert_eq!((r.total_bookings, r.cancelled_bookings), (0, 2));
    assert_eq!(r.total_spent, Money(0));
    assert_eq!(r.status, CustomerStatus::New);
    assert_eq!(r.last_visit_on, None);
    // Still a customer: they booked, whatever the outcome.
    let s = clientele::stats::stats(&db.conn, &clock()).unwrap();
    assert_eq!(s.total_customers, 1);
    assert_eq!(s.retention_rate, 0.0);
    // The most recent booking is still the last service, cancelled or not.
    assert_eq!(r.last_service.as_ref().unwrap().amount, Money(70_000));
    assert_eq!(
        r.last_booking_at.as_deref(),
        Some("2026-11-02T08:00:00.000000Z")
    );
}

#[test]
fn spend_counts_completed_only_and_totals_exclude_cancelled() {
    let mut db = TestDb::new();
    db.apply(&bookings(vec![
        booking(
            1,
            3,
            "completed",
            "2026-09-01T08:00:00Z",
            "2026-09-05",
            1200,
        ),
        booking(
            2,
            3,
            "service_delivered",
            "2026-09-10T08:00:00Z",
            "2026-09-12",
            800,
        ),
        booking(3, 3, "cancelled", "2026-09-11T08:00:00Z", "2026-09-13", 999),
        booking(
            4,
            3,
            "weird_new_status",
            "2026-09-12T08:00:00Z",
            "2026-09-14",
            300,
        ),
        booking(
            5,
            3,
            "completed",
            "2026-09-13T08:00:00Z",
            "2026-09-20",
            1550,
        ),
    ]));
    let r = row(&db, 3);
    assert_eq!(
        r.total_bookings, 4,
        "unknown statuses count, cancelled does not"
    );
    assert_eq!(r.cancelled_bookings, 1);
    assert_eq!(r.total_spent, Money(275_000));
    assert_eq!(r.total_spent.to_string(), "2750.00");
    assert_eq!(r.last_visit_on.as_deref(), Some("2026-09-20"));
    assert_eq!(
        r.first_booking_at.as_deref(),
        Some("2026-09-01T08:00:00.000000Z")
    );
}

#[test]
fn average_rating_none_without_reviews_and_two_decimals_with() {
    let mut db = TestDb::new();
    db.apply(&bookings(n_bookings(1, 2, "completed")));
    assert_eq!(row(&db, 1).average_rating, None);
    db.apply(&clientele::platform::Batch {
        bookings: vec![],
        reviews: vec![
            review(1, 1, 5, "2026-10-05T00:00:00Z"),
            review(2, 1, 4, "2026-10-06T00:00:00Z"),
            review(3, 1, 4, "2026-10-07T00:00:00Z"),
        ],
    });
    let r = row(&db, 1);
    assert_eq!(r.average_rating, Some(4.33));
    assert_eq!(r.review_count, 3);
    // Customers without reviews sort last by rating, both directions.
    db.apply(&bookings(n_bookings(2, 1, "completed")));
    for desc in [true, false] {
        let page = customers::list(
            &db.conn,
            &CustomerQuery {
                sort: Some(customers::SortKey::AverageRating),
                descending: Some(desc),
                ..Default::default()
            },
            &clock(),
        )
        .unwrap();
        assert_eq!(
            page.results.last().unwrap().customer_id,
            2,
            "no rating sorts last (desc={desc})"
        );
    }
}

#[test]
fn next_visit_is_the_earliest_open_booking_from_today() {
    let mut db = TestDb::new();
    db.apply(&bookings(vec![
        booking(1, 5, "confirmed", "2026-11-01T08:00:00Z", "2026-11-20", 100), // past
        booking(2, 5, "pending", "2026-11-02T08:00:00Z", "2026-12-10", 100),
        booking(
            3,
            5,
            "payment_pending",
            "2026-11-03T08:00:00Z",
            "2026-12-01",
            100,
        ),
        booking(4, 5, "cancelled", "2026-11-04T08:00:00Z", "2026-11-25", 100), // not open
        booking(5, 5, "confirmed", "2026-11-05T08:00:00Z", "2026-11-24", 100), // today
    ]));
    assert_eq!(row(&db, 5).next_visit_on.as_deref(), Some("2026-11-24"));
    let tomorrow = Clock::new(ts("2026-11-25T06:00:00Z"), clock().tz);
    let r = customers::get(&db.conn, 5, &tomorrow).unwrap();
    assert_eq!(r.next_visit_on.as_deref(), Some("2026-12-01"));
}

#[test]
fn days_since_last_booking_uses_local_calendar_days_and_never_goes_negative() {
    let mut db = TestDb::new();
    // 2026-11-21T19:00Z is 2026-11-22 00:45 in Kathmandu.
    db.apply(&bookings(vec![booking(
        1,
        9,
        "completed",
        "2026-11-21T19:00:00Z",
        "2026-11-22",
        100,
    )]));
    assert_eq!(row(&db, 9).days_since_last_booking, Some(2));
    let before = Clock::new(ts("2026-11-20T00:00:00Z"), clock().tz);
    assert_eq!(
        customers::get(&db.conn, 9, &before)
            .unwrap()
            .days_since_last_booking,
        Some(0)
    );
}

#[test]
fn last_service_is_the_most_recent_booking_by_created_at() {
    let mut db = TestDb::new();
    let mut late = booking(2, 4, "pending", "2026-11-10T08:00:00Z", "2026-11-11", 2500);
    late.service_title = "Sofa & Carpet Shampoo".into();
    db.apply(&bookings(vec![
        late,
        booking(1, 4, "completed", "2026-11-01T08:00:00Z", "2026-12-30", 800),
    ]));
    let r = row(&db, 4);
    assert_eq!(
        r.last_service.as_ref().unwrap().title,
        "Sofa & Carpet Shampoo"
    );
    assert_eq!(r.last_service.as_ref().unwrap().date, "2026-11-11");
    assert_eq!(r.last_service.as_ref().unwrap().amount, Money(250_000));
}

#[test]
fn a_booking_moving_to_another_customer_updates_both() {
    let mut db = TestDb::new();
    db.apply(&bookings(vec![
        booking(1, 1, "completed", "2026-11-01T08:00:00Z", "2026-11-02", 100),
        booking(2, 1, "completed", "2026-11-02T08:00:00Z", "2026-11-03", 100),
    ]));
    let mut moved = booking(2, 2, "completed", "2026-11-02T08:00:00Z", "2026-11-03", 100);
    moved.updated_at = "2026-11-05T00:00:00.000000Z".into();
    db.apply(&bookings(vec![moved]));
    assert_eq!(row(&db, 1).total_bookings, 1);
    assert_eq!(row(&db, 2).total_bookings, 1);
    let before = summary_dump(&db.conn);
    clientele::metrics::recompute_all(&mut db.conn).unwrap();
    assert_eq!(summary_dump(&db.conn), before);
}
