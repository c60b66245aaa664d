//! The sync engine's tests in one binary (one link), against the test kit's fake marketplace
//! on 127.0.0.1 and real SQLite files. One module per concern.

mod sync_account;
mod sync_book;
mod sync_crash;
mod sync_edit_push;
mod sync_faults;
mod sync_hostile;
mod sync_light;
mod sync_lock;
mod sync_login;
mod sync_pages;
mod sync_pull;
mod sync_push;
mod sync_relations_call;
mod sync_retry_after;
