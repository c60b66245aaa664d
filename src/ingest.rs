//! Applies platform bookings and reviews to the store: idempotent, newest-wins by
//! `updated_at`, atomic per batch, metrics refreshed for the customers touched.

use crate::error::{Error, Result};
use crate::platform::{Batch, BookingIn, CustomerIn, ReviewIn};
use crate::search::search_text;
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::Serialize;
use std::collections::BTreeSet;
use ts_rs::TS;

/// What one batch changed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export_to = "ApplyReport.ts")]
pub struct ApplyReport {
    pub bookings_new: u32,
    pub bookings_updated: u32,
    pub bookings_unchanged: u32,
    pub reviews_new: u32,
    pub reviews_updated: u32,
    pub reviews_unchanged: u32,
    pub customers_touched: u32,
}

impl ApplyReport {
    pub fn changed(&self) -> bool {
        self.bookings_new + self.bookings_updated + self.reviews_new + self.reviews_updated > 0
            || self.customers_touched > 0
    }
}

/// Applies a batch in one transaction; on any invalid record nothing is written.
pub fn apply_batch(conn: &mut Connection, batch: &Batch) -> Result<ApplyReport> {
    let tx = crate::db::write_tx(conn)?;
    let report = apply_in_tx(&tx, batch)?;
    tx.commit()?;
    Ok(report)
}

/// Applies a batch inside the caller's transaction (sync commits it with its cursor).
pub fn apply_in_tx(tx: &Transaction<'_>, batch: &Batch) -> Result<ApplyReport> {
    validate(batch)?;
    let mut report = ApplyReport::default();
    let mut touched = BTreeSet::new();
    let mut customers_seen = BTreeSet::new();
    for b in &batch.bookings {
        apply_booking(tx, b, &mut report, &mut touched, &mut customers_seen)?;
    }
    for r in &batch.reviews {
        apply_review(tx, r, &mut report, &mut touched)?;
    }
    report.customers_touched = touched.len() as u32;
    let t = crate::settings::thresholds(tx)?;
    crate::metrics::refresh(tx, touched, t)?;
    Ok(report)
}

/// Checks every record before anything is written, so an error names the bad record.
fn validate(batch: &Batch) -> Result<()> {
    for b in &batch.bookings {
        if b.total_amount.0 < 0 {
            return Err(Error::invalid(format!(
                "booking {}: total_amount {} is negative",
                b.id, b.total_amount
            )));
        }
    }
    for r in &batch.reviews {
        if !(1..=5).contains(&r.rating) {
            return Err(Error::invalid(format!(
                "review {}: rating {} is not from 1 to 5",
                r.id, r.rating
            )));
        }
    }
    Ok(())
}

fn upsert_customer(tx: &Transaction<'_>, c: &CustomerIn) -> Result<bool> {
    let text = search_text(&c.first_name, &c.last_name, &c.email, c.phone.as_deref());
    let n = tx
        .prepare_cached(
            "INSERT INTO customers (id, first_name, last_name, email, phone, city, avatar_url,
                                    date_joined, search_text)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
             ON CONFLICT (id) DO UPDATE SET
                first_name = excluded.first_name, last_name = excluded.last_name,
                email = excluded.email, phone = excluded.phone, city = excluded.city,
                avatar_url = excluded.avatar_url, date_joined = excluded.date_joined,
                search_text = excluded.search_text
             WHERE (first_name, last_name, email, phone, city, avatar_url, date_joined)
                IS NOT (excluded.first_name, excluded.last_name, excluded.email, excluded.phone,
                        excluded.city, excluded.avatar_url, excluded.date_joined)",
        )?
        .execute(params![
            c.id,
            c.first_name,
            c.last_name,
            c.email,
            c.phone,
            c.city,
            c.avatar_url,
            c.date_joined,
            text
        ])?;
    Ok(n > 0)
}

