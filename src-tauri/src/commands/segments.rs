//! Segments, the lapsed setting and saved views (docs/rules.md §10).

use crate::state::AppState;
use clientele::changes::{Changes, Scope};
use clientele::segments::SegmentCounts;
use clientele::views::{SavedView, ViewQuery};
use clientele::{Clock, Result};
use tauri::State;

#[tauri::command]
#[specta::specta]
pub async fn segment_counts(state: State<'_, AppState>) -> Result<SegmentCounts> {
    state
        .read_indexed(|c, index| index.segment_counts(c, &Clock::system()))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn lapsed_days(state: State<'_, AppState>) -> Result<i64> {
    state.read(clientele::settings::lapsed_days).await
}

/// Sets the lapsed threshold (1–3650 days).
#[tauri::command]
#[specta::specta]
pub async fn set_lapsed_days(state: State<'_, AppState>, days: i64) -> Result<i64> {
    state
        .write(move |c| clientele::segments::set_lapsed_days(c, days))
        .await?;
    state.shell().data_changed(Changes::of(&[Scope::Customers]));
    Ok(days)
}

#[tauri::command]
#[specta::specta]
pub async fn list_views(state: State<'_, AppState>) -> Result<Vec<SavedView>> {
    state
        .read_indexed(|c, index| clientele::views::list(c, &Clock::system(), Some(index)))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn save_view(
    state: State<'_, AppState>,
    name: String,
    query: ViewQuery,
) -> Result<SavedView> {
    let v = state
        .write(move |c| clientele::views::save(c, &name, &query, &Clock::system()))
        .await?;
    state.shell().data_changed(Changes::of(&[Scope::Customers]));
    Ok(v)
}

#[tauri::command]
#[specta::specta]
pub async fn rename_view(state: State<'_, AppState>, id: i64, name: String) -> Result<SavedView> {
    let v = state
        .write(move |c| clientele::views::rename(c, id, &name, &Clock::system()))
        .await?;
    state.shell().data_changed(Changes::of(&[Scope::Customers]));
    Ok(v)
}

#[tauri::command]
#[specta::specta]
pub async fn delete_view(state: State<'_, AppState>, id: i64) -> Result<()> {
    state
        .write(move |c| clientele::views::delete(c, id))
        .await?;
    state.shell().data_changed(Changes::of(&[Scope::Customers]));
    Ok(())
}
