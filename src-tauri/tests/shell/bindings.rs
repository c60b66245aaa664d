//! The shell's own boundary types are generated into `ui/src/bindings/app/`, like the core's
//! (tests/bindings.rs at the root). Fails when stale; `UPDATE_BINDINGS=1` rewrites them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use ts_rs::{Config, TS};

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
fn app_typescript_bindings_are_current() {
    let committed = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui/src/bindings/app");
    let fresh = tempfile::tempdir().unwrap();
    let cfg = Config::new()
        .with_large_int("number")
        .with_out_dir(fresh.path());
    clientele_app::info::AppInfo::export_all(&cfg).unwrap();
    let generated = read_dir(fresh.path());
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        let _ = std::fs::remove_dir_all(&committed);
        std::fs::create_dir_all(&committed).unwrap();
        for (name, text) in &generated {
            std::fs::write(committed.join(name), text).unwrap();
        }
    }
    assert_eq!(
        read_dir(&committed),
        generated,
        "ui/src/bindings/app is stale: run UPDATE_BINDINGS=1 cargo test -p clientele-app"
    );
}
