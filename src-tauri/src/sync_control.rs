//! What the shell decides about syncing itself: how often the timer runs, and whether an
//! account is configured (else the app opens the demo). Supervision (the cross-process
//! lock, tokens, cancellation) is the core's `clientele::sync::Syncer`, one per session.

use clientele::sync;
use std::path::Path;

/// How often the app syncs while open and signed in.
pub const SYNC_EVERY: std::time::Duration = std::time::Duration::from_secs(15 * 60);

/// Whether a sign-in is recorded in the real database (else the app opens the demo).
pub fn account_configured(real_db: &Path) -> bool {
    real_db.exists()
        && clientele::db::open(real_db)
            .and_then(|c| sync::state::get(&c, sync::state::BASE_URL))
            .is_ok_and(|url| url.is_some())
}
