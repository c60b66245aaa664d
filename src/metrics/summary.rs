//! Writing the §2 metrics into `customer_summary` and the per-status counts (the filter
//! chips): for the cards a change touched, for a new card, or for every card.

use super::{average_x100, status_for, summarise, BookingFacts, Metrics, SegmentFacts};
use crate::error::Result;
use crate::model::{CustomerStatus, Thresholds};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use std::collections::HashMap;

/// The card a customer counts for: itself, or the card it was merged into (docs/rules.md §9).
pub fn card_of(tx: &Transaction<'_>, customer_id: i64) -> Result<Option<i64>> {
    Ok(tx
        .prepare_cached("SELECT coalesce(card_id, id) FROM customers WHERE id = ?1")?
        .query_row([customer_id], |r| r.get(0))
        .optional()?)
}

/// Re-derives the summary rows of the cards the given customers count for, from their
/// stored bookings and reviews (a merged card's include those of every customer in it).
pub fn refresh(
    tx: &Transaction<'_>,
    customer_ids: impl IntoIterator<Item = i64>,
    t: Thresholds,
) -> Result<()> {
    let mut cards = std::collections::BTreeSet::new();
    for id in customer_ids {
        cards.extend(card_of(tx, id)?);
    }
    let mut bookings = tx.prepare_cached(
        "SELECT id, status, total_amount, created_at, booking_date, service_title
           FROM bookings WHERE removed = 0 AND customer_id IN
                (SELECT id FROM customers WHERE id = ?1 OR card_id = ?1)",
    )?;
    let mut reviews = tx.prepare_cached(
        "SELECT count(*), coalesce(sum(rating), 0) FROM reviews WHERE removed = 0 AND customer_id IN
                (SELECT id FROM customers WHERE id = ?1 OR card_id = ?1)",
    )?;
    let asof = crate::settings::segments_asof(tx)?;
    for id in cards {
        let facts = bookings
            .query_map([id], booking_facts)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let (n, sum): (i64, i64) = reviews.query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        write_summary(tx, id, summarise(&facts, n, sum, &asof), t)?;
    }
    Ok(())
}

/// Takes a card that was merged away out of the list, the chips and the stats.
pub fn drop_summary(tx: &Transaction<'_>, customer_id: i64) -> Result<()> {
    let old: Option<String> = tx
        .prepare_cached("DELETE FROM customer_summary WHERE customer_id = ?1 RETURNING status")?
        .query_row([customer_id], |r| r.get(0))
        .optional()?;
    count_move(tx, old.as_deref(), None)
}

fn booking_facts(r: &rusqlite::Row<'_>) -> rusqlite::Result<BookingFacts> {
    Ok(BookingFacts {
        id: r.get(0)?,
        status: r.get(1)?,
        total_amount: r.get(2)?,
        created_at: r.get(3)?,
        booking_date: r.get(4)?,
        service_title: r.get(5)?,
    })
}

/// Rebuilds every summary row from scratch in one pass over all bookings and reviews.
pub fn recompute_all(conn: &mut Connection) -> Result<()> {
    let tx = crate::db::write_tx(conn)?;
    let t = crate::settings::thresholds(&tx)?;
    let asof = crate::settings::segments_asof(&tx)?;
    let card_sql = "SELECT coalesce(c.card_id, c.id) FROM customers c WHERE c.id = x.customer_id";
    let mut review_totals: HashMap<i64, (i64, i64)> = HashMap::new();
    {
        let mut st = tx.prepare(&format!(
            "SELECT ({card_sql}), rating FROM reviews x WHERE removed = 0"
        ))?;
        let rows = st.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))?;
        for row in rows {
            let (card, rating) = row?;
            let e = review_totals.entry(card).or_default();
            e.0 += 1;
            e.1 += rating;
        }
    }
    let mut by_card: HashMap<i64, Vec<BookingFacts>> = HashMap::new();
    {
        let mut st = tx.prepare(&format!(
            "SELECT id, status, total_amount, created_at, booking_date, service_title, ({card_sql})
               FROM bookings x WHERE removed = 0"
        ))?;
        let rows = st.query_map([], |r| Ok((r.get::<_, i64>(6)?, booking_facts(r)?)))?;
        for row in rows {
            let (card, f) = row?;
            by_card.entry(card).or_default().push(f);
        }
    }
    // Own cards are in the book without a booking too (docs/rules.md §7).
    let own: Vec<i64> = tx
        .prepare("SELECT DISTINCT coalesce(card_id, id) FROM customers WHERE id < 0")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for id in own {
        by_card.entry(id).or_default();
    }
    tx.execute("DELETE FROM customer_summary", [])?;
    tx.execute("UPDATE status_counts SET n = 0", [])?;
    for (id, facts) in &by_card {
        let (n, sum) = review_totals.get(id).copied().unwrap_or((0, 0));
        write_summary(&tx, *id, summarise(facts, n, sum, &asof), t)?;
    }
    tx.commit()?;
    Ok(())
}

