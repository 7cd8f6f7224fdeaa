//! Pass 5: how the records fit together, for a file and for any dataset.

use std::collections::HashMap;

use crate::domain::invoice_form::unique_number_key;
use rust_decimal::Decimal;

use crate::domain::model::{Customer, CustomerId, Event, EventId, EventKind, Invoice, InvoiceId};
use crate::domain::money::within_limits as usable;

use super::error::{short, BackupError, RecordRef};
use super::records::amount_text;
use super::Dataset;

/// Checks that a dataset can be imported: unique, non-empty ids; unique invoice numbers; no
/// negative invoice amount; every amount one the forms would take; every invoice's customer
/// exists; every dossier entry names at least one invoice, and its customer and invoices exist
/// and belong together; no refund of more than was received.
///
/// Invoice numbers are compared without surrounding spaces, since "2026-001" and "2026-001 "
/// look the same on paper. A blank number identifies nothing, so blank numbers never clash.
pub fn validate(data: &Dataset) -> Result<(), BackupError> {
    check_consistency(data, false)
}

/// `numbered` says whether the lists are in file order, so positions mean something.
pub(super) fn check_consistency(data: &Dataset, numbered: bool) -> Result<(), BackupError> {
    let position = |i: usize| numbered.then(|| i.saturating_add(1));

    let mut customers: HashMap<&CustomerId, (usize, &Customer)> = HashMap::new();
    for (i, customer) in data.customers.iter().enumerate() {
        let here = || RecordRef::customer(customer, position(i));
        if customer.id.0.trim().is_empty() {
            return Err(BackupError::EmptyId {
                record: here(),
                field: "id".to_owned(),
            });
        }
        if let Some(&(first_i, first)) = customers.get(&customer.id) {
            return Err(BackupError::DuplicateId {
                id: short(customer.id.as_str()),
                first: RecordRef::customer(first, position(first_i)),
                second: here(),
            });
        }
        customers.insert(&customer.id, (i, customer));
    }

    let mut invoices: HashMap<&InvoiceId, (usize, &Invoice)> = HashMap::new();
    // Numbers compare as the invoice form compares them, so a restore never lets in two
    // invoices that the form would then refuse to save ("F-1" and " f-1 ").
    let mut numbers: HashMap<String, (usize, &Invoice)> = HashMap::new();
    for (i, invoice) in data.invoices.iter().enumerate() {
        let here = || RecordRef::invoice(invoice, position(i));
        if invoice.id.0.trim().is_empty() {
            return Err(BackupError::EmptyId {
                record: here(),
                field: "id".to_owned(),
            });
        }
        if let Some(&(first_i, first)) = invoices.get(&invoice.id) {
            return Err(BackupError::DuplicateId {
                id: short(invoice.id.as_str()),
                first: RecordRef::invoice(first, position(first_i)),
                second: here(),
            });
        }
        if invoice.amount.is_sign_negative() && !invoice.amount.is_zero() {
            return Err(BackupError::NegativeAmount {
                record: here(),
                field: "amount".to_owned(),
                value: amount_text(invoice.amount),
            });
        }
        // Money is kept in whole cents everywhere else; a third decimal would make totals that
        // no screen can show or a payment can settle.
        if invoice.amount.normalize().scale() > 2 {
            return Err(BackupError::InvalidAmount {
                record: here(),
                field: "amount".to_owned(),
                value: amount_text(invoice.amount),
            });
        }
        if !usable(invoice.amount) {
            return Err(BackupError::UnusableAmount {
                record: here(),
                field: "amount".to_owned(),
                value: amount_text(invoice.amount),
            });
        }
        if invoice.due_date < invoice.issue_date {
            return Err(BackupError::DueBeforeIssue {
                record: here(),
                issue: invoice.issue_date,
                due: invoice.due_date,
            });
        }
        if !customers.contains_key(&invoice.customer_id) {
            return Err(BackupError::InvoiceWithoutCustomer {
                invoice: here(),
                customer_id: short(invoice.customer_id.as_str()),
            });
        }
        if let Some(key) = unique_number_key(&invoice.number) {
            if let Some(&(first_i, first)) = numbers.get(&key) {
                return Err(BackupError::DuplicateInvoiceNumber {
                    number: short(invoice.number.trim()),
                    first: RecordRef::invoice(first, position(first_i)),
                    second: here(),
                });
            }
            numbers.insert(key, (i, invoice));
        }
        invoices.insert(&invoice.id, (i, invoice));
    }

    let mut events: HashMap<&EventId, (usize, &Event)> = HashMap::new();
    for (i, event) in data.events.iter().enumerate() {
        let here = || RecordRef::event(event, position(i));
        if event.id.0.trim().is_empty() {
            return Err(BackupError::EmptyId {
                record: here(),
                field: "id".to_owned(),
            });
        }
        if let Some(&(first_i, first)) = events.get(&event.id) {
            return Err(BackupError::DuplicateId {
                id: short(event.id.as_str()),
                first: RecordRef::event(first, position(first_i)),
                second: here(),
            });
        }
        if event.invoice_ids.is_empty() {
            return Err(BackupError::EventWithoutInvoices { event: here() });
        }
        if !customers.contains_key(&event.customer_id) {
            return Err(BackupError::EventWithoutCustomer {
                event: here(),
                customer_id: short(event.customer_id.as_str()),
            });
        }
        for invoice_id in &event.invoice_ids {
            let Some(&(invoice_i, invoice)) = invoices.get(invoice_id) else {
                return Err(BackupError::EventWithoutInvoice {
                    event: here(),
                    invoice_id: short(invoice_id.as_str()),
                });
            };
            if invoice.customer_id != event.customer_id {
                return Err(BackupError::EventInvoiceOfOtherCustomer {
                    event: here(),
                    invoice: RecordRef::invoice(invoice, position(invoice_i)),
                    event_customer: short(event.customer_id.as_str()),
                    invoice_customer: short(invoice.customer_id.as_str()),
                });
            }
        }
        let unusable = |field: String, amount: Decimal| BackupError::UnusableAmount {
            record: here(),
            field,
            value: amount_text(amount),
        };
        match &event.kind {
            // A payment may be negative: that is a refund.
            EventKind::PaymentReceived { amount, .. } if !usable(*amount) => {
                return Err(unusable("kind.amount".to_owned(), *amount));
            }
            EventKind::PromiseToPay { amount, .. } if !usable(*amount) || *amount <= Decimal::ZERO => {
                return Err(unusable("kind.amount".to_owned(), *amount));
            }
            EventKind::PaymentPlanAgreed { instalments } => {
                if let Some((k, bad)) = instalments
                    .iter()
                    .enumerate()
                    .find(|(_, part)| !usable(part.amount) || part.amount <= Decimal::ZERO)
                {
                    let field = format!("kind.instalments[{}].amount", k.saturating_add(1));
                    return Err(unusable(field, bad.amount));
                }
            }
            _ => {}
        }
        events.insert(&event.id, (i, event));
    }
    check_refunds(data, position)
}

/// Fails when a refund takes an invoice's payments below zero, counting the dossier in date
/// order (entries of one day in file order, as the app files them).
fn check_refunds(data: &Dataset, position: impl Fn(usize) -> Option<usize>) -> Result<(), BackupError> {
    let mut by_date: Vec<(usize, &Event)> = data.events.iter().enumerate().collect();
    by_date.sort_by_key(|(i, e)| (e.date, *i));
    let mut received: HashMap<&InvoiceId, Decimal> = HashMap::new();
    for (i, event) in by_date {
        let EventKind::PaymentReceived { amount, .. } = event.kind else {
            continue;
        };
        for invoice_id in &event.invoice_ids {
            let total = received.entry(invoice_id).or_insert(Decimal::ZERO);
            *total = total.saturating_add(amount);
            if total.is_sign_negative() && !total.is_zero() {
                let invoice = data.invoices.iter().enumerate().find(|(_, inv)| &inv.id == invoice_id);
                if let Some((invoice_i, invoice)) = invoice {
                    return Err(BackupError::RefundAboveReceived {
                        event: RecordRef::event(event, position(i)),
                        invoice: RecordRef::invoice(invoice, position(invoice_i)),
                    });
                }
            }
        }
    }
    Ok(())
}
