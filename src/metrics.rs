//! The single place the docs/rules.md §2 rules live: per-customer metrics and the status rule.
//!
//! Metrics are refreshed only for the customers a change touched (`refresh`); `recompute_all`
//! rebuilds every row from scratch by a different read path, for checking and repair.

use crate::error::Result;
use crate::model::{booking_status, CustomerStatus, Thresholds};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use std::collections::HashMap;

/// The facts about one live booking that the metrics read.
#[derive(Debug, Clone)]
pub struct BookingFacts {
    pub id: i64,
    pub status: String,
    pub total_amount: i64,
    pub created_at: String,
    pub booking_date: String,
    pub service_title: String,
}

/// Derived metrics of one customer with at least one live booking.
#[derive(Debug, Clone, PartialEq)]
pub struct Metrics {
    pub total_bookings: i64,
    pub cancelled_bookings: i64,
    pub total_spent: i64,
    pub review_count: i64,
    pub rating_sum: i64,
    pub first_booking_at: String,
    pub last_booking_at: String,
    pub last_visit_on: Option<String>,
    pub last_service_title: String,
    pub last_service_date: String,
    pub last_service_amount: i64,
    pub segment: SegmentFacts,
}

/// What the segments and cadence read (docs/rules.md §10), derived as of a local date.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SegmentFacts {
    /// The latest `booking_date` ≤ as-of of a counted booking.
    pub visit_dated_on: Option<String>,
    /// Median gap in days between the distinct counted dates ≤ as-of, with ≥ 3 of them.
    pub cadence_days: Option<f64>,
    /// The earliest open booking dated on or after as-of.
    pub next_open_on: Option<String>,
    pub cancel_prone: bool,
    /// Booked again (a counted booking) within 90 days of the first booking.
    pub rebooked_90: bool,
}

