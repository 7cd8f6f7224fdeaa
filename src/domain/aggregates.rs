//! Dashboard figures: what is outstanding, how late it is, how late customers pay, and which
//! customers need attention.
//!
//! Every figure is derived from invoices and their dossier events with `model::balance`, so the
//! dashboard can never disagree with an invoice's own page. Events are grouped by invoice once,
//! up front: looking through all events for every invoice would take a hundred million steps for
//! a large administration (10,000 invoices, 30,000 events), grouping takes one pass.
//!
//! Definitions:
//! - An invoice is *open* when its status is `Open` or `PartlyPaid`. A handed-over invoice is
//!   still open: the agency has not collected the money yet. Paid and written-off invoices count
//!   nothing outstanding.
//! - An open invoice is *overdue* from the day after its due date: paying on the due date is
//!   paying on time.
//! - *Days paid late* is measured per paid invoice, from the due date to the date of the payment
//!   that brought the total paid up to the invoice amount; paying on or before the due date counts
//!   as 0. The average is over all paid invoices, so it answers "how late do I get paid, on
//!   average", on-time invoices included. Invoices of zero or less are left out: they were never
//!   paid by anyone.

use std::collections::HashMap;

use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use crate::domain::model::{balance, events_by_invoice, Balance, CustomerId, Event, EventKind, Invoice, InvoiceStatus};
use crate::domain::sorting;

/// How far past its due date an open invoice is, in the classic ranges of an aging report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgingBucket {
    /// On or before the due date.
    NotDue,
    Days1To30,
    Days31To60,
    Days61To90,
    Over90,
}

impl AgingBucket {
    /// In order of lateness, as the dashboard lists them.
    pub const ALL: [AgingBucket; 5] = [
        AgingBucket::NotDue,
        AgingBucket::Days1To30,
        AgingBucket::Days31To60,
        AgingBucket::Days61To90,
        AgingBucket::Over90,
    ];

    /// The bucket for a number of days past the due date; zero or fewer is not due.
    pub fn from_days_past_due(days: i64) -> AgingBucket {
        match days {
            i64::MIN..=0 => AgingBucket::NotDue,
            1..=30 => AgingBucket::Days1To30,
            31..=60 => AgingBucket::Days31To60,
            61..=90 => AgingBucket::Days61To90,
            _ => AgingBucket::Over90,
        }
    }
}

/// What is outstanding in one aging bucket.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BucketTotal {
    pub bucket: AgingBucket,
    pub outstanding: Decimal,
    pub invoices: usize,
}

/// The headline figures of the dashboard.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Overview {
    /// Everything still to be received on open invoices.
    pub total_outstanding: Decimal,
    /// The part of `total_outstanding` that is past its due date.
    pub overdue: Decimal,
    /// One row per bucket, in the order of `AgingBucket::ALL`, empty buckets included so the
    /// dashboard always shows the same rows.
    pub buckets: [BucketTotal; 5],
    /// Average days between due date and full payment over all paid invoices, on time counting
    /// as 0, rounded to one decimal. `None` when nothing has been paid yet.
    pub average_days_paid_late: Option<Decimal>,
    pub invoices_open: usize,
}

/// The most serious state among a customer's invoices. The order of the variants is the order
/// of seriousness, which is the order of the customer list ("most attention first"): a claim
/// an agency is collecting outranks anything the user is still chasing, and among overdue
/// invoices more days late is more serious. A write-off is a loss already taken with nothing
/// left to do, so it shows only when nothing is open: a customer with a written-off invoice
/// and an invoice 200 days late must read as 200 days late.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "status")]
pub enum WorstStatus {
    /// Every invoice is paid.
    NothingOpen,
    /// Nothing is open, and an invoice was written off with money still outstanding.
    WrittenOff,
    /// Something is open, but nothing is past its due date.
    NotDue,
    /// Something is past its due date; `days` is the most days any open invoice is late.
    Overdue { days: u32 },
    /// An open invoice has been handed over to a collection agency.
    HandedOver,
}

