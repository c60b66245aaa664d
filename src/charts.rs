//! The charts (docs/rules.md §3, §10): new customers and revenue per local month over a
//! range, cohort retention, revenue by service, the status distribution. Revenue is read
//! from `revenue_by_month` (kept by triggers on bookings), cohorts from the summary's
//! `rebooked_90`; archived cards are subtracted (they are few).

use crate::customers::{Filter, StatusCounts};
use crate::error::Result;
use crate::model::{fmt_ts, Clock, Money};
use chrono::{Datelike, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use specta::Type;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ChartRange {
    #[default]
    Last12Months,
    ThisYear,
    AllTime,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct MonthPoint {
    /// `YYYY-MM`, local calendar month.
    pub month: String,
    /// `Jan 2026`: a label that cannot be read as a date.
    pub label: String,
    /// The current month, still under way: its bars are not a drop.
    pub partial: bool,
    pub new_customers: i64,
    /// Sum of completed bookings' amounts whose booking date falls in the month.
    pub revenue: Money,
    /// Of this month's new customers, how many booked again within 90 days.
    pub cohort_rebooked: i64,
    /// `cohort_rebooked` ÷ `new_customers` × 100, 1 decimal; `null` without new customers.
    pub cohort_rate: Option<f64>,
    /// Fewer than 90 days have passed since the month ended: the share can still grow.
    pub cohort_open: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct ServiceRevenue {
    pub service: String,
    pub revenue: Money,
    pub bookings: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Charts {
    pub range: ChartRange,
    /// Oldest first, the current month last.
    pub months: Vec<MonthPoint>,
    /// The top 10 services by revenue over the range.
    pub services: Vec<ServiceRevenue>,
    pub status_counts: StatusCounts,
    /// No booking at all yet: the UI shows an empty state, not empty axes.
    pub empty: bool,
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Customers of archived cards, whose bookings leave the charts.
const ARCHIVED_CUSTOMERS: &str = "SELECT c.id FROM customer_summary s JOIN customers c
       ON c.id = s.customer_id OR c.card_id = s.customer_id WHERE s.status = 'archived'";

fn first_of(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

fn next_month(d: NaiveDate) -> NaiveDate {
    let (y, m) = if d.month() == 12 {
        (d.year() + 1, 1)
    } else {
        (d.year(), d.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(d)
}

/// The first month of the range (local).
fn start(conn: &Connection, clock: &Clock, range: ChartRange) -> Result<NaiveDate> {
    let today = clock.today();
    Ok(match range {
        ChartRange::Last12Months => {
            let back = clock.month_start(11).with_timezone(&clock.tz).date_naive();
            first_of(back)
        }
        ChartRange::ThisYear => NaiveDate::from_ymd_opt(today.year(), 1, 1).unwrap_or(today),
        ChartRange::AllTime => {
            let first: Option<String> = conn
                .query_row(
                    "SELECT min(first_booking_at) FROM customer_summary WHERE first_booking_at > ''",
                    [],
                    |r| r.get(0),
                )
                .optional()?
                .flatten();
            let month: Option<String> = conn
                .query_row(
                    "SELECT min(month) FROM revenue_by_month WHERE bookings > 0",
                    [],
                    |r| r.get(0),
                )
                .optional()?
                .flatten();
            let from_first = first
                .and_then(|t| crate::model::parse_ts(&t).ok())
                .map(|t| first_of(clock.local_date(t)));
            let from_revenue =
                month.and_then(|m| NaiveDate::parse_from_str(&format!("{m}-01"), "%Y-%m-%d").ok());
            from_first
                .into_iter()
                .chain(from_revenue)
                .min()
                .map_or(first_of(today), |d| d.min(first_of(today)))
        }
    })
}

fn count(conn: &Connection, sql: &str, p: impl rusqlite::Params) -> Result<i64> {
    Ok(conn.prepare_cached(sql)?.query_row(p, |r| r.get(0))?)
}

/// The charts from SQL alone (the CLI's one-shot path).
pub fn charts(conn: &Connection, clock: &Clock, range: ChartRange) -> Result<Charts> {
    charts_with(conn, clock, range, None)
}

/// Each month's (new customers, rebooked within 90 days), months bounded by `bounds`
/// (local midnights as stored timestamps, ascending), archived cards left out.
fn cohorts_from_sql(conn: &Connection, bounds: &[String]) -> Result<Vec<(i64, i64)>> {
    let mut st = conn.prepare_cached(
        "SELECT count(*), coalesce(sum(rebooked_90), 0) FROM customer_summary
          WHERE first_booking_at >= ?1 AND first_booking_at < ?2 AND status <> 'archived'",
    )?;
    bounds
        .windows(2)
        .map(|w| Ok(st.query_row(params![w[0], w[1]], |r| Ok((r.get(0)?, r.get(1)?)))?))
        .collect()
}

/// The charts; the cohorts are counted from `index` when given (the desktop's: one pass
/// in memory instead of a range scan per month, ~12 ms at 100,000 customers).
pub fn charts_with(
    conn: &Connection,
    clock: &Clock,
    range: ChartRange,
    index: Option<&crate::book_index::BookIndex>,
) -> Result<Charts> {
    let today = clock.today();
    let first = start(conn, clock, range)?;
    let mut starts = vec![first];
    while let Some(&m) = starts.last().filter(|m| **m <= today) {
        starts.push(next_month(m));
    }
    let bounds: Vec<String> = starts
        .iter()
        .map(|m| fmt_ts(clock.local_midnight(*m)))
        .collect();
    let cohorts = match index {
        Some(index) => index.cohorts(conn, &bounds)?,
        None => None,
    };
    let cohorts = match cohorts {
        Some(c) => c,
        None => cohorts_from_sql(conn, &bounds)?,
    };
    let mut months = Vec::new();
    for (i, (new, rebooked)) in cohorts.into_iter().enumerate() {
        let (month, next) = (starts[i], starts[i + 1]);
        let key = format!("{:04}-{:02}", month.year(), month.month());
        let revenue = count(
            conn,
            "SELECT coalesce(sum(revenue), 0) FROM revenue_by_month WHERE month = ?1",
            [&key],
        )? - count(
            conn,
            &format!(
                "SELECT coalesce(sum(total_amount), 0) FROM bookings
                  WHERE removed = 0 AND status = 'completed' AND booking_date >= ?1
                    AND booking_date < ?2 AND customer_id IN ({ARCHIVED_CUSTOMERS})"
            ),
            params![month.to_string(), next.to_string()],
        )?;
        months.push(MonthPoint {
            label: format!("{} {}", MONTHS[month.month0() as usize], month.year()),
            partial: next > today,
            new_customers: new,
            revenue: Money(revenue),
            cohort_rebooked: rebooked,
            cohort_rate: (new > 0).then(|| ((rebooked * 2000 + new) / (2 * new)) as f64 / 10.0),
            cohort_open: (today - next).num_days() < 90,
            month: key,
        });
    }
    let services = services(conn, months.first().map(|m| m.month.as_str()).unwrap_or(""))?;
    let empty = !months
        .iter()
        .any(|m| m.new_customers > 0 || m.revenue.0 > 0)
        && count(
            conn,
            "SELECT NOT EXISTS (SELECT 1 FROM customer_summary WHERE first_booking_at > '')",
            [],
        )? == 1;
    Ok(Charts {
        range,
        months,
        services,
        status_counts: crate::customers::status_counts(
            conn,
            &Filter::new(conn, clock, None, &[])?,
        )?,
        empty,
    })
}

/// The top 10 services by revenue from `from_month` on, archived cards left out.
fn services(conn: &Connection, from_month: &str) -> Result<Vec<ServiceRevenue>> {
    let mut archived: std::collections::HashMap<String, (i64, i64)> = Default::default();
    {
        let mut st = conn.prepare_cached(&format!(
            "SELECT service_title, sum(total_amount), count(*) FROM bookings
              WHERE removed = 0 AND status = 'completed' AND booking_date >= ?1
                AND customer_id IN ({ARCHIVED_CUSTOMERS}) GROUP BY 1"
        ))?;
        let rows = st.query_map([format!("{from_month}-01")], |r| {
            Ok((r.get(0)?, (r.get(1)?, r.get(2)?)))
        })?;
        for row in rows {
            let (k, v) = row?;
            archived.insert(k, v);
        }
    }
    let mut st = conn.prepare_cached(
        "SELECT service_title, sum(revenue), sum(bookings) FROM revenue_by_month
          WHERE month >= ?1 GROUP BY 1",
    )?;
    let mut all: Vec<ServiceRevenue> = st
        .query_map([from_month], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, i64>(2)?,
            ))
        })?
        .map(|row| {
            row.map(|(service, revenue, bookings)| {
                let (ar, ab) = archived.get(&service).copied().unwrap_or((0, 0));
                ServiceRevenue {
                    service,
                    revenue: Money(revenue - ar),
                    bookings: bookings - ab,
                }
            })
        })
        .collect::<rusqlite::Result<_>>()?;
    all.retain(|s| s.bookings > 0);
    all.sort_by(|a, b| b.revenue.cmp(&a.revenue).then(a.service.cmp(&b.service)));
    all.truncate(10);
    Ok(all)
}
