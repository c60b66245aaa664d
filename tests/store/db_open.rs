//! Opening the store: fresh and migrated files open; foreign and newer files are refused
//! without being changed.

use clientele::db;

#[test]
fn fresh_file_opens_with_pragmas_and_schema() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.db");
    let conn = db::open(&path).unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let fk: i64 = conn
        .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
        .unwrap();
    assert_eq!(fk, 1);
    let app: i64 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .unwrap();
    assert_eq!(app, db::APPLICATION_ID);
    let strict: i64 = conn
        .query_row(
            "SELECT count(*) FROM pragma_table_list WHERE strict = 1 AND name IN ('customers','bookings','reviews','relations','customer_summary')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(strict, 5, "core tables are STRICT");
}

#[test]
fn already_migrated_file_reopens_and_keeps_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.db");
    {
        let conn = db::open(&path).unwrap();
        conn.execute(
            "UPDATE settings SET value = 'USD' WHERE key = 'currency'",
            [],
        )
        .unwrap();
    }
    let conn = db::open(&path).unwrap();
    assert_eq!(clientele::settings::currency(&conn).unwrap(), "USD");
    let versions: i64 = conn
        .query_row("SELECT count(*) FROM refinery_schema_history", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(versions, db::latest_schema_version());
}

#[test]
fn a_text_file_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.txt");
    let text = "this is not a database, it's my shopping list\n".repeat(200);
    std::fs::write(&path, &text).unwrap();
    let err = db::open(&path).unwrap_err();
    assert_eq!(err.code(), "foreign");
    assert!(
        err.to_string().contains("not a Clientele database"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn another_applications_sqlite_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute_batch("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT);")
            .unwrap();
    }
    let err = db::open(&path).unwrap_err();
    assert_eq!(err.code(), "foreign");
    let c = rusqlite::Connection::open(&path).unwrap();
    let tables: i64 = c
        .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
        .unwrap();
    assert_eq!(tables, 1, "nothing was added to the foreign file");
}

#[test]
fn a_file_from_a_newer_version_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.db");
    {
        let conn = db::open(&path).unwrap();
        conn.execute(
            "INSERT INTO refinery_schema_history (version, name, applied_on, checksum)
             VALUES (999, 'future', '2030-01-01', '0')",
            [],
        )
        .unwrap();
    }
    let err = db::open(&path).unwrap_err();
    assert_eq!(err.code(), "conflict");
    assert!(err.to_string().contains("newer Clientele"), "{err}");
}
