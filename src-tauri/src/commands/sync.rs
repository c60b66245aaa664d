//! Sign-in, sync on demand and every 15 minutes, cancel: thin wrappers over the session's
//! `clientele::sync::Syncer` (which holds the lock shared with the CLI), forwarding progress
//! as `SyncProgressed` events and announcing what a sync changed.

use crate::state::{AppState, Session};
use clientele::changes::{Changes, Scope};
use clientele::sync::{SyncOptions, SyncProgress, SyncReport, SyncStatus};
use clientele::Result;
use tauri::{AppHandle, Manager, Runtime, State};
use tokio_util::sync::CancellationToken;

pub use crate::sync_control::SYNC_EVERY;

#[tauri::command]
#[specta::specta]
pub async fn sync_status(state: State<'_, AppState>) -> Result<SyncStatus> {
    let session = state.session();
    state.read(|c| session.syncer.status(c)).await
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
    let db = target.db().await?;
    let status = target
        .syncer
        .sign_in(db.writer(), &base_url, &email, &password)
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
    let status = session.syncer.sign_out(session.db().await?.writer())?;
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
    state.session().syncer.cancel();
    Ok(())
}

/// One sync of the open database; the `Syncer` refuses (`conflict`) while another runs in
/// this app or the CLI. Announces what changed whatever the outcome (pages applied before a
/// failure are kept, so a failed sync may have changed the book too).
async fn run(state: &AppState, full: bool) -> Result<SyncReport> {
    let session = state.session();
    let shell = state.shell();
    // Each page is its own transaction: the list refreshes as pages land (at most every
    // 700 ms), so a first sync fills the page while it runs instead of at its end.
    let last_refresh = std::sync::Mutex::new((std::time::Instant::now(), 0u32));
    let on_progress = move |p: SyncProgress| {
        let items = p.items;
        shell.sync_progressed(p);
        let mut last = last_refresh.lock().unwrap_or_else(|e| e.into_inner());
        if items != last.1 && last.0.elapsed() >= std::time::Duration::from_millis(700) {
            *last = (std::time::Instant::now(), items);
            shell.data_changed(Changes::platform_data());
        }
    };
    let opts = SyncOptions {
        full,
        ..SyncOptions::default()
    };
    let db = session.db().await?;
    let result = session
        .syncer
        .sync(db.writer(), opts, &on_progress, &CancellationToken::new())
        .await;
    let changed = match &result {
        Ok(report) => report.changes(),
        Err(e) if e.code() == "conflict" => Changes::none(),
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
            let session = state.session();
            let signed_in = state
                .read(|c| session.syncer.status(c))
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
