//! The app's state: which database is open (demo or the real one) and its store.
//!
//! The store (`clientele::store::Store`) has one writer behind a mutex and a small pool of
//! read-only connections, so list, stats and detail reads never queue behind a sync's
//! writes (WAL readers see the last commit). No code holds a connection across an `.await`.
//! It is opened lazily, once, behind a `OnceCell`, so the window appears while a first-run
//! demo database is still being generated.

use clientele::store::Store;
use clientele::{Clock, Error, Result};
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use tauri::Manager;
use tokio::sync::OnceCell;

pub type Db = Arc<Store>;

/// Demo data: the seed and default size (env `CLIENTELE_DEMO_CUSTOMERS` overrides the size).
pub const DEMO_SEED: u64 = 42;
pub const DEMO_CUSTOMERS: usize = 2_000;

/// One open database file.
pub struct Session {
    pub path: PathBuf,
    /// `Some(size)` for the generated sample database.
    pub demo_size: Option<usize>,
    /// Sign-in, sync, cancel for this file (the lock is shared with the CLI).
    pub syncer: clientele::sync::Syncer,
    conn: OnceCell<Db>,
    /// The file's `quick_check`, run after the open so the first list need not wait for it
    /// (`Store::open_deferring_check`): `None` while it runs.
    check: CheckSender,
}

impl Session {
    pub fn new(path: PathBuf, demo_size: Option<usize>) -> Arc<Session> {
        Arc::new(Session {
            syncer: clientele::sync::Syncer::new(&path),
            path,
            demo_size,
            conn: OnceCell::new(),
            check: tokio::sync::watch::channel(None).0,
        })
    }

    pub fn is_demo(&self) -> bool {
        self.demo_size.is_some()
    }

    /// The store if it is open already (and not found damaged by its check).
    pub fn opened(&self) -> Option<Db> {
        match &*self.check.borrow() {
            Some(Err(_)) => None,
            _ => self.conn.get().cloned(),
        }
    }

    /// The store, opening (and for the demo, first generating) the file on first use;
    /// `damaged` once its deferred check has failed.
    pub async fn db(&self) -> Result<Db> {
        let db = self
            .conn
            .get_or_try_init(|| async {
                let (path, demo) = (self.path.clone(), self.demo_size);
                let check = self.check.clone();
                tauri::async_runtime::spawn_blocking(move || open(&path, demo, check))
                    .await
                    .map_err(|e| Error::Storage(format!("opening the database failed: {e}")))?
            })
            .await
            .cloned()?;
        match &*self.check.borrow() {
            Some(Err(message)) => Err(Error::Damaged(message.clone())),
            _ => Ok(db),
        }
    }

    /// As [`Session::db`], once the file's check has finished (the recovery screen's
    /// status must not say "fine" before it is known).
    pub async fn checked_db(&self) -> Result<Db> {
        self.db().await?;
        let mut done = self.check.subscribe();
        // The sender lives in `self`, so the channel cannot close while we wait.
        let _ = done.wait_for(Option::is_some).await;
        self.db().await
    }
}

type CheckSender = tokio::sync::watch::Sender<Option<std::result::Result<(), String>>>;

fn open(path: &Path, demo: Option<usize>, check: CheckSender) -> Result<Db> {
    if let Some(size) = demo.filter(|_| !path.exists()) {
        generate_demo(path, size)?;
    }
    let (store, check_owed) = Store::open_deferring_check(path)?;
    let db = Arc::new(store);
    let deferred = db.clone();
    tauri::async_runtime::spawn(async move {
        deferred_start().await;
        finish_open(deferred, check_owed, check);
    });
    Ok(db)
}

/// Waits until the first customer list has been served ([`crate::FIRST_LIST`]) or 2 s
/// have passed. The file's check (~1.4 s for a 400 MB book on this VM) and the book
/// index's load (~0.3 s at 100,000 customers) then start: on two cores they slowed the
/// first list query beside them. Until the check's verdict the page shows the book (the
/// database status waits for it); a damaged file then gets the recovery screen.
async fn deferred_start() {
    let _ = tokio::time::timeout(std::time::Duration::from_secs(2), crate::FIRST_LIST.wait()).await;
}

/// The book index's load and, when owed, the file's check (the daily backup waits for it).
fn finish_open(db: Db, check_owed: bool, check: CheckSender) {
    warm_index(db.clone());
    if check_owed {
        crate::background::spawn("quick-check", move || {
            let started = std::time::Instant::now();
            let outcome = match db.finish_open() {
                Err(Error::Damaged(message)) => Err(message),
                // The file is sound; what failed after the check (moving the segments to
                // today) is retried by the watch loop (`crate::watch`).
                Err(other) => {
                    tracing::warn!("after opening {}: {other}", db.path().display());
                    Ok(())
                }
                Ok(()) => Ok(()),
            };
            tracing::info!(
                "quick_check of {} in {:?}",
                db.path().display(),
                started.elapsed()
            );
            crate::memory::return_freed();
            check.send_replace(Some(outcome));
        });
    } else {
        check.send_replace(Some(Ok(())));
    }
}

/// Generates into a side file and renames it into place, so an interrupted first run never
/// leaves a half-filled demo database behind.
fn generate_demo(path: &Path, size: usize) -> Result<()> {
    let partial = path.with_extension("db.partial");
    for f in [&partial, &partial.with_extension("partial-wal")] {
        let _ = std::fs::remove_file(f);
    }
    let started = std::time::Instant::now();
    {
        let mut conn = clientele::db::open(&partial)?;
        clientele::demo::generate(&mut conn, size, DEMO_SEED, &Clock::system())?;
    } // closing the connection checkpoints the WAL into the file
    std::fs::rename(&partial, path)?;
    tracing::info!(
        "generated demo database {} ({size} customers) in {:?}",
        path.display(),
        started.elapsed()
    );
    Ok(())
}

