//! The chasing brain: pure Rust, no browser, no clock. Every function that needs the date
//! takes `today` as an argument, and nothing here panics on user data.

pub mod aggregates;
pub mod backup;
pub mod bytes;
pub mod calendar;
pub mod claim;
pub mod contact;
pub mod csv;
pub mod customer_form;
pub mod dates;
pub mod dossier;
pub mod engine;
pub mod fold;
pub mod iban;
pub mod ics;
pub mod import;
pub mod invoice_form;
pub mod invoice_query;
pub mod legal;
pub mod links;
pub mod messages;
pub mod model;
pub mod money;
pub mod pages;
pub mod plan;
pub mod plural;
pub mod sms;
pub mod sorting;
#[cfg(test)]
mod testing;
pub(crate) mod text;
pub mod wrap;
