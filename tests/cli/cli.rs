//! The command line, run as a process: outputs, JSON shapes, and bad input.

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

const AS_OF: &str = "2026-11-24T12:00:00Z";

fn run(db: &Path, args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_clientele"));
    cmd.arg("--db").arg(db);
    if !args.contains(&"--as-of") {
        cmd.args(["--as-of", AS_OF]);
    }
    cmd.args(args).env("TZ", "Asia/Kathmandu").output().unwrap()
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

/// Fails with exit 1 and one specific line on stderr.
fn fails(db: &Path, args: &[&str], needle: &str) {
    let out = run(db, args);
    assert_eq!(out.status.code(), Some(1), "{args:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
    assert!(err.contains(needle), "{args:?}: {err}");
}

fn demo_db() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let v = ok_json(&db, &["demo", "--customers", "60", "--seed", "7"]);
    assert_eq!(v["customers"], 60);
    (dir, db)
}

#[test]
fn customers_json_has_the_documented_shape() {
    let (_d, db) = demo_db();
    let v = ok_json(
        &db,
        &["customers", "--page-size", "5", "--sort", "total_spent"],
    );
    for key in [
        "count",
        "page",
        "page_size",
        "total_pages",
        "status_counts",
        "results",
    ] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    assert_eq!(v["count"], 60);
    let rows = v["results"].as_array().unwrap();
    assert_eq!(rows.len(), 5);
    let r = &rows[0];
    for key in [
        "customer_id",
        "first_name",
        "last_name",
        "email",
        "phone",
        "city",
        "status",
        "total_bookings",
        "cancelled_bookings",
        "total_spent",
        "average_rating",
        "first_booking_at",
        "last_booking_at",
        "last_visit_on",
        "next_visit_on",
        "days_since_last_booking",
        "is_favorite",
        "is_blocked",
        "blocked_reason",
        "notes",
    ] {
        assert!(r.get(key).is_some(), "row missing {key}");
    }
    let spent = r["total_spent"].as_str().unwrap();
    assert!(
        spent.contains('.') && spent.split('.').nth(1).unwrap().len() == 2,
        "money as a decimal string: {spent}"
    );
    assert!(r["last_booking_at"].as_str().unwrap().ends_with('Z'));
    // Sorted by spend, biggest first.
    let spends: Vec<f64> = rows
        .iter()
        .map(|r| r["total_spent"].as_str().unwrap().parse().unwrap())
        .collect();
    assert!(spends.windows(2).all(|w| w[0] >= w[1]), "{spends:?}");
    let asc = ok_json(
        &db,
        &[
            "customers",
            "--sort",
            "name",
            "--asc",
            "--status",
            "regular",
        ],
    );
    assert!(asc["results"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["status"] == "regular"));
}

#[test]
fn stats_set_customer_activity_and_export_work_together() {
    let (d, db) = demo_db();
    let before = ok_json(&db, &["stats"]);
    assert_eq!(before["total_customers"], 60);
    let id = ok_json(&db, &["customers", "--status", "new", "--page-size", "1"])["results"][0]
        ["customer_id"]
        .as_i64()
        .unwrap();
    let notes = d.path().join("notes.txt");
    std::fs::write(&notes, "Prefers mornings").unwrap();
    let row = ok_json(
        &db,
        &[
            "set",
            &id.to_string(),
            "--blocked",
            "true",
            "--reason",
            "No-show",
            "--notes-file",
            notes.to_str().unwrap(),
        ],
    );
    assert_eq!(
        (
            row["status"].as_str(),
            row["notes"].as_str(),
            row["blocked_reason"].as_str()
        ),
        (Some("blocked"), Some("Prefers mornings"), Some("No-show"))
    );
    let after = ok_json(&db, &["stats"]);
    assert_eq!(
        after["blocked_customers"].as_i64().unwrap(),
        before["blocked_customers"].as_i64().unwrap() + 1
    );
    let detail = ok_json(&db, &["customer", &id.to_string()]);
    assert_eq!(detail["customer"]["customer_id"], id);
    assert!(!detail["bookings"].as_array().unwrap().is_empty());
    let act = ok_json(&db, &["activity", "--limit", "3", "--type", "edit"]);
    let items = act["activities"].as_array().unwrap();
    assert_eq!(items[0]["customer_id"], id);
    assert_eq!(items[0]["type"], "edit");
    let out = d.path().join("all.csv");
    let rep = ok_json(&db, &["export", "--out", out.to_str().unwrap()]);
    assert_eq!(rep["rows"], 60);
    let mut reader = csv::Reader::from_path(&out).unwrap();
    assert_eq!(reader.records().count(), 60);
    // Human-readable output by default.
    let text = String::from_utf8(run(&db, &["stats"]).stdout).unwrap();
    assert!(
        text.contains("total customers") && text.contains("60"),
        "{text}"
    );
}

#[test]
fn import_applies_platform_files_all_or_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let b = clientele_test_kit::fixture("bookings_page1.json");
    let r = clientele_test_kit::fixture("reviews_page1.json");
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, r#"[{"id": 5, "customer": {"id": 1}, "rating": 9, "created_at": "2026-11-01T00:00:00Z", "updated_at": "2026-11-01T00:00:00Z"}]"#).unwrap();
    fails(
        &db,
        &["import", b.to_str().unwrap(), bad.to_str().unwrap()],
        "review 5",
    );
    assert_eq!(
        ok_json(&db, &["stats"])["total_customers"],
        0,
        "nothing written"
    );
    let rep = ok_json(&db, &["import", b.to_str().unwrap(), r.to_str().unwrap()]);
    assert_eq!(
        (rep["bookings_new"].as_i64(), rep["reviews_new"].as_i64()),
        (Some(10), Some(10))
    );
    let again = ok_json(&db, &["import", b.to_str().unwrap()]);
    assert_eq!(again["bookings_unchanged"], 10);
    let truncated = dir.path().join("t.json");
    std::fs::write(&truncated, "{\"results\": [{\"id\": 1,").unwrap();
    fails(
        &db,
        &["import", truncated.to_str().unwrap()],
        "not valid JSON",
    );
}

