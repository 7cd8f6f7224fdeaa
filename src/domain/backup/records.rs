//! The records the file is written from and read into, and amounts as the file writes them.
//!
//! The records are those of format version 1, with the setting version 2 added. They are the
//! file format: change them only together with `FORMAT_VERSION` and an upgrade rung.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::domain::model::{BestTime, CallOutcome, Channel, CustomerKind, DayPart, Jurisdiction, Lang, MessageKind};

#[derive(Serialize)]
pub(super) struct BackupFileV1 {
    pub(super) format: String,
    pub(super) format_version: u32,
    pub(super) app_version: String,
    pub(super) exported_at: String,
    pub(super) settings: SettingsV1,
    pub(super) customers: Vec<CustomerV1>,
    pub(super) invoices: Vec<InvoiceV1>,
    pub(super) events: Vec<EventV1>,
}

#[derive(Serialize)]
pub(super) struct AddressV1 {
    pub(super) street: String,
    pub(super) postcode: String,
    pub(super) city: String,
    pub(super) country: String,
}

#[derive(Serialize)]
pub(super) struct BusinessV1 {
    pub(super) name: String,
    pub(super) address: AddressV1,
    pub(super) email: String,
    pub(super) phone: String,
    pub(super) iban: String,
    pub(super) registration_number: String,
    pub(super) vat_number: String,
}

#[derive(Serialize)]
pub(super) struct ScheduleV1 {
    pub(super) heads_up_before_due: u32,
    pub(super) first_reminder_after_due: u32,
    pub(super) second_reminder_after_due: u32,
    pub(super) call_after_second_reminder: u32,
    pub(super) last_reminder_after_due: u32,
    pub(super) hand_over_after_last_term: u32,
    pub(super) promise_grace: u32,
    pub(super) max_unanswered_calls: u32,
}

#[derive(Serialize)]
pub(super) struct AgencyV1 {
    pub(super) name: String,
    pub(super) email: String,
}

#[derive(Serialize)]
pub(super) struct RateV1 {
    pub(super) from: String,
    pub(super) percent: String,
}

#[derive(Serialize)]
pub(super) struct RatesV1 {
    pub(super) nl_consumer: Vec<RateV1>,
    pub(super) nl_commercial: Vec<RateV1>,
    pub(super) be_commercial: Vec<RateV1>,
}

#[derive(Serialize)]
pub(super) struct SettingsV1 {
    pub(super) business: BusinessV1,
    pub(super) jurisdiction: String,
    pub(super) default_payment_term_days: u32,
    pub(super) schedule: ScheduleV1,
    pub(super) pay_by_days: u32,
    pub(super) call_before_due_from: String,
    pub(super) meeting_from: String,
    pub(super) minimum_worth_chasing: String,
    pub(super) claim_interest: bool,
    pub(super) claim_collection_costs: bool,
    pub(super) vat_on_collection_costs: bool,
    pub(super) consumer_damages_clause: bool,
    pub(super) agency: AgencyV1,
    pub(super) interest_rates: RatesV1,
}

#[derive(Serialize)]
pub(super) struct CustomerV1 {
    pub(super) id: String,
    pub(super) name: String,
    pub(super) kind: String,
    pub(super) contact_person: String,
    pub(super) email: String,
    pub(super) phone: String,
    pub(super) address: AddressV1,
    pub(super) language: String,
    pub(super) preferred_channel: String,
    pub(super) best_time: String,
    pub(super) paused: Option<String>,
    pub(super) notes: String,
}

#[derive(Serialize)]
pub(super) struct InvoiceV1 {
    pub(super) id: String,
    pub(super) number: String,
    pub(super) customer_id: String,
    pub(super) issue_date: String,
    pub(super) due_date: String,
    pub(super) amount: String,
    pub(super) currency: String,
    pub(super) description: String,
}

#[derive(Serialize)]
pub(super) struct InstalmentV1 {
    pub(super) date: String,
    pub(super) amount: String,
}

/// The event types are spelled out one by one, so renaming a Rust variant cannot rename them.
#[derive(Serialize)]
#[serde(tag = "type")]
pub(super) enum EventKindV1 {
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
pub(super) struct EventV1 {
    pub(super) id: String,
    pub(super) invoice_ids: Vec<String>,
    pub(super) customer_id: String,
    pub(super) date: String,
    pub(super) channel: String,
    pub(super) kind: EventKindV1,
}

/// Writes the names of a domain enum's values in the file and reads them back, from one list.
/// The match in the writer is exhaustive, so a new domain variant fails to compile until it
/// has a name here.
macro_rules! names {
    ($ty:ident, $write:ident, $read:ident, { $($variant:ident => $name:literal),+ $(,)? }) => {
        pub(super) fn $write(value: $ty) -> &'static str {
            match value {
                $($ty::$variant => $name,)+
            }
        }

        pub(super) fn $read(name: &str) -> Option<$ty> {
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
pub(super) fn amount_text(amount: Decimal) -> String {
    amount.to_string()
}

/// Reads an amount as `amount_text` writes it: an optional minus, digits, and optionally a
/// full stop and more digits. Nothing else: no exponent, no grouping, no comma, because a
/// backup is written by the app and anything else means damage or hand editing.
pub(super) fn parse_amount_text(text: &str) -> Option<Decimal> {
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
