//! Adding own customers (docs/rules.md §7): one at a time (`add-customer`) or 50,000 from a
//! client list (`import`), through the same writes.

use super::{next_own_id, NewCustomer, Profile};
use crate::error::{Error, Result};
use crate::relations::MAX_NOTES_CHARS;
use crate::staging::{clear, stage};
use rusqlite::Transaction;

/// Adds own customers inside the caller's transaction: each is checked and given its id
/// at [`Adder::add`]; [`Adder::finish`] writes them all with one statement per table (a
/// statement per row paid a statement journal, and the summary's and tags' change-feed
/// triggers, per row: over half of a 100,000-row import).
pub(crate) struct Adder {
    next_id: i64,
    pending: Vec<Pending>,
}

struct Pending {
    id: i64,
    profile: Profile,
    notes: String,
    tags: Vec<String>,
    search: String,
}

impl Adder {
    pub(crate) fn new(tx: &Transaction<'_>) -> Result<Adder> {
        Ok(Adder {
            next_id: next_own_id(tx)?,
            pending: Vec::new(),
        })
    }

    /// Checks one customer and gives it its id; a refused customer takes no id.
    pub(crate) fn add(&mut self, c: &NewCustomer) -> Result<i64> {
        let profile = c.profile();
        profile.validate()?;
        let notes = c.notes.clone().unwrap_or_default();
        if notes.chars().count() > MAX_NOTES_CHARS {
            return Err(Error::invalid(format!(
                "notes: longer than {MAX_NOTES_CHARS} characters"
            )));
        }
        let tags = crate::tags::normalise(&c.tags)?;
        let id = self.next_id;
        self.next_id -= 1;
        let search = profile.search_text();
        self.pending.push(Pending {
            id,
            profile,
            notes,
            tags,
            search,
        });
        Ok(id)
    }

    /// Writes the customers added: their rows, relations, tags, summaries (and the status
    /// counts), and one timeline entry each, `how` with `detail` (docs/rules.md §7).
    pub(crate) fn finish(
        self,
        tx: &Transaction<'_>,
        now: &str,
        (how, detail): (&str, &str),
    ) -> Result<()> {
        if self.pending.is_empty() {
            return Ok(());
        }
        // In id order, so each table's new rows go in one after another.
        stage(
            tx,
            "new_cards",
            "id INTEGER PRIMARY KEY, first_name, last_name, email, phone, city, search_text,
             notes, sort_name",
            self.pending.iter().rev().map(|c| {
                let p = &c.profile;
                let sort_name = crate::metrics::sort_name((&p.first_name, &p.last_name));
                (
                    c.id,
                    &p.first_name,
                    &p.last_name,
                    &p.email,
                    &p.phone,
                    &p.city,
                    &c.search,
                    &c.notes,
                    sort_name,
                )
            }),
        )?;
        tx.prepare_cached(
            "INSERT INTO customers (id, first_name, last_name, email, phone, city, date_joined, search_text)
             SELECT id, first_name, last_name, email, phone, city, ?1, search_text FROM temp.new_cards",
        )?
        .execute([now])?;
        tx.prepare_cached(
            "INSERT INTO relations (customer_id, notes, updated_at)
             SELECT id, notes, ?1 FROM temp.new_cards",
        )?
        .execute([now])?;
        let tags = self.pending.iter().rev().flat_map(|c| {
            c.tags
                .iter()
                .enumerate()
                .map(|(i, t)| (c.id, i, t.as_str()))
        });
        crate::tags::insert_many(tx, tags)?;
        let status =
            crate::metrics::put_new_cards(tx, "new_cards", crate::settings::thresholds(tx)?)?;
        crate::metrics::add_to_counts(tx, status, self.pending.len() as i64)?;
        crate::relations::record_edits(tx, "new_cards", now, how, detail)?;
        clear(tx, "new_cards")
    }
}
