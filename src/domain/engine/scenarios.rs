//! The engine's behaviour as data: one case per line, read as "for this customer and invoice,
//! with this dossier, on this day, the next step is ...". Adding a case is adding a line.
//!
//! Dates written as "MM-DD" are in 2026; write a full "YYYY-MM-DD" for any other year. Unless a
//! case says otherwise, the invoice was issued 30 days before its due date, the settings are
//! the defaults (heads-up 3 days before, reminders 1 and 14 days after, a call 7 days after the
//! second reminder, the last reminder 30 days after, pay-by 7 days, grace 2 days, 3 calls) and
//! the customer can be reached by email, phone and post. The main due date is Monday 2 March.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{next_step, today_queue, Action as A, CostsClaim, Rule as R, Step};
use crate::domain::model::{
    BestTime, CallOutcome, Channel as C, Customer, CustomerId, CustomerKind, DayPart, Event, EventId, EventKind,
    Instalment, Invoice, InvoiceId, Jurisdiction, MessageKind as M, PostalAddress, Settings,
};

/// Who is chased, under which jurisdiction, and any change to the default settings.
#[derive(Clone, Copy)]
pub(super) struct Who {
    kind: CustomerKind,
    land: Jurisdiction,
    channel: C,
    best: BestTime,
    phone: bool,
    paused: bool,
    tweak: fn(&mut Settings),
}

fn defaults(_: &mut Settings) {}

/// A ladder squeezed into ten days, to see the Belgian consumer term outlast it.
fn quick_ladder(s: &mut Settings) {
    s.schedule.second_reminder_after_due = 5;
    s.schedule.last_reminder_after_due = 10;
}

const NL_B2B: Who = Who {
    kind: CustomerKind::Business,
    land: Jurisdiction::Nl,
    channel: C::Email,
    best: BestTime::Any,
    phone: true,
    paused: false,
    tweak: defaults,
};
const NL_CONSUMER: Who = Who {
    kind: CustomerKind::Consumer,
    ..NL_B2B
};
const BE_B2B: Who = Who {
    land: Jurisdiction::Be,
    ..NL_B2B
};
const BE_CONSUMER: Who = Who {
    kind: CustomerKind::Consumer,
    ..BE_B2B
};
fn no_damages_clause(s: &mut Settings) {
    s.consumer_damages_clause = false;
}

const BE_CONSUMER_NO_CLAUSE: Who = Who {
    tweak: no_damages_clause,
    ..BE_CONSUMER
};
const BE_CONSUMER_QUICK: Who = Who {
    tweak: quick_ladder,
    ..BE_CONSUMER
};
const EVENING: Who = Who {
    best: BestTime::Evening,
    ..NL_B2B
};
const DAYTIME: Who = Who {
    best: BestTime::Daytime,
    ..NL_B2B
};
const SMS_FAN: Who = Who {
    channel: C::Sms,
    ..NL_B2B
};
const BE_CONSUMER_SMS: Who = Who {
    channel: C::Sms,
    ..BE_CONSUMER
};
const CALLER: Who = Who {
    channel: C::Phone,
    ..NL_B2B
};
const NO_PHONE: Who = Who { phone: false, ..NL_B2B };
const PAUSED: Who = Who { paused: true, ..NL_B2B };

/// One fact of a dossier, as compact as a table needs.
#[derive(Clone, Copy)]
pub(super) enum Ev {
    Sent(M),
    SentVia(M, C),
    /// A message sent by email with this text, as the dossier holds it.
    SentText(M, &'static str),
    Call(CallOutcome, DayPart),
    Meeting,
    Promise(i64, &'static str),
    Dispute,
    Resolved,
    CannotPay,
    Plan(&'static [(&'static str, i64)]),
    Paid(i64),
    HandedOver,
    WrittenOff,
    Paused,
    Resumed,
    Note,
}

use CallOutcome::{NoAnswer, Reached, Voicemail};
use DayPart::{Afternoon, Evening, Morning};
use Ev::*;

/// Extra expectations beyond action, channel, due date and rule.
#[derive(Clone, Copy, Debug)]
pub(super) enum Also {
    Message(M),
    CallAt(DayPart),
    Costs(CostsClaim),
    Promise(i64, &'static str),
    /// What came in towards the step's promise since it was made.
    PromiseReceived(i64),
    Instalment(&'static str, i64),
    /// Every agreed instalment, as (date, amount).
    Plan(&'static [(&'static str, i64)]),
    TalkedOn(&'static str),
    SettledOn(Option<&'static str>),
}

type Expected = Option<(A, C, &'static str, R)>;

pub(super) struct Case {
    name: &'static str,
    who: Who,
    amount: i64,
    due: &'static str,
    history: &'static [(&'static str, Ev)],
    today: &'static str,
    expect: Expected,
    also: &'static [Also],
}

#[allow(clippy::too_many_arguments)]
const fn case(
    name: &'static str,
    who: Who,
    amount: i64,
    due: &'static str,
    history: &'static [(&'static str, Ev)],
    today: &'static str,
    expect: Expected,
    also: &'static [Also],
) -> Case {
    Case {
        name,
        who,
        amount,
        due,
        history,
        today,
        expect,
        also,
    }
}

// Dossiers used by several cases.
const TWO_REMINDERS: &[(&str, Ev)] = &[("03-03", Sent(M::FirstReminder)), ("03-16", Sent(M::SecondReminder))];

