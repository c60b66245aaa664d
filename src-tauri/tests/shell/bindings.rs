//! The IPC surface's TypeScript (`ui/src/bindings.ts`) is generated from the Rust
//! signatures by `clientele_app::ipc`. Fails when the committed file is stale;
//! `UPDATE_BINDINGS=1 cargo test -p clientele-app bindings` rewrites it.

use std::path::PathBuf;

fn committed() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui/src/bindings.ts")
}

fn generated() -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bindings.ts");
    clientele_app::ipc::export_bindings(&path).unwrap();
    std::fs::read_to_string(path).unwrap()
}

#[test]
fn typescript_bindings_are_current() {
    let fresh = generated();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(committed(), &fresh).unwrap();
    }
    let on_disk = std::fs::read_to_string(committed()).unwrap_or_default();
    assert!(
        on_disk == fresh,
        "ui/src/bindings.ts is stale: run UPDATE_BINDINGS=1 cargo test -p clientele-app bindings"
    );
}

#[test]
fn error_codes_and_sync_phases_are_string_unions() {
    let ts = generated();
    let union = |name: &str| -> String {
        let start = ts
            .find(&format!("export type {name} ="))
            .unwrap_or_else(|| panic!("bindings.ts has no type {name}"));
        ts[start..].lines().next().unwrap().to_string()
    };
    let codes = union("ErrorCode");
    for code in [
        "\"not_found\"",
        "\"invalid_input\"",
        "\"rate_limited\"",
        "\"offline\"",
    ] {
        assert!(codes.contains(code), "{codes}");
    }
    assert!(
        ts.contains("code: ErrorCode"),
        "ErrorPayload.code must be typed"
    );
    assert!(ts.contains("export const LIMITS"), "limits are exported");
    assert!(
        ts.contains("\"notes_chars\":10000"),
        "LIMITS carries the notes limit"
    );
}
