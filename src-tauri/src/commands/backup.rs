//! Backups and recovery: whether the database opened, its backups, a backup now, restore,
//! a fresh book in place of a damaged one, and opening another file. Thin wrappers over
//! `clientele::backup`; whatever replaces the open book announces `Changes::all()`.

use crate::state::{AppState, Session};
use clientele::backup::{BackupInfo, BackupKind, RestoreReport, StartEmptyReport};
use clientele::changes::Changes;
use clientele::error::ErrorPayload;
use clientele::{Clock, Error, Result};
use serde::Serialize;
use specta::Type;
use std::path::PathBuf;
use tauri::State;

/// Whether the open database opened, and what the recovery screen can offer if not.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct DatabaseStatus {
    pub path: String,
    /// Why it did not open (`damaged`, `foreign`, `db_folder_missing`, …); `None` when open.
    pub error: Option<ErrorPayload>,
    /// The newest backup of this database, of any kind.
    pub newest_backup: Option<BackupInfo>,
}

#[tauri::command]
#[specta::specta]
pub async fn database_status(state: State<'_, AppState>) -> Result<DatabaseStatus> {
    let session = state.session();
    let error = session
        .checked_db()
        .await
        .err()
        .map(|e| ErrorPayload::from(&e));
    Ok(DatabaseStatus {
        path: session.path.display().to_string(),
        error,
        newest_backup: clientele::backup::newest(&session.path, &Clock::system())?,
    })
}

#[tauri::command]
#[specta::specta]
pub async fn list_backups(state: State<'_, AppState>) -> Result<Vec<BackupInfo>> {
    clientele::backup::list(&state.session().path, &Clock::system())
}

#[tauri::command]
#[specta::specta]
pub async fn backup_now(state: State<'_, AppState>) -> Result<BackupInfo> {
    let session = state.session();
    let db = session.db().await?;
    let path = session.path.clone();
    blocking(move || {
        db.read(|c| clientele::backup::snapshot(c, &path, BackupKind::Regular, &Clock::system()))
    })
    .await
}

/// Restores `path` (a backup) over the open database, which is backed up first; works on
/// a database that does not open too (it is set aside). The page then reloads everything.
#[tauri::command]
#[specta::specta]
pub async fn restore_backup(state: State<'_, AppState>, path: String) -> Result<RestoreReport> {
    let session = state.session();
    let db_path = session.path.clone();
    let report = blocking(move || {
        clientele::backup::restore(&db_path, &PathBuf::from(path), &Clock::system())
    })
    .await?;
    reopen(&state, &session);
    Ok(report)
}

/// Moves a damaged or foreign file aside (never deleting it) and starts an empty book.
#[tauri::command]
#[specta::specta]
pub async fn start_empty_book(state: State<'_, AppState>) -> Result<StartEmptyReport> {
    let session = state.session();
    let db_path = session.path.clone();
    let report =
        blocking(move || clientele::backup::start_empty(&db_path, &Clock::system())).await?;
    reopen(&state, &session);
    Ok(report)
}

/// Asks for another database file (native dialog, modal to the window) and switches to it
/// once it opens; the current one stays open when it does not. `None` when cancelled.
#[tauri::command]
#[specta::specta]
pub async fn open_database(state: State<'_, AppState>) -> Result<Option<String>> {
    let path = match state.open_from.clone() {
        Some(p) => p,
        None => {
            let shell = state.shell();
            let picked = tauri::async_runtime::spawn_blocking(move || {
                shell.pick_open_path("Open a Clientele database", ("Clientele database", &["db"]))
            })
            .await
            .map_err(|e| Error::Io(format!("the open dialog failed: {e}")))?;
            match picked {
                Some(p) => crate::shell::into_path(p)?,
                None => return Ok(None),
            }
        }
    };
    let session = Session::new(path.clone(), None);
    session.db().await?;
    crate::state::daily_backup(&session);
    state.switch_to(session);
    state.shell().data_changed(Changes::all());
    Ok(Some(path.display().to_string()))
}

/// A fresh session on the same file (the old store may have cached a failed open or an
/// older schema), and everything the page shows is stale.
fn reopen(state: &AppState, old: &Session) {
    state.switch_to(Session::new(old.path.clone(), old.demo_size));
    state.shell().data_changed(Changes::all());
}

async fn blocking<T: Send + 'static>(f: impl FnOnce() -> Result<T> + Send + 'static) -> Result<T> {
    tauri::async_runtime::spawn_blocking(f)
        .await
        .map_err(|e| Error::Io(format!("the backup task failed: {e}")))?
}
