//! Importing a client list (docs/rules.md §8): the parsed rows (`crate::import`) matched
//! against the book — by email key, else phone key, among cards not archived — and against
//! each other, then written in one transaction. A dry run plans the same way and writes
//! nothing.

use super::{profile_of, store_profile, Adder, NewCustomer, Profile};
use crate::error::{Error, Result};
use crate::import::{Column, ImportReport, ImportRow, InvalidRow};
use crate::model::{fmt_ts, Clock};
use crate::relations::{load_any, record_edit, store, Relation, MAX_TAGS};
use crate::search::{email_key, phone_key};
use rusqlite::{Connection, Transaction};
use serde::Serialize;
use specta::Type;
use std::collections::HashMap;
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

/// The target of a row: a card in the book, or the n-th customer this file adds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Target {
    Card(i64),
    New(usize),
}

/// A card's current data as the import sees and changes it.
struct Card {
    local: bool,
    profile: Profile,
    rel: Relation,
    changed: bool,
    /// The notes before the import: a platform card's notes are pushed only if they changed.
    notes_before: String,
}

/// The import worked out over the book: per row its action, then what to write.
struct Plan {
    actions: Vec<(usize, RowAction)>,
    report: ImportReport,
    cards: HashMap<i64, Card>,
    new: Vec<(NewCustomer, u64)>,
}

/// Email and phone keys of every card in the book (a merged customer's keys lead to its
/// card; archived cards match nothing).
fn keys(conn: &Connection) -> Result<(HashMap<String, i64>, HashMap<String, i64>)> {
    let mut st = conn.prepare(
        "SELECT coalesce(c.card_id, c.id), c.email, c.phone FROM customers c
           JOIN customer_summary s ON s.customer_id = coalesce(c.card_id, c.id)
          WHERE s.status <> 'archived' ORDER BY c.card_id IS NOT NULL, c.id",
    )?;
    let (mut emails, mut phones) = (HashMap::new(), HashMap::new());
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        let card: i64 = r.get(0)?;
        let email = email_key(&r.get::<_, String>(1)?);
        if !email.is_empty() {
            emails.entry(email).or_insert(card);
        }
        if let Some(p) = r.get::<_, Option<String>>(2)?.map(|p| phone_key(&p)) {
            if !p.is_empty() {
                phones.entry(p).or_insert(card);
            }
        }
    }
    Ok((emails, phones))
}

/// Folds a row into a card's data; true when that changed something.
fn fold_into(
    local: bool,
    profile: &mut Profile,
    rel: &mut Relation,
    row: &ImportRow,
) -> std::result::Result<bool, String> {
    let mut changed = false;
    let tags = crate::tags::edited(&rel.tags, &row.tags, &[])
        .map_err(|_| format!("would give this customer more than {MAX_TAGS} tags"))?;
    if tags != rel.tags {
        rel.tags = tags;
        changed = true;
    }
    if let Some(n) = row.notes.as_deref() {
        if !rel.notes.contains(n) {
            rel.notes = match rel.notes.trim() {
                "" => n.to_string(),
                _ => format!("{}\n\n{n}", rel.notes.trim_end()),
            };
            changed = true;
        }
    }
    if local {
        let mut fill = |slot: &mut String, v: &str| {
            if slot.is_empty() && !v.is_empty() {
                *slot = v.to_string();
                changed = true;
            }
        };
        fill(&mut profile.last_name, &row.last_name);
        fill(&mut profile.email, row.email.as_deref().unwrap_or(""));
        for (slot, v) in [
            (&mut profile.phone, &row.phone),
            (&mut profile.city, &row.city),
        ] {
            if slot.is_none() && v.is_some() {
                *slot = v.clone();
                changed = true;
            }
        }
    }
    Ok(changed)
}

