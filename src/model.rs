//! Core value types: money, statuses, the clock, settings.

use crate::error::{Error, Result};
use chrono::{DateTime, Datelike, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use specta::Type;
use std::fmt;

/// The currency until the provider sets another (docs/rules.md §1).
pub const DEFAULT_CURRENCY: &str = "NPR";

/// Money in integer minor units (paisa). Serialises as a decimal string, e.g. `"29810.00"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Hash, Type)]
#[specta(type = String)]
pub struct Money(pub i64);

impl Money {
    /// Parses a platform decimal string (`"1200.00"`, `"15"`, `"15.5"`) without floats.
    pub fn parse(s: &str) -> Option<Money> {
        let s = s.trim();
        let (neg, digits) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s),
        };
        let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
        if int.is_empty() && frac.is_empty()
            || !int.bytes().all(|b| b.is_ascii_digit())
            || !frac.bytes().all(|b| b.is_ascii_digit())
            || frac.len() > 2
            || int.len() > 15
        {
            return None;
        }
        let whole: i64 = if int.is_empty() { 0 } else { int.parse().ok()? };
        let cents: i64 = match frac.len() {
            0 => 0,
            1 => frac.parse::<i64>().ok()? * 10,
            _ => frac.parse().ok()?,
        };
        let v = whole * 100 + cents;
        Some(Money(if neg { -v } else { v }))
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let a = self.0.unsigned_abs();
        write!(f, "{sign}{}.{:02}", a / 100, a % 100)
    }
}

impl Serialize for Money {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Money::parse(&s).ok_or_else(|| serde::de::Error::custom(format!("not an amount: {s:?}")))
    }
}

/// The customer's status badge; the first matching rule wins (see `metrics::status_for`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "lowercase")]
pub enum CustomerStatus {
    New,
    Returning,
    Regular,
    Favorite,
    Blocked,
    /// Hidden from the list, stats, charts, segments and default export (docs/rules.md §7).
    Archived,
}

impl CustomerStatus {
    pub const ALL: [CustomerStatus; 5] = [
        CustomerStatus::New,
        CustomerStatus::Returning,
        CustomerStatus::Regular,
        CustomerStatus::Favorite,
        CustomerStatus::Blocked,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CustomerStatus::New => "new",
            CustomerStatus::Returning => "returning",
            CustomerStatus::Regular => "regular",
            CustomerStatus::Favorite => "favorite",
            CustomerStatus::Blocked => "blocked",
            CustomerStatus::Archived => "archived",
        }
    }

    /// Title-cased label, as in the platform's CSV (`Regular`).
    pub fn label(self) -> &'static str {
        match self {
            CustomerStatus::New => "New",
            CustomerStatus::Returning => "Returning",
            CustomerStatus::Regular => "Regular",
            CustomerStatus::Favorite => "Favorite",
            CustomerStatus::Blocked => "Blocked",
            CustomerStatus::Archived => "Archived",
        }
    }

    pub fn parse(s: &str) -> Result<CustomerStatus> {
        CustomerStatus::ALL
            .into_iter()
            .chain([CustomerStatus::Archived])
            .find(|st| st.as_str() == s)
            .ok_or_else(|| {
                Error::invalid(format!(
                    "unknown status {s:?}: expected one of new, returning, regular, favorite, blocked, archived"
                ))
            })
    }
}

/// Booking statuses with a meaning for the metrics; anything else is stored verbatim.
pub mod booking_status {
    pub const COMPLETED: &str = "completed";
    pub const CANCELLED: &str = "cancelled";
    pub const REJECTED: &str = "rejected";
    /// Statuses whose future bookings count as the "next visit".
    pub const OPEN: [&str; 3] = ["pending", "confirmed", "payment_pending"];
    /// The statuses the platform uses; an own visit takes one of these (docs/rules.md §7).
    pub const KNOWN: [&str; 9] = [
        "pending",
        "confirmed",
        "payment_pending",
        "service_delivered",
        "awaiting_confirmation",
        "completed",
        "cancelled",
        "rejected",
        "disputed",
    ];

    pub fn counts(status: &str) -> bool {
        status != CANCELLED && status != REJECTED
    }
}

/// Status thresholds (settings): `regular` at ≥ 5 counted bookings, `returning` at ≥ 2.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Thresholds {
    pub regular: i64,
    pub returning: i64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            regular: 5,
            returning: 2,
        }
    }
}

/// "Now" and the local time zone: every time-dependent rule takes one, so tests pin both.
#[derive(Debug, Clone, Copy)]
pub struct Clock {
    pub now: DateTime<Utc>,
    pub tz: Tz,
}

impl Clock {
    pub fn new(now: DateTime<Utc>, tz: Tz) -> Clock {
        Clock { now, tz }
    }

    /// The real clock in the machine's zone (`TZ` honoured, else the system zone, else UTC).
    pub fn system() -> Clock {
        Clock::new(Utc::now(), local_tz())
    }

    pub fn today(&self) -> NaiveDate {
        self.now.with_timezone(&self.tz).date_naive()
    }

    /// The local calendar date of an instant.
    pub fn local_date(&self, at: DateTime<Utc>) -> NaiveDate {
        at.with_timezone(&self.tz).date_naive()
    }

    /// UTC instant at which the local month `months_back` before the current one began.
    pub fn month_start(&self, months_back: u32) -> DateTime<Utc> {
        let today = self.today();
        let total = today.year() * 12 + today.month0() as i32 - months_back as i32;
        let first =
            NaiveDate::from_ymd_opt(total.div_euclid(12), total.rem_euclid(12) as u32 + 1, 1)
                .expect("valid first of month");
        self.local_midnight(first)
    }

    /// UTC instant of local midnight on `date` (the earliest valid instant on DST gaps).
    pub fn local_midnight(&self, date: NaiveDate) -> DateTime<Utc> {
        let naive = date.and_hms_opt(0, 0, 0).expect("midnight");
        match self.tz.from_local_datetime(&naive) {
            chrono::LocalResult::Single(t) | chrono::LocalResult::Ambiguous(t, _) => {
                t.with_timezone(&Utc)
            }
            chrono::LocalResult::None => self.tz.from_utc_datetime(&naive).with_timezone(&Utc),
        }
    }
}

/// The machine's time zone: `TZ` if set and known, else the system zone, else UTC.
pub fn local_tz() -> Tz {
    let from_env = std::env::var("TZ")
        .ok()
        .map(|s| s.trim_start_matches(':').to_string());
    from_env
        .into_iter()
        .chain(iana_time_zone::get_timezone().ok())
        .find_map(|name| name.parse::<Tz>().ok())
        .unwrap_or(Tz::UTC)
}

/// Canonical stored form of an instant: UTC, microseconds, `Z`, so text order is time order.
pub fn fmt_ts(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string()
}

pub fn parse_ts(s: &str) -> Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| Error::invalid(format!("not an RFC 3339 timestamp: {s:?}")))
}

/// Parses a timestamp read back from the store (always written by [`fmt_ts`]).
pub(crate) fn stored_ts(s: &str) -> DateTime<Utc> {
    parse_ts(s).unwrap_or_default()
}

pub fn parse_date(s: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| Error::invalid(format!("not a YYYY-MM-DD date: {s:?}")))
}
