//! What commands need from the running app (events, the save dialog), behind one trait so
//! commands take only `State` and are not generic over the runtime: tauri-specta's
//! `collect_commands!` cannot name a generic command inside a generic builder.

use crate::events::{DataChanged, SyncProgressed};
use clientele::changes::Changes;
use clientele::sync::SyncProgress;
use std::path::PathBuf;
use tauri::{AppHandle, Runtime};
use tauri_plugin_dialog::DialogExt;
use tauri_specta::Event;

pub trait Shell: Send + Sync {
    /// Announces a write's changes (the one change signal); nothing when nothing changed.
    fn data_changed(&self, changes: Changes);
    fn sync_progressed(&self, progress: SyncProgress);
    /// The native save dialog, modal to the main window; blocks; `None` when cancelled.
    fn pick_save_path(
        &self,
        title: &str,
        default_name: &str,
        filter: (&str, &str),
    ) -> Option<tauri_plugin_dialog::FilePath>;
    /// The native open dialog, modal to the main window; blocks; `None` when cancelled.
    fn pick_open_path(
        &self,
        title: &str,
        filter: (&str, &[&str]),
    ) -> Option<tauri_plugin_dialog::FilePath>;
}

impl<R: Runtime> Shell for AppHandle<R> {
    fn data_changed(&self, changes: Changes) {
        if changes.is_empty() {
            return;
        }
        if let Err(e) = DataChanged(changes).emit(self) {
            tracing::warn!("could not emit {}: {e}", DataChanged::NAME);
        }
    }

    fn sync_progressed(&self, progress: SyncProgress) {
        let _ = SyncProgressed(progress).emit(self);
    }

    fn pick_save_path(
        &self,
        title: &str,
        default_name: &str,
        filter: (&str, &str),
    ) -> Option<tauri_plugin_dialog::FilePath> {
        let mut dialog = self
            .dialog()
            .file()
            .set_title(title)
            .set_file_name(default_name)
            .add_filter(filter.0, &[filter.1]);
        if let Some(window) = tauri::Manager::get_webview_window(self, "main") {
            dialog = dialog.set_parent(&window);
        }
        dialog.blocking_save_file()
    }

    fn pick_open_path(
        &self,
        title: &str,
        filter: (&str, &[&str]),
    ) -> Option<tauri_plugin_dialog::FilePath> {
        let mut dialog = self
            .dialog()
            .file()
            .set_title(title)
            .add_filter(filter.0, filter.1);
        if let Some(window) = tauri::Manager::get_webview_window(self, "main") {
            dialog = dialog.set_parent(&window);
        }
        dialog.blocking_pick_file()
    }
}

/// Before the app is set up (never in practice): events are dropped, dialogs cancelled.
pub struct Detached;

impl Shell for Detached {
    fn data_changed(&self, changes: Changes) {
        tracing::warn!("no window to announce {changes:?} to");
    }
    fn sync_progressed(&self, _: SyncProgress) {}
    fn pick_save_path(
        &self,
        _: &str,
        _: &str,
        _: (&str, &str),
    ) -> Option<tauri_plugin_dialog::FilePath> {
        None
    }
    fn pick_open_path(&self, _: &str, _: (&str, &[&str])) -> Option<tauri_plugin_dialog::FilePath> {
        None
    }
}

pub type SharedShell = std::sync::Arc<dyn Shell>;

/// Where a picked path points, or a clear error for a non-file target.
pub fn into_path(p: tauri_plugin_dialog::FilePath) -> clientele::Result<PathBuf> {
    p.into_path()
        .map_err(|e| clientele::Error::invalid(format!("not a file on this computer: {e}")))
}
