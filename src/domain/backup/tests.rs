use super::*;

use std::collections::HashSet;

use serde_json::Value;

use crate::domain::dates::{iso_text, parse_iso_text};
use crate::domain::legal::{InterestRates, RatePeriod};
use crate::domain::model::{
    BestTime, BusinessDetails, CallOutcome, Channel, CollectionAgency, Customer, CustomerId, CustomerKind, DayPart,
    Event, EventId, EventKind, Instalment, Invoice, InvoiceId, Jurisdiction, Lang, MessageKind, PayByDays,
    PostalAddress, Schedule, ScheduleField, Settings,
};

use chrono::Days;
use proptest::prelude::*;
use proptest::sample::{select, Index};
use serde_json::json;

use super::error::{short, shown_date};
use super::records::{amount_text, parse_amount_text};

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

fn setting(field: &str, value: &str, allowed: Allowed) -> BackupError {
    BackupError::SettingOutOfRange {
        field: field.to_owned(),
        value: value.to_owned(),
        allowed,
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
        ("a payment term of two years", with(|v| v["settings"]["default_payment_term_days"] = json!(730)), setting("default_payment_term_days", "730", Allowed::DaysUpTo(365))),
        ("a heads-up three months ahead", with(|v| v["settings"]["schedule"]["heads_up_before_due"] = json!(90)), setting("schedule.heads_up_before_due", "90", Allowed::DaysUpTo(60))),
        ("a hand-over after ten years", with(|v| v["settings"]["schedule"]["hand_over_after_last_term"] = json!(3650)), setting("schedule.hand_over_after_last_term", "3650", Allowed::DaysUpTo(365))),
        ("fifty unanswered calls", with(|v| v["settings"]["schedule"]["max_unanswered_calls"] = json!(50)), setting("schedule.max_unanswered_calls", "50", Allowed::UpTo(20))),
        ("a second reminder before the first", with(|v| v["settings"]["schedule"]["second_reminder_after_due"] = json!(0)), RemindersOutOfOrder { later: ScheduleField::SecondReminder }),
        ("a last reminder with the second", with(|v| v["settings"]["schedule"]["last_reminder_after_due"] = json!(14)), RemindersOutOfOrder { later: ScheduleField::LastReminder }),
        ("a negative threshold", with(|v| v["settings"]["meeting_from"] = json!("-1.00")), setting("meeting_from", "-1.00", Allowed::NotNegative)),
        ("an interest rate of 250 percent", with(|v| v["settings"]["interest_rates"]["nl_commercial"][1]["percent"] = json!("250")), setting("interest_rates.nl_commercial[2].percent", "250", Allowed::Percent)),
        ("a negative interest rate", with(|v| v["settings"]["interest_rates"]["be_commercial"][0]["percent"] = json!("-0.5")), setting("interest_rates.be_commercial[1].percent", "-0.5", Allowed::Percent)),
        ("a negative schedule offset", with(|v| v["settings"]["schedule"]["promise_grace"] = json!(-1)), wrong(settings.clone(), "schedule.promise_grace", X::WholeNumber, K::Number)),
        ("a schedule offset beyond u32", with(|v| v["settings"]["schedule"]["promise_grace"] = json!(5_000_000_000_u64)), wrong(settings.clone(), "schedule.promise_grace", X::WholeNumber, K::Number)),
        ("a fractional term", with(|v| v["settings"]["default_payment_term_days"] = json!(14.5)), wrong(settings.clone(), "default_payment_term_days", X::WholeNumber, K::Number)),
        ("an unknown jurisdiction", with(|v| v["settings"]["jurisdiction"] = json!("DE")), unknown(settings.clone(), "jurisdiction", "DE")),
        ("a bad interest rate", with(|v| v["settings"]["interest_rates"]["nl_commercial"][1]["percent"] = json!("12%")), bad_amount(settings.clone(), "interest_rates.nl_commercial[2].percent", "12%")),
        ("a flag as text", with(|v| v["settings"]["claim_interest"] = json!("yes")), wrong(settings.clone(), "claim_interest", X::TrueOrFalse, K::Text)),
        ("an invoice of a million million euros", with(|v| v["invoices"][0]["amount"] = json!("1000000000000.00")), UnusableAmount { record: invoice_at(1), field: "amount".into(), value: "1000000000000.00".into() }),
        ("a payment with three decimals", with(|v| v["events"][8]["kind"]["amount"] = json!("599.999")), UnusableAmount { record: event_at(9), field: "kind.amount".into(), value: "599.999".into() }),
        ("a refund of more than was received", with(|v| v["events"][8]["kind"]["amount"] = json!("-600.00")), RefundAboveReceived { event: event_at(9), invoice: invoice_at(1) }),
        ("a promise of nothing", with(|v| v["events"][3]["kind"]["amount"] = json!("0.00")), UnusableAmount { record: event_at(4), field: "kind.amount".into(), value: "0.00".into() }),
        ("an instalment below zero", with(|v| v["events"][7]["kind"]["instalments"][1]["amount"] = json!("-49.95")), UnusableAmount { record: event_at(8), field: "kind.instalments[2].amount".into(), value: "-49.95".into() }),
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

/// A refund of no more than was received is a dossier entry like any other.
#[test]
fn a_refund_of_what_was_received_is_kept() {
    let mut data = fixture();
    let mut refund = data.events[8].clone();
    refund.id = EventId::from("e99");
    refund.date = d("2026-03-02");
    refund.kind = EventKind::PaymentReceived {
        amount: dec("-600.00"),
        note: "Terugbetaald".into(),
    };
    data.events.push(refund);
    let file = export(&data, "0.1.0", AT);
    assert_eq!(parse(&file).map(|b| b.data), Ok(data));
}

#[test]
fn the_extremes_of_dates_and_amounts_survive_a_round_trip() {
    let mut data = fixture();
    data.invoices[0].due_date = NaiveDate::MAX;
    data.invoices[1].issue_date = NaiveDate::MIN;
    // The largest amount the app takes; a cent more is refused (`UnusableAmount`).
    data.invoices[1].amount = Decimal::new(99_999_999_999_999, 2);
    data.events[8].kind = EventKind::PaymentReceived {
        amount: Decimal::new(99_999_999_999_999, 2),
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
        UnusableAmount {
            record: event.clone(),
            field: "amount".into(),
            value: "1249.999".into(),
        },
        RefundAboveReceived {
            event: event.clone(),
            invoice: invoice.clone(),
        },
        PayByOutOfRange { days: 30 },
        SettingOutOfRange {
            field: "schedule.heads_up_before_due".into(),
            value: "90".into(),
            allowed: Allowed::DaysUpTo(60),
        },
        SettingOutOfRange {
            field: "interest_rates.nl_commercial[2].percent".into(),
            value: "250".into(),
            allowed: Allowed::Percent,
        },
        RemindersOutOfOrder {
            later: ScheduleField::LastReminder,
        },
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
        UnusableAmount { .. } => 30,
        RefundAboveReceived { .. } => 31,
        SettingOutOfRange { .. } => 32,
        RemindersOutOfOrder { .. } => 33,
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
        | UnusableAmount { record, .. }
        | InvalidDate { record, .. } => vec![record],
        DuplicateId { first, second, .. } | DuplicateInvoiceNumber { first, second, .. } => vec![first, second],
        InvoiceWithoutCustomer { invoice, .. } => vec![invoice],
        EventWithoutInvoices { event }
        | EventWithoutCustomer { event, .. }
        | EventWithoutInvoice { event, .. }
        | EventConflict { event } => vec![event],
        EventInvoiceOfOtherCustomer { event, invoice, .. } | RefundAboveReceived { event, invoice } => {
            vec![event, invoice]
        }
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
    let all: HashSet<usize> = (0..=33).collect();
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

/// The message texts the snapshot in `error_messages_read_well` does not reach, word for word
/// in both languages: the plural of every kind of record, a record without a name, number or
/// date, a dossier entry whose date is no date, every expected and found kind of value, and a
/// merge that fails for another reason than a doubled invoice number. Together with the
/// snapshot, every text pair in `error.rs` is pinned, so a rewrite of the messages cannot
/// change what the user reads without a test saying so.
#[test]
fn message_parts_outside_the_snapshot_in_both_languages() {
    use BackupError::*;
    use Expected as X;
    let unlabelled = |entity, position, id| RecordRef {
        label: None,
        ..record(entity, position, id, "")
    };
    let wrong_type = |record: RecordRef, field: &str, expected, found| WrongType {
        record,
        field: field.into(),
        expected,
        found,
    };
    let invoice = record(Entity::Invoice, 12, "i-12", "2026-012");
    let event = record(Entity::Event, 5, "e-5", "2026-03-12");
    let cases = [
        (
            DuplicateId {
                id: "i-12".into(),
                first: unlabelled(Entity::Invoice, 13, "i-12"),
                second: invoice.clone(),
            },
            "Twee facturen hebben hetzelfde id \"i-12\": factuur (nr. 13 in het bestand, id \"i-12\") en factuur \
             2026-012 (nr. 12 in het bestand, id \"i-12\"). Een id moet uniek zijn, anders is niet te zeggen welke \
             gegevens kloppen.",
            "Two invoices share the id \"i-12\": invoice (no. 13 in the file, id \"i-12\") and invoice 2026-012 (no. \
             12 in the file, id \"i-12\"). An id must be unique, or there is no telling which data is right.",
        ),
        (
            DuplicateId {
                id: "e-5".into(),
                first: unlabelled(Entity::Event, 6, "e-5"),
                second: event,
            },
            "Twee dossierregels hebben hetzelfde id \"e-5\": de dossierregel (nr. 6 in het bestand, id \"e-5\") en de \
             dossierregel van 12-03-2026 (nr. 5 in het bestand, id \"e-5\"). Een id moet uniek zijn, anders is niet \
             te zeggen welke gegevens kloppen.",
            "Two dossier entries share the id \"e-5\": the dossier entry (no. 6 in the file, id \"e-5\") and the \
             dossier entry of 12 Mar 2026 (no. 5 in the file, id \"e-5\"). An id must be unique, or there is no \
             telling which data is right.",
        ),
        (
            DuplicateId {
                id: "x".into(),
                first: RecordRef::file(),
                second: RecordRef::settings(),
            },
            "Twee onderdelen hebben hetzelfde id \"x\": het bestand en de instellingen. Een id moet uniek zijn, \
             anders is niet te zeggen welke gegevens kloppen.",
            "Two records share the id \"x\": the file and the settings. An id must be unique, or there is no telling \
             which data is right.",
        ),
        (
            wrong_type(unlabelled(Entity::Customer, 3, "c-7"), "name", X::Text, JsonKind::Bool),
            "Bij klant (nr. 3 in het bestand, id \"c-7\") hoort in het veld \"name\" tekst, maar er staat een \
             ja/nee-waarde. Het bestand is waarschijnlijk beschadigd of met de hand bewerkt.",
            "In customer (no. 3 in the file, id \"c-7\"), the field \"name\" should hold text, but it holds a yes/no \
             value. The file was probably damaged or edited by hand.",
        ),
        (
            wrong_type(
                record(Entity::Event, 6, "e-6", "12 maart"),
                "note",
                X::TextOrNull,
                JsonKind::Text,
            ),
            "Bij de dossierregel van 12 maart (nr. 6 in het bestand, id \"e-6\") hoort in het veld \"note\" tekst of \
             null, maar er staat een stuk tekst. Het bestand is waarschijnlijk beschadigd of met de hand bewerkt.",
            "In the dossier entry of 12 maart (no. 6 in the file, id \"e-6\"), the field \"note\" should hold text or \
             null, but it holds a piece of text. The file was probably damaged or edited by hand.",
        ),
        (
            wrong_type(RecordRef::settings(), "pay_by_days", X::WholeNumber, JsonKind::Text),
            "In de instellingen hoort in het veld \"pay_by_days\" een heel getal, zoals 14, maar er staat een stuk \
             tekst. Het bestand is waarschijnlijk beschadigd of met de hand bewerkt.",
            "In the settings, the field \"pay_by_days\" should hold a whole number, such as 14, but it holds a piece \
             of text. The file was probably damaged or edited by hand.",
        ),
        (
            wrong_type(RecordRef::settings(), "claim_interest", X::TrueOrFalse, JsonKind::Null),
            "In de instellingen hoort in het veld \"claim_interest\" true of false, maar er staat de waarde null. Het \
             bestand is waarschijnlijk beschadigd of met de hand bewerkt.",
            "In the settings, the field \"claim_interest\" should hold true or false, but it holds the value null. \
             The file was probably damaged or edited by hand.",
        ),
        (
            wrong_type(RecordRef::file(), "settings", X::Object, JsonKind::List),
            "In het bestand hoort in het veld \"settings\" een blok met velden, maar er staat een lijst. Het bestand \
             is waarschijnlijk beschadigd of met de hand bewerkt.",
            "In the file, the field \"settings\" should hold a block of fields, but it holds a list. The file was \
             probably damaged or edited by hand.",
        ),
        (
            wrong_type(invoice.clone(), "due_date", X::Date, JsonKind::Number),
            "Bij factuur 2026-012 (nr. 12 in het bestand, id \"i-12\") hoort in het veld \"due_date\" een datum als \
             tekst, zoals \"2026-03-15\", maar er staat een getal. Het bestand is waarschijnlijk beschadigd of met \
             de hand bewerkt.",
            "In invoice 2026-012 (no. 12 in the file, id \"i-12\"), the field \"due_date\" should hold a date written \
             as text, such as \"2026-03-15\", but it holds a number. The file was probably damaged or edited by \
             hand.",
        ),
        (
            MergeWouldBreak {
                problem: Box::new(InvoiceWithoutCustomer {
                    invoice: unnumbered(invoice),
                    customer_id: "c-9".into(),
                }),
            },
            "Samenvoegen kan niet, want daarna zouden de gegevens niet meer kloppen. Factuur 2026-012 (id \"i-12\") \
             hoort bij de klant met id \"c-9\", maar die klant bestaat niet. Het bestand is waarschijnlijk \
             onvolledig of beschadigd. Er is niets veranderd aan je gegevens.",
            "The merge cannot be done, because the data would no longer fit together. Invoice 2026-012 (id \"i-12\") \
             belongs to the customer with id \"c-9\", but that customer does not exist. The file is probably \
             incomplete or damaged. Nothing in your data was changed.",
        ),
    ];
    for (error, nl, en) in cases {
        assert_eq!(error.message(Lang::Nl), nl, "{error:?}");
        assert_eq!(error.message(Lang::En), en, "{error:?}");
    }
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

/// Amounts a backup may hold: whole cents below a million million euros. (`check::usable`)
fn positive_cents() -> impl Strategy<Value = Decimal> {
    (0_i64..100_000_000_000_000).prop_map(|c| Decimal::new(c, 2))
}

/// A promise or an instalment: more than nothing.
fn some_cents() -> impl Strategy<Value = Decimal> {
    (1_i64..100_000_000_000_000).prop_map(|c| Decimal::new(c, 2))
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

/// Rate tables as the app takes them: every rate from 0 to 100 percent.
fn rates() -> impl Strategy<Value = Vec<RatePeriod>> {
    let percent =
        (0_u32..=6).prop_flat_map(|scale| (0..=100 * 10_i64.pow(scale)).prop_map(move |m| Decimal::new(m, scale)));
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
    // Schedules within the limits the app holds them to: the reminders in their order.
    let days = || 0..=ScheduleField::FirstReminder.max();
    let short = || 0..=ScheduleField::HeadsUp.max();
    let reminders = prop::collection::btree_set(days(), 3).prop_map(|set| set.into_iter().collect::<Vec<u32>>());
    let schedule = (
        reminders,
        short(),
        days(),
        days(),
        short(),
        0..=ScheduleField::MaxCalls.max(),
    )
        .prop_map(|(reminders, heads_up, call, hand_over, grace, calls)| Schedule {
            heads_up_before_due: heads_up,
            first_reminder_after_due: reminders[0],
            second_reminder_after_due: reminders[1],
            call_after_second_reminder: call,
            last_reminder_after_due: reminders[2],
            hand_over_after_last_term: hand_over,
            promise_grace: grace,
            max_unanswered_calls: calls,
        });
    let threshold = || any_decimal().prop_map(|amount| amount.abs());
    let money = (threshold(), threshold(), threshold());
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
        0..=Settings::MAX_PAYMENT_TERM_DAYS,
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
    let instalment = (date(), some_cents()).prop_map(|(date, amount)| Instalment { date, amount });
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
        (some_cents(), date()).prop_map(|(amount, date)| EventKind::PromiseToPay { amount, date }),
        text().prop_map(|reason| EventKind::DisputeOpened { reason }),
        text().prop_map(|resolution| EventKind::DisputeResolved { resolution }),
        text().prop_map(|note| EventKind::CannotPay { note }),
        prop::collection::vec(instalment, 0..4).prop_map(|instalments| EventKind::PaymentPlanAgreed { instalments }),
        // Refunds are left out: one of more than was received is refused, and random ones
        // would be. `a_refund_of_what_was_received_is_kept` covers them.
        (positive_cents(), text()).prop_map(|(amount, note)| EventKind::PaymentReceived { amount, note }),
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
