//! Own visits (docs/rules.md §7): counted under §2 exactly like platform bookings, their
//! `created_at`, validation with the field named and nothing written, edit and delete,
//! platform bookings refused, the timeline, and the metrics equal to a recompute.

use crate::book_kit::*;
use chrono_tz::Tz;
use clientele::activity::ActivityKind;
use clientele::book::visits::{self, VisitEdit, VisitInput};
use clientele::customers::Source;
use clientele::{Clock, CustomerStatus, Money};
use clientele_test_kit::store::*;

fn timed(v: VisitInput, time: &str) -> VisitInput {
    VisitInput {
        time: Some(time.into()),
        ..v
    }
}

#[test]
fn visits_count_exactly_like_platform_bookings() {
    let mut db = TestDb::new();
    let earlier = Clock::new(ts("2026-11-20T00:00:00Z"), Tz::Asia__Kathmandu);
    // Customer 5 gets own visits; customer 6 the same bookings from the platform.
    let mut twin = vec![booking(
        1,
        6,
        "completed",
        "2026-11-01T08:00:00Z",
        "2026-11-02",
        1000,
    )];
    db.apply(&bookings(vec![booking(
        2,
        5,
        "completed",
        "2026-11-01T08:00:00Z",
        "2026-11-02",
        1000,
    )]));
    let v = [
        // (visit, recorded at, its created_at as the rules give it)
        (
            timed(
                visit("Haircut", "2026-11-10", "1500.50", "completed"),
                "09:30",
            ),
            clock(),
            "2026-11-10T03:45:00.000000Z", // 09:30 in Kathmandu (+05:45)
        ),
        (
            visit("Haircut", "2026-11-12", "700", "cancelled"),
            clock(),
            "2026-11-12T06:15:00.000000Z", // 12:00 local without a time
        ),
        (
            visit("Colour", "2026-11-28", "200", "confirmed"),
            earlier,
            "2026-11-20T00:00:00.000000Z", // future: when it was recorded
        ),
        (
            visit("Perm", "2026-12-05", "300", "pending"),
            clock(),
            "2026-11-24T12:00:00.000000Z",
        ),
    ];
    for (i, (input, at, created)) in v.iter().enumerate() {
        let rec = visits::add(&mut db.conn, 5, input, at).unwrap();
        assert!(rec.booking_id < 0);
        assert_eq!(rec.created_at, *created, "{input:?}");
        assert_eq!(rec.amount, Money::parse(&input.amount).unwrap());
        let mut b = booking(
            10 + i as i64,
            6,
            "x",
            "2026-11-01T00:00:00Z",
            &input.date,
            0,
        );
        b.status = input.status.clone().unwrap();
        b.service_title = input.service.clone();
        b.total_amount = rec.amount;
        b.created_at = rec.created_at.clone();
        b.updated_at = rec.created_at.clone();
        twin.push(b);
    }
    db.apply(&bookings(twin));
    let (own, platform) = (row(&db, 5), row(&db, 6));
    // 4 counted (2 completed, confirmed, pending), 1 cancelled; spent 1000.00 + 1500.50.
    assert_eq!((own.total_bookings, own.cancelled_bookings), (4, 1));
    assert_eq!(own.total_spent, Money(250_050));
    assert_eq!(own.last_visit_on.as_deref(), Some("2026-11-10"));
    assert_eq!(own.next_visit_on.as_deref(), Some("2026-11-28"));
    assert_eq!(
        own.first_booking_at.as_deref(),
        Some("2026-11-01T08:00:00.000000Z")
    );
    assert_eq!(
        own.last_booking_at.as_deref(),
        Some("2026-11-24T12:00:00.000000Z")
    );
    let last = own.last_service.clone().unwrap();
    assert_eq!(
        (last.title.as_str(), last.date.as_str(), last.amount),
        ("Perm", "2026-12-05", Money(30_000))
    );
    assert_eq!(own.status, CustomerStatus::Returning);
    let metrics = |r: &clientele::customers::CustomerRow| {
        (
            r.total_bookings,
            r.cancelled_bookings,
            r.total_spent,
            r.status,
            r.first_booking_at.clone(),
            r.last_booking_at.clone(),
            r.last_visit_on.clone(),
            r.next_visit_on.clone(),
            r.last_service.clone(),
        )
    };
    assert_eq!(metrics(&own), metrics(&platform));
    // An own customer with one visit, status left to its default (completed).
    let o = add(&mut db, &person("Sita", "Gurung")).customer_id;
    let mut input = visit("Haircut", "2026-11-15", "800", "completed");
    input.status = None;
    let rec = record(&mut db, o, &input);
    assert_eq!(rec.status, "completed");
    let r = row(&db, o);
    assert_eq!((r.total_bookings, r.total_spent), (1, Money(80_000)));
    assert_eq!(r.last_visit_on.as_deref(), Some("2026-11-15"));
    assert_eq!(r.next_visit_on, None);
    assert_eq!(r.status, CustomerStatus::New);
    assert_recompute_unchanged(&mut db);
}

