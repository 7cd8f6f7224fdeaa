//! The backup file: the user's whole administration (settings, customers, invoices and the
//! dossier) as one JSON file, and reading it back.
//!
//! # Why a format of its own
//!
//! The file is written from private record types (`BackupFileV1`, `CustomerV1`, ...) and never
//! from the domain types directly. A field renamed or added in `model.rs` therefore cannot
//! change what a backup looks like; only an edit in this module can, and the snapshot test of
//! an exported file shows it. Amounts are strings such as `"1234.56"`, because a JSON number is
//! a float to most readers and a float cannot hold every cent. Dates are `"YYYY-MM-DD"`; a year
//! outside 0..=9999 (the domain saturates absurd terms at the last representable date) is
//! written in ISO 8601's expanded form, such as `"+262142-12-31"`, so that every date the app
//! can hold survives a round trip.
//!
//! # Versions
//!
//! `format_version` says which record types wrote the file. `parse` reads every version from
//! `OLDEST_READABLE_VERSION` up to `FORMAT_VERSION` by a ladder: each version has its own
//! reader, and an older version's records are converted one rung up at a time until they are
//! current records, which alone are turned into domain types. Version 2 only added one setting,
//! `consumer_damages_clause`: the records carry it, and a version-1 file, which cannot have it,
//! reads it as off (`read_settings`). That is the whole rung. A change to the records beyond
//! such an addition would add `BackupFileV3` and its reader, a `fn upgrade_v2(BackupFileV1) ->
//! BackupFileV3`, and a `3 =>` arm in `parse`. A file from a newer app is refused with a
//! request to update the app first; it is never read half.
//!
//! # What `parse` checks, and in which order
//!
//! Nothing is imported until the whole file has been checked. The checks run in passes, and
//! the first problem found is reported, with the record (its position in the file, its id, and
//! its name, number or date) and the field:
//!
//! 1. The text: not empty, valid JSON, not cut off, no field named twice in one block.
//! 2. The kind of file: a JSON object marked `"format": "factuurwacht-backup"`, of a version
//!    this app reads.
//! 3. The shape: every field present with the right JSON type, and no unknown field. An
//!    unknown field is refused rather than skipped, because skipping it would drop data
//!    without anyone noticing.
//! 4. The values: amounts, dates and choices such as a channel or a message kind, and the
//!    pay-by term of 5 to 14 days.
//! 5. The fit: unique ids, unique invoice numbers, no negative invoice amount, and every
//!    invoice and dossier entry pointing at records that exist and belong together.
//!
//! One precise reason is more use to a sole trader than a list: a damaged backup cannot be
//! repaired by hand, and the reason is what tells them to pick another file, update the app or
//! ask for help. The checks are never stricter than the domain itself: refusing a backup the
//! app wrote would lose data as surely as a broken file. `validate` runs pass 5 on any dataset,
//! so the interface can warn before exporting data that would not import.
//!
//! # Importing
//!
//! `apply` replaces or merges. A merge goes by id: a customer or invoice in the file replaces
//! the one with the same id, records only in the current data are kept, and dossier entries
//! are only ever added, because the dossier is append-only. The current settings are kept in a
//! merge (they describe how this device chases now, and an older file should not quietly
//! change that), unless they were never changed from the defaults: then the file's come along.
//! A replace restores the file's settings too. The merged data must pass `validate`, or
//! nothing changes.

// A refusal carries the records it names, which makes `BackupError` larger than clippy likes in
// a `Result`. It is returned at most once per import, so boxing it would buy nothing but noise.
#![allow(clippy::result_large_err)]

use std::cell::Cell;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::hash::Hash;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::de::{DeserializeSeed, Deserializer, Error as _, MapAccess, SeqAccess, Visitor};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::domain::dates::{format_date, iso_text, parse_iso_text};
use crate::domain::invoice_form::number_key;
use crate::domain::legal::{InterestRates, RatePeriod};
use crate::domain::model::{
    balance, events_by_invoice, BestTime, BusinessDetails, CallOutcome, Channel, CollectionAgency, Customer,
    CustomerId, CustomerKind, DayPart, Event, EventId, EventKind, Instalment, Invoice, InvoiceId, InvoiceStatus,
    Jurisdiction, Lang, MessageKind, PayByDays, PostalAddress, Schedule, Settings,
};
use crate::domain::{import, plural, sorting};

/// The name every backup carries in its `format` field, so another app's JSON is recognised.
pub const FORMAT_NAME: &str = "factuurwacht-backup";

/// The version `export` writes and the newest `parse` reads.
pub const FORMAT_VERSION: u32 = 2;

/// The oldest version `parse` still reads through the upgrade ladder.
pub const OLDEST_READABLE_VERSION: u32 = 1;

/// The most characters of a name, id or value from the file that a message repeats; a whole
/// pasted letter in a name field would otherwise bury the message.
const MAX_SHOWN_CHARS: usize = 60;

// ----------------------------------------------------------------------------------------------
// Public types

/// Everything the app keeps: what one backup file holds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Dataset {
    pub settings: Settings,
    pub customers: Vec<Customer>,
    pub invoices: Vec<Invoice>,
    pub events: Vec<Event>,
}

/// A checked backup file: its data, and what the file says about itself.
#[derive(Clone, Debug, PartialEq)]
pub struct Backup {
    /// The version the file was written in; the data has already been upgraded to current.
    pub format_version: u32,
    /// The app version that wrote the file, as the file states it.
    pub app_version: String,
    /// When the file was written, as the exporting app stated it (ISO 8601); shown, never parsed.
    pub exported_at: String,
    pub data: Dataset,
}

/// What a backup holds, for the confirmation screen before importing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Preview {
    pub format_version: u32,
    pub app_version: String,
    pub exported_at: String,
    pub customers: usize,
    pub invoices: usize,
    pub events: usize,
    /// Invoices still to be collected: open or partly paid (not paid, not written off).
    pub open_invoices: usize,
    /// The sum still outstanding on those invoices, whatever their currency.
    pub outstanding: Decimal,
    pub earliest_invoice_date: Option<NaiveDate>,
    pub latest_invoice_date: Option<NaiveDate>,
}

/// How an imported backup meets the data already in the browser.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ImportMode {
    /// The file's data, settings included, takes the place of everything.
    Replace,
    /// The file's records are added or update records with the same id; the rest stays.
    Merge,
}

/// What importing does to one kind of record, for a sentence such as "adds 12 invoices,
/// updates 3".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Changes {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Only a replace removes records; the interface should say so before the user confirms.
    pub removed: usize,
}

/// What importing does to each kind of record.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Diff {
    pub customers: Changes,
    pub invoices: Changes,
    pub events: Changes,
    pub settings_changed: bool,
}

/// Which kind of record a problem is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Entity {
    /// The file's own fields, such as `format_version` or the `customers` list itself.
    File,
    Settings,
    Customer,
    Invoice,
    Event,
}

/// The record a problem is in, described as well as the file allows: its position in the file
/// (counted from 1, as a person counts), its id, and its name (customer), number (invoice) or
/// date (dossier entry). Parts the file does not make readable are `None`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct RecordRef {
    pub entity: Entity,
    pub position: Option<usize>,
    pub id: Option<String>,
    pub label: Option<String>,
}

/// What a field should have held.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Expected {
    Text,
    TextOrNull,
    WholeNumber,
    TrueOrFalse,
    List,
    Object,
    /// An amount written as text, such as "1234.56".
    Amount,
    /// A date written as text, such as "2026-03-15".
    Date,
}

/// The kind of JSON value a file or field held instead.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum JsonKind {
    Null,
    Bool,
    Number,
    Text,
    List,
    Object,
}

impl JsonKind {
    fn of(value: &Value) -> JsonKind {
        match value {
            Value::Null => JsonKind::Null,
            Value::Bool(_) => JsonKind::Bool,
            Value::Number(_) => JsonKind::Number,
            Value::String(_) => JsonKind::Text,
            Value::Array(_) => JsonKind::List,
            Value::Object(_) => JsonKind::Object,
        }
    }
}

/// Why a backup cannot be imported. Each variant carries what its message needs to name the
/// place (line, record, field) and the value at fault. Nothing has been changed when one is
/// returned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BackupError {
    /// No content, or only spaces.
    Empty,
    /// The bytes are not UTF-8 text: a PDF, a picture or a spreadsheet was picked.
    NotText,
    /// Text that looks like a backup but is not UTF-8: saved again in another encoding by an
    /// editor. Reading it anyway would turn its accents into replacement characters.
    NotUtf8,
    /// A table of text lines with separators: a CSV export, such as the invoice list's.
    Csv,
    /// Not JSON: something unexpected at this place (line and column count from 1).
    NotJson {
        line: usize,
        column: usize,
    },
    /// JSON that stops in the middle: a download or save that did not finish.
    Truncated {
        line: usize,
        column: usize,
    },
    /// One block names the same field twice, so which value holds is anyone's guess.
    DuplicateKey {
        key: String,
        line: usize,
        column: usize,
    },
    /// Valid JSON, but a single value or a list instead of a backup.
    NotABackup {
        found: JsonKind,
    },
    /// A JSON object without the Factuurwacht mark; `format` is what it calls itself, if anything.
    ForeignFile {
        format: Option<String>,
    },
    /// Written by a newer app with a format this one cannot read.
    TooNew {
        version: u64,
    },
    /// A format version older than this app reads.
    TooOld {
        version: u64,
    },
    MissingField {
        record: RecordRef,
        field: String,
    },
    UnknownField {
        record: RecordRef,
        field: String,
    },
    WrongType {
        record: RecordRef,
        field: String,
        expected: Expected,
        found: JsonKind,
    },
    /// A value outside a fixed list, such as a channel or an event type.
    UnknownChoice {
        record: RecordRef,
        field: String,
        value: String,
    },
    EmptyId {
        record: RecordRef,
        field: String,
    },
    InvalidAmount {
        record: RecordRef,
        field: String,
        value: String,
    },
    NegativeAmount {
        record: RecordRef,
        field: String,
        value: String,
    },
    InvalidDate {
        record: RecordRef,
        field: String,
        value: String,
    },
    /// An invoice due before it was issued: the invoice form and the import refuse one, and
    /// the chase would count its term from a day before the invoice existed.
    DueBeforeIssue {
        record: RecordRef,
        issue: NaiveDate,
        due: NaiveDate,
    },
    /// The pay-by term in the settings is outside 5 to 14 days.
    PayByOutOfRange {
        days: u32,
    },
    DuplicateId {
        id: String,
        first: RecordRef,
        second: RecordRef,
    },
    DuplicateInvoiceNumber {
        number: String,
        first: RecordRef,
        second: RecordRef,
    },
    InvoiceWithoutCustomer {
        invoice: RecordRef,
        customer_id: String,
    },
    EventWithoutInvoices {
        event: RecordRef,
    },
    EventWithoutCustomer {
        event: RecordRef,
        customer_id: String,
    },
    EventWithoutInvoice {
        event: RecordRef,
        invoice_id: String,
    },
    /// A dossier entry of one customer about an invoice of another.
    EventInvoiceOfOtherCustomer {
        event: RecordRef,
        invoice: RecordRef,
        event_customer: String,
        invoice_customer: String,
    },
    /// A merge found the same dossier entry id with different content in the file.
    EventConflict {
        event: RecordRef,
    },
    /// A merge would leave the data inconsistent; `problem` says how.
    MergeWouldBreak {
        problem: Box<BackupError>,
    },
}

// ----------------------------------------------------------------------------------------------
// The records of format version 1, with the setting version 2 added. They are the file format:
// change them only together with FORMAT_VERSION and an upgrade rung.

#[derive(Serialize)]
struct BackupFileV1 {
    format: String,
    format_version: u32,
    app_version: String,
    exported_at: String,
    settings: SettingsV1,
    customers: Vec<CustomerV1>,
    invoices: Vec<InvoiceV1>,
    events: Vec<EventV1>,
}

#[derive(Serialize)]
struct AddressV1 {
    street: String,
    postcode: String,
    city: String,
    country: String,
}

#[derive(Serialize)]
struct BusinessV1 {
    name: String,
    address: AddressV1,
    email: String,
    phone: String,
    iban: String,
    registration_number: String,
    vat_number: String,
}

#[derive(Serialize)]
struct ScheduleV1 {
    heads_up_before_due: u32,
    first_reminder_after_due: u32,
    second_reminder_after_due: u32,
    call_after_second_reminder: u32,
    last_reminder_after_due: u32,
    hand_over_after_last_term: u32,
    promise_grace: u32,
    max_unanswered_calls: u32,
}

#[derive(Serialize)]
struct AgencyV1 {
    name: String,
    email: String,
}

#[derive(Serialize)]
struct RateV1 {
    from: String,
    percent: String,
}

#[derive(Serialize)]
struct RatesV1 {
    nl_consumer: Vec<RateV1>,
    nl_commercial: Vec<RateV1>,
    be_commercial: Vec<RateV1>,
}

#[derive(Serialize)]
struct SettingsV1 {
    business: BusinessV1,
    jurisdiction: String,
    default_payment_term_days: u32,
    schedule: ScheduleV1,
    pay_by_days: u32,
    call_before_due_from: String,
    meeting_from: String,
    minimum_worth_chasing: String,
    claim_interest: bool,
    claim_collection_costs: bool,
    vat_on_collection_costs: bool,
    consumer_damages_clause: bool,
    agency: AgencyV1,
    interest_rates: RatesV1,
}

#[derive(Serialize)]
struct CustomerV1 {
    id: String,
    name: String,
    kind: String,
    contact_person: String,
    email: String,
    phone: String,
    address: AddressV1,
    language: String,
    preferred_channel: String,
    best_time: String,
    paused: Option<String>,
    notes: String,
}

#[derive(Serialize)]
struct InvoiceV1 {
    id: String,
    number: String,
    customer_id: String,
    issue_date: String,
    due_date: String,
    amount: String,
    currency: String,
    description: String,
}

#[derive(Serialize)]
struct InstalmentV1 {
    date: String,
    amount: String,
}

/// The event types are spelled out one by one, so renaming a Rust variant cannot rename them.
#[derive(Serialize)]
#[serde(tag = "type")]
enum EventKindV1 {
    #[serde(rename = "message_sent")]
    MessageSent {
        message: String,
        to: String,
        subject: String,
        body: String,
    },
    #[serde(rename = "call")]
    Call {
        outcome: String,
        at: String,
        summary: String,
    },
    #[serde(rename = "meeting")]
    Meeting { summary: String },
    #[serde(rename = "promise_to_pay")]
    PromiseToPay { amount: String, date: String },
    #[serde(rename = "dispute_opened")]
    DisputeOpened { reason: String },
    #[serde(rename = "dispute_resolved")]
    DisputeResolved { resolution: String },
    #[serde(rename = "cannot_pay")]
    CannotPay { note: String },
    #[serde(rename = "payment_plan_agreed")]
    PaymentPlanAgreed { instalments: Vec<InstalmentV1> },
    #[serde(rename = "payment_received")]
    PaymentReceived { amount: String, note: String },
    #[serde(rename = "handed_over")]
    HandedOver { agency: String },
    #[serde(rename = "written_off")]
    WrittenOff { reason: String },
    #[serde(rename = "chase_paused")]
    ChasePaused { reason: String },
    #[serde(rename = "chase_resumed")]
    ChaseResumed,
    #[serde(rename = "note")]
    Note { text: String },
}

#[derive(Serialize)]
struct EventV1 {
    id: String,
    invoice_ids: Vec<String>,
    customer_id: String,
    date: String,
    channel: String,
    kind: EventKindV1,
}

/// Writes the names of a domain enum's values in the file and reads them back, from one list.
/// The match in the writer is exhaustive, so a new domain variant fails to compile until it
/// has a name here.
macro_rules! names {
    ($ty:ident, $write:ident, $read:ident, { $($variant:ident => $name:literal),+ $(,)? }) => {
        fn $write(value: $ty) -> &'static str {
            match value {
                $($ty::$variant => $name,)+
            }
        }

        fn $read(name: &str) -> Option<$ty> {
            match name {
                $($name => Some($ty::$variant),)+
                _ => None,
            }
        }
    };
}

names!(Lang, lang_name, lang_from_name, { Nl => "nl", En => "en" });
names!(CustomerKind, customer_kind_name, customer_kind_from_name, {
    Business => "business",
    Consumer => "consumer",
});
names!(Channel, channel_name, channel_from_name, {
    Email => "email",
    Sms => "sms",
    Phone => "phone",
    Letter => "letter",
    InPerson => "in_person",
});
names!(BestTime, best_time_name, best_time_from_name, {
    Daytime => "daytime",
    Evening => "evening",
    Any => "any",
});
names!(DayPart, day_part_name, day_part_from_name, {
    Morning => "morning",
    Afternoon => "afternoon",
    Evening => "evening",
});
names!(CallOutcome, call_outcome_name, call_outcome_from_name, {
    Reached => "reached",
    NoAnswer => "no_answer",
    Voicemail => "voicemail",
});
names!(MessageKind, message_kind_name, message_kind_from_name, {
    HeadsUp => "heads_up",
    FirstReminder => "first_reminder",
    BelgianFirstReminder => "belgian_first_reminder",
    SecondReminder => "second_reminder",
    CallScript => "call_script",
    CallConfirmation => "call_confirmation",
    PromiseFollowUp => "promise_follow_up",
    PaymentPlanProposal => "payment_plan_proposal",
    PaymentPlanConfirmation => "payment_plan_confirmation",
    InstalmentReminder => "instalment_reminder",
    DisputeAcknowledgement => "dispute_acknowledgement",
    MeetingRequest => "meeting_request",
    LastReminder => "last_reminder",
    FourteenDayLetter => "fourteen_day_letter",
    HandOverNotice => "hand_over_notice",
    ThankYou => "thank_you",
});
names!(Jurisdiction, jurisdiction_name, jurisdiction_from_name, { Nl => "NL", Be => "BE" });

// ----------------------------------------------------------------------------------------------
// Amounts and dates as text

/// An amount as the file writes it: the decimal's own digits, scale kept, so that it reads
/// back to exactly the same value.
fn amount_text(amount: Decimal) -> String {
    amount.to_string()
}

/// Reads an amount as `amount_text` writes it: an optional minus, digits, and optionally a
/// full stop and more digits. Nothing else: no exponent, no grouping, no comma, because a
/// backup is written by the app and anything else means damage or hand editing.
fn parse_amount_text(text: &str) -> Option<Decimal> {
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = match unsigned.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (unsigned, None),
    };
    let digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    if digits(whole) && fraction.is_none_or(digits) {
        Decimal::from_str_exact(text).ok()
    } else {
        None
    }
}

/// Text from the file, cut to a readable length, with control characters made visible, for
/// messages and record descriptions.
fn short(text: &str) -> String {
    let mut out: String = text
        .chars()
        .take(MAX_SHOWN_CHARS)
        .map(|c| if c.is_control() { '\u{FFFD}' } else { c })
        .collect();
    if text.chars().nth(MAX_SHOWN_CHARS).is_some() {
        out.push('…');
    }
    out
}

/// A name or number that helps recognise a record, or `None` when it is blank.
fn label(text: &str) -> Option<String> {
    let trimmed = text.trim();
    (!trimmed.is_empty()).then(|| short(trimmed))
}

// ----------------------------------------------------------------------------------------------
// Record descriptions

impl RecordRef {
    fn file() -> RecordRef {
        RecordRef {
            entity: Entity::File,
            position: None,
            id: None,
            label: None,
        }
    }

    fn settings() -> RecordRef {
        RecordRef {
            entity: Entity::Settings,
            ..RecordRef::file()
        }
    }

    fn new(entity: Entity, position: Option<usize>, id: &str, label_text: &str) -> RecordRef {
        RecordRef {
            entity,
            position,
            id: Some(short(id)),
            label: label(label_text),
        }
    }

