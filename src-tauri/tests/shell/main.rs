//! The shell's tests, in one binary so Tauri links once: every command through the mock
//! IPC against a real SQLite file with demo data, events, the command registry against the
//! UI's list, and the generated TypeScript bindings.

mod backup;
mod bindings;
mod edit_export;
mod harness;
mod read;
mod registry;
mod sync;
