//! The escalation ladder: the heads-up, the reminders, the call when writing is ignored, the last
//! reminder or 14-day letter, the meeting and the hand-over, each dated from what went before.

use chrono::NaiveDate;

use super::fold::{Facts, Sent};
use super::rules::Ctx;
use super::steps::{
    after_term, base_step, call, can_call, document, first_part, hand_over_wait, keeps_due_date, letter,
    notice_hand_over_day, pay_by_from, written,
};
use super::{plus, shift, Action, CostsClaim, Rule, Step};
use crate::domain::legal::belgian_consumer_costs_from;
use crate::domain::model::{Channel, CustomerKind, Jurisdiction, MessageKind, Settings};

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
/// promise follow-up, a meeting request, the written confirmation of a conversation, a plan
/// proposal, the reminder of an instalment already missed), of a conversation after the due
/// date, or of the resolution of a dispute: once it is settled, the customer gets the usual
/// term to pay before the ladder goes on.
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
        f.sent(MessageKind::PaymentPlanProposal).map(|s| s.last),
        f.plan.as_ref().and_then(|plan| plan.late_reminder),
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
pub(super) fn ladder_step(ctx: &Ctx<'_>, writing_only: bool) -> Step {
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
        // The follow-up of a broken promise, the confirmation of a plan that was then broken,
        // and the proposal of a plan already put the debt to the customer in writing: after
        // them the ladder goes on past the first, friendly reminder. A customer who did not
        // keep an agreement, or said they cannot pay, is not told that the invoice may have
        // slipped their mind.
        let first = first_reminder(f)
            .or_else(|| f.sent(MessageKind::PromiseFollowUp))
            .or_else(|| f.sent(MessageKind::PaymentPlanConfirmation))
            .or_else(|| f.sent(MessageKind::PaymentPlanProposal));
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
    // A customer who let a plan be offered twice without an answer is stalling: the ladder
    // goes on at the last reminder, paced from the second offer as if from the call. A
    // Belgian consumer still gets the free reminder first, which the law requires.
    let (highest, base) = match f.plan_offers_ignored() {
        Some(day) if first.is_some() && highest < Some(Rung::Call) => (Some(Rung::Call), Some((Rung::Call, day))),
        _ => (highest, base),
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
pub(super) fn formal_costs(ctx: &Ctx<'_>, on: NaiveDate) -> CostsClaim {
    if !ctx.settings.claim_collection_costs {
        return CostsClaim::None;
    }
    if be_consumer(ctx) {
        if !ctx.settings.claims_belgian_consumer_damages() {
            return CostsClaim::None;
        }
        // Damages follow the free reminder's term only when that reminder named them.
        let due_from = ctx
            .facts
            .sent(MessageKind::BelgianFirstReminder)
            .filter(|_| ctx.facts.free_reminder_named_damages)
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
