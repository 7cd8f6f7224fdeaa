//! The next-step engine: for every open invoice, the one step to take next, and when.
//!
//! The engine is a pure function of facts. [`next_step`] first folds an invoice's dossier (its
//! append-only events, in date order, same-day events in the order they were logged) into a
//! small derived state, then asks a list of rules in priority order; the first rule with an
//! opinion decides. Nothing derived is ever stored, so logging an event is the only way to
//! move a proposal on, and a step that was logged cannot come back: the fold has changed.
//!
//! The rules, in order (each is one function below, named after the practice it encodes):
//! 1. closed: written off, or the hand-over recorded (the notice only announces it): nothing;
//! 2. paused (the customer, or the invoice by an unresumed pause event): nothing, thanks included;
//! 3. paid: a thank-you, once, and only when the invoice was chased at all;
//! 4. below the minimum worth chasing: nothing;
//! 5. an open dispute: acknowledge, confirm any conversation, call to resolve; never costs;
//! 6. a payment plan agreed and not yet confirmed in writing: confirm it;
//! 7. a conversation (a reached call or a meeting) without a written confirmation: confirm it;
//! 8. a running payment plan: remind each instalment, call about a missed one (a plan with two
//!    instalments missed is broken, and the ladder resumes, past the friendly first reminder);
//! 9. the customer cannot pay: propose a plan, then call about it;
//! 10. an open promise: follow it up after the promised date plus grace;
//! 11. unanswered calls: retry at another part of the day, or go back to writing;
//! 12. the escalation ladder: heads-up (or a call) before the due date, first and second
//!     reminder, a call when writing is ignored, the last reminder (the 14-day letter for Dutch
//!     consumers), a meeting for the largest debts, and the hand-over.
//!
//! Confirming a conversation is checked before the plan, promise and unanswered-call rules,
//! because a promise made on the phone would otherwise hide its own confirmation behind a
//! follow-up dated days later, and the written confirmation is the evidence.
//!
//! Dates: every step carries the date it became due, computed from the facts. That date may lie
//! in the past (the step is overdue, and its urgency says by how much) but never before the
//! latest event of the invoice, nor before its issue date. Where a step is shown, use
//! [`Step::scheduled_for`]: the due date, or today for an overdue step, so an open invoice's
//! step is always actionable today or later.

use std::cell::OnceCell;
use std::cmp::Reverse;
use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use chrono::{Days, NaiveDate};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::domain::calendar::{is_working_day_in, next_working_day, previous_working_day, term_end};
use crate::domain::legal::{belgian_consumer_costs_from, fourteen_day_letter, FourteenDayLetterDates};
use crate::domain::model::{
    BestTime, CallOutcome, Channel, Customer, CustomerId, CustomerKind, DayPart, Event, EventKind, Instalment, Invoice,
    InvoiceId, Jurisdiction, MessageKind, PayByDays, Settings,
};
use crate::domain::sorting;

/// What the user is asked to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// A friendly written note a few days before the due date.
    HeadsUp,
    /// A short "is everything in order?" call before the due date of a large invoice.
    CallBeforeDue,
    FirstReminder,
    SecondReminder,
    /// Written reminders got no reaction: call.
    CallAfterNoReaction,
    /// The last call was not answered: try again at another part of the day.
    RetryCall,
    /// The customer was reached: confirm what was agreed in writing, the same day.
    ConfirmAgreement,
    /// A promised date plus grace has passed without (full) payment.
    FollowUpPromise,
    /// A dispute is open: stop escalating, call to resolve it.
    ResolveDispute,
    /// The customer cannot pay now: propose a payment plan.
    ProposePaymentPlan,
    /// A plan was agreed: confirm it in writing.
    ConfirmPaymentPlan,
    /// A plan instalment is coming up or due.
    RemindInstalment,
    /// An instalment was missed: call.
    CallMissedInstalment,
    /// The formal last reminder (a posted letter).
    LastReminder,
    /// The Dutch consumer's 14-day letter, posted, with the exact collection costs.
    FourteenDayLetter,
    /// The largest debts: ask for a meeting before handing over.
    ProposeMeeting,
    /// Hand the claim to a collection agency, with the dossier, and tell the customer.
    HandOver,
    /// Paid: say thank you, once.
    ThankYou,
}

impl Action {
    /// Every action, for exhaustive tests and labels.
    pub const ALL: [Action; 18] = [
        Action::HeadsUp,
        Action::CallBeforeDue,
        Action::FirstReminder,
        Action::SecondReminder,
        Action::CallAfterNoReaction,
        Action::RetryCall,
        Action::ConfirmAgreement,
        Action::FollowUpPromise,
        Action::ResolveDispute,
        Action::ProposePaymentPlan,
        Action::ConfirmPaymentPlan,
        Action::RemindInstalment,
        Action::CallMissedInstalment,
        Action::LastReminder,
        Action::FourteenDayLetter,
        Action::ProposeMeeting,
        Action::HandOver,
        Action::ThankYou,
    ];
}

/// The practice rule behind a step. The reason shown to the user names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    HeadsUpBeforeDue,
    CallLargeInvoiceBeforeDue,
    FirstReminderAfterDue,
    SecondReminderAfterTwoWeeks,
    CallWhenWritingIsIgnored,
    RetryUnansweredCall,
    BackToWritingAfterUnansweredCalls,
    ConfirmCallInWriting,
    FollowUpMissedPromise,
    StopEscalatingOnDispute,
    OfferPlanWhenCannotPay,
    ConfirmPlanInWriting,
    ChaseEachInstalment,
    CallOnMissedInstalment,
    LastReminderAfterAMonth,
    ConsumerFourteenDayLetter,
    BelgianFreeFirstReminder,
    MeetingForLargestDebts,
    HandOverAfterLastTerm,
    /// The hand-over notice went out: on the day it named, hand the claim over and record it.
    HandOverOnTheDayNoticed,
    ThankAfterPayment,
}

/// Orders the queue: higher is more urgent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Urgency(pub u32);

/// Whether collection costs belong in the step's message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CostsClaim {
    /// No costs are mentioned (too early, disputed, a plan runs, or the user does not claim them).
    None,
    /// The exact costs are announced; they become due if the term passes unpaid (the 14-day letter).
    Announced,
    /// The costs are due now and are claimed.
    Claimed,
}

/// One proposed step. After grouping in `today_queue` it may cover several invoices of one
/// customer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    pub customer_id: CustomerId,
    /// Never empty.
    pub invoice_ids: Vec<InvoiceId>,
    pub action: Action,
    pub channel: Channel,
    /// The day the step becomes due; the queue shows steps due today or earlier.
    pub due: NaiveDate,
    pub urgency: Urgency,
    pub message: MessageKind,
    pub rule: Rule,
    /// For calls: the part of the day to call in.
    pub call_at: Option<DayPart>,
    /// For a promise follow-up: what was promised, and for when.
    pub promise: Option<(Decimal, NaiveDate)>,
    /// For instalment steps: the instalment concerned.
    pub instalment: Option<Instalment>,
    /// For a plan confirmation: every agreed instalment, sorted by date, so the letter states
    /// each amount and date.
    pub plan: Vec<Instalment>,
    /// For a call confirmation: the day of the conversation it confirms. The step itself may
    /// fall due later, after facts logged since (a note, a payment).
    pub talked_on: Option<NaiveDate>,
    /// For a first reminder after a dispute: the day the dispute was settled, which the
    /// reminder starts from instead of supposing the invoice slipped the customer's mind.
    pub settled_on: Option<NaiveDate>,
    pub costs: CostsClaim,
}

impl Step {
    /// The day the step is shown on: its due date, or `today` when it is already due. An
    /// overdue step is still one step to take today, never a date in the past to act on.
    pub fn scheduled_for(&self, today: NaiveDate) -> NaiveDate {
        self.due.max(today)
    }

    /// Whole days the step is overdue on `today`; zero while it is not yet due.
    pub fn days_overdue(&self, today: NaiveDate) -> u32 {
        days_between(self.due, today)
    }
}

/// The steps due on `date` or earlier: on `today`, the day's work including what is overdue.
pub fn due_by(steps: &[Step], date: NaiveDate) -> impl Iterator<Item = &Step> + '_ {
    steps.iter().filter(move |step| step.due <= date)
}

/// The steps that become due after `today` and at most `days` days later, for a look ahead:
/// in date order, as an agenda reads, and in the order of `steps` within a day.
pub fn upcoming(steps: &[Step], today: NaiveDate, days: u32) -> Vec<&Step> {
    let until = plus(today, days);
    let mut ahead: Vec<&Step> = steps
        .iter()
        .filter(|step| step.due > today && step.due <= until)
        .collect();
    sorting::sort_by_key(&mut ahead, |step| step.due);
    ahead
}

/// The next step for one invoice, or `None` when there is nothing to do (closed and thanked,
/// paused, handed over, or below the minimum worth chasing).
///
/// `events` may hold the whole dossier of every invoice: only the events that concern this
/// invoice are read. The result never panics, whatever the events say.
pub fn next_step(
    invoice: &Invoice,
    customer: &Customer,
    events: &[Event],
    settings: &Settings,
    today: NaiveDate,
) -> Option<Step> {
    let own: Vec<&Event> = events.iter().filter(|e| e.concerns(&invoice.id)).collect();
    step_for(invoice, customer, &own, settings, today)
}

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
/// invoice has no step (see [`next_step`]).
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

// ----------------------------------------------------------------------------------------------
// Dates and money, saturating instead of panicking

fn plus(date: NaiveDate, days: u32) -> NaiveDate {
    date.checked_add_days(Days::new(u64::from(days)))
        .unwrap_or(NaiveDate::MAX)
}

fn minus(date: NaiveDate, days: u32) -> NaiveDate {
    date.checked_sub_days(Days::new(u64::from(days)))
        .unwrap_or(NaiveDate::MIN)
}

/// `date` moved by a signed number of days, stopping at the ends of the calendar.
fn shift(date: NaiveDate, days: i64) -> NaiveDate {
    let magnitude = Days::new(days.unsigned_abs());
    if days >= 0 {
        date.checked_add_days(magnitude).unwrap_or(NaiveDate::MAX)
    } else {
        date.checked_sub_days(magnitude).unwrap_or(NaiveDate::MIN)
    }
}

/// Whole days from `from` to `to`, zero when `to` is not later, at most `u32::MAX`.
fn days_between(from: NaiveDate, to: NaiveDate) -> u32 {
    u32::try_from(to.signed_duration_since(from).num_days().max(0)).unwrap_or(u32::MAX)
}

// ----------------------------------------------------------------------------------------------
// The fold: what the dossier says about one invoice

const MESSAGE_KINDS: usize = 16;

/// A fixed place per message kind, so the fold needs no map per invoice.
fn slot(kind: MessageKind) -> usize {
    match kind {
        MessageKind::HeadsUp => 0,
        MessageKind::FirstReminder => 1,
        MessageKind::BelgianFirstReminder => 2,
        MessageKind::SecondReminder => 3,
        MessageKind::CallScript => 4,
        MessageKind::CallConfirmation => 5,
        MessageKind::PromiseFollowUp => 6,
        MessageKind::PaymentPlanProposal => 7,
        MessageKind::PaymentPlanConfirmation => 8,
        MessageKind::InstalmentReminder => 9,
        MessageKind::DisputeAcknowledgement => 10,
        MessageKind::MeetingRequest => 11,
        MessageKind::LastReminder => 12,
        MessageKind::FourteenDayLetter => 13,
        MessageKind::HandOverNotice => 14,
        MessageKind::ThankYou => 15,
    }
}

/// When a message kind was sent: first (with its channel, which sets the Belgian consumer
/// term) and last.
#[derive(Clone, Copy, Debug)]
struct Sent {
    first: NaiveDate,
    first_channel: Channel,
    last: NaiveDate,
}

/// The current run of unanswered calls: how many, the first and the latest one, and which parts
/// of the day were tried, so a retry can pick a part that has not been tried yet.
#[derive(Clone, Copy, Debug, Default)]
struct Unanswered {
    count: u32,
    /// The first call of the run: the day the call was made, however often it was retried.
    first: Option<NaiveDate>,
    last: Option<(NaiveDate, DayPart)>,
    tried: u8,
}

fn part_bit(part: DayPart) -> u8 {
    match part {
        DayPart::Morning => 1,
        DayPart::Afternoon => 2,
        DayPart::Evening => 4,
    }
}

#[derive(Clone, Debug)]
struct Promise {
    amount: Decimal,
    date: NaiveDate,
    made_on: NaiveDate,
    /// The outstanding amount when the promise was made: the promise is kept once the
    /// outstanding falls to this minus the promised amount.
    outstanding_then: Decimal,
}

