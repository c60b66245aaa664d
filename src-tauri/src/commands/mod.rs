//! The commands the UI invokes. Each is a thin wrapper: take state, call one core function,
//! return `Result<T, clientele::Error>` (serialised as `{ code, message }`).

pub mod customers;
pub mod dashboard;
pub mod export;
pub mod info;
pub mod sync;

/// Every registered command, in the order of [`handler`]; tests check both agree and match
/// `ui/src/api.ts`'s `COMMANDS`.
pub const NAMES: &[&str] = &[
    "app_info",
    "list_customers",
    "get_stats",
    "get_charts",
    "list_activity",
    "get_customer",
    "edit_relation",
    "export_csv",
    "sync_status",
    "sign_in",
    "sign_out",
    "sync_now",
    "cancel_sync",
];

pub fn handler<R: tauri::Runtime>() -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static
{
    tauri::generate_handler![
        info::app_info,
        customers::list_customers,
        dashboard::get_stats,
        dashboard::get_charts,
        dashboard::list_activity,
        customers::get_customer,
        customers::edit_relation,
        export::export_csv,
        sync::sync_status,
        sync::sign_in,
        sync::sign_out,
        sync::sync_now,
        sync::cancel_sync,
    ]
}
