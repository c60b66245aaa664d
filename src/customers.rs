//! The customer list: search, status filter with counts, sort, stable paging.

use crate::error::{Error, Result};
use crate::model::{stored_ts, Clock, CustomerStatus, Money};
use crate::segments::Segment;
use chrono::NaiveDate;
use rusqlite::types::Value as SqlValue;
use rusqlite::{params_from_iter, Connection, Row};
use serde::{Deserialize, Serialize};
use specta::Type;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum SortKey {
    Name,
    TotalBookings,
    TotalSpent,
    AverageRating,
    #[default]
    LastBooking,
    /// Most overdue first (docs/rules.md §10); customers without a cadence last either way.
    Overdue,
}

impl SortKey {
    pub const ALL: [SortKey; 6] = [
        SortKey::Name,
        SortKey::TotalBookings,
        SortKey::TotalSpent,
        SortKey::AverageRating,
        SortKey::LastBooking,
        SortKey::Overdue,
    ];

    pub fn parse(s: &str) -> Result<SortKey> {
        serde_json::from_value(serde_json::Value::String(s.into())).map_err(|_| {
            Error::invalid(format!(
                "sort: unknown sort {s:?}: expected name, total_bookings, total_spent, average_rating, last_booking or overdue"
            ))
        })
    }

    /// Names read A→Z by default; numbers and dates biggest/newest first.
    pub fn default_descending(self) -> bool {
        self != SortKey::Name
    }
}

/// What the list shows. `status` is `None` for "all" (every customer not archived);
/// `tags`: a customer must have all of them (docs/rules.md §9).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Type)]
pub struct CustomerQuery {
    #[specta(optional)]
    pub search: Option<String>,
    #[specta(optional)]
    pub status: Option<CustomerStatus>,
    #[serde(default)]
    #[specta(optional)]
    pub tags: Vec<String>,
    /// Who to call (docs/rules.md §10); combines with the rest.
    #[specta(optional)]
    pub segment: Option<Segment>,
    #[serde(default)]
    #[specta(optional)]
    pub sort: Option<SortKey>,
    /// Defaults by sort key (see [`SortKey::default_descending`]).
    #[specta(optional)]
    pub descending: Option<bool>,
    /// 1-based.
    #[specta(optional)]
    pub page: Option<u32>,
    #[specta(optional)]
    pub page_size: Option<u32>,
}

pub const DEFAULT_PAGE_SIZE: u32 = 50;
pub const MAX_PAGE_SIZE: u32 = 1000;

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct LastService {
    pub title: String,
    pub date: String,
    pub amount: Money,
}

/// Where a customer comes from: the marketplace, or added by the provider (docs/rules.md §7).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    Platform,
    Local,
}

impl Source {
    /// Own customers and visits have negative ids; the platform's are positive.
    pub fn of(id: i64) -> Source {
        if id < 0 {
            Source::Local
        } else {
            Source::Platform
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Source::Platform => "platform",
            Source::Local => "local",
        }
    }
}

/// One customer as the list, detail and export show them.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct CustomerRow {
    pub customer_id: i64,
    pub source: Source,
    pub archived: bool,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: Option<String>,
    pub city: Option<String>,
    pub avatar_url: Option<String>,
    pub status: CustomerStatus,
    pub total_bookings: i64,
    pub cancelled_bookings: i64,
    pub total_spent: Money,
    /// Mean rating, 2 decimals; `null` when the customer never reviewed.
    pub average_rating: Option<f64>,
    pub review_count: i64,
    /// `null` for an own customer without a visit yet (so are the two below).
    pub first_booking_at: Option<String>,
    pub last_booking_at: Option<String>,
    pub last_visit_on: Option<String>,
    pub next_visit_on: Option<String>,
    pub days_since_last_booking: Option<i64>,
    pub is_favorite: bool,
    pub is_blocked: bool,
    pub blocked_reason: Option<String>,
    pub notes: String,
    pub tags: Vec<String>,
    pub last_service: Option<LastService>,
    /// "Usually every N days": the median gap between visit dates (docs/rules.md §10).
    pub cadence_days: Option<f64>,
    /// Days past the expected next visit (negative: due in that many days).
    pub overdue_days: Option<f64>,
    /// The latest date ≤ today of a counted booking (§10's last visit date).
    pub visit_dated_on: Option<String>,
}

