//! One sync, phase by phase: sign-in check (the database's own account only), then a full
//! pass (daily), or the incremental pull plus the light pass (hourly), then the push. HTTP
//! happens without the database lock; the lock is taken only briefly to read or to apply
//! one page with its cursor, so a failure or cancellation leaves a consistent database.

use super::context::{ProgressFn, Run};
use super::http::Api;
use super::lock::SyncLock;
use super::state::try_again_after;
use super::token_store::TokenStore;
use super::{account, auth, full, light, pull, push, state, SyncOptions, SyncPhase, SyncReport};
use crate::error::{Error, ErrorPayload, Result};
use crate::model::{fmt_ts, parse_ts};
use chrono::{DateTime, Utc};
use rusqlite::Connection;
use std::path::PathBuf;
use std::sync::Mutex;
use tokio_util::sync::CancellationToken;

/// Syncs with the refresh token in `store`, holding the database's sync lock. Prefer
/// [`super::Syncer`], which also picks the token store for the database's account.
pub async fn sync(
    db: &Mutex<Connection>,
    store: &dyn TokenStore,
    opts: SyncOptions,
    progress: ProgressFn<'_>,
    cancel: &CancellationToken,
) -> Result<SyncReport> {
    let _lock = match db_file(db) {
        Some(path) => Some(SyncLock::acquire(&path)?),
        None => None,
    };
    sync_locked(db, store, opts, progress, cancel).await
}

/// The file behind the connection; `None` for an in-memory database.
pub(crate) fn db_file(db: &Mutex<Connection>) -> Option<PathBuf> {
    let conn = db.lock().unwrap_or_else(|p| p.into_inner());
    conn.path().filter(|p| !p.is_empty()).map(PathBuf::from)
}

/// The sync itself; the caller holds the lock.
pub(crate) async fn sync_locked(
    db: &Mutex<Connection>,
    store: &dyn TokenStore,
    opts: SyncOptions,
    progress: ProgressFn<'_>,
    cancel: &CancellationToken,
) -> Result<SyncReport> {
    let started = std::time::Instant::now();
    let now = opts.now.unwrap_or_else(Utc::now);
    let (base_url, until) = {
        let conn = db.lock().unwrap_or_else(|p| p.into_inner());
        let until = state::get(&conn, state::RATE_LIMITED_UNTIL)?.and_then(|t| parse_ts(&t).ok());
        (state::get(&conn, state::BASE_URL)?, until)
    };
    let base_url = base_url.ok_or_else(|| {
        Error::Unauthorized("not signed in; sign in to the marketplace first".into())
    })?;
    if let Some(until) = until.filter(|u| now < *u) {
        // The platform said when; asking earlier only prolongs the ban.
        return Err(Error::RateLimited {
            message: format!(
                "the marketplace asked Clientele to slow down; {}",
                try_again_after(until)
            ),
            retry_after_secs: (until - now).num_seconds().max(1) as u64,
        });
    }
    let api = Api::new(&base_url, opts.retry.clone(), store, cancel)?;
    let mut run = Run::new(db, api, &opts, progress);
    let result = phases(&mut run, &base_url).await;
    run.report.requests = run.api.requests();
    run.report.bytes = run.api.bytes();
    run.report.duration_ms = started.elapsed().as_millis() as u64;
    let report = run.report.clone();
    let cap = opts.retry.retry_after_cap.as_secs();
    run.with_db(|conn| record_outcome(conn, &result, &report, now, cap))?;
    result?;
    run.enter(SyncPhase::Done);
    Ok(run.report)
}

async fn phases(run: &mut Run<'_>, base_url: &str) -> Result<()> {
    run.enter(SyncPhase::Login);
    run.api.refresh().await?;
    // Whose token this is, before anything is written: never another account's data here.
    let me = auth::signed_in(&run.api, base_url, "the signed-in account").await?;
    run.with_db(|c| account::check_sync(c, &me))?;
    let full = run.with_db(|c| full::is_due(c, run.opts))?;
    run.report.full = full;
    if full {
        full::reconcile(run).await?;
        run.report.light = true;
    } else {
        pull::new_bookings(run).await?;
        let gone = pull::open_bookings(run).await?;
        if run.with_db(|c| light::is_due(c, run.opts))? {
            run.report.light = true;
            light::light_pass(run, &gone).await?;
        } else {
            pull::new_reviews(run).await?;
        }
    }
    push::push_outbox(run).await
}

/// The status the app shows: when it ran, what changed, the error and any wait asked for.
fn record_outcome(
    conn: &mut Connection,
    result: &Result<()>,
    report: &SyncReport,
    now: DateTime<Utc>,
    cap_secs: u64,
) -> Result<()> {
    let at = fmt_ts(now);
    let tx = crate::db::write_tx(conn)?;
    match result {
        Ok(()) => {
            state::set(&tx, state::LAST_SYNCED_AT, &at)?;
            state::remove(&tx, &[state::LAST_ERROR, state::RATE_LIMITED_UNTIL])?;
        }
        Err(e) => {
            let payload = serde_json::to_string(&ErrorPayload::from(e)).unwrap_or_default();
            state::set(&tx, state::LAST_ERROR, &payload)?;
            if let Error::RateLimited {
                retry_after_secs, ..
            } = e
            {
                if *retry_after_secs > cap_secs {
                    let until = now + chrono::TimeDelta::seconds(*retry_after_secs as i64);
                    state::set(&tx, state::RATE_LIMITED_UNTIL, &fmt_ts(until))?;
                }
            }
        }
    }
    // Pages applied before a failure are changes too.
    if let Some(words) = describe_changes(report) {
        state::set(&tx, state::LAST_CHANGE_AT, &at)?;
        state::set(&tx, state::LAST_CHANGE, &words)?;
    }
    tx.commit()?;
    Ok(())
}

/// "3 new bookings, 1 updated review" — or `None` when the sync changed nothing.
pub fn describe_changes(r: &SyncReport) -> Option<String> {
    let parts: Vec<String> = [
        (r.bookings_new, "new booking"),
        (r.bookings_updated, "updated booking"),
        (r.reviews_new, "new review"),
        (r.reviews_updated, "updated review"),
        (r.removed, "removed booking or review"),
        (r.relations_updated, "flag or note changed on the platform"),
        (r.pushed, "edit pushed"),
    ]
    .iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, what)| match (*n, *what) {
        (1, w) => format!("1 {w}"),
        (n, "removed booking or review") => format!("{n} removed bookings or reviews"),
        (n, "flag or note changed on the platform") => {
            format!("{n} flags or notes changed on the platform")
        }
        (n, "edit pushed") => format!("{n} edits pushed"),
        (n, w) => format!("{n} {w}s"),
    })
    .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}
