use crate::state::AppState;
use clientele::export::{ExportFilter, ExportReport};
use clientele::{Clock, Error, Result};
use std::path::PathBuf;
use tauri::State;

/// Asks where to save (native dialog, modal to the window) and writes the CSV there.
/// `None` when the user cancels. `AppState::export_to` (env `CLIENTELE_EXPORT_TO`, for
/// end-to-end tests) replaces the dialog.
#[tauri::command]
#[specta::specta]
pub async fn export_csv(
    state: State<'_, AppState>,
    filter: ExportFilter,
) -> Result<Option<ExportReport>> {
    let clock = Clock::system();
    let Some(path) = (match state.export_to.clone() {
        Some(p) => Some(p),
        None => ask_path(&state, clientele::export::default_file_name(&clock)).await?,
    }) else {
        return Ok(None);
    };
    let db = state.session().db().await?;
    tauri::async_runtime::spawn_blocking(move || {
        db.read(|conn| clientele::export::export_csv(conn, &path, &filter, &clock))
    })
    .await
    .map_err(|e| Error::Io(format!("export failed: {e}")))?
    .map(Some)
}

async fn ask_path(state: &AppState, default_name: String) -> Result<Option<PathBuf>> {
    let shell = state.shell();
    let picked = tauri::async_runtime::spawn_blocking(move || {
        shell.pick_save_path("Export customers as CSV", &default_name, ("CSV", "csv"))
    })
    .await
    .map_err(|e| Error::Io(format!("the save dialog failed: {e}")))?;
    picked.map(crate::shell::into_path).transpose()
}
