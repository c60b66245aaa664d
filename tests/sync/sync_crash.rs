//! Crash safety: the real `clientele sync` process is SIGKILLed at 100 seeded random
//! points (incremental, light and full passes, always while it holds the sync lock) against
//! a slowed fake marketplace that keeps changing. After every kill the file is intact, the
//! dead process's lock is free, and no local edit or pending push is lost; at the end one
//! more sync converges to the state of a database synced once, uninterrupted.

use clientele::relations::{edit, RelationEdit};
use clientele_test_kit::fake_platform::{relation_id, FakePlatform, World, PROVIDER_EMAIL};
use clientele_test_kit::sync_env;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rusqlite::Connection;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const KILLS: usize = 100;

fn cli(db: &Path, args: &[&str]) -> Command {
    let mut c = clientele_test_kit::cli_process(env!("CARGO_BIN_EXE_clientele"), db, args);
    c.stdout(Stdio::null()).stderr(Stdio::null());
    c
}

fn login(db: &Path, url: &str) {
    let ok = cli(db, &["login", "--url", url, "--email", PROVIDER_EMAIL])
        .status()
        .unwrap();
    assert!(ok.success());
}

/// Live rows of the platform-derived tables plus the relations the provider sees.
fn converged_state(conn: &Connection) -> Vec<String> {
    let mut out = Vec::new();
    for (name, sql) in [
        ("bookings", "SELECT * FROM bookings WHERE removed = 0 ORDER BY id"),
        ("reviews", "SELECT * FROM reviews WHERE removed = 0 ORDER BY id"),
        ("summary", "SELECT * FROM customer_summary ORDER BY customer_id"),
        ("relations", "SELECT customer_id, platform_relation_id, is_favorite, is_blocked, notes FROM relations ORDER BY customer_id"),
    ] {
        let mut st = conn.prepare(sql).unwrap();
        let n = st.column_count();
        let rows = st
            .query_map([], |r| Ok((0..n).map(|i| format!("{:?}", r.get_ref(i).unwrap())).collect::<Vec<_>>().join("|")))
            .unwrap();
        out.extend(rows.map(|r| format!("{name}: {}", r.unwrap())));
    }
    out
}

