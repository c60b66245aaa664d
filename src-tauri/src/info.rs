//! What the UI needs to know about this app instance.

use serde::Serialize;
use specta::Type;

/// Returned by `app_info`; `demo` makes the UI show the sample-data banner.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct AppInfo {
    pub db_path: String,
    pub demo: bool,
    pub currency: String,
    pub version: String,
    pub default_export_name: String,
}
