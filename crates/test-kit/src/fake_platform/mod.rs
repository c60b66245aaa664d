//! An in-process fake marketplace on 127.0.0.1 serving `docs/platform.md`'s contract from a
//! mutable `World`, with scripted faults and a request log (count, bytes) for assertions.

mod routes;
pub mod world;

use routes::answer;

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
    /// Every request's path and query as it arrives (the log has only answered ones).
    pub arrived: Vec<String>,
    /// Requests being answered now, and how many were, each request included, as it arrived.
    pub in_flight: usize,
    pub in_flight_at_arrival: Vec<usize>,
    /// The data other signed-in users see, by user id (default: `world`).
    pub other_worlds: HashMap<i64, World>,
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
        let mut s = self.server();
        s.log.clear();
        s.arrived.clear();
        s.in_flight_at_arrival.clear();
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

pub(crate) fn json_response(status: StatusCode, v: &Value) -> (Response, usize) {
    let body = serde_json::to_vec(v).unwrap();
    let n = body.len();
    let r = Response::builder()
        .status(status)
        .header("content-type", "application/json")
        .body(Body::from(body))
        .unwrap();
    (r, n)
}

/// Counts a request out when its answer is done or the client gave up on it.
struct InFlight(Arc<Mutex<Server>>);

impl Drop for InFlight {
    fn drop(&mut self) {
        let mut s = self.0.lock().unwrap_or_else(|p| p.into_inner());
        s.in_flight = s.in_flight.saturating_sub(1);
    }
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
        s.arrived.push(path.clone());
        s.in_flight += 1;
        let n = s.in_flight;
        s.in_flight_at_arrival.push(n);
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
    let _in_flight = InFlight(state.clone());
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
