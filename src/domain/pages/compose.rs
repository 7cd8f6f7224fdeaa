//! The composer: the draft for one proposed step, in the customer's language, with the reason
//! for it and what the settings still lack.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{explain, Data, Explained};
use crate::domain::engine::{self, Step};
use crate::domain::messages::{self, DraftInput};
use crate::domain::model::{events_by_invoice, Customer, Event, Lang, Settings};

/// What the composer works on: the step, its customer, and the draft written for it.
#[derive(Clone, Debug, PartialEq)]
pub struct Composition {
    /// The day the draft was written for.
    pub today: NaiveDate,
    pub step: Step,
    pub customer: Customer,
    pub subject: String,
    pub body: String,
    pub letter: Option<messages::Letter>,
    pub reason: String,
    /// What the step's invoices still owe together, the default for a promise.
    pub outstanding: Decimal,
    /// Business details the draft needs and the settings lack.
    pub missing: Vec<messages::MissingDetail>,
}

/// Finds the step that covers `invoice_id` today and writes its draft in the customer's
/// language; the reason, and a call script's guidance, are in the user's.
pub fn compose(
    data: Data<'_>,
    settings: &Settings,
    invoice_id: &str,
    today: NaiveDate,
    lang: Lang,
) -> Option<Composition> {
    let steps = engine::today_queue(data.invoices, data.customers, data.events, settings, today);
    let step = steps
        .into_iter()
        .find(|s| s.invoice_ids.iter().any(|id| id.0 == invoice_id))?;
    let customer = data.customers.iter().find(|c| c.id == step.customer_id)?.clone();
    let by_id = data.invoices.iter().map(|i| (&i.id, i)).collect();
    // The reason reads only each line's due date and what is still open on it, which the
    // claims below leave as they are.
    let Explained { lines, facts, reason } = explain(&step, &by_id, &events_by_invoice(data.events), today, lang);
    // The draft asks for the interest the invoice page claims, so it reads the same dossier.
    let theirs: Vec<&Event> = data.events.iter().filter(|e| e.customer_id == customer.id).collect();
    let lines = messages::with_claims(lines, &customer, &theirs, data.invoices, settings, today);
    let draft = messages::draft(&DraftInput::new(&step, &customer, lines, settings, today).for_user(lang));
    let missing = messages::missing_details(&settings.business, step.channel);
    Some(Composition {
        today,
        step,
        customer,
        subject: draft.subject,
        body: draft.body,
        letter: draft.letter,
        reason,
        outstanding: facts.outstanding,
        missing,
    })
}