#[derive(Clone, Debug)]
struct Plan {
    agreed_on: NaiveDate,
    /// Sorted by date; instalments of one date keep the order they were agreed in.
    instalments: Vec<Instalment>,
    /// Paid since the plan was agreed, allocated to the instalments in order.
    paid: Decimal,
    /// Per instalment: whether a reminder went out while it was the one to pay next.
    reminded: Vec<bool>,
}

impl Plan {
    /// The first instalment the payments since the agreement do not cover, or `None` when the
    /// plan is complete. A negative instalment amount is nonsense and counts as zero.
    fn current(&self) -> Option<usize> {
        let mut due_so_far = Decimal::ZERO;
        for (index, instalment) in self.instalments.iter().enumerate() {
            due_so_far = due_so_far.saturating_add(instalment.amount.max(Decimal::ZERO));
            if self.paid < due_so_far {
                return Some(index);
            }
        }
        None
    }

    /// What is still to pay of instalment `index`: its amount less what the payments since the
    /// agreement cover of it, after the instalments before it.
    fn unpaid_of(&self, index: usize) -> Decimal {
        let before = self.instalments[..index.min(self.instalments.len())]
            .iter()
            .fold(Decimal::ZERO, |sum, i| sum.saturating_add(i.amount.max(Decimal::ZERO)));
        let amount = self
            .instalments
            .get(index)
            .map_or(Decimal::ZERO, |i| i.amount.max(Decimal::ZERO));
        let covered = self.paid.saturating_sub(before).max(Decimal::ZERO).min(amount);
        amount.saturating_sub(covered)
    }
}

/// The derived state of one invoice.
#[derive(Clone, Debug)]
struct Facts {
    outstanding: Decimal,
    /// The sum of all payments, refunds counted negative.
    paid: Decimal,
    /// The day of the payment that brought the outstanding amount to zero.
    paid_off_on: Option<NaiveDate>,
    latest_event: Option<NaiveDate>,
    sent: [Option<Sent>; MESSAGE_KINDS],
    /// Any message, call or meeting was logged: the invoice was chased.
    chased: bool,
    last_call: Option<NaiveDate>,
    /// The latest reached call or meeting.
    last_conversation: Option<NaiveDate>,
    unanswered: Unanswered,
    /// The latest sign of life from the customer: a payment, a conversation, a promise, a
    /// dispute, a can't-pay message or a plan.
    last_reaction: Option<NaiveDate>,
    meeting_held: bool,
    promise: Option<Promise>,
    dispute_opened: Option<NaiveDate>,
    /// Every dispute, as the day it opened and the day it was resolved (`None` while open).
    disputes: Vec<(NaiveDate, Option<NaiveDate>)>,
    cannot_pay: Option<NaiveDate>,
    plan: Option<Plan>,
    paused: bool,
    /// A hand-over was recorded.
    handed_over: bool,
    /// The first hand-over notice: the day it went out and how.
    notice: Option<(NaiveDate, Channel)>,
    written_off: bool,
}

impl Facts {
    fn new(invoice: &Invoice) -> Facts {
        Facts {
            outstanding: invoice.amount.max(Decimal::ZERO),
            paid: Decimal::ZERO,
            paid_off_on: None,
            latest_event: None,
            sent: [None; MESSAGE_KINDS],
            chased: false,
            last_call: None,
            last_conversation: None,
            unanswered: Unanswered::default(),
            last_reaction: None,
            meeting_held: false,
            promise: None,
            dispute_opened: None,
            disputes: Vec::new(),
            cannot_pay: None,
            plan: None,
            paused: false,
            handed_over: false,
            notice: None,
            written_off: false,
        }
    }

    fn sent(&self, kind: MessageKind) -> Option<Sent> {
        self.sent.get(slot(kind)).copied().flatten()
    }

    /// The day the latest dispute was settled; `None` while it is open or when there was none.
    fn settled_on(&self) -> Option<NaiveDate> {
        self.disputes.last().and_then(|(_, resolved)| *resolved)
    }

    /// Whether a dispute was open on any day from `from` up to, not including, `until`. A
    /// dispute resolved on `from` was settled by then: a letter sent that day counts.
    fn disputed_between(&self, from: NaiveDate, until: NaiveDate) -> bool {
        self.disputes
            .iter()
            .any(|&(opened, resolved)| opened < until && resolved.is_none_or(|resolved| resolved > from))
    }

    /// The day the latest 14-day letter went out, if it counts. Only a letter sent after the
    /// due date does, once the customer is in default (`claim.rs` reads it the same way). One
    /// whose term a dispute interrupted does not either: the answer to the dispute promised no
    /// costs while it was open, so after it is resolved a new letter gives a fresh term. A
    /// letter that does not count gives no costs and no hand-over; the ladder asks for a new one.
    fn fourteen_day_letter(&self, invoice: &Invoice) -> Option<NaiveDate> {
        self.sent(MessageKind::FourteenDayLetter)
            .map(|sent| sent.last)
            .filter(|&day| day > invoice.due_date)
            .filter(|&day| !self.disputed_between(day, fourteen_day_letter(day).costs_from))
    }

    /// The customer did something: it counts against "no reaction", and it ends a run of
    /// unanswered calls (the next call is a fresh one, not a retry).
    fn reaction(&mut self, date: NaiveDate) {
        self.last_reaction = Some(date);
        self.unanswered = Unanswered::default();
    }

    fn apply(&mut self, invoice: &Invoice, event: &Event) {
        let date = event.date;
        self.latest_event = Some(date);
        match &event.kind {
            EventKind::MessageSent { message, .. } => self.message_sent(*message, date, event.channel),
            EventKind::Call { outcome, at, .. } => self.call(*outcome, *at, date),
            EventKind::Meeting { .. } => {
                self.chased = true;
                self.meeting_held = true;
                self.last_conversation = Some(date);
                self.reaction(date);
            }
            EventKind::PromiseToPay { amount, date: promised } => {
                self.promise = Some(Promise {
                    amount: *amount,
                    date: *promised,
                    made_on: date,
                    outstanding_then: self.outstanding,
                });
                // A promise answers an earlier "cannot pay": the customer found a way.
                self.cannot_pay = None;
                self.reaction(date);
            }
            EventKind::DisputeOpened { .. } => {
                if self.dispute_opened.is_none() {
                    self.disputes.push((date, None));
                }
                self.dispute_opened = self.dispute_opened.or(Some(date));
                self.reaction(date);
            }
            EventKind::DisputeResolved { .. } => {
                if let Some((_, resolved @ None)) = self.disputes.last_mut() {
                    *resolved = Some(date);
                }
                self.dispute_opened = None;
                self.reaction(date);
            }
            EventKind::CannotPay { .. } => {
                self.cannot_pay = Some(date);
                self.reaction(date);
            }
            EventKind::PaymentPlanAgreed { instalments } => self.plan_agreed(instalments, date),
            EventKind::PaymentReceived { amount, .. } => self.payment(invoice, *amount, date),
            EventKind::HandedOver { .. } => self.handed_over = true,
            EventKind::WrittenOff { .. } => self.written_off = true,
            EventKind::ChasePaused { .. } => self.paused = true,
            EventKind::ChaseResumed => self.paused = false,
            EventKind::Note { .. } => {}
        }
    }

    fn message_sent(&mut self, message: MessageKind, date: NaiveDate, channel: Channel) {
        if let Some(entry) = self.sent.get_mut(slot(message)) {
            *entry = Some(match *entry {
                Some(sent) => Sent { last: date, ..sent },
                None => Sent {
                    first: date,
                    first_channel: channel,
                    last: date,
                },
            });
        }
        self.chased = true;
        // Writing ends a run of unanswered calls: after it, a call is a fresh attempt.
        self.unanswered = Unanswered::default();
        match message {
            MessageKind::HandOverNotice => self.notice = self.notice.or(Some((date, channel))),
            MessageKind::InstalmentReminder => {
                // The reminder is for the instalment that was next to pay when it went out, so
                // a late reminder is not mistaken for the next one's.
                if let Some(plan) = self.plan.as_mut() {
                    if let Some(flag) = plan.current().and_then(|k| plan.reminded.get_mut(k)) {
                        *flag = true;
                    }
                }
            }
            _ => {}
        }
    }

    fn call(&mut self, outcome: CallOutcome, at: DayPart, date: NaiveDate) {
        self.chased = true;
        self.last_call = Some(date);
        match outcome {
            CallOutcome::Reached => {
                self.last_conversation = Some(date);
                self.reaction(date);
            }
            CallOutcome::NoAnswer | CallOutcome::Voicemail => {
                self.unanswered.count = self.unanswered.count.saturating_add(1);
                self.unanswered.first.get_or_insert(date);
                self.unanswered.last = Some((date, at));
                self.unanswered.tried |= part_bit(at);
            }
        }
    }

    fn plan_agreed(&mut self, instalments: &[Instalment], date: NaiveDate) {
        // A plan without instalments has nothing to chase and is not a plan.
        if instalments.is_empty() {
            return;
        }
        let mut list = instalments.to_vec();
        sorting::sort_by_key(&mut list, |i| i.date);
        self.plan = Some(Plan {
            agreed_on: date,
            reminded: vec![false; list.len()],
            instalments: list,
            paid: Decimal::ZERO,
        });
        // The plan replaces what came before it: the can't-pay talk and any promise.
        self.cannot_pay = None;
        self.promise = None;
        self.reaction(date);
    }

    /// Payments are summed exactly as `model::balance` does, saturating, so an absurd file
    /// cannot panic.
    fn payment(&mut self, invoice: &Invoice, amount: Decimal, date: NaiveDate) {
        self.paid = self.paid.saturating_add(amount);
        if let Some(plan) = self.plan.as_mut() {
            plan.paid = plan.paid.saturating_add(amount);
        }
        self.outstanding = invoice.amount.saturating_sub(self.paid).max(Decimal::ZERO);
        // A refund can reopen an invoice, so the paid-off day follows the balance.
        self.paid_off_on = match self.paid_off_on {
            _ if !self.outstanding.is_zero() => None,
            Some(day) => Some(day),
            None => Some(date),
        };
        self.reaction(date);
    }
}

/// Folds the events of one invoice (already filtered) into its derived state.
fn fold(invoice: &Invoice, events: &[&Event]) -> Facts {
    // A stable sort keeps same-day events in the order they were logged; most dossiers are
    // logged in date order already and need no copy.
    let mut resorted;
    let sorted: &[&Event] = if events.is_sorted_by_key(|e| e.date) {
        events
    } else {
        resorted = events.to_vec();
        sorting::sort_by_key(&mut resorted, |e| e.date);
        &resorted
    };
    let mut facts = Facts::new(invoice);
    for event in sorted {
        facts.apply(invoice, event);
    }
    facts
}

/// What an invoice's dossier says about where the chase stands, for screens and calculations
/// that must agree with the engine: the same fold and the same rules decide both.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Situation {
    pub outstanding: Decimal,
    /// The day a dispute was opened, while it is open.
    pub dispute_opened: Option<NaiveDate>,
    /// The instalments of the latest agreed plan, sorted by date, while the plan still holds the
    /// chase back: an instalment is left to pay and the plan is not broken.
    pub plan: Option<Vec<Instalment>>,
    /// The index in `plan` of the first instalment the payments do not cover.
    pub plan_current: Option<usize>,
    /// An open promise: amount and date.
    pub promise: Option<(Decimal, NaiveDate)>,
    /// The day the customer said they cannot pay, while no plan or promise answered it.
    pub cannot_pay: Option<NaiveDate>,
    /// Paused by an event on the invoice (a customer-wide pause is on the customer).
    pub paused: bool,
    pub handed_over: bool,
    pub written_off: bool,
    /// The last time a Dutch 14-day letter went out, if that letter counts: sent after the
    /// due date, and its term not interrupted by a dispute.
    pub fourteen_day_letter: Option<NaiveDate>,
    /// The free first reminder a Belgian consumer must get before costs: when it went out and
    /// whether by post. An ordinary reminder does not count: it lacks the content the law
    /// prescribes (the term and what follows it).
    pub free_reminder: Option<(NaiveDate, bool)>,
}

/// The situation of one invoice on `today`; `events` may hold other invoices' events, they are
/// skipped. The settings decide when a plan with missed instalments counts as broken.
pub fn situation(invoice: &Invoice, events: &[&Event], settings: &Settings, today: NaiveDate) -> Situation {
    let own: Vec<&Event> = events.iter().copied().filter(|e| e.concerns(&invoice.id)).collect();
    let f = fold(invoice, &own);
    let running = f
        .plan
        .as_ref()
        .and_then(|plan| plan_holds(plan, settings, today).map(|k| (plan.instalments.clone(), k)));
    let (plan, plan_current) = running.map_or((None, None), |(list, k)| (Some(list), Some(k)));
    Situation {
        outstanding: f.outstanding,
        dispute_opened: f.dispute_opened,
        plan,
        plan_current,
        promise: open_promise(&f).map(|p| (p.amount, p.date)),
        cannot_pay: f.cannot_pay,
        paused: f.paused,
        handed_over: f.handed_over,
        written_off: f.written_off,
        fourteen_day_letter: f.fourteen_day_letter(invoice),
        free_reminder: f
            .sent(MessageKind::BelgianFirstReminder)
            .map(|s| (s.first, s.first_channel == Channel::Letter)),
    }
}

