//! The book index: the list's columns of every card, held in memory by the desktop app so
//! a search, tag, status or segment filter with its chip counts is one pass over 100,000
//! entries instead of a query that counts every match per status (docs/architecture.md,
//! "The book index"). SQLite stays the truth: the index catches up from the
//! `summary_changes` feed (migration V11) inside the caller's read transaction, so what it
//! answers is exactly that snapshot, and the rows themselves are read from SQLite.
//!
//! `customers::list` and `segments::counts` remain the one-shot path (the CLI, which would
//! spend longer loading the index than answering); `tests/store/book_index.rs` asserts
//! both paths agree.

mod query;
mod sort_text;

use crate::error::Result;
use crate::model::CustomerStatus;
use chrono::NaiveDate;
use rusqlite::Connection;
use sort_text::SortText;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard};

/// Past this many changed cards a full reload is cheaper than one lookup each.
const RELOAD_AFTER: usize = 20_000;

/// One card's list columns (`customer_summary`), as the filters and sorts read them; its
/// search text is in [`Texts`]. Kept small, 100,000 of them live all day in the app
/// (docs/architecture.md, "Memory"): no field allocates but `tags` (sort texts keep their
/// bytes inline, see [`SortText`]).
#[derive(Debug, Clone)]
struct Entry {
    id: i64,
    status: CustomerStatus,
    sort_name: SortText,
    total_bookings: u32,
    total_spent: i64,
    rating_x100: Option<i64>,
    rating_asc_key: i64,
    last_booking_at: SortText,
    has_visit: bool,
    review_count: u32,
    visit_dated_on: Option<NaiveDate>,
    due_jd: Option<f64>,
    risk_jd: Option<f64>,
    next_open_on: Option<NaiveDate>,
    cancel_prone: bool,
    /// For the cohort chart: the first booking (stored timestamp, empty for none).
    first_booking_at: SortText,
    rebooked_90: bool,
    /// Where its search text is in [`State::texts`] (its own position, but while a
    /// catch-up moves entries).
    text: u32,
    /// Interned tag keys (see [`State::tag_ids`]).
    tags: Vec<u32>,
}

#[derive(Default)]
struct State {
    /// The last `summary_changes.seq` folded in.
    seq: i64,
    entries: Vec<Entry>,
    at: HashMap<i64, usize>,
    tag_ids: HashMap<Box<str>, u32>,
    /// Every entry's search text, in entry order.
    texts: Texts,
}

/// The search texts end to end, each followed by a NUL (which no term contains, so no
/// match spans two cards): one SIMD scan of ~6 MB per term beats 100,000 short scans,
/// whose per-call setup alone took ~5 ms. The only copy of the texts: a `Box<str>` per
/// entry beside it cost 100,000 allocations and ~9 MB.
#[derive(Default)]
struct Texts {
    buffer: Vec<u8>,
    /// Where each text starts; in entry order, except while a catch-up runs.
    starts: Vec<usize>,
}

impl Texts {
    /// Appends a text; returns its number.
    fn push(&mut self, text: &str) -> u32 {
        self.starts.push(self.buffer.len());
        self.buffer.extend_from_slice(text.as_bytes());
        self.buffer.push(0);
        (self.starts.len() - 1) as u32
    }

    fn get(&self, number: u32) -> &[u8] {
        let start = self.starts[number as usize];
        let len = self.buffer[start..]
            .iter()
            .position(|&b| b == 0)
            .unwrap_or(0);
        &self.buffer[start..start + len]
    }

    /// The texts again in `entries`' order (each entry's `text` renumbered to match),
    /// dropping those no entry points at any more.
    fn in_order_of(&self, entries: &mut [Entry]) -> Texts {
        let mut out = Texts {
            buffer: Vec::with_capacity(self.buffer.len()),
            starts: Vec::with_capacity(entries.len()),
        };
        for e in entries.iter_mut() {
            out.starts.push(out.buffer.len());
            out.buffer.extend_from_slice(self.get(e.text));
            out.buffer.push(0);
            e.text = (out.starts.len() - 1) as u32;
        }
        out
    }

