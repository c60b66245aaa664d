//! The provider's own edits: favourite, block (with reason), notes, tags. Each is validated,
//! saved with `updated_at`, recorded in the activity timeline and queued for push, in one
//! transaction. Every explicit edit of a platform field is queued, even one that changes
//! nothing locally: the platform's copy may differ (docs/rules.md §4).

use crate::changes::{Changes, Scope};
use crate::customers::CustomerRow;
use crate::error::{Error, Result};
use crate::model::{fmt_ts, Clock};
use crate::outbox::{self, OutboxField};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use specta::Type;

pub const MAX_NOTES_CHARS: usize = 10_000;
pub const MAX_REASON_CHARS: usize = 500;
pub const MAX_TAGS: usize = 20;
pub const MAX_TAG_CHARS: usize = 40;

/// One edit of a customer's relation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(tag = "field", rename_all = "snake_case")]
pub enum RelationEdit {
    Favorite { value: bool },
    Blocked { value: bool, reason: Option<String> },
    Notes { value: String },
    Tags { value: Vec<String> },
}

/// Applies edits together (all or none) and returns the customer as the list shows them.
pub fn edit(
    conn: &mut Connection,
    customer_id: i64,
    edits: &[RelationEdit],
    clock: &Clock,
) -> Result<CustomerRow> {
    edits.iter().try_for_each(validate)?;
    let tx = crate::db::write_tx(conn)?;
    for e in edits {
        apply(&tx, customer_id, e, clock)?;
    }
    tx.commit()?;
    crate::customers::get(conn, customer_id, clock)
}

fn validate(e: &RelationEdit) -> Result<()> {
    match e {
        RelationEdit::Notes { value } => {
            let n = value.chars().count();
            if n > MAX_NOTES_CHARS {
                return Err(Error::invalid(format!(
                    "notes are {n} characters long; the limit is {MAX_NOTES_CHARS}. Shorten them and save again"
                )));
            }
        }
        RelationEdit::Blocked {
            reason: Some(r), ..
        } if r.chars().count() > MAX_REASON_CHARS => {
            return Err(Error::invalid(format!(
                "the block reason is longer than {MAX_REASON_CHARS} characters"
            )));
        }
        RelationEdit::Tags { value } => {
            crate::tags::normalise(value)?;
        }
        _ => {}
    }
    Ok(())
}

/// The relation's current provider-owned values.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub(crate) struct Relation {
    pub is_favorite: bool,
    pub is_blocked: bool,
    pub blocked_reason: Option<String>,
    pub notes: String,
    pub tags: Vec<String>,
}

/// A card's relation; refuses an unknown id and a card merged into another.
pub(crate) fn load(tx: &Transaction<'_>, customer_id: i64) -> Result<Relation> {
    crate::book::require_card(tx, customer_id)?;
    load_any(tx, customer_id)
}

/// The relation of any customer row, merged away or not.
pub(crate) fn load_any(tx: &Connection, customer_id: i64) -> Result<Relation> {
    let mut rel = tx
        .query_row(
            "SELECT is_favorite, is_blocked, blocked_reason, notes FROM relations
              WHERE customer_id = ?1",
            [customer_id],
            |r| {
                Ok(Relation {
                    is_favorite: r.get(0)?,
                    is_blocked: r.get(1)?,
                    blocked_reason: r.get(2)?,
                    notes: r.get(3)?,
                    tags: Vec::new(),
                })
            },
        )
        .optional()?
        .unwrap_or_default();
    rel.tags = crate::tags::of(tx, customer_id)?;
    Ok(rel)
}

/// Writes a relation's provider-owned values (flags, reason, notes, tags) as they are.
pub(crate) fn store(
    tx: &Transaction<'_>,
    customer_id: i64,
    rel: &Relation,
    now: &str,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO relations (customer_id, is_favorite, is_blocked, blocked_reason, notes, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (customer_id) DO UPDATE SET
            is_favorite = excluded.is_favorite, is_blocked = excluded.is_blocked,
            blocked_reason = excluded.blocked_reason, notes = excluded.notes,
            updated_at = excluded.updated_at",
    )?
    .execute(params![
            customer_id,
            rel.is_favorite,
            rel.is_blocked,
            rel.blocked_reason,
            rel.notes,
            now
        ],
    )?;
    crate::tags::write(tx, customer_id, &rel.tags)
}

