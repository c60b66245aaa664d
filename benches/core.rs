//! Core benchmark on demo data (1k and 100k customers, ~10 bookings each): ingest
//! throughput, list/stats/activity/detail latency (p50/p95), export speed, database size and
//! peak memory. Prints a table and writes `bench-results/core.json`.
//!
//! `cargo bench --bench core` (sizes: `BENCH_SIZES=1000,100000`, the default).

use chrono_tz::Tz;
use clientele::activity::{recent, ActivityQuery};
use clientele::customers::{list, CustomerQuery, SortKey};
use clientele::export::{export_csv, ExportFilter};
use clientele::{db, demo, history, stats, Clock, CustomerStatus};
use serde_json::{json, Value};
use std::hint::black_box;
use std::time::{Duration, Instant};

fn percentile(samples: &mut [Duration], p: f64) -> f64 {
    samples.sort();
    let i = ((samples.len() as f64 - 1.0) * p).round() as usize;
    samples[i].as_secs_f64() * 1000.0
}

/// Runs `f` `n` times after a warm-up and returns (p50, p95) in milliseconds.
fn measure<T>(n: usize, mut f: impl FnMut(usize) -> T) -> (f64, f64) {
    for i in 0..5 {
        black_box(f(i));
    }
    let mut samples: Vec<Duration> = (0..n)
        .map(|i| {
            let t = Instant::now();
            black_box(f(i));
            t.elapsed()
        })
        .collect();
    (
        percentile(&mut samples, 0.5),
        percentile(&mut samples, 0.95),
    )
}

fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map(|kb| kb / 1024.0)
        .unwrap_or(0.0)
}

fn run(customers: usize) -> Value {
    let clock = Clock::new("2026-11-24T12:00:00Z".parse().unwrap(), Tz::Asia__Kathmandu);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bench.db");
    let mut conn = db::open(&path).unwrap();
    let (mut bookings, mut reviews, mut apply) = (0usize, 0usize, Duration::ZERO);
    for batch in demo::batches(customers, 42, clock) {
        bookings += batch.bookings.len();
        reviews += batch.reviews.len();
        let t = Instant::now();
        clientele::ingest::apply_batch(&mut conn, &batch).unwrap();
        apply += t.elapsed();
    }
    if std::env::var_os("BENCH_INGEST_ONLY").is_some() {
        return json!({"ingest_bookings_per_s": (bookings as f64 / apply.as_secs_f64()).round()});
    }
    demo::add_provider_edits(&mut conn, customers, 42, &clock).unwrap();
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE); ANALYZE;")
        .unwrap();
    let n = if customers >= 100_000 { 200 } else { 500 };
    let mut results = serde_json::Map::new();
    let mut row = |name: &str, (p50, p95): (f64, f64)| {
        results.insert(name.into(), json!({"p50_ms": p50, "p95_ms": p95}));
    };
    let q = |c: &CustomerQuery| list(&conn, c, &clock).unwrap();
    let query = |search: Option<&str>, status, sort, page| CustomerQuery {
        search: search.map(str::to_string),
        status,
        sort,
        page,
        ..Default::default()
    };
    let cases = [
        ("list: no filter", query(None, None, None, None)),
        ("list: search \"sh\"", query(Some("sh"), None, None, None)),
        (
            "list: search \"shre\"",
            query(Some("shre"), None, None, None),
        ),
        (
            "list: status regular",
            query(None, Some(CustomerStatus::Regular), None, None),
        ),
        (
            "list: sort by spend",
            query(None, None, Some(SortKey::TotalSpent), None),
        ),
        ("list: page 50", query(None, None, None, Some(50))),
    ];
    for (name, c) in &cases {
        row(name, measure(n, |_| q(c)));
    }
    row(
        "stats",
        measure(n, |_| stats::stats(&conn, &clock).unwrap()),
    );
    row(
        "activity (10)",
        measure(n, |_| recent(&conn, &ActivityQuery::default()).unwrap()),
    );
    row(
        "detail",
        measure(n, |i| {
            let id = 1000 + (i * 7919 % customers) as i64;
            history::detail(&conn, id, 1, 20, &clock).unwrap()
        }),
    );
    row(
        "charts",
        measure(20, |_| {
            stats::charts(&conn, &clock, Default::default()).unwrap()
        }),
    );
    let out = dir.path().join("export.csv");
    let t = Instant::now();
    let rep = export_csv(&conn, &out, &ExportFilter::default(), &clock).unwrap();
    let export_s = t.elapsed().as_secs_f64();
    let db_mb = std::fs::metadata(&path).unwrap().len() as f64 / 1e6;
    json!({
        "customers": customers,
        "bookings": bookings,
        "reviews": reviews,
        "ingest_bookings_per_s": (bookings as f64 / apply.as_secs_f64()).round(),
        "ingest_rows_per_s": ((bookings + reviews) as f64 / apply.as_secs_f64()).round(),
        "queries": results,
        "export_ms": export_s * 1000.0,
        "export_mb_per_s": rep.bytes as f64 / 1e6 / export_s,
        "export_rows": rep.rows,
        "db_mb": db_mb,
        "peak_rss_mb": peak_rss_mb(),
    })
}

fn main() {
    // `cargo bench` passes `--bench`; there is nothing else to parse.
    let sizes: Vec<usize> = std::env::var("BENCH_SIZES")
        .unwrap_or_else(|_| "1000,100000".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    let all: Vec<Value> = sizes.iter().map(|&n| run(n)).collect();
    if std::env::var_os("BENCH_INGEST_ONLY").is_some() {
        return println!("{all:?}");
    }
    println!(
        "\n| measure | {} |",
        sizes
            .iter()
            .map(|n| format!("{n} customers"))
            .collect::<Vec<_>>()
            .join(" | ")
    );
    println!("|---|{}", "---|".repeat(sizes.len()));
    let line = |label: &str, f: &dyn Fn(&Value) -> String| {
        println!(
            "| {label} | {} |",
            all.iter().map(f).collect::<Vec<_>>().join(" | ")
        );
    };
    line("bookings / reviews", &|v| {
        format!("{} / {}", v["bookings"], v["reviews"])
    });
    line("ingest (bookings/s)", &|v| {
        format!("{}", v["ingest_bookings_per_s"])
    });
    let keys: Vec<String> = all[0]["queries"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    for k in &keys {
        line(&format!("{k} p50 / p95 (ms)"), &|v| {
            format!(
                "{:.2} / {:.2}",
                v["queries"][k]["p50_ms"].as_f64().unwrap(),
                v["queries"][k]["p95_ms"].as_f64().unwrap()
            )
        });
    }
    line("export all (ms)", &|v| {
        format!("{:.0}", v["export_ms"].as_f64().unwrap())
    });
    line("export (MB/s)", &|v| {
        format!("{:.1}", v["export_mb_per_s"].as_f64().unwrap())
    });
    line("database size (MB)", &|v| {
        format!("{:.1}", v["db_mb"].as_f64().unwrap())
    });
    line("peak memory so far (MB)", &|v| {
        format!("{:.0}", v["peak_rss_mb"].as_f64().unwrap())
    });
    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("bench-results/core.json");
    std::fs::create_dir_all(out.parent().unwrap()).unwrap();
    std::fs::write(&out, serde_json::to_string_pretty(&all).unwrap()).unwrap();
    println!("\nwrote {}", out.display());
}