/// The segment facts of one customer's live bookings as of `asof` (`YYYY-MM-DD`).
pub fn segment_facts<'a>(
    bookings: impl IntoIterator<Item = &'a BookingFacts>,
    asof: &str,
) -> SegmentFacts {
    let mut dates: Vec<&str> = Vec::new();
    let mut next_open: Option<&str> = None;
    let (mut counted, mut cancelled) = (0i64, 0i64);
    let mut created: Vec<&str> = Vec::new();
    for b in bookings {
        let counts = booking_status::counts(&b.status);
        if counts {
            counted += 1;
            created.push(&b.created_at);
            if b.booking_date.as_str() <= asof {
                dates.push(&b.booking_date);
            }
        } else {
            cancelled += 1;
        }
        if booking_status::OPEN.contains(&b.status.as_str())
            && b.booking_date.as_str() >= asof
            && next_open.is_none_or(|n| b.booking_date.as_str() < n)
        {
            next_open = Some(&b.booking_date);
        }
    }
    dates.sort_unstable();
    dates.dedup();
    let days: Vec<i64> = dates
        .iter()
        .filter_map(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .map(|d| i64::from(chrono::Datelike::num_days_from_ce(&d)))
        .collect();
    let cadence_days = (days.len() >= 3).then(|| {
        let mut gaps: Vec<i64> = days.windows(2).map(|w| w[1] - w[0]).collect();
        gaps.sort_unstable();
        let n = gaps.len();
        match n % 2 {
            1 => gaps[n / 2] as f64,
            _ => (gaps[n / 2 - 1] + gaps[n / 2]) as f64 / 2.0,
        }
    });
    created.sort_unstable();
    let rebooked_90 = match created.as_slice() {
        [first, second, ..] => {
            let (a, b) = (
                crate::model::stored_ts(first),
                crate::model::stored_ts(second),
            );
            b - a <= chrono::Duration::days(90)
        }
        _ => false,
    };
    SegmentFacts {
        visit_dated_on: dates.last().map(|d| d.to_string()),
        cadence_days,
        next_open_on: next_open.map(str::to_string),
        cancel_prone: cancelled >= 3 && cancelled * 10 >= 3 * (counted + cancelled),
        rebooked_90,
    }
}

/// Folds a customer's live bookings and review totals into metrics as of the local date
/// `asof` (`YYYY-MM-DD`); `None` with no booking.
pub fn summarise(
    bookings: &[BookingFacts],
    review_count: i64,
    rating_sum: i64,
    asof: &str,
) -> Option<Metrics> {
    let segment = segment_facts(bookings, asof);
    let mut m: Option<Metrics> = None;
    let mut last: Option<(&str, i64)> = None;
    for b in bookings {
        let counts = booking_status::counts(&b.status);
        let completed = b.status == booking_status::COMPLETED;
        let mm = m.get_or_insert_with(|| Metrics {
            total_bookings: 0,
            cancelled_bookings: 0,
            total_spent: 0,
            review_count,
            rating_sum,
            first_booking_at: b.created_at.clone(),
            last_booking_at: b.created_at.clone(),
            last_visit_on: None,
            last_service_title: String::new(),
            last_service_date: String::new(),
            last_service_amount: 0,
            segment: segment.clone(),
        });
        mm.total_bookings += i64::from(counts);
        mm.cancelled_bookings += i64::from(!counts);
        if completed {
            mm.total_spent += b.total_amount;
            if mm.last_visit_on.as_deref() < Some(b.booking_date.as_str()) {
                mm.last_visit_on = Some(b.booking_date.clone());
            }
        }
        if b.created_at < mm.first_booking_at {
            mm.first_booking_at = b.created_at.clone();
        }
        // Most recent booking by created_at; the higher id breaks a tie.
        if last.is_none_or(|(at, id)| (b.created_at.as_str(), b.id) > (at, id)) {
            last = Some((b.created_at.as_str(), b.id));
            mm.last_booking_at = b.created_at.clone();
            mm.last_service_title = b.service_title.clone();
            mm.last_service_date = b.booking_date.clone();
            mm.last_service_amount = b.total_amount;
        }
    }
    m
}

/// First rule that matches wins: blocked → favorite → regular → returning → new.
pub fn status_for(
    is_blocked: bool,
    is_favorite: bool,
    total_bookings: i64,
    t: Thresholds,
) -> CustomerStatus {
    if is_blocked {
        CustomerStatus::Blocked
    } else if is_favorite {
        CustomerStatus::Favorite
    } else if total_bookings >= t.regular {
        CustomerStatus::Regular
    } else if total_bookings >= t.returning {
        CustomerStatus::Returning
    } else {
        CustomerStatus::New
    }
}

/// Mean rating × 100, rounded half up; `None` with no review.
pub fn average_x100(rating_sum: i64, review_count: i64) -> Option<i64> {
    (review_count > 0).then(|| (rating_sum * 200 + review_count) / (2 * review_count))
}

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
    let mut st = tx.prepare_cached("UPDATE status_counts SET n = n + ?2 WHERE status = ?1")?;
    if let Some(old) = old {
        st.execute(params![old, -1])?;
    }
    if let Some(new) = new {
        st.execute(params![new, 1])?;
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
    let avg = average_x100(m.rating_sum, m.review_count);
    tx.prepare_cached(
        "INSERT INTO customer_summary (customer_id, sort_name, status, total_bookings,
            cancelled_bookings, total_spent, review_count, rating_sum, rating_x100, rating_asc_key,
            first_booking_at, last_booking_at, last_visit_on, last_service_title,
            last_service_date, last_service_amount, search_text, visit_dated_on, cadence_days,
            due_jd, risk_jd, next_open_on, cancel_prone, rebooked_90)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
                 ?18, ?19, julianday(?18) + ?19, julianday(?18) + 2 * ?19, ?20, ?21, ?22)
         ON CONFLICT (customer_id) DO UPDATE SET
            sort_name = excluded.sort_name, status = excluded.status,
            total_bookings = excluded.total_bookings,
            cancelled_bookings = excluded.cancelled_bookings,
            total_spent = excluded.total_spent, review_count = excluded.review_count,
            rating_sum = excluded.rating_sum, rating_x100 = excluded.rating_x100,
            rating_asc_key = excluded.rating_asc_key,
            first_booking_at = excluded.first_booking_at,
            last_booking_at = excluded.last_booking_at, last_visit_on = excluded.last_visit_on,
            last_service_title = excluded.last_service_title,
            last_service_date = excluded.last_service_date,
            last_service_amount = excluded.last_service_amount,
            search_text = excluded.search_text, visit_dated_on = excluded.visit_dated_on,
            cadence_days = excluded.cadence_days, due_jd = excluded.due_jd,
            risk_jd = excluded.risk_jd, next_open_on = excluded.next_open_on,
            cancel_prone = excluded.cancel_prone, rebooked_90 = excluded.rebooked_90",
    )?
    .execute(params![
        id,
        crate::search::fold(&format!("{} {}", first.trim(), last.trim())),
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
        search,
        m.segment.visit_dated_on,
        m.segment.cadence_days,
        m.segment.next_open_on,
        m.segment.cancel_prone,
        m.segment.rebooked_90,
    ])?;
    Ok(())
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
