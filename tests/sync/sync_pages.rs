//! Faster first sync (issue 8): up to three page requests in flight, one after a 429, and
//! the pages still applied in order, each with its cursor, so an interrupted pass resumes
//! exactly where its last applied page left off.

use clientele_test_kit::fake_platform::{FaultKind, World};
use clientele_test_kit::sync_env::{opts, Env};
use std::sync::Mutex;
use std::time::Duration;
use tokio_util::sync::CancellationToken;

fn max_in_flight(env: &Env) -> usize {
    let s = env.fake.server();
    s.in_flight_at_arrival.iter().copied().max().unwrap_or(0)
}

#[tokio::test]
async fn a_first_sync_keeps_three_pages_in_flight_and_applies_them_in_order() {
    let env = Env::signed_in(World::generate(30, 1000, 95)).await;
    env.fake.server().delay = Duration::from_millis(30);
    let pages = Mutex::new(Vec::new());
    let report = clientele::sync::sync(
        &env.db,
        &env.store,
        opts(false),
        &|p| {
            if p.phase == "bookings" {
                pages.lock().unwrap().push(p.pages);
            }
        },
        &CancellationToken::new(),
    )
    .await
    .unwrap();
    assert_eq!(report.bookings_new, 1000);
    assert_eq!(max_in_flight(&env), 3);
    let pages = pages.into_inner().unwrap();
    assert_eq!(
        pages,
        (0..=10).collect::<Vec<u32>>(),
        "one page at a time, in order"
    );
    // Nothing past the last page was asked for.
    let log = env.fake.server().log.clone();
    assert!(!log.iter().any(|l| l.status == 404));
    env.assert_summary_is_recompute();
}

#[tokio::test]
async fn one_request_at_a_time_when_asked_and_after_a_429() {
    let env = Env::signed_in(World::generate(30, 1000, 96)).await;
    env.fake.server().delay = Duration::from_millis(10);
    let mut o = opts(false);
    o.max_in_flight = 1;
    env.sync_with(o).await.unwrap();
    assert_eq!(max_in_flight(&env), 1);

    env.fake.clear_log();
    env.fake
        .fault("page=6&", FaultKind::RateLimited { retry_after: 1 }, 1);
    env.sync(true).await.unwrap();
    let s = env.fake.server();
    let at_429 = s
        .arrived
        .iter()
        .position(|p| p.contains("page=6&"))
        .unwrap();
    assert!(s.in_flight_at_arrival[..at_429].contains(&3));
    // The two sent with it and its own re-send may overlap; after them, one at a time.
    let after = &s.in_flight_at_arrival[at_429 + 4..];
    assert!(
        after.len() > 5 && after.iter().all(|&n| n == 1),
        "{after:?}"
    );
}

#[tokio::test]
async fn an_interrupted_full_pass_resumes_after_its_last_applied_page() {
    let env = Env::signed_in(World::generate(20, 900, 97)).await;
    env.fake.server().delay = Duration::from_millis(10);
    env.fake.fault("page=5&", FaultKind::ServerErrorHtml, 100);
    assert_eq!(env.sync(false).await.unwrap_err().code(), "server");
    // Pages 1-4 applied with their cursor, though 6 and 7 may have been read already.
    assert_eq!(env.scalar("SELECT count(*) FROM bookings"), 400);
    let cursor: String = env
        .conn()
        .query_row(
            "SELECT value FROM sync_state WHERE key = 'full.bookings.next_page'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(cursor, "5");
    env.fake.server().faults.clear();
    env.fake.clear_log();
    let report = env.sync(false).await.unwrap();
    assert!(report.full);
    assert_eq!(report.bookings_new, 500);
    let s = env.fake.server();
    assert!(!s
        .arrived
        .iter()
        .any(|p| p.contains("bookings/?") && p.contains("page=1&")));
}

#[tokio::test]
async fn an_explicit_full_sync_starts_afresh_instead_of_resuming_a_stale_pass() {
    let env = Env::signed_in(World::generate(10, 250, 98)).await;
    env.sync(false).await.unwrap();
    // A full pass reads every booking page, then fails on the reviews.
    env.fake
        .fault("/api/reviews/", FaultKind::ServerErrorHtml, 100);
    assert_eq!(env.sync(true).await.unwrap_err().code(), "server");
    env.fake.server().faults.clear();
    // A booking that pass already saw is deleted on the platform.
    let gone = *env.fake.server().world.bookings.keys().next().unwrap();
    env.fake.server().world.bookings.remove(&gone);
    let report = env.sync(true).await.unwrap();
    assert_eq!(
        report.removed, 1,
        "a resumed pass would have trusted its old sighting"
    );
    assert_eq!(
        env.scalar(&format!("SELECT removed FROM bookings WHERE id = {gone}")),
        1
    );
}
