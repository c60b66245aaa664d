//! `backup`, `backups`, `restore`, and the daily backup every command takes when due
//! (`clientele::backup`). Backups are named by the real clock, never `--as-of`.

use super::print;
use clientele::backup::{self, BackupInfo, BackupKind};
use clientele::{db, Clock, Result};
use std::path::Path;

/// The daily backup when due; a failure is reported but does not fail the command.
pub fn daily(path: &Path) {
    match backup::daily_if_due(path, &Clock::system()) {
        Ok(Some(b)) => tracing::info!("daily backup {}", b.path),
        Ok(None) => {}
        Err(e) => tracing::warn!("the daily backup of {} failed: {e}", path.display()),
    }
}

pub fn now(path: &Path, json: bool) -> Result<()> {
    let conn = db::open(path)?;
    let b = backup::snapshot(&conn, path, BackupKind::Regular, &Clock::system())?;
    print::done(
        json,
        &b.path,
        &serde_json::json!({ "path": b.path, "bytes": b.bytes }),
    );
    Ok(())
}

pub fn list(path: &Path, json: bool) -> Result<()> {
    let all = backup::list(path, &Clock::system())?;
    if json {
        print::done(json, "", &all);
        return Ok(());
    }
    if all.is_empty() {
        println!("no backups of {} yet", path.display());
    }
    for b in &all {
        println!("{}", line(b));
    }
    Ok(())
}

fn line(b: &BackupInfo) -> String {
    let kind = match (b.kind, b.schema_version) {
        (BackupKind::Regular, _) => "backup".to_string(),
        (BackupKind::PreMigrate, Some(v)) => format!("before migrating v{v}"),
        (BackupKind::PreMigrate, None) => "before a migration".to_string(),
        (BackupKind::PreRestore, _) => "before a restore".to_string(),
    };
    let when = b
        .taken_at
        .get(..16)
        .unwrap_or(&b.taken_at)
        .replace('T', " ");
    format!(
        "{when}  {kind:<22} {:>9.1} MB  {}",
        b.bytes as f64 / 1_048_576.0,
        b.path
    )
}

pub fn restore(path: &Path, file: &Path, json: bool) -> Result<()> {
    let r = backup::restore(path, file, &Clock::system())?;
    let mut text = format!(
        "restored {} from {} ({} customers)",
        r.path, r.restored_from, r.customers
    );
    if let Some(s) = &r.snapshot {
        text.push_str(&format!("; the book before is saved as {}", s.path));
    }
    if let Some(a) = &r.set_aside {
        text.push_str(&format!("; the damaged file was moved to {a}"));
    }
    print::done(json, &text, &r);
    Ok(())
}
