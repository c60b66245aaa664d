//! Sync benchmark: 50,000 bookings (plus ~16,000 reviews) served by the fake marketplace on
//! loopback, each answer delayed 100 ms like a real server. Reports requests, bytes and
//! time for a first sync one request at a time and with pages in flight, a no-change
//! incremental sync, a light pass, a small incremental sync and a full reconciliation,
//! and checks issue 8's targets: first sync ≥ 2× faster in flight, no-change ≤ 10
//! requests, light pass ≤ 170 requests.
//! Run: `cargo bench --bench sync` (writes bench-results/sync.json).

use clientele::sync::{SyncOptions, SyncReport, Syncer};
use clientele_test_kit::fake_platform::{FakePlatform, World, PROVIDER_EMAIL, PROVIDER_PASSWORD};
use std::path::Path;
use std::sync::Mutex;
use std::time::{Duration, Instant};
use tokio_util::sync::CancellationToken;

const BOOKINGS: i64 = 50_000;
const CUSTOMERS: i64 = 5_000;
/// History spread over three years; bookings of the last week are still open (~320).
const SPAN_DAYS: i64 = 3 * 365;
const OPEN_DAYS: i64 = 7;
const LATENCY: Duration = Duration::from_millis(100);

struct Row {
    name: &'static str,
    report: SyncReport,
    server_requests: usize,
    server_bytes: usize,
    seconds: f64,
}

struct Book {
    db: Mutex<rusqlite::Connection>,
    syncer: Syncer,
}

fn book(rt: &tokio::runtime::Runtime, fake: &FakePlatform, path: &Path) -> Book {
    let db = Mutex::new(clientele::db::open(path).unwrap());
    let syncer = Syncer::with_file_tokens(path);
    rt.block_on(syncer.sign_in(&db, &fake.base_url, PROVIDER_EMAIL, PROVIDER_PASSWORD))
        .unwrap();
    Book { db, syncer }
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
    fake.server().delay = LATENCY;
    let dir = tempfile::tempdir().unwrap();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let serial = book(&rt, &fake, &dir.path().join("serial.db"));
    let main = book(&rt, &fake, &dir.path().join("bench.db"));
    let mut rows = Vec::new();
    let mut run = |name: &'static str, b: &Book, o: SyncOptions| {
        fake.clear_log();
        let started = Instant::now();
        let report = rt
            .block_on(b.syncer.sync(&b.db, o, &|_| {}, &CancellationToken::new()))
            .unwrap();
        rows.push(Row {
            name,
            report,
            server_requests: fake.requests(),
            server_bytes: fake.bytes(),
            seconds: started.elapsed().as_secs_f64(),
        });
    };
    let opts = |f: fn(&mut SyncOptions)| {
        let mut o = SyncOptions::default();
        f(&mut o);
        o
    };
    run(
        "first sync, 1 request at a time",
        &serial,
        opts(|o| o.max_in_flight = 1),
    );
    drop(serial);
    run("first sync, 3 in flight", &main, opts(|_| {}));
    run("no-change incremental", &main, opts(|_| {}));
    run("light pass", &main, opts(|o| o.light = true));
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
    run("incremental, 5 new + 3 changed", &main, opts(|_| {}));
    run("full reconciliation", &main, opts(|o| o.full = true));

    println!(
        "sync benchmark: {BOOKINGS} bookings ({open} open), {reviews} reviews, {CUSTOMERS} customers, {} ms per answer",
        LATENCY.as_millis()
    );
    println!(
        "{:<34} {:>9} {:>12} {:>9} {:>8} {:>8}",
        "run", "requests", "bytes", "seconds", "new", "updated"
    );
    for r in &rows {
        println!(
            "{:<34} {:>9} {:>12} {:>9.2} {:>8} {:>8}",
            r.name,
            r.report.requests,
            r.report.bytes,
            r.seconds,
            r.report.bookings_new + r.report.reviews_new,
            r.report.bookings_updated + r.report.reviews_updated
        );
        assert_eq!(r.report.requests as usize, r.server_requests);
    }
    let speedup = rows[0].seconds / rows[1].seconds;
    let (no_change, light) = (rows[2].report.requests, rows[3].report.requests);
    println!("first sync speed-up with pages in flight: {speedup:.2}x (target >= 2)");
    println!("no-change incremental: {no_change} requests (target <= 10)");
    println!("light pass: {light} requests (target <= 170)");
    let json = serde_json::json!({
        "bookings": BOOKINGS, "open_bookings": open, "reviews": reviews, "customers": CUSTOMERS,
        "latency_ms": LATENCY.as_millis() as u64,
        "first_sync_speedup": speedup,
        "targets_met": {
            "first_sync_2x": speedup >= 2.0,
            "no_change_at_most_10_requests": no_change <= 10,
            "light_pass_at_most_170_requests": light <= 170,
        },
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
    assert!(
        speedup >= 2.0 && no_change <= 10 && light <= 170,
        "a target was missed"
    );
}
