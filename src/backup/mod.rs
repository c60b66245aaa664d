//! Backups of the database file with SQLite's online backup API: at most daily, before
//! every migration, before every restore, and on demand (`clientele backup`). They live in
//! `backups/` beside the database, one self-contained SQLite file each (rollback journal,
//! not WAL), created 0600 under a temporary name and renamed when complete, so a partial
//! backup never looks like one. Retention is in `retention.rs`, restore in `restore.rs`
//! (docs/architecture.md, "Backups").
//!
//! File names carry the kind and the local time they were taken, which is all that
//! listing and retention read (never the file's mtime):
//!
//! ```text
//! backups/clientele-2026-11-24-120000.db                 daily or on demand
//! backups/clientele-2026-11-24-120000-premigrate-v6.db   the v6 file before migrating it
//! backups/clientele-2026-11-24-120000-prerestore.db      the book before a restore
//! ```

mod restore;
mod retention;

pub use restore::{check_backup, restore, set_aside, start_empty, RestoreReport, StartEmptyReport};
pub use retention::{prune, KEEP_DAILY, KEEP_PRE_MIGRATE, KEEP_PRE_RESTORE, KEEP_WEEKLY};

use crate::error::{Error, Result};
use crate::model::Clock;
use chrono::{NaiveDateTime, TimeZone};
use rusqlite::backup::{Backup, StepResult};
use rusqlite::Connection;
use serde::Serialize;
use specta::Type;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Why a backup was taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum BackupKind {
    /// Daily (on open) or on demand.
    Regular,
    /// The file as it was before a migration.
    PreMigrate,
    /// The book as it was before a restore replaced it.
    PreRestore,
}

/// One backup file.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct BackupInfo {
    pub path: String,
    pub file_name: String,
    pub kind: BackupKind,
    /// For a pre-migration backup: the schema version the file had (what it contains).
    pub schema_version: Option<i64>,
    /// When it was taken, RFC 3339 (from the file name).
    pub taken_at: String,
    pub bytes: u64,
}

/// A backup file's name, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entry {
    pub path: PathBuf,
    /// Local time (the clock's zone) it was taken.
    pub taken: NaiveDateTime,
    pub kind: BackupKind,
    pub version: Option<i64>,
}

const STAMP: &str = "%Y-%m-%d-%H%M%S";
const STAMP_LEN: usize = "2026-11-24-120000".len();
/// A regular backup younger than this makes the daily one not due.
pub const DAILY_EVERY: chrono::Duration = chrono::Duration::hours(24);

/// `<db dir>/backups`.
pub fn backups_dir(db_path: &Path) -> PathBuf {
    db_path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .join("backups")
}

fn stem(db_path: &Path) -> String {
    db_path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "clientele".into())
}

/// The file name of a backup of `db_path` taken at local time `at`.
pub(crate) fn file_name(
    db_path: &Path,
    at: NaiveDateTime,
    kind: BackupKind,
    version: i64,
) -> String {
    let suffix = match kind {
        BackupKind::Regular => String::new(),
        BackupKind::PreMigrate => format!("-premigrate-v{version}"),
        BackupKind::PreRestore => "-prerestore".into(),
    };
    format!("{}-{}{suffix}.db", stem(db_path), at.format(STAMP))
}

/// Reads a name written by [`file_name`] for this database; `None` for anything else.
pub(crate) fn parse_name(db_path: &Path, path: &Path) -> Option<Entry> {
    let name = path.file_name()?.to_str()?;
    let rest = name.strip_prefix(&format!("{}-", stem(db_path)))?;
    let rest = rest.strip_suffix(".db")?;
    let (stamp, suffix) = (rest.get(..STAMP_LEN)?, rest.get(STAMP_LEN..)?);
    let taken = NaiveDateTime::parse_from_str(stamp, STAMP).ok()?;
    let (kind, version) = match suffix {
        "" => (BackupKind::Regular, None),
        "-prerestore" => (BackupKind::PreRestore, None),
        s => {
            let v: i64 = s.strip_prefix("-premigrate-v")?.parse().ok()?;
            (BackupKind::PreMigrate, Some(v))
        }
    };
    Some(Entry {
        path: path.to_path_buf(),
        taken,
        kind,
        version,
    })
}

/// The backups of this database, newest first (an empty list when there is no folder).
pub(crate) fn entries(db_path: &Path) -> Result<Vec<Entry>> {
    let dir = backups_dir(db_path);
    let read = match std::fs::read_dir(&dir) {
        Ok(r) => r,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::Io(format!("cannot list {}: {e}", dir.display()))),
    };
    let mut out: Vec<Entry> = read
        .filter_map(|e| e.ok())
        .filter_map(|e| parse_name(db_path, &e.path()))
        .collect();
    out.sort_by(|a, b| b.taken.cmp(&a.taken).then_with(|| b.path.cmp(&a.path)));
    Ok(out)
}

fn info(e: &Entry, clock: &Clock) -> BackupInfo {
    let taken_at = clock
        .tz
        .from_local_datetime(&e.taken)
        .earliest()
        .map(|t| crate::model::fmt_ts(t.with_timezone(&chrono::Utc)))
        .unwrap_or_else(|| e.taken.format("%Y-%m-%dT%H:%M:%S").to_string());
    BackupInfo {
        path: e.path.display().to_string(),
        file_name: e
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        kind: e.kind,
        schema_version: e.version,
        taken_at,
        bytes: std::fs::metadata(&e.path).map(|m| m.len()).unwrap_or(0),
    }
}

