//! An in-process fake marketplace on 127.0.0.1 serving `platform/API.md`'s contract from a
//! mutable `World`, with scripted faults and a request log (count, bytes) for assertions.
#![allow(dead_code)]

#[path = "world.rs"]
pub mod world;

use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::Response;
use serde_json::{json, Value};
use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;
pub use world::*;

/// A fault served instead of (or before) the normal answer to a matching request.
#[derive(Debug, Clone)]
pub enum FaultKind {
    RateLimited {
        retry_after: u64,
    },
    ServerErrorHtml,
    Slow(Duration),
    TruncatedBody,
    InvalidJson,
    /// Every access token stops working (as after 60 minutes); this request gets 401.
    ExpireAccess,
    /// Refresh tokens too: the session is over.
    RevokeAll,
}

#[derive(Debug, Clone)]
pub struct Fault {
    /// Applies to requests whose path and query contain this text ("" = any).
    pub path_contains: String,
    pub kind: FaultKind,
    pub times: u32,
}

#[derive(Debug, Clone)]
pub struct Logged {
    pub method: String,
    pub path: String,
    pub status: u16,
    pub bytes: usize,
}

#[derive(Default)]
pub struct Server {
    pub world: World,
    pub faults: VecDeque<Fault>,
    /// Added before every answer (the crash test slows the server down with it).
    pub delay: Duration,
    pub log: Vec<Logged>,
    /// PATCH bodies received, by relation id, in order.
    pub patches: Vec<(i64, Value)>,
    access: HashSet<String>,
    refresh: HashMap<String, i64>,
    issued: u64,
}

pub struct FakePlatform {
    pub base_url: String,
    state: Arc<Mutex<Server>>,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl FakePlatform {
    /// Serves `world` on its own thread and runtime, so blocking tests can use it too.
    pub fn start(world: World) -> FakePlatform {
        let state = Arc::new(Mutex::new(Server {
            world,
            ..Server::default()
        }));
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let (addr_tx, addr_rx) = std::sync::mpsc::channel();
        let st = state.clone();
        let thread = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .unwrap();
            rt.block_on(async move {
                let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
                addr_tx.send(listener.local_addr().unwrap()).unwrap();
                let app = axum::Router::new().fallback(
                    move |m: Method, u: Uri, h: HeaderMap, b: Bytes| handle(st.clone(), m, u, h, b),
                );
                axum::serve(listener, app)
                    .with_graceful_shutdown(async {
                        let _ = rx.await;
                    })
                    .await
                    .unwrap();
            });
        });
        let addr = addr_rx.recv().unwrap();
        FakePlatform {
            base_url: format!("http://{addr}"),
            state,
            shutdown: Some(tx),
            thread: Some(thread),
        }
    }

    pub fn server(&self) -> MutexGuard<'_, Server> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn fault(&self, path_contains: &str, kind: FaultKind, times: u32) {
        self.server().faults.push_back(Fault {
            path_contains: path_contains.into(),
            kind,
            times,
        });
    }

    pub fn requests(&self) -> usize {
        self.server().log.len()
    }

    pub fn bytes(&self) -> usize {
        self.server().log.iter().map(|l| l.bytes).sum()
    }

    pub fn clear_log(&self) {
        self.server().log.clear();
    }
}

impl Drop for FakePlatform {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        // Don't wait for keep-alive connections: the thread ends with the process.
        drop(self.thread.take());
    }
}

fn json_response(status: StatusCode, v: &Value) -> (Response, usize) {
    let body = serde_json::to_vec(v).unwrap();
    let n = body.len();
    let r = Response::builder()
        .status(status)
        .header("content-type", "application/json")
        .body(Body::from(body))
        .unwrap();
    (r, n)
}

