//! Sign-in (email + password → JWT pair, provider role required) and sign-out.

use super::http::{detail, Api};
use super::state;
use super::token_store::TokenStore;
use super::{RetryPolicy, SyncStatus};
use crate::error::{Error, Result};
use reqwest::{Method, StatusCode};
use rusqlite::Connection;
use serde_json::{json, Value};
use std::sync::Mutex;
use tokio_util::sync::CancellationToken;

/// Signs in, refuses non-provider accounts, keeps the refresh token in `store` and the
/// account's base URL, email and user id in `sync_state`.
pub async fn sign_in(
    db: &Mutex<Connection>,
    store: &dyn TokenStore,
    base_url: &str,
    email: &str,
    password: &str,
) -> Result<SyncStatus> {
    let base_url = base_url.trim().trim_end_matches('/');
    if !(base_url.starts_with("http://") || base_url.starts_with("https://")) {
        return Err(Error::invalid(format!(
            "the marketplace URL {base_url:?} must start with https:// (or http://)"
        )));
    }
    let cancel = CancellationToken::new();
    // Someone is waiting at the sign-in form: one quick retry, not the sync's patience.
    let policy = RetryPolicy {
        max_retries: 1,
        ..RetryPolicy::default()
    };
    let api = Api::new(base_url, policy, store, &cancel)?;
    let login = api.url("/api/auth/login/", &[])?;
    let r = api
        .call_anonymous(
            Method::POST,
            &login,
            &json!({ "email": email, "password": password }),
        )
        .await?;
    match r.status {
        s if s.is_success() => {}
        StatusCode::UNAUTHORIZED => {
            return Err(Error::Unauthorized(format!(
                "sign-in refused: {}",
                detail(&r.body)
            )))
        }
        s => {
            return Err(Error::invalid(format!(
                "sign-in refused (HTTP {s}): {}",
                detail(&r.body)
            )))
        }
    }
    let token = |k: &str| {
        r.body
            .get(k)
            .and_then(Value::as_str)
            .map(str::to_string)
            .ok_or_else(|| Error::Malformed(format!("the sign-in answer has no {k} token")))
    };
    let (access, refresh) = (token("access")?, token("refresh")?);
    api.set_access(access);
    let me = api
        .get(&api.url("/api/auth/users/me/", &[])?)
        .await?
        .ok_or_else(|| Error::Malformed("the marketplace has no /api/auth/users/me/".into()))?;
    let role = me.get("role").and_then(Value::as_str).unwrap_or("unknown");
    if role != "provider" {
        return Err(Error::Unauthorized(format!(
            "{email} is a {role} account; Clientele syncs service-provider accounts only. Sign in with your provider account"
        )));
    }
    let user_id = me
        .get("id")
        .and_then(Value::as_i64)
        .ok_or_else(|| Error::Malformed("the signed-in user has no id".into()))?;
    {
        let conn = db.lock().unwrap_or_else(|p| p.into_inner());
        refuse_other_account(&conn, base_url, user_id)?;
    }
    store.save(&refresh)?;
    let conn = db.lock().unwrap_or_else(|p| p.into_inner());
    state::set(&conn, state::BASE_URL, base_url)?;
    state::set(&conn, state::EMAIL, email)?;
    state::set(&conn, state::USER_ID, &user_id.to_string())?;
    state::remove(&conn, &[state::LAST_ERROR])?;
    state::status(&conn, store)
}

/// One database holds one provider's customers: signing in as someone else would mix them.
fn refuse_other_account(conn: &Connection, base_url: &str, user_id: i64) -> Result<()> {
    let same = |k, v: &str| Ok::<_, Error>(state::get(conn, k)?.is_none_or(|old| old == v));
    let has_data: bool =
        conn.query_row("SELECT EXISTS (SELECT 1 FROM bookings)", [], |r| r.get(0))?;
    let was_synced = state::get(conn, state::LAST_SYNCED_AT)?.is_some();
    if was_synced
        && has_data
        && !(same(state::BASE_URL, base_url)? && same(state::USER_ID, &user_id.to_string())?)
    {
        return Err(Error::Conflict(
            "this database holds another marketplace account's customers; open a new database file for this account".into(),
        ));
    }
    Ok(())
}

/// Forgets the refresh token (local data and pending pushes stay).
pub fn sign_out(db: &Mutex<Connection>, store: &dyn TokenStore) -> Result<SyncStatus> {
    store.delete()?;
    let conn = db.lock().unwrap_or_else(|p| p.into_inner());
    state::status(&conn, store)
}
