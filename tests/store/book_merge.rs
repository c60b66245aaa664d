//! Merge (docs/rules.md §9): what the kept card gets, which card is kept, the other card
//! leaving the list, the stats and the export, and the merges that are refused.

use crate::book_kit::*;
use clientele::book::merge::{merge, unmerge};
use clientele::book::NewCustomer;
use clientele::customers::CustomerRow;
use clientele::export::{export_csv, ExportFilter};
use clientele::relations::RelationEdit;
use clientele::{CustomerStatus, Money};
use clientele_test_kit::store::*;

#[test]
fn the_kept_card_gets_notes_tags_and_flags_of_both() {
    let mut db = TestDb::new();
    let a = own(&mut db, "Sita", "Prefers mornings", &["VIP", "Hair"]);
    let b = own(&mut db, "Gita", "Pays cash", &["hair", "Nails"]);
    set(&mut db, a, &[RelationEdit::Favorite { value: true }]);
    set(&mut db, b, &[blocked("Late twice")]);
    let kept = merge(&mut db.conn, a, b, &clock()).unwrap();
    assert_eq!(kept.customer_id, a);
    assert_eq!(kept.first_name, "Sita");
    assert_eq!(kept.notes, "Prefers mornings\n\nPays cash");
    assert_eq!(kept.tags, vec!["VIP", "Hair", "Nails"]);
    assert!(kept.is_favorite && kept.is_blocked);
    assert_eq!(kept.blocked_reason.as_deref(), Some("Late twice"));
    assert_eq!(kept.status, CustomerStatus::Blocked);
    assert_eq!(all_ids(&db), vec![a]);
    assert_eq!(
        row(&db, b).customer_id,
        a,
        "the other id finds the kept card"
    );
    let s = clientele::stats::stats(&db.conn, &clock()).unwrap();
    assert_eq!(
        (s.total_customers, s.favorite_customers, s.blocked_customers),
        (1, 1, 1)
    );
    // Identical notes are not repeated.
    let c = own(&mut db, "Hari", "Same note", &[]);
    let d = own(&mut db, "Maya", "Same note", &[]);
    assert_eq!(
        merge(&mut db.conn, c, d, &clock()).unwrap().notes,
        "Same note"
    );
    assert_recompute_unchanged(&mut db);
}

#[test]
fn notes_are_appended_unless_identical_even_when_the_kept_notes_contain_them() {
    let mut db = TestDb::new();
    let a = own(&mut db, "Sita", "Call before 10 am", &[]);
    let b = own(&mut db, "Gita", "Call", &[]);
    let kept = merge(&mut db.conn, a, b, &clock()).unwrap();
    assert_eq!(kept.notes, "Call before 10 am\n\nCall");
}

#[test]
fn the_platform_customer_is_kept_whatever_the_order_and_its_profile_unchanged() {
    let mut db = two_platform_customers();
    let before = row(&db, 20);
    let c = NewCustomer {
        email: Some("sita@example.test".into()),
        phone: Some("9803333333".into()),
        city: Some("Pokhara".into()),
        notes: Some("Walk-in".into()),
        ..person("Sita", "Gurung")
    };
    let o = add(&mut db, &c).customer_id;
    record(
        &mut db,
        o,
        &visit("Haircut", "2026-11-15", "300", "completed"),
    );
    let kept = merge(&mut db.conn, o, 20, &clock()).unwrap();
    assert_eq!(kept.customer_id, 20);
    let profile = |r: &CustomerRow| {
        (
            r.first_name.clone(),
            r.last_name.clone(),
            r.email.clone(),
            r.phone.clone(),
            r.city.clone(),
        )
    };
    assert_eq!(
        profile(&kept),
        profile(&before),
        "the own card fills nothing"
    );
    assert_eq!(kept.notes, "Walk-in");
    // 20's two bookings (one cancelled) and the visit; spent 500 + 300.
    assert_eq!((kept.total_bookings, kept.cancelled_bookings), (2, 1));
    assert_eq!(kept.total_spent, Money(80_000));
    assert_eq!(kept.last_visit_on.as_deref(), Some("2026-11-15"));
    assert_eq!(all_ids(&db), vec![10, 20]);
    assert_recompute_unchanged(&mut db);
}

