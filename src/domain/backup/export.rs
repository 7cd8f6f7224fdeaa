//! Writing the file.

use crate::domain::dates::iso_text;
use crate::domain::legal::RatePeriod;
use crate::domain::model::{Customer, Event, EventKind, Invoice, PostalAddress, Settings};
use crate::domain::sorting;

use super::records::{
    amount_text, best_time_name, call_outcome_name, channel_name, customer_kind_name, day_part_name, jurisdiction_name,
    lang_name, message_kind_name, AddressV1, AgencyV1, BackupFileV1, BusinessV1, CustomerV1, EventKindV1, EventV1,
    InstalmentV1, InvoiceV1, RateV1, RatesV1, ScheduleV1, SettingsV1,
};
use super::{Dataset, FORMAT_NAME, FORMAT_VERSION};

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