    /// What can be read of a record before its fields are checked: its id and its name,
    /// number or date, when those are text.
    fn peek(entity: Entity, position: usize, value: &Value) -> RecordRef {
        let label_field = match entity {
            Entity::Customer => "name",
            Entity::Invoice => "number",
            _ => "date",
        };
        let text = |key: &str| value.get(key).and_then(Value::as_str);
        RecordRef {
            entity,
            position: Some(position),
            id: text("id").map(short),
            label: text(label_field).and_then(label),
        }
    }

    fn customer(customer: &Customer, position: Option<usize>) -> RecordRef {
        RecordRef::new(Entity::Customer, position, customer.id.as_str(), &customer.name)
    }

    fn invoice(invoice: &Invoice, position: Option<usize>) -> RecordRef {
        RecordRef::new(Entity::Invoice, position, invoice.id.as_str(), &invoice.number)
    }

    fn event(event: &Event, position: Option<usize>) -> RecordRef {
        RecordRef::new(Entity::Event, position, event.id.as_str(), &iso_text(event.date))
    }
}

// ----------------------------------------------------------------------------------------------
// Export

/// Writes the whole dataset as a backup file: pretty JSON, customers, invoices and dossier
/// entries sorted by id, so that the same data always gives the same file.
///
/// Exporting never refuses: a backup of imperfect data is better than none. Data that breaks
/// an import rule (see `validate`) is written as it is, and `parse` will name the problem;
/// the interface should run `validate` first and warn the user.
pub fn export(data: &Dataset, app_version: &str, exported_at: &str) -> String {
    let mut customers: Vec<&Customer> = data.customers.iter().collect();
    sorting::sort_by(&mut customers, |a, b| a.id.cmp(&b.id));
    let mut invoices: Vec<&Invoice> = data.invoices.iter().collect();
    sorting::sort_by(&mut invoices, |a, b| a.id.cmp(&b.id));
    let mut events: Vec<&Event> = data.events.iter().collect();
    sorting::sort_by(&mut events, |a, b| a.id.cmp(&b.id));
    let file = BackupFileV1 {
        format: FORMAT_NAME.to_owned(),
        format_version: FORMAT_VERSION,
        app_version: app_version.to_owned(),
        exported_at: exported_at.to_owned(),
        settings: settings_record(&data.settings),
        customers: customers.into_iter().map(customer_record).collect(),
        invoices: invoices.into_iter().map(invoice_record).collect(),
        events: events.into_iter().map(event_record).collect(),
    };
    // The records hold only strings, whole numbers, booleans, lists and structs with fixed
    // field names; serde_json fails only on maps with non-string keys or on a Serialize impl
    // that reports an error, and there is neither, so no content can make this fail.
    serde_json::to_string_pretty(&file).expect("backup records always serialise")
}

fn address_record(address: &PostalAddress) -> AddressV1 {
    AddressV1 {
        street: address.street.clone(),
        postcode: address.postcode.clone(),
        city: address.city.clone(),
        country: address.country.clone(),
    }
}

fn rates_record(rates: &[RatePeriod]) -> Vec<RateV1> {
    rates
        .iter()
        .map(|rate| RateV1 {
            from: iso_text(rate.from),
            percent: amount_text(rate.percent),
        })
        .collect()
}

fn settings_record(settings: &Settings) -> SettingsV1 {
    let business = &settings.business;
    let schedule = &settings.schedule;
    SettingsV1 {
        business: BusinessV1 {
            name: business.name.clone(),
            address: address_record(&business.address),
            email: business.email.clone(),
            phone: business.phone.clone(),
            iban: business.iban.clone(),
            registration_number: business.registration_number.clone(),
            vat_number: business.vat_number.clone(),
        },
        jurisdiction: jurisdiction_name(settings.jurisdiction).to_owned(),
        default_payment_term_days: settings.default_payment_term_days,
        schedule: ScheduleV1 {
            heads_up_before_due: schedule.heads_up_before_due,
            first_reminder_after_due: schedule.first_reminder_after_due,
            second_reminder_after_due: schedule.second_reminder_after_due,
            call_after_second_reminder: schedule.call_after_second_reminder,
            last_reminder_after_due: schedule.last_reminder_after_due,
            hand_over_after_last_term: schedule.hand_over_after_last_term,
            promise_grace: schedule.promise_grace,
            max_unanswered_calls: schedule.max_unanswered_calls,
        },
        pay_by_days: settings.pay_by.days(),
        call_before_due_from: amount_text(settings.call_before_due_from),
        meeting_from: amount_text(settings.meeting_from),
        minimum_worth_chasing: amount_text(settings.minimum_worth_chasing),
        claim_interest: settings.claim_interest,
        claim_collection_costs: settings.claim_collection_costs,
        vat_on_collection_costs: settings.vat_on_collection_costs,
        consumer_damages_clause: settings.consumer_damages_clause,
        agency: AgencyV1 {
            name: settings.agency.name.clone(),
            email: settings.agency.email.clone(),
        },
        interest_rates: RatesV1 {
            nl_consumer: rates_record(&settings.rates.nl_consumer),
            nl_commercial: rates_record(&settings.rates.nl_commercial),
            be_commercial: rates_record(&settings.rates.be_commercial),
        },
    }
}

fn customer_record(customer: &Customer) -> CustomerV1 {
    CustomerV1 {
        id: customer.id.0.clone(),
        name: customer.name.clone(),
        kind: customer_kind_name(customer.kind).to_owned(),
        contact_person: customer.contact_person.clone(),
        email: customer.email.clone(),
        phone: customer.phone.clone(),
        address: address_record(&customer.address),
        language: lang_name(customer.language).to_owned(),
        preferred_channel: channel_name(customer.preferred_channel).to_owned(),
        best_time: best_time_name(customer.best_time).to_owned(),
        paused: customer.paused.clone(),
        notes: customer.notes.clone(),
    }
}

fn invoice_record(invoice: &Invoice) -> InvoiceV1 {
    InvoiceV1 {
        id: invoice.id.0.clone(),
        number: invoice.number.clone(),
        customer_id: invoice.customer_id.0.clone(),
        issue_date: iso_text(invoice.issue_date),
        due_date: iso_text(invoice.due_date),
        amount: amount_text(invoice.amount),
        currency: invoice.currency.clone(),
        description: invoice.description.clone(),
    }
}

fn event_kind_record(kind: &EventKind) -> EventKindV1 {
    match kind {
        EventKind::MessageSent {
            message,
            to,
            subject,
            body,
        } => EventKindV1::MessageSent {
            message: message_kind_name(*message).to_owned(),
            to: to.clone(),
            subject: subject.clone(),
            body: body.clone(),
        },
        EventKind::Call { outcome, at, summary } => EventKindV1::Call {
            outcome: call_outcome_name(*outcome).to_owned(),
            at: day_part_name(*at).to_owned(),
            summary: summary.clone(),
        },
        EventKind::Meeting { summary } => EventKindV1::Meeting {
            summary: summary.clone(),
        },
        EventKind::PromiseToPay { amount, date } => EventKindV1::PromiseToPay {
            amount: amount_text(*amount),
            date: iso_text(*date),
        },
        EventKind::DisputeOpened { reason } => EventKindV1::DisputeOpened { reason: reason.clone() },
        EventKind::DisputeResolved { resolution } => EventKindV1::DisputeResolved {
            resolution: resolution.clone(),
        },
        EventKind::CannotPay { note } => EventKindV1::CannotPay { note: note.clone() },
        EventKind::PaymentPlanAgreed { instalments } => EventKindV1::PaymentPlanAgreed {
            instalments: instalments
                .iter()
                .map(|i| InstalmentV1 {
                    date: iso_text(i.date),
                    amount: amount_text(i.amount),
                })
                .collect(),
        },
        EventKind::PaymentReceived { amount, note } => EventKindV1::PaymentReceived {
            amount: amount_text(*amount),
            note: note.clone(),
        },
        EventKind::HandedOver { agency } => EventKindV1::HandedOver { agency: agency.clone() },
        EventKind::WrittenOff { reason } => EventKindV1::WrittenOff { reason: reason.clone() },
        EventKind::ChasePaused { reason } => EventKindV1::ChasePaused { reason: reason.clone() },
        EventKind::ChaseResumed => EventKindV1::ChaseResumed,
        EventKind::Note { text } => EventKindV1::Note { text: text.clone() },
    }
}

fn event_record(event: &Event) -> EventV1 {
    EventV1 {
        id: event.id.0.clone(),
        invoice_ids: event.invoice_ids.iter().map(|id| id.0.clone()).collect(),
        customer_id: event.customer_id.0.clone(),
        date: iso_text(event.date),
        channel: channel_name(event.channel).to_owned(),
        kind: event_kind_record(&event.kind),
    }
}

// ----------------------------------------------------------------------------------------------
// Parse, pass 1: the text

/// Checks a backup file completely and returns its data, or the first problem found (see the
/// module documentation for the order). Never panics, whatever the input.
pub fn parse(json: &str) -> Result<Backup, BackupError> {
    // Some editors put a byte order mark in front of UTF-8 text; it says nothing about the data.
    let text = json.strip_prefix('\u{FEFF}').unwrap_or(json);
    if text.trim().is_empty() {
        return Err(BackupError::Empty);
    }
    if looks_like_csv(text) {
        return Err(BackupError::Csv);
    }
    let value = read_json(text)?;
    let top = match &value {
        Value::Object(top) => top,
        other => {
            return Err(BackupError::NotABackup {
                found: JsonKind::of(other),
            })
        }
    };
    match top.get("format") {
        Some(Value::String(format)) if format == FORMAT_NAME => {}
        Some(Value::String(format)) => return Err(BackupError::ForeignFile { format: label(format) }),
        _ => return Err(BackupError::ForeignFile { format: None }),
    }
    let version = match top.get("format_version") {
        None => {
            return Err(BackupError::MissingField {
                record: RecordRef::file(),
                field: "format_version".to_owned(),
            })
        }
        Some(v) => v.as_u64().ok_or_else(|| BackupError::WrongType {
            record: RecordRef::file(),
            field: "format_version".to_owned(),
            expected: Expected::WholeNumber,
            found: JsonKind::of(v),
        })?,
    };
    // The upgrade ladder: every readable version ends as the current records.
    let file = match version {
        1 => read_v1(&value, 1)?,
        2 => read_v1(&value, 2)?,
        v if v > u64::from(FORMAT_VERSION) => return Err(BackupError::TooNew { version: v }),
        v => return Err(BackupError::TooOld { version: v }),
    };
    let backup = backup_from_v1(file)?;
    check_consistency(&backup.data, true)?;
    Ok(backup)
}

/// Like `parse`, for the raw bytes of a file: a file that is not UTF-8 text is refused as such,
/// which tells the user more than a syntax error would.
pub fn parse_bytes(bytes: &[u8]) -> Result<Backup, BackupError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => parse(text),
        // A backup starts with "{"; text in an old Windows encoding still does, a PDF or a
        // picture does not.
        Err(_) if bytes.trim_ascii_start().starts_with(b"{") => Err(BackupError::NotUtf8),
        Err(_) => Err(BackupError::NotText),
    }
}

/// A backup starts with "{"; a first line that starts otherwise and is cut into three or more
/// columns by semicolons, tabs or commas is a CSV table, most likely the invoice list's own
/// export picked by mistake.
fn looks_like_csv(text: &str) -> bool {
    let first = text.trim_start().lines().next().unwrap_or_default();
    !first.starts_with(['{', '[']) && [';', '\t', ','].iter().any(|sep| first.matches(*sep).count() >= 2)
}

/// Reads JSON like `serde_json::from_str::<Value>`, except that an object naming one field
/// twice is refused: serde_json would keep the last value silently, and a file with two
/// `invoices` lists would lose one of them without a word.
fn read_json(text: &str) -> Result<Value, BackupError> {
    let duplicate = Cell::new(None);
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let result = StrictJson { duplicate: &duplicate }
        .deserialize(&mut deserializer)
        .and_then(|value| deserializer.end().map(|()| value));
    result.map_err(|e| {
        let (line, column) = (e.line(), e.column());
        match duplicate.take() {
            Some(key) => BackupError::DuplicateKey {
                key: short(&key),
                line,
                column,
            },
            None if e.classify() == serde_json::error::Category::Eof => BackupError::Truncated { line, column },
            None => BackupError::NotJson { line, column },
        }
    })
}

/// Builds a `Value` while reading, and records the first field named twice in one object.
/// serde_json's depth limit still applies, so deeply nested input cannot exhaust the stack.
#[derive(Clone, Copy)]
struct StrictJson<'c> {
    duplicate: &'c Cell<Option<String>>,
}

impl<'de> DeserializeSeed<'de> for StrictJson<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for StrictJson<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        // JSON text cannot spell NaN or infinity, so this is always a number.
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        self.deserialize(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(self)? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut fields = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if fields.contains_key(&key) {
                let message = format!("field {key:?} appears twice");
                self.duplicate.set(Some(key));
                return Err(A::Error::custom(message));
            }
            let value = map.next_value_seed(self)?;
            fields.insert(key, value);
        }
        Ok(Value::Object(fields))
    }
}

// ----------------------------------------------------------------------------------------------
// Parse, pass 3: the shape of version 1

/// One JSON object being read, with the record it belongs to and its path in that record, so
/// every problem can say where it is. It remembers which fields were read, so `done` can
/// refuse the ones nobody asked for.
struct Fields<'v, 'r> {
    map: &'v Map<String, Value>,
    record: &'r RecordRef,
    path: String,
    seen: Vec<&'static str>,
}

impl<'v, 'r> Fields<'v, 'r> {
    fn open(value: &'v Value, record: &'r RecordRef, path: String) -> Result<Fields<'v, 'r>, BackupError> {
        match value {
            Value::Object(map) => Ok(Fields {
                map,
                record,
                path,
                seen: Vec::new(),
            }),
            other => Err(BackupError::WrongType {
                record: record.clone(),
                field: path,
                expected: Expected::Object,
                found: JsonKind::of(other),
            }),
        }
    }

