//! Invoices in and out as CSV: mapping the rows of a file from another tool (Moneybird,
//! e-Boekhouden, a spreadsheet) to customers and invoices, and exporting invoices for a
//! spreadsheet.
//!
//! # Importing
//!
//! The user picks a file, `csv::read` reads it, `guess_mapping` proposes which column feeds
//! which `Field`, the user corrects the proposal, and `import` (or `Importer` in chunks, to show
//! progress) turns the rows into customers and invoices. The result is only a proposal: nothing
//! is stored until the caller saves `ImportResult` as a whole, in one transaction, so a file is
//! never half imported. Every row that cannot be imported is reported with its line in the file,
//! and the valid rows are imported regardless, so one typo does not hold up a hundred invoices.
//!
//! The rules, row by row:
//! - A row whose fields are all blank is skipped and counted in `skipped_empty`.
//! - A sum line at the foot of a spreadsheet ("Totaal", "Grand total" or "Som" in any column,
//!   and no invoice number or date) is skipped and counted in `skipped_totals`: it is no
//!   invoice, and a message for each of its empty fields would bury the real problems.
//! - A row with more or fewer fields than the header is refused as a whole: its values may sit
//!   in the wrong columns, and a shifted amount is worse than a missing one.
//! - The invoice number, the customer's name, the invoice date and the amount are required.
//! - Amounts are read with `money::parse_invoice_amount` and dates with `dates::parse_date`, the
//!   same rules as the forms; a time after a date ("2026-11-22 00:00", "2026-11-22T00:00:00", as
//!   some tools export) is ignored. One exception: when the file's dates show they are written
//!   month first ("11/22/2026", see `dates::day_order`), all its numeric dates are read that way,
//!   and the summary says so. Only dates with slashes show that: a Dutch file writes dashes and
//!   never month first, so its one "03-15-2026" is refused for its month. When slashed dates fit both orders and nothing settles it, they
//!   are read day first, and the summary says that too. Likewise, when the amount, paid and
//!   outstanding columns show one decimal mark beyond doubt (`money::DecimalMark`), every amount
//!   is read with it: "303.105" among "121.00" has three decimals and is refused, never taken
//!   for 303105 euros.
//! - The due date comes from the due-date column; when that column is not mapped or the cell is
//!   empty, from the payment term column; and otherwise from the default payment term. A due date
//!   before the invoice date is refused, and so is one more than `MAX_TERM_DAYS` after it ("2062"
//!   typed for "2026"): such an invoice would never be chased.
//! - Invoice numbers are compared without regard to case, accents and surrounding or repeated
//!   spaces (`comparable`). A
//!   number that already exists is reported in `duplicates` and its row skipped. Within the file
//!   the first row with a number claims it, valid or not, and every later row with that number
//!   is a duplicate: the result then does not depend on which of the rows has a typo, and after
//!   fixing the first row the same file imports the same way.
//! - The customer is found by name, without regard to case, accents and spaces ("Cafe De Zwaan"
//!   is "Café De Zwaan", however the accent is written), among the existing
//!   customers and those this import creates; otherwise a new one is made: a business unless a
//!   row of it says consumer, Dutch-speaking, with the row's email address and phone number (a
//!   later row fills in what the first left empty). An existing customer is never changed by an
//!   import: the user may have corrected its details. A row that gives another email address,
//!   phone number or kind of customer than the one kept is named in the summary.
//! - A paid amount ("Betaald") or an outstanding amount ("Openstaand") becomes a payment in
//!   `payments`, for the caller to record as a `PaymentReceived` event. A paid column may also
//!   say yes or no ("ja", "nee"), meaning paid in full or not at all; so does a column of
//!   nothing but 1 and 0. When both columns are
//!   mapped they must agree. More paid than the invoice amount is refused unless an
//!   outstanding column of zero confirms it: alone, it is a typo or a wrong column.
//! - A row whose status column says the invoice was written off ("Afgeschreven", "Written off",
//!   or "Oninbaar" and "Uncollectible" as other tools write it) is left out and counted in `skipped_written_off`: a write-off is a dossier event with its
//!   reason and history, which a CSV cannot carry, and imported as an open invoice it would be
//!   chased again.
//! - A value starting with an apostrophe before "=", "+", "-" or "@" loses the apostrophe: that
//!   is how `export_invoices` keeps spreadsheets from running text as a formula.
//!
//! # Exporting
//!
//! `export_invoices` writes one row per invoice for a spreadsheet, with the paid and outstanding
//! amounts and the status derived from the dossier, the description, and the customer's email
//! address, phone number and kind. `guess_mapping` recognises its header, so an exported file
//! imports again as it was, apart from write-offs: those are dossier events, and are left out.

