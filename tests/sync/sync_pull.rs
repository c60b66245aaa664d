//! Pull: first sync, incremental sync (new bookings, status changes, reviews), removals
//! only after a complete full pass, and summaries always equal to a recompute.

use clientele_test_kit::fake_platform::World;
use clientele_test_kit::sync_env;
use clientele_test_kit::sync_env::{opts, Env};
use std::sync::Mutex;

#[tokio::test]
async fn first_sync_pulls_everything_and_matches_recompute() {
    let world = World::generate(40, 450, 1);
    let (n_bookings, n_reviews) = (world.bookings.len() as i64, world.reviews.len() as i64);
    let env = Env::signed_in(world).await;
    let progress = Mutex::new(Vec::new());
    let report = clientele::sync::sync(
        &env.db,
        &env.store,
        opts(false),
        &|p| progress.lock().unwrap().push(p),
        &Default::default(),
    )
    .await
    .unwrap();
    assert!(report.full, "the first sync is a full pass");
    assert_eq!(report.bookings_new as i64, n_bookings);
    assert_eq!(report.reviews_new as i64, n_reviews);
    assert_eq!(env.scalar("SELECT count(*) FROM bookings"), n_bookings);
    assert_eq!(env.scalar("SELECT count(*) FROM reviews"), n_reviews);
    assert_eq!(
        env.scalar("SELECT count(*) FROM relations WHERE platform_relation_id IS NOT NULL"),
        40
    );
    assert_eq!(report.requests as usize, env.fake.requests());
    assert!(report.bytes > 450 * 3000, "bytes read: {}", report.bytes);
    let progress = progress.into_inner().unwrap();
    assert!(progress
        .iter()
        .any(|p| p.phase == "bookings" && p.pages == 5 && p.total_pages == Some(5)));
    assert_eq!(progress.last().unwrap().phase, "done");
    env.assert_summary_is_recompute();
    let st = clientele::sync::status(&env.conn(), &env.store).unwrap();
    assert!(st.signed_in && st.last_synced_at.is_some() && st.last_full_sync_at.is_some());
    assert_eq!(st.last_error, None);
}

#[tokio::test]
async fn incremental_sync_catches_new_bookings_status_changes_and_reviews() {
    let env = Env::signed_in(World::generate(30, 300, 2)).await;
    env.sync(false).await.unwrap();
    let open = env.scalar("SELECT min(id) FROM bookings WHERE status = 'pending'");
    let (new_id, review_id) = {
        let mut s = env.fake.server();
        let w = &mut s.world;
        let new_id = w.add_booking(101, "pending");
        w.set_status(open, "completed");
        let r = w.add_review(open, 5);
        let old_review = *w.reviews.keys().next().unwrap();
        w.edit_review(old_review, 1);
        (new_id, r)
    };
    env.fake.clear_log();
    let report = env.sync(false).await.unwrap();
    assert!(!report.full);
    assert_eq!(report.bookings_new, 1);
    assert!(report.bookings_updated >= 1);
    assert_eq!(report.reviews_new, 1);
    assert_eq!(
        env.scalar(&format!(
            "SELECT count(*) FROM bookings WHERE id = {new_id}"
        )),
        1
    );
    assert_eq!(
        env.scalar(&format!(
            "SELECT count(*) FROM bookings WHERE id = {open} AND status = 'completed'"
        )),
        1
    );
    assert_eq!(
        env.scalar(&format!(
            "SELECT count(*) FROM reviews WHERE id = {review_id}"
        )),
        1
    );
    env.assert_summary_is_recompute();
    // An edit of an old review is caught by the next full pass.
    env.sync(true).await.unwrap();
    assert_eq!(
        env.scalar("SELECT rating FROM reviews ORDER BY id LIMIT 1"),
        1
    );
    env.assert_summary_is_recompute();
}

#[tokio::test]
async fn no_change_incremental_sync_makes_a_handful_of_requests() {
    let env = Env::signed_in(World::generate(50, 1200, 3)).await;
    env.sync(false).await.unwrap();
    let before = env.snapshot();
    env.fake.clear_log();
    let report = env.sync(false).await.unwrap();
    assert_eq!(
        (
            report.bookings_new,
            report.bookings_updated,
            report.reviews_new
        ),
        (0, 0, 0)
    );
    assert!(
        env.fake.requests() <= 8,
        "requests: {:?}",
        env.fake
            .server()
            .log
            .iter()
            .map(|l| l.path.clone())
            .collect::<Vec<_>>()
    );
    let strip = |v: Vec<String>| {
        v.into_iter()
            .filter(|r| !r.contains("last_synced_at") && !r.contains("incremental.cursor"))
            .collect::<Vec<_>>()
    };
    sync_env::assert_same_rows(
        &strip(before),
        &strip(env.snapshot()),
        "a no-change sync changes nothing",
    );
}

#[tokio::test]
async fn deletions_are_applied_only_by_a_complete_full_pass() {
    let env = Env::signed_in(World::generate(20, 250, 4)).await;
    env.sync(false).await.unwrap();
    let (gone_booking, gone_review) = {
        let mut s = env.fake.server();
        let b = *s.world.bookings.keys().next().unwrap();
        let open = s
            .world
            .bookings
            .values()
            .find(|b| b.status == "pending")
            .unwrap()
            .id;
        s.world.bookings.remove(&b);
        s.world.bookings.remove(&open);
        let r = *s.world.reviews.keys().next().unwrap();
        s.world.reviews.remove(&r);
        (b, r)
    };
    let report = env.sync(false).await.unwrap();
    assert_eq!(report.removed, 0, "an incremental sync never removes");
    assert_eq!(
        env.scalar("SELECT count(*) FROM bookings WHERE removed = 1"),
        0
    );
    // A full pass interrupted half-way removes nothing either.
    env.fake.fault(
        "/api/reviews/",
        clientele_test_kit::fake_platform::FaultKind::ServerErrorHtml,
        10,
    );
    let err = env.sync(true).await.unwrap_err();
    assert_eq!(err.code(), "server");
    assert_eq!(
        env.scalar("SELECT count(*) FROM bookings WHERE removed = 1"),
        0
    );
    env.fake.server().faults.clear();
    let report = env.sync(false).await.unwrap();
    assert!(report.full, "an interrupted full pass is resumed");
    assert_eq!(report.removed, 3);
    assert_eq!(
        env.scalar(&format!(
            "SELECT removed FROM bookings WHERE id = {gone_booking}"
        )),
        1
    );
    assert_eq!(
        env.scalar(&format!(
            "SELECT removed FROM reviews WHERE id = {gone_review}"
        )),
        1
    );
    assert_eq!(env.scalar("SELECT count(*) FROM sync_seen"), 0);
    env.assert_summary_is_recompute();
}

#[tokio::test]
async fn a_full_pass_runs_again_after_24_hours() {
    let env = Env::signed_in(World::generate(10, 50, 5)).await;
    env.sync(false).await.unwrap();
    assert!(!env.sync(false).await.unwrap().full);
    let mut o = opts(false);
    o.now = Some(chrono::Utc::now() + chrono::TimeDelta::hours(25));
    assert!(env.sync_with(o).await.unwrap().full);
}

#[test]
fn the_sync_future_is_send_for_the_desktop_shell() {
    fn assert_send<T: Send>(_: &T) {}
    let env = Env::new(World::generate(1, 1, 6));
    let cancel = tokio_util::sync::CancellationToken::new();
    let fut = clientele::sync::sync(&env.db, &env.store, opts(false), &|_| {}, &cancel);
    assert_send(&fut);
}
