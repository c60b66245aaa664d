//! Backups and recovery through the commands: the open status, a backup now, restore with
//! the page told to reload everything, and a damaged file (status, start an empty book).

use crate::harness::TestApp;
use clientele::changes::Scope;
use clientele_app::state::{AppState, Session};
use serde_json::json;

fn favourite(app: &TestApp, id: i64) -> bool {
    app.ok(
        "get_customer",
        json!({ "customerId": id, "page": 1, "pageSize": 5 }),
    )["customer"]["is_favorite"]
        .as_bool()
        .unwrap()
}

#[test]
fn a_backup_now_then_a_restore_undoes_an_edit_and_reloads_the_page() {
    let app = TestApp::new();
    let status = app.ok("database_status", json!({}));
    assert!(status["error"].is_null(), "{status}");
    let b = app.ok("backup_now", json!({}));
    assert_eq!(b["kind"], "regular");
    assert_eq!(
        app.ok("list_backups", json!({})).as_array().unwrap().len(),
        1
    );

    let id = app.first_customer_id();
    let was = favourite(&app, id);
    app.ok(
        "edit_relation",
        json!({ "customerId": id, "edit": { "field": "favorite", "value": !was } }),
    );
    assert_ne!(favourite(&app, id), was);
    let before = app.data_changed_count();
    let r = app.ok("restore_backup", json!({ "path": b["path"] }));
    assert_eq!(r["snapshot"]["kind"], "pre_restore", "{r}");
    assert_eq!(favourite(&app, id), was, "the edit is undone");
    assert_eq!(app.data_changed_count(), before + 1);
    for scope in Scope::ALL {
        assert!(app.announced(before, scope), "{scope:?}");
    }
}

#[test]
fn a_damaged_database_gets_one_status_and_can_start_an_empty_book() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("clientele.db");
    {
        let mut conn = clientele::db::open(&db).unwrap();
        clientele::demo::generate(&mut conn, 80, 1, &clientele::Clock::system()).unwrap();
        conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
            .unwrap();
        clientele::backup::snapshot(
            &conn,
            &db,
            clientele::backup::BackupKind::Regular,
            &clientele::Clock::system(),
        )
        .unwrap();
    }
    let mut bytes = std::fs::read(&db).unwrap();
    let mid = (bytes.len() / 4096 / 2) * 4096;
    bytes[mid..mid + 3 * 4096].fill(0xA5);
    std::fs::write(&db, &bytes).unwrap();

    let app = TestApp::with_state(dir, |d| {
        AppState::new(Session::new(d.join("clientele.db"), None))
    });
    let status = app.ok("database_status", json!({}));
    assert_eq!(status["error"]["code"], "damaged", "{status}");
    assert!(
        status["newest_backup"]["path"].as_str().is_some(),
        "{status}"
    );
    assert_eq!(app.err_code("get_stats", json!({})), "damaged");

    let r = app.ok("start_empty_book", json!({}));
    let aside = r["set_aside"].as_str().unwrap();
    assert!(aside.contains("clientele.db.damaged-"), "{r}");
    assert_eq!(std::fs::read(aside).unwrap(), bytes, "kept, not deleted");
    assert!(app.ok("database_status", json!({}))["error"].is_null());
    assert_eq!(app.ok("get_stats", json!({}))["total_customers"], 0);
    assert!(app.announced(app.data_changed_count() - 1, Scope::App));
}

#[test]
fn open_another_database_switches_only_to_a_file_that_opens() {
    let app = TestApp::new();
    let dir = app.dir.path().to_path_buf();
    // `open_from` (the dialog's stand-in) is opened.db in the test folder.
    std::fs::write(dir.join("opened.db"), "a shopping list, not a database").unwrap();
    assert_eq!(app.err_code("open_database", json!({})), "foreign");
    let info = app.ok("app_info", json!({}));
    assert!(
        info["db_path"].as_str().unwrap().ends_with("clientele.db"),
        "still open: {info}"
    );

    std::fs::remove_file(dir.join("opened.db")).unwrap();
    std::fs::copy(dir.join("clientele.db"), dir.join("opened.db")).unwrap();
    let before = app.data_changed_count();
    let opened = app.ok("open_database", json!({}));
    assert!(opened.as_str().unwrap().ends_with("opened.db"), "{opened}");
    assert!(app.ok("app_info", json!({}))["db_path"]
        .as_str()
        .unwrap()
        .ends_with("opened.db"));
    assert!(app.announced(before, Scope::Customers) && app.announced(before, Scope::App));
}

#[test]
fn a_database_in_a_missing_folder_is_reported_and_the_folder_not_created() {
    let dir = tempfile::tempdir().unwrap();
    let app = TestApp::with_state(dir, |d| {
        AppState::new(Session::new(d.join("gone/clientele.db"), None))
    });
    let status = app.ok("database_status", json!({}));
    assert_eq!(status["error"]["code"], "db_folder_missing", "{status}");
    assert!(status["newest_backup"].is_null());
    assert_eq!(
        app.err_code("list_customers", json!({ "query": {} })),
        "db_folder_missing"
    );
    assert!(!app.dir.path().join("gone").exists());
}

#[test]
fn load_sample_data_opens_the_sample_beside_an_untouched_empty_book_and_back() {
    // Only this test reads the variable (`demo_size`, at the call).
    std::env::set_var("CLIENTELE_DEMO_CUSTOMERS", "30");
    let dir = tempfile::tempdir().unwrap();
    let app = TestApp::with_state(dir, |d| {
        let mut s = AppState::new(Session::new(d.join("clientele.db"), None));
        s.account_db = d.join("clientele.db");
        s
    });
    assert_eq!(app.ok("get_stats", json!({}))["total_customers"], 0);
    let before = app.data_changed.lock().unwrap().len();
    app.ok("open_sample", json!({}));
    assert_eq!(app.ok("app_info", json!({}))["demo"], true);
    assert_eq!(app.ok("get_stats", json!({}))["total_customers"], 30);
    assert!(app.dir.path().join("demo.db").exists());
    assert!(app.announced(before, Scope::Customers) && app.announced(before, Scope::App));

    app.ok("leave_sample", json!({}));
    let info = app.ok("app_info", json!({}));
    assert_eq!(info["demo"], false);
    assert!(info["db_path"].as_str().unwrap().ends_with("clientele.db"));
    // Nothing made up reached the provider's own book.
    assert_eq!(app.ok("get_stats", json!({}))["total_customers"], 0);
}
