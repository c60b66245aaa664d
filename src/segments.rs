//! Segments: who to call this week (docs/rules.md §10). Read at query time from the
//! summary's indexed segment facts, which `metrics` keeps per card as of one local date;
//! [`roll`] moves that date, re-deriving only the cards with a booking dated in between.

use crate::changes::{Changes, Scope};
use crate::error::{Error, Result};
use crate::model::Clock;
use chrono::{Duration, NaiveDate};
use rusqlite::types::Value as SqlValue;
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use specta::Type;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Segment {
    Upcoming,
    Lapsed,
    AtRisk,
    CancelProne,
    TopSpenders,
    Unreviewed,
}

impl Segment {
    pub const ALL: [Segment; 6] = [
        Segment::Upcoming,
        Segment::Lapsed,
        Segment::AtRisk,
        Segment::CancelProne,
        Segment::TopSpenders,
        Segment::Unreviewed,
    ];

    pub fn parse(s: &str) -> Result<Segment> {
        serde_json::from_value(serde_json::Value::String(s.into())).map_err(|_| {
            Error::invalid(format!(
                "segment: unknown segment {s:?}: expected upcoming, lapsed, at_risk, cancel_prone, top_spenders or unreviewed"
            ))
        })
    }
}

/// The cards in the book other than blocked ones (a blocked card is only ever cancel-prone).
const ELIGIBLE: &str = "s.status NOT IN ('blocked', 'archived')";

/// The condition on the summary `s` for a segment as of `today`, with its parameters.
pub(crate) fn clause(seg: Segment, today: NaiveDate, lapsed_days: i64) -> (String, Vec<SqlValue>) {
    let day = |d: NaiveDate| SqlValue::Text(d.to_string());
    match seg {
        Segment::Upcoming => (
            format!("{ELIGIBLE} AND s.next_open_on BETWEEN ? AND ?"),
            vec![day(today), day(today + Duration::days(7))],
        ),
        Segment::Lapsed => (
            format!("{ELIGIBLE} AND s.next_open_on IS NULL AND s.visit_dated_on <= ?"),
            vec![day(today - Duration::days(lapsed_days))],
        ),
        Segment::AtRisk => (
            format!("{ELIGIBLE} AND s.next_open_on IS NULL AND s.risk_jd < julianday(?)"),
            vec![day(today)],
        ),
        Segment::CancelProne => (
            "s.cancel_prone = 1 AND s.status <> 'archived'".into(),
            vec![],
        ),
        Segment::TopSpenders => (
            format!(
                "s.customer_id IN (SELECT s.customer_id FROM customer_summary s
                   WHERE {ELIGIBLE} AND s.total_spent > 0
                   ORDER BY s.total_spent DESC, s.customer_id ASC
                   LIMIT (SELECT (count(*) + 9) / 10 FROM customer_summary s
                           WHERE {ELIGIBLE} AND s.total_spent > 0))"
            ),
            vec![],
        ),
        Segment::Unreviewed => (
            format!("{ELIGIBLE} AND s.review_count = 0 AND s.last_visit_on IS NOT NULL"),
            vec![],
        ),
    }
}

/// How many customers are in each segment.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Type)]
pub struct SegmentCounts {
    pub upcoming: i64,
    pub lapsed: i64,
    pub at_risk: i64,
    pub cancel_prone: i64,
    pub top_spenders: i64,
    pub unreviewed: i64,
}

impl SegmentCounts {
    /// The counts of [`Segment::ALL`], in that order.
    pub(crate) fn in_order(n: [i64; 6]) -> SegmentCounts {
        SegmentCounts {
            upcoming: n[0],
            lapsed: n[1],
            at_risk: n[2],
            cancel_prone: n[3],
            top_spenders: n[4],
            unreviewed: n[5],
        }
    }
}

/// All six counts in one call (`segments`). The rows must be rolled to `clock`'s date.
pub fn counts(conn: &Connection, clock: &Clock) -> Result<SegmentCounts> {
    let today = clock.today();
    let lapsed = crate::settings::lapsed_days(conn)?;
    let mut n = [0i64; 6];
    for (i, seg) in Segment::ALL.iter().enumerate() {
        let (cond, p) = clause(*seg, today, lapsed);
        n[i] = conn
            .prepare_cached(&format!(
                "SELECT count(*) FROM customer_summary s WHERE {cond}"
            ))?
            .query_row(rusqlite::params_from_iter(p), |r| r.get(0))?;
    }
    Ok(SegmentCounts::in_order(n))
}

/// Re-derives the segment facts for `today` if they were derived for another date: only
/// the cards with a booking dated between the two dates can differ. Returns what changed.
pub fn roll(conn: &mut Connection, today: NaiveDate) -> Result<Changes> {
    let stored: Option<String> = conn
        .query_row(
            "SELECT value FROM settings WHERE key = 'segments_asof'",
            [],
            |r| r.get(0),
        )
        .ok()
        .filter(|d: &String| !d.is_empty());
    let today_s = today.to_string();
    if stored.as_deref() == Some(today_s.as_str()) {
        return Ok(Changes::none());
    }
    let tx = crate::db::write_tx(conn)?;
    crate::settings::set_segments_asof(&tx, &today_s)?;
    match stored {
        // Never derived (a database from before V8): every card, once.
        None => {
            tx.commit()?;
            crate::metrics::recompute_all(conn)?;
        }
        Some(old) => {
            let (lo, hi) = if old < today_s {
                (old, today_s)
            } else {
                (today_s, old)
            };
            let cards: Vec<i64> = tx
                .prepare(
                    "SELECT DISTINCT coalesce(c.card_id, c.id) FROM bookings b
                       JOIN customers c ON c.id = b.customer_id
                      WHERE b.booking_date BETWEEN ?1 AND ?2 AND b.removed = 0",
                )?
                .query_map(params![lo, hi], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            let t = crate::settings::thresholds(&tx)?;
            crate::metrics::refresh(&tx, cards, t)?;
            tx.commit()?;
        }
    }
    Ok(Changes::of(&[Scope::Customers, Scope::Stats]))
}

/// Changes the lapsed threshold (1–3650 days); nothing stored depends on it.
pub fn set_lapsed_days(conn: &mut Connection, days: i64) -> Result<()> {
    crate::settings::set_lapsed_days(conn, days)
}
