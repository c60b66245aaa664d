//! Provider settings kept in the store: currency and the status thresholds.
//! Metrics read these; this module depends on nothing that derives from them.

use crate::error::{Error, Result};
use crate::model::Thresholds;
use rusqlite::{Connection, OptionalExtension};

fn get(conn: &Connection, key: &str) -> Result<Option<String>> {
    // Cached: metrics read the thresholds and the as-of date for every write.
    Ok(conn
        .prepare_cached("SELECT value FROM settings WHERE key = ?1")?
        .query_row([key], |r| r.get(0))
        .optional()?)
}

fn get_i64(conn: &Connection, key: &str, default: i64) -> Result<i64> {
    Ok(get(conn, key)?
        .and_then(|v| v.parse().ok())
        .unwrap_or(default))
}

pub fn thresholds(conn: &Connection) -> Result<Thresholds> {
    let d = Thresholds::default();
    Ok(Thresholds {
        regular: get_i64(conn, "regular_threshold", d.regular)?,
        returning: get_i64(conn, "returning_threshold", d.returning)?,
    })
}

pub fn currency(conn: &Connection) -> Result<String> {
    Ok(get(conn, "currency")?.unwrap_or_else(|| crate::model::DEFAULT_CURRENCY.into()))
}

/// Refuses thresholds the status rule cannot use.
pub fn validate_thresholds(t: Thresholds) -> Result<()> {
    if t.returning < 1 || t.regular <= t.returning {
        return Err(Error::invalid(format!(
            "thresholds must satisfy 1 ≤ returning < regular (got returning {}, regular {})",
            t.returning, t.regular
        )));
    }
    Ok(())
}

/// Writes the thresholds inside the caller's transaction. Re-deriving the statuses they
/// decide is `metrics::set_thresholds`'s job: settings never reaches into metrics.
pub(crate) fn save_thresholds(conn: &Connection, t: Thresholds) -> Result<()> {
    conn.execute(
        "UPDATE settings SET value = ?1 WHERE key = 'regular_threshold'",
        [t.regular.to_string()],
    )?;
    conn.execute(
        "UPDATE settings SET value = ?1 WHERE key = 'returning_threshold'",
        [t.returning.to_string()],
    )?;
    Ok(())
}

/// The local date the summary's segment facts were derived for (`YYYY-MM-DD`; see
/// `segments::roll`). Before the first roll, today.
pub fn segments_asof(conn: &Connection) -> Result<String> {
    Ok(get(conn, "segments_asof")?
        .filter(|d| !d.is_empty())
        .unwrap_or_else(|| crate::model::Clock::system().today().to_string()))
}

pub(crate) fn set_segments_asof(conn: &Connection, date: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO settings (key, value) VALUES ('segments_asof', ?1)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [date],
    )?;
    Ok(())
}

pub const DEFAULT_LAPSED_DAYS: i64 = 90;

/// Days since the last visit after which a customer is `lapsed` (docs/rules.md §10).
pub fn lapsed_days(conn: &Connection) -> Result<i64> {
    get_i64(conn, "lapsed_days", DEFAULT_LAPSED_DAYS)
}

/// Sets the lapsed threshold: 1 to 3650 days.
pub fn set_lapsed_days(conn: &Connection, days: i64) -> Result<()> {
    if !(1..=3650).contains(&days) {
        return Err(Error::invalid(format!(
            "lapsed_days: must be from 1 to 3650 days (got {days})"
        )));
    }
    conn.execute(
        "INSERT INTO settings (key, value) VALUES ('lapsed_days', ?1)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [days.to_string()],
    )?;
    Ok(())
}
