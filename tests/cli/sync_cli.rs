//! The CLI's sync subcommands as a process: login, sync --json, logout.

use clientele_test_kit::fake_platform::{FakePlatform, World, PROVIDER_EMAIL, PROVIDER_PASSWORD};
use std::process::Command;

fn cli(db: &std::path::Path, args: &[&str]) -> std::process::Output {
    clientele_test_kit::cli_process(env!("CARGO_BIN_EXE_clientele"), db, args)
        .output()
        .unwrap()
}

#[test]
fn login_sync_json_and_logout() {
    let fake = FakePlatform::start(World::generate(8, 60, 50));
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cli.db");
    let out = cli(
        &db,
        &["login", "--url", &fake.base_url, "--email", PROVIDER_EMAIL],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("signed in as provider@sewa.local"));
    // One token file per account, beside --db (issue 8).
    let account = clientele::sync::Account::new(&fake.base_url, 1);
    let token_file = dir
        .path()
        .join(clientele::sync::token_store::account_file_name(&account));
    assert!(token_file.exists(), "the token sits next to --db");

    let out = cli(&db, &["sync", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: clientele::sync::SyncReport = serde_json::from_slice(&out.stdout).unwrap();
    assert!(report.full);
    assert_eq!(report.bookings_new, 60);
    assert!(report.requests >= 3 && report.bytes > 0);

    let out = cli(&db, &["logout"]);
    assert!(out.status.success());
    assert!(!token_file.exists());
    let out = cli(&db, &["sync"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("sign in"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_wrong_password_exits_1_with_the_platforms_message() {
    let fake = FakePlatform::start(World::generate(2, 2, 51));
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_clientele"))
        .arg("--db")
        .arg(dir.path().join("x.db"))
        .args(["login", "--url", &fake.base_url, "--email", PROVIDER_EMAIL])
        .env("CLIENTELE_TOKEN_STORE", "file")
        .env("CLIENTELE_PASSWORD", "nope")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("No active account found"));
}

#[test]
fn tokens_never_reach_the_log_even_at_trace_level() {
    let fake = FakePlatform::start(World::generate(4, 30, 52));
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("log.db");
    assert!(cli(
        &db,
        &["login", "--url", &fake.base_url, "--email", PROVIDER_EMAIL]
    )
    .status
    .success());
    fake.fault(
        "status=",
        clientele_test_kit::fake_platform::FaultKind::ExpireAccess,
        1,
    );
    let out = Command::new(env!("CARGO_BIN_EXE_clientele"))
        .arg("--db")
        .arg(&db)
        .args(["sync", "--full"])
        .env("CLIENTELE_TOKEN_STORE", "file")
        .env("CLIENTELE_LOG", "trace")
        .output()
        .unwrap();
    assert!(out.status.success());
    let log = String::from_utf8_lossy(&out.stderr);
    assert!(log.len() > 1000, "trace logging produced output");
    assert!(
        !log.contains("refresh:1:") && !log.contains("access:1:"),
        "a token was logged"
    );
    assert!(!log.contains(PROVIDER_PASSWORD));
}