/// Makes sure a customer row exists for a record that only carries the id (and maybe a
/// display name); full details arrive with their bookings.
fn ensure_customer(tx: &Transaction<'_>, id: i64, display_name: &str) -> Result<()> {
    let name = if display_name.trim().is_empty() {
        format!("Customer #{id}")
    } else {
        display_name.trim().to_string()
    };
    tx.prepare_cached(
        "INSERT INTO customers (id, first_name, last_name, email, search_text)
         VALUES (?1, ?2, '', '', ?3) ON CONFLICT (id) DO NOTHING",
    )?
    .execute(params![id, name, search_text(&name, "", "", None)])?;
    Ok(())
}

type StoredBooking = (
    i64,
    Option<i64>,
    String,
    String,
    Option<String>,
    String,
    i64,
    Option<String>,
    String,
    String,
    bool,
);

fn apply_booking(
    tx: &Transaction<'_>,
    b: &BookingIn,
    report: &mut ApplyReport,
    touched: &mut BTreeSet<i64>,
    customers_seen: &mut BTreeSet<i64>,
) -> Result<()> {
    let old: Option<StoredBooking> = tx
        .prepare_cached(
            "SELECT customer_id, service_id, service_title, booking_date, booking_time, status,
                    total_amount, payment_status, created_at, updated_at, removed
               FROM bookings WHERE id = ?1",
        )?
        .query_row([b.id], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
                r.get(7)?,
                r.get(8)?,
                r.get(9)?,
                r.get(10)?,
            ))
        })
        .optional()?;
    let incoming: StoredBooking = (
        b.customer_id,
        b.service_id,
        b.service_title.clone(),
        b.booking_date.clone(),
        b.booking_time.clone(),
        b.status.clone(),
        b.total_amount.0,
        b.payment_status.clone(),
        b.created_at.clone(),
        b.updated_at.clone(),
        false,
    );
    if let Some(old) = &old {
        if b.updated_at < old.9 || *old == incoming {
            report.bookings_unchanged += 1;
            // Customer details may still be newer than what we hold.
            if old.9 == b.updated_at {
                upsert_details(tx, b, touched, customers_seen)?;
            }
            return Ok(());
        }
    }
    upsert_details(tx, b, touched, customers_seen)?;
    ensure_customer(tx, b.customer_id, "")?;
    if let (Some(id), Some(price)) = (b.service_id, b.service_price) {
        tx.prepare_cached(
            "INSERT INTO services (id, title, price) VALUES (?1, ?2, ?3)
             ON CONFLICT (id) DO UPDATE SET title = excluded.title, price = excluded.price
             WHERE (title, price) IS NOT (excluded.title, excluded.price)",
        )?
        .execute(params![id, b.service_title, price.0])?;
    }
    tx.prepare_cached(
        "INSERT INTO bookings (id, customer_id, service_id, service_title, booking_date,
                               booking_time, status, total_amount, payment_status, created_at,
                               updated_at, removed)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 0)
         ON CONFLICT (id) DO UPDATE SET
            customer_id = excluded.customer_id, service_id = excluded.service_id,
            service_title = excluded.service_title, booking_date = excluded.booking_date,
            booking_time = excluded.booking_time, status = excluded.status,
            total_amount = excluded.total_amount, payment_status = excluded.payment_status,
            created_at = excluded.created_at, updated_at = excluded.updated_at, removed = 0",
    )?
    .execute(params![
        b.id,
        b.customer_id,
        b.service_id,
        b.service_title,
        b.booking_date,
        b.booking_time,
        b.status,
        b.total_amount.0,
        b.payment_status,
        b.created_at,
        b.updated_at
    ])?;
    touched.insert(b.customer_id);
    let mut activity = tx.prepare_cached(
        "INSERT INTO activity (kind, customer_id, at, ref_id, status, prev_status, amount)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    match old {
        None => {
            report.bookings_new += 1;
            activity.execute(params![
                "booking",
                b.customer_id,
                b.created_at,
                b.id,
                b.status,
                None::<String>,
                b.total_amount.0
            ])?;
        }
        Some(old) => {
            report.bookings_updated += 1;
            touched.insert(old.0);
            if old.5 != b.status {
                activity.execute(params![
                    "status",
                    b.customer_id,
                    b.updated_at,
                    b.id,
                    b.status,
                    old.5,
                    b.total_amount.0
                ])?;
            }
        }
    }
    Ok(())
}

