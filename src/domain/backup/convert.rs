//! Pass 4: the values of the records, turned into domain types.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::domain::dates::parse_iso_text;
use crate::domain::legal::{InterestRates, RatePeriod};
use crate::domain::model::{
    BusinessDetails, CollectionAgency, Customer, CustomerId, Event, EventId, EventKind, Instalment, Invoice, InvoiceId,
    PayByDays, PostalAddress, Schedule, ScheduleField, ScheduleProblem, Settings,
};

use super::error::{short, Allowed, BackupError, Entity, RecordRef};
use super::records::{
    best_time_from_name, call_outcome_from_name, channel_from_name, customer_kind_from_name, day_part_from_name,
    jurisdiction_from_name, lang_from_name, message_kind_from_name, parse_amount_text, AddressV1, BackupFileV1,
    CustomerV1, EventKindV1, EventV1, InvoiceV1, RateV1, SettingsV1,
};
use super::{Backup, Dataset};

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

pub(super) fn backup_from_v1(file: BackupFileV1) -> Result<Backup, BackupError> {
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
    let settings = Settings {
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
    };
    within_limits(&settings)?;
    Ok(settings)
}

/// Holds settings from a file to the limits the settings screen holds typed ones to, so a file
/// edited by hand cannot make the app chase on a schedule no user chose, or compound a
/// mistyped rate into amounts no letter should name.
fn within_limits(settings: &Settings) -> Result<(), BackupError> {
    let out_of_range =
        |field: String, value: String, allowed: Allowed| BackupError::SettingOutOfRange { field, value, allowed };
    if settings.default_payment_term_days > Settings::MAX_PAYMENT_TERM_DAYS {
        return Err(out_of_range(
            "default_payment_term_days".to_owned(),
            settings.default_payment_term_days.to_string(),
            Allowed::DaysUpTo(Settings::MAX_PAYMENT_TERM_DAYS),
        ));
    }
    if let Some(problem) = settings.schedule.problems().first() {
        return Err(match *problem {
            ScheduleProblem::TooLarge { field, value } => out_of_range(
                format!("schedule.{}", field.key()),
                value.to_string(),
                match field {
                    ScheduleField::MaxCalls => Allowed::UpTo(field.max()),
                    _ => Allowed::DaysUpTo(field.max()),
                },
            ),
            ScheduleProblem::OutOfOrder { later } => BackupError::RemindersOutOfOrder { later },
        });
    }
    let thresholds = [
        ("call_before_due_from", settings.call_before_due_from),
        ("meeting_from", settings.meeting_from),
        ("minimum_worth_chasing", settings.minimum_worth_chasing),
    ];
    if let Some((field, amount)) = thresholds.into_iter().find(|(_, amount)| *amount < Decimal::ZERO) {
        return Err(out_of_range(field.to_owned(), amount.to_string(), Allowed::NotNegative));
    }
    let rates = &settings.rates;
    let tables = [
        ("nl_consumer", &rates.nl_consumer),
        ("nl_commercial", &rates.nl_commercial),
        ("be_commercial", &rates.be_commercial),
    ];
    for (table, rows) in tables {
        if let Some((i, row)) = rows
            .iter()
            .enumerate()
            .find(|(_, row)| !RatePeriod::is_plausible(row.percent))
        {
            let field = format!("interest_rates.{table}[{}].percent", i.saturating_add(1));
            return Err(out_of_range(field, row.percent.to_string(), Allowed::Percent));
        }
    }
    Ok(())
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
