//! Drafts: the words of every step, in the customer's language.
//!
//! The engine decides *what* to do and *why*; this module only turns a step into text the
//! user can send, read aloud or take to a meeting. Everything a customer needs to act is in
//! every written draft: the amount, the invoice numbers and dates, a firm pay-by date, the
//! account number and the reference to pay with, and how to reach the sender.
//!
//! The sentences themselves live in `messages_nl_en.rs`, Dutch and English side by side, so a
//! change to one language is made next to the other. This file gathers the facts a draft needs
//! and puts the sentences in an email, a letter, a text message, a call script or an agenda.

use std::collections::HashMap;

use chrono::{Months, NaiveDate};
use rust_decimal::{Decimal, RoundingStrategy};

use crate::domain::calendar::term_end;
use crate::domain::claim::{self, business_costs_base, consumer_costs_base};
use crate::domain::dates::{format_date, format_date_long};
use crate::domain::engine::{keeps_due_date, notice_last_chance, Action, CostsClaim, Idle, Step};
use crate::domain::legal::{
    belgian_consumer_costs_from, belgian_consumer_damages_cap, belgian_flat_fee, dutch_collection_costs,
    fourteen_day_letter,
};
use crate::domain::model::{
    balance, country_named, is_blank, BusinessDetails, Channel, Customer, CustomerKind, Event, Instalment, Invoice,
    InvoiceId, Jurisdiction, Lang, MessageKind, Settings,
};
use crate::domain::money::format_money;

#[path = "messages_nl_en.rs"]
mod text;

/// One invoice in a draft, with what is still open on it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvoiceLine<'a> {
    pub invoice: &'a Invoice,
    /// Never negative; zero once paid (the thank-you then shows the invoice amount).
    pub outstanding: Decimal,
    /// What a Dutch consumer's collection costs are on: what was unpaid when the 14-day letter's
    /// term ran out, which a later payment does not lower (see `claim::consumer_costs_base`).
    pub costs_base: Decimal,
    /// What a business's collection costs are on: what was unpaid on its first day late (see
    /// `claim::business_costs_base`).
    pub business_costs_base: Decimal,
    /// The statutory interest the invoice page claims through the draft's day; zero when none
    /// is claimed or it was not looked up (see [`with_claims`]).
    pub interest: Decimal,
    /// The collection costs the invoice page claims, and the VAT in them: zero when it claims
    /// none, `None` when they were not looked up (see [`with_claims`]).
    pub claimed_costs: Option<(Decimal, Decimal)>,
}

impl<'a> InvoiceLine<'a> {
    /// A line whose costs, if any, are on what is outstanding now.
    pub fn new(invoice: &'a Invoice, outstanding: Decimal) -> InvoiceLine<'a> {
        let outstanding = outstanding.max(Decimal::ZERO);
        InvoiceLine {
            invoice,
            outstanding,
            costs_base: outstanding,
            business_costs_base: outstanding,
            interest: Decimal::ZERO,
            claimed_costs: None,
        }
    }

    /// The line with the amounts taken from the invoice's dossier (`events` may hold other
    /// invoices' events).
    pub fn from_events(invoice: &'a Invoice, events: &[&Event]) -> InvoiceLine<'a> {
        InvoiceLine {
            invoice,
            outstanding: balance(invoice, events.iter().copied()).outstanding,
            costs_base: consumer_costs_base(invoice, events),
            business_costs_base: business_costs_base(invoice, events),
            interest: Decimal::ZERO,
            claimed_costs: None,
        }
    }
}

/// `lines` with the statutory interest and the collection costs that each invoice's claim
/// names on `today`, so that a draft claiming them states the amounts the invoice pages show
/// and asks for what they add up to. Only the composer needs it: the amounts cost a claim per
/// invoice, which a list of reasons does not. `events` is the customer's dossier and `others`
/// any invoices holding theirs, as [`claim::claim`] takes them.
pub fn with_claims<'a>(
    lines: Vec<InvoiceLine<'a>>,
    customer: &Customer,
    events: &[&Event],
    others: &[Invoice],
    settings: &Settings,
    today: NaiveDate,
) -> Vec<InvoiceLine<'a>> {
    lines
        .into_iter()
        .map(|line| {
            let claimed = claim::claim(line.invoice, customer, events, others, settings, today);
            InvoiceLine {
                interest: claimed.interest.map_or(Decimal::ZERO, |interest| interest.total),
                claimed_costs: Some(
                    claimed
                        .costs
                        .map_or((Decimal::ZERO, Decimal::ZERO), |costs| (costs.amount(), costs.vat())),
                ),
                ..line
            }
        })
        .collect()
}

/// The lines of the invoices a step covers, in the step's order, with what is still open on
/// each. Takes the invoices by id and the dossier grouped by invoice (see
/// `model::events_by_invoice`), built once by the caller, so a page with many steps stays
/// linear. Ids the step names but `invoices` does not hold are skipped: a draft about fewer
/// invoices beats no draft.
pub fn lines_for_step<'a>(
    step: &Step,
    invoices: &HashMap<&InvoiceId, &'a Invoice>,
    dossier: &HashMap<&InvoiceId, Vec<&Event>>,
) -> Vec<InvoiceLine<'a>> {
    step.invoice_ids
        .iter()
        .filter_map(|id| invoices.get(id).copied())
        .map(|inv| InvoiceLine::from_events(inv, dossier.get(&inv.id).map_or(&[][..], |events| &events[..])))
        .collect()
}

/// Everything a draft is made from.
#[derive(Clone, Debug)]
pub struct DraftInput<'a> {
    pub step: &'a Step,
    pub customer: &'a Customer,
    /// The invoices the step covers; several invoices make one message with a total.
    pub invoices: Vec<InvoiceLine<'a>>,
    pub settings: &'a Settings,
    pub today: NaiveDate,
    /// The customer's language: a draft is written for the reader, not for the user.
    pub lang: Lang,
    /// The user's language, for what only the user reads: a call script's guidance around the
    /// lines to say, which stay in the customer's language.
    pub user_lang: Lang,
}

impl<'a> DraftInput<'a> {
    /// An input in the customer's own language.
    pub fn new(
        step: &'a Step,
        customer: &'a Customer,
        invoices: Vec<InvoiceLine<'a>>,
        settings: &'a Settings,
        today: NaiveDate,
    ) -> DraftInput<'a> {
        DraftInput {
            step,
            customer,
            invoices,
            settings,
            today,
            lang: customer.language,
            user_lang: customer.language,
        }
    }

    /// The input with the guidance of a call script in `lang`, the language the user reads.
    pub fn for_user(self, lang: Lang) -> DraftInput<'a> {
        DraftInput {
            user_lang: lang,
            ..self
        }
    }
}

/// A draft ready to edit and send. For a call or a meeting, `body` is the user's own script or
/// agenda, and `subject` its title.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    /// Empty for a text message.
    pub subject: String,
    pub body: String,
    /// The blocks around the body of a posted letter; `None` for every other channel.
    pub letter: Option<Letter>,
}

/// The parts of a posted letter that are not the body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Letter {
    pub sender_lines: Vec<String>,
    pub recipient_lines: Vec<String>,
    pub place_and_date: String,
    pub reference: String,
}

/// How a message sounds. Reminders move from friendly to firm to formal, and never further.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tone {
    Friendly,
    Firm,
    Formal,
}

fn tone(kind: MessageKind) -> Tone {
    use MessageKind::*;
    match kind {
        HeadsUp
        | FirstReminder
        | BelgianFirstReminder
        | CallConfirmation
        | PaymentPlanProposal
        | PaymentPlanConfirmation
        | InstalmentReminder
        | DisputeAcknowledgement
        | ThankYou => Tone::Friendly,
        SecondReminder | CallScript | PromiseFollowUp | MeetingRequest => Tone::Firm,
        LastReminder | FourteenDayLetter | HandOverNotice => Tone::Formal,
    }
}

/// A subject and the paragraphs between greeting and closing.
struct Written {
    subject: String,
    paragraphs: Vec<String>,
}

/// What a late payment costs the customer, as far as the step claims it and the settings allow.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Costs {
    /// Due now (`Claimed`) rather than announced for when the term passes unpaid.
    due_now: bool,
    fee: Option<Fee>,
    interest: Option<Interest>,
    /// The interest owed through the draft's day, when it is due now and was looked up.
    interest_to_date: Decimal,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum FeeKind {
    /// Dutch collection costs on the statutory scale.
    DutchScale,
    /// The Belgian flat compensation between businesses, EUR 40 per late invoice.
    BelgianFlat,
    /// The Belgian consumer's damages, at the statutory cap for the amount.
    BelgianDamages,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Fee {
    kind: FeeKind,
    amount: Decimal,
    /// The VAT included in `amount`; zero unless the user adds VAT on collection costs.
    vat: Decimal,
    /// What a business's scale costs were worked out on, when that is more than is open now:
    /// what was unpaid on the first day late, before later payments. The letter says so, or
    /// a customer who checks the scale against what is open finds another figure.
    on: Option<Decimal>,
}

/// Which statutory interest is named, because Dutch law distinguishes consumer from
/// commercial interest and Belgian usage says "interest" rather than "rente".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Interest {
    NlCommercial,
    NlConsumer,
    Be,
}

/// How many instalments a proposed plan has. Three monthly parts is short enough to keep the
/// claim in sight and long enough to help someone who cannot pay at once; the user edits it.
const PLAN_INSTALMENTS: u32 = 3;

/// The facts of one draft, gathered once and formatted in the draft's language.
struct Facts<'a> {
    input: &'a DraftInput<'a>,
    lang: Lang,
    kind: MessageKind,
    tone: Tone,
    /// Who the message speaks to.
    name: String,
    /// `name` is a person: a consumer, or a business's contact person. Otherwise it is a
    /// company name, which a salutation or a call does not address.
    person: bool,
    business: String,
    iban: String,
    /// What the customer mentions with the payment: the invoice number(s).
    reference: String,
    /// "factuur 2026-014" or "facturen 2026-014 en 2026-015", lower case.
    invoices: String,
    several: bool,
    total: Decimal,
    pay_by: Option<NaiveDate>,
    costs: Option<Costs>,
}

impl<'a> Facts<'a> {
    fn new(input: &'a DraftInput<'a>) -> Facts<'a> {
        let lang = input.lang;
        let kind = input.step.message;
        let business = &input.settings.business;
        let numbers: Vec<String> = input
            .invoices
            .iter()
            .map(|line| non_empty(&line.invoice.number, text::placeholder_invoice_number(lang)))
            .collect();
        let total = total_of(input);
        Facts {
            input,
            lang,
            kind,
            tone: tone(kind),
            name: addressee(input.customer),
            person: input.customer.kind == CustomerKind::Consumer || !input.customer.contact_person.trim().is_empty(),
            business: non_empty(&business.name, text::placeholder_business(lang)),
            iban: non_empty(&business.iban, text::placeholder_iban(lang)),
            reference: numbers.join(", "),
            invoices: text::invoices_phrase(lang, &numbers),
            several: input.invoices.len() > 1,
            total,
            pay_by: pay_by_date(input),
            costs: costs(input, total),
        }
    }

    fn money(&self, amount: Decimal) -> String {
        format_money(amount, self.lang)
    }

    fn date(&self, date: NaiveDate) -> String {
        format_date(date, self.lang)
    }

    fn long_date(&self, date: NaiveDate) -> String {
        format_date_long(date, self.lang)
    }

    /// The pay-by date as text; a draft without one never shows it.
    fn pay_by_text(&self) -> String {
        self.pay_by.map(|d| self.date(d)).unwrap_or_default()
    }

    /// The pay-by date written out ("7 december 2026"), as emails and letters give dates in
    /// their sentences; text messages and tables keep the short form.
    fn pay_by_long(&self) -> String {
        self.pay_by.map(|d| self.long_date(d)).unwrap_or_default()
    }

    fn phone(&self) -> &str {
        self.input.settings.business.phone.trim()
    }

    fn email(&self) -> &str {
        self.input.settings.business.email.trim()
    }

    fn customer(&self) -> &Customer {
        self.input.customer
    }

    fn step(&self) -> &Step {
        self.input.step
    }

    fn today(&self) -> NaiveDate {
        self.input.today
    }

    fn lines(&self) -> &[InvoiceLine<'a>] {
        &self.input.invoices
    }

    /// What the customer is asked to pay now: the open amount, plus the fee and the interest
    /// to date when they are due now.
    fn to_pay(&self) -> Decimal {
        match &self.costs {
            Some(costs) if costs.due_now => {
                let fee = costs.fee.as_ref().map_or(Decimal::ZERO, |fee| fee.amount);
                self.total.saturating_add(fee).saturating_add(costs.interest_to_date)
            }
            _ => self.total,
        }
    }
}

/// A detail of the user's business that drafts need and the settings lack.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MissingDetail {
    /// Signs every message and heads every letter.
    Name,
    /// Where the customer is asked to pay.
    Iban,
    /// The sender block of a posted letter, where the customer can write back.
    Address,
}

impl MissingDetail {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            MissingDetail::Name => lang.pick("bedrijfsnaam", "business name"),
            MissingDetail::Iban => lang.pick("IBAN", "IBAN"),
            MissingDetail::Address => lang.pick("adres", "address"),
        }
    }
}

/// The details as a phrase in `lang`: "bedrijfsnaam en IBAN".
pub fn details_phrase(missing: &[MissingDetail], lang: Lang) -> String {
    let labels: Vec<String> = missing.iter().map(|m| m.label(lang).to_owned()).collect();
    text::join_and(lang, &labels)
}

/// The business details a draft on `channel` needs and `business` lacks. Without them a draft
/// still comes out, with a bracketed placeholder in their place ([`has_placeholder`]).
pub fn missing_details(business: &BusinessDetails, channel: Channel) -> Vec<MissingDetail> {
    let mut missing = Vec::new();
    if is_blank(&business.name) {
        missing.push(MissingDetail::Name);
    }
    if is_blank(&business.iban) {
        missing.push(MissingDetail::Iban);
    }
    if channel == Channel::Letter && business.address.is_empty() {
        missing.push(MissingDetail::Address);
    }
    missing
}

/// Whether a draft, as the user may have edited it, still holds a bracketed placeholder for a
/// missing detail or for what only the user knows (in either language): such a text must not
/// reach a customer.
pub fn has_placeholder(text: &str) -> bool {
    Lang::ALL.into_iter().any(|lang| {
        [
            text::placeholder_business(lang),
            text::placeholder_iban(lang),
            text::placeholder_invoice_number(lang),
            text::placeholder_agreement(lang),
        ]
        .into_iter()
        .any(|placeholder| text.contains(placeholder))
    })
}

/// `value` trimmed, or the bracketed placeholder when the user left it empty, so that a missing
/// setting shows up in the draft instead of silently leaving a gap.
fn non_empty(value: &str, placeholder: &str) -> String {
    let value = value.trim();
    if is_blank(value) {
        placeholder.to_owned()
    } else {
        value.to_owned()
    }
}

/// The person the message speaks to: the contact person of a business, else the customer.
fn addressee(customer: &Customer) -> String {
    let contact = customer.contact_person.trim();
    if contact.is_empty() {
        customer.name.trim().to_owned()
    } else {
        contact.to_owned()
    }
}

/// The amount a line shows: what is open, or for a paid invoice what it was for.
fn shown_amount(line: &InvoiceLine) -> Decimal {
    if line.outstanding.is_zero() {
        line.invoice.amount
    } else {
        line.outstanding
    }
}

/// The sum a draft is about, saturating rather than overflowing on absurd amounts. A thank-you
/// sums what was paid; every other draft sums what is open.
fn total_of(input: &DraftInput) -> Decimal {
    let amount = |line: &InvoiceLine| match input.step.message {
        MessageKind::ThankYou => shown_amount(line),
        _ => line.outstanding,
    };
    input
        .invoices
        .iter()
        .fold(Decimal::ZERO, |sum, line| sum.saturating_add(amount(line)))
}

fn plus_months(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_add_months(Months::new(months)).unwrap_or(NaiveDate::MAX)
}

