//! Shorthands for the domain's tests, so a test table reads as dates and amounts rather than
//! as parsing calls. Test-only: a panic here means a typo in a test's literal.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::domain::model::{
    Channel, CustomerId, Event, EventId, EventKind, InvoiceId, MessageKind, PostalAddress, Settings,
};

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

/// Default settings with every business detail a draft needs (a Dutch bakery), so no draft
/// the tests read has a placeholder.
pub fn settings_with_business() -> Settings {
    let mut s = Settings::default();
    s.business.name = "Bakkerij De Gouden Korst".into();
    s.business.email = "info@goudenkorst.nl".into();
    s.business.phone = "030 123 45 67".into();
    s.business.iban = "NL91ABNA0417164300".into();
    s.business.registration_number = "12345678".into();
    s.business.address = PostalAddress {
        street: "Lange Nieuwstraat 12".into(),
        postcode: "3512 PH".into(),
        city: "Utrecht".into(),
        country: String::new(),
    };
    s
}

/// A message of `kind` as sent, with no addressee or text but what a rule reads from it: a
/// Belgian consumer's free reminder names damages, as the app writes it with the damages clause
/// on (the tables' setting), so damages may follow its term without resting on a missing text.
pub fn sent_message(message: MessageKind) -> EventKind {
    let body = match message {
        MessageKind::BelgianFirstReminder => "… een schadevergoeding van ten hoogste € 90,00 …",
        _ => "",
    };
    EventKind::MessageSent {
        message,
        to: String::new(),
        subject: String::new(),
        body: body.to_owned(),
    }
}
