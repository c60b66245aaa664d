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
            "SELECT count(*) FROM customer_summary
              WHERE first_booking_at >= ?1 AND first_booking_at < ?2 AND status <> 'archived'",
            params![
                fmt_ts(start),
                end.map(fmt_ts).unwrap_or_else(|| "9999".into())
            ],
        )?;
        let revenue = count(
            conn,
            "SELECT coalesce(sum(total_amount), 0) FROM bookings
              WHERE removed = 0 AND status = 'completed' AND booking_date >= ?1 AND booking_date < ?2",
            params![first_day.to_string(), next_first],
        )? - count(
            conn,
            "SELECT coalesce(sum(b.total_amount), 0) FROM bookings b
              WHERE b.removed = 0 AND b.status = 'completed' AND b.booking_date >= ?1
                AND b.booking_date < ?2 AND b.customer_id IN
                    (SELECT c.id FROM customer_summary s JOIN customers c
                         ON c.id = s.customer_id OR c.card_id = s.customer_id
                      WHERE s.status = 'archived')",
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
        status_counts: crate::customers::status_counts(
            conn,
            &crate::customers::Filter::new(conn, clock, None, &[])?,
        )?,
    })
}
