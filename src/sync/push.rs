//! Pushes the outbox in order with PATCH …/update_customer_relation/. A row is deleted only
//! after a 2xx; a failed row records attempts and last_error and stays for the next sync.
//! A customer's later rows wait behind a failed one, so each edit lands once, in order.
//! (If the process dies between the 2xx and the delete, the row is sent again: PATCH sets
//! absolute values, so the platform ends in the same state.)

use super::context::Run;
use super::http::detail;
use super::relations_sync::fetch_relations;
use super::SyncPhase;
use crate::error::{Error, Result};
use crate::outbox::{self, OutboxItem};
use reqwest::Method;
use rusqlite::OptionalExtension;
use serde_json::{Map, Value};
use std::collections::BTreeSet;

pub async fn push_outbox(run: &mut Run<'_>) -> Result<()> {
    let rows = run.with_db(|c| outbox::pending(c))?;
    if rows.is_empty() {
        return Ok(());
    }
    run.enter(SyncPhase::Push);
    let mut held_back = BTreeSet::new();
    for row in rows {
        if held_back.contains(&row.customer_id) {
            continue;
        }
        match push_one(run, &row).await {
            Ok(()) => {
                run.with_db(|c| outbox::ack(c, row.id))?;
                run.report.pushed += 1;
                run.tick(1, None);
            }
            Err(Error::Cancelled(m)) => return Err(Error::Cancelled(m)),
            Err(e) => {
                run.with_db(|c| outbox::fail(c, row.id, &e.to_string()))?;
                match e {
                    // This edit was refused; others can still go.
                    Error::NotFound(_) | Error::InvalidInput(_) | Error::Malformed(_) => {
                        held_back.insert(row.customer_id);
                    }
                    e => return Err(e),
                }
            }
        }
    }
    Ok(())
}

async fn push_one(run: &mut Run<'_>, row: &OutboxItem) -> Result<()> {
    let relation_id = |run: &Run<'_>| {
        run.with_db(|c| {
            Ok(c.query_row(
                "SELECT platform_relation_id FROM relations WHERE customer_id = ?1",
                [row.customer_id],
                |r| r.get::<_, Option<i64>>(0),
            )
            .optional()?
            .flatten())
        })
    };
    let mut rel = relation_id(run)?;
    if rel.is_none() && !run.relations_fetched {
        fetch_relations(run).await?;
        rel = relation_id(run)?;
    }
    let rel = rel.ok_or_else(|| {
        Error::not_found(format!(
            "the marketplace has no relation record for customer {} yet; will retry",
            row.customer_id
        ))
    })?;
    let mut body = Map::new();
    body.insert(row.field.as_str().to_string(), row.value.clone());
    let url = run.api.url(
        &format!("/api/bookings/provider_dashboard/{rel}/update_customer_relation/"),
        &[],
    )?;
    let reply = run
        .api
        .call(Method::PATCH, &url, Some(&Value::Object(body)))
        .await?;
    match reply.status.as_u16() {
        200..=299 => Ok(()),
        404 => Err(Error::not_found(format!(
            "the marketplace refused the edit: {}",
            detail(&reply.body)
        ))),
        s => Err(Error::invalid(format!(
            "the marketplace refused the edit (HTTP {s}): {}",
            detail(&reply.body)
        ))),
    }
}
