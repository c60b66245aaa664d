//! The `clientele` command line run as a process, in one binary (one link).

mod backup_cli;
mod book_cli;
mod cli;
mod sync_cli;
