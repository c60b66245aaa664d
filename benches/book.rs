//! The customer book at 100,000 customers / ~1M bookings (docs/rules.md §7–§9): a
//! 100,000-row client-list import (half matching existing customers), duplicates, merge and
//! unmerge, the list filtered by tags, search by city and by two words; segments, the overdue
//! sort and the charts (§10). Prints each figure
//! beside its target and writes `bench-results/book.json`.
//!
//! `cargo bench --bench book` (size: `BENCH_CUSTOMERS=100000`, the default).

use chrono_tz::Tz;
use clientele::book::{self, duplicates, import, merge};
use clientele::customers::{list, CustomerQuery};
use clientele::segments::Segment;
use clientele::{db, demo, Clock};
use rusqlite::Connection;
use serde_json::{json, Value};
use std::hint::black_box;
use std::io::Write;
use std::time::{Duration, Instant};

fn p95(mut samples: Vec<Duration>) -> f64 {
    samples.sort();
    let i = ((samples.len() as f64 - 1.0) * 0.95).round() as usize;
    samples[i].as_secs_f64() * 1000.0
}

fn ms(d: Duration) -> f64 {
    (d.as_secs_f64() * 10_000.0).round() / 10.0
}

/// p95 of `n` runs after a warm-up, in ms.
fn measure<T>(n: usize, mut f: impl FnMut(usize) -> T) -> f64 {
    for i in 0..5 {
        black_box(f(i));
    }
    p95((0..n)
        .map(|i| {
            let t = Instant::now();
            black_box(f(i));
            t.elapsed()
        })
        .collect())
}

/// This process's resident memory (Linux), in MB.
fn rss_mb() -> i64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<i64>().ok())
        .map_or(0, |kb| kb / 1024)
}

/// Tags a share of the customers: `vip` every 10th, `hair` every 3rd (so 1 in 30 has both).
fn tag_customers(conn: &mut Connection) {
    let tx = conn.transaction().unwrap();
    tx.execute_batch(
        "INSERT INTO customer_tags (customer_id, tag_key, tag, position)
           SELECT customer_id, 'vip', 'VIP', 0 FROM customer_summary WHERE customer_id % 10 = 0;
         INSERT INTO customer_tags (customer_id, tag_key, tag, position)
           SELECT customer_id, 'hair', 'Hair', 1 FROM customer_summary WHERE customer_id % 3 = 0;",
    )
    .unwrap();
    tx.commit().unwrap();
}

/// A client list of `rows` rows: every other row is an existing customer (by email, or by
/// phone in another format), the rest are new people.
fn client_list(conn: &Connection, rows: usize, path: &std::path::Path) {
    let mut existing = conn
        .prepare(
            "SELECT first_name, last_name, email, phone FROM customers WHERE id > 0 ORDER BY id",
        )
        .unwrap();
    let existing: Vec<(String, String, String, Option<String>)> = existing
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    writeln!(f, "Full Name;E-mail;Mobile;Town;Labels;Notes").unwrap();
    for i in 0..rows {
        if i % 2 == 0 && i / 2 < existing.len() {
            let (first, last, email, phone) = &existing[i / 2];
            match (i % 4, phone) {
                (0, Some(p)) => {
                    let key = clientele::search::phone_key(p);
                    writeln!(f, "{first} {last};;0{key};;imported;").unwrap()
                }
                _ => writeln!(f, "{first} {last};{};;;imported;", email.to_uppercase()).unwrap(),
            }
        } else {
            writeln!(
                f,
                "Walk-in {i} Client;walkin{i}@example.com;98{:08};Pokhara;imported|walk-in;First visit {i}",
                i
            )
            .unwrap();
        }
    }
}