#[test]
fn the_kept_card_counts_the_others_bookings_and_reviews_and_the_other_leaves_everything() {
    let mut db = two_platform_customers();
    let kept = merge(&mut db.conn, 10, 20, &clock()).unwrap();
    // Bookings 101, 102, 201 counted, 202 cancelled; spent 1000 + 1000 + 500.
    assert_eq!((kept.total_bookings, kept.cancelled_bookings), (3, 1));
    assert_eq!(kept.total_spent, Money(250_000));
    assert_eq!((kept.review_count, kept.average_rating), (2, Some(3.0)));
    assert_eq!(
        kept.first_booking_at.as_deref(),
        Some("2026-10-01T08:00:00.000000Z")
    );
    assert_eq!(
        kept.last_booking_at.as_deref(),
        Some("2026-11-10T08:00:00.000000Z")
    );
    assert_eq!(kept.status, CustomerStatus::Returning);
    assert_eq!(all_ids(&db), vec![10]);
    let s = clientele::stats::stats(&db.conn, &clock()).unwrap();
    assert_eq!((s.total_customers, s.average_rating), (1, Some(3.0)));
    assert_eq!(s.retention_rate, 100.0);
    let out = db.dir.path().join("merged.csv");
    let report = export_csv(&db.conn, &out, &ExportFilter::default(), &clock()).unwrap();
    assert_eq!(report.rows, 1);
    let detail = clientele::history::detail(&db.conn, 10, 1, 20, &clock()).unwrap();
    let mut booked: Vec<i64> = detail.bookings.iter().map(|b| b.id).collect();
    booked.sort_unstable();
    assert_eq!(booked, vec![101, 102, 201, 202]);
    assert_eq!(detail.reviews.len(), 2);
    assert_recompute_unchanged(&mut db);
}

#[test]
fn merges_that_cannot_be_are_refused_and_write_nothing() {
    let mut db = two_platform_customers();
    let o = own(&mut db, "Sita", "", &[]);
    let before = dump(&db);
    assert_invalid(merge(&mut db.conn, 10, 10, &clock()), "itself");
    assert_invalid(merge(&mut db.conn, o, o, &clock()), "itself");
    for (k, x) in [(10, 999), (999, 10), (o, -999)] {
        let e = merge(&mut db.conn, k, x, &clock()).unwrap_err();
        assert_eq!(e.code(), "not_found", "{k} {x}: {e}");
    }
    assert_invalid(unmerge(&mut db.conn, 10, &clock()), "nothing to unmerge");
    assert_eq!(
        unmerge(&mut db.conn, 999, &clock()).unwrap_err().code(),
        "not_found"
    );
    assert!(dump(&db) == before);
    merge(&mut db.conn, 10, 20, &clock()).unwrap();
    let before = dump(&db);
    // 20 is in 10 now: it can be neither kept nor merged again.
    assert_invalid(merge(&mut db.conn, o, 20, &clock()), "merged into");
    assert_invalid(merge(&mut db.conn, 20, o, &clock()), "merged into");
    assert!(dump(&db) == before);
}

#[test]
fn an_own_customer_merged_into_a_platform_card_stays_in_the_book_when_its_bookings_go() {
    let mut db = TestDb::new();
    db.apply(&bookings(vec![booking(
        1,
        7,
        "completed",
        "2026-11-01T08:00:00Z",
        "2026-11-02",
        100,
    )]));
    let o = own(&mut db, "Sita", "Walk-in", &[]);
    merge(&mut db.conn, 7, o, &clock()).unwrap();
    // A complete sync no longer returns 7's only booking.
    let tx = clientele::db::write_tx(&mut db.conn).unwrap();
    clientele::ingest::mark_removed(&tx, &[1], &[]).unwrap();
    tx.commit().unwrap();
    // The card still holds an own customer, which is in the book from when it was added.
    assert_eq!(all_ids(&db), vec![7]);
    let card = row(&db, o);
    assert_eq!((card.customer_id, card.total_bookings), (7, 0));
    assert_eq!(card.notes, "Walk-in");
    let s = clientele::stats::stats(&db.conn, &clock()).unwrap();
    assert_eq!(s.total_customers, 1);
    assert_recompute_unchanged(&mut db);
}
