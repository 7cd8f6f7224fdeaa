//! The dossier as text: one line per event for the timeline, and a plain-text export of a
//! whole dossier that a user can hand to a collection agency or print.
//!
//! The export is evidence, so a sent message appears exactly as it went out: recipient,
//! subject and body, untouched. Everything else is a short description in the reader's
//! language. Nothing here decides anything; it only puts the dossier into words.

use std::collections::HashMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::domain::claim::{self, Claim, Withheld};
use crate::domain::dates::format_date;
use crate::domain::import::status_label;
use crate::domain::messages::{channel_label, message_label};
use crate::domain::model::{
    Balance, BusinessDetails, CallOutcome, Customer, CustomerKind, Event, EventKind, Invoice, InvoiceId, InvoiceStatus,
    Jurisdiction, Lang,
};
use crate::domain::money::format_money;
use crate::domain::sorting;
use crate::domain::text::t;

/// The note that puts a change of a customer-wide pause on record, in the dossier of the
/// customer's open invoices, so a gap in the chase can be explained later; `None` when the
/// pause did not change. `before` and `after` are the pause reasons, `None` when not paused.
pub fn customer_pause_note(before: Option<&str>, after: Option<&str>, lang: Lang) -> Option<String> {
    match (before, after) {
        (None, Some(reason)) if reason.trim().is_empty() => Some(
            lang.pick(
                "Herinneren gepauzeerd voor alle facturen van deze klant.",
                "Chasing paused for all of this customer's invoices.",
            )
            .to_owned(),
        ),
        (None, Some(reason)) => Some(format!(
            "{}: {}",
            lang.pick(
                "Herinneren gepauzeerd voor alle facturen van deze klant",
                "Chasing paused for all of this customer's invoices"
            ),
            reason.trim()
        )),
        (Some(_), None) => Some(
            lang.pick(
                "Herinneren hervat voor alle facturen van deze klant.",
                "Chasing resumed for all of this customer's invoices.",
            )
            .to_owned(),
        ),
        _ => None,
    }
}

/// A short line for a dossier event: what happened, with the detail that matters.
pub fn describe_event(kind: &EventKind, lang: Lang) -> String {
    // A detail the user typed goes after a colon, and only when there is one, so an empty
    // note never leaves a dangling colon.
    let with = |what: &str, detail: &str| {
        if detail.trim().is_empty() {
            what.to_owned()
        } else {
            format!("{what}: {}", detail.trim())
        }
    };
    match kind {
        EventKind::MessageSent { message, subject, .. } => {
            let what = match lang {
                Lang::Nl => format!("{} verstuurd", message_label(*message, lang)),
                Lang::En => format!("{} sent", message_label(*message, lang)),
            };
            if subject.trim().is_empty() {
                what
            } else {
                format!("{what}: “{}”", subject.trim())
            }
        }
        EventKind::Call { outcome, summary, .. } => {
            let what = match outcome {
                CallOutcome::Reached => lang.pick("Gebeld en gesproken", "Called and reached"),
                CallOutcome::NoAnswer => lang.pick("Gebeld, geen gehoor", "Called, no answer"),
                CallOutcome::Voicemail => lang.pick("Gebeld, voicemail ingesproken", "Called, left a voicemail"),
            };
            with(what, summary)
        }
        EventKind::Meeting { summary } => with(lang.pick("Afspraak gehad", "Met in person"), summary),
        // Past tense, like every other line of the dossier: the promise was made on the
        // event's date, it is not a statement about today.
        EventKind::PromiseToPay { amount, date } => match lang {
            Lang::Nl => format!(
                "Beloofd {} te betalen op {}",
                format_money(*amount, lang),
                format_date(*date, lang)
            ),
            Lang::En => format!(
                "Promised to pay {} on {}",
                format_money(*amount, lang),
                format_date(*date, lang)
            ),
        },
        EventKind::DisputeOpened { reason } => with(lang.pick("Bezwaar gemaakt", "Disputed"), reason),
        EventKind::DisputeResolved { resolution } => {
            with(lang.pick("Bezwaar opgelost", "Dispute resolved"), resolution)
        }
        EventKind::CannotPay { note } => with(lang.pick("Kan nu niet betalen", "Cannot pay now"), note),
        // One instalment is singular in both languages; "1 instalments" reads as a mistake.
        EventKind::PaymentPlanAgreed { instalments } => match instalments.len() {
            1 => lang
                .pick(
                    "Betalingsregeling afgesproken: 1 termijn",
                    "Payment plan agreed: 1 instalment",
                )
                .to_owned(),
            n => t!(
                lang,
                "Betalingsregeling afgesproken: {n} termijnen",
                "Payment plan agreed: {n} instalments"
            ),
        },
        EventKind::PaymentReceived { amount, note } => with(
            &match lang {
                Lang::Nl => format!("Betaling van {} ontvangen", format_money(*amount, lang)),
                Lang::En => format!("Payment of {} received", format_money(*amount, lang)),
            },
            note,
        ),
        // An agency left blank would otherwise read "Handed over to " with nothing after it.
        EventKind::HandedOver { agency } if agency.trim().is_empty() => lang
            .pick(
                "Overgedragen aan een incassobureau",
                "Handed over to a collection agency",
            )
            .to_owned(),
        EventKind::HandedOver { agency } => match lang {
            Lang::Nl => format!("Overgedragen aan {}", agency.trim()),
            Lang::En => format!("Handed over to {}", agency.trim()),
        },
        EventKind::WrittenOff { reason } => with(lang.pick("Afgeschreven", "Written off"), reason),
        EventKind::ChasePaused { reason } => with(lang.pick("Herinneren gepauzeerd", "Chasing paused"), reason),
        EventKind::ChaseResumed => lang.pick("Herinneren hervat", "Chasing resumed").to_owned(),
        EventKind::Note { text } => with(lang.pick("Notitie", "Note"), text),
    }
}