mod cells;
mod customers;
mod export;
mod guess;
mod problems;
mod report;
mod rows;
#[cfg(test)]
mod tests;

pub use cells::comparable;
pub use export::{export_headers, export_invoices, status_label};
pub use guess::guess_mapping;
pub use problems::{Duplicate, RowError, RowProblem};
pub use report::{payment_day, ImportResult, Outdated, PreviewRow, Progress};
pub use rows::{import, Importer};

use crate::domain::model::Lang;

/// The longest payment term accepted from a file. A longer one is a typo or a wrong column.
pub const MAX_TERM_DAYS: u32 = 365;

/// Values quoted back in error messages are cut to this many characters, so a wrong column of
/// long descriptions still gives readable messages.
const MAX_QUOTED_CHARS: usize = 40;

/// What a column of the file can feed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    InvoiceNumber,
    CustomerName,
    CustomerEmail,
    CustomerPhone,
    /// Business or consumer; a business when not mapped, or empty in every row of the customer.
    CustomerKind,
    IssueDate,
    DueDate,
    /// Used for the due date when there is no due date.
    PaymentTermDays,
    /// The invoice total including VAT.
    Amount,
    /// "EUR" when not mapped or empty.
    Currency,
    Description,
    /// What the customer has paid already.
    AmountPaid,
    /// What the customer still has to pay.
    Outstanding,
    /// The invoice's status as the file's tool says it. Only a write-off counts: such a row is
    /// left out (see the module documentation); any other status follows from the amounts.
    Status,
}

impl Field {
    pub const ALL: [Field; 14] = [
        Field::InvoiceNumber,
        Field::CustomerName,
        Field::CustomerEmail,
        Field::CustomerPhone,
        Field::CustomerKind,
        Field::IssueDate,
        Field::DueDate,
        Field::PaymentTermDays,
        Field::Amount,
        Field::Currency,
        Field::Description,
        Field::AmountPaid,
        Field::Outstanding,
        Field::Status,
    ];

    /// The fields without which no invoice can be made.
    pub const REQUIRED: [Field; 4] = [
        Field::InvoiceNumber,
        Field::CustomerName,
        Field::IssueDate,
        Field::Amount,
    ];

    pub fn is_required(self) -> bool {
        Field::REQUIRED.contains(&self)
    }

    /// The field's name for a form or a table heading, with a capital.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Field::InvoiceNumber => lang.pick("Factuurnummer", "Invoice number"),
            Field::CustomerName => lang.pick("Klant", "Customer"),
            Field::CustomerEmail => lang.pick("E-mailadres", "Email address"),
            Field::CustomerPhone => lang.pick("Telefoonnummer", "Phone number"),
            Field::CustomerKind => lang.pick("Zakelijk of particulier", "Business or consumer"),
            Field::IssueDate => lang.pick("Factuurdatum", "Invoice date"),
            Field::DueDate => lang.pick("Vervaldatum", "Due date"),
            Field::PaymentTermDays => lang.pick("Betaaltermijn in dagen", "Payment term in days"),
            Field::Amount => lang.pick("Bedrag incl. btw", "Amount incl. VAT"),
            Field::Currency => lang.pick("Valuta", "Currency"),
            Field::Description => lang.pick("Omschrijving", "Description"),
            Field::AmountPaid => lang.pick("Betaald", "Paid"),
            Field::Outstanding => lang.pick("Openstaand", "Outstanding"),
            Field::Status => lang.pick("Status", "Status"),
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// Which column (0-based, in the header's order) feeds each field; `None` leaves a field out.
/// A column may feed more than one field, and a column number past the header's end gives an
/// empty value, so any mapping the user makes is safe to import with.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Mapping {
    columns: [Option<usize>; Field::ALL.len()],
}

impl Mapping {
    pub fn get(&self, field: Field) -> Option<usize> {
        self.columns.get(field.index()).copied().flatten()
    }

    pub fn set(&mut self, field: Field, column: Option<usize>) {
        if let Some(slot) = self.columns.get_mut(field.index()) {
            *slot = column;
        }
    }

    /// The mapping with one more field set, for building a mapping in one expression.
    pub fn with(mut self, field: Field, column: usize) -> Mapping {
        self.set(field, Some(column));
        self
    }

    /// The fields a column feeds; one column may feed several.
    #[cfg(test)]
    pub fn fields_of(&self, column: usize) -> Vec<Field> {
        Field::ALL
            .into_iter()
            .filter(|f| self.get(*f) == Some(column))
            .collect()
    }
}

/// The required fields that no column feeds. The interface should not start an import while
/// this is not empty: every row would be refused.
pub fn missing_required(mapping: &Mapping) -> Vec<Field> {
    Field::REQUIRED
        .into_iter()
        .filter(|f| mapping.get(*f).is_none())
        .collect()
}