fn main() {
    let customers: usize = std::env::var("BENCH_CUSTOMERS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000);
    let clock = Clock::new("2026-11-24T12:00:00Z".parse().unwrap(), Tz::Asia__Kathmandu);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.db");
    // `BENCH_BOOK_CACHE=FILE` keeps the generated book there and starts from a copy of it
    // next time (a minute saved per run while profiling one part).
    let cache = std::env::var_os("BENCH_BOOK_CACHE").map(std::path::PathBuf::from);
    if let Some(cached) = cache.as_ref().filter(|c| c.exists()) {
        std::fs::copy(cached, &path).unwrap();
    }
    let mut conn = db::open(&path).unwrap();
    if !cache.as_ref().is_some_and(|c| c.exists()) {
        let t = Instant::now();
        for batch in demo::batches(customers, 42, clock) {
            clientele::ingest::apply_batch(&mut conn, &batch).unwrap();
        }
        clientele::segments::roll(&mut conn, clock.today()).unwrap();
        eprintln!("demo book of {customers} customers in {:?}", t.elapsed());
        tag_customers(&mut conn);
        conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE); ANALYZE;")
            .unwrap();
        if let Some(cached) = &cache {
            std::fs::copy(&path, cached).unwrap();
        }
    }

    // `BENCH_ONLY=import` (or `duplicates`) skips the rest, to profile one part alone.
    let only = std::env::var("BENCH_ONLY").ok();
    let runs = |part: &str| only.as_deref().is_none_or(|o| o == part);
    let mut out = serde_json::Map::new();
    let mut report = |name: &str, value: f64, target: f64| {
        let verdict = if value <= target { "met" } else { "MISSED" };
        println!("{name:<44} {value:>9.1} ms   target ≤ {target} ms   {verdict}");
        out.insert(name.into(), json!({"ms": value, "target_ms": target}));
    };

    let mut index_mb = 0;
    if runs("lists") {
        // The desktop answers lists and segment counts from the in-memory book index
        // (src/book_index); its first load happens once, after opening.
        let index = clientele::book_index::BookIndex::new();
        let (rss_before, t) = (rss_mb(), Instant::now());
        index.warm(&conn).unwrap();
        report("book index: first load", ms(t.elapsed()), 1000.0);
        index_mb = rss_mb() - rss_before;
        eprintln!(
            "book index: {} cards, +{} MB resident",
            index.len(),
            rss_mb() - rss_before
        );
        let q = |tags: &[&str], search: Option<&str>| CustomerQuery {
            tags: tags.iter().map(|t| t.to_string()).collect(),
            search: search.map(str::to_string),
            ..Default::default()
        };
        for (name, query) in [
            ("list: tag vip, p95", q(&["vip"], None)),
            ("list: tags vip + hair, p95", q(&["vip", "hair"], None)),
            (
                "list: search city \"pokhara\", p95",
                q(&[], Some("pokhara")),
            ),
            (
                "list: search \"shrestha ram\", p95",
                q(&[], Some("shrestha ram")),
            ),
        ] {
            report(
                name,
                measure(200, |_| index.list(&conn, &query, &clock).unwrap()),
                5.0,
            );
            eprintln!(
                "  (the same from SQL alone, as the CLI answers it: {:.1} ms p95)",
                measure(20, |_| list(&conn, &query, &clock).unwrap())
            );
        }

        // Segments and charts (docs/rules.md §10).
        report(
            "all six segment counts, p95",
            measure(50, |_| index.segment_counts(&conn, &clock).unwrap()),
            20.0,
        );
        for seg in [Segment::Lapsed, Segment::TopSpenders, Segment::Upcoming] {
            let query = CustomerQuery {
                segment: Some(seg),
                ..Default::default()
            };
            let name = format!("list: segment {seg:?}, p95");
            report(
                &name,
                measure(100, |_| index.list(&conn, &query, &clock).unwrap()),
                10.0,
            );
        }
        let overdue = CustomerQuery {
            sort: Some(clientele::customers::SortKey::Overdue),
            ..Default::default()
        };
        report(
            "list: sorted by overdue, p95",
            measure(100, |_| index.list(&conn, &overdue, &clock).unwrap()),
            10.0,
        );
        // An edit, then the list: the index catches up from the change feed (one card).
        let vip = q(&["vip"], None);
        let ids: Vec<i64> = conn
            .prepare("SELECT customer_id FROM customer_summary ORDER BY customer_id LIMIT 300")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let mut edits = Vec::new();
        for (i, id) in ids.iter().enumerate() {
            let tags = vec![if i % 2 == 0 { "VIP" } else { "Hair" }.to_string()];
            book::tag(&mut conn, *id, &tags, &[], &clock).unwrap();
            let t = Instant::now();
            black_box(index.list(&conn, &vip, &clock).unwrap());
            edits.push(t.elapsed());
        }
        report("list by tag right after a tag edit, p95", p95(edits), 5.0);
        report(
            "charts incl. cohorts and services, p95",
            measure(30, |_| {
                clientele::stats::charts_with(&conn, &clock, Default::default(), Some(&index))
                    .unwrap()
            }),
            15.0,
        );
    }
    if runs("duplicates") {
        let t = Instant::now();
        let groups = duplicates::find(&conn).unwrap();
        report("duplicates over the book", ms(t.elapsed()), 300.0);
        eprintln!("{} duplicate groups", groups.len());
    }
    if runs("merge") {
        // Merge and unmerge pairs of platform customers (each with ~10 bookings).
        let ids: Vec<i64> = conn
            .prepare("SELECT customer_id FROM customer_summary WHERE customer_id > 0 ORDER BY customer_id LIMIT 100")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let (mut merges, mut unmerges) = (vec![], vec![]);
        for pair in ids.chunks(2) {
            let t = Instant::now();
            merge::merge(&mut conn, pair[0], pair[1], &clock).unwrap();
            merges.push(t.elapsed());
            let t = Instant::now();
            merge::unmerge(&mut conn, pair[0], &clock).unwrap();
            unmerges.push(t.elapsed());
        }
        report("merge, p95", p95(merges), 20.0);
        report("unmerge, p95", p95(unmerges), 20.0);
    }
    if !runs("import") {
        return;
    }
    let csv = dir.path().join("clients.csv");
    client_list(&conn, 100_000, &csv);
    let opts = import::Options {
        dry_run: false,
        skip_invalid: false,
    };
    let t = Instant::now();
    let r = import::import_file(&mut conn, &csv, opts, &clock).unwrap();
    report(
        "import of a 100,000-row client list",
        ms(t.elapsed()),
        3000.0,
    );
    eprintln!(
        "import: {} added, {} matched, {} unchanged, {} invalid",
        r.added,
        r.matched,
        r.unchanged,
        r.invalid.len()
    );
    let _ = book::changes();

    let doc: Value = json!({"customers": customers, "index_mb": index_mb, "results": out});
    if only.is_some() {
        return; // a partial run does not replace the recorded figures
    }
    std::fs::create_dir_all("bench-results").unwrap();
    std::fs::write(
        "bench-results/book.json",
        serde_json::to_string_pretty(&doc).unwrap(),
    )
    .unwrap();
}
