use crate::state::AppState;
use clientele::export::{ExportFilter, ExportReport};
use clientele::{Clock, Error, Result};
use std::path::PathBuf;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;

/// Asks where to save (native dialog, opened from Rust) and writes the CSV there.
/// `None` when the user cancels. `AppState::export_to` (env `CLIENTELE_EXPORT_TO`, for
/// end-to-end tests) replaces the dialog.
#[tauri::command]
pub async fn export_csv<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    filter: ExportFilter,
) -> Result<Option<ExportReport>> {
    let clock = Clock::system();
    let Some(path) = (match state.export_to.clone() {
        Some(p) => Some(p),
        None => ask_path(app, clientele::export::default_file_name(&clock)).await?,
    }) else {
        return Ok(None);
    };
    let db = state.session().db().await?;
    tauri::async_runtime::spawn_blocking(move || {
        let conn = db
            .lock()
            .map_err(|_| Error::Storage("database lock poisoned".into()))?;
        clientele::export::export_csv(&conn, &path, &filter, &clock)
    })
    .await
    .map_err(|e| Error::Io(format!("export failed: {e}")))?
    .map(Some)
}

async fn ask_path<R: Runtime>(app: AppHandle<R>, default_name: String) -> Result<Option<PathBuf>> {
    let picked = tauri::async_runtime::spawn_blocking(move || {
        app.dialog()
            .file()
            .set_title("Export customers as CSV")
            .set_file_name(default_name)
            .add_filter("CSV", &["csv"])
            .blocking_save_file()
    })
    .await
    .map_err(|e| Error::Io(format!("the save dialog failed: {e}")))?;
    picked
        .map(|p| {
            p.into_path()
                .map_err(|e| Error::invalid(format!("cannot save there: {e}")))
        })
        .transpose()
}
