//! Sync supervision for one database, shared by the CLI and the desktop app: the sync lock
//! (one sync per database across processes), the token store of the database's account,
//! cancellation and progress. Each shell command is a thin wrapper over one method.
//!
//! ```no_run
//! # async fn demo(db: &std::sync::Mutex<rusqlite::Connection>) -> clientele::Result<()> {
//! use clientele::sync::{SyncOptions, Syncer};
//! let syncer = Syncer::new("/home/me/.local/share/clientele/clientele.db");
//! syncer.sign_in(db, "https://market.example", "me@example.com", "secret").await?;
//! let cancel = tokio_util::sync::CancellationToken::new();
//! let report = syncer.sync(db, SyncOptions::default(), &|p| println!("{p:?}"), &cancel).await?;
//! # Ok(()) }
//! ```

use super::account::Account;
use super::context::ProgressFn;
use super::lock::SyncLock;
use super::token_store::{self, NoTokenStore, TokenStore};
use super::{auth, run, state, SyncOptions, SyncReport, SyncStatus};
use crate::error::{Error, Result};
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use tokio_util::sync::CancellationToken;

pub struct Syncer {
    db_path: PathBuf,
    token_dir: PathBuf,
    file_only: bool,
    running: Mutex<Option<CancellationToken>>,
}

impl Syncer {
    /// For the database at `db_path`: tokens in the OS keyring, else in 0600 files beside
    /// the database (`CLIENTELE_TOKEN_STORE=file` skips the keyring).
    pub fn new(db_path: impl Into<PathBuf>) -> Syncer {
        Self::build(db_path.into(), token_store::file_only_from_env())
    }

    /// As `new`, with tokens only in 0600 files beside the database (tests, headless use).
    pub fn with_file_tokens(db_path: impl Into<PathBuf>) -> Syncer {
        Self::build(db_path.into(), true)
    }

    fn build(db_path: PathBuf, file_only: bool) -> Syncer {
        let token_dir = db_path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
            .to_path_buf();
        Syncer {
            db_path,
            token_dir,
            file_only,
            running: Mutex::new(None),
        }
    }

    pub fn db_path(&self) -> &Path {
        &self.db_path
    }

    /// Where the token of `account` is kept.
    pub fn token_store(&self, account: &Account) -> Box<dyn TokenStore> {
        token_store::account_token_store(&self.token_dir, account, self.file_only)
    }

    /// The store of the database's recorded account (an empty one if none is recorded).
    pub fn store_for(&self, conn: &Connection) -> Result<Box<dyn TokenStore>> {
        Ok(match Account::recorded(conn)? {
            Some(a) => self.token_store(&a),
            None => Box::new(NoTokenStore),
        })
    }

    /// The per-folder slot of earlier versions, read once to carry a sign-in over.
    fn legacy_store(&self) -> Box<dyn TokenStore> {
        token_store::folder_token_store(&self.token_dir, self.file_only)
    }

    /// Signs in; refused with `conflict` if this database belongs to another account or a
    /// sync is running. Nothing is kept for a refused sign-in.
    pub async fn sign_in(
        &self,
        db: &Mutex<Connection>,
        base_url: &str,
        email: &str,
        password: &str,
    ) -> Result<SyncStatus> {
        let _lock = SyncLock::acquire(&self.db_path)?;
        let li = auth::log_in(db, base_url, email, password).await?;
        let store = self.token_store(&li.account);
        auth::finish(db, store.as_ref(), &li, email)
    }

    /// Forgets this account's token, and any left in the old per-folder slot (signing out
    /// must leave no way back in); the data and the account binding stay.
    pub fn sign_out(&self, db: &Mutex<Connection>) -> Result<SyncStatus> {
        let _lock = SyncLock::acquire(&self.db_path)?;
        let store = {
            let conn = db.lock().unwrap_or_else(|p| p.into_inner());
            self.store_for(&conn)?
        };
        self.legacy_store().delete()?;
        auth::sign_out(db, store.as_ref())
    }

    /// The account and the last syncs (no network).
    pub fn status(&self, conn: &Connection) -> Result<SyncStatus> {
        let has_token = token_store::has_token(self.store_for(conn)?.as_ref())
            || token_store::has_token(self.legacy_store().as_ref());
        state::status(conn, has_token)
    }

    /// One sync: `conflict` at once if another (in any process) runs for this database.
    /// `cancel` (or [`Syncer::cancel`]) stops it between or during requests; the pages
    /// applied so far are kept.
    pub async fn sync(
        &self,
        db: &Mutex<Connection>,
        opts: SyncOptions,
        on_progress: ProgressFn<'_>,
        cancel: &CancellationToken,
    ) -> Result<SyncReport> {
        let _lock = SyncLock::acquire(&self.db_path)?;
        let cancel = cancel.child_token();
        *self.running() = Some(cancel.clone());
        let result = self.sync_as_account(db, opts, on_progress, &cancel).await;
        *self.running() = None;
        result
    }

    async fn sync_as_account(
        &self,
        db: &Mutex<Connection>,
        opts: SyncOptions,
        on_progress: ProgressFn<'_>,
        cancel: &CancellationToken,
    ) -> Result<SyncReport> {
        let store = {
            let conn = db.lock().unwrap_or_else(|p| p.into_inner());
            self.store_for(&conn)?
        };
        if store.load()?.is_some() {
            return run::sync_locked(db, store.as_ref(), opts, on_progress, cancel).await;
        }
        // A sign-in from before tokens were kept per account: used once, and moved to the
        // account's own slot only after the sync proved it is this database's account.
        let legacy = self.legacy_store();
        if legacy.load()?.is_none() {
            return Err(Error::Unauthorized(
                "not signed in; sign in to the marketplace first".into(),
            ));
        }
        let report = run::sync_locked(db, legacy.as_ref(), opts, on_progress, cancel).await;
        if report.is_ok() {
            if let Some(token) = legacy.load()? {
                store.save(&token)?;
                legacy.delete()?;
            }
        }
        report
    }

    /// Cancels the sync this `Syncer` is running, if any.
    pub fn cancel(&self) {
        if let Some(t) = self.running().as_ref() {
            t.cancel();
        }
    }

    pub fn is_running(&self) -> bool {
        self.running().is_some()
    }

    fn running(&self) -> std::sync::MutexGuard<'_, Option<CancellationToken>> {
        self.running.lock().unwrap_or_else(|p| p.into_inner())
    }
}