pub struct AppState {
    session: RwLock<Arc<Session>>,
    /// Export target that replaces the save dialog (env `CLIENTELE_EXPORT_TO`; tests).
    pub export_to: Option<PathBuf>,
    /// The file "Import…" opens instead of asking (env `CLIENTELE_IMPORT_FROM`; tests).
    pub import_from: Option<PathBuf>,
    /// The database a sign-in goes to (the demo is never synced).
    pub account_db: PathBuf,
    /// The running app's events and dialogs, installed at set-up.
    shell: std::sync::OnceLock<crate::shell::SharedShell>,
    /// The file "Open another database…" opens instead of asking (env
    /// `CLIENTELE_OPEN_FROM`; tests).
    pub open_from: Option<PathBuf>,
}

impl AppState {
    pub fn new(session: Arc<Session>) -> AppState {
        AppState {
            session: RwLock::new(session),
            export_to: std::env::var_os("CLIENTELE_EXPORT_TO").map(PathBuf::from),
            import_from: std::env::var_os("CLIENTELE_IMPORT_FROM").map(PathBuf::from),
            account_db: std::env::var_os("CLIENTELE_DB")
                .map(PathBuf::from)
                .unwrap_or_else(clientele::default_db_path),
            shell: std::sync::OnceLock::new(),
            open_from: std::env::var_os("CLIENTELE_OPEN_FROM").map(PathBuf::from),
        }
    }

    /// Called once when the app is set up.
    pub fn install_shell(&self, shell: crate::shell::SharedShell) {
        let _ = self.shell.set(shell);
    }

    pub fn shell(&self) -> crate::shell::SharedShell {
        self.shell
            .get()
            .cloned()
            .unwrap_or_else(|| std::sync::Arc::new(crate::shell::Detached))
    }

    /// `CLIENTELE_DB` if set; else the real database once an account is configured;
    /// else the demo database in the per-user data directory.
    pub fn from_env() -> AppState {
        if let Some(path) = std::env::var_os("CLIENTELE_DB") {
            return AppState::new(Session::new(path.into(), None));
        }
        let real = clientele::default_db_path();
        // The default data folder may be created; a folder named by CLIENTELE_DB may not.
        if let Err(e) = clientele::db::create_folder(&real) {
            tracing::error!("{e}");
        }
        if crate::sync_control::account_configured(&real)
            || crate::sync_control::real_db_unreadable(&real)
        {
            return AppState::new(Session::new(real, None));
        }
        AppState::new(Session::new(demo_db_path(&real), Some(demo_size())))
    }

    pub fn session(&self) -> Arc<Session> {
        self.session
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Switches to another database (after signing in or out).
    pub fn switch_to(&self, session: Arc<Session>) {
        *self.session.write().unwrap_or_else(|e| e.into_inner()) = session;
    }

    /// Runs one core query on a read connection (one consistent snapshot).
    pub async fn read<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        self.session().db().await?.read(f)
    }

    /// As [`AppState::read`], with the store's book index (list and segment counts).
    pub async fn read_indexed<T>(
        &self,
        f: impl FnOnce(&Connection, &clientele::book_index::BookIndex) -> Result<T>,
    ) -> Result<T> {
        let db = self.session().db().await?;
        db.read(|c| f(c, db.index()))
    }

    /// Runs one core write on the single writer. Never awaits while holding it.
    pub async fn write<T>(&self, f: impl FnOnce(&mut Connection) -> Result<T>) -> Result<T> {
        self.session().db().await?.write(f)
    }
}

/// How many customers the generated sample has (env `CLIENTELE_DEMO_CUSTOMERS`).
pub fn demo_size() -> usize {
    std::env::var("CLIENTELE_DEMO_CUSTOMERS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(DEMO_CUSTOMERS)
}

/// `demo.db` next to the real database.
pub fn demo_db_path(real: &Path) -> PathBuf {
    real.with_file_name("demo.db")
}

/// Opens the database in the background at startup, then takes the daily backup if due.
pub fn warm_up<R: tauri::Runtime>(app: tauri::AppHandle<R>) {
    tauri::async_runtime::spawn(async move {
        let session = app.state::<AppState>().session();
        // After the file's check: a damaged file is never copied over a good backup.
        match session.checked_db().await {
            Ok(_) => daily_backup(&session),
            Err(e) => tracing::error!("cannot open {}: {e}", session.path.display()),
        }
    });
}

/// Loads the book index on a background thread (`crate::background`); lists answer from
/// SQLite until it is in.
fn warm_index(db: Db) {
    crate::background::spawn("book-index", move || {
        if let Err(e) = db.read(|c| db.index().warm(c)) {
            tracing::warn!("book index not loaded: {e}");
        }
        crate::memory::return_freed();
    });
}

/// The daily backup (`clientele::backup::daily_if_due`) on a background thread with its own
/// read connection, so neither the first paint nor the first queries wait for it. The
/// generated demo database is not backed up.
pub fn daily_backup(session: &Session) {
    if session.is_demo() {
        return;
    }
    let path = session.path.clone();
    crate::background::spawn(
        "daily-backup",
        move || match clientele::backup::daily_if_due(&path, &Clock::system()) {
            Ok(Some(b)) => tracing::info!("daily backup {} ({} bytes)", b.path, b.bytes),
            Ok(None) => {}
            Err(e) => tracing::warn!("the daily backup of {} failed: {e}", path.display()),
        },
    );
}
