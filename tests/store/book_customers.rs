//! Own customers (docs/rules.md §7): negative ids, `source`, validation with the field
//! named and nothing written, profile edits, the stats cards; search (§3) over own and
//! platform customers.

use crate::book_kit::*;
use clientele::book::{self, NewCustomer, ProfileEdit};
use clientele::customers::{self, CustomerQuery, Source};
use clientele::stats::stats;
use clientele_test_kit::store::*;

#[test]
fn own_ids_are_negative_distinct_and_local() {
    let mut db = TestDb::new();
    db.apply(&bookings(vec![
        booking(1, 7, "completed", "2026-11-01T08:00:00Z", "2026-11-02", 100),
        booking(2, 3, "completed", "2026-11-01T09:00:00Z", "2026-11-02", 100),
    ]));
    let mut own = Vec::new();
    for (i, first) in ["Sita", "Hari", "Gita", "Maya", "Bishnu"]
        .iter()
        .enumerate()
    {
        let r = add(&mut db, &person(first, "Gurung"));
        assert!(r.customer_id < 0, "own id {}", r.customer_id);
        assert_eq!(r.source, Source::Local);
        assert_eq!((r.first_name.as_str(), r.total_bookings), (*first, 0));
        assert!(!r.archived);
        own.push(r.customer_id);
        if i == 2 {
            // Platform customers arriving in between never share an id with own ones.
            db.apply(&bookings(vec![booking(
                3,
                4,
                "completed",
                "2026-11-01T10:00:00Z",
                "2026-11-02",
                100,
            )]));
        }
    }
    let mut distinct = own.clone();
    distinct.sort_unstable();
    distinct.dedup();
    assert_eq!(distinct.len(), 5, "{own:?}");
    assert_eq!(row(&db, 7).source, Source::Platform);
    let mut expected = own.clone();
    expected.extend([3, 4, 7]);
    expected.sort_unstable();
    assert_eq!(all_ids(&db), expected);
    assert_recompute_unchanged(&mut db);
}

fn with(f: impl FnOnce(&mut NewCustomer)) -> NewCustomer {
    let mut c = person("Ram", "Shrestha");
    f(&mut c);
    c
}

#[test]
fn invalid_profiles_are_refused_with_the_field_named_and_nothing_written() {
    let mut db = TestDb::new();
    add(&mut db, &person("Sita", "Gurung"));
    let cases: Vec<(NewCustomer, &str)> = vec![
        (with(|c| c.first_name = String::new()), "first_name"),
        (with(|c| c.first_name = "   ".into()), "first_name"),
        (with(|c| c.first_name = "a".repeat(101)), "first_name"),
        (with(|c| c.email = Some("ram.example.test".into())), "email"),
        (with(|c| c.email = Some("ram@example".into())), "email"),
        (with(|c| c.phone = Some("980-758".into())), "phone"), // 6 digits
        (
            with(|c| c.phone = Some("+1234 5678 9012 3456".into())),
            "phone",
        ), // 16
        (with(|c| c.phone = Some("98075x1814".into())), "phone"),
        (with(|c| c.tags = vec!["t".repeat(41)]), "tag"),
        (
            with(|c| c.tags = (0..21).map(|i| format!("t{i}")).collect()),
            "tags",
        ),
        (with(|c| c.notes = Some("n".repeat(10_001))), "notes"),
    ];
    for (c, field) in cases {
        let before = dump(&db);
        assert_invalid(book::add_customer(&mut db.conn, &c, &clock()), field);
        assert!(dump(&db) == before, "{field}: something was written");
    }
    // The limits themselves are accepted.
    let ok = add(
        &mut db,
        &with(|c| {
            c.first_name = "a".repeat(100);
            c.email = Some("ram@example.test".into());
            c.phone = Some("+977 980-758-1814".into());
            c.tags = (0..20).map(|i| format!("{i:0>40}")).collect();
        }),
    );
    assert_eq!(ok.phone.as_deref(), Some("+977 980-758-1814"));
    assert_eq!(ok.tags.len(), 20);
    for phone in ["980-7581", "(01) 441.2345", "123456789012345"] {
        add(&mut db, &with(|c| c.phone = Some(phone.into())));
    }
    assert_eq!(all_ids(&db).len(), 5);
}

