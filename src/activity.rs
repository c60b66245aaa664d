//! The recent-activity timeline: bookings, status changes, reviews and the provider's edits.

use crate::error::{Error, Result};
use crate::model::Money;
use rusqlite::types::Value as SqlValue;
use rusqlite::{params_from_iter, Connection, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export_to = "ActivityKind.ts")]
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

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export_to = "Activity.ts")]
pub struct Activity {
    pub id: i64,
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

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export_to = "ActivityQuery.ts")]
pub struct ActivityQuery {
    /// Default 10, at most 200.
    #[ts(optional)]
    pub limit: Option<u32>,
    #[ts(optional)]
    pub kind: Option<ActivityKind>,
    /// `next_cursor` of the previous page.
    #[ts(optional)]
    pub before: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export_to = "ActivityPage.ts")]
pub struct ActivityPage {
    pub activities: Vec<Activity>,
    /// Pass as `before` to load more; `null` at the end.
    pub next_cursor: Option<String>,
}

/// Newest first; a cursor is `"<timestamp>|<id>"` of the last item shown.
pub fn recent(conn: &Connection, q: &ActivityQuery) -> Result<ActivityPage> {
    let limit = q.limit.unwrap_or(10);
    if limit == 0 || limit > 200 {
        return Err(Error::invalid(format!(
            "activity limit must be from 1 to 200 (got {limit})"
        )));
    }
    let mut clauses = vec!["1".to_string()];
    let mut params: Vec<SqlValue> = Vec::new();
    if let Some(kind) = q.kind {
        clauses.push("a.kind = ?".into());
        params.push(SqlValue::Text(kind.as_str().into()));
    }
    if let Some(cursor) = &q.before {
        let (at, id) = cursor
            .rsplit_once('|')
            .and_then(|(at, id)| Some((at.to_string(), id.parse::<i64>().ok()?)))
            .ok_or_else(|| Error::invalid(format!("not an activity cursor: {cursor:?}")))?;
        clauses.push("(a.at < ? OR (a.at = ? AND a.id < ?))".into());
        params.extend([
            SqlValue::Text(at.clone()),
            SqlValue::Text(at),
            SqlValue::Integer(id),
        ]);
    }
    params.push(SqlValue::Integer(i64::from(limit) + 1));
    let sql = format!(
        "SELECT a.id, a.kind, a.customer_id, trim(c.first_name || ' ' || c.last_name), a.at,
                a.status, a.prev_status, a.amount, a.rating, a.detail,
                (SELECT service_title FROM bookings b WHERE b.id = a.ref_id AND a.kind IN ('booking', 'status'))
           FROM activity a JOIN customers c ON c.id = a.customer_id
          WHERE {} ORDER BY a.at DESC, a.id DESC LIMIT ?",
        clauses.join(" AND ")
    );
    let mut st = conn.prepare_cached(&sql)?;
    let mut activities = st
        .query_map(params_from_iter(params), item)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let next_cursor = if activities.len() > limit as usize {
        activities.truncate(limit as usize);
        activities
            .last()
            .map(|a| format!("{}|{}", a.timestamp, a.id))
    } else {
        None
    };
    Ok(ActivityPage {
        activities,
        next_cursor,
    })
}

fn item(r: &Row<'_>) -> rusqlite::Result<Activity> {
    let kind: String = r.get(1)?;
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
    Ok(Activity {
        id: r.get(0)?,
        kind,
        customer_id: r.get(2)?,
        customer_name: r.get(3)?,
        timestamp: r.get(4)?,
        title,
        description,
        status,
        amount: r.get::<_, Option<i64>>(7)?.map(Money),
        rating,
    })
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
            ("tags", tags) => ("Tags changed".into(), format!("Tags: {tags}")),
            _ => ("Notes updated".into(), "Private notes edited".into()),
        },
    }
}