fn upsert_details(
    tx: &Transaction<'_>,
    b: &BookingIn,
    touched: &mut BTreeSet<i64>,
    customers_seen: &mut BTreeSet<i64>,
) -> Result<()> {
    if let Some(c) = b.customer.as_ref().filter(|c| c.id == b.customer_id) {
        if customers_seen.insert(c.id) && upsert_customer(tx, c)? {
            touched.insert(c.id);
        }
    }
    Ok(())
}

type StoredReview = (
    i64,
    Option<i64>,
    i64,
    String,
    Option<String>,
    String,
    String,
    bool,
);

fn apply_review(
    tx: &Transaction<'_>,
    r: &ReviewIn,
    report: &mut ApplyReport,
    touched: &mut BTreeSet<i64>,
) -> Result<()> {
    let old: Option<StoredReview> = tx
        .prepare_cached(
            "SELECT customer_id, booking_id, rating, comment, service_title, created_at,
                    updated_at, removed
               FROM reviews WHERE id = ?1",
        )?
        .query_row([r.id], |row| {
            Ok((
                row.get(0)?,
                row.get(1)?,
                row.get(2)?,
                row.get(3)?,
                row.get(4)?,
                row.get(5)?,
                row.get(6)?,
                row.get(7)?,
            ))
        })
        .optional()?;
    let incoming: StoredReview = (
        r.customer_id,
        r.booking_id,
        r.rating,
        r.comment.clone(),
        r.service_title.clone(),
        r.created_at.clone(),
        r.updated_at.clone(),
        false,
    );
    if let Some(old) = &old {
        if r.updated_at < old.6 || *old == incoming {
            report.reviews_unchanged += 1;
            return Ok(());
        }
    }
    ensure_customer(tx, r.customer_id, &r.customer_display_name)?;
    tx.prepare_cached(
        "INSERT INTO reviews (id, customer_id, booking_id, rating, comment, service_title,
                              created_at, updated_at, removed)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 0)
         ON CONFLICT (id) DO UPDATE SET
            customer_id = excluded.customer_id, booking_id = excluded.booking_id,
            rating = excluded.rating, comment = excluded.comment,
            service_title = excluded.service_title, created_at = excluded.created_at,
            updated_at = excluded.updated_at, removed = 0",
    )?
    .execute(params![
        r.id,
        r.customer_id,
        r.booking_id,
        r.rating,
        r.comment,
        r.service_title,
        r.created_at,
        r.updated_at
    ])?;
    touched.insert(r.customer_id);
    match old {
        None => {
            report.reviews_new += 1;
            tx.prepare_cached(
                "INSERT INTO activity (kind, customer_id, at, ref_id, rating)
                 VALUES ('review', ?1, ?2, ?3, ?4)",
            )?
            .execute(params![r.customer_id, r.created_at, r.id, r.rating])?;
        }
        Some(old) => {
            report.reviews_updated += 1;
            touched.insert(old.0);
        }
    }
    Ok(())
}

/// Marks bookings and reviews as removed (kept for history, out of the metrics). Only a
/// complete pull may call this; returns how many rows changed.
pub fn mark_removed(
    tx: &Transaction<'_>,
    booking_ids: &[i64],
    review_ids: &[i64],
) -> Result<usize> {
    let mut touched = BTreeSet::new();
    let mut changed = 0;
    for (table, ids) in [("bookings", booking_ids), ("reviews", review_ids)] {
        let mut st = tx.prepare(&format!(
            "UPDATE {table} SET removed = 1 WHERE id = ?1 AND removed = 0 RETURNING customer_id"
        ))?;
        for id in ids {
            if let Some(cid) = st.query_row([id], |r| r.get::<_, i64>(0)).optional()? {
                touched.insert(cid);
                changed += 1;
            }
        }
    }
    let t = crate::settings::thresholds(tx)?;
    crate::metrics::refresh(tx, touched, t)?;
    Ok(changed)
}