/// Moves one customer between the per-status counts the filter chips show.
fn count_move(tx: &Transaction<'_>, old: Option<&str>, new: Option<&str>) -> Result<()> {
    if old == new {
        return Ok(());
    }
    if let Some(old) = old {
        shift_count(tx, old, -1)?;
    }
    if let Some(new) = new {
        shift_count(tx, new, 1)?;
    }
    Ok(())
}

/// The metrics of an own card with no visit yet: in the book, counted nowhere (§7).
fn no_bookings(review_count: i64, rating_sum: i64) -> Metrics {
    Metrics {
        total_bookings: 0,
        cancelled_bookings: 0,
        total_spent: 0,
        review_count,
        rating_sum,
        first_booking_at: String::new(),
        last_booking_at: String::new(),
        last_visit_on: None,
        last_service_title: String::new(),
        last_service_date: String::new(),
        last_service_amount: 0,
        segment: SegmentFacts::default(),
    }
}

/// A platform card that absorbed an own customer stays in the book without bookings, as
/// the own customer would have.
fn holds_own_customer(tx: &Transaction<'_>, card: i64) -> Result<bool> {
    Ok(tx
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM customers WHERE card_id = ?1 AND id < 0)")?
        .query_row([card], |r| r.get(0))?)
}

/// What the summary row of a card needs from its customer and relation rows.
struct CardFacts {
    first: String,
    last: String,
    fav: bool,
    blocked: bool,
    archived: bool,
    is_card: bool,
    old: Option<String>,
    search: String,
}

fn write_summary(tx: &Transaction<'_>, id: i64, m: Option<Metrics>, t: Thresholds) -> Result<()> {
    let card = tx
        .prepare_cached(
            "SELECT c.first_name, c.last_name, coalesce(r.is_favorite, 0), coalesce(r.is_blocked, 0),
                    c.archived, c.card_id IS NULL,
                    (SELECT status FROM customer_summary s WHERE s.customer_id = c.id), c.search_text
               FROM customers c LEFT JOIN relations r ON r.customer_id = c.id WHERE c.id = ?1",
        )?
        .query_row([id], |r| {
            Ok(CardFacts {
                first: r.get(0)?,
                last: r.get(1)?,
                fav: r.get(2)?,
                blocked: r.get(3)?,
                archived: r.get(4)?,
                is_card: r.get(5)?,
                old: r.get(6)?,
                search: r.get(7)?,
            })
        })
        .optional()?;
    let Some(CardFacts {
        first,
        last,
        fav,
        blocked,
        archived,
        is_card,
        old,
        search,
    }) = card
    else {
        return drop_summary(tx, id);
    };
    // A platform customer is in the book from their first booking; an own one from when
    // it was added; a card merged into another is not in it (docs/rules.md §3, §7, §9).
    let m = match m {
        Some(m) => m,
        None if id < 0 || holds_own_customer(tx, id)? => no_bookings(0, 0),
        None => return drop_summary(tx, id),
    };
    if !is_card {
        return drop_summary(tx, id);
    }
    let status = match archived {
        true => CustomerStatus::Archived,
        false => status_for(blocked, fav, m.total_bookings, t),
    };
    count_move(tx, old.as_deref(), Some(status.as_str()))?;
    put_summary(tx, id, (&first, &last), status, &m, &search)
}

/// Writes the summary rows of cards just added by hand or by an import (no booking, no
/// flag yet) in one statement, from the staged table `temp.<staged>` (`id`, `sort_name`,
/// `search_text`; `crate::staging`); returns their status, which the caller adds to the
/// per-status counts with [`add_to_counts`].
pub(crate) fn put_new_cards(
    tx: &Transaction<'_>,
    staged: &str,
    t: Thresholds,
) -> Result<CustomerStatus> {
    let status = status_for(false, false, 0, t);
    let sql = format!(
        "INSERT INTO customer_summary ({SUMMARY_COLUMNS})
         SELECT id, sort_name, search_text, {METRIC_VALUES} FROM temp.{staged}"
    );
    // ?1–?3 are the card's own columns, read from the staged rows here.
    let none = rusqlite::types::Null;
    execute_with_metrics(tx, &sql, [&none, &none, &none], status, &no_bookings(0, 0))?;
    Ok(status)
}

/// Adds `n` cards to a status's count (the filter chips).
pub(crate) fn add_to_counts(tx: &Transaction<'_>, status: CustomerStatus, n: i64) -> Result<()> {
    shift_count(tx, status.as_str(), n)
}

fn shift_count(tx: &Transaction<'_>, status: &str, n: i64) -> Result<()> {
    tx.prepare_cached("UPDATE status_counts SET n = n + ?2 WHERE status = ?1")?
        .execute(params![status, n])?;
    Ok(())
}