    fn field_path(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_owned()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    fn get(&mut self, key: &'static str) -> Result<&'v Value, BackupError> {
        self.seen.push(key);
        self.map.get(key).ok_or_else(|| BackupError::MissingField {
            record: self.record.clone(),
            field: self.field_path(key),
        })
    }

    fn typed<T>(
        &mut self,
        key: &'static str,
        expected: Expected,
        read: impl FnOnce(&'v Value) -> Option<T>,
    ) -> Result<T, BackupError> {
        let value = self.get(key)?;
        read(value).ok_or_else(|| BackupError::WrongType {
            record: self.record.clone(),
            field: self.field_path(key),
            expected,
            found: JsonKind::of(value),
        })
    }

    fn text(&mut self, key: &'static str) -> Result<String, BackupError> {
        self.typed(key, Expected::Text, |v| v.as_str().map(str::to_owned))
    }

    fn amount(&mut self, key: &'static str) -> Result<String, BackupError> {
        self.typed(key, Expected::Amount, |v| v.as_str().map(str::to_owned))
    }

    fn date(&mut self, key: &'static str) -> Result<String, BackupError> {
        self.typed(key, Expected::Date, |v| v.as_str().map(str::to_owned))
    }

    fn optional_text(&mut self, key: &'static str) -> Result<Option<String>, BackupError> {
        self.typed(key, Expected::TextOrNull, |v| match v {
            Value::Null => Some(None),
            Value::String(s) => Some(Some(s.clone())),
            _ => None,
        })
    }

    fn whole(&mut self, key: &'static str) -> Result<u32, BackupError> {
        self.typed(key, Expected::WholeNumber, |v| {
            v.as_u64().and_then(|n| u32::try_from(n).ok())
        })
    }

    fn true_or_false(&mut self, key: &'static str) -> Result<bool, BackupError> {
        self.typed(key, Expected::TrueOrFalse, Value::as_bool)
    }

    fn object(&mut self, key: &'static str) -> Result<Fields<'v, 'r>, BackupError> {
        let value = self.get(key)?;
        Fields::open(value, self.record, self.field_path(key))
    }

    /// The list's items, each with its own path ("instalments[2]").
    fn list(&mut self, key: &'static str) -> Result<Vec<(String, &'v Value)>, BackupError> {
        let path = self.field_path(key);
        let items = self.typed(key, Expected::List, Value::as_array)?;
        Ok(items
            .iter()
            .enumerate()
            .map(|(i, item)| (format!("{path}[{}]", i.saturating_add(1)), item))
            .collect())
    }

    /// Hands back what was read, unless the object has a field that was not read.
    fn done<T>(self, value: T) -> Result<T, BackupError> {
        match self.map.keys().find(|key| !self.seen.contains(&key.as_str())) {
            Some(unknown) => Err(BackupError::UnknownField {
                record: self.record.clone(),
                field: self.field_path(unknown),
            }),
            None => Ok(value),
        }
    }
}

fn item_text(record: &RecordRef, path: String, value: &Value) -> Result<String, BackupError> {
    match value {
        Value::String(s) => Ok(s.clone()),
        other => Err(BackupError::WrongType {
            record: record.clone(),
            field: path,
            expected: Expected::Text,
            found: JsonKind::of(other),
        }),
    }
}

/// Reads a file of `version` 1 or 2, whose records differ only in one setting.
fn read_v1(value: &Value, version: u32) -> Result<BackupFileV1, BackupError> {
    let file_ref = RecordRef::file();
    let mut top = Fields::open(value, &file_ref, String::new())?;
    let format = top.text("format")?;
    let format_version = top.whole("format_version")?;
    let app_version = top.text("app_version")?;
    let exported_at = top.text("exported_at")?;
    let settings_ref = RecordRef::settings();
    let settings = read_settings(
        Fields::open(top.get("settings")?, &settings_ref, String::new())?,
        version,
    )?;
    let customers = read_records(&mut top, "customers", Entity::Customer, read_customer)?;
    let invoices = read_records(&mut top, "invoices", Entity::Invoice, read_invoice)?;
    let events = read_records(&mut top, "events", Entity::Event, read_event)?;
    top.done(BackupFileV1 {
        format,
        format_version,
        app_version,
        exported_at,
        settings,
        customers,
        invoices,
        events,
    })
}

/// Reads one of the top-level lists, each item with a description of its own record.
fn read_records<T>(
    top: &mut Fields<'_, '_>,
    key: &'static str,
    entity: Entity,
    read: fn(Fields<'_, '_>) -> Result<T, BackupError>,
) -> Result<Vec<T>, BackupError> {
    let items = top.list(key)?;
    let mut records = Vec::with_capacity(items.len());
    for (i, (path, item)) in items.into_iter().enumerate() {
        if !item.is_object() {
            return Err(BackupError::WrongType {
                record: RecordRef::file(),
                field: path,
                expected: Expected::Object,
                found: JsonKind::of(item),
            });
        }
        let record = RecordRef::peek(entity, i.saturating_add(1), item);
        records.push(read(Fields::open(item, &record, String::new())?)?);
    }
    Ok(records)
}

fn read_address(mut f: Fields<'_, '_>) -> Result<AddressV1, BackupError> {
    let address = AddressV1 {
        street: f.text("street")?,
        postcode: f.text("postcode")?,
        city: f.text("city")?,
        country: f.text("country")?,
    };
    f.done(address)
}

fn read_rates(record: &RecordRef, items: Vec<(String, &Value)>) -> Result<Vec<RateV1>, BackupError> {
    items
        .into_iter()
        .map(|(path, item)| {
            let mut f = Fields::open(item, record, path)?;
            let rate = RateV1 {
                from: f.date("from")?,
                percent: f.amount("percent")?,
            };
            f.done(rate)
        })
        .collect()
}

fn read_settings(mut f: Fields<'_, '_>, version: u32) -> Result<SettingsV1, BackupError> {
    let record = f.record;
    let mut b = f.object("business")?;
    let business = BusinessV1 {
        name: b.text("name")?,
        address: read_address(b.object("address")?)?,
        email: b.text("email")?,
        phone: b.text("phone")?,
        iban: b.text("iban")?,
        registration_number: b.text("registration_number")?,
        vat_number: b.text("vat_number")?,
    };
    let business = b.done(business)?;
    let jurisdiction = f.text("jurisdiction")?;
    let default_payment_term_days = f.whole("default_payment_term_days")?;
    let mut s = f.object("schedule")?;
    let schedule = ScheduleV1 {
        heads_up_before_due: s.whole("heads_up_before_due")?,
        first_reminder_after_due: s.whole("first_reminder_after_due")?,
        second_reminder_after_due: s.whole("second_reminder_after_due")?,
        call_after_second_reminder: s.whole("call_after_second_reminder")?,
        last_reminder_after_due: s.whole("last_reminder_after_due")?,
        hand_over_after_last_term: s.whole("hand_over_after_last_term")?,
        promise_grace: s.whole("promise_grace")?,
        max_unanswered_calls: s.whole("max_unanswered_calls")?,
    };
    let schedule = s.done(schedule)?;
    let pay_by_days = f.whole("pay_by_days")?;
    let call_before_due_from = f.amount("call_before_due_from")?;
    let meeting_from = f.amount("meeting_from")?;
    let minimum_worth_chasing = f.amount("minimum_worth_chasing")?;
    let claim_interest = f.true_or_false("claim_interest")?;
    let claim_collection_costs = f.true_or_false("claim_collection_costs")?;
    let vat_on_collection_costs = f.true_or_false("vat_on_collection_costs")?;
    // Added in version 2: a version-1 file had no such setting, so it reads as off.
    let consumer_damages_clause = if version >= 2 {
        f.true_or_false("consumer_damages_clause")?
    } else {
        false
    };
    let mut a = f.object("agency")?;
    let agency = AgencyV1 {
        name: a.text("name")?,
        email: a.text("email")?,
    };
    let agency = a.done(agency)?;
    let mut r = f.object("interest_rates")?;
    let rates = RatesV1 {
        nl_consumer: read_rates(record, r.list("nl_consumer")?)?,
        nl_commercial: read_rates(record, r.list("nl_commercial")?)?,
        be_commercial: read_rates(record, r.list("be_commercial")?)?,
    };
    let interest_rates = r.done(rates)?;
    f.done(SettingsV1 {
        business,
        jurisdiction,
        default_payment_term_days,
        schedule,
        pay_by_days,
        call_before_due_from,
        meeting_from,
        minimum_worth_chasing,
        claim_interest,
        claim_collection_costs,
        vat_on_collection_costs,
        consumer_damages_clause,
        agency,
        interest_rates,
    })
}

fn read_customer(mut f: Fields<'_, '_>) -> Result<CustomerV1, BackupError> {
    let customer = CustomerV1 {
        id: f.text("id")?,
        name: f.text("name")?,
        kind: f.text("kind")?,
        contact_person: f.text("contact_person")?,
        email: f.text("email")?,
        phone: f.text("phone")?,
        address: read_address(f.object("address")?)?,
        language: f.text("language")?,
        preferred_channel: f.text("preferred_channel")?,
        best_time: f.text("best_time")?,
        paused: f.optional_text("paused")?,
        notes: f.text("notes")?,
    };
    f.done(customer)
}

fn read_invoice(mut f: Fields<'_, '_>) -> Result<InvoiceV1, BackupError> {
    let invoice = InvoiceV1 {
        id: f.text("id")?,
        number: f.text("number")?,
        customer_id: f.text("customer_id")?,
        issue_date: f.date("issue_date")?,
        due_date: f.date("due_date")?,
        amount: f.amount("amount")?,
        currency: f.text("currency")?,
        description: f.text("description")?,
    };
    f.done(invoice)
}

fn read_event(mut f: Fields<'_, '_>) -> Result<EventV1, BackupError> {
    let record = f.record;
    let id = f.text("id")?;
    let invoice_ids = f
        .list("invoice_ids")?
        .into_iter()
        .map(|(path, item)| item_text(record, path, item))
        .collect::<Result<Vec<_>, _>>()?;
    let customer_id = f.text("customer_id")?;
    let date = f.date("date")?;
    let channel = f.text("channel")?;
    let kind = read_event_kind(f.object("kind")?)?;
    f.done(EventV1 {
        id,
        invoice_ids,
        customer_id,
        date,
        channel,
        kind,
    })
}

fn read_event_kind(mut k: Fields<'_, '_>) -> Result<EventKindV1, BackupError> {
    let kind_type = k.text("type")?;
    let kind = match kind_type.as_str() {
        "message_sent" => EventKindV1::MessageSent {
            message: k.text("message")?,
            to: k.text("to")?,
            subject: k.text("subject")?,
            body: k.text("body")?,
        },
        "call" => EventKindV1::Call {
            outcome: k.text("outcome")?,
            at: k.text("at")?,
            summary: k.text("summary")?,
        },
        "meeting" => EventKindV1::Meeting {
            summary: k.text("summary")?,
        },
        "promise_to_pay" => EventKindV1::PromiseToPay {
            amount: k.amount("amount")?,
            date: k.date("date")?,
        },
        "dispute_opened" => EventKindV1::DisputeOpened {
            reason: k.text("reason")?,
        },
        "dispute_resolved" => EventKindV1::DisputeResolved {
            resolution: k.text("resolution")?,
        },
        "cannot_pay" => EventKindV1::CannotPay { note: k.text("note")? },
        "payment_plan_agreed" => {
            let record = k.record;
            let instalments = k
                .list("instalments")?
                .into_iter()
                .map(|(path, item)| {
                    let mut i = Fields::open(item, record, path)?;
                    let instalment = InstalmentV1 {
                        date: i.date("date")?,
                        amount: i.amount("amount")?,
                    };
                    i.done(instalment)
                })
                .collect::<Result<Vec<_>, _>>()?;
            EventKindV1::PaymentPlanAgreed { instalments }
        }
        "payment_received" => EventKindV1::PaymentReceived {
            amount: k.amount("amount")?,
            note: k.text("note")?,
        },
        "handed_over" => EventKindV1::HandedOver {
            agency: k.text("agency")?,
        },
        "written_off" => EventKindV1::WrittenOff {
            reason: k.text("reason")?,
        },
        "chase_paused" => EventKindV1::ChasePaused {
            reason: k.text("reason")?,
        },
        "chase_resumed" => EventKindV1::ChaseResumed,
        "note" => EventKindV1::Note { text: k.text("text")? },
        other => {
            return Err(BackupError::UnknownChoice {
                record: k.record.clone(),
                field: k.field_path("type"),
                value: short(other),
            })
        }
    };
    k.done(kind)
}

// ----------------------------------------------------------------------------------------------
// Parse, pass 4: the values of version 1 records

/// Turns the text of one record's fields into values, naming the record and field on failure.
struct Values<'r> {
    record: &'r RecordRef,
}

impl Values<'_> {
    fn amount(&self, field: &str, text: &str) -> Result<Decimal, BackupError> {
        parse_amount_text(text).ok_or_else(|| BackupError::InvalidAmount {
            record: self.record.clone(),
            field: field.to_owned(),
            value: short(text),
        })
    }

    fn date(&self, field: &str, text: &str) -> Result<NaiveDate, BackupError> {
        parse_iso_text(text).ok_or_else(|| BackupError::InvalidDate {
            record: self.record.clone(),
            field: field.to_owned(),
            value: short(text),
        })
    }

    fn choice<T>(&self, field: &str, text: &str, from_name: fn(&str) -> Option<T>) -> Result<T, BackupError> {
        from_name(text).ok_or_else(|| BackupError::UnknownChoice {
            record: self.record.clone(),
            field: field.to_owned(),
            value: short(text),
        })
    }
}

fn backup_from_v1(file: BackupFileV1) -> Result<Backup, BackupError> {
    let settings = settings_from_record(file.settings)?;
    let customers = file
        .customers
        .into_iter()
        .enumerate()
        .map(|(i, r)| customer_from_record(r, i.saturating_add(1)))
        .collect::<Result<Vec<_>, _>>()?;
    let invoices = file
        .invoices
        .into_iter()
        .enumerate()
        .map(|(i, r)| invoice_from_record(r, i.saturating_add(1)))
        .collect::<Result<Vec<_>, _>>()?;
    let events = file
        .events
        .into_iter()
        .enumerate()
        .map(|(i, r)| event_from_record(r, i.saturating_add(1)))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Backup {
        format_version: file.format_version,
        app_version: file.app_version,
        exported_at: file.exported_at,
        data: Dataset {
            settings,
            customers,
            invoices,
            events,
        },
    })
}

fn address_from_record(r: AddressV1) -> PostalAddress {
    PostalAddress {
        street: r.street,
        postcode: r.postcode,
        city: r.city,
        country: r.country,
    }
}

fn rates_from_record(values: &Values<'_>, table: &str, rates: Vec<RateV1>) -> Result<Vec<RatePeriod>, BackupError> {
    rates
        .into_iter()
        .enumerate()
        .map(|(i, rate)| {
            let path = format!("interest_rates.{table}[{}]", i.saturating_add(1));
            Ok(RatePeriod {
                from: values.date(&format!("{path}.from"), &rate.from)?,
                percent: values.amount(&format!("{path}.percent"), &rate.percent)?,
            })
        })
        .collect()
}

fn settings_from_record(r: SettingsV1) -> Result<Settings, BackupError> {
    let record = RecordRef::settings();
    let values = Values { record: &record };
    let jurisdiction = values.choice("jurisdiction", &r.jurisdiction, jurisdiction_from_name)?;
    let pay_by = PayByDays::new(r.pay_by_days).map_err(|_| BackupError::PayByOutOfRange { days: r.pay_by_days })?;
    let call_before_due_from = values.amount("call_before_due_from", &r.call_before_due_from)?;
    let meeting_from = values.amount("meeting_from", &r.meeting_from)?;
    let minimum_worth_chasing = values.amount("minimum_worth_chasing", &r.minimum_worth_chasing)?;
    let rates = InterestRates {
        nl_consumer: rates_from_record(&values, "nl_consumer", r.interest_rates.nl_consumer)?,
        nl_commercial: rates_from_record(&values, "nl_commercial", r.interest_rates.nl_commercial)?,
        be_commercial: rates_from_record(&values, "be_commercial", r.interest_rates.be_commercial)?,
    };
    let s = r.schedule;
    Ok(Settings {
        business: BusinessDetails {
            name: r.business.name,
            address: address_from_record(r.business.address),
            email: r.business.email,
            phone: r.business.phone,
            iban: r.business.iban,
            registration_number: r.business.registration_number,
            vat_number: r.business.vat_number,
        },
        jurisdiction,
        default_payment_term_days: r.default_payment_term_days,
        schedule: Schedule {
            heads_up_before_due: s.heads_up_before_due,
            first_reminder_after_due: s.first_reminder_after_due,
            second_reminder_after_due: s.second_reminder_after_due,
            call_after_second_reminder: s.call_after_second_reminder,
            last_reminder_after_due: s.last_reminder_after_due,
            hand_over_after_last_term: s.hand_over_after_last_term,
            promise_grace: s.promise_grace,
            max_unanswered_calls: s.max_unanswered_calls,
        },
        pay_by,
        call_before_due_from,
        meeting_from,
        minimum_worth_chasing,
        claim_interest: r.claim_interest,
        claim_collection_costs: r.claim_collection_costs,
        vat_on_collection_costs: r.vat_on_collection_costs,
        consumer_damages_clause: r.consumer_damages_clause,
        agency: CollectionAgency {
            name: r.agency.name,
            email: r.agency.email,
        },
        rates,
    })
}

fn customer_from_record(r: CustomerV1, position: usize) -> Result<Customer, BackupError> {
    let record = RecordRef::new(Entity::Customer, Some(position), &r.id, &r.name);
    let values = Values { record: &record };
    Ok(Customer {
        kind: values.choice("kind", &r.kind, customer_kind_from_name)?,
        language: values.choice("language", &r.language, lang_from_name)?,
        preferred_channel: values.choice("preferred_channel", &r.preferred_channel, channel_from_name)?,
        best_time: values.choice("best_time", &r.best_time, best_time_from_name)?,
        id: CustomerId(r.id),
        name: r.name,
        contact_person: r.contact_person,
        email: r.email,
        phone: r.phone,
        address: address_from_record(r.address),
        paused: r.paused,
        notes: r.notes,
    })
}

fn invoice_from_record(r: InvoiceV1, position: usize) -> Result<Invoice, BackupError> {
    let record = RecordRef::new(Entity::Invoice, Some(position), &r.id, &r.number);
    let values = Values { record: &record };
    Ok(Invoice {
        issue_date: values.date("issue_date", &r.issue_date)?,
        due_date: values.date("due_date", &r.due_date)?,
        amount: values.amount("amount", &r.amount)?,
        id: InvoiceId(r.id),
        number: r.number,
        customer_id: CustomerId(r.customer_id),
        currency: r.currency,
        description: r.description,
    })
}

fn event_kind_from_record(values: &Values<'_>, r: EventKindV1) -> Result<EventKind, BackupError> {
    Ok(match r {
        EventKindV1::MessageSent {
            message,
            to,
            subject,
            body,
        } => EventKind::MessageSent {
            message: values.choice("kind.message", &message, message_kind_from_name)?,
            to,
            subject,
            body,
        },
        EventKindV1::Call { outcome, at, summary } => EventKind::Call {
            outcome: values.choice("kind.outcome", &outcome, call_outcome_from_name)?,
            at: values.choice("kind.at", &at, day_part_from_name)?,
            summary,
        },
        EventKindV1::Meeting { summary } => EventKind::Meeting { summary },
        EventKindV1::PromiseToPay { amount, date } => EventKind::PromiseToPay {
            amount: values.amount("kind.amount", &amount)?,
            date: values.date("kind.date", &date)?,
        },
        EventKindV1::DisputeOpened { reason } => EventKind::DisputeOpened { reason },
        EventKindV1::DisputeResolved { resolution } => EventKind::DisputeResolved { resolution },
        EventKindV1::CannotPay { note } => EventKind::CannotPay { note },
        EventKindV1::PaymentPlanAgreed { instalments } => EventKind::PaymentPlanAgreed {
            instalments: instalments
                .into_iter()
                .enumerate()
                .map(|(i, instalment)| {
                    let path = format!("kind.instalments[{}]", i.saturating_add(1));
                    Ok(Instalment {
                        date: values.date(&format!("{path}.date"), &instalment.date)?,
                        amount: values.amount(&format!("{path}.amount"), &instalment.amount)?,
                    })
                })
                .collect::<Result<Vec<_>, BackupError>>()?,
        },
        EventKindV1::PaymentReceived { amount, note } => EventKind::PaymentReceived {
            amount: values.amount("kind.amount", &amount)?,
            note,
        },
        EventKindV1::HandedOver { agency } => EventKind::HandedOver { agency },
        EventKindV1::WrittenOff { reason } => EventKind::WrittenOff { reason },
        EventKindV1::ChasePaused { reason } => EventKind::ChasePaused { reason },
        EventKindV1::ChaseResumed => EventKind::ChaseResumed,
        EventKindV1::Note { text } => EventKind::Note { text },
    })
}

fn event_from_record(r: EventV1, position: usize) -> Result<Event, BackupError> {
    let record = RecordRef::new(Entity::Event, Some(position), &r.id, &r.date);
    let values = Values { record: &record };
    Ok(Event {
        date: values.date("date", &r.date)?,
        channel: values.choice("channel", &r.channel, channel_from_name)?,
        kind: event_kind_from_record(&values, r.kind)?,
        id: EventId(r.id),
        invoice_ids: r.invoice_ids.into_iter().map(InvoiceId).collect(),
        customer_id: CustomerId(r.customer_id),
    })
}

// ----------------------------------------------------------------------------------------------
// Pass 5: how the records fit together

/// Checks that a dataset can be imported: unique, non-empty ids; unique invoice numbers; no
/// negative invoice amount; every invoice's customer exists; every dossier entry names at
/// least one invoice, and its customer and invoices exist and belong together.
///
/// Invoice numbers are compared without surrounding spaces, since "2026-001" and "2026-001 "
/// look the same on paper. A blank number identifies nothing, so blank numbers never clash.
pub fn validate(data: &Dataset) -> Result<(), BackupError> {
    check_consistency(data, false)
}

/// `numbered` says whether the lists are in file order, so positions mean something.
fn check_consistency(data: &Dataset, numbered: bool) -> Result<(), BackupError> {
    let position = |i: usize| numbered.then(|| i.saturating_add(1));

    let mut customers: HashMap<&CustomerId, (usize, &Customer)> = HashMap::new();
    for (i, customer) in data.customers.iter().enumerate() {
        let here = || RecordRef::customer(customer, position(i));
        if customer.id.0.trim().is_empty() {
            return Err(BackupError::EmptyId {
                record: here(),
                field: "id".to_owned(),
            });
        }
        if let Some(&(first_i, first)) = customers.get(&customer.id) {
            return Err(BackupError::DuplicateId {
                id: short(customer.id.as_str()),
                first: RecordRef::customer(first, position(first_i)),
                second: here(),
            });
        }
        customers.insert(&customer.id, (i, customer));
    }

    let mut invoices: HashMap<&InvoiceId, (usize, &Invoice)> = HashMap::new();
    // Numbers compare as the invoice form compares them, so a restore never lets in two
    // invoices that the form would then refuse to save ("F-1" and " f-1 ").
    let mut numbers: HashMap<String, (usize, &Invoice)> = HashMap::new();
    for (i, invoice) in data.invoices.iter().enumerate() {
        let here = || RecordRef::invoice(invoice, position(i));
        if invoice.id.0.trim().is_empty() {
            return Err(BackupError::EmptyId {
                record: here(),
                field: "id".to_owned(),
            });
        }
        if let Some(&(first_i, first)) = invoices.get(&invoice.id) {
            return Err(BackupError::DuplicateId {
                id: short(invoice.id.as_str()),
                first: RecordRef::invoice(first, position(first_i)),
                second: here(),
            });
        }
        if invoice.amount.is_sign_negative() && !invoice.amount.is_zero() {
            return Err(BackupError::NegativeAmount {
                record: here(),
                field: "amount".to_owned(),
                value: amount_text(invoice.amount),
            });
        }
        // Money is kept in whole cents everywhere else; a third decimal would make totals that
        // no screen can show or a payment can settle.
        if invoice.amount.normalize().scale() > 2 {
            return Err(BackupError::InvalidAmount {
                record: here(),
                field: "amount".to_owned(),
                value: amount_text(invoice.amount),
            });
        }
        if invoice.due_date < invoice.issue_date {
            return Err(BackupError::DueBeforeIssue {
                record: here(),
                issue: invoice.issue_date,
                due: invoice.due_date,
            });
        }
        if !customers.contains_key(&invoice.customer_id) {
            return Err(BackupError::InvoiceWithoutCustomer {
                invoice: here(),
                customer_id: short(invoice.customer_id.as_str()),
            });
        }
        let number = invoice.number.trim();
        if !number.is_empty() {
            if let Some(&(first_i, first)) = numbers.get(&number_key(number)) {
                return Err(BackupError::DuplicateInvoiceNumber {
                    number: short(number),
                    first: RecordRef::invoice(first, position(first_i)),
                    second: here(),
                });
            }
            numbers.insert(number_key(number), (i, invoice));
        }
        invoices.insert(&invoice.id, (i, invoice));
    }

    let mut events: HashMap<&EventId, (usize, &Event)> = HashMap::new();
    for (i, event) in data.events.iter().enumerate() {
        let here = || RecordRef::event(event, position(i));
        if event.id.0.trim().is_empty() {
            return Err(BackupError::EmptyId {
                record: here(),
                field: "id".to_owned(),
            });
        }
        if let Some(&(first_i, first)) = events.get(&event.id) {
            return Err(BackupError::DuplicateId {
                id: short(event.id.as_str()),
                first: RecordRef::event(first, position(first_i)),
                second: here(),
            });
        }
        if event.invoice_ids.is_empty() {
            return Err(BackupError::EventWithoutInvoices { event: here() });
        }
        if !customers.contains_key(&event.customer_id) {
            return Err(BackupError::EventWithoutCustomer {
                event: here(),
                customer_id: short(event.customer_id.as_str()),
            });
        }
        for invoice_id in &event.invoice_ids {
            let Some(&(invoice_i, invoice)) = invoices.get(invoice_id) else {
                return Err(BackupError::EventWithoutInvoice {
                    event: here(),
                    invoice_id: short(invoice_id.as_str()),
                });
            };
            if invoice.customer_id != event.customer_id {
                return Err(BackupError::EventInvoiceOfOtherCustomer {
                    event: here(),
                    invoice: RecordRef::invoice(invoice, position(invoice_i)),
                    event_customer: short(event.customer_id.as_str()),
                    invoice_customer: short(invoice.customer_id.as_str()),
                });
            }
        }
        events.insert(&event.id, (i, event));
    }
    Ok(())
}

