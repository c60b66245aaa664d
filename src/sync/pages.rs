//! Reading a long list faster: up to `max_in_flight` page requests at once (one for the
//! rest of the sync once the platform has answered 429), while pages are still handed over strictly in order, so each is
//! applied in its own transaction with the cursor it advances, as if read one at a time.

use super::context::{fetch_page_at, Run};
use super::page::{Kind, Page};
use crate::error::Result;
use futures_util::stream::{FuturesOrdered, StreamExt};

/// What the caller wants after a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    Continue,
    Stop,
}

/// Reads pages `first..` of `path` and hands each to `on_page` in order: `Some(page)`, or
/// `None` once past the end (`404 Invalid page.`). Requests beyond the first run ahead only
/// up to the last page the server announced, so nothing is read that a sequential reader
/// would not read, unless `on_page` stops early.
pub async fn each_page<'a>(
    run: &mut Run<'a>,
    kind: Kind,
    path: &str,
    extra: &[(&'static str, String)],
    first: u32,
    mut on_page: impl FnMut(&mut Run<'a>, u32, Option<Page>) -> Result<Flow>,
) -> Result<()> {
    let api = run.api.clone();
    let mut next = first;
    // The last page worth requesting ahead; unknown until the first answer.
    let mut last: Option<u32> = None;
    let mut in_flight = FuturesOrdered::new();
    loop {
        let limit = if api.throttled() > 0 {
            1
        } else {
            run.opts.max_in_flight.max(1)
        };
        while in_flight.len() < limit && last.map_or(in_flight.is_empty(), |l| next <= l) {
            let url = api.url(path, &run.page_query(next, extra))?;
            let api = api.clone();
            let n = next;
            in_flight.push_back(async move { (n, fetch_page_at(&api, kind, &url).await) });
            next += 1;
        }
        let Some((page_no, fetched)) = in_flight.next().await else {
            return Ok(());
        };
        // Pages read ahead must not be applied after a cancel.
        api.check_cancelled()?;
        let Some(page) = fetched? else {
            on_page(run, page_no, None)?;
            return Ok(());
        };
        let has_next = page.has_next;
        let announced = page.total_pages.unwrap_or(page_no);
        last = Some(last.unwrap_or(0).max(announced));
        if has_next && last <= Some(page_no) {
            // The list grew since the server counted it.
            last = Some(page_no + 1);
        }
        if on_page(run, page_no, Some(page))? == Flow::Stop || !has_next {
            return Ok(());
        }
    }
}
