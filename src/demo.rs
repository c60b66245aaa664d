//! Deterministic sample data: realistic customers (Devanagari names, missing phones),
//! services, bookings in every status over two years, and reviews. Same seed and same
//! "now" give the same database.

use crate::error::{Error, Result};
use crate::model::{fmt_ts, Clock, Money};
use crate::platform::{Batch, BookingIn, CustomerIn, ReviewIn};
use crate::relations::{self, RelationEdit};
use chrono::{Duration, NaiveTime};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rusqlite::Connection;

const FIRST: [&str; 24] = [
    "Ram", "Sita", "Hari", "Gita", "Manish", "Rita", "Sarita", "Aasha", "Niraj", "Sabina", "Laxmi",
    "Sunil", "Aayush", "Prakash", "Mingma", "Kiran", "Ramesh", "Ganesh", "Yamuna", "Ujjwal",
    "Nabin", "Krishna", "Bibek", "Shanti",
];
const LAST: [&str; 20] = [
    "Shrestha",
    "Sharma",
    "Shakya",
    "Acharya",
    "Pradhan",
    "Rai",
    "Sherpa",
    "Adhikari",
    "Limbu",
    "Pandey",
    "Khadka",
    "Rana",
    "Basnet",
    "Bajracharya",
    "Ghimire",
    "Lama",
    "Tamang",
    "Bhandari",
    "Neupane",
    "KC",
];
const FIRST_DEVANAGARI: [&str; 8] = [
    "अशोक",
    "नारायण",
    "सीता",
    "गीता",
    "राम",
    "सुनिता",
    "बिमला",
    "हरि",
];
const LAST_DEVANAGARI: [&str; 6] = ["पाण्‍डे", "तुलाधर", "श्रेष्ठ", "शर्मा", "थापा", "गुरुङ"];
const CITIES: [&str; 7] = [
    "Kathmandu",
    "Lalitpur",
    "Bhaktapur",
    "Pokhara",
    "Biratnagar",
    "Butwal",
    "Dharan",
];
/// (id, title, price in rupees)
const SERVICES: [(i64, &str, i64); 8] = [
    (1, "Tap & Pipe Leak Repair", 800),
    (2, "Electrical Wiring Check", 1200),
    (3, "Deep Home Cleaning", 3500),
    (4, "Kitchen Cleaning", 1800),
    (5, "Sofa & Carpet Shampoo", 2500),
    (6, "Bathroom Fitting", 2200),
    (7, "Water Tank Cleaning", 1500),
    (8, "AC Servicing", 2000),
];
const COMMENTS: [&str; 6] = [
    "Friendly staff, good quality.",
    "Best service I have used in Kathmandu.",
    "Good job overall, minor delay.",
    "Worth the price.",
    "Came late and left a mess.",
    "Very professional, will book again.",
];
const BLOCK_REASONS: [&str; 3] = [
    "No-show twice",
    "Abusive on the phone",
    "Disputed payment after the job",
];
const NOTES: [&str; 4] = [
    "Prefers morning visits. Dog in the yard.",
    "Gate code 1234; call on arrival.",
    "Pays in cash, always on time.",
    "Old building: check the main valve first.",
];

/// How many customers a batch carries while generating (bounds memory at 100k customers).
const CHUNK: usize = 2_000;

/// Fills an empty database with `customers` demo customers. Refuses a non-empty database.
pub fn generate(conn: &mut Connection, customers: usize, seed: u64, clock: &Clock) -> Result<u64> {
    if !(1..=1_000_000).contains(&customers) {
        return Err(Error::invalid(format!(
            "demo size must be from 1 to 1,000,000 customers (got {customers})"
        )));
    }
    let existing: i64 = conn.query_row("SELECT count(*) FROM customers", [], |r| r.get(0))?;
    if existing > 0 {
        return Err(Error::Conflict(format!(
            "the database already holds {existing} customers; demo data goes into an empty database (choose another file with --db)"
        )));
    }
    let mut rows = 0u64;
    for batch in batches(customers, seed, *clock) {
        rows += batch.len() as u64;
        crate::ingest::apply_batch(conn, &batch)?;
    }
    add_provider_edits(conn, customers, seed, clock)?;
    Ok(rows)
}

/// The demo's platform data as batches of [`CHUNK`] customers, generated lazily.
pub fn batches(customers: usize, seed: u64, clock: Clock) -> DemoBatches {
    DemoBatches {
        rng: ChaCha8Rng::seed_from_u64(seed),
        ids: Ids::default(),
        next: 0,
        customers,
        clock,
    }
}

pub struct DemoBatches {
    rng: ChaCha8Rng,
    ids: Ids,
    next: usize,
    customers: usize,
    clock: Clock,
}

impl Iterator for DemoBatches {
    type Item = Batch;

    fn next(&mut self) -> Option<Batch> {
        if self.next >= self.customers {
            return None;
        }
        let end = (self.next + CHUNK).min(self.customers);
        let mut batch = Batch::default();
        for i in self.next..end {
            customer_history(
                &mut self.rng,
                1000 + i as i64,
                &self.clock,
                &mut self.ids,
                &mut batch,
            );
        }
        self.next = end;
        Some(batch)
    }
}

#[derive(Default)]
struct Ids {
    booking: i64,
    review: i64,
}

fn pick<'a, T>(rng: &mut ChaCha8Rng, items: &'a [T]) -> &'a T {
    &items[rng.random_range(0..items.len())]
}

