//! Stats cards (month boundary in a non-UTC zone, 30-day instants, rounding), charts,
//! and the activity timeline (kinds, filter, cursor).

use chrono_tz::Tz;
use clientele::activity::{recent, ActivityKind, ActivityQuery};
use clientele::platform::Batch;
use clientele::relations::{edit, RelationEdit};
use clientele::stats::{charts, stats, ChartRange};
use clientele::{Clock, Money};
use clientele_test_kit::store::*;

#[test]
fn new_this_month_follows_the_local_month_boundary() {
    let mut db = TestDb::new();
    // 2026-10-31T18:30Z is 2026-11-01 00:15 in Kathmandu: November there, October in UTC.
    db.apply(&bookings(vec![
        booking(1, 1, "completed", "2026-10-31T18:30:00Z", "2026-11-01", 100),
        booking(2, 2, "completed", "2026-10-31T18:00:00Z", "2026-10-31", 100), // 23:45 Oct 31 local
    ]));
    let ktm = clock();
    assert_eq!(stats(&db.conn, &ktm).unwrap().new_customers_this_month, 1);
    let utc = Clock::new(ktm.now, Tz::UTC);
    assert_eq!(stats(&db.conn, &utc).unwrap().new_customers_this_month, 0);
    // "Now" just after local midnight on Dec 1 starts a new month there.
    let december = Clock::new(ts("2026-11-30T18:20:00Z"), Tz::Asia__Kathmandu);
    assert_eq!(
        stats(&db.conn, &december).unwrap().new_customers_this_month,
        0
    );
}

#[test]
fn active_means_last_booking_within_thirty_days_as_instants() {
    let mut db = TestDb::new();
    db.apply(&bookings(vec![
        booking(1, 1, "completed", "2026-10-25T12:00:00Z", "2026-10-26", 100), // exactly 30 × 24 h
        booking(2, 2, "completed", "2026-10-25T11:59:59Z", "2026-10-26", 100), // one second older
        booking(3, 3, "cancelled", "2026-11-20T00:00:00Z", "2026-11-21", 100), // cancelled still counts as booked
    ]));
    assert_eq!(stats(&db.conn, &clock()).unwrap().active_customers, 2);
}

#[test]
fn rating_and_retention_are_rounded_and_regulars_counted() {
    let mut db = TestDb::new();
    let mut b = Vec::new();
    // Customer 1: 5 bookings (regular), 2: 2 (returning), 3: 1 (new).
    for (cid, n) in [(1, 5), (2, 2), (3, 1)] {
        for i in 0..n {
            b.push(booking(
                cid * 10 + i,
                cid,
                "completed",
                "2026-11-01T00:00:00Z",
                "2026-11-02",
                100,
            ));
        }
    }
    db.apply(&Batch {
        bookings: b,
        reviews: vec![
            review(1, 1, 5, "2026-11-03T00:00:00Z"),
            review(2, 2, 4, "2026-11-03T00:00:00Z"),
            review(3, 3, 4, "2026-11-03T00:00:00Z"),
        ],
    });
    let s = stats(&db.conn, &clock()).unwrap();
    assert_eq!(s.total_customers, 3);
    assert_eq!(s.regular_customers, 1);
    assert_eq!(s.average_rating, Some(4.33));
    assert_eq!(s.retention_rate, 66.7);
}

