//! What a screen shows, computed from the domain's data: the Today agenda, one invoice's
//! file and the composer's draft. The screens only render these, so what a user sees (which
//! steps, in which order, with which reasons and amounts) is decided here, in plain Rust,
//! where a native test reaches it without a browser. Each page reads the data as borrowed
//! slices ([`Data`]), wherever they are kept.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::domain::engine::{Rule, Step};
use crate::domain::messages::{self, InvoiceLine, ReasonFacts};
use crate::domain::model::{Customer, Event, Invoice, InvoiceId, Lang};

pub mod compose;
pub mod invoice;
pub mod today;

#[cfg(test)]
mod tests;

pub use compose::{compose, Composition};
pub use invoice::{invoice_file, InvoiceFile};
pub use today::{agenda, nothing_due, Agenda, Group, Pause, Todo, GROUPS_SHOWN, UPCOMING_DAYS, UPCOMING_SHOWN};

/// Everything the user keeps: customers, invoices and the dossier's events, borrowed.
#[derive(Clone, Copy, Debug)]
pub struct Data<'a> {
    pub customers: &'a [Customer],
    pub invoices: &'a [Invoice],
    pub events: &'a [Event],
}

/// Whether the step is the hand-over itself, after its notice went out.
pub fn records_hand_over(step: &Step) -> bool {
    step.rule == Rule::HandOverOnTheDayNoticed
}

/// A step as every screen that shows it explains it: the lines of its invoices, the facts its
/// reason is made of, and the reason itself.
#[derive(Clone, Debug)]
pub struct Explained<'a> {
    /// The invoices the step covers, in the step's order, with what each still owes.
    pub lines: Vec<InvoiceLine<'a>>,
    pub facts: ReasonFacts,
    /// One sentence for the user naming the practice rule behind the step, in `lang`.
    pub reason: String,
}

/// Explains `step` from the invoices and dossiers it covers (see [`messages::lines_for_step`]),
/// so Today, the invoice page and the composer give one step the same reason.
pub fn explain<'a>(
    step: &Step,
    invoices: &HashMap<&InvoiceId, &'a Invoice>,
    dossier: &HashMap<&InvoiceId, Vec<&Event>>,
    today: NaiveDate,
    lang: Lang,
) -> Explained<'a> {
    let lines = messages::lines_for_step(step, invoices, dossier);
    let facts = ReasonFacts::for_step(step, &lines, today);
    let reason = messages::reason(step, &facts, lang);
    Explained { lines, facts, reason }
}
