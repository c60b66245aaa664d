//! Sign-in (email + password → JWT pair, provider role required, account checked) and
//! sign-out. `log_in` writes nothing, so a refused account leaves no trace; `finish` keeps
//! the refresh token and records the account.

use super::account::{self, Account};
use super::http::{detail, Api};
use super::state;
use super::token_store::{self, NoTokenStore, TokenStore};
use super::{RetryPolicy, SyncStatus};
use crate::error::{Error, Result};
use reqwest::{Method, StatusCode};
use rusqlite::Connection;
use serde_json::{json, Value};
use std::sync::Mutex;
use tokio_util::sync::CancellationToken;

/// A successful login not yet kept anywhere.
pub(crate) struct LoggedIn {
    pub account: Account,
    pub refresh: String,
}

/// Signs in, refuses non-provider accounts, keeps the refresh token in `store` and the
/// account's base URL, email and user id in `sync_state`. Prefer [`super::Syncer`], which
/// also picks the store for the account and holds the sync lock.
pub async fn sign_in(
    db: &Mutex<Connection>,
    store: &dyn TokenStore,
    base_url: &str,
    email: &str,
    password: &str,
) -> Result<SyncStatus> {
    let li = log_in(db, base_url, email, password).await?;
    finish(db, store, &li, email)
}

pub(crate) fn normalise_url(base_url: &str) -> Result<&str> {
    let base_url = base_url.trim().trim_end_matches('/');
    if !(base_url.starts_with("http://") || base_url.starts_with("https://")) {
        return Err(Error::invalid(format!(
            "the marketplace URL {base_url:?} must start with https:// (or http://)"
        )));
    }
    Ok(base_url)
}

/// Logs in and learns the account; refuses it if the database belongs to another one.
pub(crate) async fn log_in(
    db: &Mutex<Connection>,
    base_url: &str,
    email: &str,
    password: &str,
) -> Result<LoggedIn> {
    let base_url = normalise_url(base_url)?;
    let cancel = CancellationToken::new();
    // Someone is waiting at the sign-in form: one quick retry, not the sync's patience.
    let policy = RetryPolicy {
        max_retries: 1,
        ..RetryPolicy::default()
    };
    let api = Api::new(base_url, policy, &NoTokenStore, &cancel)?;
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
    let account = signed_in(&api, base_url, email).await?;
    {
        let conn = db.lock().unwrap_or_else(|p| p.into_inner());
        account::check_sign_in(&conn, &account)?;
    }
    Ok(LoggedIn { account, refresh })
}

/// The signed-in user, from `users/me`; refuses anyone but a provider.
pub(crate) async fn signed_in(api: &Api<'_>, base_url: &str, who: &str) -> Result<Account> {
    let me = api
        .get(&api.url("/api/auth/users/me/", &[])?)
        .await?
        .ok_or_else(|| Error::Malformed("the marketplace has no /api/auth/users/me/".into()))?;
    let role = me.get("role").and_then(Value::as_str).unwrap_or("unknown");
    if role != "provider" {
        return Err(Error::Forbidden(format!(
            "{who} is a {role} account; Clientele syncs service-provider accounts only. Sign in with your provider account"
        )));
    }
    let user_id = me
        .get("id")
        .and_then(Value::as_i64)
        .ok_or_else(|| Error::Malformed("the signed-in user has no id".into()))?;
    Ok(Account::new(base_url, user_id))
}

/// Keeps the token, then records the account (one transaction) and returns the status.
pub(crate) fn finish(
    db: &Mutex<Connection>,
    store: &dyn TokenStore,
    li: &LoggedIn,
    email: &str,
) -> Result<SyncStatus> {
    store.save(&li.refresh)?;
    let mut conn = db.lock().unwrap_or_else(|p| p.into_inner());
    let tx = crate::db::write_tx(&mut conn)?;
    account::record(&tx, &li.account, email)?;
    state::remove(&tx, &[state::LAST_ERROR])?;
    tx.commit()?;
    state::status(&conn, token_store::has_token(store))
}

/// Forgets the refresh token (local data, the account binding and pending pushes stay).
pub fn sign_out(db: &Mutex<Connection>, store: &dyn TokenStore) -> Result<SyncStatus> {
    store.delete()?;
    let conn = db.lock().unwrap_or_else(|p| p.into_inner());
    state::status(&conn, token_store::has_token(store))
}
