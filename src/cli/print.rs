//! Output: JSON with `--json`, otherwise short human-readable text.

use clientele::activity::ActivityPage;
use clientele::customers::{CustomerPage, CustomerRow};
use clientele::history::CustomerDetail;
use clientele::ingest::ApplyReport;
use clientele::stats::Stats;
use serde::Serialize;

fn emit_json<T: Serialize>(v: &T) {
    println!(
        "{}",
        serde_json::to_string_pretty(v).unwrap_or_else(|_| "null".into())
    );
}

fn rating(r: Option<f64>) -> String {
    r.map(|r| format!("{r:.2}")).unwrap_or_else(|| "—".into())
}

pub fn done<T: Serialize>(json: bool, text: &str, v: &T) {
    if json {
        emit_json(v)
    } else {
        println!("{text}")
    }
}

pub fn import(json: bool, r: &ApplyReport) {
    done(
        json,
        &format!(
            "bookings: {} new, {} updated, {} unchanged; reviews: {} new, {} updated, {} unchanged; {} customers touched",
            r.bookings_new, r.bookings_updated, r.bookings_unchanged, r.reviews_new,
            r.reviews_updated, r.reviews_unchanged, r.customers_touched
        ),
        r,
    )
}

fn line(c: &CustomerRow) -> String {
    format!(
        "{:>7}  {:<28} {:<9} {:>5} {:>12} {:>6}  {}",
        c.customer_id,
        truncate(&c.full_name(), 28),
        c.status.as_str(),
        c.total_bookings,
        c.total_spent.to_string(),
        rating(c.average_rating),
        c.last_booking_at
            .as_deref()
            .map_or("never", |at| &at[..10.min(at.len())])
    )
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        s.chars().take(n - 1).chain(['…']).collect()
    }
}

pub fn customers(json: bool, p: &CustomerPage) {
    if json {
        return emit_json(p);
    }
    let c = &p.status_counts;
    println!(
        "{} customers (page {} of {}) — all {}, new {}, returning {}, regular {}, favorite {}, blocked {}",
        p.count, p.page, p.total_pages.max(1), c.all, c.new, c.returning, c.regular, c.favorite, c.blocked
    );
    println!(
        "{:>7}  {:<28} {:<9} {:>5} {:>12} {:>6}  last booking",
        "id", "name", "status", "bkgs", "spent", "rating"
    );
    for r in &p.results {
        println!("{}", line(r));
    }
}

pub fn stats(json: bool, s: &Stats) {
    if json {
        return emit_json(s);
    }
    println!("total customers          {}", s.total_customers);
    println!("regular customers        {}", s.regular_customers);
    println!("new this month           {}", s.new_customers_this_month);
    println!("active (last 30 days)    {}", s.active_customers);
    println!("favourites               {}", s.favorite_customers);
    println!("blocked                  {}", s.blocked_customers);
    println!("average rating           {}", rating(s.average_rating));
    println!("retention rate           {:.1}%", s.retention_rate);
}

pub fn activity(json: bool, p: &ActivityPage) {
    if json {
        return emit_json(p);
    }
    for a in &p.activities {
        println!(
            "{}  {:<24} {} — {}",
            &a.timestamp[..16.min(a.timestamp.len())],
            a.title,
            a.customer_name,
            a.description
        );
    }
    if let Some(c) = &p.next_cursor {
        println!("more: --before '{c}'");
    }
}

