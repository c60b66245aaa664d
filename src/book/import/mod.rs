//! Importing a client list (docs/rules.md §8): the parsed rows (`crate::import`) matched
//! against the book — by email key, else phone key, among cards not archived — and against
//! each other, then written in one transaction. A dry run plans the same way and writes
//! nothing.

mod plan;

use super::{store_profile, Adder};
use crate::error::{Error, Result};
use crate::import::{Column, ImportReport, ParsedFile};
use crate::model::{fmt_ts, Clock};
use crate::staging::{clear, stage};
use plan::{keys, plan, BookKeys, Plan};
use rusqlite::{Connection, Transaction};
use serde::Serialize;
use specta::Type;
use std::path::Path;

#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    pub dry_run: bool,
    pub skip_invalid: bool,
}

/// What happens to one row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum RowAction {
    Add,
    Match,
    Unchanged,
}

/// A row as the app's preview shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct PreviewRow {
    pub line: u64,
    pub first_name: String,
    pub last_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub city: Option<String>,
    pub tags: Vec<String>,
    pub action: RowAction,
}

/// The app's preview: the mapping, the first rows with what happens to each, the report.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct ImportPreview {
    pub file_name: String,
    pub columns: Vec<Column>,
    pub rows: Vec<PreviewRow>,
    pub report: ImportReport,
}

pub const PREVIEW_ROWS: usize = 200;

/// The file parsed and the book's keys, read side by side (each is a fifth of a second at
/// 100,000 rows, on a core each). A file that cannot be read or parsed is the error given.
fn read_with_keys(conn: &Connection, path: &Path) -> Result<(String, ParsedFile, BookKeys)> {
    std::thread::scope(|s| {
        let file = s.spawn(|| read(path));
        let book = keys(conn);
        let (name, parsed) = file
            .join()
            .unwrap_or_else(|_| Err(Error::Io(format!("reading {} failed", path.display()))))?;
        Ok((name, parsed, book?))
    })
}

fn read(path: &Path) -> Result<(String, ParsedFile)> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let bytes = std::fs::read(path)
        .map_err(|e| Error::Io(format!("cannot read {}: {e}", path.display())))?;
    let parsed = crate::import::parse(&name, &bytes)?;
    Ok((name, parsed))
}

/// The preview the app shows before importing (a dry run with the first rows).
pub fn preview(conn: &Connection, path: &Path) -> Result<ImportPreview> {
    let (file_name, parsed, book) = read_with_keys(conn, path)?;
    let mut p = plan(conn, book, &parsed.rows, parsed.invalid.clone())?;
    p.report.ignored_columns = parsed.ignored_columns();
    let rows = p
        .actions
        .iter()
        .take(PREVIEW_ROWS)
        .map(|&(i, action)| {
            let r = &parsed.rows[i];
            PreviewRow {
                line: r.line,
                first_name: r.first_name.clone(),
                last_name: r.last_name.clone(),
                email: r.email.clone(),
                phone: r.phone.clone(),
                city: r.city.clone(),
                tags: r.tags.clone(),
                action,
            }
        })
        .collect();
    Ok(ImportPreview {
        file_name,
        columns: parsed.columns,
        rows,
        report: p.report,
    })
}

/// Imports a client list (`import-customers`): all or nothing unless `skip_invalid`.
pub fn import_file(
    conn: &mut Connection,
    path: &Path,
    opts: Options,
    clock: &Clock,
) -> Result<ImportReport> {
    let tx = crate::db::write_tx(conn)?;
    let (file_name, parsed, book) = read_with_keys(&tx, path)?;
    let mut p = plan(&tx, book, &parsed.rows, parsed.invalid.clone())?;
    p.report.ignored_columns = parsed.ignored_columns();
    if opts.dry_run {
        return Ok(p.report);
    }
    if !p.report.invalid.is_empty() && !opts.skip_invalid {
        let lines: Vec<String> = p
            .report
            .invalid
            .iter()
            .map(|i| format!("line {}: {}", i.line, i.message))
            .collect();
        return Err(Error::invalid(format!(
            "{file_name}: {} invalid row{}, nothing imported (fix them, or import the valid rows only):\n{}",
            lines.len(),
            if lines.len() == 1 { "" } else { "s" },
            lines.join("\n")
        )));
    }
    write(&tx, &p, &file_name, clock)?;
    tx.commit()?;
    Ok(p.report)
}

fn write(tx: &Transaction<'_>, p: &Plan, file_name: &str, clock: &Clock) -> Result<()> {
    let now = fmt_ts(clock.now);
    let mut adder = Adder::new(tx)?;
    for (c, line) in &p.new {
        adder
            .add(c)
            .map_err(|e| Error::invalid(format!("{file_name} line {line}: {e}")))?;
    }
    adder.finish(tx, &now, ("imported", file_name))?;
    let mut ids: Vec<i64> = p
        .cards
        .iter()
        .filter(|(_, c)| c.changed)
        .map(|(id, _)| *id)
        .collect();
    ids.sort_unstable();
    // The matched cards' notes and tags in one statement each (the import changes no flag).
    let mut tags = Vec::new();
    for id in &ids {
        let card = &p.cards[id];
        if card.local && card.profile != card.profile_before {
            store_profile(tx, *id, &card.profile)?;
        }
        if *id > 0 && card.rel.notes != card.notes_before {
            crate::outbox::enqueue(
                tx,
                *id,
                crate::outbox::OutboxField::Notes,
                &card.rel.notes.clone().into(),
                &now,
            )?;
        }
        let appended = &card.rel.tags[card.tags_before..];
        let at = card.next_position;
        tags.extend(
            appended
                .iter()
                .enumerate()
                .map(|(k, t)| (*id, at + k, t.as_str())),
        );
    }
    let notes = ids.iter().map(|id| (*id, &p.cards[id].rel.notes));
    stage(tx, "matched", "id INTEGER PRIMARY KEY, notes", notes)?;
    tx.prepare_cached(
        "INSERT INTO relations (customer_id, notes, updated_at)
         SELECT id, notes, ?1 FROM temp.matched WHERE true
         ON CONFLICT (customer_id) DO UPDATE SET
            notes = excluded.notes, updated_at = excluded.updated_at",
    )?
    .execute([&now])?;
    crate::tags::insert_many(tx, tags)?;
    crate::relations::record_edits(tx, "matched", &now, "import_matched", file_name)?;
    clear(tx, "matched")
}
