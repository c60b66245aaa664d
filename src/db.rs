//! The one way to open the database: checks it is ours, sets pragmas, migrates; and the
//! read-only connections beside it, opened with the same checks and pragmas.

use crate::error::{Error, Result};
use rusqlite::{Connection, ErrorCode, OpenFlags, OptionalExtension};
use std::path::Path;

mod embedded {
    refinery::embed_migrations!("migrations");
}

/// `PRAGMA application_id` marking a Clientele file ("Clnt").
pub const APPLICATION_ID: i64 = 0x436C_6E74;

/// Per-connection settings shared by the writer and the readers (the journal mode is the
/// file's, set once by the writer).
const CONNECTION_PRAGMAS: &str = "PRAGMA synchronous = NORMAL;
     PRAGMA foreign_keys = ON;
     PRAGMA temp_store = MEMORY;
     PRAGMA cache_size = -65536;";

/// Opens (creating if needed) a Clientele database and brings its schema up to date.
///
/// Refuses, without writing anything: a path in a folder that does not exist
/// (`db_folder_missing`; [`create_folder`] is for the default data folder only), a
/// write-protected file (`read_only`), a file that is not SQLite or is another
/// application's SQLite file (`foreign`), a file that fails `PRAGMA quick_check`
/// (`damaged`), and a Clientele file written by a newer version (`conflict`). A file with
/// migrations still to run is first copied into `backups/` (`crate::backup`).
pub fn open(path: &Path) -> Result<Connection> {
    open_with(path, Check::Now).map(|(conn, _)| conn)
}

/// When [`open_with`] runs `PRAGMA quick_check` on an existing file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    /// Before anything else is done with the file (the CLI, a restore).
    Now,
    /// Left to the caller, who must run [`finish_deferred_open`] holding the writer before
    /// its first write: the desktop serves its first list from the readers meanwhile, as the check
    /// reads the whole file (about 1 s at 100,000 customers; docs/architecture.md,
    /// "Backups"). A file with migrations to run is still checked first.
    Deferred,
}

/// As [`open`]; the flag is true when the caller owes the file its `quick_check`
/// ([`Check::Deferred`] on an existing file that needed no migration).
pub fn open_with(path: &Path, check: Check) -> Result<(Connection, bool)> {
    require_folder(path)?;
    let existing = inspect_file(path)?;
    create_private(path)?;
    let mut conn = Connection::open(path)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    check_ours(&conn, path)?;
    refuse_newer_schema(&conn, path)?;
    let applied = schema_version(&conn)?;
    let migrating = applied > 0 && applied < latest_schema_version();
    let check_owed = existing && check == Check::Deferred && !migrating;
    if existing && !check_owed {
        quick_check(&conn, path)?;
    }
    conn.execute_batch("PRAGMA journal_mode = WAL;")?;
    restrict_wal_files(path)?;
    conn.execute_batch(CONNECTION_PRAGMAS)?;
    if migrating {
        // Before the first migration touches an existing book (docs/architecture.md).
        crate::backup::before_migration(&conn, path, applied)?;
    }
    if application_id(&conn, path)? != APPLICATION_ID {
        // A new file (an existing one was refused by `check_ours` unless it is ours).
        conn.pragma_update(None, "application_id", APPLICATION_ID)?;
    }
    embedded::migrations::runner().run(&mut conn)?;
    if !check_owed {
        settle(&mut conn)?;
    }
    Ok((conn, check_owed))
}

/// The owed part of a [`Check::Deferred`] open, on the writer before its first write: the
/// file's `quick_check`, then what `open` does after migrating.
pub fn finish_deferred_open(conn: &mut Connection, path: &Path) -> Result<()> {
    // On a reader (8 MB cache), not the writer: read through the writer's 64 MB cache, the
    // check left it full for the rest of the session. The caller holds the writer.
    quick_check(&open_reader(path)?, path)?;
    settle(conn)
}

/// Writes every open makes once the file is known sound: search text from older versions
/// rewritten, segments moved to today.
fn settle(conn: &mut Connection) -> Result<()> {
    crate::ingest::upgrade_search_text(conn)?;
    crate::segments::roll(conn, crate::model::Clock::system().today())?;
    Ok(())
}

