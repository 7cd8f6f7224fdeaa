//! The rules, in priority order (see the list in the module above): each looks at an invoice's
//! facts and proposes a step, says there is nothing to do, or leaves it to the next rule.

use std::cell::OnceCell;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::fold::{fold, Facts, Plan, Promise};
use super::ladder::{formal_costs, ladder_step};
use super::steps::{after_term, call, can_call, document, first_part, pay_by_from, retry_part, urgency, written};
use super::{minus, plus, Action, CostsClaim, Promised, Rule, Step};
use crate::domain::calendar::{is_working_day_in, next_working_day, previous_working_day};
use crate::domain::legal::{fourteen_day_letter, FourteenDayLetterDates};
use crate::domain::model::{Channel, Customer, Event, Instalment, Invoice, MessageKind, Settings};

/// Everything a rule may look at.
pub(super) struct Ctx<'a> {
    pub(super) invoice: &'a Invoice,
    pub(super) customer: &'a Customer,
    pub(super) settings: &'a Settings,
    pub(super) today: NaiveDate,
    pub(super) facts: Facts,
    /// No step is dated before this: the latest event, or the issue date.
    pub(super) floor: NaiveDate,
    /// The dates of the latest 14-day letter, worked out at most once (they need the calendar).
    letter: OnceCell<Option<FourteenDayLetterDates>>,
}

impl Ctx<'_> {
    /// The day the latest 14-day letter went out, if it counts ([`Facts::fourteen_day_letter`]).
    pub(super) fn fourteen_day_letter_sent(&self) -> Option<NaiveDate> {
        self.facts.fourteen_day_letter(self.invoice)
    }

    /// The dates that follow from the latest 14-day letter sent, if it counts.
    pub(super) fn letter_dates(&self) -> Option<&FourteenDayLetterDates> {
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
    confirm_settlement_in_writing,
    chase_each_instalment,
    offer_plan_when_cannot_pay,
    follow_up_missed_promise,
    retry_unanswered_call,
    escalation_ladder,
];

