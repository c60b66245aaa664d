//! The typed IPC surface, registered once: every command, event and exported constant.
//! `ui/src/bindings.ts` is generated from this (a test fails when it is stale), so no list
//! of commands is kept anywhere else (docs/architecture.md, "Typed boundary").

use crate::commands::{
    backup, book, customers, dashboard, export, import, info, sample, segments, sync,
};
use crate::events::{DataChanged, SyncProgressed};
use clientele::customers::{SortKey, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE};
use clientele::relations::{MAX_NOTES_CHARS, MAX_REASON_CHARS, MAX_TAGS, MAX_TAG_CHARS};
use serde::Serialize;
use specta::Type;
use std::collections::BTreeMap;
use std::path::Path;
use tauri::Runtime;
use tauri_specta::{collect_commands, collect_events, Builder, ErrorHandlingMode};

/// The core's limits, so the UI can say so before saving (docs/rules.md §3).
#[derive(Debug, Clone, Serialize, Type)]
pub struct Limits {
    pub notes_chars: usize,
    pub block_reason_chars: usize,
    pub tags: usize,
    pub tag_chars: usize,
    pub page_size: u32,
    pub max_page_size: u32,
}

/// The core's defaults the UI starts from.
#[derive(Debug, Clone, Serialize, Type)]
pub struct Defaults {
    pub currency: &'static str,
    pub sort: SortKey,
    /// Per sort key: names A→Z, numbers and dates biggest/newest first.
    pub descending: BTreeMap<String, bool>,
    pub sync_every_minutes: u64,
    /// The status thresholds until the provider changes them (docs/rules.md §2).
    pub thresholds: clientele::Thresholds,
}

pub fn limits() -> Limits {
    Limits {
        notes_chars: MAX_NOTES_CHARS,
        block_reason_chars: MAX_REASON_CHARS,
        tags: MAX_TAGS,
        tag_chars: MAX_TAG_CHARS,
        page_size: DEFAULT_PAGE_SIZE,
        max_page_size: MAX_PAGE_SIZE,
    }
}

pub fn defaults() -> Defaults {
    let key = |k: SortKey| {
        serde_json::to_value(k)
            .ok()
            .and_then(|v| v.as_str().map(String::from))
    };
    Defaults {
        currency: clientele::model::DEFAULT_CURRENCY,
        sort: SortKey::default(),
        descending: SortKey::ALL
            .iter()
            .filter_map(|k| Some((key(*k)?, k.default_descending())))
            .collect(),
        sync_every_minutes: sync::SYNC_EVERY.as_secs() / 60,
        thresholds: clientele::Thresholds::default(),
    }
}

pub fn builder<R: Runtime>() -> Builder<R> {
    Builder::new()
        .commands(collect_commands![
            info::app_info,
            sample::open_sample,
            sample::leave_sample,
            customers::list_customers,
            dashboard::get_stats,
            dashboard::get_charts,
            dashboard::list_activity,
            customers::get_customer,
            customers::edit_relation,
            export::export_csv,
            export::export_xlsx,
            sync::sync_status,
            sync::sign_in,
            sync::sign_out,
            sync::sync_now,
            sync::cancel_sync,
            book::add_customer,
            book::edit_customer,
            book::set_archived,
            book::list_tags,
            book::add_visit,
            book::edit_visit,
            book::delete_visit,
            book::list_duplicates,
            book::merge_customers,
            book::unmerge_customer,
            import::pick_import_file,
            import::preview_import,
            import::import_customers,
            segments::segment_counts,
            segments::lapsed_days,
            segments::set_lapsed_days,
            segments::list_views,
            segments::save_view,
            segments::rename_view,
            segments::delete_view,
            backup::database_status,
            backup::list_backups,
            backup::backup_now,
            backup::restore_backup,
            backup::start_empty_book,
            backup::open_database,
        ])
        .events(collect_events![DataChanged, SyncProgressed])
        .typ::<clientele::error::ErrorCode>()
        .typ::<Limits>()
        .typ::<Defaults>()
        .constant("LIMITS", limits())
        .constant("DEFAULTS", defaults())
        // Commands reject with the error payload, as `invoke` does, so TanStack Query sees
        // failures as failures.
        .error_handling(ErrorHandlingMode::Throw)
        // Ids and paisa amounts stay far below 2^53.
        .dangerously_cast_bigints_to_number()
        // One TypeScript type per Rust type: the UI reads what Rust serialises and sends
        // what Rust deserialises, and they agree for every type here.
        .disable_serde_phases()
}

/// Writes the TypeScript bindings (the staleness test and `UPDATE_BINDINGS=1` use this).
pub fn export_bindings(path: &Path) -> Result<(), String> {
    builder::<tauri::Wry>()
        .export(
            specta_typescript::Typescript::default().header(
                "// Generated from the Rust signatures by src-tauri/src/ipc.rs. Do not edit.\n",
            ),
            path,
        )
        .map_err(|e| e.to_string())
}
