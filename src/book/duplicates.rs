//! Likely duplicates (docs/rules.md §9): two cards in the book (not archived, not merged
//! away) with the same email key, or the same phone key, or the same full name and the same
//! non-empty city. Groups are the connected sets of such pairs.

use crate::error::Result;
use crate::search::{email_key, fold, name_key, phone_key};
use rusqlite::Connection;
use rustc_hash::FxHashMap;
use serde::Serialize;
use specta::Type;
use std::collections::{BTreeMap, HashSet};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct DuplicateGroup {
    /// Platform customers first, then own ones; each by id.
    pub customer_ids: Vec<i64>,
    /// Why they are grouped, e.g. `same phone 9807581814`.
    pub reasons: Vec<String>,
}

/// Union–find over row indexes.
struct Groups(Vec<usize>);

impl Groups {
    fn root(&mut self, mut i: usize) -> usize {
        while self.0[i] != i {
            self.0[i] = self.0[self.0[i]];
            i = self.0[i];
        }
        i
    }

    fn join(&mut self, a: usize, b: usize) {
        let (a, b) = (self.root(a), self.root(b));
        if a != b {
            self.0[a.max(b)] = a.min(b);
        }
    }
}

/// A card's row as read, before its keys are worked out.
struct Card {
    id: i64,
    first: String,
    last: String,
    email: String,
    phone: Option<String>,
    city: Option<String>,
}

/// A card's three match keys (email, phone, "name, city"); empty where it has none.
fn keys_of(c: &Card) -> [String; 3] {
    let city = fold(c.city.as_deref().unwrap_or("").trim());
    let name = name_key(&c.first, &c.last);
    let name_city = match city.is_empty() || name.is_empty() {
        true => String::new(),
        false => format!("{name}, {city}"),
    };
    [
        email_key(&c.email),
        c.phone.as_deref().map(phone_key).unwrap_or_default(),
        name_city,
    ]
}

pub fn find(conn: &Connection) -> Result<Vec<DuplicateGroup>> {
    // In id order through both tables (CROSS JOIN keeps `customers` outer): SQLite otherwise
    // walked a summary index and probed `customers` in random order, 185 → 65 ms of CPU at
    // 100,000 customers.
    let mut st = conn.prepare(
        "SELECT c.id, c.first_name, c.last_name, c.email, c.phone, c.city
           FROM customers c CROSS JOIN customer_summary s ON s.customer_id = c.id
          WHERE s.status <> 'archived'",
    )?;
    let cards = st
        .query_map([], |r| {
            Ok(Card {
                id: r.get(0)?,
                first: r.get(1)?,
                last: r.get(2)?,
                email: r.get(3)?,
                phone: r.get(4)?,
                city: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    // Folding 100,000 names and cities is most of the work: on every core.
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = cards.len().div_ceil(threads).max(1);
    let keys: Vec<[String; 3]> = std::thread::scope(|scope| {
        let parts: Vec<_> = cards
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(keys_of).collect::<Vec<_>>()))
            .collect();
        parts
            .into_iter()
            .flat_map(|p| p.join().expect("key folding does not panic"))
            .collect()
    });
    let ids: Vec<i64> = cards.iter().map(|c| c.id).collect();
    drop(cards);
    // (kind, key) → first row index with it; a repeat joins the two and records a reason.
    // Fx: short keys hashed 300,000 times; SipHash's flooding resistance buys nothing here.
    let mut first_with: FxHashMap<(usize, &str), (usize, bool)> = FxHashMap::default();
    first_with.reserve(keys.len() * 2);
    let mut reasons: Vec<(usize, String)> = Vec::new();
    let mut groups = Groups((0..ids.len()).collect());
    for (i, row) in keys.iter().enumerate() {
        for (kind, key) in row.iter().enumerate().filter(|(_, k)| !k.is_empty()) {
            match first_with.get_mut(&(kind, key.as_str())) {
                Some((j, reported)) => {
                    groups.join(i, *j);
                    if !*reported {
                        *reported = true;
                        let what = ["email", "phone", "name and city"][kind];
                        reasons.push((i, format!("same {what} {key}")));
                    }
                }
                None => {
                    first_with.insert((kind, key), (i, false));
                }
            }
        }
    }
    let mut by_root: BTreeMap<usize, DuplicateGroup> = BTreeMap::new();
    // A reason repeats once per further card with the same key; keep its first mention.
    let mut given: HashSet<(usize, String)> = HashSet::new();
    for (i, reason) in reasons {
        let root = groups.root(i);
        let g = by_root.entry(root).or_insert(DuplicateGroup {
            customer_ids: vec![],
            reasons: vec![],
        });
        if given.insert((root, reason.clone())) {
            g.reasons.push(reason);
        }
    }
    for (i, id) in ids.iter().enumerate() {
        let root = groups.root(i);
        if let Some(g) = by_root.get_mut(&root) {
            g.customer_ids.push(*id);
        }
    }
    let mut out: Vec<DuplicateGroup> = by_root.into_values().collect();
    for g in &mut out {
        // Platform cards (positive ids) first: they are the ones a merge keeps.
        g.customer_ids.sort_by_key(|&id| (id < 0, id.abs()));
    }
    out.sort_by(|a, b| {
        b.customer_ids
            .len()
            .cmp(&a.customer_ids.len())
            .then(a.customer_ids.cmp(&b.customer_ids))
    });
    Ok(out)
}
