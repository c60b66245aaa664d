//! Events the shell emits to every window, typed and generated into ui/src/bindings.ts.
//! They are sent through `crate::shell::Shell`.

use clientele::changes::Changes;
use clientele::sync::SyncProgress;
use serde::{Deserialize, Serialize};
use specta::Type;
use tauri_specta::Event;

/// The one change signal: which data a write changed (`data-changed`). The UI refetches
/// exactly the queries of these scopes (ui/src/changes.ts).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type, Event)]
pub struct DataChanged(pub Changes);

/// A running sync's progress (`sync-progressed`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type, Event)]
pub struct SyncProgressed(pub SyncProgress);