/// The date a draft asks payment by, or `None` for drafts that ask no payment (a thank-you,
/// and the answer to a dispute, where pressing for payment would undo the point of listening).
///
/// Most drafts give the user's pay-by term from today, ending on a working day
/// (`calendar::term_end`). The exceptions follow the facts: a
/// heads-up must not move the agreed due date, the 14-day letter's term is fixed by law, an
/// agreed instalment or promise keeps its own date, and the hand-over notice is a last chance
/// today.
pub fn pay_by_date(input: &DraftInput) -> Option<NaiveDate> {
    let today = input.today;
    let jurisdiction = input.settings.jurisdiction;
    let usual = term_end(today, input.settings.pay_by.days(), jurisdiction);
    let step = input.step;
    let earliest_due = input.invoices.iter().map(|line| line.invoice.due_date).min();
    match step.message {
        MessageKind::ThankYou | MessageKind::DisputeAcknowledgement => None,
        _ if step.message == MessageKind::HeadsUp || step.action == Action::CallBeforeDue => {
            Some(earliest_due.map_or(usual, |due| due.max(today)))
        }
        MessageKind::FourteenDayLetter => Some(fourteen_day_letter(today).term_last_day),
        // The free reminder asks for payment within the term the law gives, to its last day:
        // a shorter date would contradict the day from which it says damages may follow.
        MessageKind::BelgianFirstReminder => Some(
            belgian_consumer_costs_from(today, step.channel == Channel::Letter)
                .pred_opt()
                .unwrap_or(today),
        ),
        // Counted from the planned day, not from today: a notice drafted early must not ask for
        // payment before the last reminder's own term has run out. The last chance falls on a
        // working day: "pay today" on a Saturday would leave no banking day to do it in.
        MessageKind::HandOverNotice => Some(notice_last_chance(
            step.scheduled_for(today),
            step.channel,
            jurisdiction,
        )),
        // A promised day is the record. A conversation up to the due date is confirmed with
        // that due date: it gives no new term, just as the engine counts none from it. Any
        // other conversation gives the usual term from its own day, as the engine counts it,
        // however late the confirmation is written; never a day already past.
        MessageKind::CallConfirmation => Some(match step.promise {
            Some(promise) => promise.date,
            None => {
                let talked = step.talked_on.unwrap_or(today);
                earliest_due
                    .filter(|&due| keeps_due_date(talked, due))
                    .unwrap_or_else(|| term_end(talked, input.settings.pay_by.days(), jurisdiction))
                    .max(today)
            }
        }),
        MessageKind::InstalmentReminder => Some(
            step.instalment
                .as_ref()
                .map(|i| i.date)
                .filter(|&date| date >= today)
                .unwrap_or(usual),
        ),
        MessageKind::PaymentPlanConfirmation => Some(
            step.plan
                .iter()
                .map(|i| i.date)
                .min()
                .or(step.instalment.as_ref().map(|i| i.date))
                .map_or(usual, |date| date.max(today)),
        ),
        _ => Some(usual),
    }
}

/// Drafts that may speak of collection costs and interest. Friendly drafts, a plan's proposal
/// and the answer to a dispute never do, whatever the step says: costs there would undo their
/// purpose. A plan's confirmation names them only as set aside while the plan is kept. The
/// call to propose a meeting comes after the last reminder, like the written request.
fn may_mention_costs(step: &Step) -> bool {
    matches!(
        step.message,
        MessageKind::PaymentPlanConfirmation
            | MessageKind::SecondReminder
            | MessageKind::PromiseFollowUp
            | MessageKind::MeetingRequest
            | MessageKind::LastReminder
            | MessageKind::FourteenDayLetter
            | MessageKind::HandOverNotice
    ) || step.action == Action::ProposeMeeting
}

/// The costs a draft mentions. The step decides whether costs are claimed; the settings decide
/// which ones the user claims at all; the law decides the amount.
fn costs(input: &DraftInput, total: Decimal) -> Option<Costs> {
    let kind = input.step.message;
    if input.step.costs == CostsClaim::None || !may_mention_costs(input.step) {
        return None;
    }
    let settings = input.settings;
    let consumer = input.customer.kind == CustomerKind::Consumer;
    // The 14-day letter announces costs by its nature: they fall due only after its term.
    let due_now = input.step.costs == CostsClaim::Claimed && kind != MessageKind::FourteenDayLetter;
    // The 14-day letter is a Dutch consumer letter whatever the user's country: its costs are
    // always the Dutch scale.
    let dutch = kind == MessageKind::FourteenDayLetter || settings.jurisdiction == Jurisdiction::Nl;
    // A Belgian consumer owes damages only under a clause in the user's terms.
    let claims_fee = if consumer && !dutch {
        settings.claims_belgian_consumer_damages()
    } else {
        settings.claim_collection_costs
    };
    let fee = claims_fee
        .then(|| fee(input, total, dutch, consumer, due_now))
        .filter(|fee| fee.amount > Decimal::ZERO);
    // No rate table exists for Belgian consumers, so `claim` computes no interest for them and
    // no draft may claim it either.
    let interest = match (settings.claim_interest, dutch, consumer) {
        (false, _, _) | (true, false, true) => None,
        (true, true, true) => Some(Interest::NlConsumer),
        (true, true, false) => Some(Interest::NlCommercial),
        (true, false, false) => Some(Interest::Be),
    };
    if fee.is_none() && interest.is_none() {
        return None;
    }
    let interest_to_date = if due_now && interest.is_some() {
        let owed = input.invoices.iter().map(|line| line.interest.max(Decimal::ZERO));
        owed.fold(Decimal::ZERO, Decimal::saturating_add)
    } else {
        Decimal::ZERO
    };
    Some(Costs {
        due_now,
        fee,
        interest,
        interest_to_date,
    })
}

/// The collection costs a draft names, as the invoice pages charge them.
fn fee(input: &DraftInput, total: Decimal, dutch: bool, consumer: bool, due_now: bool) -> Fee {
    let add = |(sum, vat_sum): (Decimal, Decimal), (amount, vat): (Decimal, Decimal)| {
        (sum.saturating_add(amount), vat_sum.saturating_add(vat))
    };
    let zero = (Decimal::ZERO, Decimal::ZERO);
    let scale = |parts: &mut dyn Iterator<Item = Decimal>| {
        let vat = input.settings.vat_on_collection_costs;
        let (amount, vat) = parts
            .map(|principal| dutch_collection_costs(principal, vat))
            .map(|costs| (costs.total, costs.vat))
            .fold(zero, add);
        Fee {
            kind: FeeKind::DutchScale,
            amount,
            vat,
            on: None,
        }
    };
    match (dutch, consumer) {
        // A consumer's costs that are due already were fixed by each invoice's own 14-day
        // letter, on that letter's sum, and the invoice pages carry their shares: a notice
        // about the invoices of two letters, or about one whose letter-mates were paid since,
        // asks what the pages add up to.
        (true, true) if due_now => match input
            .invoices
            .iter()
            .map(|line| line.claimed_costs)
            .collect::<Option<Vec<_>>>()
        {
            Some(claimed) => {
                let (amount, vat) = claimed.into_iter().fold(zero, add);
                Fee {
                    kind: FeeKind::DutchScale,
                    amount,
                    vat,
                    on: None,
                }
            }
            // Without the pages' figures, the letter's rule on the invoices at hand: on the
            // sum of what was unpaid when the letter's term ran out.
            None => {
                let base = input.invoices.iter().map(|line| line.costs_base);
                scale(&mut std::iter::once(base.fold(Decimal::ZERO, Decimal::saturating_add)))
            }
        },
        // Announced, a consumer's invoices are charged together, on their sum (the 14-day
        // letter rule).
        (true, true) => scale(&mut std::iter::once(total)),
        // A business owes the costs of each late invoice, at least EUR 40 each, on what was
        // unpaid on its first day late, as each invoice page shows them.
        (true, false) => {
            let bases = input.invoices.iter().map(|line| line.business_costs_base);
            let on = bases.clone().fold(Decimal::ZERO, Decimal::saturating_add);
            Fee {
                on: (on > total).then_some(on),
                ..scale(&mut bases.clone())
            }
        }
        (false, true) => Fee {
            kind: FeeKind::BelgianDamages,
            amount: belgian_damages_most(&input.invoices),
            vat: Decimal::ZERO,
            on: None,
        },
        (false, false) => Fee {
            kind: FeeKind::BelgianFlat,
            amount: belgian_flat_fee().saturating_mul(Decimal::from(input.invoices.len())),
            vat: Decimal::ZERO,
            on: None,
        },
    }
}

/// The most a Belgian consumer's damages can be for `invoices`: each invoice's cap on its own
/// amount, as its page caps them, added up. The free reminder announces this sum, and the
/// later letters charge it.
fn belgian_damages_most(invoices: &[InvoiceLine]) -> Decimal {
    invoices
        .iter()
        .map(|line| belgian_consumer_damages_cap(line.outstanding).total)
        .fold(Decimal::ZERO, Decimal::saturating_add)
}

/// A payment plan to propose: equal monthly parts, the first on the pay-by date, the last
/// taking the cents that do not divide evenly. An amount too small to split is one payment.
fn proposed_plan(total: Decimal, first: NaiveDate) -> Vec<Instalment> {
    let part = (total / Decimal::from(PLAN_INSTALMENTS)).round_dp_with_strategy(2, RoundingStrategy::ToZero);
    if part <= Decimal::ZERO {
        return vec![Instalment {
            date: first,
            amount: total,
        }];
    }
    let earlier = part.saturating_mul(Decimal::from(PLAN_INSTALMENTS - 1));
    (0..PLAN_INSTALMENTS)
        .map(|i| Instalment {
            date: plus_months(first, i),
            amount: if i + 1 == PLAN_INSTALMENTS {
                total.saturating_sub(earlier)
            } else {
                part
            },
        })
        .collect()
}

/// The draft for a step, in `input.lang`, shaped by the step's channel.
pub fn draft(input: &DraftInput) -> Draft {
    let facts = Facts::new(input);
    match input.step.channel {
        Channel::Email => {
            let written = text::written(&facts);
            Draft {
                subject: written.subject,
                body: email_body(&facts, written.paragraphs),
                letter: None,
            }
        }
        Channel::Letter => {
            let written = text::written(&facts);
            Draft {
                subject: written.subject,
                body: letter_body(&facts, written.paragraphs),
                letter: Some(letter_blocks(&facts)),
            }
        }
        Channel::Sms => Draft {
            subject: String::new(),
            body: text::sms(&facts),
            letter: None,
        },
        Channel::Phone => {
            let for_user = DraftInput {
                lang: input.user_lang,
                ..input.clone()
            };
            plain(text::call_script(&facts, &Facts::new(&for_user)))
        }
        // An agenda has no lines to say to the customer: all of it is in the user's language.
        Channel::InPerson => {
            let for_user = DraftInput {
                lang: input.user_lang,
                ..input.clone()
            };
            plain(text::agenda(&Facts::new(&for_user)))
        }
    }
}

fn plain(written: Written) -> Draft {
    Draft {
        subject: written.subject,
        body: written.paragraphs.join("\n\n"),
        letter: None,
    }
}

fn email_body(f: &Facts, paragraphs: Vec<String>) -> String {
    let mut parts = vec![text::greeting(f, false)];
    parts.extend(paragraphs);
    let mut signature = vec![text::closing(f, false), f.business.clone()];
    signature.extend(
        [f.phone(), f.email()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .map(str::to_owned),
    );
    // A Belgian business must state its enterprise number on everything it sends, emails
    // included; a Dutch one's KvK number reassures the reader the same way.
    let registration = f.input.settings.business.registration_number.trim();
    if !registration.is_empty() {
        signature.push(text::registration_line(f, registration));
    }
    parts.push(signature.join("\n"));
    parts.join("\n\n")
}

/// A letter's body. The sender's phone and email stand in the letterhead, so the signature is
/// the name only.
fn letter_body(f: &Facts, paragraphs: Vec<String>) -> String {
    let mut parts = vec![text::greeting(f, true)];
    parts.extend(paragraphs);
    parts.push(format!("{}\n\n{}", text::closing(f, true), f.business));
    parts.join("\n\n")
}

fn letter_blocks(f: &Facts) -> Letter {
    let business = &f.input.settings.business;
    let mut sender_lines = vec![f.business.clone()];
    sender_lines.extend(business.address.lines());
    sender_lines.extend(
        [f.phone(), f.email()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .map(str::to_owned),
    );
    let registration = business.registration_number.trim();
    if !registration.is_empty() {
        sender_lines.push(text::registration_line(f, registration));
    }
    let customer = f.customer();
    let mut recipient_lines = vec![customer.name.trim().to_owned()];
    let contact = customer.contact_person.trim();
    if !contact.is_empty() && contact != customer.name.trim() {
        recipient_lines.push(text::attention_line(f, contact));
    }
    // The letter is posted where the business is: its own country line, or its jurisdiction.
    let home = country_named(&business.address.country).unwrap_or(f.input.settings.jurisdiction);
    recipient_lines.extend(customer.address.lines_posted_in(home));
    let date = f.long_date(f.today());
    let city = business.address.city.trim();
    Letter {
        sender_lines,
        recipient_lines,
        place_and_date: if city.is_empty() {
            date
        } else {
            format!("{city}, {date}")
        },
        reference: text::reference_line(f),
    }
}

/// The line that states a letter's subject, in `lang`, the language the letter is written in
/// (the customer's), whatever language the user reads.
pub fn subject_line(lang: Lang, subject: &str) -> String {
    text::subject_line(lang, subject)
}

// ----------------------------------------------------------------------------------------------
// Why a step is proposed

/// The facts a reason sentence names besides the step itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReasonFacts {
    /// Days since the (oldest) due date on the step's day; negative before it.
    pub days_overdue: i64,
    /// The open amount the step is about.
    pub outstanding: Decimal,
    /// The step's day when it lies after today: the reason then speaks of that day, not of
    /// today, as the step does.
    pub ahead: Option<NaiveDate>,
}

impl ReasonFacts {
    /// The facts for `step` about its invoice `lines`: the oldest due date decides how late it
    /// is on the day the step is for.
    pub fn for_step(step: &Step, lines: &[InvoiceLine], today: NaiveDate) -> ReasonFacts {
        let day = step.scheduled_for(today);
        let oldest_due = lines.iter().map(|line| line.invoice.due_date).min().unwrap_or(day);
        ReasonFacts {
            days_overdue: day.signed_duration_since(oldest_due).num_days(),
            outstanding: lines
                .iter()
                .fold(Decimal::ZERO, |sum, line| sum.saturating_add(line.outstanding)),
            ahead: (day > today).then_some(day),
        }
    }
}

/// One plain sentence naming the practice rule behind a step, for the user (not the customer).
pub fn reason(step: &Step, facts: &ReasonFacts, lang: Lang) -> String {
    text::reason(step, facts, lang)
}

/// Why an invoice has no next step (`engine::idle`), for the user. `outstanding` is what the
/// invoice still owes, named when it is below the minimum worth chasing.
pub fn idle_reason(
    idle: Option<Idle>,
    customer: &Customer,
    outstanding: Decimal,
    settings: &Settings,
    lang: Lang,
) -> String {
    match idle {
        Some(Idle::WrittenOff) => lang
            .pick(
                "Deze factuur is afgeschreven: de app stelt geen stappen meer voor.",
                "This invoice was written off: the app proposes no more steps.",
            )
            .to_owned(),
        Some(Idle::HandedOver) => lang
            .pick(
                "Deze factuur is overgedragen aan het incassobureau: de app stelt geen stappen meer voor.",
                "This invoice was handed over: the collection agency collects it now, and the app proposes no more \
                 steps.",
            )
            .to_owned(),
        Some(Idle::CustomerPaused) => {
            let reason = customer.paused.as_deref().unwrap_or_default().trim();
            let paused = lang.pick(
                "Herinneren is gepauzeerd voor deze klant",
                "Chasing is paused for this customer",
            );
            let resume = lang.pick(
                "Hervat het bij de klant, onder Bewerken.",
                "Resume it on the customer, under Edit.",
            );
            if reason.is_empty() {
                format!("{paused}. {resume}")
            } else {
                format!("{paused} ({reason}). {resume}")
            }
        }
        Some(Idle::Paused) => lang
            .pick(
                "Herinneren is gepauzeerd. Hervat het om weer een volgende stap te zien.",
                "Chasing is paused. Resume it to see a next step again.",
            )
            .to_owned(),
        Some(Idle::Paid) => lang
            .pick(
                "Er staat niets meer open op deze factuur.",
                "Nothing is outstanding on this invoice.",
            )
            .to_owned(),
        Some(Idle::BelowMinimum) => {
            let open = format_money(outstanding, lang);
            let minimum = format_money(settings.minimum_worth_chasing, lang);
            match lang {
                Lang::Nl => format!(
                    "Er staat nog {open} open, minder dan het minimum van {minimum} dat je in Instellingen hebt gekozen: herinneren loont niet."
                ),
                Lang::En => format!(
                    "{open} is still outstanding, less than the minimum of {minimum} chosen in Settings: chasing does not pay."
                ),
            }
        }
        None => lang
            .pick(
                "Er is nu niets te doen voor deze factuur.",
                "There is nothing to do for this invoice now.",
            )
            .to_owned(),
    }
}

/// The letter that does a step in writing, for a letter recorded by hand: the step's own
/// message, or for a call the message the engine sends when it cannot call (a heads-up before
/// the due date, the last reminder after calls, the instalment reminder, the answer to a
/// dispute, the meeting request, the plan proposal).
pub fn written_kind(step: &Step) -> MessageKind {
    if step.message != MessageKind::CallScript {
        return step.message;
    }
    match step.action {
        Action::CallBeforeDue => MessageKind::HeadsUp,
        Action::CallMissedInstalment => MessageKind::InstalmentReminder,
        Action::ResolveDispute => MessageKind::DisputeAcknowledgement,
        Action::ProposeMeeting => MessageKind::MeetingRequest,
        Action::ProposePaymentPlan => MessageKind::PaymentPlanProposal,
        _ => MessageKind::LastReminder,
    }
}

// ----------------------------------------------------------------------------------------------
// Labels

/// A short label for an action, as a button or list item.
pub fn action_label(action: Action, lang: Lang) -> &'static str {
    let (nl, en) = match action {
        Action::HeadsUp => ("Herinnering vooraf sturen", "Send a heads-up"),
        Action::CallBeforeDue => ("Bellen vóór de vervaldatum", "Call before the due date"),
        Action::FirstReminder => ("Eerste herinnering sturen", "Send a first reminder"),
        Action::SecondReminder => ("Tweede herinnering sturen", "Send a second reminder"),
        Action::CallAfterNoReaction => ("Bellen: geen reactie", "Call: no response"),
        Action::RetryCall => ("Opnieuw bellen", "Call again"),
        Action::ConfirmAgreement => ("Afspraak schriftelijk bevestigen", "Confirm the agreement in writing"),
        Action::FollowUpPromise => ("Betaalbelofte opvolgen", "Follow up the promise to pay"),
        Action::ResolveDispute => ("Bezwaar oplossen", "Resolve the dispute"),
        Action::ProposePaymentPlan => ("Betalingsregeling voorstellen", "Propose a payment plan"),
        Action::ConfirmPaymentPlan => ("Betalingsregeling bevestigen", "Confirm the payment plan"),
        Action::RemindInstalment => ("Termijnherinnering sturen", "Send an instalment reminder"),
        Action::CallMissedInstalment => ("Bellen: termijn gemist", "Call: instalment missed"),
        Action::LastReminder => ("Laatste herinnering sturen", "Send the last reminder"),
        Action::FourteenDayLetter => ("Veertiendagenbrief per post sturen", "Post the 14-day letter"),
        Action::ProposeMeeting => ("Afspraak voorstellen", "Propose a meeting"),
        Action::HandOver => ("Overdragen aan incassobureau", "Hand over to a collection agency"),
        Action::ThankYou => ("Bedanken voor betaling", "Say thank you"),
    };
    lang.pick(nl, en)
}