impl CustomerRow {
    pub fn full_name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name)
            .trim()
            .to_string()
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Type)]
pub struct StatusCounts {
    pub all: i64,
    pub new: i64,
    pub returning: i64,
    pub regular: i64,
    pub favorite: i64,
    pub blocked: i64,
    /// Not part of `all` (docs/rules.md §7).
    pub archived: i64,
}

impl StatusCounts {
    pub(crate) fn add(&mut self, status: &str, n: i64) {
        match status {
            "new" => self.new += n,
            "returning" => self.returning += n,
            "regular" => self.regular += n,
            "favorite" => self.favorite += n,
            "blocked" => self.blocked += n,
            "archived" => {
                self.archived += n;
                return;
            }
            _ => {}
        }
        self.all += n;
    }

    pub fn get(&self, status: Option<CustomerStatus>) -> i64 {
        match status {
            None => self.all,
            Some(CustomerStatus::New) => self.new,
            Some(CustomerStatus::Returning) => self.returning,
            Some(CustomerStatus::Regular) => self.regular,
            Some(CustomerStatus::Favorite) => self.favorite,
            Some(CustomerStatus::Blocked) => self.blocked,
            Some(CustomerStatus::Archived) => self.archived,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct CustomerPage {
    pub count: i64,
    pub page: u32,
    pub page_size: u32,
    pub total_pages: u32,
    /// Counts per status for the current search (ignoring the status filter).
    pub status_counts: StatusCounts,
    pub results: Vec<CustomerRow>,
}

/// The next visit (docs/rules.md §2): the earliest open booking from today (`:today`, local date).
macro_rules! next_visit_sql {
    () => {
        "(SELECT min(b.booking_date) FROM bookings b
             WHERE b.customer_id IN (SELECT id FROM customers m
                                      WHERE m.id = s.customer_id OR m.card_id = s.customer_id)
               AND b.removed = 0
               AND b.status IN ('pending', 'confirmed', 'payment_pending')
               AND b.booking_date >= :today)"
    };
}
pub(crate) const NEXT_VISIT_SQL: &str = next_visit_sql!();

/// Columns read by [`row`], in order; `:today` is bound by the caller.
pub(crate) const ROW_SELECT: &str = concat!(
    "SELECT c.id, c.first_name, c.last_name, c.email, c.phone, c.city, c.avatar_url,
            s.status, s.total_bookings, s.cancelled_bookings, s.total_spent, s.rating_x100,
            s.review_count, s.first_booking_at, s.last_booking_at, s.last_visit_on, ",
    next_visit_sql!(),
    " AS next_visit_on,
            coalesce(r.is_favorite, 0), coalesce(r.is_blocked, 0), r.blocked_reason,
            coalesce(r.notes, ''),
            (SELECT json_group_array(t.tag ORDER BY t.position) FROM customer_tags t
              WHERE t.customer_id = s.customer_id),
            s.last_service_title, s.last_service_date, s.last_service_amount, c.archived,
            s.cadence_days, s.visit_dated_on
       FROM customer_summary s
       JOIN customers c ON c.id = s.customer_id
       LEFT JOIN relations r ON r.customer_id = s.customer_id"
);

pub(crate) fn row(r: &Row<'_>, clock: &Clock) -> rusqlite::Result<CustomerRow> {
    let id: i64 = r.get(0)?;
    let status: String = r.get(7)?;
    // An own customer without a visit has empty booking columns (metrics::no_bookings).
    let non_empty = |s: String| (!s.is_empty()).then_some(s);
    let last_booking_at = non_empty(r.get(14)?);
    let tags: String = r.get(21)?;
    let days = last_booking_at.as_deref().map(|at| {
        (clock.today() - clock.local_date(stored_ts(at)))
            .num_days()
            .max(0)
    });
    let cadence_days: Option<f64> = r.get(26)?;
    let visit_dated_on: Option<String> = r.get(27)?;
    let overdue_days = match (cadence_days, visit_dated_on.as_deref()) {
        (Some(cadence), Some(d)) => crate::model::parse_date(d)
            .ok()
            .map(|d| (clock.today() - d).num_days() as f64 - cadence),
        _ => None,
    };
    let last_service = last_booking_at.is_some().then(|| -> rusqlite::Result<_> {
        Ok(LastService {
            title: r.get(22)?,
            date: r.get(23)?,
            amount: Money(r.get(24)?),
        })
    });
    Ok(CustomerRow {
        customer_id: id,
        source: Source::of(id),
        archived: r.get(25)?,
        first_name: r.get(1)?,
        last_name: r.get(2)?,
        email: r.get(3)?,
        phone: r.get(4)?,
        city: r.get(5)?,
        avatar_url: r.get(6)?,
        status: CustomerStatus::parse(&status).unwrap_or(CustomerStatus::New),
        total_bookings: r.get(8)?,
        cancelled_bookings: r.get(9)?,
        total_spent: Money(r.get(10)?),
        average_rating: r.get::<_, Option<i64>>(11)?.map(|x| x as f64 / 100.0),
        review_count: r.get(12)?,
        first_booking_at: non_empty(r.get(13)?),
        last_booking_at,
        last_visit_on: r.get(15)?,
        next_visit_on: r.get(16)?,
        days_since_last_booking: days,
        is_favorite: r.get(17)?,
        is_blocked: r.get(18)?,
        blocked_reason: r.get(19)?,
        notes: r.get(20)?,
        tags: serde_json::from_str(&tags).unwrap_or_default(),
        last_service: last_service.transpose()?,
        cadence_days,
        overdue_days,
        visit_dated_on,
    })
}

/// Which customers a list, count or export covers.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Filter<'a> {
    pub search: Option<&'a str>,
    pub status: Option<CustomerStatus>,
    pub tags: &'a [String],
    pub segment: Option<Segment>,
    /// "Today" and the lapsed setting, for the segment.
    pub today: NaiveDate,
    pub lapsed_days: i64,
}

impl<'a> Filter<'a> {
    /// A filter as of `clock`'s date, with the lapsed setting read from the store.
    pub fn new(
        conn: &Connection,
        clock: &Clock,
        search: Option<&'a str>,
        tags: &'a [String],
    ) -> Result<Filter<'a>> {
        Ok(Filter {
            search,
            status: None,
            tags,
            segment: None,
            today: clock.today(),
            lapsed_days: crate::settings::lapsed_days(conn)?,
        })
    }
}

