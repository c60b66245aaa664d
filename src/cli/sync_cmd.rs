//! `login`, `sync`, `logout`, through the core's `Syncer`: it holds the database's sync lock
//! (a second sync is refused) and keeps the refresh token per account in the OS keyring,
//! or in a 0600 file `clientele-refresh-token-…` in the directory of the database.

use super::args::{LoginArgs, SyncArgs};
use clientele::sync::{SyncOptions, SyncProgress, SyncReport, SyncStatus, Syncer};
use clientele::{Error, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rusqlite::Connection;
use std::io::IsTerminal;
use std::path::Path;
use std::sync::Mutex;
use tokio_util::sync::CancellationToken;

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
    let syncer = Syncer::new(db_path);
    let db = Mutex::new(conn);
    let st = runtime()?.block_on(syncer.sign_in(&db, &a.url, &a.email, &password))?;
    let location = {
        let conn = db.lock().unwrap_or_else(|p| p.into_inner());
        syncer.store_for(&conn)?.location()
    };
    print_status(
        json,
        &st,
        &format!("signed in as {} (token kept in {location})", a.email),
    );
    Ok(())
}

pub fn logout(conn: Connection, db_path: &Path, json: bool) -> Result<()> {
    let st = Syncer::new(db_path).sign_out(&Mutex::new(conn))?;
    print_status(json, &st, "signed out; local data is kept");
    Ok(())
}

pub fn sync(conn: Connection, db_path: &Path, a: &SyncArgs, json: bool) -> Result<()> {
    let syncer = Syncer::new(db_path);
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
        light: a.light,
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
            r = syncer.sync(&db, opts, &on_progress, &cancel) => r,
            _ = cancel_on_ctrl_c => unreachable!(),
        }
    });
    bar.finish_and_clear();
    let report = report?;
    let st = syncer.status(&db.lock().unwrap_or_else(|p| p.into_inner()))?;
    print_report(json, &report, &st);
    Ok(())
}

fn print_report(json: bool, r: &SyncReport, st: &SyncStatus) {
    if json {
        println!("{}", serde_json::to_string_pretty(r).unwrap_or_default());
        return;
    }
    let kind = match (r.full, r.light) {
        (true, _) => "full",
        (false, true) => "incremental + light",
        _ => "incremental",
    };
    println!(
        "{kind} sync: {} new and {} updated bookings, {} new and {} updated reviews, {} removed, {} relations changed on the platform, {} edits pushed ({} requests, {} KB, {} ms)",
        r.bookings_new, r.bookings_updated, r.reviews_new, r.reviews_updated, r.removed,
        r.relations_updated, r.pushed, r.requests, r.bytes / 1024, r.duration_ms
    );
    let never = || "never".to_string();
    println!(
        "last light pass (reviews, flags; hourly): {}; last full pass (daily): {}",
        st.last_light_sync_at.clone().unwrap_or_else(never),
        st.last_full_sync_at.clone().unwrap_or_else(never)
    );
    if let (Some(at), Some(what)) = (&st.last_change_at, &st.last_change) {
        println!("last change {at}: {what}");
    }
}

fn print_status(json: bool, st: &SyncStatus, text: &str) {
    if json {
        println!("{}", serde_json::to_string_pretty(st).unwrap_or_default());
    } else {
        println!("{text}");
    }
}
