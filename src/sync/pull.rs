//! Incremental pull (docs/platform.md: there is no "changed since" filter): new bookings and reviews newest first
//! until a page holds nothing new or changed; open bookings re-read by status list, and any
//! that left their list fetched by id.

use super::context::Run;
use super::page::{parse_one_booking, Kind, Progress};
use super::{state, SyncPhase};
use crate::error::Result;
use std::collections::{BTreeMap, BTreeSet};

pub const BOOKINGS: &str = "/api/bookings/bookings/";
pub const REVIEWS: &str = "/api/reviews/";

pub async fn new_bookings(run: &mut Run<'_>) -> Result<()> {
    run.enter(SyncPhase::Bookings);
    newest_first(run, Kind::Booking, BOOKINGS).await
}

pub async fn new_reviews(run: &mut Run<'_>) -> Result<()> {
    run.enter(SyncPhase::Reviews);
    newest_first(run, Kind::Review, REVIEWS).await
}

/// Pages `ordering=-created_at` until a whole page is already known and unchanged.
async fn newest_first(run: &mut Run<'_>, kind: Kind, path: &str) -> Result<()> {
    let mut page_no = 1;
    loop {
        let q = run.page_query(page_no, &[("ordering", "-created_at".into())]);
        let Some(page) = run.fetch_page(kind, path, &q).await? else {
            return Ok(());
        };
        let progress = Progress {
            cursor: vec![(
                state::INCREMENTAL_CURSOR,
                format!("{}:{page_no}", kind.as_str()),
            )],
            seen: None,
        };
        let r = run.with_db(|c| super::page::apply_page(c, &page.batch, &progress))?;
        run.count(&r);
        run.tick(page.batch.len(), page.total_pages);
        let changed = r.bookings_new + r.bookings_updated + r.reviews_new + r.reviews_updated;
        if changed == 0 || !page.has_next {
            return Ok(());
        }
        page_no += 1;
    }
}

/// Re-reads every local open booking: one `?status=` list per open status present, then
/// by id for those no list returned. Returns the ids the platform says are gone (404 by
/// id); only the light and full passes act on them.
pub async fn open_bookings(run: &mut Run<'_>) -> Result<Vec<i64>> {
    run.enter(SyncPhase::OpenBookings);
    let open: BTreeMap<String, BTreeSet<i64>> = run.with_db(open_by_status)?;
    let mut seen = BTreeSet::new();
    for status in open.keys() {
        let mut page_no = 1;
        loop {
            let q = run.page_query(
                page_no,
                &[
                    ("status", status.clone()),
                    ("ordering", "-created_at".into()),
                ],
            );
            let Some(page) = run.fetch_page(Kind::Booking, BOOKINGS, &q).await? else {
                break;
            };
            let progress = Progress {
                cursor: vec![(
                    state::INCREMENTAL_CURSOR,
                    format!("status={status}:{page_no}"),
                )],
                seen: None,
            };
            let r = run.with_db(|c| super::page::apply_page(c, &page.batch, &progress))?;
            run.count(&r);
            run.tick(page.batch.len(), None);
            seen.extend(page.ids());
            if !page.has_next {
                break;
            }
            page_no += 1;
        }
    }
    let left: Vec<i64> = open
        .values()
        .flatten()
        .filter(|id| !seen.contains(id))
        .copied()
        .collect();
    let mut gone = Vec::new();
    for id in left {
        if !fetch_booking_by_id(run, id).await? {
            gone.push(id);
        }
    }
    Ok(gone)
}

/// Fetches one booking by id and applies it; `false` when the platform says 404.
pub async fn fetch_booking_by_id(run: &mut Run<'_>, id: i64) -> Result<bool> {
    let url = run.api.url(&format!("{BOOKINGS}{id}/"), &[])?;
    let Some(doc) = run.api.get(&url).await? else {
        run.tick(0, None);
        return Ok(false);
    };
    let batch = parse_one_booking(&doc)?;
    let r = run.with_db(|c| super::page::apply_page(c, &batch, &Progress::default()))?;
    run.count(&r);
    run.tick(1, None);
    Ok(true)
}

fn open_by_status(conn: &mut rusqlite::Connection) -> Result<BTreeMap<String, BTreeSet<i64>>> {
    let mut st = conn.prepare(
        "SELECT status, id FROM bookings
          WHERE removed = 0 AND id > 0 AND status NOT IN ('completed', 'cancelled', 'rejected')",
    )?;
    let mut out: BTreeMap<String, BTreeSet<i64>> = BTreeMap::new();
    for row in st.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))? {
        let (status, id) = row?;
        out.entry(status).or_default().insert(id);
    }
    Ok(out)
}
