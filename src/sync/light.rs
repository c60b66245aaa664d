//! The light pass, at most hourly: every review page newest first (edits and deletions
//! the newest-first pull cannot see), the relation records (flags and notes changed on the
//! platform), and removal of what it proved gone. A complete full pass counts as one.

use super::context::Run;
use super::page::{apply_page, Kind, Progress};
use super::pages::{each_page, Flow};
use super::pull::REVIEWS;
use super::{relations_sync, state, SyncOptions, SyncPhase};
use crate::error::Result;
use crate::model::{fmt_ts, parse_ts};
use rusqlite::Connection;
use std::collections::HashSet;

pub const LIGHT_EVERY: chrono::TimeDelta = chrono::TimeDelta::hours(1);

pub fn is_due(conn: &Connection, opts: &SyncOptions) -> Result<bool> {
    if opts.light {
        return Ok(true);
    }
    let now = opts.now.unwrap_or_else(chrono::Utc::now);
    Ok(match state::get(conn, state::LAST_LIGHT_SYNC_AT)? {
        Some(t) => parse_ts(&t).map_or(true, |t| now - t >= LIGHT_EVERY),
        None => true,
    })
}

/// `gone_bookings`: open bookings the platform answered 404 for by id this sync.
pub async fn light_pass(run: &mut Run<'_>, gone_bookings: &[i64]) -> Result<()> {
    let now = fmt_ts(run.opts.now.unwrap_or_else(chrono::Utc::now));
    run.enter(SyncPhase::Reviews);
    let mut seen: HashSet<i64> = HashSet::new();
    let mut counts: Vec<u64> = Vec::new();
    let mut complete = false;
    let extra = [("ordering", "-created_at".to_string())];
    each_page(
        run,
        Kind::Review,
        REVIEWS,
        &extra,
        1,
        |run, page_no, page| {
            let Some(page) = page else {
                complete = true;
                return Ok(Flow::Stop);
            };
            let cursor = vec![(state::INCREMENTAL_CURSOR, format!("light.review:{page_no}"))];
            let progress = Progress { cursor, seen: None };
            let r = run.with_db(|c| apply_page(c, &page.batch, &progress))?;
            run.count(&r);
            run.tick(page.batch.len(), page.total_pages);
            seen.extend(page.ids());
            counts.extend(page.count);
            complete |= !page.has_next;
            Ok(Flow::Continue)
        },
    )
    .await?;
    run.enter(SyncPhase::Relations);
    relations_sync::fetch_relations(run).await?;
    // Reviews are removed only when the pass saw exactly the list the server counted,
    // unchanged throughout: pages that shifted under it prove nothing.
    let count = counts.first().copied();
    let exact =
        complete && counts.iter().all(|c| Some(*c) == count) && count == Some(seen.len() as u64);
    let removed = run.with_db(|c| {
        let reviews_gone: Vec<i64> = if exact {
            let mut st = c.prepare("SELECT id FROM reviews WHERE removed = 0 ORDER BY id")?;
            let live = st
                .query_map([], |r| r.get::<_, i64>(0))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            live.into_iter().filter(|id| !seen.contains(id)).collect()
        } else {
            vec![]
        };
        let tx = crate::db::write_tx(c)?;
        let n = crate::ingest::mark_removed(&tx, gone_bookings, &reviews_gone)?;
        state::set(&tx, state::LAST_LIGHT_SYNC_AT, &now)?;
        tx.commit()?;
        Ok(n)
    })?;
    run.report.removed += removed as u32;
    Ok(())
}
