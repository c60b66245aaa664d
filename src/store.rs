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
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::Duration;

/// Readers for the desktop's concurrent queries (list, counts, stats, detail) with one to spare.
pub const DEFAULT_READERS: u32 = 3;

/// One writer (behind a mutex: SQLite allows one writer at a time anyway) and a pool of
/// read-only connections, all opened by `db`.
pub struct Store {
    // Dropped in this order: the checkpointer stops, then the readers close, so the writer
    // closes last and folds the WAL back into the file.
    _checkpointer: Checkpointer,
    readers: r2d2::Pool<Readers>,
    writer: Arc<Mutex<Connection>>,
    path: PathBuf,
    index: crate::book_index::BookIndex,
}

impl Store {
    /// Opens the file (creating and migrating it if needed) with [`DEFAULT_READERS`] readers.
    pub fn open(path: &Path) -> Result<Store> {
        Store::open_with_readers(path, DEFAULT_READERS)
    }

    /// As [`Store::open`] with `readers` read-only connections (1–16).
    pub fn open_with_readers(path: &Path, readers: u32) -> Result<Store> {
        Store::open_checking(path, readers, db::Check::Now).map(|(store, _)| store)
    }

    /// As [`Store::open`], leaving the file's `quick_check` to [`Store::finish_open`] when
    /// the flag is true: reads are served meanwhile, writes wait for it (the desktop's
    /// first list does not wait for a check of the whole file).
    pub fn open_deferring_check(path: &Path) -> Result<(Store, bool)> {
        Store::open_checking(path, DEFAULT_READERS, db::Check::Deferred)
    }

    /// The check a deferred open owes, on the writer (held throughout, so no write lands
    /// in a file not yet known sound); `damaged` when it fails.
    pub fn finish_open(&self) -> Result<()> {
        let mut writer = self.lock_writer();
        let checked = db::finish_deferred_open(&mut writer, &self.path);
        if let Err(crate::Error::Damaged(_)) = &checked {
            // A write already waiting for the writer (a sync started at launch) must not
            // land in a damaged file once the lock is released: every write now fails.
            writer.execute_batch("PRAGMA query_only = ON;")?;
        }
        checked
    }

    fn open_checking(path: &Path, readers: u32, check: db::Check) -> Result<(Store, bool)> {
        if !(1..=16).contains(&readers) {
            return Err(Error::invalid(format!(
                "a store needs 1 to 16 readers (got {readers})"
            )));
        }
        // The writer first: it checks the file, sets WAL and migrates, which readers cannot.
        let (writer, check_owed) = db::open_with(path, check)?;
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
        let writer = Arc::new(Mutex::new(writer));
        let mut wal = path.as_os_str().to_owned();
        wal.push("-wal");
        let store = Store {
            _checkpointer: Checkpointer::start(writer.clone(), wal.into())?,
            readers,
            writer,
            path: path.to_path_buf(),
            index: crate::book_index::BookIndex::new(),
        };
        Ok((store, check_owed))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The in-memory index of the list, kept current from the file by its readers.
    pub fn index(&self) -> &crate::book_index::BookIndex {
        &self.index
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
        lock(&self.writer)
    }
}

fn lock(writer: &Mutex<Connection>) -> MutexGuard<'_, Connection> {
    writer.lock().unwrap_or_else(|p| p.into_inner())
}

/// The WAL size past which the checkpointer steps in: four times the log SQLite's own
/// checkpoint keeps (1000 pages of 4 KiB) when nothing holds it.
const WAL_LIMIT_BYTES: u64 = 16 << 20;
const WAL_POLL: Duration = Duration::from_millis(200);

/// Keeps the WAL from growing while reads are always in flight. SQLite's autocheckpoint
/// (PASSIVE, after a commit) restarts the log only when no read holds it: in
/// `benches/reads_during_sync.rs`, with a read nearly always running, the log grew to the
/// database's size (451 MB). This thread tries TRUNCATE, on the writer between writes,
/// without waiting for reads (busy_timeout 0; the next poll tries again): there the WAL
/// peaked at 111 MB. Waiting instead (busy_timeout) held the writer for seconds per try
/// and made the sync twice as slow as with the reads on the writer; run from a wal hook,
/// inside the commit, the same checkpoint stalled commits for seconds.
struct Checkpointer {
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Checkpointer {
    fn start(writer: Arc<Mutex<Connection>>, wal: PathBuf) -> Result<Checkpointer> {
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = stop.clone();
        let thread = std::thread::Builder::new()
            .name("clientele-wal".into())
            .spawn(move || loop {
                std::thread::park_timeout(WAL_POLL);
                if stopped.load(Ordering::Relaxed) {
                    return;
                }
                if std::fs::metadata(&wal).map_or(0, |m| m.len()) > WAL_LIMIT_BYTES {
                    let conn = lock(&writer);
                    let _ = conn.busy_timeout(Duration::ZERO);
                    let busy = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
                        r.get::<_, i64>(0)
                    });
                    let _ = conn.busy_timeout(db::BUSY_TIMEOUT);
                    tracing::debug!("WAL over {WAL_LIMIT_BYTES} bytes; checkpoint busy: {busy:?}");
                }
            })?;
        Ok(Checkpointer {
            stop,
            thread: Some(thread),
        })
    }
}

impl Drop for Checkpointer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            t.thread().unpark();
            let _ = t.join();
        }
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
