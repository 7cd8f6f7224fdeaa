//! The Today queue: every open invoice's step, the steps of one customer merged into one
//! message, most urgent first.

use std::cmp::Reverse;
use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::rules::step_for;
use super::{Action, CostsClaim, Promised, Rule, Step};
use crate::domain::model::{Channel, Customer, Event, Invoice, InvoiceId, MessageKind, Settings};
use crate::domain::sorting;

/// One step per open invoice, steps of one customer that share action and channel merged into
/// one, most urgent first.
///
/// Events are grouped by invoice once, so the cost is linear in invoices plus events. Steps of
/// one customer merge when they share action, channel and message and are taken on the same
/// day (see [`Step::scheduled_for`]), and, for promise and instalment steps, concern the same
/// promise or instalment; a Dutch consumer's 14-day letters merge whatever their dates, and the
/// consumer's other overdue invoices join them ([`join_fourteen_day_letters`]), because the law
/// wants one letter with the costs on the summed principal. A merged step is due on the
/// earliest date, takes the highest urgency and the reason and call time of its most urgent
/// part, and claims costs only as far as every part allows. An invoice whose customer is
/// missing gets no step: there is no one to contact. The order is deterministic: urgency
/// (highest first), then due date, customer, action and first invoice id.
pub fn today_queue(
    invoices: &[Invoice],
    customers: &[Customer],
    events: &[Event],
    settings: &Settings,
    today: NaiveDate,
) -> Vec<Step> {
    let dossiers = Dossiers::gather(invoices, events);
    // Customers are ranked by id once, so merging and sorting compare small numbers instead of
    // strings; equal ids share the first customer and its rank.
    let mut ids: Vec<&str> = customers.iter().map(|c| c.id.as_str()).collect();
    sorting::sort(&mut ids);
    ids.dedup();
    let mut by_customer: FastMap<&str, (&Customer, usize)> = FastMap::default();
    by_customer.reserve(ids.len());
    for customer in customers {
        let id = customer.id.as_str();
        let rank = ids.binary_search(&id).unwrap_or_else(|at| at);
        by_customer.entry(id).or_insert((customer, rank));
    }
    let mut steps: Vec<(usize, Step, NaiveDate)> = invoices
        .iter()
        .enumerate()
        .filter_map(|(n, invoice)| {
            let (customer, rank) = by_customer.get(invoice.customer_id.as_str())?;
            let step = step_for(invoice, customer, dossiers.of(n), settings, today)?;
            Some((*rank, step, invoice.due_date))
        })
        .collect();
    join_fourteen_day_letters(&mut steps, today);
    // A message about several invoices lists them oldest due date first, as a customer reads
    // an account; merging keeps the order it meets them in.
    sorting::sort_by_key(&mut steps, |(_, _, due)| *due);
    let steps = steps.into_iter().map(|(customer, step, _)| (customer, step));
    sort_queue(merge_per_customer(steps, today, invoices.len()))
}

/// The step that covers `invoice` in the queue of its customer: what the Today queue and the
/// composer propose for it, which may cover the customer's other invoices too. `None` when the
/// invoice has no step (see [`next_step`](super::next_step)).
pub fn step_covering(
    invoice: &Invoice,
    invoices: &[Invoice],
    customer: &Customer,
    events: &[Event],
    settings: &Settings,
    today: NaiveDate,
) -> Option<Step> {
    let own: Vec<Invoice> = invoices
        .iter()
        .filter(|i| i.customer_id == customer.id)
        .cloned()
        .collect();
    today_queue(&own, std::slice::from_ref(customer), events, settings, today)
        .into_iter()
        .find(|step| step.invoice_ids.contains(&invoice.id))
}

