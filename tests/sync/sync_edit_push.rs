//! Every explicit edit is pushed (issue 8, defect 2), even when the local copy already had
//! that value: the platform's copy may differ, and the provider's later choice must win.

use clientele::outbox::{self, OutboxField};
use clientele::relations::{edit, RelationEdit};
use clientele::Clock;
use clientele_test_kit::fake_platform::{relation_id, World};
use clientele_test_kit::sync_env::Env;
use serde_json::json;

#[tokio::test]
async fn unsetting_a_favourite_the_local_copy_never_had_reaches_the_platform() {
    let env = Env::signed_in(World::generate(10, 80, 75)).await;
    env.sync(false).await.unwrap();
    // The platform has 104 as favourite; this book does not know yet.
    env.fake
        .server()
        .world
        .relations
        .entry(104)
        .or_default()
        .is_favorite = true;
    let row = edit(
        &mut env.conn(),
        104,
        &[RelationEdit::Favorite { value: false }],
        &Clock::system(),
    )
    .unwrap();
    assert!(!row.is_favorite);
    assert_eq!(env.scalar("SELECT count(*) FROM outbox"), 1, "queued");
    // A full pass reads the platform's flags: the pending edit wins, then is pushed.
    let report = env.sync(true).await.unwrap();
    assert_eq!(report.pushed, 1);
    assert_eq!(
        env.fake.server().patches.last().cloned(),
        Some((relation_id(104), json!({"is_favorite_customer": false})))
    );
    assert!(!env.fake.server().world.relation(104).is_favorite);
    env.sync(true).await.unwrap();
    assert_eq!(
        env.scalar("SELECT is_favorite FROM relations WHERE customer_id = 104"),
        0,
        "the platform's old favourite does not come back"
    );
}

#[tokio::test]
async fn an_unchanged_edit_is_queued_once_while_the_same_value_waits() {
    let env = Env::signed_in(World::generate(5, 30, 76)).await;
    env.sync(false).await.unwrap();
    let notes = |v: &str| RelationEdit::Notes { value: v.into() };
    let clock = Clock::system();
    edit(&mut env.conn(), 102, &[notes("same")], &clock).unwrap();
    edit(&mut env.conn(), 102, &[notes("same")], &clock).unwrap();
    let pending = outbox::pending(&env.conn()).unwrap();
    assert_eq!(
        pending.len(),
        1,
        "the waiting row already carries the value"
    );
    assert_eq!(pending[0].field, OutboxField::Notes);
    assert_eq!(pending[0].value, json!("same"));
    env.sync(false).await.unwrap();
    assert_eq!(outbox::count(&env.conn()).unwrap(), 0);
    // Pushed and acknowledged: the same value set again is an explicit edit, queued anew.
    edit(&mut env.conn(), 102, &[notes("same")], &clock).unwrap();
    assert_eq!(outbox::count(&env.conn()).unwrap(), 1);
    assert_eq!(
        env.scalar("SELECT count(*) FROM activity WHERE kind = 'edit' AND customer_id = 102"),
        1,
        "no timeline noise for a value that did not change"
    );
}
