//! Sync commands as the UI calls them, with no account and no network.

use crate::harness::TestApp;
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