/// One customer's line on the dashboard.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerTotal {
    pub customer_id: CustomerId,
    pub outstanding: Decimal,
    pub overdue: Decimal,
    pub open_invoices: usize,
    pub worst: WorstStatus,
}

/// Where one invoice stands today, folded from its own events.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Standing {
    Open {
        outstanding: Decimal,
        days_past_due: i64,
        handed_over: bool,
    },
    /// Paid in full; `days_late` is `None` for an invoice of zero or less, which no payment
    /// completed.
    Paid {
        days_late: Option<i64>,
    },
    WrittenOff,
}

impl Standing {
    fn worst(&self) -> WorstStatus {
        match *self {
            Standing::Paid { .. } => WorstStatus::NothingOpen,
            Standing::WrittenOff => WorstStatus::WrittenOff,
            Standing::Open { handed_over: true, .. } => WorstStatus::HandedOver,
            Standing::Open { days_past_due, .. } if days_past_due <= 0 => WorstStatus::NotDue,
            Standing::Open { days_past_due, .. } => WorstStatus::Overdue {
                days: u32::try_from(days_past_due).unwrap_or(u32::MAX),
            },
        }
    }

    /// Outstanding and overdue amounts; both zero for a closed invoice.
    fn amounts(&self) -> (Decimal, Decimal) {
        match *self {
            Standing::Open {
                outstanding,
                days_past_due,
                ..
            } => (outstanding, if days_past_due > 0 { outstanding } else { Decimal::ZERO }),
            Standing::Paid { .. } | Standing::WrittenOff => (Decimal::ZERO, Decimal::ZERO),
        }
    }
}

/// The date of the payment that brought the total paid up to the invoice amount for good.
/// Payments are taken in date order; payments logged for the same day keep their log order. A
/// refund reopens the invoice, so the day follows the balance as the engine's fold does.
fn completed_on(invoice: &Invoice, events: &[&Event]) -> Option<NaiveDate> {
    let mut payments: Vec<(NaiveDate, Decimal)> = events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::PaymentReceived { amount, .. } => Some((e.date, *amount)),
            _ => None,
        })
        .collect();
    sorting::sort_by_key(&mut payments, |&(date, _)| date);
    let mut paid = Decimal::ZERO;
    let mut on = None;
    for (date, amount) in payments {
        paid = paid.saturating_add(amount);
        on = if paid >= invoice.amount {
            on.or(Some(date))
        } else {
            None
        };
    }
    on
}

fn standing(invoice: &Invoice, events: &[&Event], today: NaiveDate) -> Standing {
    let balance = balance(invoice, events.iter().copied());
    match balance.status {
        InvoiceStatus::Open | InvoiceStatus::PartlyPaid => Standing::Open {
            outstanding: balance.outstanding,
            days_past_due: today.signed_duration_since(invoice.due_date).num_days(),
            handed_over: events.iter().any(|e| matches!(e.kind, EventKind::HandedOver { .. })),
        },
        InvoiceStatus::Paid => Standing::Paid {
            days_late: (invoice.amount > Decimal::ZERO)
                .then(|| completed_on(invoice, events))
                .flatten()
                .map(|paid_on| paid_on.signed_duration_since(invoice.due_date).num_days().max(0)),
        },
        InvoiceStatus::WrittenOff => Standing::WrittenOff,
    }
}

