//! Changes made by another process on the open file (the CLI's sync, edit or import) show in
//! the app within about a second, without a restart: the writer's `PRAGMA data_version` is
//! polled (`clientele::store::ExternalChanges`) and a change is announced like any other.
//! The same loop moves the segments to the new day after midnight, and hands freed memory
//! back once the page's commands go quiet (`crate::memory`).

use crate::state::AppState;
use clientele::changes::Changes;
use clientele::store::ExternalChanges;
use std::path::PathBuf;
use std::time::Duration;
use tauri::{AppHandle, Manager, Runtime};

pub const EVERY: Duration = Duration::from_secs(1);

pub fn start<R: Runtime>(app: AppHandle<R>) {
    tauri::async_runtime::spawn(async move {
        let mut watched: Option<(PathBuf, std::sync::Arc<ExternalChanges>)> = None;
        let mut tick = tokio::time::interval(EVERY);
        let mut rolled_for = None;
        let mut quiet = crate::memory::Quiet::default();
        loop {
            tick.tick().await;
            if quiet.settled() {
                tauri::async_runtime::spawn_blocking(crate::memory::return_freed);
            }
            let state = app.state::<AppState>();
            let session = state.session();
            // Never opens (or generates) a database just to watch it.
            let Some(store) = session.opened() else {
                continue;
            };
            // Past midnight the segments move a day (docs/rules.md §10).
            let today = clientele::Clock::system().today();
            if rolled_for != Some(today) {
                rolled_for = Some(today);
                match state
                    .write(move |c| clientele::segments::roll(c, today))
                    .await
                {
                    Ok(changes) => state.shell().data_changed(changes),
                    Err(e) => tracing::warn!("could not move the segments to {today}: {e}"),
                }
            }
            match &watched {
                Some((path, watch)) if *path == session.path => {
                    let watch = watch.clone();
                    let changed = tauri::async_runtime::spawn_blocking(move || watch.poll(&store))
                        .await
                        .is_ok_and(|r| r.unwrap_or(false));
                    if changed {
                        state.shell().data_changed(Changes::external());
                    }
                }
                _ => {
                    watched = ExternalChanges::new(&store)
                        .ok()
                        .map(|w| (session.path.clone(), std::sync::Arc::new(w)));
                }
            }
        }
    });
}
