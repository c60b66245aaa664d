//! Saved views (docs/rules.md §10): a name and the list's query — search, status, tags,
//! segment, sort — kept in the database and listed with live counts.

use crate::customers::{CustomerQuery, SortKey};
use crate::error::{Error, Result};
use crate::model::{fmt_ts, Clock, CustomerStatus};
use crate::segments::Segment;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use specta::Type;

pub const MAX_VIEW_NAME_CHARS: usize = 60;

/// What a view shows: the list's filters and sort.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Type)]
pub struct ViewQuery {
    #[specta(optional)]
    pub search: Option<String>,
    #[specta(optional)]
    pub status: Option<CustomerStatus>,
    #[serde(default)]
    #[specta(optional)]
    pub tags: Vec<String>,
    #[specta(optional)]
    pub segment: Option<Segment>,
    #[specta(optional)]
    pub sort: Option<SortKey>,
    #[specta(optional)]
    pub descending: Option<bool>,
}

impl ViewQuery {
    fn list_query(&self) -> CustomerQuery {
        CustomerQuery {
            search: self.search.clone(),
            status: self.status,
            tags: self.tags.clone(),
            segment: self.segment,
            sort: self.sort,
            descending: self.descending,
            page: Some(1),
            page_size: Some(1),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct SavedView {
    pub id: i64,
    pub name: String,
    pub query: ViewQuery,
    /// How many customers the view shows now.
    pub count: i64,
}

fn check_name(conn: &Connection, name: &str, except: Option<i64>) -> Result<String> {
    let name = name.trim();
    let n = name.chars().count();
    if n == 0 || n > MAX_VIEW_NAME_CHARS {
        return Err(Error::invalid(format!(
            "name: a view's name must be 1 to {MAX_VIEW_NAME_CHARS} characters"
        )));
    }
    let taken: Option<i64> = conn
        .query_row("SELECT id FROM saved_views WHERE name = ?1", [name], |r| {
            r.get(0)
        })
        .optional()?;
    if taken.is_some_and(|id| Some(id) != except) {
        return Err(Error::invalid(format!(
            "name: a view called {name:?} exists already"
        )));
    }
    Ok(name.to_string())
}

fn json(q: &ViewQuery) -> Result<String> {
    crate::tags::validate_filter(&q.tags)?;
    serde_json::to_string(q).map_err(|e| Error::invalid(format!("query: {e}")))
}

/// Every saved view with its live count, by name; counted from `index` when given (the
/// desktop's), else from SQL.
pub fn list(
    conn: &Connection,
    clock: &Clock,
    index: Option<&crate::book_index::BookIndex>,
) -> Result<Vec<SavedView>> {
    let rows: Vec<(i64, String, String)> = conn
        .prepare_cached("SELECT id, name, query FROM saved_views ORDER BY name COLLATE NOCASE")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    rows.into_iter()
        .map(|(id, name, query)| counted(conn, clock, index, id, name, &query))
        .collect()
}

fn counted(
    conn: &Connection,
    clock: &Clock,
    index: Option<&crate::book_index::BookIndex>,
    id: i64,
    name: String,
    query: &str,
) -> Result<SavedView> {
    let query: ViewQuery = serde_json::from_str(query).unwrap_or_default();
    let q = CustomerQuery {
        page_size: Some(1),
        ..query.list_query()
    };
    let count = match index {
        Some(index) => index.list(conn, &q, clock)?.count,
        None => crate::customers::list(conn, &q, clock)?.count,
    };
    Ok(SavedView {
        id,
        name,
        query,
        count,
    })
}

pub fn save(
    conn: &mut Connection,
    name: &str,
    query: &ViewQuery,
    clock: &Clock,
) -> Result<SavedView> {
    let name = check_name(conn, name, None)?;
    conn.execute(
        "INSERT INTO saved_views (name, query, created_at) VALUES (?1, ?2, ?3)",
        params![name, json(query)?, fmt_ts(clock.now)],
    )?;
    let id = conn.last_insert_rowid();
    get(conn, id, clock)
}

pub fn rename(conn: &mut Connection, id: i64, name: &str, clock: &Clock) -> Result<SavedView> {
    get(conn, id, clock)?;
    let name = check_name(conn, name, Some(id))?;
    conn.execute(
        "UPDATE saved_views SET name = ?2 WHERE id = ?1",
        params![id, name],
    )?;
    get(conn, id, clock)
}

pub fn delete(conn: &mut Connection, id: i64) -> Result<()> {
    if conn.execute("DELETE FROM saved_views WHERE id = ?1", [id])? == 0 {
        return Err(Error::not_found(format!("no saved view with id {id}")));
    }
    Ok(())
}

fn get(conn: &Connection, id: i64, clock: &Clock) -> Result<SavedView> {
    let (name, query): (String, String) = conn
        .query_row(
            "SELECT name, query FROM saved_views WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .ok_or_else(|| Error::not_found(format!("no saved view with id {id}")))?;
    counted(conn, clock, None, id, name, &query)
}
