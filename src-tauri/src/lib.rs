//! Clientele's desktop shell: opens the database, registers thin commands over the core,
//! emits events. No SQL and no business rule lives here (see ARCHITECTURE.md).

pub mod commands;
pub mod events;
pub mod info;
pub mod state;

use std::time::Instant;

/// When the process started; the first list query logs the time since (launch measurement).
pub static STARTED: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();

/// Plugins, state and commands on any builder: `tauri::Builder::default()` in `run`,
/// `tauri::test::mock_builder()` in tests.
pub fn configure<R: tauri::Runtime>(
    builder: tauri::Builder<R>,
    state: state::AppState,
) -> tauri::Builder<R> {
    builder
        .plugin(tauri_plugin_dialog::init())
        .manage(state)
        .invoke_handler(commands::handler())
}

pub fn run() {
    STARTED.get_or_init(Instant::now);
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let state = state::AppState::from_env();
    configure(tauri::Builder::default(), state)
        .setup(|app| {
            // Open (and on first run generate) the database now, off the main thread, so the
            // window shows at once and the first query finds it ready or nearly so.
            state::warm_up(app.handle().clone());
            commands::sync::start_timer(app.handle().clone());
            Ok(())
        })
        .run(tauri::generate_context!())
        .expect("error while running Clientele");
}