// ----------------------------------------------------------------------------------------------
// Preview, apply, diff

/// What the backup holds, for the user to check before confirming the import.
impl Preview {
    /// The day the file was written, read from the start of `exported_at` for the confirmation
    /// screen; `None` when the file states something else, which is then shown as it is.
    pub fn exported_on(&self) -> Option<NaiveDate> {
        self.exported_at.get(..10).and_then(parse_iso_text)
    }
}

pub fn preview(backup: &Backup) -> Preview {
    let data = &backup.data;
    // Grouping the dossier by invoice first keeps this linear in the size of the file.
    let by_invoice = events_by_invoice(&data.events);
    let mut open_invoices = 0;
    let mut outstanding = Decimal::ZERO;
    for invoice in &data.invoices {
        let events = by_invoice.get(&invoice.id).map_or(&[][..], Vec::as_slice);
        let b = balance(invoice, events.iter().copied());
        if matches!(b.status, InvoiceStatus::Open | InvoiceStatus::PartlyPaid) {
            open_invoices += 1;
            outstanding = outstanding.saturating_add(b.outstanding);
        }
    }
    Preview {
        format_version: backup.format_version,
        app_version: backup.app_version.clone(),
        exported_at: backup.exported_at.clone(),
        customers: data.customers.len(),
        invoices: data.invoices.len(),
        events: data.events.len(),
        open_invoices,
        outstanding,
        earliest_invoice_date: data.invoices.iter().map(|i| i.issue_date).min(),
        latest_invoice_date: data.invoices.iter().map(|i| i.issue_date).max(),
    }
}

/// The data after importing `incoming` into `current`, or the reason it cannot be done; the
/// caller stores the result only on `Ok`, so a refusal changes nothing.
///
/// - `Replace`: the result is `incoming`, settings included.
/// - `Merge`: customers and invoices are merged by id, the file's version winning; records
///   only in `current` stay. Dossier entries are append-only: an id in both must have the same
///   content (`EventConflict` otherwise), new ones are added. The current settings are kept,
///   unless they were never changed from the defaults: a device that was never set up takes
///   the file's, or its reminders would go out without the business's name and IBAN.
///   Existing records keep their order, new ones follow in the file's order.
///
/// `incoming` is validated first (its own problems are reported as they are); the merged data
/// is validated again, and a problem there is reported as `MergeWouldBreak`, for example an
/// incoming invoice whose number is already used by another invoice.
pub fn apply(current: &Dataset, incoming: &Dataset, mode: ImportMode) -> Result<Dataset, BackupError> {
    validate(incoming)?;
    match mode {
        ImportMode::Replace => Ok(incoming.clone()),
        ImportMode::Merge => {
            let settings = if current.settings == Settings::default() {
                &incoming.settings
            } else {
                &current.settings
            };
            let merged = Dataset {
                settings: settings.clone(),
                customers: merge_by_id(&current.customers, &incoming.customers, |c| &c.id),
                invoices: merge_by_id(&current.invoices, &incoming.invoices, |i| &i.id),
                events: merge_events(&current.events, &incoming.events)?,
            };
            validate(&merged).map_err(|problem| BackupError::MergeWouldBreak {
                problem: Box::new(problem),
            })?;
            Ok(merged)
        }
    }
}

/// What a merge writes: the file's customers and invoices that are new or differ from the
/// stored ones, and its dossier entries not stored yet. Written as one ordinary command, a
/// merge leaves every other record alone, also one that another tab saved after this tab last
/// read; rewriting the whole merged set would delete it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MergeWrites {
    /// The file's settings, when they take the place of settings never changed from the
    /// defaults; `None` keeps the current ones.
    pub settings: Option<Settings>,
    pub customers: Vec<Customer>,
    pub invoices: Vec<Invoice>,
    pub events: Vec<Event>,
    /// The customers and invoices above that replace a stored version rather than add one.
    pub updated_customers: Vec<CustomerId>,
    pub updated_invoices: Vec<InvoiceId>,
}

/// The writes of merging `incoming` into `current`, checked as `apply` checks a merge.
pub fn merge_writes(current: &Dataset, incoming: &Dataset) -> Result<MergeWrites, BackupError> {
    let merged = apply(current, incoming, ImportMode::Merge)?;
    /// The incoming records that differ from the current one with their id, and the ids of
    /// those that replace one.
    fn changed<T: Clone + PartialEq, K: Eq + Hash + Clone>(
        current: &[T],
        incoming: &[T],
        key: impl Fn(&T) -> &K,
    ) -> (Vec<T>, Vec<K>) {
        let current_by_id: HashMap<&K, &T> = current.iter().map(|r| (key(r), r)).collect();
        let mut writes = Vec::new();
        let mut updated = Vec::new();
        for record in incoming {
            match current_by_id.get(key(record)) {
                Some(stored) if *stored == record => continue,
                Some(_) => updated.push(key(record).clone()),
                None => {}
            }
            writes.push(record.clone());
        }
        (writes, updated)
    }
    let (customers, updated_customers) = changed(&current.customers, &incoming.customers, |c| &c.id);
    let (invoices, updated_invoices) = changed(&current.invoices, &incoming.invoices, |i| &i.id);
    // `apply` refused an entry that differs from the stored one with its id, so what is left
    // are the new ones.
    let (events, _) = changed(&current.events, &incoming.events, |e| &e.id);
    Ok(MergeWrites {
        settings: (merged.settings != current.settings).then_some(merged.settings),
        customers,
        invoices,
        events,
        updated_customers,
        updated_invoices,
    })
}

/// Every current record, replaced by the incoming one with its id if there is one, then the
/// incoming records with new ids. A current record is never dropped, even when two share an
/// id, so validation sees, and refuses, such data instead of losing a record.
fn merge_by_id<T: Clone, K: Eq + Hash>(current: &[T], incoming: &[T], key: impl Fn(&T) -> &K) -> Vec<T> {
    let incoming_by_id: HashMap<&K, &T> = incoming.iter().map(|r| (key(r), r)).collect();
    let current_ids: HashSet<&K> = current.iter().map(&key).collect();
    current
        .iter()
        .map(|r| incoming_by_id.get(key(r)).copied().unwrap_or(r).clone())
        .chain(incoming.iter().filter(|r| !current_ids.contains(key(r))).cloned())
        .collect()
}

fn merge_events(current: &[Event], incoming: &[Event]) -> Result<Vec<Event>, BackupError> {
    let current_by_id: HashMap<&EventId, &Event> = current.iter().map(|e| (&e.id, e)).collect();
    let mut merged = current.to_vec();
    for event in incoming {
        match current_by_id.get(&event.id) {
            Some(existing) if *existing == event => {}
            Some(_) => {
                return Err(BackupError::EventConflict {
                    event: RecordRef::event(event, None),
                })
            }
            None => merged.push(event.clone()),
        }
    }
    Ok(merged)
}

/// How `result` differs from `current`, per kind of record, by id.
pub fn diff_counts(current: &Dataset, result: &Dataset) -> Diff {
    Diff {
        customers: changes(&current.customers, &result.customers, |c| &c.id),
        invoices: changes(&current.invoices, &result.invoices, |i| &i.id),
        events: changes(&current.events, &result.events, |e| &e.id),
        settings_changed: current.settings != result.settings,
    }
}

fn changes<T: PartialEq, K: Eq + Hash>(before: &[T], after: &[T], key: impl Fn(&T) -> &K) -> Changes {
    let before_by_id: HashMap<&K, &T> = before.iter().map(|r| (key(r), r)).collect();
    let after_ids: HashSet<&K> = after.iter().map(&key).collect();
    let mut counts = Changes {
        removed: before_by_id.keys().filter(|id| !after_ids.contains(*id)).count(),
        ..Changes::default()
    };
    for record in after {
        match before_by_id.get(key(record)) {
            None => counts.added += 1,
            Some(old) if *old == record => counts.unchanged += 1,
            Some(_) => counts.updated += 1,
        }
    }
    counts
}

/// The customers and invoices whose stored version `result` replaces with a different one,
/// in the order stored. The file may be older than the data: the preview names these records
/// before the user confirms, because what was changed in them since is taken back.
pub fn overwritten(current: &Dataset, result: &Dataset) -> Vec<RecordRef> {
    fn changed<'a, T: PartialEq, K: Eq + Hash>(current: &'a [T], result: &[T], key: impl Fn(&T) -> &K) -> Vec<&'a T> {
        let after: HashMap<&K, &T> = result.iter().map(|r| (key(r), r)).collect();
        current
            .iter()
            .filter(|r| after.get(key(r)).is_some_and(|new| new != r))
            .collect()
    }
    let named = |entity, label: &str| RecordRef {
        entity,
        position: None,
        id: None,
        label: Some(label.to_owned()),
    };
    let customers = changed(&current.customers, &result.customers, |c| &c.id);
    let invoices = changed(&current.invoices, &result.invoices, |i| &i.id);
    customers
        .into_iter()
        .map(|c| named(Entity::Customer, &c.name))
        .chain(invoices.into_iter().map(|i| named(Entity::Invoice, &i.number)))
        .collect()
}

/// The customers `result` adds under the name of a customer it keeps from `current`: the same
/// customer entered on two devices, with two ids, becomes two customers in a merge. The
/// preview names them before the user confirms.
pub fn same_name_customers<'a>(current: &Dataset, result: &'a Dataset) -> Vec<&'a str> {
    let current_ids: HashSet<&CustomerId> = current.customers.iter().map(|c| &c.id).collect();
    let kept: HashSet<String> = result
        .customers
        .iter()
        .filter(|c| current_ids.contains(&c.id))
        .map(|c| import::comparable(&c.name))
        .collect();
    result
        .customers
        .iter()
        .filter(|c| !current_ids.contains(&c.id) && kept.contains(&import::comparable(&c.name)))
        .map(|c| c.name.as_str())
        .collect()
}

/// The warning over [`same_name_customers`]; `None` when there are none.
pub fn same_name_warning(names: &[&str], lang: Lang) -> Option<String> {
    if names.is_empty() {
        return None;
    }
    let list = plural::join_and(lang, &names.iter().map(|n| n.trim().to_owned()).collect::<Vec<_>>());
    Some(match lang {
        Lang::Nl => format!(
            "Deze klanten staan hier al onder dezelfde naam, maar zijn los van de back-up ingevoerd; samenvoegen \
             zet ze er een tweede keer bij: {list}."
        ),
        Lang::En => format!(
            "These customers are here already under the same name, but were entered apart from the backup; \
             merging adds them a second time: {list}."
        ),
    })
}

/// The warning over [`overwritten`] records, naming the first few; `None` when there are none.
pub fn overwrite_warning(records: &[RecordRef], lang: Lang) -> Option<String> {
    const NAMED: usize = 5;
    if records.is_empty() {
        return None;
    }
    let mut names: Vec<String> = records.iter().take(NAMED).map(|r| describe(r, lang)).collect();
    let more = records.len().saturating_sub(NAMED);
    if more > 0 {
        names.push(match lang {
            Lang::Nl => format!("nog {more} andere"),
            Lang::En => format!("{more} more"),
        });
    }
    let list = plural::join_and(lang, &names);
    Some(match lang {
        Lang::Nl => format!(
            "Deze krijgen de versie uit het bestand: {list}. Wat je daarin hebt gewijzigd nadat de back-up is \
             gemaakt, gaat verloren."
        ),
        Lang::En => {
            format!("These get the file's version: {list}. What you changed in them after the backup was made is lost.")
        }
    })
}

// ----------------------------------------------------------------------------------------------
// Messages

fn capitalised(text: String) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => text,
    }
}

fn plural(entity: Entity, lang: Lang) -> &'static str {
    match (entity, lang) {
        (Entity::Customer, Lang::Nl) => "klanten",
        (Entity::Customer, Lang::En) => "customers",
        (Entity::Invoice, Lang::Nl) => "facturen",
        (Entity::Invoice, Lang::En) => "invoices",
        (Entity::Event, Lang::Nl) => "dossierregels",
        (Entity::Event, Lang::En) => "dossier entries",
        (Entity::File | Entity::Settings, Lang::Nl) => "onderdelen",
        (Entity::File | Entity::Settings, Lang::En) => "records",
    }
}

/// "factuur 2026-012 (nr. 12 in het bestand, id "i-12")": enough for the user to find the
/// record in the app, and for a helper to find it in the file. A dossier entry is known by its
/// date, written the way the user reads dates; a date the file garbled is shown as it stands.
fn describe(record: &RecordRef, lang: Lang) -> String {
    let head = match (record.entity, &record.label, lang) {
        (Entity::File, _, Lang::Nl) => return "het bestand".to_owned(),
        (Entity::File, _, Lang::En) => return "the file".to_owned(),
        (Entity::Settings, _, Lang::Nl) => return "de instellingen".to_owned(),
        (Entity::Settings, _, Lang::En) => return "the settings".to_owned(),
        (Entity::Customer, Some(name), Lang::Nl) => format!("klant \"{name}\""),
        (Entity::Customer, Some(name), Lang::En) => format!("customer \"{name}\""),
        (Entity::Customer, None, Lang::Nl) => "klant".to_owned(),
        (Entity::Customer, None, Lang::En) => "customer".to_owned(),
        (Entity::Invoice, Some(number), Lang::Nl) => format!("factuur {number}"),
        (Entity::Invoice, Some(number), Lang::En) => format!("invoice {number}"),
        (Entity::Invoice, None, Lang::Nl) => "factuur".to_owned(),
        (Entity::Invoice, None, Lang::En) => "invoice".to_owned(),
        (Entity::Event, Some(date), Lang::Nl) => format!("de dossierregel van {}", shown_date(date, lang)),
        (Entity::Event, Some(date), Lang::En) => format!("the dossier entry of {}", shown_date(date, lang)),
        (Entity::Event, None, Lang::Nl) => "de dossierregel".to_owned(),
        (Entity::Event, None, Lang::En) => "the dossier entry".to_owned(),
    };
    let mut details = Vec::new();
    if let Some(position) = record.position {
        details.push(match lang {
            Lang::Nl => format!("nr. {position} in het bestand"),
            Lang::En => format!("no. {position} in the file"),
        });
    }
    // An empty id is the problem itself in `EmptyId`; quoting nothing would not help.
    if let Some(id) = record.id.as_ref().filter(|id| !id.trim().is_empty()) {
        details.push(format!("id \"{id}\""));
    }
    if details.is_empty() {
        head
    } else {
        format!("{head} ({})", details.join(", "))
    }
}

/// Where a problem is, as the opening of a sentence: "bij factuur 2026-012 (...)" or "in de
/// instellingen" in Dutch, "in invoice 2026-012 (...)" in English.
fn place(record: &RecordRef, lang: Lang) -> String {
    match (record.entity, lang) {
        (Entity::File | Entity::Settings, Lang::Nl) => format!("in {}", describe(record, lang)),
        (_, Lang::Nl) => format!("bij {}", describe(record, lang)),
        (_, Lang::En) => format!("in {}", describe(record, lang)),
    }
}

/// A date from the file as the user writes dates, or the text itself when it is no date.
fn shown_date(text: &str, lang: Lang) -> String {
    parse_iso_text(text).map_or_else(|| text.to_owned(), |date| format_date(date, lang))
}

fn expected_text(expected: Expected, lang: Lang) -> &'static str {
    match (expected, lang) {
        (Expected::Text, Lang::Nl) => "tekst",
        (Expected::Text, Lang::En) => "text",
        (Expected::TextOrNull, Lang::Nl) => "tekst of null",
        (Expected::TextOrNull, Lang::En) => "text or null",
        (Expected::WholeNumber, Lang::Nl) => "een heel getal, zoals 14",
        (Expected::WholeNumber, Lang::En) => "a whole number, such as 14",
        (Expected::TrueOrFalse, Lang::Nl) => "true of false",
        (Expected::TrueOrFalse, Lang::En) => "true or false",
        (Expected::List, Lang::Nl) => "een lijst",
        (Expected::List, Lang::En) => "a list",
        (Expected::Object, Lang::Nl) => "een blok met velden",
        (Expected::Object, Lang::En) => "a block of fields",
        (Expected::Amount, Lang::Nl) => "een bedrag als tekst, zoals \"1234.56\"",
        (Expected::Amount, Lang::En) => "an amount written as text, such as \"1234.56\"",
        (Expected::Date, Lang::Nl) => "een datum als tekst, zoals \"2026-03-15\"",
        (Expected::Date, Lang::En) => "a date written as text, such as \"2026-03-15\"",
    }
}

fn found_text(found: JsonKind, lang: Lang) -> &'static str {
    match (found, lang) {
        (JsonKind::Null, Lang::Nl) => "de waarde null",
        (JsonKind::Null, Lang::En) => "the value null",
        (JsonKind::Bool, Lang::Nl) => "een ja/nee-waarde",
        (JsonKind::Bool, Lang::En) => "a yes/no value",
        (JsonKind::Number, Lang::Nl) => "een getal",
        (JsonKind::Number, Lang::En) => "a number",
        (JsonKind::Text, Lang::Nl) => "een stuk tekst",
        (JsonKind::Text, Lang::En) => "a piece of text",
        (JsonKind::List, Lang::Nl) => "een lijst",
        (JsonKind::List, Lang::En) => "a list",
        (JsonKind::Object, Lang::Nl) => "een blok met velden",
        (JsonKind::Object, Lang::En) => "a block of fields",
    }
}