#[test]
fn created_at_is_the_visits_own_local_time_when_past_otherwise_now() {
    let mut db = TestDb::new();
    let o = add(&mut db, &person("Sita", "Gurung")).customer_id;
    let v = |date: &str, time: Option<&str>| VisitInput {
        time: time.map(str::to_string),
        ..visit("Haircut", date, "100", "completed")
    };
    // Now is 2026-11-24 17:45 in Kathmandu (12:00 UTC).
    for (input, created) in [
        (
            v("2026-11-20", Some("09:30")),
            "2026-11-20T03:45:00.000000Z",
        ),
        (v("2026-11-20", None), "2026-11-20T06:15:00.000000Z"),
        (
            v("2026-11-24", Some("10:00")),
            "2026-11-24T04:15:00.000000Z",
        ),
        (v("2026-11-24", None), "2026-11-24T06:15:00.000000Z"),
        (
            v("2026-11-24", Some("18:00")),
            "2026-11-24T12:00:00.000000Z",
        ),
        (v("2026-12-01", None), "2026-11-24T12:00:00.000000Z"),
    ] {
        let rec = record(&mut db, o, &input);
        assert_eq!(rec.created_at, created, "{input:?}");
        assert_eq!(rec.time.as_deref(), input.time.as_deref());
    }
    // The zone is the clock's: noon in UTC is another instant.
    let utc = Clock::new(clock().now, Tz::UTC);
    let rec = visits::add(&mut db.conn, o, &v("2026-11-20", None), &utc).unwrap();
    assert_eq!(rec.created_at, "2026-11-20T12:00:00.000000Z");
    assert_recompute_unchanged(&mut db);
}

#[test]
fn invalid_visits_are_refused_with_the_field_named_and_nothing_written() {
    let mut db = TestDb::new();
    let o = add(&mut db, &person("Sita", "Gurung")).customer_id;
    let good = visit("Haircut", "2026-11-20", "1200.00", "completed");
    let id = record(&mut db, o, &good).booking_id;
    let cases: Vec<(VisitInput, &str)> = vec![
        (visit("Haircut", "2026-11-20", "-1", "completed"), "amount"),
        (visit("Haircut", "2026-11-20", "abc", "completed"), "amount"),
        (
            visit("Haircut", "2026-11-20", "1.005", "completed"),
            "amount",
        ),
        (visit("Haircut", "2026-11-20", "", "completed"), "amount"),
        (visit("Haircut", "2026-11-20", "100", "done"), "status"),
        (
            visit("Haircut", "2026-11-20", "100", "mystery_status"),
            "status",
        ),
        (visit("", "2026-11-20", "100", "completed"), "service"),
        (
            visit(&"s".repeat(201), "2026-11-20", "100", "completed"),
            "service",
        ),
        (visit("Haircut", "2026-13-01", "100", "completed"), "date"),
        (timed(good.clone(), "25:00"), "time"),
    ];
    for (input, field) in &cases {
        let before = dump(&db);
        assert_invalid(visits::add(&mut db.conn, o, input, &clock()), field);
        let edit = VisitEdit {
            service: Some(input.service.clone()),
            date: Some(input.date.clone()),
            time: input.time.clone(),
            amount: Some(input.amount.clone()),
            status: input.status.clone(),
            payment_status: None,
        };
        assert_invalid(visits::edit(&mut db.conn, id, &edit, &clock()), field);
        assert!(dump(&db) == before, "{field}: something was written");
    }
    assert_eq!(row(&db, o).total_spent, Money(120_000));
    let e = visits::add(&mut db.conn, -42, &good, &clock()).unwrap_err();
    assert_eq!(e.code(), "not_found", "{e}");
    // Every status the platform uses is accepted, and 2 decimals at most.
    for (i, st) in clientele::model::booking_status::KNOWN.iter().enumerate() {
        let amount = format!("{i}.5");
        let rec = record(&mut db, o, &visit("Haircut", "2026-11-21", &amount, st));
        assert_eq!(rec.status, *st);
    }
    assert_recompute_unchanged(&mut db);
}

