//! What the shell decides about syncing itself: how often the timer runs, and whether an
//! account is configured (else the app opens the demo). Supervision (the cross-process
//! lock, tokens, cancellation) is the core's `clientele::sync::Syncer`, one per session.

use clientele::sync;
use std::path::Path;

/// How often the app syncs while open and signed in.
pub const SYNC_EVERY: std::time::Duration = std::time::Duration::from_secs(15 * 60);

/// Whether a sign-in is recorded in the real database (else the app opens the demo).
/// A read-only connection, without `db::open`'s full check: this runs before the window
/// shows, and the store's own open checks the file next anyway.
pub fn account_configured(real_db: &Path) -> bool {
    real_db.exists()
        && clientele::db::open_reader(real_db)
            .and_then(|c| sync::state::get(&c, sync::state::BASE_URL))
            .is_ok_and(|url| url.is_some())
}

/// Whether the real database exists but is damaged or not Clientele's: the app then opens
/// it, so the recovery screen is about it, instead of falling back to the demo.
pub fn real_db_unreadable(real_db: &Path) -> bool {
    std::fs::metadata(real_db).is_ok_and(|m| m.len() > 0)
        && clientele::db::open_reader(real_db).is_err_and(|e| {
            matches!(
                e,
                clientele::Error::Damaged(_) | clientele::Error::Foreign(_)
            )
        })
}
