//! Shorthands for the domain's tests, so a test table reads as dates and amounts rather than
//! as parsing calls. Test-only: a panic here means a typo in a test's literal.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::domain::model::{Channel, CustomerId, Event, EventId, EventKind, InvoiceId};

/// A date from its year, month and day.
pub fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("a valid date in a test")
}

/// A date from its ISO form, `2026-03-31`.
pub fn iso(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("an ISO date in a test")
}

/// An amount from its plain decimal form, `1234.50`.
pub fn dec(text: &str) -> Decimal {
    text.parse().expect("a decimal amount in a test")
}

/// An event on invoice `i1` of customer `c1`, the ids the domain's single-invoice tests use.
pub fn event_on(date: NaiveDate, channel: Channel, kind: EventKind) -> Event {
    Event {
        id: EventId::from("e"),
        invoice_ids: vec![InvoiceId::from("i1")],
        customer_id: CustomerId::from("c1"),
        date,
        channel,
        kind,
    }
}
