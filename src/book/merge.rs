//! Merge and unmerge (docs/rules.md §9). The card merged away keeps its own rows; it is
//! pointed at the kept card (`merged_into`, and `card_id` for it and every card it had
//! absorbed), so its bookings, visits and reviews count for the kept card, and later syncs
//! keep landing there without any mapping on write. The kept card's own data before the
//! merge is saved in `merges.kept_before`; unmerge restores both cards exactly.

use super::require_card;
use crate::customers::CustomerRow;
use crate::error::{Error, Result};
use crate::model::{fmt_ts, Clock};
use crate::outbox::{self, OutboxField};
use crate::relations::{load_any, record_edit, store, Relation, MAX_TAGS};
use rusqlite::{params, Connection, OptionalExtension, Transaction};

/// Merges `other` into `keep`; when exactly one is a platform customer it is the one kept,
/// whatever the order given. Returns the kept card.
pub fn merge(conn: &mut Connection, keep: i64, other: i64, clock: &Clock) -> Result<CustomerRow> {
    let (keep, other) = match (keep > 0, other > 0) {
        (false, true) => (other, keep),
        _ => (keep, other),
    };
    if keep == other {
        return Err(Error::invalid(format!(
            "other: cannot merge customer {keep} into itself"
        )));
    }
    let tx = crate::db::write_tx(conn)?;
    for id in [keep, other] {
        require_card(&tx, id)?;
        let archived: bool =
            tx.query_row("SELECT archived FROM customers WHERE id = ?1", [id], |r| {
                r.get(0)
            })?;
        if archived {
            return Err(Error::invalid(format!(
                "customer {id} is archived: restore it before merging"
            )));
        }
    }
    let before = load_any(&tx, keep)?;
    let theirs = load_any(&tx, other)?;
    let after = combined(&before, &theirs)?;
    let now = fmt_ts(clock.now);
    tx.execute(
        "INSERT INTO merges (kept_id, other_id, at, kept_before) VALUES (?1, ?2, ?3, ?4)",
        params![
            keep,
            other,
            now,
            serde_json::to_string(&before).map_err(json_err)?
        ],
    )?;
    // `other` and every card it had absorbed now count for `keep`.
    tx.execute(
        "UPDATE customers SET card_id = ?1 WHERE id = ?2 OR card_id = ?2",
        params![keep, other],
    )?;
    tx.execute(
        "UPDATE customers SET merged_into = ?1 WHERE id = ?2",
        params![keep, other],
    )?;
    store(&tx, keep, &after, &now)?;
    push_changed(&tx, keep, &before, &after, &now)?;
    crate::metrics::drop_summary(&tx, other)?;
    let t = crate::settings::thresholds(&tx)?;
    crate::metrics::refresh(&tx, [keep], t)?;
    record_edit(&tx, keep, &now, "merged", &name_of(&tx, other)?)?;
    tx.commit()?;
    crate::customers::get(conn, keep, clock)
}

/// The kept card's data after a merge: notes appended unless identical, tags united, each
/// flag kept if either had it (a block reason survives).
fn combined(keep: &Relation, other: &Relation) -> Result<Relation> {
    let notes = match (keep.notes.trim(), other.notes.trim()) {
        (_, "") => keep.notes.clone(),
        ("", _) => other.notes.clone(),
        (a, b) if a == b => keep.notes.clone(),
        _ => format!("{}\n\n{}", keep.notes.trim_end(), other.notes.trim()),
    };
    let tags = crate::tags::edited(&keep.tags, &other.tags, &[]).map_err(|_| {
        Error::invalid(format!(
            "tags: together the two cards have more than {MAX_TAGS} tags; remove some first"
        ))
    })?;
    Ok(Relation {
        is_favorite: keep.is_favorite || other.is_favorite,
        is_blocked: keep.is_blocked || other.is_blocked,
        blocked_reason: keep.blocked_reason.clone().or(other.blocked_reason.clone()),
        notes,
        tags,
    })
}