#[test]
fn edited_and_deleted_visits_count_accordingly_and_platform_bookings_are_refused() {
    let mut db = TestDb::new();
    db.apply(&bookings(vec![booking(
        501,
        5,
        "completed",
        "2026-11-01T08:00:00Z",
        "2026-11-02",
        1000,
    )]));
    let rec = record(
        &mut db,
        5,
        &timed(visit("Haircut", "2026-11-10", "500", "completed"), "10:00"),
    );
    let id = rec.booking_id;
    assert_eq!(row(&db, 5).total_spent, Money(150_000));
    let edit = VisitEdit {
        amount: Some("750.25".into()),
        ..Default::default()
    };
    let e = visits::edit(&mut db.conn, id, &edit, &clock()).unwrap();
    assert_eq!((e.amount, e.service.as_str()), (Money(75_025), "Haircut"));
    assert_eq!(e.time.as_deref(), Some("10:00"), "left out: unchanged");
    assert_eq!(row(&db, 5).total_spent, Money(175_025));
    assert_recompute_unchanged(&mut db);
    // Cancelled: no longer counted nor spent, counted as cancelled.
    let edit = VisitEdit {
        status: Some("cancelled".into()),
        time: Some(String::new()),
        ..Default::default()
    };
    let e = visits::edit(&mut db.conn, id, &edit, &clock()).unwrap();
    assert_eq!(e.time, None, "an empty time clears it");
    assert_eq!(
        e.created_at, "2026-11-10T06:15:00.000000Z",
        "noon without a time"
    );
    let r = row(&db, 5);
    assert_eq!(
        (r.total_bookings, r.cancelled_bookings, r.total_spent),
        (1, 1, Money(100_000))
    );
    // Moved to the future and pending: the next visit.
    let edit = VisitEdit {
        status: Some("pending".into()),
        date: Some("2026-12-01".into()),
        ..Default::default()
    };
    visits::edit(&mut db.conn, id, &edit, &clock()).unwrap();
    let r = row(&db, 5);
    assert_eq!((r.total_bookings, r.cancelled_bookings), (2, 0));
    assert_eq!(r.next_visit_on.as_deref(), Some("2026-12-01"));
    let history = clientele::history::detail(&db.conn, 5, 1, 20, &clock()).unwrap();
    let sources: Vec<(i64, Source)> = history.bookings.iter().map(|b| (b.id, b.source)).collect();
    assert_eq!(sources, vec![(id, Source::Local), (501, Source::Platform)]);
    assert_recompute_unchanged(&mut db);
    // A platform booking is the platform's.
    let before = dump(&db);
    assert_invalid(
        visits::edit(&mut db.conn, 501, &edit, &clock()),
        "marketplace",
    );
    assert_invalid(visits::delete(&mut db.conn, 501, &clock()), "marketplace");
    assert!(dump(&db) == before);
    // Deleted: it stops counting.
    let gone = visits::delete(&mut db.conn, id, &clock()).unwrap();
    assert_eq!(gone.booking_id, id);
    let r = row(&db, 5);
    assert_eq!(
        (r.total_bookings, r.cancelled_bookings, r.total_spent),
        (1, 0, Money(100_000))
    );
    assert_eq!(r.next_visit_on, None);
    assert_eq!(visits::get(&db.conn, id).unwrap_err().code(), "not_found");
    assert_eq!(
        visits::delete(&mut db.conn, id, &clock())
            .unwrap_err()
            .code(),
        "not_found"
    );
    let history = clientele::history::detail(&db.conn, 5, 1, 20, &clock()).unwrap();
    assert_eq!(history.bookings_total, 1);
    assert_recompute_unchanged(&mut db);
}