/// Why an invoice has no next step: the rules that end the chase, in the order they decide.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Idle {
    /// Written off.
    WrittenOff,
    /// Handed over to a collection agency, who chases it now.
    HandedOver,
    /// Chasing is paused for the whole customer (undone on the customer).
    CustomerPaused,
    /// Chasing is paused for this invoice.
    Paused,
    /// Nothing is outstanding (and any thank-you is sent).
    Paid,
    /// What is outstanding is below the minimum worth chasing.
    BelowMinimum,
}

/// Why [`next_step`] proposes nothing for an invoice in `situation`, read the way its rules
/// read it; `None` when none of those rules holds. Only meaningful when there is no step.
pub fn idle(situation: &Situation, customer: &Customer, settings: &Settings) -> Option<Idle> {
    if situation.written_off {
        Some(Idle::WrittenOff)
    } else if situation.handed_over {
        Some(Idle::HandedOver)
    } else if customer.paused.is_some() {
        Some(Idle::CustomerPaused)
    } else if situation.paused {
        Some(Idle::Paused)
    } else if situation.outstanding.is_zero() {
        Some(Idle::Paid)
    } else if situation.outstanding < settings.minimum_worth_chasing {
        Some(Idle::BelowMinimum)
    } else {
        None
    }
}

// ----------------------------------------------------------------------------------------------
// The rules

/// Everything a rule may look at.
struct Ctx<'a> {
    invoice: &'a Invoice,
    customer: &'a Customer,
    settings: &'a Settings,
    today: NaiveDate,
    facts: Facts,
    /// No step is dated before this: the latest event, or the issue date.
    floor: NaiveDate,
    /// The dates of the latest 14-day letter, worked out at most once (they need the calendar).
    letter: OnceCell<Option<FourteenDayLetterDates>>,
}

impl Ctx<'_> {
    /// The day the latest 14-day letter went out, if it counts ([`Facts::fourteen_day_letter`]).
    fn fourteen_day_letter_sent(&self) -> Option<NaiveDate> {
        self.facts.fourteen_day_letter(self.invoice)
    }

    /// The dates that follow from the latest 14-day letter sent, if it counts.
    fn letter_dates(&self) -> Option<&FourteenDayLetterDates> {
        self.letter
            .get_or_init(|| self.fourteen_day_letter_sent().map(fourteen_day_letter))
            .as_ref()
    }
}

/// What a rule says: propose this step, say there is nothing to do, or leave it to the next.
enum Verdict {
    Propose(Step),
    Nothing,
    Pass,
}

/// The rules in priority order; the first that does not pass decides.
const RULES: &[fn(&Ctx<'_>) -> Verdict] = &[
    stop_when_closed,
    stop_when_paused,
    thank_after_payment,
    stop_below_minimum,
    stop_escalating_on_dispute,
    confirm_plan_in_writing,
    confirm_call_in_writing,
    chase_each_instalment,
    offer_plan_when_cannot_pay,
    follow_up_missed_promise,
    retry_unanswered_call,
    escalation_ladder,
];

fn step_for(
    invoice: &Invoice,
    customer: &Customer,
    events: &[&Event],
    settings: &Settings,
    today: NaiveDate,
) -> Option<Step> {
    let facts = fold(invoice, events);
    let floor = facts
        .latest_event
        .map_or(invoice.issue_date, |latest| latest.max(invoice.issue_date));
    let ctx = Ctx {
        invoice,
        customer,
        settings,
        today,
        facts,
        floor,
        letter: OnceCell::new(),
    };
    for rule in RULES {
        match rule(&ctx) {
            Verdict::Propose(step) => return Some(finish(&ctx, step)),
            Verdict::Nothing => return None,
            Verdict::Pass => {}
        }
    }
    None
}

/// Applies the invariants every step keeps: never dated before the floor, a call on a
/// working day, and ranked.
fn finish(ctx: &Ctx<'_>, mut step: Step) -> Step {
    step.due = step.due.max(ctx.floor);
    if step.channel == Channel::Phone {
        step.due = call_day(ctx, step.action, step.due);
    }
    step.urgency = urgency(step.action, step.due, ctx.today, ctx.facts.outstanding);
    step
}

/// People are called on working days. A call that would fall on a weekend or a public holiday
/// moves to the next working day; a call before the due date moves to the working day before
/// instead, so it still comes first, unless that day is before the floor.
fn call_day(ctx: &Ctx<'_>, action: Action, day: NaiveDate) -> NaiveDate {
    let jurisdiction = ctx.settings.jurisdiction;
    if is_working_day_in(day, jurisdiction) {
        return day;
    }
    let before = (action == Action::CallBeforeDue)
        .then(|| previous_working_day(day, jurisdiction))
        .flatten()
        .filter(|&before| before >= ctx.floor);
    before.unwrap_or_else(|| next_working_day(day, jurisdiction))
}

/// Written off or handed over: the claim is no longer the user's to chase. The hand-over
/// notice only announces the hand-over: until it is recorded, a payment is thanked for and a
/// customer's answer is followed up like any other.
fn stop_when_closed(ctx: &Ctx<'_>) -> Verdict {
    if ctx.facts.written_off || ctx.facts.handed_over {
        Verdict::Nothing
    } else {
        Verdict::Pass
    }
}

/// A pause silences every step, a thank-you included: the user pauses when any contact would
/// be wrong (a bereavement, a talk in progress), and a cheerful note is contact too.
fn stop_when_paused(ctx: &Ctx<'_>) -> Verdict {
    if ctx.customer.paused.is_some() || ctx.facts.paused {
        Verdict::Nothing
    } else {
        Verdict::Pass
    }
}

/// Paid: thank the customer once, dated the day the last payment completed it.
///
/// Only an invoice that was chased (a message, call or meeting was logged) gets a thank-you.
/// An invoice paid without any chasing needs no step: a thank-you for every invoice paid on
/// time would bury the real work in the queue, and the customer did nothing unusual.
fn thank_after_payment(ctx: &Ctx<'_>) -> Verdict {
    let f = &ctx.facts;
    if !f.outstanding.is_zero() {
        return Verdict::Pass;
    }
    if !f.chased || f.sent(MessageKind::ThankYou).is_some() {
        return Verdict::Nothing;
    }
    let due = f.paid_off_on.unwrap_or(ctx.floor);
    Verdict::Propose(written(
        ctx,
        Action::ThankYou,
        due,
        MessageKind::ThankYou,
        Rule::ThankAfterPayment,
    ))
}

fn stop_below_minimum(ctx: &Ctx<'_>) -> Verdict {
    if ctx.facts.outstanding < ctx.settings.minimum_worth_chasing {
        Verdict::Nothing
    } else {
        Verdict::Pass
    }
}

/// An open dispute stops the ladder: acknowledge it in writing, confirm every conversation,
/// and call to settle it. No step of a dispute ever claims costs.
fn stop_escalating_on_dispute(ctx: &Ctx<'_>) -> Verdict {
    let Some(opened) = ctx.facts.dispute_opened else {
        return Verdict::Pass;
    };
    let acknowledged = ctx
        .facts
        .sent(MessageKind::DisputeAcknowledgement)
        .filter(|sent| sent.last >= opened);
    let Some(acknowledged) = acknowledged else {
        return Verdict::Propose(written(
            ctx,
            Action::ResolveDispute,
            opened,
            MessageKind::DisputeAcknowledgement,
            Rule::StopEscalatingOnDispute,
        ));
    };
    if let Verdict::Propose(step) = confirm_call_in_writing(ctx) {
        return Verdict::Propose(step);
    }
    Verdict::Propose(context_call(
        ctx,
        &CallPlan {
            since: opened,
            first_due: next_working_day(acknowledged.last, ctx.settings.jurisdiction),
            call_action: Action::ResolveDispute,
            written_action: Action::ResolveDispute,
            written_message: MessageKind::DisputeAcknowledgement,
            rule: Rule::StopEscalatingOnDispute,
            // A customer who cannot be called is written to instead, and each message gives
            // the pay-by term to answer before the next; without this the acknowledgement
            // would fall due again every next working day. A call still follows the
            // acknowledgement on the next working day.
            writing_counts_from: (!can_call(ctx.customer)).then_some(opened),
        },
    ))
}

/// The plan that still has an instalment to pay, and that instalment's index, unless the plan
/// is broken.
///
/// A plan is broken once the instalment after the first unpaid one has also passed its date
/// plus grace unpaid (two instalments missed), or, when the unpaid one is the last, once a
/// further pay-by term has passed. A broken plan no longer holds the ladder back: the customer
/// had the patience a plan offers and did not use it, so the ladder resumes where it was,
/// costs included.
fn running_plan<'f>(ctx: &'f Ctx<'_>) -> Option<(&'f Plan, usize)> {
    let plan = ctx.facts.plan.as_ref()?;
    plan_holds(plan, ctx.settings, ctx.today).map(|k| (plan, k))
}

/// The instalment to pay next, when the plan still holds on `today` (see [`running_plan`]).
fn plan_holds(plan: &Plan, settings: &Settings, today: NaiveDate) -> Option<usize> {
    let k = plan.current()?;
    let unpaid = plan.instalments.get(k)?;
    let second_deadline = match plan.instalments.get(k + 1) {
        Some(next) => next.date,
        None => pay_by_from(settings, unpaid.date),
    };
    let broken = today >= plus(second_deadline, settings.schedule.promise_grace);
    (!broken).then_some(k)
}

/// A plan agreed but not confirmed in writing since: confirm it the same day.
fn confirm_plan_in_writing(ctx: &Ctx<'_>) -> Verdict {
    let Some((plan, _)) = running_plan(ctx) else {
        return Verdict::Pass;
    };
    let confirmed = ctx
        .facts
        .sent(MessageKind::PaymentPlanConfirmation)
        .is_some_and(|sent| sent.last >= plan.agreed_on);
    if confirmed {
        return Verdict::Pass;
    }
    let mut step = document(
        ctx,
        Action::ConfirmPaymentPlan,
        plan.agreed_on,
        MessageKind::PaymentPlanConfirmation,
        Rule::ConfirmPlanInWriting,
    );
    step.plan = plan.instalments.clone();
    step.costs = costs_set_aside(ctx, plan.agreed_on);
    Verdict::Propose(step)
}

/// The costs a plan's confirmation names as set aside while the plan is kept: those a formal
/// letter had already claimed or announced before the plan was agreed. Leaving them out without
/// a word would drop them for good; naming them keeps them claimable when the plan breaks and
/// the ladder resumes. A plan agreed before any formal letter has no costs to set aside.
fn costs_set_aside(ctx: &Ctx<'_>, agreed_on: NaiveDate) -> CostsClaim {
    let told = [
        MessageKind::LastReminder,
        MessageKind::FourteenDayLetter,
        MessageKind::HandOverNotice,
    ]
    .into_iter()
    .any(|kind| ctx.facts.sent(kind).is_some_and(|sent| sent.first <= agreed_on));
    if told {
        formal_costs(ctx, agreed_on)
    } else {
        CostsClaim::None
    }
}

/// Messages that put a conversation in writing when sent on its day or later.
const CONFIRMATIONS: [MessageKind; 4] = [
    MessageKind::CallConfirmation,
    MessageKind::PaymentPlanConfirmation,
    MessageKind::PaymentPlanProposal,
    MessageKind::DisputeAcknowledgement,
];

/// A reached call or a meeting without a written confirmation sent that day or later: confirm
/// what was agreed, the same day, because a spoken agreement is deniable.
///
/// When the customer said they cannot pay on or after that day, the plan proposal that follows
/// is the written record, so no separate confirmation is asked for.
fn confirm_call_in_writing(ctx: &Ctx<'_>) -> Verdict {
    let f = &ctx.facts;
    let Some(talk) = f.last_conversation else {
        return Verdict::Pass;
    };
    let confirmed = CONFIRMATIONS
        .iter()
        .any(|kind| f.sent(*kind).is_some_and(|sent| sent.last >= talk));
    if confirmed || f.cannot_pay.is_some_and(|said| said >= talk) {
        return Verdict::Pass;
    }
    // A promise made in this conversation is the agreement to confirm: its amount and date go
    // into the letter, so the written record says exactly what was promised. Once the promise
    // is kept, the payment is the record and there is nothing left to confirm.
    let promise = f.promise.as_ref().filter(|p| p.made_on >= talk);
    if promise.is_some_and(|p| promise_kept(f, p)) {
        return Verdict::Pass;
    }
    let mut step = written(
        ctx,
        Action::ConfirmAgreement,
        talk,
        MessageKind::CallConfirmation,
        Rule::ConfirmCallInWriting,
    );
    step.promise = promise.map(|p| (p.amount, p.date));
    step.talked_on = Some(talk);
    Verdict::Propose(step)
}

