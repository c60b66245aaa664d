//! The provider's edits: validation, activity, outbox, nothing written on refusal.

use clientele::relations::{edit, RelationEdit, MAX_NOTES_CHARS};
use clientele_test_kit::store::*;

fn fixture() -> TestDb {
    let mut db = TestDb::new();
    db.apply(&bookings(vec![booking(
        1,
        1,
        "completed",
        "2026-11-01T00:00:00Z",
        "2026-11-02",
        100,
    )]));
    db
}

fn count(db: &TestDb, sql: &str) -> i64 {
    db.conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn notes_up_to_the_limit_are_kept_whole_and_longer_are_refused() {
    let mut db = fixture();
    let exactly = "न".repeat(MAX_NOTES_CHARS);
    let row = edit(
        &mut db.conn,
        1,
        &[RelationEdit::Notes {
            value: exactly.clone(),
        }],
        &clock(),
    )
    .unwrap();
    assert_eq!(
        row.notes, exactly,
        "10,000 Devanagari characters (30,000 bytes) fit"
    );
    let too_long = "x".repeat(MAX_NOTES_CHARS + 1);
    let err = edit(
        &mut db.conn,
        1,
        &[RelationEdit::Notes { value: too_long }],
        &clock(),
    )
    .unwrap_err();
    assert_eq!(err.code(), "invalid_input");
    assert!(
        err.to_string().contains("10001 characters") && err.to_string().contains("10000"),
        "{err}"
    );
    assert_eq!(
        clientele::customers::get(&db.conn, 1, &clock())
            .unwrap()
            .notes,
        exactly
    );
    assert_eq!(count(&db, "SELECT count(*) FROM outbox"), 1);
}

#[test]
fn edits_together_are_all_or_nothing() {
    let mut db = fixture();
    let err = edit(
        &mut db.conn,
        1,
        &[
            RelationEdit::Favorite { value: true },
            RelationEdit::Notes {
                value: "y".repeat(MAX_NOTES_CHARS + 5),
            },
        ],
        &clock(),
    )
    .unwrap_err();
    assert_eq!(err.code(), "invalid_input");
    assert!(
        !clientele::customers::get(&db.conn, 1, &clock())
            .unwrap()
            .is_favorite
    );
    assert_eq!(
        count(&db, "SELECT count(*) FROM activity WHERE kind = 'edit'"),
        0
    );
    assert_eq!(count(&db, "SELECT count(*) FROM outbox"), 0);
}

#[test]
fn unknown_customer_is_not_found_and_nothing_written() {
    let mut db = fixture();
    let err = edit(
        &mut db.conn,
        999,
        &[RelationEdit::Favorite { value: true }],
        &clock(),
    )
    .unwrap_err();
    assert_eq!(err.code(), "not_found");
    assert_eq!(count(&db, "SELECT count(*) FROM relations"), 0);
}

#[test]
fn each_edit_is_timestamped_recorded_and_queued_once() {
    let mut db = fixture();
    let c = clock();
    edit(
        &mut db.conn,
        1,
        &[RelationEdit::Blocked {
            value: true,
            reason: Some("  No-show twice ".into()),
        }],
        &c,
    )
    .unwrap();
    // Setting the same value again changes nothing.
    edit(
        &mut db.conn,
        1,
        &[RelationEdit::Blocked {
            value: true,
            reason: Some("No-show twice".into()),
        }],
        &c,
    )
    .unwrap();
    let (reason, updated): (String, String) = db
        .conn
        .query_row(
            "SELECT blocked_reason, updated_at FROM relations WHERE customer_id = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(reason, "No-show twice");
    assert_eq!(updated, "2026-11-24T12:00:00.000000Z");
    assert_eq!(
        count(&db, "SELECT count(*) FROM activity WHERE kind = 'edit'"),
        1
    );
    let (field, value): (String, String) = db
        .conn
        .query_row("SELECT field, value FROM outbox", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!((field.as_str(), value.as_str()), ("is_blocked", "true"));
    let a = clientele::activity::recent(&db.conn, &Default::default()).unwrap();
    assert_eq!(a.activities[0].description, "Blocked: No-show twice");
    // Unblocking clears the reason.
    let row = edit(
        &mut db.conn,
        1,
        &[RelationEdit::Blocked {
            value: false,
            reason: Some("ignored".into()),
        }],
        &c,
    )
    .unwrap();
    assert_eq!((row.is_blocked, row.blocked_reason), (false, None));
}

#[test]
fn tags_are_validated_and_not_pushed() {
    let mut db = fixture();
    let row = edit(
        &mut db.conn,
        1,
        &[RelationEdit::Tags {
            value: vec!["vip".into(), " monthly ".into()],
        }],
        &clock(),
    )
    .unwrap();
    assert_eq!(row.tags, vec!["vip", "monthly"]);
    assert_eq!(count(&db, "SELECT count(*) FROM outbox"), 0);
    let err = edit(
        &mut db.conn,
        1,
        &[RelationEdit::Tags {
            value: vec!["".into()],
        }],
        &clock(),
    )
    .unwrap_err();
    assert_eq!(err.code(), "invalid_input");
}