#[test]
fn charts_cover_twelve_local_months_with_completed_revenue() {
    let mut db = TestDb::new();
    db.apply(&bookings(vec![
        booking(
            1,
            1,
            "completed",
            "2026-11-02T00:00:00Z",
            "2026-11-03",
            1000,
        ),
        booking(
            2,
            1,
            "cancelled",
            "2026-11-02T00:00:00Z",
            "2026-11-04",
            5000,
        ),
        booking(3, 2, "completed", "2026-09-10T00:00:00Z", "2026-09-12", 300),
        booking(4, 3, "completed", "2025-06-10T00:00:00Z", "2025-06-12", 300), // outside the window
    ]));
    let c = charts(&db.conn, &clock(), Default::default()).unwrap();
    assert_eq!(c.months.len(), 12);
    assert_eq!(c.months[0].month, "2025-12");
    let nov = c.months.last().unwrap();
    assert_eq!(
        (nov.month.as_str(), nov.new_customers, nov.revenue),
        ("2026-11", 1, Money(100_000))
    );
    let sep = &c.months[9];
    assert_eq!(
        (sep.month.as_str(), sep.new_customers, sep.revenue),
        ("2026-09", 1, Money(30_000))
    );
    assert_eq!(c.months.iter().map(|m| m.new_customers).sum::<i64>(), 2);
    assert_eq!(c.status_counts.all, 3);
    assert_eq!((nov.label.as_str(), nov.partial), ("Nov 2026", true));
    assert!(!sep.partial && sep.label == "Sep 2026");
    // Only the completed bookings earn revenue, by service, biggest first.
    let services: Vec<(&str, i64)> = c
        .services
        .iter()
        .map(|s| (s.service.as_str(), s.revenue.0))
        .collect();
    assert_eq!(services.len(), 1, "{services:?}");
    assert_eq!(services[0].1, 130_000);
    assert!(!c.empty);
    let year = charts(&db.conn, &clock(), ChartRange::ThisYear).unwrap();
    assert_eq!(year.months.first().unwrap().month, "2026-01");
    assert_eq!(year.months.len(), 11);
    let all = charts(&db.conn, &clock(), ChartRange::AllTime).unwrap();
    assert_eq!(all.months.first().unwrap().month, "2025-06");
    assert_eq!(all.months[0].revenue, Money(30_000));
    assert_eq!(all.services[0].revenue.0, 160_000);
}

#[test]
fn an_empty_book_has_empty_charts() {
    let db = TestDb::new();
    let c = charts(&db.conn, &clock(), Default::default()).unwrap();
    assert!(c.empty);
    assert!(c.services.is_empty());
    assert!(c
        .months
        .iter()
        .all(|m| m.new_customers == 0 && m.revenue.0 == 0 && m.cohort_rate.is_none()));
}

#[test]
fn activity_lists_every_kind_newest_first_with_filter_and_cursor() {
    let mut db = TestDb::new();
    db.apply(&Batch {
        bookings: vec![
            booking(1, 1, "confirmed", "2026-11-01T00:00:00Z", "2026-11-02", 100),
            booking(2, 1, "pending", "2026-11-02T00:00:00Z", "2026-11-05", 100),
        ],
        reviews: vec![review(1, 1, 4, "2026-11-03T00:00:00Z")],
    });
    let mut changed = booking(1, 1, "cancelled", "2026-11-01T00:00:00Z", "2026-11-02", 100);
    changed.updated_at = "2026-11-04T00:00:00.000000Z".into();
    db.apply(&bookings(vec![changed]));
    let c = Clock::new(ts("2026-11-05T00:00:00Z"), clock().tz);
    edit(
        &mut db.conn,
        1,
        &[RelationEdit::Notes {
            value: "Gate code 1234".into(),
        }],
        &c,
    )
    .unwrap();
    let all = recent(&db.conn, &ActivityQuery::default()).unwrap();
    let kinds: Vec<_> = all.activities.iter().map(|a| a.kind).collect();
    assert_eq!(
        kinds,
        vec![
            ActivityKind::Edit,
            ActivityKind::Status,
            ActivityKind::Review,
            ActivityKind::Booking,
            ActivityKind::Booking
        ]
    );
    assert!(all
        .activities
        .iter()
        .all(|a| a.customer_name == "Ram Shrestha" && a.customer_id == 1));
    assert_eq!(
        all.activities[1].description,
        "Tap & Pipe Leak Repair: confirmed → cancelled"
    );
    assert_eq!(all.activities[2].description, "Left a 4-star review");
    assert_eq!(all.activities[0].title, "Notes updated");
    let only = recent(
        &db.conn,
        &ActivityQuery {
            kind: Some(ActivityKind::Booking),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(only.activities.len(), 2);
    // Two at a time, following the cursor, gives the same sequence.
    let mut paged = Vec::new();
    let mut before = None;
    loop {
        let p = recent(
            &db.conn,
            &ActivityQuery {
                limit: Some(2),
                before: before.clone(),
                kind: None,
            },
        )
        .unwrap();
        paged.extend(p.activities.iter().map(|a| a.id.clone()));
        match p.next_cursor {
            Some(c) => before = Some(c),
            None => break,
        }
    }
    assert_eq!(
        paged,
        all.activities
            .iter()
            .map(|a| a.id.clone())
            .collect::<Vec<_>>()
    );
    for bad in [
        ActivityQuery {
            limit: Some(0),
            ..Default::default()
        },
        ActivityQuery {
            before: Some("garbage".into()),
            ..Default::default()
        },
    ] {
        assert_eq!(recent(&db.conn, &bad).unwrap_err().code(), "invalid_input");
    }
}
