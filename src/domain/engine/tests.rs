use chrono::NaiveDate;
use proptest::prelude::*;
use rust_decimal::Decimal;

use super::fold::{fold, part_bit, Unanswered};
use super::steps::{retry_part, urgency, written_channel};
use super::*;
use crate::domain::model::{
    BestTime, CallOutcome, CustomerKind, EventId, EventKind, Instalment, Jurisdiction, PayByDays, PostalAddress,
    Schedule,
};
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
        let expected: Vec<(Action, NaiveDate)> = expected.iter().map(|(a, (m, day))| (*a, d(2026, *m, *day))).collect();
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
        && f.paused.is_none()
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
