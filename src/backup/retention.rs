//! Which backups are kept. Regular backups (daily and on demand): the newest of each of the
//! last [`KEEP_DAILY`] days that have one, then, among the rest, the newest of each of the
//! last [`KEEP_WEEKLY`] ISO weeks that have one. Pre-migration and pre-restore backups: the
//! newest [`KEEP_PRE_MIGRATE`] and [`KEEP_PRE_RESTORE`]. Everything else is deleted, and
//! so are temporary files an interrupted backup left behind.

use super::{entries, BackupKind, Entry};
use crate::error::{Error, Result};
use chrono::Datelike;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

pub const KEEP_DAILY: usize = 7;
pub const KEEP_WEEKLY: usize = 4;
pub const KEEP_PRE_MIGRATE: usize = 3;
pub const KEEP_PRE_RESTORE: usize = 3;

/// A temporary file older than this was left by an interrupted backup.
const STALE_PARTIAL: std::time::Duration = std::time::Duration::from_secs(3600);

/// The paths to keep among `all` (newest first).
pub(crate) fn kept(all: &[Entry]) -> BTreeSet<PathBuf> {
    let mut keep = BTreeSet::new();
    let regular: Vec<&Entry> = all
        .iter()
        .filter(|e| e.kind == BackupKind::Regular)
        .collect();
    let mut days = Vec::new();
    let mut rest = Vec::new();
    for e in &regular {
        let day = e.taken.date();
        if days.contains(&day) {
            continue; // an older backup of a day already kept
        }
        if days.len() < KEEP_DAILY {
            days.push(day);
            keep.insert(e.path.clone());
        } else {
            rest.push(*e);
        }
    }
    let mut weeks = Vec::new();
    for e in rest {
        let w = e.taken.date().iso_week();
        let week = (w.year(), w.week());
        if !weeks.contains(&week) && weeks.len() < KEEP_WEEKLY {
            weeks.push(week);
            keep.insert(e.path.clone());
        }
    }
    for (kind, n) in [
        (BackupKind::PreMigrate, KEEP_PRE_MIGRATE),
        (BackupKind::PreRestore, KEEP_PRE_RESTORE),
    ] {
        keep.extend(
            all.iter()
                .filter(|e| e.kind == kind)
                .take(n)
                .map(|e| e.path.clone()),
        );
    }
    keep
}

/// Applies the retention rules to the backups of `db_path`; returns the deleted files.
/// The rules read the dates in the names, never the clock or the files' mtimes.
pub fn prune(db_path: &Path) -> Result<Vec<PathBuf>> {
    let all = entries(db_path)?;
    let keep = kept(&all);
    let mut removed = Vec::new();
    for e in all.iter().filter(|e| !keep.contains(&e.path)) {
        std::fs::remove_file(&e.path)
            .map_err(|err| Error::Io(format!("cannot remove {}: {err}", e.path.display())))?;
        removed.push(e.path.clone());
    }
    remove_stale_partials(db_path);
    Ok(removed)
}

/// Best effort: a crash mid-backup leaves a `.<name>.…partial` file; never a fresh one,
/// which another process may still be writing.
fn remove_stale_partials(db_path: &Path) {
    let Ok(dir) = std::fs::read_dir(super::backups_dir(db_path)) else {
        return;
    };
    let prefix = format!(".{}-", super::stem(db_path));
    for e in dir.filter_map(|e| e.ok()) {
        let name = e.file_name();
        let name = name.to_string_lossy();
        let stale = e
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > STALE_PARTIAL);
        if name.starts_with(&prefix) && name.ends_with(".partial") && stale {
            let _ = std::fs::remove_file(e.path());
        }
    }
}
