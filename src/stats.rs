//! The stats cards and the charts, computed from indexed ranges and trigger-kept totals.

use crate::error::Result;
use crate::model::{fmt_ts, Clock};
use chrono::Duration;
use rusqlite::Connection;
use serde::Serialize;
use specta::Type;

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Stats {
    pub total_customers: i64,
    pub regular_customers: i64,
    pub new_customers_this_month: i64,
    pub active_customers: i64,
    pub favorite_customers: i64,
    pub blocked_customers: i64,
    /// The provider's rating: mean of all review ratings, 2 decimals; `null` with no review.
    pub average_rating: Option<f64>,
    /// Customers with ≥ 2 counted bookings, as a percentage of the customers with at least
    /// one booking of any status, 1 decimal.
    pub retention_rate: f64,
}

fn count(conn: &Connection, sql: &str, p: impl rusqlite::Params) -> Result<i64> {
    Ok(conn.prepare_cached(sql)?.query_row(p, |r| r.get(0))?)
}

/// Counts the cards in the book matching `cond` (a condition on the summary `s`): all
/// matches, less the archived ones, each an index range (archived cards are few).
fn in_book(conn: &Connection, cond: &str, p: impl rusqlite::Params + Clone) -> Result<i64> {
    let all = count(
        conn,
        &format!("SELECT count(*) FROM customer_summary s WHERE {cond}"),
        p.clone(),
    )?;
    let archived = count(
        conn,
        &format!("SELECT count(*) FROM customer_summary s WHERE s.status = 'archived' AND {cond}"),
        p,
    )?;
    Ok(all - archived)
}

pub fn stats(conn: &Connection, clock: &Clock) -> Result<Stats> {
    let t = crate::settings::thresholds(conn)?;
    let total = count(
        conn,
        "SELECT coalesce(sum(n), 0) FROM status_counts WHERE status <> 'archived'",
        [],
    )?;
    let regular = in_book(conn, "s.total_bookings >= ?1", [t.regular])?;
    let returning = in_book(conn, "s.total_bookings >= 2", [])?;
    // Own cards without a visit have an empty first booking (metrics::no_bookings).
    let booked = in_book(conn, "s.first_booking_at > ''", [])?;
    let new_this_month = in_book(
        conn,
        "s.first_booking_at >= ?1",
        [fmt_ts(clock.month_start(0))],
    )?;
    let active = in_book(
        conn,
        "s.last_booking_at >= ?1",
        [fmt_ts(clock.now - Duration::days(30))],
    )?;
    let flagged = |flag: &str| {
        count(
            conn,
            &format!(
                "SELECT count(*) FROM relations r JOIN customer_summary s ON s.customer_id = r.customer_id
                  WHERE r.{flag} = 1 AND s.status <> 'archived'"
            ),
            [],
        )
    };
    let (n, sum): (i64, i64) = conn
        .prepare_cached("SELECT n, total FROM review_totals WHERE id = 1")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    // Archived cards' reviews leave the provider's rating too (docs/rules.md §7).
    let (an, asum): (i64, i64) = conn
        .prepare_cached(
            "SELECT count(*), coalesce(sum(v.rating), 0) FROM reviews v
              WHERE v.removed = 0 AND v.customer_id IN
                    (SELECT c.id FROM customer_summary s JOIN customers c
                         ON c.id = s.customer_id OR c.card_id = s.customer_id
                      WHERE s.status = 'archived')",
        )?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(Stats {
        total_customers: total,
        regular_customers: regular,
        new_customers_this_month: new_this_month,
        active_customers: active,
        favorite_customers: flagged("is_favorite")?,
        blocked_customers: flagged("is_blocked")?,
        average_rating: crate::metrics::average_x100(sum - asum, n - an).map(|x| x as f64 / 100.0),
        retention_rate: if booked == 0 {
            0.0
        } else {
            // Rounded half up to 1 decimal in integers, then shown as a number.
            ((returning * 2000 + booked) / (2 * booked)) as f64 / 10.0
        },
    })
}

pub use crate::charts::{charts, charts_with, ChartRange, Charts, MonthPoint, ServiceRevenue};
