//! Sync benchmark: 50,000 bookings (plus reviews) served by the fake marketplace on
//! loopback. Reports requests, bytes and time for a first (full) sync, a no-change
//! incremental sync, and an incremental sync after a few changes.
//! Run: `cargo bench --bench sync` (writes bench-results/sync.json).

use clientele::sync::{self, FileTokenStore, SyncOptions, SyncReport};
use clientele_test_kit::fake_platform::{FakePlatform, World, PROVIDER_EMAIL, PROVIDER_PASSWORD};
use std::sync::Mutex;
use std::time::Instant;
use tokio_util::sync::CancellationToken;

const BOOKINGS: i64 = 50_000;
const CUSTOMERS: i64 = 5_000;
/// History spread over three years; bookings of the last week are still open (~320).
const SPAN_DAYS: i64 = 3 * 365;
const OPEN_DAYS: i64 = 7;

struct Row {
    name: &'static str,
    report: SyncReport,
    server_requests: usize,
    server_bytes: usize,
    seconds: f64,
}

fn main() {
    let world = World::generate_over(CUSTOMERS, BOOKINGS, 2026, SPAN_DAYS, OPEN_DAYS);
    let reviews = world.reviews.len();
    let open = world
        .bookings
        .values()
        .filter(|b| !["completed", "cancelled", "rejected"].contains(&b.status.as_str()))
        .count();
    let fake = FakePlatform::start(world);
    let dir = tempfile::tempdir().unwrap();
    let conn = clientele::db::open(&dir.path().join("bench.db")).unwrap();
    let db = Mutex::new(conn);
    let store = FileTokenStore::new(dir.path());
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(sync::sign_in(
        &db,
        &store,
        &fake.base_url,
        PROVIDER_EMAIL,
        PROVIDER_PASSWORD,
    ))
    .unwrap();
    let mut rows = Vec::new();
    let mut run = |name: &'static str, full: bool| {
        fake.clear_log();
        let started = Instant::now();
        let opts = SyncOptions {
            full,
            ..SyncOptions::default()
        };
        let report = rt
            .block_on(sync::sync(
                &db,
                &store,
                opts,
                &|_| {},
                &CancellationToken::new(),
            ))
            .unwrap();
        rows.push(Row {
            name,
            report,
            server_requests: fake.requests(),
            server_bytes: fake.bytes(),
            seconds: started.elapsed().as_secs_f64(),
        });
    };
    run("first sync (full)", false);
    run("no-change incremental", false);
    {
        let mut s = fake.server();
        let w = &mut s.world;
        for c in 100..105 {
            w.add_booking(c, "pending");
        }
        let open: Vec<i64> = w
            .bookings
            .values()
            .filter(|b| b.status == "pending")
            .map(|b| b.id)
            .take(3)
            .collect();
        for id in open {
            w.set_status(id, "completed");
        }
    }
    run("incremental, 5 new + 3 changed", false);
    run("full reconciliation", true);

    println!("sync benchmark: {BOOKINGS} bookings ({open} open), {reviews} reviews, {CUSTOMERS} customers (loopback)");
    println!(
        "{:<32} {:>9} {:>12} {:>9} {:>8} {:>8}",
        "run", "requests", "bytes", "seconds", "new", "updated"
    );
    for r in &rows {
        println!(
            "{:<32} {:>9} {:>12} {:>9.2} {:>8} {:>8}",
            r.name,
            r.report.requests,
            r.report.bytes,
            r.seconds,
            r.report.bookings_new + r.report.reviews_new,
            r.report.bookings_updated + r.report.reviews_updated
        );
        assert_eq!(r.report.requests as usize, r.server_requests);
    }
    let json = serde_json::json!({
        "bookings": BOOKINGS, "open_bookings": open, "reviews": reviews, "customers": CUSTOMERS,
        "runs": rows.iter().map(|r| serde_json::json!({
            "name": r.name, "requests": r.report.requests, "bytes": r.report.bytes,
            "server_bytes": r.server_bytes, "seconds": r.seconds, "report": r.report,
        })).collect::<Vec<_>>(),
    });
    std::fs::create_dir_all("bench-results").unwrap();
    std::fs::write(
        "bench-results/sync.json",
        serde_json::to_string_pretty(&json).unwrap(),
    )
    .unwrap();
    println!("wrote bench-results/sync.json");
}
