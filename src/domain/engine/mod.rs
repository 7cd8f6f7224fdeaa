//! The next-step engine: for every open invoice, the one step to take next, and when.
//!
//! The engine is a pure function of facts. [`next_step`] first folds an invoice's dossier (its
//! append-only events, in date order, same-day events in the order they were logged) into a
//! small derived state, then asks a list of rules in priority order; the first rule with an
//! opinion decides. Nothing derived is ever stored, so logging an event is the only way to
//! move a proposal on, and a step that was logged cannot come back: the fold has changed.
//!
//! The rules, in order (each is one function in `rules.rs`, named after the practice it encodes;
//! the ladder has its own file):
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

mod fold;
mod ladder;
mod queue;
mod rules;
mod steps;

#[cfg(test)]
mod scenarios;
#[cfg(test)]
mod tests;

use crate::domain::model::Instalment;
use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

pub use fold::{idle, situation, FreeReminder, Idle, RunningPlan, Situation};
pub use queue::{step_covering, today_queue};
pub use rules::plan_lapses_on;
pub use steps::{keeps_due_date, notice_hand_over_day, notice_last_chance};

use crate::domain::model::{Channel, Customer, CustomerId, DayPart, Event, Invoice, InvoiceId, MessageKind, Settings};
use crate::domain::sorting;
use rules::step_for;

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
    /// A dispute was settled: confirm in writing how, and by when the customer pays, before the
    /// ladder goes on.
    ConfirmSettlementInWriting,
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
    /// For a promise follow-up or a call confirmation: the promise it is about.
    pub promise: Option<Promised>,
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

/// A promise to pay, as a step about it tells it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Promised {
    /// What the customer promised to pay.
    pub amount: Decimal,
    /// The day they promised to pay it by.
    pub date: NaiveDate,
    /// What has come in since the promise was made, at most the amount promised: a follow-up
    /// asks only for the rest, and says what did arrive.
    pub received: Decimal,
}

impl Promised {
    /// A promise nothing has been paid on yet, as the message tests write one; the engine
    /// always knows what came in.
    #[cfg(test)]
    pub fn new(amount: Decimal, date: NaiveDate) -> Promised {
        Promised {
            amount,
            date,
            received: Decimal::ZERO,
        }
    }

    /// What is still to come of the promise.
    pub fn missing(&self) -> Decimal {
        self.amount.saturating_sub(self.received).max(Decimal::ZERO)
    }
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

// Dates, saturating instead of panicking at the ends of the calendar.

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
