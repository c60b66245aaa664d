//! Adding own customers (docs/rules.md §7): one at a time (`add-customer`) or 50,000 from a
//! client list (`import`), through the same writes.

use super::{next_own_id, NewCustomer};
use crate::error::{Error, Result};
use crate::relations::{record_edit, MAX_NOTES_CHARS};
use rusqlite::{params, Transaction};

/// Adds own customers inside the caller's transaction: what is the same for every new card
/// (the next free id, the thresholds) is read once, and the per-status counts are moved
/// once at [`Adder::finish`], so an import of 50,000 adds writes only the new rows.
pub(crate) struct Adder {
    next_id: i64,
    thresholds: crate::model::Thresholds,
    added: std::collections::HashMap<crate::model::CustomerStatus, i64>,
}

impl Adder {
    pub(crate) fn new(tx: &Transaction<'_>) -> Result<Adder> {
        Ok(Adder {
            next_id: next_own_id(tx)?,
            thresholds: crate::settings::thresholds(tx)?,
            added: Default::default(),
        })
    }

    /// Adds one customer; returns its id. A refused customer writes nothing.
    pub(crate) fn add(
        &mut self,
        tx: &Transaction<'_>,
        c: &NewCustomer,
        now: &str,
        (how, detail): (&str, &str),
    ) -> Result<i64> {
        let p = c.profile();
        p.validate()?;
        let notes = c.notes.clone().unwrap_or_default();
        if notes.chars().count() > MAX_NOTES_CHARS {
            return Err(Error::invalid(format!(
                "notes: longer than {MAX_NOTES_CHARS} characters"
            )));
        }
        let tags = crate::tags::normalise(&c.tags)?;
        let id = self.next_id;
        let text = p.search_text();
        tx.prepare_cached(
            "INSERT INTO customers (id, first_name, last_name, email, phone, city, date_joined, search_text)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?
        .execute(params![id, p.first_name, p.last_name, p.email, p.phone, p.city, now, text])?;
        tx.prepare_cached(
            "INSERT INTO relations (customer_id, notes, updated_at) VALUES (?1, ?2, ?3)",
        )?
        .execute(params![id, notes, now])?;
        crate::tags::insert(tx, id, &tags)?;
        let status = crate::metrics::put_new_card(
            tx,
            id,
            (&p.first_name, &p.last_name),
            &text,
            self.thresholds,
        )?;
        *self.added.entry(status).or_default() += 1;
        record_edit(tx, id, now, how, detail)?;
        self.next_id -= 1;
        Ok(id)
    }

    /// Moves the per-status counts by the cards added.
    pub(crate) fn finish(self, tx: &Transaction<'_>) -> Result<()> {
        for (status, n) in self.added {
            crate::metrics::add_to_counts(tx, status, n)?;
        }
        Ok(())
    }
}
