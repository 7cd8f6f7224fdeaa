//! The backup file: the user's whole administration (settings, customers, invoices and the
//! dossier) as one JSON file, and reading it back.
//!
//! # Why a format of its own
//!
//! The file is written from private record types (`BackupFileV1`, `CustomerV1`, ...) and never
//! from the domain types directly. A field renamed or added in `model.rs` therefore cannot
//! change what a backup looks like; only an edit in this module can, and the snapshot test of
//! an exported file shows it. Amounts are strings such as `"1234.56"`, because a JSON number is
//! a float to most readers and a float cannot hold every cent. Dates are `"YYYY-MM-DD"`; a year
//! outside 0..=9999 (the domain saturates absurd terms at the last representable date) is
//! written in ISO 8601's expanded form, such as `"+262142-12-31"`, so that every date the app
//! can hold survives a round trip.
//!
//! # Versions
//!
//! `format_version` says which record types wrote the file. `parse` reads every version from
//! `OLDEST_READABLE_VERSION` up to `FORMAT_VERSION` by a ladder: a version whose records differ
//! gets its own reader, and an older version's records are converted one rung up at a time
//! until they are current records, which alone are turned into domain types. The records are
//! still named `*V1`, as version 2 kept their shape and only added one setting,
//! `consumer_damages_clause`: the records carry it, and a version-1 file, which cannot have it,
//! reads it as off (`read_settings`). That is the whole rung. A change to the records beyond
//! such an addition would add `BackupFileV3` and its reader, a `fn upgrade_v2(BackupFileV1) ->
//! BackupFileV3`, and a `3 =>` arm in `parse`. A file from a newer app is refused with a
//! request to update the app first; it is never read half.
//!
//! # What `parse` checks, and in which order
//!
//! Nothing is imported until the whole file has been checked. The checks run in passes, and
//! the first problem found is reported, with the record (its position in the file, its id, and
//! its name, number or date) and the field:
//!
//! 1. The text: not empty, valid JSON, not cut off, no field named twice in one block.
//! 2. The kind of file: a JSON object marked `"format": "factuurwacht-backup"`, of a version
//!    this app reads.
//! 3. The shape: every field present with the right JSON type, and no unknown field. An
//!    unknown field is refused rather than skipped, because skipping it would drop data
//!    without anyone noticing.
//! 4. The values: amounts, dates and choices such as a channel or a message kind, and the
//!    pay-by term of 5 to 14 days.
//! 5. The fit: unique ids, unique invoice numbers, no negative invoice amount, and every
//!    invoice and dossier entry pointing at records that exist and belong together.
//!
//! One precise reason is more use to a sole trader than a list: a damaged backup cannot be
//! repaired by hand, and the reason is what tells them to pick another file, update the app or
//! ask for help. The checks are never stricter than the domain itself: refusing a backup the
//! app wrote would lose data as surely as a broken file. `validate` runs pass 5 on any dataset,
//! so the interface can warn before exporting data that would not import.
//!
//! # Importing
//!
//! `apply` replaces or merges. A merge goes by id: a customer or invoice in the file replaces
//! the one with the same id, records only in the current data are kept, and dossier entries
//! are only ever added, because the dossier is append-only. The current settings are kept in a
//! merge (they describe how this device chases now, and an older file should not quietly
//! change that), unless they were never changed from the defaults: then the file's come along.
//! A replace restores the file's settings too. The merged data must pass `validate`, or
//! nothing changes.
//!
//! # Where things are
//!
//! `records` holds the file's record types, which `export` writes. `parse` runs passes 1 to 3,
//! `convert` pass 4 and `check` pass 5. `apply` previews, replaces and merges. `error` says
//! what a refusal names, in either language.

// A refusal carries the records it names, which makes `BackupError` larger than clippy likes in
// a `Result`. It is returned at most once per import, so boxing it would buy nothing but noise.
#![allow(clippy::result_large_err)]

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::domain::model::{Customer, Event, Invoice, Settings};

/// The name every backup carries in its `format` field, so another app's JSON is recognised.
pub const FORMAT_NAME: &str = "factuurwacht-backup";

/// The version `export` writes and the newest `parse` reads.
pub const FORMAT_VERSION: u32 = 2;

/// The oldest version `parse` still reads through the upgrade ladder.
pub const OLDEST_READABLE_VERSION: u32 = 1;

// ----------------------------------------------------------------------------------------------
// Public types

/// Everything the app keeps: what one backup file holds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Dataset {
    pub settings: Settings,
    pub customers: Vec<Customer>,
    pub invoices: Vec<Invoice>,
    pub events: Vec<Event>,
}

/// A checked backup file: its data, and what the file says about itself.
#[derive(Clone, Debug, PartialEq)]
pub struct Backup {
    /// The version the file was written in; the data has already been upgraded to current.
    pub format_version: u32,
    /// The app version that wrote the file, as the file states it.
    pub app_version: String,
    /// When the file was written, as the exporting app stated it (ISO 8601); shown, never parsed.
    pub exported_at: String,
    pub data: Dataset,
}

/// What a backup holds, for the confirmation screen before importing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Preview {
    pub format_version: u32,
    pub app_version: String,
    pub exported_at: String,
    pub customers: usize,
    pub invoices: usize,
    pub events: usize,
    /// Invoices still to be collected: open or partly paid (not paid, not written off).
    pub open_invoices: usize,
    /// The sum still outstanding on those invoices, whatever their currency.
    pub outstanding: Decimal,
    pub earliest_invoice_date: Option<NaiveDate>,
    pub latest_invoice_date: Option<NaiveDate>,
}

/// How an imported backup meets the data already in the browser.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ImportMode {
    /// The file's data, settings included, takes the place of everything.
    Replace,
    /// The file's records are added or update records with the same id; the rest stays.
    Merge,
}

/// What importing does to one kind of record, for a sentence such as "adds 12 invoices,
/// updates 3".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Changes {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Only a replace removes records; the interface should say so before the user confirms.
    pub removed: usize,
}

/// What importing does to each kind of record.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Diff {
    pub customers: Changes,
    pub invoices: Changes,
    pub events: Changes,
    pub settings_changed: bool,
}

mod apply;
mod check;
mod convert;
mod error;
mod export;
mod parse;
mod records;
#[cfg(test)]
mod tests;

pub use apply::{
    apply, diff_counts, merge_writes, overwrite_warning, overwritten, preview, same_name_customers, same_name_warning,
    MergeWrites,
};
pub use check::validate;
pub use error::{Allowed, BackupError, Entity, Expected, JsonKind, RecordRef};
pub use export::export;
pub use parse::{parse, parse_bytes};
