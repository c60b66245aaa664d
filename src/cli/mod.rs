//! Argument parsing and dispatch; each subcommand calls one core function and prints.

mod args;
mod backup_cmd;
mod book_args;
mod book_cmd;
mod print;
mod sync_cmd;

use args::{Cli, Command};
use clap::Parser;
use clientele::{db, Clock, Error, Result};
use std::path::PathBuf;

/// Runs the CLI and returns the process exit code: 0 ok, 1 error, 2 bad arguments.
pub fn run() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return code;
        }
    };
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("CLIENTELE_LOG")
                .unwrap_or_else(|_| "warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    match dispatch(cli) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("error: {e}");
            1
        }
    }
}

/// `--db` as given (its folder must exist), else the default, whose folder is created.
fn db_path(cli: &Cli) -> Result<PathBuf> {
    match &cli.db {
        Some(p) => Ok(p.clone()),
        None => {
            let p = clientele::default_db_path();
            db::create_folder(&p)?;
            Ok(p)
        }
    }
}

fn clock(cli: &Cli) -> Result<Clock> {
    let mut clock = Clock::system();
    if let Some(at) = &cli.as_of {
        clock.now = clientele::model::parse_ts(at).map_err(|_| {
            Error::invalid(format!(
                "--as-of {at:?} is not an RFC 3339 instant, e.g. 2026-11-24T12:00:00Z"
            ))
        })?;
    }
    Ok(clock)
}

fn dispatch(cli: Cli) -> Result<()> {
    let clock = clock(&cli)?;
    let json = cli.json;
    let path = db_path(&cli)?;
    match &cli.command {
        // These work on a file that does not open (a damaged one can be restored over).
        Command::Backups => return backup_cmd::list(&path, json),
        Command::Restore(a) => return backup_cmd::restore(&path, &a.file, json),
        Command::Backup => return backup_cmd::now(&path, json),
        _ => {}
    }
    let mut conn = db::open(&path)?;
    // Segment facts are kept as of one date; "today" here may be --as-of's.
    clientele::segments::roll(&mut conn, clock.today())?;
    backup_cmd::daily(&path);
    match cli.command {
        Command::Segments => print::segments(json, &clientele::segments::counts(&conn, &clock)?),
        Command::Demo(a) => {
            let rows = clientele::demo::generate(&mut conn, a.customers, a.seed, &clock)?;
            print::done(
                json,
                &format!(
                    "demo data: {} customers, {rows} bookings and reviews in {}",
                    a.customers,
                    path.display()
                ),
                &serde_json::json!({"customers": a.customers, "rows": rows, "db": path}),
            );
        }
        Command::Import(a) => {
            let mut batch = clientele::platform::Batch::default();
            for f in &a.files {
                let text = std::fs::read_to_string(f)
                    .map_err(|e| Error::Io(format!("cannot read {}: {e}", f.display())))?;
                let b = clientele::platform::parse_document(&text)
                    .map_err(|e| Error::invalid(format!("{}: {e}", f.display())))?;
                batch.extend(b);
            }
            let report = clientele::ingest::apply_batch(&mut conn, &batch)?;
            print::import(json, &report);
        }
        Command::Customers(a) => {
            let page = clientele::customers::list(&conn, &a.query()?, &clock)?;
            print::customers(json, &page);
        }
        Command::Stats => print::stats(json, &clientele::stats::stats(&conn, &clock)?),
        Command::Activity(a) => {
            let q = clientele::activity::ActivityQuery {
                limit: Some(a.limit),
                kind: a
                    .kind
                    .as_deref()
                    .map(clientele::activity::ActivityKind::parse)
                    .transpose()?,
                before: a.before,
            };
            print::activity(json, &clientele::activity::recent(&conn, &q)?);
        }
        Command::Customer(a) => {
            let d = clientele::history::detail(&conn, a.id, a.page, a.page_size, &clock)?;
            print::detail(json, &d);
        }
        Command::Set(a) => {
            let edits = a.edits()?;
            let row = clientele::relations::edit(&mut conn, a.id, &edits, &clock)?;
            print::set(json, &row);
        }
        Command::Export(a) => {
            let filter = clientele::export::ExportFilter {
                search: a.search,
                status: a
                    .status
                    .as_deref()
                    .map(args::status_filter)
                    .transpose()?
                    .flatten(),
                tags: a.tags,
                segment: a
                    .segment
                    .as_deref()
                    .map(clientele::segments::Segment::parse)
                    .transpose()?,
            };
            // `.xlsx` writes an Excel workbook; any other name writes CSV.
            let r = if clientele::export::is_xlsx_path(&a.out) {
                clientele::xlsx::export_xlsx(&conn, &a.out, &filter, &clock)?
            } else {
                clientele::export::export_csv(&conn, &a.out, &filter, &clock)?
            };
            print::done(
                json,
                &format!("exported {} customers to {}", r.rows, r.path),
                &r,
            );
        }
        Command::Login(a) => sync_cmd::login(conn, &path, &a, json)?,
        Command::Sync(a) => sync_cmd::sync(conn, &path, &a, json)?,
        Command::Logout => sync_cmd::logout(conn, &path, json)?,
        Command::Book(b) => book_cmd::run(b, &mut conn, &clock, json)?,
        Command::Backup | Command::Backups | Command::Restore(_) => unreachable!("handled above"),
    }
    Ok(())
}