#[test]
fn sigkill_at_random_points_never_loses_data_and_converges() {
    let started = Instant::now();
    let fake = FakePlatform::start(World::generate(30, 1200, 40));
    fake.server().delay = Duration::from_millis(4);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crash.db");
    login(&db, &fake.base_url);
    let mut rng = ChaCha8Rng::seed_from_u64(0xC0FFEE);
    // Every edit made, in order: (customer, notes value).
    let mut edits: Vec<(i64, String)> = Vec::new();
    let mut killed_mid_sync = 0;
    for i in 0..KILLS {
        {
            let mut s = fake.server();
            let w = &mut s.world;
            match rng.random_range(0..4) {
                0 => {
                    w.add_booking(100 + rng.random_range(0..30), "pending");
                }
                1 => {
                    if let Some(id) = w
                        .bookings
                        .values()
                        .find(|b| b.status == "pending")
                        .map(|b| b.id)
                    {
                        w.set_status(id, "completed");
                    }
                }
                2 => {
                    let id = *w
                        .bookings
                        .keys()
                        .nth(rng.random_range(0..w.bookings.len()))
                        .unwrap();
                    w.bookings.remove(&id);
                    w.reviews.retain(|_, r| r.booking_id != id);
                }
                _ => {
                    let id = *w.bookings.keys().last().unwrap();
                    w.add_review(id, rng.random_range(1..=5));
                }
            }
        }
        {
            let mut conn = clientele::db::open(&db).unwrap();
            let known: Vec<i64> = conn
                .prepare("SELECT id FROM customers ORDER BY id")
                .unwrap()
                .query_map([], |r| r.get(0))
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            if !known.is_empty() {
                let customer = known[rng.random_range(0..known.len())];
                let value = format!("edit-{i}");
                edit(
                    &mut conn,
                    customer,
                    &[RelationEdit::Notes {
                        value: value.clone(),
                    }],
                    &clientele::Clock::system(),
                )
                .unwrap();
                edits.push((customer, value));
            }
        }
        let args: &[&str] = match rng.random_range(0..3) {
            0 => &["sync", "--full"],
            1 => &["sync", "--light"],
            _ => &["sync"],
        };
        let mut child = cli(&db, args).spawn().unwrap();
        std::thread::sleep(Duration::from_millis(rng.random_range(5..250)));
        if child.try_wait().unwrap().is_none() {
            killed_mid_sync += 1;
        }
        child.kill().ok(); // SIGKILL on Unix
        child.wait().unwrap();

        // A stale lock from the killed process never blocks the next sync.
        drop(clientele::sync::SyncLock::acquire(&db).expect("the lock is free after a kill"));
        let conn = clientele::db::open(&db).unwrap();
        assert_eq!(sync_env::integrity(&conn), "ok", "after kill {i}");
        let patches = fake.server().patches.clone();
        for (customer, value) in &edits {
            let queued: bool = conn
                .query_row(
                    "SELECT EXISTS (SELECT 1 FROM outbox WHERE customer_id = ?1 AND value = ?2)",
                    rusqlite::params![customer, serde_json::json!(value).to_string()],
                    |r| r.get(0),
                )
                .unwrap();
            let sent = patches
                .iter()
                .any(|(rel, body)| *rel == relation_id(*customer) && body["notes"] == *value);
            assert!(
                queued || sent,
                "edit {value} of customer {customer} lost after kill {i}"
            );
        }
        let latest: std::collections::BTreeMap<i64, &String> =
            edits.iter().map(|(c, v)| (*c, v)).collect();
        for (customer, value) in latest {
            let notes: String = conn
                .query_row(
                    "SELECT notes FROM relations WHERE customer_id = ?1",
                    [customer],
                    |r| r.get(0),
                )
                .unwrap();
            assert_eq!(&notes, value, "local notes of {customer} after kill {i}");
        }
    }
    assert!(
        killed_mid_sync >= KILLS / 2,
        "only {killed_mid_sync} kills landed mid-sync"
    );

    // One uninterrupted sync finishes the work...
    fake.server().delay = Duration::ZERO;
    assert!(cli(&db, &["sync", "--full"]).status().unwrap().success());
    let conn = clientele::db::open(&db).unwrap();
    assert_eq!(
        conn.query_row("SELECT count(*) FROM outbox", [], |r| r.get::<_, i64>(0))
            .unwrap(),
        0
    );
    // ...and equals a database synced once from scratch against the same marketplace.
    let fresh = dir.path().join("fresh.db");
    login(&fresh, &fake.base_url);
    assert!(cli(&fresh, &["sync"]).status().unwrap().success());
    let fresh_conn = clientele::db::open(&fresh).unwrap();
    sync_env::assert_same_rows(
        &converged_state(&fresh_conn),
        &converged_state(&conn),
        "crashed vs uninterrupted",
    );
    // Every edit reached the platform, each customer's in the order made.
    let patches = fake.server().patches.clone();
    for customer in edits.iter().map(|(c, _)| *c) {
        let made: Vec<&String> = edits
            .iter()
            .filter(|(c, _)| *c == customer)
            .map(|(_, v)| v)
            .collect();
        let mut sent: Vec<&str> = patches
            .iter()
            .filter(|(r, _)| *r == relation_id(customer))
            .filter_map(|(_, b)| b["notes"].as_str())
            .collect();
        sent.dedup(); // a kill between the 2xx and the outbox delete resends that one edit
        assert_eq!(
            sent,
            made.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
            "pushes of customer {customer}"
        );
    }
    assert!(
        started.elapsed() < Duration::from_secs(90),
        "took {:?}",
        started.elapsed()
    );
}
