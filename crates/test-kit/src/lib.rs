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

/// The `clientele` CLI at `bin` (a test's `env!("CARGO_BIN_EXE_clientele")`) on `db`, as
/// the provider of the fake marketplace: tokens in a file beside the database, never the
/// developer's keyring, and the password from the environment instead of a prompt.
pub fn cli_process(bin: &str, db: &std::path::Path, args: &[&str]) -> std::process::Command {
    let mut c = std::process::Command::new(bin);
    c.arg("--db")
        .arg(db)
        .args(args)
        .env("CLIENTELE_TOKEN_STORE", "file")
        .env("CLIENTELE_PASSWORD", fake_platform::PROVIDER_PASSWORD);
    c
}
