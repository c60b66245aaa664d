//! The marketplace HTTP client: bearer auth with one refresh on 401, `Retry-After` on 429
//! (one longer than the cap ends the sync at once), exponential backoff with jitter (backon)
//! on 5xx, network faults and bad bodies, request, byte and 429 counters, cancellation
//! between and during requests, and a per-call timeout and retry budget.

use super::state::try_again_after;
use super::token_store::TokenStore;
use super::RetryPolicy;
use crate::error::{Error, Result};
use backon::{ExponentialBuilder, Retryable};
use reqwest::{Method, StatusCode};
use serde_json::Value;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::Duration;
use tokio_util::sync::CancellationToken;

pub(crate) const SIGNED_OUT: &str = "signed out, please sign in again";

/// One answer that is not a transport failure: a status and its JSON body (`Null` if none).
#[derive(Debug)]
pub(crate) struct Reply {
    pub status: StatusCode,
    pub body: Value,
}

/// Why one attempt failed; the transient ones are retried.
#[derive(Debug)]
enum Fail {
    Offline(String),
    /// Nothing listens at the address (connection refused): retrying for seconds only
    /// keeps the user waiting to hear "offline" (docs/sync.md).
    Refused(String),
    Server(String),
    Malformed(String),
    RateLimited {
        wait: Duration,
        message: String,
    },
    /// `Retry-After` beyond the cap: waiting is pointless, say until when.
    WaitTooLong {
        secs: u64,
        message: String,
    },
    TokenRejected,
    Cancelled,
}

impl Fail {
    fn transient(&self) -> bool {
        !matches!(
            self,
            Fail::TokenRejected | Fail::Cancelled | Fail::WaitTooLong { .. } | Fail::Refused(_)
        )
    }

    fn into_error(self) -> Error {
        match self {
            Fail::Offline(m) | Fail::Refused(m) => Error::Offline(m),
            Fail::Server(m) => Error::Server(m),
            Fail::Malformed(m) => Error::Malformed(m),
            Fail::RateLimited { wait, message } => Error::RateLimited {
                message: format!("the marketplace is rate limiting this account: {message}"),
                retry_after_secs: wait.as_secs(),
            },
            Fail::WaitTooLong { secs, message } => {
                let until = chrono::Utc::now() + chrono::TimeDelta::seconds(secs as i64);
                Error::RateLimited {
                    message: format!(
                        "the marketplace is rate limiting this account ({message}); {}",
                        try_again_after(until)
                    ),
                    retry_after_secs: secs,
                }
            }
            Fail::TokenRejected => Error::Unauthorized(SIGNED_OUT.into()),
            Fail::Cancelled => cancelled(),
        }
    }
}

/// How patient one call is: the policy's defaults, or the relation call's own.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Patience {
    pub timeout: Option<Duration>,
    pub max_retries: usize,
}

pub(crate) fn cancelled() -> Error {
    Error::Cancelled("sync cancelled; the data synced so far is kept".into())
}

pub(crate) struct Api<'a> {
    http: reqwest::Client,
    base: String,
    policy: RetryPolicy,
    store: &'a dyn TokenStore,
    cancel: &'a CancellationToken,
    access: Mutex<Option<String>>,
    requests: AtomicU32,
    bytes: AtomicU64,
    throttled: AtomicU32,
}

