//! The UI's TypeScript types are generated from the Rust types into `ui/src/bindings/`.
//! This test fails when the committed files are stale; `UPDATE_BINDINGS=1 cargo test
//! --test store bindings` rewrites them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use ts_rs::{Config, TS};

/// i64 ids and paisa amounts stay far below 2^53, so they are plain `number`s in TypeScript.
pub fn config(dir: &Path) -> Config {
    Config::new().with_large_int("number").with_out_dir(dir)
}

fn export_all(dir: &Path) {
    use clientele::*;
    let cfg = config(dir);
    activity::ActivityPage::export_all(&cfg).unwrap();
    activity::ActivityQuery::export_all(&cfg).unwrap();
    customers::CustomerPage::export_all(&cfg).unwrap();
    customers::CustomerQuery::export_all(&cfg).unwrap();
    error::ErrorPayload::export_all(&cfg).unwrap();
    export::ExportFilter::export_all(&cfg).unwrap();
    export::ExportReport::export_all(&cfg).unwrap();
    history::CustomerDetail::export_all(&cfg).unwrap();
    ingest::ApplyReport::export_all(&cfg).unwrap();
    model::Thresholds::export_all(&cfg).unwrap();
    relations::RelationEdit::export_all(&cfg).unwrap();
    stats::Charts::export_all(&cfg).unwrap();
    stats::Stats::export_all(&cfg).unwrap();
    sync::SyncProgress::export_all(&cfg).unwrap();
    sync::SyncReport::export_all(&cfg).unwrap();
    sync::SyncStatus::export_all(&cfg).unwrap();
    extra_bindings(&cfg);
}

/// Types added by later features register here.
fn extra_bindings(cfg: &Config) {
    let _ = cfg;
}

fn read_dir(dir: &Path) -> BTreeMap<String, String> {
    std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .filter(|e| e.path().extension().is_some_and(|x| x == "ts"))
                .map(|e| {
                    (
                        e.file_name().to_string_lossy().into_owned(),
                        std::fs::read_to_string(e.path()).unwrap(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn typescript_bindings_are_current() {
    let committed = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("ui/src/bindings/core");
    let fresh = tempfile::tempdir().unwrap();
    export_all(fresh.path());
    let generated = read_dir(fresh.path());
    assert!(
        generated.len() > 10,
        "expected the core's types to be exported"
    );
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        let _ = std::fs::remove_dir_all(&committed);
        std::fs::create_dir_all(&committed).unwrap();
        for (name, text) in &generated {
            std::fs::write(committed.join(name), text).unwrap();
        }
    }
    let committed = read_dir(&committed);
    let stale: Vec<&String> = generated
        .keys()
        .chain(committed.keys())
        .filter(|name| generated.get(*name) != committed.get(*name))
        .collect();
    assert!(
        stale.is_empty(),
        "ui/src/bindings/core is stale ({stale:?}): run UPDATE_BINDINGS=1 cargo test --test bindings"
    );
}