impl BackupError {
    /// What is wrong and what to do, in words for someone who has never seen JSON. The field
    /// names in quotes are for whoever helps them.
    pub fn message(&self, lang: Lang) -> String {
        use BackupError as E;
        let d = |record: &RecordRef| describe(record, lang);
        let cap = |record: &RecordRef| capitalised(describe(record, lang));
        let at = |record: &RecordRef| capitalised(place(record, lang));
        match (self, lang) {
            (E::Empty, Lang::Nl) => {
                "Dit bestand is leeg. Kies het back-upbestand dat je met Factuurwacht hebt gemaakt.".to_owned()
            }
            (E::Empty, Lang::En) => "This file is empty. Choose the backup file you made with Factuurwacht.".to_owned(),
            (E::NotText, Lang::Nl) => {
                "Dit is geen tekstbestand en dus geen back-up van Factuurwacht; misschien is het \
                                       een PDF, een foto of een spreadsheet. Kies het back-upbestand dat je met \
                                       Factuurwacht hebt gemaakt."
                    .to_owned()
            }
            (E::NotUtf8, Lang::Nl) => "Dit bestand is opnieuw opgeslagen in een andere tekenset dan UTF-8, zodat \
                                       letters met accenten niet meer te lezen zijn. Kies het oorspronkelijke \
                                       back-upbestand, of sla dit bestand op als UTF-8."
                .to_owned(),
            (E::NotUtf8, Lang::En) => "This file was saved again in a character set other than UTF-8, so letters \
                                       with accents can no longer be read. Choose the original backup file, or \
                                       save this one as UTF-8."
                .to_owned(),
            (E::NotText, Lang::En) => {
                "This is not a text file, so it is not a Factuurwacht backup; it may be a PDF, a \
                                       photo or a spreadsheet. Choose the backup file you made with Factuurwacht."
                    .to_owned()
            }
            (E::Csv, Lang::Nl) => "Dit is een CSV-bestand, geen back-up. Facturen uit een CSV-bestand lees je in \
                 bij Facturen, onder Importeren en exporteren. Een back-up is het .json-bestand dat je hier met \
                 Back-up downloaden hebt gemaakt."
                .to_owned(),
            (E::Csv, Lang::En) => "This is a CSV file, not a backup. Invoices from a CSV file are read in under \
                 Invoices, Import and export. A backup is the .json file you made here with Download backup."
                .to_owned(),
            (E::NotJson { line, column }, Lang::Nl) => format!(
                "Dit bestand is geen leesbare back-up: op regel {line}, positie {column} staat iets wat daar niet \
                 hoort. Misschien is het met de hand bewerkt of beschadigd geraakt. Kies een ander back-upbestand."
            ),
            (E::NotJson { line, column }, Lang::En) => format!(
                "This file is not a readable backup: at line {line}, position {column} there is something that does \
                 not belong there. It may have been edited by hand or damaged. Choose another backup file."
            ),
            (E::Truncated { line, .. }, Lang::Nl) => format!(
                "Dit bestand is afgebroken: het eindigt midden in de gegevens (regel {line}). Waarschijnlijk is het \
                 opslaan of downloaden niet helemaal gelukt. Kies een volledig back-upbestand."
            ),
            (E::Truncated { line, .. }, Lang::En) => format!(
                "This file is cut off: it ends in the middle of the data (line {line}). Saving or downloading it \
                 probably did not finish. Choose a complete backup file."
            ),
            (E::DuplicateKey { key, line, .. }, Lang::Nl) => format!(
                "In dit bestand staat het veld \"{key}\" twee keer in hetzelfde blok (regel {line}). Dan is niet te \
                 zeggen welke van de twee klopt, dus lezen we het bestand niet in. Kies een ander back-upbestand."
            ),
            (E::DuplicateKey { key, line, .. }, Lang::En) => format!(
                "This file has the field \"{key}\" twice in the same block (line {line}). There is no telling which \
                 of the two is right, so the file is not imported. Choose another backup file."
            ),
            (E::NotABackup { found }, Lang::Nl) => format!(
                "Dit bestand bevat alleen {} en geen back-up van Factuurwacht. Kies het back-upbestand dat je met \
                 Factuurwacht hebt gemaakt.",
                found_text(*found, lang)
            ),
            (E::NotABackup { found }, Lang::En) => format!(
                "This file holds only {}, not a Factuurwacht backup. Choose the backup file you made with \
                 Factuurwacht.",
                found_text(*found, lang)
            ),
            (E::ForeignFile { format }, Lang::Nl) => format!(
                "Dit bestand is geen back-up van Factuurwacht: het bevat wel gegevens, maar niet het kenmerk van een \
                 Factuurwacht-back-up.{} Misschien komt het van een ander programma. Kies het back-upbestand dat je \
                 met Factuurwacht hebt gemaakt.",
                format
                    .as_ref()
                    .map(|f| format!(" Het bestand noemt zichzelf \"{f}\"."))
                    .unwrap_or_default()
            ),
            (E::ForeignFile { format }, Lang::En) => format!(
                "This file is not a Factuurwacht backup: it does hold data, but not the mark of a Factuurwacht \
                 backup.{} It may come from another program. Choose the backup file you made with Factuurwacht.",
                format
                    .as_ref()
                    .map(|f| format!(" The file calls itself \"{f}\"."))
                    .unwrap_or_default()
            ),
            (E::TooNew { version }, Lang::Nl) => format!(
                "Deze back-up is gemaakt met een nieuwere versie van Factuurwacht (bestandsversie {version}; deze \
                 app leest tot en met versie {FORMAT_VERSION}). Werk de app eerst bij en lees het bestand daarna \
                 opnieuw in."
            ),
            (E::TooNew { version }, Lang::En) => format!(
                "This backup was made by a newer version of Factuurwacht (file version {version}; this app reads up \
                 to version {FORMAT_VERSION}). Update the app first, then import the file again."
            ),
            (E::TooOld { version }, Lang::Nl) => format!(
                "Deze back-up heeft bestandsversie {version}, en die kan deze versie van Factuurwacht niet lezen (de \
                 oudste bestandsversie die de app leest is {OLDEST_READABLE_VERSION}). Kies een recenter \
                 back-upbestand."
            ),
            (E::TooOld { version }, Lang::En) => format!(
                "This backup has file version {version}, which this version of Factuurwacht cannot read (the oldest \
                 file version the app reads is {OLDEST_READABLE_VERSION}). Choose a more recent backup file."
            ),
            (E::MissingField { record, field }, Lang::Nl) => format!(
                "{} ontbreekt het veld \"{field}\". Het bestand is waarschijnlijk beschadigd of met de hand bewerkt. \
                 Kies een ander back-upbestand.",
                at(record)
            ),
            (E::MissingField { record, field }, Lang::En) => format!(
                "{}, the field \"{field}\" is missing. The file was probably damaged or edited by hand. Choose \
                 another backup file.",
                at(record)
            ),
            (E::UnknownField { record, field }, Lang::Nl) => format!(
                "{} staat een veld dat Factuurwacht niet kent: \"{field}\". Misschien is het bestand met de hand \
                 bewerkt. We lezen het niet in, zodat er geen gegevens ongemerkt verloren gaan.",
                at(record)
            ),
            (E::UnknownField { record, field }, Lang::En) => format!(
                "{}, there is a field Factuurwacht does not know: \"{field}\". The file may have been edited by \
                 hand. It is not imported, so that no data is lost unnoticed.",
                at(record)
            ),
            (
                E::WrongType {
                    record,
                    field,
                    expected,
                    found,
                },
                Lang::Nl,
            ) => format!(
                "{} hoort in het veld \"{field}\" {}, maar er staat {}. Het bestand is waarschijnlijk beschadigd of \
                 met de hand bewerkt.",
                at(record),
                expected_text(*expected, lang),
                found_text(*found, lang)
            ),
            (
                E::WrongType {
                    record,
                    field,
                    expected,
                    found,
                },
                Lang::En,
            ) => format!(
                "{}, the field \"{field}\" should hold {}, but it holds {}. The file was probably damaged or edited \
                 by hand.",
                at(record),
                expected_text(*expected, lang),
                found_text(*found, lang)
            ),
            (E::UnknownChoice { record, field, value }, Lang::Nl) => format!(
                "{} staat in het veld \"{field}\" de waarde \"{value}\", en die kent Factuurwacht niet. Misschien \
                 komt het bestand van een nieuwere versie van de app of is het met de hand bewerkt.",
                at(record)
            ),
            (E::UnknownChoice { record, field, value }, Lang::En) => format!(
                "{}, the field \"{field}\" holds the value \"{value}\", which Factuurwacht does not know. The file \
                 may come from a newer version of the app or have been edited by hand.",
                at(record)
            ),
            (E::EmptyId { record, field }, Lang::Nl) => format!(
                "{} is het veld \"{field}\" leeg. Elke klant, factuur en dossierregel heeft een eigen id nodig, \
                 anders kunnen gegevens niet veilig worden samengevoegd.",
                at(record)
            ),
            (E::EmptyId { record, field }, Lang::En) => format!(
                "{}, the field \"{field}\" is empty. Every customer, invoice and dossier entry needs its own id, or \
                 data cannot be merged safely.",
                at(record)
            ),
            (E::InvalidAmount { record, field, value }, Lang::Nl) => format!(
                "{} staat in het veld \"{field}\" de waarde \"{value}\", en dat is geen bedrag zoals een back-up het \
                 schrijft: cijfers met een punt voor de centen, zoals \"1234.56\", zonder duizendtallen of \
                 valutateken.",
                at(record)
            ),
            (E::InvalidAmount { record, field, value }, Lang::En) => format!(
                "{}, the field \"{field}\" holds the value \"{value}\", which is not an amount as a backup writes \
                 it: digits with a full stop before the cents, such as \"1234.56\", without thousands separators or \
                 currency sign.",
                at(record)
            ),
            (E::NegativeAmount { record, value, .. }, Lang::Nl) => format!(
                "{} is het bedrag negatief ({value}). Een factuurbedrag kan niet negatief zijn.",
                at(record)
            ),
            (E::NegativeAmount { record, value, .. }, Lang::En) => format!(
                "{}, the amount is negative ({value}). An invoice amount cannot be negative.",
                at(record)
            ),
            (E::InvalidDate { record, field, value }, Lang::Nl) => format!(
                "{} staat in het veld \"{field}\" de waarde \"{value}\", en dat is geen bestaande datum. Een back-up \
                 schrijft datums als jaar-maand-dag, zoals \"2026-03-15\".",
                at(record)
            ),
            (E::InvalidDate { record, field, value }, Lang::En) => format!(
                "{}, the field \"{field}\" holds the value \"{value}\", which is not a valid date. A backup writes \
                 dates as year-month-day, such as \"2026-03-15\".",
                at(record)
            ),
            (E::DueBeforeIssue { record, issue, due }, Lang::Nl) => format!(
                "{} ligt de vervaldatum ({}) vóór de factuurdatum ({}). Zo'n factuur slaat de app niet op; het \
                 bestand is waarschijnlijk met de hand bewerkt.",
                at(record),
                iso_text(*due),
                iso_text(*issue)
            ),
            (E::DueBeforeIssue { record, issue, due }, Lang::En) => format!(
                "{}, the due date ({}) is before the invoice date ({}). The app does not store such an invoice; the \
                 file was probably edited by hand.",
                at(record),
                iso_text(*due),
                iso_text(*issue)
            ),
            (E::PayByOutOfRange { days }, Lang::Nl) => format!(
                "In de instellingen is de betaaltermijn in herinneringen {days} dagen, maar die moet {} tot en met {} \
                 dagen zijn. Het bestand is waarschijnlijk met de hand bewerkt.",
                PayByDays::MIN,
                PayByDays::MAX
            ),
            (E::PayByOutOfRange { days }, Lang::En) => format!(
                "In the settings, the pay-by term in reminders is {days} days, but it must be {} to {} days. The file \
                 was probably edited by hand.",
                PayByDays::MIN,
                PayByDays::MAX
            ),
            (E::DuplicateId { id, first, second }, Lang::Nl) => format!(
                "Twee {} hebben hetzelfde id \"{id}\": {} en {}. Een id moet uniek zijn, anders is niet te zeggen \
                 welke gegevens kloppen.",
                plural(second.entity, lang),
                d(first),
                d(second)
            ),
            (E::DuplicateId { id, first, second }, Lang::En) => format!(
                "Two {} share the id \"{id}\": {} and {}. An id must be unique, or there is no telling which data \
                 is right.",
                plural(second.entity, lang),
                d(first),
                d(second)
            ),
            (E::DuplicateInvoiceNumber { number, first, second }, Lang::Nl) => format!(
                "Twee facturen hebben hetzelfde factuurnummer {number}: {} en {}. Elk factuurnummer mag maar één \
                 keer voorkomen.",
                d(first),
                d(second)
            ),
            (E::DuplicateInvoiceNumber { number, first, second }, Lang::En) => format!(
                "Two invoices share the invoice number {number}: {} and {}. Each invoice number may appear only \
                 once.",
                d(first),
                d(second)
            ),
            (E::InvoiceWithoutCustomer { invoice, customer_id }, Lang::Nl) => format!(
                "{} hoort bij de klant met id \"{customer_id}\", maar die klant bestaat niet. Het bestand is \
                 waarschijnlijk onvolledig of beschadigd.",
                cap(invoice)
            ),
            (E::InvoiceWithoutCustomer { invoice, customer_id }, Lang::En) => format!(
                "{} belongs to the customer with id \"{customer_id}\", but that customer does not exist. The file is \
                 probably incomplete or damaged.",
                cap(invoice)
            ),
            (E::EventWithoutInvoices { event }, Lang::Nl) => format!(
                "{} gaat over geen enkele factuur, maar elke dossierregel hoort bij minstens één factuur.",
                cap(event)
            ),
            (E::EventWithoutInvoices { event }, Lang::En) => format!(
                "{} is not about any invoice, but every dossier entry belongs to at least one invoice.",
                cap(event)
            ),
            (E::EventWithoutCustomer { event, customer_id }, Lang::Nl) => format!(
                "{} hoort bij de klant met id \"{customer_id}\", maar die klant bestaat niet. Het bestand is \
                 waarschijnlijk onvolledig of beschadigd.",
                cap(event)
            ),
            (E::EventWithoutCustomer { event, customer_id }, Lang::En) => format!(
                "{} belongs to the customer with id \"{customer_id}\", but that customer does not exist. The file is \
                 probably incomplete or damaged.",
                cap(event)
            ),
            (E::EventWithoutInvoice { event, invoice_id }, Lang::Nl) => format!(
                "{} gaat over de factuur met id \"{invoice_id}\", maar die factuur bestaat niet. Het bestand is \
                 waarschijnlijk onvolledig of beschadigd.",
                cap(event)
            ),
            (E::EventWithoutInvoice { event, invoice_id }, Lang::En) => format!(
                "{} is about the invoice with id \"{invoice_id}\", but that invoice does not exist. The file is \
                 probably incomplete or damaged.",
                cap(event)
            ),
            (
                E::EventInvoiceOfOtherCustomer {
                    event,
                    invoice,
                    event_customer,
                    invoice_customer,
                },
                Lang::Nl,
            ) => format!(
                "{} hoort bij de klant met id \"{event_customer}\", maar gaat ook over {}, en die factuur hoort bij \
                 een andere klant (id \"{invoice_customer}\"). Een dossierregel gaat alleen over facturen van één \
                 klant.",
                cap(event),
                d(invoice)
            ),
            (
                E::EventInvoiceOfOtherCustomer {
                    event,
                    invoice,
                    event_customer,
                    invoice_customer,
                },
                Lang::En,
            ) => format!(
                "{} belongs to the customer with id \"{event_customer}\", but is also about {}, which belongs to \
                 another customer (id \"{invoice_customer}\"). A dossier entry is only about invoices of one \
                 customer.",
                cap(event),
                d(invoice)
            ),
            (E::EventConflict { event }, Lang::Nl) => format!(
                "{} staat al in je gegevens, maar het bestand heeft onder hetzelfde id een andere inhoud. Een \
                 dossierregel wordt nooit gewijzigd, dus deze twee kunnen niet worden samengevoegd. Er is niets \
                 veranderd aan je gegevens.",
                cap(event)
            ),
            (E::EventConflict { event }, Lang::En) => format!(
                "{} is already in your data, but the file has different content under the same id. A dossier entry \
                 is never changed, so these two cannot be merged. Nothing in your data was changed.",
                cap(event)
            ),
            // The usual way to get here: the same invoice typed or imported on two devices,
            // so with two ids. The ids mean nothing to the user; what to do next does.
            (E::MergeWouldBreak { problem }, _) if matches!(**problem, E::DuplicateInvoiceNumber { .. }) => {
                let number = match problem.as_ref() {
                    E::DuplicateInvoiceNumber { number, .. } => number.as_str(),
                    _ => "",
                };
                match lang {
                    Lang::Nl => format!(
                        "Samenvoegen kan niet: factuur {number} staat op dit apparaat en in de back-up, maar als twee \
                         verschillende facturen. Ze zijn los van elkaar ingevoerd, bijvoorbeeld door op beide \
                         apparaten hetzelfde CSV-bestand in te lezen, en samenvoegen zou de factuur dubbel maken. \
                         Wil je de back-up overnemen, download dan eerst een back-up van wat hier staat en kies \
                         Vervangen: wat alleen op dit apparaat staat, gaat daarbij verloren. Er is niets veranderd aan \
                         je gegevens."
                    ),
                    Lang::En => format!(
                        "The merge cannot be done: invoice {number} is on this device and in the backup, but as two \
                         different invoices. They were entered separately, for example by importing the same CSV file \
                         on both devices, and merging would make the invoice appear twice. To take over the backup, \
                         first download a backup of what is here, then choose Replace: what is only on this device \
                         is lost with it. Nothing in your data was changed."
                    ),
                }
            }
            (E::MergeWouldBreak { problem }, Lang::Nl) => format!(
                "Samenvoegen kan niet, want daarna zouden de gegevens niet meer kloppen. {} Er is niets veranderd \
                 aan je gegevens.",
                problem.message(lang)
            ),
            (E::MergeWouldBreak { problem }, Lang::En) => format!(
                "The merge cannot be done, because the data would no longer fit together. {} Nothing in your data \
                 was changed.",
                problem.message(lang)
            ),
        }
    }
}

impl fmt::Display for BackupError {
    /// The English message, for logs and developer tools; the interface uses `message`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for BackupError {}

#[cfg(test)]
mod tests {
    use super::*;

    use chrono::Days;
    use proptest::prelude::*;
    use proptest::sample::{select, Index};
    use serde_json::json;

    const AT: &str = "2026-11-22T17:30:00+01:00";

    fn d(text: &str) -> NaiveDate {
        parse_iso_text(text).unwrap()
    }

    fn dec(text: &str) -> Decimal {
        parse_amount_text(text).unwrap()
    }

    fn customer(id: &str, name: &str) -> Customer {
        Customer::new(CustomerId::from(id), name)
    }

    fn invoice(id: &str, number: &str, customer: &str, issued: &str, amount: &str) -> Invoice {
        let issue_date = d(issued);
        Invoice {
            id: InvoiceId::from(id),
            number: number.to_owned(),
            customer_id: CustomerId::from(customer),
            issue_date,
            due_date: issue_date.checked_add_days(Days::new(30)).unwrap(),
            amount: dec(amount),
            currency: "EUR".to_owned(),
            description: format!("Werkzaamheden {number}"),
        }
    }

    fn event(id: &str, invoices: &[&str], customer: &str, date: &str, kind: EventKind) -> Event {
        Event {
            id: EventId::from(id),
            invoice_ids: invoices.iter().map(|i| InvoiceId::from(*i)).collect(),
            customer_id: CustomerId::from(customer),
            date: d(date),
            channel: Channel::Email,
            kind,
        }
    }