/// One event of the dossier, in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub date: NaiveDate,
    /// The channel's label, such as "E-mail", for a contact with the customer: a message, a
    /// call, a meeting. `None` for what the user records about the claim (a payment, a plan, a
    /// pause, a note): those came by no channel the app knows, and evidence must not guess one.
    pub channel: Option<String>,
    /// What happened, from [`describe_event`].
    pub title: String,
    /// The numbers of the invoices the event concerns, in the event's order.
    pub invoices: Vec<String>,
    /// For a sent message the exact text that went out (recipient, subject, body); for a call
    /// or a meeting its summary. `None` when there is nothing more to read than the title.
    pub text: Option<String>,
}

/// The full text of a sent message as the customer received it. The body is kept byte for
/// byte: this is what a collection agency or a court reads as proof of the reminder.
fn sent_text(to: &str, subject: &str, body: &str, lang: Lang) -> String {
    let mut text = String::new();
    if !to.trim().is_empty() {
        text.push_str(lang.pick("Aan: ", "To: "));
        text.push_str(to.trim());
        text.push('\n');
    }
    // A text message or a posted letter may have no subject; an empty "Subject:" line would
    // suggest one was left out.
    if !subject.trim().is_empty() {
        text.push_str(lang.pick("Onderwerp: ", "Subject: "));
        text.push_str(subject.trim());
        text.push('\n');
    }
    if !text.is_empty() {
        text.push('\n');
    }
    text.push_str(body);
    text
}

/// The events as entries, oldest first. Events of one day keep their log order (the sort is
/// stable), because that order is the order in which things happened. An invoice id without a
/// known number is left out of `invoices` rather than shown as an opaque id.
pub fn entries(events: &[&Event], invoice_numbers: &HashMap<&InvoiceId, &str>, lang: Lang) -> Vec<Entry> {
    let mut sorted: Vec<&Event> = events.to_vec();
    sorting::sort_by_key(&mut sorted, |e| e.date);
    sorted
        .into_iter()
        .map(|e| {
            let text = match &e.kind {
                EventKind::MessageSent { to, subject, body, .. } => Some(sent_text(to, subject, body, lang)),
                EventKind::Call { summary, .. } | EventKind::Meeting { summary } => {
                    Some(summary.trim().to_owned()).filter(|s| !s.is_empty())
                }
                _ => None,
            };
            let contact = matches!(
                e.kind,
                EventKind::MessageSent { .. } | EventKind::Call { .. } | EventKind::Meeting { .. }
            );
            Entry {
                date: e.date,
                channel: contact.then(|| channel_label(e.channel, lang).to_owned()),
                title: describe_event(&e.kind, lang),
                invoices: e
                    .invoice_ids
                    .iter()
                    .filter_map(|id| invoice_numbers.get(id).map(|n| (*n).to_owned()))
                    .collect(),
                text,
            }
        })
        .collect()
}