/// A Dutch consumer's overdue invoices go into one 14-day letter, because the law charges the
/// collection costs once, on their summed principal: a second letter weeks later would charge
/// a second minimum fee. An invoice joins the letter when it is overdue on the letter's day and
/// its own next step is a rung of the ladder that would not be taken before the letter anyway.
/// A step taken earlier stays on its own day; a dispute, a plan or a promise keeps its own step.
/// `steps` holds each invoice's step with the invoice's due date, before merging.
fn join_fourteen_day_letters(steps: &mut [(usize, Step, NaiveDate)], today: NaiveDate) {
    let mut letters: FastMap<usize, Step> = FastMap::default();
    for (customer, step, _) in steps.iter() {
        if step.action != Action::FourteenDayLetter {
            continue;
        }
        match letters.entry(*customer) {
            Entry::Occupied(mut first) => {
                if step.scheduled_for(today) < first.get().scheduled_for(today) {
                    first.insert(step.clone());
                }
            }
            Entry::Vacant(place) => {
                place.insert(step.clone());
            }
        }
    }
    if letters.is_empty() {
        return;
    }
    for (customer, step, due_date) in steps.iter_mut() {
        let Some(letter) = letters.get(customer) else {
            continue;
        };
        let day = letter.scheduled_for(today);
        let ladder = matches!(
            step.action,
            Action::FirstReminder | Action::SecondReminder | Action::CallAfterNoReaction
        );
        if ladder && *due_date < day && step.scheduled_for(today) >= day {
            *step = Step {
                invoice_ids: std::mem::take(&mut step.invoice_ids),
                ..letter.clone()
            };
        }
    }
}

/// Most urgent first, then the earliest due date, the customer, the action and the first
/// invoice id, so that equal inputs always give the same order. The sort runs over a compact
/// list of keys, and each step is then moved once: much cheaper than moving whole steps about.
fn sort_queue(steps: Vec<(usize, Step)>) -> Vec<Step> {
    let order: Vec<usize> = {
        let mut keys: Vec<_> = steps
            .iter()
            .enumerate()
            .map(|(n, (customer, s))| {
                let first = s.invoice_ids.first().map(InvoiceId::as_str);
                (Reverse(s.urgency), s.due, *customer, s.action, first, n)
            })
            .collect();
        sorting::sort(&mut keys);
        keys.into_iter().map(|key| key.5).collect()
    };
    let mut slots: Vec<Option<Step>> = steps.into_iter().map(|(_, step)| Some(step)).collect();
    order
        .into_iter()
        .filter_map(|at| slots.get_mut(at).and_then(Option::take))
        .collect()
}

/// The events of every invoice, gathered in one pass: a counting sort into one flat list, so a
/// queue over 100,000 invoices needs neither a list per invoice nor a scan per invoice.
struct Dossiers<'a> {
    /// Per invoice of the input, in its order: the slot its events are filed under. Invoices
    /// that share an id share a slot.
    slot_per_invoice: Vec<usize>,
    /// Slot `s` holds `events[starts[s]..starts[s + 1]]`.
    starts: Vec<usize>,
    events: Vec<&'a Event>,
}

impl<'a> Dossiers<'a> {
    fn gather(invoices: &'a [Invoice], events: &'a [Event]) -> Dossiers<'a> {
        let mut slot_of: FastMap<&'a str, usize> = FastMap::default();
        slot_of.reserve(invoices.len());
        let slot_per_invoice: Vec<usize> = invoices
            .iter()
            .map(|invoice| {
                let next = slot_of.len();
                *slot_of.entry(invoice.id.as_str()).or_insert(next)
            })
            .collect();
        // (slot, event) for every event and every known invoice it names, once per invoice
        // even when an event lists the same id twice.
        let mut pairs: Vec<(usize, &'a Event)> = Vec::with_capacity(events.len());
        for event in events {
            for (n, id) in event.invoice_ids.iter().enumerate() {
                let repeated = event.invoice_ids.iter().take(n).any(|earlier| earlier == id);
                if let (false, Some(&slot)) = (repeated, slot_of.get(id.as_str())) {
                    pairs.push((slot, event));
                }
            }
        }
        let mut starts = vec![0usize; slot_of.len() + 1];
        for (slot, _) in &pairs {
            if let Some(count) = starts.get_mut(slot + 1) {
                *count += 1;
            }
        }
        let mut total = 0;
        for start in starts.iter_mut() {
            total += *start;
            *start = total;
        }
        // Placing each event at the next free place of its invoice keeps the events of one
        // invoice in the order they were logged. Every place is written exactly once, so any
        // event will do as the initial filler.
        let mut next = starts.clone();
        let mut placed: Vec<&'a Event> = match pairs.first() {
            Some(&(_, filler)) => vec![filler; pairs.len()],
            None => Vec::new(),
        };
        for (slot, event) in pairs {
            let at = next.get_mut(slot).map(|at| {
                *at += 1;
                *at - 1
            });
            if let Some(place) = at.and_then(|at| placed.get_mut(at)) {
                *place = event;
            }
        }
        Dossiers {
            slot_per_invoice,
            starts,
            events: placed,
        }
    }

    /// The events of the `n`-th invoice of the input.
    fn of(&self, n: usize) -> &[&'a Event] {
        let range = self.slot_per_invoice.get(n).and_then(|&slot| {
            let start = *self.starts.get(slot)?;
            let end = *self.starts.get(slot + 1)?;
            self.events.get(start..end)
        });
        range.unwrap_or(&[])
    }
}

