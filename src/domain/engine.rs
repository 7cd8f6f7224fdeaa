//! The next-step engine: for every open invoice, the one step to take next, and when.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::domain::model::{Channel, Customer, CustomerId, DayPart, Event, Instalment, Invoice, InvoiceId, MessageKind, Settings};

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
    pub costs: CostsClaim,
}

/// The next step for one invoice, or `None` when there is nothing to do (closed and thanked,
/// paused, handed over, or below the minimum worth chasing).
pub fn next_step(invoice: &Invoice, customer: &Customer, events: &[Event], settings: &Settings, today: NaiveDate) -> Option<Step> {
    let _ = (invoice, customer, events, settings, today);
    todo!("engine")
}

/// One step per open invoice, steps of one customer that share action and channel merged into
/// one, most urgent first.
pub fn today_queue(invoices: &[Invoice], customers: &[Customer], events: &[Event], settings: &Settings, today: NaiveDate) -> Vec<Step> {
    let _ = (invoices, customers, events, settings, today);
    todo!("engine")
}
