//! The commands the UI invokes. Each is a thin wrapper: take state, call one core function,
//! return `Result<T, clientele::Error>` (serialised as `{ code, message }`). They are
//! registered once, in `crate::ipc`.

pub mod backup;
pub mod book;
pub mod customers;
pub mod dashboard;
pub mod export;
pub mod import;
pub mod info;
pub mod sample;
pub mod segments;
pub mod sync;
