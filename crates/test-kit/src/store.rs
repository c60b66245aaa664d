//! Fixtures shared by the core's integration tests: real SQLite files in temp dirs,
//! a pinned clock, and builders for platform records.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use clientele::model::fmt_ts;
use clientele::platform::{Batch, BookingIn, CustomerIn, ReviewIn};
use clientele::{Clock, Money};
use rusqlite::Connection;
use tempfile::TempDir;

pub struct TestDb {
    pub dir: TempDir,
    pub conn: Connection,
}

impl Default for TestDb {
    fn default() -> TestDb {
        TestDb::new()
    }
}

impl TestDb {
    /// A fresh, migrated database file in its own temp dir.
    pub fn new() -> TestDb {
        let dir = tempfile::tempdir().unwrap();
        let conn = clientele::db::open(&dir.path().join("test.db")).unwrap();
        TestDb { dir, conn }
    }

    /// The database file (for a second connection or a CLI process).
    pub fn path(&self) -> std::path::PathBuf {
        self.dir.path().join("test.db")
    }

    pub fn apply(&mut self, batch: &Batch) -> clientele::ingest::ApplyReport {
        clientele::ingest::apply_batch(&mut self.conn, batch).unwrap()
    }
}

pub fn ts(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

/// 2026-11-24 12:00 UTC in Kathmandu (+05:45), the tests' default "now".
pub fn clock() -> Clock {
    Clock::new(ts("2026-11-24T12:00:00Z"), Tz::Asia__Kathmandu)
}

pub fn customer(id: i64, first: &str, last: &str, phone: Option<&str>) -> CustomerIn {
    CustomerIn {
        id,
        first_name: first.into(),
        last_name: last.into(),
        email: format!("{}.{}@example.test", first.to_lowercase(), id),
        phone: phone.map(str::to_string),
        city: Some("Lalitpur".into()),
        avatar_url: None,
        date_joined: Some("2025-01-01T00:00:00.000000Z".into()),
    }
}

/// A booking of customer `cid` created at `created` (RFC 3339), for `date`, with `status`
/// and `amount` in rupees.
pub fn booking(
    id: i64,
    cid: i64,
    status: &str,
    created: &str,
    date: &str,
    amount: i64,
) -> BookingIn {
    BookingIn {
        id,
        customer_id: cid,
        customer: Some(customer(cid, "Ram", "Shrestha", Some("9801234567"))),
        service_id: Some(1),
        service_title: "Tap & Pipe Leak Repair".into(),
        service_price: Some(Money(amount * 100)),
        booking_date: date.into(),
        booking_time: Some("10:30:00".into()),
        status: status.into(),
        total_amount: Money(amount * 100),
        payment_status: None,
        created_at: fmt_ts(ts(created)),
        updated_at: fmt_ts(ts(created)),
    }
}

pub fn with_customer(mut b: BookingIn, c: CustomerIn) -> BookingIn {
    b.customer_id = c.id;
    b.customer = Some(c);
    b
}

pub fn review(id: i64, cid: i64, rating: i64, created: &str) -> ReviewIn {
    ReviewIn {
        id,
        customer_id: cid,
        customer_display_name: "Ram S.".into(),
        booking_id: None,
        rating,
        comment: "Good job".into(),
        service_title: Some("Tap & Pipe Leak Repair".into()),
        created_at: fmt_ts(ts(created)),
        updated_at: fmt_ts(ts(created)),
    }
}

pub fn bookings(b: Vec<BookingIn>) -> Batch {
    Batch {
        bookings: b,
        reviews: vec![],
    }
}

/// The whole derived table, for comparing the incremental path with a recompute.
pub fn summary_dump(conn: &Connection) -> Vec<Vec<String>> {
    let mut st = conn
        .prepare("SELECT * FROM customer_summary ORDER BY customer_id")
        .unwrap();
    let n = st.column_count();
    st.query_map([], |r| {
        (0..n)
            .map(|i| {
                r.get::<_, rusqlite::types::Value>(i)
                    .map(|v| format!("{v:?}"))
            })
            .collect()
    })
    .unwrap()
    .collect::<Result<_, _>>()
    .unwrap()
}

pub fn status_counts_dump(conn: &Connection) -> Vec<(String, i64)> {
    conn.prepare("SELECT status, n FROM status_counts ORDER BY status")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}
