//! Applies platform bookings and reviews to the store: idempotent, newest-wins by
//! `updated_at`, atomic per batch, metrics refreshed for the customers touched.

mod customers;
mod records;

use crate::error::{Error, Result};
use crate::platform::Batch;
use rusqlite::{Connection, OptionalExtension, Transaction};
use serde::Serialize;
use specta::Type;
use std::collections::BTreeSet;

pub use customers::upgrade_search_text;

/// What one batch changed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Type)]
pub struct ApplyReport {
    pub bookings_new: u32,
    pub bookings_updated: u32,
    pub bookings_unchanged: u32,
    pub reviews_new: u32,
    pub reviews_updated: u32,
    pub reviews_unchanged: u32,
    pub customers_touched: u32,
}

impl ApplyReport {
    pub fn changed(&self) -> bool {
        self.bookings_new + self.bookings_updated + self.reviews_new + self.reviews_updated > 0
            || self.customers_touched > 0
    }
}

/// The working state of one batch inside its transaction.
struct Applier<'t> {
    tx: &'t Transaction<'t>,
    report: ApplyReport,
    /// Customers whose metrics must be re-derived.
    touched: BTreeSet<i64>,
    /// Customers whose details were already written in this batch.
    seen: BTreeSet<i64>,
}

/// Applies a batch in one transaction; on any invalid record nothing is written.
pub fn apply_batch(conn: &mut Connection, batch: &Batch) -> Result<ApplyReport> {
    let tx = crate::db::write_tx(conn)?;
    let report = apply_in_tx(&tx, batch)?;
    tx.commit()?;
    Ok(report)
}

/// Keeps the book index's change feed (migration V11) to its newest entries; a reader
/// further behind reloads in full, which beats replaying that many changes anyway.
fn prune_changes(tx: &Transaction<'_>) -> Result<()> {
    tx.prepare_cached(
        "DELETE FROM summary_changes WHERE seq < (SELECT max(seq) FROM summary_changes) - 100000",
    )?
    .execute([])?;
    Ok(())
}

/// Applies a batch inside the caller's transaction (sync commits it with its cursor).
pub fn apply_in_tx(tx: &Transaction<'_>, batch: &Batch) -> Result<ApplyReport> {
    validate(batch)?;
    let mut a = Applier {
        tx,
        report: ApplyReport::default(),
        touched: BTreeSet::new(),
        seen: BTreeSet::new(),
    };
    for b in &batch.bookings {
        a.booking(b)?;
    }
    for r in &batch.reviews {
        a.review(r)?;
    }
    a.report.customers_touched = a.touched.len() as u32;
    let t = crate::settings::thresholds(tx)?;
    crate::metrics::refresh(tx, a.touched, t)?;
    prune_changes(tx)?;
    Ok(a.report)
}

/// Checks every record before anything is written, so an error names the bad record.
fn validate(batch: &Batch) -> Result<()> {
    if let Some(b) = batch.bookings.iter().find(|b| b.total_amount.0 < 0) {
        return Err(Error::invalid(format!(
            "booking {}: total_amount {} is negative",
            b.id, b.total_amount
        )));
    }
    if let Some(r) = batch.reviews.iter().find(|r| !(1..=5).contains(&r.rating)) {
        return Err(Error::invalid(format!(
            "review {}: rating {} is not from 1 to 5",
            r.id, r.rating
        )));
    }
    Ok(())
}

/// Marks bookings and reviews as removed (kept for history, out of the metrics). Only a
/// complete pull may call this; returns how many rows changed.
pub fn mark_removed(
    tx: &Transaction<'_>,
    booking_ids: &[i64],
    review_ids: &[i64],
) -> Result<usize> {
    let mut touched = BTreeSet::new();
    let mut changed = 0;
    for (table, ids) in [("bookings", booking_ids), ("reviews", review_ids)] {
        let mut st = tx.prepare(&format!(
            "UPDATE {table} SET removed = 1 WHERE id = ?1 AND removed = 0 RETURNING customer_id"
        ))?;
        for id in ids {
            if let Some(cid) = st.query_row([id], |r| r.get::<_, i64>(0)).optional()? {
                touched.insert(cid);
                changed += 1;
            }
        }
    }
    let t = crate::settings::thresholds(tx)?;
    crate::metrics::refresh(tx, touched, t)?;
    Ok(changed)
}
