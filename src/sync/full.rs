//! Full reconciliation: every page of bookings and reviews, the relation records, then
//! removal of what a complete pass did not see. Resumable: its cursors and the ids it saw
//! (`sync_seen`) commit with each page, so a crash or cancel continues next time.

use super::context::Run;
use super::page::{apply_page, Kind, Progress};
use super::pages::{each_page, Flow};
use super::pull::{fetch_booking_by_id, BOOKINGS, REVIEWS};
use super::{relations_sync, state, SyncOptions, SyncPhase};
use crate::error::Result;
use crate::model::{fmt_ts, parse_ts};
use rusqlite::Connection;

/// Full passes run on demand, when never run, when the last is older than this, and
/// while an interrupted one is waiting to be finished.
pub const FULL_EVERY: chrono::TimeDelta = chrono::TimeDelta::hours(24);
const DONE: &str = "done";
/// A running pass's bookkeeping, cleared when it starts and when it completes.
const PASS_KEYS: &[&str] = &[
    state::FULL_STARTED_AT,
    state::FULL_BOOKINGS_PAGE,
    state::FULL_REVIEWS_PAGE,
    state::FULL_BOOKINGS_COUNT,
    state::FULL_REVIEWS_COUNT,
    state::FULL_REVIEWS_UNSTABLE,
];

pub fn is_due(conn: &Connection, opts: &SyncOptions) -> Result<bool> {
    if opts.full || state::get(conn, state::FULL_STARTED_AT)?.is_some() {
        return Ok(true);
    }
    let now = opts.now.unwrap_or_else(chrono::Utc::now);
    Ok(match state::get(conn, state::LAST_FULL_SYNC_AT)? {
        Some(t) => parse_ts(&t).map_or(true, |t| now - t >= FULL_EVERY),
        None => true,
    })
}

pub async fn reconcile(run: &mut Run<'_>) -> Result<()> {
    let now = fmt_ts(run.opts.now.unwrap_or_else(chrono::Utc::now));
    // An explicit full sync starts afresh: a pass resumed across changes on the platform
    // may have seen bookings deleted since, or missed some that pages shifted past.
    let fresh = run.opts.full;
    run.with_db(|c| {
        if fresh || state::get(c, state::FULL_STARTED_AT)?.is_none() {
            let tx = crate::db::write_tx(c)?;
            tx.execute("DELETE FROM sync_seen", [])?;
            state::remove(&tx, PASS_KEYS)?;
            state::set(&tx, state::FULL_STARTED_AT, &now)?;
            tx.commit()?;
        }
        Ok(())
    })?;
    run.enter(SyncPhase::Bookings);
    let keys = (state::FULL_BOOKINGS_PAGE, state::FULL_BOOKINGS_COUNT);
    every_page(run, Kind::Booking, BOOKINGS, keys).await?;
    run.enter(SyncPhase::Reviews);
    let keys = (state::FULL_REVIEWS_PAGE, state::FULL_REVIEWS_COUNT);
    every_page(run, Kind::Review, REVIEWS, keys).await?;
    run.enter(SyncPhase::Relations);
    relations_sync::fetch_relations(run).await?;
    remove_missing(run, &now).await
}

/// Reads every page from the stored cursor on, committing each with its cursor and ids.
async fn every_page(
    run: &mut Run<'_>,
    kind: Kind,
    path: &str,
    (page_key, count_key): (&'static str, &'static str),
) -> Result<()> {
    let (cursor, first_count) =
        run.with_db(|c| Ok((state::get(c, page_key)?, state::get(c, count_key)?)))?;
    let first: u32 = match cursor.as_deref() {
        Some(DONE) => return Ok(()),
        Some(n) => n.parse().unwrap_or(1),
        None => 1,
    };
    let extra = [("ordering", "-created_at".to_string())];
    each_page(run, kind, path, &extra, first, |run, page_no, page| {
        let Some(page) = page else {
            run.with_db(|c| state::set(c, page_key, DONE))?;
            return Ok(Flow::Stop);
        };
        let next = if page.has_next {
            (page_no + 1).to_string()
        } else {
            DONE.to_string()
        };
        let mut cursor = vec![(page_key, next)];
        match (&first_count, page.count) {
            (None, Some(n)) if page_no == 1 => cursor.push((count_key, n.to_string())),
            // Rows were added or deleted mid-pass: pages shifted, so absence proves nothing.
            (Some(first), Some(n)) if *first != n.to_string() && kind == Kind::Review => {
                cursor.push((state::FULL_REVIEWS_UNSTABLE, "1".into()))
            }
            _ => {}
        }
        let progress = Progress {
            seen: Some((kind, page.ids())),
            cursor,
        };
        let r = run.with_db(|c| apply_page(c, &page.batch, &progress))?;
        run.count(&r);
        run.tick(page.batch.len(), page.total_pages);
        Ok(Flow::Continue)
    })
    .await
}

/// After a complete pass (own visits, with negative ids, are never the platform's to
/// remove: docs/rules.md §7): bookings it did not see are confirmed gone by id (pages can
/// shift under a running pass); reviews it did not see are removed unless their count
/// moved during the pass. Then the pass is closed in the same transaction.
async fn remove_missing(run: &mut Run<'_>, now: &str) -> Result<()> {
    let unseen = |c: &mut Connection, table: &str, kind: &str| -> Result<Vec<i64>> {
        let mut st = c.prepare(&format!(
            "SELECT id FROM {table} WHERE removed = 0 AND id > 0
               AND id NOT IN (SELECT id FROM sync_seen WHERE kind = '{kind}') ORDER BY id"
        ))?;
        let ids = st
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<i64>>>()?;
        Ok(ids)
    };
    let candidates = run.with_db(|c| unseen(c, "bookings", "booking"))?;
    let mut gone = Vec::new();
    for id in candidates {
        if !fetch_booking_by_id(run, id).await? {
            gone.push(id);
        }
    }
    let removed = run.with_db(|c| {
        let reviews_stable = state::get(c, state::FULL_REVIEWS_UNSTABLE)?.is_none();
        let reviews_gone = if reviews_stable {
            unseen(c, "reviews", "review")?
        } else {
            vec![]
        };
        let tx = crate::db::write_tx(c)?;
        let n = crate::ingest::mark_removed(&tx, &gone, &reviews_gone)?;
        tx.execute("DELETE FROM sync_seen", [])?;
        state::remove(&tx, PASS_KEYS)?;
        state::set(&tx, state::LAST_FULL_SYNC_AT, now)?;
        // A full pass covers everything the light pass reads.
        state::set(&tx, state::LAST_LIGHT_SYNC_AT, now)?;
        tx.commit()?;
        Ok(n)
    })?;
    run.report.removed += removed as u32;
    Ok(())
}
