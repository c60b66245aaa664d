//! One sync per database across processes (issue 8, defect 6): the CLI and the app-side
//! `Syncer` share a lock file beside the database; the second is told "a sync is already
//! running"; nothing is lost; a killed holder's lock never blocks the next sync.

use clientele::relations::{edit, RelationEdit};
use clientele::sync::{SyncLock, Syncer};
use clientele_test_kit::fake_platform::{
    relation_id, FakePlatform, World, PROVIDER_EMAIL, PROVIDER_PASSWORD,
};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};
use tokio_util::sync::CancellationToken;

fn cli(db: &Path, args: &[&str]) -> Command {
    clientele_test_kit::cli_process(env!("CARGO_BIN_EXE_clientele"), db, args)
}

/// A signed-in, synced database and a marketplace slowed so the next sync takes a while.
fn setup(delay_ms: u64) -> (FakePlatform, tempfile::TempDir, std::path::PathBuf) {
    let fake = FakePlatform::start(World::generate(12, 300, 90));
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("lock.db");
    let login = ["login", "--url", &fake.base_url, "--email", PROVIDER_EMAIL];
    assert!(cli(&db, &login).output().unwrap().status.success());
    assert!(cli(&db, &["sync"]).output().unwrap().status.success());
    fake.server().delay = Duration::from_millis(delay_ms);
    (fake, dir, db)
}