/// Every backup of the database at `db_path`, newest first.
pub fn list(db_path: &Path, clock: &Clock) -> Result<Vec<BackupInfo>> {
    Ok(entries(db_path)?.iter().map(|e| info(e, clock)).collect())
}

/// The newest backup of any kind (what "Restore the newest backup" restores).
pub fn newest(db_path: &Path, clock: &Clock) -> Result<Option<BackupInfo>> {
    Ok(entries(db_path)?.first().map(|e| info(e, clock)))
}

/// Copies the database open on `src` into a new backup of `kind`, then applies the
/// retention rules. The copy is one backup step (one read transaction: a consistent
/// snapshot even while another connection writes).
pub fn snapshot(
    src: &Connection,
    db_path: &Path,
    kind: BackupKind,
    clock: &Clock,
) -> Result<BackupInfo> {
    let info = take(src, db_path, kind, clock)?;
    prune(db_path)?;
    Ok(info)
}

/// [`snapshot`] without the retention rules.
pub(crate) fn take(
    src: &Connection,
    db_path: &Path,
    kind: BackupKind,
    clock: &Clock,
) -> Result<BackupInfo> {
    let version = match kind {
        BackupKind::PreMigrate => crate::db::schema_version(src)?,
        _ => 0,
    };
    let dir = backups_dir(db_path);
    create_private_dir(&dir)?;
    let at = clock.now.with_timezone(&clock.tz).naive_local();
    let name = file_name(db_path, at, kind, version);
    let target = dir.join(&name);
    copy_into_new_file(src, &target)?;
    let entry = parse_name(db_path, &target)
        .ok_or_else(|| Error::Io(format!("unexpected backup name {name}")))?;
    Ok(info(&entry, clock))
}

/// The pre-migration snapshot `db::open` takes of a file at `version`.
pub(crate) fn before_migration(conn: &Connection, db_path: &Path, version: i64) -> Result<()> {
    let b = snapshot(conn, db_path, BackupKind::PreMigrate, &Clock::system())?;
    tracing::info!(
        "migrating {} from v{version}; backup {}",
        db_path.display(),
        b.path
    );
    Ok(())
}

/// Takes a regular backup when the newest one is older than [`DAILY_EVERY`] and the book
/// has data; reads through its own read-only connection, so it can run on a background
/// thread beside an open store. The database must have been opened by `db::open`.
pub fn daily_if_due(db_path: &Path, clock: &Clock) -> Result<Option<BackupInfo>> {
    let now = clock.now.with_timezone(&clock.tz).naive_local();
    let recent = entries(db_path)?
        .iter()
        .any(|e| e.kind == BackupKind::Regular && now - e.taken < DAILY_EVERY);
    if recent {
        return Ok(None);
    }
    let conn = crate::db::open_reader(db_path)?;
    // Read, not mapped: a mapped 400 MB copy would count in the app's memory for a while.
    conn.execute_batch("PRAGMA mmap_size = 0;")?;
    if !has_data(&conn)? {
        return Ok(None);
    }
    snapshot(&conn, db_path, BackupKind::Regular, clock).map(Some)
}

/// Whether there is anything worth keeping: customers, or a recorded account.
pub(crate) fn has_data(conn: &Connection) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM customers) OR EXISTS (SELECT 1 FROM sync_state)",
        [],
        |r| r.get(0),
    )?)
}

/// `dir`, created readable by the owner only (0700) when missing.
fn create_private_dir(dir: &Path) -> Result<()> {
    let mut b = std::fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o700);
    b.create(dir)
        .map_err(|e| Error::Io(format!("cannot create {}: {e}", dir.display())))
}

/// Writes the database on `src` to `target` with the backup API: into a 0600 temporary
/// file in the same folder, switched to a rollback journal (self-contained, no -wal),
/// synced, then renamed over `target`.
pub(crate) fn copy_into_new_file(src: &Connection, target: &Path) -> Result<()> {
    let dir = target
        .parent()
        .ok_or_else(|| Error::Io(format!("{} has no folder", target.display())))?;
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    // tempfile creates it 0600 on Unix; SQLite gives its journal the same mode.
    let partial = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".partial")
        .tempfile_in(dir)
        .map_err(|e| Error::Io(format!("cannot create a file in {}: {e}", dir.display())))?;
    {
        let mut dst = Connection::open(partial.path())?;
        copy_all(src, &mut dst)?;
        dst.execute_batch("PRAGMA journal_mode = DELETE;")?;
    }
    partial
        .as_file()
        .sync_all()
        .map_err(|e| Error::Io(format!("cannot write {}: {e}", target.display())))?;
    partial
        .persist(target)
        .map_err(|e| Error::Io(format!("cannot write {}: {}", target.display(), e.error)))?;
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Copies every page of `src` into `dst` in one backup step (one read transaction on the
/// source, so the copy is consistent even while other connections write), waiting while
/// either side is locked, for at most a few busy timeouts.
pub(crate) fn copy_all(src: &Connection, dst: &mut Connection) -> Result<()> {
    let backup = Backup::new(src, dst)?;
    let deadline = std::time::Instant::now() + crate::db::BUSY_TIMEOUT * 3;
    loop {
        match backup.step(-1)? {
            StepResult::Done => return Ok(()),
            _ if std::time::Instant::now() > deadline => {
                return Err(Error::Storage(
                    "the database stayed busy; the backup did not finish, try again".into(),
                ))
            }
            _ => std::thread::sleep(Duration::from_millis(20)),
        }
    }
}