#[test]
fn an_own_profile_is_edited_and_found_by_its_new_fields() {
    let mut db = TestDb::new();
    let c = NewCustomer {
        city: Some("Pokhara".into()),
        email: Some("sita@example.test".into()),
        ..person("Sita", "Gurung")
    };
    let id = add(&mut db, &c).customer_id;
    assert_eq!(search(&db, "pokhara"), vec![id]);
    let edit = ProfileEdit {
        last_name: Some("Thapa".into()),
        city: Some("Butwal".into()),
        ..Default::default()
    };
    let r = book::edit_customer(&mut db.conn, id, &edit, &clock()).unwrap();
    assert_eq!(
        (
            r.first_name.as_str(),
            r.last_name.as_str(),
            r.city.as_deref()
        ),
        ("Sita", "Thapa", Some("Butwal"))
    );
    assert_eq!(
        r.email, "sita@example.test",
        "a field left out is unchanged"
    );
    assert_eq!(search(&db, "butwal"), vec![id]);
    assert_eq!(search(&db, "thapa sita"), vec![id]);
    assert_eq!(search(&db, "bu"), vec![id], "short terms scan the summary");
    assert!(search(&db, "pokhara").is_empty());
    assert!(search(&db, "gurung").is_empty());
    assert_eq!(edits(&db)[0].title, "Profile edited");
    // An empty optional field clears it.
    let clear = ProfileEdit {
        city: Some(String::new()),
        ..Default::default()
    };
    assert_eq!(
        book::edit_customer(&mut db.conn, id, &clear, &clock())
            .unwrap()
            .city,
        None
    );
    // An invalid edit writes nothing.
    let before = dump(&db);
    let bad = ProfileEdit {
        email: Some("sita@nowhere".into()),
        ..Default::default()
    };
    assert_invalid(
        book::edit_customer(&mut db.conn, id, &bad, &clock()),
        "email",
    );
    assert!(dump(&db) == before);
    assert_recompute_unchanged(&mut db);
}

#[test]
fn a_platform_profile_is_read_only() {
    let mut db = TestDb::new();
    db.apply(&bookings(vec![booking(
        1,
        7,
        "completed",
        "2026-11-01T08:00:00Z",
        "2026-11-02",
        100,
    )]));
    let before = dump(&db);
    let edit = ProfileEdit {
        city: Some("Butwal".into()),
        ..Default::default()
    };
    assert_invalid(
        book::edit_customer(&mut db.conn, 7, &edit, &clock()),
        "read-only",
    );
    assert!(dump(&db) == before);
    assert_eq!(row(&db, 7).city.as_deref(), Some("Lalitpur"));
    let e = book::edit_customer(&mut db.conn, -99, &edit, &clock()).unwrap_err();
    assert_eq!(e.code(), "not_found", "{e}");
}

