//! Today: what to do now, and the state of the money. The engine proposes one step per open
//! invoice; the page shows those due today or earlier, grouped per customer with the reason
//! in one line, the next seven days after them, and the outstanding amounts above. What the
//! user paused is listed too, so money the engine leaves alone stays in sight.

use std::collections::HashMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{explain, Data};
use crate::domain::aggregates::{self, Overview};
use crate::domain::engine::{self, Idle, Step};
use crate::domain::model::{
    events_by_invoice, Customer, CustomerId, Event, EventKind, Invoice, InvoiceId, Lang, Settings,
};
use crate::domain::money::format_money;
use crate::domain::plural;
use crate::domain::sorting;
use crate::domain::text::t;

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
    /// Money the engine leaves alone because the user paused chasing it, most overdue first.
    pub paused: Vec<Pause>,
    pub has_invoices: bool,
}

/// Open money held by a pause: a whole customer's, or one invoice of a customer that is not
/// paused itself. A pause counts where the engine's own rules say it holds the chase, so an
/// invoice written off or handed over is not listed, and neither is one with nothing open.
#[derive(Clone, Debug, PartialEq)]
pub struct Pause {
    pub customer_id: CustomerId,
    pub customer: String,
    /// The invoice paused on its own, with its number; `None` for a pause of the whole customer.
    pub invoice: Option<(InvoiceId, String)>,
    /// The open invoices the pause holds: one for an invoice's pause.
    pub invoices: usize,
    pub outstanding: Decimal,
    /// The part of `outstanding` past its due date.
    pub overdue: Decimal,
    /// The reason the user gave, trimmed; empty when they gave none.
    pub reason: String,
}

impl Pause {
    /// The money in a few words: "€ 5.771,08 te laat", or what is open and how much of it is late.
    pub fn amounts(&self, lang: Lang) -> String {
        let outstanding = format_money(self.outstanding, lang);
        let overdue = format_money(self.overdue, lang);
        if self.overdue >= self.outstanding {
            t!(lang, "{overdue} te laat", "{overdue} overdue")
        } else if self.overdue.is_zero() {
            t!(
                lang,
                "{outstanding} open, nog niet vervallen",
                "{outstanding} open, not yet due"
            )
        } else {
            t!(
                lang,
                "{outstanding} open, waarvan {overdue} te laat",
                "{outstanding} open, of which {overdue} overdue"
            )
        }
    }
}

/// What the day's work says when there is none. It never says that every open invoice is up
/// to date while a pause holds money back: it says how much is paused instead.
pub fn nothing_due(paused: &[Pause], lang: Lang) -> String {
    if paused.is_empty() {
        return t!(
            lang,
            "Vandaag hoeft er niets. Alle openstaande facturen zijn bij.",
            "Nothing to do today. All open invoices are up to date."
        );
    }
    let customers = paused.iter().filter(|p| p.invoice.is_none()).count();
    let invoices = paused.len() - customers;
    let mut what = Vec::new();
    if customers > 0 {
        what.push(lang.pick(
            plural::count(customers, "klant", "klanten"),
            plural::count(customers, "customer", "customers"),
        ));
    }
    if invoices > 0 {
        what.push(lang.pick(
            plural::count(invoices, "factuur", "facturen"),
            plural::count(invoices, "invoice", "invoices"),
        ));
    }
    let what = plural::join_and(lang, &what);
    t!(
        lang,
        "Vandaag hoeft er niets. Wel staat het herinneren op pauze voor {what}; je ziet ze hieronder.",
        "Nothing to do today. Chasing is paused for {what}, though; they are listed below."
    )
}

/// The pauses that hold open money on `today`, most overdue first, then most outstanding,
/// then by customer and invoice number. Only invoices whose customer is paused or whose
/// dossier holds a pause are folded again, so this adds little to a large administration.
fn pauses(
    data: Data<'_>,
    customers: &HashMap<&CustomerId, &Customer>,
    dossier: &HashMap<&InvoiceId, Vec<&Event>>,
    settings: &Settings,
    today: NaiveDate,
) -> Vec<Pause> {
    let mut whole: HashMap<&CustomerId, Pause> = HashMap::new();
    let mut out = Vec::new();
    for invoice in data.invoices {
        let Some(customer) = customers.get(&invoice.customer_id) else {
            continue;
        };
        let own = dossier.get(&invoice.id).map(Vec::as_slice).unwrap_or(&[]);
        let paused_here = own.iter().any(|e| matches!(e.kind, EventKind::ChasePaused { .. }));
        if customer.paused.is_none() && !paused_here {
            continue;
        }
        let situation = engine::situation(invoice, own, settings, today);
        if situation.outstanding <= Decimal::ZERO {
            continue;
        }
        let overdue = if invoice.due_date < today {
            situation.outstanding
        } else {
            Decimal::ZERO
        };
        let pause = |invoice: Option<(InvoiceId, String)>, reason: &str| Pause {
            customer_id: customer.id.clone(),
            customer: customer.name.clone(),
            invoice,
            invoices: 0,
            outstanding: Decimal::ZERO,
            overdue: Decimal::ZERO,
            reason: reason.trim().to_owned(),
        };
        let hold = |pause: &mut Pause| {
            pause.invoices += 1;
            pause.outstanding = pause.outstanding.saturating_add(situation.outstanding);
            pause.overdue = pause.overdue.saturating_add(overdue);
        };
        match engine::idle(&situation, customer, settings) {
            Some(Idle::CustomerPaused) => hold(
                whole
                    .entry(&customer.id)
                    .or_insert_with(|| pause(None, customer.paused.as_deref().unwrap_or_default())),
            ),
            Some(Idle::Paused) => {
                let reason = situation.paused.as_deref().unwrap_or_default();
                let mut one = pause(Some((invoice.id.clone(), invoice.number.clone())), reason);
                hold(&mut one);
                out.push(one);
            }
            _ => {}
        }
    }
    out.extend(whole.into_values());
    sorting::sort_by(&mut out, |a, b| {
        b.overdue
            .cmp(&a.overdue)
            .then_with(|| b.outstanding.cmp(&a.outstanding))
            .then_with(|| a.customer.cmp(&b.customer))
            .then_with(|| a.customer_id.cmp(&b.customer_id))
            .then_with(|| a.invoice.cmp(&b.invoice))
    });
    out
}

/// Runs the engine over everything and prepares what the page shows: the first `groups_shown`
/// customers' due steps and the first coming steps, with their reasons in `lang`. The lookups
/// are built once, so a 10,000-invoice administration costs one pass, not one per step.
pub fn agenda(data: Data<'_>, settings: &Settings, today: NaiveDate, lang: Lang, groups_shown: usize) -> Agenda {
    let steps = engine::today_queue(data.invoices, data.customers, data.events, settings, today);
    let customers: HashMap<&CustomerId, &Customer> = data.customers.iter().map(|c| (&c.id, c)).collect();
    let name = |id: &CustomerId| customers.get(id).map(|c| c.name.clone()).unwrap_or_default();
    let by_id: HashMap<&InvoiceId, &Invoice> = data.invoices.iter().map(|i| (&i.id, i)).collect();
    let dossier = events_by_invoice(data.events);
    let todo = |step: &Step| {
        let explained = explain(step, &by_id, &dossier, today, lang);
        Todo {
            customer: name(&step.customer_id),
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
            customer: name(id),
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
        paused: pauses(data, &customers, &dossier, settings, today),
        has_invoices: !data.invoices.is_empty(),
    }
}