    /// Two customers, three invoices and one dossier entry of every kind, ids already in the
    /// order the file writes them, so positions in the file are easy to name.
    fn fixture() -> Dataset {
        // Spelled out rather than `Settings::default()`, so that a new default elsewhere (a
        // published interest rate, say) cannot change the pinned file format snapshot.
        let rate = |from: &str, percent: &str| RatePeriod {
            from: d(from),
            percent: dec(percent),
        };
        let settings = Settings {
            business: BusinessDetails {
                name: "Klusbedrijf De Vries".to_owned(),
                address: PostalAddress {
                    street: "Ganzenmarkt 1".to_owned(),
                    postcode: "3512 GD".to_owned(),
                    city: "Utrecht".to_owned(),
                    country: "Nederland".to_owned(),
                },
                email: "post@devries.example".to_owned(),
                phone: "030 123 45 67".to_owned(),
                iban: "NL91 ABNA 0417 1643 00".to_owned(),
                registration_number: "12345678".to_owned(),
                vat_number: "NL001234567B01".to_owned(),
            },
            jurisdiction: Jurisdiction::Nl,
            default_payment_term_days: 30,
            schedule: Schedule {
                heads_up_before_due: 3,
                first_reminder_after_due: 1,
                second_reminder_after_due: 14,
                call_after_second_reminder: 7,
                last_reminder_after_due: 30,
                hand_over_after_last_term: 1,
                promise_grace: 2,
                max_unanswered_calls: 3,
            },
            pay_by: PayByDays::new(7).unwrap(),
            call_before_due_from: dec("2500.00"),
            meeting_from: dec("10000"),
            minimum_worth_chasing: dec("10.00"),
            claim_interest: false,
            claim_collection_costs: true,
            vat_on_collection_costs: false,
            consumer_damages_clause: false,
            agency: CollectionAgency {
                name: "Incasso Noord".to_owned(),
                email: "info@incassonoord.example".to_owned(),
            },
            rates: InterestRates {
                nl_consumer: vec![rate("2025-07-01", "6"), rate("2026-01-01", "4")],
                nl_commercial: vec![rate("2025-07-01", "10.15"), rate("2026-01-01", "10.15")],
                be_commercial: vec![rate("2025-07-01", "10.5")],
            },
        };
        let mut jansen = customer("c1", "Bakkerij Jansen");
        jansen.email = "info@jansen.example".to_owned();
        jansen.address.street = "Dorpsstraat 1".to_owned();
        let mut pieters = customer("c2", "Marieke Pieters");
        pieters.kind = CustomerKind::Consumer;
        pieters.language = Lang::En;
        pieters.preferred_channel = Channel::Sms;
        pieters.best_time = BestTime::Evening;
        pieters.paused = Some("op vakantie tot 1 maart".to_owned());
        pieters.notes = "Zegt: \"{bel na zessen}\" ✓".to_owned();
        let mut call = event(
            "e02",
            &["i1"],
            "c1",
            "2026-02-20",
            EventKind::Call {
                outcome: CallOutcome::NoAnswer,
                at: DayPart::Morning,
                summary: String::new(),
            },
        );
        call.channel = Channel::Phone;
        Dataset {
            settings,
            customers: vec![jansen, pieters],
            invoices: vec![
                invoice("i1", "2026-001", "c1", "2026-01-05", "1250.00"),
                invoice("i2", "2026-002", "c1", "2026-01-19", "480.50"),
                invoice("i3", "2026-003", "c2", "2026-02-02", "99.95"),
            ],
            events: vec![
                event(
                    "e01",
                    &["i1"],
                    "c1",
                    "2026-02-05",
                    EventKind::MessageSent {
                        message: MessageKind::FirstReminder,
                        to: "info@jansen.example".to_owned(),
                        subject: "Herinnering factuur 2026-001".to_owned(),
                        body: "Beste meneer Jansen,\n\nWilt u ...".to_owned(),
                    },
                ),
                call,
                event(
                    "e03",
                    &["i1"],
                    "c1",
                    "2026-02-24",
                    EventKind::Meeting {
                        summary: "Koffie".into(),
                    },
                ),
                event(
                    "e04",
                    &["i1"],
                    "c1",
                    "2026-02-24",
                    EventKind::PromiseToPay {
                        amount: dec("600.00"),
                        date: d("2026-03-01"),
                    },
                ),
                event(
                    "e05",
                    &["i2"],
                    "c1",
                    "2026-02-25",
                    EventKind::DisputeOpened {
                        reason: "Te duur".into(),
                    },
                ),
                event(
                    "e06",
                    &["i2"],
                    "c1",
                    "2026-02-26",
                    EventKind::DisputeResolved {
                        resolution: "Uitgelegd".into(),
                    },
                ),
                event(
                    "e07",
                    &["i3"],
                    "c2",
                    "2026-03-02",
                    EventKind::CannotPay { note: "Krap".into() },
                ),
                event(
                    "e08",
                    &["i3"],
                    "c2",
                    "2026-03-03",
                    EventKind::PaymentPlanAgreed {
                        instalments: vec![
                            Instalment {
                                date: d("2026-04-01"),
                                amount: dec("50.00"),
                            },
                            Instalment {
                                date: d("2026-05-01"),
                                amount: dec("49.95"),
                            },
                        ],
                    },
                ),
                event(
                    "e09",
                    &["i1"],
                    "c1",
                    "2026-03-01",
                    EventKind::PaymentReceived {
                        amount: dec("600.00"),
                        note: "Deelbetaling".into(),
                    },
                ),
                event(
                    "e10",
                    &["i2"],
                    "c1",
                    "2026-04-01",
                    EventKind::HandedOver {
                        agency: "Incasso Noord".into(),
                    },
                ),
                event(
                    "e11",
                    &["i2"],
                    "c1",
                    "2026-05-01",
                    EventKind::WrittenOff {
                        reason: "Failliet".into(),
                    },
                ),
                event(
                    "e12",
                    &["i3"],
                    "c2",
                    "2026-03-04",
                    EventKind::ChasePaused {
                        reason: "Vakantie".into(),
                    },
                ),
                event("e13", &["i3"], "c2", "2026-03-20", EventKind::ChaseResumed),
                event(
                    "e14",
                    &["i1", "i2"],
                    "c1",
                    "2026-03-21",
                    EventKind::Note {
                        text: "Gebeld 🙂".into(),
                    },
                ),
            ],
        }
    }

    fn record(entity: Entity, position: usize, id: &str, label: &str) -> RecordRef {
        RecordRef {
            entity,
            position: Some(position),
            id: Some(id.to_owned()),
            label: Some(label.to_owned()),
        }
    }

    fn customer_at(position: usize) -> RecordRef {
        let data = fixture();
        let c = &data.customers[position - 1];
        record(Entity::Customer, position, c.id.as_str(), &c.name)
    }

    fn invoice_at(position: usize) -> RecordRef {
        let data = fixture();
        let i = &data.invoices[position - 1];
        record(Entity::Invoice, position, i.id.as_str(), &i.number)
    }

    fn event_at(position: usize) -> RecordRef {
        let data = fixture();
        let e = &data.events[position - 1];
        record(Entity::Event, position, e.id.as_str(), &iso_text(e.date))
    }

    fn unnumbered(mut r: RecordRef) -> RecordRef {
        r.position = None;
        r
    }

    fn exported() -> Value {
        serde_json::from_str(&export(&fixture(), "0.1.0", AT)).unwrap()
    }

    /// The fixture's backup with one change made to its JSON.
    fn with(change: impl FnOnce(&mut Value)) -> String {
        let mut value = exported();
        change(&mut value);
        serde_json::to_string_pretty(&value).unwrap()
    }

    fn remove(value: &mut Value, key: &str) {
        value.as_object_mut().unwrap().remove(key);
    }

    #[test]
    fn the_file_format_is_pinned() {
        insta::assert_snapshot!(export(&fixture(), "0.1.0", AT));
    }

    #[test]
    fn the_fixture_reads_back_as_it_was_written() {
        let expected = Backup {
            format_version: FORMAT_VERSION,
            app_version: "0.1.0".to_owned(),
            exported_at: AT.to_owned(),
            data: fixture(),
        };
        assert_eq!(parse(&export(&fixture(), "0.1.0", AT)), Ok(expected));
    }

    #[test]
    fn a_version_1_file_reads_the_damages_clause_as_off() {
        let mut data = fixture();
        data.settings.consumer_damages_clause = true;
        let written = export(&data, "0.1.0", AT);
        assert_eq!(
            parse(&written).map(|b| b.data.settings.consumer_damages_clause),
            Ok(true)
        );
        let clause = |file: &Value| parse(&file.to_string()).map(|b| b.data.settings.consumer_damages_clause);
        // Version 1 had no such setting: without it the file reads as off, with it the field
        // is one version 1 never wrote.
        let mut older: Value = serde_json::from_str(&written).unwrap();
        older["format_version"] = Value::from(1);
        assert!(matches!(clause(&older), Err(BackupError::UnknownField { .. })));
        remove(&mut older["settings"], "consumer_damages_clause");
        assert_eq!(clause(&older), Ok(false));
        // Version 2 must say.
        older["format_version"] = Value::from(2);
        assert!(matches!(clause(&older), Err(BackupError::MissingField { .. })));
        older["settings"]["consumer_damages_clause"] = Value::from("ja");
        assert!(matches!(
            clause(&older),
            Err(BackupError::WrongType {
                expected: Expected::TrueOrFalse,
                ..
            })
        ));
    }

    #[test]
    fn export_does_not_depend_on_the_order_of_the_lists() {
        let mut shuffled = fixture();
        shuffled.customers.reverse();
        shuffled.invoices.reverse();
        shuffled.events.reverse();
        assert_eq!(export(&shuffled, "0.1.0", AT), export(&fixture(), "0.1.0", AT));
    }

    fn wrong(record: RecordRef, field: &str, expected: Expected, found: JsonKind) -> BackupError {
        BackupError::WrongType {
            record,
            field: field.to_owned(),
            expected,
            found,
        }
    }

    fn bad_amount(record: RecordRef, field: &str, value: &str) -> BackupError {
        BackupError::InvalidAmount {
            record,
            field: field.to_owned(),
            value: value.to_owned(),
        }
    }

    fn bad_date(record: RecordRef, field: &str, value: &str) -> BackupError {
        BackupError::InvalidDate {
            record,
            field: field.to_owned(),
            value: value.to_owned(),
        }
    }

    fn unknown(record: RecordRef, field: &str, value: &str) -> BackupError {
        BackupError::UnknownChoice {
            record,
            field: field.to_owned(),
            value: value.to_owned(),
        }
    }

    fn missing(record: RecordRef, field: &str) -> BackupError {
        BackupError::MissingField {
            record,
            field: field.to_owned(),
        }
    }

