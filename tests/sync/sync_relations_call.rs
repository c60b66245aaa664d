//! The relation-records call (issue 8, defect 5): the server recomputes every relation on
//! each call, so it gets its own long timeout and is re-sent at most once.

use clientele_test_kit::fake_platform::{FaultKind, World};
use clientele_test_kit::sync_env::{opts, Env};
use std::time::Duration;

const RELATIONS: &str = "provider_dashboard/customers/";

fn relation_calls(env: &Env) -> usize {
    let s = env.fake.server();
    s.arrived.iter().filter(|p| p.contains(RELATIONS)).count()
}

#[tokio::test]
async fn a_slow_relation_call_is_waited_for_not_resent() {
    let env = Env::signed_in(World::generate(10, 80, 70)).await;
    // Slower than an ordinary request may take (1.5 s in tests), within its own timeout.
    env.fake
        .fault(RELATIONS, FaultKind::Slow(Duration::from_millis(2500)), 1);
    let report = env.sync(true).await.unwrap();
    assert!(report.full);
    assert_eq!(relation_calls(&env), 1, "sent once and waited for");
    assert_eq!(
        env.scalar("SELECT count(*) FROM relations WHERE platform_relation_id IS NOT NULL"),
        10
    );
}

#[tokio::test]
async fn a_relation_call_that_keeps_timing_out_is_sent_twice_at_most() {
    let env = Env::signed_in(World::generate(10, 80, 71)).await;
    env.fake
        .fault(RELATIONS, FaultKind::Slow(Duration::from_secs(4)), 10);
    let mut o = opts(true);
    o.retry.relations_timeout = Duration::from_millis(500);
    o.retry.max_retries = 3;
    let err = env.sync_with(o).await.unwrap_err();
    assert_eq!(err.code(), "offline", "{err}");
    assert_eq!(relation_calls(&env), 2, "one send and one re-send");
}
