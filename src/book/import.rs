//! Applies a client-list import plan (docs/rules.md §8); the parsing and matching are in
//! `crate::import`.

use crate::error::Result;
use crate::import::ImportReport;
use crate::model::Clock;
use rusqlite::Connection;
use std::path::Path;

#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    pub dry_run: bool,
    pub skip_invalid: bool,
}

pub fn import_file(
    _conn: &mut Connection,
    _path: &Path,
    _opts: Options,
    _clock: &Clock,
) -> Result<ImportReport> {
    Err(crate::Error::invalid("import-customers: being built"))
}
