//! Demo data: deterministic, realistic, and covering what the page must show.

use clientele_test_kit::store::*;

fn dump(conn: &rusqlite::Connection) -> Vec<String> {
    let mut out = Vec::new();
    for sql in [
        "SELECT id, first_name, last_name, email, phone, city FROM customers ORDER BY id",
        "SELECT id, customer_id, status, total_amount, booking_date, created_at FROM bookings ORDER BY id",
        "SELECT id, customer_id, rating, created_at FROM reviews ORDER BY id",
        "SELECT customer_id, is_favorite, is_blocked, notes FROM relations ORDER BY customer_id",
    ] {
        let mut st = conn.prepare(sql).unwrap();
        let n = st.column_count();
        let rows = st
            .query_map([], |r| Ok((0..n).map(|i| format!("{:?}", r.get::<_, rusqlite::types::Value>(i).unwrap())).collect::<Vec<_>>().join("|")))
            .unwrap();
        out.extend(rows.map(Result::unwrap));
    }
    out
}

#[test]
fn same_seed_and_clock_give_the_same_database() {
    let mut a = TestDb::new();
    let mut b = TestDb::new();
    clientele::demo::generate(&mut a.conn, 150, 9, &clock()).unwrap();
    clientele::demo::generate(&mut b.conn, 150, 9, &clock()).unwrap();
    assert_eq!(dump(&a.conn), dump(&b.conn));
    let mut c = TestDb::new();
    clientele::demo::generate(&mut c.conn, 150, 10, &clock()).unwrap();
    assert_ne!(dump(&a.conn), dump(&c.conn));
}

#[test]
fn demo_data_is_realistic() {
    let mut db = TestDb::new();
    clientele::demo::generate(&mut db.conn, 400, 42, &clock()).unwrap();
    let q = |sql: &str| -> i64 { db.conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(q("SELECT count(*) FROM customer_summary"), 400);
    assert!(
        q("SELECT count(*) FROM customers WHERE first_name GLOB '*[अ-ह]*'") > 10,
        "Devanagari names"
    );
    assert!(
        q("SELECT count(*) FROM customers WHERE phone IS NULL") > 5,
        "customers without phone"
    );
    let statuses = q("SELECT count(DISTINCT status) FROM bookings");
    assert_eq!(statuses, 9, "every platform status appears");
    let avg = q("SELECT count(*) FROM bookings") as f64 / 400.0;
    assert!(
        (7.0..13.0).contains(&avg),
        "about 10 bookings per customer, got {avg}"
    );
    let span = q("SELECT CAST(julianday(max(created_at)) - julianday(min(created_at)) AS INTEGER) FROM bookings");
    assert!(span > 600, "two years of history, got {span} days");
    assert!(
        q("SELECT count(*) FROM bookings WHERE booking_date > '2026-11-24'") > 0,
        "upcoming visits"
    );
    assert!(q("SELECT count(*) FROM reviews") > 0);
    assert!(q("SELECT count(*) FROM relations WHERE is_favorite = 1") > 0);
    assert!(q("SELECT count(*) FROM relations WHERE is_blocked = 1") > 0);
    assert_eq!(
        q("SELECT count(*) FROM outbox"),
        0,
        "demo edits are never pushed"
    );
    for status in ["new", "returning", "regular"] {
        assert!(
            q(&format!(
                "SELECT n FROM status_counts WHERE status = '{status}'"
            )) > 0,
            "{status}"
        );
    }
    let before = summary_dump(&db.conn);
    clientele::metrics::recompute_all(&mut db.conn).unwrap();
    assert_eq!(summary_dump(&db.conn), before);
    assert_eq!(
        clientele::demo::generate(&mut db.conn, 10, 1, &clock())
            .unwrap_err()
            .code(),
        "conflict"
    );
}
