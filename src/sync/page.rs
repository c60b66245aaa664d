//! One page of a platform list: parsed strictly (any bad record fails the page with
//! `malformed`, naming it) and applied in one transaction with the cursor it advances.

use crate::error::{Error, Result};
use crate::ingest::ApplyReport;
use crate::platform::{parse_booking, parse_review, Batch};
use rusqlite::Connection;
use serde_json::Value;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Booking,
    Review,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Booking => "booking",
            Kind::Review => "review",
        }
    }
}

/// A parsed list page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub batch: Batch,
    /// The list's total, when the server said.
    pub count: Option<u64>,
    pub total_pages: Option<u32>,
    pub has_next: bool,
}

impl Page {
    pub fn ids(&self) -> Vec<i64> {
        let b = self.batch.bookings.iter().map(|b| b.id);
        b.chain(self.batch.reviews.iter().map(|r| r.id)).collect()
    }
}

/// Parses a DRF list page of one kind of record.
pub fn parse_page(kind: Kind, doc: &Value) -> Result<Page> {
    let malformed = |m: String| {
        Error::Malformed(format!(
            "the marketplace sent a bad {} page: {m}",
            kind.as_str()
        ))
    };
    let o = doc
        .as_object()
        .ok_or_else(|| malformed("not a JSON object".into()))?;
    let items = o
        .get("results")
        .and_then(Value::as_array)
        .ok_or_else(|| malformed("no \"results\" list".into()))?;
    let mut batch = Batch::default();
    for (i, item) in items.iter().enumerate() {
        let rec = item
            .as_object()
            .ok_or_else(|| malformed(format!("record #{} is not an object", i + 1)))?;
        match kind {
            Kind::Booking => batch
                .bookings
                .push(parse_booking(rec).map_err(|e| malformed(e.to_string()))?),
            Kind::Review => batch
                .reviews
                .push(parse_review(rec).map_err(|e| malformed(e.to_string()))?),
        }
    }
    Ok(Page {
        batch,
        count: o.get("count").and_then(Value::as_u64),
        total_pages: o
            .get("total_pages")
            .and_then(Value::as_u64)
            .map(|n| n.min(u32::MAX as u64) as u32),
        has_next: o.get("next").is_some_and(|n| !n.is_null()),
    })
}

/// Parses a list page from raw bytes (invalid or truncated JSON is `malformed`).
pub fn parse_page_bytes(kind: Kind, bytes: &[u8]) -> Result<Page> {
    let doc: Value = serde_json::from_slice(bytes)
        .map_err(|e| Error::Malformed(format!("the marketplace sent invalid JSON: {e}")))?;
    parse_page(kind, &doc)
}

/// Parses one booking (the by-id endpoint).
pub fn parse_one_booking(doc: &Value) -> Result<Batch> {
    let rec = doc.as_object().ok_or_else(|| {
        Error::Malformed("the marketplace sent a booking that is not an object".into())
    })?;
    let b = parse_booking(rec)
        .map_err(|e| Error::Malformed(format!("the marketplace sent a bad booking: {e}")))?;
    Ok(Batch {
        bookings: vec![b],
        reviews: vec![],
    })
}

/// What else commits with a page: cursor keys and, in a full pass, the ids it saw.
#[derive(Debug, Default)]
pub struct Progress<'a> {
    pub cursor: Vec<(&'a str, String)>,
    pub seen: Option<(Kind, Vec<i64>)>,
}

/// Applies a batch and its progress in one transaction: all of it or nothing.
pub fn apply_page(
    conn: &mut Connection,
    batch: &Batch,
    progress: &Progress<'_>,
) -> Result<ApplyReport> {
    let tx = crate::db::write_tx(conn)?;
    let report = crate::ingest::apply_in_tx(&tx, batch).map_err(|e| match e {
        Error::InvalidInput(m) => {
            Error::Malformed(format!("the marketplace sent a bad record: {m}"))
        }
        e => e,
    })?;
    for (k, v) in &progress.cursor {
        super::state::set(&tx, k, v)?;
    }
    if let Some((kind, ids)) = &progress.seen {
        let mut st =
            tx.prepare_cached("INSERT OR IGNORE INTO sync_seen (kind, id) VALUES (?1, ?2)")?;
        for id in ids {
            st.execute(rusqlite::params![kind.as_str(), id])?;
        }
    }
    tx.commit()?;
    Ok(report)
}
