use crate::state::AppState;
use clientele::export::{ExportFilter, ExportReport};
use clientele::{Clock, Error, Result};
use rusqlite::Connection;
use std::path::{Path, PathBuf};
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
    let name = clientele::export::default_file_name(&clock);
    let path = match state.export_to.clone() {
        Some(p) => Some(p),
        None => ask_path(&state, "Export customers as CSV", name, ("CSV", "csv")).await?,
    };
    write(&state, path, filter, clock, clientele::export::export_csv).await
}

/// The same customers as [`export_csv`] as an Excel workbook (`.xlsx`, typed cells).
/// `export_to` is used with its extension changed to `.xlsx`.
#[tauri::command]
#[specta::specta]
pub async fn export_xlsx(
    state: State<'_, AppState>,
    filter: ExportFilter,
) -> Result<Option<ExportReport>> {
    let clock = Clock::system();
    let name = clientele::export::default_xlsx_file_name(&clock);
    let path = match state.export_to.as_ref() {
        Some(p) => Some(p.with_extension("xlsx")),
        None => {
            let kind = ("Excel workbook", "xlsx");
            ask_path(&state, "Export customers as Excel", name, kind).await?
        }
    };
    write(&state, path, filter, clock, clientele::xlsx::export_xlsx).await
}

type Writer = fn(&Connection, &Path, &ExportFilter, &Clock) -> Result<ExportReport>;

async fn write(
    state: &AppState,
    path: Option<PathBuf>,
    filter: ExportFilter,
    clock: Clock,
    writer: Writer,
) -> Result<Option<ExportReport>> {
    let Some(path) = path else { return Ok(None) };
    let db = state.session().db().await?;
    tauri::async_runtime::spawn_blocking(move || {
        db.read(|conn| writer(conn, &path, &filter, &clock))
    })
    .await
    .map_err(|e| Error::Io(format!("export failed: {e}")))?
    .map(Some)
}

async fn ask_path(
    state: &AppState,
    title: &'static str,
    default_name: String,
    kind: (&'static str, &'static str),
) -> Result<Option<PathBuf>> {
    let shell = state.shell();
    let picked = tauri::async_runtime::spawn_blocking(move || {
        shell.pick_save_path(title, &default_name, kind)
    })
    .await
    .map_err(|e| Error::Io(format!("the save dialog failed: {e}")))?;
    picked.map(crate::shell::into_path).transpose()
}