/// What a dossier is about, above its entries: a title and a few lines of facts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DossierHeader {
    pub title: String,
    pub lines: Vec<String>,
}

/// Who keeps a dossier and the day it was put on paper. An agency or a court reading it later
/// needs both: whose claim it is, and up to which day the history is complete.
#[derive(Clone, Copy, Debug)]
pub struct Prepared<'a> {
    pub creditor: &'a BusinessDetails,
    /// The creditor's country, which names its register (KvK or KBO).
    pub jurisdiction: Jurisdiction,
    pub on: NaiveDate,
}

impl Prepared<'_> {
    /// The creditor (when the settings name one) with its address, register number and IBAN,
    /// which an agency needs to act for it and pass the money on, then the day: the first
    /// fact lines.
    fn lines(&self, lang: Lang) -> Vec<String> {
        let mut lines = Vec::new();
        let creditor = self.creditor;
        let name = creditor.name.trim();
        if !name.is_empty() {
            lines.push(fact(
                ("Schuldeiser", "Creditor"),
                &creditor.address.one_line_after(name),
                lang,
            ));
            let registration = creditor.registration_number.trim();
            if !registration.is_empty() {
                let label = match self.jurisdiction {
                    Jurisdiction::Nl => ("KvK-nummer", "Chamber of Commerce number"),
                    Jurisdiction::Be => ("Ondernemingsnummer", "Enterprise number"),
                };
                lines.push(fact(label, registration, lang));
            }
            let iban = creditor.iban.trim();
            if !iban.is_empty() {
                lines.push(fact(("IBAN", "IBAN"), iban, lang));
            }
        }
        lines.push(fact(("Opgesteld op", "Prepared on"), &format_date(self.on, lang), lang));
        lines
    }
}

/// "Label: value", the shape of every fact line.
fn fact(label: (&str, &str), value: &str, lang: Lang) -> String {
    format!("{}: {value}", lang.pick(label.0, label.1))
}

/// The head of one invoice's dossier: number, the debtor and how to reach them, dates,
/// amounts and what the invoice page claims (`claim`), as an agency taking the claim over
/// needs them.
pub fn invoice_header(
    invoice: &Invoice,
    customer: &Customer,
    balance: &Balance,
    claim: &Claim,
    prepared: Prepared,
    lang: Lang,
) -> DossierHeader {
    let mut lines = prepared.lines(lang);
    lines.push(fact(("Factuurnummer", "Invoice number"), invoice.number.trim(), lang));
    lines.extend(debtor_lines(customer, lang));
    lines.extend([
        fact(
            ("Factuurdatum", "Invoice date"),
            &format_date(invoice.issue_date, lang),
            lang,
        ),
        fact(("Vervaldatum", "Due date"), &format_date(invoice.due_date, lang), lang),
        fact(("Bedrag", "Amount"), &format_money(invoice.amount, lang), lang),
        fact(("Betaald", "Paid"), &format_money(balance.paid, lang), lang),
        fact(
            ("Openstaand", "Outstanding"),
            &format_money(balance.outstanding, lang),
            lang,
        ),
        fact(("Status", "Status"), status_label(balance.status, lang), lang),
    ]);
    if let Some(on) = claim.withheld.iter().find_map(|w| match w {
        Withheld::HandedOver { on } => Some(*on),
        _ => None,
    }) {
        lines.push(fact(
            ("Overgedragen op", "Handed over on"),
            &format_date(on, lang),
            lang,
        ));
    }
    if let Some(interest) = &claim.interest {
        let through = format_date(interest.through, lang);
        let amount = format_money(interest.total, lang);
        let value = match lang {
            Lang::Nl => format!("{amount} tot en met {through}"),
            Lang::En => format!("{amount} up to and including {through}"),
        };
        lines.push(format!("{}: {value}", claim::interest_name(interest.kind, lang)));
    }
    if let Some(costs) = &claim.costs {
        lines.push(format!("{}: {}", costs.name(lang), format_money(costs.amount(), lang)));
    }
    if claim.interest.is_some() || claim.costs.is_some() {
        lines.push(fact(
            ("Te vorderen", "Claimable"),
            &format_money(claim.total, lang),
            lang,
        ));
    }
    if !invoice.description.trim().is_empty() {
        lines.push(fact(("Omschrijving", "Description"), invoice.description.trim(), lang));
    }
    DossierHeader {
        title: match lang {
            Lang::Nl => format!("Dossier factuur {}", invoice.number.trim()),
            Lang::En => format!("Dossier of invoice {}", invoice.number.trim()),
        },
        lines,
    }
}