#[test]
fn total_customers_equals_the_all_chip_and_retention_leaves_out_customers_without_a_visit() {
    let mut db = TestDb::new();
    db.apply(&bookings(vec![
        // 1: two counted bookings; 2: one; 3: only a cancelled one (booked, not returning).
        booking(1, 1, "completed", "2026-11-01T08:00:00Z", "2026-11-02", 100),
        booking(2, 1, "completed", "2026-11-03T08:00:00Z", "2026-11-04", 100),
        booking(3, 2, "completed", "2026-11-05T08:00:00Z", "2026-11-06", 100),
        booking(4, 3, "cancelled", "2026-11-07T08:00:00Z", "2026-11-08", 100),
    ]));
    let walk_in = add(&mut db, &person("Sita", "Gurung")).customer_id;
    let regular = add(&mut db, &person("Hari", "Rai")).customer_id;
    record(
        &mut db,
        regular,
        &visit("Haircut", "2026-11-10", "500", "completed"),
    );
    record(
        &mut db,
        regular,
        &visit("Haircut", "2026-11-20", "500", "completed"),
    );
    let s = stats(&db.conn, &clock()).unwrap();
    let chips = customers::list(&db.conn, &CustomerQuery::default(), &clock()).unwrap();
    // 3 platform customers + 2 own ones, the one without a visit included.
    assert_eq!(s.total_customers, 5);
    assert_eq!(chips.status_counts.all, 5);
    assert_eq!(chips.count, 5);
    assert!(chips.results.iter().any(|r| r.customer_id == walk_in));
    // Retention: {1, Hari} have ≥ 2 counted bookings, of {1, 2, 3, Hari} who booked at
    // all: 2 / 4 = 50.0 (40.0 if the walk-in without a visit were counted).
    assert_eq!(s.retention_rate, 50.0);
    // First bookings in November (local): 1, 2, 3 and Hari; the walk-in has none.
    assert_eq!(s.new_customers_this_month, 4);
    let w = row(&db, walk_in);
    assert_eq!(
        (
            w.first_booking_at,
            w.last_booking_at,
            w.days_since_last_booking
        ),
        (None, None, None)
    );
    assert_eq!(w.last_service, None);
    assert_recompute_unchanged(&mut db);
}

#[test]
fn search_matches_city_words_in_any_order_phone_forms_and_devanagari() {
    let mut db = TestDb::new();
    let own = |first: &str, last: &str, phone: Option<&str>, city: &str| NewCustomer {
        phone: phone.map(str::to_string),
        city: Some(city.into()),
        ..person(first, last)
    };
    let ram = add(
        &mut db,
        &own("Ram", "Shrestha", Some("+977 980-758-1814"), "Pokhara"),
    )
    .customer_id;
    let shyam = add(
        &mut db,
        &own("Shyam", "Shrestha", Some("01-4412345"), "Kathmandu"),
    )
    .customer_id;
    let thapa = add(&mut db, &own("Ram", "Thapa", None, "Pokhara")).customer_id;
    let ashok = add(&mut db, &own("अशोक", "पाण्डे", None, "Biratnagar")).customer_id;
    // A platform customer (the test kit's city is Lalitpur).
    db.apply(&bookings(vec![with_customer(
        booking(1, 9, "completed", "2026-11-01T08:00:00Z", "2026-11-02", 100),
        customer(9, "Maya", "Tamang", Some("9841000000")),
    )]));
    let sorted = |mut v: Vec<i64>| {
        v.sort_unstable();
        v
    };
    assert_eq!(search(&db, "pokhara"), sorted(vec![ram, thapa]));
    assert_eq!(search(&db, "LALITPUR"), vec![9]);
    assert_eq!(search(&db, "shrestha ram"), vec![ram]);
    assert_eq!(search(&db, "ram shrestha"), vec![ram]);
    assert_eq!(search(&db, "pokhara SHRESTHA"), vec![ram]);
    assert_eq!(search(&db, "shyam kathmandu"), vec![shyam]);
    assert_eq!(search(&db, "shrestha"), sorted(vec![ram, shyam]));
    // Each word must match somewhere.
    assert!(search(&db, "ram kathmandu").is_empty());
    assert!(search(&db, "thapa shrestha").is_empty());
    for q in [
        "9807581814",
        "980 758 1814",
        "980-758-1814",
        "09807581814",
        "+977 9807581814",
        "+977 980-758-1814",
        "7581",
    ] {
        assert_eq!(search(&db, q), vec![ram], "{q}");
    }
    assert_eq!(search(&db, "014412345"), vec![shyam]);
    assert_eq!(search(&db, "9841"), vec![9]);
    assert_eq!(search(&db, "अशोक"), vec![ashok]);
    assert_eq!(search(&db, "पाण्डे अशोक"), vec![ashok]);
    assert_eq!(
        search(&db, "पाण्\u{200d}डे"),
        vec![ashok],
        "zero-width joiner"
    );
}
