//! The fake marketplace's in-memory data set: customers, bookings, reviews, relations and
//! users, generated deterministically and rendered in the API's real JSON shapes.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, Utc};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::sync::OnceLock;

#[derive(Debug, Clone)]
pub struct FakeCustomer {
    pub id: i64,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: String,
    pub city: String,
}

#[derive(Debug, Clone)]
pub struct FakeBooking {
    pub id: i64,
    pub customer_id: i64,
    pub service_id: i64,
    pub title: String,
    pub booking_date: NaiveDate,
    pub status: String,
    /// Minor units.
    pub total_amount: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone)]
pub struct FakeReview {
    pub id: i64,
    pub customer_id: i64,
    pub booking_id: i64,
    pub rating: i64,
    pub comment: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct FakeRelation {
    pub is_favorite: bool,
    pub is_blocked: bool,
    pub notes: String,
}

#[derive(Debug, Clone)]
pub struct FakeUser {
    pub id: i64,
    pub email: String,
    pub password: String,
    pub role: String,
}

#[derive(Debug, Clone, Default)]
pub struct World {
    pub customers: BTreeMap<i64, FakeCustomer>,
    pub bookings: BTreeMap<i64, FakeBooking>,
    pub reviews: BTreeMap<i64, FakeReview>,
    /// By customer id; the relation id is `relation_id(customer_id)`.
    pub relations: BTreeMap<i64, FakeRelation>,
    /// The accounts that can sign in (tests add other providers).
    pub users: Vec<FakeUser>,
    /// The instant the generated data is relative to (pass it as `SyncOptions::now`).
    pub now: DateTime<Utc>,
}

pub const PROVIDER_EMAIL: &str = "provider@sewa.local";
pub const PROVIDER_PASSWORD: &str = "correct horse";
pub const CUSTOMER_EMAIL: &str = "customer@sewa.local";
const TITLES: [&str; 4] = [
    "Electrical Wiring Check",
    "Tap & Pipe Leak Repair",
    "Deep Cleaning",
    "AC Servicing",
];
const OPEN: [&str; 4] = [
    "pending",
    "confirmed",
    "payment_pending",
    "awaiting_confirmation",
];

pub fn relation_id(customer_id: i64) -> i64 {
    10_000 + customer_id
}

fn npt() -> FixedOffset {
    FixedOffset::east_opt(5 * 3600 + 45 * 60).unwrap()
}

impl World {
    /// A provider with `n_bookings` bookings over `n_customers` customers in the last year,
    /// ~40% of completed ones reviewed. Bookings older than two weeks are settled.
    pub fn generate(n_customers: i64, n_bookings: i64, seed: u64) -> World {
        World::generate_over(n_customers, n_bookings, seed, 365, 14)
    }

