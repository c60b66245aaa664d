//! Hostile payloads: thousands of mutated platform pages (dropped fields, wrong types, huge
//! numbers, negative amounts, truncated JSON) through the parser and the apply step. Never a
//! panic; a bad page is a `malformed` error and writes nothing, not even its cursor.

use clientele::sync::page::{apply_page, parse_page, parse_page_bytes, Kind, Progress};
use clientele::sync::relations_sync::parse_relations;
use clientele_test_kit::sync_env;
use proptest::prelude::*;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde_json::{json, Value};
use std::cell::RefCell;

fn sample(name: &str) -> Vec<Value> {
    let text = clientele_test_kit::fixture_text(match name {
        "bookings" => "bookings_page1.json",
        "reviews" => "reviews_page1.json",
        _ => "provider_dashboard_customers_page1.json",
    });
    let page: Value = serde_json::from_str(&text).unwrap();
    page["results"].as_array().unwrap().clone()
}

fn hostile_value(rng: &mut ChaCha8Rng) -> Value {
    let pool = [
        Value::Null,
        json!(true),
        json!(-1),
        json!(1e308),
        json!(u64::MAX),
        json!(i64::MIN),
        json!("-5.00"),
        json!("1e400"),
        json!("99999999999999999999.99"),
        json!(""),
        json!("garbage"),
        json!([]),
        json!({}),
        json!("2026-13-45"),
        json!("NaN"),
        json!(0),
        json!(6),
        json!("12.345"),
        json!("2026-11-24T25:61:00+05:45"),
        json!({"id": "x"}),
    ];
    pool[rng.random_range(0..pool.len())].clone()
}

/// Drops or corrupts 1–3 fields (top level or one level down) and narrows ids to 1..20.
fn mutate(rec: &mut Value, rng: &mut ChaCha8Rng) {
    rec["id"] = json!(rng.random_range(1..20));
    for _ in 0..rng.random_range(1..4) {
        let mut target = &mut *rec;
        let nested: Vec<String> = target
            .as_object()
            .unwrap()
            .iter()
            .filter(|(_, v)| v.is_object())
            .map(|(k, _)| k.clone())
            .collect();
        if !nested.is_empty() && rng.random_bool(0.3) {
            target = &mut target[&nested[rng.random_range(0..nested.len())]];
        }
        let Some(obj) = target.as_object_mut() else {
            continue;
        };
        if obj.is_empty() {
            continue;
        }
        let key = obj
            .keys()
            .nth(rng.random_range(0..obj.len()))
            .unwrap()
            .clone();
        if rng.random_bool(0.4) {
            obj.remove(&key);
        } else {
            obj.insert(key, hostile_value(rng));
        }
    }
}

fn fingerprint(conn: &rusqlite::Connection) -> Vec<String> {
    sync_env::snapshot(conn)
}

thread_local! {
    static DB: RefCell<Option<(tempfile::TempDir, rusqlite::Connection)>> = const { RefCell::new(None) };
}

fn with_db<T>(f: impl FnOnce(&mut rusqlite::Connection) -> T) -> T {
    DB.with(|cell| {
        let mut slot = cell.borrow_mut();
        let (_, conn) = slot.get_or_insert_with(|| {
            let dir = tempfile::tempdir().unwrap();
            let conn = clientele::db::open(&dir.path().join("hostile.db")).unwrap();
            (dir, conn)
        });
        f(conn)
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn mutated_pages_fail_cleanly_or_apply_whole(seed in any::<u64>(), reviews in any::<bool>()) {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let (kind, pool) = if reviews { (Kind::Review, sample("reviews")) } else { (Kind::Booking, sample("bookings")) };
        let mut records: Vec<Value> = (0..rng.random_range(1..5)).map(|_| pool[rng.random_range(0..pool.len())].clone()).collect();
        for r in records.iter_mut() {
            if rng.random_bool(0.7) {
                mutate(r, &mut rng);
            } else {
                r["id"] = json!(rng.random_range(1..20));
            }
        }
        let mut page = json!({"count": records.len(), "total_pages": 1, "next": null, "results": records});
        if rng.random_bool(0.05) {
            page["results"] = hostile_value(&mut rng);
        }
        let text = serde_json::to_vec(&page).unwrap();
        let parsed = if rng.random_bool(0.15) {
            let cut = rng.random_range(0..text.len());
            parse_page_bytes(kind, &text[..cut])
        } else {
            parse_page(kind, &page)
        };
        let page = match parsed {
            Ok(p) => p,
            Err(e) => {
                prop_assert_eq!(e.code(), "malformed", "{}", e);
                return Ok(());
            }
        };
        with_db(|conn| {
            let before = fingerprint(conn);
            let progress = Progress { cursor: vec![("test.cursor", seed.to_string())], seen: None };
            match apply_page(conn, &page.batch, &progress) {
                Ok(_) => {
                    let cursor = clientele::sync::state::get(conn, "test.cursor").unwrap();
                    prop_assert_eq!(cursor, Some(seed.to_string()));
                }
                Err(e) => {
                    prop_assert_eq!(e.code(), "malformed", "{}", e);
                    prop_assert!(e.to_string().contains(" 1") || e.to_string().contains("booking") || e.to_string().contains("review"), "error names the record: {}", e);
                    prop_assert_eq!(before, fingerprint(conn), "a failed page wrote something");
                }
            }
            Ok(())
        })?;
    }

    #[test]
    fn mutated_relation_lists_never_panic(seed in any::<u64>()) {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let mut rels = sample("relations");
        rels.truncate(3);
        for r in rels.iter_mut() {
            mutate(r, &mut rng);
        }
        if let Err(e) = parse_relations(&json!({"count": 3, "total_pages": hostile_value(&mut rng), "results": rels})) {
            prop_assert_eq!(e.code(), "malformed");
        }
    }
}

#[test]
fn a_negative_amount_fails_the_whole_page_naming_the_booking() {
    let mut records = sample("bookings");
    records.truncate(3);
    records[2]["total_amount"] = json!("-5.00");
    let id = records[2]["id"].as_i64().unwrap();
    let err = parse_page(Kind::Booking, &json!({"results": records})).unwrap_err();
    assert_eq!(err.code(), "malformed");
    assert!(err.to_string().contains(&format!("booking {id}")), "{err}");
}
