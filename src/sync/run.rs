//! The sync entry point and the per-run context: HTTP happens without the database lock;
//! the lock is taken only briefly to read or to apply one page.

use super::http::Api;
use super::page::{parse_page, Kind, Page};
use super::token_store::TokenStore;
use super::{full, pull, push, state, SyncOptions, SyncProgress, SyncReport};
use crate::error::{Error, ErrorPayload, Result};
use crate::ingest::ApplyReport;
use crate::model::fmt_ts;
use rusqlite::Connection;
use std::sync::Mutex;
use tokio_util::sync::CancellationToken;

pub type ProgressFn<'a> = &'a (dyn Fn(SyncProgress) + Send + Sync);

pub(crate) struct Run<'a> {
    pub db: &'a Mutex<Connection>,
    pub api: Api<'a>,
    pub opts: &'a SyncOptions,
    pub report: SyncReport,
    pub relations_fetched: bool,
    on_progress: ProgressFn<'a>,
    progress: SyncProgress,
}

impl Run<'_> {
    /// Runs `f` with the connection locked; never call across an `.await`.
    pub fn with_db<T>(&self, f: impl FnOnce(&mut Connection) -> Result<T>) -> Result<T> {
        let mut conn = self.db.lock().unwrap_or_else(|p| p.into_inner());
        f(&mut conn)
    }

    pub fn enter(&mut self, phase: &str) {
        self.progress.phase = phase.to_string();
        self.progress.pages = 0;
        self.progress.items = 0;
        self.progress.total_pages = None;
        self.emit();
    }

    /// Reports one more page (or single request) done.
    pub fn tick(&mut self, items: usize, total_pages: Option<u32>) {
        self.progress.pages += 1;
        self.progress.items += items as u32;
        self.progress.total_pages = total_pages.or(self.progress.total_pages);
        self.emit();
    }

    fn emit(&mut self) {
        self.progress.requests = self.api.requests();
        (self.on_progress)(self.progress.clone());
    }

    pub fn count(&mut self, r: &ApplyReport) {
        self.report.bookings_new += r.bookings_new;
        self.report.bookings_updated += r.bookings_updated;
        self.report.reviews_new += r.reviews_new;
        self.report.reviews_updated += r.reviews_updated;
    }

    /// GETs and parses one list page; `None` past the end (`404 Invalid page.`).
    pub async fn fetch_page(
        &self,
        kind: Kind,
        path: &str,
        query: &[(&str, String)],
    ) -> Result<Option<Page>> {
        let url = self.api.url(path, query)?;
        match self.api.get(&url).await? {
            Some(doc) => parse_page(kind, &doc).map(Some),
            None => Ok(None),
        }
    }

    pub fn page_query(
        &self,
        page: u32,
        extra: &[(&'static str, String)],
    ) -> Vec<(&'static str, String)> {
        let mut q = extra.to_vec();
        q.push(("page", page.to_string()));
        q.push(("page_size", self.opts.page_size.to_string()));
        q
    }
}

/// Pulls bookings, reviews and relations, then pushes pending edits. Every page commits
/// with its cursor, so a failure or cancellation leaves a consistent, usable database.
pub async fn sync(
    db: &Mutex<Connection>,
    store: &dyn TokenStore,
    opts: SyncOptions,
    progress: ProgressFn<'_>,
    cancel: &CancellationToken,
) -> Result<SyncReport> {
    let started = std::time::Instant::now();
    let base_url = {
        let conn = db.lock().unwrap_or_else(|p| p.into_inner());
        state::get(&conn, state::BASE_URL)?
    }
    .ok_or_else(|| Error::Unauthorized("not signed in; sign in to the marketplace first".into()))?;
    let api = Api::new(&base_url, opts.retry.clone(), store, cancel)?;
    let mut run = Run {
        db,
        api,
        opts: &opts,
        report: SyncReport::default(),
        relations_fetched: false,
        on_progress: progress,
        progress: SyncProgress::default(),
    };
    let result = run_phases(&mut run).await;
    run.report.requests = run.api.requests();
    run.report.bytes = run.api.bytes();
    run.report.duration_ms = started.elapsed().as_millis() as u64;
    let now = fmt_ts(opts.now.unwrap_or_else(chrono::Utc::now));
    run.with_db(|conn| match &result {
        Ok(()) => {
            state::set(conn, state::LAST_SYNCED_AT, &now)?;
            state::remove(conn, &[state::LAST_ERROR])
        }
        Err(e) => {
            let payload = serde_json::to_string(&ErrorPayload::from(e)).unwrap_or_default();
            state::set(conn, state::LAST_ERROR, &payload)
        }
    })?;
    result?;
    run.enter("done");
    Ok(run.report)
}

async fn run_phases(run: &mut Run<'_>) -> Result<()> {
    run.enter("login");
    run.api.refresh().await?;
    let full = run.with_db(|conn| full::is_due(conn, run.opts))?;
    run.report.full = full;
    if full {
        full::reconcile(run).await?;
    } else {
        pull::new_bookings(run).await?;
        pull::open_bookings(run).await?;
        pull::new_reviews(run).await?;
    }
    push::push_outbox(run).await
}