    /// As `generate`, created over `span_days`; bookings newer than `open_days` are open.
    pub fn generate_over(
        n_customers: i64,
        n_bookings: i64,
        seed: u64,
        span_days: i64,
        open_days: i64,
    ) -> World {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let now: DateTime<Utc> = "2026-11-24T12:00:00Z".parse().unwrap();
        let mut w = World {
            now,
            ..World::default()
        };
        w.users.push(FakeUser {
            id: 1,
            email: PROVIDER_EMAIL.into(),
            password: PROVIDER_PASSWORD.into(),
            role: "provider".into(),
        });
        w.users.push(FakeUser {
            id: 2,
            email: CUSTOMER_EMAIL.into(),
            password: PROVIDER_PASSWORD.into(),
            role: "customer".into(),
        });
        for id in 100..100 + n_customers {
            w.customers.insert(
                id,
                FakeCustomer {
                    id,
                    first_name: ["Manish", "Laxmi", "Sita", "Hari", "सीता"][(id % 5) as usize]
                        .into(),
                    last_name: ["Acharya", "Shrestha", "Rai"][(id % 3) as usize].into(),
                    email: format!("cust{id:05}@example.test"),
                    phone: format!("98{:08}", id * 7919 % 100_000_000),
                    city: ["Lalitpur", "Kathmandu", "Bhaktapur"][(id % 3) as usize].into(),
                },
            );
        }
        // Spread creation over a year; ids grow with created_at like a real database.
        let span = span_days * 24 * 3600;
        let mut offsets: Vec<i64> = (0..n_bookings).map(|_| rng.random_range(0..span)).collect();
        offsets.sort_unstable_by(|a, b| b.cmp(a));
        for (i, back) in offsets.into_iter().enumerate() {
            let id = 1 + i as i64;
            let created = now - Duration::seconds(back);
            let customer_id = 100 + rng.random_range(0..n_customers.max(1));
            let open = back < open_days * 24 * 3600;
            let status = if open {
                OPEN[rng.random_range(0..OPEN.len())]
            } else {
                match rng.random_range(0..100) {
                    0..=79 => "completed",
                    80..=91 => "cancelled",
                    _ => "rejected",
                }
            };
            let svc = rng.random_range(0..TITLES.len());
            w.bookings.insert(
                id,
                FakeBooking {
                    id,
                    customer_id,
                    service_id: 1 + svc as i64,
                    title: TITLES[svc].into(),
                    booking_date: (created + Duration::days(rng.random_range(1..20))).date_naive(),
                    status: status.into(),
                    total_amount: 50_000 + 10_000 * rng.random_range(0..20),
                    created_at: created,
                    updated_at: created + Duration::minutes(rng.random_range(0..600)),
                },
            );
            if status == "completed" && rng.random_range(0..100) < 40 {
                let rid = w.reviews.len() as i64 + 1;
                let at = created + Duration::days(20);
                w.reviews.insert(
                    rid,
                    FakeReview {
                        id: rid,
                        customer_id,
                        booking_id: id,
                        rating: rng.random_range(1..=5),
                        comment: "Friendly staff, good quality.".into(),
                        created_at: at,
                        updated_at: at,
                    },
                );
            }
        }
        w
    }

    /// Moves time on by `secs` and returns the new "now" (updated_at values must grow).
    fn tick(&mut self, secs: i64) -> DateTime<Utc> {
        self.now += Duration::seconds(secs);
        self.now
    }

    pub fn add_booking(&mut self, customer_id: i64, status: &str) -> i64 {
        let id = self.bookings.keys().max().copied().unwrap_or(0) + 1;
        let now = self.tick(60);
        self.bookings.insert(
            id,
            FakeBooking {
                id,
                customer_id,
                service_id: 1,
                title: TITLES[0].into(),
                booking_date: (now + Duration::days(3)).date_naive(),
                status: status.into(),
                total_amount: 120_000,
                created_at: now,
                updated_at: now,
            },
        );
        id
    }

    pub fn set_status(&mut self, booking_id: i64, status: &str) {
        let now = self.tick(60);
        let b = self.bookings.get_mut(&booking_id).expect("booking");
        b.status = status.into();
        b.updated_at = now;
    }

    pub fn add_review(&mut self, booking_id: i64, rating: i64) -> i64 {
        let id = self.reviews.keys().max().copied().unwrap_or(0) + 1;
        let now = self.tick(60);
        let customer_id = self.bookings[&booking_id].customer_id;
        self.reviews.insert(
            id,
            FakeReview {
                id,
                customer_id,
                booking_id,
                rating,
                comment: "Great".into(),
                created_at: now,
                updated_at: now,
            },
        );
        id
    }

    pub fn edit_review(&mut self, review_id: i64, rating: i64) {
        let now = self.tick(60);
        let r = self.reviews.get_mut(&review_id).expect("review");
        r.rating = rating;
        r.updated_at = now;
    }

    pub fn relation(&self, customer_id: i64) -> FakeRelation {
        self.relations
            .get(&customer_id)
            .cloned()
            .unwrap_or_default()
    }

