//! Test-only helpers shared by the core's tests, the shell's tests and the benchmarks:
//! the fake marketplace (an axum server on 127.0.0.1), the recorded platform samples, and
//! builders for databases and platform records. Never a dependency of a shipped crate.

pub mod fake_platform;
pub mod store;
pub mod sync_env;

use std::path::PathBuf;

/// A recorded platform response in `fixtures/` (copied from `platform/samples/`).
pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name)
}

/// The text of `fixture(name)`.
pub fn fixture_text(name: &str) -> String {
    std::fs::read_to_string(fixture(name)).unwrap_or_else(|e| panic!("fixture {name}: {e}"))
}
