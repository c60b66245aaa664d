//! Shared by the sync tests: a fake marketplace plus a real SQLite file and a file token
//! store in a temp dir, with fast retry timings.

use crate::fake_platform::{FakePlatform, World, PROVIDER_EMAIL, PROVIDER_PASSWORD};
use clientele::sync::{self, FileTokenStore, RetryPolicy, SyncOptions, SyncProgress, SyncReport};
use rusqlite::Connection;
use std::sync::Mutex;
use std::time::Duration;
use tempfile::TempDir;
use tokio_util::sync::CancellationToken;

pub struct Env {
    pub fake: FakePlatform,
    pub dir: TempDir,
    pub db: Mutex<Connection>,
    pub store: FileTokenStore,
}

/// Millisecond backoff and Retry-After scaled down 1000×, so fault tests stay fast.
pub fn fast_retry() -> RetryPolicy {
    RetryPolicy {
        max_retries: 3,
        min_delay: Duration::from_millis(2),
        max_delay: Duration::from_millis(20),
        request_timeout: Duration::from_millis(1500),
        retry_after_cap: Duration::from_secs(120),
        retry_after_scale: 0.001,
        relations_timeout: Duration::from_secs(5),
        relations_max_retries: 1,
    }
}

pub fn opts(full: bool) -> SyncOptions {
    SyncOptions {
        full,
        retry: fast_retry(),
        ..SyncOptions::default()
    }
}

impl Env {
    pub fn new(world: World) -> Env {
        let dir = tempfile::tempdir().unwrap();
        let conn = clientele::db::open(&dir.path().join("clientele.db")).unwrap();
        Env {
            fake: FakePlatform::start(world),
            store: FileTokenStore::new(dir.path()),
            dir,
            db: Mutex::new(conn),
        }
    }

    pub async fn signed_in(world: World) -> Env {
        let env = Env::new(world);
        sync::sign_in(
            &env.db,
            &env.store,
            &env.fake.base_url,
            PROVIDER_EMAIL,
            PROVIDER_PASSWORD,
        )
        .await
        .unwrap();
        env.fake.clear_log();
        env
    }

    pub async fn sync_with(&self, o: SyncOptions) -> clientele::Result<SyncReport> {
        sync::sync(
            &self.db,
            &self.store,
            o,
            &|_: SyncProgress| {},
            &CancellationToken::new(),
        )
        .await
    }

    pub async fn sync(&self, full: bool) -> clientele::Result<SyncReport> {
        self.sync_with(opts(full)).await
    }

    pub fn conn(&self) -> std::sync::MutexGuard<'_, Connection> {
        self.db.lock().unwrap()
    }

    /// Every row of the platform-derived and provider tables, as text, for equality checks.
    pub fn snapshot(&self) -> Vec<String> {
        snapshot(&self.conn())
    }

    pub fn scalar(&self, sql: &str) -> i64 {
        self.conn().query_row(sql, [], |r| r.get(0)).unwrap()
    }

    /// Asserts the incrementally maintained summary equals a from-scratch recompute.
    pub fn assert_summary_is_recompute(&self) {
        let mut conn = self.conn();
        let before = table(&conn, "customer_summary");
        clientele::metrics::recompute_all(&mut conn).unwrap();
        assert_same_rows(
            &before,
            &table(&conn, "customer_summary"),
            "incremental summary vs recompute_all",
        );
        assert!(!before.is_empty());
    }
}

fn table(conn: &Connection, name: &str) -> Vec<String> {
    let mut st = conn
        .prepare(&format!("SELECT * FROM {name} ORDER BY 1, 2"))
        .unwrap();
    let n = st.column_count();
    st.query_map([], |r| {
        Ok((0..n)
            .map(|i| cell(r.get_ref(i).unwrap()))
            .collect::<Vec<_>>()
            .join("|"))
    })
    .unwrap()
    .collect::<Result<_, _>>()
    .unwrap()
}

fn cell(v: rusqlite::types::ValueRef<'_>) -> String {
    use rusqlite::types::ValueRef::*;
    match v {
        Null => "NULL".into(),
        Integer(i) => i.to_string(),
        Real(f) => f.to_string(),
        Text(t) | Blob(t) => String::from_utf8_lossy(t).into_owned(),
    }
}

/// Asserts two row lists are equal, printing only the first difference.
pub fn assert_same_rows(a: &[String], b: &[String], what: &str) {
    if let Some(i) = (0..a.len().max(b.len())).find(|&i| a.get(i) != b.get(i)) {
        panic!(
            "{what}: {} vs {} rows; first difference at {i}:\n  {:?}\n  {:?}",
            a.len(),
            b.len(),
            a.get(i),
            b.get(i)
        );
    }
}

pub fn snapshot(conn: &Connection) -> Vec<String> {
    [
        "customers",
        "bookings",
        "reviews",
        "customer_summary",
        "relations",
        "outbox",
        "sync_state",
    ]
    .iter()
    .flat_map(|t| table(conn, t).into_iter().map(move |r| format!("{t}: {r}")))
    .collect()
}

/// The platform-derived state only (no sync bookkeeping, no activity ids).
pub fn platform_state(conn: &Connection) -> Vec<String> {
    ["customers", "bookings", "reviews", "customer_summary"]
        .iter()
        .flat_map(|t| table(conn, t).into_iter().map(move |r| format!("{t}: {r}")))
        .collect()
}

pub fn integrity(conn: &Connection) -> String {
    conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}