    /// Customers who booked: the ones with a relation record on the platform.
    pub(crate) fn relation_customers(&self) -> Vec<i64> {
        let mut ids: Vec<i64> = self.bookings.values().map(|b| b.customer_id).collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    pub(crate) fn booking_json(&self, b: &FakeBooking) -> Value {
        let c = &self.customers[&b.customer_id];
        let mut v = template("bookings_page1.json").clone();
        let money = |m: i64| format!("{}.{:02}", m / 100, m % 100);
        v["id"] = json!(b.id);
        v["customer"] = json!(b.customer_id);
        let d = &mut v["customer_details"];
        d["id"] = json!(c.id);
        d["email"] = json!(c.email);
        d["first_name"] = json!(c.first_name);
        d["last_name"] = json!(c.last_name);
        d["phone"] = json!(c.phone);
        d["profile"]["city"] = json!(c.city);
        v["service"] = json!(b.service_id);
        v["service_details"]["id"] = json!(b.service_id);
        v["service_details"]["title"] = json!(b.title);
        v["service_details"]["price"] = json!(money(b.total_amount));
        v["booking_date"] = json!(b.booking_date.to_string());
        v["status"] = json!(b.status);
        v["price"] = json!(money(b.total_amount));
        v["total_amount"] = json!(money(b.total_amount));
        v["payment_details"]["booking"] = json!(b.id);
        v["created_at"] = json!(b.created_at.with_timezone(&npt()).to_rfc3339());
        v["updated_at"] = json!(b.updated_at.with_timezone(&npt()).to_rfc3339());
        v
    }

    pub(crate) fn review_json(&self, r: &FakeReview) -> Value {
        let mut v = template("reviews_page1.json").clone();
        v["id"] = json!(r.id);
        v["customer"] = json!({"id": r.customer_id, "display_name": "Laxmi L."});
        v["rating"] = json!(r.rating);
        v["comment"] = json!(r.comment);
        v["booking_id"] = json!(r.booking_id);
        v["created_at"] = json!(r.created_at.with_timezone(&npt()).to_rfc3339());
        v["updated_at"] = json!(r.updated_at.with_timezone(&npt()).to_rfc3339());
        v["is_edited"] = json!(r.updated_at != r.created_at);
        v
    }

    pub(crate) fn relation_json(&self, customer_id: i64) -> Value {
        let c = &self.customers[&customer_id];
        let rel = self.relation(customer_id);
        json!({
            "id": relation_id(customer_id),
            "customer": {"id": c.id, "first_name": c.first_name, "last_name": c.last_name,
                         "email": c.email, "phone": c.phone, "profile_picture": null, "city": ""},
            "total_bookings": 0, "total_spent": 0.0, "average_rating": 0.0,
            "is_favorite_customer": rel.is_favorite, "is_blocked": rel.is_blocked,
            "notes": rel.notes, "customer_status": "new",
        })
    }

    pub(crate) fn user_json(&self, u: &FakeUser) -> Value {
        let mut v: Value =
            serde_json::from_str(include_str!("../../fixtures/users_me.json")).unwrap();
        v["id"] = json!(u.id);
        v["email"] = json!(u.email);
        v["role"] = json!(u.role);
        v
    }
}

/// The first record of a sample page, parsed once.
fn template(name: &str) -> &'static Value {
    static BOOKING: OnceLock<Value> = OnceLock::new();
    static REVIEW: OnceLock<Value> = OnceLock::new();
    let (cell, text) = match name {
        "bookings_page1.json" => (&BOOKING, include_str!("../../fixtures/bookings_page1.json")),
        _ => (&REVIEW, include_str!("../../fixtures/reviews_page1.json")),
    };
    cell.get_or_init(|| {
        let page: Value = serde_json::from_str(text).unwrap();
        page["results"][0].clone()
    })
}