/// Who owes, and how to reach them: the name, whether a business or a consumer (the law
/// differs), and the contact details the user entered.
fn debtor_lines(customer: &Customer, lang: Lang) -> Vec<String> {
    let kind = match customer.kind {
        CustomerKind::Business => lang.pick("zakelijk", "business"),
        CustomerKind::Consumer => lang.pick("particulier", "consumer"),
    };
    let mut lines = vec![fact(
        ("Klant", "Customer"),
        &format!("{} ({kind})", customer.name.trim()),
        lang,
    )];
    let optional = [
        (
            ("Contactpersoon", "Contact person"),
            customer.contact_person.trim().to_owned(),
        ),
        (("E-mail", "Email"), customer.email.trim().to_owned()),
        (("Telefoon", "Phone"), customer.phone.trim().to_owned()),
        (("Adres", "Address"), customer.address.one_line()),
    ];
    for (label, value) in optional {
        if !value.is_empty() {
            lines.push(fact(label, &value, lang));
        }
    }
    lines
}

/// The head of a customer's dossier: how to reach them, each invoice with its balance in the
/// order given (callers pass `aggregates::invoices_by_due_date`), and the total outstanding.
pub fn customer_header(
    customer: &Customer,
    invoices: &[(&Invoice, Balance)],
    prepared: Prepared,
    lang: Lang,
) -> DossierHeader {
    let mut lines = prepared.lines(lang);
    lines.extend(debtor_lines(customer, lang));
    let mut total = Decimal::ZERO;
    for (invoice, balance) in invoices {
        // A written-off invoice is no longer claimed: the customer list leaves it out of what
        // is owed, and so does this total. Its own line still shows what was left unpaid.
        if balance.status != InvoiceStatus::WrittenOff {
            // A restored file may hold absurd amounts; the sum saturates rather than panicking.
            total = total.saturating_add(balance.outstanding);
        }
        lines.push(match lang {
            Lang::Nl => format!(
                "Factuur {} van {}, vervalt {}: {}, openstaand {} ({})",
                invoice.number.trim(),
                format_date(invoice.issue_date, lang),
                format_date(invoice.due_date, lang),
                format_money(invoice.amount, lang),
                format_money(balance.outstanding, lang),
                status_label(balance.status, lang).to_lowercase(),
            ),
            Lang::En => format!(
                "Invoice {} of {}, due {}: {}, outstanding {} ({})",
                invoice.number.trim(),
                format_date(invoice.issue_date, lang),
                format_date(invoice.due_date, lang),
                format_money(invoice.amount, lang),
                format_money(balance.outstanding, lang),
                status_label(balance.status, lang).to_lowercase(),
            ),
        });
    }
    lines.push(fact(
        ("Totaal openstaand", "Total outstanding"),
        &format_money(total, lang),
        lang,
    ));
    DossierHeader {
        title: match lang {
            Lang::Nl => format!("Dossier {}", customer.name.trim()),
            Lang::En => format!("Dossier of {}", customer.name.trim()),
        },
        lines,
    }
}

/// A line of `mark` as long as `text` is wide in characters, to underline a heading in plain text.
fn underline(text: &str, mark: char) -> String {
    std::iter::repeat_n(mark, text.chars().count().max(1)).collect()
}