fn customer(rng: &mut ChaCha8Rng, id: i64, clock: &Clock, joined_days_ago: i64) -> CustomerIn {
    let devanagari = rng.random_bool(0.1);
    let (first, last, email) = if devanagari {
        let f = *pick(rng, &FIRST_DEVANAGARI);
        let l = *pick(rng, &LAST_DEVANAGARI);
        (f, l, format!("customer{id}@example.test"))
    } else {
        let f = *pick(rng, &FIRST);
        let l = *pick(rng, &LAST);
        (
            f,
            l,
            format!(
                "{}.{}{}@example.test",
                f.to_lowercase(),
                l.to_lowercase(),
                id
            ),
        )
    };
    let number = format!("98{:08}", rng.random_range(0..100_000_000u64));
    let phone = match rng.random_range(0..20) {
        0..=1 => None,
        2 => Some(format!("+977 {}-{}", &number[..3], &number[3..])),
        _ => Some(number),
    };
    CustomerIn {
        id,
        first_name: first.into(),
        last_name: last.into(),
        email,
        phone,
        city: rng
            .random_bool(0.85)
            .then(|| pick(rng, &CITIES).to_string()),
        avatar_url: None,
        date_joined: Some(fmt_ts(clock.now - Duration::days(joined_days_ago))),
    }
}

/// Bookings per customer: many one-offs, a long tail of regulars; about 10 on average.
fn booking_count(rng: &mut ChaCha8Rng) -> usize {
    match rng.random_range(0..100) {
        0..=29 => 1,
        30..=49 => rng.random_range(2..=4),
        50..=77 => rng.random_range(5..=15),
        _ => rng.random_range(16..=40),
    }
}

fn customer_history(
    rng: &mut ChaCha8Rng,
    id: i64,
    clock: &Clock,
    ids: &mut Ids,
    batch: &mut Batch,
) {
    let first_days_ago = rng.random_range(0..730i64);
    let joined_days_ago = first_days_ago + rng.random_range(0..60);
    let c = customer(rng, id, clock, joined_days_ago);
    let today = clock.today();
    for _ in 0..booking_count(rng) {
        ids.booking += 1;
        let created =
            clock.now - Duration::seconds(rng.random_range(0..=first_days_ago * 86_400 + 3_600));
        let date =
            created.with_timezone(&clock.tz).date_naive() + Duration::days(rng.random_range(0..21));
        let status = if date > today {
            *pick(
                rng,
                &["pending", "confirmed", "confirmed", "payment_pending"],
            )
        } else {
            match rng.random_range(0..100) {
                0..=69 => "completed",
                70..=79 => "cancelled",
                80..=83 => "rejected",
                84..=87 => "service_delivered",
                88..=90 => "awaiting_confirmation",
                91..=92 => "disputed",
                _ if date == today => "confirmed",
                _ => "completed",
            }
        };
        let (service_id, title, price) = *pick(rng, &SERVICES);
        let amount = price * 100 + 100 * rng.random_range(0..4) * 50;
        let time = NaiveTime::from_hms_opt(rng.random_range(8..18), 30 * rng.random_range(0..2), 0)
            .unwrap_or_default();
        let updated = created + Duration::minutes(rng.random_range(1..600));
        batch.bookings.push(BookingIn {
            id: ids.booking,
            customer_id: id,
            customer: Some(c.clone()),
            service_id: Some(service_id),
            service_title: title.into(),
            service_price: Some(Money(price * 100)),
            booking_date: date.to_string(),
            booking_time: Some(time.format("%H:%M:%S").to_string()),
            status: status.into(),
            total_amount: Money(amount),
            payment_status: Some(
                if status == "completed" {
                    "completed"
                } else {
                    "pending"
                }
                .into(),
            ),
            created_at: fmt_ts(created),
            updated_at: fmt_ts(updated.min(clock.now)),
        });
        if status == "completed" && rng.random_bool(0.4) {
            ids.review += 1;
            let at = clock.local_midnight(date + Duration::days(1))
                + Duration::minutes(rng.random_range(0..600));
            let at = fmt_ts(at.min(clock.now));
            let rating = *pick(rng, &[5, 5, 5, 4, 4, 4, 4, 3, 2, 1]);
            batch.reviews.push(ReviewIn {
                id: ids.review,
                customer_id: id,
                customer_display_name: format!(
                    "{} {}.",
                    c.first_name,
                    c.last_name.chars().next().unwrap_or(' ')
                ),
                booking_id: Some(ids.booking),
                rating,
                comment: COMMENTS[if rating <= 2 {
                    4
                } else {
                    rng.random_range(0..COMMENTS.len())
                }]
                .into(),
                service_title: Some(title.into()),
                created_at: at.clone(),
                updated_at: at,
            });
        }
    }
}

/// A few favourites, blocked customers and notes, as a provider would have set them.
/// Demo edits are not pushed anywhere, so the outbox is cleared.
pub fn add_provider_edits(
    conn: &mut Connection,
    customers: usize,
    seed: u64,
    clock: &Clock,
) -> Result<()> {
    let rng = &mut ChaCha8Rng::seed_from_u64(seed ^ 0xED17);
    let tx = crate::db::write_tx(conn)?;
    let marked = (customers / 25).clamp(1, 2_000);
    for k in 0..marked {
        let id = 1000 + rng.random_range(0..customers) as i64;
        let at = Clock::new(
            clock.now - Duration::minutes(5 * (marked - k) as i64),
            clock.tz,
        );
        let edit = match rng.random_range(0..10) {
            0..=4 => RelationEdit::Favorite { value: true },
            5..=6 => RelationEdit::Blocked {
                value: true,
                reason: Some(pick(rng, &BLOCK_REASONS).to_string()),
            },
            _ => RelationEdit::Notes {
                value: pick(rng, &NOTES).to_string(),
            },
        };
        relations::apply(&tx, id, &edit, &at)?;
    }
    tx.execute("DELETE FROM outbox", [])?;
    tx.commit()?;
    Ok(())
}