#[rustfmt::skip]
pub(super) const CASES: &[Case] = &[
    // The ladder.
    case("heads-up a few days before the due date", NL_B2B, 1000, "03-02", &[], "02-26", Some((A::HeadsUp, C::Email, "02-27", R::HeadsUpBeforeDue)), &[Also::Message(M::HeadsUp), Also::Costs(CostsClaim::None)]),
    case("the heads-up is planned ahead", NL_B2B, 1000, "03-02", &[], "02-10", Some((A::HeadsUp, C::Email, "02-27", R::HeadsUpBeforeDue)), &[]),
    case("a large invoice gets a call before the due date", NL_B2B, 5000, "03-02", &[], "02-27", Some((A::CallBeforeDue, C::Phone, "02-27", R::CallLargeInvoiceBeforeDue)), &[Also::Message(M::CallScript), Also::CallAt(Morning)]),
    case("a call before due that falls on a Saturday comes on the Friday", NL_B2B, 5000, "03-03", &[], "02-26", Some((A::CallBeforeDue, C::Phone, "02-27", R::CallLargeInvoiceBeforeDue)), &[]),
    case("a call after ignored reminders that falls on a Saturday comes on the Monday", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-13", Sent(M::SecondReminder))], "03-20", Some((A::CallAfterNoReaction, C::Phone, "03-23", R::CallWhenWritingIsIgnored)), &[]),
    case("a call that falls on Good Friday comes after Easter", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-26", Sent(M::SecondReminder))], "04-02", Some((A::CallAfterNoReaction, C::Phone, "04-07", R::CallWhenWritingIsIgnored)), &[]),
    case("an evening customer is called before due in the evening", EVENING, 5000, "03-02", &[], "02-27", Some((A::CallBeforeDue, C::Phone, "02-27", R::CallLargeInvoiceBeforeDue)), &[Also::CallAt(Evening)]),
    case("after the heads-up: the first reminder the day after due", NL_B2B, 1000, "03-02", &[("02-27", Sent(M::HeadsUp))], "02-28", Some((A::FirstReminder, C::Email, "03-03", R::FirstReminderAfterDue)), &[Also::Message(M::FirstReminder)]),
    case("first reminder", NL_B2B, 1000, "03-02", &[], "03-03", Some((A::FirstReminder, C::Email, "03-03", R::FirstReminderAfterDue)), &[Also::Costs(CostsClaim::None)]),
    case("second reminder two weeks after due", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder))], "03-16", Some((A::SecondReminder, C::Email, "03-16", R::SecondReminderAfterTwoWeeks)), &[Also::Message(M::SecondReminder)]),
    case("a late first reminder pushes the second along", NL_B2B, 1000, "03-02", &[("03-10", Sent(M::FirstReminder))], "03-16", Some((A::SecondReminder, C::Email, "03-23", R::SecondReminderAfterTwoWeeks)), &[]),
    case("two ignored reminders: call the day after the second one's pay-by date", NL_B2B, 1000, "03-02", TWO_REMINDERS, "03-24", Some((A::CallAfterNoReaction, C::Phone, "03-24", R::CallWhenWritingIsIgnored)), &[Also::Message(M::CallScript), Also::CallAt(Morning)]),
    case("a daytime customer is called in the morning", DAYTIME, 1000, "03-02", TWO_REMINDERS, "03-24", Some((A::CallAfterNoReaction, C::Phone, "03-24", R::CallWhenWritingIsIgnored)), &[Also::CallAt(Morning)]),
    case("a reaction after the reminders: no call, the last reminder next", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-16", Sent(M::SecondReminder)), ("03-18", Paid(300))], "03-23", Some((A::LastReminder, C::Letter, "04-01", R::LastReminderAfterAMonth)), &[]),
    case("a part payment before the second reminder does not answer it: call", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-09", Paid(400)), ("03-16", Sent(M::SecondReminder))], "03-24", Some((A::CallAfterNoReaction, C::Phone, "03-24", R::CallWhenWritingIsIgnored)), &[]),
    case("partial payment: the ladder continues on the rest", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-10", Paid(400))], "03-16", Some((A::SecondReminder, C::Email, "03-16", R::SecondReminderAfterTwoWeeks)), &[]),
    case("last reminder by letter, with costs for a business", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-16", Sent(M::SecondReminder)), ("03-23", Call(Reached, Morning)), ("03-23", Sent(M::CallConfirmation))], "04-01", Some((A::LastReminder, C::Letter, "04-01", R::LastReminderAfterAMonth)), &[Also::Message(M::LastReminder), Also::Costs(CostsClaim::Claimed)]),
    case("a last reminder's term that ends on Good Friday runs past Easter Monday", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-27", SentVia(M::LastReminder, C::Letter))], "04-01", Some((A::HandOver, C::Email, "04-08", R::HandOverAfterLastTerm)), &[Also::Message(M::HandOverNotice)]),
    case("hand-over the day after the last reminder's term", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("04-01", SentVia(M::LastReminder, C::Letter))], "04-05", Some((A::HandOver, C::Email, "04-09", R::HandOverAfterLastTerm)), &[Also::Message(M::HandOverNotice), Also::Costs(CostsClaim::Claimed)]),
    // Channels.
    case("an SMS customer gets reminders by SMS", SMS_FAN, 1000, "03-02", &[], "03-03", Some((A::FirstReminder, C::Sms, "03-03", R::FirstReminderAfterDue)), &[]),
    case("a customer who prefers calls still gets reminders in writing", CALLER, 1000, "03-02", &[], "03-03", Some((A::FirstReminder, C::Email, "03-03", R::FirstReminderAfterDue)), &[]),
    case("the last reminder is a letter even for an SMS customer", SMS_FAN, 1000, "03-02", TWO_REMINDERS, "04-01", Some((A::LastReminder, C::Letter, "04-01", R::LastReminderAfterAMonth)), &[]),
    case("no phone number: no call rung, the last reminder next", NO_PHONE, 1000, "03-02", TWO_REMINDERS, "03-23", Some((A::LastReminder, C::Letter, "04-01", R::LastReminderAfterAMonth)), &[]),
    case("no phone number: a large invoice gets a written heads-up", NO_PHONE, 5000, "03-02", &[], "02-27", Some((A::HeadsUp, C::Email, "02-27", R::HeadsUpBeforeDue)), &[]),
    // Unanswered calls.
    case("a call before the due date unanswered: the retry before it is the same friendly check", NL_B2B, 5000, "03-04", &[("02-27", Call(NoAnswer, Morning))], "02-27", Some((A::CallBeforeDue, C::Phone, "03-02", R::RetryUnansweredCall)), &[Also::Message(M::CallScript), Also::CallAt(Afternoon)]),
    case("a call before the due date unanswered: a retry after it is a plain retry", NL_B2B, 5000, "03-02", &[("02-27", Call(NoAnswer, Morning)), ("03-02", Call(Voicemail, Afternoon))], "03-02", Some((A::RetryCall, C::Phone, "03-03", R::RetryUnansweredCall)), &[Also::CallAt(Evening)]),
    case("no answer: retry the next working day at another part of the day", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-16", Sent(M::SecondReminder)), ("03-24", Call(NoAnswer, Morning))], "03-24", Some((A::RetryCall, C::Phone, "03-25", R::RetryUnansweredCall)), &[Also::CallAt(Afternoon), Also::Message(M::CallScript)]),
    case("no answer on Friday: retry on Monday", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-16", Sent(M::SecondReminder)), ("03-27", Call(NoAnswer, Afternoon))], "03-27", Some((A::RetryCall, C::Phone, "03-30", R::RetryUnansweredCall)), &[Also::CallAt(Evening)]),
    case("no answer before Easter: the retry skips Good Friday and Easter Monday", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-16", Sent(M::SecondReminder)), ("04-02", Call(NoAnswer, Morning))], "04-02", Some((A::RetryCall, C::Phone, "04-07", R::RetryUnansweredCall)), &[Also::CallAt(Afternoon)]),
    case("a Belgian retry skips the National Day", BE_B2B, 1000, "06-29", &[("06-30", Sent(M::FirstReminder)), ("07-13", Sent(M::SecondReminder)), ("07-20", Call(NoAnswer, Morning))], "07-20", Some((A::RetryCall, C::Phone, "07-22", R::RetryUnansweredCall)), &[Also::CallAt(Afternoon)]),
    case("a Dutch retry does not wait for a Belgian holiday", NL_B2B, 1000, "06-29", &[("06-30", Sent(M::FirstReminder)), ("07-13", Sent(M::SecondReminder)), ("07-20", Call(NoAnswer, Morning))], "07-20", Some((A::RetryCall, C::Phone, "07-21", R::RetryUnansweredCall)), &[Also::CallAt(Afternoon)]),
    case("voicemail counts as no answer", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-16", Sent(M::SecondReminder)), ("03-23", Call(Voicemail, Evening))], "03-23", Some((A::RetryCall, C::Phone, "03-24", R::RetryUnansweredCall)), &[Also::CallAt(Morning)]),
    case("an evening customer is retried in the evening", EVENING, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-16", Sent(M::SecondReminder)), ("03-27", Call(NoAnswer, Evening))], "03-27", Some((A::RetryCall, C::Phone, "03-30", R::RetryUnansweredCall)), &[Also::CallAt(Evening)]),
    case("a daytime customer alternates morning and afternoon", DAYTIME, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-16", Sent(M::SecondReminder)), ("03-23", Call(NoAnswer, Afternoon))], "03-23", Some((A::RetryCall, C::Phone, "03-24", R::RetryUnansweredCall)), &[Also::CallAt(Morning)]),
    case("the third try picks the part not tried yet", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-16", Sent(M::SecondReminder)), ("03-23", Call(NoAnswer, Evening)), ("03-24", Call(NoAnswer, Morning))], "03-24", Some((A::RetryCall, C::Phone, "03-25", R::RetryUnansweredCall)), &[Also::CallAt(Afternoon)]),
    case("a last reminder recorded before the due date hands over no earlier than the day after it", NL_B2B, 1000, "03-20", &[("03-10", SentVia(M::LastReminder, C::Letter))], "03-10", Some((A::HandOver, C::Email, "03-21", R::HandOverAfterLastTerm)), &[]),
    case("three unanswered calls: back to writing with the next written rung", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-16", Sent(M::SecondReminder)), ("03-23", Call(NoAnswer, Morning)), ("03-24", Call(NoAnswer, Afternoon)), ("03-25", Call(Voicemail, Evening))], "03-25", Some((A::LastReminder, C::Letter, "04-01", R::BackToWritingAfterUnansweredCalls)), &[]),
    // The retries repeat the call of 27 March: the last reminder stays nine days after it.
    case("retries do not put the last reminder off", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-16", Sent(M::SecondReminder)), ("03-27", Call(NoAnswer, Morning)), ("03-30", Call(NoAnswer, Afternoon)), ("03-31", Call(Voicemail, Evening))], "03-31", Some((A::LastReminder, C::Letter, "04-05", R::BackToWritingAfterUnansweredCalls)), &[]),
    case("a stale retry gives way to the rung that fits today", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-16", Sent(M::SecondReminder)), ("03-24", Call(NoAnswer, Morning))], "05-01", Some((A::LastReminder, C::Letter, "04-02", R::LastReminderAfterAMonth)), &[]),
    // Conversations and promises.
    case("a conversation on the due date gives no new term: the first reminder follows the next day", NL_B2B, 1000, "03-02", &[("03-02", Call(Reached, Morning)), ("03-02", Sent(M::CallConfirmation))], "03-03", Some((A::FirstReminder, C::Email, "03-03", R::FirstReminderAfterDue)), &[]),
    case("reached: confirm in writing the same day", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-16", Sent(M::SecondReminder)), ("03-23", Call(Reached, Morning))], "03-23", Some((A::ConfirmAgreement, C::Email, "03-23", R::ConfirmCallInWriting)), &[Also::Message(M::CallConfirmation)]),
    case("a confirmed call: the ladder goes on at its date", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-16", Sent(M::SecondReminder)), ("03-23", Call(Reached, Morning)), ("03-23", Sent(M::CallConfirmation))], "03-24", Some((A::LastReminder, C::Letter, "04-01", R::LastReminderAfterAMonth)), &[]),
    case("a promise made on the phone is confirmed first", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-10", Call(Reached, Morning)), ("03-10", Promise(1000, "03-18"))], "03-10", Some((A::ConfirmAgreement, C::Email, "03-10", R::ConfirmCallInWriting)), &[Also::Promise(1000, "03-18")]),
    case("a confirmation due after a later note still names the day of the call", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-10", Call(Reached, Morning)), ("03-12", Note)], "03-13", Some((A::ConfirmAgreement, C::Email, "03-12", R::ConfirmCallInWriting)), &[Also::TalkedOn("03-10")]),
    case("an unconfirmed promise whose day has passed: its follow-up is next, not a confirmation naming that day", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-10", Call(Reached, Morning)), ("03-10", Promise(1000, "03-18"))], "03-19", Some((A::FollowUpPromise, C::Email, "03-20", R::FollowUpMissedPromise)), &[]),
    case("an unconfirmed promise is confirmed up to its day", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-10", Call(Reached, Morning)), ("03-10", Promise(1000, "03-18"))], "03-18", Some((A::ConfirmAgreement, C::Email, "03-10", R::ConfirmCallInWriting)), &[]),
    case("an unconfirmed talk before the due date: the first reminder follows the due date", NL_B2B, 1000, "03-02", &[("02-26", Call(Reached, Morning))], "03-03", Some((A::FirstReminder, C::Email, "03-03", R::FirstReminderAfterDue)), &[]),
    case("an unconfirmed talk is confirmed up to its pay-by day", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-16", Sent(M::SecondReminder)), ("03-23", Call(Reached, Morning))], "03-30", Some((A::ConfirmAgreement, C::Email, "03-23", R::ConfirmCallInWriting)), &[]),
    case("an unconfirmed talk past its pay-by day: the ladder goes on", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-16", Sent(M::SecondReminder)), ("03-23", Call(Reached, Morning))], "03-31", Some((A::LastReminder, C::Letter, "04-01", R::LastReminderAfterAMonth)), &[]),
    case("a promise kept before it was confirmed: nothing left to confirm", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-10", Call(Reached, Morning)), ("03-10", Promise(400, "03-18")), ("03-11", Paid(400))], "03-12", Some((A::SecondReminder, C::Email, "03-18", R::SecondReminderAfterTwoWeeks)), &[]),
    case("an open promise waits until its date plus grace", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-10", Call(Reached, Morning)), ("03-10", Promise(1000, "03-18")), ("03-10", Sent(M::CallConfirmation))], "03-12", Some((A::FollowUpPromise, C::Email, "03-20", R::FollowUpMissedPromise)), &[Also::Message(M::PromiseFollowUp), Also::Promise(1000, "03-18")]),
    case("a missed promise is followed up, overdue", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-10", Promise(1000, "03-18"))], "03-25", Some((A::FollowUpPromise, C::Email, "03-20", R::FollowUpMissedPromise)), &[]),
    case("a promise paid in part is followed up for the rest", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-10", Promise(1000, "03-16")), ("03-12", Paid(400))], "03-25", Some((A::FollowUpPromise, C::Email, "03-18", R::FollowUpMissedPromise)), &[Also::Promise(1000, "03-16"), Also::PromiseReceived(400)]),
    case("a payment before the promise does not count towards it", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-09", Paid(300)), ("03-10", Promise(700, "03-16"))], "03-25", Some((A::FollowUpPromise, C::Email, "03-18", R::FollowUpMissedPromise)), &[Also::Promise(700, "03-16"), Also::PromiseReceived(0)]),
    case("a promise kept in part: the ladder continues on the rest", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-10", Promise(400, "03-13")), ("03-12", Paid(400))], "03-16", Some((A::SecondReminder, C::Email, "03-16", R::SecondReminderAfterTwoWeeks)), &[]),
    case("after the follow-up the ladder resumes after the pay-by term", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-05", Promise(1000, "03-10")), ("03-12", Sent(M::PromiseFollowUp))], "03-16", Some((A::SecondReminder, C::Email, "03-20", R::SecondReminderAfterTwoWeeks)), &[]),
    case("a broken promise followed up before any reminder: the second reminder is next, not a friendly first", NL_B2B, 1000, "03-02", &[("03-04", Call(Reached, Morning)), ("03-04", Promise(1000, "03-08")), ("03-04", Sent(M::CallConfirmation)), ("03-11", Sent(M::PromiseFollowUp))], "03-16", Some((A::SecondReminder, C::Email, "03-24", R::SecondReminderAfterTwoWeeks)), &[]),
    case("BE consumer: a followed-up promise does not replace the free first reminder", BE_CONSUMER, 1000, "03-02", &[("03-04", Call(Reached, Morning)), ("03-04", Promise(1000, "03-08")), ("03-04", Sent(M::CallConfirmation)), ("03-11", Sent(M::PromiseFollowUp))], "03-16", Some((A::FirstReminder, C::Email, "03-19", R::BelgianFreeFirstReminder)), &[]),
    case("a promise kept in full: thank-you", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-10", Promise(1000, "03-18")), ("03-17", Paid(1000))], "03-17", Some((A::ThankYou, C::Email, "03-17", R::ThankAfterPayment)), &[Also::Message(M::ThankYou)]),
    case("paid in two parts: thanked for the day it was completed", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-05", Paid(600)), ("03-09", Paid(400)), ("03-11", Note)], "03-12", Some((A::ThankYou, C::Email, "03-11", R::ThankAfterPayment)), &[]),
    case("thanked once, then nothing", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-10", Paid(1000)), ("03-10", Sent(M::ThankYou))], "03-11", None, &[]),
    case("paid without any chasing: no thank-you", NL_B2B, 1000, "03-02", &[("02-25", Paid(1000))], "03-01", None, &[]),
    case("overpaid counts as paid", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-05", Paid(1500))], "03-05", Some((A::ThankYou, C::Email, "03-05", R::ThankAfterPayment)), &[]),
    // Disputes.
    case("a dispute is acknowledged, without costs", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-16", Sent(M::SecondReminder)), ("03-20", Dispute)], "03-20", Some((A::ResolveDispute, C::Email, "03-20", R::StopEscalatingOnDispute)), &[Also::Message(M::DisputeAcknowledgement), Also::Costs(CostsClaim::None)]),
    case("an acknowledged dispute: call the next working day", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-16", Sent(M::SecondReminder)), ("03-20", Dispute), ("03-20", Sent(M::DisputeAcknowledgement))], "03-20", Some((A::ResolveDispute, C::Phone, "03-23", R::StopEscalatingOnDispute)), &[Also::Message(M::CallScript), Also::Costs(CostsClaim::None)]),
    case("a dispute with a customer who cannot be called: write again after the pay-by term", NO_PHONE, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-20", Dispute), ("03-20", Sent(M::DisputeAcknowledgement))], "03-23", Some((A::ResolveDispute, C::Email, "03-28", R::StopEscalatingOnDispute)), &[Also::Message(M::DisputeAcknowledgement)]),
    case("a dispute holds the last reminder back", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-16", Sent(M::SecondReminder)), ("03-20", Dispute), ("03-20", Sent(M::DisputeAcknowledgement))], "05-01", Some((A::ResolveDispute, C::Phone, "03-23", R::StopEscalatingOnDispute)), &[]),
    case("a dispute call that got through is confirmed the same day", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-20", Dispute), ("03-20", Sent(M::DisputeAcknowledgement)), ("03-23", Call(Reached, Morning))], "03-23", Some((A::ConfirmAgreement, C::Email, "03-23", R::ConfirmCallInWriting)), &[Also::Costs(CostsClaim::None)]),
    case("a dispute call unanswered: retry", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-20", Dispute), ("03-20", Sent(M::DisputeAcknowledgement)), ("03-23", Call(NoAnswer, Morning))], "03-23", Some((A::ResolveDispute, C::Phone, "03-24", R::RetryUnansweredCall)), &[Also::CallAt(Afternoon)]),
    case("a dispute settled before any reminder: the first reminder starts from the settlement", NL_B2B, 1000, "03-02", &[("03-03", Dispute), ("03-03", Sent(M::DisputeAcknowledgement)), ("03-10", Resolved)], "03-18", Some((A::FirstReminder, C::Email, "03-18", R::FirstReminderAfterDue)), &[Also::SettledOn(Some("03-10"))]),
    case("a first reminder without a dispute supposes nothing was settled", NL_B2B, 1000, "03-02", &[], "03-03", Some((A::FirstReminder, C::Email, "03-03", R::FirstReminderAfterDue)), &[Also::SettledOn(None)]),
    case("a resolved dispute is confirmed in writing the same day, with the day it was resolved", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-16", Sent(M::SecondReminder)), ("03-20", Dispute), ("03-20", Sent(M::DisputeAcknowledgement)), ("04-10", Resolved)], "04-10", Some((A::ConfirmAgreement, C::Email, "04-10", R::ConfirmSettlementInWriting)), &[Also::Message(M::CallConfirmation), Also::TalkedOn("04-10")]),
    case("a resolution left unconfirmed past the term it would give: the ladder goes on", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-16", Sent(M::SecondReminder)), ("03-20", Dispute), ("03-20", Sent(M::DisputeAcknowledgement)), ("04-10", Resolved)], "04-18", Some((A::LastReminder, C::Letter, "04-18", R::LastReminderAfterAMonth)), &[]),
    case("a resolution confirmed by a call's confirmation the same day is not confirmed twice", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-20", Dispute), ("03-20", Sent(M::DisputeAcknowledgement)), ("04-10", Call(Reached, Morning)), ("04-10", Resolved), ("04-10", Sent(M::CallConfirmation))], "04-10", Some((A::LastReminder, C::Letter, "04-18", R::LastReminderAfterAMonth)), &[]),
    case("a resolved dispute: the ladder resumes once a pay-by term from the resolution has passed", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-16", Sent(M::SecondReminder)), ("03-20", Dispute), ("03-20", Sent(M::DisputeAcknowledgement)), ("04-10", Resolved), ("04-10", Sent(M::CallConfirmation))], "04-10", Some((A::LastReminder, C::Letter, "04-18", R::LastReminderAfterAMonth)), &[Also::Costs(CostsClaim::Claimed)]),
    // Cannot pay and payment plans.
    case("cannot pay: propose a plan the same day", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-10", CannotPay)], "03-10", Some((A::ProposePaymentPlan, C::Email, "03-10", R::OfferPlanWhenCannotPay)), &[Also::Message(M::PaymentPlanProposal)]),
    case("cannot pay said on the phone: the proposal is the written record", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-10", Call(Reached, Morning)), ("03-10", CannotPay)], "03-10", Some((A::ProposePaymentPlan, C::Email, "03-10", R::OfferPlanWhenCannotPay)), &[]),
    case("a plan proposed and no answer: call after the pay-by term", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-10", CannotPay), ("03-10", Sent(M::PaymentPlanProposal))], "03-11", Some((A::ProposePaymentPlan, C::Phone, "03-18", R::OfferPlanWhenCannotPay)), &[Also::Message(M::CallScript)]),
    case("a plan offered, three calls unanswered: the plan is offered once more in writing", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-10", CannotPay), ("03-10", Sent(M::PaymentPlanProposal)), ("03-18", Call(NoAnswer, Morning)), ("03-19", Call(NoAnswer, Afternoon)), ("03-20", Call(Voicemail, Evening))], "03-20", Some((A::ProposePaymentPlan, C::Email, "03-20", R::BackToWritingAfterUnansweredCalls)), &[Also::Message(M::PaymentPlanProposal)]),
    case("a plan offered twice without an answer: the last reminder follows the second offer's term", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-10", CannotPay), ("03-10", Sent(M::PaymentPlanProposal)), ("03-18", Call(NoAnswer, Morning)), ("03-19", Call(NoAnswer, Afternoon)), ("03-20", Call(Voicemail, Evening)), ("03-27", Sent(M::PaymentPlanProposal))], "03-28", Some((A::LastReminder, C::Letter, "04-08", R::LastReminderAfterAMonth)), &[]),
    case("a plan offered twice in writing to a customer without a phone: the last reminder follows", NO_PHONE, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-10", CannotPay), ("03-10", Sent(M::PaymentPlanProposal)), ("03-18", Sent(M::PaymentPlanProposal))], "03-19", Some((A::LastReminder, C::Letter, "04-01", R::LastReminderAfterAMonth)), &[]),
    case("cannot pay before any reminder and two offers unanswered: no friendly first reminder follows", NO_PHONE, 1000, "03-02", &[("03-03", CannotPay), ("03-03", Sent(M::PaymentPlanProposal)), ("03-11", Sent(M::PaymentPlanProposal))], "03-12", Some((A::LastReminder, C::Letter, "04-01", R::LastReminderAfterAMonth)), &[]),
    case("a Dutch consumer who lets two offers pass gets the 14-day letter", NL_CONSUMER, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-10", CannotPay), ("03-10", Sent(M::PaymentPlanProposal)), ("03-18", Call(NoAnswer, Morning)), ("03-19", Call(NoAnswer, Afternoon)), ("03-20", Call(Voicemail, Evening)), ("03-27", Sent(M::PaymentPlanProposal))], "03-28", Some((A::FourteenDayLetter, C::Letter, "04-08", R::ConsumerFourteenDayLetter)), &[]),
    case("saying again that they cannot pay earns the customer a fresh offer", NO_PHONE, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-10", CannotPay), ("03-10", Sent(M::PaymentPlanProposal)), ("03-18", Sent(M::PaymentPlanProposal)), ("03-20", CannotPay)], "03-20", Some((A::ProposePaymentPlan, C::Email, "03-20", R::OfferPlanWhenCannotPay)), &[]),
    case("a plan agreed: confirm it the same day", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-10", CannotPay), ("03-10", Sent(M::PaymentPlanProposal)), ("03-12", Plan(&[("04-01", 500), ("05-01", 500)]))], "03-12", Some((A::ConfirmPaymentPlan, C::Email, "03-12", R::ConfirmPlanInWriting)), &[Also::Message(M::PaymentPlanConfirmation), Also::Costs(CostsClaim::None), Also::Plan(&[("04-01", 500), ("05-01", 500)])]),
    case("a plan agreed after the last reminder: its confirmation names the claimed costs it sets aside", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("04-01", Sent(M::LastReminder)), ("04-10", Plan(&[("05-01", 500), ("06-01", 500)]))], "04-10", Some((A::ConfirmPaymentPlan, C::Email, "04-10", R::ConfirmPlanInWriting)), &[Also::Costs(CostsClaim::Claimed)]),
    case("a consumer's plan agreed within the 14-day letter's term sets aside the announced costs", NL_CONSUMER, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("04-01", Sent(M::FourteenDayLetter)), ("04-06", Plan(&[("05-01", 500), ("06-01", 500)]))], "04-06", Some((A::ConfirmPaymentPlan, C::Email, "04-06", R::ConfirmPlanInWriting)), &[Also::Costs(CostsClaim::Announced)]),
    case("a consumer's plan agreed after the 14-day letter's term sets aside the costs then due", NL_CONSUMER, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("04-01", Sent(M::FourteenDayLetter)), ("05-04", Plan(&[("06-01", 500), ("07-01", 500)]))], "05-04", Some((A::ConfirmPaymentPlan, C::Email, "05-04", R::ConfirmPlanInWriting)), &[Also::Costs(CostsClaim::Claimed)]),
    case("a Belgian consumer's plan agreed before the free reminder's term ends sets aside no costs", BE_CONSUMER, 1000, "03-02", &[("03-03", Sent(M::BelgianFirstReminder)), ("03-10", Sent(M::LastReminder)), ("03-12", Plan(&[("04-01", 500), ("05-01", 500)]))], "03-12", Some((A::ConfirmPaymentPlan, C::Email, "03-12", R::ConfirmPlanInWriting)), &[Also::Costs(CostsClaim::None)]),
    case("a plan is confirmed by email even to a customer who prefers SMS: it needs every date", SMS_FAN, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-12", Plan(&[("04-01", 500), ("05-01", 500)]))], "03-12", Some((A::ConfirmPaymentPlan, C::Email, "03-12", R::ConfirmPlanInWriting)), &[Also::Message(M::PaymentPlanConfirmation)]),
    case("an unconfirmed plan is confirmed up to its first instalment's day", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-12", Plan(&[("04-01", 500), ("05-01", 500)]))], "04-01", Some((A::ConfirmPaymentPlan, C::Email, "03-12", R::ConfirmPlanInWriting)), &[]),
    case("a plan agreed on the phone and left unconfirmed past its first day: the instalment is chased, not the call confirmed", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-10", Call(Reached, Morning)), ("03-10", CannotPay), ("03-10", Plan(&[("03-13", 500), ("04-13", 500)]))], "03-16", Some((A::CallMissedInstalment, C::Phone, "03-16", R::CallOnMissedInstalment)), &[Also::Instalment("03-13", 500)]),
    case("an unconfirmed plan past its first instalment's day: the instalment is chased, not confirmed with a date gone by", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-12", Plan(&[("04-01", 500), ("05-01", 500)]))], "04-02", Some((A::RemindInstalment, C::Email, "03-30", R::ChaseEachInstalment)), &[Also::Instalment("04-01", 500)]),
    case("a confirmed plan: remind two days before the instalment", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-12", Plan(&[("04-01", 500), ("05-01", 500)])), ("03-12", Sent(M::PaymentPlanConfirmation))], "03-20", Some((A::RemindInstalment, C::Email, "03-30", R::ChaseEachInstalment)), &[Also::Message(M::InstalmentReminder), Also::Instalment("04-01", 500)]),
    case("an instalment paid: the next one is reminded", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-12", Plan(&[("04-01", 500), ("05-01", 500)])), ("03-12", Sent(M::PaymentPlanConfirmation)), ("03-30", Sent(M::InstalmentReminder)), ("04-01", Paid(500))], "04-02", Some((A::RemindInstalment, C::Email, "04-29", R::ChaseEachInstalment)), &[Also::Instalment("05-01", 500)]),
    case("a missed instalment: call after its date plus grace", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-12", Plan(&[("04-01", 500), ("05-01", 500)])), ("03-12", Sent(M::PaymentPlanConfirmation)), ("03-30", Sent(M::InstalmentReminder))], "04-03", Some((A::CallMissedInstalment, C::Phone, "04-07", R::CallOnMissedInstalment)), &[Also::Message(M::CallScript), Also::Instalment("04-01", 500), Also::Costs(CostsClaim::None)]),
    case("a missed instalment, three calls unanswered: back to writing", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-12", Plan(&[("04-01", 500), ("05-01", 500)])), ("03-12", Sent(M::PaymentPlanConfirmation)), ("03-30", Sent(M::InstalmentReminder)), ("04-07", Call(NoAnswer, Morning)), ("04-08", Call(NoAnswer, Afternoon)), ("04-09", Call(Voicemail, Evening))], "04-09", Some((A::RemindInstalment, C::Email, "04-09", R::BackToWritingAfterUnansweredCalls)), &[Also::Instalment("04-01", 500)]),
    case("a missed instalment written about after three unanswered calls: writing again after its term, not another round of calls", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-12", Plan(&[("04-01", 500), ("05-01", 500)])), ("03-12", Sent(M::PaymentPlanConfirmation)), ("03-30", Sent(M::InstalmentReminder)), ("04-07", Call(NoAnswer, Morning)), ("04-08", Call(NoAnswer, Afternoon)), ("04-09", Call(Voicemail, Evening)), ("04-09", Sent(M::InstalmentReminder))], "04-20", Some((A::RemindInstalment, C::Email, "04-17", R::CallOnMissedInstalment)), &[Also::Instalment("04-01", 500)]),
    case("a missed instalment: a customer heard from after the calls is called again", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-12", Plan(&[("04-01", 500), ("05-01", 500)])), ("03-12", Sent(M::PaymentPlanConfirmation)), ("03-30", Sent(M::InstalmentReminder)), ("04-07", Call(NoAnswer, Morning)), ("04-08", Call(NoAnswer, Afternoon)), ("04-09", Call(Voicemail, Evening)), ("04-09", Sent(M::InstalmentReminder)), ("04-10", Call(Reached, Morning)), ("04-10", Sent(M::CallConfirmation))], "04-20", Some((A::CallMissedInstalment, C::Phone, "04-20", R::CallOnMissedInstalment)), &[]),
    case("a short instalment counts as missed", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-12", Plan(&[("04-01", 500), ("05-01", 500)])), ("03-12", Sent(M::PaymentPlanConfirmation)), ("03-30", Sent(M::InstalmentReminder)), ("04-01", Paid(200))], "04-07", Some((A::CallMissedInstalment, C::Phone, "04-07", R::CallOnMissedInstalment)), &[Also::Instalment("04-01", 300)]),
    case("two instalments missed: the plan is broken and the ladder resumes", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-12", Plan(&[("04-01", 500), ("05-01", 500)])), ("03-12", Sent(M::PaymentPlanConfirmation)), ("03-30", Sent(M::InstalmentReminder)), ("04-03", Call(Reached, Morning)), ("04-03", Sent(M::CallConfirmation))], "05-03", Some((A::LastReminder, C::Letter, "04-11", R::LastReminderAfterAMonth)), &[Also::Costs(CostsClaim::Claimed)]),
    case("a plan agreed before any reminder and broken: no friendly first reminder follows", NL_B2B, 1000, "03-02", &[("03-04", Call(Reached, Morning)), ("03-04", Plan(&[("04-01", 500), ("05-01", 500)])), ("03-04", Sent(M::PaymentPlanConfirmation)), ("03-30", Sent(M::InstalmentReminder))], "05-03", Some((A::LastReminder, C::Letter, "04-02", R::LastReminderAfterAMonth)), &[Also::Costs(CostsClaim::Claimed)]),
    case("the last instalment missed: broken after a further pay-by term", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-12", Plan(&[("04-01", 500), ("05-01", 500)])), ("03-12", Sent(M::PaymentPlanConfirmation)), ("04-01", Paid(500)), ("05-04", Call(Reached, Morning)), ("05-04", Sent(M::CallConfirmation))], "05-09", Some((A::CallMissedInstalment, C::Phone, "05-12", R::CallOnMissedInstalment)), &[]),
    case("the last instalment missed and the term passed: the ladder resumes", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-12", Plan(&[("04-01", 500), ("05-01", 500)])), ("03-12", Sent(M::PaymentPlanConfirmation)), ("04-01", Paid(500)), ("05-04", Call(Reached, Morning)), ("05-04", Sent(M::CallConfirmation))], "05-12", Some((A::LastReminder, C::Letter, "05-12", R::LastReminderAfterAMonth)), &[]),
    case("a plan broken after a reminder of the missed last instalment: the hand-over waits out the reminder's term", NO_PHONE, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("04-01", SentVia(M::LastReminder, C::Letter)), ("04-10", Plan(&[("04-20", 500), ("05-20", 500)])), ("04-10", Sent(M::PaymentPlanConfirmation)), ("04-18", Sent(M::InstalmentReminder)), ("04-20", Paid(500)), ("05-18", Sent(M::InstalmentReminder)), ("05-22", Sent(M::InstalmentReminder))], "05-29", Some((A::HandOver, C::Email, "05-30", R::HandOverAfterLastTerm)), &[Also::Message(M::HandOverNotice)]),
    case("a plan paid in full: thank-you", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-12", Plan(&[("04-01", 500), ("05-01", 500)])), ("04-01", Paid(500)), ("04-30", Paid(500))], "05-02", Some((A::ThankYou, C::Email, "04-30", R::ThankAfterPayment)), &[]),
    // Dutch and Belgian consumers.
    case("NL consumer: a 14-day letter sent before the due date does not count, so a valid one is asked for instead of a hand-over", NL_CONSUMER, 1000, "03-02", &[("02-20", Sent(M::FourteenDayLetter)), ("03-03", Sent(M::FirstReminder)), ("03-16", Sent(M::SecondReminder)), ("03-23", Call(Reached, Morning)), ("03-23", Sent(M::CallConfirmation))], "05-01", Some((A::FourteenDayLetter, C::Letter, "04-01", R::ConsumerFourteenDayLetter)), &[Also::Costs(CostsClaim::Announced)]),
    case("NL consumer: a dispute during the 14-day letter's term voids it: once resolved, a new letter gives a fresh term, not a hand-over with costs", NL_CONSUMER, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-16", Sent(M::SecondReminder)), ("03-23", Call(Reached, Morning)), ("03-23", Sent(M::CallConfirmation)), ("04-01", Sent(M::FourteenDayLetter)), ("04-03", Dispute), ("04-03", Sent(M::DisputeAcknowledgement)), ("05-11", Resolved), ("05-11", Sent(M::CallConfirmation))], "05-11", Some((A::FourteenDayLetter, C::Letter, "05-19", R::ConsumerFourteenDayLetter)), &[Also::Costs(CostsClaim::Announced)]),
    case("NL consumer: the new letter sent on the day the dispute was resolved counts, and the hand-over follows its term", NL_CONSUMER, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-16", Sent(M::SecondReminder)), ("03-23", Call(Reached, Morning)), ("03-23", Sent(M::CallConfirmation)), ("04-01", Sent(M::FourteenDayLetter)), ("04-03", Dispute), ("04-03", Sent(M::DisputeAcknowledgement)), ("05-11", Resolved), ("05-11", Sent(M::FourteenDayLetter))], "05-12", Some((A::HandOver, C::Email, "05-28", R::HandOverAfterLastTerm)), &[Also::Costs(CostsClaim::Claimed)]),
    case("NL consumer: a dispute after the 14-day letter's term leaves the letter standing", NL_CONSUMER, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-16", Sent(M::SecondReminder)), ("03-23", Call(Reached, Morning)), ("03-23", Sent(M::CallConfirmation)), ("04-01", Sent(M::FourteenDayLetter)), ("04-21", Dispute), ("04-21", Sent(M::DisputeAcknowledgement)), ("05-11", Resolved), ("05-11", Sent(M::CallConfirmation))], "05-11", Some((A::HandOver, C::Email, "05-19", R::HandOverAfterLastTerm)), &[Also::Costs(CostsClaim::Claimed)]),
    case("NL consumer: the 14-day letter instead of the last reminder", NL_CONSUMER, 1000, "03-02", TWO_REMINDERS, "04-01", Some((A::FourteenDayLetter, C::Letter, "04-01", R::ConsumerFourteenDayLetter)), &[Also::Message(M::FourteenDayLetter), Also::Costs(CostsClaim::Announced)]),
    // Seen ahead of time, the step is the one its day brings: when the 14-day letter falls due
    // on the day the second reminder would, the letter is shown, not the reminder.
    case("NL consumer: a preview shows the letter its day brings", NL_CONSUMER, 2500, "02-14", &[("02-15", Sent(M::FirstReminder)), ("03-02", Call(Reached, Morning)), ("03-02", Promise(1000, "03-06")), ("03-02", Sent(M::CallConfirmation)), ("03-08", Sent(M::PromiseFollowUp))], "03-08", Some((A::FourteenDayLetter, C::Letter, "03-17", R::ConsumerFourteenDayLetter)), &[]),
    case("NL consumer: on its day the same letter is proposed", NL_CONSUMER, 2500, "02-14", &[("02-15", Sent(M::FirstReminder)), ("03-02", Call(Reached, Morning)), ("03-02", Promise(1000, "03-06")), ("03-02", Sent(M::CallConfirmation)), ("03-08", Sent(M::PromiseFollowUp))], "03-17", Some((A::FourteenDayLetter, C::Letter, "03-17", R::ConsumerFourteenDayLetter)), &[]),
    case("NL consumer: a plain last reminder does not replace the 14-day letter", NL_CONSUMER, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("04-01", SentVia(M::LastReminder, C::Letter))], "04-02", Some((A::FourteenDayLetter, C::Letter, "04-01", R::ConsumerFourteenDayLetter)), &[]),
    // Posted Wednesday 1 April: delivery assumed Saturday 4 April (Good Friday does not count),
    // the fourteenth day is Saturday 18 April, extended to Monday 20 April; costs from 21 April.
    case("NL consumer: hand-over only once the costs are due", NL_CONSUMER, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("04-01", SentVia(M::FourteenDayLetter, C::Letter))], "04-10", Some((A::HandOver, C::Email, "04-21", R::HandOverAfterLastTerm)), &[Also::Costs(CostsClaim::Claimed)]),
    case("BE consumer who prefers SMS: the free first reminder still goes by email, with its term", BE_CONSUMER_SMS, 1000, "03-02", &[], "03-03", Some((A::FirstReminder, C::Email, "03-03", R::BelgianFreeFirstReminder)), &[Also::Message(M::BelgianFirstReminder)]),
    case("BE consumer: the first reminder is the free one", BE_CONSUMER, 1000, "03-02", &[], "03-03", Some((A::FirstReminder, C::Email, "03-03", R::BelgianFreeFirstReminder)), &[Also::Message(M::BelgianFirstReminder), Also::Costs(CostsClaim::None)]),
    case("BE business: an ordinary first reminder", BE_B2B, 1000, "03-02", &[], "03-03", Some((A::FirstReminder, C::Email, "03-03", R::FirstReminderAfterDue)), &[Also::Message(M::FirstReminder)]),
    // Emailed Tuesday 3 March: fourteen days from the day after, to Tuesday 17 March; costs from 18 March.
    case("BE consumer: nothing more is asked before the free reminder's term ends, so the last reminder waits for it and claims the damages", BE_CONSUMER_QUICK, 1000, "03-02", &[("03-03", Sent(M::BelgianFirstReminder))], "03-12", Some((A::LastReminder, C::Letter, "03-19", R::LastReminderAfterAMonth)), &[Also::Costs(CostsClaim::Claimed)]),
    case("BE consumer: a free reminder that named no damages (the clause came later) lets none follow", BE_CONSUMER_QUICK, 1000, "03-02", &[("03-03", SentText(M::BelgianFirstReminder, "Deze eerste herinnering is gratis: ik reken er geen kosten voor."))], "03-20", Some((A::LastReminder, C::Letter, "03-19", R::LastReminderAfterAMonth)), &[Also::Costs(CostsClaim::None)]),
    case("BE consumer: costs once the term has ended", BE_CONSUMER_QUICK, 1000, "03-02", &[("03-03", Sent(M::BelgianFirstReminder))], "03-20", Some((A::LastReminder, C::Letter, "03-19", R::LastReminderAfterAMonth)), &[Also::Costs(CostsClaim::Claimed)]),
    case("BE consumer: an ordinary reminder logged by hand is followed by the free one, a day later", BE_CONSUMER, 1000, "03-02", &[("03-03", Sent(M::FirstReminder))], "03-03", Some((A::FirstReminder, C::Email, "03-04", R::BelgianFreeFirstReminder)), &[Also::Message(M::BelgianFirstReminder)]),
    case("BE consumer: ordinary reminders never take the ladder past the free one, nor start its term", BE_CONSUMER, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-16", Sent(M::SecondReminder))], "05-01", Some((A::FirstReminder, C::Email, "03-17", R::BelgianFreeFirstReminder)), &[Also::Message(M::BelgianFirstReminder), Also::Costs(CostsClaim::None)]),
    case("BE consumer: after a late free reminder the ladder waits for its term, not for the ordinary ones", BE_CONSUMER, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-16", Sent(M::SecondReminder)), ("03-20", Sent(M::BelgianFirstReminder))], "03-21", Some((A::SecondReminder, C::Email, "04-08", R::SecondReminderAfterTwoWeeks)), &[]),
    case("BE consumer without a damages clause in the user's terms: the last reminder claims nothing", BE_CONSUMER_NO_CLAUSE, 1000, "03-02", &[("03-03", Sent(M::BelgianFirstReminder)), ("03-16", Sent(M::SecondReminder)), ("03-23", Call(Reached, Morning)), ("03-23", Sent(M::CallConfirmation))], "04-01", Some((A::LastReminder, C::Letter, "04-01", R::LastReminderAfterAMonth)), &[Also::Costs(CostsClaim::None)]),
    case("BE consumer: costs on a normal schedule", BE_CONSUMER, 1000, "03-02", &[("03-03", Sent(M::BelgianFirstReminder)), ("03-16", Sent(M::SecondReminder)), ("03-23", Call(Reached, Morning)), ("03-23", Sent(M::CallConfirmation))], "04-01", Some((A::LastReminder, C::Letter, "04-01", R::LastReminderAfterAMonth)), &[Also::Costs(CostsClaim::Claimed)]),
    // Paused, closed, not worth it.
    case("a paused customer: nothing", PAUSED, 1000, "03-02", &[("03-03", Sent(M::FirstReminder))], "03-20", None, &[]),
    case("a paused invoice: nothing", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-05", Paused)], "03-20", None, &[]),
    case("a resumed invoice: the rung that fits, not before the resumption", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-05", Paused), ("04-10", Resumed)], "04-10", Some((A::LastReminder, C::Letter, "04-10", R::LastReminderAfterAMonth)), &[]),
    case("a paused customer is not thanked either", PAUSED, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-05", Paid(1000))], "03-06", None, &[]),
    case("below the minimum worth chasing: nothing", NL_B2B, 8, "03-02", &[], "03-03", None, &[]),
    case("a remainder below the minimum: nothing", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-05", Paid(995))], "03-20", None, &[]),
    case("written off: nothing", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-20", WrittenOff)], "03-21", None, &[]),
    case("handed over: nothing", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("04-01", SentVia(M::LastReminder, C::Letter)), ("04-09", HandedOver)], "04-10", None, &[]),
    case("paid in full within the notice's last chance: thank", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("04-01", SentVia(M::LastReminder, C::Letter)), ("04-09", Sent(M::HandOverNotice)), ("04-09", Paid(1000))], "04-10", Some((A::ThankYou, C::Email, "04-09", R::ThankAfterPayment)), &[]),
    case("paid in full after the notice's last chance, before the hand-over: thank", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("04-01", SentVia(M::LastReminder, C::Letter)), ("04-09", Sent(M::HandOverNotice)), ("04-10", Paid(1000))], "04-11", Some((A::ThankYou, C::Email, "04-10", R::ThankAfterPayment)), &[]),
    case("a posted notice gives a few days more", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("04-01", SentVia(M::LastReminder, C::Letter)), ("04-09", SentVia(M::HandOverNotice, C::Letter)), ("04-14", Paid(1000))], "04-15", Some((A::ThankYou, C::Email, "04-14", R::ThankAfterPayment)), &[]),
    case("the hand-over notice sent: hand over on the day it named", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("04-01", SentVia(M::LastReminder, C::Letter)), ("04-09", Sent(M::HandOverNotice))], "04-09", Some((A::HandOver, C::Email, "04-13", R::HandOverOnTheDayNoticed)), &[Also::Costs(CostsClaim::Claimed)]),
    case("a posted notice names a later day", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("04-01", SentVia(M::LastReminder, C::Letter)), ("04-09", SentVia(M::HandOverNotice, C::Letter))], "04-09", Some((A::HandOver, C::Email, "04-15", R::HandOverOnTheDayNoticed)), &[]),
    case("a notice sent before its day names the hand-over from that day", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("04-01", SentVia(M::LastReminder, C::Letter)), ("04-06", Sent(M::HandOverNotice))], "04-06", Some((A::HandOver, C::Email, "04-13", R::HandOverOnTheDayNoticed)), &[]),
    case("a part payment after the notice does not move the hand-over day", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("04-01", SentVia(M::LastReminder, C::Letter)), ("04-09", SentVia(M::HandOverNotice, C::Letter)), ("04-11", Paid(300))], "04-12", Some((A::HandOver, C::Email, "04-15", R::HandOverOnTheDayNoticed)), &[]),
    case("a note on the hand-over day does not move it", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("04-01", SentVia(M::LastReminder, C::Letter)), ("04-09", SentVia(M::HandOverNotice, C::Letter)), ("04-15", Note)], "04-15", Some((A::HandOver, C::Email, "04-15", R::HandOverOnTheDayNoticed)), &[]),
    case("the hand-over recorded: nothing", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("04-01", SentVia(M::LastReminder, C::Letter)), ("04-09", Sent(M::HandOverNotice)), ("04-10", HandedOver)], "04-10", None, &[]),
    // Catch-up: one step that fits today, never a burst.
    case("nothing sent for 40 days: the first reminder, overdue since day one", NL_B2B, 1000, "03-02", &[], "04-11", Some((A::FirstReminder, C::Email, "03-03", R::FirstReminderAfterDue)), &[]),
    case("first reminder then silence for two months: the last reminder", NL_B2B, 1000, "03-02", &[("03-03", Sent(M::FirstReminder))], "05-01", Some((A::LastReminder, C::Letter, "04-01", R::LastReminderAfterAMonth)), &[]),
    case("two reminders then a long gap: the call is passed over", NL_B2B, 1000, "03-02", TWO_REMINDERS, "05-15", Some((A::LastReminder, C::Letter, "04-01", R::LastReminderAfterAMonth)), &[]),
    case("a late first reminder: the next rung waits its turn", NL_B2B, 1000, "03-02", &[("04-11", Sent(M::FirstReminder))], "04-12", Some((A::SecondReminder, C::Email, "04-24", R::SecondReminderAfterTwoWeeks)), &[]),
    case("no hand-over without a last reminder", NL_B2B, 1000, "03-02", TWO_REMINDERS, "2027-03-01", Some((A::LastReminder, C::Letter, "04-01", R::LastReminderAfterAMonth)), &[]),
    // The largest debts.
    case("the largest debts: a meeting before the hand-over", NL_B2B, 20000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-16", Sent(M::SecondReminder)), ("04-01", SentVia(M::LastReminder, C::Letter))], "04-09", Some((A::ProposeMeeting, C::Phone, "04-09", R::MeetingForLargestDebts)), &[Also::Message(M::CallScript), Also::CallAt(Morning), Also::Costs(CostsClaim::Claimed)]),
    case("the unanswered meeting call is tried again as the same call, costs and all", NL_B2B, 20000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-16", Sent(M::SecondReminder)), ("04-01", SentVia(M::LastReminder, C::Letter)), ("04-09", Call(NoAnswer, Morning))], "04-09", Some((A::ProposeMeeting, C::Phone, "04-10", R::RetryUnansweredCall)), &[Also::Message(M::CallScript), Also::CallAt(Afternoon), Also::Costs(CostsClaim::Claimed)]),
    case("no phone: the meeting is requested in writing", NO_PHONE, 20000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("04-01", SentVia(M::LastReminder, C::Letter))], "04-09", Some((A::ProposeMeeting, C::Email, "04-09", R::MeetingForLargestDebts)), &[Also::Message(M::MeetingRequest), Also::Costs(CostsClaim::Claimed)]),
    case("a meeting requested: hand over after its pay-by term", NL_B2B, 20000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("04-01", SentVia(M::LastReminder, C::Letter)), ("04-09", Sent(M::MeetingRequest))], "04-10", Some((A::HandOver, C::Email, "04-17", R::HandOverAfterLastTerm)), &[]),
    case("a meeting logged late and confirmed today: hand over after the confirmation's term (King's Day moves it)", NL_B2B, 20000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("04-01", SentVia(M::LastReminder, C::Letter)), ("04-10", Meeting), ("04-20", Sent(M::CallConfirmation))], "04-20", Some((A::HandOver, C::Email, "04-29", R::HandOverAfterLastTerm)), &[]),
    case("a meeting held and confirmed: hand over after its pay-by term", NL_B2B, 20000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("04-01", SentVia(M::LastReminder, C::Letter)), ("04-10", Meeting), ("04-10", Sent(M::CallConfirmation))], "04-11", Some((A::HandOver, C::Email, "04-18", R::HandOverAfterLastTerm)), &[]),
];

/// Several invoices at once, through `today_queue`: (customer id, invoice id, amount, due date,
/// dossier). Every customer is the case's `who`.
type QueueInvoice = (
    &'static str,
    &'static str,
    i64,
    &'static str,
    &'static [(&'static str, Ev)],
);

pub(super) struct QueueCase {
    name: &'static str,
    who: Who,
    invoices: &'static [QueueInvoice],
    today: &'static str,
    /// The queue in order: action, channel, due date, invoice ids.
    expect: &'static [(A, C, &'static str, &'static [&'static str])],
}

const CALLED_AND_CONFIRMED_B: &[(&str, Ev)] = &[
    ("03-10", Sent(M::FirstReminder)),
    ("03-23", Sent(M::SecondReminder)),
    ("03-30", Call(Reached, Morning)),
    ("03-30", Sent(M::CallConfirmation)),
];

const CALLED_AND_CONFIRMED_A: &[(&str, Ev)] = &[
    ("03-03", Sent(M::FirstReminder)),
    ("03-16", Sent(M::SecondReminder)),
    ("03-23", Call(Reached, Morning)),
    ("03-23", Sent(M::CallConfirmation)),
];

#[rustfmt::skip]
pub(super) const QUEUE_CASES: &[QueueCase] = &[
    QueueCase { name: "two first reminders of one customer on one day: one step", who: NL_B2B, today: "03-03",
        invoices: &[("c1", "a", 1000, "03-02", &[]), ("c1", "b", 300, "03-02", &[])],
        expect: &[(A::FirstReminder, C::Email, "03-03", &["a", "b"])] },
    QueueCase { name: "overdue steps of one customer merge into today's message", who: NL_B2B, today: "03-20",
        invoices: &[("c1", "a", 1000, "03-02", &[]), ("c1", "b", 300, "03-10", &[])],
        expect: &[(A::FirstReminder, C::Email, "03-03", &["a", "b"])] },
    QueueCase { name: "one message lists its invoices oldest due date first, whatever order they were stored in", who: NL_B2B, today: "03-20",
        invoices: &[("c1", "b", 300, "03-10", &[]), ("c1", "a", 1000, "03-02", &[])],
        expect: &[(A::FirstReminder, C::Email, "03-03", &["a", "b"])] },
    QueueCase { name: "a step not yet due is not pulled forward into today's message", who: NL_B2B, today: "03-03",
        invoices: &[("c1", "a", 1000, "03-02", &[]), ("c1", "b", 300, "03-09", &[("03-02", Sent(M::HeadsUp))])],
        expect: &[(A::FirstReminder, C::Email, "03-03", &["a"]), (A::FirstReminder, C::Email, "03-10", &["b"])] },
    QueueCase { name: "NL consumer: the 14-day letters of one customer are one letter", who: NL_CONSUMER, today: "04-01",
        invoices: &[("c1", "a", 1000, "03-02", TWO_REMINDERS), ("c1", "b", 300, "03-09", CALLED_AND_CONFIRMED_B)],
        expect: &[(A::FourteenDayLetter, C::Letter, "04-01", &["a", "b"])] },
    QueueCase { name: "NL consumer: another overdue invoice joins the 14-day letter", who: NL_CONSUMER, today: "04-01",
        invoices: &[("c1", "a", 1000, "03-02", TWO_REMINDERS), ("c1", "b", 300, "03-20", &[("03-21", Sent(M::FirstReminder))])],
        expect: &[(A::FourteenDayLetter, C::Letter, "04-01", &["a", "b"])] },
    QueueCase { name: "NL consumer: an invoice overdue but never reminded joins the 14-day letter", who: NL_CONSUMER, today: "04-01",
        invoices: &[("c1", "a", 1000, "03-02", TWO_REMINDERS), ("c1", "b", 300, "03-28", &[])],
        expect: &[(A::FourteenDayLetter, C::Letter, "04-01", &["a", "b"])] },
    QueueCase { name: "NL consumer: an invoice not overdue on the letter's day keeps its own step", who: NL_CONSUMER, today: "04-01",
        invoices: &[("c1", "a", 1000, "03-02", TWO_REMINDERS), ("c1", "b", 300, "04-05", &[("04-01", Sent(M::HeadsUp))])],
        expect: &[(A::FourteenDayLetter, C::Letter, "04-01", &["a"]), (A::FirstReminder, C::Email, "04-06", &["b"])] },
    QueueCase { name: "NL consumer: a reminder due before a later 14-day letter is sent on its own day", who: NL_CONSUMER, today: "03-25",
        invoices: &[("c1", "a", 1000, "03-02", CALLED_AND_CONFIRMED_A), ("c1", "b", 300, "03-20", &[])],
        expect: &[(A::FirstReminder, C::Email, "03-21", &["b"]), (A::FourteenDayLetter, C::Letter, "04-01", &["a"])] },
    QueueCase { name: "NL consumer: a disputed invoice stays out of the 14-day letter", who: NL_CONSUMER, today: "04-01",
        invoices: &[("c1", "a", 1000, "03-02", TWO_REMINDERS), ("c1", "b", 300, "03-20", &[("03-25", Dispute)])],
        expect: &[(A::FourteenDayLetter, C::Letter, "04-01", &["a"]), (A::ResolveDispute, C::Email, "03-25", &["b"])] },
    QueueCase { name: "a business's last reminders on different days stay apart", who: NL_B2B, today: "04-01",
        invoices: &[("c1", "a", 1000, "03-02", TWO_REMINDERS), ("c1", "b", 300, "03-09", CALLED_AND_CONFIRMED_B)],
        expect: &[(A::LastReminder, C::Letter, "04-01", &["a"]), (A::LastReminder, C::Letter, "04-08", &["b"])] },
    QueueCase { name: "a settled dispute and a call of one customer are confirmed apart", who: NL_B2B, today: "03-20",
        invoices: &[("c1", "a", 1000, "03-02", &[("03-03", Sent(M::FirstReminder)), ("03-10", Dispute), ("03-10", Sent(M::DisputeAcknowledgement)), ("03-20", Resolved)]), ("c1", "b", 300, "03-09", &[("03-10", Sent(M::FirstReminder)), ("03-20", Call(Reached, Morning))])],
        expect: &[(A::ConfirmAgreement, C::Email, "03-20", &["a"]), (A::ConfirmAgreement, C::Email, "03-20", &["b"])] },
    QueueCase { name: "different customers are never merged", who: NL_B2B, today: "03-03",
        invoices: &[("c1", "a", 1000, "03-02", &[]), ("c2", "b", 1000, "03-02", &[])],
        expect: &[(A::FirstReminder, C::Email, "03-03", &["a"]), (A::FirstReminder, C::Email, "03-03", &["b"])] },
    QueueCase { name: "the long overdue first, a large debt before a small older one, closed ones drop out", who: NL_B2B, today: "04-01",
        invoices: &[("c1", "small", 100, "03-20", &[]), ("c4", "paid", 500, "03-02", &[("02-20", Paid(500))]),
                    ("c2", "big", 9000, "03-30", &[]), ("c3", "old", 1000, "02-01", &[]),
                    ("c5", "later", 50000, "04-10", &[("04-01", Sent(M::HeadsUp))])],
        expect: &[(A::FirstReminder, C::Email, "02-02", &["old"]), (A::FirstReminder, C::Email, "03-31", &["big"]),
                  (A::FirstReminder, C::Email, "03-21", &["small"]), (A::FirstReminder, C::Email, "04-11", &["later"])] },
];

// ----------------------------------------------------------------------------------------------
// Running the tables

fn day(text: &str) -> NaiveDate {
    let full = if text.len() == 5 {
        format!("2026-{text}")
    } else {
        text.to_owned()
    };
    NaiveDate::parse_from_str(&full, "%Y-%m-%d").unwrap_or_else(|_| panic!("bad date in a case: {text}"))
}

fn settings_for(who: &Who) -> Settings {
    // The cases read as if the user's terms have a damages clause, so a Belgian consumer's
    // damages follow the law's own terms; `no_damages_clause` shows the other case.
    let mut settings = Settings {
        jurisdiction: who.land,
        consumer_damages_clause: true,
        ..Settings::default()
    };
    (who.tweak)(&mut settings);
    settings
}

fn customer_for(id: &str, who: &Who) -> Customer {
    let mut customer = Customer::new(CustomerId::from(id), "Jansen");
    customer.kind = who.kind;
    customer.preferred_channel = who.channel;
    customer.best_time = who.best;
    customer.email = "jansen@example.nl".into();
    customer.phone = if who.phone { "0612345678".into() } else { String::new() };
    customer.address = PostalAddress {
        street: "Dorpsstraat 1".into(),
        postcode: "1234 AB".into(),
        city: "Utrecht".into(),
        country: String::new(),
    };
    customer.paused = who.paused.then(|| "on holiday".to_owned());
    customer
}

fn invoice_for(customer: &str, id: &str, amount: i64, due: &str) -> Invoice {
    let due = day(due);
    Invoice {
        id: InvoiceId::from(id),
        number: format!("2026-{id}"),
        customer_id: CustomerId::from(customer),
        issue_date: due - chrono::Days::new(30),
        due_date: due,
        amount: Decimal::from(amount),
        currency: "EUR".into(),
        description: String::new(),
    }
}

fn event_for(customer: &str, invoice: &str, n: usize, (date, ev): &(&str, Ev)) -> Event {
    let (channel, kind) = match *ev {
        Sent(message) => (C::Email, sent(message)),
        SentVia(message, channel) => (channel, sent(message)),
        SentText(message, body) => (
            C::Email,
            EventKind::MessageSent {
                message,
                to: String::new(),
                subject: String::new(),
                body: body.to_owned(),
            },
        ),
        Call(outcome, at) => (
            C::Phone,
            EventKind::Call {
                outcome,
                at,
                summary: String::new(),
            },
        ),
        Meeting => (C::InPerson, EventKind::Meeting { summary: String::new() }),
        Promise(amount, date) => (
            C::Phone,
            EventKind::PromiseToPay {
                amount: Decimal::from(amount),
                date: day(date),
            },
        ),
        Dispute => (
            C::Email,
            EventKind::DisputeOpened {
                reason: "not delivered".into(),
            },
        ),
        Resolved => (
            C::Email,
            EventKind::DisputeResolved {
                resolution: "delivered".into(),
            },
        ),
        CannotPay => (C::Email, EventKind::CannotPay { note: String::new() }),
        Plan(instalments) => (
            C::Email,
            EventKind::PaymentPlanAgreed {
                instalments: instalments
                    .iter()
                    .map(|(date, amount)| Instalment {
                        date: day(date),
                        amount: Decimal::from(*amount),
                    })
                    .collect(),
            },
        ),
        Paid(amount) => (
            C::Email,
            EventKind::PaymentReceived {
                amount: Decimal::from(amount),
                note: String::new(),
            },
        ),
        HandedOver => (
            C::Email,
            EventKind::HandedOver {
                agency: "Incasso BV".into(),
            },
        ),
        WrittenOff => (C::Email, EventKind::WrittenOff { reason: "gone".into() }),
        Paused => (
            C::Email,
            EventKind::ChasePaused {
                reason: "talking".into(),
            },
        ),
        Resumed => (C::Email, EventKind::ChaseResumed),
        Note => (C::Email, EventKind::Note { text: "note".into() }),
    };
    Event {
        id: EventId(format!("{invoice}-{n}")),
        invoice_ids: vec![InvoiceId::from(invoice)],
        customer_id: CustomerId::from(customer),
        date: day(date),
        channel,
        kind,
    }
}

pub(super) fn sent(message: M) -> EventKind {
    crate::domain::testing::sent_message(message)
}

fn check_also(step: &Step, also: &Also) -> bool {
    match *also {
        Also::Message(message) => step.message == message,
        Also::CallAt(part) => step.call_at == Some(part),
        Also::Costs(costs) => step.costs == costs,
        Also::Promise(amount, date) => step
            .promise
            .is_some_and(|p| (p.amount, p.date) == (Decimal::from(amount), day(date))),
        Also::PromiseReceived(amount) => step.promise.is_some_and(|p| p.received == Decimal::from(amount)),
        Also::TalkedOn(date) => step.talked_on == Some(day(date)),
        Also::SettledOn(date) => step.settled_on == date.map(day),
        Also::Instalment(date, amount) => step
            .instalment
            .as_ref()
            .is_some_and(|i| i.date == day(date) && i.amount == Decimal::from(amount)),
        Also::Plan(plan) => step
            .plan
            .iter()
            .map(|i| (i.date, i.amount))
            .eq(plan.iter().map(|&(date, amount)| (day(date), Decimal::from(amount)))),
    }
}

#[test]
fn every_rule_as_a_case() {
    let mut failures = Vec::new();
    for case in CASES {
        let settings = settings_for(&case.who);
        let customer = customer_for("c1", &case.who);
        let invoice = invoice_for("c1", "i1", case.amount, case.due);
        let events: Vec<Event> = case
            .history
            .iter()
            .enumerate()
            .map(|(n, entry)| event_for("c1", "i1", n, entry))
            .collect();
        let today = day(case.today);
        let got = next_step(&invoice, &customer, &events, &settings, today);
        let summary = got.as_ref().map(|s| (s.action, s.channel, s.due, s.rule));
        let want = case
            .expect
            .map(|(action, channel, due, rule)| (action, channel, day(due), rule));
        if summary != want {
            failures.push(format!("{}:\n    want {want:?}\n    got  {summary:?}", case.name));
            continue;
        }
        if let Some(step) = &got {
            for also in case.also {
                if !check_also(step, also) {
                    failures.push(format!("{}: expected {also:?} in {step:?}", case.name));
                }
            }
        }
        // The queue of a single invoice is that invoice's step.
        let queue = today_queue(
            std::slice::from_ref(&invoice),
            std::slice::from_ref(&customer),
            &events,
            &settings,
            today,
        );
        if queue != got.clone().into_iter().collect::<Vec<_>>() {
            failures.push(format!("{}: the queue disagrees: {queue:?}", case.name));
        }
    }
    assert!(
        failures.is_empty(),
        "{} case(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn queues_as_cases() {
    let mut failures = Vec::new();
    for case in QUEUE_CASES {
        let settings = settings_for(&case.who);
        let mut customers: Vec<Customer> = Vec::new();
        for (customer, ..) in case.invoices {
            if !customers.iter().any(|c| c.id.as_str() == *customer) {
                customers.push(customer_for(customer, &case.who));
            }
        }
        let invoices: Vec<Invoice> = case
            .invoices
            .iter()
            .map(|(customer, id, amount, due, _)| invoice_for(customer, id, *amount, due))
            .collect();
        let events: Vec<Event> = case
            .invoices
            .iter()
            .flat_map(|(customer, id, _, _, history)| {
                history
                    .iter()
                    .enumerate()
                    .map(move |(n, e)| event_for(customer, id, n, e))
            })
            .collect();
        let queue = today_queue(&invoices, &customers, &events, &settings, day(case.today));
        let got: Vec<(A, C, NaiveDate, Vec<String>)> = queue
            .iter()
            .map(|s| {
                let ids = s.invoice_ids.iter().map(|id| id.0.clone()).collect();
                (s.action, s.channel, s.due, ids)
            })
            .collect();
        let want: Vec<(A, C, NaiveDate, Vec<String>)> = case
            .expect
            .iter()
            .map(|(action, channel, due, ids)| {
                let ids = ids.iter().map(|id| (*id).to_owned()).collect();
                (*action, *channel, day(due), ids)
            })
            .collect();
        if got != want {
            failures.push(format!("{}:\n    want {want:?}\n    got  {got:?}", case.name));
        }
    }
    assert!(
        failures.is_empty(),
        "{} case(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
