//! Own visits (docs/rules.md §7): bookings recorded by hand for any customer, with negative
//! ids. They count under §2 like platform bookings, are never pushed, and no sync removes
//! them; they can be edited and deleted.

use crate::error::{Error, Result};
use crate::model::{booking_status, fmt_ts, parse_date, Clock, Money};
use crate::relations::record_edit;
use chrono::{NaiveTime, TimeZone};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use specta::Type;

pub const MAX_SERVICE_CHARS: usize = 200;

/// A visit as typed: `amount` is a decimal string (`"1200.00"`), `time` `HH:MM`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Type)]
pub struct VisitInput {
    pub service: String,
    pub date: String,
    #[serde(default)]
    #[specta(optional)]
    pub time: Option<String>,
    pub amount: String,
    /// Default `completed`.
    #[serde(default)]
    #[specta(optional)]
    pub status: Option<String>,
    #[serde(default)]
    #[specta(optional)]
    pub payment_status: Option<String>,
}

/// A change to a visit: fields left out stay as they are.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Type)]
pub struct VisitEdit {
    #[specta(optional)]
    pub service: Option<String>,
    #[specta(optional)]
    pub date: Option<String>,
    /// `""` clears the time.
    #[specta(optional)]
    pub time: Option<String>,
    #[specta(optional)]
    pub amount: Option<String>,
    #[specta(optional)]
    pub status: Option<String>,
    /// `""` clears it.
    #[specta(optional)]
    pub payment_status: Option<String>,
}

/// A recorded visit as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Visit {
    pub booking_id: i64,
    pub customer_id: i64,
    pub service: String,
    pub date: String,
    pub time: Option<String>,
    pub amount: Money,
    pub status: String,
    pub payment_status: Option<String>,
    pub created_at: String,
}

/// Parses an amount of money: ≥ 0, at most 2 decimals; the message names the field.
pub fn parse_amount(s: &str) -> Result<Money> {
    match Money::parse(s) {
        Some(m) if m.0 >= 0 => Ok(m),
        Some(_) => Err(Error::invalid(format!("amount: {s:?} is negative"))),
        None => Err(Error::invalid(format!(
            "amount: {s:?} is not an amount of money (digits, at most 2 decimals, e.g. 1200.00)"
        ))),
    }
}

fn parse_time(s: &str) -> Result<NaiveTime> {
    NaiveTime::parse_from_str(s.trim(), "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(s.trim(), "%H:%M:%S"))
        .map_err(|_| Error::invalid(format!("time: {s:?} is not a time of day (HH:MM)")))
}

/// A visit checked and in stored form.
struct Checked {
    service: String,
    date: String,
    time: Option<String>,
    amount: Money,
    status: String,
    payment_status: Option<String>,
}

fn check(v: &VisitInput) -> Result<Checked> {
    let service = v.service.trim().to_string();
    let n = service.chars().count();
    if n == 0 || n > MAX_SERVICE_CHARS {
        return Err(Error::invalid(format!(
            "service: must be 1 to {MAX_SERVICE_CHARS} characters (got {n})"
        )));
    }
    let date = parse_date(v.date.trim())
        .map_err(|_| Error::invalid(format!("date: {:?} is not a YYYY-MM-DD date", v.date)))?;
    let time = v
        .time
        .as_deref()
        .filter(|t| !t.trim().is_empty())
        .map(parse_time)
        .transpose()?;
    let status = v.status.as_deref().map(str::trim).unwrap_or("completed");
    if !booking_status::KNOWN.contains(&status) {
        return Err(Error::invalid(format!(
            "status: {status:?} is not a booking status (one of {})",
            booking_status::KNOWN.join(", ")
        )));
    }
    Ok(Checked {
        service,
        date: date.to_string(),
        time: time.map(|t| t.format("%H:%M:%S").to_string()),
        amount: parse_amount(&v.amount)?,
        status: status.to_string(),
        payment_status: v
            .payment_status
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string),
    })
}

/// The visit's own date and time (12:00 local without a time) when that is past, else
/// `recorded` (the moment it was recorded).
fn created_at(c: &Checked, clock: &Clock, recorded: &str) -> String {
    let date = parse_date(&c.date).unwrap_or_else(|_| clock.today());
    let time = c
        .time
        .as_deref()
        .and_then(|t| parse_time(t).ok())
        .unwrap_or(NaiveTime::from_hms_opt(12, 0, 0).expect("noon"));
    let at = clock
        .tz
        .from_local_datetime(&date.and_time(time))
        .earliest()
        .map(|t| t.with_timezone(&chrono::Utc));
    match at {
        Some(at) if at <= clock.now => fmt_ts(at),
        _ => recorded.to_string(),
    }
}

/// Below every id in use and every id ever given (a deleted visit's id is never reused,
/// so an id the user kept cannot come to mean another visit).
fn next_visit_id(tx: &Transaction<'_>) -> Result<i64> {
    let min: Option<i64> = tx.query_row("SELECT min(id) FROM bookings", [], |r| r.get(0))?;
    let given: Option<i64> = tx
        .query_row(
            "SELECT CAST(value AS INTEGER) FROM settings WHERE key = 'last_visit_id'",
            [],
            |r| r.get(0),
        )
        .optional()?;
    let id = min.unwrap_or(0).min(given.unwrap_or(0)).min(0) - 1;
    tx.execute(
        "INSERT INTO settings (key, value) VALUES ('last_visit_id', ?1)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [id.to_string()],
    )?;
    Ok(id)
}

