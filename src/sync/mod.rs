//! Sync with the marketplace: sign-in, pull, push, fault tolerance.
//! (Types are the boundary the desktop shell and the UI rely on.)
//!
//! Rooms: `syncer` (supervision: the lock, the token store, cancellation; start here),
//! `lock` (one sync per database across processes), `account` (whose database this is),
//! `token_store` (where the refresh token lives), `http` (client, auth refresh, retries),
//! `auth` (sign in/out), `page` (parse + apply one page with its cursor), `pages` (up to
//! three pages in flight, applied in order), `context` (the per-run `Run`), `pull`
//! (incremental), `light` (the hourly pass), `full` (reconciliation and removal),
//! `relations_sync`, `push`, `run` (the phases), `state` (sync_state keys and status).
//!
//! Dependencies run one way (each room uses only rooms listed before it, and this file's
//! types): lock; state; account (state); token_store (account); http (state, token_store); page
//! (state); context (http, page); pages (context, page); pull; relations_sync (context,
//! http); push (relations_sync); light and full (pages, pull, relations_sync); auth
//! (account, http, state, token_store); run (all of the above); syncer (run, auth, lock).

pub mod account;
mod auth;
mod context;
mod full;
mod http;
mod light;
pub mod lock;
pub mod page;
mod pages;
mod pull;
mod push;
pub mod relations_sync;
mod run;
pub mod state;
pub mod syncer;
pub mod token_store;

pub use account::Account;
pub use auth::{sign_in, sign_out};
pub use context::ProgressFn;
pub use lock::SyncLock;
pub use run::sync;
pub use syncer::Syncer;
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
    /// Longest `Retry-After` waited out; a longer one ends the sync at once, and no sync
    /// calls the platform before the instant it named.
    pub retry_after_cap: Duration,
    /// Multiplies `Retry-After` waits (1.0 in production; tiny in tests).
    pub retry_after_scale: f64,
    /// The relation-records call recomputes every relation on the server: it gets its own
    /// long timeout and at most one re-send.
    pub relations_timeout: Duration,
    pub relations_max_retries: usize,
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
            relations_timeout: Duration::from_secs(120),
            relations_max_retries: 1,
        }
    }
}

/// Options for one sync.
#[derive(Debug, Clone)]
pub struct SyncOptions {
    /// Run a full reconciliation now (otherwise at most daily).
    pub full: bool,
    /// Run the light pass (reviews to the end, relation records) now (otherwise hourly).
    pub light: bool,
    pub page_size: u32,
    /// Page requests in flight during long passes (1 after a 429).
    pub max_in_flight: usize,
    pub retry: RetryPolicy,
    /// "Now" for the daily full-pass rule and timestamps (default: the system clock).
    pub now: Option<chrono::DateTime<chrono::Utc>>,
}

impl Default for SyncOptions {
    fn default() -> Self {
        SyncOptions {
            full: false,
            light: false,
            page_size: PAGE_SIZE,
            max_in_flight: 3,
            retry: RetryPolicy::default(),
            now: None,
        }
    }
}

/// The account and last-sync status (reads only; no network).
pub fn status(conn: &rusqlite::Connection, store: &dyn TokenStore) -> Result<SyncStatus> {
    state::status(conn, token_store::has_token(store))
}

/// The step a running sync is in (a string union in TypeScript).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum SyncPhase {
    #[default]
    Login,
    Bookings,
    OpenBookings,
    Reviews,
    Relations,
    Push,
    Done,
}

impl SyncPhase {
    pub fn as_str(self) -> &'static str {
        match self {
            SyncPhase::Login => "login",
            SyncPhase::Bookings => "bookings",
            SyncPhase::OpenBookings => "open_bookings",
            SyncPhase::Reviews => "reviews",
            SyncPhase::Relations => "relations",
            SyncPhase::Push => "push",
            SyncPhase::Done => "done",
        }
    }
}

impl std::fmt::Display for SyncPhase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Lets callers compare with the wire name (`p.phase == "bookings"`).
impl PartialEq<&str> for SyncPhase {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// Where a running sync is, reported through the progress callback.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Type)]
pub struct SyncProgress {
    pub phase: SyncPhase,
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
    /// The last light pass (reviews to the end and relation records; a full pass is one).
    pub last_light_sync_at: Option<String>,
    pub last_full_sync_at: Option<String>,
    /// When a sync last changed local data, and what it changed, in words.
    pub last_change_at: Option<String>,
    pub last_change: Option<String>,
    /// The platform asked to wait until then; no sync calls it before.
    pub rate_limited_until: Option<String>,
    /// Provider edits not yet accepted by the platform.
    pub pending_pushes: i64,
    pub last_error: Option<ErrorPayload>,
}

/// What one sync did.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Type)]
pub struct SyncReport {
    pub full: bool,
    /// Whether the light pass ran (it always does within a full pass).
    pub light: bool,
    pub requests: u32,
    pub bytes: u64,
    pub bookings_new: u32,
    pub bookings_updated: u32,
    pub reviews_new: u32,
    pub reviews_updated: u32,
    pub removed: u32,
    /// Relation records whose flags or notes the platform changed.
    pub relations_updated: u32,
    pub pushed: u32,
    pub duration_ms: u64,
}

impl SyncReport {
    /// What this sync changed for the UI: the sync status always; the book when any
    /// booking, review or platform flag arrived, changed or was removed.
    pub fn changes(&self) -> crate::changes::Changes {
        let data = self.bookings_new
            + self.bookings_updated
            + self.reviews_new
            + self.reviews_updated
            + self.removed
            + self.relations_updated;
        let sync = crate::changes::Changes::of(&[crate::changes::Scope::Sync]);
        match data {
            0 => sync,
            _ => sync.union(crate::changes::Changes::platform_data()),
        }
    }
}
