//! A tiny marketplace stand-in for sign-in: just enough of platform/API.md's auth routes.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;

/// Serves `POST /api/auth/login/` and `GET /api/auth/users/me/` (a provider) on a free port.
pub fn start() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut line = String::new();
            if reader.read_line(&mut line).is_err() {
                continue;
            }
            let mut len = 0;
            loop {
                let mut h = String::new();
                if reader.read_line(&mut h).is_err() || h.trim().is_empty() {
                    break;
                }
                if let Some(v) = h.to_ascii_lowercase().strip_prefix("content-length:") {
                    len = v.trim().parse().unwrap_or(0);
                }
            }
            let mut body = vec![0; len];
            let _ = reader.read_exact(&mut body);
            let (status, json) = match line.split_whitespace().nth(1).unwrap_or("") {
                "/api/auth/login/" if String::from_utf8_lossy(&body).contains("\"pw\"") => {
                    ("200 OK", r#"{"access":"access-1","refresh":"refresh-1"}"#)
                }
                "/api/auth/login/" => (
                    "401 Unauthorized",
                    r#"{"detail":"No active account found with the given credentials"}"#,
                ),
                "/api/auth/users/me/" => (
                    "200 OK",
                    r#"{"id":7,"email":"p@example.test","role":"provider"}"#,
                ),
                _ => ("404 Not Found", r#"{"detail":"Not found."}"#),
            };
            let mut s = stream;
            let _ = write!(
                s,
                "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{json}",
                json.len()
            );
        }
    });
    url
}
