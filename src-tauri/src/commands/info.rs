use crate::info::AppInfo;
use crate::state::AppState;
use clientele::{Clock, Result};

#[tauri::command]
#[specta::specta]
pub async fn app_info(state: tauri::State<'_, AppState>) -> Result<AppInfo> {
    let session = state.session();
    let currency = state.read(clientele::settings::currency).await?;
    Ok(AppInfo {
        db_path: session.path.display().to_string(),
        demo: session.is_demo(),
        currency,
        version: env!("CARGO_PKG_VERSION").to_string(),
        default_export_name: clientele::export::default_file_name(&Clock::system()),
    })
}
