//! One invoice: what is owed (with the legal working of interest and costs), the step the
//! engine proposes and why, and the dossier as a timeline.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::{explain, records_hand_over, Data};
use crate::domain::claim::{self, AbovePrincipal, Claim};
use crate::domain::dossier::{self, Entry};
use crate::domain::engine::{self, Situation, Step};
use crate::domain::messages;
use crate::domain::model::{
    balance, events_by_invoice, Balance, Customer, Event, EventKind, Invoice, InvoiceId, Lang, MessageKind, Settings,
};

/// Everything the page shows, derived from the stored facts in one pass.
#[derive(Clone, Debug, PartialEq)]
pub struct InvoiceFile {
    pub invoice: Invoice,
    pub customer: Customer,
    pub balance: Balance,
    pub situation: Situation,
    pub claim: Claim,
    pub above_principal: AbovePrincipal,
    pub step: Option<(Step, String)>,
    /// The invoices, with their numbers, of a hand-over announced for several at once, when
    /// that hand-over is the step; else empty.
    pub hand_over_together: Vec<(InvoiceId, String)>,
    /// Without a step: why there is none.
    pub idle: Option<String>,
    /// Oldest first, as the dossier export prints it.
    pub entries: Vec<Entry>,
}

/// The file of the invoice with id `id`, with the step's reason, the idle reason and the
/// timeline in `lang`; `None` when the invoice or its customer is not there.
pub fn invoice_file(
    data: Data<'_>,
    settings: &Settings,
    id: &str,
    today: NaiveDate,
    lang: Lang,
) -> Option<InvoiceFile> {
    let invoice = data.invoices.iter().find(|i| i.id.as_str() == id)?.clone();
    let customer = data.customers.iter().find(|c| c.id == invoice.customer_id)?.clone();
    let own: Vec<&Event> = data.events.iter().filter(|e| e.concerns(&invoice.id)).collect();
    let balance = balance(&invoice, own.iter().copied());
    let situation = engine::situation(&invoice, &own, settings, today);
    // A consumer's costs may be shared with the other invoices of one 14-day letter, so the
    // claim reads the customer's whole dossier.
    let theirs: Vec<&Event> = data.events.iter().filter(|e| e.customer_id == customer.id).collect();
    let claim = claim::claim(&invoice, &customer, &theirs, data.invoices, settings, today);
    let above_principal = claim::above_principal(&invoice, &customer, &theirs, data.invoices, settings);
    // The step of the customer's queue, as Today and the composer show it: it may cover the
    // customer's other invoices too (one 14-day letter for all of a consumer's overdue ones).
    let step = engine::step_covering(&invoice, data.invoices, &customer, data.events, settings, today).map(|step| {
        // Only the step's invoices are looked up: no map of every invoice on each page open.
        let by_id: HashMap<&InvoiceId, &Invoice> = data
            .invoices
            .iter()
            .filter(|i| step.invoice_ids.contains(&i.id))
            .map(|i| (&i.id, i))
            .collect();
        let reason = explain(&step, &by_id, &events_by_invoice(data.events), today, lang).reason;
        (step, reason)
    });
    // One notice announced one hand-over for all its invoices, so recording it on any of them
    // records it for those of them the step covers: none comes back as a step of its own. A
    // step that merely falls on the same day as another notice's hand-over is not one of them.
    let notice = own
        .iter()
        .filter(|e| {
            matches!(
                e.kind,
                EventKind::MessageSent {
                    message: MessageKind::HandOverNotice,
                    ..
                }
            )
        })
        .max_by_key(|e| e.date);
    let hand_over_together: Vec<(InvoiceId, String)> = match (&step, notice) {
        (Some((step, _)), Some(notice)) if records_hand_over(step) => step
            .invoice_ids
            .iter()
            .filter(|id| notice.invoice_ids.contains(id))
            .filter_map(|id| data.invoices.iter().find(|i| &i.id == id))
            .map(|i| (i.id.clone(), i.number.clone()))
            .collect(),
        _ => Vec::new(),
    };
    let hand_over_together = if hand_over_together.len() > 1 {
        hand_over_together
    } else {
        Vec::new()
    };
    let idle = step.is_none().then(|| {
        let why = engine::idle(&situation, &customer, settings);
        messages::idle_reason(why, &customer, situation.outstanding, settings, lang)
    });
    let numbers: HashMap<&InvoiceId, &str> = data.invoices.iter().map(|i| (&i.id, i.number.as_str())).collect();
    let entries = dossier::entries(&own, &numbers, lang);
    Some(InvoiceFile {
        invoice,
        customer,
        balance,
        situation,
        claim,
        above_principal,
        step,
        hand_over_together,
        idle,
        entries,
    })
}
