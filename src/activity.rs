//! The recent-activity timeline: bookings, status changes, reviews and the provider's edits.

use crate::error::{Error, Result};
use crate::model::Money;
use rusqlite::types::Value as SqlValue;
use rusqlite::{params_from_iter, Connection, Row};
use serde::{Deserialize, Serialize};
use specta::Type;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "lowercase")]
pub enum ActivityKind {
    Booking,
    Status,
    Review,
    Edit,
}

impl ActivityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ActivityKind::Booking => "booking",
            ActivityKind::Status => "status",
            ActivityKind::Review => "review",
            ActivityKind::Edit => "edit",
        }
    }

    pub fn parse(s: &str) -> Result<ActivityKind> {
        serde_json::from_value(serde_json::Value::String(s.into())).map_err(|_| {
            Error::invalid(format!(
                "unknown activity type {s:?}: expected booking, status, review or edit"
            ))
        })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Activity {
    /// Unique across kinds, e.g. `booking_303`, `review_248`, `edit_12`.
    pub id: String,
    #[serde(rename = "type")]
    pub kind: ActivityKind,
    pub customer_id: i64,
    pub customer_name: String,
    pub title: String,
    pub description: String,
    pub timestamp: String,
    pub status: Option<String>,
    pub amount: Option<Money>,
    pub rating: Option<i64>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Type)]