impl<'a> Api<'a> {
    pub fn new(
        base_url: &str,
        policy: RetryPolicy,
        store: &'a dyn TokenStore,
        cancel: &'a CancellationToken,
    ) -> Result<Api<'a>> {
        let http = reqwest::Client::builder()
            .timeout(policy.request_timeout)
            .connect_timeout(policy.request_timeout)
            .user_agent(concat!("clientele/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| Error::Io(format!("cannot start the HTTP client: {e}")))?;
        Ok(Api {
            http,
            base: base_url.trim_end_matches('/').to_string(),
            policy,
            store,
            cancel,
            access: Mutex::new(None),
            requests: AtomicU32::new(0),
            bytes: AtomicU64::new(0),
            throttled: AtomicU32::new(0),
        })
    }

    pub fn requests(&self) -> u32 {
        self.requests.load(Ordering::Relaxed)
    }

    pub fn bytes(&self) -> u64 {
        self.bytes.load(Ordering::Relaxed)
    }

    /// `cancelled` once the sync was cancelled: pages already read are not applied.
    pub fn check_cancelled(&self) -> Result<()> {
        match self.cancel.is_cancelled() {
            true => Err(cancelled()),
            false => Ok(()),
        }
    }

    /// 429 answers so far (the page pipeline drops to one request in flight after one).
    pub fn throttled(&self) -> u32 {
        self.throttled.load(Ordering::Relaxed)
    }

    fn patience(&self) -> Patience {
        Patience {
            timeout: None,
            max_retries: self.policy.max_retries,
        }
    }

    /// `path` plus URL-encoded query parameters, under the base URL.
    pub fn url(&self, path: &str, query: &[(&str, String)]) -> Result<String> {
        let mut url = reqwest::Url::parse(&format!("{}{path}", self.base))
            .map_err(|e| Error::invalid(format!("bad marketplace URL {:?}: {e}", self.base)))?;
        if !query.is_empty() {
            url.query_pairs_mut().extend_pairs(query);
        }
        Ok(url.into())
    }

    /// An authenticated request: on 401 refreshes the access token once and retries.
    pub async fn call(&self, method: Method, url: &str, body: Option<&Value>) -> Result<Reply> {
        self.call_with(method, url, body, self.patience()).await
    }

    async fn call_with(
        &self,
        method: Method,
        url: &str,
        body: Option<&Value>,
        p: Patience,
    ) -> Result<Reply> {
        if self.access_token().is_none() {
            self.refresh().await?;
        }
        match self.retrying(method.clone(), url, body, true, p).await {
            Err(Fail::TokenRejected) => {
                self.refresh().await?;
                self.retrying(method, url, body, true, p)
                    .await
                    .map_err(Fail::into_error)
            }
            r => r.map_err(Fail::into_error),
        }
    }

    /// GET returning the body of a 2xx, `None` on 404; other statuses are errors.
    pub async fn get(&self, url: &str) -> Result<Option<Value>> {
        self.get_with(url, self.patience()).await
    }

    /// As `get`, with its own timeout and retry budget.
    pub async fn get_with(&self, url: &str, p: Patience) -> Result<Option<Value>> {
        let r = self.call_with(Method::GET, url, None, p).await?;
        match r.status {
            s if s.is_success() => Ok(Some(r.body)),
            StatusCode::NOT_FOUND => Ok(None),
            s => Err(Error::Server(format!(
                "the marketplace answered HTTP {s} to {url}: {}",
                detail(&r.body)
            ))),
        }
    }

    /// An unauthenticated request (login, refresh), retried on transient faults.
    pub async fn call_anonymous(&self, method: Method, url: &str, body: &Value) -> Result<Reply> {
        self.retrying(method, url, Some(body), false, self.patience())
            .await
            .map_err(Fail::into_error)
    }

    pub fn set_access(&self, token: String) {
        *self.access.lock().unwrap_or_else(|p| p.into_inner()) = Some(token);
    }

    fn access_token(&self) -> Option<String> {
        self.access
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// Trades the stored refresh token for a new access token and stores the rotated
    /// refresh token at once. A rejected refresh token is forgotten (signed out).
    pub async fn refresh(&self) -> Result<()> {
        let token = self
            .store
            .load()?
            .ok_or_else(|| Error::Unauthorized("not signed in; sign in first".into()))?;
        let url = self.url("/api/auth/refresh/", &[])?;
        let r = self
            .call_anonymous(Method::POST, &url, &serde_json::json!({ "refresh": token }))
            .await?;
        if r.status == StatusCode::UNAUTHORIZED || r.status == StatusCode::BAD_REQUEST {
            self.store.delete()?;
            return Err(Error::Unauthorized(SIGNED_OUT.into()));
        }
        let access = r.body.get("access").and_then(Value::as_str);
        let (true, Some(access)) = (r.status.is_success(), access) else {
            return Err(Error::Malformed(format!(
                "the marketplace's token refresh answered HTTP {} without an access token",
                r.status
            )));
        };
        if let Some(rotated) = r.body.get("refresh").and_then(Value::as_str) {
            self.store.save(rotated)?;
        }
        self.set_access(access.to_string());
        Ok(())
    }

    async fn retrying(
        &self,
        method: Method,
        url: &str,
        body: Option<&Value>,
        auth: bool,
        patience: Patience,
    ) -> std::result::Result<Reply, Fail> {
        let p = &self.policy;
        let backoff = ExponentialBuilder::default()
            .with_min_delay(p.min_delay)
            .with_max_delay(p.max_delay)
            .with_max_times(patience.max_retries)
            .with_jitter();
        let attempt = || self.once(method.clone(), url, body, auth, patience.timeout);
        let retried = attempt
            .retry(backoff)
            .sleep(tokio::time::sleep)
            .when(Fail::transient)
            .adjust(|e, d| match e {
                Fail::RateLimited { wait, .. } => d.map(|_| wait.mul_f64(p.retry_after_scale)),
                _ => d,
            })
            .notify(|e, d| tracing::warn!("marketplace request failed ({e:?}); retrying in {d:?}"));
        tokio::select! {
            _ = self.cancel.cancelled() => Err(Fail::Cancelled),
            r = retried => r,
        }
    }

    async fn once(
        &self,
        method: Method,
        url: &str,
        body: Option<&Value>,
        auth: bool,
        timeout: Option<Duration>,
    ) -> std::result::Result<Reply, Fail> {
        if self.cancel.is_cancelled() {
            return Err(Fail::Cancelled);
        }
        let mut req = self.http.request(method, url);
        if let Some(t) = timeout {
            req = req.timeout(t);
        }
        if auth {
            if let Some(t) = self.access_token() {
                req = req.bearer_auth(t);
            }
        }
        if let Some(b) = body {
            req = req.json(b);
        }
        self.requests.fetch_add(1, Ordering::Relaxed);
        let resp = req.send().await.map_err(transport)?;
        let status = resp.status();
        let retry_after = resp
            .headers()
            .get(reqwest::header::RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<u64>().ok());
        let bytes = resp.bytes().await.map_err(|e| {
            if e.is_timeout() {
                Fail::Offline(format!("the marketplace stopped answering: {e}"))
            } else {
                Fail::Malformed(format!("the marketplace's response was cut off: {e}"))
            }
        })?;
        self.bytes.fetch_add(bytes.len() as u64, Ordering::Relaxed);
        if status.is_server_error() {
            return Err(Fail::Server(format!(
                "the marketplace had a server error (HTTP {status}); try again later"
            )));
        }
        let json = || -> std::result::Result<Value, Fail> {
            if bytes.is_empty() {
                return Ok(Value::Null);
            }
            serde_json::from_slice(&bytes).map_err(|e| {
                Fail::Malformed(format!(
                    "the marketplace sent invalid JSON (HTTP {status}): {e}"
                ))
            })
        };
        match status {
            StatusCode::TOO_MANY_REQUESTS => {
                self.throttled.fetch_add(1, Ordering::Relaxed);
                let secs = retry_after.unwrap_or(1);
                let message = json().ok().map(|b| detail(&b)).unwrap_or_default();
                if secs > self.policy.retry_after_cap.as_secs() {
                    return Err(Fail::WaitTooLong { secs, message });
                }
                Err(Fail::RateLimited {
                    wait: Duration::from_secs(secs),
                    message,
                })
            }
            StatusCode::UNAUTHORIZED if auth => Err(Fail::TokenRejected),
            _ if bytes.len() < BIG_BODY => Ok(Reply {
                status,
                body: json()?,
            }),
            // A list page (~360 KB): decoded on a worker thread, so pages in flight are
            // decoded while the sync applies the one before them.
            _ => {
                let body = tokio::task::spawn_blocking(move || serde_json::from_slice(&bytes))
                    .await
                    .map_err(|e| Fail::Malformed(format!("decoding the answer failed: {e}")))?
                    .map_err(|e| {
                        Fail::Malformed(format!(
                            "the marketplace sent invalid JSON (HTTP {status}): {e}"
                        ))
                    })?;
                Ok(Reply { status, body })
            }
        }
    }
}

/// Bodies from this size on are decoded off the sync's own task.
const BIG_BODY: usize = 64 * 1024;

fn transport(e: reqwest::Error) -> Fail {
    if e.is_timeout() {
        Fail::Offline(format!("the marketplace did not answer in time: {e}"))
    } else if e.is_connect() && refused(&e) {
        Fail::Refused(format!(
            "you are offline or the marketplace is down (the connection was refused): {e}"
        ))
    } else if e.is_connect() {
        Fail::Offline(format!("cannot reach the marketplace (offline?): {e}"))
    } else {
        Fail::Offline(format!("the connection to the marketplace failed: {e}"))
    }
}

/// Whether an error's cause is a refused TCP connection.
fn refused(e: &reqwest::Error) -> bool {
    let mut source: Option<&(dyn std::error::Error + 'static)> = std::error::Error::source(e);
    while let Some(s) = source {
        if let Some(io) = s.downcast_ref::<std::io::Error>() {
            return io.kind() == std::io::ErrorKind::ConnectionRefused;
        }
        source = s.source();
    }
    false
}

/// The platform's human message: DRF's `detail`, `error`, or the body itself.
pub(crate) fn detail(body: &Value) -> String {
    match body {
        Value::Object(o) => o
            .get("detail")
            .or_else(|| o.get("error"))
            .and_then(Value::as_str)
            .map(str::to_string)
            .unwrap_or_else(|| body.to_string()),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}
