//! Sign-in, sync on demand and every 15 minutes, cancel. The engine is `clientele::sync`;
//! these wrappers pick the database and token store, forward progress as `sync-progress`
//! events and announce `data-changed` when a sync ends.

use crate::events;
use crate::state::{AppState, Session};
use clientele::sync::{self, SyncOptions, SyncProgress, SyncReport, SyncStatus, TokenStore};
use clientele::{Error, Result};
use std::path::Path;
use std::sync::Mutex;
use tauri::{AppHandle, Emitter, Manager, Runtime, State};
use tokio_util::sync::CancellationToken;

/// How often the app syncs while open and signed in.
pub const SYNC_EVERY: std::time::Duration = std::time::Duration::from_secs(15 * 60);

/// The running sync, if any, so it can be cancelled and never runs twice at once.
#[derive(Default)]
pub struct SyncControl {
    running: Mutex<Option<CancellationToken>>,
}

/// Like the CLI: the OS keyring, else a 0600 file next to the database.
fn token_store(db_path: &Path) -> Box<dyn TokenStore> {
    let dir = db_path.parent().filter(|d| !d.as_os_str().is_empty());
    sync::default_token_store(dir.unwrap_or(Path::new(".")))
}

/// Whether a sign-in is recorded in the real database (else the app opens the demo).
pub fn account_configured(real_db: &Path) -> bool {
    real_db.exists()
        && clientele::db::open(real_db)
            .and_then(|c| sync::state::get(&c, sync::state::BASE_URL))
            .is_ok_and(|url| url.is_some())
}

#[tauri::command]
pub async fn sync_status(state: State<'_, AppState>) -> Result<SyncStatus> {
    let store = token_store(&state.session().path);
    state.with_conn(|c| sync::status(c, store.as_ref())).await
}

/// Signs in on the real database; from the demo, switches the app to it.
#[tauri::command]
pub async fn sign_in<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    base_url: String,
    email: String,
    password: String,
) -> Result<SyncStatus> {
    let current = state.session();
    let target = match current.is_demo() {
        true => Session::new(state.account_db.clone(), None),
        false => current,
    };
    let store = token_store(&target.path);
    let status = sync::sign_in(
        &*target.db().await?,
        store.as_ref(),
        &base_url,
        &email,
        &password,
    )
    .await?;
    state.switch_to(target);
    events::data_changed(&app);
    Ok(status)
}

/// Forgets the token; the local data (and the account's database) stay.
#[tauri::command]
pub async fn sign_out(state: State<'_, AppState>) -> Result<SyncStatus> {
    let session = state.session();
    let store = token_store(&session.path);
    sync::sign_out(&*session.db().await?, store.as_ref())
}

#[tauri::command]
pub async fn sync_now<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    full: bool,
) -> Result<SyncReport> {
    run(&app, &state, full).await
}

#[tauri::command]
pub async fn cancel_sync(state: State<'_, AppState>) -> Result<()> {
    if let Some(token) = lock(&state.sync).as_ref() {
        token.cancel();
    }
    Ok(())
}

fn lock(c: &SyncControl) -> std::sync::MutexGuard<'_, Option<CancellationToken>> {
    c.running.lock().unwrap_or_else(|e| e.into_inner())
}

/// One sync of the open database, refused while another runs. Emits progress, then
/// `data-changed` whatever the outcome (pages applied before a failure are kept).
async fn run<R: Runtime>(app: &AppHandle<R>, state: &AppState, full: bool) -> Result<SyncReport> {
    let cancel = {
        let mut running = lock(&state.sync);
        if running.is_some() {
            return Err(Error::Conflict("a sync is already running".into()));
        }
        running.insert(CancellationToken::new()).clone()
    };
    let session = state.session();
    let store = token_store(&session.path);
    let emitter = app.clone();
    let on_progress = move |p: SyncProgress| {
        let _ = emitter.emit(events::SYNC_PROGRESS, p);
    };
    let opts = SyncOptions {
        full,
        ..SyncOptions::default()
    };
    let result = match session.db().await {
        Ok(db) => sync::sync(&db, store.as_ref(), opts, &on_progress, &cancel).await,
        Err(e) => Err(e),
    };
    *lock(&state.sync) = None;
    events::data_changed(app);
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
                .with_conn(|c| sync::status(c, store.as_ref()))
                .await
                .is_ok_and(|s| s.signed_in);
            if signed_in {
                match run(&app, &state, false).await {
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