/// Every invoice with its standing, after one pass over the events.
fn standings<'a>(
    invoices: &'a [Invoice],
    events: &'a [Event],
    today: NaiveDate,
) -> impl Iterator<Item = (&'a Invoice, Standing)> + 'a {
    let index = events_by_invoice(events);
    invoices.iter().map(move |invoice| {
        let own = index.get(&invoice.id).map(Vec::as_slice).unwrap_or(&[]);
        (invoice, standing(invoice, own, today))
    })
}

/// Each invoice with its balance, oldest due date first and then by number: the order every
/// list of invoices uses, so what needs attention comes first. The dossier is grouped once,
/// so this stays linear however many invoices there are.
pub fn invoices_by_due_date<'a>(
    invoices: impl IntoIterator<Item = &'a Invoice>,
    events: &[Event],
) -> Vec<(&'a Invoice, Balance)> {
    let by_invoice = events_by_invoice(events);
    let mut rows: Vec<(&Invoice, Balance)> = invoices
        .into_iter()
        .map(|invoice| {
            (
                invoice,
                balance(invoice, by_invoice.get(&invoice.id).into_iter().flatten().copied()),
            )
        })
        .collect();
    sorting::sort_by(&mut rows, |(a, _), (b, _)| {
        a.due_date.cmp(&b.due_date).then_with(|| a.number.cmp(&b.number))
    });
    rows
}

/// The dashboard's headline figures at `today`.
pub fn overview(invoices: &[Invoice], events: &[Event], today: NaiveDate) -> Overview {
    let mut buckets = AgingBucket::ALL.map(|bucket| BucketTotal {
        bucket,
        outstanding: Decimal::ZERO,
        invoices: 0,
    });
    let mut total_outstanding = Decimal::ZERO;
    let mut overdue = Decimal::ZERO;
    let mut invoices_open = 0;
    let mut late_days_sum: i64 = 0;
    let mut paid_count: i64 = 0;

    for (_, standing) in standings(invoices, events, today) {
        match standing {
            Standing::Open {
                outstanding,
                days_past_due,
                ..
            } => {
                invoices_open += 1;
                total_outstanding = total_outstanding.saturating_add(outstanding);
                if days_past_due > 0 {
                    overdue = overdue.saturating_add(outstanding);
                }
                let bucket = AgingBucket::from_days_past_due(days_past_due);
                if let Some(row) = buckets.iter_mut().find(|row| row.bucket == bucket) {
                    row.outstanding = row.outstanding.saturating_add(outstanding);
                    row.invoices += 1;
                }
            }
            Standing::Paid { days_late: Some(days) } => {
                late_days_sum = late_days_sum.saturating_add(days);
                paid_count += 1;
            }
            Standing::Paid { days_late: None } | Standing::WrittenOff => {}
        }
    }

    Overview {
        total_outstanding,
        overdue,
        buckets,
        average_days_paid_late: average(late_days_sum, paid_count),
        invoices_open,
    }
}

/// A whole-day total divided by a count, rounded half away from zero to one decimal.
fn average(sum: i64, count: i64) -> Option<Decimal> {
    Decimal::from(sum)
        .checked_div(Decimal::from(count))
        .map(|avg| avg.round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero))
}