async fn handle(
    state: Arc<Mutex<Server>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let path = uri
        .path_and_query()
        .map(|p| p.to_string())
        .unwrap_or_default();
    let (delay, fault) = {
        let mut s = state.lock().unwrap();
        let i = s
            .faults
            .iter()
            .position(|f| path.contains(&f.path_contains));
        let fault = i.map(|i| {
            let f = &mut s.faults[i];
            f.times -= 1;
            let kind = f.kind.clone();
            if f.times == 0 {
                s.faults.remove(i);
            }
            kind
        });
        (s.delay, fault)
    };
    if !delay.is_zero() {
        tokio::time::sleep(delay).await;
    }
    let (resp, bytes) = match fault {
        Some(FaultKind::Slow(d)) => {
            tokio::time::sleep(d).await;
            answer(&state, &method, &uri, &headers, &body)
        }
        Some(FaultKind::RateLimited { retry_after }) => {
            let (mut r, n) = json_response(
                StatusCode::TOO_MANY_REQUESTS,
                &json!({"detail": format!("Request was throttled. Expected available in {retry_after} seconds.")}),
            );
            r.headers_mut().insert("retry-after", retry_after.into());
            (r, n)
        }
        Some(FaultKind::ServerErrorHtml) => {
            let html = "<!doctype html><html><body><h1>Server Error (500)</h1></body></html>";
            (
                Response::builder()
                    .status(500)
                    .header("content-type", "text/html")
                    .body(Body::from(html))
                    .unwrap(),
                html.len(),
            )
        }
        Some(FaultKind::InvalidJson) => {
            let text = "{\"count\": 3, \"results\": [{\"id\": 1, \"status\": ";
            (
                Response::builder()
                    .status(200)
                    .header("content-type", "application/json")
                    .body(Body::from(text))
                    .unwrap(),
                text.len(),
            )
        }
        Some(FaultKind::TruncatedBody) => {
            let (full, n) = answer(&state, &method, &uri, &headers, &body);
            let bytes = axum::body::to_bytes(full.into_body(), usize::MAX)
                .await
                .unwrap();
            let half = bytes.slice(..bytes.len() / 2);
            // Headers and half the body go out first; then the connection drops.
            use futures_util::StreamExt;
            let first = futures_util::stream::once(async move { Ok::<_, std::io::Error>(half) });
            let stream = first.chain(futures_util::stream::once(async {
                tokio::time::sleep(Duration::from_millis(30)).await;
                Err(std::io::Error::other("connection reset"))
            }));
            (
                Response::builder()
                    .status(200)
                    .header("content-type", "application/json")
                    .body(Body::from_stream(stream))
                    .unwrap(),
                n / 2,
            )
        }
        Some(FaultKind::ExpireAccess) => {
            state.lock().unwrap().access.clear();
            answer(&state, &method, &uri, &headers, &body)
        }
        Some(FaultKind::RevokeAll) => {
            let mut s = state.lock().unwrap();
            s.access.clear();
            s.refresh.clear();
            drop(s);
            answer(&state, &method, &uri, &headers, &body)
        }
        None => answer(&state, &method, &uri, &headers, &body),
    };
    state.lock().unwrap().log.push(Logged {
        method: method.to_string(),
        path,
        status: resp.status().as_u16(),
        bytes,
    });
    resp
}

fn answer(
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
        let w = &self.world;
        let seg: Vec<&str> = path.trim_matches('/').split('/').collect();
        match (method, seg.as_slice()) {
            ("GET", ["api", "auth", "users", "me"]) => {
                let u = w.users.iter().find(|u| u.id == user).unwrap();
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
                let r = self.world.relations.entry(customer).or_default();
                if let Some(v) = input.get("is_favorite_customer").and_then(Value::as_bool) {
                    r.is_favorite = v;
                }
                if let Some(v) = input.get("is_blocked").and_then(Value::as_bool) {
                    r.is_blocked = v;
                }
                if let Some(v) = input.get("notes").and_then(Value::as_str) {
                    r.notes = v.into();
                }
                json_response(StatusCode::OK, &self.world.relation_json(customer))
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
