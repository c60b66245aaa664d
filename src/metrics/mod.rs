//! The single place the docs/rules.md §2 rules live: per-customer metrics and the status rule.
//!
//! Metrics are refreshed only for the customers a change touched (`refresh`); `recompute_all`
//! rebuilds every row from scratch by a different read path, for checking and repair.
//! This file holds the rules; `summary.rs` writes their results into `customer_summary`
//! and the per-status counts.

mod summary;
pub use summary::*;

use crate::model::{booking_status, CustomerStatus, Thresholds};

/// The facts about one live booking that the metrics read.
#[derive(Debug, Clone)]
pub struct BookingFacts {
    pub id: i64,
    pub status: String,
    pub total_amount: i64,
    pub created_at: String,
    pub booking_date: String,
    pub service_title: String,
}

/// Derived metrics of one customer with at least one live booking.
#[derive(Debug, Clone, PartialEq)]
pub struct Metrics {
    pub total_bookings: i64,
    pub cancelled_bookings: i64,
    pub total_spent: i64,
    pub review_count: i64,
    pub rating_sum: i64,
    pub first_booking_at: String,
    pub last_booking_at: String,
    pub last_visit_on: Option<String>,
    pub last_service_title: String,
    pub last_service_date: String,
    pub last_service_amount: i64,
    pub segment: SegmentFacts,
}

/// What the segments and cadence read (docs/rules.md §10), derived as of a local date.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SegmentFacts {
    /// The latest `booking_date` ≤ as-of of a counted booking.
    pub visit_dated_on: Option<String>,
    /// Median gap in days between the distinct counted dates ≤ as-of, with ≥ 3 of them.
    pub cadence_days: Option<f64>,
    /// The earliest open booking dated on or after as-of.
    pub next_open_on: Option<String>,
    pub cancel_prone: bool,
    /// Booked again (a counted booking) within 90 days of the first booking.
    pub rebooked_90: bool,
}

/// The segment facts of one customer's live bookings as of `asof` (`YYYY-MM-DD`).
pub fn segment_facts<'a>(
    bookings: impl IntoIterator<Item = &'a BookingFacts>,
    asof: &str,
) -> SegmentFacts {
    let mut dates: Vec<&str> = Vec::new();
    let mut next_open: Option<&str> = None;
    let (mut counted, mut cancelled) = (0i64, 0i64);
    let mut created: Vec<&str> = Vec::new();
    for b in bookings {
        let counts = booking_status::counts(&b.status);
        if counts {
            counted += 1;
            created.push(&b.created_at);
            if b.booking_date.as_str() <= asof {
                dates.push(&b.booking_date);
            }
        } else {
            cancelled += 1;
        }
        if booking_status::OPEN.contains(&b.status.as_str())
            && b.booking_date.as_str() >= asof
            && next_open.is_none_or(|n| b.booking_date.as_str() < n)
        {
            next_open = Some(&b.booking_date);
        }
    }
    dates.sort_unstable();
    dates.dedup();
    let days: Vec<i64> = dates
        .iter()
        .filter_map(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .map(|d| i64::from(chrono::Datelike::num_days_from_ce(&d)))
        .collect();
    let cadence_days = (days.len() >= 3).then(|| {
        let mut gaps: Vec<i64> = days.windows(2).map(|w| w[1] - w[0]).collect();
        gaps.sort_unstable();
        let n = gaps.len();
        match n % 2 {
            1 => gaps[n / 2] as f64,
            _ => (gaps[n / 2 - 1] + gaps[n / 2]) as f64 / 2.0,
        }
    });
    created.sort_unstable();
    let rebooked_90 = match created.as_slice() {
        [first, second, ..] => {
            let (a, b) = (
                crate::model::stored_ts(first),
                crate::model::stored_ts(second),
            );
            b - a <= chrono::Duration::days(90)
        }
        _ => false,
    };
    SegmentFacts {
        visit_dated_on: dates.last().map(|d| d.to_string()),
        cadence_days,
        next_open_on: next_open.map(str::to_string),
        cancel_prone: cancelled >= 3 && cancelled * 10 >= 3 * (counted + cancelled),
        rebooked_90,
    }
}

/// Folds a customer's live bookings and review totals into metrics as of the local date
/// `asof` (`YYYY-MM-DD`); `None` with no booking.
pub fn summarise(
    bookings: &[BookingFacts],
    review_count: i64,
    rating_sum: i64,
    asof: &str,
) -> Option<Metrics> {
    let segment = segment_facts(bookings, asof);
    let mut m: Option<Metrics> = None;
    let mut last: Option<(&str, i64)> = None;
    for b in bookings {
        let counts = booking_status::counts(&b.status);
        let completed = b.status == booking_status::COMPLETED;
        let mm = m.get_or_insert_with(|| Metrics {
            total_bookings: 0,
            cancelled_bookings: 0,
            total_spent: 0,
            review_count,
            rating_sum,
            first_booking_at: b.created_at.clone(),
            last_booking_at: b.created_at.clone(),
            last_visit_on: None,
            last_service_title: String::new(),
            last_service_date: String::new(),
            last_service_amount: 0,
            segment: segment.clone(),
        });
        mm.total_bookings += i64::from(counts);
        mm.cancelled_bookings += i64::from(!counts);
        if completed {
            mm.total_spent += b.total_amount;
            if mm.last_visit_on.as_deref() < Some(b.booking_date.as_str()) {
                mm.last_visit_on = Some(b.booking_date.clone());
            }
        }
        if b.created_at < mm.first_booking_at {
            mm.first_booking_at = b.created_at.clone();
        }
        // Most recent booking by created_at; the higher id breaks a tie.
        if last.is_none_or(|(at, id)| (b.created_at.as_str(), b.id) > (at, id)) {
            last = Some((b.created_at.as_str(), b.id));
            mm.last_booking_at = b.created_at.clone();
            mm.last_service_title = b.service_title.clone();
            mm.last_service_date = b.booking_date.clone();
            mm.last_service_amount = b.total_amount;
        }
    }
    m
}

/// First rule that matches wins: blocked → favorite → regular → returning → new.
pub fn status_for(
    is_blocked: bool,
    is_favorite: bool,
    total_bookings: i64,
    t: Thresholds,
) -> CustomerStatus {
    if is_blocked {
        CustomerStatus::Blocked
    } else if is_favorite {
        CustomerStatus::Favorite
    } else if total_bookings >= t.regular {
        CustomerStatus::Regular
    } else if total_bookings >= t.returning {
        CustomerStatus::Returning
    } else {
        CustomerStatus::New
    }
}

/// Mean rating × 100, rounded half up; `None` with no review.
pub fn average_x100(rating_sum: i64, review_count: i64) -> Option<i64> {
    (review_count > 0).then(|| (rating_sum * 200 + review_count) / (2 * review_count))
}
