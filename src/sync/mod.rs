//! Sync with the marketplace: sign-in, pull, push, fault tolerance.
//! (Types are the boundary the desktop shell and the UI rely on.)

use crate::error::ErrorPayload;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Where a running sync is, reported through the progress callback.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export_to = "SyncProgress.ts")]
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
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export_to = "SyncStatus.ts")]
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
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export_to = "SyncReport.ts")]
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
