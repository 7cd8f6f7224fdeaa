//! The shapes stored in IndexedDB. They change only together with `SCHEMA_VERSION` and an
//! upgrade step, never as a side effect of editing a domain type.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::domain::model::{
    BestTime, Channel, Customer, CustomerId, CustomerKind, Event, EventId, EventKind, Invoice, InvoiceId, Lang,
    PostalAddress,
};

/// A customer as stored since schema version 1. Enums are stored as their serde names, text
/// as text: readable in the browser's developer tools and stable across builds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CustomerRecord {
    pub id: String,
    pub name: String,
    pub kind: CustomerKind,
    pub contact_person: String,
    pub email: String,
    pub phone: String,
    pub street: String,
    pub postcode: String,
    pub city: String,
    pub country: String,
    pub language: Lang,
    pub preferred_channel: Channel,
    pub best_time: BestTime,
    pub paused: Option<String>,
    pub notes: String,
}

impl From<&Customer> for CustomerRecord {
    fn from(c: &Customer) -> Self {
        CustomerRecord {
            id: c.id.0.clone(),
            name: c.name.clone(),
            kind: c.kind,
            contact_person: c.contact_person.clone(),
            email: c.email.clone(),
            phone: c.phone.clone(),
            street: c.address.street.clone(),
            postcode: c.address.postcode.clone(),
            city: c.address.city.clone(),
            country: c.address.country.clone(),
            language: c.language,
            preferred_channel: c.preferred_channel,
            best_time: c.best_time,
            paused: c.paused.clone(),
            notes: c.notes.clone(),
        }
    }
}

impl From<CustomerRecord> for Customer {
    fn from(r: CustomerRecord) -> Self {
        Customer {
            id: CustomerId(r.id),
            name: r.name,
            kind: r.kind,
            contact_person: r.contact_person,
            email: r.email,
            phone: r.phone,
            address: PostalAddress {
                street: r.street,
                postcode: r.postcode,
                city: r.city,
                country: r.country,
            },
            language: r.language,
            preferred_channel: r.preferred_channel,
            best_time: r.best_time,
            paused: r.paused,
            notes: r.notes,
        }
    }
}

/// An invoice as stored since schema version 1. `customer_id` and `due_date` are top-level
/// fields because the `by_customer` and `by_due_date` indexes read them. Amounts are decimal
/// strings and dates ISO strings (the serde forms of `Decimal` and `NaiveDate`), so nothing
/// is ever a float in the database.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InvoiceRecord {
    pub id: String,
    pub number: String,
    pub customer_id: String,
    #[serde(deserialize_with = "crate::domain::dates::deserialize_iso")]
    pub issue_date: NaiveDate,
    #[serde(deserialize_with = "crate::domain::dates::deserialize_iso")]
    pub due_date: NaiveDate,
    pub amount: Decimal,
    pub currency: String,
    pub description: String,
}

impl From<&Invoice> for InvoiceRecord {
    fn from(i: &Invoice) -> Self {
        InvoiceRecord {
            id: i.id.0.clone(),
            number: i.number.clone(),
            customer_id: i.customer_id.0.clone(),
            issue_date: i.issue_date,
            due_date: i.due_date,
            amount: i.amount,
            currency: i.currency.clone(),
            description: i.description.clone(),
        }
    }
}

impl From<InvoiceRecord> for Invoice {
    fn from(r: InvoiceRecord) -> Self {
        Invoice {
            id: InvoiceId(r.id),
            number: r.number,
            customer_id: CustomerId(r.customer_id),
            issue_date: r.issue_date,
            due_date: r.due_date,
            amount: r.amount,
            currency: r.currency,
            description: r.description,
        }
    }
}

/// A dossier event as stored since schema version 1. `invoice_ids` feeds the multi-entry
/// `by_invoice` index. The event's payload keeps the serde shape of `EventKind` (a `type`
/// tag plus fields); a native test of every kind (`model.rs`) and the schema fixture in
/// `tests/fixtures` pin that shape, so a renamed variant fails a test instead of orphaning
/// stored events.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventRecord {
    pub id: String,
    pub invoice_ids: Vec<String>,
    pub customer_id: String,
    #[serde(deserialize_with = "crate::domain::dates::deserialize_iso")]
    pub date: NaiveDate,
    pub channel: Channel,
    pub kind: EventKind,
}

impl From<&Event> for EventRecord {
    fn from(e: &Event) -> Self {
        EventRecord {
            id: e.id.0.clone(),
            invoice_ids: e.invoice_ids.iter().map(|i| i.0.clone()).collect(),
            customer_id: e.customer_id.0.clone(),
            date: e.date,
            channel: e.channel,
            kind: e.kind.clone(),
        }
    }
}

impl From<EventRecord> for Event {
    fn from(r: EventRecord) -> Self {
        Event {
            id: EventId(r.id),
            invoice_ids: r.invoice_ids.into_iter().map(InvoiceId).collect(),
            customer_id: CustomerId(r.customer_id),
            date: r.date,
            channel: r.channel,
            kind: r.kind,
        }
    }
}
