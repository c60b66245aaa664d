//! Edits (and the `data-changed` event) and the CSV and Excel exports.

use crate::harness::{TestApp, DEMO_CUSTOMERS};
use clientele::changes::Scope;
use serde_json::json;

#[test]
fn favourite_block_and_notes_edit_the_customer_and_announce_it() {
    let app = TestApp::new();
    let counts =
        |app: &TestApp| app.ok("list_customers", json!({ "query": {} }))["status_counts"].clone();
    let n = |c: &serde_json::Value, k: &str| c[k].as_i64().unwrap();
    let page = app.ok(
        "list_customers",
        json!({ "query": { "status": "new", "page_size": 1 } }),
    );
    let id = page["results"][0]["customer_id"].as_i64().unwrap();
    let before = counts(&app);

    let row = app.ok(
        "edit_relation",
        json!({ "customerId": id, "edit": { "field": "favorite", "value": true } }),
    );
    assert_eq!(
        (row["is_favorite"].as_bool(), row["status"].as_str()),
        (Some(true), Some("favorite"))
    );
    let fav = counts(&app);
    assert_eq!(
        (n(&fav, "favorite"), n(&fav, "new")),
        (n(&before, "favorite") + 1, n(&before, "new") - 1)
    );

    let row = app.ok(
        "edit_relation",
        json!({ "customerId": id, "edit": { "field": "blocked", "value": true, "reason": "No-show" } }),
    );
    assert_eq!(
        (row["status"].as_str(), row["blocked_reason"].as_str()),
        (Some("blocked"), Some("No-show"))
    );
    let blocked = counts(&app);
    assert_eq!(
        (n(&blocked, "blocked"), n(&blocked, "favorite")),
        (n(&before, "blocked") + 1, n(&before, "favorite"))
    );

    let row = app.ok(
        "edit_relation",
        json!({ "customerId": id, "edit": { "field": "notes", "value": "Gate code 4321 — नमस्ते" } }),
    );
    assert_eq!(row["notes"], "Gate code 4321 — नमस्ते");
    assert_eq!(app.data_changed_count(), 3, "each edit emits data-changed");
    // A flag moves the stats; a note changes the row and the timeline only.
    assert!(app.announced(0, Scope::Stats) && app.announced(1, Scope::Charts));
    assert!(app.announced(2, Scope::Customers) && app.announced(2, Scope::Activity));
    assert!(
        !app.announced(2, Scope::Stats),
        "a notes edit must not refetch the stats"
    );
}

#[test]
fn edits_refuse_long_notes_and_unknown_customers_without_announcing() {
    let app = TestApp::new();
    let id = app.first_customer_id();
    let long = "x".repeat(10_001);
    let args = json!({ "customerId": id, "edit": { "field": "notes", "value": long } });
    assert_eq!(app.err_code("edit_relation", args), "invalid_input");
    let exact = "y".repeat(10_000);
    let args = json!({ "customerId": id, "edit": { "field": "notes", "value": exact } });
    assert_eq!(
        app.ok("edit_relation", args)["notes"]
            .as_str()
            .unwrap()
            .len(),
        10_000
    );

    let args = json!({ "customerId": 999_999_999, "edit": { "field": "favorite", "value": true } });
    assert_eq!(app.err_code("edit_relation", args), "not_found");
    assert_eq!(
        app.data_changed_count(),
        1,
        "only the successful edit announced a change"
    );
}

#[test]
fn export_writes_a_csv_with_bom_header_and_every_customer() {
    let app = TestApp::new();
    let report = app.ok("export_csv", json!({ "filter": {} }));
    assert_eq!(report["rows"], DEMO_CUSTOMERS as i64);
    let text = std::fs::read_to_string(app.dir.path().join("export.csv")).unwrap();
    assert!(text.starts_with('\u{feff}'), "UTF-8 BOM for Excel");
    let header = text.lines().next().unwrap().trim_start_matches('\u{feff}');
    assert!(
        header.starts_with("Customer Name,Email,Phone,Total Bookings,Total Spent"),
        "{header}"
    );
    assert_eq!(
        report["path"],
        app.dir.path().join("export.csv").display().to_string()
    );

    let blocked = app.ok("export_csv", json!({ "filter": { "status": "blocked" } }));
    let counts = app.ok("list_customers", json!({ "query": {} }))["status_counts"].clone();
    assert_eq!(blocked["rows"], counts["blocked"]);
}

