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

pub fn find(conn: &Connection) -> Result<Vec<DuplicateGroup>> {
    let mut st = conn.prepare(
        "SELECT c.id, c.first_name, c.last_name, c.email, c.phone, c.city
           FROM customer_summary s JOIN customers c ON c.id = s.customer_id
          WHERE s.status <> 'archived'",
    )?;
    let mut ids = Vec::new();
    // (kind, key) → first row index with it; a repeat joins the two and records a reason.
    // Fx: short keys hashed 300,000 times; SipHash's flooding resistance buys nothing here.
    let mut first_with: FxHashMap<(u8, String), (usize, bool)> = FxHashMap::default();
    let mut reasons: Vec<(usize, String)> = Vec::new();
    let mut groups = Groups(Vec::new());
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        let i = ids.len();
        ids.push(r.get::<_, i64>(0)?);
        groups.0.push(i);
        let (first, last): (String, String) = (r.get(1)?, r.get(2)?);
        let email = email_key(&r.get::<_, String>(3)?);
        let phone = r
            .get::<_, Option<String>>(4)?
            .map(|p| phone_key(&p))
            .unwrap_or_default();
        let city = fold(r.get::<_, Option<String>>(5)?.unwrap_or_default().trim());
        let name = name_key(&first, &last);
        let mut keys = Vec::with_capacity(3);
        if !email.is_empty() {
            keys.push((0u8, email));
        }
        if !phone.is_empty() {
            keys.push((1, phone));
        }
        if !city.is_empty() && !name.is_empty() {
            keys.push((2, format!("{name}, {city}")));
        }
        for key in keys {
            match first_with.get_mut(&key) {
                Some((j, reported)) => {
                    groups.join(i, *j);
                    if !*reported {
                        *reported = true;
                        let what = ["email", "phone", "name and city"][key.0 as usize];
                        reasons.push((i, format!("same {what} {}", key.1)));
                    }
                }
                None => {
                    first_with.insert(key, (i, false));
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
