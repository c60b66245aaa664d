//! Whose database this is. A database belongs to one marketplace account (base URL + the
//! user's id), recorded at the first sign-in; a sign-in or sync as anyone else is refused
//! before anything is written, because another provider's customers in this book is the
//! worst thing the product can do (docs/rules.md §4).

use super::state;
use crate::error::{Error, Result};
use rusqlite::Connection;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Account {
    /// Without a trailing slash.
    pub base_url: String,
    pub user_id: i64,
}

impl Account {
    pub fn new(base_url: &str, user_id: i64) -> Account {
        Account {
            base_url: base_url.trim().trim_end_matches('/').to_string(),
            user_id,
        }
    }

    /// Stable text naming the account, e.g. for a token store key.
    pub fn key(&self) -> String {
        format!("{}#{}", self.base_url, self.user_id)
    }

    /// The account this database belongs to, if one was recorded.
    pub fn recorded(conn: &Connection) -> Result<Option<Account>> {
        let url = state::get(conn, state::BASE_URL)?;
        let id = state::get(conn, state::USER_ID)?.and_then(|s| s.parse().ok());
        Ok(match (url, id) {
            (Some(url), Some(id)) => Some(Account::new(&url, id)),
            _ => None,
        })
    }

    fn describe(&self) -> String {
        format!("user #{} at {}", self.user_id, self.base_url)
    }
}

/// A sync may only run as the account the database belongs to.
pub fn check_sync(conn: &Connection, signed_in: &Account) -> Result<()> {
    match Account::recorded(conn)? {
        Some(own) if own != *signed_in => Err(Error::Conflict(format!(
            "this database belongs to marketplace {}, but the stored sign-in is {}; nothing was synced. Sign in again as this database's account, or open that account's own database",
            own.describe(),
            signed_in.describe()
        ))),
        _ => Ok(()),
    }
}

/// A sign-in may re-bind a database only while it holds nothing from its account.
pub fn check_sign_in(conn: &Connection, signing_in: &Account) -> Result<()> {
    let Some(own) = Account::recorded(conn)? else {
        return Ok(());
    };
    if own == *signing_in || !holds_account_data(conn)? {
        return Ok(());
    }
    Err(Error::Conflict(format!(
        "this database holds the customers of marketplace {}; signing in as {} would mix two books. Open a new database file for this account",
        own.describe(),
        signing_in.describe()
    )))
}

fn holds_account_data(conn: &Connection) -> Result<bool> {
    let any: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM bookings WHERE id > 0) OR EXISTS (SELECT 1 FROM reviews)
             OR EXISTS (SELECT 1 FROM outbox)
             OR EXISTS (SELECT 1 FROM relations WHERE platform_relation_id IS NOT NULL)",
        [],
        |r| r.get(0),
    )?;
    Ok(any || state::get(conn, state::LAST_SYNCED_AT)?.is_some())
}

/// Records the account (and the e-mail used, for display) in the caller's transaction.
pub fn record(conn: &Connection, account: &Account, email: &str) -> Result<()> {
    state::set(conn, state::BASE_URL, &account.base_url)?;
    state::set(conn, state::USER_ID, &account.user_id.to_string())?;
    state::set(conn, state::EMAIL, email)
}
