//! `login`, `sync`, `logout`. The refresh token goes to the OS keyring, or to a 0600 file
//! `clientele-refresh-token` in the directory of the database (the data directory by default).

use super::args::{LoginArgs, SyncArgs};
use clientele::sync::{self, SyncOptions, SyncProgress, SyncReport, SyncStatus, TokenStore};
use clientele::{Error, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rusqlite::Connection;
use std::io::IsTerminal;
use std::path::Path;
use std::sync::Mutex;
use tokio_util::sync::CancellationToken;

fn token_store(db_path: &Path) -> Box<dyn TokenStore> {
    let dir = db_path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    sync::default_token_store(dir)
}

fn runtime() -> Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::Io(format!("cannot start the async runtime: {e}")))
}

pub fn login(conn: Connection, db_path: &Path, a: &LoginArgs, json: bool) -> Result<()> {
    let password = match std::env::var("CLIENTELE_PASSWORD") {
        Ok(p) => p,
        Err(_) => rpassword::prompt_password(format!("Password for {}: ", a.email))
            .map_err(|e| Error::invalid(format!("cannot read the password: {e}")))?,
    };
    let store = token_store(db_path);
    let db = Mutex::new(conn);
    let st = runtime()?.block_on(sync::sign_in(
        &db,
        store.as_ref(),
        &a.url,
        &a.email,
        &password,
    ))?;
    print_status(
        json,
        &st,
        &format!(
            "signed in as {} (token kept in {})",
            a.email,
            store.location()
        ),
    );
    Ok(())
}

pub fn logout(conn: Connection, db_path: &Path, json: bool) -> Result<()> {
    let store = token_store(db_path);
    let st = sync::sign_out(&Mutex::new(conn), store.as_ref())?;
    print_status(json, &st, "signed out; local data is kept");
    Ok(())
}

pub fn sync(conn: Connection, db_path: &Path, a: &SyncArgs, json: bool) -> Result<()> {
    let store = token_store(db_path);
    let db = Mutex::new(conn);
    let bar = ProgressBar::new_spinner();
    if json || !std::io::stderr().is_terminal() {
        bar.set_draw_target(ProgressDrawTarget::hidden());
    }
    bar.set_style(
        ProgressStyle::with_template("{spinner} {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    let on_progress = |p: SyncProgress| {
        let of = p.total_pages.map(|t| format!("/{t}")).unwrap_or_default();
        bar.set_message(format!(
            "{}: page {}{of}, {} items, {} requests",
            p.phase, p.pages, p.items, p.requests
        ));
        bar.tick();
    };
    let cancel = CancellationToken::new();
    let opts = SyncOptions {
        full: a.full,
        ..SyncOptions::default()
    };
    let rt = runtime()?;
    let report = rt.block_on(async {
        let cancel_on_ctrl_c = async {
            let _ = tokio::signal::ctrl_c().await;
            cancel.cancel();
            std::future::pending::<()>().await
        };
        tokio::select! {
            r = sync::sync(&db, store.as_ref(), opts, &on_progress, &cancel) => r,
            _ = cancel_on_ctrl_c => unreachable!(),
        }
    });
    bar.finish_and_clear();
    print_report(json, &report?);
    Ok(())
}

fn print_report(json: bool, r: &SyncReport) {
    if json {
        println!("{}", serde_json::to_string_pretty(r).unwrap_or_default());
        return;
    }
    println!(
        "{} sync: {} new and {} updated bookings, {} new and {} updated reviews, {} removed, {} edits pushed ({} requests, {} KB, {} ms)",
        if r.full { "full" } else { "incremental" },
        r.bookings_new, r.bookings_updated, r.reviews_new, r.reviews_updated, r.removed, r.pushed,
        r.requests, r.bytes / 1024, r.duration_ms
    );
}

fn print_status(json: bool, st: &SyncStatus, text: &str) {
    if json {
        println!("{}", serde_json::to_string_pretty(st).unwrap_or_default());
    } else {
        println!("{text}");
    }
}
