//! A `Retry-After` longer than the cap (issue 8, defect 4): the sync ends at once saying
//! "try again after HH:MM" (local time); until then no sync calls the platform.

use chrono::{TimeDelta, Utc};
use clientele_test_kit::fake_platform::{FakePlatform, FaultKind, World, PROVIDER_EMAIL};
use clientele_test_kit::sync_env::{opts, Env};
use std::time::{Duration, Instant};

/// "HH:MM" local times a wait of `secs` can end at, measured around the call.
fn local_hhmm(secs: i64, from: chrono::DateTime<Utc>) -> Vec<String> {
    let tz = clientele::Clock::system().tz;
    [from, Utc::now()]
        .iter()
        .map(|t| {
            (*t + TimeDelta::seconds(secs))
                .with_timezone(&tz)
                .format("%H:%M")
                .to_string()
        })
        .collect()
}

#[tokio::test]
async fn a_wait_beyond_the_cap_stops_at_once_and_no_sync_asks_again_before_then() {
    let env = Env::signed_in(World::generate(10, 80, 60)).await;
    env.sync(false).await.unwrap();
    env.fake.clear_log();
    env.fake.fault(
        "/api/bookings/bookings/",
        FaultKind::RateLimited { retry_after: 3600 },
        100,
    );
    let t0 = Utc::now();
    let err = env.sync(false).await.unwrap_err();
    assert_eq!(err.code(), "rate_limited");
    let msg = err.to_string();
    assert!(
        local_hhmm(3600, t0)
            .iter()
            .any(|t| msg.contains(&format!("try again after {t}"))),
        "{msg}"
    );
    let throttled = env
        .fake
        .server()
        .log
        .iter()
        .filter(|l| l.status == 429)
        .count();
    assert_eq!(throttled, 1, "no retry of a wait beyond the cap");
    let st = clientele::sync::status(&env.conn(), &env.store).unwrap();
    assert!(st.rate_limited_until.is_some());
    assert_eq!(st.last_error.map(|e| e.code.as_str()), Some("rate_limited"));

    // The next sync (or the app's timer) errs at once without a request.
    env.fake.server().faults.clear();
    env.fake.clear_log();
    let err = env.sync(false).await.unwrap_err();
    assert_eq!(err.code(), "rate_limited");
    assert!(err.to_string().contains("try again after"), "{err}");
    assert_eq!(env.fake.requests(), 0);
    assert_eq!(env.fake.server().arrived.len(), 0);

    // After the instant, syncing resumes and the wait is forgotten.
    let mut later = opts(false);
    later.now = Some(Utc::now() + TimeDelta::minutes(61));
    env.sync_with(later).await.unwrap();
    let st = clientele::sync::status(&env.conn(), &env.store).unwrap();
    assert_eq!((st.rate_limited_until, st.last_error), (None, None));
}

#[test]
fn the_cli_ends_at_once_on_a_long_retry_after() {
    let fake = FakePlatform::start(World::generate(5, 30, 61));
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("wait.db");
    let run = |args: &[&str]| {
        clientele_test_kit::cli_process(env!("CARGO_BIN_EXE_clientele"), &db, args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let login = run(&["login", "--url", &fake.base_url, "--email", PROVIDER_EMAIL]);
    assert!(login.wait_with_output().unwrap().status.success());
    fake.fault(
        "/api/bookings/",
        FaultKind::RateLimited { retry_after: 3600 },
        100,
    );
    let started = Instant::now();
    let mut child = run(&["sync"]);
    // Today's client waited 120 s four times; give it 20 s before calling that a failure.
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(20) {
            child.kill().unwrap();
            panic!("the CLI kept waiting on a Retry-After of an hour");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("try again after"), "{stderr}");
    let requests = fake.requests();
    let again = run(&["sync"]).wait_with_output().unwrap();
    assert_eq!(again.status.code(), Some(1));
    assert_eq!(fake.requests(), requests, "the second sync asked nothing");
}
