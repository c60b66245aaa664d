//! One sync per database across processes: an OS advisory lock (flock / LockFileEx via
//! `fs4`) on `<db>.sync-lock`, taken by the CLI and the app alike. The OS drops it when
//! its holder exits or is killed, so a stale lock never blocks the next sync. The file is
//! never deleted: unlinking a locked file would let a second holder lock a new inode.

use crate::error::{Error, Result};
use fs4::{FileExt, TryLockError};
use std::fs::File;
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

/// Held for as long as a sync (or sign-in, sign-out) runs; released on drop.
#[derive(Debug)]
pub struct SyncLock {
    file: File,
    path: PathBuf,
}

impl SyncLock {
    /// `<db>.sync-lock` beside the database.
    pub fn path_for(db_path: &Path) -> PathBuf {
        let mut name = db_path.file_name().unwrap_or_default().to_os_string();
        name.push(".sync-lock");
        db_path.with_file_name(name)
    }

    /// Takes the lock at once or fails with `conflict` ("a sync is already running").
    pub fn acquire(db_path: &Path) -> Result<SyncLock> {
        let path = Self::path_for(db_path);
        let mut file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(|e| Error::Io(format!("cannot open {}: {e}", path.display())))?;
        // Through the trait: std's own `File::try_lock` is newer than this crate's MSRV.
        match FileExt::try_lock(&file) {
            Ok(()) => {}
            Err(TryLockError::Error(e)) => {
                return Err(Error::Io(format!("cannot lock {}: {e}", path.display())))
            }
            Err(TryLockError::WouldBlock) => {
                let mut holder = String::new();
                let _ = file.read_to_string(&mut holder);
                let holder = holder.trim();
                let by = if holder.is_empty() {
                    String::new()
                } else {
                    format!(" ({holder})")
                };
                return Err(Error::Conflict(format!(
                    "a sync is already running for this database{by}; wait for it to finish"
                )));
            }
        }
        // Who holds it, for the message another process shows; best effort.
        let _ = file.set_len(0).and_then(|_| file.rewind()).and_then(|_| {
            write!(
                file,
                "process {} since {}",
                std::process::id(),
                crate::model::fmt_ts(chrono::Utc::now())
            )
        });
        Ok(SyncLock { file, path })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for SyncLock {
    fn drop(&mut self) {
        let _ = self.file.set_len(0);
        let _ = FileExt::unlock(&self.file);
    }
}
