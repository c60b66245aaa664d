//! The connections to one database file: one writer and a small pool of readers, so list,
//! stats and detail reads run beside a sync's writes instead of queueing behind them (WAL
//! lets a reader see the last commit while a write transaction is open).
//!
//! The pool is r2d2's. `r2d2_sqlite` 0.31 would match our rusqlite 0.37, but it opens
//! connections itself (flags plus an init hook), a second way to open the database beside
//! `db::open_reader`, and it would tie every rusqlite upgrade to its release; the manager
//! below is the few lines it would have saved.

use crate::db;
use crate::error::{Error, Result};
use rusqlite::{Connection, Transaction, TransactionBehavior};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

/// Readers for the desktop's concurrent queries (list, counts, stats, detail) with one to spare.
pub const DEFAULT_READERS: u32 = 3;

/// One writer (behind a mutex: SQLite allows one writer at a time anyway) and a pool of
/// read-only connections, all opened by `db`.
pub struct Store {
    path: PathBuf,
    writer: Mutex<Connection>,
    readers: r2d2::Pool<Readers>,
}

impl Store {
    /// Opens the file (creating and migrating it if needed) with [`DEFAULT_READERS`] readers.
    pub fn open(path: &Path) -> Result<Store> {
        Store::open_with_readers(path, DEFAULT_READERS)
    }

    /// As [`Store::open`] with `readers` read-only connections (1–16).
    pub fn open_with_readers(path: &Path, readers: u32) -> Result<Store> {
        if !(1..=16).contains(&readers) {
            return Err(Error::invalid(format!(
                "a store needs 1 to 16 readers (got {readers})"
            )));
        }
        // The writer first: it checks the file, sets WAL and migrates, which readers cannot.
        let writer = db::open(path)?;
        // One reader opened here so a failure comes back at once with its own error;
        // r2d2 would retry in the background and report only a timeout.
        drop(db::open_reader(path)?);
        let readers = r2d2::Pool::builder()
            .max_size(readers)
            .min_idle(Some(readers))
            // A local file does not drop connections: no ping per checkout, and readers
            // keep their page cache instead of being recycled every few minutes.
            .test_on_check_out(false)
            .idle_timeout(None)
            .max_lifetime(None)
            .build(Readers {
                path: path.to_path_buf(),
            })
            .map_err(pool_error)?;
        Ok(Store {
            path: path.to_path_buf(),
            writer: Mutex::new(writer),
            readers,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs `f` on a read-only connection from the pool; waits only when every reader is
    /// busy, never for the writer. Writes inside `f` fail (`query_only`).
    ///
    /// `f` runs in one read transaction, so all its statements see the same commit (a
    /// list's rows, total and counts agree), as when every read held the one connection.
    pub fn read<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let conn = self.readers.get().map_err(pool_error)?;
        let snapshot = Transaction::new_unchecked(&conn, TransactionBehavior::Deferred)?;
        let out = f(&snapshot)?;
        snapshot.commit()?;
        Ok(out)
    }

    /// Runs `f` with the writer locked. Never hold it across an `.await`.
    pub fn write<T>(&self, f: impl FnOnce(&mut Connection) -> Result<T>) -> Result<T> {
        f(&mut self.lock_writer())
    }

    /// The writer as the sync engine takes it (`&Mutex<Connection>`).
    pub fn writer(&self) -> &Mutex<Connection> {
        &self.writer
    }

    /// A panic inside `write` unwinds through rusqlite's `Transaction`, which rolls back, so
    /// a poisoned writer is still consistent (the sync engine recovers it the same way).
    fn lock_writer(&self) -> MutexGuard<'_, Connection> {
        self.writer.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// r2d2's connection factory: every reader comes from `db::open_reader`.
#[derive(Debug)]
struct Readers {
    path: PathBuf,
}

impl r2d2::ManageConnection for Readers {
    type Connection = Connection;
    type Error = Error;

    fn connect(&self) -> Result<Connection> {
        db::open_reader(&self.path)
    }

    fn is_valid(&self, conn: &mut Connection) -> Result<()> {
        Ok(conn.execute_batch("")?)
    }

    fn has_broken(&self, _: &mut Connection) -> bool {
        false
    }
}

fn pool_error(e: r2d2::Error) -> Error {
    Error::Storage(format!("no read connection: {e}"))
}

/// Another process (the CLI: a sync, an edit, an import) committed to this file since the
/// last call. `PRAGMA data_version` on the writer changes only for commits made by *other*
/// connections, and this store's readers never write, so the app's own writes never count.
pub struct ExternalChanges {
    last: std::sync::atomic::AtomicI64,
}

impl ExternalChanges {
    pub fn new(store: &Store) -> Result<ExternalChanges> {
        Ok(ExternalChanges {
            last: std::sync::atomic::AtomicI64::new(data_version(store)?),
        })
    }

    /// Whether another process wrote since the previous call (or since `new`).
    pub fn poll(&self, store: &Store) -> Result<bool> {
        let now = data_version(store)?;
        let before = self.last.swap(now, std::sync::atomic::Ordering::SeqCst);
        Ok(now != before)
    }
}

fn data_version(store: &Store) -> Result<i64> {
    store.write(|c| Ok(c.query_row("PRAGMA data_version", [], |r| r.get(0))?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_another_connections_commit_is_an_external_change() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.db");
        let store = Store::open(&path).unwrap();
        let watch = ExternalChanges::new(&store).unwrap();
        assert!(!watch.poll(&store).unwrap(), "nothing happened yet");
        store
            .write(|c| Ok(c.execute_batch("INSERT INTO settings (key, value) VALUES ('a', '1')")?))
            .unwrap();
        assert!(
            !watch.poll(&store).unwrap(),
            "the app's own write is not external"
        );
        let other = crate::db::open(&path).unwrap();
        other
            .execute_batch("INSERT INTO settings (key, value) VALUES ('b', '2')")
            .unwrap();
        assert!(watch.poll(&store).unwrap(), "another connection committed");
        assert!(!watch.poll(&store).unwrap(), "reported once");
    }
}
