//! One customer's detail: profile and metrics, booking history (paginated) and reviews.

use crate::customers::CustomerRow;
use crate::error::{Error, Result};
use crate::model::{Clock, Money};
use rusqlite::{params, Connection};
use serde::Serialize;
use specta::Type;

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct BookingItem {
    pub id: i64,
    /// `local`: a visit the provider recorded, which they can edit and delete.
    pub source: crate::customers::Source,
    pub service_title: String,
    pub booking_date: String,
    pub booking_time: Option<String>,
    pub status: String,
    pub total_amount: Money,
    pub payment_status: Option<String>,
    pub created_at: String,
    /// Still counted: `false` once a complete sync no longer returned it.
    pub live: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct ReviewItem {
    pub id: i64,
    pub booking_id: Option<i64>,
    pub rating: i64,
    pub comment: String,
    pub service_title: Option<String>,
    pub created_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct CustomerDetail {
    pub customer: CustomerRow,
    pub date_joined: Option<String>,
    pub bookings: Vec<BookingItem>,
    pub bookings_total: i64,
    pub bookings_page: u32,
    pub bookings_page_size: u32,
    pub reviews: Vec<ReviewItem>,
}

/// The detail of one customer; bookings newest first (by date, then time, then id).
pub fn detail(
    conn: &Connection,
    customer_id: i64,
    page: u32,
    page_size: u32,
    clock: &Clock,
) -> Result<CustomerDetail> {
    if page == 0 || page_size == 0 || page_size > 500 {
        return Err(Error::invalid(format!(
            "booking history page must be ≥ 1 and page size 1–500 (got page {page}, size {page_size})"
        )));
    }
    let customer = crate::customers::get(conn, customer_id, clock)?;
    // A merged card's history holds every merged customer's bookings and reviews (§9).
    let customer_id = customer.customer_id;
    let date_joined: Option<String> = conn.query_row(
        "SELECT date_joined FROM customers WHERE id = ?1",
        [customer_id],
        |r| r.get(0),
    )?;
    let bookings_total: i64 = conn.query_row(
        "SELECT count(*) FROM bookings WHERE customer_id IN
            (SELECT id FROM customers WHERE id = ?1 OR card_id = ?1)",
        [customer_id],
        |r| r.get(0),
    )?;
    let bookings = conn
        .prepare_cached(
            "SELECT id, service_title, booking_date, booking_time, status, total_amount,
                    payment_status, created_at, removed
               FROM bookings WHERE customer_id IN
                    (SELECT id FROM customers WHERE id = ?1 OR card_id = ?1)
              ORDER BY booking_date DESC, booking_time DESC, id DESC LIMIT ?2 OFFSET ?3",
        )?
        .query_map(
            params![
                customer_id,
                page_size,
                i64::from(page - 1) * i64::from(page_size)
            ],
            |r| {
                Ok(BookingItem {
                    id: r.get(0)?,
                    source: crate::customers::Source::of(r.get(0)?),
                    service_title: r.get(1)?,
                    booking_date: r.get(2)?,
                    booking_time: r.get(3)?,
                    status: r.get(4)?,
                    total_amount: Money(r.get(5)?),
                    payment_status: r.get(6)?,
                    created_at: r.get(7)?,
                    live: !r.get::<_, bool>(8)?,
                })
            },
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let reviews = conn
        .prepare_cached(
            "SELECT id, booking_id, rating, comment, service_title, created_at FROM reviews
              WHERE customer_id IN (SELECT id FROM customers WHERE id = ?1 OR card_id = ?1)
                AND removed = 0 ORDER BY created_at DESC, id DESC",
        )?
        .query_map([customer_id], |r| {
            Ok(ReviewItem {
                id: r.get(0)?,
                booking_id: r.get(1)?,
                rating: r.get(2)?,
                comment: r.get(3)?,
                service_title: r.get(4)?,
                created_at: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(CustomerDetail {
        customer,
        date_joined,
        bookings,
        bookings_total,
        bookings_page: page,
        bookings_page_size: page_size,
        reviews,
    })
}
