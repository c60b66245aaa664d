//! Fresh within the hour (issue 8, defect 3): review edits, flags changed on the platform and
//! deletions arrive with the light pass, which runs at most hourly (the full pass daily);
//! the status says when each last ran and what changed.

use chrono::{TimeDelta, Utc};
use clientele_test_kit::fake_platform::World;
use clientele_test_kit::sync_env::{opts, Env};

fn at(minutes: i64) -> clientele::sync::SyncOptions {
    let mut o = opts(false);
    o.now = Some(Utc::now() + TimeDelta::minutes(minutes));
    o
}

#[tokio::test]
async fn review_edits_platform_flags_and_deletions_arrive_within_the_hour() {
    let env = Env::signed_in(World::generate(20, 400, 65)).await;
    env.sync(false).await.unwrap();
    let (old_review, gone_review, gone_booking) = {
        let mut s = env.fake.server();
        let w = &mut s.world;
        let mut ids = w.reviews.keys().copied();
        let (old, gone) = (ids.next().unwrap(), ids.next().unwrap());
        w.edit_review(old, 1);
        w.reviews.remove(&gone);
        w.relations.entry(105).or_default().is_blocked = true;
        let open = w
            .bookings
            .values()
            .find(|b| b.status == "pending")
            .unwrap()
            .id;
        w.bookings.remove(&open);
        w.reviews.retain(|_, r| r.booking_id != open);
        (old, gone, open)
    };
    let rating = format!("SELECT rating FROM reviews WHERE id = {old_review}");
    let before = env.scalar(&rating);
    // Half an hour on: an incremental sync cannot see any of it.
    let r = env.sync_with(at(30)).await.unwrap();
    assert!(!r.full && !r.light);
    assert_eq!(env.scalar(&rating), before);
    // An hour on: the light pass, not the full one.
    env.fake.clear_log();
    let r = env.sync_with(at(61)).await.unwrap();
    assert!(r.light && !r.full, "{r:?}");
    assert_eq!(env.scalar(&rating), 1, "the review edit arrived");
    assert_eq!(r.relations_updated, 1);
    assert_eq!(
        env.scalar("SELECT is_blocked FROM relations WHERE customer_id = 105"),
        1
    );
    let removed =
        |t: &str, id: i64| env.scalar(&format!("SELECT removed FROM {t} WHERE id = {id}"));
    assert_eq!(removed("reviews", gone_review), 1);
    assert_eq!(removed("bookings", gone_booking), 1);
    env.assert_summary_is_recompute();
    let log = env.fake.server().log.clone();
    assert!(log
        .iter()
        .any(|l| l.path.contains("provider_dashboard/customers/")));
    assert!(!log
        .iter()
        .any(|l| l.path.contains("bookings/?") && l.path.contains("page=2")));
    let st = clientele::sync::status(&env.conn(), &env.store).unwrap();
    assert!(st.last_light_sync_at.unwrap() > st.last_full_sync_at.unwrap());
    let change = st.last_change.unwrap();
    assert!(
        change.contains("1 updated review") && change.contains("1 flag or note"),
        "{change}"
    );
    // And not again within the hour.
    assert!(!env.sync_with(at(90)).await.unwrap().light);
    assert!(env.sync_with(at(122)).await.unwrap().light);
}

#[tokio::test]
async fn a_no_change_light_pass_changes_nothing_and_a_full_pass_counts_as_one() {
    let env = Env::signed_in(World::generate(10, 150, 66)).await;
    let first = env.sync(false).await.unwrap();
    assert!(first.full && first.light);
    let st = clientele::sync::status(&env.conn(), &env.store).unwrap();
    assert_eq!(st.last_light_sync_at, st.last_full_sync_at);
    assert!(st.last_change.unwrap().contains("150 new bookings"));
    let before = clientele_test_kit::sync_env::platform_state(&env.conn());
    let r = env.sync_with(at(70)).await.unwrap();
    assert!(r.light);
    assert_eq!(
        (r.reviews_updated, r.removed, r.relations_updated),
        (0, 0, 0)
    );
    clientele_test_kit::sync_env::assert_same_rows(
        &before,
        &clientele_test_kit::sync_env::platform_state(&env.conn()),
        "light pass",
    );
}

#[test]
fn the_cli_sync_says_when_each_pass_last_ran() {
    use clientele_test_kit::fake_platform::{FakePlatform, PROVIDER_EMAIL};
    let fake = FakePlatform::start(World::generate(5, 40, 67));
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("status.db");
    let cli = |args: &[&str]| {
        clientele_test_kit::cli_process(env!("CARGO_BIN_EXE_clientele"), &db, args)
            .output()
            .unwrap()
    };
    assert!(
        cli(&["login", "--url", &fake.base_url, "--email", PROVIDER_EMAIL])
            .status
            .success()
    );
    assert!(cli(&["sync"]).status.success());
    let out = cli(&["sync", "--light"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("incremental + light sync:"), "{text}");
    assert!(
        text.contains("last light pass (reviews, flags; hourly): 20"),
        "{text}"
    );
    assert!(text.contains("last full pass (daily): 20"), "{text}");
    assert!(text.contains("last change "), "{text}");
}
