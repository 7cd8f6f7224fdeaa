//! Invoices out as CSV, for a spreadsheet, in the form the import reads back.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::cells::looks_like_formula;
use crate::domain::csv::{self, Delimiter};
use crate::domain::dates;
use crate::domain::model::{
    balance, events_by_invoice, Customer, CustomerId, CustomerKind, Event, Invoice, InvoiceStatus, Lang,
};
use crate::domain::money;

/// The export's column names, in the order of the columns. `guess_mapping` recognises them, so
/// an exported file imports again without changes. The columns added later (description and
/// the customer's details) come last, so spreadsheets built on the older export keep working.
pub fn export_headers(lang: Lang) -> [&'static str; 14] {
    match lang {
        Lang::Nl => [
            "Factuurnummer",
            "Klant",
            "Factuurdatum",
            "Vervaldatum",
            "Bedrag",
            "Betaald",
            "Openstaand",
            "Status",
            "Dagen te laat",
            "Valuta",
            "Omschrijving",
            "E-mailadres",
            "Telefoonnummer",
            "Soort klant",
        ],
        Lang::En => [
            "Invoice number",
            "Customer",
            "Invoice date",
            "Due date",
            "Amount",
            "Paid",
            "Outstanding",
            "Status",
            "Days overdue",
            "Currency",
            "Description",
            "Email address",
            "Phone number",
            "Customer type",
        ],
    }
}

/// The status in words, as in the rest of the interface.
pub fn status_label(status: InvoiceStatus, lang: Lang) -> &'static str {
    match status {
        InvoiceStatus::Open => lang.pick("Open", "Open"),
        InvoiceStatus::PartlyPaid => lang.pick("Deels betaald", "Partly paid"),
        InvoiceStatus::Paid => lang.pick("Betaald", "Paid"),
        InvoiceStatus::WrittenOff => lang.pick("Afgeschreven", "Written off"),
    }
}

/// The kind of customer in the words the import reads back.
fn kind_label(kind: CustomerKind, lang: Lang) -> &'static str {
    match kind {
        CustomerKind::Business => lang.pick("zakelijk", "business"),
        CustomerKind::Consumer => lang.pick("particulier", "consumer"),
    }
}

/// Text that a spreadsheet would run as a formula gets an apostrophe in front, which the
/// spreadsheet hides and `import` takes off again. Without it a customer called "=HYPERLINK(...)"
/// becomes a link the user never made. Text that already starts with apostrophes before such a
/// character gets one more, so that it too reads back as it was.
pub(super) fn defused(text: &str) -> String {
    if looks_like_formula(text) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// Exports invoices as CSV for a spreadsheet, one row per invoice in the given order, with the
/// paid and outstanding amounts and the status derived from the events as everywhere else, and
/// the customer's contact details and kind, so that a file imported again loses nothing the
/// import can carry.
/// Dutch gets ";" between fields and a decimal comma ("1234,56"), as a Dutch Excel expects;
/// English gets "," and a decimal point. Days overdue count from the day after the due date
/// for open and partly paid invoices, and are 0 otherwise. The text has no byte order mark:
/// pass it through `csv::with_bom` for a download meant for Excel.
pub fn export_invoices(
    invoices: &[Invoice],
    customers: &[Customer],
    events: &[Event],
    today: NaiveDate,
    lang: Lang,
) -> String {
    let by_id: HashMap<&CustomerId, &Customer> = customers.iter().map(|c| (&c.id, c)).collect();
    let by_invoice = events_by_invoice(events);
    let no_events: Vec<&Event> = Vec::new();
    let rows = invoices.iter().map(|invoice| {
        let events = by_invoice.get(&invoice.id).unwrap_or(&no_events);
        let b = balance(invoice, events.iter().copied());
        let open = matches!(b.status, InvoiceStatus::Open | InvoiceStatus::PartlyPaid);
        let days_overdue = if open {
            today.signed_duration_since(invoice.due_date).num_days().max(0)
        } else {
            0
        };
        let customer = by_id.get(&invoice.customer_id);
        let detail = |f: fn(&Customer) -> &str| defused(customer.map_or("", |c| f(c)));
        vec![
            defused(&invoice.number),
            detail(|c| c.name.as_str()),
            dates::format_date(invoice.issue_date, lang),
            dates::format_date(invoice.due_date, lang),
            money::format_amount(invoice.amount, lang),
            money::format_amount(b.paid, lang),
            money::format_amount(b.outstanding, lang),
            status_label(b.status, lang).to_owned(),
            days_overdue.to_string(),
            defused(&invoice.currency),
            defused(&invoice.description),
            detail(|c| c.email.as_str()),
            detail(|c| c.phone.as_str()),
            customer.map_or("", |c| kind_label(c.kind, lang)).to_owned(),
        ]
    });
    let delimiter = match lang {
        Lang::Nl => Delimiter::Semicolon,
        Lang::En => Delimiter::Comma,
    };
    csv::write(&export_headers(lang), rows, delimiter)
}
