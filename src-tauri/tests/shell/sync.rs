//! Sync commands as the UI calls them, with no account and no network.

use crate::harness::TestApp;
use clientele_test_kit::fake_platform::{FakePlatform, World, PROVIDER_EMAIL, PROVIDER_PASSWORD};
use serde_json::json;

#[test]
fn with_no_account_sync_reports_signed_out_and_refuses_to_run() {
    let app = TestApp::new();
    let status = app.ok("sync_status", json!({}));
    assert_eq!(status["signed_in"], false);
    let code = app.err_code("sync_now", json!({ "full": false }));
    assert!(
        ["unauthorized", "offline"].contains(&code.as_str()),
        "{code}"
    );
    assert_eq!(app.ok("cancel_sync", json!({})), serde_json::Value::Null);
    assert_eq!(app.ok("sign_out", json!({}))["signed_in"], false);
}

#[test]
fn signing_in_to_an_unreachable_server_is_offline() {
    let app = TestApp::new();
    // Port 9 (discard) on localhost: connection refused at once, no real network used.
    let args = json!({ "baseUrl": "http://127.0.0.1:9", "email": "a@b.c", "password": "pw" });
    assert_eq!(app.err_code("sign_in", args), "offline");
    assert_eq!(app.ok("sync_status", json!({}))["signed_in"], false);
}

#[test]
fn signing_in_from_the_demo_switches_to_the_account_database() {
    // A provider account with no bookings yet.
    let platform = FakePlatform::start(World::generate(0, 0, 1));
    let dir = tempfile::tempdir().unwrap();
    let app = TestApp::with_state(dir, |d| {
        let mut s = clientele_app::state::AppState::new(clientele_app::state::Session::new(
            d.join("demo.db"),
            Some(30),
        ));
        s.account_db = d.join("clientele.db");
        s
    });
    assert_eq!(app.ok("app_info", json!({}))["demo"], true);

    let wrong =
        json!({ "baseUrl": platform.base_url, "email": PROVIDER_EMAIL, "password": "nope" });
    assert_eq!(app.err_code("sign_in", wrong), "unauthorized");
    assert_eq!(
        app.ok("app_info", json!({}))["demo"],
        true,
        "a failed sign-in stays in the demo"
    );

    let args = json!({ "baseUrl": platform.base_url, "email": PROVIDER_EMAIL, "password": PROVIDER_PASSWORD });
    let status = app.ok("sign_in", args);
    assert_eq!(
        (status["signed_in"].as_bool(), status["email"].as_str()),
        (Some(true), Some(PROVIDER_EMAIL))
    );
    let info = app.ok("app_info", json!({}));
    assert_eq!(info["demo"], false);
    assert!(info["db_path"].as_str().unwrap().ends_with("clientele.db"));
    assert_eq!(
        app.ok("get_stats", json!({}))["total_customers"],
        0,
        "the account's own, empty book"
    );
    assert_eq!(
        app.data_changed_count(),
        1,
        "the page reloads on the new database"
    );
    assert!(
        clientele::changes::Scope::ALL
            .iter()
            .all(|s| app.announced(0, *s)),
        "switching databases refetches everything"
    );
    assert!(clientele_app::sync_control::account_configured(
        &app.dir.path().join("clientele.db")
    ));

    assert_eq!(app.ok("sign_out", json!({}))["signed_in"], false);
    assert_eq!(app.ok("sync_status", json!({}))["signed_in"], false);
    assert_eq!(
        app.ok("app_info", json!({}))["demo"],
        false,
        "local data stays open after sign-out"
    );
}
