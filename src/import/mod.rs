use serde::Serialize;
use specta::Type;
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Type)]
pub struct InvalidRow {
    pub line: u64,
    pub message: String,
}
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Type)]
pub struct ImportReport {
    pub added: u32,
    pub matched: u32,
    pub unchanged: u32,
    pub invalid: Vec<InvalidRow>,
    pub ignored_columns: Vec<String>,
}