    /// For each entry, whether its text contains every term.
    fn matching(&self, terms: &[String]) -> Vec<bool> {
        let n = self.starts.len();
        if terms.iter().any(|t| t.contains('\0')) {
            return vec![false; n];
        }
        // How many of the terms, in order, each entry has matched so far.
        let mut matched = vec![0u16; n];
        for (k, term) in terms.iter().enumerate() {
            let k = k as u16;
            // Hits come in buffer order: walk the starts forward instead of a binary
            // search per hit (random reads over 100,000 starts cost more than the scan).
            let mut i = 0;
            for at in memchr::memmem::find_iter(&self.buffer, term.as_bytes()) {
                while i + 1 < n && self.starts[i + 1] <= at {
                    i += 1;
                }
                if matched[i] == k {
                    matched[i] = k + 1;
                }
            }
        }
        let all = terms.len() as u16;
        matched.into_iter().map(|m| m == all).collect()
    }
}

/// The index of one database file; shared by the store's readers.
#[derive(Default)]
pub struct BookIndex {
    state: Mutex<Option<State>>,
    /// Set during a full load, so other readers answer from SQLite instead of waiting.
    loading: AtomicBool,
}

const ENTRY_SELECT: &str = "SELECT customer_id, status, sort_name, total_bookings, total_spent,
        rating_x100, rating_asc_key, last_booking_at, last_visit_on IS NOT NULL, review_count,
        visit_dated_on, due_jd, risk_jd, next_open_on, cancel_prone, search_text,
        first_booking_at, rebooked_90
   FROM customer_summary";

/// An entry from a row of [`ENTRY_SELECT`], its search text appended to `texts`.
fn entry(r: &rusqlite::Row<'_>, texts: &mut Texts) -> rusqlite::Result<Entry> {
    let date = |s: Option<&str>| s.and_then(|s| crate::model::parse_date(s).ok());
    let text = |i: usize| r.get_ref(i).and_then(|v| v.as_str().map_err(Into::into));
    let optional_text = |i: usize| {
        r.get_ref(i)
            .and_then(|v| v.as_str_or_null().map_err(Into::into))
    };
    Ok(Entry {
        id: r.get(0)?,
        status: CustomerStatus::parse(text(1)?).unwrap_or(CustomerStatus::New),
        sort_name: SortText::new(text(2)?),
        total_bookings: r.get(3)?,
        total_spent: r.get(4)?,
        rating_x100: r.get(5)?,
        rating_asc_key: r.get(6)?,
        last_booking_at: SortText::new(text(7)?),
        has_visit: r.get(8)?,
        review_count: r.get(9)?,
        visit_dated_on: date(optional_text(10)?),
        due_jd: r.get(11)?,
        risk_jd: r.get(12)?,
        next_open_on: date(optional_text(13)?),
        cancel_prone: r.get(14)?,
        text: texts.push(text(15)?),
        first_booking_at: SortText::new(text(16)?),
        rebooked_90: r.get(17)?,
        tags: Vec::new(),
    })
}

