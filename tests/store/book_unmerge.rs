//! Unmerge (docs/rules.md §9): both cards restored exactly, a merged platform customer's
//! later bookings landing on the kept card until then, chains undone in reverse (only the
//! latest merge into a card), an unmerge that fails writing nothing, and the timeline.

use crate::book_kit::*;
use clientele::book::merge::{merge, unmerge};
use clientele::customers::CustomerRow;
use clientele::platform::Batch;
use clientele::relations::RelationEdit;
use clientele::Money;
use clientele_test_kit::store::*;

#[test]
fn unmerge_restores_both_cards_exactly_and_both_show_in_the_timeline() {
    let mut db = two_platform_customers();
    set(
        &mut db,
        10,
        &[RelationEdit::Notes {
            value: "K notes".into(),
        }],
    );
    set(
        &mut db,
        20,
        &[
            RelationEdit::Notes {
                value: "X notes".into(),
            },
            RelationEdit::Favorite { value: true },
            blocked("No-show"),
            RelationEdit::Tags {
                value: vec!["Late".into(), "VIP".into()],
            },
        ],
    );
    set(
        &mut db,
        10,
        &[RelationEdit::Tags {
            value: vec!["vip".into()],
        }],
    );
    let (k, x) = (row(&db, 10), row(&db, 20));
    let stats = clientele::stats::stats(&db.conn, &clock()).unwrap();
    let merged = merge(&mut db.conn, 10, 20, &clock()).unwrap();
    assert_eq!(merged.notes, "K notes\n\nX notes");
    assert_eq!(merged.tags, vec!["vip", "Late"]);
    assert_eq!(merged.blocked_reason.as_deref(), Some("No-show"));
    let back = unmerge(&mut db.conn, 10, &clock()).unwrap();
    assert_eq!(back, x);
    assert_eq!(row(&db, 20), x);
    assert_eq!(row(&db, 10), k);
    assert_eq!(all_ids(&db), vec![10, 20]);
    assert_eq!(clientele::stats::stats(&db.conn, &clock()).unwrap(), stats);
    assert_recompute_unchanged(&mut db);
    // Undone by the other card's id too.
    merge(&mut db.conn, 10, 20, &clock()).unwrap();
    assert_eq!(unmerge(&mut db.conn, 20, &clock()).unwrap(), x);
    assert_eq!(row(&db, 10), k);
    let t: Vec<(i64, String, String)> = edits(&db)
        .iter()
        .take(4)
        .map(|a| (a.customer_id, a.title.clone(), a.description.clone()))
        .collect();
    let step = |title: &str, what: &str| (10, title.to_string(), format!("Ram Shrestha {what}"));
    assert_eq!(
        t,
        vec![
            step("Merge undone", "is a separate card again"),
            step("Cards merged", "merged into this card"),
            step("Merge undone", "is a separate card again"),
            step("Cards merged", "merged into this card"),
        ]
    );
}

#[test]
fn a_merged_platform_customers_new_bookings_land_on_the_kept_card() {
    let mut db = two_platform_customers();
    merge(&mut db.conn, 10, 20, &clock()).unwrap();
    let x = customer(20, "Ram", "Shrestha", Some("9802222222"));
    db.apply(&Batch {
        bookings: vec![with_customer(
            booking(
                203,
                20,
                "completed",
                "2026-11-20T08:00:00Z",
                "2026-11-21",
                700,
            ),
            x,
        )],
        reviews: vec![review(3, 20, 5, "2026-11-22T00:00:00Z")],
    });
    let k = row(&db, 10);
    assert_eq!((k.total_bookings, k.total_spent), (4, Money(320_000)));
    assert_eq!((k.review_count, k.average_rating), (3, Some(3.67)));
    assert_eq!(k.last_visit_on.as_deref(), Some("2026-11-21"));
    assert_eq!(all_ids(&db), vec![10]);
    let new = timeline(&db)
        .into_iter()
        .find(|a| a.id == "booking_203")
        .unwrap();
    assert_eq!(new.customer_id, 10, "the timeline names the kept card");
    let detail = clientele::history::detail(&db.conn, 10, 1, 20, &clock()).unwrap();
    assert!(detail.bookings.iter().any(|b| b.id == 203));
    assert_eq!(detail.bookings_total, 5);
    assert_recompute_unchanged(&mut db);
    // Unmerged, 20 takes its bookings (the new one too) back.
    let x = unmerge(&mut db.conn, 10, &clock()).unwrap();
    assert_eq!((x.total_bookings, x.cancelled_bookings), (2, 1));
    assert_eq!(x.total_spent, Money(120_000));
    assert_eq!(row(&db, 10).total_bookings, 2);
    assert_recompute_unchanged(&mut db);
}