/// Opens a read-only connection to a database [`open`] has already prepared (a `Store`
/// opens its writer first). SQLite refuses writes on it (read-only file handle and
/// `query_only`); in WAL mode it reads the last commit while a write transaction is open.
pub fn open_reader(path: &Path) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_URI
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    if application_id(&conn, path)? != APPLICATION_ID {
        return Err(not_ours(path));
    }
    refuse_newer_schema(&conn, path)?;
    let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        // Without WAL a reader would block the writer (and the other way round).
        return Err(Error::Storage(format!(
            "{} is not in WAL mode (found {mode}); open it for writing first",
            path.display()
        )));
    }
    conn.execute_batch(CONNECTION_PRAGMAS)?;
    // Reads go through a small private cache and the OS's page cache, not a memory map:
    // each reader's map of the file counted every page it had touched in the app's
    // resident memory (745 MB for three readers of the 100k-customer book), and the lists
    // now come from the in-memory book index rather than from page walks
    // (docs/architecture.md, "Memory").
    conn.execute_batch("PRAGMA query_only = ON; PRAGMA mmap_size = 0; PRAGMA cache_size = -4096;")?;
    Ok(conn)
}

/// Creates the folder of `path` (for the default per-user data folder, never for a path
/// the user named: [`open`] refuses a missing folder).
pub fn create_folder(path: &Path) -> Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| Error::Io(format!("cannot create {}: {e}", dir.display())))?;
    }
    Ok(())
}

/// `db_folder_missing` unless the folder of `path` exists.
pub fn require_folder(path: &Path) -> Result<()> {
    match path.parent().filter(|d| !d.as_os_str().is_empty()) {
        Some(dir) if !dir.is_dir() => Err(Error::DbFolderMissing(format!(
            "the folder {} does not exist; create it or choose another database file",
            dir.display()
        ))),
        _ => Ok(()),
    }
}

/// The first 16 bytes of every SQLite database file.
pub const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// What is at `path` before SQLite touches it: `false` when there is nothing yet (no file,
/// or an empty one), `true` for an existing SQLite file; an error for a write-protected
/// file or one that is not SQLite. (Mode bits are read rather than trusting SQLite, which
/// as root would write into a 0400 file.)
fn inspect_file(path: &Path) -> Result<bool> {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(Error::Io(format!("cannot read {}: {e}", path.display()))),
    };
    if !meta.is_file() {
        return Err(Error::Foreign(format!(
            "{} is not a file; choose a Clientele database file",
            path.display()
        )));
    }
    if meta.permissions().readonly() {
        return Err(Error::ReadOnly(format!(
            "{} is read-only; make it writable (chmod u+w) or open a copy",
            path.display()
        )));
    }
    if meta.len() == 0 {
        return Ok(false);
    }
    if !has_sqlite_header(path)? {
        return Err(foreign(path));
    }
    Ok(true)
}

/// Whether the file starts like an SQLite database.
pub fn has_sqlite_header(path: &Path) -> Result<bool> {
    use std::io::Read;
    let mut head = [0u8; 16];
    let mut file = std::fs::File::open(path)
        .map_err(|e| Error::Io(format!("cannot read {}: {e}", path.display())))?;
    let mut read = 0;
    while read < head.len() {
        match file.read(&mut head[read..]) {
            Ok(0) => break,
            Ok(n) => read += n,
            Err(e) => return Err(Error::Io(format!("cannot read {}: {e}", path.display()))),
        }
    }
    Ok(read == head.len() && &head == SQLITE_HEADER)
}

/// Ours: the Clientele `application_id`, or a file with no tables yet (new).
fn check_ours(conn: &Connection, path: &Path) -> Result<()> {
    let app_id = application_id(conn, path)?;
    if app_id == 0 {
        let tables: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
            .map_err(|e| damaged_or(e, path))?;
        if tables > 0 {
            return Err(not_ours(path));
        }
    } else if app_id != APPLICATION_ID {
        return Err(not_ours(path));
    }
    Ok(())
}

/// `PRAGMA quick_check`: every page and record well-formed (not the index-vs-table
/// comparison of `integrity_check`); `damaged` with SQLite's first complaints otherwise.
pub fn quick_check(conn: &Connection, path: &Path) -> Result<()> {
    let problems: Vec<String> = conn
        .prepare("PRAGMA quick_check(5)")
        .and_then(|mut st| {
            st.query_map([], |r| r.get::<_, String>(0))?
                .collect::<rusqlite::Result<Vec<_>>>()
        })
        .map_err(|e| damaged_or(e, path))?;
    if problems.len() == 1 && problems[0] == "ok" {
        return Ok(());
    }
    // SQLite's report spans lines ("*** in database main ***\nTree 12 page 60: …").
    let report = problems.join("; ").replace("*** in database main ***", "");
    let mut first = report.split_whitespace().collect::<Vec<_>>().join(" ");
    if first.chars().count() > 120 {
        first = first.chars().take(119).chain(['…']).collect();
    }
    Err(Error::Damaged(format!(
        "{} is damaged ({first}); restore a backup, open another file or start an empty book",
        path.display()
    )))
}

