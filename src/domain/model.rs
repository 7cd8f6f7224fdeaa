//! The facts the chaser works from: customers, invoices, the dossier of events, and settings.
//!
//! Nothing here is derived and stored at the same time. An invoice's payments, status and
//! outstanding amount follow from its dossier events, so they can never disagree with it.

use std::collections::HashMap;

use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::domain::legal::InterestRates;

/// The two languages of the product. Dutch comes first: it is the default everywhere.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Nl,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Nl, Lang::En];

    /// The BCP 47 tag, for `<html lang>` and for storage.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    /// The one of a Dutch and an English variant that this language reads. Every text pair in
    /// the app goes through here, so both halves are always written side by side.
    pub fn pick<T>(self, nl: T, en: T) -> T {
        match self {
            Lang::Nl => nl,
            Lang::En => en,
        }
    }

    /// Reads a stored or typed language code; anything unknown is `None`, not a guess.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "nl" | "nl-nl" | "nl-be" => Some(Lang::Nl),
            "en" | "en-gb" | "en-us" => Some(Lang::En),
            _ => None,
        }
    }
}

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                $name(s.to_owned())
            }
        }
    };
}

/// The time part of an id the app made, "e-18c2f0a1b2c-0a1b2c3d4e5f6": milliseconds since
/// 1970 in hex, which orders the ids of one day. `None` for an id of another shape, such as one
/// typed into a backup file by hand.
pub fn id_time(id: &str) -> Option<u64> {
    let mut parts = id.rsplitn(3, '-');
    let _random = parts.next()?;
    let time = parts.next()?;
    parts.next()?;
    u64::from_str_radix(time, 16).ok()
}

/// The time part of a new id made at `now` (milliseconds since 1970), after one made at
/// `last`: the ids of one device sort in the order they were made even when the clock stands
/// still or goes back.
pub fn next_id_time(now: u64, last: u64) -> u64 {
    now.max(last.saturating_add(1))
}

/// The latest time among stored `ids` that new ids must sort after, so that an entry logged
/// now never reads back before one logged earlier the same day on a clock that was ahead.
///
/// Times more than a day after `now` are left out: no entry made today shares a day with
/// them, and one such id (from a clock set years ahead, or typed into a backup) would
/// otherwise pin every later id to its time.
pub fn latest_id_time<'a>(ids: impl IntoIterator<Item = &'a str>, now: u64) -> u64 {
    const DAY_MS: u64 = 24 * 60 * 60 * 1000;
    let horizon = now.saturating_add(DAY_MS);
    ids.into_iter()
        .filter_map(id_time)
        .filter(|time| *time <= horizon)
        .max()
        .unwrap_or(0)
}

id_type!(
    /// A customer's identity. Opaque text made by the caller, so that two devices can merge
    /// backups by id without clashes.
    CustomerId
);
id_type!(
    /// An invoice's identity, separate from its number: the number is the user's and may be
    /// corrected, the id never changes.
    InvoiceId
);
id_type!(
    /// A dossier event's identity.
    EventId
);

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CustomerKind {
    #[default]
    Business,
    /// A natural person not acting for a business: the consumer rules apply.
    Consumer,
}

/// How a contact was made or is to be made.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    #[default]
    Email,
    Sms,
    Phone,
    Letter,
    /// A meeting face to face.
    InPerson,
}

impl Channel {
    /// Channels that leave a written trail the customer receives. The engine decides per
    /// message which channel a step takes; the tests use this to check the drafts.
    #[cfg(test)]
    pub fn is_written(self) -> bool {
        matches!(self, Channel::Email | Channel::Sms | Channel::Letter)
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BestTime {
    /// Office hours: reachable in the morning and afternoon.
    Daytime,
    /// After office hours.
    Evening,
    #[default]
    Any,
}

/// Part of a day, to plan a call and to try another part after no answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DayPart {
    Morning,
    Afternoon,
    Evening,
}

/// The country a country line names, when it is one the app knows by one of its usual names
/// ("België", "Belgium", "BE"); accents, case and spacing aside.
pub fn country_named(name: &str) -> Option<Jurisdiction> {
    let folded: String = name
        .trim()
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'ë' | 'é' | 'è' => 'e',
            c => c,
        })
        .filter(|c| c.is_alphabetic() || *c == ' ')
        .collect();
    match folded.split_whitespace().collect::<Vec<_>>().join(" ").as_str() {
        "nederland" | "netherlands" | "the netherlands" | "holland" | "nl" | "nld" => Some(Jurisdiction::Nl),
        "belgie" | "belgium" | "belgique" | "be" | "bel" => Some(Jurisdiction::Be),
        _ => None,
    }
}

