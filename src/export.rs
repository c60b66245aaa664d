//! CSV export (docs/rules.md §3): UTF-8 with BOM, formula-injection guard, written atomically.
//! The row source ([`for_each_row`]) and the atomic write are shared with the `.xlsx`
//! workbook in `xlsx.rs`.

use crate::customers::{
    filter_sql, order_sql, row, CustomerRow, Filter, SortKey, NEXT_VISIT_SQL, ROW_SELECT,
};
use crate::error::{Error, Result};
use crate::model::{Clock, CustomerStatus};
use rusqlite::{params_from_iter, Connection};
use serde::{Deserialize, Serialize};
use specta::Type;
use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

pub const COLUMNS: [&str; 17] = [
    "Customer Name",
    "Email",
    "Phone",
    "Total Bookings",
    "Total Spent",
    "Average Rating",
    "Customer Status",
    "First Booking",
    "Last Booking",
    "Is Favorite",
    "Is Blocked",
    "Notes",
    "City",
    "Cancelled Bookings",
    "Last Visit",
    "Next Visit",
    "Tags",
];

/// Which customers to export: all, or the current search/filter.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Type)]
pub struct ExportFilter {
    #[specta(optional)]
    pub search: Option<String>,
    #[specta(optional)]
    pub status: Option<CustomerStatus>,
    /// Customers with all of these tags.
    #[serde(default)]
    #[specta(optional)]
    pub tags: Vec<String>,
    #[specta(optional)]
    pub segment: Option<crate::segments::Segment>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct ExportReport {
    pub path: String,
    pub rows: u64,
    pub bytes: u64,
}

/// `customers-YYYY-MM-DD.csv` for the local date.
pub fn default_file_name(clock: &Clock) -> String {
    format!("customers-{}.csv", clock.today())
}

/// `customers-YYYY-MM-DD.xlsx` for the local date.
pub fn default_xlsx_file_name(clock: &Clock) -> String {
    format!("customers-{}.xlsx", clock.today())
}

/// Whether `path` names an Excel workbook (`.xlsx`, any case); anything else is CSV.
pub fn is_xlsx_path(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
}

/// Prefixes a cell that a spreadsheet would run as a formula with `'`.
pub fn neutralise(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_string(),
    }
}

fn yes_no(b: bool) -> &'static str {
    if b {
        "Yes"
    } else {
        "No"
    }
}

fn record(c: &CustomerRow, clock: &Clock) -> [String; 17] {
    let date = |ts: &str| {
        crate::model::parse_ts(ts)
            .map(|t| clock.local_date(t).to_string())
            .unwrap_or_default()
    };
    [
        c.full_name(),
        c.email.clone(),
        c.phone.clone().unwrap_or_default(),
        c.total_bookings.to_string(),
        c.total_spent.to_string(),
        c.average_rating
            .map(|r| format!("{r:.2}"))
            .unwrap_or_default(),
        c.status.label().to_string(),
        date(c.first_booking_at.as_deref().unwrap_or_default()),
        date(c.last_booking_at.as_deref().unwrap_or_default()),
        yes_no(c.is_favorite).into(),
        yes_no(c.is_blocked).into(),
        c.notes.clone(),
        c.city.clone().unwrap_or_default(),
        c.cancelled_bookings.to_string(),
        c.last_visit_on.clone().unwrap_or_default(),
        c.next_visit_on.clone().unwrap_or_default(),
        c.tags.join("; "),
    ]
    .map(|cell| neutralise(&cell))
}

/// Writes the CSV to `path` through a temporary file in the same directory, renamed into
/// place only when complete: a failure never leaves a half-written file.
pub fn export_csv(
    conn: &Connection,
    path: &Path,
    filter: &ExportFilter,
    clock: &Clock,
) -> Result<ExportReport> {
    write_atomically(path, |file| {
        let mut buf = std::io::BufWriter::with_capacity(1 << 20, file);
        buf.write_all("\u{feff}".as_bytes())?;
        let mut w = csv::Writer::from_writer(buf);
        w.write_record(COLUMNS)?;
        let n = for_each_row(conn, filter, clock, |c| {
            w.write_record(record(c, clock))?;
            Ok(())
        })?;
        w.into_inner()
            .map_err(|e| Error::Io(format!("CSV write failed: {e}")))?
            .into_inner()
            .map_err(|e| Error::Io(format!("CSV write failed: {e}")))?;
        Ok(n)
    })
}

/// The one row source of every export format: the customers matching `filter`, ordered by
/// last booking, newest first, each with its next visit. Returns how many were visited.
pub(crate) fn for_each_row(
    conn: &Connection,
    filter: &ExportFilter,
    clock: &Clock,
    mut each: impl FnMut(&CustomerRow) -> Result<()>,
) -> Result<u64> {
    // One grouped read of upcoming visits instead of a lookup per exported row.
    let next_visits = next_visits(conn, clock)?;
    crate::tags::validate_filter(&filter.tags)?;
    let (where_sql, params) = filter_sql(Filter {
        status: filter.status,
        segment: filter.segment,
        ..Filter::new(conn, clock, filter.search.as_deref(), &filter.tags)?
    });
    let sql = format!(
        "{} WHERE {where_sql} {}",
        ROW_SELECT.replace(NEXT_VISIT_SQL, "NULL"),
        order_sql(SortKey::LastBooking, true)
    );
    let mut st = conn.prepare(&sql)?;
    let mut rows = st.query(params_from_iter(params))?;
    let mut n = 0u64;
    while let Some(r) = rows.next()? {
        let mut c = row(r, clock)?;
        c.next_visit_on = next_visits.get(&c.customer_id).cloned();
        each(&c)?;
        n += 1;
    }
    Ok(n)
}

/// Writes a document through a temporary file in `path`'s folder (which must exist): `write`
/// fills the file and returns the row count; the file is synced, then renamed into place.
/// On any failure the temporary file is removed and nothing appears at `path`.
pub(crate) fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut std::fs::File) -> Result<u64>,
) -> Result<ExportReport> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if !dir.is_dir() {
        return Err(Error::invalid(format!(
            "cannot export to {}: folder {} does not exist",
            path.display(),
            dir.display()
        )));
    }
    let mut builder = tempfile::Builder::new();
    // A temp file is private (0600) by default; the export is an ordinary document.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o644));
    let mut tmp = builder
        .tempfile_in(dir)
        .map_err(|e| Error::Io(format!("cannot write in {}: {e}", dir.display())))?;
    let rows = write(tmp.as_file_mut())?;
    tmp.as_file().sync_all()?;
    let bytes = tmp.as_file().metadata()?.len();
    tmp.persist(path)
        .map_err(|e| Error::Io(format!("cannot write {}: {}", path.display(), e.error)))?;
    Ok(ExportReport {
        path: path.display().to_string(),
        rows,
        bytes,
    })
}

/// Each customer's next visit (docs/rules.md §2), read once from the open-bookings index.
fn next_visits(conn: &Connection, clock: &Clock) -> Result<HashMap<i64, String>> {
    let mut st = conn.prepare(
        "SELECT coalesce(c.card_id, c.id), min(b.booking_date)
           FROM bookings b JOIN customers c ON c.id = b.customer_id
          WHERE b.removed = 0 AND b.status IN ('pending', 'confirmed', 'payment_pending')
            AND b.booking_date >= ?1
          GROUP BY 1",
    )?;
    let rows = st.query_map([clock.today().to_string()], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
