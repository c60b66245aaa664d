use crate::state::AppState;
use clientele::customers::{CustomerPage, CustomerQuery, CustomerRow};
use clientele::history::CustomerDetail;
use clientele::relations::RelationEdit;
use clientele::{Clock, Result};
use tauri::State;

#[tauri::command]
#[specta::specta]
pub async fn list_customers(
    state: State<'_, AppState>,
    query: CustomerQuery,
) -> Result<CustomerPage> {
    let page = state
        .read_indexed(|c, index| index.list(c, &query, &Clock::system()))
        .await;
    log_first_list();
    page
}

#[tauri::command]
#[specta::specta]
pub async fn get_customer(
    state: State<'_, AppState>,
    customer_id: i64,
    page: u32,
    page_size: u32,
) -> Result<CustomerDetail> {
    state
        .read(|c| clientele::history::detail(c, customer_id, page, page_size, &Clock::system()))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn edit_relation(
    state: State<'_, AppState>,
    customer_id: i64,
    edit: RelationEdit,
) -> Result<CustomerRow> {
    let edits = [edit];
    let row = state
        .write(|c| clientele::relations::edit(c, customer_id, &edits, &Clock::system()))
        .await?;
    state
        .shell()
        .data_changed(clientele::relations::changes(&edits));
    Ok(row)
}

/// Marks the first list served (the open's deferred work starts) and logs once how long
/// after process start that was (launch measurement).
fn log_first_list() {
    let _ = crate::FIRST_LIST.set(());
    static ONCE: std::sync::Once = std::sync::Once::new();
    if let Some(started) = crate::STARTED.get() {
        ONCE.call_once(|| {
            tracing::info!(
                "first customer list served {:?} after start",
                started.elapsed()
            )
        });
    }
}
