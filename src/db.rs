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
/// Refuses, without writing anything, a file that is not SQLite, a SQLite file that belongs
/// to another application, and a Clientele file written by a newer version.
pub fn open(path: &Path) -> Result<Connection> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| Error::Io(format!("cannot create {}: {e}", dir.display())))?;
    }
    create_private(path)?;
    let mut conn = Connection::open(path)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    let app_id = application_id(&conn, path)?;
    if app_id == 0 {
        let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
        if tables > 0 {
            return Err(not_ours(path));
        }
    } else if app_id != APPLICATION_ID {
        return Err(not_ours(path));
    }
    refuse_newer_schema(&conn, path)?;
    conn.execute_batch("PRAGMA journal_mode = WAL;")?;
    restrict_wal_files(path)?;
    conn.execute_batch(CONNECTION_PRAGMAS)?;
    conn.pragma_update(None, "application_id", APPLICATION_ID)?;
    embedded::migrations::runner().run(&mut conn)?;
    crate::ingest::upgrade_search_text(&mut conn)?;
    crate::segments::roll(&mut conn, crate::model::Clock::system().today())?;
    Ok(conn)
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
    // A reader's page cache is dropped whenever another connection commits (a sync writes
    // every page); memory-mapped reads come from the OS cache instead, which survives, so
    // the private cache can be small.
    conn.execute_batch(
        "PRAGMA query_only = ON; PRAGMA mmap_size = 1073741824; PRAGMA cache_size = -8192;",
    )?;
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

fn not_ours(path: &Path) -> Error {
    Error::invalid(format!(
        "{} is not a Clientele database; choose another file",
        path.display()
    ))
}

fn application_id(conn: &Connection, path: &Path) -> Result<i64> {
    conn.query_row("PRAGMA application_id", [], |r| r.get(0))
        .map_err(|e| match e.sqlite_error_code() {
            Some(ErrorCode::NotADatabase) => not_ours(path),
            _ => Error::from(e),
        })
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
    let has_history: bool = conn
        .query_row(
            "SELECT 1 FROM sqlite_schema WHERE name = 'refinery_schema_history'",
            [],
            |_| Ok(true),
        )
        .optional()?
        .unwrap_or(false);
    if !has_history {
        return Ok(());
    }
    let found: i64 = conn.query_row(
        "SELECT coalesce(max(version), 0) FROM refinery_schema_history",
        [],
        |r| r.get(0),
    )?;
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
