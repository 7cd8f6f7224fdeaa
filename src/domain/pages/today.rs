//! Today: what to do now, and the state of the money. The engine proposes one step per open
//! invoice; the page shows those due today or earlier, grouped per customer with the reason
//! in one line, the next seven days after them, and the outstanding amounts above.

use std::collections::HashMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{explain, Data};
use crate::domain::aggregates::{self, Overview};
use crate::domain::engine::{self, Step};
use crate::domain::model::{events_by_invoice, CustomerId, Invoice, InvoiceId, Lang, Settings};

/// How far ahead the "coming up" list looks.
pub const UPCOMING_DAYS: u32 = 7;

/// Customers whose steps are shown at first, most urgent first; the rest follow on request.
/// A sole trader works from the top, and a queue of thousands must not slow every start.
pub const GROUPS_SHOWN: usize = 25;
/// Coming steps listed at most, for the same reason.
pub const UPCOMING_SHOWN: usize = 50;

/// One proposed step, with everything the page shows about it already worked out.
#[derive(Clone, Debug, PartialEq)]
pub struct Todo {
    pub step: Step,
    pub customer: String,
    pub numbers: Vec<String>,
    pub outstanding: Decimal,
    pub reason: String,
}

/// The steps of one customer that are due, in the queue's order.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    pub customer: String,
    pub todos: Vec<Todo>,
}

/// What the Today page shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Agenda {
    /// The day it was worked out for.
    pub today: NaiveDate,
    pub overview: Overview,
    /// Due today or overdue, grouped per customer, the most urgent group first; only the
    /// first groups asked for are worked out.
    pub groups: Vec<Group>,
    /// All due steps and all customers with one, shown or not.
    pub due_steps: usize,
    pub due_customers: usize,
    pub upcoming: Vec<Todo>,
    pub upcoming_total: usize,
    pub has_invoices: bool,
}

/// Runs the engine over everything and prepares what the page shows: the first `groups_shown`
/// customers' due steps and the first coming steps, with their reasons in `lang`. The lookups
/// are built once, so a 10,000-invoice administration costs one pass, not one per step.
pub fn agenda(data: Data<'_>, settings: &Settings, today: NaiveDate, lang: Lang, groups_shown: usize) -> Agenda {
    let steps = engine::today_queue(data.invoices, data.customers, data.events, settings, today);
    let names: HashMap<&CustomerId, &str> = data.customers.iter().map(|c| (&c.id, c.name.as_str())).collect();
    let by_id: HashMap<&InvoiceId, &Invoice> = data.invoices.iter().map(|i| (&i.id, i)).collect();
    let dossier = events_by_invoice(data.events);
    let todo = |step: &Step| {
        let explained = explain(step, &by_id, &dossier, today, lang);
        Todo {
            customer: names.get(&step.customer_id).copied().unwrap_or_default().to_owned(),
            numbers: explained.lines.iter().map(|l| l.invoice.number.clone()).collect(),
            outstanding: explained.facts.outstanding,
            reason: explained.reason,
            step: step.clone(),
        }
    };
    // The queue is sorted by urgency; a customer's group sits where its first step does.
    let mut order: Vec<&CustomerId> = Vec::new();
    let mut by_customer: HashMap<&CustomerId, Vec<&Step>> = HashMap::new();
    let mut due_steps = 0;
    for step in engine::due_by(&steps, today) {
        due_steps += 1;
        by_customer
            .entry(&step.customer_id)
            .or_insert_with(|| {
                order.push(&step.customer_id);
                Vec::new()
            })
            .push(step);
    }
    let groups = order
        .iter()
        .take(groups_shown)
        .map(|id| Group {
            customer: names.get(id).copied().unwrap_or_default().to_owned(),
            todos: by_customer
                .get(id)
                .map_or_else(Vec::new, |steps| steps.iter().map(|s| todo(s)).collect()),
        })
        .collect();
    let upcoming = engine::upcoming(&steps, today, UPCOMING_DAYS);
    Agenda {
        today,
        overview: aggregates::overview(data.invoices, data.events, today),
        groups,
        due_steps,
        due_customers: order.len(),
        upcoming_total: upcoming.len(),
        upcoming: upcoming.into_iter().take(UPCOMING_SHOWN).map(todo).collect(),
        has_invoices: !data.invoices.is_empty(),
    }
}