#[test]
fn bad_arguments_and_values_fail_with_one_specific_line() {
    let (d, db) = demo_db();
    fails(&db, &["customer", "424242"], "no customer with id 424242");
    fails(
        &db,
        &["set", "424242", "--favorite", "true"],
        "no customer with id 424242",
    );
    fails(
        &db,
        &["customers", "--status", "vip"],
        "unknown status \"vip\"",
    );
    fails(&db, &["customers", "--sort", "age"], "unknown sort \"age\"");
    fails(&db, &["customers", "--page-size", "0"], "page size");
    fails(
        &db,
        &["activity", "--type", "login"],
        "unknown activity type",
    );
    fails(&db, &["--as-of", "yesterday", "stats"], "--as-of");
    fails(&db, &["demo"], "already holds 60 customers");
    fails(
        &db,
        &["export", "--out", "/nonexistent/dir/x.csv"],
        "does not exist",
    );
    let id = ok_json(&db, &["customers", "--page-size", "1"])["results"][0]["customer_id"]
        .as_i64()
        .unwrap();
    let long = d.path().join("long.txt");
    std::fs::write(&long, "n".repeat(10_001)).unwrap();
    fails(
        &db,
        &[
            "set",
            &id.to_string(),
            "--notes-file",
            long.to_str().unwrap(),
        ],
        "limit is 10000",
    );
    fails(&db, &["set", &id.to_string()], "nothing to set");
    assert_eq!(
        ok_json(&db, &["customer", &id.to_string()])["customer"]["notes"],
        "",
        "nothing written"
    );
    // clap usage errors exit 2.
    let out = run(&db, &["customers", "--bogus"]);
    assert_eq!(out.status.code(), Some(2));
    let text = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(text.path(), "hello").unwrap();
    let out = run(text.path(), &["stats"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a Clientele database"));
}

/// `clientele customers | head -1`: the reader goes away; the CLI ends quietly (killed by
/// SIGPIPE, as other Unix tools are) rather than panicking in `println!`.
#[cfg(unix)]
#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    use std::io::Read;
    use std::os::unix::process::ExitStatusExt;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    ok_json(&db, &["demo", "--customers", "800", "--seed", "7"]);
    // Far more than a pipe holds (64 KiB), so the CLI is still writing when the reader goes.
    let mut child = Command::new(env!("CARGO_BIN_EXE_clientele"))
        .arg("--db")
        .arg(&db)
        .args(["--json", "customers", "--page-size", "500"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // The read end is closed here, with most of the list still to be printed.
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(
        out.status.signal(),
        Some(libc_sigpipe()),
        "{:?}",
        out.status
    );
}

#[cfg(unix)]
fn libc_sigpipe() -> i32 {
    13 // SIGPIPE on Linux and the BSDs
}
