//! Excel export (docs/rules.md §3): the CSV's columns, filter and order (the same row source,
//! `export::for_each_row`), as typed cells in one `.xlsx` workbook, written atomically.
//!
//! - Text stays text: a phone `+977 …` or a note `=1+1` is a string cell, never a formula, so
//!   no `'` guard is needed (or wanted) here.
//! - Counts are integers; Total Spent is a number (`#,##0.00`) made from the integer paisa only
//!   at the cell; Average Rating is a number (`0.00`) or empty.
//! - First and Last Booking are local date-times (`yyyy-mm-dd hh:mm`); Last and Next Visit are
//!   dates (`yyyy-mm-dd`).
//! - Is Favorite and Is Blocked are booleans (TRUE/FALSE), so they filter and count as such.
//! - The header row is bold, frozen and carries an autofilter.
//!
//! Rows are streamed (`constant_memory`): memory does not grow with the number of customers.

use crate::customers::CustomerRow;
use crate::error::{Error, Result};
use crate::export::{for_each_row, write_atomically, ExportFilter, ExportReport, COLUMNS};
use crate::model::{parse_date, parse_ts, Clock};
use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use rusqlite::Connection;
use rust_xlsxwriter::{ColNum, ExcelDateTime, Format, RowNum, Workbook, Worksheet};
use std::io::Write;
use std::path::Path;

/// Column widths in characters, in [`COLUMNS`] order.
const WIDTHS: [f64; 17] = [
    24.0, 30.0, 18.0, 15.0, 14.0, 15.0, 16.0, 17.0, 17.0, 12.0, 12.0, 40.0, 16.0, 19.0, 12.0, 12.0,
    30.0,
];

/// The cell formats of the sheet, made once.
struct Formats {
    header: Format,
    count: Format,
    money: Format,
    rating: Format,
    datetime: Format,
    date: Format,
}

impl Formats {
    fn new() -> Formats {
        Formats {
            header: Format::new().set_bold(),
            count: Format::new().set_num_format("0"),
            money: Format::new().set_num_format("#,##0.00"),
            rating: Format::new().set_num_format("0.00"),
            datetime: Format::new().set_num_format("yyyy-mm-dd hh:mm"),
            date: Format::new().set_num_format("yyyy-mm-dd"),
        }
    }
}

/// Writes the workbook to `path` through a temporary file in the same directory, renamed into
/// place only when complete (like [`crate::export::export_csv`]). The folder must exist.
pub fn export_xlsx(
    conn: &Connection,
    path: &Path,
    filter: &ExportFilter,
    clock: &Clock,
) -> Result<ExportReport> {
    write_atomically(path, |file| {
        let mut wb = Workbook::new();
        // The streamed rows wait in the export's own folder, not in a /tmp that may be RAM.
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            wb.set_tempdir(dir)?;
        }
        let f = Formats::new();
        let ws = wb.add_worksheet_with_constant_memory();
        ws.set_name("Customers")?;
        for (col, (name, width)) in COLUMNS.iter().zip(WIDTHS).enumerate() {
            let col = col as ColNum;
            ws.set_column_width(col, width)?;
            ws.write_string_with_format(0, col, *name, &f.header)?;
        }
        ws.set_freeze_panes(1, 0)?;
        let mut r: RowNum = 0;
        let n = for_each_row(conn, filter, clock, |c| {
            r += 1;
            write_row(ws, r, c, clock, &f)
        })?;
        ws.autofilter(0, 0, r, (COLUMNS.len() - 1) as ColNum)?;
        let mut buf = std::io::BufWriter::with_capacity(1 << 20, file);
        wb.save_to_writer(&mut buf)?;
        buf.flush()?;
        Ok(n)
    })
}

fn write_row(
    ws: &mut Worksheet,
    r: RowNum,
    c: &CustomerRow,
    clock: &Clock,
    f: &Formats,
) -> Result<()> {
    let local = |ts: &str| {
        parse_ts(ts)
            .ok()
            .map(|t| t.with_timezone(&clock.tz).naive_local())
    };
    let day = |d: &Option<String>| d.as_deref().and_then(|d| parse_date(d).ok());
    text(ws, r, 0, &c.full_name())?;
    text(ws, r, 1, &c.email)?;
    text(ws, r, 2, c.phone.as_deref().unwrap_or_default())?;
    ws.write_number_with_format(r, 3, c.total_bookings as f64, &f.count)?;
    // Integer paisa to rupees only here, at the cell: the nearest double to the 2-decimal value.
    ws.write_number_with_format(r, 4, c.total_spent.0 as f64 / 100.0, &f.money)?;
    if let Some(rating) = c.average_rating {
        ws.write_number_with_format(r, 5, rating, &f.rating)?;
    }
    text(ws, r, 6, c.status.label())?;
    datetime(
        ws,
        r,
        7,
        local(c.first_booking_at.as_deref().unwrap_or_default()),
        &f.datetime,
    )?;
    datetime(
        ws,
        r,
        8,
        local(c.last_booking_at.as_deref().unwrap_or_default()),
        &f.datetime,
    )?;
    ws.write_boolean(r, 9, c.is_favorite)?;
    ws.write_boolean(r, 10, c.is_blocked)?;
    text(ws, r, 11, &c.notes)?;
    text(ws, r, 12, c.city.as_deref().unwrap_or_default())?;
    ws.write_number_with_format(r, 13, c.cancelled_bookings as f64, &f.count)?;
    date(ws, r, 14, day(&c.last_visit_on), &f.date)?;
    date(ws, r, 15, day(&c.next_visit_on), &f.date)?;
    text(ws, r, 16, &c.tags.join("; "))?;
    Ok(())
}

/// A string cell (never a formula, whatever it starts with); an empty value stays blank.
fn text(ws: &mut Worksheet, r: RowNum, col: ColNum, s: &str) -> Result<()> {
    if !s.is_empty() {
        ws.write_string(r, col, s)?;
    }
    Ok(())
}

fn datetime(
    ws: &mut Worksheet,
    r: RowNum,
    col: ColNum,
    t: Option<NaiveDateTime>,
    fmt: &Format,
) -> Result<()> {
    let Some(t) = t else { return Ok(()) };
    let cell = excel_date(t.date())?.and_hms(t.hour() as u16, t.minute() as u8, t.second())?;
    ws.write_datetime_with_format(r, col, &cell, fmt)?;
    Ok(())
}

fn date(
    ws: &mut Worksheet,
    r: RowNum,
    col: ColNum,
    d: Option<NaiveDate>,
    fmt: &Format,
) -> Result<()> {
    if let Some(d) = d {
        ws.write_datetime_with_format(r, col, &excel_date(d)?, fmt)?;
    }
    Ok(())
}

fn excel_date(d: NaiveDate) -> Result<ExcelDateTime> {
    let year = u16::try_from(d.year())
        .map_err(|_| Error::invalid(format!("date {d} cannot be written to Excel")))?;
    Ok(ExcelDateTime::from_ymd(
        year,
        d.month() as u8,
        d.day() as u8,
    )?)
}
