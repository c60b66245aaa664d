//! The stats cards and the charts, computed from indexed ranges and trigger-kept totals.

use crate::customers::StatusCounts;
use crate::error::Result;
use crate::model::{fmt_ts, Clock, Money};
use chrono::{Datelike, Duration};
use rusqlite::{params, Connection};
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
    /// Customers with ≥ 2 counted bookings, as a percentage of all customers, 1 decimal.
    pub retention_rate: f64,
}

fn count(conn: &Connection, sql: &str, p: impl rusqlite::Params) -> Result<i64> {
    Ok(conn.prepare_cached(sql)?.query_row(p, |r| r.get(0))?)
}

pub fn stats(conn: &Connection, clock: &Clock) -> Result<Stats> {
    let t = crate::settings::thresholds(conn)?;
    let total = count(conn, "SELECT coalesce(sum(n), 0) FROM status_counts", [])?;
    let regular = count(
        conn,
        "SELECT count(*) FROM customer_summary WHERE total_bookings >= ?1",
        [t.regular],
    )?;
    let returning = count(
        conn,
        "SELECT count(*) FROM customer_summary WHERE total_bookings >= 2",
        [],
    )?;
    let new_this_month = count(
        conn,
        "SELECT count(*) FROM customer_summary WHERE first_booking_at >= ?1",
        [fmt_ts(clock.month_start(0))],
    )?;
    let active = count(
        conn,
        "SELECT count(*) FROM customer_summary WHERE last_booking_at >= ?1",
        [fmt_ts(clock.now - Duration::days(30))],
    )?;
    let favorite = count(
        conn,
        "SELECT count(*) FROM relations WHERE is_favorite = 1",
        [],
    )?;
    let blocked = count(
        conn,
        "SELECT count(*) FROM relations WHERE is_blocked = 1",
        [],
    )?;
    let (n, sum): (i64, i64) = conn
        .prepare_cached("SELECT n, total FROM review_totals WHERE id = 1")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(Stats {
        total_customers: total,
        regular_customers: regular,
        new_customers_this_month: new_this_month,
        active_customers: active,
        favorite_customers: favorite,
        blocked_customers: blocked,
        average_rating: crate::metrics::average_x100(sum, n).map(|x| x as f64 / 100.0),
        retention_rate: if total == 0 {
            0.0
        } else {
            // Rounded half up to 1 decimal in integers, then shown as a number.
            ((returning * 2000 + total) / (2 * total)) as f64 / 10.0
        },
    })
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct MonthPoint {
    /// `YYYY-MM`, local calendar month.
    pub month: String,
    pub new_customers: i64,
    /// Sum of completed bookings' amounts whose booking date falls in the month.
    pub revenue: Money,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Charts {
    /// The last 12 months, oldest first, the current month last.
    pub months: Vec<MonthPoint>,
    pub status_counts: StatusCounts,
}

pub fn charts(conn: &Connection, clock: &Clock) -> Result<Charts> {
    let mut months = Vec::with_capacity(12);
    for back in (0..12u32).rev() {
        let start = clock.month_start(back);
        let end = if back == 0 {
            None
        } else {
            Some(clock.month_start(back - 1))
        };
        let local = start.with_timezone(&clock.tz);
        let first_day = local.date_naive().with_day(1).unwrap_or(local.date_naive());
        let next_first = end
            .map(|e| e.with_timezone(&clock.tz).date_naive().to_string())
            .unwrap_or_else(|| "9999-12-31".into());
        let new_customers = count(
            conn,
            "SELECT count(*) FROM customer_summary WHERE first_booking_at >= ?1 AND first_booking_at < ?2",
            params![fmt_ts(start), end.map(fmt_ts).unwrap_or_else(|| "9999".into())],
        )?;
        let revenue = count(
            conn,
            "SELECT coalesce(sum(total_amount), 0) FROM bookings
              WHERE removed = 0 AND status = 'completed' AND booking_date >= ?1 AND booking_date < ?2",
            params![first_day.to_string(), next_first],
        )?;
        months.push(MonthPoint {
            month: format!("{:04}-{:02}", first_day.year(), first_day.month()),
            new_customers,
            revenue: Money(revenue),
        });
    }
    Ok(Charts {
        months,
        status_counts: crate::customers::status_counts(conn, None)?,
    })
}
