//! "Load sample data" from the empty book, and the way back: the sample is its own file
//! (`demo.db` beside the provider's database), so trying the app never mixes made-up
//! customers into a real book, and the real book is untouched while the sample is open.

use crate::state::{demo_db_path, demo_size, AppState, Session};
use clientele::changes::Changes;
use clientele::Result;
use tauri::State;

/// Opens the sample book (generating it the first time) in this window.
#[tauri::command]
#[specta::specta]
pub async fn open_sample(state: State<'_, AppState>) -> Result<()> {
    if state.session().is_demo() {
        return Ok(());
    }
    switch(
        &state,
        Session::new(demo_db_path(&state.account_db), Some(demo_size())),
    )
    .await
}

/// Leaves the sample for the provider's own book (empty until they add, import or sign in).
#[tauri::command]
#[specta::specta]
pub async fn leave_sample(state: State<'_, AppState>) -> Result<()> {
    if !state.session().is_demo() {
        return Ok(());
    }
    switch(&state, Session::new(state.account_db.clone(), None)).await
}

async fn switch(state: &AppState, target: std::sync::Arc<Session>) -> Result<()> {
    // Opened before the switch: a failure leaves the window on the book it was showing.
    target.db().await?;
    state.switch_to(target);
    state.shell().data_changed(Changes::all());
    Ok(())
}
