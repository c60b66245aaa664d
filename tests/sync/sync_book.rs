//! The provider's own book beside sync (docs/rules.md §7, §9): a full reconciliation never
//! removes own visits or own customers, no own data is pushed, and a merged platform
//! customer's new bookings land on the kept card.

use clientele::book::visits::VisitInput;
use clientele::book::{self, NewCustomer};
use clientele::model::Clock;
use clientele_test_kit::fake_platform::World;
use clientele_test_kit::sync_env::Env;

fn visit(amount: &str) -> VisitInput {
    VisitInput {
        service: "Walk-in haircut".into(),
        date: "2026-10-01".into(),
        amount: amount.into(),
        ..Default::default()
    }
}

#[tokio::test]
async fn a_full_sync_keeps_own_customers_and_visits_and_pushes_none_of_them() {
    let env = Env::signed_in(World::generate(20, 120, 7)).await;
    env.sync(false).await.unwrap();
    let platform_customer = env.scalar("SELECT min(customer_id) FROM customer_summary");
    let clock = Clock::system();
    let (own, on_platform) = {
        let mut c = env.conn();
        let own = book::add_customer(
            &mut c,
            &NewCustomer {
                first_name: "Walk".into(),
                last_name: Some("In".into()),
                notes: Some("pays cash".into()),
                ..Default::default()
            },
            &clock,
        )
        .unwrap();
        book::visits::add(&mut c, own.customer_id, &visit("500.00"), &clock).unwrap();
        let v = book::visits::add(&mut c, platform_customer, &visit("700.00"), &clock).unwrap();
        (own.customer_id, v.booking_id)
    };
    let before = env.scalar(&format!(
        "SELECT total_bookings FROM customer_summary WHERE customer_id = {platform_customer}"
    ));
    let report = env.sync(true).await.unwrap();
    assert!(report.full);
    assert_eq!(
        env.scalar("SELECT count(*) FROM bookings WHERE id < 0 AND removed = 0"),
        2,
        "own visits survive a complete pass"
    );
    assert_eq!(
        env.scalar(&format!(
            "SELECT removed FROM bookings WHERE id = {on_platform}"
        )),
        0
    );
    assert_eq!(
        env.scalar(&format!(
            "SELECT total_bookings FROM customer_summary WHERE customer_id = {platform_customer}"
        )),
        before,
        "the visit on a platform customer still counts"
    );
    assert_eq!(
        env.scalar(&format!(
            "SELECT total_spent FROM customer_summary WHERE customer_id = {own}"
        )),
        50_000
    );
    assert_eq!(
        env.scalar("SELECT count(*) FROM outbox WHERE customer_id < 0"),
        0,
        "own customers have nothing to push"
    );
    // No request ever named an own id.
    let own_paths: Vec<String> = env
        .fake
        .server()
        .log
        .iter()
        .map(|l| l.path.clone())
        .filter(|p| p.contains("/-"))
        .collect();
    assert!(own_paths.is_empty(), "{own_paths:?}");
    env.assert_summary_is_recompute();
}

#[tokio::test]
async fn bookings_synced_for_a_merged_customer_land_on_the_kept_card() {
    let env = Env::signed_in(World::generate(20, 120, 8)).await;
    env.sync(false).await.unwrap();
    let ids: Vec<i64> = {
        let c = env.conn();
        let mut st = c
            .prepare("SELECT customer_id FROM customer_summary ORDER BY customer_id LIMIT 2")
            .unwrap();
        st.query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    let (keep, other) = (ids[0], ids[1]);
    let total = |id: i64| {
        env.scalar(&format!(
            "SELECT coalesce(sum(total_bookings), 0) FROM customer_summary WHERE customer_id = {id}"
        ))
    };
    let (k, o) = (total(keep), total(other));
    {
        let mut c = env.conn();
        book::merge::merge(&mut c, keep, other, &Clock::system()).unwrap();
    }
    assert_eq!((total(keep), total(other)), (k + o, 0));
    env.fake.server().world.add_booking(other, "confirmed");
    env.sync(false).await.unwrap();
    assert_eq!(
        total(keep),
        k + o + 1,
        "the new booking counts for the kept card"
    );
    assert_eq!(total(other), 0, "the merged card stays out of the list");
    env.assert_summary_is_recompute();
    {
        let mut c = env.conn();
        book::merge::unmerge(&mut c, keep, &Clock::system()).unwrap();
    }
    assert_eq!((total(keep), total(other)), (k, o + 1));
    env.assert_summary_is_recompute();
}
