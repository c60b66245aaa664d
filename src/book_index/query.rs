//! Filters, chip counts, sorts and segment counts over the index; the same rules as the
//! SQL of `customers::list` and `segments::clause` (docs/rules.md §3, §9, §10).

use super::{BookIndex, Entry, SortText, State};
use crate::customers::{self, CustomerPage, CustomerQuery, SortKey, StatusCounts};
use crate::error::Result;
use crate::model::{Clock, CustomerStatus};
use crate::segments::{Segment, SegmentCounts};
use chrono::{Duration, NaiveDate};
use rusqlite::Connection;
use std::cmp::Ordering;

/// How deep an unfiltered page may be for SQLite to answer it (its OFFSET walks every
/// entry above the page: ~26 ms at row 25,000).
const SQL_DEPTH: u32 = 2_000;

/// SQLite's `julianday(day)` (midnight): the epoch is Julian day 2440587.5.
fn julian_day(day: NaiveDate) -> f64 {
    2_440_587.5 + (day - NaiveDate::from_ymd_opt(1970, 1, 1).unwrap()).num_days() as f64
}

/// A segment's test for one entry, as of a date (docs/rules.md §10).
struct SegmentTest {
    segment: Segment,
    today: NaiveDate,
    week_end: NaiveDate,
    lapsed_on: NaiveDate,
    today_jd: f64,
    /// Top spenders: the 10 % boundary as (spent, id); members sort at or above it.
    top_boundary: Option<(i64, i64)>,
}

impl SegmentTest {
    fn new(state: &State, segment: Segment, today: NaiveDate, lapsed_days: i64) -> SegmentTest {
        SegmentTest {
            segment,
            today,
            week_end: today + Duration::days(7),
            lapsed_on: today - Duration::days(lapsed_days),
            today_jd: julian_day(today),
            top_boundary: (segment == Segment::TopSpenders)
                .then(|| top_boundary(state))
                .flatten(),
        }
    }

    fn matches(&self, e: &Entry) -> bool {
        let eligible = !matches!(e.status, CustomerStatus::Blocked | CustomerStatus::Archived);
        match self.segment {
            Segment::Upcoming => {
                eligible
                    && e.next_open_on
                        .is_some_and(|d| self.today <= d && d <= self.week_end)
            }
            Segment::Lapsed => {
                eligible
                    && e.next_open_on.is_none()
                    && e.visit_dated_on.is_some_and(|d| d <= self.lapsed_on)
            }
            Segment::AtRisk => {
                eligible && e.next_open_on.is_none() && e.risk_jd.is_some_and(|r| r < self.today_jd)
            }
            Segment::CancelProne => e.cancel_prone && e.status != CustomerStatus::Archived,
            Segment::TopSpenders => {
                eligible
                    && e.total_spent > 0
                    && self
                        .top_boundary
                        .is_some_and(|(spent, id)| (e.total_spent, -e.id) >= (spent, -id))
            }
            Segment::Unreviewed => eligible && e.review_count == 0 && e.has_visit,
        }
    }
}

/// The last member of the top 10 % (rounded up) of eligible spenders, by spend then id.
fn top_boundary(state: &State) -> Option<(i64, i64)> {
    let mut spenders: Vec<(i64, i64)> = state
        .entries
        .iter()
        .filter(|e| {
            e.total_spent > 0
                && !matches!(e.status, CustomerStatus::Blocked | CustomerStatus::Archived)
        })
        .map(|e| (e.total_spent, e.id))
        .collect();
    if spenders.is_empty() {
        return None;
    }
    let k = spenders.len().div_ceil(10);
    let by_rank = |a: &(i64, i64), b: &(i64, i64)| b.0.cmp(&a.0).then(a.1.cmp(&b.1));
    let (_, kth, _) = spenders.select_nth_unstable_by(k - 1, by_rank);
    Some(*kth)
}

/// The order of a sort, ties by id in the same direction (as `customers::order_sql`).
fn compare(sort: SortKey, descending: bool) -> impl Fn(&Entry, &Entry) -> Ordering {
    move |a, b| {
        if sort == SortKey::Overdue {
            // No cadence last; most overdue (earliest due) first when descending.
            let by_due = match (a.due_jd, b.due_jd) {
                (Some(x), Some(y)) if descending => x.total_cmp(&y),
                (Some(x), Some(y)) => y.total_cmp(&x),
                (x, y) => x.is_none().cmp(&y.is_none()),
            };
            return by_due.then(a.id.cmp(&b.id));
        }
        let key = match sort {
            SortKey::Name => a.sort_name.cmp(&b.sort_name),
            SortKey::TotalBookings => a.total_bookings.cmp(&b.total_bookings),
            SortKey::TotalSpent => a.total_spent.cmp(&b.total_spent),
            SortKey::AverageRating if descending => a.rating_x100.cmp(&b.rating_x100),
            SortKey::AverageRating => a.rating_asc_key.cmp(&b.rating_asc_key),
            SortKey::LastBooking => a.last_booking_at.cmp(&b.last_booking_at),
            SortKey::Overdue => unreachable!(),
        };
        let asc = key.then(a.id.cmp(&b.id));
        if descending {
            asc.reverse()
        } else {
            asc
        }
    }
}

