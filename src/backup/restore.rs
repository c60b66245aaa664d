//! Restoring a backup over the book, and setting a damaged file aside. Both hold the
//! database's sync lock (`<db>.sync-lock`), so neither runs while a sync does, and neither
//! ever deletes a file: a damaged or foreign one is renamed `<name>.damaged-YYYYMMDD-HHMMSS`.

use super::{has_data, prune, take, BackupInfo, BackupKind};
use crate::db;
use crate::error::{Error, Result};
use crate::model::Clock;
use crate::sync::SyncLock;
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use specta::Type;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct RestoreReport {
    /// The database that now holds the backup's content.
    pub path: String,
    pub restored_from: String,
    /// The book as it was just before, when it held anything.
    pub snapshot: Option<BackupInfo>,
    /// Where a damaged or foreign file at `path` was moved first.
    pub set_aside: Option<String>,
    pub customers: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct StartEmptyReport {
    /// The new, empty database.
    pub path: String,
    /// Where the damaged or foreign file was moved (it is never deleted).
    pub set_aside: String,
}

/// Opens `file` read-only and checks that it is a sound Clientele database this version
/// can open: SQLite, our `application_id` and migration history, no newer schema, and
/// `PRAGMA quick_check`. Nothing is written.
pub fn check_backup(file: &Path) -> Result<Connection> {
    match std::fs::metadata(file) {
        Ok(m) if m.is_file() => {}
        Ok(_) => return Err(not_a_backup(file, "it is not a file")),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(Error::not_found(format!(
                "{} does not exist",
                file.display()
            )))
        }
        Err(e) => return Err(Error::Io(format!("cannot read {}: {e}", file.display()))),
    }
    if !db::has_sqlite_header(file)? {
        return Err(not_a_backup(file, "not an SQLite file"));
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(file, flags)?;
    conn.busy_timeout(db::BUSY_TIMEOUT)?;
    if db::application_id(&conn, file)? != db::APPLICATION_ID {
        return Err(not_a_backup(file, "another application's SQLite file"));
    }
    let version = db::schema_version(&conn)?;
    let tables: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table'
             AND name IN ('customers', 'bookings', 'customer_summary', 'settings')",
            [],
            |r| r.get(0),
        )
        .map_err(|e| db::damaged_or(e, file))?;
    if version == 0 || tables < 4 {
        return Err(not_a_backup(file, "it has no Clientele tables"));
    }
    let known = db::latest_schema_version();
    if version > known {
        return Err(Error::Conflict(format!(
            "{} is from a newer Clientele (schema v{version}; this version knows up to v{known})",
            file.display()
        )));
    }
    db::quick_check(&conn, file)?;
    Ok(conn)
}

fn not_a_backup(file: &Path, why: &str) -> Error {
    Error::Foreign(format!(
        "{} is not a Clientele database ({why}); choose a Clientele backup",
        file.display()
    ))
}

/// Replaces the content of the database at `db_path` with the backup `from`, after
/// checking `from` ([`check_backup`]) and taking a pre-restore backup of the current book.
/// A damaged or foreign file at `db_path` is set aside instead of backed up. The result is
/// opened with `db::open`, so an older backup is migrated (after its own backup). Refused
/// (`conflict`) while a sync holds the lock; nothing is changed when `from` is refused.
pub fn restore(db_path: &Path, from: &Path, clock: &Clock) -> Result<RestoreReport> {
    db::require_folder(db_path)?;
    let src = check_backup(from)?;
    if same_file(db_path, from) {
        return Err(Error::invalid(format!(
            "{} is the database itself; choose a backup",
            from.display()
        )));
    }
    let _lock = SyncLock::acquire(db_path)?;
    let (mut conn, snapshot, set_aside) = match db::open(db_path) {
        Ok(conn) => {
            // Not pruned yet: the backup being restored may be one the rules would drop.
            let snap = match has_data(&conn)? {
                true => Some(take(&conn, db_path, BackupKind::PreRestore, clock)?),
                false => None,
            };
            (conn, snap, None)
        }
        Err(e @ (Error::Damaged(_) | Error::Foreign(_))) => {
            tracing::warn!("setting aside {}: {e}", db_path.display());
            let aside = set_aside(db_path, clock)?;
            (db::open(db_path)?, None, Some(aside))
        }
        Err(e) => return Err(e),
    };
    super::copy_all(&src, &mut conn)?;
    drop((conn, src));
    let conn = db::open(db_path)?;
    let customers: i64 = conn.query_row("SELECT count(*) FROM customers", [], |r| r.get(0))?;
    prune(db_path)?;
    Ok(RestoreReport {
        path: db_path.display().to_string(),
        restored_from: from.display().to_string(),
        snapshot,
        set_aside: set_aside.map(|p| p.display().to_string()),
        customers,
    })
}

/// Sets a damaged or foreign file aside and creates a fresh, empty book in its place.
/// Refused (`conflict`) for a database that opens fine, or while a sync holds the lock.
pub fn start_empty(db_path: &Path, clock: &Clock) -> Result<StartEmptyReport> {
    db::require_folder(db_path)?;
    let _lock = SyncLock::acquire(db_path)?;
    match db::open(db_path) {
        Ok(_) => Err(Error::Conflict(format!(
            "{} opens fine; there is nothing to set aside",
            db_path.display()
        ))),
        Err(Error::Damaged(_) | Error::Foreign(_)) => {
            let aside = set_aside(db_path, clock)?;
            drop(db::open(db_path)?);
            Ok(StartEmptyReport {
                path: db_path.display().to_string(),
                set_aside: aside.display().to_string(),
            })
        }
        Err(e) => Err(e),
    }
}

/// Renames the file (and its `-wal` / `-shm`) to `<name>.damaged-YYYYMMDD-HHMMSS` beside
/// it, never over an existing file. Returns the new name.
pub fn set_aside(db_path: &Path, clock: &Clock) -> Result<PathBuf> {
    let name = db_path
        .file_name()
        .ok_or_else(|| Error::invalid(format!("{} is not a file name", db_path.display())))?
        .to_string_lossy()
        .into_owned();
    let stamp = clock.now.with_timezone(&clock.tz).format("%Y%m%d-%H%M%S");
    let mut target = db_path.with_file_name(format!("{name}.damaged-{stamp}"));
    let mut n = 2;
    while target.exists() {
        target = db_path.with_file_name(format!("{name}.damaged-{stamp}-{n}"));
        n += 1;
    }
    let rename = |from: &Path, to: &Path| {
        std::fs::rename(from, to).map_err(|e| {
            Error::Io(format!(
                "cannot move {} to {}: {e}",
                from.display(),
                to.display()
            ))
        })
    };
    rename(db_path, &target)?;
    for suffix in ["-wal", "-shm"] {
        let side = beside(db_path, suffix);
        if side.exists() {
            rename(&side, &beside(&target, suffix))?;
        }
    }
    Ok(target)
}

fn beside(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    s.into()
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
