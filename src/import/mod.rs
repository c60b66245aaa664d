//! Reading a client list (docs/rules.md §8): the CSV's columns mapped to fields, each row
//! checked. No database here; `book::import` matches the rows against the book and writes.

mod headers;
mod parse;

pub use headers::{field_of, Field};
pub use parse::{parse, unneutralise};

use serde::Serialize;
use specta::Type;

/// A header as written in the file and the field it maps to (`None`: ignored).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Column {
    pub header: String,
    pub field: Option<Field>,
}

/// One valid row, trimmed, with its line in the file (the header is line 1).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportRow {
    pub line: u64,
    pub first_name: String,
    pub last_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub city: Option<String>,
    pub notes: Option<String>,
    pub tags: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct InvalidRow {
    pub line: u64,
    pub message: String,
}

/// A parsed file: its columns, the valid rows and the invalid ones.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParsedFile {
    pub columns: Vec<Column>,
    pub rows: Vec<ImportRow>,
    pub invalid: Vec<InvalidRow>,
}

impl ParsedFile {
    /// Headers no field matched, as written.
    pub fn ignored_columns(&self) -> Vec<String> {
        self.columns
            .iter()
            .filter(|c| c.field.is_none() && !c.header.trim().is_empty())
            .map(|c| c.header.clone())
            .collect()
    }
}

/// What an import did (or, on a dry run, would do).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Type)]
pub struct ImportReport {
    /// Customers added.
    pub added: u32,
    /// Rows that changed an existing customer.
    pub matched: u32,
    /// Rows that matched and changed nothing.
    pub unchanged: u32,
    pub invalid: Vec<InvalidRow>,
    pub ignored_columns: Vec<String>,
}
