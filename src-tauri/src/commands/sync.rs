//! Sync commands and the 15-minute timer. The engine lives in `clientele::sync`.
// PLACEHOLDER until the core's sync engine lands: the commands keep their final signatures
// and answer `offline` ("not available in this build yet").

use clientele::sync::{SyncReport, SyncStatus};
use clientele::{Error, Result};
use std::path::Path;
use std::sync::Mutex;
use tauri::{AppHandle, Runtime, State};
use tokio_util::sync::CancellationToken;

use crate::state::AppState;

/// How often the app syncs while open and signed in.
pub const SYNC_EVERY: std::time::Duration = std::time::Duration::from_secs(15 * 60);

/// The running sync, if any, so it can be cancelled.
#[derive(Default)]
pub struct SyncControl {
    pub running: Mutex<Option<CancellationToken>>,
}

fn unavailable() -> Error {
    Error::Offline("sync is not available in this build yet".into())
}

/// Whether a sign-in is recorded for the real database (else the app opens the demo).
pub fn account_configured(_real_db: &Path) -> bool {
    false
}

#[tauri::command]
pub async fn sync_status(_state: State<'_, AppState>) -> Result<SyncStatus> {
    Ok(SyncStatus::default())
}

#[tauri::command]
pub async fn sign_in(
    _state: State<'_, AppState>,
    base_url: String,
    email: String,
    password: String,
) -> Result<SyncStatus> {
    let _ = (base_url, email, password);
    Err(unavailable())
}

#[tauri::command]
pub async fn sign_out(_state: State<'_, AppState>) -> Result<SyncStatus> {
    Ok(SyncStatus::default())
}

#[tauri::command]
pub async fn sync_now<R: Runtime>(
    _app: AppHandle<R>,
    _state: State<'_, AppState>,
    full: bool,
) -> Result<SyncReport> {
    let _ = full;
    Err(unavailable())
}

#[tauri::command]
pub async fn cancel_sync(state: State<'_, AppState>) -> Result<()> {
    if let Some(token) = state
        .sync
        .running
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .as_ref()
    {
        token.cancel();
    }
    Ok(())
}

/// Syncs every [`SYNC_EVERY`] while the app is open and signed in.
pub fn start_timer<R: Runtime>(app: AppHandle<R>) {
    let _ = app;
}
