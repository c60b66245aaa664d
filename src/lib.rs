//! Clientele's core: the local store, the customer rules, queries, export, sync.
//! No UI and no Tauri here; the desktop shell and the CLI are thin layers over this crate.

pub mod book;
pub mod book_index;
pub mod db;
pub mod error;
pub mod import;
pub mod ingest;
pub mod metrics;
pub mod model;
pub mod outbox;
pub mod platform;
pub mod search;
pub mod settings;
mod staging;
pub mod store;

pub use error::{Error, Result};
pub use model::{Clock, CustomerStatus, Money, Thresholds};
pub use store::Store;
pub mod activity;
pub mod backup;
pub mod changes;
pub mod charts;
pub mod customers;
pub mod demo;
pub mod export;
pub mod history;
pub mod relations;
pub mod segments;
pub mod stats;
pub mod sync;
pub mod tags;
pub mod views;
pub mod xlsx;

/// The per-user database file, e.g. `~/.local/share/clientele/clientele.db`.
pub fn default_db_path() -> std::path::PathBuf {
    dirs::data_dir()
        .unwrap_or_else(std::env::temp_dir)
        .join("clientele")
        .join("clientele.db")
}