/// Queues the platform fields a merge or unmerge changed on a platform card.
fn push_changed(
    tx: &Transaction<'_>,
    id: i64,
    old: &Relation,
    new: &Relation,
    now: &str,
) -> Result<()> {
    if id < 0 {
        return Ok(());
    }
    if old.is_favorite != new.is_favorite {
        outbox::enqueue(tx, id, OutboxField::Favorite, &new.is_favorite.into(), now)?;
    }
    if old.is_blocked != new.is_blocked {
        outbox::enqueue(tx, id, OutboxField::Blocked, &new.is_blocked.into(), now)?;
    }
    if old.notes != new.notes {
        outbox::enqueue(tx, id, OutboxField::Notes, &new.notes.clone().into(), now)?;
    }
    Ok(())
}

fn name_of(tx: &Transaction<'_>, id: i64) -> Result<String> {
    Ok(tx.query_row(
        "SELECT trim(first_name || ' ' || last_name) FROM customers WHERE id = ?1",
        [id],
        |r| r.get(0),
    )?)
}

fn json_err(e: serde_json::Error) -> Error {
    Error::Storage(format!("merge record: {e}"))
}

/// Undoes a merge. `id` is the kept card (its latest merge is undone) or a card merged
/// away (that merge is undone, if it is the latest into its card). Returns the card that
/// comes back.
pub fn unmerge(conn: &mut Connection, id: i64, clock: &Clock) -> Result<CustomerRow> {
    let tx = crate::db::write_tx(conn)?;
    let exists: bool = tx
        .query_row("SELECT 1 FROM customers WHERE id = ?1", [id], |_| Ok(true))
        .optional()?
        .unwrap_or(false);
    if !exists {
        return Err(Error::not_found(format!("no customer with id {id}")));
    }
    let latest = |kept: i64| -> Result<Option<(i64, i64, String)>> {
        Ok(tx
            .prepare_cached(
                "SELECT id, other_id, kept_before FROM merges
                  WHERE kept_id = ?1 AND undone_at IS NULL ORDER BY id DESC LIMIT 1",
            )?
            .query_row([kept], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?)
    };
    let parent: Option<i64> = tx.query_row(
        "SELECT merged_into FROM customers WHERE id = ?1",
        [id],
        |r| r.get(0),
    )?;
    let (keep, (merge_id, other, before)) = match parent {
        Some(keep) => match latest(keep)? {
            Some(m) if m.1 == id => (keep, m),
            Some(m) => {
                return Err(Error::invalid(format!(
                    "customer {} was merged into customer {keep} after {id}: unmerge {} first",
                    m.1, m.1
                )))
            }
            None => {
                return Err(Error::Storage(format!(
                    "merge record of customer {id} is missing"
                )))
            }
        },
        None => match latest(id)? {
            Some(m) => (id, m),
            None => {
                return Err(Error::invalid(format!(
                    "customer {id} has not absorbed another card: nothing to unmerge"
                )))
            }
        },
    };
    require_card(&tx, keep)?;
    let before: Relation = serde_json::from_str(&before).map_err(json_err)?;
    let now_rel = load_any(&tx, keep)?;
    let now = fmt_ts(clock.now);
    // `other` and the cards it had absorbed count for `other` again.
    tx.execute(
        "WITH RECURSIVE sub(id) AS (
             SELECT ?1 UNION ALL SELECT c.id FROM customers c JOIN sub ON c.merged_into = sub.id)
         UPDATE customers SET card_id = CASE WHEN id = ?1 THEN NULL ELSE ?1 END
          WHERE id IN (SELECT id FROM sub)",
        [other],
    )?;
    tx.execute(
        "UPDATE customers SET merged_into = NULL WHERE id = ?1",
        [other],
    )?;
    tx.execute(
        "UPDATE merges SET undone_at = ?2 WHERE id = ?1",
        params![merge_id, now],
    )?;
    store(&tx, keep, &before, &now)?;
    push_changed(&tx, keep, &now_rel, &before, &now)?;
    let t = crate::settings::thresholds(&tx)?;
    crate::metrics::refresh(&tx, [keep, other], t)?;
    record_edit(&tx, keep, &now, "unmerged", &name_of(&tx, other)?)?;
    // A platform card whose bookings a sync removed while it was merged is not in the book
    // on its own (docs/rules.md §3): the kept card is what the user sees then.
    let shown: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM customer_summary WHERE customer_id = ?1)",
        [other],
        |r| r.get(0),
    )?;
    tx.commit()?;
    crate::customers::get(conn, if shown { other } else { keep }, clock)
}
