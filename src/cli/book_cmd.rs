//! The customer-book commands (docs/rules.md §5, §7–§9): each calls one core function and
//! prints the object the contract names.

use super::book_args::*;
use super::print;
use clientele::{book, Clock, Result};
use rusqlite::Connection;

#[derive(clap::Subcommand, Debug)]
pub enum BookCommand {
    /// Add your own customer (a walk-in, a phone booking); prints the customer's row.
    AddCustomer(AddCustomerArgs),
    /// Edit your own customer's profile (a marketplace profile is read-only).
    EditCustomer(EditCustomerArgs),
    /// Hide a customer from the list, stats and default export; their data is kept.
    Archive(IdArg),
    /// Bring an archived customer back.
    Unarchive(IdArg),
    /// Record a visit for any customer; prints the visit with its booking_id.
    AddBooking(AddBookingArgs),
    /// Change a visit you recorded.
    EditBooking(EditBookingArgs),
    /// Delete a visit you recorded; it stops counting.
    DeleteBooking(IdArg),
    /// Import a client list (CSV); prints what was added, matched, unchanged, invalid.
    ImportCustomers(ImportCustomersArgs),
    /// Add or remove a customer's tags; prints the customer's row.
    Tag(TagArgs),
    /// Every tag with how many customers have it.
    Tags,
    /// Groups of likely duplicate customers, with why.
    Duplicates,
    /// Merge OTHER_ID into KEEP_ID (a marketplace customer is always the one kept).
    Merge(MergeArgs),
    /// Undo the latest merge into ID (or the merge of ID, if ID was merged away).
    Unmerge(IdArg),
}

pub fn run(cmd: BookCommand, conn: &mut Connection, clock: &Clock, json: bool) -> Result<()> {
    match cmd {
        BookCommand::AddCustomer(a) => {
            let row = book::add_customer(conn, &a.customer(), clock)?;
            print::row(json, "added", &row);
        }
        BookCommand::EditCustomer(a) => {
            let row = book::edit_customer(conn, a.id, &a.edit(), clock)?;
            print::row(json, "saved", &row);
        }
        BookCommand::Archive(a) => print::row(
            json,
            "archived",
            &book::set_archived(conn, a.id, true, clock)?,
        ),
        BookCommand::Unarchive(a) => print::row(
            json,
            "restored",
            &book::set_archived(conn, a.id, false, clock)?,
        ),
        BookCommand::AddBooking(a) => {
            let v = book::visits::add(conn, a.id, &a.visit.input()?, clock)?;
            print::visit(json, "recorded", &v);
        }
        BookCommand::EditBooking(a) => {
            let v = book::visits::edit(conn, a.booking_id, &a.visit.edit(), clock)?;
            print::visit(json, "saved", &v);
        }
        BookCommand::DeleteBooking(a) => {
            let v = book::visits::delete(conn, a.id, clock)?;
            print::visit(json, "deleted", &v);
        }
        BookCommand::ImportCustomers(a) => {
            let opts = book::import::Options {
                dry_run: a.dry_run,
                skip_invalid: a.skip_invalid,
            };
            let report = book::import::import_file(conn, &a.file, opts, clock)?;
            print::import_report(json, a.dry_run, &report);
        }
        BookCommand::Tag(a) => {
            let row = book::tag(conn, a.id, &a.add, &a.remove, clock)?;
            print::row(json, "tags saved", &row);
        }
        BookCommand::Tags => print::tags(json, &clientele::tags::counts(conn)?),
        BookCommand::Duplicates => print::duplicates(json, &book::duplicates::find(conn)?),
        BookCommand::Merge(a) => {
            let row = book::merge::merge(conn, a.keep_id, a.other_id, clock)?;
            print::row(json, "merged into", &row);
        }
        BookCommand::Unmerge(a) => {
            let row = book::merge::unmerge(conn, a.id, clock)?;
            print::row(json, "restored", &row);
        }
    }
    Ok(())
}
