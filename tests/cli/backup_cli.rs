//! `clientele backup`, `backups`, `restore`, and the errors of a missing folder, a
//! damaged or foreign file and a read-only one, through the real binary.

use clientele_test_kit::cli_process;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Output;

fn run(db: &Path, args: &[&str]) -> Output {
    cli_process(env!("CARGO_BIN_EXE_clientele"), db, args)
        .env("TZ", "Asia/Kathmandu")
        .output()
        .unwrap()
}

fn ok_json(db: &Path, args: &[&str]) -> Value {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    let out = run(db, &all);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Exit 1 with `needle` on the one line of stderr.
fn fails(db: &Path, args: &[&str], needle: &str) {
    let out = run(db, args);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
    assert!(err.contains(needle), "{args:?}: {err}");
}

fn demo(customers: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    ok_json(&db, &["demo", "--customers", customers, "--seed", "3"]);
    (dir, db)
}

fn first_id(db: &Path) -> String {
    ok_json(
        db,
        &["customers", "--sort", "name", "--asc", "--page-size", "1"],
    )["results"][0]["customer_id"]
        .to_string()
}

fn favorite(db: &Path, id: &str) -> bool {
    ok_json(db, &["customer", id])["customer"]["is_favorite"]
        .as_bool()
        .unwrap()
}

#[test]
fn backup_then_restore_brings_the_book_back() {
    let (dir, db) = demo("40");
    let b = ok_json(&db, &["backup"]);
    let path = PathBuf::from(b["path"].as_str().unwrap());
    assert_eq!(path.parent().unwrap(), dir.path().join("backups"));
    assert_eq!(
        b["bytes"].as_u64().unwrap(),
        std::fs::metadata(&path).unwrap().len()
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    let id = first_id(&db);
    let was = favorite(&db, &id);
    ok_json(
        &db,
        &["set", &id, "--favorite", if was { "false" } else { "true" }],
    );
    assert_ne!(favorite(&db, &id), was);

    let r = ok_json(&db, &["restore", path.to_str().unwrap()]);
    assert_eq!(r["customers"], 40);
    assert_eq!(favorite(&db, &id), was, "the edit is undone");
    let snapshot = r["snapshot"]["path"].as_str().unwrap();
    assert!(snapshot.ends_with("-prerestore.db"), "{r}");

    let listed = ok_json(&db, &["backups"]);
    let kinds: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["kind"].as_str().unwrap())
        .collect();
    assert!(
        kinds.contains(&"pre_restore") && kinds.contains(&"regular"),
        "{listed}"
    );
    let human = run(&db, &["backups"]);
    assert!(String::from_utf8_lossy(&human.stdout).contains("before a restore"));
}

#[test]
fn restore_refuses_a_damaged_or_foreign_file_and_changes_nothing() {
    let (dir, db) = demo("60");
    let b = ok_json(&db, &["backup"]);
    let mut bytes = std::fs::read(b["path"].as_str().unwrap()).unwrap();
    let mid = (bytes.len() / 4096 / 2) * 4096;
    bytes[mid..mid + 3 * 4096].fill(0xA5);
    let bad = dir.path().join("bad.db");
    std::fs::write(&bad, bytes).unwrap();
    let id = first_id(&db);
    ok_json(&db, &["set", &id, "--notes", "after the backup"]);

    fails(&db, &["restore", bad.to_str().unwrap()], "damaged");
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "not a database\n".repeat(100)).unwrap();
    fails(
        &db,
        &["restore", text.to_str().unwrap()],
        "not a Clientele database",
    );
    assert_eq!(
        ok_json(&db, &["customer", &id])["customer"]["notes"],
        "after the backup",
        "nothing changed"
    );
    assert_eq!(
        ok_json(&db, &["backups"]).as_array().unwrap().len(),
        1,
        "no snapshot taken"
    );
}

#[test]
fn a_missing_folder_is_named_and_not_created() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("no/such/folder/c.db");
    fails(&db, &["customers"], "does not exist");
    fails(&db, &["demo"], "does not exist");
    assert!(!dir.path().join("no").exists());
}

#[test]
fn a_damaged_database_is_reported_as_damaged() {
    let (dir, db) = demo("60");
    let b = ok_json(&db, &["backup"]);
    let mut bytes = std::fs::read(b["path"].as_str().unwrap()).unwrap();
    let mid = (bytes.len() / 4096 / 2) * 4096;
    bytes[mid..mid + 3 * 4096].fill(0xA5);
    let bad = dir.path().join("bad.db");
    std::fs::write(&bad, &bytes).unwrap();
    fails(&bad, &["stats"], "damaged");
    assert_eq!(std::fs::read(&bad).unwrap(), bytes, "left as it was");
    // A restore over it sets it aside and brings the backup back.
    let r = ok_json(&bad, &["restore", b["path"].as_str().unwrap()]);
    assert!(
        r["set_aside"].as_str().unwrap().contains("bad.db.damaged-"),
        "{r}"
    );
    assert_eq!(ok_json(&bad, &["stats"])["total_customers"], 60);
}

#[cfg(unix)]
#[test]
fn a_read_only_database_says_so_and_stays_as_it_was() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, db) = demo("20");
    let ro = dir.path().join("ro.db");
    std::fs::copy(&db, &ro).unwrap();
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o400)).unwrap();
    let bytes = std::fs::read(&ro).unwrap();
    fails(&ro, &["set", "1", "--favorite", "true"], "read-only");
    assert_eq!(std::fs::read(&ro).unwrap(), bytes);
}

#[test]
fn restore_waits_while_a_sync_holds_the_lock() {
    let (_dir, db) = demo("10");
    let b = ok_json(&db, &["backup"]);
    let lock = clientele::sync::SyncLock::acquire(&db).unwrap();
    fails(
        &db,
        &["restore", b["path"].as_str().unwrap()],
        "a sync is already running",
    );
    drop(lock);
    ok_json(&db, &["restore", b["path"].as_str().unwrap()]);
}