/// Applies an edit inside the caller's transaction. An edit that changes nothing locally
/// writes no row and no activity, but its platform field is still queued for push.
pub fn apply(
    tx: &Transaction<'_>,
    customer_id: i64,
    e: &RelationEdit,
    clock: &Clock,
) -> Result<()> {
    validate(e)?;
    let old = load(tx, customer_id)?;
    let mut new = old.clone();
    // (activity label, activity detail, platform field, platform value)
    let (label, detail, push): (&str, String, Option<(OutboxField, serde_json::Value)>) = match e {
        RelationEdit::Favorite { value } => {
            new.is_favorite = *value;
            let label = if *value { "favorite" } else { "unfavorite" };
            (
                label,
                String::new(),
                Some((OutboxField::Favorite, (*value).into())),
            )
        }
        RelationEdit::Blocked { value, reason } => {
            new.is_blocked = *value;
            new.blocked_reason = value
                .then(|| reason.as_deref().map(str::trim).filter(|r| !r.is_empty()))
                .flatten()
                .map(str::to_string);
            let label = if *value { "blocked" } else { "unblocked" };
            let detail = new.blocked_reason.clone().unwrap_or_default();
            (label, detail, Some((OutboxField::Blocked, (*value).into())))
        }
        RelationEdit::Notes { value } => {
            new.notes = value.clone();
            (
                "notes",
                String::new(),
                Some((OutboxField::Notes, value.clone().into())),
            )
        }
        RelationEdit::Tags { value } => {
            new.tags = crate::tags::normalise(value)?;
            // Tags are Clientele's own; the platform has no field for them.
            ("tags", new.tags.join(", "), None)
        }
    };
    let now = fmt_ts(clock.now);
    // Own customers have no platform relation to push to (docs/rules.md §7).
    if let Some((field, value)) = push.as_ref().filter(|_| customer_id > 0) {
        outbox::enqueue(tx, customer_id, *field, value, &now)?;
    }
    if new == old {
        return Ok(());
    }
    store(tx, customer_id, &new, &now)?;
    record_edit(tx, customer_id, &now, label, &detail)?;
    let t = crate::settings::thresholds(tx)?;
    crate::metrics::refresh_status(tx, customer_id, t)?;
    Ok(())
}

/// Records one of the provider's edits in the activity timeline (`label` names it).
pub(crate) fn record_edit(
    tx: &Transaction<'_>,
    customer_id: i64,
    now: &str,
    label: &str,
    detail: &str,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO activity (kind, customer_id, at, status, detail) VALUES ('edit', ?1, ?2, ?3, ?4)",
    )?
    .execute(params![customer_id, now, label, detail])?;
    Ok(())
}

/// One timeline entry for the same edit (an import's) per customer staged in
/// `temp.<staged>` (its `id` column; `crate::staging`), in one statement.
pub(crate) fn record_edits(
    tx: &Transaction<'_>,
    staged: &str,
    now: &str,
    label: &str,
    detail: &str,
) -> Result<()> {
    tx.prepare_cached(&format!(
        "INSERT INTO activity (kind, customer_id, at, status, detail)
         SELECT 'edit', id, ?1, ?2, ?3 FROM temp.{staged} ORDER BY id"
    ))?
    .execute(params![now, label, detail])?;
    Ok(())
}

/// What [`edit`] changes for the UI: a flag moves the status counts, stats and the status
/// chart; every edit changes the row, the timeline and the pending pushes.
pub fn changes(edits: &[RelationEdit]) -> Changes {
    let base = Changes::of(&[Scope::Customers, Scope::Activity, Scope::Sync]);
    let flag = edits.iter().any(|e| {
        matches!(
            e,
            RelationEdit::Favorite { .. } | RelationEdit::Blocked { .. }
        )
    });
    match flag {
        true => base.with(Scope::Stats).with(Scope::Charts),
        false => base,
    }
}