/// The WHERE clause and its parameters for a filter. "All" leaves archived cards out.
pub(crate) fn filter_sql(f: Filter<'_>) -> (String, Vec<SqlValue>) {
    let (mut clauses, mut params) = search_and_tags(&f);
    match f.status {
        Some(st) => {
            clauses.push("s.status = ?".into());
            params.push(SqlValue::Text(st.as_str().into()));
        }
        None => clauses.push("s.status <> 'archived'".into()),
    }
    (clauses.join(" AND "), params)
}

/// The clauses of a search and a tag filter, every status included.
fn search_and_tags(f: &Filter<'_>) -> (Vec<String>, Vec<SqlValue>) {
    let mut clauses = vec!["1".to_string()];
    let mut params = Vec::new();
    if let Some(seg) = f.segment {
        let (cond, p) = crate::segments::clause(seg, f.today, f.lapsed_days);
        clauses.push(format!("({cond})"));
        params.extend(p);
    }
    // Every term a substring of the summary's search text: a scan of its covering index
    // (docs/architecture.md, "Search").
    for needle in crate::search::terms(f.search.unwrap_or("")) {
        clauses.push("instr(s.search_text, ?) > 0".into());
        params.push(SqlValue::Text(needle));
    }
    for tag in f.tags {
        clauses.push(
            "s.customer_id IN (SELECT customer_id FROM customer_tags WHERE tag_key = ?)".into(),
        );
        params.push(SqlValue::Text(crate::tags::key(tag)));
    }
    (clauses, params)
}

