//! The fold: what an invoice's dossier says about it, as the small derived state the rules
//! read ([`Facts`]), and the [`Situation`] and [`Idle`] reason that screens read from the same fold.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::rules::{open_promise, plan_holds};
use crate::domain::legal::fourteen_day_letter;
use crate::domain::model::{
    CallOutcome, Channel, Customer, DayPart, Event, EventKind, Instalment, Invoice, MessageKind, Settings,
};
use crate::domain::sorting;

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
pub(super) struct Sent {
    pub(super) first: NaiveDate,
    pub(super) first_channel: Channel,
    pub(super) last: NaiveDate,
}

/// The current run of unanswered calls: how many, the first and the latest one, and which parts
/// of the day were tried, so a retry can pick a part that has not been tried yet.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Unanswered {
    pub(super) count: u32,
    /// The first call of the run: the day the call was made, however often it was retried.
    pub(super) first: Option<NaiveDate>,
    pub(super) last: Option<(NaiveDate, DayPart)>,
    pub(super) tried: u8,
}

pub(super) fn part_bit(part: DayPart) -> u8 {
    match part {
        DayPart::Morning => 1,
        DayPart::Afternoon => 2,
        DayPart::Evening => 4,
    }
}

#[derive(Clone, Debug)]
pub(super) struct Promise {
    pub(super) amount: Decimal,
    pub(super) date: NaiveDate,
    pub(super) made_on: NaiveDate,
    /// The outstanding amount when the promise was made: the promise is kept once the
    /// outstanding falls to this minus the promised amount.
    pub(super) outstanding_then: Decimal,
}

#[derive(Clone, Debug)]
pub(super) struct Plan {
    pub(super) agreed_on: NaiveDate,
    /// Sorted by date; instalments of one date keep the order they were agreed in.
    pub(super) instalments: Vec<Instalment>,
    /// Paid since the plan was agreed, allocated to the instalments in order.
    paid: Decimal,
    /// Per instalment: whether a reminder went out while it was the one to pay next.
    pub(super) reminded: Vec<bool>,
    /// The latest reminder sent after the date of the instalment it was about. It gave a
    /// fresh pay-by term, which a broken plan's ladder must wait out.
    pub(super) late_reminder: Option<NaiveDate>,
}