/// Whether `postcode` has the Dutch form: four digits and two letters ("1234 AB", "1234AB").
fn is_dutch_postcode(postcode: &str) -> bool {
    let compact: Vec<char> = postcode.chars().filter(|c| *c != ' ').collect();
    compact.len() == 6
        && compact[..4].iter().all(char::is_ascii_digit)
        && compact[4..].iter().all(char::is_ascii_alphabetic)
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostalAddress {
    pub street: String,
    pub postcode: String,
    pub city: String,
    pub country: String,
}

impl PostalAddress {
    pub fn is_empty(&self) -> bool {
        self.street.trim().is_empty() && self.postcode.trim().is_empty() && self.city.trim().is_empty()
    }

    /// The address as the lines of a letter's address block, empty lines left out. A Dutch
    /// postcode is followed by two spaces, as PostNL asks; any other by one, as in Belgium.
    pub fn lines(&self) -> Vec<String> {
        let postcode = self.postcode.trim();
        let gap = if is_dutch_postcode(postcode) { "  " } else { " " };
        let city_line = format!("{postcode}{gap}{}", self.city.trim());
        [
            self.street.trim().to_owned(),
            city_line.trim().to_owned(),
            self.country.trim().to_owned(),
        ]
        .into_iter()
        .filter(|l| !l.is_empty())
        .collect()
    }

    /// [`PostalAddress::lines`] for a letter posted in `home`: a country line that names that
    /// country is left out, as the post asks of domestic mail.
    pub fn lines_posted_in(&self, home: Jurisdiction) -> Vec<String> {
        let mut lines = self.lines();
        if country_named(&self.country) == Some(home) {
            let country = self.country.trim();
            lines.retain(|line| line != country);
        }
        lines
    }

    /// The address on one line, for a list or a dossier entry: "Lindelaan 12, 1234 AB Zwolle".
    /// The two spaces an address block puts between postcode and city would read as a typo
    /// here.
    pub fn one_line(&self) -> String {
        let city_line = format!("{} {}", self.postcode.trim(), self.city.trim());
        [self.street.trim(), city_line.trim(), self.country.trim()]
            .into_iter()
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// `name` followed by the address on one line, or only the name when no address is known:
    /// who a letter went to, or who the creditor is.
    pub fn one_line_after(&self, name: &str) -> String {
        let (name, address) = (name.trim(), self.one_line());
        if address.is_empty() {
            name.to_owned()
        } else {
            format!("{name}, {address}")
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Customer {
    pub id: CustomerId,
    pub name: String,
    pub kind: CustomerKind,
    /// Who to ask for; empty when the customer is the person.
    pub contact_person: String,
    pub email: String,
    pub phone: String,
    pub address: PostalAddress,
    pub language: Lang,
    pub preferred_channel: Channel,
    pub best_time: BestTime,
    /// `Some(reason)` while the user has paused chasing this customer.
    pub paused: Option<String>,
    pub notes: String,
}

impl Customer {
    /// A customer with only a name; every other field takes its default.
    pub fn new(id: CustomerId, name: impl Into<String>) -> Customer {
        Customer {
            id,
            name: name.into(),
            kind: CustomerKind::Business,
            contact_person: String::new(),
            email: String::new(),
            phone: String::new(),
            address: PostalAddress::default(),
            language: Lang::Nl,
            preferred_channel: Channel::Email,
            best_time: BestTime::Any,
            paused: None,
            notes: String::new(),
        }
    }

    /// Where a posted letter went, as the dossier records it: the customer's name and address
    /// on one line.
    pub fn letter_recipient(&self) -> String {
        self.address.one_line_after(&self.name)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invoice {
    pub id: InvoiceId,
    /// The user's own invoice number, as printed on the invoice.
    pub number: String,
    pub customer_id: CustomerId,
    pub issue_date: NaiveDate,
    pub due_date: NaiveDate,
    /// The total including VAT. Never a float.
    pub amount: Decimal,
    /// ISO 4217 code; "EUR" unless the user says otherwise.
    pub currency: String,
    pub description: String,
}

/// The due date for a payment term in days, saturating at the last representable date so a
/// silly term cannot panic.
pub fn due_date_from_term(issue_date: NaiveDate, term_days: u32) -> NaiveDate {
    issue_date
        .checked_add_days(Days::new(u64::from(term_days)))
        .unwrap_or(NaiveDate::MAX)
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Instalment {
    #[serde(deserialize_with = "crate::domain::dates::deserialize_iso")]
    pub date: NaiveDate,
    pub amount: Decimal,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CallOutcome {
    Reached,
    NoAnswer,
    Voicemail,
}

/// Every message the chaser can draft. A sent message is logged with its kind, so the engine
/// knows which rung of the ladder was done.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MessageKind {
    HeadsUp,
    FirstReminder,
    /// The Belgian consumer's first reminder, which must be free of charge.
    BelgianFirstReminder,
    SecondReminder,
    CallScript,
    CallConfirmation,
    PromiseFollowUp,
    PaymentPlanProposal,
    PaymentPlanConfirmation,
    InstalmentReminder,
    DisputeAcknowledgement,
    MeetingRequest,
    LastReminder,
    /// The Dutch consumer's 14-day letter (art. 6:96 lid 6 BW).
    FourteenDayLetter,
    HandOverNotice,
    ThankYou,
}

impl MessageKind {
    /// Every kind, for exhaustive tests and pickers.
    pub const ALL: [MessageKind; 16] = [
        MessageKind::HeadsUp,
        MessageKind::FirstReminder,
        MessageKind::BelgianFirstReminder,
        MessageKind::SecondReminder,
        MessageKind::CallScript,
        MessageKind::CallConfirmation,
        MessageKind::PromiseFollowUp,
        MessageKind::PaymentPlanProposal,
        MessageKind::PaymentPlanConfirmation,
        MessageKind::InstalmentReminder,
        MessageKind::DisputeAcknowledgement,
        MessageKind::MeetingRequest,
        MessageKind::LastReminder,
        MessageKind::FourteenDayLetter,
        MessageKind::HandOverNotice,
        MessageKind::ThankYou,
    ];
}

/// What happened, one fact per event. Events are append-only: a correction is a new event.
///
/// Written as a `type` tag beside the kind's fields; read back through [`EventKindFields`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", try_from = "EventKindFields")]
pub enum EventKind {
    /// A message went out: an email, a text or a posted letter. `to` is the address it went
    /// to (email address, phone number or postal address), kept as evidence.
    MessageSent {
        message: MessageKind,
        to: String,
        subject: String,
        body: String,
    },
    Call {
        outcome: CallOutcome,
        /// When in the day the call was made, so a retry can pick another part of the day.
        at: DayPart,
        summary: String,
    },
    Meeting {
        summary: String,
    },
    PromiseToPay {
        amount: Decimal,
        date: NaiveDate,
    },
    DisputeOpened {
        reason: String,
    },
    DisputeResolved {
        resolution: String,
    },
    /// The customer says they cannot pay now: the answer is a payment plan.
    CannotPay {
        note: String,
    },
    PaymentPlanAgreed {
        instalments: Vec<Instalment>,
    },
    PaymentReceived {
        amount: Decimal,
        note: String,
    },
    HandedOver {
        agency: String,
    },
    WrittenOff {
        reason: String,
    },
    ChasePaused {
        reason: String,
    },
    ChaseResumed,
    Note {
        text: String,
    },
}

/// The tags of [`EventKind`], as written in its `type` field.
#[derive(Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case")]
enum EventTag {
    MessageSent,
    Call,
    Meeting,
    PromiseToPay,
    DisputeOpened,
    DisputeResolved,
    CannotPay,
    PaymentPlanAgreed,
    PaymentReceived,
    HandedOver,
    WrittenOff,
    ChasePaused,
    ChaseResumed,
    Note,
}

/// The shape an [`EventKind`] is read from: its tag and every field any kind has, each
/// optional. Serde's derive for a tagged enum first copies each value into a generic tree to
/// find the tag, then reads the tree again; start-up reads tens of thousands of events, and
/// that derive was the largest function in the browser build. One flat pass, then a check
/// that the tag's fields are all there, reads the same documents and rejects the same ones.
#[derive(Deserialize)]
struct EventKindFields {
    #[serde(rename = "type")]
    tag: EventTag,
    message: Option<MessageKind>,
    to: Option<String>,
    subject: Option<String>,
    body: Option<String>,
    outcome: Option<CallOutcome>,
    at: Option<DayPart>,
    summary: Option<String>,
    amount: Option<Decimal>,
    #[serde(default, deserialize_with = "crate::domain::dates::deserialize_iso_opt")]
    date: Option<NaiveDate>,
    reason: Option<String>,
    resolution: Option<String>,
    note: Option<String>,
    instalments: Option<Vec<Instalment>>,
    agency: Option<String>,
    text: Option<String>,
}

impl TryFrom<EventKindFields> for EventKind {
    type Error = String;

    fn try_from(f: EventKindFields) -> Result<Self, String> {
        fn need<T>(value: Option<T>, field: &str) -> Result<T, String> {
            value.ok_or_else(|| format!("missing field `{field}`"))
        }
        Ok(match f.tag {
            EventTag::MessageSent => EventKind::MessageSent {
                message: need(f.message, "message")?,
                to: need(f.to, "to")?,
                subject: need(f.subject, "subject")?,
                body: need(f.body, "body")?,
            },
            EventTag::Call => EventKind::Call {
                outcome: need(f.outcome, "outcome")?,
                at: need(f.at, "at")?,
                summary: need(f.summary, "summary")?,
            },
            EventTag::Meeting => EventKind::Meeting {
                summary: need(f.summary, "summary")?,
            },
            EventTag::PromiseToPay => EventKind::PromiseToPay {
                amount: need(f.amount, "amount")?,
                date: need(f.date, "date")?,
            },
            EventTag::DisputeOpened => EventKind::DisputeOpened {
                reason: need(f.reason, "reason")?,
            },
            EventTag::DisputeResolved => EventKind::DisputeResolved {
                resolution: need(f.resolution, "resolution")?,
            },
            EventTag::CannotPay => EventKind::CannotPay {
                note: need(f.note, "note")?,
            },
            EventTag::PaymentPlanAgreed => EventKind::PaymentPlanAgreed {
                instalments: need(f.instalments, "instalments")?,
            },
            EventTag::PaymentReceived => EventKind::PaymentReceived {
                amount: need(f.amount, "amount")?,
                note: need(f.note, "note")?,
            },
            EventTag::HandedOver => EventKind::HandedOver {
                agency: need(f.agency, "agency")?,
            },
            EventTag::WrittenOff => EventKind::WrittenOff {
                reason: need(f.reason, "reason")?,
            },
            EventTag::ChasePaused => EventKind::ChasePaused {
                reason: need(f.reason, "reason")?,
            },
            EventTag::ChaseResumed => EventKind::ChaseResumed,
            EventTag::Note => EventKind::Note {
                text: need(f.text, "text")?,
            },
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub id: EventId,
    /// The invoices this event is about; one letter or call may cover several invoices of
    /// one customer. Never empty.
    pub invoice_ids: Vec<InvoiceId>,
    pub customer_id: CustomerId,
    pub date: NaiveDate,
    pub channel: Channel,
    pub kind: EventKind,
}

impl Event {
    pub fn concerns(&self, invoice: &InvoiceId) -> bool {
        self.invoice_ids.iter().any(|id| id == invoice)
    }
}

/// Whether an invoice may be removed: only one with nothing in its dossier, as an invoice
/// entered by mistake has. Removing one with a history would destroy evidence; such an
/// invoice is written off instead.
pub fn invoice_removable(invoice: &InvoiceId, events: &[Event]) -> bool {
    !events.iter().any(|e| e.concerns(invoice))
}

/// Whether a customer may be removed: only one that no invoice and no dossier entry refers to.
pub fn customer_removable(customer: &CustomerId, invoices: &[Invoice], events: &[Event]) -> bool {
    !invoices.iter().any(|i| &i.customer_id == customer) && !events.iter().any(|e| &e.customer_id == customer)
}

/// The customer's invoices with money still outstanding, in list order.
pub fn open_invoices_of(customer: &CustomerId, invoices: &[Invoice], events: &[Event]) -> Vec<InvoiceId> {
    let by_invoice = events_by_invoice(events);
    invoices
        .iter()
        .filter(|i| &i.customer_id == customer)
        .filter(|i| {
            let own = by_invoice.get(&i.id).map(Vec::as_slice).unwrap_or_default();
            !balance(i, own.iter().copied()).outstanding.is_zero()
        })
        .map(|i| i.id.clone())
        .collect()
}

/// Every event listed under each invoice it concerns, in log order, built in one pass. Callers
/// that need many invoices' balances use this instead of scanning all events per invoice.
/// An event that names the same invoice twice is listed once, as [`Event::concerns`] counts it.
pub fn events_by_invoice(events: &[Event]) -> HashMap<&InvoiceId, Vec<&Event>> {
    let mut index: HashMap<&InvoiceId, Vec<&Event>> = HashMap::new();
    for event in events {
        for id in &event.invoice_ids {
            let list = index.entry(id).or_default();
            if !list.last().is_some_and(|e| std::ptr::eq(*e, event)) {
                list.push(event);
            }
        }
    }
    index
}

/// What the user has received on an invoice, from its dossier. A payment event is recorded
/// against the one invoice it paid, so it counts in full there. Sums saturate instead of
/// overflowing, because a restored file may hold absurd amounts.
pub fn paid_amount<'a>(invoice: &InvoiceId, events: impl IntoIterator<Item = &'a Event>) -> Decimal {
    events
        .into_iter()
        .filter(|e| e.concerns(invoice))
        .filter_map(|e| match &e.kind {
            EventKind::PaymentReceived { amount, .. } => Some(*amount),
            _ => None,
        })
        .fold(Decimal::ZERO, |sum, amount| sum.saturating_add(amount))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InvoiceStatus {
    Open,
    PartlyPaid,
    Paid,
    WrittenOff,
}

/// Status and outstanding amount, derived from the invoice and its dossier.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Balance {
    pub paid: Decimal,
    /// Never negative: an overpayment leaves zero outstanding. What was paid above the invoice
    /// amount is split by `claim::above_principal`.
    pub outstanding: Decimal,
    pub status: InvoiceStatus,
}

/// Whether a payment being recorded is so far above what is open that it is more likely a
/// typing slip (12500 for 1250) than a payment of the invoice with its costs and interest: more
/// than twice the open amount plus EUR 50. The form asks before recording it.
pub fn payment_looks_mistyped(amount: Decimal, outstanding: Decimal) -> bool {
    let limit = outstanding
        .max(Decimal::ZERO)
        .saturating_mul(Decimal::TWO)
        .saturating_add(Decimal::from(50));
    amount > limit
}

/// Whether typed text says nothing: empty, spaces, or characters that print as nothing (zero
/// width spaces and joiners, a soft hyphen, a byte order mark). A name made only of those would
/// show as a blank line in every list and draft.
pub fn is_blank(text: &str) -> bool {
    text.chars().all(|c| c.is_whitespace() || is_invisible(c))
}

/// Characters that print as nothing: zero-width spaces and joiners, direction marks, a soft
/// hyphen, a byte order mark and their kin. Pasted text often carries them.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{034F}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}'
    )
}

pub fn balance<'a>(invoice: &Invoice, events: impl IntoIterator<Item = &'a Event> + Clone) -> Balance {
    let paid = paid_amount(&invoice.id, events.clone());
    let outstanding = invoice.amount.saturating_sub(paid).max(Decimal::ZERO);
    let written_off = events
        .into_iter()
        .any(|e| e.concerns(&invoice.id) && matches!(e.kind, EventKind::WrittenOff { .. }));
    let status = if outstanding.is_zero() {
        InvoiceStatus::Paid
    } else if written_off {
        InvoiceStatus::WrittenOff
    } else if paid > Decimal::ZERO {
        InvoiceStatus::PartlyPaid
    } else {
        InvoiceStatus::Open
    };
    Balance {
        paid,
        outstanding,
        status,
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Jurisdiction {
    #[default]
    #[serde(rename = "NL")]
    Nl,
    #[serde(rename = "BE")]
    Be,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BusinessDetails {
    pub name: String,
    pub address: PostalAddress,
    pub email: String,
    pub phone: String,
    pub iban: String,
    /// Chamber of Commerce number (KvK in the Netherlands, KBO/BCE in Belgium).
    pub registration_number: String,
    pub vat_number: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CollectionAgency {
    pub name: String,
    pub email: String,
}

/// The chase schedule, in days. Every offset is the user's to change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Schedule {
    /// Days before the due date for the heads-up.
    pub heads_up_before_due: u32,
    /// Days after the due date for each rung.
    pub first_reminder_after_due: u32,
    pub second_reminder_after_due: u32,
    /// Days after the second reminder for a call when written reminders get no reaction.
    pub call_after_second_reminder: u32,
    pub last_reminder_after_due: u32,
    /// Days after the last reminder's pay-by term ends before handing over.
    pub hand_over_after_last_term: u32,
    /// Days after a promised date before following the promise up.
    pub promise_grace: u32,
    /// Unanswered calls before going back to writing.
    pub max_unanswered_calls: u32,
}

/// One setting of the [`Schedule`], named so that a limit and a problem can point at it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ScheduleField {
    HeadsUp,
    FirstReminder,
    SecondReminder,
    CallAfterSecond,
    LastReminder,
    HandOver,
    PromiseGrace,
    MaxCalls,
}

impl ScheduleField {
    pub const ALL: [ScheduleField; 8] = [
        ScheduleField::HeadsUp,
        ScheduleField::FirstReminder,
        ScheduleField::SecondReminder,
        ScheduleField::CallAfterSecond,
        ScheduleField::LastReminder,
        ScheduleField::HandOver,
        ScheduleField::PromiseGrace,
        ScheduleField::MaxCalls,
    ];

    /// The largest value the setting takes. A chase that waits more than a year is no chase;
    /// a heads-up or a promise's grace is a matter of days, not months; and more than twenty
    /// unanswered calls is harassment, not collection.
    pub fn max(self) -> u32 {
        match self {
            ScheduleField::HeadsUp | ScheduleField::PromiseGrace => 60,
            ScheduleField::MaxCalls => 20,
            _ => 365,
        }
    }

    /// The setting's name in a stored schedule and a backup file.
    pub fn key(self) -> &'static str {
        match self {
            ScheduleField::HeadsUp => "heads_up_before_due",
            ScheduleField::FirstReminder => "first_reminder_after_due",
            ScheduleField::SecondReminder => "second_reminder_after_due",
            ScheduleField::CallAfterSecond => "call_after_second_reminder",
            ScheduleField::LastReminder => "last_reminder_after_due",
            ScheduleField::HandOver => "hand_over_after_last_term",
            ScheduleField::PromiseGrace => "promise_grace",
            ScheduleField::MaxCalls => "max_unanswered_calls",
        }
    }
}

/// What makes a schedule unusable. The settings form checks the same, field by field, so a
/// schedule from a backup file meets the limits a typed one does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScheduleProblem {
    TooLarge {
        field: ScheduleField,
        value: u32,
    },
    /// The reminders must come in their order: the second after the first, the last after
    /// the second.
    OutOfOrder {
        later: ScheduleField,
    },
}

impl Schedule {
    pub fn get(&self, field: ScheduleField) -> u32 {
        match field {
            ScheduleField::HeadsUp => self.heads_up_before_due,
            ScheduleField::FirstReminder => self.first_reminder_after_due,
            ScheduleField::SecondReminder => self.second_reminder_after_due,
            ScheduleField::CallAfterSecond => self.call_after_second_reminder,
            ScheduleField::LastReminder => self.last_reminder_after_due,
            ScheduleField::HandOver => self.hand_over_after_last_term,
            ScheduleField::PromiseGrace => self.promise_grace,
            ScheduleField::MaxCalls => self.max_unanswered_calls,
        }
    }

    /// Every problem, in the order of the fields.
    pub fn problems(&self) -> Vec<ScheduleProblem> {
        let mut problems: Vec<ScheduleProblem> = ScheduleField::ALL
            .into_iter()
            .filter(|field| self.get(*field) > field.max())
            .map(|field| ScheduleProblem::TooLarge {
                field,
                value: self.get(field),
            })
            .collect();
        if self.second_reminder_after_due <= self.first_reminder_after_due {
            problems.push(ScheduleProblem::OutOfOrder {
                later: ScheduleField::SecondReminder,
            });
        }
        if self.last_reminder_after_due <= self.second_reminder_after_due {
            problems.push(ScheduleProblem::OutOfOrder {
                later: ScheduleField::LastReminder,
            });
        }
        problems
    }
}

impl Default for Schedule {
    fn default() -> Self {
        Schedule {
            heads_up_before_due: 3,
            first_reminder_after_due: 1,
            second_reminder_after_due: 14,
            call_after_second_reminder: 7,
            last_reminder_after_due: 30,
            hand_over_after_last_term: 1,
            promise_grace: 2,
            max_unanswered_calls: 3,
        }
    }
}

/// The pay-by term a message gives: 5 to 14 days, never more (a long term invites delay).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "u32", into = "u32")]
pub struct PayByDays(u32);

impl PayByDays {
    pub const MIN: u32 = 5;
    pub const MAX: u32 = 14;

    pub fn new(days: u32) -> Result<PayByDays, String> {
        if (Self::MIN..=Self::MAX).contains(&days) {
            Ok(PayByDays(days))
        } else {
            Err(format!(
                "pay-by term must be {} to {} days, not {days}",
                Self::MIN,
                Self::MAX
            ))
        }
    }

    pub fn days(self) -> u32 {
        self.0
    }
}

impl Default for PayByDays {
    fn default() -> Self {
        PayByDays(7)
    }
}

impl TryFrom<u32> for PayByDays {
    type Error = String;
    fn try_from(days: u32) -> Result<Self, Self::Error> {
        PayByDays::new(days)
    }
}

impl From<PayByDays> for u32 {
    fn from(p: PayByDays) -> u32 {
        p.0
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    pub business: BusinessDetails,
    pub jurisdiction: Jurisdiction,
    pub default_payment_term_days: u32,
    pub schedule: Schedule,
    pub pay_by: PayByDays,
    /// From this outstanding amount a call replaces the written heads-up before the due date.
    pub call_before_due_from: Decimal,
    /// From this outstanding amount a meeting is proposed before handing over.
    pub meeting_from: Decimal,
    /// Below this outstanding amount an invoice is not worth chasing.
    pub minimum_worth_chasing: Decimal,
    pub claim_interest: bool,
    pub claim_collection_costs: bool,
    /// Add VAT on collection costs: only for a creditor who cannot reclaim it. Off by default.
    pub vat_on_collection_costs: bool,
    /// The user's terms stipulate damages for a consumer's late payment. Belgian law (Book
    /// XIX) caps what such a clause may ask; without one a Belgian consumer owes no damages.
    /// Off by default; settings stored before it existed read as off.
    #[serde(default)]
    pub consumer_damages_clause: bool,
    pub agency: CollectionAgency,
    pub rates: InterestRates,
}

impl Settings {
    /// The longest default payment term, in days: a year, as for the schedule's steps.
    pub const MAX_PAYMENT_TERM_DAYS: u32 = 365;

    /// Whether a Belgian consumer's damages are claimed: the user charges costs, and their
    /// terms have the clause that allows it.
    pub fn claims_belgian_consumer_damages(&self) -> bool {
        self.claim_collection_costs && self.consumer_damages_clause
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            business: BusinessDetails::default(),
            jurisdiction: Jurisdiction::Nl,
            default_payment_term_days: 30,
            schedule: Schedule::default(),
            pay_by: PayByDays::default(),
            call_before_due_from: Decimal::from(2500),
            meeting_from: Decimal::from(10000),
            minimum_worth_chasing: Decimal::from(10),
            claim_interest: false,
            claim_collection_costs: true,
            vat_on_collection_costs: false,
            consumer_damages_clause: false,
            agency: CollectionAgency::default(),
            rates: InterestRates::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_time_of_an_id_the_app_made() {
        let cases = [
            ("evt-18c2f0a1b2c-0a1b2c3d4e5f6", Some(0x18c2f0a1b2c)),
            ("cust-1-0", Some(1)),
            ("invoice-from-backup", None),
            ("evt-zz-0", None),
            ("18c2f0a1b2c", None),
            ("", None),
        ];
        for (id, time) in cases {
            assert_eq!(id_time(id), time, "{id}");
        }
    }

    #[test]
    fn a_schedule_names_every_value_out_of_range_and_every_reminder_out_of_order() {
        use ScheduleField as F;
        use ScheduleProblem as P;
        let d = Schedule::default;
        let cases = [
            (d(), vec![]),
            (
                Schedule {
                    heads_up_before_due: 60,
                    promise_grace: 60,
                    max_unanswered_calls: 20,
                    hand_over_after_last_term: 365,
                    ..d()
                },
                vec![],
            ),
            (
                Schedule {
                    heads_up_before_due: 61,
                    ..d()
                },
                vec![P::TooLarge {
                    field: F::HeadsUp,
                    value: 61,
                }],
            ),
            (
                Schedule {
                    max_unanswered_calls: 21,
                    ..d()
                },
                vec![P::TooLarge {
                    field: F::MaxCalls,
                    value: 21,
                }],
            ),
            (
                Schedule {
                    hand_over_after_last_term: u32::MAX,
                    ..d()
                },
                vec![P::TooLarge {
                    field: F::HandOver,
                    value: u32::MAX,
                }],
            ),
            (
                Schedule {
                    second_reminder_after_due: 1,
                    ..d()
                },
                vec![P::OutOfOrder {
                    later: F::SecondReminder,
                }],
            ),
            (
                Schedule {
                    second_reminder_after_due: 400,
                    last_reminder_after_due: 400,
                    ..d()
                },
                vec![
                    P::TooLarge {
                        field: F::SecondReminder,
                        value: 400,
                    },
                    P::TooLarge {
                        field: F::LastReminder,
                        value: 400,
                    },
                    P::OutOfOrder { later: F::LastReminder },
                ],
            ),
        ];
        for (schedule, problems) in cases {
            assert_eq!(schedule.problems(), problems, "{schedule:?}");
        }
    }

    #[test]
    fn new_ids_sort_after_the_stored_ones_of_today_only() {
        let now = 0x19a0_0000_0000;
        let day = 24 * 60 * 60 * 1000;
        let an_hour_ahead = format!("e-{:x}-0", now + 3_600_000);
        let years_ahead = format!("e-{:x}-0", now + 3 * 365 * day);
        let cases: [(&[&str], u64); 5] = [
            (&[], 0),
            (&["e-5-0", "invoice-from-backup"], 5),
            (&[&an_hour_ahead, "e-5-0"], now + 3_600_000),
            (&[&years_ahead, "e-5-0"], 5),
            (&["e-ffffffffffffffff-0"], 0),
        ];
        for (ids, latest) in cases {
            assert_eq!(latest_id_time(ids.iter().copied(), now), latest, "{ids:?}");
        }
        // The clock moving on, standing still, going back, and at the end of its range.
        for (now, last, next) in [(10, 5, 10), (10, 10, 11), (10, 20, 21), (3, u64::MAX, u64::MAX)] {
            assert_eq!(next_id_time(now, last), next, "now {now}, last {last}");
        }
    }

    use super::*;
    use crate::domain::testing::iso as d;

    fn event(kind: EventKind) -> Event {
        Event {
            id: EventId::from("e"),
            invoice_ids: vec![InvoiceId::from("i1")],
            customer_id: CustomerId::from("c1"),
            date: d("2026-03-01"),
            channel: Channel::Email,
            kind,
        }
    }

    fn invoice(amount: i64) -> Invoice {
        Invoice {
            id: InvoiceId::from("i1"),
            number: "2026-001".into(),
            customer_id: CustomerId::from("c1"),
            issue_date: d("2026-01-01"),
            due_date: d("2026-01-31"),
            amount: Decimal::from(amount),
            currency: "EUR".into(),
            description: String::new(),
        }
    }

    #[test]
    fn a_letter_recipient_is_the_name_and_the_address_on_one_line() {
        let mut customer = Customer::new(CustomerId::from("c1"), " Jan de Vries ");
        assert_eq!(customer.letter_recipient(), "Jan de Vries");
        customer.address = PostalAddress {
            street: "Lindelaan 12".into(),
            postcode: "1234 AB".into(),
            city: "Zwolle".into(),
            country: String::new(),
        };
        assert_eq!(
            customer.letter_recipient(),
            "Jan de Vries, Lindelaan 12, 1234 AB Zwolle"
        );
        // The address block keeps the post's two spaces between postcode and city.
        assert_eq!(customer.address.lines(), ["Lindelaan 12", "1234 AB  Zwolle"]);
        #[rustfmt::skip]
        let blocks = [
            ("1234 AB", "Zwolle", "1234 AB  Zwolle"),
            ("1234ab", "Zwolle", "1234ab  Zwolle"),
            // Belgian postcodes are four digits, followed by one space.
            ("2000", "Antwerpen", "2000 Antwerpen"),
            ("B-9000", "Gent", "B-9000 Gent"),
            ("", "Zwolle", "Zwolle"),
        ];
        for (postcode, city, expected) in blocks {
            let address = PostalAddress {
                postcode: postcode.into(),
                city: city.into(),
                ..PostalAddress::default()
            };
            assert_eq!(address.lines(), [expected], "{postcode:?}");
        }
        // Domestic post carries no country line; a letter abroad does.
        #[rustfmt::skip]
        let countries = [
            ("België", Jurisdiction::Be, false),
            (" belgie ", Jurisdiction::Be, false),
            ("Belgium", Jurisdiction::Be, false),
            ("België", Jurisdiction::Nl, true),
            ("Nederland", Jurisdiction::Nl, false),
            ("The Netherlands", Jurisdiction::Nl, false),
            ("Nederland", Jurisdiction::Be, true),
            ("Duitsland", Jurisdiction::Nl, true),
        ];
        for (country, home, shown) in countries {
            let address = PostalAddress {
                street: "Meir 1".into(),
                postcode: "2000".into(),
                city: "Antwerpen".into(),
                country: country.into(),
            };
            let lines = address.lines_posted_in(home);
            assert_eq!(lines.len() == 3, shown, "{country:?} posted in {home:?}: {lines:?}");
        }
    }
    #[test]
    fn status_follows_payments_and_write_off() {
        let pay = |a: i64| {
            event(EventKind::PaymentReceived {
                amount: Decimal::from(a),
                note: String::new(),
            })
        };
        // (events, status, outstanding)
        let cases: Vec<(Vec<Event>, InvoiceStatus, i64)> = vec![
            (vec![], InvoiceStatus::Open, 100),
            (vec![pay(40)], InvoiceStatus::PartlyPaid, 60),
            (vec![pay(40), pay(60)], InvoiceStatus::Paid, 0),
            (vec![pay(150)], InvoiceStatus::Paid, 0),
            (vec![pay(40), pay(100)], InvoiceStatus::Paid, 0),
            (
                vec![pay(40), event(EventKind::WrittenOff { reason: "gone".into() })],
                InvoiceStatus::WrittenOff,
                60,
            ),
        ];
        for (events, status, outstanding) in cases {
            let b = balance(&invoice(100), &events);
            assert_eq!(
                (b.status, b.outstanding),
                (status, Decimal::from(outstanding)),
                "{events:?}"
            );
        }
    }

    #[test]
    fn only_records_nothing_refers_to_can_be_removed() {
        let note = event(EventKind::Note { text: "gebeld".into() });
        let (i1, i2) = (InvoiceId::from("i1"), InvoiceId::from("i2"));
        assert!(
            !invoice_removable(&i1, std::slice::from_ref(&note)),
            "a dossier is evidence"
        );
        assert!(invoice_removable(&i2, std::slice::from_ref(&note)));

        let (c1, c2) = (CustomerId::from("c1"), CustomerId::from("c2"));
        let with_invoice = [invoice(100)];
        assert!(!customer_removable(&c1, &with_invoice, &[]), "an invoice refers to c1");
        assert!(
            !customer_removable(&c1, &[], std::slice::from_ref(&note)),
            "a dossier entry refers to c1"
        );
        assert!(customer_removable(&c2, &with_invoice, std::slice::from_ref(&note)));
    }

    #[test]
    fn a_customers_open_invoices_are_those_with_money_outstanding() {
        let with = |id: &str, customer: &str| Invoice {
            id: InvoiceId::from(id),
            customer_id: CustomerId::from(customer),
            ..invoice(100)
        };
        let invoices = [with("i1", "c1"), with("i2", "c1"), with("i3", "c2")];
        let mut paid = event(EventKind::PaymentReceived {
            amount: Decimal::from(100),
            note: String::new(),
        });
        paid.invoice_ids = vec![InvoiceId::from("i2")];
        let open = open_invoices_of(&CustomerId::from("c1"), &invoices, &[paid]);
        assert_eq!(open, [InvoiceId::from("i1")]);
    }

    #[test]
    fn pay_by_days_only_accepts_five_to_fourteen() {
        assert!(PayByDays::new(4).is_err());
        assert_eq!(PayByDays::new(5).map(PayByDays::days), Ok(5));
        assert_eq!(PayByDays::new(14).map(PayByDays::days), Ok(14));
        assert!(PayByDays::new(28).is_err());
        assert!(serde_json::from_str::<PayByDays>("30").is_err());
    }

    // The stored shape of every kind of event, pinned: a stored dossier must read back the same
    // after any change to how events are read or written.
    #[test]
    fn every_event_kind_reads_and_writes_its_stored_shape() {
        let amount = |s: &str| s.parse::<Decimal>().unwrap();
        let cases: Vec<(&str, EventKind)> = vec![
            (
                r#"{"type":"message_sent","message":"first_reminder","to":"a@b.nl","subject":"S","body":"B"}"#,
                EventKind::MessageSent {
                    message: MessageKind::FirstReminder,
                    to: "a@b.nl".into(),
                    subject: "S".into(),
                    body: "B".into(),
                },
            ),
            (
                r#"{"type":"call","outcome":"no_answer","at":"evening","summary":"S"}"#,
                EventKind::Call {
                    outcome: CallOutcome::NoAnswer,
                    at: DayPart::Evening,
                    summary: "S".into(),
                },
            ),
            (
                r#"{"type":"meeting","summary":"S"}"#,
                EventKind::Meeting { summary: "S".into() },
            ),
            (
                r#"{"type":"promise_to_pay","amount":"12.50","date":"2026-03-09"}"#,
                EventKind::PromiseToPay {
                    amount: amount("12.50"),
                    date: d("2026-03-09"),
                },
            ),
            (
                r#"{"type":"dispute_opened","reason":"R"}"#,
                EventKind::DisputeOpened { reason: "R".into() },
            ),
            (
                r#"{"type":"dispute_resolved","resolution":"R"}"#,
                EventKind::DisputeResolved { resolution: "R".into() },
            ),
            (
                r#"{"type":"cannot_pay","note":"N"}"#,
                EventKind::CannotPay { note: "N".into() },
            ),
            (
                r#"{"type":"payment_plan_agreed","instalments":[{"date":"2026-04-01","amount":"50"}]}"#,
                EventKind::PaymentPlanAgreed {
                    instalments: vec![Instalment {
                        date: d("2026-04-01"),
                        amount: amount("50"),
                    }],
                },
            ),
            (
                r#"{"type":"payment_received","amount":"0.01","note":""}"#,
                EventKind::PaymentReceived {
                    amount: amount("0.01"),
                    note: String::new(),
                },
            ),
            (
                r#"{"type":"handed_over","agency":"A"}"#,
                EventKind::HandedOver { agency: "A".into() },
            ),
            (
                r#"{"type":"written_off","reason":"R"}"#,
                EventKind::WrittenOff { reason: "R".into() },
            ),
            (
                r#"{"type":"chase_paused","reason":"R"}"#,
                EventKind::ChasePaused { reason: "R".into() },
            ),
            (r#"{"type":"chase_resumed"}"#, EventKind::ChaseResumed),
            (r#"{"type":"note","text":"T"}"#, EventKind::Note { text: "T".into() }),
        ];
        assert_eq!(cases.len(), 14, "one case per kind of event");
        for (json, kind) in cases {
            assert_eq!(serde_json::from_str::<EventKind>(json).unwrap(), kind, "{json}");
            let written: serde_json::Value = serde_json::to_value(&kind).unwrap();
            let stored: serde_json::Value = serde_json::from_str(json).unwrap();
            assert_eq!(written, stored, "{json}");
        }
    }

    #[test]
    fn a_damaged_event_is_rejected_not_guessed() {
        let cases = [
            // Fields of another kind do not stand in for the kind's own.
            (
                r#"{"type":"payment_received","reason":"R","note":""}"#,
                "missing field `amount`",
            ),
            (r#"{"type":"refund","amount":"5"}"#, "unknown variant `refund`"),
            (r#"{"amount":"5","note":""}"#, "missing field `type`"),
            (r#"{"type":"payment_received","amount":"five","note":""}"#, ""),
            (
                r#"{"type":"call","outcome":"reached","at":"midnight","summary":""}"#,
                "unknown variant `midnight`",
            ),
        ];
        for (json, expected) in cases {
            let error = serde_json::from_str::<EventKind>(json).unwrap_err().to_string();
            assert!(error.contains(expected), "{json}: {error}");
        }
        // Fields the kind does not have are ignored, as before: an older app reads a newer file.
        assert_eq!(
            serde_json::from_str::<EventKind>(r#"{"type":"note","text":"T","colour":"red"}"#).unwrap(),
            EventKind::Note { text: "T".into() }
        );
    }

    #[test]
    fn due_date_from_a_huge_term_saturates() {
        assert_eq!(due_date_from_term(d("2026-01-01"), 30), d("2026-01-31"));
        assert_eq!(due_date_from_term(NaiveDate::MAX, 1), NaiveDate::MAX);
    }

    #[test]
    fn text_of_invisible_characters_is_blank() {
        let cases = [
            ("", true),
            ("  \t", true),
            ("\u{200B}", true),
            (" \u{200B}\u{FEFF}\u{00AD} ", true),
            ("\u{200E}\u{034F}", true),
            ("Jan", false),
            ("\u{200B}Jan", false),
            ("-", false),
        ];
        for (text, blank) in cases {
            assert_eq!(is_blank(text), blank, "{text:?}");
        }
    }

    #[test]
    fn a_payment_far_above_what_is_open_looks_mistyped() {
        let dec = |s: &str| s.parse::<Decimal>().unwrap();
        // (paid, open, looks mistyped)
        let cases = [
            ("1250", "1250", false),
            ("1437.50", "1250", false),
            ("90", "50", false),
            ("12500", "1250", true),
            ("100", "0", true),
            ("40", "0", false),
        ];
        for (paid, open, mistyped) in cases {
            assert_eq!(
                payment_looks_mistyped(dec(paid), dec(open)),
                mistyped,
                "{paid} on {open}"
            );
        }
    }
}
