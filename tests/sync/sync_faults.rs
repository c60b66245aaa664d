//! Every fault from docs/platform.md: each ends in a specific error code with the database exactly as
//! before the failed page, or recovers by retrying.

use clientele::sync::TokenStore;
use clientele_test_kit::fake_platform::{FaultKind, World};
use clientele_test_kit::sync_env;
use clientele_test_kit::sync_env::{assert_same_rows, Env};
use std::time::{Duration, Instant};

async fn synced_env(seed: u64) -> Env {
    let env = Env::signed_in(World::generate(15, 120, seed)).await;
    env.sync(false).await.unwrap();
    env.fake.server().world.add_booking(101, "pending");
    env.fake.clear_log();
    env
}

/// Applies `fault` to every bookings request, syncs, and checks the code and that nothing
/// platform-derived changed.
async fn failing_sync(fault: FaultKind, code: &str) -> Env {
    let env = synced_env(7).await;
    let before = sync_env::platform_state(&env.conn());
    env.fake.fault("/api/bookings/bookings/", fault, 100);
    let err = env.sync(false).await.unwrap_err();
    assert_eq!(err.code(), code, "{err}");
    assert_same_rows(
        &before,
        &sync_env::platform_state(&env.conn()),
        "database after a failed sync",
    );
    let st = clientele::sync::status(&env.conn(), &env.store).unwrap();
    assert_eq!(st.last_error.map(|e| e.code.as_str()), Some(code));
    env
}

#[tokio::test]
async fn server_errors_with_html_bodies_back_off_then_fail_as_server() {
    let env = failing_sync(FaultKind::ServerErrorHtml, "server").await;
    // 1 refresh + 1 attempt + 3 retries on the failing page.
    assert_eq!(
        env.fake
            .server()
            .log
            .iter()
            .filter(|l| l.status == 500)
            .count(),
        4
    );
}

#[tokio::test]
async fn invalid_json_fails_as_malformed() {
    failing_sync(FaultKind::InvalidJson, "malformed").await;
}

#[tokio::test]
async fn truncated_bodies_fail_as_malformed() {
    failing_sync(FaultKind::TruncatedBody, "malformed").await;
}

#[tokio::test]
async fn slow_responses_time_out_as_offline() {
    failing_sync(FaultKind::Slow(Duration::from_secs(3)), "offline").await;
}

#[tokio::test]
async fn rate_limits_that_persist_fail_as_rate_limited() {
    failing_sync(FaultKind::RateLimited { retry_after: 30 }, "rate_limited").await;
}

#[tokio::test]
async fn connection_refused_is_offline_and_keeps_data() {
    let env = synced_env(8).await;
    let before = env.snapshot();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("http://127.0.0.1:{port}");
    clientele::sync::state::set(&env.conn(), clientele::sync::state::BASE_URL, &url).unwrap();
    let err = env.sync(false).await.unwrap_err();
    assert_eq!(err.code(), "offline");
    let after: Vec<String> = env
        .snapshot()
        .into_iter()
        .filter(|r| !r.contains("account.base_url") && !r.contains("last_error"))
        .collect();
    let before: Vec<String> = before
        .into_iter()
        .filter(|r| !r.contains("account.base_url"))
        .collect();
    assert_same_rows(&before, &after, "offline sync");
}

#[tokio::test]
async fn transient_faults_are_retried_and_the_sync_succeeds() {
    let env = synced_env(9).await;
    env.fake
        .fault("/api/bookings/bookings/", FaultKind::ServerErrorHtml, 1);
    env.fake
        .fault("/api/bookings/bookings/", FaultKind::TruncatedBody, 1);
    env.fake
        .fault("/api/bookings/bookings/", FaultKind::InvalidJson, 1);
    env.fake.fault(
        "/api/reviews/",
        FaultKind::RateLimited { retry_after: 2 },
        2,
    );
    let started = Instant::now();
    let report = env.sync(false).await.unwrap();
    assert_eq!(report.bookings_new, 1);
    // Retry-After 2 s twice, scaled ×0.001 in tests: fast, but it did wait.
    assert!(started.elapsed() < Duration::from_secs(5));
    let log = env.fake.server().log.clone();
    assert_eq!(log.iter().filter(|l| l.status == 429).count(), 2);
    assert!(
        log.iter()
            .filter(|l| l.path.contains("/api/reviews/"))
            .count()
            >= 3
    );
}