/// Days before an instalment's date that its reminder is due: close enough to be remembered,
/// early enough to make the payment in time.
const INSTALMENT_REMINDER_LEAD: u32 = 2;

/// A running plan: remind each instalment once, shortly before its date; when it is still
/// unpaid on its date plus the promise grace, call. No costs while a plan runs.
fn chase_each_instalment(ctx: &Ctx<'_>) -> Verdict {
    let Some((plan, k)) = running_plan(ctx) else {
        return Verdict::Pass;
    };
    let Some(instalment) = plan.instalments.get(k) else {
        return Verdict::Pass;
    };
    let missed_on = plus(instalment.date, ctx.settings.schedule.promise_grace);
    let reminded = plan.reminded.get(k).copied().unwrap_or(false);
    // A step names what is still to pay of the instalment: a part paid is not asked again.
    let with_instalment = |mut step: Step| {
        step.instalment = Some(Instalment {
            date: instalment.date,
            amount: plan.unpaid_of(k),
        });
        step
    };
    if ctx.today < missed_on && !reminded {
        let due = minus(instalment.date, INSTALMENT_REMINDER_LEAD).max(plan.agreed_on);
        return Verdict::Propose(with_instalment(written(
            ctx,
            Action::RemindInstalment,
            due,
            MessageKind::InstalmentReminder,
            Rule::ChaseEachInstalment,
        )));
    }
    // A promise made about the missed instalment is the more precise next date.
    if let Some(promise) = open_promise(&ctx.facts).filter(|p| p.made_on >= instalment.date) {
        return Verdict::Propose(promise_follow_up(ctx, promise));
    }
    Verdict::Propose(with_instalment(context_call(
        ctx,
        &CallPlan {
            since: instalment.date,
            first_due: missed_on,
            call_action: Action::CallMissedInstalment,
            written_action: Action::RemindInstalment,
            written_message: MessageKind::InstalmentReminder,
            rule: Rule::CallOnMissedInstalment,
            writing_counts_from: Some(instalment.date),
        },
    )))
}

/// The customer cannot pay and no plan was agreed since: propose one the same day, then call
/// about it when the pay-by term of the proposal has passed.
fn offer_plan_when_cannot_pay(ctx: &Ctx<'_>) -> Verdict {
    let Some(said) = ctx.facts.cannot_pay else {
        return Verdict::Pass;
    };
    let proposed = ctx
        .facts
        .sent(MessageKind::PaymentPlanProposal)
        .filter(|sent| sent.last >= said);
    let Some(proposed) = proposed else {
        return Verdict::Propose(written(
            ctx,
            Action::ProposePaymentPlan,
            said,
            MessageKind::PaymentPlanProposal,
            Rule::OfferPlanWhenCannotPay,
        ));
    };
    Verdict::Propose(context_call(
        ctx,
        &CallPlan {
            since: proposed.last,
            first_due: after_term(ctx.settings, proposed.last),
            call_action: Action::ProposePaymentPlan,
            written_action: Action::ProposePaymentPlan,
            written_message: MessageKind::PaymentPlanProposal,
            rule: Rule::OfferPlanWhenCannotPay,
            writing_counts_from: None,
        },
    ))
}

/// Whether the payments since the promise add up to what was promised.
fn promise_kept(f: &Facts, p: &Promise) -> bool {
    f.outstanding <= p.outstanding_then.saturating_sub(p.amount)
}

/// The latest promise, while it is neither kept nor followed up.
fn open_promise(f: &Facts) -> Option<&Promise> {
    f.promise.as_ref().filter(|p| {
        let followed_up = f
            .sent(MessageKind::PromiseFollowUp)
            .is_some_and(|sent| sent.last >= p.made_on);
        !promise_kept(f, p) && !followed_up
    })
}

fn promise_follow_up(ctx: &Ctx<'_>, promise: &Promise) -> Step {
    let mut step = written(
        ctx,
        Action::FollowUpPromise,
        plus(promise.date, ctx.settings.schedule.promise_grace),
        MessageKind::PromiseFollowUp,
        Rule::FollowUpMissedPromise,
    );
    step.promise = Some((promise.amount, promise.date));
    step
}

/// An open promise holds the ladder until its date plus grace; then it is followed up. Once
/// the follow-up is sent, the ladder resumes where it was.
fn follow_up_missed_promise(ctx: &Ctx<'_>) -> Verdict {
    match open_promise(&ctx.facts) {
        Some(promise) => Verdict::Propose(promise_follow_up(ctx, promise)),
        None => Verdict::Pass,
    }
}

/// Whether the run of unanswered calls has reached the limit and writing should take over.
fn calls_exhausted(ctx: &Ctx<'_>) -> bool {
    ctx.facts.unanswered.count >= ctx.settings.schedule.max_unanswered_calls.max(1)
}

/// The latest contact was an unanswered call: try again the next working day at another part
/// of the day; after too many, go back to writing with the next written rung.
///
/// A retry that has waited so long that a later rung of the ladder has become due since is
/// stale: then that rung fits today better, and it is proposed instead (catch-up).
fn retry_unanswered_call(ctx: &Ctx<'_>) -> Verdict {
    let unanswered = ctx.facts.unanswered;
    let Some((last_call, _)) = unanswered.last else {
        return Verdict::Pass;
    };
    if unanswered.count == 0 || !can_call(ctx.customer) {
        return Verdict::Pass;
    }
    if calls_exhausted(ctx) {
        let mut step = ladder_step(ctx, true);
        // The hand-over keeps its own reason: writing is not why the claim is handed over.
        if step.action != Action::HandOver {
            step.rule = Rule::BackToWritingAfterUnansweredCalls;
        }
        return Verdict::Propose(step);
    }
    let ladder = ladder_step(ctx, false);
    let mut retry = call(
        ctx,
        Action::RetryCall,
        next_working_day(last_call, ctx.settings.jurisdiction).max(ctx.floor),
        Rule::RetryUnansweredCall,
        retry_part(ctx.customer.best_time, unanswered),
    );
    // After the last reminder the unanswered call was the one to propose a meeting: trying
    // again is the same call, with its script and the costs that reminder claimed.
    if ladder.action == Action::ProposeMeeting && ladder.channel == Channel::Phone {
        retry.action = Action::ProposeMeeting;
        retry.costs = ladder.costs;
    }
    if retry.due < ctx.today && ladder.due <= ctx.today && ladder.due > retry.due {
        return Verdict::Propose(ladder);
    }
    Verdict::Propose(retry)
}

fn escalation_ladder(ctx: &Ctx<'_>) -> Verdict {
    Verdict::Propose(ladder_step(ctx, false))
}

// ----------------------------------------------------------------------------------------------
// Calls that belong to a situation (a dispute, a missed instalment, a plan proposal)

/// How to chase by phone in one situation, and what to write instead when calling fails or
/// the customer has no phone number.
struct CallPlan {
    /// Calls and conversations before this day belong to something else.
    since: NaiveDate,
    first_due: NaiveDate,
    call_action: Action,
    written_action: Action,
    written_message: MessageKind,
    rule: Rule,
    /// Written messages of `written_message` sent on or after this day were sent instead of a
    /// call, and give the customer the pay-by term before the next call.
    writing_counts_from: Option<NaiveDate>,
}

/// The call step of a situation: a retry after no answer, writing after too many, and
/// otherwise a call once the first due day and any term given since have passed.
fn context_call(ctx: &Ctx<'_>, plan: &CallPlan) -> Step {
    let f = &ctx.facts;
    let callable = can_call(ctx.customer);
    let unanswered_call = f
        .unanswered
        .last
        .filter(|(day, _)| f.unanswered.count > 0 && *day >= plan.since);
    if let (true, Some((last_call, _))) = (callable, unanswered_call) {
        if calls_exhausted(ctx) {
            return written(
                ctx,
                plan.written_action,
                last_call,
                plan.written_message,
                Rule::BackToWritingAfterUnansweredCalls,
            );
        }
        return call(
            ctx,
            plan.call_action,
            next_working_day(last_call, ctx.settings.jurisdiction),
            Rule::RetryUnansweredCall,
            retry_part(ctx.customer.best_time, f.unanswered),
        );
    }
    let after_talk = f
        .last_conversation
        .filter(|day| *day >= plan.since)
        .map(|day| after_term(ctx.settings, day));
    let after_writing = plan
        .writing_counts_from
        .and_then(|from| f.sent(plan.written_message).filter(|sent| sent.last >= from))
        .map(|sent| after_term(ctx.settings, sent.last));
    let due = [after_talk, after_writing]
        .into_iter()
        .flatten()
        .fold(plan.first_due, NaiveDate::max);
    if callable {
        call(
            ctx,
            plan.call_action,
            due,
            plan.rule,
            first_part(ctx.customer.best_time),
        )
    } else {
        written(ctx, plan.written_action, due, plan.written_message, plan.rule)
    }
}

// ----------------------------------------------------------------------------------------------
// The escalation ladder

/// The rungs up to the formal last reminder. The meeting and the hand-over follow the last
/// reminder and are dated from the day it was actually sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Rung {
    HeadsUp,
    First,
    Second,
    Call,
    Last,
}

impl Rung {
    const ALL: [Rung; 5] = [Rung::HeadsUp, Rung::First, Rung::Second, Rung::Call, Rung::Last];

    /// Catch-up may pass over these when a later rung is already due; the first reminder and
    /// the last reminder are never passed over.
    fn skippable(self) -> bool {
        matches!(self, Rung::HeadsUp | Rung::Second | Rung::Call)
    }

    /// The rung's place in the schedule, in days relative to the due date.
    fn offset(self, settings: &Settings) -> i64 {
        let s = &settings.schedule;
        match self {
            Rung::HeadsUp => -i64::from(s.heads_up_before_due),
            Rung::First => i64::from(s.first_reminder_after_due),
            Rung::Second => i64::from(s.second_reminder_after_due),
            Rung::Call => i64::from(s.second_reminder_after_due) + i64::from(s.call_after_second_reminder),
            Rung::Last => i64::from(s.last_reminder_after_due),
        }
    }
}

fn nl_consumer(ctx: &Ctx<'_>) -> bool {
    ctx.settings.jurisdiction == Jurisdiction::Nl && ctx.customer.kind == CustomerKind::Consumer
}

fn be_consumer(ctx: &Ctx<'_>) -> bool {
    ctx.settings.jurisdiction == Jurisdiction::Be && ctx.customer.kind == CustomerKind::Consumer
}

/// The earliest first reminder of either kind: it starts the Belgian consumer's term.
fn first_reminder(f: &Facts) -> Option<Sent> {
    match (
        f.sent(MessageKind::FirstReminder),
        f.sent(MessageKind::BelgianFirstReminder),
    ) {
        (Some(a), Some(b)) => Some(if b.first < a.first { b } else { a }),
        (a, b) => a.or(b),
    }
}

/// The formal last reminder that was sent, with its kind. For a Dutch consumer only the 14-day
/// letter counts: without it no costs are due, and no hand-over may follow.
fn last_reminder(ctx: &Ctx<'_>) -> Option<(NaiveDate, MessageKind)> {
    let f = &ctx.facts;
    let letter = ctx
        .fourteen_day_letter_sent()
        .map(|day| (day, MessageKind::FourteenDayLetter));
    if nl_consumer(ctx) {
        return letter;
    }
    let reminder = f
        .sent(MessageKind::LastReminder)
        .map(|sent| (sent.last, MessageKind::LastReminder));
    match (reminder, letter) {
        // The later one sets the term; on the same day the 14-day letter's longer term wins.
        (Some(r), Some(l)) => Some(if r.0 > l.0 { r } else { l }),
        (r, l) => r.or(l),
    }
}

