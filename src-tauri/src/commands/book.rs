//! The customer-book commands (docs/rules.md §7–§9): own customers, visits, archive, tags,
//! duplicates, merge, import. Each wraps one core function and announces what it changed.

use crate::state::AppState;
use clientele::book::duplicates::DuplicateGroup;
use clientele::book::visits::{Visit, VisitEdit, VisitInput};
use clientele::book::{self, NewCustomer, ProfileEdit};
use clientele::customers::CustomerRow;
use clientele::tags::TagCount;
use clientele::{Clock, Result};
use serde::Serialize;
use specta::Type;
use tauri::State;

/// Runs a write and announces the book's changes.
async fn write<T: Send + 'static>(
    state: &AppState,
    f: impl FnOnce(&mut rusqlite::Connection, &Clock) -> Result<T> + Send + 'static,
) -> Result<T> {
    let out = state.write(|c| f(c, &Clock::system())).await?;
    state.shell().data_changed(book::changes());
    Ok(out)
}

#[tauri::command]
#[specta::specta]
pub async fn add_customer(
    state: State<'_, AppState>,
    customer: NewCustomer,
) -> Result<CustomerRow> {
    write(&state, move |c, clock| {
        book::add_customer(c, &customer, clock)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn edit_customer(
    state: State<'_, AppState>,
    customer_id: i64,
    edit: ProfileEdit,
) -> Result<CustomerRow> {
    write(&state, move |c, clock| {
        book::edit_customer(c, customer_id, &edit, clock)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn set_archived(
    state: State<'_, AppState>,
    customer_id: i64,
    archived: bool,
) -> Result<CustomerRow> {
    write(&state, move |c, clock| {
        book::set_archived(c, customer_id, archived, clock)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn list_tags(state: State<'_, AppState>) -> Result<Vec<TagCount>> {
    state.read(clientele::tags::counts).await
}

#[tauri::command]
#[specta::specta]
pub async fn add_visit(
    state: State<'_, AppState>,
    customer_id: i64,
    visit: VisitInput,
) -> Result<Visit> {
    write(&state, move |c, clock| {
        book::visits::add(c, customer_id, &visit, clock)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn edit_visit(
    state: State<'_, AppState>,
    booking_id: i64,
    edit: VisitEdit,
) -> Result<Visit> {
    write(&state, move |c, clock| {
        book::visits::edit(c, booking_id, &edit, clock)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_visit(state: State<'_, AppState>, booking_id: i64) -> Result<Visit> {
    write(&state, move |c, clock| {
        book::visits::delete(c, booking_id, clock)
    })
    .await
}

/// A group of likely duplicates with each card as the list shows it, for side by side.
#[derive(Debug, Clone, Serialize, Type)]
pub struct DuplicateCards {
    pub reasons: Vec<String>,
    pub customers: Vec<CustomerRow>,
}

/// The likely duplicates as the app shows them: how many groups and cards there are, and
/// the rows of the first groups only. At 100,000 demo customers 85,000 cards sit in 3,700
/// groups: every row of every group was a 67 MB answer, asked for at each launch only to
/// count the groups on a badge.
#[derive(Debug, Clone, Serialize, Type)]
pub struct DuplicateList {
    pub group_count: u32,
    pub customer_count: u32,
    /// The first `limit` groups, largest first (`duplicates::find`'s order).
    pub groups: Vec<DuplicateCards>,
}

#[tauri::command]
#[specta::specta]
pub async fn list_duplicates(state: State<'_, AppState>, limit: u32) -> Result<DuplicateList> {
    state
        .read(|c| {
            let clock = Clock::system();
            let all = book::duplicates::find(c)?;
            let customer_count = all.iter().map(|g| g.customer_ids.len() as u32).sum();
            let group_count = all.len() as u32;
            let groups = all
                .into_iter()
                .take(limit as usize)
                .map(
                    |DuplicateGroup {
                         customer_ids,
                         reasons,
                     }| {
                        let customers = customer_ids
                            .iter()
                            .map(|id| clientele::customers::get(c, *id, &clock))
                            .collect::<Result<_>>()?;
                        Ok(DuplicateCards { reasons, customers })
                    },
                )
                .collect::<Result<_>>()?;
            Ok(DuplicateList {
                group_count,
                customer_count,
                groups,
            })
        })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn merge_customers(
    state: State<'_, AppState>,
    keep_id: i64,
    other_id: i64,
) -> Result<CustomerRow> {
    write(&state, move |c, clock| {
        book::merge::merge(c, keep_id, other_id, clock)
    })
    .await
}

/// Undoes the latest merge into `customer_id`; returns the card that comes back.
#[tauri::command]
#[specta::specta]
pub async fn unmerge_customer(state: State<'_, AppState>, customer_id: i64) -> Result<CustomerRow> {
    write(&state, move |c, clock| {
        book::merge::unmerge(c, customer_id, clock)
    })
    .await
}