/// A small, fast hasher for the queue's own maps: the word-at-a-time mixing of rustc's FxHash
/// with a proper finaliser.
/// The keys are ids from the user's own data, so the protection against crafted collisions
/// that the standard SipHash buys with speed is not needed, and the queue runs faster.
#[derive(Clone, Copy, Default)]
struct FastHasher(u64);

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            for (to, from) in word.iter_mut().zip(chunk) {
                *to = *from;
            }
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    /// The multiply-and-rotate steps leave the low bits, which pick the bucket, poorly mixed
    /// for ids that share a prefix ("i1", "i2", ...); MurmurHash3's finaliser spreads every
    /// bit over all the others.
    fn finish(&self) -> u64 {
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}

type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

// Merging the steps of one customer

/// Steps merge when they would produce the same message on the same day for one customer.
#[derive(PartialEq, Eq, Hash)]
struct MergeKey {
    /// The customer's rank among the customers' ids.
    customer: usize,
    action: Action,
    channel: Channel,
    message: MessageKind,
    /// `None` for the Dutch consumer's 14-day letter, which merges whatever the dates.
    day: Option<NaiveDate>,
    promise: Option<Promised>,
    instalment: Option<(NaiveDate, Decimal)>,
    /// Plans of different invoices are confirmed together only when they are the same plan.
    plan: Vec<(NaiveDate, Decimal)>,
    /// A hand-over to record never merges with a notice still to send.
    handing_over: bool,
    /// A settled dispute's confirmation tells of the settlement, a call's of the call: one
    /// letter cannot open with both.
    settlement: bool,
}

fn merge_per_customer(
    steps: impl Iterator<Item = (usize, Step)>,
    today: NaiveDate,
    expected: usize,
) -> Vec<(usize, Step)> {
    let mut merged: Vec<(usize, Step)> = Vec::with_capacity(expected);
    let mut index: FastMap<MergeKey, usize> = FastMap::default();
    index.reserve(expected);
    for (customer, step) in steps {
        let key = MergeKey {
            customer,
            action: step.action,
            channel: step.channel,
            message: step.message,
            day: (step.action != Action::FourteenDayLetter).then(|| step.scheduled_for(today)),
            promise: step.promise,
            instalment: step.instalment.as_ref().map(|i| (i.date, i.amount)),
            plan: step.plan.iter().map(|i| (i.date, i.amount)).collect(),
            handing_over: step.rule == Rule::HandOverOnTheDayNoticed,
            settlement: step.rule == Rule::ConfirmSettlementInWriting,
        };
        match index.entry(key) {
            Entry::Occupied(found) => {
                if let Some((_, into)) = merged.get_mut(*found.get()) {
                    absorb(into, step);
                }
            }
            Entry::Vacant(place) => {
                place.insert(merged.len());
                merged.push((customer, step));
            }
        }
    }
    merged
}

fn absorb(into: &mut Step, step: Step) {
    if step.urgency > into.urgency {
        into.urgency = step.urgency;
        into.rule = step.rule;
        into.call_at = step.call_at;
    }
    into.due = into.due.min(step.due);
    into.costs = most_cautious(into.costs, step.costs);
    into.invoice_ids.extend(step.invoice_ids);
}

/// One letter about several invoices claims costs only as far as every invoice allows.
fn most_cautious(a: CostsClaim, b: CostsClaim) -> CostsClaim {
    let rank = |c: CostsClaim| match c {
        CostsClaim::None => 0,
        CostsClaim::Announced => 1,
        CostsClaim::Claimed => 2,
    };
    if rank(a) <= rank(b) {
        a
    } else {
        b
    }
}