#[test]
fn export_xlsx_writes_a_workbook_next_to_the_csv_path() {
    let app = TestApp::new();
    // `export_to` names export.csv; the workbook goes to the same path as .xlsx.
    let report = app.ok("export_xlsx", json!({ "filter": {} }));
    let path = app.dir.path().join("export.xlsx");
    assert_eq!(report["path"], path.display().to_string());
    assert_eq!(report["rows"], DEMO_CUSTOMERS as i64);
    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.starts_with(b"PK"), "an .xlsx is a ZIP container");
    assert_eq!(report["bytes"], bytes.len() as i64);
    assert!(!app.dir.path().join("export.csv").exists());

    let blocked = app.ok("export_xlsx", json!({ "filter": { "status": "blocked" } }));
    let counts = app.ok("list_customers", json!({ "query": {} }))["status_counts"].clone();
    assert_eq!(blocked["rows"], counts["blocked"]);
}

#[test]
fn export_into_a_missing_folder_is_an_input_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        TestApp::new().dir.path().join("clientele.db"),
        dir.path().join("clientele.db"),
    )
    .unwrap();
    let app = TestApp::with_state(dir, |d| {
        let mut s = clientele_app::state::AppState::new(clientele_app::state::Session::new(
            d.join("clientele.db"),
            None,
        ));
        s.export_to = Some(d.join("no/such/folder/out.csv"));
        s
    });
    assert_eq!(
        app.err_code("export_csv", json!({ "filter": {} })),
        "invalid_input"
    );
    assert_eq!(
        app.err_code("export_xlsx", json!({ "filter": {} })),
        "invalid_input"
    );
}

#[test]
fn a_demo_session_generates_its_database_on_first_use() {
    let dir = tempfile::tempdir().unwrap();
    let app = TestApp::with_state(dir, |d| {
        clientele_app::state::AppState::new(clientele_app::state::Session::new(
            d.join("demo.db"),
            Some(40),
        ))
    });
    let info = app.ok("app_info", json!({}));
    assert_eq!(info["demo"], true);
    assert_eq!(app.ok("get_stats", json!({}))["total_customers"], 40);
    assert!(app.dir.path().join("demo.db").exists());
    assert!(!app.dir.path().join("demo.db.partial").exists());
}

#[test]
fn a_file_that_is_not_a_clientele_database_gives_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("notes.db"),
        "just some text, not SQLite at all",
    )
    .unwrap();
    let app = TestApp::with_state(dir, |d| {
        clientele_app::state::AppState::new(clientele_app::state::Session::new(
            d.join("notes.db"),
            None,
        ))
    });
    assert_eq!(app.err_code("get_stats", json!({})), "foreign");
}

#[test]
fn a_write_by_another_process_is_announced_without_a_restart() {
    let app = TestApp::new();
    let id = app.first_customer_id(); // opens the store, which the watcher then follows
    std::thread::sleep(clientele_app::watch::EVERY * 2);
    let before = app.data_changed_count();
    // What `clientele set ID --favorite true` does, from its own connection.
    let mut cli = clientele::db::open(&app.dir.path().join("clientele.db")).unwrap();
    clientele::relations::edit(
        &mut cli,
        id,
        &[clientele::relations::RelationEdit::Favorite { value: true }],
        &clientele::Clock::system(),
    )
    .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while app.data_changed_count() == before && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert!(
        app.data_changed_count() > before,
        "the CLI's edit must reach the open app"
    );
    assert!(app.announced(before, Scope::Customers) && app.announced(before, Scope::Stats));
}

#[test]
fn a_client_list_is_picked_previewed_and_imported() {
    let app = TestApp::new();
    let csv = app.dir.path().join("clients.csv");
    std::fs::write(
        &csv,
        "Full Name;E-mail\nBina Gurung;bina@example.com\n;nobody@example.com\n",
    )
    .unwrap();
    let picked = app.invoke("pick_import_file", json!({})).unwrap();
    assert_eq!(picked.as_str(), csv.to_str());
    let preview = app
        .invoke("preview_import", json!({ "path": csv }))
        .unwrap();
    assert_eq!(preview["report"]["added"], 1);
    assert_eq!(preview["report"]["invalid"][0]["line"], 3);
    let refused = app
        .invoke(
            "import_customers",
            json!({ "path": csv, "skipInvalid": false }),
        )
        .unwrap_err();
    assert_eq!(refused["code"], "invalid_input", "{refused}");
    let done = app
        .invoke(
            "import_customers",
            json!({ "path": csv, "skipInvalid": true }),
        )
        .unwrap();
    assert_eq!(done["added"], 1);
}
