//! The sync engine's tests in one binary (one link), against the test kit's fake marketplace
//! on 127.0.0.1 and real SQLite files. One module per concern.

mod sync_crash;
mod sync_faults;
mod sync_hostile;
mod sync_login;
mod sync_pull;
mod sync_push;
