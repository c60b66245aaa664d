//! Read commands: info, list, stats, charts, activity, detail, and their input errors.

use crate::harness::{TestApp, DEMO_CUSTOMERS};
use serde_json::json;

#[test]
fn app_info_names_the_database_and_export_file() {
    let app = TestApp::new();
    let info = app.ok("app_info", json!({}));
    assert!(info["db_path"].as_str().unwrap().ends_with("clientele.db"));
    assert_eq!(info["demo"], false);
    assert_eq!(info["currency"], "NPR");
    assert_eq!(info["version"], env!("CARGO_PKG_VERSION"));
    let name = info["default_export_name"].as_str().unwrap();
    assert!(
        name.starts_with("customers-") && name.ends_with(".csv"),
        "{name}"
    );
}

#[test]
fn list_customers_pages_searches_filters_and_sorts() {
    let app = TestApp::new();
    let page = app.ok("list_customers", json!({ "query": {} }));
    assert_eq!(page["count"], DEMO_CUSTOMERS as i64);
    assert_eq!(page["status_counts"]["all"], DEMO_CUSTOMERS as i64);
    assert_eq!(page["results"].as_array().unwrap().len(), 50);

    let first = &page["results"][0];
    let needle = first["email"].as_str().unwrap()[..6].to_uppercase();
    let found = app.ok("list_customers", json!({ "query": { "search": needle } }));
    assert!(found["count"].as_i64().unwrap() >= 1);
    assert!(found["results"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["customer_id"] == first["customer_id"]));

    let regular = app.ok(
        "list_customers",
        json!({ "query": { "status": "regular", "page_size": 1000 } }),
    );
    assert_eq!(regular["count"], page["status_counts"]["regular"]);
    assert!(regular["results"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["status"] == "regular"));

    let by_spend = app.ok(
        "list_customers",
        json!({ "query": { "sort": "total_spent", "descending": true, "page_size": 20 } }),
    );
    let spent: Vec<f64> = by_spend["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["total_spent"].as_str().unwrap().parse().unwrap())
        .collect();
    assert!(spent.windows(2).all(|w| w[0] >= w[1]), "{spent:?}");
}

#[test]
fn list_customers_refuses_bad_pages() {
    let app = TestApp::new();
    for query in [
        json!({ "page_size": 0 }),
        json!({ "page_size": 5000 }),
        json!({ "page": 0 }),
    ] {
        assert_eq!(
            app.err_code("list_customers", json!({ "query": query })),
            "invalid_input"
        );
    }
    // A malformed argument is refused by the IPC layer before the core sees it.
    assert!(app
        .invoke("list_customers", json!({ "query": { "status": "vip" } }))
        .is_err());
    assert!(app.invoke("list_customers", json!({})).is_err());
}

#[test]
fn stats_and_charts_describe_the_demo() {
    let app = TestApp::new();
    let stats = app.ok("get_stats", json!({}));
    assert_eq!(stats["total_customers"], DEMO_CUSTOMERS as i64);
    assert!(stats["retention_rate"].as_f64().unwrap() > 0.0);
    let charts = app.ok("get_charts", json!({}));
    assert_eq!(charts["months"].as_array().unwrap().len(), 12);
    assert_eq!(charts["status_counts"]["all"], DEMO_CUSTOMERS as i64);
}

#[test]
fn activity_pages_with_a_cursor_and_filters_by_kind() {
    let app = TestApp::new();
    let first = app.ok("list_activity", json!({ "query": {} }));
    assert_eq!(first["activities"].as_array().unwrap().len(), 10);
    let cursor = first["next_cursor"].as_str().unwrap();
    let next = app.ok(
        "list_activity",
        json!({ "query": { "before": cursor, "limit": 5 } }),
    );
    assert_eq!(next["activities"].as_array().unwrap().len(), 5);
    assert_ne!(next["activities"][0]["id"], first["activities"][0]["id"]);
    let reviews = app.ok(
        "list_activity",
        json!({ "query": { "kind": "review", "limit": 20 } }),
    );
    assert!(reviews["activities"]
        .as_array()
        .unwrap()
        .iter()
        .all(|a| a["type"] == "review"));

    assert_eq!(
        app.err_code("list_activity", json!({ "query": { "limit": 0 } })),
        "invalid_input"
    );
    assert_eq!(
        app.err_code(
            "list_activity",
            json!({ "query": { "before": "nonsense" } })
        ),
        "invalid_input"
    );
}

#[test]
fn get_customer_returns_history_and_refuses_unknown_ids_and_bad_pages() {
    let app = TestApp::new();
    let id = app.first_customer_id();
    let detail = app.ok(
        "get_customer",
        json!({ "customerId": id, "page": 1, "pageSize": 5 }),
    );
    assert_eq!(detail["customer"]["customer_id"], id);
    assert!(detail["bookings_total"].as_i64().unwrap() >= 1);
    assert!(!detail["bookings"].as_array().unwrap().is_empty());
    assert!(detail["bookings"].as_array().unwrap().len() <= 5);

    let missing = json!({ "customerId": 999_999_999, "page": 1, "pageSize": 10 });
    assert_eq!(app.err_code("get_customer", missing), "not_found");
    for (page, size) in [(0, 10), (1, 0), (1, 501)] {
        let args = json!({ "customerId": id, "page": page, "pageSize": size });
        assert_eq!(app.err_code("get_customer", args), "invalid_input");
    }
}
