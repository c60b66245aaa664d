//! The command line's public interface: keep these names stable.

use clap::{Args, Parser, Subcommand};
use clientele::customers::{CustomerQuery, SortKey};
use clientele::relations::RelationEdit;
use clientele::{CustomerStatus, Error, Result};
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(
    name = "clientele",
    version,
    about = "Your customer book, offline: who books, who comes back, who to favour and who to block."
)]
pub struct Cli {
    /// Database file (default: the per-user data directory, e.g. ~/.local/share/clientele/clientele.db).
    #[arg(long, global = true, env = "CLIENTELE_DB")]
    pub db: Option<PathBuf>,
    /// Machine-readable JSON output.
    #[arg(long, global = true)]
    pub json: bool,
    /// Compute "now"-dependent numbers as of this RFC 3339 instant (default: now).
    #[arg(long = "as-of", global = true, value_name = "RFC3339")]
    pub as_of: Option<String>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Fill an empty database with deterministic demo data.
    Demo(DemoArgs),
    /// Apply files of the platform's JSON (list pages or arrays of bookings or reviews).
    Import(ImportArgs),
    /// List customers: search, filter, sort, page.
    Customers(CustomersArgs),
    /// The stats cards.
    Stats,
    /// Recent activity, newest first.
    Activity(ActivityArgs),
    /// One customer's detail with bookings and reviews.
    Customer(CustomerArgs),
    /// Change a customer's favourite/blocked flags or notes.
    Set(SetArgs),
    /// Export customers to CSV, or to an Excel workbook when --out ends in .xlsx.
    Export(ExportArgs),
    /// Sign in to the marketplace (password from a prompt or CLIENTELE_PASSWORD).
    Login(LoginArgs),
    /// Pull bookings and reviews from the marketplace and push pending edits.
    Sync(SyncArgs),
    /// Forget the marketplace sign-in (local data stays).
    Logout,
    /// Who to call this week: how many customers are in each segment.
    Segments,
    #[command(flatten)]
    Book(super::book_cmd::BookCommand),
    /// Write a backup of the database now (into backups/ beside it) and print its path.
    Backup,
    /// List the database's backups, newest first.
    Backups,
    /// Replace the database's content with a backup (the current book is backed up first).
    Restore(RestoreArgs),
}

#[derive(Args, Debug)]
pub struct RestoreArgs {
    /// The backup file, e.g. one listed by `clientele backups`.
    pub file: PathBuf,
}

#[derive(Args, Debug)]
pub struct LoginArgs {
    /// The marketplace's base URL, e.g. https://market.example
    #[arg(long)]
    pub url: String,
    #[arg(long)]
    pub email: String,
}

#[derive(Args, Debug)]
pub struct SyncArgs {
    /// Read every page and reconcile removals (otherwise at most daily).
    #[arg(long)]
    pub full: bool,
    /// Re-read every review and the relation records now (otherwise at most hourly).
    #[arg(long)]
    pub light: bool,
}

#[derive(Args, Debug)]
pub struct DemoArgs {
    #[arg(long, default_value_t = 200)]
    pub customers: usize,
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
}

#[derive(Args, Debug)]
pub struct ImportArgs {
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
}

#[derive(Args, Debug)]
pub struct CustomersArgs {
    #[arg(long)]
    pub search: Option<String>,
    /// all, new, returning, regular, favorite, blocked or archived.
    #[arg(long, default_value = "all")]
    pub status: String,
    /// name, total_bookings, total_spent, average_rating, last_booking or overdue.
    #[arg(long, default_value = "last_booking")]
    pub sort: String,
    #[arg(long, conflicts_with = "desc")]
    pub asc: bool,
    #[arg(long)]
    pub desc: bool,
    #[arg(long, default_value_t = 1)]
    pub page: u32,
    #[arg(long = "page-size", default_value_t = 50)]
    pub page_size: u32,
    /// Only customers with this tag (repeat: with all of them).
    #[arg(long = "tag")]
    pub tags: Vec<String>,
    /// upcoming, lapsed, at_risk, cancel_prone, top_spenders or unreviewed.
    #[arg(long)]
    pub segment: Option<String>,
}

