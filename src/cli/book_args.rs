//! Arguments of the customer-book commands (docs/rules.md §5, §7–§9): names and flags are
//! part of the contract. Ids may be negative (own customers and visits) without `--`.

use clap::Args;
use clientele::book::visits::{VisitEdit, VisitInput};
use clientele::book::{NewCustomer, ProfileEdit};
use std::path::PathBuf;

#[derive(Args, Debug)]
pub struct AddCustomerArgs {
    #[arg(long = "first-name")]
    pub first_name: String,
    #[arg(long = "last-name")]
    pub last_name: Option<String>,
    #[arg(long)]
    pub email: Option<String>,
    #[arg(long)]
    pub phone: Option<String>,
    #[arg(long)]
    pub city: Option<String>,
    #[arg(long)]
    pub notes: Option<String>,
    #[arg(long = "tag")]
    pub tags: Vec<String>,
}

impl AddCustomerArgs {
    pub fn customer(&self) -> NewCustomer {
        NewCustomer {
            first_name: self.first_name.clone(),
            last_name: self.last_name.clone(),
            email: self.email.clone(),
            phone: self.phone.clone(),
            city: self.city.clone(),
            notes: self.notes.clone(),
            tags: self.tags.clone(),
        }
    }
}

#[derive(Args, Debug)]
pub struct EditCustomerArgs {
    #[arg(allow_negative_numbers = true)]
    pub id: i64,
    #[arg(long = "first-name")]
    pub first_name: Option<String>,
    #[arg(long = "last-name")]
    pub last_name: Option<String>,
    #[arg(long)]
    pub email: Option<String>,
    #[arg(long)]
    pub phone: Option<String>,
    #[arg(long)]
    pub city: Option<String>,
}

impl EditCustomerArgs {
    pub fn edit(&self) -> ProfileEdit {
        ProfileEdit {
            first_name: self.first_name.clone(),
            last_name: self.last_name.clone(),
            email: self.email.clone(),
            phone: self.phone.clone(),
            city: self.city.clone(),
        }
    }
}

#[derive(Args, Debug)]
pub struct IdArg {
    #[arg(allow_negative_numbers = true)]
    pub id: i64,
}

#[derive(Args, Debug)]
pub struct AddBookingArgs {
    /// The customer's id.
    #[arg(allow_negative_numbers = true)]
    pub id: i64,
    #[command(flatten)]
    pub visit: VisitFlags,
}

#[derive(Args, Debug)]
pub struct EditBookingArgs {
    /// The visit's booking id (as `add-booking` printed it).
    #[arg(allow_negative_numbers = true)]
    pub booking_id: i64,
    #[command(flatten)]
    pub visit: VisitFlags,
}

#[derive(Args, Debug)]
pub struct VisitFlags {
    /// Service title.
    #[arg(long)]
    pub service: Option<String>,
    /// YYYY-MM-DD.
    #[arg(long)]
    pub date: Option<String>,
    /// HH:MM.
    #[arg(long)]
    pub time: Option<String>,
    /// e.g. 1200.00 (at most 2 decimals).
    #[arg(long, allow_hyphen_values = true)]
    pub amount: Option<String>,
    /// Default completed.
    #[arg(long)]
    pub status: Option<String>,
    #[arg(long = "payment-status")]
    pub payment_status: Option<String>,
}

impl VisitFlags {
    pub fn input(&self) -> clientele::Result<VisitInput> {
        let need = |v: &Option<String>, flag: &str| {
            v.clone()
                .ok_or_else(|| clientele::Error::invalid(format!("{flag} is required")))
        };
        Ok(VisitInput {
            service: need(&self.service, "--service")?,
            date: need(&self.date, "--date")?,
            time: self.time.clone(),
            amount: need(&self.amount, "--amount")?,
            status: self.status.clone(),
            payment_status: self.payment_status.clone(),
        })
    }

    pub fn edit(&self) -> VisitEdit {
        VisitEdit {
            service: self.service.clone(),
            date: self.date.clone(),
            time: self.time.clone(),
            amount: self.amount.clone(),
            status: self.status.clone(),
            payment_status: self.payment_status.clone(),
        }
    }
}

#[derive(Args, Debug)]
pub struct ImportCustomersArgs {
    pub file: PathBuf,
    /// Report what would happen; write nothing.
    #[arg(long = "dry-run")]
    pub dry_run: bool,
    /// Import the valid rows and report the others (default: one invalid row refuses the file).
    #[arg(long = "skip-invalid")]
    pub skip_invalid: bool,
}

#[derive(Args, Debug)]
pub struct TagArgs {
    #[arg(allow_negative_numbers = true)]
    pub id: i64,
    #[arg(long = "add")]
    pub add: Vec<String>,
    #[arg(long = "remove")]
    pub remove: Vec<String>,
}

#[derive(Args, Debug)]
pub struct MergeArgs {
    #[arg(allow_negative_numbers = true)]
    pub keep_id: i64,
    #[arg(allow_negative_numbers = true)]
    pub other_id: i64,
}
