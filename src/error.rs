//! One error type for the whole core, with stable codes the UI and CLI branch on.

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    InvalidInput(String),
    #[error("{0}")]
    Conflict(String),
    #[error("database error: {0}")]
    Storage(String),
    #[error("{0}")]
    Io(String),
    #[error("{0}")]
    Offline(String),
    #[error("{0}")]
    Unauthorized(String),
    /// Signed in fine, but the account may not do this (a customer account, not a provider).
    #[error("{0}")]
    Forbidden(String),
    #[error("{message}")]
    RateLimited {
        message: String,
        retry_after_secs: u64,
    },
    #[error("{0}")]
    Server(String),
    #[error("{0}")]
    Malformed(String),
    #[error("{0}")]
    Cancelled(String),
    /// The database file is damaged: `PRAGMA quick_check` failed, or SQLite reports it
    /// malformed or not a database although it starts like one.
    #[error("{0}")]
    Damaged(String),
    /// Not a Clientele database: another application's SQLite file, or not SQLite at all.
    #[error("{0}")]
    Foreign(String),
    /// The database's folder does not exist (an explicit path is never created silently).
    #[error("{0}")]
    DbFolderMissing(String),
    /// The file (or its folder) is read-only: SQLITE_READONLY, or a write-protected file.
    #[error("{0}")]
    ReadOnly(String),
    /// The disk (or the database's size limit) is full: SQLITE_FULL.
    #[error("{0}")]
    DiskFull(String),
}

impl Error {
    /// The stable, machine-readable code; never change an existing one.
    pub fn error_code(&self) -> ErrorCode {
        match self {
            Error::NotFound(_) => ErrorCode::NotFound,
            Error::InvalidInput(_) => ErrorCode::InvalidInput,
            Error::Conflict(_) => ErrorCode::Conflict,
            Error::Storage(_) => ErrorCode::Storage,
            Error::Io(_) => ErrorCode::Io,
            Error::Offline(_) => ErrorCode::Offline,
            Error::Unauthorized(_) => ErrorCode::Unauthorized,
            Error::Forbidden(_) => ErrorCode::Forbidden,
            Error::RateLimited { .. } => ErrorCode::RateLimited,
            Error::Server(_) => ErrorCode::Server,
            Error::Malformed(_) => ErrorCode::Malformed,
            Error::Cancelled(_) => ErrorCode::Cancelled,
            Error::Damaged(_) => ErrorCode::Damaged,
            Error::Foreign(_) => ErrorCode::Foreign,
            Error::DbFolderMissing(_) => ErrorCode::DbFolderMissing,
            Error::ReadOnly(_) => ErrorCode::ReadOnly,
            Error::DiskFull(_) => ErrorCode::DiskFull,
        }
    }

    /// [`Error::error_code`] as the string the UI and the CLI's JSON carry.
    pub fn code(&self) -> &'static str {
        self.error_code().as_str()
    }

    pub fn invalid(msg: impl Into<String>) -> Self {
        Error::InvalidInput(msg.into())
    }

    pub fn not_found(msg: impl Into<String>) -> Self {
        Error::NotFound(msg.into())
    }
}

impl Serialize for Error {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Error", 2)?;
        st.serialize_field("code", self.code())?;
        st.serialize_field("message", &self.to_string())?;
        st.end()
    }
}

/// The stable error codes; the UI branches on them (a string union in TypeScript).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    NotFound,
    InvalidInput,
    Conflict,
    Storage,
    Io,
    Offline,
    Unauthorized,
    Forbidden,
    RateLimited,
    Server,
    Malformed,
    Cancelled,
    Damaged,
    Foreign,
    DbFolderMissing,
    ReadOnly,
    DiskFull,
}

impl ErrorCode {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::NotFound => "not_found",
            ErrorCode::InvalidInput => "invalid_input",
            ErrorCode::Conflict => "conflict",
            ErrorCode::Storage => "storage",
            ErrorCode::Io => "io",
            ErrorCode::Offline => "offline",
            ErrorCode::Unauthorized => "unauthorized",
            ErrorCode::Forbidden => "forbidden",
            ErrorCode::RateLimited => "rate_limited",
            ErrorCode::Server => "server",
            ErrorCode::Malformed => "malformed",
            ErrorCode::Cancelled => "cancelled",
            ErrorCode::Damaged => "damaged",
            ErrorCode::Foreign => "foreign",
            ErrorCode::DbFolderMissing => "db_folder_missing",
            ErrorCode::ReadOnly => "read_only",
            ErrorCode::DiskFull => "disk_full",
        }
    }
}

/// The serialised shape of [`Error`], for the generated TypeScript bindings.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize, specta::Type)]
pub struct ErrorPayload {
    pub code: ErrorCode,
    pub message: String,
}

impl From<&Error> for ErrorPayload {
    fn from(e: &Error) -> Self {
        ErrorPayload {
            code: e.error_code(),
            message: e.to_string(),
        }
    }
}

/// SQLite's own error codes for a read-only file, a full disk and a damaged file become
/// their own codes, so the UI and the CLI can say what happened; the rest is `storage`.
impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode as Sqlite;
        match e.sqlite_error_code() {
            Some(Sqlite::ReadOnly) => {
                Error::ReadOnly(format!("the database is read-only, nothing was saved: {e}"))
            }
            Some(Sqlite::DiskFull) => Error::DiskFull(format!(
                "the disk is full, nothing was saved (free some space and try again): {e}"
            )),
            Some(Sqlite::DatabaseCorrupt | Sqlite::NotADatabase) => {
                Error::Damaged(format!("the database file is damaged: {e}"))
            }
            _ => Error::Storage(e.to_string()),
        }
    }
}

impl From<refinery::Error> for Error {
    fn from(e: refinery::Error) -> Self {
        // A migration that hit a full disk or a read-only file says so, like any write.
        let sqlite = std::error::Error::source(&e)
            .and_then(|s| s.downcast_ref::<rusqlite::Error>())
            .map(|s| s.sqlite_error_code());
        match sqlite {
            Some(Some(rusqlite::ErrorCode::DiskFull)) => Error::DiskFull(format!(
                "the disk is full; the migration was rolled back: {e}"
            )),
            Some(Some(rusqlite::ErrorCode::ReadOnly)) => Error::ReadOnly(format!(
                "the database is read-only; it was not migrated: {e}"
            )),
            _ => Error::Storage(format!("migration failed: {e}")),
        }
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::Io(e.to_string())
    }
}

impl From<csv::Error> for Error {
    fn from(e: csv::Error) -> Self {
        Error::Io(format!("CSV write failed: {e}"))
    }
}

impl From<rust_xlsxwriter::XlsxError> for Error {
    fn from(e: rust_xlsxwriter::XlsxError) -> Self {
        Error::Io(format!("Excel write failed: {e}"))
    }
}

/// Commands return `Result<T, Error>`; at the boundary an `Error` is an [`ErrorPayload`].
impl specta::Type for Error {
    fn definition(types: &mut specta::Types) -> specta::datatype::DataType {
        ErrorPayload::definition(types)
    }
}
