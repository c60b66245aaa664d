//! The desktop's in-memory book index (src/book_index) answers every list and segment
//! count exactly as the SQL path does, on a demo book and after each kind of change it
//! must catch up with: tags, archive, merge and unmerge, own customers and visits, a
//! relation edit, a synced batch, and a pruned change feed.

use super::book_kit::{person, record, visit};
use clientele::book::{self, merge};
use clientele::book_index::BookIndex;
use clientele::customers::{self, CustomerQuery, SortKey};
use clientele::model::CustomerStatus;
use clientele::relations::{edit, RelationEdit};
use clientele::segments::{self, Segment};
use clientele::stats::{charts, charts_with, ChartRange};
use clientele_test_kit::store::*;

fn demo_book(customers: usize) -> TestDb {
    let mut db = TestDb::new();
    for batch in clientele::demo::batches(customers, 7, clock()) {
        db.apply(&batch);
    }
    segments::roll(&mut db.conn, clock().today()).unwrap();
    db
}

/// The demo's card ids, in id order (the demo does not number from 1).
fn card_ids(db: &TestDb) -> Vec<i64> {
    db.conn
        .prepare("SELECT customer_id FROM customer_summary ORDER BY customer_id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn tag(db: &mut TestDb, id: i64, tags: &[&str]) {
    let add: Vec<String> = tags.iter().map(|t| t.to_string()).collect();
    book::tag(&mut db.conn, id, &add, &[], &clock()).unwrap();
}

/// The queries compared: searches (short, long, two words, a city, a phone fragment),
/// tags, every segment and status, every sort both ways, and pages past the first.
fn queries(db: &TestDb) -> Vec<CustomerQuery> {
    let names: Vec<(String, String)> = db
        .conn
        .prepare("SELECT first_name, coalesce(city, '') FROM customers ORDER BY id LIMIT 3")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let mut searches: Vec<Option<String>> = vec![None, Some("sh".into()), Some("98".into())];
    for (first, city) in names {
        searches.push(Some(first.to_lowercase()));
        searches.push(Some(format!("{city} {first}")));
        searches.push(Some(first.chars().take(2).collect()));
    }
    let mut out = Vec::new();
    for search in &searches {
        for tags in [vec![], vec!["VIP"], vec!["vip", "hair"], vec!["nobody"]] {
            out.push(CustomerQuery {
                search: search.clone(),
                tags: tags.iter().map(|t| t.to_string()).collect(),
                ..Default::default()
            });
        }
    }
    for segment in Segment::ALL {
        for status in [
            None,
            Some(CustomerStatus::Regular),
            Some(CustomerStatus::Blocked),
        ] {
            out.push(CustomerQuery {
                segment: Some(segment),
                status,
                ..Default::default()
            });
        }
    }
    for sort in SortKey::ALL {
        for descending in [true, false] {
            for page in [1, 2, 40] {
                out.push(CustomerQuery {
                    sort: Some(sort),
                    descending: Some(descending),
                    page: Some(page),
                    page_size: Some(7),
                    ..Default::default()
                });
                // Filtered, so the index sorts and pages (plain shallow pages go to SQL).
                out.push(CustomerQuery {
                    sort: Some(sort),
                    descending: Some(descending),
                    page: Some(page),
                    page_size: Some(3),
                    search: Some("a".into()),
                    ..Default::default()
                });
            }
        }
    }
    for status in [
        CustomerStatus::Archived,
        CustomerStatus::New,
        CustomerStatus::Favorite,
    ] {
        out.push(CustomerQuery {
            status: Some(status),
            search: Some("a".into()),
            ..Default::default()
        });
    }
    out
}

fn assert_agrees(db: &TestDb, index: &BookIndex, when: &str) {
    for q in queries(db) {
        let sql = customers::list(&db.conn, &q, &clock()).unwrap();
        let fast = index.list(&db.conn, &q, &clock()).unwrap();
        assert_eq!(fast, sql, "{when}: {q:?}");
    }
    assert_eq!(
        index.segment_counts(&db.conn, &clock()).unwrap(),
        segments::counts(&db.conn, &clock()).unwrap(),
        "{when}: segment counts"
    );
    for range in [
        ChartRange::Last12Months,
        ChartRange::ThisYear,
        ChartRange::AllTime,
    ] {
        let fast = charts_with(&db.conn, &clock(), range, Some(index)).unwrap();
        assert_eq!(
            fast,
            charts(&db.conn, &clock(), range).unwrap(),
            "{when}: charts {range:?}"
        );
        assert!(
            fast.months.iter().any(|m| m.new_customers > 0),
            "{when}: cohorts counted"
        );
    }
}

#[test]
fn the_index_answers_as_sql_does_and_follows_every_change() {
    let mut db = demo_book(400);
    let ids = card_ids(&db);
    for (i, id) in ids[..40].iter().enumerate() {
        let tags: &[&str] = if i % 2 == 0 {
            &["VIP", "Hair"]
        } else {
            &["vip"]
        };
        tag(&mut db, *id, tags);
    }
    let index = BookIndex::new();
    assert_agrees(&db, &index, "first load");
    assert!(
        index.len() >= 390,
        "the index holds the book ({})",
        index.len()
    );
    // Sanity: the comparison is not over empty answers.
    let vip = index
        .list(
            &db.conn,
            &CustomerQuery {
                tags: vec!["vip".into()],
                ..Default::default()
            },
            &clock(),
        )
        .unwrap();
    assert_eq!(vip.count, 40);
    assert_eq!(vip.status_counts.all, 40);

    tag(&mut db, ids[41], &["hair", "VIP"]);
    book::set_archived(&mut db.conn, ids[2], true, &clock()).unwrap();
    edit(
        &mut db.conn,
        ids[3],
        &[RelationEdit::Blocked {
            value: true,
            reason: Some("no-show".into()),
        }],
        &clock(),
    )
    .unwrap();
    assert_agrees(&db, &index, "after tags, archive and block");

    merge::merge(&mut db.conn, ids[4], ids[5], &clock()).unwrap();
    let own = book::add_customer(&mut db.conn, &person("Sita", "Shrestha"), &clock())
        .unwrap()
        .customer_id;
    record(
        &mut db,
        own,
        &visit("Haircut", "2026-11-20", "500", "completed"),
    );
    assert_agrees(
        &db,
        &index,
        "after a merge and an own customer with a visit",
    );
    // The new card's search text joined the index's texts (a catch-up rebuilds them in
    // entry order after the merge moved entries).
    let found = index
        .list(
            &db.conn,
            &CustomerQuery {
                search: Some("sita shrestha".into()),
                ..Default::default()
            },
            &clock(),
        )
        .unwrap();
    assert!(
        found.results.iter().any(|c| c.customer_id == own),
        "the own customer is found by name after the catch-up"
    );

    merge::unmerge(&mut db.conn, ids[5], &clock()).unwrap();
    db.apply(&bookings(vec![booking(
        900_001,
        ids[6],
        "confirmed",
        "2026-11-23T03:00:00Z",
        "2026-11-27",
        1500,
    )]));
    assert_agrees(&db, &index, "after an unmerge and a synced booking");

    // An import tags a matched card and adds a tagged one, in set-based writes that log
    // their own changes (no trigger since V13).
    let email: String = db
        .conn
        .query_row("SELECT email FROM customers WHERE id = ?1", [ids[7]], |r| {
            r.get(0)
        })
        .unwrap();
    let csv = db.dir.path().join("list.csv");
    std::fs::write(
        &csv,
        format!(
            "Name,Email,Tags\nSomeone,{email},Imported|vip\nGita Rai,gita@example.com,Imported\n"
        ),
    )
    .unwrap();
    let opts = book::import::Options {
        dry_run: false,
        skip_invalid: false,
    };
    let r = book::import::import_file(&mut db.conn, &csv, opts, &clock()).unwrap();
    assert_eq!((r.added, r.matched), (1, 1), "{r:?}");
    assert_agrees(&db, &index, "after an import");
}

#[test]
fn a_pruned_change_feed_reloads_the_index() {
    let mut db = demo_book(60);
    let ids = card_ids(&db);
    let index = BookIndex::new();
    assert_agrees(&db, &index, "first load");
    let loaded_at: i64 = db
        .conn
        .query_row("SELECT max(seq) FROM summary_changes", [], |r| r.get(0))
        .unwrap();
    // More changes than the feed keeps: the writer prunes the ids the index has not read.
    db.conn
        .execute_batch(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100500)
             INSERT INTO summary_changes (customer_id) SELECT 0 FROM n;",
        )
        .unwrap();
    tag(&mut db, ids[7], &["late"]);
    db.apply(&bookings(vec![booking(
        900_002,
        ids[8],
        "confirmed",
        "2026-11-23T03:00:00Z",
        "2026-11-26",
        900,
    )]));
    let oldest: i64 = db
        .conn
        .query_row("SELECT min(seq) FROM summary_changes", [], |r| r.get(0))
        .unwrap();
    assert!(
        oldest > loaded_at + 1,
        "the feed was pruned past the index (oldest seq {oldest}, index at {loaded_at})"
    );
    assert_agrees(&db, &index, "after the feed was pruned");
    let late = CustomerQuery {
        tags: vec!["late".into()],
        ..Default::default()
    };
    assert_eq!(index.list(&db.conn, &late, &clock()).unwrap().count, 1);
}