/// One line per customer that has invoices, most serious first: by worst status, then overdue
/// amount, then outstanding amount (largest first), then customer id so the order is stable.
pub fn customer_totals(invoices: &[Invoice], events: &[Event], today: NaiveDate) -> Vec<CustomerTotal> {
    let mut totals: HashMap<&CustomerId, CustomerTotal> = HashMap::new();
    for (invoice, standing) in standings(invoices, events, today) {
        let line = totals.entry(&invoice.customer_id).or_insert_with(|| CustomerTotal {
            customer_id: invoice.customer_id.clone(),
            outstanding: Decimal::ZERO,
            overdue: Decimal::ZERO,
            open_invoices: 0,
            worst: WorstStatus::NothingOpen,
        });
        let (outstanding, overdue) = standing.amounts();
        line.outstanding = line.outstanding.saturating_add(outstanding);
        line.overdue = line.overdue.saturating_add(overdue);
        if matches!(standing, Standing::Open { .. }) {
            line.open_invoices += 1;
        }
        line.worst = line.worst.max(standing.worst());
    }
    let mut lines: Vec<CustomerTotal> = totals.into_values().collect();
    sorting::sort_by(&mut lines, |a, b| {
        b.worst
            .cmp(&a.worst)
            .then(b.overdue.cmp(&a.overdue))
            .then(b.outstanding.cmp(&a.outstanding))
            .then(a.customer_id.cmp(&b.customer_id))
    });
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::{Channel, EventId, InvoiceId};
    use crate::domain::testing::{dec, iso as date};
    use proptest::prelude::*;

    /// An invoice "id" of customer "cust", due on `due`, for `amount`.
    fn inv(id: &str, cust: &str, due: &str, amount: &str) -> Invoice {
        Invoice {
            id: InvoiceId::from(id),
            number: id.to_owned(),
            customer_id: CustomerId::from(cust),
            issue_date: date(due) - chrono::Days::new(30),
            due_date: date(due),
            amount: dec(amount),
            currency: "EUR".into(),
            description: String::new(),
        }
    }

    fn event(ids: &[&str], on: &str, kind: EventKind) -> Event {
        Event {
            id: EventId::from("e"),
            invoice_ids: ids.iter().map(|&id| InvoiceId::from(id)).collect(),
            customer_id: CustomerId::from("c"),
            date: date(on),
            channel: Channel::Email,
            kind,
        }
    }

    fn pay(id: &str, on: &str, amount: &str) -> Event {
        let kind = EventKind::PaymentReceived {
            amount: dec(amount),
            note: String::new(),
        };
        event(&[id], on, kind)
    }

    fn write_off(id: &str, on: &str) -> Event {
        event(&[id], on, EventKind::WrittenOff { reason: "gone".into() })
    }

    fn hand_over(id: &str, on: &str) -> Event {
        event(
            &[id],
            on,
            EventKind::HandedOver {
                agency: "agency".into(),
            },
        )
    }

    const TODAY: &str = "2026-06-30";

    #[test]
    fn buckets_follow_days_past_due() {
        use AgingBucket::*;
        let cases = [
            (i64::MIN, NotDue),
            (-5, NotDue),
            (0, NotDue),
            (1, Days1To30),
            (30, Days1To30),
            (31, Days31To60),
            (60, Days31To60),
            (61, Days61To90),
            (90, Days61To90),
            (91, Over90),
            (i64::MAX, Over90),
        ];
        for (days, bucket) in cases {
            assert_eq!(AgingBucket::from_days_past_due(days), bucket, "{days}");
        }
    }

    /// Expected overview as (total outstanding, overdue, invoices open, average days late,
    /// outstanding per bucket in the order of `AgingBucket::ALL`).
    type Expected<'a> = (&'a str, &'a str, usize, Option<&'a str>, [&'a str; 5]);

    #[test]
    fn overview_figures() {
        let z = "0";
        let cases: Vec<(&str, Vec<Invoice>, Vec<Event>, Expected)> = vec![
            ("nothing at all", vec![], vec![], (z, z, 0, None, [z; 5])),
            (
                "open, due today: not overdue",
                vec![inv("a", "c", "2026-06-30", "100")],
                vec![],
                ("100", z, 1, None, ["100", z, z, z, z]),
            ),
            (
                "open, one day late",
                vec![inv("a", "c", "2026-06-29", "100")],
                vec![],
                ("100", "100", 1, None, [z, "100", z, z, z]),
            ),
            (
                "partly paid, 45 days late",
                vec![inv("a", "c", "2026-05-16", "100")],
                vec![pay("a", "2026-06-01", "40")],
                ("60", "60", 1, None, [z, z, "60", z, z]),
            ),
            (
                "61 and 91 days late",
                vec![inv("a", "c", "2026-04-30", "10"), inv("b", "c", "2026-03-31", "20")],
                vec![],
                ("30", "30", 2, None, [z, z, z, "10", "20"]),
            ),
            (
                "written off counts nothing",
                vec![inv("a", "c", "2026-01-01", "100")],
                vec![pay("a", "2026-02-01", "30"), write_off("a", "2026-03-01")],
                (z, z, 0, None, [z; 5]),
            ),
            (
                "handed over still counts as outstanding",
                vec![inv("a", "c", "2026-01-01", "100")],
                vec![hand_over("a", "2026-03-01")],
                ("100", "100", 1, None, [z, z, z, z, "100"]),
            ),
            (
                "paid early counts as on time",
                vec![inv("a", "c", "2026-03-31", "100")],
                vec![pay("a", "2026-03-01", "100")],
                (z, z, 0, Some("0"), [z; 5]),
            ),
            (
                "paid on the due date is on time, 10 days late is 10",
                vec![inv("a", "c", "2026-03-31", "100"), inv("b", "c", "2026-03-31", "100")],
                vec![pay("a", "2026-03-31", "100"), pay("b", "2026-04-10", "100")],
                (z, z, 0, Some("5"), [z; 5]),
            ),
            (
                "the completing payment counts, not the first",
                vec![inv("a", "c", "2026-03-31", "100")],
                vec![pay("a", "2026-04-03", "60"), pay("a", "2026-03-20", "40")],
                (z, z, 0, Some("3"), [z; 5]),
            ),
            (
                "an overpayment completes on the day it crosses the amount",
                vec![inv("a", "c", "2026-03-31", "100")],
                vec![pay("a", "2026-04-02", "150"), pay("a", "2026-04-20", "10")],
                (z, z, 0, Some("2"), [z; 5]),
            ),
            (
                "a refund reopens the invoice: the payment that settles it again counts",
                vec![inv("a", "c", "2026-03-31", "100")],
                vec![
                    pay("a", "2026-03-31", "100"),
                    pay("a", "2026-04-05", "-100"),
                    pay("a", "2026-04-10", "100"),
                ],
                (z, z, 0, Some("10"), [z; 5]),
            ),
            (
                "average rounds to one decimal: 1/3",
                vec![
                    inv("a", "c", "2026-03-31", "1"),
                    inv("b", "c", "2026-03-31", "1"),
                    inv("c", "c", "2026-03-31", "1"),
                ],
                vec![
                    pay("a", "2026-04-01", "1"),
                    pay("b", "2026-03-31", "1"),
                    pay("c", "2026-03-31", "1"),
                ],
                (z, z, 0, Some("0.3"), [z; 5]),
            ),
            (
                "average rounds to one decimal: 2/3",
                vec![
                    inv("a", "c", "2026-03-31", "1"),
                    inv("b", "c", "2026-03-31", "1"),
                    inv("c", "c", "2026-03-31", "1"),
                ],
                vec![
                    pay("a", "2026-04-01", "1"),
                    pay("b", "2026-04-01", "1"),
                    pay("c", "2026-03-31", "1"),
                ],
                (z, z, 0, Some("0.7"), [z; 5]),
            ),
            (
                "a zero invoice is paid but not part of the average",
                vec![inv("a", "c", "2026-03-31", "0")],
                vec![],
                (z, z, 0, None, [z; 5]),
            ),
            (
                "events of unknown invoices are ignored",
                vec![inv("a", "c", "2026-07-31", "100")],
                vec![pay("zzz", "2026-04-01", "100")],
                ("100", z, 1, None, ["100", z, z, z, z]),
            ),
            (
                "an event naming an invoice twice counts once",
                vec![inv("a", "c", "2026-07-31", "100")],
                vec![event(
                    &["a", "a"],
                    "2026-04-01",
                    EventKind::PaymentReceived {
                        amount: dec("30"),
                        note: String::new(),
                    },
                )],
                ("70", z, 1, None, ["70", z, z, z, z]),
            ),
        ];
        for (name, invoices, events, (total, overdue, open, average, buckets)) in cases {
            let got = overview(&invoices, &events, date(TODAY));
            assert_eq!(got.total_outstanding, dec(total), "{name}: total");
            assert_eq!(got.overdue, dec(overdue), "{name}: overdue");
            assert_eq!(got.invoices_open, open, "{name}: open");
            assert_eq!(got.average_days_paid_late, average.map(dec), "{name}: average");
            let bucket_amounts: Vec<Decimal> = got.buckets.iter().map(|b| b.outstanding).collect();
            assert_eq!(bucket_amounts, buckets.map(dec).to_vec(), "{name}: buckets");
            let rows: Vec<AgingBucket> = got.buckets.iter().map(|b| b.bucket).collect();
            assert_eq!(rows, AgingBucket::ALL.to_vec(), "{name}: bucket order");
            let counted: usize = got.buckets.iter().map(|b| b.invoices).sum();
            assert_eq!(counted, open, "{name}: bucket counts");
        }
    }

    #[test]
    fn worst_status_ordering() {
        use WorstStatus::*;
        let ascending = [
            NothingOpen,
            WrittenOff,
            NotDue,
            Overdue { days: 1 },
            Overdue { days: 200 },
            HandedOver,
        ];
        for pair in ascending.windows(2) {
            assert!(pair[0] < pair[1], "{pair:?}");
        }
    }

    #[test]
    fn customer_lines() {
        use WorstStatus::*;
        let invoices = vec![
            inv("paid", "all-paid", "2026-03-31", "100"),
            inv("future", "not-due", "2026-07-31", "50"),
            inv("late10", "late", "2026-06-20", "70"),
            inv("late40", "late", "2026-05-21", "30"),
            inv("soon", "late", "2026-07-10", "5"),
            inv("gone", "lost", "2026-01-01", "80"),
            inv("fine", "lost", "2026-07-31", "20"),
            inv("lost-only", "lost-only", "2026-01-01", "60"),
            inv("paid-too", "lost-only", "2026-01-01", "40"),
            inv("agency", "collected", "2026-01-01", "90"),
            inv("late1", "late-small", "2026-06-29", "10"),
        ];
        let events = vec![
            pay("paid", "2026-03-30", "100"),
            pay("late10", "2026-06-25", "20"),
            write_off("gone", "2026-05-01"),
            write_off("lost-only", "2026-05-01"),
            pay("paid-too", "2026-02-01", "40"),
            hand_over("agency", "2026-04-01"),
        ];
        // (customer, outstanding, overdue, open invoices, worst), in the expected order.
        // A write-off hides behind anything still open: "lost" is not yet due on its other
        // invoice, and "lost-only", with nothing open, ranks just above all paid.
        let expected = [
            ("collected", "90", "90", 1, HandedOver),
            ("late", "85", "80", 3, Overdue { days: 40 }),
            ("late-small", "10", "10", 1, Overdue { days: 1 }),
            ("not-due", "50", "0", 1, NotDue),
            ("lost", "20", "0", 1, NotDue),
            ("lost-only", "0", "0", 0, WrittenOff),
            ("all-paid", "0", "0", 0, NothingOpen),
        ];
        let got = customer_totals(&invoices, &events, date(TODAY));
        let got: Vec<_> = got
            .iter()
            .map(|t| {
                (
                    t.customer_id.as_str(),
                    t.outstanding,
                    t.overdue,
                    t.open_invoices,
                    t.worst,
                )
            })
            .collect();
        let expected: Vec<_> = expected
            .iter()
            .map(|&(c, out, over, open, worst)| (c, dec(out), dec(over), open, worst))
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn customers_without_invoices_get_no_line() {
        assert!(customer_totals(&[], &[pay("a", "2026-01-01", "10")], date(TODAY)).is_empty());
    }

    #[test]
    fn huge_amounts_saturate_instead_of_panicking() {
        let invoices = vec![
            Invoice {
                amount: Decimal::MAX,
                ..inv("a", "c", "2026-01-01", "0")
            },
            Invoice {
                amount: Decimal::MAX,
                ..inv("b", "c", "2026-01-01", "0")
            },
        ];
        let got = overview(&invoices, &[], date(TODAY));
        assert_eq!(got.total_outstanding, Decimal::MAX);
        let lines = customer_totals(&invoices, &[], date(TODAY));
        assert_eq!(lines.first().map(|l| l.outstanding), Some(Decimal::MAX));
    }

    #[test]
    fn extreme_dates_do_not_panic() {
        let invoices = vec![
            Invoice {
                due_date: NaiveDate::MIN,
                ..inv("a", "c", "2026-01-01", "10")
            },
            Invoice {
                due_date: NaiveDate::MAX,
                ..inv("b", "c", "2026-01-01", "10")
            },
        ];
        let events = vec![Event {
            date: NaiveDate::MAX,
            ..pay("a", "2026-01-01", "10")
        }];
        for today in [NaiveDate::MIN, NaiveDate::MAX] {
            let _ = overview(&invoices, &events, today);
            let _ = customer_totals(&invoices, &events, today);
        }
    }

    /// A large administration: 10,000 invoices over 500 customers and 30,000 events. Every
    /// third invoice is paid in full in two parts (the second 5 days late), every third is
    /// partly paid, and every third only has a reminder and a note.
    fn large_administration() -> (Vec<Invoice>, Vec<Event>) {
        let mut invoices = Vec::new();
        let mut events = Vec::new();
        let due = date("2026-05-31");
        for i in 0..10_000 {
            let id = format!("inv-{i}");
            invoices.push(Invoice {
                id: InvoiceId(id.clone()),
                customer_id: CustomerId(format!("cust-{}", i % 500)),
                ..inv("x", "x", "2026-05-31", "100")
            });
            let on = |days: u64| due.checked_add_days(chrono::Days::new(days)).unwrap();
            let mut push = |date: NaiveDate, kind: EventKind| {
                events.push(Event {
                    id: EventId(format!("ev-{}", events.len())),
                    invoice_ids: vec![InvoiceId(id.clone())],
                    customer_id: CustomerId::from("x"),
                    date,
                    channel: Channel::Email,
                    kind,
                });
            };
            let payment = |amount: i64| EventKind::PaymentReceived {
                amount: Decimal::from(amount),
                note: String::new(),
            };
            match i % 3 {
                0 => {
                    push(on(1), payment(50));
                    push(on(5), payment(50));
                    push(on(6), EventKind::Note { text: "thanks".into() });
                }
                1 => {
                    push(on(1), payment(40));
                    push(
                        on(2),
                        EventKind::Note {
                            text: "rest later".into(),
                        },
                    );
                    push(on(3), EventKind::Note { text: "called".into() });
                }
                _ => {
                    push(
                        on(1),
                        EventKind::Note {
                            text: "reminder".into(),
                        },
                    );
                    push(
                        on(2),
                        EventKind::Note {
                            text: "no answer".into(),
                        },
                    );
                    push(on(3), EventKind::Note { text: "called".into() });
                }
            }
        }
        (invoices, events)
    }

    #[test]
    fn invoices_are_listed_oldest_due_first_with_their_balance() {
        let mut a = inv("a", "c1", "2026-03-01", "100");
        a.number = "B".into();
        let mut b = inv("b", "c1", "2026-01-01", "50");
        b.number = "C".into();
        let mut c = inv("c", "c1", "2026-03-01", "80");
        c.number = "A".into();
        let events = vec![pay("a", "2026-03-02", "40")];
        let invoices = [a, b, c];
        let rows = invoices_by_due_date(&invoices, &events);
        let got: Vec<(&str, Decimal)> = rows
            .iter()
            .map(|(i, bal)| (i.number.as_str(), bal.outstanding))
            .collect();
        assert_eq!(
            got,
            vec![
                ("C", Decimal::from(50)),
                ("A", Decimal::from(80)),
                ("B", Decimal::from(60))
            ]
        );
    }

    #[test]
    fn large_administration_adds_up() {
        let (invoices, events) = large_administration();
        assert_eq!((invoices.len(), events.len()), (10_000, 30_000));
        let got = overview(&invoices, &events, date(TODAY));
        let lines = customer_totals(&invoices, &events, date(TODAY));

        // 3,333 invoices open with 60 each, 3,333 with 100 each, all 30 days late.
        let open = 3_333 + 3_333;
        let outstanding = Decimal::from(3_333 * 60 + 3_333 * 100);
        assert_eq!(got.invoices_open, open);
        assert_eq!(got.total_outstanding, outstanding);
        assert_eq!(got.overdue, outstanding);
        assert_eq!(got.average_days_paid_late, Some(dec("5.0")));
        let days_1_to_30 = got.buckets.iter().find(|b| b.bucket == AgingBucket::Days1To30);
        assert_eq!(days_1_to_30.map(|b| b.invoices), Some(open));
        assert_eq!(lines.len(), 500);
        let summed = lines.iter().fold(Decimal::ZERO, |sum, l| sum + l.outstanding);
        assert_eq!(summed, outstanding);
    }

    /// Small random administrations, to compare with the plain reading of the model.
    fn administration() -> impl Strategy<Value = (Vec<Invoice>, Vec<Event>, NaiveDate)> {
        let invoice = (0..4u8, -100..100i64, 0..10_000i64);
        let event = (0..8usize, 0..8usize, -50..150i64, 0..4u8, 0..20_000i64);
        (
            prop::collection::vec(invoice, 0..8),
            prop::collection::vec(event, 0..20),
            -200..200i64,
        )
            .prop_map(|(specs, event_specs, today_offset)| {
                let base = date("2026-01-01");
                let shift = |days: i64| base + chrono::Duration::days(days);
                let invoices: Vec<Invoice> = specs
                    .iter()
                    .enumerate()
                    .map(|(i, &(cust, due_offset, cents))| Invoice {
                        id: InvoiceId(format!("i{i}")),
                        customer_id: CustomerId(format!("c{cust}")),
                        due_date: shift(due_offset),
                        amount: Decimal::new(cents, 2),
                        ..inv("x", "x", "2026-01-01", "0")
                    })
                    .collect();
                let events: Vec<Event> = event_specs
                    .iter()
                    .map(|&(a, b, day, kind, cents)| Event {
                        id: EventId::from("e"),
                        invoice_ids: vec![InvoiceId(format!("i{a}")), InvoiceId(format!("i{b}"))],
                        customer_id: CustomerId::from("c"),
                        date: shift(day),
                        channel: Channel::Email,
                        kind: match kind {
                            0 | 1 => EventKind::PaymentReceived {
                                amount: Decimal::new(cents, 2),
                                note: String::new(),
                            },
                            2 => EventKind::WrittenOff { reason: String::new() },
                            _ => EventKind::HandedOver { agency: String::new() },
                        },
                    })
                    .collect();
                (invoices, events, shift(today_offset))
            })
    }

    proptest! {
        #[test]
        fn figures_agree_with_the_model((invoices, events, today) in administration()) {
            let got = overview(&invoices, &events, today);
            let lines = customer_totals(&invoices, &events, today);

            let open: Vec<_> = invoices
                .iter()
                .map(|i| (i, balance(i, &events)))
                .filter(|(_, b)| matches!(b.status, InvoiceStatus::Open | InvoiceStatus::PartlyPaid))
                .collect();
            let total: Decimal = open.iter().map(|(_, b)| b.outstanding).sum();
            let overdue: Decimal = open.iter().filter(|(i, _)| i.due_date < today).map(|(_, b)| b.outstanding).sum();

            prop_assert_eq!(got.invoices_open, open.len());
            prop_assert_eq!(got.total_outstanding, total);
            prop_assert_eq!(got.overdue, overdue);
            let bucket_sum: Decimal = got.buckets.iter().map(|b| b.outstanding).sum();
            prop_assert_eq!(bucket_sum, total);
            let line_sum: Decimal = lines.iter().map(|l| l.outstanding).sum();
            prop_assert_eq!(line_sum, total);
            let line_overdue: Decimal = lines.iter().map(|l| l.overdue).sum();
            prop_assert_eq!(line_overdue, overdue);
            let line_open: usize = lines.iter().map(|l| l.open_invoices).sum();
            prop_assert_eq!(line_open, open.len());
            if let Some(avg) = got.average_days_paid_late {
                prop_assert!(avg >= Decimal::ZERO);
            }
            for pair in lines.windows(2) {
                prop_assert!(pair[0].worst >= pair[1].worst);
            }
        }
    }
}
