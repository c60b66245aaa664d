//! Tags (docs/rules.md §9): up to 20 per customer, 1–40 characters, unique per customer
//! case-insensitively and kept as first typed. Stored as rows of `customer_tags` so a list
//! filtered by tags is one index lookup per tag.

use crate::error::{Error, Result};
use crate::relations::{MAX_TAGS, MAX_TAG_CHARS};
use rusqlite::{params, Connection, Transaction};
use serde::Serialize;
use specta::Type;

/// The case-folded form tags are compared by.
pub fn key(tag: &str) -> String {
    crate::search::fold(tag.trim())
}

/// Checks one tag as typed; the message names the tag.
pub fn validate(tag: &str) -> Result<()> {
    let n = tag.trim().chars().count();
    if n == 0 || n > MAX_TAG_CHARS {
        return Err(Error::invalid(format!(
            "tag {:?} is {n} characters long; a tag must be 1 to {MAX_TAG_CHARS} characters",
            tag.trim()
        )));
    }
    // The export joins tags with "; " and the import splits on ";" and "|".
    if tag.contains([';', '|']) {
        return Err(Error::invalid(format!(
            "tag {:?}: a tag cannot contain ; or | (they separate tags in a CSV)",
            tag.trim()
        )));
    }
    Ok(())
}

/// Checks the tags a list or export is filtered by.
pub fn validate_filter(tags: &[String]) -> Result<()> {
    tags.iter().try_for_each(|t| validate(t))
}

/// The tags in order, trimmed, without case-insensitive repeats (the first spelling wins);
/// refused past the per-customer limit.
pub fn normalise(tags: &[String]) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::with_capacity(tags.len());
    for t in tags {
        validate(t)?;
        let t = t.trim();
        if !out.iter().any(|o| key(o) == key(t)) {
            out.push(t.to_string());
        }
    }
    if out.len() > MAX_TAGS {
        return Err(Error::invalid(format!(
            "tags: {} tags; a customer can have at most {MAX_TAGS}",
            out.len()
        )));
    }
    Ok(out)
}

/// A customer's tags in the order they were added.
pub fn of(conn: &Connection, customer_id: i64) -> Result<Vec<String>> {
    let mut st = conn
        .prepare_cached("SELECT tag FROM customer_tags WHERE customer_id = ?1 ORDER BY position")?;
    let tags = st
        .query_map([customer_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(tags)
}

/// Replaces a customer's tags (already normalised) inside the caller's transaction.
pub fn write(tx: &Transaction<'_>, customer_id: i64, tags: &[String]) -> Result<()> {
    tx.prepare_cached("DELETE FROM customer_tags WHERE customer_id = ?1")?
        .execute([customer_id])?;
    let mut ins = tx.prepare_cached(
        "INSERT INTO customer_tags (customer_id, tag_key, tag, position) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (i, t) in tags.iter().enumerate() {
        ins.execute(params![customer_id, key(t), t, i as i64])?;
    }
    log_change(tx, customer_id)
}

/// Adds tags to many cards in one statement, `(customer, position, tag)`: a new card's, or
/// an import's appended after a card's last tag.
pub(crate) fn insert_many<'a>(
    tx: &Transaction<'_>,
    tags: impl IntoIterator<Item = (i64, usize, &'a str)>,
) -> Result<()> {
    stage_tags(tx, tags)?;
    tx.prepare_cached(
        "INSERT INTO customer_tags (customer_id, tag_key, tag, position)
         SELECT customer_id, tag_key, tag, n FROM temp.new_tags",
    )?
    .execute([])?;
    log_staged_changes(tx)
}

fn stage_tags<'a>(
    tx: &Transaction<'_>,
    tags: impl IntoIterator<Item = (i64, usize, &'a str)>,
) -> Result<()> {
    let rows = tags.into_iter().map(|(id, n, t)| (id, n as i64, key(t), t));
    crate::staging::stage(tx, "new_tags", "customer_id, n, tag_key, tag", rows)
}

fn log_staged_changes(tx: &Transaction<'_>) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO summary_changes (customer_id) SELECT DISTINCT customer_id FROM temp.new_tags",
    )?
    .execute([])?;
    crate::staging::clear(tx, "new_tags")
}

/// Tells the book index (src/book_index) a customer's tags changed, through the
/// `summary_changes` feed (migration V11). Written here, once per customer, since V13: a
/// trigger per tag row cost a trigger program each, a fifth of an import's tag writes.
fn log_change(tx: &Transaction<'_>, customer_id: i64) -> Result<()> {
    tx.prepare_cached("INSERT INTO summary_changes (customer_id) VALUES (?1)")?
        .execute([customer_id])?;
    Ok(())
}

/// `current` with `add` appended and `remove` taken out (case-insensitively), normalised.
pub fn edited(current: &[String], add: &[String], remove: &[String]) -> Result<Vec<String>> {
    remove.iter().try_for_each(|t| validate(t))?;
    let removed: Vec<String> = remove.iter().map(|t| key(t)).collect();
    let kept: Vec<String> = current
        .iter()
        .chain(add)
        .filter(|t| !removed.contains(&key(t)))
        .cloned()
        .collect();
    normalise(&kept)
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct TagCount {
    pub tag: String,
    pub count: i64,
}

/// Every tag in use on a customer in the book (not archived, not merged away), with how
/// many customers carry it; most used first, then by name.
pub fn counts(conn: &Connection) -> Result<Vec<TagCount>> {
    let mut st = conn.prepare_cached(
        "SELECT min(t.tag), count(*) AS n FROM customer_tags t
           JOIN customer_summary s ON s.customer_id = t.customer_id AND s.status <> 'archived'
          GROUP BY t.tag_key ORDER BY n DESC, t.tag_key",
    )?;
    let rows = st
        .query_map([], |r| {
            Ok(TagCount {
                tag: r.get(0)?,
                count: r.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeats_in_another_case_change_nothing() {
        let t = normalise(&["VIP".into(), " vip ".into(), "Hair".into()]).unwrap();
        assert_eq!(t, vec!["VIP", "Hair"]);
        let t = edited(&t, &["hair".into(), "Nails".into()], &["vip".into()]).unwrap();
        assert_eq!(t, vec!["Hair", "Nails"]);
    }

    #[test]
    fn limits_are_refused_with_the_field_named() {
        let long = "x".repeat(41);
        let e = normalise(&[long]).unwrap_err().to_string();
        assert!(e.contains("41 characters"), "{e}");
        let many: Vec<String> = (0..21).map(|i| format!("t{i}")).collect();
        let e = normalise(&many).unwrap_err().to_string();
        assert!(e.contains("at most 20"), "{e}");
        assert!(normalise(&many[..20]).is_ok());
        assert!(normalise(&["  ".into()]).is_err());
    }
}
