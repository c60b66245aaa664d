use crate::state::AppState;
use clientele::activity::{ActivityPage, ActivityQuery};
use clientele::stats::{Charts, Stats};
use clientele::{Clock, Result};
use tauri::State;

#[tauri::command]
#[specta::specta]
pub async fn get_stats(state: State<'_, AppState>) -> Result<Stats> {
    state
        .read(|c| clientele::stats::stats(c, &Clock::system()))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn get_charts(state: State<'_, AppState>) -> Result<Charts> {
    state
        .read(|c| clientele::stats::charts(c, &Clock::system()))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn list_activity(
    state: State<'_, AppState>,
    query: ActivityQuery,
) -> Result<ActivityPage> {
    state.read(|c| clientele::activity::recent(c, &query)).await
}
