//! The provider's own book (docs/rules.md §7, §9): own customers (negative ids), their
//! profiles, archive, tags; own visits (`visits`), likely duplicates (`duplicates`), merge
//! and unmerge (`merge`), the client-list import (`import`). Every change is one
//! transaction, recorded in the timeline as the provider's edit.

pub mod duplicates;
pub mod import;
pub mod merge;
pub mod visits;

mod adder;
pub(crate) use adder::Adder;

use crate::changes::{Changes, Scope};
use crate::customers::CustomerRow;
use crate::error::{Error, Result};
use crate::model::{fmt_ts, Clock};
use crate::relations::record_edit;
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use specta::Type;

pub const MAX_NAME_CHARS: usize = 100;

/// A customer added by hand (`add-customer`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Type)]
pub struct NewCustomer {
    pub first_name: String,
    #[serde(default)]
    #[specta(optional)]
    pub last_name: Option<String>,
    #[serde(default)]
    #[specta(optional)]
    pub email: Option<String>,
    #[serde(default)]
    #[specta(optional)]
    pub phone: Option<String>,
    #[serde(default)]
    #[specta(optional)]
    pub city: Option<String>,
    #[serde(default)]
    #[specta(optional)]
    pub notes: Option<String>,
    #[serde(default)]
    #[specta(optional)]
    pub tags: Vec<String>,
}

/// An edit of an own customer's profile: a field left out is unchanged; an empty optional
/// field is cleared.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Type)]
pub struct ProfileEdit {
    #[specta(optional)]
    pub first_name: Option<String>,
    #[specta(optional)]
    pub last_name: Option<String>,
    #[specta(optional)]
    pub email: Option<String>,
    #[specta(optional)]
    pub phone: Option<String>,
    #[specta(optional)]
    pub city: Option<String>,
}

/// A profile as stored: trimmed, optional fields `None` when empty.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Profile {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: Option<String>,
    pub city: Option<String>,
}