/// The filter with its match lists, status and segment columns marked `+` (not to be used
/// as an index), so SQLite walks the sort's index (which carries the status, V13) instead
/// of sorting every match.
fn unindexed(where_sql: &str) -> String {
    let mut out = where_sql.replace("s.customer_id IN (SELECT", "+s.customer_id IN (SELECT");
    for col in [
        "status",
        "next_open_on",
        "visit_dated_on",
        "risk_jd",
        "cancel_prone",
        "review_count",
        "last_visit_on",
    ] {
        out = out.replace(&format!(" s.{col}"), &format!(" +s.{col}"));
    }
    out
}

/// ORDER BY for a sort; ties break by customer id in the same direction so paging is stable.
pub(crate) fn order_sql(sort: SortKey, descending: bool) -> String {
    let dir = if descending { "DESC" } else { "ASC" };
    let key = match (sort, descending) {
        (SortKey::Name, _) => "s.sort_name",
        (SortKey::TotalBookings, _) => "s.total_bookings",
        (SortKey::TotalSpent, _) => "s.total_spent",
        // NULL (no review) is lowest, so it comes last descending; ascending uses a key
        // that puts it last too.
        (SortKey::AverageRating, true) => "s.rating_x100",
        (SortKey::AverageRating, false) => "s.rating_asc_key",
        (SortKey::LastBooking, _) => "s.last_booking_at",
        // Most overdue = the earliest expected date; no cadence last in both directions.
        (SortKey::Overdue, _) => {
            let due = if descending { "ASC" } else { "DESC" };
            return format!("ORDER BY s.due_jd IS NULL, s.due_jd {due}, s.customer_id ASC");
        }
    };
    format!("ORDER BY {key} {dir}, s.customer_id {dir}")
}

/// Counts per status of the customers matching the search, tags and segment (the chips).
pub(crate) fn status_counts(conn: &Connection, f: &Filter<'_>) -> Result<StatusCounts> {
    let mut counts = StatusCounts::default();
    let (clauses, params) = search_and_tags(f);
    let where_sql = clauses.join(" AND ");
    let searching = !crate::search::terms(f.search.unwrap_or("")).is_empty();
    let sql = match (searching, f.tags.is_empty() && f.segment.is_none()) {
        (false, true) => "SELECT status, n FROM status_counts".to_string(),
        // The covering index holds both the status and the text the scan reads.
        (true, true) => format!(
            "SELECT s.status, count(*) FROM customer_summary s INDEXED BY summary_status_search
              WHERE {where_sql} GROUP BY s.status"
        ),
        // `+`: group the matches found by the filter's index, not every card by a status index.
        _ => format!(
            "SELECT s.status, count(*) FROM customer_summary s WHERE {where_sql} GROUP BY +s.status"
        ),
    };
    let mut st = conn.prepare_cached(&sql)?;
    let rows = st.query_map(params_from_iter(params), |r| {
        Ok((r.get::<_, String>(0)?, r.get(1)?))
    })?;
    for row in rows {
        let (status, n) = row?;
        counts.add(&status, n);
    }
    Ok(counts)
}

/// A list query's paging and order, checked (bad sizes, pages and tags are refused).
#[derive(Debug, Clone, Copy)]
pub(crate) struct PageArgs {
    pub page: u32,
    pub page_size: u32,
    pub sort: SortKey,
    pub descending: bool,
}

impl PageArgs {
    pub fn of(q: &CustomerQuery) -> Result<PageArgs> {
        let page_size = q.page_size.unwrap_or(DEFAULT_PAGE_SIZE);
        if page_size == 0 || page_size > MAX_PAGE_SIZE {
            return Err(Error::invalid(format!(
                "page size must be from 1 to {MAX_PAGE_SIZE} (got {page_size})"
            )));
        }
        let page = q.page.unwrap_or(1);
        if page == 0 {
            return Err(Error::invalid("page numbers start at 1"));
        }
        crate::tags::validate_filter(&q.tags)?;
        let sort = q.sort.unwrap_or_default();
        Ok(PageArgs {
            page,
            page_size,
            sort,
            descending: q.descending.unwrap_or(sort.default_descending()),
        })
    }
}