/// The last day of the pay-by term of the latest message that gave one outside the ladder (a
/// promise follow-up, a meeting request, the written confirmation of a conversation), of a
/// conversation after the due date, or of the resolution of a dispute: once it is settled,
/// the customer gets the usual term to pay before the ladder goes on.
fn latest_term_end(ctx: &Ctx<'_>) -> Option<NaiveDate> {
    let f = &ctx.facts;
    let after_due = |day: &NaiveDate| !keeps_due_date(*day, ctx.invoice.due_date);
    let resolved = f.settled_on();
    let terms = [
        resolved.filter(after_due),
        f.last_conversation.filter(after_due),
        f.sent(MessageKind::PromiseFollowUp).map(|s| s.last),
        f.sent(MessageKind::MeetingRequest).map(|s| s.last),
        f.sent(MessageKind::CallConfirmation).map(|s| s.last).filter(after_due),
    ];
    terms
        .into_iter()
        .flatten()
        .map(|day| pay_by_from(ctx.settings, day))
        .max()
}

/// No ladder rung comes before the day after [`latest_term_end`]: the customer has the whole
/// of the last day they were given, so a late conversation or follow-up is not chased by a
/// formal reminder on that day.
fn ladder_floor(ctx: &Ctx<'_>) -> NaiveDate {
    latest_term_end(ctx).map_or(ctx.floor, |end| plus(end, 1).max(ctx.floor))
}

/// The ladder's step. With `writing_only`, calls are left out: the call rung is skipped, a
/// heads-up is written and the meeting is requested in writing.
fn ladder_step(ctx: &Ctx<'_>, writing_only: bool) -> Step {
    // After the notice, the day of the hand-over is the one the notice named: it counted its
    // last chance from the day it was planned for, or from the day it went out if that was
    // later. What is logged since (a payment, a note) does not move it, so the ladder is asked
    // with the notice's day as its floor instead of the latest event's.
    let floor = match ctx.facts.notice {
        Some((sent, _)) => sent,
        None => ladder_floor(ctx),
    };
    let step = match last_reminder(ctx) {
        Some(last) => after_last_reminder(ctx, last, writing_only, floor),
        None => next_reminder(ctx, writing_only, floor),
    };
    match ctx.facts.notice {
        Some((sent, channel)) => {
            let planned = if step.action == Action::HandOver {
                step.due.max(sent)
            } else {
                sent
            };
            hand_over_on_the_day_noticed(ctx, planned, channel)
        }
        None => step,
    }
}

/// The reminder rung that fits today.
///
/// Catch-up: after a gap, the highest rung whose date has passed is proposed, as one step; the
/// second reminder and the call may be passed over, the first and the last reminder never.
/// So an invoice 40 days overdue with nothing sent gets a first reminder, not a last one: a
/// customer who never heard from us should not receive a formal notice out of the blue, which
/// is both kinder and the better evidence later. Its due date stays the day the first reminder
/// became due, so the step shows as overdue and ranks high; it is taken today
/// ([`Step::scheduled_for`]).
///
/// Pacing: a rung is due on its own date (due date plus its offset) but never sooner after the
/// previous rung actually sent than the schedule puts between them (at least a day), so a
/// reminder sent late pushes the rest along instead of starting a burst; and never before the
/// pay-by date the previous reminder gave has passed: nobody is chased on their last day.
fn next_reminder(ctx: &Ctx<'_>, writing_only: bool, floor: NaiveDate) -> Step {
    let f = &ctx.facts;
    let due_date = ctx.invoice.due_date;
    let (first, second, floor) = if be_consumer(ctx) {
        // A Belgian consumer's ladder starts with the free reminder the law prescribes. Other
        // reminders lack its content: they neither start its term nor count as rungs, so the
        // free reminder comes next, a day after the latest of them at the earliest, and the
        // ladder is paced from it.
        match f.sent(MessageKind::BelgianFirstReminder) {
            Some(free) => {
                let second = f
                    .sent(MessageKind::SecondReminder)
                    .filter(|sent| sent.last >= free.first);
                // The law gives the consumer the free reminder's whole term: nothing more is
                // asked before it ends, as the reminder itself says.
                let term_over = belgian_consumer_costs_from(free.first, free.first_channel == Channel::Letter);
                (Some(free), second, floor.max(term_over))
            }
            None => {
                let after_ordinary = [MessageKind::FirstReminder, MessageKind::SecondReminder]
                    .into_iter()
                    .filter_map(|kind| f.sent(kind))
                    .map(|sent| plus(sent.last, 1))
                    .fold(floor, NaiveDate::max);
                (None, None, after_ordinary)
            }
        }
    } else {
        // The follow-up of a broken promise, and the confirmation of a plan that was then
        // broken, already put the debt to the customer in writing: after them the ladder goes
        // on past the first, friendly reminder. A customer who did not keep an agreement is
        // not told that the invoice may have slipped their mind.
        let first = first_reminder(f)
            .or_else(|| f.sent(MessageKind::PromiseFollowUp))
            .or_else(|| f.sent(MessageKind::PaymentPlanConfirmation));
        (first, f.sent(MessageKind::SecondReminder), floor)
    };
    // Retries of an unanswered call repeat the call rung rather than take it again, so the rung
    // counts from the run's first call: retrying must not push the last reminder further out.
    let call_made = second.and_then(|sent| {
        let rung_day = match f.unanswered.first {
            Some(first) if f.unanswered.count > 0 && first >= sent.first => Some(first),
            _ => f.last_call,
        };
        rung_day.filter(|day| *day >= sent.first)
    });
    let (highest, base) = match (call_made, second, first) {
        (Some(day), _, _) => (Some(Rung::Call), Some((Rung::Call, day))),
        (None, Some(sent), _) => (Some(Rung::Second), Some((Rung::Second, sent.last))),
        (None, None, Some(sent)) => (Some(Rung::First), Some((Rung::First, sent.last))),
        (None, None, None) if f.chased => (Some(Rung::HeadsUp), None),
        (None, None, None) => (None, None),
    };
    // The call is about the second reminder going unanswered: what the customer did before it
    // went out (a part payment, a reply) did not answer it.
    let reacted = second.is_some_and(|sent| f.last_reaction.is_some_and(|day| day >= sent.first));
    let callable = !writing_only && can_call(ctx.customer);
    let date_of = |rung: Rung| -> NaiveDate {
        let own = shift(due_date, rung.offset(ctx.settings));
        let own = if rung == Rung::HeadsUp {
            own.max(ctx.invoice.issue_date)
        } else {
            own
        };
        // A written reminder gave a pay-by date: the next rung waits until it has passed.
        let paced = base.map(|(previous, sent)| {
            let spaced = shift(sent, (rung.offset(ctx.settings) - previous.offset(ctx.settings)).max(1));
            match previous {
                Rung::First | Rung::Second => spaced.max(after_term(ctx.settings, sent)),
                _ => spaced,
            }
        });
        paced.map_or(own, |paced| own.max(paced)).max(floor)
    };
    let applicable = |rung: Rung| match rung {
        Rung::HeadsUp => ctx.today < due_date,
        Rung::Call => callable && second.is_some() && !reacted,
        Rung::First | Rung::Second | Rung::Last => true,
    };
    let mut pending = Rung::ALL
        .into_iter()
        .filter(|rung| Some(*rung) > highest && applicable(*rung));
    // The last reminder is never sent here, so it is always pending; the fallback is a formality.
    let mut chosen = pending.next().unwrap_or(Rung::Last);
    for rung in pending {
        // A rung due by the day the chosen one would be taken replaces it, on that day as it
        // would today: the step shown ahead of time is the step that day brings.
        if chosen.skippable() && date_of(rung) <= date_of(chosen).max(ctx.today) {
            chosen = rung;
        } else {
            break;
        }
    }
    reminder_step(ctx, chosen, date_of(chosen), callable)
}

fn reminder_step(ctx: &Ctx<'_>, rung: Rung, due: NaiveDate, callable: bool) -> Step {
    let best_time = ctx.customer.best_time;
    match rung {
        Rung::HeadsUp if callable && ctx.facts.outstanding >= ctx.settings.call_before_due_from => call(
            ctx,
            Action::CallBeforeDue,
            due,
            Rule::CallLargeInvoiceBeforeDue,
            first_part(best_time),
        ),
        Rung::HeadsUp => written(ctx, Action::HeadsUp, due, MessageKind::HeadsUp, Rule::HeadsUpBeforeDue),
        Rung::First if be_consumer(ctx) => document(
            ctx,
            Action::FirstReminder,
            due,
            MessageKind::BelgianFirstReminder,
            Rule::BelgianFreeFirstReminder,
        ),
        Rung::First => Step {
            settled_on: ctx.facts.settled_on(),
            ..written(
                ctx,
                Action::FirstReminder,
                due,
                MessageKind::FirstReminder,
                Rule::FirstReminderAfterDue,
            )
        },
        Rung::Second => written(
            ctx,
            Action::SecondReminder,
            due,
            MessageKind::SecondReminder,
            Rule::SecondReminderAfterTwoWeeks,
        ),
        Rung::Call => call(
            ctx,
            Action::CallAfterNoReaction,
            due,
            Rule::CallWhenWritingIsIgnored,
            first_part(best_time),
        ),
        Rung::Last if nl_consumer(ctx) => {
            // Only a letter sent once the customer is in default counts, so however the
            // schedule is set, it comes after the due date.
            let due = due.max(plus(ctx.invoice.due_date, 1));
            let mut step = letter(
                ctx,
                Action::FourteenDayLetter,
                due,
                MessageKind::FourteenDayLetter,
                Rule::ConsumerFourteenDayLetter,
            );
            step.costs = if ctx.settings.claim_collection_costs {
                CostsClaim::Announced
            } else {
                CostsClaim::None
            };
            step
        }
        Rung::Last => {
            let mut step = letter(
                ctx,
                Action::LastReminder,
                due,
                MessageKind::LastReminder,
                Rule::LastReminderAfterAMonth,
            );
            step.costs = formal_costs(ctx, step.scheduled_for(ctx.today));
            step
        }
    }
}

/// The day the claim may be handed over: the schedule's wait (at least a day) after the last
/// day of the last reminder's pay-by term; after a 14-day letter, of its own term (never
/// before its costs may be charged).
fn hand_over_date(ctx: &Ctx<'_>, sent: NaiveDate, kind: MessageKind) -> NaiveDate {
    let wait = hand_over_wait(ctx.settings);
    // `sent` is then the latest 14-day letter's date, whose dates the context keeps.
    let day = match (kind, ctx.letter_dates()) {
        (MessageKind::FourteenDayLetter, Some(letter)) => plus(letter.term_last_day, wait).max(letter.costs_from),
        _ => plus(pay_by_from(ctx.settings, sent), wait),
    };
    // A last reminder recorded before the due date gives no earlier claim: nothing is owed
    // before then, so nothing is handed over before then either.
    day.max(plus(ctx.invoice.due_date, 1))
}

/// After the last reminder: a meeting first for the largest debts, then the hand-over.
///
/// The meeting counts as done when one was held, a meeting request was sent, or the customer
/// was reached on or after the last reminder (that conversation is the talk a meeting offers).
fn after_last_reminder(
    ctx: &Ctx<'_>,
    (sent, kind): (NaiveDate, MessageKind),
    writing_only: bool,
    floor: NaiveDate,
) -> Step {
    let f = &ctx.facts;
    let due = hand_over_date(ctx, sent, kind).max(floor);
    let meeting_done = f.meeting_held
        || f.sent(MessageKind::MeetingRequest).is_some()
        || f.last_conversation.is_some_and(|day| day >= sent);
    if f.outstanding >= ctx.settings.meeting_from && !meeting_done {
        // Like every call, the call to arrange a meeting comes with a call script; the written
        // meeting request is for when calling failed or is impossible.
        let mut step = if !writing_only && can_call(ctx.customer) {
            call(
                ctx,
                Action::ProposeMeeting,
                due,
                Rule::MeetingForLargestDebts,
                first_part(ctx.customer.best_time),
            )
        } else {
            written(
                ctx,
                Action::ProposeMeeting,
                due,
                MessageKind::MeetingRequest,
                Rule::MeetingForLargestDebts,
            )
        };
        // The meeting comes after the last reminder: the costs it claimed are still owed, and
        // an offer to pay at once must not quietly drop them.
        step.costs = formal_costs(ctx, step.scheduled_for(ctx.today));
        return step;
    }
    // A term given after the last reminder (a meeting's confirmation, a meeting request) is
    // waited out like the last reminder's own: the hand-over comes after it, never on it.
    let wait = hand_over_wait(ctx.settings);
    let due = latest_term_end(ctx).map_or(due, |end| due.max(plus(end, wait)));
    let mut step = written(
        ctx,
        Action::HandOver,
        due,
        MessageKind::HandOverNotice,
        Rule::HandOverAfterLastTerm,
    );
    step.costs = formal_costs(ctx, step.scheduled_for(ctx.today));
    step
}