fn write(
    tx: &Transaction<'_>,
    id: i64,
    customer_id: i64,
    c: &Checked,
    clock: &Clock,
    recorded: &str,
) -> Result<()> {
    let now = fmt_ts(clock.now);
    tx.execute(
        "INSERT INTO bookings (id, customer_id, service_id, service_title, booking_date, booking_time,
                               status, total_amount, payment_status, created_at, updated_at, removed)
         VALUES (?1, ?2, NULL, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 0)
         ON CONFLICT (id) DO UPDATE SET service_title = excluded.service_title,
            booking_date = excluded.booking_date, booking_time = excluded.booking_time,
            status = excluded.status, total_amount = excluded.total_amount,
            payment_status = excluded.payment_status, created_at = excluded.created_at,
            updated_at = excluded.updated_at",
        params![
            id,
            customer_id,
            c.service,
            c.date,
            c.time,
            c.status,
            c.amount.0,
            c.payment_status,
            created_at(c, clock, recorded),
            now
        ],
    )?;
    Ok(())
}

/// Records a visit for any card (`add-booking`).
pub fn add(
    conn: &mut Connection,
    customer_id: i64,
    v: &VisitInput,
    clock: &Clock,
) -> Result<Visit> {
    let c = check(v)?;
    let tx = crate::db::write_tx(conn)?;
    super::require_card(&tx, customer_id)?;
    let id = next_visit_id(&tx)?;
    write(&tx, id, customer_id, &c, clock, &fmt_ts(clock.now))?;
    finish(&tx, customer_id, "visit_added", &c.service, clock)?;
    tx.commit()?;
    get(conn, id)
}

fn finish(
    tx: &Transaction<'_>,
    customer_id: i64,
    label: &str,
    service: &str,
    clock: &Clock,
) -> Result<()> {
    let t = crate::settings::thresholds(tx)?;
    crate::metrics::refresh(tx, [customer_id], t)?;
    let card = crate::metrics::card_of(tx, customer_id)?.unwrap_or(customer_id);
    record_edit(tx, card, &fmt_ts(clock.now), label, service)
}

/// One own visit by id; a platform booking is refused (it is the platform's).
pub fn get(conn: &Connection, booking_id: i64) -> Result<Visit> {
    if booking_id > 0 {
        return Err(Error::invalid(format!(
            "booking {booking_id} comes from the marketplace: only visits you recorded can be edited or deleted"
        )));
    }
    conn.prepare_cached(
        "SELECT id, customer_id, service_title, booking_date, booking_time, total_amount, status,
                payment_status, created_at FROM bookings WHERE id = ?1",
    )?
    .query_row([booking_id], |r| {
        Ok(Visit {
            booking_id: r.get(0)?,
            customer_id: r.get(1)?,
            service: r.get(2)?,
            date: r.get(3)?,
            time: r
                .get::<_, Option<String>>(4)?
                .map(|t| t.chars().take(5).collect()),
            amount: Money(r.get(5)?),
            status: r.get(6)?,
            payment_status: r.get(7)?,
            created_at: r.get(8)?,
        })
    })
    .optional()?
    .ok_or_else(|| Error::not_found(format!("no visit with id {booking_id}")))
}

/// Changes a recorded visit (`edit-booking`).
pub fn edit(conn: &mut Connection, booking_id: i64, e: &VisitEdit, clock: &Clock) -> Result<Visit> {
    let old = get(conn, booking_id)?;
    let old_input = VisitInput {
        service: old.service.clone(),
        date: old.date.clone(),
        time: old.time.clone(),
        amount: old.amount.to_string(),
        status: Some(old.status.clone()),
        payment_status: old.payment_status.clone(),
    };
    let merged = VisitInput {
        service: e.service.clone().unwrap_or(old.service.clone()),
        date: e.date.clone().unwrap_or(old.date.clone()),
        time: e.time.clone().or(old.time.clone()),
        amount: e.amount.clone().unwrap_or_else(|| old.amount.to_string()),
        status: Some(e.status.clone().unwrap_or(old.status.clone())),
        payment_status: e.payment_status.clone().or(old.payment_status.clone()),
    };
    let c = check(&merged)?;
    // A visit recorded ahead of its date was created when recorded; one recorded after it
    // (created at its own date) has no other moment on file than now.
    let was_dated = created_at(&check(&old_input)?, clock, "") == old.created_at;
    let recorded = if was_dated {
        fmt_ts(clock.now)
    } else {
        old.created_at.clone()
    };
    let tx = crate::db::write_tx(conn)?;
    write(&tx, booking_id, old.customer_id, &c, clock, &recorded)?;
    finish(&tx, old.customer_id, "visit_edited", &c.service, clock)?;
    tx.commit()?;
    get(conn, booking_id)
}

/// Deletes a recorded visit; it stops counting (`delete-booking`).
pub fn delete(conn: &mut Connection, booking_id: i64, clock: &Clock) -> Result<Visit> {
    let old = get(conn, booking_id)?;
    let tx = crate::db::write_tx(conn)?;
    tx.execute("DELETE FROM bookings WHERE id = ?1", [booking_id])?;
    finish(&tx, old.customer_id, "visit_deleted", &old.service, clock)?;
    tx.commit()?;
    Ok(old)
}