/// What the composer does for a step on `channel`: a call is prepared, not written.
pub fn compose_label(channel: Channel, lang: Lang) -> &'static str {
    let (nl, en) = match channel {
        Channel::Email | Channel::Sms => ("Bericht opstellen", "Write the message"),
        Channel::Letter => ("Brief opstellen", "Write the letter"),
        Channel::Phone => ("Gesprek voorbereiden", "Prepare the call"),
        Channel::InPerson => ("Afspraak voorbereiden", "Prepare the meeting"),
    };
    lang.pick(nl, en)
}

pub fn channel_label(channel: Channel, lang: Lang) -> &'static str {
    let (nl, en) = match channel {
        Channel::Email => ("E-mail", "Email"),
        Channel::Sms => ("Sms", "Text message"),
        Channel::Phone => ("Telefoon", "Phone call"),
        Channel::Letter => ("Brief per post", "Posted letter"),
        Channel::InPerson => ("Persoonlijk gesprek", "Meeting in person"),
    };
    lang.pick(nl, en)
}

pub fn message_label(kind: MessageKind, lang: Lang) -> &'static str {
    let (nl, en) = match kind {
        MessageKind::HeadsUp => ("Herinnering vooraf", "Heads-up"),
        MessageKind::FirstReminder => ("Betalingsherinnering", "Payment reminder"),
        MessageKind::BelgianFirstReminder => ("Eerste herinnering (gratis)", "First reminder (free of charge)"),
        MessageKind::SecondReminder => ("Tweede herinnering", "Second reminder"),
        MessageKind::CallScript => ("Belscript", "Call script"),
        MessageKind::CallConfirmation => ("Bevestiging van het gesprek", "Call confirmation"),
        MessageKind::PromiseFollowUp => ("Opvolging betaalbelofte", "Promise follow-up"),
        MessageKind::PaymentPlanProposal => ("Voorstel betalingsregeling", "Payment plan proposal"),
        MessageKind::PaymentPlanConfirmation => ("Bevestiging betalingsregeling", "Payment plan confirmation"),
        MessageKind::InstalmentReminder => ("Herinnering termijn", "Instalment reminder"),
        MessageKind::DisputeAcknowledgement => ("Reactie op bezwaar", "Reply to a dispute"),
        MessageKind::MeetingRequest => ("Verzoek om een afspraak", "Meeting request"),
        MessageKind::LastReminder => ("Laatste herinnering", "Last reminder"),
        MessageKind::FourteenDayLetter => ("Veertiendagenbrief", "14-day letter"),
        MessageKind::HandOverNotice => ("Aankondiging overdracht", "Hand-over notice"),
        MessageKind::ThankYou => ("Dank voor betaling", "Thank-you note"),
    };
    lang.pick(nl, en)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::engine::{today_queue, Promised, Rule, Urgency};
    use crate::domain::model::{
        events_by_invoice, BestTime, CollectionAgency, CustomerId, DayPart, EventId, EventKind, PostalAddress,
    };
    use crate::domain::sms::parts as sms_parts;
    use crate::domain::testing::{dec as eur, iso as d};
    use proptest::prelude::*;

    /// Monday 23 November 2026: the day every fixture draft is written.
    fn today() -> NaiveDate {
        d("2026-11-23")
    }

    fn settings(belgian: bool) -> Settings {
        let mut s = crate::domain::testing::settings_with_business();
        s.agency = CollectionAgency {
            name: "Van Dam & Partners".into(),
            email: "dossiers@vandampartners.nl".into(),
        };
        s.claim_interest = true;
        s.consumer_damages_clause = true;
        if belgian {
            s.jurisdiction = Jurisdiction::Be;
            s.business.name = "Bakkerij Het Gulden Brood".into();
            s.business.email = "info@guldenbrood.be".into();
            s.business.phone = "03 234 56 78".into();
            s.business.iban = "BE68539007547034".into();
            s.business.registration_number = "0123.456.789".into();
            s.business.address = PostalAddress {
                street: "Meir 40".into(),
                postcode: "2000".into(),
                city: "Antwerpen".into(),
                country: "België".into(),
            };
        }
        s
    }

    #[derive(Clone, Copy, Debug, PartialEq)]
    enum Who {
        /// Jan de Vries, a private person.
        Consumer,
        /// Restaurant De Linde, contact Petra Jansen.
        Business,
    }

    fn customer(who: Who, lang: Lang) -> Customer {
        customer_in(who, lang, false)
    }

    /// The fixture customer; a Belgian business's customers live in Belgium.
    fn customer_in(who: Who, lang: Lang, belgian: bool) -> Customer {
        let mut c = Customer::new(CustomerId::from("c1"), "Jan de Vries");
        c.kind = CustomerKind::Consumer;
        c.email = "jan.devries@example.nl".into();
        c.phone = "06 12345678".into();
        c.best_time = BestTime::Evening;
        c.address = PostalAddress {
            street: "Kerkstraat 5".into(),
            postcode: "3581 AB".into(),
            city: "Utrecht".into(),
            country: String::new(),
        };
        if who == Who::Business {
            c.name = "Restaurant De Linde".into();
            c.kind = CustomerKind::Business;
            c.contact_person = "Petra Jansen".into();
            c.email = "administratie@delinde.nl".into();
            c.phone = "030 765 43 21".into();
            c.best_time = BestTime::Daytime;
            c.address.street = "Oudegracht 101".into();
            c.address.postcode = "3511 AE".into();
        }
        if belgian {
            c.address.street = if who == Who::Business {
                "Grote Markt 21"
            } else {
                "Bruul 8"
            }
            .into();
            c.address.postcode = "2800".into();
            c.address.city = "Mechelen".into();
            c.address.country = "België".into();
            c.phone = if who == Who::Business {
                "015 20 30 40"
            } else {
                "0475 12 34 56"
            }
            .into();
        }
        c.language = lang;
        c
    }

    /// The fixture's invoices; a case picks them by index.
    fn invoices() -> Vec<Invoice> {
        let invoice = |id: &str, number: &str, issued: &str, due: &str, amount: &str, description: &str| Invoice {
            id: InvoiceId::from(id),
            number: number.into(),
            customer_id: CustomerId::from("c1"),
            issue_date: d(issued),
            due_date: d(due),
            amount: eur(amount),
            currency: "EUR".into(),
            description: description.into(),
        };
        vec![
            invoice("i0", "2026-041", "2026-10-01", "2026-10-15", "1000.00", "bruidstaart"),
            invoice(
                "i1",
                "2026-047",
                "2026-10-12",
                "2026-10-26",
                "500.00",
                "gebak voor een receptie",
            ),
            invoice(
                "i2",
                "2026-058",
                "2026-10-29",
                "2026-11-26",
                "350.00",
                "brood en banket, oktober",
            ),
            invoice(
                "i3",
                "2026-033",
                "2026-09-01",
                "2026-09-15",
                "12400.00",
                "catering personeelsfeest",
            ),
        ]
    }

    /// One fixture draft: the step's facts and the channels it is naturally drafted for.
    struct Case {
        kind: MessageKind,
        action: Action,
        rule: Rule,
        channels: &'static [Channel],
        who: Who,
        belgian: bool,
        /// (invoice index, outstanding amount).
        lines: &'static [(usize, &'static str)],
        costs: CostsClaim,
        promise: Option<(&'static str, &'static str)>,
        instalment: Option<(&'static str, &'static str)>,
        plan: bool,
        call_at: Option<DayPart>,
        /// A name for the snapshot, when one kind has several cases.
        variant: &'static str,
    }

    use Channel::{Email, InPerson, Letter, Phone, Sms};

    /// (costs claim, claim collection costs, claim interest, expected fragments, absent fragments)
    type CostsRow = (CostsClaim, bool, bool, &'static [&'static str], &'static [&'static str]);

    /// (who, Belgian, costs claim, claim collection costs, claim interest, expected fragments,
    /// absent fragments)
    type SetAsideRow = (
        Who,
        bool,
        CostsClaim,
        bool,
        bool,
        &'static [&'static str],
        &'static [&'static str],
    );

    /// (kind, Belgian, claim interest, channel, language, expected fragments, absent fragments)
    type InterestRow = (
        MessageKind,
        bool,
        bool,
        Channel,
        Lang,
        &'static [&'static str],
        &'static [&'static str],
    );

    /// (kind, action, channel, instalment, promise, invoice index, expected pay-by)
    type PayByRow = (
        MessageKind,
        Action,
        Channel,
        Option<(&'static str, &'static str)>,
        Option<(&'static str, &'static str)>,
        usize,
        Option<&'static str>,
    );
    use CostsClaim::{Announced, Claimed};

    #[rustfmt::skip]
    fn cases() -> Vec<Case> {
        let c = |kind, action, rule, channels, who, lines| Case {
            kind, action, rule, channels, who, lines, belgian: false, costs: CostsClaim::None,
            promise: None, instalment: None, plan: false, call_at: None, variant: "",
        };
        use Action as A;
        use MessageKind as K;
        vec![
            c(K::HeadsUp, A::HeadsUp, Rule::HeadsUpBeforeDue, &[Email, Sms], Who::Business, &[(2, "350.00")]),
            c(K::FirstReminder, A::FirstReminder, Rule::FirstReminderAfterDue, &[Email, Sms], Who::Consumer, &[(0, "1000.00")]),
            Case { belgian: true, ..c(K::BelgianFirstReminder, A::FirstReminder, Rule::BelgianFreeFirstReminder, &[Email, Letter], Who::Consumer, &[(0, "1000.00")]) },
            c(K::SecondReminder, A::SecondReminder, Rule::SecondReminderAfterTwoWeeks, &[Email, Sms], Who::Business, &[(0, "1000.00")]),
            Case { call_at: Some(DayPart::Afternoon), ..c(K::CallScript, A::CallAfterNoReaction, Rule::CallWhenWritingIsIgnored, &[Phone], Who::Business, &[(0, "1000.00"), (1, "500.00")]) },
            Case { promise: Some(("1000.00", "2026-11-27")), ..c(K::CallConfirmation, A::ConfirmAgreement, Rule::ConfirmCallInWriting, &[Email, Sms], Who::Business, &[(0, "1000.00")]) },
            Case { variant: "settlement", ..c(K::CallConfirmation, A::ConfirmAgreement, Rule::ConfirmSettlementInWriting, &[Email, Sms], Who::Business, &[(0, "1000.00")]) },
            Case { promise: Some(("1000.00", "2026-11-18")), ..c(K::PromiseFollowUp, A::FollowUpPromise, Rule::FollowUpMissedPromise, &[Email, Sms], Who::Business, &[(0, "1000.00")]) },
            c(K::PaymentPlanProposal, A::ProposePaymentPlan, Rule::OfferPlanWhenCannotPay, &[Email, Letter], Who::Consumer, &[(0, "1000.00"), (1, "500.00")]),
            Case { plan: true, ..c(K::PaymentPlanConfirmation, A::ConfirmPaymentPlan, Rule::ConfirmPlanInWriting, &[Email, Letter], Who::Consumer, &[(0, "1000.00"), (1, "500.00")]) },
            Case { plan: true, costs: Claimed, variant: "costs_set_aside", ..c(K::PaymentPlanConfirmation, A::ConfirmPaymentPlan, Rule::ConfirmPlanInWriting, &[Email], Who::Business, &[(0, "1000.00"), (1, "500.00")]) },
            Case { instalment: Some(("500.00", "2026-11-30")), ..c(K::InstalmentReminder, A::RemindInstalment, Rule::ChaseEachInstalment, &[Email, Sms], Who::Consumer, &[(0, "500.00"), (1, "500.00")]) },
            Case { call_at: Some(DayPart::Evening), instalment: Some(("300.00", "2026-11-10")), variant: "missed_instalment", ..c(K::CallScript, A::CallMissedInstalment, Rule::CallOnMissedInstalment, &[Phone], Who::Consumer, &[(0, "600.00")]) },
            c(K::DisputeAcknowledgement, A::ResolveDispute, Rule::StopEscalatingOnDispute, &[Email], Who::Business, &[(0, "1000.00")]),
            Case { call_at: Some(DayPart::Morning), variant: "dispute", ..c(K::CallScript, A::ResolveDispute, Rule::StopEscalatingOnDispute, &[Phone], Who::Business, &[(0, "1000.00")]) },
            c(K::MeetingRequest, A::ProposeMeeting, Rule::MeetingForLargestDebts, &[Email, InPerson], Who::Business, &[(3, "12400.00")]),
            Case { call_at: Some(DayPart::Morning), variant: "meeting", ..c(K::CallScript, A::ProposeMeeting, Rule::MeetingForLargestDebts, &[Phone], Who::Business, &[(3, "12400.00")]) },
            Case { costs: Claimed, ..c(K::LastReminder, A::LastReminder, Rule::LastReminderAfterAMonth, &[Letter, Email], Who::Business, &[(0, "1000.00")]) },
            Case { costs: Claimed, belgian: true, variant: "belgian_business", ..c(K::LastReminder, A::LastReminder, Rule::LastReminderAfterAMonth, &[Letter], Who::Business, &[(0, "1000.00"), (1, "500.00")]) },
            Case { costs: Announced, ..c(K::FourteenDayLetter, A::FourteenDayLetter, Rule::ConsumerFourteenDayLetter, &[Letter, Email], Who::Consumer, &[(0, "1000.00"), (1, "500.00")]) },
            c(K::HandOverNotice, A::HandOver, Rule::HandOverAfterLastTerm, &[Email, Letter], Who::Business, &[(0, "1000.00")]),
            c(K::ThankYou, A::ThankYou, Rule::ThankAfterPayment, &[Email, Sms], Who::Consumer, &[(0, "0")]),
        ]
    }

    fn step(case: &Case, channel: Channel, invoices: &[Invoice]) -> Step {
        Step {
            customer_id: CustomerId::from("c1"),
            invoice_ids: case.lines.iter().map(|&(i, _)| invoices[i].id.clone()).collect(),
            action: case.action,
            channel,
            due: today(),
            urgency: Urgency(1),
            message: case.kind,
            rule: case.rule,
            call_at: case.call_at,
            promise: case.promise.map(|(amount, date)| Promised::new(eur(amount), d(date))),
            instalment: case.instalment.map(|(amount, date)| Instalment {
                amount: eur(amount),
                date: d(date),
            }),
            plan: Vec::new(),
            talked_on: None,
            settled_on: None,
            costs: case.costs,
        }
    }

    /// Builds the input for one case on one channel in one language and hands it to `use_it`.
    fn with_input<R>(case: &Case, channel: Channel, lang: Lang, use_it: impl FnOnce(&DraftInput) -> R) -> R {
        with_adjusted_input(case, channel, lang, |_| {}, use_it)
    }

    /// [`with_input`], with the case's step changed by `adjust` first.
    fn with_adjusted_input<R>(
        case: &Case,
        channel: Channel,
        lang: Lang,
        adjust: impl FnOnce(&mut Step),
        use_it: impl FnOnce(&DraftInput) -> R,
    ) -> R {
        let invoices = invoices();
        let settings = settings(case.belgian);
        let customer = customer_in(case.who, lang, case.belgian);
        let mut step = step(case, channel, &invoices);
        if case.plan {
            step.plan = vec![
                Instalment {
                    date: d("2026-12-01"),
                    amount: eur("500.00"),
                },
                Instalment {
                    date: d("2027-01-04"),
                    amount: eur("500.00"),
                },
                Instalment {
                    date: d("2027-02-01"),
                    amount: eur("500.00"),
                },
            ];
        }
        adjust(&mut step);
        let lines = case
            .lines
            .iter()
            .map(|&(i, open)| InvoiceLine::new(&invoices[i], eur(open)))
            .collect();
        let input = DraftInput::new(&step, &customer, lines, &settings, today());
        use_it(&input)
    }

    /// A business's costs are on what was open on its first day late. When a payment since has
    /// lowered what is open, the letter says what the costs were worked out on: the customer
    /// who checks the scale against what is open now must find the same figure.
    #[test]
    fn business_costs_on_an_earlier_amount_say_what_they_were_worked_out_on() {
        let case = case_of(MessageKind::LastReminder);
        let invoices = invoices();
        let settings = settings(false);
        #[rustfmt::skip]
        let rows = [
            (Lang::Nl, "3000.00", Some("Omdat de betaling te laat is, breng ik € 425,00 incassokosten in rekening. Die zijn volgens de wettelijke staffel berekend over € 3.000,00: het bedrag dat openstond op de eerste dag dat de betaling te laat was.")),
            (Lang::En, "3000.00", Some("As payment is overdue, I am charging €425.00 in collection costs. They follow the statutory scale on €3,000.00: the amount outstanding on the first day the payment was late.")),
            (Lang::Nl, "2000.00", None),
            (Lang::En, "2000.00", None),
        ];
        for (lang, first_day_late, expected) in rows {
            let customer = customer_in(case.who, lang, false);
            let step = step(&case, Letter, &invoices);
            let line = InvoiceLine {
                business_costs_base: eur(first_day_late),
                ..InvoiceLine::new(&invoices[0], eur("2000.00"))
            };
            let input = DraftInput::new(&step, &customer, vec![line], &settings, today());
            let text = draft(&input).body;
            match expected {
                Some(expected) => assert!(text.contains(expected), "{lang:?}:\n{text}"),
                None => assert!(
                    !text.contains("staffel") && !text.contains("statutory scale"),
                    "{lang:?}:\n{text}"
                ),
            }
        }
    }

    #[test]
    fn a_call_confirmation_names_the_day_of_the_call_when_sent_later() {
        let case = case_of(MessageKind::CallConfirmation);
        let rows = [
            (0, Lang::Nl, "Dank u voor het gesprek van vandaag."),
            (0, Lang::En, "Thank you for our conversation today."),
            (3, Lang::Nl, "Dank u voor ons gesprek van 20 november 2026."),
            (3, Lang::En, "Thank you for our conversation on 20 November 2026."),
        ];
        for (days_ago, lang, expected) in rows {
            // The step falls due after the call (a note was logged since): the text must
            // still name the day of the call.
            let talked = |step: &mut Step| {
                step.talked_on = Some(today() - chrono::Days::new(days_ago));
                step.due = today();
            };
            let text = with_adjusted_input(&case, Email, lang, talked, draft).body;
            assert!(text.contains(expected), "{days_ago} days ago, {lang:?}:\n{text}");
        }
    }

    /// After a settled dispute the customer knows the invoice: the first reminder says it was
    /// settled, and does not suppose the invoice slipped their mind.
    #[test]
    fn a_first_reminder_after_a_settled_dispute_starts_from_the_settlement() {
        let case = case_of(MessageKind::FirstReminder);
        let rows = [
            (
                Lang::Nl,
                "Op 20 november 2026 hebben we uw bezwaar tegen factuur 2026-041 afgehandeld. Ik heb de betaling",
                "ontschoten",
            ),
            (
                Lang::En,
                "On 20 November 2026 we settled your objection to invoice 2026-041. I have not yet received",
                "slipped",
            ),
        ];
        for (lang, expected, absent) in rows {
            let settled = |step: &mut Step| step.settled_on = Some(today() - chrono::Days::new(3));
            let text = with_adjusted_input(&case, Email, lang, settled, draft).body;
            assert!(text.contains(expected), "{lang:?}:\n{text}");
            assert!(!text.contains(absent), "{lang:?}:\n{text}");
            assert!(
                draft_case(&case, Email, lang).body.contains(absent),
                "{lang:?} without a dispute"
            );
        }
    }

    /// A promise paid in part: the follow-up thanks for what came in and asks for the rest, in
    /// every channel. Asking for the whole promise again, or saying nothing arrived, would be
    /// wrong, and the text stays in the dossier.
    #[test]
    fn a_promise_paid_in_part_is_followed_up_for_the_rest() {
        let part_paid = |step: &mut Step| {
            step.promise = Some(Promised {
                received: eur("400.00"),
                ..Promised::new(eur("1000.00"), d("2026-11-18"))
            });
        };
        #[rustfmt::skip]
        let rows = [
            (MessageKind::PromiseFollowUp, Email, Lang::Nl, &["Daarvan heb ik € 400,00 ontvangen, dank daarvoor. De overige € 600,00 heb ik nog niet ontvangen.", "€ 600,00 uiterlijk op"][..]),
            (MessageKind::PromiseFollowUp, Email, Lang::En, &["I have received €400.00 of it, thank you. I have not yet received the remaining €600.00.", "€600.00 by"]),
            (MessageKind::PromiseFollowUp, Sms, Lang::Nl, &["Daarvan is € 600,00 nog niet binnen. Betaal dat uiterlijk"]),
            (MessageKind::PromiseFollowUp, Sms, Lang::En, &["€600.00 of it has not arrived. Please pay that by"]),
            (MessageKind::CallScript, Phone, Lang::Nl, &["Daarvan heb ik € 400,00 ontvangen, maar de overige € 600,00 nog niet."]),
            (MessageKind::CallScript, Phone, Lang::En, &["I have received €400.00 of it, but not yet the remaining €600.00."]),
        ];
        for (kind, channel, lang, expected) in rows {
            let case = case_of(kind);
            let text = with_adjusted_input(&case, channel, lang, part_paid, draft).body;
            for wanted in expected {
                assert!(
                    text.contains(wanted),
                    "{kind:?} {channel:?} {lang:?}: no {wanted:?} in\n{text}"
                );
            }
            let nothing_came = [
                "Die betaling heb ik nog niet",
                "die betaling heb ik nog niet",
                "Dat is nog niet binnen",
                "not received that payment",
                "It has not arrived",
            ];
            assert!(
                !nothing_came.iter().any(|denial| text.contains(denial)),
                "{kind:?} {channel:?} {lang:?}: denies the part paid\n{text}"
            );
        }
    }

    /// The written confirmation is the evidence of the agreement: written late, it still
    /// names the day agreed on the phone, not the day it was typed.
    #[test]
    fn a_late_call_confirmation_keeps_the_promised_day() {
        let case = case_of(MessageKind::CallConfirmation);
        let rows = [
            (
                Lang::Nl,
                "We hebben afgesproken dat u € 1.000,00 uiterlijk op 21 november 2026 betaalt.",
            ),
            (Lang::En, "We agreed that you will pay €1,000.00 by 21 November 2026."),
        ];
        for (lang, expected) in rows {
            let promised = |step: &mut Step| {
                step.talked_on = Some(today() - chrono::Days::new(3));
                step.promise = Some(Promised::new(eur("1000.00"), today() - chrono::Days::new(2)));
            };
            let text = with_adjusted_input(&case, Email, lang, promised, draft).body;
            assert!(text.contains(expected), "{lang:?}:\n{text}");
        }
    }

    /// A call script is read by the user and spoken to the customer: the guidance is in the
    /// user's language, the lines to say in the customer's, each with its own way of writing
    /// amounts and dates.
    #[test]
    fn a_call_script_guides_in_the_users_language_and_speaks_the_customers() {
        let case = case_of(MessageKind::CallScript);
        let english = |step: &mut Step| step.due = today();
        let script = with_adjusted_input(&case, Phone, Lang::En, english, |input| {
            draft(&input.clone().for_user(Lang::Nl))
        });
        for guidance in [
            "Belscript: ",
            "Voorbereiding\n",
            "Vraag om betaling\n",
            "Na het gesprek\n",
            "Noemt de klant geen datum",
        ] {
            assert!(
                script.subject.contains(guidance) || script.body.contains(guidance),
                "{guidance:?} missing:\n{}",
                script.body
            );
        }
        for line in [
            "\"Can you pay €1,500.00 by ",
            "\"Why are the invoices still unpaid?\"",
            ", this is Bakkerij De Gouden Korst.",
        ] {
            assert!(script.body.contains(line), "{line:?} missing:\n{}", script.body);
        }
        assert!(
            script
                .body
                .contains("Wat je vraagt: betaling van € 1.500,00 uiterlijk op "),
            "{}",
            script.body
        );
        assert!(
            !script.body.contains("Ask for payment") && !script.body.contains("Vraagt u"),
            "{}",
            script.body
        );
    }

    /// A call script opens with what is true at that point of the chase: reminders are named
    /// only by the call after the second reminder, a call about a plan is about the plan, and
    /// a retry before the due date is still the friendly check.
    /// A customer who said they cannot pay is asked to agree on a plan, in both the user's and
    /// the customer's words, never to pay the whole amount within a week.
    #[test]
    fn a_call_to_propose_a_plan_asks_for_agreement_on_a_plan() {
        let case = case_of(MessageKind::PaymentPlanProposal);
        for (lang, present, absent) in [
            (
                Lang::Nl,
                [
                    "Wat je vraagt: akkoord op een betalingsregeling, bijvoorbeeld 3 maandelijkse termijnen van € 500,00, de eerste uiterlijk op 30-11-2026.",
                    "\"Lukt het om € 500,00 per maand te betalen, de eerste keer uiterlijk op 30-11-2026?\"",
                    "We spreken dus af dat u 3 maandelijkse termijnen van € 500,00 betaalt",
                ],
                ["Kunt u € 1.500,00", "betaling van € 1.500,00"],
            ),
            (
                Lang::En,
                [
                    "What you ask for: agreement on a payment plan, for example 3 monthly instalments of €500.00, the first by 30 Nov 2026.",
                    "\"Could you manage €500.00 a month, with the first payment by 30 Nov 2026?\"",
                    "So we agree that you will pay 3 monthly instalments of €500.00",
                ],
                ["Can you pay €1,500.00", "payment of €1,500.00"],
            ),
        ] {
            let body = draft_case(&case, Phone, lang).body;
            for needle in present {
                assert!(body.contains(needle), "{lang:?}: {needle:?} missing\n{body}");
            }
            for needle in absent {
                assert!(!body.contains(needle), "{lang:?}: {needle:?} present\n{body}");
            }
        }
    }

    #[test]
    fn a_call_script_opens_with_what_is_true_of_the_call() {
        let case = case_of(MessageKind::CallScript);
        let rows = [
            (Action::CallAfterNoReaction, "Ik heb u herinneringen gestuurd", None),
            (
                Action::RetryCall,
                "De vervaldata zijn voorbij en ik heb nog geen betaling ontvangen.",
                Some("herinneringen"),
            ),
            (
                Action::ProposePaymentPlan,
                "Ik bel over mijn voorstel voor een betalingsregeling voor de facturen 2026-041 en 2026-047, samen € 1.500,00.",
                Some("herinneringen"),
            ),
            (
                Action::CallBeforeDue,
                "of alles in orde is",
                Some("Waarom staan de facturen nog open?"),
            ),
        ];
        for (action, says, never) in rows {
            let body = with_adjusted_input(
                &case,
                Phone,
                Lang::Nl,
                |step| step.action = action,
                |input| draft(input).body,
            );
            assert!(body.contains(says), "{action:?}: {says:?} missing:\n{body}");
            if let Some(never) = never {
                assert!(!body.contains(never), "{action:?}: {never:?} present:\n{body}");
            }
        }
    }

    /// The call scripts that no fixture case snapshots. The first two are calls the engine
    /// makes. The others are steps with facts the engine never gives a call of their kind: a
    /// promise, a heads-up or a dispute acknowledgement drafted as a call for another action,
    /// an instalment on a step about something else. A script drafted for one must still read
    /// the same from one version to the next, so these pin which text each part of it takes.
    #[test]
    fn snapshots_of_call_scripts_the_fixture_cases_leave_out() {
        fn missed_instalment(step: &mut Step) {
            step.instalment = Some(Instalment {
                amount: eur("300.00"),
                date: d("2026-11-10"),
            });
        }
        fn promised(step: &mut Step) {
            step.promise = Some(Promised::new(eur("1000.00"), d("2026-11-18")));
        }
        // (snapshot name, what the call script case's step is given)
        type Row = (&'static str, fn(&mut Step));
        let case = case_of(MessageKind::CallScript);
        let rows: [Row; 12] = [
            ("before_due", |step| step.action = Action::CallBeforeDue),
            ("plan", |step| step.action = Action::ProposePaymentPlan),
            ("promise", promised),
            ("plan_with_a_promise", |step| {
                step.action = Action::ProposePaymentPlan;
                promised(step);
            }),
            ("heads_up_for_a_meeting", |step| {
                step.action = Action::ProposeMeeting;
                step.message = MessageKind::HeadsUp;
            }),
            ("heads_up_for_a_plan", |step| {
                step.action = Action::ProposePaymentPlan;
                step.message = MessageKind::HeadsUp;
            }),
            ("dispute_before_due", |step| {
                step.action = Action::CallBeforeDue;
                step.message = MessageKind::DisputeAcknowledgement;
            }),
            ("dispute_with_a_missed_instalment", |step| {
                step.action = Action::ResolveDispute;
                missed_instalment(step);
            }),
            ("meeting_about_a_dispute", |step| {
                step.action = Action::ProposeMeeting;
                step.message = MessageKind::DisputeAcknowledgement;
            }),
            ("meeting_about_a_dispute_with_a_missed_instalment", |step| {
                step.action = Action::ProposeMeeting;
                step.message = MessageKind::DisputeAcknowledgement;
                missed_instalment(step);
            }),
            ("meeting_with_a_missed_instalment", |step| {
                step.action = Action::ProposeMeeting;
                missed_instalment(step);
            }),
            ("plan_with_a_missed_instalment", |step| {
                step.action = Action::ProposePaymentPlan;
                missed_instalment(step);
            }),
        ];
        for (name, adjust) in rows {
            let both = Lang::ALL
                .iter()
                .map(|&lang| {
                    let script = with_adjusted_input(&case, Phone, lang, adjust, draft);
                    // A step without a pay-by date (a dispute) must not leave a gap where the
                    // date would be.
                    for gap in [" .", "op .", "by ."] {
                        assert!(
                            !script.body.contains(gap),
                            "{name} {lang:?}: {gap:?} in\n{}",
                            script.body
                        );
                    }
                    format!("===== {} =====\n{}", lang.code(), render(&script))
                })
                .collect::<Vec<_>>()
                .join("\n\n");
            insta::assert_snapshot!(format!("call_script_{name}_phone"), both);
        }
    }

    /// A customer who paid part reads that the invoice is not paid in full, never that
    /// nothing was paid, in every letter that says so.
    #[test]
    fn a_part_payment_is_acknowledged_in_every_reminder() {
        let rows = [
            (
                MessageKind::FirstReminder,
                "nog niet volledig betaald",
                "You have not paid this invoice in full",
            ),
            (
                MessageKind::BelgianFirstReminder,
                "nog niet volledig betaald",
                "You have not paid this invoice in full",
            ),
            (
                MessageKind::SecondReminder,
                "nog steeds niet volledig betaald",
                "still not paid in full",
            ),
            (
                MessageKind::LastReminder,
                "hebt u deze factuur nog niet volledig betaald",
                "you have not paid this invoice in full",
            ),
            (
                MessageKind::FourteenDayLetter,
                "U hebt deze factuur nog niet volledig betaald",
                "You have not paid this invoice in full",
            ),
            (
                MessageKind::HandOverNotice,
                "niet volledig betaald",
                "not paid this invoice in full",
            ),
        ];
        for (kind, nl, en) in rows {
            let mut case = case_of(kind);
            case.lines = &[(0, "600.00")];
            for (lang, expected) in [(Lang::Nl, nl), (Lang::En, en)] {
                let text = draft_case(&case, Letter, lang).body;
                assert!(text.contains(expected), "{kind:?} {lang:?}:\n{text}");
            }
            case.lines = &[(0, "1000.00")];
            let text = draft_case(&case, Letter, Lang::Nl).body;
            assert!(!text.contains("volledig"), "{kind:?} unpaid:\n{text}");
        }
    }

    #[test]
    fn a_reminder_about_several_invoices_speaks_of_invoices() {
        let mut case = case_of(MessageKind::FirstReminder);
        case.lines = &[(0, "1000.00"), (1, "500.00")];
        for (lang, expected) in [
            (Lang::Nl, "Hebt u een vraag over de facturen?"),
            (Lang::En, "Any questions about the invoices?"),
        ] {
            let text = draft_case(&case, Email, lang).body;
            assert!(text.contains(expected), "{lang:?}:\n{text}");
        }
    }

    #[test]
    fn a_hand_over_notice_with_costs_names_them_once() {
        let case = Case {
            costs: Claimed,
            ..case_of(MessageKind::HandOverNotice)
        };
        let text = draft_case(&case, Email, Lang::Nl).body;
        assert_eq!(text.matches("incassokosten").count(), 1, "{text}");
        assert!(text.contains("met deze kosten en de rente"), "{text}");
    }

    /// Book XIX wants the free reminder to say what may follow: the damages' cap and the day,
    /// also in a text message.
    #[test]
    fn a_letter_states_its_subject_without_a_second_colon() {
        assert_eq!(
            subject_line(Lang::Nl, "Laatste herinnering: factuur 2026-041"),
            "Betreft: Laatste herinnering – factuur 2026-041"
        );
        assert_eq!(subject_line(Lang::En, "Invoice 2026-041"), "Subject: Invoice 2026-041");
    }

    #[test]
    fn a_belgian_first_reminder_by_sms_says_which_damages_may_follow_and_from_when() {
        let case = case_of(MessageKind::BelgianFirstReminder);
        for (lang, expected) in [
            (
                Lang::Nl,
                "Nog open op 09-12-2026? Dan mag ik max. € 90,00 schadevergoeding vragen.",
            ),
            (
                Lang::En,
                "If still unpaid on 9 Dec 2026, I may charge damages of up to €90.00.",
            ),
        ] {
            let text = draft_case(&case, Sms, lang).body;
            assert!(text.contains(expected), "{lang:?}: {text}");
        }
    }

    #[test]
    fn an_idle_invoice_is_explained_in_both_languages() {
        let mut paused = customer(Who::Business, Lang::Nl);
        paused.paused = Some("ziekenhuis".into());
        let settings = settings(false);
        let rows = [
            (Some(Idle::CustomerPaused), Lang::Nl, "Herinneren is gepauzeerd voor deze klant (ziekenhuis). Hervat het bij de klant, onder Bewerken."),
            (Some(Idle::CustomerPaused), Lang::En, "Chasing is paused for this customer (ziekenhuis). Resume it on the customer, under Edit."),
            (Some(Idle::BelowMinimum), Lang::Nl, "Er staat nog € 5,00 open, minder dan het minimum van € 10,00 dat je in Instellingen hebt gekozen: herinneren loont niet."),
            (Some(Idle::Paid), Lang::En, "Nothing is outstanding on this invoice."),
            (Some(Idle::WrittenOff), Lang::Nl, "Deze factuur is afgeschreven: de app stelt geen stappen meer voor."),
            (Some(Idle::HandedOver), Lang::En, "This invoice was handed over: the collection agency collects it now, and the app proposes no more steps."),
        ];
        for (idle, lang, expected) in rows {
            assert_eq!(
                idle_reason(idle, &paused, eur("5.00"), &settings, lang),
                expected,
                "{idle:?} {lang:?}"
            );
        }
        for idle in [
            None,
            Some(Idle::WrittenOff),
            Some(Idle::HandedOver),
            Some(Idle::Paused),
            Some(Idle::Paid),
            Some(Idle::BelowMinimum),
        ] {
            let nl = idle_reason(idle, &paused, eur("5.00"), &settings, Lang::Nl);
            let en = idle_reason(idle, &paused, eur("5.00"), &settings, Lang::En);
            assert!(!nl.is_empty() && nl != en, "{idle:?} reads in both languages");
        }
    }

    /// Drafts one case on one channel in one language.
    fn draft_case(case: &Case, channel: Channel, lang: Lang) -> Draft {
        with_input(case, channel, lang, draft)
    }

    fn render(draft: &Draft) -> String {
        let mut out = String::new();
        if let Some(letter) = &draft.letter {
            out.push_str(&format!(
                "[sender]\n{}\n\n[recipient]\n{}\n\n[place and date] {}\n[reference] {}\n\n",
                letter.sender_lines.join("\n"),
                letter.recipient_lines.join("\n"),
                letter.place_and_date,
                letter.reference
            ));
        }
        if !draft.subject.is_empty() {
            out.push_str(&format!("[subject] {}\n\n", draft.subject));
        }
        out.push_str(&draft.body);
        out
    }

    fn channel_name(channel: Channel) -> &'static str {
        match channel {
            Email => "email",
            Sms => "sms",
            Phone => "phone",
            Letter => "letter",
            InPerson => "in_person",
        }
    }

    fn kind_name(kind: MessageKind) -> String {
        serde_json::to_value(kind).unwrap().as_str().unwrap().to_owned()
    }

    #[test]
    fn every_kind_has_a_fixture_case() {
        let covered: Vec<MessageKind> = cases().iter().map(|c| c.kind).collect();
        for kind in all_kinds() {
            assert!(covered.contains(&kind), "{kind:?} has no case");
        }
    }

    #[test]
    fn snapshots_of_every_draft() {
        for case in cases() {
            for &channel in case.channels {
                let mut name = kind_name(case.kind);
                if !case.variant.is_empty() {
                    name = format!("{name}_{}", case.variant);
                }
                let name = format!("{name}_{}", channel_name(channel));
                let both = Lang::ALL
                    .iter()
                    .map(|&lang| {
                        format!(
                            "===== {} =====\n{}",
                            lang.code(),
                            render(&draft_case(&case, channel, lang))
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n\n");
                insta::assert_snapshot!(name, both);
            }
        }
    }

    #[test]
    fn no_draft_threatens_a_higher_amount_or_belgian_interest() {
        // Every draft claims at most the costs it names; a Belgian consumer pays no interest.
        for case in cases() {
            for &channel in case.channels {
                for lang in Lang::ALL {
                    let text = draft_case(&case, channel, lang).body;
                    for phrase in [
                        "bedrag voor u hoger",
                        "wordt daardoor hoger",
                        "increase the amount",
                        "amount you owe will rise",
                    ] {
                        assert!(!text.contains(phrase), "{:?} {channel:?} {lang:?}:\n{text}", case.kind);
                    }
                    if case.belgian && case.who == Who::Consumer {
                        for phrase in ["interest", "rente"] {
                            assert!(
                                !text.to_lowercase().contains(phrase),
                                "{:?} {channel:?} {lang:?}:\n{text}",
                                case.kind
                            );
                        }
                    }
                }
            }
        }
    }

    fn all_kinds() -> [MessageKind; 16] {
        MessageKind::ALL
    }

    const ALL_CHANNELS: [Channel; 5] = [Email, Sms, Phone, Letter, InPerson];

    /// Every case on every channel in both languages, natural or not: the drafts the properties
    /// below must hold for.
    fn every_draft() -> Vec<(String, Case, Channel, Lang, Draft)> {
        let mut out = Vec::new();
        for case in cases() {
            for channel in ALL_CHANNELS {
                for lang in Lang::ALL {
                    let draft = draft_case(&case, channel, lang);
                    let label = format!("{:?} {} {:?} {:?}", case.kind, case.variant, channel, lang);
                    let case = Case { ..case_copy(&case) };
                    out.push((label, case, channel, lang, draft));
                }
            }
        }
        out
    }

    fn case_copy(case: &Case) -> Case {
        Case {
            kind: case.kind,
            action: case.action,
            rule: case.rule,
            channels: case.channels,
            who: case.who,
            belgian: case.belgian,
            lines: case.lines,
            costs: case.costs,
            promise: case.promise,
            instalment: case.instalment,
            plan: case.plan,
            call_at: case.call_at,
            variant: case.variant,
        }
    }

    fn full_text(draft: &Draft) -> String {
        format!("{}\n{}", draft.subject, render(draft))
    }

    #[test]
    fn written_drafts_are_concrete() {
        let invoices = invoices();
        for (label, case, channel, lang, draft) in every_draft() {
            if !channel.is_written() {
                continue;
            }
            let text = full_text(&draft);
            let settings = settings(case.belgian);
            let total = case
                .lines
                .iter()
                .map(|&(i, open)| {
                    if case.kind == MessageKind::ThankYou {
                        invoices[i].amount
                    } else {
                        eur(open)
                    }
                })
                .sum::<Decimal>();
            // A text message with costs may give only the amount asked for, which includes them.
            let to_pay = with_input(&case, channel, lang, |input| Facts::new(input).to_pay());
            assert!(
                text.contains(&format_money(total, lang))
                    || (channel == Sms && text.contains(&format_money(to_pay, lang))),
                "{label}: amount missing\n{text}"
            );
            for &(i, _) in case.lines {
                assert!(
                    text.contains(&invoices[i].number),
                    "{label}: invoice number missing\n{text}"
                );
            }
            // A thank-you asks nothing, and the answer to a dispute does not press for payment:
            // neither needs a pay-by date or an account number.
            let asks_payment = !matches!(case.kind, MessageKind::ThankYou | MessageKind::DisputeAcknowledgement);
            if asks_payment {
                let pay_by = with_input(&case, channel, lang, pay_by_date).unwrap();
                assert!(
                    text.contains(&format_date(pay_by, lang)) || text.contains(&format_date_long(pay_by, lang)),
                    "{label}: pay-by date {pay_by} missing\n{text}"
                );
            }
            if asks_payment {
                assert!(text.contains(&settings.business.iban), "{label}: IBAN missing\n{text}");
            }
        }
    }

    #[test]
    fn no_forbidden_words_and_no_formatting_leftovers() {
        for (label, _, _, _, draft) in every_draft() {
            let text = full_text(&draft);
            let lower = text.to_lowercase();
            for word in ["slotaanmaning", "sommatie", "buitengerechtelijk"] {
                assert!(!lower.contains(word), "{label}: contains {word}\n{text}");
            }
            assert!(
                !text.contains('{') && !text.contains('}'),
                "{label}: formatting leftover\n{text}"
            );
        }
    }

    /// Every text message the app writes for a realistic worst case: two invoices with large
    /// amounts, a long business name, costs and interest claimed, in both countries (where the
    /// message exists there) and languages. Each (label, text).
    fn longest_texts() -> Vec<(String, String)> {
        let invoices = invoices();
        let mut out = Vec::new();
        for case in cases() {
            // The free first reminder is Belgian, the 14-day letter Dutch.
            let countries: &[bool] = match case.kind {
                MessageKind::BelgianFirstReminder => &[true],
                MessageKind::FourteenDayLetter => &[false],
                _ => &[false, true],
            };
            for &belgian in countries {
                for lang in Lang::ALL {
                    for costs in [case.costs, Claimed] {
                        let mut settings = settings(belgian);
                        settings.business.name = "Schildersbedrijf Van der Heijden BV".into();
                        let customer = customer_in(case.who, lang, belgian);
                        let paid = case.kind == MessageKind::ThankYou;
                        let spec: [(usize, &str); 2] = if paid {
                            [(3, "0"), (0, "0")]
                        } else {
                            [(3, "12400.00"), (0, "1000.00")]
                        };
                        let mut step = step(
                            &Case {
                                costs,
                                ..case_copy(&case)
                            },
                            Sms,
                            &invoices,
                        );
                        step.invoice_ids = spec.iter().map(|&(i, _)| invoices[i].id.clone()).collect();
                        let lines = spec
                            .iter()
                            .map(|&(i, open)| InvoiceLine {
                                interest: if paid { Decimal::ZERO } else { eur("123.45") },
                                ..InvoiceLine::new(&invoices[i], eur(open))
                            })
                            .collect();
                        let text = draft(&DraftInput::new(&step, &customer, lines, &settings, today())).body;
                        let label = format!("{:?} {} {costs:?} {lang:?} belgian {belgian}", case.kind, case.variant);
                        out.push((label, text));
                    }
                }
            }
        }
        out
    }

    #[test]
    fn text_messages_stay_within_two_parts() {
        let fixtures = every_draft()
            .into_iter()
            .filter(|(_, _, channel, _, _)| *channel == Sms)
            .map(|(label, _, _, _, draft)| {
                assert!(draft.subject.is_empty(), "{label}");
                (label, draft.body)
            });
        let too_long: Vec<String> = fixtures
            .chain(longest_texts())
            .filter(|(_, text)| sms_parts(text) > 2)
            .map(|(label, text)| format!("{label}: {} parts\n{text}", sms_parts(&text)))
            .collect();
        assert!(too_long.is_empty(), "{}", too_long.join("\n\n"));
    }

    #[test]
    fn only_letters_have_letter_blocks() {
        for (label, _, channel, _, draft) in every_draft() {
            assert_eq!(draft.letter.is_some(), channel == Letter, "{label}");
        }
    }

    /// The first case of the table that drafts `kind`.
    fn case_of(kind: MessageKind) -> Case {
        cases().into_iter().find(|c| c.kind == kind).unwrap()
    }

    #[test]
    fn the_fourteen_day_letter_states_principal_costs_and_term() {
        let dates = fourteen_day_letter(today());
        let cases = [
            (
                Lang::Nl,
                "€ 1.500,00",
                "€ 225,00",
                "binnen veertien dagen vanaf de dag nadat deze brief bij u is bezorgd",
                "dan loopt de termijn tot en met",
            ),
            (
                Lang::En,
                "€1,500.00",
                "€225.00",
                "within fourteen days, counting from the day after this letter is delivered to you",
                "the period runs until",
            ),
        ];
        for (lang, principal, costs, term, last_day) in cases {
            for channel in [Letter, Email] {
                let text = full_text(&draft_case(&case_of(MessageKind::FourteenDayLetter), channel, lang));
                let last = format!("{last_day} {}", format_date_long(dates.term_last_day, lang));
                for needle in [principal, costs, term, last.as_str()] {
                    assert!(
                        text.contains(needle),
                        "{lang:?} {channel:?}: {needle:?} missing\n{text}"
                    );
                }
            }
        }
    }

    /// The body of `kind`'s first case drafted on `channel` in Dutch on `day`, for `customer`,
    /// about invoice 0 with `open` still to pay.
    fn body_on(kind: MessageKind, channel: Channel, customer: &Customer, day: &str, open: &str) -> String {
        let invoices = invoices();
        let settings = settings(false);
        let step = step(&case_of(kind), channel, &invoices);
        let lines = vec![InvoiceLine::new(&invoices[0], eur(open))];
        draft(&DraftInput::new(&step, customer, lines, &settings, d(day))).body
    }

    #[test]
    fn a_call_done_in_writing_is_the_letter_the_engine_would_send() {
        let cases = [
            (Action::CallBeforeDue, MessageKind::HeadsUp),
            (Action::CallAfterNoReaction, MessageKind::LastReminder),
            (Action::RetryCall, MessageKind::LastReminder),
            (Action::CallMissedInstalment, MessageKind::InstalmentReminder),
            (Action::ResolveDispute, MessageKind::DisputeAcknowledgement),
            (Action::ProposeMeeting, MessageKind::MeetingRequest),
            (Action::ProposePaymentPlan, MessageKind::PaymentPlanProposal),
        ];
        let invoices = invoices();
        for (action, letter) in cases {
            let call = Step {
                action,
                ..step(&case_of(MessageKind::CallScript), Phone, &invoices)
            };
            assert_eq!(written_kind(&call), letter, "{action:?}");
        }
        let reminder = step(&case_of(MessageKind::SecondReminder), Email, &invoices);
        assert_eq!(written_kind(&reminder), MessageKind::SecondReminder);
    }

    #[test]
    fn drafts_read_right_in_the_details() {
        let person = customer(Who::Business, Lang::Nl);
        let mut company = person.clone();
        company.contact_person.clear();
        // (label, kind, channel, customer, day, open amount, present, absent)
        type Row<'a> = (
            &'a str,
            MessageKind,
            Channel,
            &'a Customer,
            &'a str,
            &'a str,
            &'a [&'a str],
            &'a [&'a str],
        );
        #[rustfmt::skip]
        let table: [Row; 9] = [
            ("a contact person is greeted by name", MessageKind::SecondReminder, Email, &person, "2026-11-23", "1000.00",
                &["Beste Petra Jansen,"], &["Geachte heer, mevrouw"]),
            ("a company without a contact person gets the formal salutation", MessageKind::SecondReminder, Email, &company, "2026-11-23", "1000.00",
                &["Geachte heer, mevrouw,"], &["Restaurant De Linde,"]),
            ("a text to a company without a contact person greets it plainly", MessageKind::SecondReminder, Sms, &company, "2026-11-23", "1000.00",
                &["Goedendag, "], &["Beste Restaurant De Linde"]),
            ("a text to a contact person greets them by name", MessageKind::SecondReminder, Sms, &person, "2026-11-23", "1000.00",
                &["Beste Petra Jansen, "], &["Goedendag"]),
            ("the call asks for whoever handles the invoices", MessageKind::CallScript, Phone, &company, "2026-11-23", "1000.00",
                &["Mag ik iemand spreken die over de facturen van Restaurant De Linde gaat?"], &["Spreek ik Restaurant De Linde?"]),
            ("the call asks for the contact person", MessageKind::CallScript, Phone, &person, "2026-11-23", "1000.00",
                &["Spreek ik Petra Jansen?"], &["Mag ik iemand spreken"]),
            ("a notice sent on a Friday gives until Monday, and the hand-over follows on Tuesday", MessageKind::HandOverNotice, Email, &person, "2026-11-27", "1000.00",
                &["uiterlijk op 30 november 2026", "draag ik de vordering op 1 december 2026 over"], &["28 november 2026", "vandaag"]),
            ("the hand-over text names the working day, not 'tomorrow'", MessageKind::HandOverNotice, Sms, &person, "2026-11-27", "1000.00",
                &["Anders gaat het op 01-12-2026 naar incassobureau Van Dam & Partners."], &["Morgen"]),
            ("plan parts that do not divide evenly name the last one", MessageKind::PaymentPlanProposal, Sms, &person, "2026-11-23", "800.00",
                &["3 maandtermijnen van € 266,66 (de laatste € 266,68)"], &["ongeveer"]),
        ];
        for (label, kind, channel, customer, day, open, present, absent) in table {
            let body = body_on(kind, channel, customer, day, open);
            for needle in present {
                assert!(body.contains(needle), "{label}: {needle:?} missing\n{body}");
            }
            for needle in absent {
                assert!(!body.contains(needle), "{label}: {needle:?} present\n{body}");
            }
        }
    }

    /// The body of the draft for `case` on `channel`, with `costs`, for `customer`, about
    /// `lines` of [`invoices`] as (index, open amount).
    fn body_with_costs(
        case: &Case,
        costs: CostsClaim,
        channel: Channel,
        customer: &Customer,
        settings: &Settings,
        lines: &[(usize, &str)],
    ) -> String {
        let invoices = invoices();
        let step = step(&Case { costs, ..*case }, channel, &invoices);
        let lines = lines
            .iter()
            .map(|&(i, open)| InvoiceLine::new(&invoices[i], eur(open)))
            .collect();
        draft(&DraftInput::new(&step, customer, lines, settings, today())).body
    }

    /// The body of the draft for `case` on `channel` about one invoice with 1,000 open and
    /// `interest` owed to date, as the composer looks it up.
    fn body_with_claims(
        case: &Case,
        costs: CostsClaim,
        channel: Channel,
        customer: &Customer,
        settings: &Settings,
        interest: &str,
    ) -> String {
        let invoices = invoices();
        let step = step(
            &Case {
                costs,
                ..case_copy(case)
            },
            channel,
            &invoices,
        );
        let line = InvoiceLine {
            interest: eur(interest),
            ..InvoiceLine::new(&invoices[0], eur("1000.00"))
        };
        draft(&DraftInput::new(&step, customer, vec![line], settings, today())).body
    }

    #[test]
    fn costs_follow_the_step_and_the_settings() {
        // (costs claim, claim collection costs, claim interest, expected fragments, absent fragments)
        #[rustfmt::skip]
        let table: [CostsRow; 6] = [
            (Claimed, true, true, &["€ 150,00 incassokosten", "wettelijke handelsrente", "Ik verzoek u € 1.150,00"], &[]),
            (Claimed, true, false, &["€ 150,00 incassokosten", "Ik verzoek u € 1.150,00"], &["rente"]),
            (Claimed, false, true, &["wettelijke handelsrente", "Ik verzoek u € 1.000,00"], &["incassokosten in rekening"]),
            (Claimed, false, false, &["Ik verzoek u € 1.000,00"], &["incassokosten in rekening", "rente"]),
            (Announced, true, false, &["Betaalt u niet op tijd, dan moet u ook € 150,00 incassokosten betalen.", "Ik verzoek u € 1.000,00"], &["€ 1.150,00"]),
            (CostsClaim::None, true, true, &["Ik verzoek u € 1.000,00"], &["incassokosten in rekening", "rente"]),
        ];
        let customer = customer(Who::Business, Lang::Nl);
        for (claim, collection, interest, present, absent) in table {
            let mut settings = settings(false);
            settings.claim_collection_costs = collection;
            settings.claim_interest = interest;
            let case = case_of(MessageKind::LastReminder);
            let text = body_with_costs(&case, claim, Letter, &customer, &settings, &[(0, "1000.00")]);
            for needle in present {
                assert!(
                    text.contains(needle),
                    "{claim:?} {collection} {interest}: {needle:?} missing\n{text}"
                );
            }
            for needle in absent {
                assert!(
                    !text.contains(needle),
                    "{claim:?} {collection} {interest}: {needle:?} present\n{text}"
                );
            }
        }
    }

    #[test]
    fn vat_on_the_costs_says_it_cannot_be_reclaimed() {
        let mut settings = settings(false);
        settings.vat_on_collection_costs = true;
        let case = case_of(MessageKind::LastReminder);
        for (lang, needle) in [
            (
                Lang::Nl,
                "€ 181,50 incassokosten in rekening (inclusief € 31,50 btw, die ik niet kan terugvragen)",
            ),
            (Lang::En, "(including €31.50 VAT, which I cannot reclaim)"),
        ] {
            let customer = customer(Who::Business, lang);
            let text = body_with_costs(&case, Claimed, Letter, &customer, &settings, &[(0, "1000.00")]);
            assert!(text.contains(needle), "{needle:?} missing\n{text}");
        }
    }

    #[test]
    fn a_plan_confirmation_names_the_costs_it_sets_aside() {
        #[rustfmt::skip]
        let table: [SetAsideRow; 7] = [
            (Who::Business, false, Claimed, true, true, &["dan vraag ik de incassokosten van € 150,00 niet. Intussen blijft de wettelijke handelsrente lopen over wat openstaat.", "Deze regeling vervalt als een termijn twee dagen na de datum van de volgende termijn nog niet is betaald. In dat geval vraag ik het volledige openstaande bedrag in één keer, met de incassokosten en de rente."], &["geen extra kosten", "hele bedrag", "handelsrente niet"]),
            (Who::Business, false, Claimed, false, true, &["Intussen blijft de wettelijke handelsrente lopen over wat openstaat.", "met de rente."], &["incassokosten", "handelsrente niet"]),
            (Who::Business, false, Claimed, false, false, &["reken ik geen extra kosten"], &["incassokosten", "rente"]),
            (Who::Consumer, false, Announced, true, true, &["dan vraag ik de incassokosten van € 150,00 en de wettelijke rente niet"], &["handelsrente"]),
            (Who::Business, true, Claimed, true, true, &["dan vraag ik de forfaitaire vergoeding van € 40,00 niet. Intussen blijft de verwijlinterest volgens de wet van 2 augustus 2002 lopen", "met de forfaitaire vergoeding en de verwijlinterest."], &["incassokosten", "rente", "wettelijke"]),
            (Who::Consumer, true, Claimed, true, true, &["dan vraag ik de schadevergoeding van € "], &["interest", "rente"]),
            (Who::Business, false, CostsClaim::None, true, true, &["reken ik geen extra kosten"], &["incassokosten", "rente"]),
        ];
        let case = case_of(MessageKind::PaymentPlanConfirmation);
        // The plan lapses when the engine stops waiting: the last instalment, due 1 February
        // 2027, is given a pay-by term and the grace after a promise.
        let last = crate::domain::engine::plan_lapses_on(
            &[Instalment {
                date: d("2027-02-01"),
                amount: eur("500.00"),
            }],
            0,
            &settings(false),
        );
        assert_eq!(last, Some(d("2027-02-10")));
        let text = draft_case(&case, Letter, Lang::Nl).body;
        let rule = "Betaalt u een termijn niet op tijd, dan neem ik contact met u op. Deze regeling vervalt als \
                    een termijn twee dagen na de datum van de volgende termijn nog niet is betaald, of als de \
                    laatste termijn op 10 februari 2027 nog niet is betaald.";
        assert!(text.contains(rule), "{text}");
        // With the interest to date looked up, the confirmation names the amount it waives: a
        // consumer's interest waits while the plan is kept.
        let customer = customer_in(Who::Consumer, Lang::Nl, false);
        let text = body_with_claims(&case, Claimed, Email, &customer, &settings(false), "19.47");
        let named = "de incassokosten van € 150,00 en de wettelijke rente (€ 19,47 tot en met 23 november 2026) niet";
        assert!(text.contains(named), "{text}");
        for (who, belgian, claim, collection, interest, present, absent) in table {
            let mut settings = settings(belgian);
            settings.claim_collection_costs = collection;
            settings.claim_interest = interest;
            let customer = customer_in(who, Lang::Nl, belgian);
            let text = body_with_costs(&case, claim, Email, &customer, &settings, &[(0, "1000.00")]);
            for needle in present {
                assert!(text.contains(needle), "{claim:?} {belgian}: {needle:?} missing\n{text}");
            }
            for needle in absent {
                assert!(
                    !text.contains(needle),
                    "{claim:?} {belgian}: {needle:?} present\n{text}"
                );
            }
        }
    }

    #[test]
    fn friendly_drafts_never_mention_costs_even_if_the_step_claims_them() {
        let invoices = invoices();
        let settings = settings(false);
        for kind in [
            MessageKind::HeadsUp,
            MessageKind::FirstReminder,
            MessageKind::BelgianFirstReminder,
            MessageKind::DisputeAcknowledgement,
            MessageKind::PaymentPlanProposal,
            MessageKind::ThankYou,
        ] {
            for lang in Lang::ALL {
                let customer = customer(Who::Business, lang);
                let case = Case {
                    kind,
                    costs: Claimed,
                    ..case_copy(&cases()[0])
                };
                let step = step(&case, Email, &invoices);
                let input = DraftInput::new(
                    &step,
                    &customer,
                    vec![InvoiceLine::new(&invoices[0], eur("1000.00"))],
                    &settings,
                    today(),
                );
                let text = draft(&input).body.to_lowercase();
                for word in [
                    "incassokosten",
                    "collection costs",
                    "€ 150,00",
                    "€150.00",
                    "handelsrente",
                    "commercial interest",
                ] {
                    assert!(!text.contains(word), "{kind:?} {lang:?}: {word}\n{text}");
                }
            }
        }
    }

    /// A customer whose name has a letter the GSM alphabet lacks still gets a text of two parts,
    /// not a UCS-2 one of five.
    #[test]
    fn a_text_message_to_a_name_with_accents_stays_in_two_parts() {
        let mut customer = customer_in(Who::Business, Lang::Nl, false);
        customer.contact_person = "Daniëlle Noël".into();
        customer.name = "Café Zoë".into();
        let settings = settings(false);
        let text = body_with_costs(
            &case_of(MessageKind::LastReminder),
            Claimed,
            Sms,
            &customer,
            &settings,
            &[(3, "12400.00"), (0, "1000.00")],
        );
        assert!(text.contains("Danielle Noel"), "{text}");
        assert!(sms_parts(&text) <= 2, "{} parts\n{text}", sms_parts(&text));
    }

    /// A text message that asks for more than the invoice says how much of it is costs, and a
    /// hand-over text does not announce costs that are already in its amount.
    #[test]
    fn a_text_message_with_costs_names_them() {
        let table = [
            (
                MessageKind::LastReminder,
                false,
                Lang::Nl,
                "Betaal € 1.150,00 (incl. € 150,00 incassokosten) uiterlijk",
            ),
            (
                MessageKind::HandOverNotice,
                false,
                Lang::En,
                "Pay €1,150.00 (incl. €150.00 collection costs) by",
            ),
            (
                MessageKind::LastReminder,
                true,
                Lang::Nl,
                "Betaal € 1.040,00 (incl. € 40,00 forfaitaire vergoeding) uiterlijk",
            ),
        ];
        for (kind, belgian, lang, expected) in table {
            let settings = settings(belgian);
            let customer = customer_in(Who::Business, lang, belgian);
            let text = body_with_costs(&case_of(kind), Claimed, Sms, &customer, &settings, &[(0, "1000.00")]);
            assert!(text.contains(expected), "{kind:?}: {expected} missing\n{text}");
            assert!(
                !text.contains("kosten bij") && !text.contains("costs will be added"),
                "{text}"
            );
        }
    }

    /// Where a draft claims interest that is due, it states the amount to date and asks for it
    /// with the rest, so the letter asks what the invoice page claims.
    #[test]
    fn interest_due_is_stated_and_asked_for() {
        #[rustfmt::skip]
        let table: [InterestRow; 6] = [
            (MessageKind::LastReminder, false, true, Letter, Lang::Nl, &["de wettelijke handelsrente over de tijd dat de betaling te laat is: € 12,34 tot en met 23 november 2026.", "Ik verzoek u € 1.162,34 uiterlijk"], &[]),
            (MessageKind::LastReminder, true, true, Letter, Lang::Nl, &["de verwijlinterest volgens de wet van 2 augustus 2002 over de tijd dat de betaling te laat is: € 12,34 tot en met 23 november 2026.", "Ik verzoek u € 1.052,34 uiterlijk"], &[]),
            (MessageKind::HandOverNotice, false, true, Email, Lang::En, &["statutory commercial interest for the time the payment is late: €12.34 up to and including 23 November 2026.", "Transfer €1,162.34"], &[]),
            (MessageKind::HandOverNotice, false, true, Sms, Lang::Nl, &["€ 1.162,34 (incl. € 162,34 incassokosten en rente)"], &[]),
            (MessageKind::LastReminder, false, false, Letter, Lang::Nl, &["Ik verzoek u € 1.150,00 uiterlijk"], &["rente", "12,34"]),
            // Announced costs are not due yet, and neither is a sum with interest in it.
            (MessageKind::FourteenDayLetter, false, true, Letter, Lang::Nl, &["€ 1.000,00"], &["12,34", "1.012,34"]),
        ];
        for (kind, belgian, claim_interest, channel, lang, present, absent) in table {
            let mut settings = settings(belgian);
            settings.claim_interest = claim_interest;
            let case = case_of(kind);
            let who = if kind == MessageKind::FourteenDayLetter {
                Who::Consumer
            } else {
                Who::Business
            };
            let customer = customer_in(who, lang, belgian);
            let costs = if kind == MessageKind::FourteenDayLetter {
                Announced
            } else {
                Claimed
            };
            let text = body_with_claims(&case, costs, channel, &customer, &settings, "12.34");
            for needle in present {
                assert!(text.contains(needle), "{kind:?} {belgian}: {needle:?} missing\n{text}");
            }
            for needle in absent {
                assert!(!text.contains(needle), "{kind:?} {belgian}: {needle:?} present\n{text}");
            }
        }
    }

    /// The composer's lines carry the claim's interest, so a last reminder asks for exactly the
    /// total the invoice page shows: principal, costs and interest to date.
    #[test]
    fn a_last_reminder_asks_what_the_invoice_page_claims() {
        let invoices = invoices();
        for belgian in [false, true] {
            let settings = settings(belgian);
            let customer = customer_in(Who::Business, Lang::Nl, belgian);
            let case = Case {
                costs: Claimed,
                ..case_of(MessageKind::LastReminder)
            };
            let step = step(&case, Letter, &invoices);
            let lines = vec![InvoiceLine::from_events(&invoices[0], &[])];
            let lines = with_claims(lines, &customer, &[], &invoices, &settings, today());
            let claimed = claim::claim(&invoices[0], &customer, &[], &invoices, &settings, today());
            assert!(claimed.interest.is_some_and(|interest| interest.total > Decimal::ZERO));
            assert!(claimed.costs.is_some());
            let text = draft(&DraftInput::new(&step, &customer, lines, &settings, today())).body;
            let asked = format!("Ik verzoek u {} uiterlijk", format_money(claimed.total, Lang::Nl));
            assert!(text.contains(&asked), "{belgian}: {asked:?} missing\n{text}");
        }
    }

    /// A case name, whether Belgian, the invoices and their dossier, the day, the message
    /// drafted and the costs it asks.
    type DueCostsRow = (
        &'static str,
        bool,
        Vec<Invoice>,
        Vec<Event>,
        NaiveDate,
        MessageKind,
        &'static str,
    );

    /// A draft that claims costs already due asks what the pages of its invoices claim,
    /// however the invoices came together in it: two Belgian invoices in one letter (each
    /// capped on its own amount), a Dutch consumer's two 14-day letters handed over together
    /// (EUR 40 each), and one invoice of a letter whose other invoice was paid (its share of
    /// the EUR 40 on the letter's sum).
    #[test]
    fn costs_due_are_what_the_invoice_pages_claim() {
        use CostsClaim::Claimed;
        let on = |y, m, dd| crate::domain::testing::ymd(y, m, dd);
        let invoice = |id: &str, due: NaiveDate| Invoice {
            id: InvoiceId::from(id),
            number: format!("2026-{id}"),
            customer_id: CustomerId::from("c1"),
            issue_date: due - chrono::Days::new(30),
            due_date: due,
            amount: eur("100.00"),
            currency: "EUR".into(),
            description: String::new(),
        };
        let event = |ids: &[&str], date: NaiveDate, kind: EventKind| Event {
            id: EventId::from(format!("{date}{ids:?}").as_str()),
            invoice_ids: ids.iter().map(|&id| InvoiceId::from(id)).collect(),
            customer_id: CustomerId::from("c1"),
            date,
            channel: Channel::Email,
            kind,
        };
        let sent = |ids: &[&str], date, message| event(ids, date, crate::domain::testing::sent_message(message));
        let paid = |id: &str, date| {
            let kind = EventKind::PaymentReceived {
                amount: eur("100.00"),
                note: String::new(),
            };
            event(&[id], date, kind)
        };
        let letter_term = fourteen_day_letter(on(2026, 4, 1)).costs_from;
        #[rustfmt::skip]
        let table: [DueCostsRow; 3] = [
            ("two Belgian invoices", true,
             vec![invoice("a", on(2026, 3, 2)), invoice("b", on(2026, 3, 2))],
             vec![sent(&["a", "b"], on(2026, 3, 3), MessageKind::BelgianFirstReminder), sent(&["a", "b"], on(2026, 3, 16), MessageKind::SecondReminder)],
             on(2026, 4, 1), MessageKind::LastReminder, "40.00"),
            ("two letters handed over together", false,
             vec![invoice("a", on(2026, 3, 2)), invoice("c", on(2026, 4, 10))],
             vec![sent(&["a"], on(2026, 3, 3), MessageKind::FirstReminder), sent(&["a"], on(2026, 3, 16), MessageKind::SecondReminder), sent(&["a"], on(2026, 4, 1), MessageKind::FourteenDayLetter),
                  sent(&["c"], on(2026, 4, 11), MessageKind::FirstReminder), sent(&["c"], on(2026, 4, 24), MessageKind::SecondReminder), sent(&["c"], on(2026, 5, 11), MessageKind::FourteenDayLetter)],
             on(2026, 6, 3), MessageKind::HandOverNotice, "80.00"),
            ("one invoice of a letter about two", false,
             vec![invoice("a", on(2026, 3, 2)), invoice("b", on(2026, 3, 2))],
             vec![sent(&["a", "b"], on(2026, 3, 3), MessageKind::FirstReminder), sent(&["a", "b"], on(2026, 3, 16), MessageKind::SecondReminder),
                  sent(&["a", "b"], on(2026, 4, 1), MessageKind::FourteenDayLetter), paid("b", letter_term)],
             letter_term + chrono::Days::new(1), MessageKind::HandOverNotice, "20.00"),
        ];
        for (name, belgian, invoices, events, day, message, expected) in table {
            let mut settings = settings(belgian);
            settings.claim_interest = false;
            let customer = customer_in(Who::Consumer, Lang::Nl, belgian);
            let queue = today_queue(&invoices, std::slice::from_ref(&customer), &events, &settings, day);
            let step = queue
                .iter()
                .find(|s| s.message == message)
                .unwrap_or_else(|| panic!("{name}: {queue:#?}"));
            assert_eq!(step.costs, Claimed, "{name}");
            let refs: Vec<&Event> = events.iter().collect();
            let lines = step
                .invoice_ids
                .iter()
                .filter_map(|id| invoices.iter().find(|i| &i.id == id))
                .map(|i| InvoiceLine::from_events(i, &refs))
                .collect();
            let pages = step
                .invoice_ids
                .iter()
                .filter_map(|id| invoices.iter().find(|i| &i.id == id))
                .filter_map(|i| claim::claim(i, &customer, &refs, &invoices, &settings, day).costs)
                .fold(Decimal::ZERO, |sum, costs| sum + costs.amount());
            let input = DraftInput::new(
                step,
                &customer,
                with_claims(lines, &customer, &refs, &invoices, &settings, day),
                &settings,
                day,
            );
            let fee = costs(&input, Decimal::ZERO).and_then(|c| c.fee).map(|fee| fee.amount);
            assert_eq!(pages, eur(expected), "{name}: the pages");
            assert_eq!(fee, Some(pages), "{name}: the draft");
        }
    }

    /// The meeting comes after the last reminder: both its request and its call script ask for
    /// the costs that reminder claimed (on 12,400: 2,500 x 15% + 2,500 x 10% + 5,000 x 5% +
    /// 2,400 x 1% = 899).
    #[test]
    fn the_meeting_keeps_the_costs_already_claimed() {
        let settings = settings(false);
        let customer = customer_in(Who::Business, Lang::Nl, false);
        let cases = cases();
        let meetings = cases.iter().filter(|c| c.action == Action::ProposeMeeting);
        let mut seen = 0;
        for case in meetings {
            let text = body_with_costs(
                case,
                Claimed,
                case.channels[0],
                &customer,
                &settings,
                &[(3, "12400.00")],
            );
            assert!(
                text.contains("€ 13.299,00"),
                "{:?}: the amount with costs is missing\n{text}",
                case.kind
            );
            if case.kind == MessageKind::MeetingRequest {
                // The costs are explained before the amount that includes them, and the amount
                // says what it is made of.
                let explained = text.find("breng ik € 899,00 incassokosten in rekening");
                let asked = text.find("Maak dan € 13.299,00 (€ 12.400,00 plus € 899,00 incassokosten) uiterlijk");
                assert!(explained.is_some() && asked.is_some() && explained < asked, "{text}");
            } else {
                // The plan the call may offer covers the principal only.
                assert!(
                    text.contains(
                        "(samen de hoofdsom; de incassokosten vraag je niet zolang de klant zich aan de regeling houdt, \
                         de rente loopt door)"
                    ),
                    "{text}"
                );
            }
            seen += 1;
        }
        assert_eq!(seen, 2, "the written request and the call script");
        let agenda = body_with_costs(
            &case_of(MessageKind::MeetingRequest),
            Claimed,
            InPerson,
            &customer,
            &settings,
            &[(3, "12400.00")],
        );
        assert!(
            agenda.contains(
                "(samen de hoofdsom; de incassokosten vraag je niet zolang de klant zich aan de regeling houdt, de \
                 rente loopt door)"
            ),
            "{agenda}"
        );
    }

    /// A meeting agenda is the user's, like a call script's guidance: in the user's language,
    /// speaking to the user as "je", whatever language the customer reads.
    #[test]
    fn a_meeting_agenda_is_in_the_users_language() {
        let case = case_of(MessageKind::MeetingRequest);
        let english_customer = customer(Who::Business, Lang::En);
        let invoices = invoices();
        let settings = settings(false);
        let step = step(&case, InPerson, &invoices);
        let lines = vec![InvoiceLine::new(&invoices[3], eur("12400.00"))];
        let agenda = draft(&DraftInput::new(&step, &english_customer, lines, &settings, today()).for_user(Lang::Nl));
        assert!(agenda.subject.starts_with("Gespreksagenda"), "{}", agenda.subject);
        for needle in [
            "Een duidelijke afspraak over de betaling van € 12.400,00.",
            "wat je wanneer hebt gestuurd",
            "luister voordat je oordeelt",
            "Zeg dat je ervan uitgaat",
        ] {
            assert!(agenda.body.contains(needle), "{needle:?} missing\n{}", agenda.body);
        }
        assert!(!agenda.body.contains(" u "), "{}", agenda.body);
    }

    /// Two late invoices of 150 and 120: a business owes the costs of each (EUR 40 each, as
    /// each invoice page shows), a consumer's costs are on the sum (15% of 270).
    #[test]
    fn dutch_costs_for_several_invoices_are_per_invoice_for_a_business_and_on_the_sum_for_a_consumer() {
        let settings = settings(false);
        let table = [
            (Who::Business, MessageKind::LastReminder, "€ 80,00"),
            (Who::Consumer, MessageKind::FourteenDayLetter, "€ 40,50"),
        ];
        for (who, kind, fee) in table {
            let customer = customer_in(who, Lang::Nl, false);
            let costs = if kind == MessageKind::FourteenDayLetter {
                Announced
            } else {
                Claimed
            };
            let lines = [(0, "150.00"), (1, "120.00")];
            let text = body_with_costs(&case_of(kind), costs, Letter, &customer, &settings, &lines);
            assert!(
                text.contains(&format!("{fee} incassokosten")),
                "{who:?}: {fee} missing\n{text}"
            );
        }
    }

    #[test]
    fn belgian_costs_are_the_flat_fee_for_businesses_and_the_cap_for_consumers() {
        let settings = settings(true);
        // (who, expected fee, interest claimed): EUR 40 per late invoice; the consumer cap on
        // 1,000 is 65 + 5% of 500. A consumer's letter claims no interest: the app has no rate
        // for Belgian consumers, and the invoice page says so.
        let table = [(Who::Business, "€ 40,00", true), (Who::Consumer, "€ 90,00", false)];
        for (who, fee, interest) in table {
            let customer = customer_in(who, Lang::Nl, true);
            for kind in [MessageKind::LastReminder, MessageKind::HandOverNotice] {
                let text = body_with_costs(&case_of(kind), Claimed, Letter, &customer, &settings, &[(0, "1000.00")]);
                assert!(text.contains(fee), "{kind:?}: {fee} missing\n{text}");
                let names_interest = text.contains("interest") || text.contains("rente");
                assert_eq!(names_interest, interest, "{who:?} {kind:?}\n{text}");
            }
        }
    }

    #[test]
    fn the_belgian_first_reminder_is_free_and_says_from_when_costs_may_follow() {
        let case = case_of(MessageKind::BelgianFirstReminder);
        // Sent by email on Monday 23 November: the term runs from the working day after, the
        // 24th, so costs from 9 December. By letter: the third working day is the 26th, so costs
        // from 11 December.
        // It asks for payment by the term's last day, never before it.
        #[rustfmt::skip]
        let table = [
            (Email, Lang::Nl, "gratis", "9 december 2026", "uiterlijk op 8 december 2026"),
            (Email, Lang::En, "free of charge", "9 December 2026", "by 8 December 2026"),
            (Letter, Lang::Nl, "gratis", "11 december 2026", "uiterlijk op 10 december 2026"),
            (Letter, Lang::En, "free of charge", "11 December 2026", "by 10 December 2026"),
        ];
        for (channel, lang, free, from, pay_by) in table {
            let text = full_text(&draft_case(&case, channel, lang));
            assert!(
                text.contains(free) && text.contains(from) && text.contains(pay_by),
                "{channel:?} {lang:?}\n{text}"
            );
        }
        // Two invoices: the most is each one's cap added up (€ 65 + 5% above € 500 for the
        // € 1.000, € 30 + 10% above € 150 for the € 500), as the later letters charge them,
        // not the cap on their sum (€ 115).
        let two = Case {
            lines: &[(0, "1000.00"), (1, "500.00")],
            ..case
        };
        let text = draft_case(&two, Email, Lang::Nl).body;
        assert!(text.contains("ten hoogste € 155,00"), "{text}");
    }

    #[test]
    fn without_a_damages_clause_no_draft_to_a_belgian_consumer_mentions_damages() {
        let invoices = invoices();
        // Each of these names the damages, or when they may start, only under the clause.
        let table = [
            (MessageKind::BelgianFirstReminder, Email),
            (MessageKind::LastReminder, Letter),
            (MessageKind::HandOverNotice, Email),
        ];
        for (kind, channel) in table {
            let case = Case {
                belgian: true,
                who: Who::Consumer,
                costs: CostsClaim::Claimed,
                ..case_of(kind)
            };
            let customer = customer_in(Who::Consumer, Lang::Nl, true);
            let step = step(&case, channel, &invoices);
            for clause in [false, true] {
                let mut settings = settings(true);
                settings.consumer_damages_clause = clause;
                let lines = case
                    .lines
                    .iter()
                    .map(|&(i, open)| InvoiceLine::new(&invoices[i], eur(open)))
                    .collect();
                let text = full_text(&draft(&DraftInput::new(&step, &customer, lines, &settings, today())));
                assert_eq!(
                    text.contains("schadevergoeding"),
                    clause,
                    "{kind:?} clause {clause}\n{text}"
                );
            }
        }
    }

    #[test]
    fn the_pay_by_date_follows_the_kind_of_draft() {
        let invoices = invoices();
        let settings = settings(false);
        let customer = customer(Who::Business, Lang::Nl);
        // (kind, action, channel, instalment, promise, invoice index, expected pay-by); today is
        // Monday 23 November 2026 and the pay-by term is 7 days.
        #[rustfmt::skip]
        let table: [PayByRow; 13] = [
            (MessageKind::FirstReminder, Action::FirstReminder, Email, None, None, 0, Some("2026-11-30")),
            (MessageKind::HeadsUp, Action::HeadsUp, Email, None, None, 2, Some("2026-11-26")),
            (MessageKind::CallScript, Action::CallBeforeDue, Phone, None, None, 2, Some("2026-11-26")),
            (MessageKind::FourteenDayLetter, Action::FourteenDayLetter, Letter, None, None, 0, Some("2026-12-09")),
            (MessageKind::HandOverNotice, Action::HandOver, Email, None, None, 0, Some("2026-11-24")),
            (MessageKind::HandOverNotice, Action::HandOver, Letter, None, None, 0, Some("2026-11-30")),
            (MessageKind::InstalmentReminder, Action::RemindInstalment, Email, Some(("250", "2026-11-27")), None, 0, Some("2026-11-27")),
            (MessageKind::InstalmentReminder, Action::RemindInstalment, Email, Some(("250", "2026-11-20")), None, 0, Some("2026-11-30")),
            (MessageKind::CallConfirmation, Action::ConfirmAgreement, Email, None, Some(("1000", "2026-11-25")), 0, Some("2026-11-25")),
            (MessageKind::CallConfirmation, Action::ConfirmAgreement, Email, None, None, 0, Some("2026-11-30")),
            (MessageKind::CallConfirmation, Action::ConfirmAgreement, Email, None, None, 2, Some("2026-11-26")),
            (MessageKind::DisputeAcknowledgement, Action::ResolveDispute, Email, None, None, 0, None),
            (MessageKind::ThankYou, Action::ThankYou, Email, None, None, 0, None),
        ];
        for (kind, action, channel, instalment, promise, index, expected) in table {
            let case = Case {
                kind,
                action,
                instalment,
                promise,
                ..case_copy(&cases()[0])
            };
            let step = step(&case, channel, &invoices);
            let input = DraftInput::new(
                &step,
                &customer,
                vec![InvoiceLine::new(&invoices[index], eur("100"))],
                &settings,
                today(),
            );
            assert_eq!(pay_by_date(&input), expected.map(d), "{kind:?} {action:?} {channel:?}");
        }
    }

    #[test]
    fn a_late_call_confirmation_names_the_term_from_the_call() {
        let invoices = invoices();
        let settings = settings(false);
        let customer = customer(Who::Business, Lang::Nl);
        let case = case_of(MessageKind::CallConfirmation);
        // (the day of the call, invoice index, expected pay-by); drafted on Monday 23 November
        // 2026 with a pay-by term of 7 days.
        #[rustfmt::skip]
        let table = [
            // Five days after the call: the week from the call, not a new week from today.
            ("2026-11-18", 0, "2026-11-25"),
            // On the term's last day: that day, never one already past.
            ("2026-11-16", 0, "2026-11-23"),
            // A call before the due date: the due date itself.
            ("2026-11-20", 2, "2026-11-26"),
        ];
        for (talked, index, expected) in table {
            let mut step = step(&case, Email, &invoices);
            step.promise = None;
            step.talked_on = Some(d(talked));
            let input = DraftInput::new(
                &step,
                &customer,
                vec![InvoiceLine::new(&invoices[index], eur("100"))],
                &settings,
                today(),
            );
            assert_eq!(pay_by_date(&input), Some(d(expected)), "call on {talked}");
        }
    }

    #[test]
    fn a_call_before_the_due_date_is_confirmed_as_a_courtesy() {
        let invoices = invoices();
        let settings = settings(false);
        let customer = customer(Who::Business, Lang::Nl);
        let case = case_of(MessageKind::CallConfirmation);
        // (invoice index, overdue at the call on 20 November 2026)
        for (index, overdue) in [(0, true), (2, false)] {
            let mut step = step(&case, Email, &invoices);
            step.talked_on = Some(d("2026-11-20"));
            let input = DraftInput::new(
                &step,
                &customer,
                vec![InvoiceLine::new(&invoices[index], eur("100"))],
                &settings,
                today(),
            );
            let body = draft(&input).body;
            // "weer soepel" tells a customer who was never late that they were.
            assert_eq!(body.contains("weer soepel"), overdue, "{body}");
            assert_eq!(body.contains("samen hebben kunnen regelen"), overdue, "{body}");
            assert_eq!(body.contains("even hebben kunnen doornemen"), !overdue, "{body}");
        }
    }

    #[test]
    fn a_hand_over_notice_keeps_its_planned_day_and_a_working_day() {
        let invoices = invoices();
        let settings = settings(false);
        let customer = customer(Who::Business, Lang::Nl);
        let case = case_of(MessageKind::HandOverNotice);
        // (the step's planned day, the day it is drafted, expected pay-by, "vandaag" in the text)
        #[rustfmt::skip]
        let table = [
            // Drafted early, on Monday, for Thursday: the last chance follows that Thursday.
            ("2026-11-26", "2026-11-23", "2026-11-27", false),
            // Due on Saturday and drafted then: the last chance is Monday.
            ("2026-11-28", "2026-11-28", "2026-11-30", false),
            // Drafted on a weekday it is due: never "pay today", but the next working day.
            ("2026-11-23", "2026-11-23", "2026-11-24", false),
        ];
        for (planned, drafted, expected, says_today) in table {
            let mut step = step(&case, Email, &invoices);
            step.due = d(planned);
            let input = DraftInput::new(
                &step,
                &customer,
                vec![InvoiceLine::new(&invoices[0], eur("100"))],
                &settings,
                d(drafted),
            );
            assert_eq!(pay_by_date(&input), Some(d(expected)), "{planned} {drafted}");
            let text = draft(&input).body;
            assert_eq!(text.contains("vandaag"), says_today, "{planned} {drafted}\n{text}");
        }
    }

    #[test]
    fn a_proposed_plan_adds_up() {
        let table = [
            ("1500.00", vec!["500.00", "500.00", "500.00"]),
            ("100.00", vec!["33.33", "33.33", "33.34"]),
            ("0.02", vec!["0.02"]),
            ("0", vec!["0"]),
        ];
        for (total, parts) in table {
            let plan = proposed_plan(eur(total), d("2026-11-30"));
            let amounts: Vec<Decimal> = plan.iter().map(|i| i.amount).collect();
            assert_eq!(amounts, parts.iter().map(|p| eur(p)).collect::<Vec<_>>(), "{total}");
            assert_eq!(amounts.iter().sum::<Decimal>(), eur(total));
        }
        let dates: Vec<NaiveDate> = proposed_plan(eur("90"), d("2027-01-31"))
            .iter()
            .map(|i| i.date)
            .collect();
        assert_eq!(dates, vec![d("2027-01-31"), d("2027-02-28"), d("2027-03-31")]);
    }

    #[test]
    fn missing_settings_show_as_bracketed_placeholders() {
        let invoices = invoices();
        let settings = Settings::default();
        let customer = Customer::new(CustomerId::from("c1"), "");
        let case = case_copy(&cases()[1]);
        for lang in Lang::ALL {
            let step = step(&case, Email, &invoices);
            let mut input = DraftInput::new(
                &step,
                &customer,
                vec![InvoiceLine::new(&invoices[0], eur("1000"))],
                &settings,
                today(),
            );
            input.lang = lang;
            let text = full_text(&draft(&input));
            let (business, iban, greeting) = match lang {
                Lang::Nl => ("[uw bedrijfsnaam]", "[uw IBAN]", "Geachte heer, mevrouw,"),
                Lang::En => ("[your business name]", "[your IBAN]", "Dear Sir or Madam,"),
            };
            for needle in [business, iban, greeting] {
                assert!(text.contains(needle), "{lang:?}: {needle} missing\n{text}");
            }
            assert!(has_placeholder(&text), "{lang:?}");
        }
        // With the details filled in, no placeholder is left in any draft, but for what only
        // the user knows: what was agreed without a promise.
        for case in cases() {
            for &channel in case.channels {
                for lang in Lang::ALL {
                    let text = full_text(&draft_case(&case, channel, lang));
                    let text = text.replace(text::placeholder_agreement(lang), "");
                    assert!(!has_placeholder(&text), "{:?} {channel:?} {lang:?}\n{text}", case.kind);
                }
            }
        }
    }

    #[test]
    fn a_call_confirmation_cannot_go_before_what_was_agreed_is_filled_in() {
        // (promise, whether the email and the text message have a gap only the user can fill);
        // a text message names what stays open instead of what was agreed about it.
        let table = [
            (Some(("999999", "2026-11-25")), false, false),
            (Some(("1", "2026-11-25")), true, false),
            (None, true, true),
        ];
        for (promise, email_gap, sms_gap) in table {
            let case = Case {
                promise,
                ..case_of(MessageKind::CallConfirmation)
            };
            for (channel, gap) in [(Email, email_gap), (Sms, sms_gap)] {
                for lang in Lang::ALL {
                    let text = draft_case(&case, channel, lang).body;
                    assert_eq!(has_placeholder(&text), gap, "{promise:?} {channel:?} {lang:?}\n{text}");
                }
            }
        }
    }

    #[test]
    fn missing_details_are_named_for_the_channel() {
        use MissingDetail::{Address, Iban, Name};
        let full = settings(false).business;
        let blank = |edit: fn(&mut BusinessDetails)| {
            let mut business = full.clone();
            edit(&mut business);
            business
        };
        #[rustfmt::skip]
        let cases: Vec<(&str, BusinessDetails, Channel, Vec<MissingDetail>)> = vec![
            ("all filled in", full.clone(), Letter, vec![]),
            ("nothing filled in, email", BusinessDetails::default(), Email, vec![Name, Iban]),
            ("nothing filled in, letter", BusinessDetails::default(), Letter, vec![Name, Iban, Address]),
            ("a name of spaces is no name", blank(|b| b.name = "  \u{200B}".into()), Sms, vec![Name]),
            ("an address is only needed on paper", blank(|b| b.address = PostalAddress::default()), Email, vec![]),
            ("no address, letter", blank(|b| b.address = PostalAddress::default()), Letter, vec![Address]),
        ];
        for (label, business, channel, want) in cases {
            assert_eq!(missing_details(&business, channel), want, "{label}");
        }
    }

    #[test]
    fn an_edited_draft_still_holding_a_placeholder_is_caught() {
        let cases = [
            ("Maak het over naar [uw IBAN].", true),
            ("Pay to [your IBAN] today.", true),
            ("Factuur [factuurnummer]", true),
            ("Met vriendelijke groet, [uw bedrijfsnaam]", true),
            ("Maak het over naar NL91ABNA0417164300 [ref 12].", false),
        ];
        for (text, expected) in cases {
            assert_eq!(has_placeholder(text), expected, "{text}");
        }
    }

    /// A step due today for `rule`, about one invoice: what a reason needs of a step.
    fn step_with(rule: Rule) -> Step {
        Step {
            customer_id: CustomerId::from("c1"),
            invoice_ids: vec![InvoiceId::from("i0")],
            action: Action::FirstReminder,
            channel: Email,
            due: today(),
            urgency: Urgency(1),
            message: MessageKind::FirstReminder,
            rule,
            call_at: None,
            promise: None,
            instalment: None,
            plan: Vec::new(),
            talked_on: None,
            settled_on: None,
            costs: CostsClaim::None,
        }
    }

    #[test]
    fn reasons_name_the_rule() {
        let facts = |days| ReasonFacts {
            days_overdue: days,
            outstanding: eur("1000"),
            ahead: None,
        };
        #[rustfmt::skip]
        let table = [
            (Rule::SecondReminderAfterTwoWeeks, 14, Lang::En, "The invoice is 14 days overdue: a second reminder is the usual next step."),
            (Rule::SecondReminderAfterTwoWeeks, 14, Lang::Nl, "De factuur is 14 dagen te laat: een tweede herinnering is de gewone volgende stap."),
            (Rule::FirstReminderAfterDue, 1, Lang::En, "The invoice is 1 day overdue: a first, friendly reminder is the usual next step."),
            (Rule::HeadsUpBeforeDue, -3, Lang::Nl, "De factuur vervalt over 3 dagen: een vriendelijke herinnering vooraf helpt om op tijd betaald te worden."),
            (Rule::CallLargeInvoiceBeforeDue, 0, Lang::En, "The invoice falls due today and it is for €1,000.00: a short call beforehand finds a problem before it becomes a late payment."),
        ];
        for (rule, days, lang, expected) in table {
            assert_eq!(reason(&step_with(rule), &facts(days), lang), expected);
        }
        // The call about a dispute says where to record it once it is settled, as a reached
        // call does not settle it by itself.
        let dispute_call = Step {
            channel: Channel::Phone,
            ..step_with(Rule::StopEscalatingOnDispute)
        };
        assert!(reason(&dispute_call, &facts(20), Lang::Nl).ends_with("Leg dat dan vast met ‘Bezwaar oplossen’."));
        assert!(reason(&dispute_call, &facts(20), Lang::En).ends_with("record it with ‘Resolve the dispute’."));
        // A step dated ahead is explained as of its own day.
        let ahead = |days| ReasonFacts {
            ahead: Some(NaiveDate::from_ymd_opt(2026, 3, 24).unwrap()),
            ..facts(days)
        };
        #[rustfmt::skip]
        let table = [
            (Rule::SecondReminderAfterTwoWeeks, 22, Lang::Nl, "Op 24-03-2026 is de factuur 22 dagen te laat: een tweede herinnering is de gewone volgende stap."),
            (Rule::SecondReminderAfterTwoWeeks, 22, Lang::En, "On 24 Mar 2026, the invoice will be 22 days overdue: a second reminder is the usual next step."),
            (Rule::HeadsUpBeforeDue, -3, Lang::En, "On 24 Mar 2026, the invoice will fall due in 3 days: a friendly heads-up helps you get paid on time."),
            (Rule::CallLargeInvoiceBeforeDue, 0, Lang::Nl, "Op 24-03-2026 vervalt de factuur en het gaat om € 1.000,00: met een kort gesprek vooraf vind je een probleem voordat het een achterstand wordt."),
            // Ahead of time nobody knows whether the promised payment will come.
            (Rule::FollowUpMissedPromise, 22, Lang::Nl, "De klant beloofde te betalen. Is die betaling er niet (helemaal) op tijd, volg de belofte dan op."),
        ];
        for (rule, days, lang, expected) in table {
            assert_eq!(reason(&step_with(rule), &ahead(days), lang), expected);
        }
        let promised = Step {
            promise: Some(Promised::new(
                eur("400.00"),
                NaiveDate::from_ymd_opt(2026, 3, 21).unwrap(),
            )),
            ..step_with(Rule::FollowUpMissedPromise)
        };
        assert_eq!(
            reason(&promised, &ahead(22), Lang::En),
            "The customer promised to pay €400.00 by 21 Mar 2026. If the payment has not arrived in full by then, follow the promise up."
        );
        assert!(reason(&promised, &facts(22), Lang::Nl).contains("en die betaling is niet (helemaal) binnen"));
        let rules = [
            Rule::HeadsUpBeforeDue,
            Rule::CallLargeInvoiceBeforeDue,
            Rule::FirstReminderAfterDue,
            Rule::SecondReminderAfterTwoWeeks,
            Rule::CallWhenWritingIsIgnored,
            Rule::RetryUnansweredCall,
            Rule::BackToWritingAfterUnansweredCalls,
            Rule::ConfirmCallInWriting,
            Rule::FollowUpMissedPromise,
            Rule::StopEscalatingOnDispute,
            Rule::OfferPlanWhenCannotPay,
            Rule::ConfirmPlanInWriting,
            Rule::ChaseEachInstalment,
            Rule::CallOnMissedInstalment,
            Rule::LastReminderAfterAMonth,
            Rule::ConsumerFourteenDayLetter,
            Rule::BelgianFreeFirstReminder,
            Rule::MeetingForLargestDebts,
            Rule::HandOverAfterLastTerm,
            Rule::ThankAfterPayment,
        ];
        let mut seen = std::collections::HashSet::new();
        for rule in rules {
            for lang in Lang::ALL {
                let text = reason(&step_with(rule), &facts(20), lang);
                assert!(
                    text.ends_with('.') && !text.contains('{') && text.len() > 20,
                    "{rule:?} {lang:?}: {text}"
                );
                assert!(
                    seen.insert(text.clone()),
                    "{rule:?} {lang:?} repeats another rule's reason: {text}"
                );
            }
        }
    }

    #[test]
    fn a_reason_asks_for_a_call_only_when_the_step_is_one() {
        let facts = ReasonFacts {
            days_overdue: 20,
            outstanding: eur("1000"),
            ahead: None,
        };
        for rule in [Rule::StopEscalatingOnDispute, Rule::CallOnMissedInstalment] {
            for (channel, calls) in [(Phone, true), (Email, false)] {
                let step = Step {
                    channel,
                    ..step_with(rule)
                };
                let nl = reason(&step, &facts, Lang::Nl);
                let en = reason(&step, &facts, Lang::En);
                assert_eq!(nl.contains(" bel "), calls, "{rule:?} {channel:?}: {nl}");
                assert_eq!(en.contains(" call "), calls, "{rule:?} {channel:?}: {en}");
            }
        }
    }

    #[test]
    fn reason_facts_take_the_oldest_due_date_on_the_steps_day() {
        let invoices = invoices();
        let lines = vec![
            InvoiceLine::new(&invoices[1], eur("500")),
            InvoiceLine::new(&invoices[0], eur("250")),
        ];
        let mut step = step_with(Rule::SecondReminderAfterTwoWeeks);
        assert_eq!(
            ReasonFacts::for_step(&step, &lines, today()),
            ReasonFacts {
                days_overdue: 39,
                outstanding: eur("750"),
                ahead: None,
            }
        );
        // A step due earlier is taken today; one due later is explained as of its day.
        step.due = today() - chrono::Days::new(5);
        assert_eq!(ReasonFacts::for_step(&step, &lines, today()).days_overdue, 39);
        step.due = today() + chrono::Days::new(5);
        let later = ReasonFacts::for_step(&step, &lines, today());
        assert_eq!((later.days_overdue, later.ahead), (44, Some(step.due)));
        assert_eq!(ReasonFacts::for_step(&step, &[], today()).days_overdue, 0);
    }

    #[test]
    fn labels_exist_for_everything_in_both_languages() {
        let actions = Action::ALL;
        for lang in Lang::ALL {
            let mut labels: Vec<&str> = actions.iter().map(|&a| action_label(a, lang)).collect();
            labels.extend(ALL_CHANNELS.iter().map(|&c| channel_label(c, lang)));
            labels.extend(all_kinds().iter().map(|&k| message_label(k, lang)));
            for label in &labels {
                assert!(!label.is_empty());
                let lower = label.to_lowercase();
                assert!(
                    !lower.contains("slotaanmaning") && !lower.contains("sommatie"),
                    "{label}"
                );
            }
        }
        assert_eq!(
            action_label(Action::LastReminder, Lang::Nl),
            "Laatste herinnering sturen"
        );
        assert_eq!(message_label(MessageKind::FourteenDayLetter, Lang::En), "14-day letter");
    }

    #[test]
    fn lines_for_a_step_follow_its_invoices_and_the_dossier() {
        use crate::domain::model::{EventId, EventKind};
        let invoices = invoices();
        let payment = Event {
            id: EventId::from("e1"),
            invoice_ids: vec![InvoiceId::from("i0")],
            customer_id: CustomerId::from("c1"),
            date: today(),
            channel: Email,
            kind: EventKind::PaymentReceived {
                amount: eur("400"),
                note: String::new(),
            },
        };
        let case = case_of(MessageKind::FourteenDayLetter);
        let mut step = step(&case, Letter, &invoices);
        step.invoice_ids.push(InvoiceId::from("unknown"));
        let by_id = invoices.iter().map(|i| (&i.id, i)).collect();
        let payments = [payment];
        let lines = lines_for_step(&step, &by_id, &events_by_invoice(&payments));
        let got: Vec<(&str, Decimal)> = lines
            .iter()
            .map(|l| (l.invoice.number.as_str(), l.outstanding))
            .collect();
        assert_eq!(got, vec![("2026-041", eur("600")), ("2026-047", eur("500"))]);
    }

    /// An event of customer c1 about invoice i0 (2026-041: 1,000, due 15 October).
    fn event_on_i0(id: &str, date: &str, channel: Channel, kind: EventKind) -> Event {
        Event {
            id: EventId::from(id),
            invoice_ids: vec![InvoiceId::from("i0")],
            customer_id: CustomerId::from("c1"),
            date: d(date),
            channel,
            kind,
        }
    }

    fn paid_400(id: &str, date: &str) -> Event {
        let kind = EventKind::PaymentReceived {
            amount: eur("400"),
            note: String::new(),
        };
        event_on_i0(id, date, Email, kind)
    }

    /// The Dutch draft of `case` by email, with its amounts taken from `events`.
    fn body_after(case: &Case, events: &[Event]) -> String {
        let invoices = invoices();
        let step = step(case, Email, &invoices);
        let by_id = invoices.iter().map(|i| (&i.id, i)).collect();
        let customer = customer(case.who, Lang::Nl);
        let settings = settings(false);
        let lines = lines_for_step(&step, &by_id, &events_by_invoice(events));
        draft(&DraftInput::new(&step, &customer, lines, &settings, today())).body
    }

    /// A consumer's 1,000 invoice: a 14-day letter posted Tuesday 20 October (delivered the 22nd,
    /// the term runs through 5 November), then 400 paid. Paid within the term, the hand-over
    /// notice charges costs on the 600 left (EUR 90); paid after it, on the 1,000 that was
    /// unpaid when the term ran out (EUR 150), as the invoice page does.
    #[test]
    fn a_consumers_costs_stay_on_what_was_unpaid_when_the_term_ran_out() {
        let letter = event_on_i0(
            "e1",
            "2026-10-20",
            Letter,
            EventKind::MessageSent {
                message: MessageKind::FourteenDayLetter,
                to: String::new(),
                subject: String::new(),
                body: String::new(),
            },
        );
        let case = Case {
            costs: Claimed,
            who: Who::Consumer,
            lines: &[(0, "600.00")],
            ..case_of(MessageKind::HandOverNotice)
        };
        // (payment day, costs named, amount to pay)
        let cases = [
            ("2026-11-05", "€ 90,00", "€ 690,00"),
            ("2026-11-06", "€ 150,00", "€ 750,00"),
        ];
        for (paid_on, costs, to_pay) in cases {
            let body = body_after(&case, &[letter.clone(), paid_400("e2", paid_on)]);
            assert!(body.contains(&format!("{costs} incassokosten")), "{paid_on}\n{body}");
            assert!(body.contains(to_pay), "{paid_on}\n{body}");
            // Part of it was paid: the notice does not say nothing was.
            assert!(body.contains("niet volledig betaald"), "{paid_on}\n{body}");
        }
    }

    /// A business's 1,000 invoice due 15 October with 400 paid: on the due date, the last reminder
    /// charges costs on the 600 left (EUR 90); later, on the 1,000 unpaid on its first day late
    /// (EUR 150), as the invoice page does.
    #[test]
    fn a_business_costs_stay_on_what_was_unpaid_on_its_first_day_late() {
        let case = Case {
            costs: Claimed,
            who: Who::Business,
            lines: &[(0, "600.00")],
            ..case_of(MessageKind::LastReminder)
        };
        for (paid_on, costs) in [("2026-10-15", "€ 90,00"), ("2026-10-16", "€ 150,00")] {
            let body = body_after(&case, &[paid_400("e1", paid_on)]);
            assert!(body.contains(&format!("{costs} incassokosten")), "{paid_on}\n{body}");
        }
    }

    fn any_kind() -> impl Strategy<Value = MessageKind> {
        proptest::sample::select(all_kinds().to_vec())
    }

    fn any_channel() -> impl Strategy<Value = Channel> {
        proptest::sample::select(ALL_CHANNELS.to_vec())
    }

    proptest! {
        /// Absurd amounts, dates at the edge of the calendar and empty invoice lists must still
        /// give a draft, never a panic.
        #[test]
        fn drafting_never_panics(
            kind in any_kind(),
            channel in any_channel(),
            costs in proptest::sample::select(vec![CostsClaim::None, Announced, Claimed]),
            belgian in any::<bool>(),
            consumer in any::<bool>(),
            mantissa in any::<i64>(),
            scale in 0u32..28,
            day in prop_oneof![Just(NaiveDate::MIN), Just(NaiveDate::MAX), (0i32..3_000_000).prop_map(|n| NaiveDate::MIN + chrono::Days::new(n as u64))],
            lines in 0usize..4,
            lang in proptest::sample::select(Lang::ALL.to_vec()),
        ) {
            let amount = Decimal::new(mantissa, scale).abs();
            let mut invoices = invoices();
            for invoice in &mut invoices {
                invoice.amount = amount;
                invoice.due_date = day;
                invoice.issue_date = day;
            }
            let settings = settings(belgian);
            let customer = customer(if consumer { Who::Consumer } else { Who::Business }, lang);
            let case = Case { kind, costs, promise: Some(("1", "2026-01-01")), instalment: Some(("1", "2026-01-01")), ..case_copy(&cases()[0]) };
            let step = step(&case, channel, &invoices);
            let input = DraftInput::new(&step, &customer, invoices.iter().take(lines).map(|i| InvoiceLine::new(i, amount)).collect(), &settings, day);
            let draft = draft(&input);
            prop_assert!(!draft.body.is_empty());
        }
    }
}