pub(super) fn step_for(
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
    if ctx.customer.paused.is_some() || ctx.facts.paused.is_some() {
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
            // A call follows the acknowledgement on the next working day; writing instead of
            // calling counts from the dispute (see `context_call`).
            writing_counts_from: None,
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
pub(super) fn plan_holds(plan: &Plan, settings: &Settings, today: NaiveDate) -> Option<usize> {
    let k = plan.current()?;
    let broken = today >= plan_lapses_on(&plan.instalments, k, settings)?;
    (!broken).then_some(k)
}

/// The day a plan lapses when instalment `k` (of `instalments`, sorted by date) is still not
/// paid on it: the grace after a promise past the next instalment's date, or, for the last
/// instalment, past a further pay-by term. The plan confirmation and the invoice page state
/// this rule, so it lives in one place. `None` when there is no instalment `k`.
pub fn plan_lapses_on(instalments: &[Instalment], k: usize, settings: &Settings) -> Option<NaiveDate> {
    let unpaid = instalments.get(k)?;
    let second_deadline = match instalments.get(k + 1) {
        Some(next) => next.date,
        None => pay_by_from(settings, unpaid.date),
    };
    Some(plus(second_deadline, settings.schedule.promise_grace))
}

/// A plan agreed but not confirmed in writing since: confirm it the same day, until its first
/// instalment's day.
fn confirm_plan_in_writing(ctx: &Ctx<'_>) -> Verdict {
    let Some((plan, _)) = running_plan(ctx) else {
        return Verdict::Pass;
    };
    let confirmed = ctx
        .facts
        .sent(MessageKind::PaymentPlanConfirmation)
        .is_some_and(|sent| sent.last >= plan.agreed_on);
    // Once the first instalment's day has passed, a confirmation would list a date already
    // gone: the instalments themselves are chased from then on.
    let first_day_passed = plan.instalments.first().is_some_and(|first| ctx.today > first.date);
    if confirmed || first_day_passed {
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
/// what was agreed, the same day, because a spoken agreement is deniable; until the day the
/// confirmation would name for payment, after which it has nothing left to record.
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
    // A plan agreed since is the agreement, with a confirmation of its own.
    let plan_since = f.plan.as_ref().is_some_and(|plan| plan.agreed_on >= talk);
    if confirmed || plan_since || f.cannot_pay.is_some_and(|said| said >= talk) {
        return Verdict::Pass;
    }
    // A promise made in this conversation is the agreement to confirm: its amount and date go
    // into the letter, so the written record says exactly what was promised. Once the promise
    // is kept, the payment is the record and there is nothing left to confirm.
    let promise = f.promise.as_ref().filter(|p| p.made_on >= talk);
    if promise.is_some_and(|p| promise_kept(f, p)) {
        return Verdict::Pass;
    }
    // A confirmation is worth sending until the day it names for payment. After it, the letter
    // would set a date already past; the promise's follow-up or the ladder is what the customer
    // should hear next, and the call stays in the dossier as it was logged.
    let last_useful_day = match promise {
        Some(p) => p.date,
        // A conversation up to the due date is confirmed with the due date itself.
        None if talk <= ctx.invoice.due_date => ctx.invoice.due_date,
        None => pay_by_from(ctx.settings, talk),
    };
    if ctx.today > last_useful_day {
        return Verdict::Pass;
    }
    let mut step = written(
        ctx,
        Action::ConfirmAgreement,
        talk,
        MessageKind::CallConfirmation,
        Rule::ConfirmCallInWriting,
    );
    step.promise = promise.map(|p| promised(f, p));
    step.talked_on = Some(talk);
    Verdict::Propose(step)
}

/// A settled dispute without a message since that puts the rest in writing: confirm how it was
/// settled and by when the customer pays, the same day, until the day that confirmation would
/// name for payment. The ladder waits that long anyway (see `latest_term_end`), so the customer
/// hears the term before any reminder counts from it. A message sent since that asks for
/// payment by a date (a reminder, a plan, a confirmation of a call) already is that record.
fn confirm_settlement_in_writing(ctx: &Ctx<'_>) -> Verdict {
    let f = &ctx.facts;
    let Some(settled) = f.settled_on() else {
        return Verdict::Pass;
    };
    let written_since = MessageKind::ALL
        .iter()
        .filter(|kind| asks_for_payment_by_a_date(**kind))
        .any(|kind| f.sent(*kind).is_some_and(|sent| sent.last >= settled));
    let plan_since = f.plan.as_ref().is_some_and(|plan| plan.agreed_on >= settled);
    if written_since || plan_since {
        return Verdict::Pass;
    }
    let last_useful_day = if settled <= ctx.invoice.due_date {
        ctx.invoice.due_date
    } else {
        pay_by_from(ctx.settings, settled)
    };
    if ctx.today > last_useful_day {
        return Verdict::Pass;
    }
    let mut step = written(
        ctx,
        Action::ConfirmAgreement,
        settled,
        MessageKind::CallConfirmation,
        Rule::ConfirmSettlementInWriting,
    );
    step.talked_on = Some(settled);
    Verdict::Propose(step)
}

/// Whether a message of `kind` tells the customer what to pay and by when. Every kind is named,
/// so a new one must be decided on here.
fn asks_for_payment_by_a_date(kind: MessageKind) -> bool {
    match kind {
        MessageKind::FirstReminder
        | MessageKind::BelgianFirstReminder
        | MessageKind::SecondReminder
        | MessageKind::CallConfirmation
        | MessageKind::PromiseFollowUp
        | MessageKind::PaymentPlanProposal
        | MessageKind::PaymentPlanConfirmation
        | MessageKind::MeetingRequest
        | MessageKind::LastReminder
        | MessageKind::FourteenDayLetter => true,
        // A heads-up comes before the due date, an instalment reminder is about the plan, and
        // the others ask for nothing or only for a reply.
        MessageKind::HeadsUp
        | MessageKind::CallScript
        | MessageKind::InstalmentReminder
        | MessageKind::DisputeAcknowledgement
        | MessageKind::HandOverNotice
        | MessageKind::ThankYou => false,
    }
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
/// about it when the pay-by term of the proposal has passed; after calls that go unanswered,
/// or to a customer who cannot be called, the plan is offered once more in writing. When that
/// second offer goes unanswered too, the rule passes and the ladder goes on (see
/// `ladder::next_reminder`): a plan is offered to get clarity, not to wait for ever.
fn offer_plan_when_cannot_pay(ctx: &Ctx<'_>) -> Verdict {
    let Some(said) = ctx.facts.cannot_pay else {
        return Verdict::Pass;
    };
    if ctx.facts.plan_offers_ignored().is_some() {
        return Verdict::Pass;
    }
    let Some(proposed) = ctx.facts.plan_offered() else {
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
            since: proposed,
            first_due: after_term(ctx.settings, proposed),
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
pub(super) fn open_promise(f: &Facts) -> Option<&Promise> {
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
    step.promise = Some(promised(&ctx.facts, promise));
    step
}

/// A promise as a step tells it, with what the payments since it was made brought in.
fn promised(f: &Facts, p: &Promise) -> Promised {
    // An invoice raised after the promise can put more open than there was: nothing came in.
    // No `clamp`: it panics when a promise of nothing (from a hand-edited file) makes the
    // bounds cross.
    let received = p
        .outstanding_then
        .saturating_sub(f.outstanding)
        .min(p.amount)
        .max(Decimal::ZERO);
    Promised {
        amount: p.amount,
        date: p.date,
        received,
    }
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
    ctx.facts.unanswered.count >= max_unanswered_calls(ctx)
}

/// How many unanswered calls in a row end a run of calling; at least one.
fn max_unanswered_calls(ctx: &Ctx<'_>) -> u32 {
    ctx.settings.schedule.max_unanswered_calls.max(1)
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
    // A call made before the due date was a friendly check; trying again up to the due date
    // is the same check, with its script: nothing is late yet.
    let checking_before_due = unanswered.first.is_some_and(|first| first <= ctx.invoice.due_date)
        && retry.scheduled_for(ctx.today) <= ctx.invoice.due_date;
    if checking_before_due {
        retry.action = Action::CallBeforeDue;
    }
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
    /// call, and give the customer the pay-by term before the next call. When the situation is
    /// written to instead of called, writing counts from `since` regardless.
    writing_counts_from: Option<NaiveDate>,
}

/// The call step of a situation: a retry after no answer, writing after too many, and
/// otherwise a call once the first due day and any term given since have passed.
fn context_call(ctx: &Ctx<'_>, plan: &CallPlan) -> Step {
    let f = &ctx.facts;
    // Once a full run of unanswered calls in this situation ended in writing, it stays in
    // writing: another run would only repeat the first. A sign of life from the customer
    // opens the phone again.
    let gave_up_calling = f
        .wrote_after_unanswered
        .is_some_and(|(day, count)| day >= plan.since && count >= max_unanswered_calls(ctx));
    let callable = can_call(ctx.customer) && !gave_up_calling;
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
    // Written instead of a call, each message gives the pay-by term to answer before the next;
    // without it the same message would fall due again the next day.
    let writing_counts_from = plan.writing_counts_from.or((!callable).then_some(plan.since));
    let after_writing = writing_counts_from
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