fn put_summary(
    tx: &Transaction<'_>,
    id: i64,
    name: (&str, &str),
    status: CustomerStatus,
    m: &Metrics,
    search: &str,
) -> Result<()> {
    static SQL: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
        let update: Vec<String> = SUMMARY_COLUMNS
            .split(',')
            .map(str::trim)
            .filter(|c| *c != "customer_id")
            .map(|c| format!("{c} = excluded.{c}"))
            .collect();
        format!(
            "INSERT INTO customer_summary ({SUMMARY_COLUMNS})
             VALUES (?1, ?2, ?3, {METRIC_VALUES})
             ON CONFLICT (customer_id) DO UPDATE SET {}",
            update.join(", ")
        )
    });
    execute_with_metrics(tx, &SQL, [&id, &sort_name(name), &search], status, m)
}

/// The summary's columns: the card's own three, then the metrics in [`METRIC_VALUES`]' order.
const SUMMARY_COLUMNS: &str = "customer_id, sort_name, search_text, status, total_bookings,
    cancelled_bookings, total_spent, review_count, rating_sum, rating_x100, rating_asc_key,
    first_booking_at, last_booking_at, last_visit_on, last_service_title, last_service_date,
    last_service_amount, visit_dated_on, cadence_days, due_jd, risk_jd, next_open_on,
    cancel_prone, rebooked_90";

/// The metric columns' values, bound by [`execute_with_metrics`] (?1–?3: the card's own).
const METRIC_VALUES: &str = "?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
    ?18, ?19, julianday(?18) + ?19, julianday(?18) + 2 * ?19, ?20, ?21, ?22";

/// Runs `sql` with the card's own three values and a card's metrics as ?1–?22, positional
/// and borrowed: `put_summary` runs for every card a sync batch touches.
fn execute_with_metrics(
    tx: &Transaction<'_>,
    sql: &str,
    own: [&dyn rusqlite::ToSql; 3],
    status: CustomerStatus,
    m: &Metrics,
) -> Result<()> {
    let avg = average_x100(m.rating_sum, m.review_count);
    let seg = &m.segment;
    tx.prepare_cached(sql)?.execute(params![
        own[0],
        own[1],
        own[2],
        status.as_str(),
        m.total_bookings,
        m.cancelled_bookings,
        m.total_spent,
        m.review_count,
        m.rating_sum,
        avg,
        avg.unwrap_or(1000),
        m.first_booking_at,
        m.last_booking_at,
        m.last_visit_on,
        m.last_service_title,
        m.last_service_date,
        m.last_service_amount,
        seg.visit_dated_on,
        seg.cadence_days,
        seg.next_open_on,
        seg.cancel_prone,
        seg.rebooked_90,
    ])?;
    Ok(())
}

/// The key the list sorts names by.
pub(crate) fn sort_name((first, last): (&str, &str)) -> String {
    crate::search::fold(&format!("{} {}", first.trim(), last.trim()))
}

/// Re-derives one customer's status after a flag edit.
pub fn refresh_status(tx: &Transaction<'_>, customer_id: i64, t: Thresholds) -> Result<()> {
    let row: Option<(String, i64, bool, bool)> = tx
        .prepare_cached(
            "SELECT s.status, s.total_bookings, coalesce(r.is_favorite, 0), coalesce(r.is_blocked, 0)
               FROM customer_summary s LEFT JOIN relations r ON r.customer_id = s.customer_id
              WHERE s.customer_id = ?1 AND s.status <> 'archived'",
        )?
        .query_row([customer_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .optional()?;
    if let Some((old, total, fav, blocked)) = row {
        let new = status_for(blocked, fav, total, t).as_str();
        tx.prepare_cached("UPDATE customer_summary SET status = ?2 WHERE customer_id = ?1")?
            .execute(params![customer_id, new])?;
        count_move(tx, Some(&old), Some(new))?;
    }
    Ok(())
}

/// Changes the thresholds and re-derives every customer's status in one transaction.
pub fn set_thresholds(conn: &mut Connection, t: Thresholds) -> Result<()> {
    crate::settings::validate_thresholds(t)?;
    let tx = crate::db::write_tx(conn)?;
    crate::settings::save_thresholds(&tx, t)?;
    refresh_all_statuses(&tx, t)?;
    tx.commit()?;
    Ok(())
}

/// Re-derives every status (after the thresholds change), with the same rule as above.
pub fn refresh_all_statuses(tx: &Transaction<'_>, t: Thresholds) -> Result<()> {
    let rows: Vec<(i64, String, i64, bool, bool)> = tx
        .prepare(
            "SELECT s.customer_id, s.status, s.total_bookings, coalesce(r.is_favorite, 0),
                    coalesce(r.is_blocked, 0)
               FROM customer_summary s LEFT JOIN relations r ON r.customer_id = s.customer_id
              WHERE s.status <> 'archived'",
        )?
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut update =
        tx.prepare("UPDATE customer_summary SET status = ?2 WHERE customer_id = ?1")?;
    for (id, old, total, fav, blocked) in rows {
        let new = status_for(blocked, fav, total, t).as_str();
        if new != old {
            update.execute(params![id, new])?;
            count_move(tx, Some(&old), Some(new))?;
        }
    }
    Ok(())
}