/// The whole dossier as plain text, for a .txt download: the header, then every entry oldest
/// first. Each sent message is copied in full and unindented, so the body in the file is
/// exactly the body that was sent and can be compared with the customer's copy.
pub fn as_text(header: &DossierHeader, entries: &[Entry], lang: Lang) -> String {
    let mut out = String::new();
    out.push_str(&header.title);
    out.push('\n');
    out.push_str(&underline(&header.title, '='));
    out.push_str("\n\n");
    for line in &header.lines {
        out.push_str(line);
        out.push('\n');
    }
    let heading = lang.pick("Verloop", "History");
    out.push('\n');
    out.push_str(heading);
    out.push('\n');
    out.push_str(&underline(heading, '-'));
    out.push('\n');
    if entries.is_empty() {
        out.push('\n');
        out.push_str(lang.pick("Er is nog niets vastgelegd.", "Nothing has been recorded yet."));
        out.push('\n');
    }
    for entry in entries {
        out.push('\n');
        out.push_str(&format_date(entry.date, lang));
        if let Some(channel) = &entry.channel {
            out.push_str(" · ");
            out.push_str(channel);
        }
        out.push('\n');
        out.push_str(&entry.title);
        out.push('\n');
        match entry.invoices.as_slice() {
            [] => {}
            [one] => out.push_str(&fact(("Factuur", "Invoice"), one, lang)),
            many => out.push_str(&fact(("Facturen", "Invoices"), &many.join(", "), lang)),
        }
        if !entry.invoices.is_empty() {
            out.push('\n');
        }
        if let Some(text) = &entry.text {
            out.push('\n');
            out.push_str(text);
            if !text.ends_with('\n') {
                out.push('\n');
            }
        }
        // A rule between entries keeps a long body from running into the next entry.
        out.push_str(&"-".repeat(40));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::{
        balance, Channel, CustomerId, DayPart, EventId, Instalment, InvoiceStatus, MessageKind, PostalAddress, Settings,
    };
    use crate::domain::testing::{dec, iso as d};

    fn event(id: &str, date: &str, channel: Channel, kind: EventKind) -> Event {
        Event {
            id: EventId::from(id),
            invoice_ids: vec![InvoiceId::from("i1")],
            customer_id: CustomerId::from("c1"),
            date: d(date),
            channel,
            kind,
        }
    }

    fn invoice() -> Invoice {
        Invoice {
            id: InvoiceId::from("i1"),
            number: "2026-001".into(),
            customer_id: CustomerId::from("c1"),
            issue_date: d("2026-01-01"),
            due_date: d("2026-01-31"),
            amount: dec("1234.50"),
            currency: "EUR".into(),
            description: "Website".into(),
        }
    }

    #[test]
    fn every_event_kind_is_described_in_both_languages() {
        let s = |t: &str| t.to_owned();
        let cases: Vec<(EventKind, &str, &str)> = vec![
            (
                EventKind::MessageSent {
                    message: MessageKind::FirstReminder,
                    to: s("jan@example.nl"),
                    subject: s(" Factuur 2026-001 "),
                    body: s("Beste Jan"),
                },
                "Betalingsherinnering verstuurd: “Factuur 2026-001”",
                "Payment reminder sent: “Factuur 2026-001”",
            ),
            (
                EventKind::MessageSent {
                    message: MessageKind::InstalmentReminder,
                    to: s("0612345678"),
                    subject: s(""),
                    body: s("Hoi"),
                },
                "Herinnering termijn verstuurd",
                "Instalment reminder sent",
            ),
            (
                EventKind::Call {
                    outcome: CallOutcome::Reached,
                    at: DayPart::Morning,
                    summary: s("pays Friday"),
                },
                "Gebeld en gesproken: pays Friday",
                "Called and reached: pays Friday",
            ),
            (
                EventKind::Call {
                    outcome: CallOutcome::NoAnswer,
                    at: DayPart::Afternoon,
                    summary: s("  "),
                },
                "Gebeld, geen gehoor",
                "Called, no answer",
            ),
            (
                EventKind::Call {
                    outcome: CallOutcome::Voicemail,
                    at: DayPart::Evening,
                    summary: s(""),
                },
                "Gebeld, voicemail ingesproken",
                "Called, left a voicemail",
            ),
            (
                EventKind::Meeting {
                    summary: s("at the office"),
                },
                "Afspraak gehad: at the office",
                "Met in person: at the office",
            ),
            (
                EventKind::PromiseToPay {
                    amount: dec("1234.5"),
                    date: d("2026-03-06"),
                },
                "Beloofd € 1.234,50 te betalen op 06-03-2026",
                "Promised to pay €1,234.50 on 6 Mar 2026",
            ),
            (
                EventKind::DisputeOpened {
                    reason: s("wrong hours"),
                },
                "Bezwaar gemaakt: wrong hours",
                "Disputed: wrong hours",
            ),
            (
                EventKind::DisputeResolved { resolution: s("") },
                "Bezwaar opgelost",
                "Dispute resolved",
            ),
            (
                EventKind::CannotPay { note: s("cash flow") },
                "Kan nu niet betalen: cash flow",
                "Cannot pay now: cash flow",
            ),
            (
                EventKind::PaymentPlanAgreed {
                    instalments: vec![Instalment {
                        date: d("2026-04-01"),
                        amount: dec("100"),
                    }],
                },
                "Betalingsregeling afgesproken: 1 termijn",
                "Payment plan agreed: 1 instalment",
            ),
            (
                EventKind::PaymentPlanAgreed {
                    instalments: vec![
                        Instalment {
                            date: d("2026-04-01"),
                            amount: dec("100"),
                        };
                        3
                    ],
                },
                "Betalingsregeling afgesproken: 3 termijnen",
                "Payment plan agreed: 3 instalments",
            ),
            (
                EventKind::PaymentReceived {
                    amount: dec("50"),
                    note: s("bank"),
                },
                "Betaling van € 50,00 ontvangen: bank",
                "Payment of €50.00 received: bank",
            ),
            (
                EventKind::HandedOver {
                    agency: s(" Incasso BV "),
                },
                "Overgedragen aan Incasso BV",
                "Handed over to Incasso BV",
            ),
            (
                EventKind::HandedOver { agency: s("") },
                "Overgedragen aan een incassobureau",
                "Handed over to a collection agency",
            ),
            (
                EventKind::WrittenOff { reason: s("bankrupt") },
                "Afgeschreven: bankrupt",
                "Written off: bankrupt",
            ),
            (
                EventKind::ChasePaused { reason: s("holiday") },
                "Herinneren gepauzeerd: holiday",
                "Chasing paused: holiday",
            ),
            (EventKind::ChaseResumed, "Herinneren hervat", "Chasing resumed"),
            (
                EventKind::Note { text: s("called back") },
                "Notitie: called back",
                "Note: called back",
            ),
        ];
        for (kind, nl, en) in &cases {
            assert_eq!(describe_event(kind, Lang::Nl), *nl, "{kind:?}");
            assert_eq!(describe_event(kind, Lang::En), *en, "{kind:?}");
        }
    }

    #[test]
    fn entries_are_chronological_and_keep_log_order_within_a_day() {
        let note = |id: &str, date: &str| event(id, date, Channel::Email, EventKind::Note { text: id.to_owned() });
        let log = [
            note("late", "2026-03-05"),
            note("first of the day", "2026-03-01"),
            note("second of the day", "2026-03-01"),
            note("third of the day", "2026-03-01"),
            note("early", "2026-02-01"),
        ];
        let refs: Vec<&Event> = log.iter().collect();
        let id = InvoiceId::from("i1");
        let numbers = HashMap::from([(&id, "2026-001")]);
        let got: Vec<String> = entries(&refs, &numbers, Lang::En)
            .into_iter()
            .map(|e| e.title)
            .collect();
        assert_eq!(
            got,
            [
                "Note: early",
                "Note: first of the day",
                "Note: second of the day",
                "Note: third of the day",
                "Note: late"
            ]
        );
    }

    #[test]
    fn a_customer_wide_pause_is_put_on_record_when_it_changes() {
        let cases = [
            (
                None,
                Some("ziekenhuis"),
                Some("Herinneren gepauzeerd voor alle facturen van deze klant: ziekenhuis"),
            ),
            (
                None,
                Some(" "),
                Some("Herinneren gepauzeerd voor alle facturen van deze klant."),
            ),
            (
                Some("ziekenhuis"),
                None,
                Some("Herinneren hervat voor alle facturen van deze klant."),
            ),
            (Some("ziekenhuis"), Some("revalidatie"), None),
            (None, None, None),
        ];
        for (before, after, expected) in cases {
            assert_eq!(
                customer_pause_note(before, after, Lang::Nl).as_deref(),
                expected,
                "{before:?} -> {after:?}"
            );
        }
        assert_eq!(
            customer_pause_note(None, Some("ill"), Lang::En).as_deref(),
            Some("Chasing paused for all of this customer's invoices: ill")
        );
    }

    #[test]
    fn entries_carry_channel_numbers_and_text() {
        let mut two = event(
            "m",
            "2026-02-02",
            Channel::Email,
            EventKind::MessageSent {
                message: MessageKind::FirstReminder,
                to: "jan@example.nl".into(),
                subject: "Factuur 2026-001".into(),
                body: "Beste Jan,\n\nGraag betalen.\n".into(),
            },
        );
        two.invoice_ids.push(InvoiceId::from("gone"));
        two.invoice_ids.push(InvoiceId::from("i2"));
        let call = event(
            "c",
            "2026-02-03",
            Channel::Phone,
            EventKind::Call {
                outcome: CallOutcome::Reached,
                at: DayPart::Morning,
                summary: " Pays on Friday ".into(),
            },
        );
        let paid = event(
            "p",
            "2026-02-04",
            Channel::Email,
            EventKind::PaymentReceived {
                amount: dec("10"),
                note: String::new(),
            },
        );
        let (i1, i2) = (InvoiceId::from("i1"), InvoiceId::from("i2"));
        let numbers = HashMap::from([(&i1, "2026-001"), (&i2, "2026-002")]);
        let got = entries(&[&two, &call, &paid], &numbers, Lang::Nl);
        assert_eq!(got[0].channel.as_deref(), Some("E-mail"));
        assert_eq!(got[0].invoices, ["2026-001", "2026-002"]);
        assert_eq!(
            got[0].text.as_deref(),
            Some("Aan: jan@example.nl\nOnderwerp: Factuur 2026-001\n\nBeste Jan,\n\nGraag betalen.\n")
        );
        assert_eq!(got[1].channel.as_deref(), Some("Telefoon"));
        assert_eq!(got[1].text.as_deref(), Some("Pays on Friday"));
        assert_eq!(got[2].text, None);
        assert_eq!(got[2].channel, None, "a payment came by no channel the app knows");
        let english = entries(&[&two], &numbers, Lang::En);
        assert_eq!(
            english[0].text.as_deref(),
            Some("To: jan@example.nl\nSubject: Factuur 2026-001\n\nBeste Jan,\n\nGraag betalen.\n")
        );
    }

    #[test]
    fn headers_state_the_facts() {
        let inv = invoice();
        let customer = Customer::new(CustomerId::from("c1"), "Bakkerij Jansen");
        let pay = event(
            "p",
            "2026-02-04",
            Channel::Email,
            EventKind::PaymentReceived {
                amount: dec("234.50"),
                note: String::new(),
            },
        );
        let b = balance(&inv, [&pay]);
        assert_eq!(b.status, InvoiceStatus::PartlyPaid);
        let creditor = BusinessDetails {
            name: "Studio Vos".into(),
            address: PostalAddress {
                street: "Ganzenmarkt 1".into(),
                postcode: "3512 GD".into(),
                city: "Utrecht".into(),
                country: String::new(),
            },
            registration_number: "12345678".into(),
            iban: "NL91 ABNA 0417 1643 00".into(),
            ..BusinessDetails::default()
        };
        let prepared = Prepared {
            creditor: &creditor,
            jurisdiction: Jurisdiction::Nl,
            on: d("2026-02-10"),
        };
        let settings = Settings {
            claim_interest: true,
            ..Settings::default()
        };
        let claimed = claim::claim(&inv, &customer, &[&pay], &[], &settings, d("2026-02-10"));
        let header = invoice_header(&inv, &customer, &b, &claimed, prepared, Lang::Nl);
        assert_eq!(header.title, "Dossier factuur 2026-001");
        assert_eq!(
            header.lines,
            [
                "Schuldeiser: Studio Vos, Ganzenmarkt 1, 3512 GD Utrecht",
                "KvK-nummer: 12345678",
                "IBAN: NL91 ABNA 0417 1643 00",
                "Opgesteld op: 10-02-2026",
                "Factuurnummer: 2026-001",
                "Klant: Bakkerij Jansen (zakelijk)",
                "Factuurdatum: 01-01-2026",
                "Vervaldatum: 31-01-2026",
                "Bedrag: € 1.234,50",
                "Betaald: € 234,50",
                "Openstaand: € 1.000,00",
                "Status: Deels betaald",
                "Wettelijke handelsrente: € 3,04 tot en met 10-02-2026",
                "Incassokosten: € 185,18",
                "Te vorderen: € 1.188,22",
                "Omschrijving: Website",
            ]
        );
        // Handed over, the dossier says since when, and claims what was claimable that day.
        let handed = event(
            "h",
            "2026-02-08",
            Channel::Email,
            EventKind::HandedOver {
                agency: "Incasso BV".into(),
            },
        );
        let claimed = claim::claim(&inv, &customer, &[&pay, &handed], &[], &settings, d("2026-02-10"));
        let header = invoice_header(&inv, &customer, &b, &claimed, prepared, Lang::Nl);
        assert!(
            header.lines.contains(&"Overgedragen op: 08-02-2026".to_owned()),
            "{:?}",
            header.lines
        );
        assert!(
            header
                .lines
                .contains(&"Wettelijke handelsrente: € 2,48 tot en met 08-02-2026".to_owned()),
            "{:?}",
            header.lines
        );
        let mut customer = customer;
        customer.email = "info@jansen.nl".into();
        // Without a business name in the settings only the day is stated.
        let unnamed = BusinessDetails::default();
        let prepared = Prepared {
            creditor: &unnamed,
            jurisdiction: Jurisdiction::Nl,
            on: d("2026-02-10"),
        };
        let written_off = Balance {
            status: InvoiceStatus::WrittenOff,
            ..b.clone()
        };
        let header = customer_header(
            &customer,
            &[(&inv, b.clone()), (&inv, b), (&inv, written_off)],
            prepared,
            Lang::En,
        );
        assert_eq!(header.title, "Dossier of Bakkerij Jansen");
        assert_eq!(
            header.lines,
            [
                "Prepared on: 10 Feb 2026",
                "Customer: Bakkerij Jansen (business)",
                "Email: info@jansen.nl",
                "Invoice 2026-001 of 1 Jan 2026, due 31 Jan 2026: €1,234.50, outstanding €1,000.00 (partly paid)",
                "Invoice 2026-001 of 1 Jan 2026, due 31 Jan 2026: €1,234.50, outstanding €1,000.00 (partly paid)",
                "Invoice 2026-001 of 1 Jan 2026, due 31 Jan 2026: €1,234.50, outstanding €1,000.00 (written off)",
                "Total outstanding: €2,000.00",
            ]
        );
    }

    #[test]
    fn the_export_contains_the_exact_sent_body() {
        let body = "Beste Jan,\n\nFactuur 2026-001 van € 1.234,50 staat nog open.\r\nWilt u betalen?\n\nGroet,\nPiet";
        let sent = event(
            "m",
            "2026-02-02",
            Channel::Email,
            EventKind::MessageSent {
                message: MessageKind::FirstReminder,
                to: "jan@example.nl".into(),
                subject: "Factuur 2026-001".into(),
                body: body.into(),
            },
        );
        let note = event("n", "2026-02-01", Channel::Phone, EventKind::Note { text: "ok".into() });
        let id = InvoiceId::from("i1");
        let numbers = HashMap::from([(&id, "2026-001")]);
        let inv = invoice();
        let customer = Customer::new(CustomerId::from("c1"), "Jan");
        let creditor = BusinessDetails::default();
        let prepared = Prepared {
            creditor: &creditor,
            jurisdiction: Jurisdiction::Nl,
            on: d("2026-02-10"),
        };
        let claimed = claim::claim(&inv, &customer, &[&sent], &[], &Settings::default(), d("2026-02-10"));
        let header = invoice_header(&inv, &customer, &balance(&inv, [&sent]), &claimed, prepared, Lang::Nl);
        let text = as_text(&header, &entries(&[&sent, &note], &numbers, Lang::Nl), Lang::Nl);
        assert!(text.contains(body), "{text}");
        assert!(text.starts_with(
            "Dossier factuur 2026-001\n========================\n\nOpgesteld op: 10-02-2026\nFactuurnummer: 2026-001\n"
        ));
        let note_at = text.find("Notitie: ok").unwrap();
        let sent_at = text.find("Betalingsherinnering verstuurd").unwrap();
        assert!(note_at < sent_at, "oldest first");
        assert!(text.contains("02-02-2026 · E-mail\n"));
        assert!(text.contains("Factuur: 2026-001\n\nAan: jan@example.nl\nOnderwerp: Factuur 2026-001\n\n"));
    }

    #[test]
    fn an_empty_dossier_says_so() {
        let header = DossierHeader {
            title: "Dossier".into(),
            lines: vec![],
        };
        assert_eq!(
            as_text(&header, &[], Lang::En),
            "Dossier\n=======\n\n\nHistory\n-------\n\nNothing has been recorded yet.\n"
        );
    }
}