#[tokio::test]
async fn an_access_token_expiring_mid_sync_is_refreshed_once() {
    let env = synced_env(10).await;
    env.fake.fault("status=", FaultKind::ExpireAccess, 1);
    let report = env.sync(false).await.unwrap();
    assert_eq!(report.bookings_new, 1);
    let log = env.fake.server().log.clone();
    assert_eq!(
        log.iter()
            .filter(|l| l.path == "/api/auth/refresh/")
            .count(),
        2,
        "start + one after the 401"
    );
    assert_eq!(log.iter().filter(|l| l.status == 401).count(), 1);
    assert!(
        env.store.load().unwrap().is_some(),
        "the rotated refresh token is stored"
    );
}

#[tokio::test]
async fn a_revoked_session_signs_out_with_a_clear_message() {
    let env = synced_env(11).await;
    let before = sync_env::platform_state(&env.conn());
    env.fake
        .fault("/api/bookings/bookings/", FaultKind::RevokeAll, 1);
    let err = env.sync(false).await.unwrap_err();
    assert_eq!(err.code(), "unauthorized");
    assert_eq!(err.to_string(), "signed out, please sign in again");
    assert_eq!(
        env.store.load().unwrap(),
        None,
        "the dead refresh token is forgotten"
    );
    assert!(
        !clientele::sync::status(&env.conn(), &env.store)
            .unwrap()
            .signed_in
    );
    assert_same_rows(
        &before,
        &sync_env::platform_state(&env.conn()),
        "after sign-out",
    );
}

#[tokio::test]
async fn many_deletions_are_removed_by_a_full_pass() {
    let env = Env::signed_in(World::generate(5, 200, 12)).await;
    env.sync(false).await.unwrap();
    {
        let mut s = env.fake.server();
        let ids: Vec<i64> = s.world.bookings.keys().copied().take(150).collect();
        ids.iter().for_each(|id| {
            s.world.bookings.remove(id);
        });
    }
    let report = env.sync(true).await.unwrap();
    assert_eq!(report.removed, 150);
    env.assert_summary_is_recompute();
}

#[tokio::test]
async fn cancelling_leaves_a_consistent_database_and_the_next_sync_converges() {
    let env = Env::signed_in(World::generate(20, 600, 13)).await;
    env.fake.server().delay = Duration::from_millis(20);
    let cancel = tokio_util::sync::CancellationToken::new();
    let c2 = cancel.clone();
    let report = clientele::sync::sync(
        &env.db,
        &env.store,
        sync_env::opts(false),
        &move |p| {
            if p.phase == "bookings" && p.pages == 2 {
                c2.cancel()
            }
        },
        &cancel,
    )
    .await;
    assert_eq!(report.unwrap_err().code(), "cancelled");
    let n: i64 = env.scalar("SELECT count(*) FROM bookings");
    assert_eq!(n, 200, "exactly the two committed pages");
    assert_eq!(sync_env::integrity(&env.conn()), "ok");
    env.assert_summary_is_recompute();
    env.fake.server().delay = Duration::ZERO;
    let report = env.sync(false).await.unwrap();
    assert!(report.full);
    assert_eq!(env.scalar("SELECT count(*) FROM bookings"), 600);
}

#[tokio::test]
async fn invalid_page_404_ends_paging_without_error() {
    let env = synced_env(14).await;
    {
        let conn = env.conn();
        use clientele::sync::state;
        state::set(&conn, state::FULL_STARTED_AT, "2026-11-24T00:00:00Z").unwrap();
        state::set(&conn, state::FULL_BOOKINGS_PAGE, "99").unwrap();
    }
    let report = env.sync(false).await.unwrap();
    assert!(report.full, "the interrupted pass is resumed");
    assert_eq!(
        report.removed, 0,
        "bookings not seen are verified by id, not removed"
    );
    let log = env.fake.server().log.clone();
    assert!(log
        .iter()
        .any(|l| l.status == 404 && l.path.contains("page=99")));
    assert_eq!(
        env.scalar("SELECT count(*) FROM sync_state WHERE key LIKE 'full.%'"),
        0
    );
}
