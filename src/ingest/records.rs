//! Bookings and reviews: newest `updated_at` wins, identical copies change nothing, and a
//! status change is recorded in the timeline.

use super::Applier;
use crate::error::Result;
use crate::platform::{BookingIn, ReviewIn};
use rusqlite::{params, OptionalExtension};

/// A booking as stored, in the column order of the SELECT below.
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

impl Applier<'_> {
    pub(super) fn booking(&mut self, b: &BookingIn) -> Result<()> {
        let old: Option<StoredBooking> = self
            .tx
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
        if let Some(old) = &old {
            let same = old.0 == b.customer_id
                && old.1 == b.service_id
                && old.2 == b.service_title
                && old.3 == b.booking_date
                && old.4 == b.booking_time
                && old.5 == b.status
                && old.6 == b.total_amount.0
                && old.7 == b.payment_status
                && old.8 == b.created_at
                && old.9 == b.updated_at
                && !old.10;
            if b.updated_at < old.9 || same {
                self.report.bookings_unchanged += 1;
                // The customer's details may still be newer than what we hold.
                if old.9 == b.updated_at {
                    self.details_of(b)?;
                }
                return Ok(());
            }
        }
        self.details_of(b)?;
        self.ensure_customer(b.customer_id, "")?;
        if let (Some(id), Some(price)) = (b.service_id, b.service_price) {
            self.tx
                .prepare_cached(
                    "INSERT INTO services (id, title, price) VALUES (?1, ?2, ?3)
                     ON CONFLICT (id) DO UPDATE SET title = excluded.title, price = excluded.price
                     WHERE (title, price) IS NOT (excluded.title, excluded.price)",
                )?
                .execute(params![id, b.service_title, price.0])?;
        }
        // A plain INSERT or single-row UPDATE (we know which) needs no statement journal,
        // unlike an UPSERT.
        let sql = if old.is_some() {
            "UPDATE bookings SET customer_id = ?2, service_id = ?3, service_title = ?4,
                    booking_date = ?5, booking_time = ?6, status = ?7, total_amount = ?8,
                    payment_status = ?9, created_at = ?10, updated_at = ?11, removed = 0
              WHERE id = ?1"
        } else {
            "INSERT INTO bookings (id, customer_id, service_id, service_title, booking_date,
                                   booking_time, status, total_amount, payment_status,
                                   created_at, updated_at, removed)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 0)"
        };
        self.tx.prepare_cached(sql)?.execute(params![
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
        self.touched.insert(b.customer_id);
        // A new booking needs no activity row: the timeline reads it from `bookings`.
        let Some(old) = old else {
            self.report.bookings_new += 1;
            return Ok(());
        };
        self.report.bookings_updated += 1;
        self.touched.insert(old.0);
        if old.5 != b.status {
            self.tx
                .prepare_cached(
                    "INSERT INTO activity (kind, customer_id, at, ref_id, status, prev_status, amount)
                     VALUES ('status', ?1, ?2, ?3, ?4, ?5, ?6)",
                )?
                .execute(params![
                    b.customer_id,
                    b.updated_at,
                    b.id,
                    b.status,
                    old.5,
                    b.total_amount.0
                ])?;
        }
        Ok(())
    }

    fn details_of(&mut self, b: &BookingIn) -> Result<()> {
        match b.customer.as_ref().filter(|c| c.id == b.customer_id) {
            Some(c) => self.customer_details(c),
            None => Ok(()),
        }
    }

    pub(super) fn review(&mut self, r: &ReviewIn) -> Result<()> {
        let old: Option<StoredReview> = self
            .tx
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
        if let Some(old) = &old {
            let same = old.0 == r.customer_id
                && old.1 == r.booking_id
                && old.2 == r.rating
                && old.3 == r.comment
                && old.4 == r.service_title
                && old.5 == r.created_at
                && old.6 == r.updated_at
                && !old.7;
            if r.updated_at < old.6 || same {
                self.report.reviews_unchanged += 1;
                return Ok(());
            }
        }
        self.ensure_customer(r.customer_id, &r.customer_display_name)?;
        self.tx
            .prepare_cached(
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
        self.touched.insert(r.customer_id);
        match old {
            None => self.report.reviews_new += 1,
            Some(old) => {
                self.report.reviews_updated += 1;
                self.touched.insert(old.0);
            }
        }
        Ok(())
    }
}
