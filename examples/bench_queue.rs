//! Benchmark: how long `today_queue` takes over a large, made-up administration.
//!
//! Run with `cargo run --release --example bench_queue`. The data is generated with a tiny
//! linear congruential generator, so every run measures exactly the same work and no random
//! number crate is needed: 100,000 invoices of 10,000 customers, three events each. An optional
//! argument sets the number of timed runs (default 5); the median is reported.

use std::time::{Duration, Instant};

use chrono::{Days, NaiveDate};
use invoice_chaser::domain::engine::today_queue;
use invoice_chaser::domain::model::{
    BestTime, CallOutcome, Channel, Customer, CustomerId, CustomerKind, DayPart, Event, EventId, EventKind, Instalment,
    Invoice, InvoiceId, MessageKind, PostalAddress, Settings,
};
use rust_decimal::Decimal;

const CUSTOMERS: usize = 10_000;
const INVOICES: usize = 100_000;
const EVENTS_PER_INVOICE: usize = 3;
/// Runs when no count is given on the command line.
const RUNS: usize = 5;

/// Knuth's MMIX constants; the high bits are the well-mixed ones.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    /// A number in `0..n` (`n` > 0).
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn pick<T: Copy>(&mut self, items: &[T], fallback: T) -> T {
        let at = usize::try_from(self.below(items.len() as u64)).unwrap_or(0);
        items.get(at).copied().unwrap_or(fallback)
    }
}

fn plus(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_add_days(Days::new(days)).unwrap_or(NaiveDate::MAX)
}

fn customers(rng: &mut Lcg) -> Vec<Customer> {
    (0..CUSTOMERS)
        .map(|n| {
            let mut c = Customer::new(CustomerId(format!("c{n}")), format!("Klant {n}"));
            c.kind = if rng.below(4) == 0 {
                CustomerKind::Consumer
            } else {
                CustomerKind::Business
            };
            c.preferred_channel = rng.pick(
                &[Channel::Email, Channel::Email, Channel::Sms, Channel::Phone],
                Channel::Email,
            );
            c.best_time = rng.pick(&[BestTime::Any, BestTime::Daytime, BestTime::Evening], BestTime::Any);
            c.email = format!("klant{n}@example.nl");
            c.phone = if rng.below(5) == 0 {
                String::new()
            } else {
                format!("06{n:08}")
            };
            c.address = PostalAddress {
                street: format!("Dorpsstraat {n}"),
                postcode: "1234 AB".into(),
                city: "Utrecht".into(),
                country: String::new(),
            };
            c
        })
        .collect()
}

fn invoices(rng: &mut Lcg, start: NaiveDate) -> Vec<Invoice> {
    (0..INVOICES)
        .map(|n| {
            let issue_date = plus(start, rng.below(500));
            let term = rng.pick(&[14, 30, 30, 60], 30);
            let cents = 5_000 + i64::try_from(rng.below(2_000_000)).unwrap_or(0);
            Invoice {
                id: InvoiceId(format!("i{n}")),
                number: format!("2026-{n:06}"),
                customer_id: CustomerId(format!("c{}", rng.below(CUSTOMERS as u64))),
                issue_date,
                due_date: plus(issue_date, term),
                amount: Decimal::new(cents, 2),
                currency: "EUR".into(),
                description: String::new(),
            }
        })
        .collect()
}

/// Three facts per invoice, in the order a dossier usually grows: reminders, calls, promises,
/// partial payments, now and then a dispute, a plan or a full payment.
fn events(rng: &mut Lcg, invoices: &[Invoice]) -> Vec<Event> {
    let messages = [
        MessageKind::HeadsUp,
        MessageKind::FirstReminder,
        MessageKind::SecondReminder,
        MessageKind::CallConfirmation,
        MessageKind::LastReminder,
        MessageKind::FourteenDayLetter,
    ];
    let mut all = Vec::with_capacity(invoices.len() * EVENTS_PER_INVOICE);
    for invoice in invoices {
        let mut date = invoice.due_date;
        for k in 0..EVENTS_PER_INVOICE {
            date = plus(date, 1 + rng.below(15));
            let (channel, kind) = match rng.below(20) {
                0..=8 => (
                    Channel::Email,
                    EventKind::MessageSent {
                        message: rng.pick(&messages, MessageKind::FirstReminder),
                        to: String::new(),
                        subject: String::new(),
                        body: String::new(),
                    },
                ),
                9..=12 => (
                    Channel::Phone,
                    EventKind::Call {
                        outcome: rng.pick(
                            &[CallOutcome::Reached, CallOutcome::NoAnswer, CallOutcome::Voicemail],
                            CallOutcome::NoAnswer,
                        ),
                        at: rng.pick(
                            &[DayPart::Morning, DayPart::Afternoon, DayPart::Evening],
                            DayPart::Morning,
                        ),
                        summary: String::new(),
                    },
                ),
                13 => (
                    Channel::Phone,
                    EventKind::PromiseToPay {
                        amount: invoice.amount,
                        date: plus(date, 7),
                    },
                ),
                14..=16 => (
                    Channel::Email,
                    EventKind::PaymentReceived {
                        amount: if rng.below(3) == 0 {
                            invoice.amount
                        } else {
                            Decimal::new(2_500, 2)
                        },
                        note: String::new(),
                    },
                ),
                17 => (Channel::Email, EventKind::DisputeOpened { reason: String::new() }),
                18 => (
                    Channel::Email,
                    EventKind::PaymentPlanAgreed {
                        instalments: vec![
                            Instalment {
                                date: plus(date, 30),
                                amount: invoice.amount / Decimal::TWO,
                            },
                            Instalment {
                                date: plus(date, 60),
                                amount: invoice.amount / Decimal::TWO,
                            },
                        ],
                    },
                ),
                _ => (Channel::Email, EventKind::CannotPay { note: String::new() }),
            };
            all.push(Event {
                id: EventId(format!("{}-{k}", invoice.id.0)),
                invoice_ids: vec![invoice.id.clone()],
                customer_id: invoice.customer_id.clone(),
                date,
                channel,
                kind,
            });
        }
    }
    all
}

fn millis(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let start = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap_or_default();
    let today = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap_or_default();
    let mut rng = Lcg(2026);
    let customers = customers(&mut rng);
    let invoices = invoices(&mut rng, start);
    let events = events(&mut rng, &invoices);
    let settings = Settings::default();

    let runs = std::env::args()
        .nth(1)
        .and_then(|arg| arg.parse::<usize>().ok())
        .unwrap_or(RUNS);
    let mut times = Vec::with_capacity(runs);
    let mut steps = 0;
    for _ in 0..runs {
        let began = Instant::now();
        let queue = today_queue(&invoices, &customers, &events, &settings, today);
        times.push(began.elapsed());
        steps = queue.len();
    }
    let first = times.first().copied().unwrap_or_default();
    times.sort();
    let median = times.get(runs / 2).copied().unwrap_or_default();
    let fastest = times.first().copied().unwrap_or_default();
    println!(
        "today_queue: {} invoices, {} events: {:.1} ms (steps: {steps}; median of {runs} runs, first {:.1} ms, fastest {:.1} ms)",
        invoices.len(),
        events.len(),
        millis(median),
        millis(first),
        millis(fastest),
    );
}
