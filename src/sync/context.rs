//! The per-run context every phase works through: the database (locked only briefly, never
//! across an `.await`), the HTTP client, the options, the report and the progress.

use super::http::Api;
use super::page::{parse_page, Kind, Page};
use super::{SyncOptions, SyncPhase, SyncProgress, SyncReport};
use crate::error::Result;
use crate::ingest::ApplyReport;
use rusqlite::Connection;
use std::sync::{Arc, Mutex};

pub type ProgressFn<'a> = &'a (dyn Fn(SyncProgress) + Send + Sync);

pub(crate) struct Run<'a> {
    pub db: &'a Mutex<Connection>,
    /// Shared so page requests can be in flight while earlier pages are applied.
    pub api: Arc<Api<'a>>,
    pub opts: &'a SyncOptions,
    pub report: SyncReport,
    pub relations_fetched: bool,
    pub on_progress: ProgressFn<'a>,
    pub progress: SyncProgress,
}

impl<'a> Run<'a> {
    pub fn new(
        db: &'a Mutex<Connection>,
        api: Api<'a>,
        opts: &'a SyncOptions,
        on_progress: ProgressFn<'a>,
    ) -> Run<'a> {
        Run {
            db,
            api: Arc::new(api),
            opts,
            report: SyncReport::default(),
            relations_fetched: false,
            on_progress,
            progress: SyncProgress::default(),
        }
    }

    /// Runs `f` with the connection locked; never call across an `.await`.
    pub fn with_db<T>(&self, f: impl FnOnce(&mut Connection) -> Result<T>) -> Result<T> {
        let mut conn = self.db.lock().unwrap_or_else(|p| p.into_inner());
        f(&mut conn)
    }

    pub fn enter(&mut self, phase: SyncPhase) {
        self.progress.phase = phase;
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
        fetch_page_at(&self.api, kind, &url).await
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

/// GETs and parses the list page at `url`; `None` past the end. The parse runs on a
/// worker thread, overlapping the apply of the page before.
pub(crate) async fn fetch_page_at(api: &Api<'_>, kind: Kind, url: &str) -> Result<Option<Page>> {
    let Some(doc) = api.get(url).await? else {
        return Ok(None);
    };
    tokio::task::spawn_blocking(move || parse_page(kind, &doc))
        .await
        .map_err(|e| crate::Error::Malformed(format!("parsing a page failed: {e}")))?
        .map(Some)
}
