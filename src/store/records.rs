//! The shapes stored in IndexedDB. They change only together with `SCHEMA_VERSION` and an
//! upgrade step, never as a side effect of editing a domain type.

use serde::{Deserialize, Serialize};

use crate::domain::model::{BestTime, Channel, Customer, CustomerId, CustomerKind, Lang, PostalAddress};

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
