//! The platform's relation records: their ids (needed to push) and the platform's copy of
//! the flags and notes, applied only where no local edit of that field is pending.

use super::context::Run;
use super::http::Patience;
use crate::error::{Error, Result};
use crate::outbox::{self, OutboxField};
use rusqlite::{params, OptionalExtension, Transaction};
use serde_json::Value;

pub const RELATIONS: &str = "/api/bookings/provider_dashboard/customers/";
/// One large page: the endpoint rewrites every relation on each call, so call it rarely.
const PAGE_SIZE: u32 = 10_000;

#[derive(Debug, Clone, PartialEq)]
pub struct PlatformRelation {
    pub id: i64,
    pub customer_id: i64,
    pub is_favorite: bool,
    pub is_blocked: bool,
    pub notes: String,
}

pub(crate) async fn fetch_relations(run: &mut Run<'_>) -> Result<()> {
    let mut page_no = 1;
    loop {
        let q = [
            ("page", page_no.to_string()),
            ("page_size", PAGE_SIZE.to_string()),
        ];
        let url = run.api.url(RELATIONS, &q)?;
        // The server recomputes every relation per call: wait long, re-send at most once.
        let patience = Patience {
            timeout: Some(run.opts.retry.relations_timeout),
            max_retries: run.opts.retry.relations_max_retries,
        };
        let Some(doc) = run.api.get_with(&url, patience).await? else {
            break;
        };
        let (rels, total_pages) = parse_relations(&doc)?;
        let changed = run.with_db(|c| {
            let tx = crate::db::write_tx(c)?;
            let n = apply_relations(&tx, &rels)?;
            tx.commit()?;
            Ok(n)
        })?;
        run.report.relations_updated += changed;
        run.tick(rels.len(), Some(total_pages));
        if page_no >= total_pages {
            break;
        }
        page_no += 1;
    }
    run.relations_fetched = true;
    Ok(())
}

pub fn parse_relations(doc: &Value) -> Result<(Vec<PlatformRelation>, u32)> {
    let bad = |m: &str| Error::Malformed(format!("the marketplace sent bad relation records: {m}"));
    let results = doc
        .get("results")
        .and_then(Value::as_array)
        .ok_or_else(|| bad("no \"results\" list"))?;
    let total_pages = doc
        .get("total_pages")
        .and_then(Value::as_u64)
        .unwrap_or(1)
        .min(1000) as u32;
    let rels = results
        .iter()
        .map(|r| {
            let id = r
                .get("id")
                .and_then(Value::as_i64)
                .ok_or_else(|| bad("a relation has no id"))?;
            let field = |k: &str| {
                r.get(k)
                    .ok_or_else(|| bad(&format!("relation {id}: {k} is missing")))
            };
            let flag = |k: &str| {
                field(k)?
                    .as_bool()
                    .ok_or_else(|| bad(&format!("relation {id}: {k} is not true/false")))
            };
            Ok(PlatformRelation {
                id,
                customer_id: r
                    .pointer("/customer/id")
                    .and_then(Value::as_i64)
                    .ok_or_else(|| bad(&format!("relation {id}: customer.id is missing")))?,
                is_favorite: flag("is_favorite_customer")?,
                is_blocked: flag("is_blocked")?,
                notes: match r.get("notes") {
                    None | Some(Value::Null) => String::new(),
                    Some(Value::String(s)) => s.clone(),
                    Some(_) => return Err(bad(&format!("relation {id}: notes is not text"))),
                },
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok((rels, total_pages))
}

/// Stores relation ids; takes the platform's flags/notes for fields with no pending edit.
/// Customers not known locally yet are skipped (their bookings bring them). Returns how
/// many relations' flags or notes changed.
pub fn apply_relations(tx: &Transaction<'_>, rels: &[PlatformRelation]) -> Result<u32> {
    let t = crate::settings::thresholds(tx)?;
    let mut changed = 0;
    for p in rels {
        let known: bool = tx
            .query_row(
                "SELECT 1 FROM customers WHERE id = ?1",
                [p.customer_id],
                |_| Ok(true),
            )
            .optional()?
            .unwrap_or(false);
        if !known {
            continue;
        }
        let pending = |field| outbox::has_pending(tx, p.customer_id, field);
        let local: Option<(bool, bool, String)> = tx
            .query_row(
                "SELECT is_favorite, is_blocked, notes FROM relations WHERE customer_id = ?1",
                [p.customer_id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let (fav, blocked, notes) = local.clone().unwrap_or_default();
        let fav = if pending(OutboxField::Favorite)? {
            fav
        } else {
            p.is_favorite
        };
        let blocked = if pending(OutboxField::Blocked)? {
            blocked
        } else {
            p.is_blocked
        };
        let notes = if pending(OutboxField::Notes)? {
            notes
        } else {
            p.notes.clone()
        };
        tx.prepare_cached(
            "INSERT INTO relations (customer_id, platform_relation_id, is_favorite, is_blocked, notes)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (customer_id) DO UPDATE SET
                platform_relation_id = excluded.platform_relation_id,
                is_favorite = excluded.is_favorite, is_blocked = excluded.is_blocked,
                blocked_reason = CASE WHEN excluded.is_blocked THEN blocked_reason END,
                notes = excluded.notes",
        )?
        .execute(params![p.customer_id, p.id, fav, blocked, notes])?;
        if local.as_ref().map(|(f, b, _)| (*f, *b)) != Some((fav, blocked)) {
            crate::metrics::refresh_status(tx, p.customer_id, t)?;
        }
        if local.is_some_and(|l| l != (fav, blocked, notes)) {
            changed += 1;
        }
    }
    Ok(changed)
}
