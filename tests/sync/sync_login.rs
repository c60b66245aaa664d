//! Sign-in: platform messages for wrong passwords, providers only, the refresh token in a
//! 0600 file (or the keyring), never in the SQLite file; sign-out forgets it.

use clientele::sync::{self, TokenStore};
use clientele_test_kit::fake_platform::{World, CUSTOMER_EMAIL, PROVIDER_EMAIL, PROVIDER_PASSWORD};
use clientele_test_kit::sync_env::Env;

#[tokio::test]
async fn a_wrong_password_is_unauthorized_with_the_platforms_message() {
    let env = Env::new(World::generate(3, 5, 30));
    let err = sync::sign_in(
        &env.db,
        &env.store,
        &env.fake.base_url,
        PROVIDER_EMAIL,
        "wrong",
    )
    .await
    .unwrap_err();
    assert_eq!(err.code(), "unauthorized");
    assert!(
        err.to_string()
            .contains("No active account found with the given credentials"),
        "{err}"
    );
    assert_eq!(env.store.load().unwrap(), None);
    assert!(!sync::status(&env.conn(), &env.store).unwrap().signed_in);
}

#[tokio::test]
async fn a_customer_account_is_refused_with_a_clear_message() {
    let env = Env::new(World::generate(3, 5, 31));
    let err = sync::sign_in(
        &env.db,
        &env.store,
        &env.fake.base_url,
        CUSTOMER_EMAIL,
        PROVIDER_PASSWORD,
    )
    .await
    .unwrap_err();
    // Not "wrong email or password": the password was right (issue 11).
    assert_eq!(err.code(), "forbidden");
    assert!(err.to_string().contains("is a customer account"), "{err}");
    assert!(err.to_string().contains("provider"), "{err}");
    assert_eq!(
        env.store.load().unwrap(),
        None,
        "no token kept for a refused account"
    );
}

#[tokio::test]
async fn the_token_lives_in_a_0600_file_and_never_in_the_database() {
    let env = Env::signed_in(World::generate(5, 40, 32)).await;
    env.sync(false).await.unwrap();
    let token = env.store.load().unwrap().expect("token stored");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(env.store.path())
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let st = sync::status(&env.conn(), &env.store).unwrap();
    assert!(st.signed_in);
    assert_eq!(st.email.as_deref(), Some(PROVIDER_EMAIL));
    assert_eq!(st.base_url.as_deref(), Some(env.fake.base_url.as_str()));
    // Checkpoint the WAL so every byte is in the files we grep.
    env.conn()
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .unwrap();
    let issued: Vec<String> = (1..=10).map(|i| format!("refresh:1:{i}")).collect();
    for f in std::fs::read_dir(env.dir.path()).unwrap() {
        let path = f.unwrap().path();
        if path == env.store.path() {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        for t in issued.iter().chain([&token]) {
            assert!(
                !text.contains(t.as_str()),
                "{} contains a refresh token",
                path.display()
            );
        }
        assert!(
            !text.contains("access:1:"),
            "{} contains an access token",
            path.display()
        );
    }
}

#[tokio::test]
async fn sign_out_forgets_the_token_and_keeps_local_data() {
    let env = Env::signed_in(World::generate(5, 40, 33)).await;
    env.sync(false).await.unwrap();
    let st = sync::sign_out(&env.db, &env.store).unwrap();
    assert!(!st.signed_in);
    assert!(!env.store.path().exists());
    assert_eq!(env.scalar("SELECT count(*) FROM bookings"), 40);
    let err = env.sync(false).await.unwrap_err();
    assert_eq!(err.code(), "unauthorized");
}

#[test]
fn the_default_store_falls_back_to_a_file_without_a_keyring() {
    let dir = tempfile::tempdir().unwrap();
    // No D-Bus session here (as in CI): the keyring fails and the file takes the token.
    std::env::remove_var("DBUS_SESSION_BUS_ADDRESS");
    let store = sync::default_token_store(dir.path());
    store.save("secret-refresh").unwrap();
    assert_eq!(store.load().unwrap().as_deref(), Some("secret-refresh"));
    let file = dir.path().join(sync::token_store::TOKEN_FILE_NAME);
    if file.exists() {
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "secret-refresh");
        assert!(store.location().contains("clientele-refresh-token"));
    } else {
        assert_eq!(store.location(), "the OS keyring");
    }
    store.delete().unwrap();
    assert_eq!(store.load().unwrap(), None);
}

// Paused time: a backoff sleep before a retry would move the clock by at least the
// production policy's 500 ms; real I/O does not move it.
#[tokio::test(start_paused = true)]
async fn a_refused_connection_says_offline_at_once() {
    let env = Env::new(World::generate(3, 5, 32));
    // A port nothing listens on: the connection is refused.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let started = tokio::time::Instant::now();
    let err = sync::sign_in(
        &env.db,
        &env.store,
        &format!("http://127.0.0.1:{port}"),
        PROVIDER_EMAIL,
        PROVIDER_PASSWORD,
    )
    .await
    .unwrap_err();
    assert_eq!(err.code(), "offline", "{err}");
    assert!(err.to_string().contains("offline"), "{err}");
    assert!(
        started.elapsed() < std::time::Duration::from_millis(500),
        "a retry was waited for: {:?}",
        started.elapsed()
    );
}
