//! The `clientele` command line run as a process, in one binary (one link).

mod cli;
mod sync_cli;