/// The newest migration applied to the file (0 for a new file).
pub fn schema_version(conn: &Connection) -> Result<i64> {
    let has_history: bool = conn
        .query_row(
            "SELECT 1 FROM sqlite_schema WHERE name = 'refinery_schema_history'",
            [],
            |_| Ok(true),
        )
        .optional()?
        .unwrap_or(false);
    if !has_history {
        return Ok(0);
    }
    Ok(conn.query_row(
        "SELECT coalesce(max(version), 0) FROM refinery_schema_history",
        [],
        |r| r.get(0),
    )?)
}

/// A new file brought up to `version` only (tests build older books with it).
#[doc(hidden)]
pub fn create_at_version(path: &Path, version: i32) -> Result<Connection> {
    require_folder(path)?;
    create_private(path)?;
    let mut conn = Connection::open(path)?;
    conn.execute_batch("PRAGMA journal_mode = WAL;")?;
    conn.execute_batch(CONNECTION_PRAGMAS)?;
    conn.pragma_update(None, "application_id", APPLICATION_ID)?;
    embedded::migrations::runner()
        .set_target(refinery::Target::Version(version))
        .run(&mut conn)?;
    Ok(conn)
}

/// Creates a missing database file readable and writable by its owner only (0600 on Unix),
/// before SQLite opens it: SQLite then gives its `-wal` and `-shm` files the same mode. An
/// existing file keeps its mode.
fn create_private(path: &Path) -> Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    match options.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(Error::Io(format!("cannot create {}: {e}", path.display()))),
    }
}

/// Makes the `-wal` and `-shm` files beside the database private (0600), including ones an
/// older version left readable by others. Only the files of this database are touched.
fn restrict_wal_files(path: &Path) -> Result<()> {
    #[cfg(unix)]
    for suffix in ["-wal", "-shm"] {
        use std::os::unix::fs::PermissionsExt;
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        let file = Path::new(&name);
        match std::fs::metadata(file) {
            Ok(m) if m.permissions().mode() & 0o077 != 0 => {
                std::fs::set_permissions(file, std::fs::Permissions::from_mode(0o600))
                    .map_err(|e| Error::Io(format!("cannot protect {}: {e}", file.display())))?;
            }
            _ => {}
        }
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

pub(crate) const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(5);

/// An SQLite file that is not Clientele's.
fn not_ours(path: &Path) -> Error {
    Error::Foreign(format!(
        "{} is not a Clientele database (another application's SQLite file); choose another file",
        path.display()
    ))
}

/// Not an SQLite file at all.
fn foreign(path: &Path) -> Error {
    Error::Foreign(format!(
        "{} is not a Clientele database (not an SQLite file); choose another file",
        path.display()
    ))
}

/// A query on a file that starts like SQLite but is malformed inside is `damaged`.
pub(crate) fn damaged_or(e: rusqlite::Error, path: &Path) -> Error {
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => Error::Damaged(format!(
            "{} is damaged ({e}); restore a backup, open another file or start an empty book",
            path.display()
        )),
        _ => Error::from(e),
    }
}

pub(crate) fn application_id(conn: &Connection, path: &Path) -> Result<i64> {
    conn.query_row("PRAGMA application_id", [], |r| r.get(0))
        .map_err(|e| damaged_or(e, path))
}

/// The newest schema version this build knows.
pub fn latest_schema_version() -> i64 {
    embedded::migrations::runner()
        .get_migrations()
        .iter()
        .map(|m| i64::from(m.version()))
        .max()
        .unwrap_or(0)
}

fn refuse_newer_schema(conn: &Connection, path: &Path) -> Result<()> {
    let found = schema_version(conn)?;
    let known = latest_schema_version();
    if found > known {
        return Err(Error::Conflict(format!(
            "{} was written by a newer Clientele (schema v{found}; this version knows up to v{known}); update Clientele to open it",
            path.display()
        )));
    }
    Ok(())
}

/// Begins a write transaction that takes the write lock at once (`BEGIN IMMEDIATE`), so a
/// read-then-write never fails half-way on a lock upgrade.
pub fn write_tx(conn: &mut Connection) -> Result<rusqlite::Transaction<'_>> {
    Ok(conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?)
}
