//! Bookings and reviews: newest `updated_at` wins, identical copies change nothing, and a
//! status change is recorded in the timeline.

use super::Applier;
use crate::error::Result;
use crate::platform::{BookingIn, ReviewIn};
use rusqlite::{params, OptionalExtension, Row};

/// A booking as we hold it, to compare with an incoming copy.
struct StoredBooking {
    customer_id: i64,
    service_id: Option<i64>,
    service_title: String,
    booking_date: String,
    booking_time: Option<String>,
    status: String,
    total_amount: i64,
    payment_status: Option<String>,
    created_at: String,
    updated_at: String,
    removed: bool,
}

impl StoredBooking {
    /// Reads the columns in the order `SELECT` lists them; the two stay side by side.
    const SELECT: &'static str =
        "SELECT customer_id, service_id, service_title, booking_date, booking_time, status,
                total_amount, payment_status, created_at, updated_at, removed
           FROM bookings WHERE id = ?1";

    fn from_row(r: &Row<'_>) -> rusqlite::Result<StoredBooking> {
        Ok(StoredBooking {
            customer_id: r.get(0)?,
            service_id: r.get(1)?,
            service_title: r.get(2)?,
            booking_date: r.get(3)?,
            booking_time: r.get(4)?,
            status: r.get(5)?,
            total_amount: r.get(6)?,
            payment_status: r.get(7)?,
            created_at: r.get(8)?,
            updated_at: r.get(9)?,
            removed: r.get(10)?,
        })
    }

    /// The incoming copy says nothing new (and the booking is not marked removed).
    fn same_as(&self, b: &BookingIn) -> bool {
        self.customer_id == b.customer_id
            && self.service_id == b.service_id
            && self.service_title == b.service_title
            && self.booking_date == b.booking_date
            && self.booking_time == b.booking_time
            && self.status == b.status
            && self.total_amount == b.total_amount.0
            && self.payment_status == b.payment_status
            && self.created_at == b.created_at
            && self.updated_at == b.updated_at
            && !self.removed
    }
}

/// A review as we hold it, to compare with an incoming copy.
struct StoredReview {
    customer_id: i64,
    booking_id: Option<i64>,
    rating: i64,
    comment: String,
    service_title: Option<String>,
    created_at: String,
    updated_at: String,
    removed: bool,
}

impl StoredReview {
    const SELECT: &'static str =
        "SELECT customer_id, booking_id, rating, comment, service_title, created_at,
                updated_at, removed
           FROM reviews WHERE id = ?1";

    fn from_row(r: &Row<'_>) -> rusqlite::Result<StoredReview> {
        Ok(StoredReview {
            customer_id: r.get(0)?,
            booking_id: r.get(1)?,
            rating: r.get(2)?,
            comment: r.get(3)?,
            service_title: r.get(4)?,
            created_at: r.get(5)?,
            updated_at: r.get(6)?,
            removed: r.get(7)?,
        })
    }

    fn same_as(&self, r: &ReviewIn) -> bool {
        self.customer_id == r.customer_id
            && self.booking_id == r.booking_id
            && self.rating == r.rating
            && self.comment == r.comment
            && self.service_title == r.service_title
            && self.created_at == r.created_at
            && self.updated_at == r.updated_at
            && !self.removed
    }
}

impl Applier<'_> {
    pub(super) fn booking(&mut self, b: &BookingIn) -> Result<()> {
        let old = self
            .tx
            .prepare_cached(StoredBooking::SELECT)?
            .query_row([b.id], StoredBooking::from_row)
            .optional()?;
        if let Some(old) = &old {
            if b.updated_at < old.updated_at || old.same_as(b) {
                self.report.bookings_unchanged += 1;
                // The customer's details may still be newer than what we hold.
                if old.updated_at == b.updated_at {
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
        self.touched.insert(old.customer_id);
        if old.status != b.status {
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
                    old.status,
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
        let old = self
            .tx
            .prepare_cached(StoredReview::SELECT)?
            .query_row([r.id], StoredReview::from_row)
            .optional()?;
        if let Some(old) = &old {
            if r.updated_at < old.updated_at || old.same_as(r) {
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
                self.touched.insert(old.customer_id);
            }
        }
        Ok(())
    }
}