    #[test]
    #[rustfmt::skip]
    fn bad_files_are_refused_with_a_precise_reason() {
        use BackupError::*;
        use Expected as X;
        use JsonKind as K;
        let (file, settings) = (RecordRef::file(), RecordRef::settings());
        let whole = export(&fixture(), "0.1.0", AT);
        let half = &whole[..(0..=whole.len() / 2).rev().find(|i| whole.is_char_boundary(*i)).unwrap()];
        let half_end = Truncated { line: half.lines().count(), column: half.lines().last().unwrap().len() };
        let two_lists = whole.replacen("\"invoices\": [", "\"invoices\": [],\n  \"invoices\": [", 1);
        // Where the place of an error depends on the pretty printer, the table says line 0 and
        // only the variant and its other data are compared.
        let cases: Vec<(&str, String, BackupError)> = vec![
            ("an empty file", "".into(), Empty),
            ("only white space", " \n\t \r\n".into(), Empty),
            ("JSON null", "null".into(), NotABackup { found: K::Null }),
            ("a JSON array", "[1, 2, 3]".into(), NotABackup { found: K::List }),
            ("a JSON string", "\"factuurwacht-backup\"".into(), NotABackup { found: K::Text }),
            ("a JSON number", "12".into(), NotABackup { found: K::Number }),
            ("a JSON boolean", "true".into(), NotABackup { found: K::Bool }),
            ("not JSON at all", "Factuur 2026-001: € 1.250,00".into(), NotJson { line: 1, column: 1 }),
            ("the invoice list's CSV export", "Factuurnummer;Klant;Bedrag\r\n2026-001;Jansen;100,00\r\n".into(), Csv),
            ("text after the backup", format!("{whole}\nx"), NotJson { line: 0, column: 0 }),
            ("a cut-off object", r#"{"format": "factuurwacht-backup", "customers": ["#.into(), Truncated { line: 1, column: 48 }),
            ("a cut-off export", half.to_owned(), half_end),
            ("another app's JSON", r#"{"name":"my-package","version":"1.0.0"}"#.into(), ForeignFile { format: None }),
            ("an empty object", "{}".into(), ForeignFile { format: None }),
            ("another format name", r#"{"format":"other-export","format_version":1}"#.into(), ForeignFile { format: Some("other-export".into()) }),
            ("a format mark that is not text", r#"{"format":1}"#.into(), ForeignFile { format: None }),
            ("a field named twice", r#"{"format":"factuurwacht-backup","format":"x"}"#.into(), DuplicateKey { key: "format".into(), line: 1, column: 40 }),
            ("two invoice lists", two_lists, DuplicateKey { key: "invoices".into(), line: 0, column: 0 }),
            ("format version 99", with(|v| v["format_version"] = json!(99)), TooNew { version: 99 }),
            ("format version 0", with(|v| v["format_version"] = json!(0)), TooOld { version: 0 }),
            ("format version as text", with(|v| v["format_version"] = json!("1")), wrong(file.clone(), "format_version", X::WholeNumber, K::Text)),
            ("no format version", with(|v| remove(v, "format_version")), missing(file.clone(), "format_version")),
            ("no dossier", with(|v| remove(v, "events")), missing(file.clone(), "events")),
            ("customers that are not a list", with(|v| v["customers"] = json!({})), wrong(file.clone(), "customers", X::List, K::Object)),
            ("a customer that is a number", with(|v| v["customers"][0] = json!(7)), wrong(file.clone(), "customers[1]", X::Object, K::Number)),
            ("a customer without a name", with(|v| remove(&mut v["customers"][0], "name")), missing(RecordRef { label: None, ..customer_at(1) }, "name")),
            ("paused as a number", with(|v| v["customers"][1]["paused"] = json!(3)), wrong(customer_at(2), "paused", X::TextOrNull, K::Number)),
            ("an unknown language", with(|v| v["customers"][1]["language"] = json!("de")), unknown(customer_at(2), "language", "de")),
            ("a blank customer id", with(|v| v["customers"][0]["id"] = json!("")), EmptyId { record: RecordRef { id: Some("".into()), ..customer_at(1) }, field: "id".into() }),
            ("a duplicate customer id", with(|v| v["customers"][1]["id"] = json!("c1")), DuplicateId { id: "c1".into(), first: customer_at(1), second: record(Entity::Customer, 2, "c1", "Marieke Pieters") }),
            ("an invoice with a missing customer", with(|v| v["invoices"][0]["customer_id"] = json!("c9")), InvoiceWithoutCustomer { invoice: invoice_at(1), customer_id: "c9".into() }),
            ("an amount with a letter O", with(|v| v["invoices"][0]["amount"] = json!("1.234,5O")), bad_amount(invoice_at(1), "amount", "1.234,5O")),
            ("an amount with an exponent", with(|v| v["invoices"][0]["amount"] = json!("1e3")), bad_amount(invoice_at(1), "amount", "1e3")),
            ("an amount with a euro sign", with(|v| v["invoices"][0]["amount"] = json!("€ 12.50")), bad_amount(invoice_at(1), "amount", "€ 12.50")),
            ("an amount as a JSON number", with(|v| v["invoices"][0]["amount"] = json!(1250.0)), wrong(invoice_at(1), "amount", X::Amount, K::Number)),
            ("a negative invoice amount", with(|v| v["invoices"][0]["amount"] = json!("-1250.00")), NegativeAmount { record: invoice_at(1), field: "amount".into(), value: "-1250.00".into() }),
            ("due before issued", with(|v| v["invoices"][0]["due_date"] = json!("2026-01-04")), DueBeforeIssue { record: invoice_at(1), issue: d("2026-01-05"), due: d("2026-01-04") }),
            ("31 February", with(|v| v["invoices"][0]["due_date"] = json!("2026-02-31")), bad_date(invoice_at(1), "due_date", "2026-02-31")),
            ("a Dutch date", with(|v| v["invoices"][0]["issue_date"] = json!("05-01-2026")), bad_date(invoice_at(1), "issue_date", "05-01-2026")),
            ("a date with a time", with(|v| v["invoices"][0]["issue_date"] = json!("2026-01-05T10:00")), bad_date(invoice_at(1), "issue_date", "2026-01-05T10:00")),
            ("a date as a number", with(|v| v["invoices"][2]["issue_date"] = json!(20260202)), wrong(invoice_at(3), "issue_date", X::Date, K::Number)),
            ("a duplicate invoice number", with(|v| v["invoices"][1]["number"] = json!("2026-001")), DuplicateInvoiceNumber { number: "2026-001".into(), first: invoice_at(1), second: record(Entity::Invoice, 2, "i2", "2026-001") }),
            ("a duplicate number but for a space", with(|v| v["invoices"][1]["number"] = json!(" 2026-001")), DuplicateInvoiceNumber { number: "2026-001".into(), first: invoice_at(1), second: record(Entity::Invoice, 2, "i2", "2026-001") }),
            ("a pay-by term of 30 days", with(|v| v["settings"]["pay_by_days"] = json!(30)), PayByOutOfRange { days: 30 }),
            ("a pay-by term of 4 days", with(|v| v["settings"]["pay_by_days"] = json!(4)), PayByOutOfRange { days: 4 }),
            ("a negative schedule offset", with(|v| v["settings"]["schedule"]["promise_grace"] = json!(-1)), wrong(settings.clone(), "schedule.promise_grace", X::WholeNumber, K::Number)),
            ("a schedule offset beyond u32", with(|v| v["settings"]["schedule"]["promise_grace"] = json!(5_000_000_000_u64)), wrong(settings.clone(), "schedule.promise_grace", X::WholeNumber, K::Number)),
            ("a fractional term", with(|v| v["settings"]["default_payment_term_days"] = json!(14.5)), wrong(settings.clone(), "default_payment_term_days", X::WholeNumber, K::Number)),
            ("an unknown jurisdiction", with(|v| v["settings"]["jurisdiction"] = json!("DE")), unknown(settings.clone(), "jurisdiction", "DE")),
            ("a bad interest rate", with(|v| v["settings"]["interest_rates"]["nl_commercial"][1]["percent"] = json!("12%")), bad_amount(settings.clone(), "interest_rates.nl_commercial[2].percent", "12%")),
            ("a flag as text", with(|v| v["settings"]["claim_interest"] = json!("yes")), wrong(settings.clone(), "claim_interest", X::TrueOrFalse, K::Text)),
            ("an unknown channel", with(|v| v["events"][0]["channel"] = json!("fax")), unknown(event_at(1), "channel", "fax")),
            ("an unknown event type", with(|v| v["events"][0]["kind"]["type"] = json!("telegram")), unknown(event_at(1), "kind.type", "telegram")),
            ("an unknown message kind", with(|v| v["events"][0]["kind"]["message"] = json!("fifth_reminder")), unknown(event_at(1), "kind.message", "fifth_reminder")),
            ("a call outcome missing", with(|v| remove(&mut v["events"][1]["kind"], "outcome")), missing(event_at(2), "kind.outcome")),
            ("a bad instalment date", with(|v| v["events"][7]["kind"]["instalments"][1]["date"] = json!("2026-13-01")), bad_date(event_at(8), "kind.instalments[2].date", "2026-13-01")),
            ("an invoice id that is a number", with(|v| v["events"][0]["invoice_ids"][0] = json!(5)), wrong(event_at(1), "invoice_ids[1]", X::Text, K::Number)),
            ("a duplicate event id", with(|v| v["events"][1]["id"] = json!("e01")), DuplicateId { id: "e01".into(), first: event_at(1), second: record(Entity::Event, 2, "e01", "2026-02-20") }),
            ("an event about no invoice", with(|v| v["events"][0]["invoice_ids"] = json!([])), EventWithoutInvoices { event: event_at(1) }),
            ("an event about a missing invoice", with(|v| v["events"][0]["invoice_ids"] = json!(["i9"])), EventWithoutInvoice { event: event_at(1), invoice_id: "i9".into() }),
            ("an event of a missing customer", with(|v| v["events"][0]["customer_id"] = json!("c9")), EventWithoutCustomer { event: event_at(1), customer_id: "c9".into() }),
            ("an event about another customer's invoice", with(|v| v["events"][0]["invoice_ids"] = json!(["i1", "i3"])), EventInvoiceOfOtherCustomer { event: event_at(1), invoice: invoice_at(3), event_customer: "c1".into(), invoice_customer: "c2".into() }),
        ];
        for (name, input, expected) in cases {
            let got = match (parse(&input), &expected) {
                (Err(NotJson { .. }), NotJson { line: 0, .. }) => Err(NotJson { line: 0, column: 0 }),
                (Err(DuplicateKey { key, .. }), DuplicateKey { line: 0, .. }) => Err(DuplicateKey { key, line: 0, column: 0 }),
                (other, _) => other,
            };
            assert_eq!(got, Err(expected), "{name}");
        }
    }

    #[test]
    #[rustfmt::skip]
    fn unknown_fields_are_refused_at_every_level() {
        let (file, settings) = (RecordRef::file(), RecordRef::settings());
        // A path into the fixture's JSON, steps separated by "/", list positions from 0.
        let cases = [
            ("", file, "extra"),
            ("settings", settings.clone(), "extra"),
            ("settings/business", settings.clone(), "business.extra"),
            ("settings/business/address", settings.clone(), "business.address.extra"),
            ("settings/schedule", settings.clone(), "schedule.extra"),
            ("settings/agency", settings.clone(), "agency.extra"),
            ("settings/interest_rates", settings.clone(), "interest_rates.extra"),
            ("settings/interest_rates/be_commercial/0", settings.clone(), "interest_rates.be_commercial[1].extra"),
            ("customers/1", customer_at(2), "extra"),
            ("customers/1/address", customer_at(2), "address.extra"),
            ("invoices/2", invoice_at(3), "extra"),
            ("events/0", event_at(1), "extra"),
            ("events/0/kind", event_at(1), "kind.extra"),
            ("events/12/kind", event_at(13), "kind.extra"),
            ("events/7/kind/instalments/1", event_at(8), "kind.instalments[2].extra"),
        ];
        for (path, record, field) in cases {
            let input = with(|v| {
                let mut target = v;
                for step in path.split('/').filter(|s| !s.is_empty()) {
                    target = match step.parse::<usize>() {
                        Ok(i) => &mut target[i],
                        Err(_) => &mut target[step],
                    };
                }
                target["extra"] = json!(1);
            });
            let expected = BackupError::UnknownField { record, field: field.to_owned() };
            assert_eq!(parse(&input), Err(expected), "{path:?}");
        }
    }

    #[test]
    fn a_byte_order_mark_is_ignored_and_binary_files_are_not_text() {
        let file = export(&fixture(), "0.1.0", AT);
        assert_eq!(parse(&format!("\u{FEFF}{file}")).map(|b| b.data), Ok(fixture()));
        assert_eq!(parse_bytes(file.as_bytes()).map(|b| b.data), Ok(fixture()));
        assert_eq!(parse_bytes(b"%PDF-1.7\n\xff\xfe\x00"), Err(BackupError::NotText));
        // "Café" saved again in Windows-1252.
        assert_eq!(parse_bytes(b"{\"name\": \"Caf\xe9\"}"), Err(BackupError::NotUtf8));
        assert_eq!(parse_bytes(b""), Err(BackupError::Empty));
    }

    #[test]
    fn deep_nesting_is_refused_without_overflowing_the_stack() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(matches!(parse(&deep), Err(BackupError::NotJson { .. })));
    }

    #[test]
    fn amounts_are_read_only_as_a_backup_writes_them() {
        let cases = [
            ("1234.56", Some("1234.56")),
            ("0", Some("0")),
            ("-12.5", Some("-12.5")),
            ("0.0000000000000000000000000001", Some("0.0000000000000000000000000001")),
            ("79228162514264337593543950335", Some("79228162514264337593543950335")),
            ("79228162514264337593543950336", None),
            ("", None),
            ("-", None),
            (".5", None),
            ("5.", None),
            ("+5", None),
            ("1,50", None),
            ("1.234,5O", None),
            ("1_000", None),
            ("1e3", None),
            (" 12", None),
            ("12 ", None),
            ("--1", None),
            ("١٢", None),
        ];
        for (text, expected) in cases {
            let expected = expected.map(|e| Decimal::from_str_exact(e).unwrap());
            assert_eq!(parse_amount_text(text), expected, "{text:?}");
        }
    }

    #[test]
    fn the_extremes_of_dates_and_amounts_survive_a_round_trip() {
        let mut data = fixture();
        data.invoices[0].due_date = NaiveDate::MAX;
        data.invoices[1].issue_date = NaiveDate::MIN;
        data.invoices[1].amount = Decimal::MAX;
        data.events[8].kind = EventKind::PaymentReceived {
            amount: Decimal::MIN,
            note: String::new(),
        };
        data.settings.meeting_from = Decimal::new(1, 28);
        let file = export(&data, "0.1.0", AT);
        assert_eq!(parse(&file).map(|b| b.data), Ok(data));
    }

    #[test]
    fn validation_is_no_stricter_than_the_app() {
        let mut data = fixture();
        data.invoices[0].number = String::new();
        data.invoices[1].number = "  ".to_owned();
        data.invoices[2].amount = Decimal::ZERO;
        data.customers[0].name = String::new();
        assert_eq!(validate(&data), Ok(()));
        let file = export(&data, "0.1.0", AT);
        assert_eq!(parse(&file).map(|b| b.data), Ok(data));
    }

    #[test]
    fn validation_is_no_looser_than_the_app() {
        // (what is changed, the field the refusal names)
        type Change = fn(&mut Dataset);
        let rows: [(Change, &str); 3] = [
            // Two numbers the invoice form treats as one.
            (
                |d| d.invoices[1].number = format!(" {} ", d.invoices[0].number.to_lowercase()),
                "number",
            ),
            (
                |d| d.invoices[1].number = d.invoices[0].number.replace('-', "\u{2011}"),
                "number",
            ),
            // A third decimal no screen can show.
            (|d| d.invoices[0].amount = dec("10.005"), "amount"),
        ];
        for (change, field) in rows {
            let mut data = fixture();
            change(&mut data);
            let refused = validate(&data).expect_err(field);
            match (&refused, field) {
                (BackupError::DuplicateInvoiceNumber { .. }, "number") => {}
                (BackupError::InvalidAmount { field: f, .. }, "amount") if f == "amount" => {}
                _ => panic!("{field}: {refused:?}"),
            }
        }
    }

    #[test]
    fn preview_shows_what_the_file_holds() {
        let backup = parse(&export(&fixture(), "0.1.0", AT)).unwrap();
        let expected = Preview {
            format_version: FORMAT_VERSION,
            app_version: "0.1.0".to_owned(),
            exported_at: AT.to_owned(),
            customers: 2,
            invoices: 3,
            events: 14,
            // i1 is partly paid (650.00 left), i2 is written off, i3 is open (99.95).
            open_invoices: 2,
            outstanding: dec("749.95"),
            earliest_invoice_date: Some(d("2026-01-05")),
            latest_invoice_date: Some(d("2026-02-02")),
        };
        assert_eq!(preview(&backup), expected);
    }

    #[test]
    fn the_preview_reads_the_day_the_file_was_written() {
        let at = |exported_at: &str| {
            Preview {
                exported_at: exported_at.to_owned(),
                ..preview(&parse(&export(&fixture(), "0.1.0", AT)).unwrap())
            }
            .exported_on()
        };
        assert_eq!(at(AT), Some(d("2026-11-22")));
        assert_eq!(at("2026-11-22"), Some(d("2026-11-22")));
        assert_eq!(at("yesterday"), None);
        assert_eq!(at("2026-13-01T00:00:00Z"), None);
        assert_eq!(at("€€€€€€"), None, "a cut inside a character is no date, and no panic");
    }

    #[test]
    fn preview_counts_a_payment_naming_its_invoice_twice_once() {
        let mut data = fixture();
        data.events[8].invoice_ids = vec![InvoiceId::from("i1"), InvoiceId::from("i1")];
        let backup = Backup {
            format_version: 1,
            app_version: String::new(),
            exported_at: String::new(),
            data,
        };
        assert_eq!(preview(&backup).outstanding, dec("749.95"));
    }

    /// A new customer with one invoice and one dossier entry: a file that is valid on its own.
    fn newcomer() -> Dataset {
        Dataset {
            settings: Settings {
                pay_by: PayByDays::new(14).unwrap(),
                ..Settings::default()
            },
            customers: vec![customer("c3", "Fietsenmaker Bos")],
            invoices: vec![invoice("i4", "2026-004", "c3", "2026-03-01", "300.00")],
            events: vec![event(
                "e15",
                &["i4"],
                "c3",
                "2026-03-02",
                EventKind::Note { text: "Nieuw".into() },
            )],
        }
    }

    #[test]
    fn merge_adds_new_records_and_keeps_the_rest() {
        let current = fixture();
        let merged = apply(&current, &newcomer(), ImportMode::Merge).unwrap();
        let mut expected = fixture();
        expected.customers.extend(newcomer().customers);
        expected.invoices.extend(newcomer().invoices);
        expected.events.extend(newcomer().events);
        assert_eq!(merged, expected);
        let added_one = Changes {
            added: 1,
            ..Changes::default()
        };
        assert_eq!(
            diff_counts(&current, &merged),
            Diff {
                customers: Changes {
                    unchanged: 2,
                    ..added_one
                },
                invoices: Changes {
                    unchanged: 3,
                    ..added_one
                },
                events: Changes {
                    unchanged: 14,
                    ..added_one
                },
                settings_changed: false,
            }
        );
    }

    #[test]
    fn merge_goes_by_id_and_the_file_wins() {
        let current = fixture();
        let mut incoming = fixture();
        incoming.customers[0].name = "Bakkerij Jansen & Zn.".to_owned();
        incoming.invoices[1].description = "Gecorrigeerd".to_owned();
        incoming.settings.claim_interest = true;
        let new = newcomer();
        incoming.customers.extend(new.customers);
        incoming.invoices.extend(new.invoices);
        incoming.events.extend(new.events);
        let merged = apply(&current, &incoming, ImportMode::Merge).unwrap();
        assert_eq!(merged.customers[0].name, "Bakkerij Jansen & Zn.");
        assert_eq!(merged.invoices[1].description, "Gecorrigeerd");
        assert_eq!(merged.settings, current.settings, "a merge keeps the current settings");
        assert_eq!(merge_writes(&current, &incoming).unwrap().settings, None);
        assert_eq!(
            diff_counts(&current, &merged),
            Diff {
                customers: Changes {
                    added: 1,
                    updated: 1,
                    unchanged: 1,
                    removed: 0
                },
                invoices: Changes {
                    added: 1,
                    updated: 1,
                    unchanged: 2,
                    removed: 0
                },
                events: Changes {
                    added: 1,
                    updated: 0,
                    unchanged: 14,
                    removed: 0
                },
                settings_changed: false,
            }
        );
    }

    /// A device that was never set up (its settings are the defaults) would otherwise send
    /// reminders without a name or IBAN after a merge: it takes the file's settings.
    #[test]
    fn a_merge_into_a_device_never_set_up_takes_the_files_settings() {
        let incoming = fixture();
        let current = Dataset {
            settings: Settings::default(),
            ..newcomer()
        };
        let merged = apply(&current, &incoming, ImportMode::Merge).unwrap();
        assert_eq!(merged.settings, incoming.settings);
        assert!(diff_counts(&current, &merged).settings_changed);
        let writes = merge_writes(&current, &incoming).unwrap();
        assert_eq!(writes.settings.as_ref(), Some(&incoming.settings));
        // One changed setting is a device that was set up: its settings stay.
        let mut touched = current.clone();
        touched.settings.claim_interest = !touched.settings.claim_interest;
        assert_eq!(
            apply(&touched, &incoming, ImportMode::Merge).unwrap().settings,
            touched.settings
        );
        assert_eq!(merge_writes(&touched, &incoming).unwrap().settings, None);
    }

    /// A merge writes what is new or different in the file and nothing else, so records the
    /// file does not hold are never rewritten (or, written from a stale copy, deleted).
    #[test]
    fn a_merge_writes_only_what_the_file_adds_or_changes() {
        let current = fixture();
        let mut incoming = fixture();
        incoming.customers[0].name = "Bakkerij Jansen & Zn.".to_owned();
        incoming.invoices.truncate(1);
        incoming.invoices[0].description = "Gecorrigeerd".to_owned();
        incoming.events.retain(|e| e.invoice_ids.iter().all(|id| id.0 == "i1"));
        incoming.settings.claim_interest = true;
        let new = newcomer();
        incoming.customers.extend(new.customers.clone());
        incoming.invoices.extend(new.invoices.clone());
        incoming.events.extend(new.events.clone());

        let writes = merge_writes(&current, &incoming).unwrap();
        assert_eq!(
            writes.customers,
            vec![incoming.customers[0].clone(), new.customers[0].clone()]
        );
        assert_eq!(writes.updated_customers, vec![current.customers[0].id.clone()]);
        assert_eq!(
            writes.invoices,
            vec![incoming.invoices[0].clone(), new.invoices[0].clone()]
        );
        assert_eq!(writes.updated_invoices, vec![current.invoices[0].id.clone()]);
        assert_eq!(writes.events, new.events);
    }

    #[test]
    fn a_merge_that_would_break_the_data_writes_nothing() {
        let mut incoming = newcomer();
        incoming.invoices[0].number = fixture().invoices[0].number.clone();
        assert!(matches!(
            merge_writes(&fixture(), &incoming),
            Err(BackupError::MergeWouldBreak { .. })
        ));
    }

    /// A file older than the data takes back what was changed since; before the user confirms,
    /// the preview names the records that happens to, and only those.
    #[test]
    fn the_preview_names_the_records_a_restore_overwrites() {
        let current = fixture();
        let mut incoming = fixture();
        incoming.customers[0].email = "oud@jansen.example".to_owned();
        incoming.invoices[1].amount = dec("99.00");
        incoming.customers.extend(newcomer().customers);
        let merged = apply(&current, &incoming, ImportMode::Merge).unwrap();
        let records = overwritten(&current, &merged);
        assert_eq!(
            overwrite_warning(&records, Lang::Nl).as_deref(),
            Some(
                "Deze krijgen de versie uit het bestand: klant \"Bakkerij Jansen\" en factuur 2026-002. Wat je \
                 daarin hebt gewijzigd nadat de back-up is gemaakt, gaat verloren."
            )
        );
        assert_eq!(
            overwrite_warning(&records, Lang::En).as_deref(),
            Some(
                "These get the file's version: customer \"Bakkerij Jansen\" and invoice 2026-002. What you changed \
                 in them after the backup was made is lost."
            )
        );

        let same = apply(&current, &fixture(), ImportMode::Merge).unwrap();
        assert_eq!(overwrite_warning(&overwritten(&current, &same), Lang::Nl), None);

        // Many records: five are named and the rest counted.
        let many: Vec<RecordRef> = (1..=7)
            .map(|n| RecordRef {
                entity: Entity::Invoice,
                position: None,
                id: None,
                label: Some(format!("F-{n}")),
            })
            .collect();
        assert_eq!(
            overwrite_warning(&many, Lang::En).as_deref(),
            Some(
                "These get the file's version: invoice F-1, invoice F-2, invoice F-3, invoice F-4, invoice F-5 and 2 \
                 more. What you changed in them after the backup was made is lost."
            )
        );
    }

    #[test]
    fn merge_refuses_a_dossier_entry_that_was_changed() {
        let mut incoming = fixture();
        incoming.events[2].kind = EventKind::Meeting {
            summary: "Iets anders".into(),
        };
        let expected = BackupError::EventConflict {
            event: unnumbered(event_at(3)),
        };
        assert_eq!(apply(&fixture(), &incoming, ImportMode::Merge), Err(expected));
    }

    #[test]
    fn merge_refuses_what_would_break_the_data() {
        use BackupError::*;
        let number_clash = Dataset {
            customers: vec![customer("c3", "Fietsenmaker Bos")],
            invoices: vec![invoice("i9", "2026-001", "c3", "2026-03-01", "10.00")],
            ..Dataset::default()
        };
        let moved = Dataset {
            customers: fixture().customers,
            invoices: vec![Invoice {
                customer_id: CustomerId::from("c2"),
                ..fixture().invoices[0].clone()
            }],
            ..Dataset::default()
        };
        let mut twice = fixture();
        twice.customers.push(customer("c1", "Tweede Jansen"));
        let cases = [
            (
                "an invoice number already used by another invoice",
                fixture(),
                number_clash,
                DuplicateInvoiceNumber {
                    number: "2026-001".into(),
                    first: unnumbered(invoice_at(1)),
                    second: RecordRef::new(Entity::Invoice, None, "i9", "2026-001"),
                },
            ),
            (
                "an invoice moved away from its dossier",
                fixture(),
                moved,
                EventInvoiceOfOtherCustomer {
                    event: unnumbered(event_at(1)),
                    invoice: unnumbered(invoice_at(1)),
                    event_customer: "c1".into(),
                    invoice_customer: "c2".into(),
                },
            ),
            (
                "current data with a customer id twice keeps both and is refused",
                twice,
                newcomer(),
                DuplicateId {
                    id: "c1".into(),
                    first: unnumbered(customer_at(1)),
                    second: RecordRef::new(Entity::Customer, None, "c1", "Tweede Jansen"),
                },
            ),
        ];
        for (name, current, incoming, problem) in cases {
            let expected = MergeWouldBreak {
                problem: Box::new(problem),
            };
            assert_eq!(apply(&current, &incoming, ImportMode::Merge), Err(expected), "{name}");
        }
    }

    #[test]
    fn a_customer_entered_on_two_devices_is_named_before_a_merge() {
        let current = fixture();
        let mut incoming = newcomer();
        incoming.customers[0].name = format!(" {} ", current.customers[0].name.to_uppercase());
        let merged = apply(&current, &incoming, ImportMode::Merge).unwrap();
        let twins = same_name_customers(&current, &merged);
        assert_eq!(twins, [incoming.customers[0].name.as_str()]);
        let warning = same_name_warning(&twins, Lang::Nl).unwrap();
        assert!(
            warning.ends_with(&format!(
                "tweede keer bij: {}.",
                current.customers[0].name.to_uppercase()
            )),
            "{warning}"
        );
        // Replacing leaves no twin: the device's own customer goes.
        let replaced = apply(&current, &incoming, ImportMode::Replace).unwrap();
        assert!(same_name_customers(&current, &replaced).is_empty());
        assert_eq!(same_name_warning(&[], Lang::En), None);
    }

    #[test]
    fn one_invoice_entered_on_two_devices_is_named_by_number() {
        let current = fixture();
        let mut incoming = newcomer();
        incoming.invoices[0].number = current.invoices[0].number.clone();
        let refused = apply(&current, &incoming, ImportMode::Merge).unwrap_err();
        let nl = refused.message(Lang::Nl);
        assert!(
            nl.starts_with(&format!(
                "Samenvoegen kan niet: factuur {} staat op dit apparaat",
                current.invoices[0].number
            )),
            "{nl}"
        );
        assert!(
            nl.contains("kies Vervangen: wat alleen op dit apparaat staat, gaat daarbij verloren"),
            "{nl}"
        );
        assert!(!nl.contains(current.invoices[0].id.as_str()), "{nl}");
        assert!(refused
            .message(Lang::En)
            .contains("choose Replace: what is only on this device is lost"));
    }

    #[test]
    fn replace_takes_the_file_as_it_is() {
        let current = fixture();
        let result = apply(&current, &newcomer(), ImportMode::Replace).unwrap();
        assert_eq!(result, newcomer());
        let removed = |removed| Changes {
            added: 1,
            removed,
            ..Changes::default()
        };
        assert_eq!(
            diff_counts(&current, &result),
            Diff {
                customers: removed(2),
                invoices: removed(3),
                events: removed(14),
                settings_changed: true,
            }
        );
    }

    #[test]
    fn an_inconsistent_file_is_refused_in_both_modes() {
        let mut incoming = newcomer();
        incoming.invoices[0].customer_id = CustomerId::from("c1");
        let expected = BackupError::InvoiceWithoutCustomer {
            invoice: RecordRef::new(Entity::Invoice, None, "i4", "2026-004"),
            customer_id: "c1".into(),
        };
        for mode in [ImportMode::Replace, ImportMode::Merge] {
            assert_eq!(apply(&fixture(), &incoming, mode), Err(expected.clone()), "{mode:?}");
        }
    }

    // ------------------------------------------------------------------------------------------
    // Messages

    /// One error of every variant. The exhaustive match in `variant_number` makes a new variant
    /// fail to compile here until it has a sample.
    fn sample_errors() -> Vec<BackupError> {
        use BackupError::*;
        let invoice = record(Entity::Invoice, 12, "i-12", "2026-012");
        let customer = record(Entity::Customer, 3, "c-7", "Bakkerij Jansen");
        let other_customer = record(Entity::Customer, 9, "c-7", "Marieke Pieters");
        let event = record(Entity::Event, 5, "e-5", "2026-03-12");
        let in_data = |r: &RecordRef| unnumbered(r.clone());
        vec![
            Empty,
            NotText,
            NotUtf8,
            Csv,
            NotJson { line: 3, column: 17 },
            Truncated { line: 120, column: 9 },
            DuplicateKey {
                key: "invoices".into(),
                line: 4,
                column: 3,
            },
            NotABackup { found: JsonKind::Null },
            NotABackup { found: JsonKind::List },
            ForeignFile { format: None },
            ForeignFile {
                format: Some("other-export".into()),
            },
            TooNew { version: 99 },
            TooOld { version: 0 },
            MissingField {
                record: customer.clone(),
                field: "kind".into(),
            },
            UnknownField {
                record: RecordRef::settings(),
                field: "schedule.extra".into(),
            },
            WrongType {
                record: invoice.clone(),
                field: "amount".into(),
                expected: Expected::Amount,
                found: JsonKind::Number,
            },
            WrongType {
                record: RecordRef::file(),
                field: "customers".into(),
                expected: Expected::List,
                found: JsonKind::Object,
            },
            UnknownChoice {
                record: event.clone(),
                field: "channel".into(),
                value: "fax".into(),
            },
            EmptyId {
                record: RecordRef {
                    id: Some(String::new()),
                    ..customer.clone()
                },
                field: "id".into(),
            },
            InvalidAmount {
                record: invoice.clone(),
                field: "amount".into(),
                value: "1.234,5O".into(),
            },
            NegativeAmount {
                record: invoice.clone(),
                field: "amount".into(),
                value: "-12.50".into(),
            },
            InvalidDate {
                record: invoice.clone(),
                field: "due_date".into(),
                value: "2026-02-31".into(),
            },
            DueBeforeIssue {
                record: invoice.clone(),
                issue: d("2026-03-15"),
                due: d("2026-03-01"),
            },
            PayByOutOfRange { days: 30 },
            DuplicateId {
                id: "c-7".into(),
                first: customer.clone(),
                second: other_customer,
            },
            DuplicateInvoiceNumber {
                number: "2026-012".into(),
                first: invoice.clone(),
                second: record(Entity::Invoice, 13, "i-13", "2026-012"),
            },
            InvoiceWithoutCustomer {
                invoice: invoice.clone(),
                customer_id: "c-9".into(),
            },
            EventWithoutInvoices { event: event.clone() },
            EventWithoutCustomer {
                event: event.clone(),
                customer_id: "c-9".into(),
            },
            EventWithoutInvoice {
                event: event.clone(),
                invoice_id: "i-99".into(),
            },
            EventInvoiceOfOtherCustomer {
                event: event.clone(),
                invoice: invoice.clone(),
                event_customer: "c-7".into(),
                invoice_customer: "c-8".into(),
            },
            EventConflict { event: in_data(&event) },
            MergeWouldBreak {
                problem: Box::new(DuplicateInvoiceNumber {
                    number: "2026-012".into(),
                    first: in_data(&invoice),
                    second: RecordRef::new(Entity::Invoice, None, "i-40", "2026-012"),
                }),
            },
        ]
    }

    fn variant_number(error: &BackupError) -> usize {
        use BackupError::*;
        match error {
            Empty => 0,
            NotText => 1,
            NotJson { .. } => 2,
            Truncated { .. } => 3,
            DuplicateKey { .. } => 4,
            NotABackup { .. } => 5,
            ForeignFile { .. } => 6,
            TooNew { .. } => 7,
            TooOld { .. } => 8,
            MissingField { .. } => 9,
            UnknownField { .. } => 10,
            WrongType { .. } => 11,
            UnknownChoice { .. } => 12,
            EmptyId { .. } => 13,
            InvalidAmount { .. } => 14,
            NegativeAmount { .. } => 15,
            InvalidDate { .. } => 16,
            PayByOutOfRange { .. } => 17,
            DuplicateId { .. } => 18,
            DuplicateInvoiceNumber { .. } => 19,
            InvoiceWithoutCustomer { .. } => 20,
            EventWithoutInvoices { .. } => 21,
            EventWithoutCustomer { .. } => 22,
            EventWithoutInvoice { .. } => 23,
            EventInvoiceOfOtherCustomer { .. } => 24,
            EventConflict { .. } => 25,
            MergeWouldBreak { .. } => 26,
            Csv => 27,
            NotUtf8 => 28,
            DueBeforeIssue { .. } => 29,
        }
    }

    /// The records an error is about, to check that its message names them.
    fn records_of(error: &BackupError) -> Vec<&RecordRef> {
        use BackupError::*;
        match error {
            MissingField { record, .. }
            | UnknownField { record, .. }
            | WrongType { record, .. }
            | UnknownChoice { record, .. }
            | EmptyId { record, .. }
            | InvalidAmount { record, .. }
            | NegativeAmount { record, .. }
            | DueBeforeIssue { record, .. }
            | InvalidDate { record, .. } => vec![record],
            DuplicateId { first, second, .. } | DuplicateInvoiceNumber { first, second, .. } => vec![first, second],
            InvoiceWithoutCustomer { invoice, .. } => vec![invoice],
            EventWithoutInvoices { event }
            | EventWithoutCustomer { event, .. }
            | EventWithoutInvoice { event, .. }
            | EventConflict { event } => vec![event],
            EventInvoiceOfOtherCustomer { event, invoice, .. } => vec![event, invoice],
            // The same invoice entered on two devices is named by its number alone: its two ids
            // would only confuse (see `one_invoice_entered_on_two_devices_is_named_by_number`).
            MergeWouldBreak { problem } => match problem.as_ref() {
                DuplicateInvoiceNumber { .. } => vec![],
                other => records_of(other),
            },
            _ => vec![],
        }
    }

    #[test]
    fn every_variant_has_a_sample_message() {
        let covered: HashSet<usize> = sample_errors().iter().map(variant_number).collect();
        let all: HashSet<usize> = (0..=29).collect();
        assert_eq!(covered, all);
    }

    #[test]
    fn messages_are_complete_sentences_that_name_the_record() {
        for error in sample_errors() {
            let nl = error.message(Lang::Nl);
            let en = error.message(Lang::En);
            assert_ne!(nl, en, "{error:?}");
            for message in [&nl, &en] {
                assert!(!message.contains('{') && !message.contains('}'), "{message}");
                assert!(message.ends_with('.'), "{message}");
                assert!(message.chars().next().is_some_and(char::is_uppercase), "{message}");
                assert!(!message.contains("  "), "{message}");
                for record in records_of(&error) {
                    let label = record.label.as_deref().map(|l| match record.entity {
                        Entity::Event => shown_date(l, if message == &nl { Lang::Nl } else { Lang::En }),
                        _ => l.to_owned(),
                    });
                    for part in [record.id.clone(), label].into_iter().flatten() {
                        assert!(message.contains(part.as_str()), "{message} should name {part}");
                    }
                    if let Some(position) = record.position {
                        assert!(
                            message.contains(&format!("{position} ")),
                            "{message} should name {position}"
                        );
                    }
                }
            }
        }
        assert_eq!(
            BackupError::Truncated { line: 120, column: 4 }.message(Lang::Nl),
            "Dit bestand is afgebroken: het eindigt midden in de gegevens (regel 120). Waarschijnlijk is het \
             opslaan of downloaden niet helemaal gelukt. Kies een volledig back-upbestand."
        );
    }

    #[test]
    fn error_messages_read_well() {
        let text: Vec<String> = sample_errors()
            .iter()
            .flat_map(|e| Lang::ALL.map(|lang| format!("[{}] {}", lang.code(), e.message(lang))))
            .collect();
        insta::assert_snapshot!(text.join("\n"));
    }

    #[test]
    fn long_values_are_cut_in_messages() {
        let name = "x".repeat(500);
        let error = BackupError::UnknownChoice {
            record: RecordRef::settings(),
            field: "jurisdiction".into(),
            value: short(&name),
        };
        assert!(error.message(Lang::En).chars().count() < 300);
        assert_eq!(short("a\u{0}b"), "a\u{FFFD}b");
    }

    // ------------------------------------------------------------------------------------------
    // Properties

    /// Any text at all: control characters, quotes, emoji and every other scalar value.
    fn text() -> impl Strategy<Value = String> {
        "(?s).{0,12}"
    }

    fn date() -> impl Strategy<Value = NaiveDate> {
        // 1970-01-01 up to and including 2099-12-31.
        (0_u64..47_482).prop_map(|days| d("1970-01-01").checked_add_days(Days::new(days)).unwrap())
    }

    fn cents() -> impl Strategy<Value = Decimal> {
        (-100_000_000_000_000_i64..100_000_000_000_000).prop_map(|c| Decimal::new(c, 2))
    }

    fn positive_cents() -> impl Strategy<Value = Decimal> {
        (0_i64..100_000_000_000_000).prop_map(|c| Decimal::new(c, 2))
    }

    fn any_decimal() -> impl Strategy<Value = Decimal> {
        (any::<u32>(), any::<u32>(), any::<u32>(), any::<bool>(), 0_u32..=28)
            .prop_map(|(lo, mid, hi, negative, scale)| Decimal::from_parts(lo, mid, hi, negative, scale))
    }

    fn channel() -> impl Strategy<Value = Channel> {
        select(vec![
            Channel::Email,
            Channel::Sms,
            Channel::Phone,
            Channel::Letter,
            Channel::InPerson,
        ])
    }

    fn message_kind() -> impl Strategy<Value = MessageKind> {
        select(MessageKind::ALL.to_vec())
    }

    fn address() -> impl Strategy<Value = PostalAddress> {
        (text(), text(), text(), text()).prop_map(|(street, postcode, city, country)| PostalAddress {
            street,
            postcode,
            city,
            country,
        })
    }

    fn rates() -> impl Strategy<Value = Vec<RatePeriod>> {
        let percent = (any::<i64>(), 0_u32..=6).prop_map(|(m, s)| Decimal::new(m, s));
        prop::collection::vec(
            (date(), percent).prop_map(|(from, percent)| RatePeriod { from, percent }),
            0..4,
        )
    }

    fn settings() -> impl Strategy<Value = Settings> {
        let business = (text(), address(), text(), text(), text(), text(), text()).prop_map(
            |(name, address, email, phone, iban, registration_number, vat_number)| BusinessDetails {
                name,
                address,
                email,
                phone,
                iban,
                registration_number,
                vat_number,
            },
        );
        let schedule = prop::array::uniform8(any::<u32>()).prop_map(|s| Schedule {
            heads_up_before_due: s[0],
            first_reminder_after_due: s[1],
            second_reminder_after_due: s[2],
            call_after_second_reminder: s[3],
            last_reminder_after_due: s[4],
            hand_over_after_last_term: s[5],
            promise_grace: s[6],
            max_unanswered_calls: s[7],
        });
        let money = (any_decimal(), any_decimal(), any_decimal());
        let flags = (any::<bool>(), any::<bool>(), any::<bool>(), any::<bool>());
        let rest = (
            (text(), text()).prop_map(|(name, email)| CollectionAgency { name, email }),
            (rates(), rates(), rates()).prop_map(|(nl_consumer, nl_commercial, be_commercial)| InterestRates {
                nl_consumer,
                nl_commercial,
                be_commercial,
            }),
        );
        (
            business,
            select(vec![Jurisdiction::Nl, Jurisdiction::Be]),
            any::<u32>(),
            schedule,
            PayByDays::MIN..=PayByDays::MAX,
            money,
            flags,
            rest,
        )
            .prop_map(
                |(business, jurisdiction, term, schedule, pay_by, money, flags, (agency, rates))| Settings {
                    business,
                    jurisdiction,
                    default_payment_term_days: term,
                    schedule,
                    pay_by: PayByDays::new(pay_by).unwrap(),
                    call_before_due_from: money.0,
                    meeting_from: money.1,
                    minimum_worth_chasing: money.2,
                    claim_interest: flags.0,
                    claim_collection_costs: flags.1,
                    vat_on_collection_costs: flags.2,
                    consumer_damages_clause: flags.3,
                    agency,
                    rates,
                },
            )
    }

    /// A customer whose id is a random prefix; `dataset` makes it unique.
    fn any_customer() -> impl Strategy<Value = Customer> {
        let choices = (
            select(vec![CustomerKind::Business, CustomerKind::Consumer]),
            select(Lang::ALL.to_vec()),
            channel(),
            select(vec![BestTime::Daytime, BestTime::Evening, BestTime::Any]),
        );
        (
            text(),
            text(),
            choices,
            (text(), text(), text()),
            address(),
            prop::option::of(text()),
            text(),
        )
            .prop_map(
                |(
                    id,
                    name,
                    (kind, language, preferred_channel, best_time),
                    (contact_person, email, phone),
                    address,
                    paused,
                    notes,
                )| {
                    Customer {
                        id: CustomerId(id),
                        name,
                        kind,
                        contact_person,
                        email,
                        phone,
                        address,
                        language,
                        preferred_channel,
                        best_time,
                        paused,
                        notes,
                    }
                },
            )
    }

    fn any_invoice() -> impl Strategy<Value = Invoice> {
        (text(), text(), date(), date(), positive_cents(), text(), text()).prop_map(
            // An invoice is never due before it is issued; the two dates are put in that order.
            |(id, number, one_date, other_date, amount, currency, description)| Invoice {
                id: InvoiceId(id),
                number,
                customer_id: CustomerId(String::new()),
                issue_date: one_date.min(other_date),
                due_date: one_date.max(other_date),
                amount,
                currency,
                description,
            },
        )
    }

    fn event_kind() -> impl Strategy<Value = EventKind> {
        let instalment = (date(), cents()).prop_map(|(date, amount)| Instalment { date, amount });
        prop_oneof![
            (message_kind(), text(), text(), text()).prop_map(|(message, to, subject, body)| EventKind::MessageSent {
                message,
                to,
                subject,
                body
            }),
            (
                select(vec![
                    CallOutcome::Reached,
                    CallOutcome::NoAnswer,
                    CallOutcome::Voicemail
                ]),
                select(vec![DayPart::Morning, DayPart::Afternoon, DayPart::Evening]),
                text()
            )
                .prop_map(|(outcome, at, summary)| EventKind::Call { outcome, at, summary }),
            text().prop_map(|summary| EventKind::Meeting { summary }),
            (cents(), date()).prop_map(|(amount, date)| EventKind::PromiseToPay { amount, date }),
            text().prop_map(|reason| EventKind::DisputeOpened { reason }),
            text().prop_map(|resolution| EventKind::DisputeResolved { resolution }),
            text().prop_map(|note| EventKind::CannotPay { note }),
            prop::collection::vec(instalment, 0..4)
                .prop_map(|instalments| EventKind::PaymentPlanAgreed { instalments }),
            (cents(), text()).prop_map(|(amount, note)| EventKind::PaymentReceived { amount, note }),
            text().prop_map(|agency| EventKind::HandedOver { agency }),
            text().prop_map(|reason| EventKind::WrittenOff { reason }),
            text().prop_map(|reason| EventKind::ChasePaused { reason }),
            Just(EventKind::ChaseResumed),
            text().prop_map(|text| EventKind::Note { text }),
        ]
    }

    fn any_event() -> impl Strategy<Value = Event> {
        (text(), date(), channel(), event_kind()).prop_map(|(id, date, channel, kind)| Event {
            id: EventId(id),
            invoice_ids: Vec::new(),
            customer_id: CustomerId(String::new()),
            date,
            channel,
            kind,
        })
    }

    /// A consistent dataset: ids and numbers are a random prefix plus "#n", so they are unique
    /// and sort in no particular order; invoices point at generated customers, and dossier
    /// entries at one to three invoices of one customer.
    fn dataset() -> impl Strategy<Value = Dataset> {
        (settings(), prop::collection::vec(any_customer(), 0..4))
            .prop_flat_map(|(settings, customers)| {
                let n = customers.len();
                let invoices = prop::collection::vec((0..n.max(1), any_invoice()), 0..if n == 0 { 1 } else { 6 });
                (Just(settings), Just(customers), invoices)
            })
            .prop_flat_map(|(settings, customers, invoices)| {
                let m = invoices.len();
                let events = prop::collection::vec(
                    (0..m.max(1), prop::collection::vec(0..m.max(1), 0..3), any_event()),
                    0..if m == 0 { 1 } else { 8 },
                );
                (Just(settings), Just(customers), Just(invoices), events)
            })
            .prop_map(|(settings, mut customers, invoices, events)| {
                for (i, c) in customers.iter_mut().enumerate() {
                    c.id.0 = format!("{}#{i}", c.id.0);
                }
                let invoices: Vec<Invoice> = invoices
                    .into_iter()
                    .enumerate()
                    .map(|(i, (owner, mut invoice))| {
                        invoice.id.0 = format!("{}#{i}", invoice.id.0);
                        invoice.number = format!("{}#{i}", invoice.number);
                        invoice.customer_id = customers[owner].id.clone();
                        invoice
                    })
                    .collect();
                let events = events
                    .into_iter()
                    .enumerate()
                    .map(|(i, (main, extra, mut event))| {
                        let owner = invoices[main].customer_id.clone();
                        event.id.0 = format!("{}#{i}", event.id.0);
                        event.invoice_ids = vec![invoices[main].id.clone()];
                        for j in extra {
                            let other = &invoices[j];
                            if other.customer_id == owner && !event.invoice_ids.contains(&other.id) {
                                event.invoice_ids.push(other.id.clone());
                            }
                        }
                        event.customer_id = owner;
                        event
                    })
                    .collect();
                Dataset {
                    settings,
                    customers,
                    invoices,
                    events,
                }
            })
    }

    /// The dataset in the order a backup file keeps it.
    fn sorted(mut data: Dataset) -> Dataset {
        data.customers.sort_by(|a, b| a.id.cmp(&b.id));
        data.invoices.sort_by(|a, b| a.id.cmp(&b.id));
        data.events.sort_by(|a, b| a.id.cmp(&b.id));
        data
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        #[test]
        fn export_then_parse_is_the_identity(data in dataset(), app_version in text(), exported_at in text()) {
            prop_assert_eq!(validate(&data), Ok(()));
            let file = export(&data, &app_version, &exported_at);
            let expected = Backup {
                format_version: FORMAT_VERSION,
                app_version: app_version.clone(),
                exported_at: exported_at.clone(),
                data: sorted(data),
            };
            let backup = parse(&file);
            prop_assert_eq!(&backup, &Ok(expected));
            // Reading and writing again gives the very same file: nothing drifts, not even
            // the number of decimals.
            if let Ok(backup) = backup {
                prop_assert_eq!(export(&backup.data, &app_version, &exported_at), file);
            }
        }

        #[test]
        fn merging_a_file_into_itself_changes_nothing(data in dataset()) {
            let merged = apply(&data, &data, ImportMode::Merge);
            prop_assert_eq!(merged.as_ref(), Ok(&data));
            let unchanged = |n| Changes { unchanged: n, ..Changes::default() };
            prop_assert_eq!(
                diff_counts(&data, &data),
                Diff {
                    customers: unchanged(data.customers.len()),
                    invoices: unchanged(data.invoices.len()),
                    events: unchanged(data.events.len()),
                    settings_changed: false,
                }
            );
        }

        #[test]
        fn a_cut_off_export_is_always_refused_as_cut_off(data in dataset(), cut in any::<Index>()) {
            let file = export(&data, "0.1.0", AT);
            let boundaries: Vec<usize> = file.char_indices().map(|(i, _)| i).collect();
            let at = boundaries[cut.index(boundaries.len())];
            let result = parse(&file[..at]);
            prop_assert!(
                matches!(result, Err(BackupError::Truncated { .. }) | Err(BackupError::Empty)),
                "cut at {}: {:?}", at, result
            );
        }

        #[test]
        fn a_changed_character_never_panics(data in dataset(), place in any::<Index>(), c in any::<char>()) {
            let mut chars: Vec<char> = export(&data, "0.1.0", AT).chars().collect();
            let i = place.index(chars.len());
            chars[i] = c;
            let changed: String = chars.iter().collect();
            let _ = parse(&changed);
            chars.remove(i);
            let removed: String = chars.into_iter().collect();
            let _ = parse(&removed);
        }

        #[test]
        fn parse_never_panics_on_any_text(input in any::<String>()) {
            let _ = parse(&input);
            let _ = parse_bytes(input.as_bytes());
        }

        #[test]
        fn parse_never_panics_on_json_like_text(input in "[\\[\\]{}\",:0-9a-z_ .\\-\n]{0,80}") {
            let _ = parse(&input);
        }

        #[test]
        fn parse_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..64)) {
            let _ = parse_bytes(&bytes);
        }

        #[test]
        fn every_amount_survives_as_text(amount in any_decimal()) {
            let back = parse_amount_text(&amount_text(amount));
            prop_assert_eq!(back, Some(amount));
            prop_assert_eq!(back.map(|b| b.scale()), Some(amount.scale()));
        }
    }
}