/// After the notice, the hand-over itself, on the day the notice named (the notice's last
/// chance counted from `planned`): the user sends the dossier to the agency and records it,
/// which closes the invoice. No message goes to the customer any more; the step keeps the
/// notice's kind, as it completes it.
fn hand_over_on_the_day_noticed(ctx: &Ctx<'_>, planned: NaiveDate, channel: Channel) -> Step {
    let day = notice_hand_over_day(planned, channel, ctx.settings.jurisdiction);
    let mut step = base_step(
        ctx,
        Action::HandOver,
        Channel::Email,
        day,
        MessageKind::HandOverNotice,
        Rule::HandOverOnTheDayNoticed,
    );
    step.costs = formal_costs(ctx, step.scheduled_for(ctx.today));
    step
}

/// Costs for the formal steps (the last reminder and the hand-over), on the day the step is
/// taken: businesses owe them once late; a Belgian consumer only after the free first reminder
/// and its term; a Dutch consumer only from the first day after the 14-day letter's term
/// (before that they are only announced).
fn formal_costs(ctx: &Ctx<'_>, on: NaiveDate) -> CostsClaim {
    if !ctx.settings.claim_collection_costs {
        return CostsClaim::None;
    }
    if be_consumer(ctx) {
        if !ctx.settings.claims_belgian_consumer_damages() {
            return CostsClaim::None;
        }
        let due_from = ctx
            .facts
            .sent(MessageKind::BelgianFirstReminder)
            .map(|sent| belgian_consumer_costs_from(sent.first, sent.first_channel == Channel::Letter));
        return match due_from {
            Some(from) if from <= on => CostsClaim::Claimed,
            _ => CostsClaim::None,
        };
    }
    if nl_consumer(ctx) {
        return match ctx.letter_dates() {
            Some(letter) if letter.costs_from <= on => CostsClaim::Claimed,
            Some(_) => CostsClaim::Announced,
            None => CostsClaim::None,
        };
    }
    CostsClaim::Claimed
}

// ----------------------------------------------------------------------------------------------
// Channels and times of day

fn can_call(customer: &Customer) -> bool {
    !customer.phone.trim().is_empty()
}

/// The channel for a written step: the preferred one when the customer can be reached on it
/// (email needs an address, SMS a phone number, a letter a postal address), else the first of
/// email, letter and SMS that works. A customer who prefers a call or a visit still gets
/// written steps in writing. With no contact details at all: email, so the draft can be made
/// and the user sees what is missing.
fn written_channel(customer: &Customer) -> Channel {
    let reachable = |channel: Channel| match channel {
        Channel::Email => !customer.email.trim().is_empty(),
        Channel::Sms => !customer.phone.trim().is_empty(),
        Channel::Letter => !customer.address.is_empty(),
        Channel::Phone | Channel::InPerson => false,
    };
    if reachable(customer.preferred_channel) {
        return customer.preferred_channel;
    }
    [Channel::Email, Channel::Letter, Channel::Sms]
        .into_iter()
        .find(|channel| reachable(*channel))
        .unwrap_or(Channel::Email)
}

/// The parts of the day a customer can be called in, in the order they are tried.
fn callable_parts(best_time: BestTime) -> &'static [DayPart] {
    match best_time {
        BestTime::Daytime => &[DayPart::Morning, DayPart::Afternoon],
        BestTime::Evening => &[DayPart::Evening],
        BestTime::Any => &[DayPart::Morning, DayPart::Afternoon, DayPart::Evening],
    }
}

fn first_part(best_time: BestTime) -> DayPart {
    callable_parts(best_time).first().copied().unwrap_or(DayPart::Morning)
}

/// The part of the day for a retry: the next allowed part after the last attempt that was not
/// tried in this run, else simply the next allowed part. A customer reachable only in the
/// evening is called in the evening again, on the next working day.
fn retry_part(best_time: BestTime, unanswered: Unanswered) -> DayPart {
    let parts = callable_parts(best_time);
    let last = unanswered.last.map(|(_, part)| part);
    let start = parts.iter().position(|part| Some(*part) == last).map_or(0, |i| i + 1);
    let rotation = || parts.iter().copied().cycle().skip(start).take(parts.len());
    rotation()
        .find(|part| Some(*part) != last && unanswered.tried & part_bit(*part) == 0)
        .or_else(|| rotation().find(|part| Some(*part) != last))
        .unwrap_or_else(|| first_part(best_time))
}

// ----------------------------------------------------------------------------------------------
// Building steps

fn base_step(
    ctx: &Ctx<'_>,
    action: Action,
    channel: Channel,
    due: NaiveDate,
    message: MessageKind,
    rule: Rule,
) -> Step {
    Step {
        customer_id: ctx.customer.id.clone(),
        invoice_ids: vec![ctx.invoice.id.clone()],
        action,
        channel,
        due,
        urgency: Urgency(0),
        message,
        rule,
        call_at: None,
        promise: None,
        instalment: None,
        plan: Vec::new(),
        talked_on: None,
        settled_on: None,
        costs: CostsClaim::None,
    }
}

/// The last day a hand-over notice sent on `day` by `channel` gives the customer to pay. A
/// posted notice arrives days later, so a short term would end before the customer can read
/// it: a letter gets the shortest term the product allows. Any other notice gives the next
/// working day: "pay today" leaves no time to read it and make a transfer. The draft names
/// this date (`messages::pay_by_date`).
pub fn notice_last_chance(day: NaiveDate, channel: Channel, jurisdiction: Jurisdiction) -> NaiveDate {
    match channel {
        Channel::Letter => term_end(day, PayByDays::MIN, jurisdiction),
        _ => term_end(day, 1, jurisdiction),
    }
}

/// The day a hand-over notice sent on `day` by `channel` names for the hand-over: the working
/// day after its last chance (the drafts name the same day).
pub fn notice_hand_over_day(day: NaiveDate, channel: Channel, jurisdiction: Jurisdiction) -> NaiveDate {
    term_end(notice_last_chance(day, channel, jurisdiction), 1, jurisdiction)
}

/// Whether a conversation held, or confirmed, on `day` keeps the agreed due date `due` rather
/// than giving a new pay-by term: it does on the due date and before it, while nothing is late
/// yet. The drafts (`messages::pay_by_date`) and the ladder's floor both ask this.
pub fn keeps_due_date(day: NaiveDate, due: NaiveDate) -> bool {
    day <= due
}

/// The pay-by date of a message sent, or a conversation held, on `day`: the same date the
/// drafts ask payment by (`messages::pay_by_date`).
fn pay_by_from(settings: &Settings, day: NaiveDate) -> NaiveDate {
    term_end(day, settings.pay_by.days(), settings.jurisdiction)
}

/// The first day a step may follow a message sent, or a conversation held, on `day`: the day
/// after its pay-by date. The customer has the whole of the last day they were given.
fn after_term(settings: &Settings, day: NaiveDate) -> NaiveDate {
    plus(pay_by_from(settings, day), 1)
}

/// The schedule's wait after a term's last day before a hand-over: at least a day, so the
/// hand-over never falls on the last day the customer was given.
fn hand_over_wait(settings: &Settings) -> u32 {
    settings.schedule.hand_over_after_last_term.max(1)
}

fn written(ctx: &Ctx<'_>, action: Action, due: NaiveDate, message: MessageKind, rule: Rule) -> Step {
    base_step(ctx, action, written_channel(ctx.customer), due, message, rule)
}

/// A message that must carry every detail: the Belgian consumer's first reminder, which
/// states the 14-day term and what follows it, and a payment plan with all its dates. These
/// go by email or post; an SMS only when the customer can be reached no other way.
fn document(ctx: &Ctx<'_>, action: Action, due: NaiveDate, message: MessageKind, rule: Rule) -> Step {
    let customer = ctx.customer;
    let channel = match written_channel(customer) {
        Channel::Sms if !customer.email.trim().is_empty() => Channel::Email,
        Channel::Sms if !customer.address.is_empty() => Channel::Letter,
        other => other,
    };
    base_step(ctx, action, channel, due, message, rule)
}

/// The formal steps go by post whatever the customer prefers: they carry weight and legal
/// effect, and a posted letter's delivery can be argued.
fn letter(ctx: &Ctx<'_>, action: Action, due: NaiveDate, message: MessageKind, rule: Rule) -> Step {
    base_step(ctx, action, Channel::Letter, due, message, rule)
}

fn call(ctx: &Ctx<'_>, action: Action, due: NaiveDate, rule: Rule, at: DayPart) -> Step {
    let mut step = base_step(ctx, action, Channel::Phone, due, MessageKind::CallScript, rule);
    step.call_at = Some(at);
    step
}

// ----------------------------------------------------------------------------------------------
// Urgency

/// How heavy an action is, from a thank-you (0) to a hand-over (9).
fn severity(action: Action) -> u32 {
    match action {
        Action::ThankYou => 0,
        Action::HeadsUp => 1,
        Action::CallBeforeDue => 2,
        Action::FirstReminder | Action::RemindInstalment => 3,
        Action::SecondReminder => 4,
        Action::CallAfterNoReaction | Action::RetryCall | Action::FollowUpPromise | Action::ProposePaymentPlan => 5,
        Action::ConfirmAgreement
        | Action::ConfirmPaymentPlan
        | Action::CallMissedInstalment
        | Action::ResolveDispute => 6,
        Action::LastReminder | Action::FourteenDayLetter => 7,
        Action::ProposeMeeting => 8,
        Action::HandOver => 9,
    }
}

/// Lower bounds of the amount bands, in euros; each band roughly doubles the one before.
const MONEY_BANDS: [i64; 11] = [50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 25_000, 50_000, 100_000];

/// The urgency of a step on `today`:
///
/// `urgency = 100_000 (when due today or earlier) + 10 x days overdue (at most 3,650)
///            + 40 x severity (0..=9) + 50 x money band (0..=11)`
///
/// Every actionable step ranks above every upcoming one. Among them, one level of severity
/// weighs as much as four days overdue and one money band (the amount roughly doubled) as much
/// as five days, so an old small debt does not drown a fresh large one, nor the other way
/// round.
fn urgency(action: Action, due: NaiveDate, today: NaiveDate, outstanding: Decimal) -> Urgency {
    let actionable = if due <= today { 100_000 } else { 0 };
    let late = days_between(due, today).min(3_650);
    // Whole euros are enough to pick a band, and integers compare much faster than decimals.
    let euros = outstanding.trunc().to_i64().unwrap_or(i64::MAX);
    let band = MONEY_BANDS.iter().filter(|bound| euros >= **bound).count();
    let band = u32::try_from(band).unwrap_or(0);
    Urgency(actionable + late * 10 + severity(action) * 40 + band * 50)
}

// ----------------------------------------------------------------------------------------------
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
    promise: Option<(Decimal, NaiveDate)>,
    instalment: Option<(NaiveDate, Decimal)>,
    /// Plans of different invoices are confirmed together only when they are the same plan.
    plan: Vec<(NaiveDate, Decimal)>,
    /// A hand-over to record never merges with a notice still to send.
    handing_over: bool,
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