pub fn detail(json: bool, d: &CustomerDetail) {
    if json {
        return emit_json(d);
    }
    let c = &d.customer;
    println!(
        "{} (#{}) — {}",
        c.full_name(),
        c.customer_id,
        c.status.as_str()
    );
    println!(
        "  {}  {}  {}",
        c.email,
        c.phone.as_deref().unwrap_or("no phone"),
        c.city.as_deref().unwrap_or("")
    );
    println!(
        "  {} bookings ({} cancelled), spent {}, rating {}",
        c.total_bookings,
        c.cancelled_bookings,
        c.total_spent,
        rating(c.average_rating)
    );
    if !c.notes.is_empty() {
        println!("  notes: {}", c.notes);
    }
    println!(
        "bookings ({} in all, page {}):",
        d.bookings_total, d.bookings_page
    );
    for b in &d.bookings {
        println!(
            "  {} {}  {:<28} {:<22} {:>10}",
            b.booking_date,
            b.booking_time.as_deref().unwrap_or("--:--:--"),
            truncate(&b.service_title, 28),
            b.status,
            b.total_amount.to_string()
        );
    }
    println!("reviews ({}):", d.reviews.len());
    for r in &d.reviews {
        println!(
            "  {}★ {}  {}",
            r.rating,
            &r.created_at[..10.min(r.created_at.len())],
            r.comment
        );
    }
}

pub fn set(json: bool, c: &CustomerRow) {
    done(
        json,
        &format!(
            "{} (#{}) is now {}{}",
            c.full_name(),
            c.customer_id,
            c.status.as_str(),
            if c.notes.is_empty() {
                ""
            } else {
                " (has notes)"
            }
        ),
        c,
    )
}

/// One customer after a book command: the row as JSON, or a line saying what happened.
pub fn row(json: bool, what: &str, c: &CustomerRow) {
    if json {
        return emit_json(c);
    }
    let tags = match c.tags.is_empty() {
        true => String::new(),
        false => format!(" · tags: {}", c.tags.join(", ")),
    };
    println!(
        "{what}: {} (id {}, {}{}){tags}",
        c.full_name(),
        c.customer_id,
        c.source.as_str(),
        if c.archived { ", archived" } else { "" }
    );
}

pub fn visit(json: bool, what: &str, v: &clientele::book::visits::Visit) {
    done(
        json,
        &format!(
            "{what}: visit {} for customer {} — {} on {}{}, {} ({})",
            v.booking_id,
            v.customer_id,
            v.service,
            v.date,
            v.time
                .as_deref()
                .map(|t| format!(" {t}"))
                .unwrap_or_default(),
            v.amount,
            v.status
        ),
        v,
    )
}

pub fn import_report(json: bool, dry_run: bool, r: &clientele::import::ImportReport) {
    if json {
        return emit_json(r);
    }
    let verb = if dry_run { "would add" } else { "added" };
    println!(
        "{verb} {}, matched {}, unchanged {}, invalid {}",
        r.added,
        r.matched,
        r.unchanged,
        r.invalid.len()
    );
    for i in &r.invalid {
        println!("  line {}: {}", i.line, i.message);
    }
    if !r.ignored_columns.is_empty() {
        println!("ignored columns: {}", r.ignored_columns.join(", "));
    }
}

pub fn tags(json: bool, tags: &[clientele::tags::TagCount]) {
    if json {
        return emit_json(&tags);
    }
    if tags.is_empty() {
        println!("no tags yet — add one with: clientele tag ID --add TAG");
    }
    for t in tags {
        println!("{:>7}  {}", t.count, t.tag);
    }
}

pub fn duplicates(json: bool, groups: &[clientele::book::duplicates::DuplicateGroup]) {
    if json {
        return emit_json(&groups);
    }
    if groups.is_empty() {
        println!("no likely duplicates");
    }
    for g in groups {
        let ids: Vec<String> = g.customer_ids.iter().map(i64::to_string).collect();
        println!("{} — {}", ids.join(", "), g.reasons.join("; "));
    }
}

pub fn segments(json: bool, s: &clientele::segments::SegmentCounts) {
    done(
        json,
        &format!(
            "upcoming {} · lapsed {} · at risk {} · cancel-prone {} · top spenders {} · unreviewed {}",
            s.upcoming, s.lapsed, s.at_risk, s.cancel_prone, s.top_spenders, s.unreviewed
        ),
        s,
    )
}
