//! Likely duplicates (docs/rules.md §9): same email key, same phone key, same full name
//! with the same non-empty city; connected groups; archived and merged cards left out.

use crate::book_kit::*;
use clientele::book::duplicates::{find, DuplicateGroup};
use clientele::book::NewCustomer;
use clientele_test_kit::store::*;
use std::collections::BTreeSet;

fn own(
    db: &mut TestDb,
    first: &str,
    last: &str,
    email: Option<&str>,
    phone: Option<&str>,
    city: Option<&str>,
) -> i64 {
    let c = NewCustomer {
        email: email.map(str::to_string),
        phone: phone.map(str::to_string),
        city: city.map(str::to_string),
        ..person(first, last)
    };
    add(db, &c).customer_id
}

/// The groups as sets of ids, each with its reasons.
fn groups(db: &TestDb) -> Vec<(BTreeSet<i64>, Vec<String>)> {
    let mut g: Vec<(BTreeSet<i64>, Vec<String>)> = find(&db.conn)
        .unwrap()
        .into_iter()
        .map(
            |DuplicateGroup {
                 customer_ids,
                 reasons,
             }| {
                let set: BTreeSet<i64> = customer_ids.iter().copied().collect();
                assert_eq!(set.len(), customer_ids.len(), "an id listed twice");
                (set, reasons)
            },
        )
        .collect();
    g.sort();
    g
}

fn set(ids: &[i64]) -> BTreeSet<i64> {
    ids.iter().copied().collect()
}

#[test]
fn same_email_same_phone_or_same_name_and_city_are_likely_duplicates() {
    let mut db = TestDb::new();
    let a = own(
        &mut db,
        "Ram",
        "Shrestha",
        Some(" Ram@Example.TEST "),
        None,
        None,
    );
    let b = own(&mut db, "R.", "S.", Some("ram@example.test"), None, None);
    let c = own(
        &mut db,
        "Hari",
        "Rai",
        None,
        Some("+977 980-758-1814"),
        None,
    );
    let d = own(&mut db, "H.", "Rai", None, Some("09807581814"), None);
    let e = own(&mut db, "Sita Devi", "Gurung", None, None, Some("Pokhara"));
    let f = own(
        &mut db,
        "SITA",
        "devi   gurung",
        None,
        None,
        Some("pokhara"),
    );
    // Not duplicates: the same name without a city, the same name in another city, and
    // a similar but different phone.
    own(&mut db, "Hari", "Bahadur", None, None, None);
    own(&mut db, "hari", "bahadur", None, None, None);
    own(&mut db, "Gita", "Rai", None, None, Some("Dharan"));
    own(&mut db, "Gita", "Rai", None, None, Some("Itahari"));
    own(&mut db, "Maya", "Lama", None, Some("9807581815"), None);
    let g = groups(&db);
    assert_eq!(g.len(), 3, "{g:?}");
    let by_ids = |ids: &[i64]| {
        g.iter()
            .find(|(s, _)| *s == set(ids))
            .unwrap_or_else(|| panic!("no group {ids:?} in {g:?}"))
            .1
            .clone()
    };
    let reasons = by_ids(&[a, b]);
    assert_eq!(reasons.len(), 1, "{reasons:?}");
    assert!(reasons[0].contains("email") && reasons[0].contains("ram@example.test"));
    let reasons = by_ids(&[c, d]);
    assert_eq!(reasons.len(), 1, "{reasons:?}");
    assert!(reasons[0].contains("phone") && reasons[0].contains("9807581814"));
    let reasons = by_ids(&[e, f]);
    assert_eq!(reasons.len(), 1, "{reasons:?}");
    assert!(reasons[0].contains("name") && reasons[0].contains("sita devi gurung"));
}

#[test]
fn groups_are_the_connected_sets_with_every_reason_and_platform_cards_first() {
    let mut db = TestDb::new();
    // Platform customer 7: ram.7@example.test, 9801234567, Lalitpur (the test kit's).
    db.apply(&bookings(vec![booking(
        1,
        7,
        "completed",
        "2026-11-01T08:00:00Z",
        "2026-11-02",
        100,
    )]));
    // A ~ 7 by email, 7 ~ C by phone: one group of three.
    let a = own(
        &mut db,
        "Ramesh",
        "K.",
        Some("RAM.7@example.test"),
        None,
        None,
    );
    let c = own(
        &mut db,
        "R.",
        "Shrestha",
        None,
        Some("+977-980-123-4567"),
        None,
    );
    // A separate pair by phone.
    let d = own(&mut db, "Gita", "Rai", None, Some("980 000 1111"), None);
    let e = own(&mut db, "G.", "Rai", None, Some("9800001111"), None);
    let found = find(&db.conn).unwrap();
    assert_eq!(found.len(), 2, "{found:?}");
    let big = found.iter().find(|g| g.customer_ids.len() == 3).unwrap();
    assert_eq!(big.customer_ids[0], 7, "the platform card first: {big:?}");
    assert_eq!(set(&big.customer_ids), set(&[7, a, c]));
    assert_eq!(big.reasons.len(), 2, "{:?}", big.reasons);
    assert!(big.reasons.iter().any(|r| r.contains("email")));
    assert!(big.reasons.iter().any(|r| r.contains("phone")));
    let pair = found.iter().find(|g| g.customer_ids.len() == 2).unwrap();
    assert_eq!(set(&pair.customer_ids), set(&[d, e]));
    // A third link inside the group adds a reason, not a group.
    own(&mut db, "Ram", "Shrestha", None, None, Some("lalitpur"));
    let g = groups(&db);
    assert_eq!(g.len(), 2);
    let big = g.iter().find(|(s, _)| s.contains(&7)).unwrap();
    assert_eq!(big.0.len(), 4);
    assert_eq!(big.1.len(), 3, "{:?}", big.1);
    assert!(big.1.iter().any(|r| r.contains("ram shrestha")));
}

#[test]
fn archived_and_merged_away_cards_are_not_duplicates() {
    let mut db = TestDb::new();
    let a = own(
        &mut db,
        "Ram",
        "Shrestha",
        Some("ram@example.test"),
        None,
        None,
    );
    let b = own(&mut db, "Ram", "S.", Some("ram@example.test"), None, None);
    assert_eq!(groups(&db).len(), 1);
    clientele::book::set_archived(&mut db.conn, b, true, &clock()).unwrap();
    assert!(groups(&db).is_empty());
    clientele::book::set_archived(&mut db.conn, b, false, &clock()).unwrap();
    assert_eq!(groups(&db)[0].0, set(&[a, b]));
    clientele::book::merge::merge(&mut db.conn, a, b, &clock()).unwrap();
    assert!(groups(&db).is_empty());
    clientele::book::merge::unmerge(&mut db.conn, a, &clock()).unwrap();
    assert_eq!(groups(&db)[0].0, set(&[a, b]));
}
