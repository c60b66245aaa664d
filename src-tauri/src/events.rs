//! Events the shell emits to every window.

use tauri::{Emitter, Runtime};

/// Data changed (an edit or a sync): pages refetch.
pub const DATA_CHANGED: &str = "data-changed";
/// A running sync's [`clientele::sync::SyncProgress`].
pub const SYNC_PROGRESS: &str = "sync-progress";

pub fn data_changed<R: Runtime>(app: &tauri::AppHandle<R>) {
    if let Err(e) = app.emit(DATA_CHANGED, ()) {
        tracing::warn!("could not emit {DATA_CHANGED}: {e}");
    }
}
