//! Customer rows from platform payloads, with the search text the list scans.

use super::Applier;
use crate::error::Result;
use crate::platform::CustomerIn;
use crate::search::search_text;
use rusqlite::{params, Connection, OptionalExtension};

impl Applier<'_> {
    /// Writes a customer's details once per batch; marks them touched when they changed.
    pub(super) fn customer_details(&mut self, c: &CustomerIn) -> Result<()> {
        if !self.seen.insert(c.id) {
            return Ok(());
        }
        let text = search_text(
            &c.first_name,
            &c.last_name,
            &c.email,
            c.phone.as_deref(),
            c.city.as_deref(),
        );
        let exists = self
            .tx
            .prepare_cached("SELECT 1 FROM customers WHERE id = ?1")?
            .query_row([c.id], |_| Ok(()))
            .optional()?
            .is_some();
        // Plain INSERT or single-row UPDATE rather than an UPSERT: no statement journal.
        let sql = if exists {
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
        let text = search_text(&name, "", "", None, None);
        self.tx
            .prepare_cached(
                "INSERT INTO customers (id, first_name, last_name, email, search_text)
                 VALUES (?1, ?2, '', '', ?3) ON CONFLICT (id) DO NOTHING",
            )?
            .execute(params![id, name, text])?;
        Ok(())
    }
}

/// Rewrites every customer's search text when the stored form is older than the current
/// one (V7 added the city and the phone key). Runs once.
pub fn upgrade_search_text(conn: &mut Connection) -> Result<()> {
    const CURRENT: &str = "2";
    let version: Option<String> = conn
        .query_row(
            "SELECT value FROM settings WHERE key = 'search_text_version'",
            [],
            |r| r.get(0),
        )
        .optional()?;
    if version.as_deref() == Some(CURRENT) {
        return Ok(());
    }
    let tx = crate::db::write_tx(conn)?;
    {
        let mut read =
            tx.prepare("SELECT id, first_name, last_name, email, phone, city FROM customers")?;
        let mut write = tx.prepare("UPDATE customers SET search_text = ?2 WHERE id = ?1")?;
        let rows = read
            .query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    search_text(
                        &r.get::<_, String>(1)?,
                        &r.get::<_, String>(2)?,
                        &r.get::<_, String>(3)?,
                        r.get::<_, Option<String>>(4)?.as_deref(),
                        r.get::<_, Option<String>>(5)?.as_deref(),
                    ),
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        for (id, text) in rows {
            write.execute(params![id, text])?;
        }
    }
    tx.execute(
        "UPDATE customer_summary SET search_text =
            (SELECT c.search_text FROM customers c WHERE c.id = customer_summary.customer_id)",
        [],
    )?;
    tx.execute(
        "INSERT INTO settings (key, value) VALUES ('search_text_version', ?1)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [CURRENT],
    )?;
    tx.commit()?;
    Ok(())
}
