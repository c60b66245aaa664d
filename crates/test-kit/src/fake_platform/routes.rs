//! The fake marketplace's answers: JWT login/refresh with rotation, bearer checks, and the
//! list, detail and relation endpoints with DRF pagination.

use super::world::{relation_id, FakeBooking, FakeReview};
use super::{json_response, Server};
use axum::body::Bytes;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::Response;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::Mutex;

pub(super) fn answer(
    state: &Mutex<Server>,
    method: &Method,
    uri: &Uri,
    headers: &HeaderMap,
    body: &Bytes,
) -> (Response, usize) {
    let mut s = state.lock().unwrap();
    let q: HashMap<String, String> = uri.query().map(url_pairs).unwrap_or_default();
    let path = uri.path();
    let input: Value = serde_json::from_slice(body).unwrap_or(Value::Null);
    match (method.as_str(), path) {
        ("POST", "/api/auth/login/") => s.login(&input),
        ("POST", "/api/auth/refresh/") => s.refresh_token(&input),
        _ => {
            let token = headers
                .get("authorization")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.strip_prefix("Bearer "));
            let Some(user) = token.filter(|t| s.access.contains(*t)).map(|t| {
                t.split(':')
                    .nth(1)
                    .unwrap_or("1")
                    .parse::<i64>()
                    .unwrap_or(1)
            }) else {
                return json_response(
                    StatusCode::UNAUTHORIZED,
                    &json!({"detail": "Given token not valid for any token type", "code": "token_not_valid", "messages": []}),
                );
            };
            s.route(method.as_str(), path, &q, &input, user)
        }
    }
}