#[cfg(test)]
#[path = "engine_scenarios.rs"]
mod scenarios;

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use proptest::prelude::*;
    use rust_decimal::Decimal;

    use super::*;
    use crate::domain::model::{EventId, PayByDays, PostalAddress, Schedule};
    use crate::domain::testing::{event_on as event, ymd as d};

    fn customer(best_time: BestTime) -> Customer {
        let mut c = Customer::new(CustomerId::from("c1"), "Jansen");
        c.email = "a@b.nl".into();
        c.phone = "0612345678".into();
        c.best_time = best_time;
        c
    }

    fn invoice(amount: i64, due: NaiveDate) -> Invoice {
        Invoice {
            id: InvoiceId::from("i1"),
            number: "1".into(),
            customer_id: CustomerId::from("c1"),
            issue_date: minus(due, 30),
            due_date: due,
            amount: Decimal::from(amount),
            currency: "EUR".into(),
            description: String::new(),
        }
    }

    /// The event a user logs after taking `step`: a call for a phone step, else the message.
    fn log(step: &Step, date: NaiveDate, outcome: CallOutcome) -> Event {
        let kind = if step.rule == Rule::HandOverOnTheDayNoticed {
            EventKind::HandedOver { agency: String::new() }
        } else if step.channel == Channel::Phone {
            EventKind::Call {
                outcome,
                at: step.call_at.unwrap_or(DayPart::Morning),
                summary: String::new(),
            }
        } else {
            EventKind::MessageSent {
                message: step.message,
                to: String::new(),
                subject: String::new(),
                body: String::new(),
            }
        };
        Event {
            id: EventId::from("logged"),
            invoice_ids: step.invoice_ids.clone(),
            customer_id: step.customer_id.clone(),
            date,
            channel: step.channel,
            kind,
        }
    }

    /// Every invoice without a step has a reason, and it is the one the rules acted on.
    #[test]
    fn an_invoice_without_a_step_says_why() {
        let today = d(2026, 3, 20);
        let due = d(2026, 3, 2);
        let on = |kind| event(d(2026, 3, 10), Channel::Email, kind);
        let paid = |amount: i64| {
            on(EventKind::PaymentReceived {
                amount: Decimal::from(amount),
                note: String::new(),
            })
        };
        let paused_customer = {
            let mut c = customer(BestTime::Any);
            c.paused = Some("ziek".into());
            c
        };
        // Name, amount, dossier, customer, and why the invoice is idle.
        type Case = (&'static str, i64, Vec<Event>, Customer, Option<Idle>);
        let cases: [Case; 6] = [
            (
                "written off",
                100,
                vec![on(EventKind::WrittenOff { reason: "weg".into() })],
                customer(BestTime::Any),
                Some(Idle::WrittenOff),
            ),
            (
                "paused invoice",
                100,
                vec![on(EventKind::ChasePaused { reason: String::new() })],
                customer(BestTime::Any),
                Some(Idle::Paused),
            ),
            (
                "paused customer",
                100,
                vec![],
                paused_customer,
                Some(Idle::CustomerPaused),
            ),
            (
                "paid without chasing",
                100,
                vec![paid(100)],
                customer(BestTime::Any),
                Some(Idle::Paid),
            ),
            (
                "five euros left",
                100,
                vec![paid(95)],
                customer(BestTime::Any),
                Some(Idle::BelowMinimum),
            ),
            ("open and overdue", 100, vec![], customer(BestTime::Any), None),
        ];
        let settings = Settings::default();
        for (name, amount, events, customer, expected) in cases {
            let invoice = invoice(amount, due);
            let refs: Vec<&Event> = events.iter().collect();
            let s = situation(&invoice, &refs, &settings, today);
            assert_eq!(idle(&s, &customer, &settings), expected, "{name}");
            let step = next_step(&invoice, &customer, &events, &settings, today);
            assert_eq!(step.is_none(), expected.is_some(), "{name}: {step:?}");
        }
    }

    #[test]
    fn retry_parts() {
        use DayPart::{Afternoon, Evening, Morning};
        let run = |parts: &[DayPart]| Unanswered {
            count: u32::try_from(parts.len()).unwrap(),
            first: parts.first().map(|_| d(2026, 3, 2)),
            last: parts.last().map(|p| (d(2026, 3, 2), *p)),
            tried: parts.iter().fold(0, |bits, p| bits | part_bit(*p)),
        };
        let cases: [(BestTime, &[DayPart], DayPart); 9] = [
            (BestTime::Any, &[Morning], Afternoon),
            (BestTime::Any, &[Afternoon], Evening),
            (BestTime::Any, &[Evening], Morning),
            (BestTime::Any, &[Evening, Morning], Afternoon),
            (BestTime::Any, &[Morning, Afternoon, Evening], Morning),
            (BestTime::Daytime, &[Morning], Afternoon),
            (BestTime::Daytime, &[Evening], Morning),
            (BestTime::Evening, &[Evening], Evening),
            (BestTime::Evening, &[Morning], Evening),
        ];
        for (best, tried, expected) in cases {
            assert_eq!(retry_part(best, run(tried)), expected, "{best:?} after {tried:?}");
        }
    }

    #[test]
    fn written_channel_fallbacks() {
        // (preferred, email, phone, address) -> channel
        let cases = [
            (Channel::Email, true, true, true, Channel::Email),
            (Channel::Email, false, true, true, Channel::Letter),
            (Channel::Email, false, true, false, Channel::Sms),
            (Channel::Sms, true, true, true, Channel::Sms),
            (Channel::Sms, true, false, true, Channel::Email),
            (Channel::Letter, true, true, true, Channel::Letter),
            (Channel::Letter, true, true, false, Channel::Email),
            (Channel::Phone, true, true, true, Channel::Email),
            (Channel::Phone, false, true, true, Channel::Letter),
            (Channel::InPerson, false, false, false, Channel::Email),
        ];
        for (preferred, email, phone, address, expected) in cases {
            let mut c = Customer::new(CustomerId::from("c"), "x");
            c.preferred_channel = preferred;
            c.email = if email { "a@b.nl".into() } else { " ".into() };
            c.phone = if phone { "06".into() } else { String::new() };
            if address {
                c.address = PostalAddress {
                    street: "Straat 1".into(),
                    ..PostalAddress::default()
                };
            }
            assert_eq!(
                written_channel(&c),
                expected,
                "{preferred:?} email={email} phone={phone} address={address}"
            );
        }
    }

    #[test]
    fn urgency_ranks_due_before_upcoming_then_lateness_severity_and_money() {
        let today = d(2026, 4, 1);
        let u = |action, due, amount: i64| urgency(action, due, today, Decimal::from(amount));
        // (more urgent, less urgent)
        let cases = [
            (
                u(Action::ThankYou, today, 10),
                u(Action::HandOver, d(2026, 4, 2), 100_000),
            ),
            (
                u(Action::FirstReminder, d(2026, 3, 1), 500),
                u(Action::FirstReminder, d(2026, 3, 20), 500),
            ),
            (u(Action::HandOver, today, 500), u(Action::FirstReminder, today, 500)),
            (
                u(Action::FirstReminder, today, 9_000),
                u(Action::FirstReminder, today, 900),
            ),
            (
                u(Action::FirstReminder, d(2026, 3, 31), 9_000),
                u(Action::FirstReminder, d(2026, 3, 21), 100),
            ),
        ];
        for (n, (more, less)) in cases.into_iter().enumerate() {
            assert!(more > less, "case {n}: {more:?} <= {less:?}");
        }
    }

    #[test]
    fn due_by_and_upcoming_views() {
        let today = d(2026, 3, 10);
        // In queue order, which is not date order: the look ahead reads by date all the same.
        let steps: Vec<Step> = [d(2026, 3, 1), today, d(2026, 3, 17), d(2026, 3, 11), d(2026, 3, 18)]
            .into_iter()
            .map(|due| Step {
                due,
                ..next_step(
                    &invoice(1000, d(2026, 3, 2)),
                    &customer(BestTime::Any),
                    &[],
                    &Settings::default(),
                    today,
                )
                .unwrap()
            })
            .collect();
        let dues = |it: Vec<&Step>| it.iter().map(|s| s.due).collect::<Vec<_>>();
        assert_eq!(dues(due_by(&steps, today).collect()), [d(2026, 3, 1), today]);
        assert_eq!(dues(upcoming(&steps, today, 7)), [d(2026, 3, 11), d(2026, 3, 17)]);
        assert_eq!(steps[0].scheduled_for(today), today);
        assert_eq!(steps[0].days_overdue(today), 9);
        assert_eq!(steps[2].scheduled_for(today), d(2026, 3, 17));
        assert_eq!(steps[2].days_overdue(today), 0);
    }

    #[test]
    fn events_of_other_invoices_are_ignored() {
        let mut other = event(
            d(2026, 3, 10),
            Channel::Email,
            EventKind::PaymentReceived {
                amount: Decimal::from(1000),
                note: String::new(),
            },
        );
        other.invoice_ids = vec![InvoiceId::from("i2")];
        let step = next_step(
            &invoice(1000, d(2026, 3, 2)),
            &customer(BestTime::Any),
            &[other],
            &Settings::default(),
            d(2026, 3, 11),
        );
        assert_eq!(step.map(|s| s.action), Some(Action::FirstReminder));
    }

    /// A user who takes every step on the day it is scheduled, with a customer who never pays
    /// and answers only the calls the script says: the whole path, one step at a time.
    #[test]
    fn walks_through_the_ladder() {
        use Action::*;
        type Walk = (
            &'static str,
            Customer,
            CustomerKind,
            i64,
            &'static [CallOutcome],
            &'static [(Action, (u32, u32))],
        );
        let cases: Vec<Walk> = vec![
            (
                "silent business, calls unanswered",
                customer(BestTime::Any),
                CustomerKind::Business,
                1000,
                &[CallOutcome::NoAnswer, CallOutcome::NoAnswer, CallOutcome::Voicemail],
                &[
                    (HeadsUp, (2, 27)),
                    (FirstReminder, (3, 3)),
                    (SecondReminder, (3, 16)),
                    // The day after the second reminder's pay-by date, not on it.
                    (CallAfterNoReaction, (3, 24)),
                    (RetryCall, (3, 25)),
                    (RetryCall, (3, 26)),
                    // The schedule's nine days after the call: the retries do not put it off.
                    (LastReminder, (4, 2)),
                    // The notice, then the hand-over itself on the day the notice named.
                    (HandOver, (4, 10)),
                    (HandOver, (4, 14)),
                ],
            ),
            (
                "silent consumer who picks up once",
                customer(BestTime::Evening),
                CustomerKind::Consumer,
                1000,
                &[CallOutcome::Reached],
                &[
                    (HeadsUp, (2, 27)),
                    (FirstReminder, (3, 3)),
                    (SecondReminder, (3, 16)),
                    (CallAfterNoReaction, (3, 24)),
                    (ConfirmAgreement, (3, 24)),
                    (FourteenDayLetter, (4, 2)),
                    (HandOver, (4, 22)),
                    (HandOver, (4, 24)),
                ],
            ),
            (
                "large debt: a call before due and a meeting before hand-over",
                customer(BestTime::Daytime),
                CustomerKind::Business,
                12_000,
                &[
                    CallOutcome::Reached,
                    CallOutcome::NoAnswer,
                    CallOutcome::Reached,
                    CallOutcome::NoAnswer,
                    CallOutcome::Reached,
                ],
                &[
                    (CallBeforeDue, (2, 27)),
                    (ConfirmAgreement, (2, 27)),
                    (FirstReminder, (3, 3)),
                    (SecondReminder, (3, 16)),
                    (CallAfterNoReaction, (3, 24)),
                    (RetryCall, (3, 25)),
                    (ConfirmAgreement, (3, 25)),
                    (LastReminder, (4, 3)),
                    // The day after the last reminder's term is a Saturday.
                    (ProposeMeeting, (4, 13)),
                    // The unanswered meeting call is tried again as the same call.
                    (ProposeMeeting, (4, 14)),
                    (ConfirmAgreement, (4, 14)),
                    // The day after the confirmation's term, not on its last day.
                    (HandOver, (4, 22)),
                    (HandOver, (4, 24)),
                ],
            ),
        ];
        for (name, mut who, kind, amount, outcomes, expected) in cases {
            who.kind = kind;
            let inv = invoice(amount, d(2026, 3, 2));
            let settings = Settings::default();
            let mut events: Vec<Event> = Vec::new();
            let mut outcomes = outcomes.iter().copied();
            let mut today = d(2026, 2, 1);
            let mut walked = Vec::new();
            while let Some(step) = next_step(&inv, &who, &events, &settings, today) {
                today = step.scheduled_for(today);
                walked.push((step.action, today));
                let outcome = if step.channel == Channel::Phone {
                    outcomes.next().unwrap_or(CallOutcome::NoAnswer)
                } else {
                    CallOutcome::NoAnswer
                };
                events.push(log(&step, today, outcome));
                assert!(walked.len() < 30, "{name}: no end in sight: {walked:?}");
            }
            let expected: Vec<(Action, NaiveDate)> =
                expected.iter().map(|(a, (m, day))| (*a, d(2026, *m, *day))).collect();
            assert_eq!(walked, expected, "{name}");
        }
    }

    #[test]
    fn extreme_dates_and_amounts_do_not_panic() {
        let settings = Settings {
            schedule: Schedule {
                heads_up_before_due: u32::MAX,
                first_reminder_after_due: u32::MAX,
                second_reminder_after_due: u32::MAX,
                call_after_second_reminder: u32::MAX,
                last_reminder_after_due: u32::MAX,
                hand_over_after_last_term: u32::MAX,
                promise_grace: u32::MAX,
                max_unanswered_calls: u32::MAX,
            },
            ..Settings::default()
        };
        let amounts = [Decimal::MAX, Decimal::MIN, Decimal::ZERO];
        for date in [NaiveDate::MIN, NaiveDate::MAX] {
            for amount in amounts {
                let mut inv = invoice(0, date);
                inv.amount = amount;
                inv.issue_date = date;
                let events: Vec<Event> = [
                    EventKind::PaymentReceived {
                        amount: Decimal::MAX,
                        note: String::new(),
                    },
                    EventKind::PaymentReceived {
                        amount: Decimal::MIN,
                        note: String::new(),
                    },
                    EventKind::PromiseToPay {
                        amount: Decimal::MIN,
                        date,
                    },
                    EventKind::PaymentPlanAgreed {
                        instalments: vec![
                            Instalment {
                                date,
                                amount: Decimal::MAX,
                            },
                            Instalment {
                                date,
                                amount: Decimal::MAX,
                            },
                        ],
                    },
                    EventKind::MessageSent {
                        message: MessageKind::FourteenDayLetter,
                        to: String::new(),
                        subject: String::new(),
                        body: String::new(),
                    },
                    EventKind::Call {
                        outcome: CallOutcome::NoAnswer,
                        at: DayPart::Evening,
                        summary: String::new(),
                    },
                ]
                .into_iter()
                .map(|kind| event(date, Channel::Letter, kind))
                .collect();
                for n in 0..=events.len() {
                    for today in [NaiveDate::MIN, NaiveDate::MAX, d(2026, 1, 1)] {
                        let c = customer(BestTime::Any);
                        let _ = next_step(&inv, &c, &events[..n], &settings, today);
                        let _ = today_queue(std::slice::from_ref(&inv), &[c], &events[..n], &settings, today);
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------
    // Properties

    const KINDS: [MessageKind; 16] = MessageKind::ALL;
    const CHANNELS: [Channel; 5] = [
        Channel::Email,
        Channel::Sms,
        Channel::Phone,
        Channel::Letter,
        Channel::InPerson,
    ];
    const PARTS: [DayPart; 3] = [DayPart::Morning, DayPart::Afternoon, DayPart::Evening];
    const OUTCOMES: [CallOutcome; 3] = [CallOutcome::Reached, CallOutcome::NoAnswer, CallOutcome::Voicemail];

    fn base() -> NaiveDate {
        d(2026, 1, 1)
    }

    /// A date `lo..=hi` days from `from`.
    fn near(from: NaiveDate, lo: i64, hi: i64) -> impl Strategy<Value = NaiveDate> + Clone {
        (lo..=hi).prop_map(move |offset| shift(from, offset))
    }

    /// Mostly ordinary dates, sometimes the very ends of the calendar.
    fn wild_date() -> impl Strategy<Value = NaiveDate> + Clone {
        prop_oneof![
            18 => near(base(), -1500, 1500),
            1 => Just(NaiveDate::MIN),
            1 => Just(NaiveDate::MAX),
        ]
    }

    /// Amounts from -1,000.00 to 60,000.00: refunds, tiny and large payments, overpayments.
    fn money() -> impl Strategy<Value = Decimal> + Clone {
        (-100_000i64..=6_000_000).prop_map(|cents| Decimal::new(cents, 2))
    }

    /// `promised` gives the dates customers promise or agree to pay on.
    fn event_kind(promised: impl Strategy<Value = NaiveDate> + Clone + 'static) -> impl Strategy<Value = EventKind> {
        let instalment = (promised.clone(), money()).prop_map(|(date, amount)| Instalment { date, amount });
        prop_oneof![
            8 => prop::sample::select(KINDS.to_vec()).prop_map(|message| EventKind::MessageSent {
                message,
                to: String::new(),
                subject: String::new(),
                body: String::new(),
            }),
            4 => (prop::sample::select(OUTCOMES.to_vec()), prop::sample::select(PARTS.to_vec()))
                .prop_map(|(outcome, at)| EventKind::Call { outcome, at, summary: String::new() }),
            1 => Just(EventKind::Meeting { summary: String::new() }),
            2 => (money(), promised).prop_map(|(amount, date)| EventKind::PromiseToPay { amount, date }),
            1 => Just(EventKind::DisputeOpened { reason: String::new() }),
            1 => Just(EventKind::DisputeResolved { resolution: String::new() }),
            1 => Just(EventKind::CannotPay { note: String::new() }),
            2 => prop::collection::vec(instalment, 0..5)
                .prop_map(|instalments| EventKind::PaymentPlanAgreed { instalments }),
            4 => money().prop_map(|amount| EventKind::PaymentReceived { amount, note: String::new() }),
            1 => Just(EventKind::HandedOver { agency: String::new() }),
            1 => Just(EventKind::WrittenOff { reason: String::new() }),
            1 => Just(EventKind::ChasePaused { reason: String::new() }),
            1 => Just(EventKind::ChaseResumed),
            1 => Just(EventKind::Note { text: String::new() }),
        ]
    }

    /// Events about this invoice, about another one, or listing this one twice.
    fn history(
        dates: impl Strategy<Value = NaiveDate> + Clone + 'static,
        promised: impl Strategy<Value = NaiveDate> + Clone + 'static,
    ) -> impl Strategy<Value = Vec<Event>> {
        let ids = prop_oneof![
            6 => Just(vec![InvoiceId::from("i1")]),
            1 => Just(vec![InvoiceId::from("i2")]),
            1 => Just(vec![InvoiceId::from("i2"), InvoiceId::from("i1"), InvoiceId::from("i1")]),
        ];
        let one = (
            dates,
            event_kind(promised),
            prop::sample::select(CHANNELS.to_vec()),
            ids,
        )
            .prop_map(|(date, kind, channel, invoice_ids)| Event {
                id: EventId::from("e"),
                invoice_ids,
                customer_id: CustomerId::from("c1"),
                date,
                channel,
                kind,
            });
        prop::collection::vec(one, 0..14)
    }

    fn any_customer() -> impl Strategy<Value = Customer> {
        (
            prop::sample::select(vec![CustomerKind::Business, CustomerKind::Consumer]),
            prop::sample::select(CHANNELS.to_vec()),
            prop::sample::select(vec![BestTime::Any, BestTime::Daytime, BestTime::Evening]),
            any::<(bool, bool, bool)>(),
            prop::bool::weighted(0.05),
        )
            .prop_map(
                |(kind, preferred_channel, best_time, (email, phone, address), paused)| {
                    let mut c = Customer::new(CustomerId::from("c1"), "Jansen");
                    c.kind = kind;
                    c.preferred_channel = preferred_channel;
                    c.best_time = best_time;
                    c.email = if email { "a@b.nl".into() } else { String::new() };
                    c.phone = if phone { "0612345678".into() } else { String::new() };
                    if address {
                        c.address.street = "Dorpsstraat 1".into();
                    }
                    c.paused = paused.then(String::new);
                    c
                },
            )
    }

    fn any_settings() -> impl Strategy<Value = Settings> {
        (
            prop::sample::select(vec![Jurisdiction::Nl, Jurisdiction::Be]),
            prop::collection::vec(0u32..60, 8),
            PayByDays::MIN..=PayByDays::MAX,
            any::<bool>(),
            (0i64..50, 0i64..30_000, 0i64..10_000),
        )
            .prop_map(|(jurisdiction, days, pay_by, claim, (minimum, meeting, call))| {
                let at = |i: usize| days.get(i).copied().unwrap_or(1);
                Settings {
                    jurisdiction,
                    schedule: Schedule {
                        heads_up_before_due: at(0),
                        first_reminder_after_due: at(1),
                        second_reminder_after_due: at(2),
                        call_after_second_reminder: at(3),
                        last_reminder_after_due: at(4),
                        hand_over_after_last_term: at(5),
                        promise_grace: at(6),
                        max_unanswered_calls: at(7) % 6,
                    },
                    pay_by: PayByDays::new(pay_by).unwrap_or_default(),
                    claim_collection_costs: claim,
                    minimum_worth_chasing: Decimal::from(minimum),
                    meeting_from: Decimal::from(meeting),
                    call_before_due_from: Decimal::from(call),
                    ..Settings::default()
                }
            })
    }

    fn any_invoice(dates: impl Strategy<Value = NaiveDate> + Clone) -> impl Strategy<Value = Invoice> {
        (money(), dates.clone(), dates).prop_map(|(amount, issue_date, due_date)| Invoice {
            id: InvoiceId::from("i1"),
            number: "1".into(),
            customer_id: CustomerId::from("c1"),
            issue_date,
            due_date,
            amount,
            currency: "EUR".into(),
            description: String::new(),
        })
    }

    /// Open: not closed, not paused, and something worth chasing is outstanding.
    fn is_open(invoice: &Invoice, customer: &Customer, events: &[Event], settings: &Settings) -> bool {
        let own: Vec<&Event> = events.iter().filter(|e| e.concerns(&invoice.id)).collect();
        let f = fold(invoice, &own);
        !f.written_off
            && !f.handed_over
            && !f.paused
            && customer.paused.is_none()
            && !f.outstanding.is_zero()
            && f.outstanding >= settings.minimum_worth_chasing
    }

    fn latest_event(invoice: &Invoice, events: &[Event]) -> Option<NaiveDate> {
        events.iter().filter(|e| e.concerns(&invoice.id)).map(|e| e.date).max()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// Any history, however absurd: no panic; an open invoice always has a step, shown
        /// today or later, never dated before its latest event or its issue date.
        #[test]
        fn any_history_gives_a_sane_step(
            invoice in any_invoice(wild_date()),
            customer in any_customer(),
            events in history(wild_date(), wild_date()),
            settings in any_settings(),
            today in wild_date(),
        ) {
            let step = next_step(&invoice, &customer, &events, &settings, today);
            if is_open(&invoice, &customer, &events, &settings) {
                prop_assert!(step.is_some(), "an open invoice without a step");
            }
            if let Some(step) = step {
                prop_assert!(step.scheduled_for(today) >= today);
                prop_assert!(step.due >= invoice.issue_date);
                if let Some(latest) = latest_event(&invoice, &events) {
                    prop_assert!(step.due >= latest, "{step:?} before the latest event {latest}");
                }
                prop_assert_eq!(step.invoice_ids, vec![invoice.id.clone()]);
                prop_assert_eq!(step.call_at.is_some(), step.channel == Channel::Phone);
                prop_assert_eq!(step.message == MessageKind::CallScript, step.channel == Channel::Phone);
            }
        }

        /// Never the same step twice: the user takes the proposed step on the day it is
        /// scheduled and logs it; the next proposal is another step, or the same one later,
        /// and never dated before the logged event. The user goes on like that for up to 25
        /// steps, with random call outcomes, so the whole path to the hand-over is covered.
        ///
        /// The histories lie in the past (a dossier has no facts from the future), and the
        /// step is logged on `scheduled_for(today)`: a step due next week is taken next week.
        #[test]
        fn a_logged_step_is_never_proposed_again(
            (today, events) in near(base(), 0, 800)
                .prop_flat_map(|today| (Just(today), history(near(today, -500, 0), near(today, -200, 200)))),
            invoice in any_invoice(near(base(), -300, 900)),
            customer in any_customer(),
            settings in any_settings(),
            outcomes in prop::collection::vec(prop::sample::select(OUTCOMES.to_vec()), 25),
        ) {
            let mut events = events;
            let mut today = today;
            let mut proposed = next_step(&invoice, &customer, &events, &settings, today);
            for outcome in outcomes {
                let Some(step) = proposed else {
                    break;
                };
                let taken_on = step.scheduled_for(today);
                events.push(log(&step, taken_on, outcome));
                today = taken_on;
                proposed = next_step(&invoice, &customer, &events, &settings, today);
                if let Some(next) = &proposed {
                    prop_assert!(next.due >= taken_on, "{next:?} dated before the logged {step:?}");
                    prop_assert!(
                        (next.action, next.message) != (step.action, step.message) || next.due > taken_on,
                        "proposed again: {step:?} then {next:?}"
                    );
                }
            }
        }

        /// The queue holds exactly one step per invoice with a step, whatever the grouping.
        #[test]
        fn the_queue_covers_every_invoice_with_a_step_once(
            events in history(near(base(), -200, 200), near(base(), -200, 300)),
            settings in any_settings(),
            customer in any_customer(),
            amounts in prop::collection::vec(money(), 1..6),
            today in near(base(), -100, 300),
        ) {
            let invoices: Vec<Invoice> = amounts
                .iter()
                .enumerate()
                .map(|(n, amount)| Invoice {
                    id: InvoiceId::from(if n == 0 { "i1".to_owned() } else { format!("i{}", n + 1) }.as_str()),
                    number: n.to_string(),
                    customer_id: CustomerId::from("c1"),
                    issue_date: shift(base(), -30),
                    due_date: shift(base(), i64::try_from(n).unwrap_or(0) * 9),
                    amount: *amount,
                    currency: "EUR".into(),
                    description: String::new(),
                })
                .collect();
            let queue = today_queue(&invoices, std::slice::from_ref(&customer), &events, &settings, today);
            let mut covered: Vec<&InvoiceId> = queue.iter().flat_map(|s| &s.invoice_ids).collect();
            covered.sort();
            let mut expected: Vec<&InvoiceId> = invoices
                .iter()
                .filter(|i| next_step(i, &customer, &events, &settings, today).is_some())
                .map(|i| &i.id)
                .collect();
            expected.sort();
            prop_assert_eq!(covered, expected);
            prop_assert!(queue.windows(2).all(|w| w[0].urgency >= w[1].urgency));
        }
    }
}
