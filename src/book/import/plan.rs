//! Planning an import over the book (docs/rules.md §8): each row's target (a card, by
//! email key then phone key, or a customer this file adds) and what folding the row in
//! changes; nothing is written here.

use super::RowAction;
use crate::book::{NewCustomer, Profile};
use crate::error::{Error, Result};
use crate::import::{ImportReport, ImportRow, InvalidRow};
use crate::relations::{Relation, MAX_TAGS};
use crate::search::{email_key, phone_key};
use rusqlite::Connection;
use rustc_hash::FxHashMap;

/// The target of a row: a card in the book, or the n-th customer this file adds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Target {
    Card(i64),
    New(usize),
}

/// A card's current data as the import sees and changes it.
pub(super) struct Card {
    pub(super) local: bool,
    pub(super) profile: Profile,
    pub(super) rel: Relation,
    pub(super) changed: bool,
    /// The profile before the import: rewritten (and re-derived) only if it changed.
    pub(super) profile_before: Profile,
    /// The notes before the import: a platform card's notes are pushed only if they changed.
    pub(super) notes_before: String,
    /// How many tags the card had: the import only appends (`tags::edited`).
    pub(super) tags_before: usize,
    /// The position after the card's last tag, where appended tags go.
    pub(super) next_position: usize,
}

/// The cards with these ids as the import sees them, read in two statements (a query per
/// matched card was a third of the planning).
fn load_cards(conn: &Connection, ids: &[i64]) -> Result<FxHashMap<i64, Card>> {
    let mut cards = FxHashMap::with_capacity_and_hasher(ids.len(), Default::default());
    let ids = serde_json::Value::from(ids.to_vec()).to_string();
    let mut st = conn.prepare(
        "SELECT c.id, c.first_name, c.last_name, c.email, c.phone, c.city,
                r.is_favorite, r.is_blocked, r.blocked_reason, r.notes
           FROM customers c LEFT JOIN relations r ON r.customer_id = c.id
          WHERE c.id IN (SELECT value FROM json_each(?1))",
    )?;
    let mut rows = st.query([&ids])?;
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        let profile = Profile {
            first_name: r.get(1)?,
            last_name: r.get(2)?,
            email: r.get(3)?,
            phone: r.get(4)?,
            city: r.get(5)?,
        };
        let rel = Relation {
            is_favorite: r.get::<_, Option<bool>>(6)?.unwrap_or_default(),
            is_blocked: r.get::<_, Option<bool>>(7)?.unwrap_or_default(),
            blocked_reason: r.get(8)?,
            notes: r.get::<_, Option<String>>(9)?.unwrap_or_default(),
            tags: Vec::new(),
        };
        let card = Card {
            local: id < 0,
            profile_before: profile.clone(),
            profile,
            notes_before: rel.notes.clone(),
            rel,
            changed: false,
            tags_before: 0,
            next_position: 0,
        };
        cards.insert(id, card);
    }
    let mut st = conn.prepare(
        "SELECT customer_id, tag, position FROM customer_tags
          WHERE customer_id IN (SELECT value FROM json_each(?1)) ORDER BY customer_id, position",
    )?;
    let mut rows = st.query([&ids])?;
    while let Some(r) = rows.next()? {
        if let Some(card) = cards.get_mut(&r.get::<_, i64>(0)?) {
            card.rel.tags.push(r.get(1)?);
            card.tags_before += 1;
            card.next_position = card.next_position.max(r.get::<_, usize>(2)? + 1);
        }
    }
    Ok(cards)
}

/// The import worked out over the book: per row its action, then what to write.
pub(super) struct Plan {
    pub(super) actions: Vec<(usize, RowAction)>,
    pub(super) report: ImportReport,
    pub(super) cards: FxHashMap<i64, Card>,
    pub(super) new: Vec<(NewCustomer, u64)>,
}

/// Email and phone keys of the book's cards: (by email, by phone).
pub(super) type BookKeys = (FxHashMap<String, i64>, FxHashMap<String, i64>);

/// Email and phone keys of every card in the book (a merged customer's keys lead to its
/// card, a card's own keys first, then by id; archived cards match nothing).
pub(super) fn keys(conn: &Connection) -> Result<BookKeys> {
    let mut st = conn.prepare(
        "SELECT coalesce(c.card_id, c.id), c.card_id IS NOT NULL, c.id, c.email, c.phone
           FROM customers c JOIN customer_summary s ON s.customer_id = coalesce(c.card_id, c.id)
          WHERE s.status <> 'archived'",
    )?;
    // Which row a key came from, to keep the first in (merged, id) order without a sort.
    type Keyed = FxHashMap<String, (i64, (bool, i64))>;
    let n: usize = conn.query_row("SELECT count(*) FROM customers", [], |r| r.get(0))?;
    let sized = || Keyed::with_capacity_and_hasher(n, Default::default());
    let (mut emails, mut phones) = (sized(), sized());
    let keep = |map: &mut Keyed, key: String, card: i64, rank: (bool, i64)| {
        if key.is_empty() {
            return;
        }
        let slot = map.entry(key).or_insert((card, rank));
        if rank < slot.1 {
            *slot = (card, rank);
        }
    };
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        let (card, rank) = (r.get(0)?, (r.get(1)?, r.get(2)?));
        let text = |i| r.get_ref(i).map(|v| v.as_str().ok());
        keep(&mut emails, email_key(text(3)?.unwrap_or("")), card, rank);
        if let Some(p) = text(4)? {
            keep(&mut phones, phone_key(p), card, rank);
        }
    }
    let cards = |m: Keyed| m.into_iter().map(|(k, (card, _))| (k, card)).collect();
    Ok((cards(emails), cards(phones)))
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

/// A row's email and phone keys, empty ones left out.
fn row_keys(row: &ImportRow) -> (Option<String>, Option<String>) {
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
    (email, phone)
}

pub(super) fn plan(
    conn: &Connection,
    (emails, phones): BookKeys,
    rows: &[ImportRow],
    invalid: Vec<InvalidRow>,
) -> Result<Plan> {
    let keys_of: Vec<_> = rows.iter().map(row_keys).collect();
    // Every card a row may match, read at once (a row matching a customer this file adds
    // first leaves its card unread-from but harmless).
    let mut candidates: Vec<i64> = keys_of
        .iter()
        .filter_map(|(e, p)| {
            let by_email = e.as_ref().and_then(|e| emails.get(e));
            by_email
                .or_else(|| p.as_ref().and_then(|p| phones.get(p)))
                .copied()
        })
        .collect();
    candidates.sort_unstable();
    candidates.dedup();
    let mut plan = Plan {
        actions: Vec::with_capacity(rows.len()),
        report: ImportReport {
            invalid,
            ..Default::default()
        },
        cards: load_cards(conn, &candidates)?,
        new: Vec::new(),
    };
    // Keys of the customers this file adds, so later rows match them too.
    let sized =
        || FxHashMap::<String, usize>::with_capacity_and_hasher(rows.len(), Default::default());
    let (mut new_emails, mut new_phones) = (sized(), sized());
    for ((i, row), (email, phone)) in rows.iter().enumerate().zip(keys_of) {
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
                let card = plan
                    .cards
                    .get_mut(&id)
                    .ok_or_else(|| Error::not_found(format!("no customer with id {id}")))?;
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
