//! What the shell keeps about syncing: the running sync's cancel token and where tokens
//! live. Kept apart from `state` and `commands::sync` so neither imports the other's way back.

use clientele::sync::{self, TokenStore};
use std::path::Path;
use std::sync::{Mutex, MutexGuard};
use tokio_util::sync::CancellationToken;

/// How often the app syncs while open and signed in.
pub const SYNC_EVERY: std::time::Duration = std::time::Duration::from_secs(15 * 60);

/// The running sync, if any, so it can be cancelled and never runs twice at once.
#[derive(Default)]
pub struct SyncControl {
    running: Mutex<Option<CancellationToken>>,
}

impl SyncControl {
    pub fn running(&self) -> MutexGuard<'_, Option<CancellationToken>> {
        self.running.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Like the CLI: the OS keyring, else a 0600 file next to the database.
pub fn token_store(db_path: &Path) -> Box<dyn TokenStore> {
    let dir = db_path.parent().filter(|d| !d.as_os_str().is_empty());
    sync::default_token_store(dir.unwrap_or(Path::new(".")))
}

/// Whether a sign-in is recorded in the real database (else the app opens the demo).
pub fn account_configured(real_db: &Path) -> bool {
    real_db.exists()
        && clientele::db::open(real_db)
            .and_then(|c| sync::state::get(&c, sync::state::BASE_URL))
            .is_ok_and(|url| url.is_some())
}
