//! A mock app (`tauri::test::mock_builder`) over a copy of a demo database.

use clientele::changes::{Changes, Scope};
use clientele_app::events::DataChanged;
use clientele_app::state::{AppState, Session};
use serde_json::{json, Value};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, mock_context, noop_assets, MockRuntime};
use tauri::webview::InvokeRequest;
use tauri::WebviewWindow;
use tauri_specta::Event;

pub const DEMO_CUSTOMERS: usize = 300;

pub struct TestApp {
    _app: tauri::App<MockRuntime>,
    webview: WebviewWindow<MockRuntime>,
    pub dir: tempfile::TempDir,
    /// The scopes of every `data-changed` event, in order.
    pub data_changed: Arc<Mutex<Vec<Changes>>>,
}

/// Generated once per test run, then copied: each test gets its own file.
fn template() -> &'static PathBuf {
    static T: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &T.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("template.db");
        let mut conn = clientele::db::open(&path).unwrap();
        clientele::demo::generate(&mut conn, DEMO_CUSTOMERS, 42, &clientele::Clock::system())
            .unwrap();
        conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
            .unwrap();
        drop(conn);
        (dir, path)
    })
    .1
}

impl TestApp {
    pub fn new() -> TestApp {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("clientele.db");
        std::fs::copy(template(), &db).unwrap();
        TestApp::with_state(dir, |d| {
            let mut s = AppState::new(Session::new(d.join("clientele.db"), None));
            s.export_to = Some(d.join("export.csv"));
            s.open_from = Some(d.join("opened.db"));
            s.import_from = Some(d.join("clients.csv"));
            s.account_db = d.join("clientele.db");
            s
        })
    }

    pub fn with_state(
        dir: tempfile::TempDir,
        state: impl FnOnce(&std::path::Path) -> AppState,
    ) -> TestApp {
        // Tokens go to a 0600 file in the test's folder, never the developer's keyring.
        std::env::set_var("CLIENTELE_TOKEN_STORE", "file");
        // No page asks for a first list here: what opening defers starts at once.
        let _ = clientele_app::FIRST_LIST.set(());
        let state = state(dir.path());
        let app = clientele_app::configure(mock_builder(), state)
            .build(mock_context(noop_assets()))
            .expect("mock app builds");
        clientele_app::attach(&app);
        let webview = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .unwrap();
        let data_changed = Arc::new(Mutex::new(Vec::new()));
        let seen = data_changed.clone();
        DataChanged::listen_any(&app, move |e| seen.lock().unwrap().push(e.payload.0));
        TestApp {
            _app: app,
            webview,
            dir,
            data_changed,
        }
    }

    /// Invokes a command as the page would; `Err` holds the serialised error.
    pub fn invoke(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        get_ipc_response(
            &self.webview,
            InvokeRequest {
                cmd: cmd.into(),
                callback: CallbackFn(0),
                error: CallbackFn(1),
                url: "tauri://localhost".parse().unwrap(),
                body: InvokeBody::Json(args),
                headers: Default::default(),
                invoke_key: tauri::test::INVOKE_KEY.to_string(),
            },
        )
        .map(|b| b.deserialize::<Value>().unwrap())
    }

    pub fn ok(&self, cmd: &str, args: Value) -> Value {
        self.invoke(cmd, args)
            .unwrap_or_else(|e| panic!("{cmd} failed: {e}"))
    }

    /// The error code of a call that must fail.
    pub fn err_code(&self, cmd: &str, args: Value) -> String {
        let e = self
            .invoke(cmd, args)
            .expect_err(&format!("{cmd} should fail"));
        assert!(e["message"].as_str().is_some_and(|m| !m.is_empty()), "{e}");
        e["code"].as_str().unwrap().to_string()
    }

    pub fn first_customer_id(&self) -> i64 {
        self.ok("list_customers", json!({ "query": { "page_size": 1 } }))["results"][0]
            ["customer_id"]
            .as_i64()
            .unwrap()
    }

    pub fn data_changed_count(&self) -> usize {
        self.data_changed.lock().unwrap().len()
    }

    /// Whether the `n`th announced change (0-based) included `scope`.
    pub fn announced(&self, n: usize, scope: Scope) -> bool {
        self.data_changed.lock().unwrap()[n].contains(scope)
    }
}