impl State {
    fn load(conn: &Connection, seq: i64) -> Result<State> {
        let mut state = State {
            seq,
            ..State::default()
        };
        let cards: i64 =
            conn.query_row("SELECT count(*) FROM customer_summary", [], |r| r.get(0))?;
        state
            .entries
            .reserve_exact(usize::try_from(cards).unwrap_or(0));
        let mut st = conn.prepare(ENTRY_SELECT)?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            let e = entry(r, &mut state.texts)?;
            state.entries.push(e);
        }
        state.at = state
            .entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id, i))
            .collect();
        let mut st = conn.prepare("SELECT customer_id, tag_key FROM customer_tags")?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            let (id, key): (i64, String) = (r.get(0)?, r.get(1)?);
            let tag = state.intern(key);
            if let Some(&i) = state.at.get(&id) {
                state.entries[i].tags.push(tag);
            }
        }
        Ok(state)
    }

    fn intern(&mut self, key: String) -> u32 {
        let next = self.tag_ids.len() as u32;
        *self.tag_ids.entry(key.into()).or_insert(next)
    }

    /// Re-reads the cards changed after `self.seq` up to `seq`; `false` when a full load
    /// is the better way (the feed was pruned past us, or too much changed).
    fn catch_up(&mut self, conn: &Connection, seq: i64) -> Result<bool> {
        let oldest: i64 =
            conn.query_row("SELECT min(seq) FROM summary_changes", [], |r| r.get(0))?;
        if oldest > self.seq + 1 {
            return Ok(false);
        }
        let mut st = conn.prepare_cached(
            "SELECT DISTINCT customer_id FROM summary_changes WHERE seq > ?1 AND seq <= ?2",
        )?;
        let ids = st
            .query_map([self.seq, seq], |r| r.get::<_, i64>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        if ids.len() > RELOAD_AFTER {
            return Ok(false);
        }
        let mut one = conn.prepare_cached(&format!("{ENTRY_SELECT} WHERE customer_id = ?1"))?;
        let mut tags =
            conn.prepare_cached("SELECT tag_key FROM customer_tags WHERE customer_id = ?1")?;
        for id in ids {
            let fresh = match one.query_row([id], |r| entry(r, &mut self.texts)) {
                Ok(e) => Some(e),
                Err(rusqlite::Error::QueryReturnedNoRows) => None,
                Err(e) => return Err(e.into()),
            };
            match fresh {
                Some(mut e) => {
                    let keys = tags
                        .query_map([id], |r| r.get::<_, String>(0))?
                        .collect::<rusqlite::Result<Vec<_>>>()?;
                    e.tags = keys.into_iter().map(|k| self.intern(k)).collect();
                    match self.at.get(&id) {
                        Some(&i) => self.entries[i] = e,
                        None => {
                            self.at.insert(id, self.entries.len());
                            self.entries.push(e);
                        }
                    }
                }
                None => self.remove(id),
            }
        }
        self.seq = seq;
        self.texts = self.texts.in_order_of(&mut self.entries);
        Ok(true)
    }

    /// Which entries contain every term (`None`: no terms, all do).
    fn search(&self, terms: &[String]) -> Option<Vec<bool>> {
        if terms.is_empty() {
            return None;
        }
        Some(self.texts.matching(terms))
    }

    fn remove(&mut self, id: i64) {
        let Some(i) = self.at.remove(&id) else { return };
        self.entries.swap_remove(i);
        if let Some(moved) = self.entries.get(i) {
            self.at.insert(moved.id, i);
        }
    }
}

impl BookIndex {
    pub fn new() -> BookIndex {
        BookIndex::default()
    }

    /// The index brought to `conn`'s snapshot, or `None` while another reader loads it
    /// from scratch (the caller then answers from SQLite). `conn` must be inside a read
    /// transaction, so the feed and the rows read next are the same commit.
    fn current(&self, conn: &Connection) -> Result<Option<MutexGuard<'_, Option<State>>>> {
        if self.loading.load(Ordering::Acquire) {
            return Ok(None);
        }
        let seq: i64 = conn.query_row("SELECT max(seq) FROM summary_changes", [], |r| r.get(0))?;
        let mut guard = self.state.lock().unwrap_or_else(|p| p.into_inner());
        let fresh = match guard.as_mut() {
            Some(state) if state.seq == seq => true,
            // Behind: catch up. Ahead (this snapshot is older, or the file was restored):
            // reload from this snapshot.
            Some(state) if state.seq < seq => state.catch_up(conn, seq)?,
            _ => false,
        };
        if !fresh {
            self.loading.store(true, Ordering::Release);
            let loaded = State::load(conn, seq);
            self.loading.store(false, Ordering::Release);
            *guard = Some(loaded?);
        }
        Ok(Some(guard))
    }

    /// Loads the index now (the app calls this after opening, off the UI's path).
    pub fn warm(&self, conn: &Connection) -> Result<()> {
        self.current(conn).map(drop)
    }

    /// How many cards the index holds (0 before its first load).
    pub fn len(&self) -> usize {
        let guard = self.state.lock().unwrap_or_else(|p| p.into_inner());
        guard.as_ref().map_or(0, |s| s.entries.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_entry_stays_240_bytes() {
        // 100,000 of these live all day in the app (docs/architecture.md, "Memory").
        assert!(
            std::mem::size_of::<super::Entry>() <= 240,
            "{}",
            std::mem::size_of::<super::Entry>()
        );
    }
}