#[test]
fn a_chain_of_merges_is_undone_in_reverse_and_restores_every_card() {
    let mut db = two_platform_customers();
    let mut ids = Vec::new();
    for (first, date) in [
        ("Sita", "2026-11-13"),
        ("Gita", "2026-11-14"),
        ("Maya", "2026-11-15"),
    ] {
        let id = own(&mut db, first, &format!("{first}'s notes"), &[first]);
        record(&mut db, id, &visit("Haircut", date, "100", "completed"));
        ids.push(id);
    }
    let (a, b, c) = (ids[0], ids[1], ids[2]);
    let original: Vec<CustomerRow> = [a, b, c, 10, 20].iter().map(|&i| row(&db, i)).collect();
    merge(&mut db.conn, b, c, &clock()).unwrap();
    let b_with_c = row(&db, b);
    assert_eq!(b_with_c.total_bookings, 2);
    merge(&mut db.conn, a, b, &clock()).unwrap();
    let a_with_bc = row(&db, a);
    assert_eq!(
        a_with_bc.notes,
        "Sita's notes\n\nGita's notes\n\nMaya's notes"
    );
    assert_eq!(a_with_bc.tags, vec!["Sita", "Gita", "Maya"]);
    let kept = merge(&mut db.conn, a, 10, &clock()).unwrap();
    assert_eq!(kept.customer_id, 10, "the platform card is kept");
    assert_eq!(row(&db, 10).total_bookings, 5);
    merge(&mut db.conn, 10, 20, &clock()).unwrap();
    assert_eq!(row(&db, 10).total_bookings, 6);
    assert_eq!(row(&db, c).customer_id, 10);
    assert_eq!(all_ids(&db), vec![10]);
    assert_recompute_unchanged(&mut db);
    // Only the latest merge into a card can be undone.
    let before = dump(&db);
    assert_invalid(unmerge(&mut db.conn, a, &clock()), "unmerge 20 first");
    assert_invalid(
        unmerge(&mut db.conn, c, &clock()),
        "merged into customer 10",
    );
    assert!(dump(&db) == before);
    assert_eq!(unmerge(&mut db.conn, 10, &clock()).unwrap(), original[4]);
    assert_eq!(unmerge(&mut db.conn, 10, &clock()).unwrap(), a_with_bc);
    assert_eq!(row(&db, 10), original[3]);
    assert_recompute_unchanged(&mut db);
    assert_eq!(unmerge(&mut db.conn, a, &clock()).unwrap(), b_with_c);
    assert_eq!(unmerge(&mut db.conn, b, &clock()).unwrap(), original[2]);
    let now: Vec<CustomerRow> = [a, b, c, 10, 20].iter().map(|&i| row(&db, i)).collect();
    assert_eq!(now, original);
    let mut all = vec![a, b, c, 10, 20];
    all.sort_unstable();
    assert_eq!(all_ids(&db), all);
    assert_recompute_unchanged(&mut db);
}

#[test]
fn an_unmerge_either_succeeds_or_writes_nothing_even_when_the_card_coming_back_has_no_booking() {
    let mut db = two_platform_customers();
    merge(&mut db.conn, 10, 20, &clock()).unwrap();
    // While merged, a complete sync no longer returns 20's bookings.
    let tx = clientele::db::write_tx(&mut db.conn).unwrap();
    clientele::ingest::mark_removed(&tx, &[201, 202], &[]).unwrap();
    tx.commit().unwrap();
    let before = dump(&db);
    match unmerge(&mut db.conn, 10, &clock()) {
        Ok(_) => {
            // 10 is itself again; 20, without a live booking, is in no list.
            assert_eq!(row(&db, 10).total_bookings, 2);
            assert_eq!(all_ids(&db), vec![10]);
            assert_invalid(unmerge(&mut db.conn, 10, &clock()), "nothing to unmerge");
        }
        Err(e) => assert!(dump(&db) == before, "failed with {e:?} but wrote"),
    }
    assert_recompute_unchanged(&mut db);
}
