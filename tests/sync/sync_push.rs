//! Push: offline edits go out once online, exactly once each, in order; failures stay in
//! the outbox; the platform's copy never overwrites a pending local edit.

use clientele::relations::{edit, RelationEdit};
use clientele::Clock;
use clientele_test_kit::fake_platform::{relation_id, FaultKind, World};
use clientele_test_kit::sync_env::Env;
use serde_json::json;

fn clock() -> Clock {
    Clock::system()
}

fn set(env: &Env, customer: i64, e: RelationEdit) {
    edit(&mut env.conn(), customer, &[e], &clock()).unwrap();
}

#[tokio::test]
async fn offline_edits_are_pushed_once_in_order_when_back_online() {
    let env = Env::signed_in(World::generate(10, 80, 20)).await;
    env.sync(false).await.unwrap();
    // Offline: the server is unreachable for every request.
    env.fake.fault("", FaultKind::ServerErrorHtml, 1000);
    set(&env, 101, RelationEdit::Favorite { value: true });
    set(
        &env,
        101,
        RelationEdit::Notes {
            value: "first".into(),
        },
    );
    set(
        &env,
        102,
        RelationEdit::Blocked {
            value: true,
            reason: Some("no-show".into()),
        },
    );
    set(
        &env,
        101,
        RelationEdit::Notes {
            value: "second".into(),
        },
    );
    assert_eq!(env.sync(false).await.unwrap_err().code(), "server");
    assert_eq!(
        env.scalar("SELECT count(*) FROM outbox"),
        4,
        "pending pushes survive the failure"
    );
    assert!(env.fake.server().patches.is_empty());
    env.fake.server().faults.clear();
    let report = env.sync(false).await.unwrap();
    assert_eq!(report.pushed, 4);
    assert_eq!(env.scalar("SELECT count(*) FROM outbox"), 0);
    let patches = env.fake.server().patches.clone();
    assert_eq!(
        patches,
        vec![
            (relation_id(101), json!({"is_favorite_customer": true})),
            (relation_id(101), json!({"notes": "first"})),
            (relation_id(102), json!({"is_blocked": true})),
            (relation_id(101), json!({"notes": "second"})),
        ]
    );
    // Nothing is sent twice.
    env.sync(true).await.unwrap();
    assert_eq!(env.fake.server().patches.len(), 4);
    let rel = env.fake.server().world.relation(101);
    assert!(rel.is_favorite && rel.notes == "second");
}

#[tokio::test]
async fn the_relation_id_is_fetched_when_unknown() {
    let env = Env::signed_in(World::generate(5, 30, 21)).await;
    env.sync(false).await.unwrap();
    env.conn()
        .execute("UPDATE relations SET platform_relation_id = NULL", [])
        .unwrap();
    set(&env, 103, RelationEdit::Favorite { value: true });
    env.fake.clear_log();
    let report = env.sync(false).await.unwrap();
    assert_eq!(report.pushed, 1);
    let log = env.fake.server().log.clone();
    let rel = log
        .iter()
        .position(|l| l.path.contains("provider_dashboard/customers/"))
        .expect("relations fetched");
    let patch = log.iter().position(|l| l.method == "PATCH").unwrap();
    assert!(rel < patch);
}

#[tokio::test]
async fn a_pending_local_edit_is_not_overwritten_by_the_platform_copy() {
    let env = Env::signed_in(World::generate(10, 80, 22)).await;
    env.sync(false).await.unwrap();
    {
        let mut s = env.fake.server();
        let r = s.world.relations.entry(104).or_default();
        r.notes = "platform notes".into();
        r.is_favorite = true;
        // The local edit's PATCH will fail with 404 so it stays pending through the pull.
    }
    set(
        &env,
        104,
        RelationEdit::Notes {
            value: "local notes".into(),
        },
    );
    env.fake
        .fault("update_customer_relation", FaultKind::ServerErrorHtml, 4);
    assert_eq!(env.sync(true).await.unwrap_err().code(), "server");
    let (notes, fav): (String, bool) = env
        .conn()
        .query_row(
            "SELECT notes, is_favorite FROM relations WHERE customer_id = 104",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(notes, "local notes", "pending edit kept");
    assert!(
        fav,
        "a field with no pending edit takes the platform's value"
    );
    assert_eq!(env.scalar("SELECT attempts FROM outbox"), 1);
    let last_error: String = env
        .conn()
        .query_row("SELECT last_error FROM outbox", [], |r| r.get(0))
        .unwrap();
    assert!(last_error.contains("server error"), "{last_error}");
    assert_eq!(
        env.scalar(
            "SELECT count(*) FROM customer_summary WHERE customer_id = 104 AND status = 'favorite'"
        ),
        1
    );
    // Next sync: the edit goes out and the platform agrees.
    env.sync(false).await.unwrap();
    assert_eq!(env.fake.server().world.relation(104).notes, "local notes");
    assert_eq!(env.scalar("SELECT count(*) FROM outbox"), 0);
}

#[tokio::test]
async fn a_refused_edit_stays_pending_and_holds_back_only_its_customer() {
    let env = Env::signed_in(World::generate(10, 80, 23)).await;
    env.sync(false).await.unwrap();
    env.conn()
        .execute(
            "UPDATE relations SET platform_relation_id = 999 WHERE customer_id = 105",
            [],
        )
        .unwrap();
    set(&env, 105, RelationEdit::Favorite { value: true });
    set(
        &env,
        105,
        RelationEdit::Notes {
            value: "held".into(),
        },
    );
    set(&env, 106, RelationEdit::Favorite { value: true });
    let report = env.sync(false).await.unwrap();
    assert_eq!(report.pushed, 1, "customer 106's edit still goes out");
    let rows: Vec<(i64, i64, Option<String>)> = env
        .conn()
        .prepare("SELECT customer_id, attempts, last_error FROM outbox ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!((rows[0].0, rows[0].1), (105, 1));
    assert!(rows[0]
        .2
        .as_deref()
        .unwrap()
        .contains("Customer relation not found"));
    assert_eq!(
        (rows[1].0, rows[1].1),
        (105, 0),
        "the later edit waits, unsent"
    );
    assert_eq!(
        clientele::sync::status(&env.conn(), &env.store)
            .unwrap()
            .pending_pushes,
        2
    );
}