pub struct ActivityQuery {
    /// Default 10, at most 200.
    #[specta(optional)]
    pub limit: Option<u32>,
    #[specta(optional)]
    pub kind: Option<ActivityKind>,
    /// `next_cursor` of the previous page.
    #[specta(optional)]
    pub before: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct ActivityPage {
    pub activities: Vec<Activity>,
    /// Pass as `before` to load more; `null` at the end.
    pub next_cursor: Option<String>,
}

/// Position in the timeline: (timestamp, kind, row id), compared in that order.
#[derive(Debug, Clone, PartialEq)]
struct Cursor {
    at: String,
    kind: String,
    id: i64,
}

impl Cursor {
    fn parse(s: &str) -> Result<Cursor> {
        let mut parts = s.split('|');
        match (
            parts.next(),
            parts.next(),
            parts.next().and_then(|i| i.parse().ok()),
            parts.next(),
        ) {
            (Some(at), Some(kind), Some(id), None) => Ok(Cursor {
                at: at.into(),
                kind: kind.into(),
                id,
            }),
            _ => Err(Error::invalid(format!("not an activity cursor: {s:?}"))),
        }
    }
}

/// One source of timeline items. New bookings and reviews come from their own tables;
/// status changes and edits from `activity`. Each yields the same columns, newest first.
struct Source {
    kind: &'static str,
    select: &'static str,
    /// Rows of this source (before any cursor).
    base: &'static str,
    at: &'static str,
    id: &'static str,
}

fn source(kind: ActivityKind) -> Source {
    match kind {
        ActivityKind::Booking => Source {
            kind: "'booking'",
            select: "SELECT 'booking' AS kind, b.id AS rid, b.customer_id, b.created_at AS at,
                b.status, NULL AS prev, b.total_amount AS amount, NULL AS rating, NULL AS detail,
                b.service_title AS service
           FROM bookings b",
            // Own visits (negative ids) show as the provider's edits instead.
            base: "b.id > 0",
            at: "b.created_at",
            id: "b.id",
        },
        ActivityKind::Review => Source {
            kind: "'review'",
            select: "SELECT 'review' AS kind, r.id AS rid, r.customer_id, r.created_at AS at,
                NULL AS status, NULL AS prev, NULL AS amount, r.rating AS rating, NULL AS detail,
                r.service_title AS service
           FROM reviews r",
            base: "1",
            at: "r.created_at",
            id: "r.id",
        },
        ActivityKind::Status => Source {
            kind: "'status'",
            select: "SELECT a.kind AS kind, a.id AS rid, a.customer_id, a.at AS at,
                a.status AS status, a.prev_status AS prev, a.amount AS amount, a.rating AS rating,
                a.detail AS detail,
                (SELECT service_title FROM bookings b WHERE b.id = a.ref_id) AS service
           FROM activity a",
            base: "a.kind = 'status'",
            at: "a.at",
            id: "a.id",
        },
        ActivityKind::Edit => Source {
            kind: "'edit'",
            select: "SELECT a.kind AS kind, a.id AS rid, a.customer_id, a.at AS at,
                a.status AS status, a.prev_status AS prev, a.amount AS amount, a.rating AS rating,
                a.detail AS detail, NULL AS service
           FROM activity a",
            base: "a.kind = 'edit'",
            at: "a.at",
            id: "a.id",
        },
    }
}

/// Newest first; a cursor is `"<timestamp>|<kind>|<id>"` of the last item shown.
pub fn recent(conn: &Connection, q: &ActivityQuery) -> Result<ActivityPage> {
    let limit = q.limit.unwrap_or(10);
    if limit == 0 || limit > 200 {
        return Err(Error::invalid(format!(
            "activity limit must be from 1 to 200 (got {limit})"
        )));
    }
    let cursor = q.before.as_deref().map(Cursor::parse).transpose()?;
    let kinds = match q.kind {
        Some(k) => vec![k],
        None => vec![
            ActivityKind::Booking,
            ActivityKind::Status,
            ActivityKind::Review,
            ActivityKind::Edit,
        ],
    };
    let mut params: Vec<SqlValue> = Vec::new();
    let arms: Vec<String> = kinds
        .into_iter()
        .map(|k| {
            let Source { kind: kind_lit, select, base, at, id } = source(k);
            let filter = match &cursor {
                // `at <= ?` lets the index range-scan; the rest breaks ties exactly.
                Some(c) => {
                    params.extend([
                        SqlValue::Text(c.at.clone()),
                        SqlValue::Text(c.at.clone()),
                        SqlValue::Text(c.at.clone()),
                        SqlValue::Text(c.kind.clone()),
                        SqlValue::Text(c.kind.clone()),
                        SqlValue::Integer(c.id),
                    ]);
                    format!(
                        " AND {at} <= ? AND ({at} < ? OR ({at} = ? AND ({kind_lit} < ? OR ({kind_lit} = ? AND {id} < ?))))"
                    )
                }
                None => String::new(),
            };
            params.push(SqlValue::Integer(i64::from(limit) + 1));
            format!("SELECT * FROM ({select} WHERE {base}{filter} ORDER BY {at} DESC, {id} DESC LIMIT ?)")
        })
        .collect();
    params.push(SqlValue::Integer(i64::from(limit) + 1));
    let sql = format!(
        "SELECT t.kind, t.rid, coalesce(c.card_id, c.id), trim(c.first_name || ' ' || c.last_name), t.at, t.status,
                t.prev, t.amount, t.rating, t.detail, t.service
           FROM ({}) t JOIN customers c ON c.id = t.customer_id
          ORDER BY t.at DESC, t.kind DESC, t.rid DESC LIMIT ?",
        arms.join(" UNION ALL ")
    );
    let mut st = conn.prepare_cached(&sql)?;
    let mut rows = st
        .query_map(params_from_iter(params), item)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let next_cursor = if rows.len() > limit as usize {
        rows.truncate(limit as usize);
        rows.last()
            .map(|(a, rid)| format!("{}|{}|{rid}", a.timestamp, a.kind.as_str()))
    } else {
        None
    };
    Ok(ActivityPage {
        activities: rows.into_iter().map(|(a, _)| a).collect(),
        next_cursor,
    })
}

fn item(r: &Row<'_>) -> rusqlite::Result<(Activity, i64)> {
    let kind: String = r.get(0)?;
    let rid: i64 = r.get(1)?;
    let status: Option<String> = r.get(5)?;
    let prev: Option<String> = r.get(6)?;
    let rating: Option<i64> = r.get(8)?;
    let detail: Option<String> = r.get(9)?;
    let service: String = r.get::<_, Option<String>>(10)?.unwrap_or_default();
    let kind = ActivityKind::parse(&kind).unwrap_or(ActivityKind::Edit);
    let (title, description) = wording(
        kind,
        status.as_deref(),
        prev.as_deref(),
        rating,
        detail.as_deref(),
        &service,
    );
    let activity = Activity {
        id: format!("{}_{rid}", kind.as_str()),
        kind,
        customer_id: r.get(2)?,
        customer_name: r.get(3)?,
        timestamp: r.get(4)?,
        title,
        description,
        status,
        amount: r.get::<_, Option<i64>>(7)?.map(Money),
        rating,
    };
    Ok((activity, rid))
}

fn humanise(status: &str) -> String {
    status.replace('_', " ")
}

fn wording(
    kind: ActivityKind,
    status: Option<&str>,
    prev: Option<&str>,
    rating: Option<i64>,
    detail: Option<&str>,
    service: &str,
) -> (String, String) {
    let status = status.unwrap_or("");
    match kind {
        ActivityKind::Booking => ("New booking".into(), format!("Booked {service}")),
        ActivityKind::Status => (
            format!("Booking {}", humanise(status)),
            format!(
                "{service}: {} → {}",
                humanise(prev.unwrap_or("unknown")),
                humanise(status)
            ),
        ),
        ActivityKind::Review => (
            "New review".into(),
            format!("Left a {}-star review", rating.unwrap_or(0)),
        ),
        ActivityKind::Edit => match (status, detail.unwrap_or("")) {
            ("favorite", _) => ("Marked as favourite".into(), "Added to favourites".into()),
            ("unfavorite", _) => (
                "Removed from favourites".into(),
                "No longer a favourite".into(),
            ),
            ("unblocked", _) => ("Unblocked".into(), "Can book again".into()),
            ("blocked", "") => ("Blocked".into(), "Blocked, no reason given".into()),
            ("blocked", reason) => ("Blocked".into(), format!("Blocked: {reason}")),
            ("tags", "") => ("Tags changed".into(), "All tags removed".into()),
            ("tags", tags) => ("Tags changed".into(), format!("Tags: {tags}")),
            ("added", _) => ("Customer added".into(), "Added to your book".into()),
            ("imported", file) => ("Customer imported".into(), format!("From {file}")),
            ("import_matched", file) => {
                ("Customer updated by import".into(), format!("From {file}"))
            }
            ("profile", _) => ("Profile edited".into(), "Contact details changed".into()),
            ("archived", _) => (
                "Archived".into(),
                "Hidden from the list and the stats".into(),
            ),
            ("unarchived", _) => ("Restored".into(), "Back in the list".into()),
            ("visit_added", service) => ("Visit recorded".into(), service.to_string()),
            ("visit_edited", service) => ("Visit edited".into(), service.to_string()),
            ("visit_deleted", service) => ("Visit deleted".into(), service.to_string()),
            ("merged", other) => (
                "Cards merged".into(),
                format!("{other} merged into this card"),
            ),
            ("unmerged", other) => (
                "Merge undone".into(),
                format!("{other} is a separate card again"),
            ),
            _ => ("Notes updated".into(), "Private notes edited".into()),
        },
    }
}
