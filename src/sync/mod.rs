//! Sync with the marketplace: sign-in, pull, push, fault tolerance.
//! (Types are the boundary the desktop shell and the UI rely on.)
//!
//! Rooms: `token_store` (where the refresh token lives), `http` (client, auth refresh,
//! retries), `auth` (sign in/out), `page` (parse + apply one page with its cursor),
//! `pull` (incremental), `full` (reconciliation and removal), `relations_sync`, `push`,
//! `run` (the entry point), `state` (sync_state keys and status).

mod auth;
mod full;
mod http;
pub mod page;
mod pull;
mod push;
pub mod relations_sync;
mod run;
pub mod state;
pub mod token_store;

pub use auth::{sign_in, sign_out};
pub use run::{sync, ProgressFn};
pub use token_store::{default_token_store, FileTokenStore, TokenStore};

use crate::error::{ErrorPayload, Result};
use serde::{Deserialize, Serialize};
use specta::Type;
use std::time::Duration;

/// The server caps list pages at 100.
pub const PAGE_SIZE: u32 = 100;

/// How hard to retry. Tests shrink the delays; production keeps the defaults.
#[derive(Debug, Clone)]
pub struct RetryPolicy {
    /// Retries after the first attempt for 5xx, network faults, bad bodies and 429.
    pub max_retries: usize,
    pub min_delay: Duration,
    pub max_delay: Duration,
    pub request_timeout: Duration,
    /// Longest `Retry-After` honoured; longer ones are cut to this.
    pub retry_after_cap: Duration,
    /// Multiplies `Retry-After` waits (1.0 in production; tiny in tests).
    pub retry_after_scale: f64,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_retries: 4,
            min_delay: Duration::from_millis(500),
            max_delay: Duration::from_secs(30),
            request_timeout: Duration::from_secs(30),
            retry_after_cap: Duration::from_secs(120),
            retry_after_scale: 1.0,
        }
    }
}

/// Options for one sync.
#[derive(Debug, Clone)]
pub struct SyncOptions {
    /// Run a full reconciliation now (otherwise at most daily).
    pub full: bool,
    pub page_size: u32,
    pub retry: RetryPolicy,
    /// "Now" for the daily full-pass rule and timestamps (default: the system clock).
    pub now: Option<chrono::DateTime<chrono::Utc>>,
}

impl Default for SyncOptions {
    fn default() -> Self {
        SyncOptions {
            full: false,
            page_size: PAGE_SIZE,
            retry: RetryPolicy::default(),
            now: None,
        }
    }
}

/// The account and last-sync status (reads only; no network).
pub fn status(conn: &rusqlite::Connection, store: &dyn TokenStore) -> Result<SyncStatus> {
    state::status(conn, store)
}

/// Where a running sync is, reported through the progress callback.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Type)]
pub struct SyncProgress {
    /// `login` | `bookings` | `open_bookings` | `reviews` | `relations` | `push` | `done`
    pub phase: String,
    pub pages: u32,
    pub items: u32,
    pub requests: u32,
    /// Pages in this phase, when the server said.
    pub total_pages: Option<u32>,
}

/// What the app shows about the account and the last sync.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Type)]
pub struct SyncStatus {
    pub signed_in: bool,
    pub base_url: Option<String>,
    pub email: Option<String>,
    pub last_synced_at: Option<String>,
    pub last_full_sync_at: Option<String>,
    /// Provider edits not yet accepted by the platform.
    pub pending_pushes: i64,
    pub last_error: Option<ErrorPayload>,
}

/// What one sync did.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Type)]
pub struct SyncReport {
    pub full: bool,
    pub requests: u32,
    pub bytes: u64,
    pub bookings_new: u32,
    pub bookings_updated: u32,
    pub reviews_new: u32,
    pub reviews_updated: u32,
    pub removed: u32,
    pub pushed: u32,
    pub duration_ms: u64,
}

impl SyncReport {
    /// What this sync changed for the UI: the sync status always; the book when any
    /// booking or review arrived, changed or was removed.
    pub fn changes(&self) -> crate::changes::Changes {
        let data = self.bookings_new
            + self.bookings_updated
            + self.reviews_new
            + self.reviews_updated
            + self.removed;
        let sync = crate::changes::Changes::of(&[crate::changes::Scope::Sync]);
        match data {
            0 => sync,
            _ => sync.union(crate::changes::Changes::platform_data()),
        }
    }
}
