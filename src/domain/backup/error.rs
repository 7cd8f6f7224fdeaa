//! Why a backup is refused, and the words that say so: the record at fault, the field and the
//! value, in either language.

use std::fmt;

use chrono::NaiveDate;
use serde_json::Value;

use crate::domain::dates::{format_date, iso_text, parse_iso_text};
use crate::domain::model::{Customer, Event, Invoice, Lang, PayByDays, ScheduleField};
use crate::domain::text::t;

use super::{FORMAT_VERSION, OLDEST_READABLE_VERSION};

/// The most characters of a name, id or value from the file that a message repeats; a whole
/// pasted letter in a name field would otherwise bury the message.
const MAX_SHOWN_CHARS: usize = 60;

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
    pub(super) fn of(value: &Value) -> JsonKind {
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

/// What a setting may hold, for a message about one that does not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Allowed {
    DaysUpTo(u32),
    UpTo(u32),
    NotNegative,
    Percent,
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
    /// An amount no form of the app would take: more than two decimals, a million million
    /// euros or more, or a promise or instalment of nothing. Totals and letters would show
    /// nonsense.
    UnusableAmount {
        record: RecordRef,
        field: String,
        value: String,
    },
    /// A refund of more than the invoice had received by then: the invoice would show less
    /// than nothing paid, and more open than it was ever for.
    RefundAboveReceived {
        event: RecordRef,
        invoice: RecordRef,
    },
    /// The pay-by term in the settings is outside 5 to 14 days.
    PayByOutOfRange {
        days: u32,
    },
    /// A number in the settings is outside what the settings screen takes, so the app would
    /// chase on a schedule or name amounts no user chose.
    SettingOutOfRange {
        field: String,
        value: String,
        allowed: Allowed,
    },
    /// The reminders in the settings do not come in their order; `later` is the one that
    /// does not come after the one before it.
    RemindersOutOfOrder {
        later: ScheduleField,
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

/// Text from the file, cut to a readable length, with control characters made visible, for
/// messages and record descriptions.
pub(super) fn short(text: &str) -> String {
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
pub(super) fn label(text: &str) -> Option<String> {
    let trimmed = text.trim();
    (!trimmed.is_empty()).then(|| short(trimmed))
}

impl RecordRef {
    pub(super) fn file() -> RecordRef {
        RecordRef {
            entity: Entity::File,
            position: None,
            id: None,
            label: None,
        }
    }

    pub(super) fn settings() -> RecordRef {
        RecordRef {
            entity: Entity::Settings,
            ..RecordRef::file()
        }
    }

    pub(super) fn new(entity: Entity, position: Option<usize>, id: &str, label_text: &str) -> RecordRef {
        RecordRef {
            entity,
            position,
            id: Some(short(id)),
            label: label(label_text),
        }
    }

    /// What can be read of a record before its fields are checked: its id and its name,
    /// number or date, when those are text.
    pub(super) fn peek(entity: Entity, position: usize, value: &Value) -> RecordRef {
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

    pub(super) fn customer(customer: &Customer, position: Option<usize>) -> RecordRef {
        RecordRef::new(Entity::Customer, position, customer.id.as_str(), &customer.name)
    }

    pub(super) fn invoice(invoice: &Invoice, position: Option<usize>) -> RecordRef {
        RecordRef::new(Entity::Invoice, position, invoice.id.as_str(), &invoice.number)
    }

    pub(super) fn event(event: &Event, position: Option<usize>) -> RecordRef {
        RecordRef::new(Entity::Event, position, event.id.as_str(), &iso_text(event.date))
    }
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
    match entity {
        Entity::Customer => lang.pick("klanten", "customers"),
        Entity::Invoice => lang.pick("facturen", "invoices"),
        Entity::Event => lang.pick("dossierregels", "dossier entries"),
        Entity::File | Entity::Settings => lang.pick("onderdelen", "records"),
    }
}

/// "factuur 2026-012 (nr. 12 in het bestand, id "i-12")": enough for the user to find the
/// record in the app, and for a helper to find it in the file. A dossier entry is known by its
/// date, written the way the user reads dates; a date the file garbled is shown as it stands.
pub(super) fn describe(record: &RecordRef, lang: Lang) -> String {
    let head = match (record.entity, &record.label) {
        (Entity::File, _) => return lang.pick("het bestand", "the file").to_owned(),
        (Entity::Settings, _) => return lang.pick("de instellingen", "the settings").to_owned(),
        (Entity::Customer, Some(name)) => t!(lang, "klant \"{name}\"", "customer \"{name}\""),
        (Entity::Customer, None) => lang.pick("klant", "customer").to_owned(),
        (Entity::Invoice, Some(number)) => t!(lang, "factuur {number}", "invoice {number}"),
        (Entity::Invoice, None) => lang.pick("factuur", "invoice").to_owned(),
        (Entity::Event, Some(date)) => {
            let date = shown_date(date, lang);
            t!(lang, "de dossierregel van {date}", "the dossier entry of {date}")
        }
        (Entity::Event, None) => lang.pick("de dossierregel", "the dossier entry").to_owned(),
    };
    let mut details = Vec::new();
    if let Some(position) = record.position {
        details.push(t!(lang, "nr. {position} in het bestand", "no. {position} in the file"));
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
    let record_text = describe(record, lang);
    match record.entity {
        Entity::File | Entity::Settings => t!(lang, "in {record_text}", "in {record_text}"),
        _ => t!(lang, "bij {record_text}", "in {record_text}"),
    }
}

/// A date from the file as the user writes dates, or the text itself when it is no date.
pub(super) fn shown_date(text: &str, lang: Lang) -> String {
    parse_iso_text(text).map_or_else(|| text.to_owned(), |date| format_date(date, lang))
}

fn expected_text(expected: Expected, lang: Lang) -> &'static str {
    match expected {
        Expected::Text => lang.pick("tekst", "text"),
        Expected::TextOrNull => lang.pick("tekst of null", "text or null"),
        Expected::WholeNumber => lang.pick("een heel getal, zoals 14", "a whole number, such as 14"),
        Expected::TrueOrFalse => lang.pick("true of false", "true or false"),
        Expected::List => lang.pick("een lijst", "a list"),
        Expected::Object => lang.pick("een blok met velden", "a block of fields"),
        Expected::Amount => lang.pick(
            "een bedrag als tekst, zoals \"1234.56\"",
            "an amount written as text, such as \"1234.56\"",
        ),
        Expected::Date => lang.pick(
            "een datum als tekst, zoals \"2026-03-15\"",
            "a date written as text, such as \"2026-03-15\"",
        ),
    }
}

fn found_text(found: JsonKind, lang: Lang) -> &'static str {
    match found {
        JsonKind::Null => lang.pick("de waarde null", "the value null"),
        JsonKind::Bool => lang.pick("een ja/nee-waarde", "a yes/no value"),
        JsonKind::Number => lang.pick("een getal", "a number"),
        JsonKind::Text => lang.pick("een stuk tekst", "a piece of text"),
        JsonKind::List => lang.pick("een lijst", "a list"),
        JsonKind::Object => lang.pick("een blok met velden", "a block of fields"),
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
        match self {
            E::Empty => lang
                .pick(
                    "Dit bestand is leeg. Kies het back-upbestand dat je met Factuurwacht hebt gemaakt.",
                    "This file is empty. Choose the backup file you made with Factuurwacht.",
                )
                .to_owned(),
            E::NotText => lang
                .pick(
                    "Dit is geen tekstbestand en dus geen back-up van Factuurwacht; misschien is het een PDF, een \
                     foto of een spreadsheet. Kies het back-upbestand dat je met Factuurwacht hebt gemaakt.",
                    "This is not a text file, so it is not a Factuurwacht backup; it may be a PDF, a photo or a \
                     spreadsheet. Choose the backup file you made with Factuurwacht.",
                )
                .to_owned(),
            E::NotUtf8 => lang
                .pick(
                    "Dit bestand is opnieuw opgeslagen in een andere tekenset dan UTF-8, zodat letters met accenten \
                     niet meer te lezen zijn. Kies het oorspronkelijke back-upbestand, of sla dit bestand op als \
                     UTF-8.",
                    "This file was saved again in a character set other than UTF-8, so letters with accents can no \
                     longer be read. Choose the original backup file, or save this one as UTF-8.",
                )
                .to_owned(),
            E::Csv => lang
                .pick(
                    "Dit is een CSV-bestand, geen back-up. Facturen uit een CSV-bestand lees je in bij Facturen, \
                     onder Importeren en exporteren. Een back-up is het .json-bestand dat je hier met Back-up \
                     downloaden hebt gemaakt.",
                    "This is a CSV file, not a backup. Invoices from a CSV file are read in under Invoices, Import \
                     and export. A backup is the .json file you made here with Download backup.",
                )
                .to_owned(),
            E::NotJson { line, column } => t!(
                lang,
                "Dit bestand is geen leesbare back-up: op regel {line}, positie {column} staat iets wat daar niet \
                 hoort. Misschien is het met de hand bewerkt of beschadigd geraakt. Kies een ander back-upbestand.",
                "This file is not a readable backup: at line {line}, position {column} there is something that does \
                 not belong there. It may have been edited by hand or damaged. Choose another backup file."
            ),
            E::Truncated { line, .. } => t!(
                lang,
                "Dit bestand is afgebroken: het eindigt midden in de gegevens (regel {line}). Waarschijnlijk is het \
                 opslaan of downloaden niet helemaal gelukt. Kies een volledig back-upbestand.",
                "This file is cut off: it ends in the middle of the data (line {line}). Saving or downloading it \
                 probably did not finish. Choose a complete backup file."
            ),
            E::DuplicateKey { key, line, .. } => t!(
                lang,
                "In dit bestand staat het veld \"{key}\" twee keer in hetzelfde blok (regel {line}). Dan is niet te \
                 zeggen welke van de twee klopt, dus lezen we het bestand niet in. Kies een ander back-upbestand.",
                "This file has the field \"{key}\" twice in the same block (line {line}). There is no telling which \
                 of the two is right, so the file is not imported. Choose another backup file."
            ),
            E::NotABackup { found } => {
                let found = found_text(*found, lang);
                t!(
                    lang,
                    "Dit bestand bevat alleen {found} en geen back-up van Factuurwacht. Kies het back-upbestand dat \
                     je met Factuurwacht hebt gemaakt.",
                    "This file holds only {found}, not a Factuurwacht backup. Choose the backup file you made with \
                     Factuurwacht."
                )
            }
            E::ForeignFile { format } => {
                let name = format
                    .as_ref()
                    .map(|f| {
                        t!(
                            lang,
                            " Het bestand noemt zichzelf \"{f}\".",
                            " The file calls itself \"{f}\"."
                        )
                    })
                    .unwrap_or_default();
                t!(
                    lang,
                    "Dit bestand is geen back-up van Factuurwacht: het bevat wel gegevens, maar niet het kenmerk van \
                     een Factuurwacht-back-up.{name} Misschien komt het van een ander programma. Kies het \
                     back-upbestand dat je met Factuurwacht hebt gemaakt.",
                    "This file is not a Factuurwacht backup: it does hold data, but not the mark of a Factuurwacht \
                     backup.{name} It may come from another program. Choose the backup file you made with \
                     Factuurwacht."
                )
            }
            E::TooNew { version } => t!(
                lang,
                "Deze back-up is gemaakt met een nieuwere versie van Factuurwacht (bestandsversie {version}; deze \
                 app leest tot en met versie {FORMAT_VERSION}). Werk de app eerst bij en lees het bestand daarna \
                 opnieuw in.",
                "This backup was made by a newer version of Factuurwacht (file version {version}; this app reads up \
                 to version {FORMAT_VERSION}). Update the app first, then import the file again."
            ),
            E::TooOld { version } => t!(
                lang,
                "Deze back-up heeft bestandsversie {version}, en die kan deze versie van Factuurwacht niet lezen (de \
                 oudste bestandsversie die de app leest is {OLDEST_READABLE_VERSION}). Kies een recenter \
                 back-upbestand.",
                "This backup has file version {version}, which this version of Factuurwacht cannot read (the oldest \
                 file version the app reads is {OLDEST_READABLE_VERSION}). Choose a more recent backup file."
            ),
            E::MissingField { record, field } => {
                let place = at(record);
                t!(
                    lang,
                    "{place} ontbreekt het veld \"{field}\". Het bestand is waarschijnlijk beschadigd of met de hand \
                     bewerkt. Kies een ander back-upbestand.",
                    "{place}, the field \"{field}\" is missing. The file was probably damaged or edited by hand. \
                     Choose another backup file."
                )
            }
            E::UnknownField { record, field } => {
                let place = at(record);
                t!(
                    lang,
                    "{place} staat een veld dat Factuurwacht niet kent: \"{field}\". Misschien is het bestand met de \
                     hand bewerkt. We lezen het niet in, zodat er geen gegevens ongemerkt verloren gaan.",
                    "{place}, there is a field Factuurwacht does not know: \"{field}\". The file may have been edited \
                     by hand. It is not imported, so that no data is lost unnoticed."
                )
            }
            E::WrongType {
                record,
                field,
                expected,
                found,
            } => {
                let (place, expected, found) = (at(record), expected_text(*expected, lang), found_text(*found, lang));
                t!(
                    lang,
                    "{place} hoort in het veld \"{field}\" {expected}, maar er staat {found}. Het bestand is \
                     waarschijnlijk beschadigd of met de hand bewerkt.",
                    "{place}, the field \"{field}\" should hold {expected}, but it holds {found}. The file was \
                     probably damaged or edited by hand."
                )
            }
            E::UnknownChoice { record, field, value } => {
                let place = at(record);
                t!(
                    lang,
                    "{place} staat in het veld \"{field}\" de waarde \"{value}\", en die kent Factuurwacht niet. \
                     Misschien komt het bestand van een nieuwere versie van de app of is het met de hand bewerkt.",
                    "{place}, the field \"{field}\" holds the value \"{value}\", which Factuurwacht does not know. \
                     The file may come from a newer version of the app or have been edited by hand."
                )
            }
            E::EmptyId { record, field } => {
                let place = at(record);
                t!(
                    lang,
                    "{place} is het veld \"{field}\" leeg. Elke klant, factuur en dossierregel heeft een eigen id \
                     nodig, anders kunnen gegevens niet veilig worden samengevoegd.",
                    "{place}, the field \"{field}\" is empty. Every customer, invoice and dossier entry needs its own \
                     id, or data cannot be merged safely."
                )
            }
            E::InvalidAmount { record, field, value } => {
                let place = at(record);
                t!(
                    lang,
                    "{place} staat in het veld \"{field}\" de waarde \"{value}\", en dat is geen bedrag zoals een \
                     back-up het schrijft: cijfers met een punt voor de centen, zoals \"1234.56\", zonder \
                     duizendtallen of valutateken.",
                    "{place}, the field \"{field}\" holds the value \"{value}\", which is not an amount as a backup \
                     writes it: digits with a full stop before the cents, such as \"1234.56\", without thousands \
                     separators or currency sign."
                )
            }
            E::NegativeAmount { record, value, .. } => {
                let place = at(record);
                t!(
                    lang,
                    "{place} is het bedrag negatief ({value}). Een factuurbedrag kan niet negatief zijn.",
                    "{place}, the amount is negative ({value}). An invoice amount cannot be negative."
                )
            }
            E::InvalidDate { record, field, value } => {
                let place = at(record);
                t!(
                    lang,
                    "{place} staat in het veld \"{field}\" de waarde \"{value}\", en dat is geen bestaande datum. \
                     Een back-up schrijft datums als jaar-maand-dag, zoals \"2026-03-15\".",
                    "{place}, the field \"{field}\" holds the value \"{value}\", which is not a valid date. A backup \
                     writes dates as year-month-day, such as \"2026-03-15\"."
                )
            }
            E::UnusableAmount { record, field, value } => {
                let place = at(record);
                t!(
                    lang,
                    "{place} staat in het veld \"{field}\" het bedrag {value}, en dat kan niet kloppen: bedragen \
                     hebben hooguit twee cijfers achter de punt en blijven onder de duizend miljard euro, en een \
                     belofte of termijn is meer dan nul.",
                    "{place}, the field \"{field}\" holds the amount {value}, which cannot be right: amounts have at \
                     most two decimals and stay below a million million euros, and a promise or instalment is more \
                     than nothing."
                )
            }
            E::RefundAboveReceived { event, invoice } => {
                let (event, invoice) = (cap(event), d(invoice));
                t!(
                    lang,
                    "{event} betaalt meer terug dan er op {invoice} ontvangen was. Dan zou er minder dan niets \
                     betaald zijn.",
                    "{event} pays back more than {invoice} had received. Less than nothing would then have been paid."
                )
            }
            E::DueBeforeIssue { record, issue, due } => {
                let (place, issue, due) = (at(record), iso_text(*issue), iso_text(*due));
                t!(
                    lang,
                    "{place} ligt de vervaldatum ({due}) vóór de factuurdatum ({issue}). Zo'n factuur slaat de app \
                     niet op; het bestand is waarschijnlijk met de hand bewerkt.",
                    "{place}, the due date ({due}) is before the invoice date ({issue}). The app does not store such \
                     an invoice; the file was probably edited by hand."
                )
            }
            E::PayByOutOfRange { days } => {
                let (min, max) = (PayByDays::MIN, PayByDays::MAX);
                t!(
                    lang,
                    "In de instellingen is de betaaltermijn in herinneringen {days} dagen, maar die moet {min} tot en \
                     met {max} dagen zijn. Het bestand is waarschijnlijk met de hand bewerkt.",
                    "In the settings, the pay-by term in reminders is {days} days, but it must be {min} to {max} \
                     days. The file was probably edited by hand."
                )
            }
            E::SettingOutOfRange { field, value, allowed } => {
                let rule = match allowed {
                    Allowed::DaysUpTo(max) => t!(lang, "hoogstens {max} dagen", "at most {max} days"),
                    Allowed::UpTo(max) => t!(lang, "hoogstens {max}", "at most {max}"),
                    Allowed::NotNegative => lang.pick("0 of meer", "0 or more").to_owned(),
                    Allowed::Percent => lang
                        .pick("tussen 0 en 100 procent", "between 0 and 100 percent")
                        .to_owned(),
                };
                t!(
                    lang,
                    "In de instellingen staat in het veld \"{field}\" {value}, maar dat moet {rule} zijn. Het bestand \
                     is waarschijnlijk met de hand bewerkt.",
                    "In the settings, the field \"{field}\" holds {value}, but it must be {rule}. The file was \
                     probably edited by hand."
                )
            }
            E::RemindersOutOfOrder { later } => {
                let field = format!("schedule.{}", later.key());
                let (which, before) = match later {
                    ScheduleField::SecondReminder => (lang.pick("tweede", "second"), lang.pick("eerste", "first")),
                    _ => (lang.pick("laatste", "last"), lang.pick("tweede", "second")),
                };
                t!(
                    lang,
                    "In de instellingen komt de {which} herinnering (\"{field}\") niet na de {before}. Het bestand is \
                     waarschijnlijk met de hand bewerkt.",
                    "In the settings, the {which} reminder (\"{field}\") does not come after the {before}. The file \
                     was probably edited by hand."
                )
            }
            E::DuplicateId { id, first, second } => {
                let (records, first, second) = (plural(second.entity, lang), d(first), d(second));
                t!(
                    lang,
                    "Twee {records} hebben hetzelfde id \"{id}\": {first} en {second}. Een id moet uniek zijn, \
                     anders is niet te zeggen welke gegevens kloppen.",
                    "Two {records} share the id \"{id}\": {first} and {second}. An id must be unique, or there is no \
                     telling which data is right."
                )
            }
            E::DuplicateInvoiceNumber { number, first, second } => {
                let (first, second) = (d(first), d(second));
                t!(
                    lang,
                    "Twee facturen hebben hetzelfde factuurnummer {number}: {first} en {second}. Elk factuurnummer \
                     mag maar één keer voorkomen.",
                    "Two invoices share the invoice number {number}: {first} and {second}. Each invoice number may \
                     appear only once."
                )
            }
            E::InvoiceWithoutCustomer { invoice, customer_id } => {
                let invoice = cap(invoice);
                t!(
                    lang,
                    "{invoice} hoort bij de klant met id \"{customer_id}\", maar die klant bestaat niet. Het bestand \
                     is waarschijnlijk onvolledig of beschadigd.",
                    "{invoice} belongs to the customer with id \"{customer_id}\", but that customer does not exist. \
                     The file is probably incomplete or damaged."
                )
            }
            E::EventWithoutInvoices { event } => {
                let event = cap(event);
                t!(
                    lang,
                    "{event} gaat over geen enkele factuur, maar elke dossierregel hoort bij minstens één factuur.",
                    "{event} is not about any invoice, but every dossier entry belongs to at least one invoice."
                )
            }
            E::EventWithoutCustomer { event, customer_id } => {
                let event = cap(event);
                t!(
                    lang,
                    "{event} hoort bij de klant met id \"{customer_id}\", maar die klant bestaat niet. Het bestand is \
                     waarschijnlijk onvolledig of beschadigd.",
                    "{event} belongs to the customer with id \"{customer_id}\", but that customer does not exist. The \
                     file is probably incomplete or damaged."
                )
            }
            E::EventWithoutInvoice { event, invoice_id } => {
                let event = cap(event);
                t!(
                    lang,
                    "{event} gaat over de factuur met id \"{invoice_id}\", maar die factuur bestaat niet. Het bestand \
                     is waarschijnlijk onvolledig of beschadigd.",
                    "{event} is about the invoice with id \"{invoice_id}\", but that invoice does not exist. The file \
                     is probably incomplete or damaged."
                )
            }
            E::EventInvoiceOfOtherCustomer {
                event,
                invoice,
                event_customer,
                invoice_customer,
            } => {
                let (event, invoice) = (cap(event), d(invoice));
                t!(
                    lang,
                    "{event} hoort bij de klant met id \"{event_customer}\", maar gaat ook over {invoice}, en die \
                     factuur hoort bij een andere klant (id \"{invoice_customer}\"). Een dossierregel gaat alleen \
                     over facturen van één klant.",
                    "{event} belongs to the customer with id \"{event_customer}\", but is also about {invoice}, which \
                     belongs to another customer (id \"{invoice_customer}\"). A dossier entry is only about invoices \
                     of one customer."
                )
            }
            E::EventConflict { event } => {
                let event = cap(event);
                t!(
                    lang,
                    "{event} staat al in je gegevens, maar het bestand heeft onder hetzelfde id een andere inhoud. \
                     Een dossierregel wordt nooit gewijzigd, dus deze twee kunnen niet worden samengevoegd. Er is \
                     niets veranderd aan je gegevens.",
                    "{event} is already in your data, but the file has different content under the same id. A \
                     dossier entry is never changed, so these two cannot be merged. Nothing in your data was changed."
                )
            }
            // The usual way to get here: the same invoice typed or imported on two devices,
            // so with two ids. The ids mean nothing to the user; what to do next does.
            E::MergeWouldBreak { problem } if matches!(**problem, E::DuplicateInvoiceNumber { .. }) => {
                let number = match problem.as_ref() {
                    E::DuplicateInvoiceNumber { number, .. } => number.as_str(),
                    _ => "",
                };
                t!(
                    lang,
                    "Samenvoegen kan niet: factuur {number} staat op dit apparaat en in de back-up, maar als twee \
                     verschillende facturen. Ze zijn los van elkaar ingevoerd, bijvoorbeeld door op beide apparaten \
                     hetzelfde CSV-bestand in te lezen, en samenvoegen zou de factuur dubbel maken. Wil je de \
                     back-up overnemen, download dan eerst een back-up van wat hier staat en kies Vervangen: wat \
                     alleen op dit apparaat staat, gaat daarbij verloren. Er is niets veranderd aan je gegevens.",
                    "The merge cannot be done: invoice {number} is on this device and in the backup, but as two \
                     different invoices. They were entered separately, for example by importing the same CSV file on \
                     both devices, and merging would make the invoice appear twice. To take over the backup, first \
                     download a backup of what is here, then choose Replace: what is only on this device is lost \
                     with it. Nothing in your data was changed."
                )
            }
            E::MergeWouldBreak { problem } => {
                let problem = problem.message(lang);
                t!(
                    lang,
                    "Samenvoegen kan niet, want daarna zouden de gegevens niet meer kloppen. {problem} Er is niets \
                     veranderd aan je gegevens.",
                    "The merge cannot be done, because the data would no longer fit together. {problem} Nothing in \
                     your data was changed."
                )
            }
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