fn opt(s: Option<&str>) -> Option<String> {
    s.map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// Checks an email the way §7 says: an `@` with a dot after it.
pub fn valid_email(email: &str) -> bool {
    email
        .split_once('@')
        .is_some_and(|(user, host)| !user.is_empty() && host.contains('.') && !host.ends_with('.'))
}

/// The phone's digit count once spaces, dashes, dots, brackets and a leading `+` are gone;
/// `None` when anything else is left.
pub fn phone_digit_count(phone: &str) -> Option<usize> {
    let rest = phone.trim().strip_prefix('+').unwrap_or(phone.trim());
    rest.chars()
        .filter(|c| !matches!(c, ' ' | '-' | '.' | '(' | ')'))
        .try_fold(0, |n, c| c.is_ascii_digit().then_some(n + 1))
}

impl Profile {
    /// Refuses an invalid profile with the field named (docs/rules.md §7).
    pub fn validate(&self) -> Result<()> {
        let n = self.first_name.chars().count();
        if n == 0 || n > MAX_NAME_CHARS {
            return Err(Error::invalid(format!(
                "first_name: must be 1 to {MAX_NAME_CHARS} characters (got {n})"
            )));
        }
        if self.last_name.chars().count() > MAX_NAME_CHARS {
            return Err(Error::invalid(format!(
                "last_name: at most {MAX_NAME_CHARS} characters"
            )));
        }
        if !self.email.is_empty() && !valid_email(&self.email) {
            return Err(Error::invalid(format!(
                "email: {:?} is not an email address (it needs an @ and a dot after it)",
                self.email
            )));
        }
        if let Some(p) = &self.phone {
            if !phone_digit_count(p).is_some_and(|n| (7..=15).contains(&n)) {
                return Err(Error::invalid(format!(
                    "phone: {p:?} must be 7 to 15 digits (spaces, dashes, dots, brackets and a leading + allowed)"
                )));
            }
        }
        if self
            .city
            .as_ref()
            .is_some_and(|c| c.chars().count() > MAX_NAME_CHARS)
        {
            return Err(Error::invalid(format!(
                "city: at most {MAX_NAME_CHARS} characters"
            )));
        }
        Ok(())
    }

    fn search_text(&self) -> String {
        crate::search::search_text(
            &self.first_name,
            &self.last_name,
            &self.email,
            self.phone.as_deref(),
            self.city.as_deref(),
        )
    }
}

impl NewCustomer {
    pub(crate) fn profile(&self) -> Profile {
        Profile {
            first_name: self.first_name.trim().to_string(),
            last_name: opt(self.last_name.as_deref()).unwrap_or_default(),
            email: opt(self.email.as_deref()).unwrap_or_default(),
            phone: opt(self.phone.as_deref()),
            city: opt(self.city.as_deref()),
        }
    }
}

/// Refuses an unknown id, and a card merged into another (naming the card it is in now).
pub fn require_card(conn: &Connection, customer_id: i64) -> Result<()> {
    let card: Option<Option<i64>> = conn
        .prepare_cached("SELECT card_id FROM customers WHERE id = ?1")?
        .query_row([customer_id], |r| r.get(0))
        .optional()?;
    match card {
        None => Err(Error::not_found(format!("no customer with id {customer_id}"))),
        Some(Some(card)) => Err(Error::invalid(format!(
            "customer {customer_id} was merged into customer {card}; use {card}, or unmerge it first"
        ))),
        Some(None) => Ok(()),
    }
}

/// The next own id: below every id in use, so it can never be a platform id.
fn next_own_id(tx: &Transaction<'_>) -> Result<i64> {
    let min: Option<i64> = tx
        .prepare_cached("SELECT min(id) FROM customers")?
        .query_row([], |r| r.get(0))?;
    Ok(min.unwrap_or(0).min(0) - 1)
}

/// Rewrites an existing profile's row.
fn write_profile(tx: &Transaction<'_>, id: i64, p: &Profile) -> Result<()> {
    let text = p.search_text();
    tx.prepare_cached(
        "UPDATE customers SET first_name = ?2, last_name = ?3, email = ?4, phone = ?5,
            city = ?6, search_text = ?7 WHERE id = ?1",
    )?
    .execute(params![
        id,
        p.first_name,
        p.last_name,
        p.email,
        p.phone,
        p.city,
        text
    ])?;
    Ok(())
}

/// Adds an own customer (`add-customer`).
pub fn add_customer(conn: &mut Connection, c: &NewCustomer, clock: &Clock) -> Result<CustomerRow> {
    let tx = crate::db::write_tx(conn)?;
    let mut adder = Adder::new(&tx)?;
    let id = adder.add(c)?;
    adder.finish(&tx, &fmt_ts(clock.now), ("added", ""))?;
    tx.commit()?;
    crate::customers::get(conn, id, clock)
}

/// The stored profile of a customer row.
pub(crate) fn profile_of(conn: &Connection, id: i64) -> Result<Profile> {
    conn.prepare_cached(
        "SELECT first_name, last_name, email, phone, city FROM customers WHERE id = ?1",
    )?
    .query_row([id], |r| {
        Ok(Profile {
            first_name: r.get(0)?,
            last_name: r.get(1)?,
            email: r.get(2)?,
            phone: r.get(3)?,
            city: r.get(4)?,
        })
    })
    .optional()?
    .ok_or_else(|| Error::not_found(format!("no customer with id {id}")))
}

/// Rewrites an own card's profile inside the caller's transaction (validated first).
pub(crate) fn store_profile(tx: &Transaction<'_>, id: i64, p: &Profile) -> Result<()> {
    p.validate()?;
    write_profile(tx, id, p)?;
    let t = crate::settings::thresholds(tx)?;
    crate::metrics::refresh(tx, [id], t)
}

/// Edits an own customer's profile; a platform profile is read-only (docs/rules.md §7).
pub fn edit_customer(
    conn: &mut Connection,
    id: i64,
    e: &ProfileEdit,
    clock: &Clock,
) -> Result<CustomerRow> {
    let tx = crate::db::write_tx(conn)?;
    require_card(&tx, id)?;
    if id > 0 {
        return Err(Error::invalid(format!(
            "customer {id} comes from the marketplace: its profile is read-only (notes, tags and flags are yours to edit)"
        )));
    }
    let old = profile_of(&tx, id)?;
    let new = Profile {
        first_name: e
            .first_name
            .as_deref()
            .map(str::trim)
            .map(str::to_string)
            .unwrap_or(old.first_name.clone()),
        last_name: e
            .last_name
            .as_deref()
            .map(|s| s.trim().to_string())
            .unwrap_or(old.last_name.clone()),
        email: e
            .email
            .as_deref()
            .map(|s| s.trim().to_string())
            .unwrap_or(old.email.clone()),
        phone: e
            .phone
            .as_deref()
            .map_or(old.phone.clone(), |s| opt(Some(s))),
        city: e.city.as_deref().map_or(old.city.clone(), |s| opt(Some(s))),
    };
    if new != old {
        store_profile(&tx, id, &new)?;
        record_edit(&tx, id, &fmt_ts(clock.now), "profile", "")?;
    } else {
        new.validate()?;
    }
    tx.commit()?;
    crate::customers::get(conn, id, clock)
}

/// Archives or restores a card: hidden from the list, stats, charts, segments and default
/// export, its data kept whole (docs/rules.md §7).
pub fn set_archived(
    conn: &mut Connection,
    id: i64,
    archived: bool,
    clock: &Clock,
) -> Result<CustomerRow> {
    let tx = crate::db::write_tx(conn)?;
    require_card(&tx, id)?;
    let changed = tx.execute(
        "UPDATE customers SET archived = ?2 WHERE id = ?1 AND archived <> ?2",
        params![id, archived],
    )? > 0;
    if changed {
        let t = crate::settings::thresholds(&tx)?;
        crate::metrics::refresh(&tx, [id], t)?;
        let label = if archived { "archived" } else { "unarchived" };
        record_edit(&tx, id, &fmt_ts(clock.now), label, "")?;
    }
    tx.commit()?;
    crate::customers::get(conn, id, clock)
}

/// Adds and removes tags (`tag ID --add T --remove T`).
pub fn tag(
    conn: &mut Connection,
    id: i64,
    add: &[String],
    remove: &[String],
    clock: &Clock,
) -> Result<CustomerRow> {
    let current = {
        require_card(conn, id)?;
        crate::tags::of(conn, id)?
    };
    let tags = crate::tags::edited(&current, add, remove)?;
    crate::relations::edit(
        conn,
        id,
        &[crate::relations::RelationEdit::Tags { value: tags }],
        clock,
    )
}

/// What a change of the book touches in the UI: rows, counts, stats, charts, timeline.
pub fn changes() -> Changes {
    Changes::of(&[
        Scope::Customers,
        Scope::Stats,
        Scope::Charts,
        Scope::Activity,
    ])
}
