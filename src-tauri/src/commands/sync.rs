//! Sign-in, sync on demand and every 15 minutes, cancel. The engine is `clientele::sync`;
//! these wrappers pick the database and token store, forward progress as `SyncProgressed`
//! events and announce what a sync changed.

use crate::state::{AppState, Session};
use crate::sync_control::token_store;
use clientele::changes::{Changes, Scope};
use clientele::sync::{self, SyncOptions, SyncProgress, SyncReport, SyncStatus};
use clientele::{Error, Result};
use tauri::{AppHandle, Manager, Runtime, State};
use tokio_util::sync::CancellationToken;

pub use crate::sync_control::SYNC_EVERY;

#[tauri::command]
#[specta::specta]
pub async fn sync_status(state: State<'_, AppState>) -> Result<SyncStatus> {
    let store = token_store(&state.session().path);
    state.read(|c| sync::status(c, store.as_ref())).await
}

/// Signs in on the real database; from the demo, switches the app to it.
#[tauri::command]
#[specta::specta]
pub async fn sign_in(
    state: State<'_, AppState>,
    base_url: String,
    email: String,
    password: String,
) -> Result<SyncStatus> {
    let current = state.session();
    let switching = current.is_demo();
    let target = match switching {
        true => Session::new(state.account_db.clone(), None),
        false => current,
    };
    let store = token_store(&target.path);
    let status = sync::sign_in(
        target.db().await?.writer(),
        store.as_ref(),
        &base_url,
        &email,
        &password,
    )
    .await?;
    state.switch_to(target);
    let changed = match switching {
        true => Changes::all(),
        false => Changes::of(&[Scope::Sync]),
    };
    state.shell().data_changed(changed);
    Ok(status)
}

/// Forgets the token; the local data (and the account's database) stay.
#[tauri::command]
#[specta::specta]
pub async fn sign_out(state: State<'_, AppState>) -> Result<SyncStatus> {
    let session = state.session();
    let store = token_store(&session.path);
    let status = sync::sign_out(session.db().await?.writer(), store.as_ref())?;
    state.shell().data_changed(Changes::of(&[Scope::Sync]));
    Ok(status)
}

#[tauri::command]
#[specta::specta]
pub async fn sync_now(state: State<'_, AppState>, full: bool) -> Result<SyncReport> {
    run(&state, full).await
}

#[tauri::command]
#[specta::specta]
pub async fn cancel_sync(state: State<'_, AppState>) -> Result<()> {
    if let Some(token) = state.sync.running().as_ref() {
        token.cancel();
    }
    Ok(())
}

/// One sync of the open database, refused while another runs. Emits progress, then what
/// changed whatever the outcome (pages applied before a failure are kept, so a failed
/// sync may have changed the book too).
async fn run(state: &AppState, full: bool) -> Result<SyncReport> {
    let cancel = {
        let mut running = state.sync.running();
        if running.is_some() {
            return Err(Error::Conflict("a sync is already running".into()));
        }
        running.insert(CancellationToken::new()).clone()
    };
    let session = state.session();
    let store = token_store(&session.path);
    let shell = state.shell();
    let on_progress = move |p: SyncProgress| shell.sync_progressed(p);
    let opts = SyncOptions {
        full,
        ..SyncOptions::default()
    };
    let result = match session.db().await {
        Ok(db) => sync::sync(db.writer(), store.as_ref(), opts, &on_progress, &cancel).await,
        Err(e) => Err(e),
    };
    *state.sync.running() = None;
    let changed = match &result {
        Ok(report) => report.changes(),
        Err(_) => Changes::of(&[Scope::Sync]).union(Changes::platform_data()),
    };
    state.shell().data_changed(changed);
    result
}

/// Syncs every [`SYNC_EVERY`] while the app is open and signed in; errors are recorded by
/// the engine (`SyncStatus::last_error`) and shown by the UI, so they are only logged here.
pub fn start_timer<R: Runtime>(app: AppHandle<R>) {
    tauri::async_runtime::spawn(async move {
        let mut tick = tokio::time::interval(SYNC_EVERY);
        tick.tick().await; // the first tick is immediate; wait a full period after launch
        loop {
            tick.tick().await;
            let state = app.state::<AppState>();
            let store = token_store(&state.session().path);
            let signed_in = state
                .read(|c| sync::status(c, store.as_ref()))
                .await
                .is_ok_and(|s| s.signed_in);
            if signed_in {
                match run(&state, false).await {
                    Ok(r) => tracing::info!(
                        "timed sync: {} requests in {} ms",
                        r.requests,
                        r.duration_ms
                    ),
                    Err(e) => tracing::warn!("timed sync failed: {e}"),
                }
            }
        }
    });
}