/// Waits until `child` holds the lock (its holder note is in the file), or panics after
/// 10 s. Reading, not locking, so the probe never makes the child's own attempt fail.
fn wait_until_locked(db: &Path, child: &mut Child) {
    let started = Instant::now();
    let note = format!("process {}", child.id());
    while !std::fs::read_to_string(SyncLock::path_for(db)).is_ok_and(|s| s.contains(&note)) {
        assert!(child.try_wait().unwrap().is_none(), "the sync ended early");
        assert!(started.elapsed() < Duration::from_secs(10), "never locked");
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn edit_notes(db: &Path, customer: i64, value: &str) {
    let mut conn = clientele::db::open(db).unwrap();
    let e = RelationEdit::Notes {
        value: value.into(),
    };
    edit(&mut conn, customer, &[e], &clientele::Clock::system()).unwrap();
}

#[test]
fn two_cli_syncs_started_together_one_runs_one_is_told_nothing_is_lost() {
    let (fake, _dir, db) = setup(40);
    edit_notes(&db, 101, "while two syncs race");
    let spawn = || {
        cli(&db, &["sync", "--full"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (first, second) = (spawn(), spawn());
    let outs = [
        first.wait_with_output().unwrap(),
        second.wait_with_output().unwrap(),
    ];
    let ok = outs.iter().filter(|o| o.status.success()).count();
    let told: Vec<String> = outs
        .iter()
        .filter(|o| !o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stderr).into_owned())
        .collect();
    assert_eq!(ok, 1, "exactly one runs: {told:?}");
    assert!(told[0].contains("a sync is already running"), "{told:?}");
    let conn = clientele::db::open(&db).unwrap();
    let n: i64 = conn
        .query_row("SELECT count(*) FROM bookings", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 300);
    let pending: i64 = conn
        .query_row("SELECT count(*) FROM outbox", [], |r| r.get(0))
        .unwrap();
    assert_eq!(pending, 0, "the edit went out");
    let patches = fake.server().patches.clone();
    assert_eq!(
        patches
            .iter()
            .filter(|(r, b)| *r == relation_id(101) && b["notes"] == "while two syncs race")
            .count(),
        1,
        "sent once"
    );
}

#[tokio::test]
async fn the_app_side_syncer_is_told_while_the_cli_syncs_and_makes_no_request() {
    let (fake, _dir, db) = setup(20);
    let arrived = fake.server().arrived.len();
    let mut child = cli(&db, &["sync", "--full"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    wait_until_locked(&db, &mut child);
    let syncer = Syncer::with_file_tokens(&db);
    let conn = Mutex::new(clientele::db::open(&db).unwrap());
    let err = syncer
        .sync(
            &conn,
            clientele_test_kit::sync_env::opts(false),
            &|_| {},
            &CancellationToken::new(),
        )
        .await
        .unwrap_err();
    assert_eq!(err.code(), "conflict");
    assert!(
        err.to_string().contains("a sync is already running"),
        "{err}"
    );
    let err = syncer
        .sign_in(&conn, &fake.base_url, PROVIDER_EMAIL, PROVIDER_PASSWORD)
        .await
        .unwrap_err();
    assert_eq!(err.code(), "conflict", "no sign-in under a running sync");
    assert!(child.wait().unwrap().success());
    // Only the CLI's one token refresh: the refused sync and sign-in asked nothing.
    let auth = fake.server().arrived[arrived..]
        .iter()
        .filter(|p| p.starts_with("/api/auth/login") || p.starts_with("/api/auth/refresh"))
        .count();
    assert_eq!(auth, 1);
    // Once the CLI is done the app syncs normally.
    let r = syncer
        .sync(
            &conn,
            clientele_test_kit::sync_env::opts(false),
            &|_| {},
            &CancellationToken::new(),
        )
        .await;
    assert!(r.is_ok(), "{r:?}");
}

#[test]
fn a_killed_syncs_lock_never_blocks_the_next_sync() {
    let (fake, _dir, db) = setup(20);
    let mut child = cli(&db, &["sync", "--full"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    wait_until_locked(&db, &mut child);
    child.kill().unwrap(); // SIGKILL: no destructor runs
    child.wait().unwrap();
    assert!(
        SyncLock::path_for(&db).exists(),
        "the lock file stays behind"
    );
    drop(SyncLock::acquire(&db).expect("a dead holder's lock is free"));
    fake.server().delay = Duration::ZERO;
    let out = cli(&db, &["sync"]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_lock_excludes_a_second_holder_in_the_same_process_until_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    let held = SyncLock::acquire(&db).unwrap();
    assert_eq!(held.path(), dir.path().join("x.db.sync-lock"));
    let err = SyncLock::acquire(&db).unwrap_err();
    assert_eq!(err.code(), "conflict");
    assert!(err
        .to_string()
        .contains(&format!("process {}", std::process::id())));
    drop(held);
    assert!(SyncLock::acquire(&db).is_ok());
}

#[test]
fn the_syncer_futures_are_send_for_the_desktop_shell() {
    fn assert_send<T: Send>(_: &T) {}
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("send.db");
    let conn = Mutex::new(clientele::db::open(&db).unwrap());
    let syncer = Syncer::new(&db);
    let cancel = CancellationToken::new();
    assert_send(&syncer.sync(
        &conn,
        clientele_test_kit::sync_env::opts(false),
        &|_| {},
        &cancel,
    ));
    assert_send(&syncer.sign_in(&conn, "http://127.0.0.1:9", "a@b.c", "pw"));
}

#[tokio::test]
async fn syncer_cancel_stops_its_running_sync_and_frees_the_lock() {
    let fake = FakePlatform::start(World::generate(20, 800, 91));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cancel.db");
    let db = Mutex::new(clientele::db::open(&path).unwrap());
    let syncer = Syncer::with_file_tokens(&path);
    syncer
        .sign_in(&db, &fake.base_url, PROVIDER_EMAIL, PROVIDER_PASSWORD)
        .await
        .unwrap();
    fake.server().delay = Duration::from_millis(25);
    let cancel_soon = async {
        tokio::time::sleep(Duration::from_millis(150)).await;
        assert!(syncer.is_running());
        syncer.cancel();
    };
    let never = CancellationToken::new();
    let (r, ()) = tokio::join!(
        syncer.sync(
            &db,
            clientele_test_kit::sync_env::opts(false),
            &|_| {},
            &never
        ),
        cancel_soon
    );
    assert_eq!(r.unwrap_err().code(), "cancelled");
    assert!(!syncer.is_running() && !never.is_cancelled());
    drop(SyncLock::acquire(&path).expect("the lock is released"));
    let n: i64 = db
        .lock()
        .unwrap()
        .query_row("SELECT count(*) FROM bookings", [], |r| r.get(0))
        .unwrap();
    assert!(
        n % 100 == 0 && n < 800,
        "whole pages only, then stopped: {n}"
    );
}