pub(crate) fn page_of(
    args: PageArgs,
    count: i64,
    status_counts: StatusCounts,
    results: Vec<CustomerRow>,
) -> CustomerPage {
    CustomerPage {
        count,
        page: args.page,
        page_size: args.page_size,
        total_pages: (count as u64).div_ceil(u64::from(args.page_size)) as u32,
        status_counts,
        results,
    }
}

/// The rows of `ids`, in that order.
pub(crate) fn rows_by_id(
    conn: &Connection,
    ids: &[i64],
    clock: &Clock,
) -> Result<Vec<CustomerRow>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let marks: Vec<String> = (2..ids.len() + 2).map(|i| format!("?{i}")).collect();
    let sql = format!("{ROW_SELECT} WHERE s.customer_id IN ({})", marks.join(","))
        .replace(":today", "?1");
    let mut params = vec![SqlValue::Text(clock.today().to_string())];
    params.extend(ids.iter().map(|&id| SqlValue::Integer(id)));
    let mut st = conn.prepare_cached(&sql)?;
    let mut rows: std::collections::HashMap<i64, CustomerRow> = st
        .query_map(params_from_iter(params), |r| row(r, clock))?
        .map(|r| r.map(|row| (row.customer_id, row)))
        .collect::<rusqlite::Result<_>>()?;
    Ok(ids.iter().filter_map(|id| rows.remove(id)).collect())
}

/// One page of the customer list.
pub fn list(conn: &Connection, q: &CustomerQuery, clock: &Clock) -> Result<CustomerPage> {
    let args = PageArgs::of(q)?;
    let (page, page_size) = (args.page, args.page_size);
    let filter = Filter {
        status: q.status,
        segment: q.segment,
        ..Filter::new(conn, clock, q.search.as_deref(), &q.tags)?
    };
    let status_counts = status_counts(conn, &filter)?;
    let count = status_counts.get(q.status);
    let (where_sql, mut params) = filter_sql(filter);
    // The page's ids first, sorted on summary columns alone; the row's subqueries (next
    // visit, tags) then run for those rows only. One query with them in the SELECT list
    // computes them for every match before the sort (a tag or a city: ~10k rows, 150 ms).
    let order = order_sql(args.sort, args.descending);
    // A tag or search matching many cards is cheapest as a walk down the sort's index that
    // tests each card against the matches (`+` keeps SQLite from driving the query by the
    // match list, which would sort every match): with 2 % of the book or more, 50 rows come
    // within a few thousand index entries.
    let dense = count * 50 >= status_counts.all.max(1) && count > i64::from(page_size) * 4;
    let where_sql = match dense {
        true => unindexed(&where_sql),
        false => where_sql,
    };
    let sql = format!(
        "{ROW_SELECT} WHERE s.customer_id IN
           (SELECT s.customer_id FROM customer_summary s WHERE {where_sql} {order} LIMIT ? OFFSET ?)
         {order}"
    );
    params.push(SqlValue::Integer(i64::from(page_size)));
    params.push(SqlValue::Integer(
        i64::from(page - 1) * i64::from(page_size),
    ));
    let today = clock.today().to_string();
    let sql = sql.replace(":today", "?");
    // `?today` sits in the SELECT list, before the WHERE parameters.
    let mut all = vec![SqlValue::Text(today)];
    all.extend(params);
    let mut st = conn.prepare_cached(&sql)?;
    let results = st
        .query_map(params_from_iter(all), |r| row(r, clock))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(page_of(args, count, status_counts, results))
}

/// One customer by id, as a list row; a card merged into another is found as that card.
pub fn get(conn: &Connection, customer_id: i64, clock: &Clock) -> Result<CustomerRow> {
    let sql = format!(
        "{ROW_SELECT} WHERE s.customer_id = (SELECT coalesce(card_id, id) FROM customers WHERE id = ?2)"
    )
    .replace(":today", "?1");
    conn.prepare_cached(&sql)?
        .query_row(
            rusqlite::params![clock.today().to_string(), customer_id],
            |r| row(r, clock),
        )
        .map_err(|e| match e {
            rusqlite::Error::QueryReturnedNoRows => {
                Error::not_found(format!("no customer with id {customer_id}"))
            }
            e => e.into(),
        })
}