impl Plan {
    /// The first instalment the payments since the agreement do not cover, or `None` when the
    /// plan is complete. A negative instalment amount is nonsense and counts as zero.
    pub(super) fn current(&self) -> Option<usize> {
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
    pub(super) fn unpaid_of(&self, index: usize) -> Decimal {
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
pub(super) struct Facts {
    pub(super) outstanding: Decimal,
    /// The sum of all payments, refunds counted negative.
    paid: Decimal,
    /// The day of the payment that brought the outstanding amount to zero.
    pub(super) paid_off_on: Option<NaiveDate>,
    pub(super) latest_event: Option<NaiveDate>,
    sent: [Option<Sent>; MESSAGE_KINDS],
    /// Any message, call or meeting was logged: the invoice was chased.
    pub(super) chased: bool,
    pub(super) last_call: Option<NaiveDate>,
    /// The latest reached call or meeting.
    pub(super) last_conversation: Option<NaiveDate>,
    pub(super) unanswered: Unanswered,
    /// The latest message written to end a run of unanswered calls, with the run's length;
    /// cleared by any sign of life from the customer.
    pub(super) wrote_after_unanswered: Option<(NaiveDate, u32)>,
    /// The latest sign of life from the customer: a payment, a conversation, a promise, a
    /// dispute, a can't-pay message or a plan.
    pub(super) last_reaction: Option<NaiveDate>,
    pub(super) meeting_held: bool,
    pub(super) promise: Option<Promise>,
    pub(super) dispute_opened: Option<NaiveDate>,
    /// Every dispute, as the day it opened and the day it was resolved (`None` while open).
    disputes: Vec<(NaiveDate, Option<NaiveDate>)>,
    pub(super) cannot_pay: Option<NaiveDate>,
    /// The first and the latest day a plan was proposed since the latest "cannot pay".
    plan_offers: Option<(NaiveDate, NaiveDate)>,
    pub(super) plan: Option<Plan>,
    /// `Some(reason)` while an unresumed pause holds this invoice.
    pub(super) paused: Option<String>,
    /// A hand-over was recorded.
    pub(super) handed_over: bool,
    /// The first hand-over notice: the day it went out and how.
    pub(super) notice: Option<(NaiveDate, Channel)>,
    pub(super) written_off: bool,
    /// Whether the first free reminder to a Belgian consumer named damages, as it went out:
    /// only a reminder that did lets damages follow its term.
    pub(super) free_reminder_named_damages: bool,
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
            wrote_after_unanswered: None,
            last_reaction: None,
            meeting_held: false,
            promise: None,
            dispute_opened: None,
            disputes: Vec::new(),
            cannot_pay: None,
            plan_offers: None,
            plan: None,
            paused: None,
            handed_over: false,
            notice: None,
            written_off: false,
            free_reminder_named_damages: false,
        }
    }

    pub(super) fn sent(&self, kind: MessageKind) -> Option<Sent> {
        self.sent.get(slot(kind)).copied().flatten()
    }

    /// The day the latest dispute was settled; `None` while it is open or when there was none.
    pub(super) fn settled_on(&self) -> Option<NaiveDate> {
        self.disputes.last().and_then(|(_, resolved)| *resolved)
    }

    /// The day a plan was proposed since the latest "cannot pay", when none was agreed since.
    pub(super) fn plan_offered(&self) -> Option<NaiveDate> {
        self.cannot_pay.and(self.plan_offers).map(|(_, latest)| latest)
    }

    /// The day of the second offer of a plan, on a later day than the first, since the latest
    /// "cannot pay", when the customer has neither agreed a plan nor promised since: a
    /// customer who lets a plan be offered twice is stalling, not short of money for a while.
    pub(super) fn plan_offers_ignored(&self) -> Option<NaiveDate> {
        self.cannot_pay
            .and(self.plan_offers)
            .filter(|(first, latest)| latest > first)
            .map(|(_, latest)| latest)
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
    pub(super) fn fourteen_day_letter(&self, invoice: &Invoice) -> Option<NaiveDate> {
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
        self.wrote_after_unanswered = None;
    }

    fn apply(&mut self, invoice: &Invoice, event: &Event) {
        let date = event.date;
        self.latest_event = Some(date);
        match &event.kind {
            EventKind::MessageSent { message, body, .. } => {
                if *message == MessageKind::BelgianFirstReminder && self.sent(*message).is_none() {
                    self.free_reminder_named_damages = names_damages(body);
                }
                self.message_sent(*message, date, event.channel);
            }
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
                self.plan_offers = None;
                self.reaction(date);
            }
            EventKind::PaymentPlanAgreed { instalments } => self.plan_agreed(instalments, date),
            EventKind::PaymentReceived { amount, .. } => self.payment(invoice, *amount, date),
            EventKind::HandedOver { .. } => self.handed_over = true,
            EventKind::WrittenOff { .. } => self.written_off = true,
            EventKind::ChasePaused { reason } => self.paused = Some(reason.trim().to_owned()),
            EventKind::ChaseResumed => self.paused = None,
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
        if self.unanswered.count > 0 {
            self.wrote_after_unanswered = Some((date, self.unanswered.count));
        }
        self.unanswered = Unanswered::default();
        match message {
            MessageKind::HandOverNotice => self.notice = self.notice.or(Some((date, channel))),
            MessageKind::InstalmentReminder => {
                // The reminder is for the instalment that was next to pay when it went out, so
                // a late reminder is not mistaken for the next one's.
                if let Some(plan) = self.plan.as_mut() {
                    if let Some(k) = plan.current() {
                        if let Some(flag) = plan.reminded.get_mut(k) {
                            *flag = true;
                        }
                        if plan.instalments.get(k).is_some_and(|i| i.date < date) {
                            plan.late_reminder = Some(date);
                        }
                    }
                }
            }
            MessageKind::PaymentPlanProposal => {
                self.plan_offers = Some(match self.plan_offers {
                    Some((first, _)) => (first, date),
                    None => (date, date),
                });
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
            late_reminder: None,
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
pub(super) fn fold(invoice: &Invoice, events: &[&Event]) -> Facts {
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

/// Whether a message's text, as it went out, names damages: the word the free reminder uses
/// for them, in either language. The dossier holds what was sent, so an edited text counts as
/// edited. A letter recorded without its text (one the user wrote outside the app) is taken
/// at the user's word: nothing says it lacked them.
fn names_damages(body: &str) -> bool {
    let body = body.to_lowercase();
    body.trim().is_empty() || body.contains("schadevergoeding") || body.contains("damages")
}

/// What an invoice's dossier says about where the chase stands, for screens and calculations
/// that must agree with the engine: the same fold and the same rules decide both.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Situation {
    pub outstanding: Decimal,
    /// The day a dispute was opened, while it is open.
    pub dispute_opened: Option<NaiveDate>,
    /// The latest agreed plan, while it still holds the chase back: an instalment is left to
    /// pay and the plan is not broken.
    pub plan: Option<RunningPlan>,
    /// An open promise: amount and date.
    pub promise: Option<(Decimal, NaiveDate)>,
    /// The day the customer said they cannot pay, while no plan or promise answered it.
    pub cannot_pay: Option<NaiveDate>,
    /// `Some(reason)` while paused by an event on the invoice, the reason the latest pause gave
    /// (a customer-wide pause is on the customer).
    pub paused: Option<String>,
    pub handed_over: bool,
    pub written_off: bool,
    /// The last time a Dutch 14-day letter went out, if that letter counts: sent after the
    /// due date, and its term not interrupted by a dispute.
    pub fourteen_day_letter: Option<NaiveDate>,
    /// The free first reminder a Belgian consumer must get before costs. An ordinary reminder
    /// does not count: it lacks the content the law prescribes (the term and what follows it).
    pub free_reminder: Option<FreeReminder>,
}

/// A payment plan that holds the chase back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunningPlan {
    /// The instalments, sorted by date.
    pub instalments: Vec<Instalment>,
    /// The index in `instalments` of the first instalment the payments do not cover; there is
    /// one, or the plan would not be running.
    pub current: usize,
}

/// When a Belgian consumer's free first reminder went out, and how: its term starts later
/// for a posted letter than for an email. Damages may follow its term only when it named them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FreeReminder {
    pub sent: NaiveDate,
    pub by_post: bool,
    pub named_damages: bool,
}

/// The situation of one invoice on `today`; `events` may hold other invoices' events, they are
/// skipped. The settings decide when a plan with missed instalments counts as broken.
pub fn situation(invoice: &Invoice, events: &[&Event], settings: &Settings, today: NaiveDate) -> Situation {
    let own: Vec<&Event> = events.iter().copied().filter(|e| e.concerns(&invoice.id)).collect();
    let f = fold(invoice, &own);
    let plan = f.plan.as_ref().and_then(|plan| {
        plan_holds(plan, settings, today).map(|current| RunningPlan {
            instalments: plan.instalments.clone(),
            current,
        })
    });
    Situation {
        outstanding: f.outstanding,
        dispute_opened: f.dispute_opened,
        plan,
        promise: open_promise(&f).map(|p| (p.amount, p.date)),
        cannot_pay: f.cannot_pay,
        paused: f.paused.clone(),
        handed_over: f.handed_over,
        written_off: f.written_off,
        fourteen_day_letter: f.fourteen_day_letter(invoice),
        free_reminder: f.sent(MessageKind::BelgianFirstReminder).map(|s| FreeReminder {
            sent: s.first,
            by_post: s.first_channel == Channel::Letter,
            named_damages: f.free_reminder_named_damages,
        }),
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

/// Why [`next_step`](super::next_step) proposes nothing for an invoice in `situation`, read the way its rules
/// read it; `None` when none of those rules holds. Only meaningful when there is no step.
pub fn idle(situation: &Situation, customer: &Customer, settings: &Settings) -> Option<Idle> {
    if situation.written_off {
        Some(Idle::WrittenOff)
    } else if situation.handed_over {
        Some(Idle::HandedOver)
    } else if customer.paused.is_some() {
        Some(Idle::CustomerPaused)
    } else if situation.paused.is_some() {
        Some(Idle::Paused)
    } else if situation.outstanding.is_zero() {
        Some(Idle::Paid)
    } else if situation.outstanding < settings.minimum_worth_chasing {
        Some(Idle::BelowMinimum)
    } else {
        None
    }
}
