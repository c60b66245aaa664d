//! The customer-book commands of docs/rules.md §5 run as a process, each in human and
//! `--json` form, negative ids without `--`; an invalid value exits 1 with one line on
//! stderr naming the field, and writes nothing.

use clientele_test_kit::store::{booking, bookings, TestDb};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::Output;

const AS_OF: &str = "2026-11-24T12:00:00Z";

fn run(db: &Path, args: &[&str]) -> Output {
    clientele_test_kit::cli_process(env!("CARGO_BIN_EXE_clientele"), db, args)
        .args(["--as-of", AS_OF])
        .env("TZ", "Asia/Kathmandu")
        .output()
        .unwrap()
}

fn json(db: &Path, args: &[&str]) -> Value {
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

fn text(db: &Path, args: &[&str]) -> String {
    let out = run(db, args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Every row of the tables a book command writes.
fn snapshot(db: &Path) -> Vec<Vec<String>> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut all = Vec::new();
    for t in [
        "customers",
        "bookings",
        "relations",
        "customer_tags",
        "customer_summary",
        "status_counts",
        "activity",
        "merges",
        "outbox",
    ] {
        let mut st = conn
            .prepare(&format!("SELECT * FROM {t} ORDER BY 1"))
            .unwrap();
        let n = st.column_count();
        let rows: Vec<Vec<String>> = st
            .query_map([], |r| {
                (0..n)
                    .map(|i| {
                        r.get::<_, rusqlite::types::Value>(i)
                            .map(|v| format!("{v:?}"))
                    })
                    .collect()
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        all.push(vec![format!("{t}: {rows:?}")]);
    }
    all
}

/// Exit 1, one line on stderr containing `needle`, and nothing written.
fn fails(db: &Path, args: &[&str], needle: &str) {
    let before = snapshot(db);
    for json in [false, true] {
        let mut all: Vec<&str> = if json { vec!["--json"] } else { vec![] };
        all.extend_from_slice(args);
        let out = run(db, &all);
        assert_eq!(out.status.code(), Some(1), "{all:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            err.trim_end().lines().count(),
            1,
            "{all:?}: one line: {err}"
        );
        assert!(err.contains(needle), "{all:?}: {needle:?} not in {err}");
        assert!(out.stdout.is_empty(), "{all:?}");
    }
    assert!(snapshot(db) == before, "{args:?} wrote something");
}

/// A database with platform customer 1 (Ram Shrestha, booking 501) and nothing else.
fn book_db() -> (tempfile::TempDir, PathBuf) {
    let mut db = TestDb::new();
    db.apply(&bookings(vec![booking(
        501,
        1,
        "completed",
        "2026-11-01T08:00:00Z",
        "2026-11-02",
        1000,
    )]));
    let path = db.path();
    let TestDb { dir, conn } = db;
    drop(conn);
    (dir, path)
}

fn list_ids(v: &Value) -> Vec<i64> {
    let mut ids: Vec<i64> = v["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["customer_id"].as_i64().unwrap())
        .collect();
    ids.sort_unstable();
    ids
}

fn visit_args<'a>(id: &'a str, service: &'a str, date: &'a str) -> Vec<&'a str> {
    vec!["add-booking", id, "--service", service, "--date", date]
}

/// `v` has each field of `expected` with that value.
#[track_caller]
fn has(v: &Value, expected: Value) {
    for (k, want) in expected.as_object().unwrap() {
        assert_eq!(v.get(k), Some(want), "{k} in {v}");
    }
}

fn row_of(db: &Path, id: i64) -> Value {
    json(db, &["customer", &id.to_string()])["customer"].clone()
}

#[test]
fn own_customers_are_added_edited_archived_and_listed() {
    let (_d, db) = book_db();
    let mut args = vec![
        "add-customer",
        "--first-name",
        "Sita",
        "--last-name",
        "Gurung",
    ];
    args.extend([
        "--email",
        "sita@example.test",
        "--phone",
        "+977 980-758-1814",
    ]);
    args.extend([
        "--city", "Pokhara", "--notes", "Walk-in", "--tag", "VIP", "--tag", "Hair",
    ]);
    let v = json(&db, &args);
    has(
        &v,
        json!({"customer_id": -1, "source": "local", "archived": false, "tags": ["VIP", "Hair"],
               "phone": "+977 980-758-1814", "notes": "Walk-in", "total_bookings": 0,
               "status": "new", "cadence_days": null, "overdue_days": null}),
    );
    assert_eq!(
        text(&db, &["add-customer", "--first-name", "Hari"]),
        "added: Hari (id -2, local)\n"
    );

    let v = json(&db, &["edit-customer", "-1", "--city", "Butwal"]);
    has(&v, json!({"city": "Butwal", "last_name": "Gurung"}));
    let out = text(&db, &["edit-customer", "-2", "--last-name", "Rai"]);
    assert_eq!(out, "saved: Hari Rai (id -2, local)\n");
    assert_eq!(
        list_ids(&json(&db, &["customers", "--search", "butwal"])),
        vec![-1]
    );
    assert_eq!(
        list_ids(&json(&db, &["customers", "--tag", "vip"])),
        vec![-1]
    );
    assert!(text(&db, &["customers", "--tag", "VIP", "--tag", "hair"]).contains("Sita Gurung"));

    let v = json(&db, &["archive", "-1"]);
    has(&v, json!({"archived": true, "status": "archived"}));
    let out = text(&db, &["archive", "-2"]);
    assert_eq!(out, "archived: Hari Rai (id -2, local, archived)\n");
    let all = json(&db, &["customers"]);
    assert_eq!(list_ids(&all), vec![1]);
    assert_eq!(all["status_counts"]["archived"], 2);
    let archived = json(&db, &["customers", "--status", "archived"]);
    assert_eq!(
        (list_ids(&archived), archived["count"].as_i64()),
        (vec![-2, -1], Some(2))
    );
    let tagged = json(&db, &["customers", "--tag", "VIP", "--status", "archived"]);
    assert_eq!(list_ids(&tagged), vec![-1]);
    assert_eq!(json(&db, &["stats"])["total_customers"], 1);

    assert_eq!(json(&db, &["unarchive", "-1"])["archived"], false);
    assert_eq!(
        text(&db, &["unarchive", "-2"]),
        "restored: Hari Rai (id -2, local)\n"
    );
    assert_eq!(list_ids(&json(&db, &["customers"])), vec![-2, -1, 1]);
    assert_eq!(json(&db, &["stats"])["total_customers"], 3);
}

#[test]
fn visits_are_recorded_edited_and_deleted() {
    let (_d, db) = book_db();
    json(&db, &["add-customer", "--first-name", "Sita"]);
    let mut args = visit_args("-1", "Haircut", "2026-11-20");
    args.extend(["--time", "10:30", "--amount", "1200.00"]);
    let v = json(&db, &args);
    // created_at: 10:30 in Kathmandu, in UTC.
    has(
        &v,
        json!({"booking_id": -1, "customer_id": -1, "amount": "1200.00", "status": "completed",
               "time": "10:30", "created_at": "2026-11-20T04:45:00.000000Z"}),
    );
    let mut args = visit_args("1", "Shave", "2026-11-21");
    args.extend(["--amount", "200", "--status", "pending"]);
    args.extend(["--payment-status", "unpaid"]);
    let out = text(&db, &args);
    assert_eq!(
        out,
        "recorded: visit -2 for customer 1 — Shave on 2026-11-21, 200.00 (pending)\n"
    );
    assert_eq!(row_of(&db, -1)["total_spent"], "1200.00");
    assert_eq!(row_of(&db, 1)["total_bookings"], 2);

    let v = json(&db, &["edit-booking", "-1", "--amount", "1500"]);
    has(&v, json!({"amount": "1500.00", "service": "Haircut"}));
    let out = text(&db, &["edit-booking", "-2", "--status", "completed"]);
    assert_eq!(
        out,
        "saved: visit -2 for customer 1 — Shave on 2026-11-21, 200.00 (completed)\n"
    );
    assert_eq!(row_of(&db, -1)["total_spent"], "1500.00");
    assert_eq!(row_of(&db, 1)["total_spent"], "1200.00");
    let detail = json(&db, &["customer", "1"]);
    let sources: Vec<&str> = detail["bookings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["source"].as_str().unwrap())
        .collect();
    assert_eq!(sources, vec!["local", "platform"]);

    assert_eq!(json(&db, &["delete-booking", "-2"])["booking_id"], -2);
    let out = text(&db, &["delete-booking", "-1"]);
    assert!(
        out.starts_with("deleted: visit -1 for customer -1 — Haircut"),
        "{out}"
    );
    assert_eq!(row_of(&db, -1)["total_bookings"], 0);
    assert_eq!(row_of(&db, 1)["total_bookings"], 1);
    fails(&db, &["delete-booking", "-1"], "-1");
    fails(
        &db,
        &["edit-booking", "501", "--amount", "1"],
        "marketplace",
    );
    fails(&db, &["delete-booking", "501"], "marketplace");
}

#[test]
fn tags_duplicates_merge_and_unmerge() {
    let (_d, db) = book_db();
    let add = |first: &str, phone: &str, tags: &[&str]| {
        let mut args = vec!["add-customer", "--first-name", first, "--phone", phone];
        for t in tags {
            args.extend(["--tag", t]);
        }
        json(&db, &args)["customer_id"].as_i64().unwrap()
    };
    assert_eq!(add("Sita", "+977 980-758-1814", &["VIP"]), -1);
    assert_eq!(add("Gita", "09807581814", &["vip", "Late"]), -2);
    let v = json(
        &db,
        &[
            "tag", "-1", "--add", "Late", "--add", "Hair", "--remove", "vip",
        ],
    );
    assert_eq!(v["tags"], json!(["Late", "Hair"]));
    let out = text(&db, &["tag", "-2", "--remove", "late"]);
    assert_eq!(out, "tags saved: Gita (id -2, local) · tags: vip\n");
    assert_eq!(
        json(&db, &["tags"]),
        json!([
            {"tag": "Hair", "count": 1},
            {"tag": "Late", "count": 1},
            {"tag": "vip", "count": 1}
        ])
    );
    assert_eq!(
        text(&db, &["tags"]),
        "      1  Hair\n      1  Late\n      1  vip\n"
    );

    let d = json(&db, &["duplicates"]);
    let groups = d.as_array().unwrap();
    assert_eq!(groups.len(), 1, "{d}");
    assert_eq!(groups[0]["customer_ids"], json!([-1, -2]));
    let reasons = groups[0]["reasons"].as_array().unwrap();
    assert!(reasons.len() == 1 && reasons[0].as_str().unwrap().contains("9807581814"));
    assert_eq!(
        text(&db, &["duplicates"]),
        format!("-1, -2 — {}\n", reasons[0].as_str().unwrap())
    );

    let kept = json(&db, &["merge", "-1", "-2"]);
    assert_eq!(kept["customer_id"], -1);
    assert_eq!(kept["tags"], json!(["Late", "Hair", "vip"]));
    assert_eq!(json(&db, &["duplicates"]), json!([]));
    assert_eq!(text(&db, &["duplicates"]), "no likely duplicates\n");
    json(&db, &["add-customer", "--first-name", "Maya"]);
    // The platform customer is kept whatever the order.
    let out = text(&db, &["merge", "-3", "1"]);
    assert_eq!(out, "merged into: Ram Shrestha (id 1, platform)\n");
    assert_eq!(list_ids(&json(&db, &["customers"])), vec![-1, 1]);
    assert_eq!(json(&db, &["stats"])["total_customers"], 2);

    let back = json(&db, &["unmerge", "1"]);
    has(&back, json!({"customer_id": -3, "first_name": "Maya"}));
    let out = text(&db, &["unmerge", "-1"]);
    assert_eq!(out, "restored: Gita (id -2, local) · tags: vip\n");
    assert_eq!(list_ids(&json(&db, &["customers"])), vec![-3, -2, -1, 1]);
    assert_eq!(row_of(&db, -1)["tags"], json!(["Late", "Hair"]));
}

#[test]
fn an_invalid_value_exits_1_with_one_line_naming_the_field_and_writes_nothing() {
    let (_d, db) = book_db();
    json(&db, &["add-customer", "--first-name", "Sita"]);
    let long_tag = "x".repeat(41);
    let add = ["add-customer", "--first-name", "Ram"];
    let with = |extra: &[&'static str]| -> Vec<&'static str> {
        add.iter().chain(extra).copied().collect()
    };
    fails(&db, &with(&["--email", "nope"]), "email");
    fails(&db, &with(&["--email", "ram@nowhere"]), "email");
    fails(&db, &with(&["--phone", "123456"]), "phone");
    fails(&db, &["add-customer", "--first-name", ""], "first_name");
    fails(
        &db,
        &["add-customer", "--first-name", "Ram", "--tag", &long_tag],
        "tag",
    );
    fails(&db, &["edit-customer", "-1", "--email", "bad"], "email");
    fails(
        &db,
        &["edit-customer", "1", "--city", "Butwal"],
        "read-only",
    );
    let visit = [
        "add-booking",
        "-1",
        "--service",
        "Haircut",
        "--date",
        "2026-11-20",
    ];
    let visit_with = |extra: &[&'static str]| -> Vec<&'static str> {
        visit.iter().chain(extra).copied().collect()
    };
    for amount in ["1.005", "-1", "abc"] {
        fails(&db, &visit_with(&["--amount", amount]), "amount");
    }
    fails(&db, &visit, "--amount");
    fails(
        &db,
        &visit_with(&["--amount", "10", "--status", "done"]),
        "status",
    );
    fails(
        &db,
        &visit_with(&["--amount", "10", "--time", "25:00"]),
        "time",
    );
    let bad_date = [
        "add-booking",
        "-1",
        "--service",
        "S",
        "--date",
        "20-11-2026",
        "--amount",
        "10",
    ];
    fails(&db, &bad_date, "date");
    fails(&db, &["tag", "-1", "--add", &long_tag], "tag");
    fails(&db, &["merge", "-1", "-1"], "itself");
    fails(&db, &["merge", "-1", "999"], "999");
    fails(&db, &["archive", "999"], "999");
    fails(&db, &["unmerge", "-1"], "nothing to unmerge");
    fails(&db, &["customers", "--status", "bogus"], "status");
    // Nothing but the first customer was ever added.
    assert_eq!(list_ids(&json(&db, &["customers"])), vec![-1, 1]);
}

#[test]
fn segments_and_the_overdue_sort_through_the_cli() {
    let mut db = TestDb::new();
    // 1: visits 10 days apart, the last 2026-10-21 → cadence 10, 34 days since: overdue 24,
    // lapsed no (34 < 90), at risk yes. 2: one visit 2026-08-01 → lapsed. 3: booked ahead.
    db.apply(&bookings(vec![
        booking(1, 1, "completed", "2026-10-01T03:00:00Z", "2026-10-01", 100),
        booking(2, 1, "completed", "2026-10-11T03:00:00Z", "2026-10-11", 100),
        booking(3, 1, "completed", "2026-10-21T03:00:00Z", "2026-10-21", 100),
        booking(4, 2, "completed", "2026-08-01T03:00:00Z", "2026-08-01", 100),
        booking(5, 3, "confirmed", "2026-11-20T03:00:00Z", "2026-11-27", 100),
    ]));
    let path = db.path();
    let s = json(&path, &["segments"]);
    assert_eq!(
        (
            s["upcoming"].clone(),
            s["lapsed"].clone(),
            s["at_risk"].clone()
        ),
        (json!(1), json!(1), json!(1))
    );
    assert!(text(&path, &["segments"]).contains("lapsed 1"));
    let lapsed = json(&path, &["customers", "--segment", "lapsed"]);
    assert_eq!(lapsed["results"][0]["customer_id"], 2);
    let overdue = json(&path, &["customers", "--sort", "overdue"]);
    assert_eq!(overdue["results"][0]["customer_id"], 1);
    assert_eq!(overdue["results"][0]["cadence_days"], 10.0);
    assert_eq!(overdue["results"][0]["overdue_days"], 24.0);
    assert_eq!(overdue["results"][1]["cadence_days"], Value::Null);
    let bad = run(&path, &["customers", "--segment", "sleepy"]);
    assert_eq!(bad.status.code(), Some(1));
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(err.contains("segment") && err.lines().count() == 1, "{err}");
}
