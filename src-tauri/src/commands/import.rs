//! The client-list import (docs/rules.md §8): pick a file (native open dialog, modal to the
//! window), preview what it would do, import it.

use crate::state::AppState;
use clientele::book::import::{self, ImportPreview, Options};
use clientele::import::ImportReport;
use clientele::{Clock, Error, Result};
use std::path::PathBuf;
use tauri::State;

/// Asks which CSV to import; `None` when cancelled. `AppState::import_from` (env
/// `CLIENTELE_IMPORT_FROM`, for end-to-end tests) replaces the dialog.
#[tauri::command]
#[specta::specta]
pub async fn pick_import_file(state: State<'_, AppState>) -> Result<Option<String>> {
    if let Some(p) = &state.import_from {
        return Ok(Some(p.display().to_string()));
    }
    let shell = state.shell();
    let picked = tauri::async_runtime::spawn_blocking(move || {
        shell.pick_open_path("Import a client list", ("CSV", &["csv", "txt"]))
    })
    .await
    .map_err(|e| Error::Io(format!("the open dialog failed: {e}")))?;
    picked
        .map(|p| crate::shell::into_path(p).map(|p| p.display().to_string()))
        .transpose()
}

/// What importing `path` would do, with the first rows; writes nothing.
#[tauri::command]
#[specta::specta]
pub async fn preview_import(state: State<'_, AppState>, path: String) -> Result<ImportPreview> {
    let path = PathBuf::from(path);
    state.read(move |c| import::preview(c, &path)).await
}

/// Imports `path`; with `skip_invalid` only its valid rows.
#[tauri::command]
#[specta::specta]
pub async fn import_customers(
    state: State<'_, AppState>,
    path: String,
    skip_invalid: bool,
) -> Result<ImportReport> {
    let path = PathBuf::from(path);
    let opts = Options {
        dry_run: false,
        skip_invalid,
    };
    let report = state
        .write(move |c| import::import_file(c, &path, opts, &Clock::system()))
        .await?;
    state.shell().data_changed(clientele::book::changes());
    Ok(report)
}