/// `all` → no filter; otherwise one status.
pub fn status_filter(s: &str) -> Result<Option<CustomerStatus>> {
    if s == "all" {
        Ok(None)
    } else {
        CustomerStatus::parse(s).map(Some)
    }
}

impl CustomersArgs {
    pub fn query(&self) -> Result<CustomerQuery> {
        Ok(CustomerQuery {
            search: self.search.clone(),
            status: status_filter(&self.status)?,
            tags: self.tags.clone(),
            segment: self
                .segment
                .as_deref()
                .map(clientele::segments::Segment::parse)
                .transpose()?,
            sort: Some(SortKey::parse(&self.sort)?),
            descending: if self.asc {
                Some(false)
            } else if self.desc {
                Some(true)
            } else {
                None
            },
            page: Some(self.page),
            page_size: Some(self.page_size),
        })
    }
}

#[derive(Args, Debug)]
pub struct ActivityArgs {
    #[arg(long, default_value_t = 10)]
    pub limit: u32,
    /// booking, status, review or edit.
    #[arg(long = "type")]
    pub kind: Option<String>,
    /// Cursor from a previous page (`next_cursor`).
    #[arg(long)]
    pub before: Option<String>,
}

#[derive(Args, Debug)]
pub struct CustomerArgs {
    #[arg(allow_negative_numbers = true)]
    pub id: i64,
    #[arg(long, default_value_t = 1)]
    pub page: u32,
    #[arg(long = "page-size", default_value_t = 20)]
    pub page_size: u32,
}

#[derive(Args, Debug)]
pub struct SetArgs {
    #[arg(allow_negative_numbers = true)]
    pub id: i64,
    #[arg(long, value_parser = clap::builder::BoolishValueParser::new())]
    pub favorite: Option<bool>,
    #[arg(long, value_parser = clap::builder::BoolishValueParser::new())]
    pub blocked: Option<bool>,
    /// Why the customer is blocked (with --blocked true).
    #[arg(long, requires = "blocked")]
    pub reason: Option<String>,
    #[arg(long, conflicts_with = "notes_file")]
    pub notes: Option<String>,
    #[arg(long = "notes-file")]
    pub notes_file: Option<PathBuf>,
}

impl SetArgs {
    pub fn edits(&self) -> Result<Vec<RelationEdit>> {
        let mut edits = Vec::new();
        if let Some(v) = self.favorite {
            edits.push(RelationEdit::Favorite { value: v });
        }
        if let Some(v) = self.blocked {
            edits.push(RelationEdit::Blocked {
                value: v,
                reason: self.reason.clone(),
            });
        }
        let notes =
            match (&self.notes, &self.notes_file) {
                (Some(n), _) => Some(n.clone()),
                (None, Some(f)) => Some(std::fs::read_to_string(f).map_err(|e| {
                    Error::Io(format!("cannot read notes file {}: {e}", f.display()))
                })?),
                _ => None,
            };
        if let Some(value) = notes {
            edits.push(RelationEdit::Notes { value });
        }
        if edits.is_empty() {
            return Err(Error::invalid(
                "nothing to set: give --favorite, --blocked, --notes or --notes-file",
            ));
        }
        Ok(edits)
    }
}

#[derive(Args, Debug)]
pub struct ExportArgs {
    /// The file to write: `.xlsx` for an Excel workbook, anything else for CSV.
    #[arg(long)]
    pub out: PathBuf,
    #[arg(long)]
    pub search: Option<String>,
    #[arg(long)]
    pub status: Option<String>,
    /// Only customers with this tag (repeat: with all of them).
    #[arg(long = "tag")]
    pub tags: Vec<String>,
    /// Only customers in this segment.
    #[arg(long)]
    pub segment: Option<String>,
}
