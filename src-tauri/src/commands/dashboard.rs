use crate::state::AppState;
use clientele::activity::{ActivityPage, ActivityQuery};
use clientele::stats::{ChartRange, Charts, Stats};
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
pub async fn get_charts(state: State<'_, AppState>, range: Option<ChartRange>) -> Result<Charts> {
    let range = range.unwrap_or_default();
    state
        .read_indexed(move |c, index| {
            clientele::stats::charts_with(c, &Clock::system(), range, Some(index))
        })
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
