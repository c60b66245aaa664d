//! One account per book (issue 8, defect 1): two databases in one folder signed in as two
//! providers each sync their own account; a sync whose token is another account's is
//! refused with `conflict` before anything is written.

use clientele::sync::{self, token_store, Account, FileTokenStore, SyncOptions, Syncer};
use clientele_test_kit::fake_platform::{
    FakePlatform, FakeUser, World, PROVIDER_EMAIL, PROVIDER_PASSWORD,
};
use std::path::Path;
use std::process::Output;
use std::sync::Mutex;
use tokio_util::sync::CancellationToken;

const OTHER_EMAIL: &str = "other-provider@sewa.local";
const OTHER_ID: i64 = 3;

/// Provider 1 with 40 bookings; provider 3 with a book of 25 of their own.
fn two_providers() -> (FakePlatform, usize, usize) {
    let mut world = World::generate(6, 40, 80);
    world.users.push(FakeUser {
        id: OTHER_ID,
        email: OTHER_EMAIL.into(),
        password: PROVIDER_PASSWORD.into(),
        role: "provider".into(),
    });
    let other = World::generate(4, 25, 81);
    let sizes = (world.bookings.len(), other.bookings.len());
    let fake = FakePlatform::start(world);
    fake.server().other_worlds.insert(OTHER_ID, other);
    (fake, sizes.0, sizes.1)
}

fn cli(db: &Path, args: &[&str]) -> Output {
    clientele_test_kit::cli_process(env!("CARGO_BIN_EXE_clientele"), db, args)
        .output()
        .unwrap()
}

fn count(db: &Path, sql: &str) -> i64 {
    let conn = clientele::db::open(db).unwrap();
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn two_books_in_one_folder_each_sync_their_own_account() {
    let (fake, mine, theirs) = two_providers();
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.db"), dir.path().join("b.db"));
    let login = |db: &Path, email: &str| {
        let out = cli(db, &["login", "--url", &fake.base_url, "--email", email]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    login(&a, PROVIDER_EMAIL);
    login(&b, OTHER_EMAIL);
    let out = cli(&a, &["sync"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(count(&a, "SELECT count(*) FROM bookings"), mine as i64);
    let out = cli(&b, &["sync"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(count(&b, "SELECT count(*) FROM bookings"), theirs as i64);
    // Each account has its own token file; signing out of one leaves the other.
    let file = |id| {
        dir.path()
            .join(token_store::account_file_name(&Account::new(
                &fake.base_url,
                id,
            )))
    };
    assert!(file(1).exists() && file(OTHER_ID).exists());
    assert!(cli(&b, &["logout"]).status.success());
    assert!(file(1).exists() && !file(OTHER_ID).exists());
    assert!(cli(&a, &["sync"]).status.success());
}

#[tokio::test]
async fn a_sync_with_another_accounts_token_is_refused_before_anything_is_written() {
    let (fake, _, _) = two_providers();
    let dir = tempfile::tempdir().unwrap();
    // The old per-folder slot, shared by both databases: the cause of the defect.
    let shared = FileTokenStore::new(dir.path());
    let open = |name: &str| Mutex::new(clientele::db::open(&dir.path().join(name)).unwrap());
    let (a, b) = (open("a.db"), open("b.db"));
    sync::sign_in(
        &a,
        &shared,
        &fake.base_url,
        PROVIDER_EMAIL,
        PROVIDER_PASSWORD,
    )
    .await
    .unwrap();
    sync::sign_in(&b, &shared, &fake.base_url, OTHER_EMAIL, PROVIDER_PASSWORD)
        .await
        .unwrap();
    let before = clientele_test_kit::sync_env::snapshot(&a.lock().unwrap());
    let err = sync::sync(
        &a,
        &shared,
        clientele_test_kit::sync_env::opts(false),
        &|_| {},
        &CancellationToken::new(),
    )
    .await
    .unwrap_err();
    assert_eq!(err.code(), "conflict", "{err}");
    assert!(
        err.to_string().contains("belongs to marketplace user #1"),
        "{err}"
    );
    let after: Vec<String> = clientele_test_kit::sync_env::snapshot(&a.lock().unwrap())
        .into_iter()
        .filter(|r| !r.contains("last_error"))
        .collect();
    clientele_test_kit::sync_env::assert_same_rows(
        &before,
        &after,
        "a refused sync writes nothing",
    );
    let st = sync::status(&a.lock().unwrap(), &shared).unwrap();
    assert_eq!(st.last_error.map(|e| e.code.as_str()), Some("conflict"));
}

#[tokio::test]
async fn signing_a_synced_book_in_as_another_account_is_refused_and_keeps_nothing() {
    let (fake, mine, _) = two_providers();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.db");
    let db = Mutex::new(clientele::db::open(&path).unwrap());
    let syncer = Syncer::with_file_tokens(&path);
    syncer
        .sign_in(&db, &fake.base_url, PROVIDER_EMAIL, PROVIDER_PASSWORD)
        .await
        .unwrap();
    let opts = clientele_test_kit::sync_env::opts(false);
    syncer
        .sync(&db, opts, &|_| {}, &CancellationToken::new())
        .await
        .unwrap();
    let err = syncer
        .sign_in(&db, &fake.base_url, OTHER_EMAIL, PROVIDER_PASSWORD)
        .await
        .unwrap_err();
    assert_eq!(err.code(), "conflict", "{err}");
    let other = syncer.token_store(&Account::new(&fake.base_url, OTHER_ID));
    assert_eq!(
        other.load().unwrap(),
        None,
        "no token kept for the refused account"
    );
    let st = syncer.status(&db.lock().unwrap()).unwrap();
    assert_eq!(st.email.as_deref(), Some(PROVIDER_EMAIL));
    assert!(st.signed_in);
    let o = SyncOptions {
        retry: clientele_test_kit::sync_env::fast_retry(),
        ..SyncOptions::default()
    };
    let r = syncer
        .sync(&db, o, &|_| {}, &CancellationToken::new())
        .await;
    assert!(r.is_ok(), "{r:?}");
    let n: i64 = db
        .lock()
        .unwrap()
        .query_row("SELECT count(*) FROM bookings", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, mine as i64);
}

#[tokio::test]
async fn a_sign_in_kept_in_the_old_folder_slot_is_carried_over_once() {
    let (fake, mine, _) = two_providers();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.db");
    let db = Mutex::new(clientele::db::open(&path).unwrap());
    let old = FileTokenStore::new(dir.path());
    sync::sign_in(&db, &old, &fake.base_url, PROVIDER_EMAIL, PROVIDER_PASSWORD)
        .await
        .unwrap();
    let syncer = Syncer::with_file_tokens(&path);
    assert!(syncer.status(&db.lock().unwrap()).unwrap().signed_in);
    let r = syncer
        .sync(
            &db,
            clientele_test_kit::sync_env::opts(false),
            &|_| {},
            &CancellationToken::new(),
        )
        .await
        .unwrap();
    assert_eq!(r.bookings_new as usize, mine);
    assert!(!old.path().exists(), "the folder slot is emptied");
    let own = syncer.token_store(&Account::new(&fake.base_url, 1));
    assert!(own.load().unwrap().is_some());
}