fn url_pairs(q: &str) -> HashMap<String, String> {
    reqwest::Url::parse(&format!("http://x/?{q}"))
        .unwrap()
        .query_pairs()
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

impl Server {
    fn issue(&mut self, user: i64) -> Value {
        self.issued += 1;
        let access = format!("access:{user}:{}", self.issued);
        let refresh = format!("refresh:{user}:{}", self.issued);
        self.access.insert(access.clone());
        // Rotation: the new refresh token is returned; old ones stay valid until expiry.
        self.refresh.insert(refresh.clone(), user);
        json!({"access": access, "refresh": refresh})
    }

    fn login(&mut self, input: &Value) -> (Response, usize) {
        let Some(email) = input.get("email").and_then(Value::as_str) else {
            return json_response(
                StatusCode::BAD_REQUEST,
                &json!({"email": ["This field is required."]}),
            );
        };
        let password = input.get("password").and_then(Value::as_str).unwrap_or("");
        match self
            .world
            .users
            .iter()
            .find(|u| u.email == email && u.password == password)
            .map(|u| u.id)
        {
            Some(id) => {
                let v = self.issue(id);
                json_response(StatusCode::OK, &v)
            }
            None => json_response(
                StatusCode::UNAUTHORIZED,
                &json!({"detail": "No active account found with the given credentials"}),
            ),
        }
    }

    fn refresh_token(&mut self, input: &Value) -> (Response, usize) {
        let token = input.get("refresh").and_then(Value::as_str).unwrap_or("");
        match self.refresh.get(token).copied() {
            Some(user) => {
                let v = self.issue(user);
                json_response(StatusCode::OK, &v)
            }
            None => json_response(
                StatusCode::UNAUTHORIZED,
                &json!({"detail": "Token is invalid or expired", "code": "token_not_valid"}),
            ),
        }
    }

    fn route(
        &mut self,
        method: &str,
        path: &str,
        q: &HashMap<String, String>,
        input: &Value,
        user: i64,
    ) -> (Response, usize) {
        // Another provider signed in sees their own book (tests of two accounts).
        let w = self.other_worlds.get(&user).unwrap_or(&self.world);
        let seg: Vec<&str> = path.trim_matches('/').split('/').collect();
        match (method, seg.as_slice()) {
            ("GET", ["api", "auth", "users", "me"]) => {
                let u = self.world.users.iter().find(|u| u.id == user).unwrap();
                json_response(StatusCode::OK, &w.user_json(u))
            }
            ("GET", ["api", "bookings", "bookings"]) => {
                let mut list: Vec<&FakeBooking> = w
                    .bookings
                    .values()
                    .filter(|b| q.get("status").is_none_or(|s| &b.status == s))
                    .collect();
                match q.get("ordering").map(String::as_str) {
                    Some("-created_at") => {
                        list.sort_by_key(|b| std::cmp::Reverse((b.created_at, b.id)))
                    }
                    Some("created_at") => list.sort_by_key(|b| (b.created_at, b.id)),
                    _ => list.sort_by_key(|b| std::cmp::Reverse(b.booking_date)),
                }
                paginate(path, q, &list, 100, |b| w.booking_json(b))
            }
            ("GET", ["api", "bookings", "bookings", id]) => {
                match id.parse().ok().and_then(|id: i64| w.bookings.get(&id)) {
                    Some(b) => json_response(StatusCode::OK, &w.booking_json(b)),
                    None => json_response(
                        StatusCode::NOT_FOUND,
                        &json!({"detail": "No Booking matches the given query."}),
                    ),
                }
            }
            ("GET", ["api", "reviews"]) => {
                let mut list: Vec<&FakeReview> = w.reviews.values().collect();
                match q.get("ordering").map(String::as_str) {
                    Some("created_at") => list.sort_by_key(|r| (r.created_at, r.id)),
                    _ => list.sort_by_key(|b| std::cmp::Reverse((b.created_at, b.id))),
                }
                paginate(path, q, &list, 100, |r| w.review_json(r))
            }
            ("GET", ["api", "bookings", "provider_dashboard", "customers"]) => {
                let ids = w.relation_customers();
                let size: usize = q
                    .get("page_size")
                    .and_then(|s| s.parse().ok())
                    .unwrap_or(20)
                    .max(1);
                let page: usize = q.get("page").and_then(|s| s.parse().ok()).unwrap_or(1);
                let total_pages = ids.len().div_ceil(size).max(1);
                let results: Vec<Value> = ids
                    .iter()
                    .skip((page - 1) * size)
                    .take(size)
                    .map(|c| w.relation_json(*c))
                    .collect();
                json_response(
                    StatusCode::OK,
                    &json!({"count": ids.len(), "page": page, "page_size": size, "total_pages": total_pages, "results": results}),
                )
            }
            (
                "PATCH",
                ["api", "bookings", "provider_dashboard", rel, "update_customer_relation"],
            ) => {
                let customer = rel
                    .parse::<i64>()
                    .ok()
                    .map(|r| r - 10_000)
                    .filter(|c| w.relation_customers().contains(c));
                let Some(customer) = customer else {
                    return json_response(
                        StatusCode::NOT_FOUND,
                        &json!({"error": "Customer relation not found"}),
                    );
                };
                self.patches.push((relation_id(customer), input.clone()));
                let world = match self.other_worlds.get_mut(&user) {
                    Some(w) => w,
                    None => &mut self.world,
                };
                let r = world.relations.entry(customer).or_default();
                if let Some(v) = input.get("is_favorite_customer").and_then(Value::as_bool) {
                    r.is_favorite = v;
                }
                if let Some(v) = input.get("is_blocked").and_then(Value::as_bool) {
                    r.is_blocked = v;
                }
                if let Some(v) = input.get("notes").and_then(Value::as_str) {
                    r.notes = v.into();
                }
                json_response(StatusCode::OK, &world.relation_json(customer))
            }
            _ => json_response(StatusCode::NOT_FOUND, &json!({"detail": "Not found."})),
        }
    }
}

/// DRF page-number pagination: `page_size` capped, 404 past the end, absolute `next`.
fn paginate<T>(
    path: &str,
    q: &HashMap<String, String>,
    list: &[T],
    cap: usize,
    render: impl Fn(&T) -> Value,
) -> (Response, usize) {
    let size = q
        .get("page_size")
        .and_then(|s| s.parse().ok())
        .unwrap_or(10usize)
        .clamp(1, cap);
    let page: usize = match q.get("page").map(|p| p.parse::<usize>()) {
        None => 1,
        Some(Ok(p)) if p >= 1 => p,
        _ => return json_response(StatusCode::NOT_FOUND, &json!({"detail": "Invalid page."})),
    };
    let total_pages = list.len().div_ceil(size).max(1);
    if page > total_pages {
        return json_response(StatusCode::NOT_FOUND, &json!({"detail": "Invalid page."}));
    }
    let link = |p: usize| {
        let mut params: Vec<String> = q
            .iter()
            .filter(|(k, _)| *k != "page")
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        params.sort();
        params.push(format!("page={p}"));
        format!("http://127.0.0.1{path}?{}", params.join("&"))
    };
    let results: Vec<Value> = list
        .iter()
        .skip((page - 1) * size)
        .take(size)
        .map(render)
        .collect();
    json_response(
        StatusCode::OK,
        &json!({
            "count": list.len(), "total_pages": total_pages, "current_page": page,
            "next": if page < total_pages { Value::String(link(page + 1)) } else { Value::Null },
            "previous": if page > 1 { Value::String(link(page - 1)) } else { Value::Null },
            "results": results,
        }),
    )
}
