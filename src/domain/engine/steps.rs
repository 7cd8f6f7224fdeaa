//! The small parts every rule builds its step from: which channel reaches a customer and at
//! which part of the day, the terms a message gives, and how urgent a step is.

use chrono::NaiveDate;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::fold::{part_bit, Unanswered};
use super::rules::Ctx;
use super::{days_between, plus, Action, CostsClaim, Rule, Step, Urgency};
use crate::domain::calendar::term_end;
use crate::domain::model::{BestTime, Channel, Customer, DayPart, Jurisdiction, MessageKind, PayByDays, Settings};

// Channels and times of day

pub(super) fn can_call(customer: &Customer) -> bool {
    !customer.phone.trim().is_empty()
}

/// The channel for a written step: the preferred one when the customer can be reached on it
/// (email needs an address, SMS a phone number, a letter a postal address), else the first of
/// email, letter and SMS that works. A customer who prefers a call or a visit still gets
/// written steps in writing. With no contact details at all: email, so the draft can be made
/// and the user sees what is missing.
pub(super) fn written_channel(customer: &Customer) -> Channel {
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

pub(super) fn first_part(best_time: BestTime) -> DayPart {
    callable_parts(best_time).first().copied().unwrap_or(DayPart::Morning)
}

/// The part of the day for a retry: the next allowed part after the last attempt that was not
/// tried in this run, else simply the next allowed part. A customer reachable only in the
/// evening is called in the evening again, on the next working day.
pub(super) fn retry_part(best_time: BestTime, unanswered: Unanswered) -> DayPart {
    let parts = callable_parts(best_time);
    let last = unanswered.last.map(|(_, part)| part);
    let start = parts.iter().position(|part| Some(*part) == last).map_or(0, |i| i + 1);
    let rotation = || parts.iter().copied().cycle().skip(start).take(parts.len());
    rotation()
        .find(|part| Some(*part) != last && unanswered.tried & part_bit(*part) == 0)
        .or_else(|| rotation().find(|part| Some(*part) != last))
        .unwrap_or_else(|| first_part(best_time))
}

// Building steps

pub(super) fn base_step(
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
pub(super) fn pay_by_from(settings: &Settings, day: NaiveDate) -> NaiveDate {
    term_end(day, settings.pay_by.days(), settings.jurisdiction)
}

/// The first day a step may follow a message sent, or a conversation held, on `day`: the day
/// after its pay-by date. The customer has the whole of the last day they were given.
pub(super) fn after_term(settings: &Settings, day: NaiveDate) -> NaiveDate {
    plus(pay_by_from(settings, day), 1)
}

/// The schedule's wait after a term's last day before a hand-over: at least a day, so the
/// hand-over never falls on the last day the customer was given.
pub(super) fn hand_over_wait(settings: &Settings) -> u32 {
    settings.schedule.hand_over_after_last_term.max(1)
}

pub(super) fn written(ctx: &Ctx<'_>, action: Action, due: NaiveDate, message: MessageKind, rule: Rule) -> Step {
    base_step(ctx, action, written_channel(ctx.customer), due, message, rule)
}

/// A message that must carry every detail: the Belgian consumer's first reminder, which
/// states the 14-day term and what follows it, and a payment plan with all its dates. These
/// go by email or post; an SMS only when the customer can be reached no other way.
pub(super) fn document(ctx: &Ctx<'_>, action: Action, due: NaiveDate, message: MessageKind, rule: Rule) -> Step {
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
pub(super) fn letter(ctx: &Ctx<'_>, action: Action, due: NaiveDate, message: MessageKind, rule: Rule) -> Step {
    base_step(ctx, action, Channel::Letter, due, message, rule)
}

pub(super) fn call(ctx: &Ctx<'_>, action: Action, due: NaiveDate, rule: Rule, at: DayPart) -> Step {
    let mut step = base_step(ctx, action, Channel::Phone, due, MessageKind::CallScript, rule);
    step.call_at = Some(at);
    step
}

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
pub(super) fn urgency(action: Action, due: NaiveDate, today: NaiveDate, outstanding: Decimal) -> Urgency {
    let actionable = if due <= today { 100_000 } else { 0 };
    let late = days_between(due, today).min(3_650);
    // Whole euros are enough to pick a band, and integers compare much faster than decimals.
    let euros = outstanding.trunc().to_i64().unwrap_or(i64::MAX);
    let band = MONEY_BANDS.iter().filter(|bound| euros >= **bound).count();
    let band = u32::try_from(band).unwrap_or(0);
    Urgency(actionable + late * 10 + severity(action) * 40 + band * 50)
}