impl BookIndex {
    /// One page of the list, as [`customers::list`] answers it.
    pub fn list(
        &self,
        conn: &Connection,
        q: &CustomerQuery,
        clock: &Clock,
    ) -> Result<CustomerPage> {
        let args = customers::PageArgs::of(q)?;
        let terms = crate::search::terms(q.search.as_deref().unwrap_or(""));
        // Unfiltered (or by status only) and near the top, SQLite walks the sort's index
        // and reads the kept counts: faster than a pass over every card. Not for the
        // overdue sort, whose `due_jd IS NULL` key SQLite sorts in full (33 ms at 100k).
        let plain = q.tags.is_empty()
            && q.segment.is_none()
            && terms.is_empty()
            && args.sort != SortKey::Overdue;
        if plain && args.page.saturating_mul(args.page_size) <= SQL_DEPTH {
            return customers::list(conn, q, clock);
        }
        let Some(mut guard) = self.current(conn)? else {
            return customers::list(conn, q, clock);
        };
        let state = guard.as_mut().expect("current() loads the state");
        let found = state.search(&terms);
        let state = &*state;
        // The lapsed setting is read only when a segment needs it.
        let segment = match q.segment {
            Some(s) => Some(SegmentTest::new(
                state,
                s,
                clock.today(),
                crate::settings::lapsed_days(conn)?,
            )),
            None => None,
        };
        let tags: Vec<u32> = match q
            .tags
            .iter()
            .map(|t| state.tag_ids.get(crate::tags::key(t).as_str()).copied())
            .collect::<Option<Vec<_>>>()
        {
            Some(tags) => tags,
            // A tag nobody has: nothing matches.
            None => return empty_page(args),
        };
        // Per status, in `CustomerStatus` order; turned into the chips' counts after the pass.
        let mut by_status = [0i64; 6];
        let mut matches: Vec<&Entry> = Vec::new();
        for (i, e) in state.entries.iter().enumerate() {
            let hit = found.as_ref().is_none_or(|f| f[i])
                && tags.iter().all(|t| e.tags.contains(t))
                && segment.as_ref().is_none_or(|s| s.matches(e));
            if !hit {
                continue;
            }
            by_status[e.status as usize] += 1;
            let listed = match q.status {
                Some(st) => e.status == st,
                None => e.status != CustomerStatus::Archived,
            };
            if listed {
                matches.push(e);
            }
        }
        let mut counts = StatusCounts::default();
        for status in CustomerStatus::ALL
            .into_iter()
            .chain([CustomerStatus::Archived])
        {
            counts.add(status.as_str(), by_status[status as usize]);
        }
        let count = matches.len() as i64;
        let by = compare(args.sort, args.descending);
        let start = (args.page as usize - 1) * args.page_size as usize;
        let end = (start + args.page_size as usize).min(matches.len());
        let ids: Vec<i64> = if start >= matches.len() {
            Vec::new()
        } else {
            // Two selections put the page's cards at start..end in O(n); only those are
            // sorted (sorting everything before a deep page cost 20–30 ms at 100k).
            if end < matches.len() {
                matches.select_nth_unstable_by(end, |a, b| by(a, b));
            }
            let head = &mut matches[..end];
            if start > 0 {
                head.select_nth_unstable_by(start, |a, b| by(a, b));
            }
            let page = &mut head[start..];
            page.sort_unstable_by(|a, b| by(a, b));
            page.iter().map(|e| e.id).collect()
        };
        drop(guard);
        let results = customers::rows_by_id(conn, &ids, clock)?;
        Ok(customers::page_of(args, count, counts, results))
    }

    /// All six segment counts, as [`crate::segments::counts`] answers them.
    pub fn segment_counts(&self, conn: &Connection, clock: &Clock) -> Result<SegmentCounts> {
        let Some(guard) = self.current(conn)? else {
            return crate::segments::counts(conn, clock);
        };
        let state = guard.as_ref().expect("current() loads the state");
        let lapsed_days = crate::settings::lapsed_days(conn)?;
        let tests: Vec<SegmentTest> = Segment::ALL
            .iter()
            .map(|s| SegmentTest::new(state, *s, clock.today(), lapsed_days))
            .collect();
        let mut n = [0i64; 6];
        for e in &state.entries {
            for (i, t) in tests.iter().enumerate() {
                n[i] += i64::from(t.matches(e));
            }
        }
        Ok(SegmentCounts::in_order(n))
    }
}

impl BookIndex {
    /// The cohort chart's counts per month (see `charts::charts_with`): for each window of
    /// `bounds`, the non-archived cards whose first booking falls in it, and how many of
    /// them booked again within 90 days. `None` while the index loads.
    pub fn cohorts(&self, conn: &Connection, bounds: &[String]) -> Result<Option<Vec<(i64, i64)>>> {
        let Some(guard) = self.current(conn)? else {
            return Ok(None);
        };
        let state = guard.as_ref().expect("current() loads the state");
        let mut out = vec![(0i64, 0i64); bounds.len().saturating_sub(1)];
        let bounds: Vec<SortText> = bounds.iter().map(|b| SortText::new(b)).collect();
        let (Some(first), Some(last)) = (bounds.first(), bounds.last()) else {
            return Ok(Some(out));
        };
        for e in &state.entries {
            let at = &e.first_booking_at;
            if e.status == CustomerStatus::Archived || at < first || at >= last {
                continue;
            }
            let month = bounds.partition_point(|b| b <= at) - 1;
            out[month].0 += 1;
            out[month].1 += i64::from(e.rebooked_90);
        }
        Ok(Some(out))
    }
}

fn empty_page(args: customers::PageArgs) -> Result<CustomerPage> {
    Ok(customers::page_of(
        args,
        0,
        StatusCounts::default(),
        Vec::new(),
    ))
}
