//! Customer rows from platform payloads, and the search index kept in step with them.

use super::Applier;
use crate::error::Result;
use crate::platform::CustomerIn;
use crate::search::search_text;
use rusqlite::{params, Connection, OptionalExtension, Transaction};

/// (customer id, text currently indexed if any, new text).
pub(super) type SearchChanges = Vec<(i64, Option<String>, String)>;

impl Applier<'_> {
    /// Writes a customer's details once per batch; marks them touched when they changed.
    pub(super) fn customer_details(&mut self, c: &CustomerIn) -> Result<()> {
        if !self.seen.insert(c.id) {
            return Ok(());
        }
        let text = search_text(&c.first_name, &c.last_name, &c.email, c.phone.as_deref());
        let old: Option<String> = self
            .tx
            .prepare_cached("SELECT search_text FROM customers WHERE id = ?1")?
            .query_row([c.id], |r| r.get(0))
            .optional()?;
        // Plain INSERT or single-row UPDATE rather than an UPSERT: no statement journal.
        let sql = if old.is_some() {
            "UPDATE customers SET first_name = ?2, last_name = ?3, email = ?4, phone = ?5,
                    city = ?6, avatar_url = ?7, date_joined = ?8, search_text = ?9
              WHERE id = ?1
                AND (first_name, last_name, email, phone, city, avatar_url, date_joined)
                    IS NOT (?2, ?3, ?4, ?5, ?6, ?7, ?8)"
        } else {
            "INSERT INTO customers (id, first_name, last_name, email, phone, city, avatar_url,
                                    date_joined, search_text)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
        };
        let changed = self.tx.prepare_cached(sql)?.execute(params![
            c.id,
            c.first_name,
            c.last_name,
            c.email,
            c.phone,
            c.city,
            c.avatar_url,
            c.date_joined,
            text
        ])? > 0;
        if changed {
            // The name feeds the summary's sort key.
            self.touched.insert(c.id);
        }
        if old.as_deref() != Some(text.as_str()) {
            self.search.push((c.id, old, text));
        }
        Ok(())
    }

    /// Makes sure a customer row exists for a record that carries only the id (and maybe a
    /// display name); full details arrive with their bookings.
    pub(super) fn ensure_customer(&mut self, id: i64, display_name: &str) -> Result<()> {
        if self.seen.contains(&id) {
            return Ok(());
        }
        let name = match display_name.trim() {
            "" => format!("Customer #{id}"),
            name => name.to_string(),
        };
        let text = search_text(&name, "", "", None);
        let inserted = self
            .tx
            .prepare_cached(
                "INSERT INTO customers (id, first_name, last_name, email, search_text)
                 VALUES (?1, ?2, '', '', ?3) ON CONFLICT (id) DO NOTHING",
            )?
            .execute(params![id, name, text])?;
        if inserted > 0 {
            self.search.push((id, None, text));
        }
        Ok(())
    }
}

/// Brings the external-content FTS index in step with `customers` for the changed rows
/// (sqlite.org/fts5.html, external content: delete the old text, insert the new).
pub(super) fn write_search_index(tx: &Transaction<'_>, changes: &SearchChanges) -> Result<()> {
    let mut delete = tx.prepare_cached(
        "INSERT INTO customer_fts (customer_fts, rowid, search_text) VALUES ('delete', ?1, ?2)",
    )?;
    let mut insert =
        tx.prepare_cached("INSERT INTO customer_fts (rowid, search_text) VALUES (?1, ?2)")?;
    for (id, old, new) in changes {
        if let Some(old) = old {
            delete.execute(params![id, old])?;
        }
        insert.execute(params![id, new])?;
    }
    Ok(())
}

/// Rebuilds the search index from `customers` (repair).
pub fn rebuild_search_index(conn: &Connection) -> Result<()> {
    conn.execute(
        "INSERT INTO customer_fts (customer_fts) VALUES ('rebuild')",
        [],
    )?;
    Ok(())
}
