//! Applying platform data: samples parse, re-applying changes nothing, older copies are
//! ignored, and a bad record fails the whole batch with nothing written.

use clientele::ingest::apply_batch;
use clientele::platform::{parse_document, Batch};
use clientele_test_kit::store::*;

/// Real platform responses, copied from `platform/samples/`.
fn sample(name: &str) -> String {
    clientele_test_kit::fixture_text(name)
}

fn count(db: &TestDb, sql: &str) -> i64 {
    db.conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn the_platform_samples_parse_and_apply() {
    let mut db = TestDb::new();
    let b = parse_document(&sample("bookings_page1.json")).unwrap();
    assert_eq!(b.bookings.len(), 10);
    let first = &b.bookings[0];
    assert_eq!((first.id, first.customer_id), (303, 66));
    assert_eq!(first.total_amount.to_string(), "1200.00");
    // +05:45 converted to UTC.
    assert_eq!(first.created_at, "2026-11-24T03:46:48.187937Z");
    let c = first.customer.as_ref().unwrap();
    assert_eq!(
        (c.first_name.as_str(), c.city.as_deref()),
        ("Manish", Some("Lalitpur"))
    );
    let r = parse_document(&sample("reviews_page1.json")).unwrap();
    assert_eq!(r.reviews.len(), 10);
    let mut all = b.clone();
    all.extend(r);
    let rep = db.apply(&all);
    assert_eq!(rep.bookings_new, 10);
    assert_eq!(rep.reviews_new, 10);
    let timeline = clientele::activity::recent(
        &db.conn,
        &clientele::activity::ActivityQuery {
            limit: Some(50),
            ..Default::default()
        },
    )
    .unwrap();
    let kinds = |k| timeline.activities.iter().filter(|a| a.kind == k).count();
    assert_eq!(kinds(clientele::activity::ActivityKind::Booking), 10);
    assert_eq!(kinds(clientele::activity::ActivityKind::Review), 10);
    assert_eq!(
        timeline.activities[0].id, "booking_305",
        "newest first, named as the platform does"
    );
    assert!(timeline
        .activities
        .windows(2)
        .all(|w| w[0].timestamp >= w[1].timestamp));
}

#[test]
fn reapplying_the_same_data_changes_nothing() {
    let mut db = TestDb::new();
    let mut batch = parse_document(&sample("bookings_page1.json")).unwrap();
    batch.extend(parse_document(&sample("reviews_page1.json")).unwrap());
    db.apply(&batch);
    let summary = summary_dump(&db.conn);
    let activity = count(&db, "SELECT count(*) FROM activity");
    let rep = db.apply(&batch);
    assert!(!rep.changed(), "{rep:?}");
    assert_eq!(rep.bookings_unchanged, 10);
    assert_eq!(summary_dump(&db.conn), summary);
    assert_eq!(count(&db, "SELECT count(*) FROM activity"), activity);
}

#[test]
fn an_older_copy_is_ignored_and_a_newer_one_replaces_with_a_status_change() {
    let mut db = TestDb::new();
    let mut b = booking(1, 1, "confirmed", "2026-11-01T08:00:00Z", "2026-11-02", 100);
    b.updated_at = "2026-11-05T00:00:00.000000Z".into();
    db.apply(&bookings(vec![b.clone()]));
    let mut older = b.clone();
    older.status = "cancelled".into();
    older.updated_at = "2026-11-04T00:00:00.000000Z".into();
    let rep = db.apply(&bookings(vec![older]));
    assert_eq!(rep.bookings_unchanged, 1);
    let status: String = db
        .conn
        .query_row("SELECT status FROM bookings WHERE id = 1", [], |r| r.get(0))
        .unwrap();
    assert_eq!(status, "confirmed");
    let mut newer = b;
    newer.status = "completed".into();
    newer.updated_at = "2026-11-06T00:00:00.000000Z".into();
    let rep = db.apply(&bookings(vec![newer]));
    assert_eq!(rep.bookings_updated, 1);
    let (kind, prev): (String, String) = db
        .conn
        .query_row(
            "SELECT kind, prev_status FROM activity ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((kind.as_str(), prev.as_str()), ("status", "confirmed"));
    let page = clientele::activity::recent(&db.conn, &Default::default()).unwrap();
    assert_eq!(page.activities[0].title, "Booking completed");
}

#[test]
fn unknown_statuses_are_stored_verbatim() {
    let mut db = TestDb::new();
    db.apply(&bookings(vec![booking(
        1,
        1,
        "on_hold_by_admin",
        "2026-11-01T08:00:00Z",
        "2026-11-02",
        100,
    )]));
    let status: String = db
        .conn
        .query_row("SELECT status FROM bookings", [], |r| r.get(0))
        .unwrap();
    assert_eq!(status, "on_hold_by_admin");
    let detail = clientele::history::detail(&db.conn, 1, 1, 20, &clock()).unwrap();
    assert_eq!(detail.bookings[0].status, "on_hold_by_admin");
}

fn page_with(record: serde_json::Value) -> String {
    let mut page: serde_json::Value = serde_json::from_str(&sample("bookings_page1.json")).unwrap();
    page["results"].as_array_mut().unwrap().push(record);
    page.to_string()
}

#[test]
fn a_negative_or_non_numeric_amount_fails_the_whole_batch_naming_the_record() {
    let base: serde_json::Value = serde_json::from_str(&sample("bookings_page1.json")).unwrap();
    for (amount, word) in [
        (serde_json::json!("-5.00"), "negative"),
        (serde_json::json!("12abc"), "not an amount"),
        (serde_json::json!(null), "not an amount"),
    ] {
        let mut bad = base["results"][0].clone();
        bad["id"] = 99_999.into();
        bad["total_amount"] = amount;
        let err = parse_document(&page_with(bad)).unwrap_err();
        assert_eq!(err.code(), "invalid_input");
        assert!(
            err.to_string().contains("booking 99999") && err.to_string().contains(word),
            "{err}"
        );
    }
    // Constructed in code (not parsed): apply refuses it too, and writes nothing.
    let mut db = TestDb::new();
    let mut b = booking(2, 1, "completed", "2026-11-01T08:00:00Z", "2026-11-02", 100);
    b.total_amount = clientele::Money(-1);
    let good = booking(1, 1, "completed", "2026-11-01T08:00:00Z", "2026-11-02", 100);
    let err = apply_batch(&mut db.conn, &bookings(vec![good, b])).unwrap_err();
    assert!(err.to_string().contains("booking 2"), "{err}");
    assert_eq!(count(&db, "SELECT count(*) FROM bookings"), 0);
    assert_eq!(count(&db, "SELECT count(*) FROM customers"), 0);
}

#[test]
fn a_rating_outside_one_to_five_fails_the_whole_batch() {
    let mut doc: serde_json::Value = serde_json::from_str(&sample("reviews_page1.json")).unwrap();
    doc["results"][3]["rating"] = 6.into();
    let id = doc["results"][3]["id"].as_i64().unwrap();
    let err = parse_document(&doc.to_string()).unwrap_err();
    assert_eq!(err.code(), "invalid_input");
    assert!(err.to_string().contains(&format!("review {id}")), "{err}");
    let mut db = TestDb::new();
    let mut batch = Batch {
        bookings: vec![],
        reviews: vec![
            review(1, 1, 5, "2026-11-01T00:00:00Z"),
            review(2, 1, 0, "2026-11-01T00:00:00Z"),
        ],
    };
    assert_eq!(
        apply_batch(&mut db.conn, &batch).unwrap_err().code(),
        "invalid_input"
    );
    assert_eq!(count(&db, "SELECT count(*) FROM reviews"), 0);
    batch.reviews.pop();
    db.apply(&batch);
    assert_eq!(count(&db, "SELECT n FROM review_totals"), 1);
}

#[test]
fn malformed_documents_get_specific_errors() {
    for (text, needle) in [
        ("{\"results\": [", "not valid JSON"),
        ("42", "expected a list page"),
        ("[1, 2]", "record #1 is not a JSON object"),
        ("[{\"id\": 1}]", "neither a booking nor a review"),
        ("[{\"id\": 1, \"status\": \"pending\", \"customer\": 2, \"total_amount\": \"1.00\", \"booking_date\": \"24/11/2026\", \"created_at\": \"2026-11-01T00:00:00Z\", \"updated_at\": \"2026-11-01T00:00:00Z\"}]", "booking 1: not a YYYY-MM-DD date"),
        ("[{\"id\": 1, \"status\": \"pending\", \"customer\": 2, \"total_amount\": \"1.00\", \"booking_date\": \"2026-11-24\", \"created_at\": \"yesterday\", \"updated_at\": \"2026-11-01T00:00:00Z\"}]", "booking 1: created_at"),
    ] {
        let err = parse_document(text).unwrap_err();
        assert_eq!(err.code(), "invalid_input");
        assert!(err.to_string().contains(needle), "{text}: {err}");
    }
}

#[test]
fn the_search_index_follows_renames_and_placeholders() {
    use clientele::customers::{list, CustomerQuery};
    let mut db = TestDb::new();
    let find = |db: &TestDb, s: &str| -> Vec<i64> {
        list(
            &db.conn,
            &CustomerQuery {
                search: Some(s.into()),
                ..Default::default()
            },
            &clock(),
        )
        .unwrap()
        .results
        .iter()
        .map(|r| r.customer_id)
        .collect()
    };
    // A review arrives before its customer's bookings: a placeholder named from display_name.
    db.apply(&Batch {
        bookings: vec![],
        reviews: vec![review(1, 7, 5, "2026-11-01T00:00:00Z")],
    });
    db.apply(&bookings(vec![with_customer(
        booking(1, 7, "completed", "2026-11-01T00:00:00Z", "2026-11-02", 100),
        customer(7, "Sunita", "Gurung", Some("9811111111")),
    )]));
    assert_eq!(find(&db, "gurung"), vec![7]);
    assert_eq!(
        find(&db, "ram s."),
        Vec::<i64>::new(),
        "placeholder text left the index"
    );
    let mut renamed = with_customer(
        booking(1, 7, "completed", "2026-11-01T00:00:00Z", "2026-11-02", 100),
        customer(7, "Sunita", "Thapa", Some("9811111111")),
    );
    renamed.updated_at = "2026-11-03T00:00:00.000000Z".into();
    db.apply(&bookings(vec![renamed]));
    assert_eq!(find(&db, "thapa"), vec![7]);
    assert_eq!(find(&db, "gurung"), Vec::<i64>::new());
    // The list scans the summary's copy of the text: it follows the rename too.
    let summary_text: String = db
        .conn
        .query_row(
            "SELECT search_text FROM customer_summary WHERE customer_id = 7",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(summary_text.starts_with("sunita thapa\n"), "{summary_text}");
}
