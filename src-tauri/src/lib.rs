//! Clientele's desktop shell: opens the database, registers thin commands over the core,
//! emits events. No SQL and no business rule lives here (docs/architecture.md).

pub mod background;
pub mod commands;
pub mod events;
pub mod info;
pub mod ipc;
pub mod memory;
pub mod shell;
pub mod state;
pub mod sync_control;
pub mod watch;

use std::time::Instant;
use tauri::Manager;

/// When the process started; the first list query logs the time since (launch measurement).
pub static STARTED: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();

/// Set once the first customer list has been served: what opening defers (the file's
/// check, the book index's load) starts then (`state::deferred_start`).
pub static FIRST_LIST: tokio::sync::SetOnce<()> = tokio::sync::SetOnce::const_new();

/// Plugins, state and commands on any builder: `tauri::Builder::default()` in `run`,
/// `tauri::test::mock_builder()` in tests. Call [`attach`] on the built app.
pub fn configure<R: tauri::Runtime>(
    builder: tauri::Builder<R>,
    state: state::AppState,
) -> tauri::Builder<R> {
    let commands = ipc::builder::<R>().invoke_handler();
    builder
        .plugin(tauri_plugin_dialog::init())
        .manage(state)
        .invoke_handler(move |invoke| {
            memory::note_activity();
            commands(invoke)
        })
}

/// Wires the built app's events and dialogs into the commands. Done on the built app rather
/// than in a setup hook, which runs only once the event loop starts (never in tests).
pub fn attach<R: tauri::Runtime>(app: &tauri::App<R>) {
    ipc::builder::<R>().mount_events(app);
    app.state::<state::AppState>()
        .install_shell(std::sync::Arc::new(app.handle().clone()));
    watch::start(app.handle().clone());
}

pub fn run() {
    STARTED.get_or_init(Instant::now);
    let started_at = std::time::SystemTime::now();
    software_rendering();
    memory::tune();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    // On the wall clock, for e2e/measure.js to set the page's first-rows mark against.
    if let Ok(since) = started_at.duration_since(std::time::UNIX_EPOCH) {
        tracing::info!("started at {} ms since the epoch", since.as_millis());
    }
    let state = state::AppState::from_env();
    let app = configure(tauri::Builder::default(), state)
        .build(tauri::generate_context!())
        .expect("error while building Clientele");
    attach(&app);
    if let Some(window) = app.get_webview_window("main") {
        memory::tune_webview(&window);
    }
    if std::env::var_os("CLIENTELE_BLANK_WINDOW").is_some() {
        // The memory floor (scripts/desktop-measure.sh): this shell and its WebKit with an
        // empty page and no database, to set the whole app's figure against.
        use tauri::Manager;
        if let Some(w) = app.get_webview_window("main") {
            let _ = w.navigate("about:blank".parse().expect("a valid URL"));
        }
    } else {
        // Open (and on first run generate) the database now, off the main thread, so the
        // window shows at once and the first query finds it ready or nearly so.
        state::warm_up(app.handle().clone());
        commands::sync::start_timer(app.handle().clone());
    }
    app.run(|_, _| {});
}

/// WebKitGTK draws the page without its GL compositor unless `CLIENTELE_COMPOSITING=1`.
/// Measured under Xvfb (no GPU, so GL is emulated on the CPU) at 100,000 customers: with
/// the compositor a jump with the scrollbar froze the page for one 0.5–1.4 s frame; without
/// it frames keep coming and the rows fill in about 150 ms, and the web process needs less
/// memory (README, "Desktop app"). A customer list has no 3D or video for a GPU to speed up.
/// A user's own `WEBKIT_DISABLE_COMPOSITING_MODE` is left as it is.
fn software_rendering() {
    const WEBKIT: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";
    if std::env::var_os(WEBKIT).is_none() && std::env::var_os("CLIENTELE_COMPOSITING").is_none() {
        // Before any other thread exists (WebKit reads it when its first view is made).
        std::env::set_var(WEBKIT, "1");
    }
}