#[test]
fn the_timeline_shows_a_visit_as_the_providers_edit_not_a_new_booking() {
    let mut db = TestDb::new();
    db.apply(&bookings(vec![booking(
        501,
        5,
        "completed",
        "2026-11-01T08:00:00Z",
        "2026-11-02",
        1000,
    )]));
    let o = add(&mut db, &person("Sita", "Gurung")).customer_id;
    let a = record(
        &mut db,
        5,
        &visit("Haircut", "2026-11-10", "500", "completed"),
    );
    let b = record(
        &mut db,
        o,
        &visit("Shave", "2026-11-11", "200", "completed"),
    );
    let t = timeline(&db);
    let booked: Vec<(&str, i64)> = t
        .iter()
        .filter(|x| x.kind == ActivityKind::Booking)
        .map(|x| (x.id.as_str(), x.customer_id))
        .collect();
    assert_eq!(
        booked,
        vec![("booking_501", 5)],
        "visits are not new bookings"
    );
    assert!(t
        .iter()
        .all(|x| x.title != "New booking" || x.id == "booking_501"));
    let all = edits(&db);
    let recorded: Vec<(i64, &str)> = all
        .iter()
        .filter(|x| x.title == "Visit recorded")
        .map(|x| (x.customer_id, x.description.as_str()))
        .collect();
    assert_eq!(recorded, vec![(o, "Shave"), (5, "Haircut")]);
    let edit = VisitEdit {
        service: Some("Beard trim".into()),
        ..Default::default()
    };
    visits::edit(&mut db.conn, b.booking_id, &edit, &clock()).unwrap();
    visits::delete(&mut db.conn, a.booking_id, &clock()).unwrap();
    let titles: Vec<(String, i64, String)> = edits(&db)
        .iter()
        .take(2)
        .map(|x| (x.title.clone(), x.customer_id, x.description.clone()))
        .collect();
    assert_eq!(
        titles,
        vec![
            ("Visit deleted".to_string(), 5, "Haircut".to_string()),
            ("Visit edited".to_string(), o, "Beard trim".to_string()),
        ]
    );
    assert!(edits(&db).iter().all(|x| x.kind == ActivityKind::Edit));
    assert_recompute_unchanged(&mut db);
}

#[test]
fn editing_a_future_visit_keeps_the_moment_it_was_recorded() {
    let mut db = TestDb::new();
    let o = add(&mut db, &person("Sita", "Gurung")).customer_id;
    let recorded = Clock::new(ts("2026-11-20T00:00:00Z"), Tz::Asia__Kathmandu);
    let input = visit("Perm", "2026-12-05", "300", "pending");
    let v = visits::add(&mut db.conn, o, &input, &recorded).unwrap();
    assert_eq!(v.created_at, "2026-11-20T00:00:00.000000Z");
    // Four days later only the price changes; the visit is still in the future.
    let edit = VisitEdit {
        amount: Some("400".into()),
        ..Default::default()
    };
    let e = visits::edit(&mut db.conn, v.booking_id, &edit, &clock()).unwrap();
    assert_eq!(e.amount, Money(40_000));
    assert_eq!(
        e.created_at, "2026-11-20T00:00:00.000000Z",
        "recorded on the 20th"
    );
    assert_eq!(
        row(&db, o).last_booking_at.as_deref(),
        Some("2026-11-20T00:00:00.000000Z")
    );
    // Once its own time is past, an edit gives it that time (12:00 local on Dec 5).
    let later = Clock::new(ts("2026-12-06T00:00:00Z"), Tz::Asia__Kathmandu);
    let e = visits::edit(&mut db.conn, v.booking_id, &edit, &later).unwrap();
    assert_eq!(e.created_at, "2026-12-05T06:15:00.000000Z");
    assert_recompute_unchanged(&mut db);
}
