//! The marketplace's JSON shapes (see `docs/platform.md`), parsed and validated into the
//! records the store ingests. Every error names the record it came from.

use crate::error::{Error, Result};
use crate::model::{fmt_ts, parse_date, parse_ts, Money};
use serde_json::{Map, Value};

#[derive(Debug, Clone, PartialEq)]
pub struct CustomerIn {
    pub id: i64,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: Option<String>,
    pub city: Option<String>,
    pub avatar_url: Option<String>,
    pub date_joined: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BookingIn {
    pub id: i64,
    pub customer_id: i64,
    /// `customer_details`, when the payload carried them.
    pub customer: Option<CustomerIn>,
    pub service_id: Option<i64>,
    pub service_title: String,
    pub service_price: Option<Money>,
    pub booking_date: String,
    pub booking_time: Option<String>,
    pub status: String,
    pub total_amount: Money,
    pub payment_status: Option<String>,
    /// Canonical UTC text (`model::fmt_ts`).
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReviewIn {
    pub id: i64,
    pub customer_id: i64,
    pub customer_display_name: String,
    pub booking_id: Option<i64>,
    pub rating: i64,
    pub comment: String,
    pub service_title: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

/// A set of platform records applied together, atomically.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Batch {
    pub bookings: Vec<BookingIn>,
    pub reviews: Vec<ReviewIn>,
}

impl Batch {
    pub fn len(&self) -> usize {
        self.bookings.len() + self.reviews.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn extend(&mut self, other: Batch) {
        self.bookings.extend(other.bookings);
        self.reviews.extend(other.reviews);
    }
}

/// Parses a platform document: a list page (`{"results": [...]}`) or a bare array, of
/// bookings or of reviews (told apart per record by their fields).
pub fn parse_document(text: &str) -> Result<Batch> {
    let doc: Value =
        serde_json::from_str(text).map_err(|e| Error::invalid(format!("not valid JSON: {e}")))?;
    let items = match &doc {
        Value::Array(items) => items,
        Value::Object(o) => match o.get("results") {
            Some(Value::Array(items)) => items,
            _ => {
                return Err(Error::invalid(
                    "expected a list page with \"results\" or an array of bookings or reviews",
                ))
            }
        },
        _ => {
            return Err(Error::invalid(
                "expected a list page with \"results\" or an array of bookings or reviews",
            ))
        }
    };
    parse_records(items)
}

/// Parses records of either kind; a booking has `booking_date` and `status`, a review `rating`.
pub fn parse_records(items: &[Value]) -> Result<Batch> {
    let mut batch = Batch::default();
    for (i, item) in items.iter().enumerate() {
        let o = item
            .as_object()
            .ok_or_else(|| Error::invalid(format!("record #{} is not a JSON object", i + 1)))?;
        if o.contains_key("rating") {
            batch.reviews.push(parse_review(o)?);
        } else if o.contains_key("status") || o.contains_key("booking_date") {
            batch.bookings.push(parse_booking(o)?);
        } else {
            return Err(Error::invalid(format!(
                "record #{} is neither a booking nor a review",
                i + 1
            )));
        }
    }
    Ok(batch)
}

pub fn parse_booking(o: &Map<String, Value>) -> Result<BookingIn> {
    let id = int(o, "id", "booking")?;
    let what = format!("booking {id}");
    let customer_id = int(o, "customer", &what)?;
    let customer = match o.get("customer_details") {
        Some(Value::Object(c)) => Some(parse_customer(c, &what)?),
        _ => None,
    };
    let details = o.get("service_details").and_then(Value::as_object);
    let service_title = details
        .and_then(|d| d.get("title"))
        .and_then(Value::as_str)
        .or_else(|| o.get("service_title").and_then(Value::as_str))
        .unwrap_or("")
        .to_string();
    let service_price = match details.and_then(|d| d.get("price")) {
        Some(v) if !v.is_null() => Some(amount(v, &what, "service price")?),
        _ => None,
    };
    let total_amount = amount(
        o.get("total_amount")
            .ok_or_else(|| Error::invalid(format!("{what}: total_amount is missing")))?,
        &what,
        "total_amount",
    )?;
    let booking_date = text(o, "booking_date", &what)?;
    parse_date(&booking_date).map_err(|e| Error::invalid(format!("{what}: {e}")))?;
    let status = text(o, "status", &what)?;
    if status.is_empty() {
        return Err(Error::invalid(format!("{what}: status is empty")));
    }
    Ok(BookingIn {
        id,
        customer_id,
        customer,
        service_id: o.get("service").and_then(Value::as_i64),
        service_title,
        service_price,
        booking_date,
        booking_time: opt_text(o, "booking_time"),
        status,
        total_amount,
        payment_status: o
            .get("payment_details")
            .and_then(Value::as_object)
            .and_then(|p| p.get("status"))
            .and_then(Value::as_str)
            .map(str::to_string),
        created_at: timestamp(o, "created_at", &what)?,
        updated_at: timestamp(o, "updated_at", &what)?,
    })
}

fn parse_customer(c: &Map<String, Value>, what: &str) -> Result<CustomerIn> {
    let ctx = format!("{what}: customer_details");
    let city = c
        .get("profile")
        .and_then(Value::as_object)
        .and_then(|p| p.get("city"))
        .or_else(|| c.get("city"))
        .and_then(Value::as_str)
        .filter(|s| !s.trim().is_empty())
        .map(str::to_string);
    Ok(CustomerIn {
        id: int(c, "id", &ctx)?,
        first_name: opt_text(c, "first_name").unwrap_or_default(),
        last_name: opt_text(c, "last_name").unwrap_or_default(),
        email: opt_text(c, "email").unwrap_or_default(),
        phone: opt_text(c, "phone").filter(|s| !s.trim().is_empty()),
        city,
        avatar_url: opt_text(c, "profile_picture_url").filter(|s| !s.is_empty()),
        date_joined: match c.get("date_joined") {
            Some(Value::String(s)) => Some(fmt_ts(
                parse_ts(s).map_err(|e| Error::invalid(format!("{ctx}: {e}")))?,
            )),
            _ => None,
        },
    })
}

pub fn parse_review(o: &Map<String, Value>) -> Result<ReviewIn> {
    let id = int(o, "id", "review")?;
    let what = format!("review {id}");
    let customer = o
        .get("customer")
        .ok_or_else(|| Error::invalid(format!("{what}: customer is missing")))?;
    let (customer_id, display) = match customer {
        Value::Object(c) => (
            int(c, "id", &what)?,
            opt_text(c, "display_name").unwrap_or_default(),
        ),
        Value::Number(_) => (int(o, "customer", &what)?, String::new()),
        _ => return Err(Error::invalid(format!("{what}: customer is not an object"))),
    };
    let rating = match o.get("rating") {
        Some(Value::Number(n)) => n.as_i64(),
        _ => None,
    }
    .filter(|r| (1..=5).contains(r))
    .ok_or_else(|| {
        Error::invalid(format!(
            "{what}: rating {} is not a whole number from 1 to 5",
            o.get("rating").cloned().unwrap_or(Value::Null)
        ))
    })?;
    Ok(ReviewIn {
        id,
        customer_id,
        customer_display_name: display,
        booking_id: o.get("booking_id").and_then(Value::as_i64),
        rating,
        comment: opt_text(o, "comment").unwrap_or_default(),
        service_title: opt_text(o, "service_title"),
        created_at: timestamp(o, "created_at", &what)?,
        updated_at: timestamp(o, "updated_at", &what)?,
    })
}

fn int(o: &Map<String, Value>, key: &str, what: &str) -> Result<i64> {
    o.get(key)
        .and_then(Value::as_i64)
        .ok_or_else(|| Error::invalid(format!("{what}: {key} is missing or not an integer")))
}

fn text(o: &Map<String, Value>, key: &str, what: &str) -> Result<String> {
    o.get(key)
        .and_then(Value::as_str)
        .map(str::to_string)
        .ok_or_else(|| Error::invalid(format!("{what}: {key} is missing or not text")))
}

fn opt_text(o: &Map<String, Value>, key: &str) -> Option<String> {
    o.get(key).and_then(Value::as_str).map(str::to_string)
}

fn timestamp(o: &Map<String, Value>, key: &str, what: &str) -> Result<String> {
    let s = text(o, key, what)?;
    Ok(fmt_ts(parse_ts(&s).map_err(|e| {
        Error::invalid(format!("{what}: {key}: {e}"))
    })?))
}

/// A non-negative amount from a decimal string or a JSON number.
fn amount(v: &Value, what: &str, key: &str) -> Result<Money> {
    let raw = match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        other => {
            return Err(Error::invalid(format!(
                "{what}: {key} {other} is not an amount"
            )))
        }
    };
    let m = Money::parse(&raw)
        .ok_or_else(|| Error::invalid(format!("{what}: {key} {raw:?} is not an amount")))?;
    if m.0 < 0 {
        return Err(Error::invalid(format!("{what}: {key} {raw:?} is negative")));
    }
    Ok(m)
}