fn plan(conn: &Connection, rows: &[ImportRow], invalid: Vec<InvalidRow>) -> Result<Plan> {
    let (emails, phones) = keys(conn)?;
    let mut plan = Plan {
        actions: Vec::with_capacity(rows.len()),
        report: ImportReport {
            invalid,
            ..Default::default()
        },
        cards: HashMap::new(),
        new: Vec::new(),
    };
    // Keys of the customers this file adds, so later rows match them too.
    let (mut new_emails, mut new_phones): (HashMap<String, usize>, HashMap<String, usize>) =
        Default::default();
    for (i, row) in rows.iter().enumerate() {
        let email = row
            .email
            .as_deref()
            .map(email_key)
            .filter(|e| !e.is_empty());
        let phone = row
            .phone
            .as_deref()
            .map(phone_key)
            .filter(|p| !p.is_empty());
        let target = email
            .as_ref()
            .and_then(|e| {
                emails
                    .get(e)
                    .map(|c| Target::Card(*c))
                    .or(new_emails.get(e).map(|n| Target::New(*n)))
            })
            .or_else(|| {
                phone.as_ref().and_then(|p| {
                    phones
                        .get(p)
                        .map(|c| Target::Card(*c))
                        .or(new_phones.get(p).map(|n| Target::New(*n)))
                })
            });
        let outcome = match target {
            Some(Target::Card(id)) => {
                let card = match plan.cards.entry(id) {
                    std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
                    std::collections::hash_map::Entry::Vacant(e) => {
                        let rel = load_any(conn, id)?;
                        e.insert(Card {
                            local: id < 0,
                            profile: profile_of(conn, id)?,
                            notes_before: rel.notes.clone(),
                            rel,
                            changed: false,
                        })
                    }
                };
                fold_into(card.local, &mut card.profile, &mut card.rel, row).map(|changed| {
                    card.changed |= changed;
                    if changed {
                        RowAction::Match
                    } else {
                        RowAction::Unchanged
                    }
                })
            }
            Some(Target::New(n)) => {
                let (c, _) = &mut plan.new[n];
                let (mut profile, mut rel) = (
                    c.profile(),
                    Relation {
                        notes: c.notes.clone().unwrap_or_default(),
                        tags: c.tags.clone(),
                        ..Default::default()
                    },
                );
                fold_into(true, &mut profile, &mut rel, row).map(|changed| {
                    *c = NewCustomer {
                        first_name: profile.first_name,
                        last_name: Some(profile.last_name),
                        email: Some(profile.email),
                        phone: profile.phone,
                        city: profile.city,
                        notes: Some(rel.notes),
                        tags: rel.tags,
                    };
                    if changed {
                        RowAction::Match
                    } else {
                        RowAction::Unchanged
                    }
                })
            }
            None => {
                let n = plan.new.len();
                plan.new.push((
                    NewCustomer {
                        first_name: row.first_name.clone(),
                        last_name: Some(row.last_name.clone()),
                        email: row.email.clone(),
                        phone: row.phone.clone(),
                        city: row.city.clone(),
                        notes: row.notes.clone(),
                        tags: row.tags.clone(),
                    },
                    row.line,
                ));
                if let Some(e) = email {
                    new_emails.entry(e).or_insert(n);
                }
                if let Some(p) = phone {
                    new_phones.entry(p).or_insert(n);
                }
                Ok(RowAction::Add)
            }
        };
        match outcome {
            Ok(action) => {
                match action {
                    RowAction::Add => plan.report.added += 1,
                    RowAction::Match => plan.report.matched += 1,
                    RowAction::Unchanged => plan.report.unchanged += 1,
                }
                plan.actions.push((i, action));
            }
            Err(message) => plan.report.invalid.push(InvalidRow {
                line: row.line,
                message,
            }),
        }
    }
    plan.report.invalid.sort_by_key(|i| i.line);
    Ok(plan)
}

fn read(path: &Path) -> Result<(String, crate::import::ParsedFile)> {
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
    let (file_name, parsed) = read(path)?;
    let mut p = plan(conn, &parsed.rows, parsed.invalid.clone())?;
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
    let (file_name, parsed) = read(path)?;
    let tx = crate::db::write_tx(conn)?;
    let mut p = plan(&tx, &parsed.rows, parsed.invalid.clone())?;
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
            .add(tx, c, &now, ("imported", file_name))
            .map_err(|e| Error::invalid(format!("{file_name} line {line}: {e}")))?;
    }
    adder.finish(tx)?;
    let mut ids: Vec<&i64> = p
        .cards
        .iter()
        .filter(|(_, c)| c.changed)
        .map(|(id, _)| id)
        .collect();
    ids.sort();
    for id in ids {
        let card = &p.cards[id];
        if card.local {
            store_profile(tx, *id, &card.profile)?;
        }
        store(tx, *id, &card.rel, &now)?;
        if *id > 0 && card.rel.notes != card.notes_before {
            crate::outbox::enqueue(
                tx,
                *id,
                crate::outbox::OutboxField::Notes,
                &card.rel.notes.clone().into(),
                &now,
            )?;
        }
        record_edit(tx, *id, &now, "import_matched", file_name)?;
    }
    Ok(())
}
