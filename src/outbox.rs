//! The push queue's one owner: the provider's edits waiting to reach the platform, in the
//! order made. `relations` enqueues inside its edit transaction; `sync::push` reads
//! `pending`, then `ack`s or `fail`s each row; `sync::relations_sync` asks `has_pending` so
//! the platform's copy never overwrites a waiting edit.

use crate::error::{Error, Result};
use rusqlite::{params, Connection, OptionalExtension};
use serde_json::Value;

/// A relation field the platform accepts in `update_customer_relation`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum OutboxField {
    Favorite,
    Blocked,
    Notes,
}

impl OutboxField {
    /// The platform's JSON key, which is also what the `outbox.field` column holds.
    pub fn as_str(self) -> &'static str {
        match self {
            OutboxField::Favorite => "is_favorite_customer",
            OutboxField::Blocked => "is_blocked",
            OutboxField::Notes => "notes",
        }
    }

    pub fn parse(s: &str) -> Result<OutboxField> {
        match s {
            "is_favorite_customer" => Ok(OutboxField::Favorite),
            "is_blocked" => Ok(OutboxField::Blocked),
            "notes" => Ok(OutboxField::Notes),
            other => Err(Error::invalid(format!("unknown outbox field {other:?}"))),
        }
    }
}

/// One queued edit.
#[derive(Debug, Clone, PartialEq)]
pub struct OutboxItem {
    pub id: i64,
    pub customer_id: i64,
    pub field: OutboxField,
    pub value: Value,
    pub attempts: i64,
    pub last_error: Option<String>,
}

/// Queues `field = value` for a customer, inside the caller's transaction (the edit and its
/// push commit together). A value equal to the customer's last queued value for that field
/// is not queued twice: the waiting row will carry it. Returns the row id.
pub fn enqueue(
    conn: &Connection,
    customer_id: i64,
    field: OutboxField,
    value: &Value,
    now: &str,
) -> Result<i64> {
    let text = value.to_string();
    let last: Option<(i64, String)> = conn
        .prepare_cached(
            "SELECT id, value FROM outbox WHERE customer_id = ?1 AND field = ?2
              ORDER BY id DESC LIMIT 1",
        )?
        .query_row(params![customer_id, field.as_str()], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?;
    if let Some((id, v)) = last {
        if v == text {
            return Ok(id);
        }
    }
    conn.prepare_cached(
        "INSERT INTO outbox (customer_id, field, value, created_at) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![customer_id, field.as_str(), text, now])?;
    Ok(conn.last_insert_rowid())
}

/// Every queued edit, oldest first.
pub fn pending(conn: &Connection) -> Result<Vec<OutboxItem>> {
    let mut st = conn.prepare(
        "SELECT id, customer_id, field, value, attempts, last_error FROM outbox ORDER BY id",
    )?;
    let rows = st
        .query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, i64>(4)?,
                r.get::<_, Option<String>>(5)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    rows.into_iter()
        .map(|(id, customer_id, field, value, attempts, last_error)| {
            Ok(OutboxItem {
                id,
                customer_id,
                field: OutboxField::parse(&field)?,
                value: serde_json::from_str(&value)
                    .map_err(|e| Error::invalid(format!("outbox row {id}: bad value: {e}")))?,
                attempts,
                last_error,
            })
        })
        .collect()
}

/// The platform accepted the edit: it leaves the queue.
pub fn ack(conn: &Connection, id: i64) -> Result<()> {
    conn.execute("DELETE FROM outbox WHERE id = ?1", [id])?;
    Ok(())
}

/// The push failed: the row stays, with one more attempt and the reason.
pub fn fail(conn: &Connection, id: i64, error: &str) -> Result<()> {
    conn.execute(
        "UPDATE outbox SET attempts = attempts + 1, last_error = ?2 WHERE id = ?1",
        params![id, error],
    )?;
    Ok(())
}

pub fn count(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT count(*) FROM outbox", [], |r| r.get(0))?)
}

/// Whether an edit of this customer's field is still waiting to be pushed.
pub fn has_pending(conn: &Connection, customer_id: i64, field: OutboxField) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM outbox WHERE customer_id = ?1 AND field = ?2 LIMIT 1")?
        .exists(params![customer_id, field.as_str()])?)
}
