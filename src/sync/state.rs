//! Sync bookkeeping in `sync_state` (key/value): the account (base URL, email, user id —
//! never a token), cursors, last results. Writers take the caller's transaction so a
//! cursor moves only together with the page it stands for.

use super::SyncStatus;
use crate::error::{ErrorPayload, Result};
use rusqlite::{params, Connection, OptionalExtension};

pub const BASE_URL: &str = "account.base_url";
pub const EMAIL: &str = "account.email";
pub const USER_ID: &str = "account.user_id";
pub const LAST_SYNCED_AT: &str = "last_synced_at";
pub const LAST_FULL_SYNC_AT: &str = "last_full_sync_at";
pub const LAST_LIGHT_SYNC_AT: &str = "last_light_sync_at";
/// Written only by a sync that changed something, so a no-change sync writes nothing here.
pub const LAST_CHANGE_AT: &str = "last_change_at";
pub const LAST_CHANGE: &str = "last_change";
/// The platform's `Retry-After` beyond the cap, as an instant: no request before it.
pub const RATE_LIMITED_UNTIL: &str = "rate_limited_until";
pub const LAST_ERROR: &str = "last_error";
/// Set while a full reconciliation is under way (its start time); cleared when complete.
pub const FULL_STARTED_AT: &str = "full.started_at";
/// Next page of the running full pass, per kind, or `done`.
pub const FULL_BOOKINGS_PAGE: &str = "full.bookings.next_page";
pub const FULL_REVIEWS_PAGE: &str = "full.reviews.next_page";
/// The list's `count` on the pass's first page; a change means rows moved during the pass.
pub const FULL_BOOKINGS_COUNT: &str = "full.bookings.count";
pub const FULL_REVIEWS_COUNT: &str = "full.reviews.count";
pub const FULL_REVIEWS_UNSTABLE: &str = "full.reviews.unstable";
/// Where the last incremental page left off (`phase:page`), for diagnosis.
pub const INCREMENTAL_CURSOR: &str = "incremental.cursor";

pub fn get(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT value FROM sync_state WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?)
}

pub fn set(conn: &Connection, key: &str, value: &str) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO sync_state (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )?
    .execute(params![key, value])?;
    Ok(())
}

pub fn remove(conn: &Connection, keys: &[&str]) -> Result<()> {
    for k in keys {
        conn.execute("DELETE FROM sync_state WHERE key = ?1", [k])?;
    }
    Ok(())
}

pub fn pending_pushes(conn: &Connection) -> Result<i64> {
    crate::outbox::count(conn)
}

/// What the app shows about the account and the last sync; `has_token` says whether the
/// account's token store holds a refresh token (this module never sees one).
pub fn status(conn: &Connection, has_token: bool) -> Result<SyncStatus> {
    let base_url = get(conn, BASE_URL)?;
    let last_error =
        get(conn, LAST_ERROR)?.and_then(|s| serde_json::from_str::<ErrorPayload>(&s).ok());
    Ok(SyncStatus {
        signed_in: base_url.is_some() && has_token,
        base_url,
        email: get(conn, EMAIL)?,
        last_synced_at: get(conn, LAST_SYNCED_AT)?,
        last_light_sync_at: get(conn, LAST_LIGHT_SYNC_AT)?,
        last_full_sync_at: get(conn, LAST_FULL_SYNC_AT)?,
        last_change_at: get(conn, LAST_CHANGE_AT)?,
        last_change: get(conn, LAST_CHANGE)?,
        rate_limited_until: get(conn, RATE_LIMITED_UNTIL)?,
        pending_pushes: pending_pushes(conn)?,
        last_error,
    })
}

/// "try again after HH:MM" in local time (`TZ` honoured), with the date when not today.
pub(crate) fn try_again_after(until: chrono::DateTime<chrono::Utc>) -> String {
    let tz = crate::model::Clock::system().tz;
    let local = until.with_timezone(&tz);
    let today = chrono::Utc::now().with_timezone(&tz).date_naive();
    if local.date_naive() == today {
        format!("try again after {}", local.format("%H:%M"))
    } else {
        format!("try again after {}", local.format("%Y-%m-%d %H:%M"))
    }
}
