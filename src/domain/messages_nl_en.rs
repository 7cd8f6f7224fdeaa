//! The words of every draft, Dutch and English side by side.
//!
//! Rules for every sentence here: short, present tense, plain words, no diminutives, and the
//! customer addressed as "u". "Laatste herinnering" is the strongest word a customer reads;
//! "slotaanmaning", "sommatie" and "buitengerechtelijke kosten" never appear. The tone follows
//! the step: friendly, then firm, then formal, and never rude.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{belgian_damages_most, proposed_plan, Costs, Facts, Fee, FeeKind, Interest, ReasonFacts, Tone, Written};
use crate::domain::calendar::term_end;
use crate::domain::dates::format_date;
use crate::domain::engine::{plan_lapses_on, Action, CostsClaim, Promised, Rule, Step};
use crate::domain::legal::{belgian_consumer_costs_from, fourteen_day_letter};
use crate::domain::model::{BestTime, Channel, CustomerKind, DayPart, Instalment, Jurisdiction, Lang, MessageKind};
use crate::domain::money::format_money;
use crate::domain::plural::{count, noun};
use crate::domain::sms;
use crate::domain::text::t;

pub(super) fn placeholder_invoice_number(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "[factuurnummer]",
        Lang::En => "[invoice number]",
    }
}

pub(super) fn placeholder_business(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "[uw bedrijfsnaam]",
        Lang::En => "[your business name]",
    }
}

/// What the user agreed on the phone beyond a promised payment: only they know it, so the
/// draft leaves a bracketed gap that must be filled in before it can be sent.
pub(super) fn placeholder_agreement(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "[wat we hebben afgesproken]",
        Lang::En => "[what we agreed]",
    }
}

pub(super) fn placeholder_iban(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "[uw IBAN]",
        Lang::En => "[your IBAN]",
    }
}

pub(super) use crate::domain::plural::join_and;

/// "factuur 2026-014" or "facturen 2026-014 en 2026-015", lower case for use mid-sentence.
pub(super) fn invoices_phrase(lang: Lang, numbers: &[String]) -> String {
    let list = join_and(lang, numbers);
    match (lang, numbers.len()) {
        (Lang::Nl, 0) => "de openstaande facturen".to_owned(),
        (Lang::En, 0) => "the outstanding invoices".to_owned(),
        (Lang::Nl, 1) => format!("factuur {list}"),
        (Lang::En, 1) => format!("invoice {list}"),
        (Lang::Nl, _) => format!("facturen {list}"),
        (Lang::En, _) => format!("invoices {list}"),
    }
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

impl Facts<'_> {
    /// Whether part of what the message is about was paid already: such a customer must not
    /// read that nothing was paid.
    fn partly_paid(&self) -> bool {
        self.lines().iter().any(|line| line.outstanding < line.invoice.amount)
    }

    /// "deze factuur" / "deze facturen".
    fn this_invoice(&self) -> &'static str {
        match (self.lang, self.several) {
            (Lang::Nl, false) => "deze factuur",
            (Lang::Nl, true) => "deze facturen",
            (Lang::En, false) => "this invoice",
            (Lang::En, true) => "these invoices",
        }
    }

    /// The verb that goes with `this_invoice`: "is" or "zijn" / "are".
    fn is(&self) -> &'static str {
        match (self.lang, self.several) {
            (_, false) => "is",
            (Lang::Nl, true) => "zijn",
            (Lang::En, true) => "are",
        }
    }

    /// "staat" or "staan" / "is" or "are": the verb for "still open".
    fn stands(&self) -> &'static str {
        match (self.lang, self.several) {
            (Lang::Nl, false) => "staat",
            (Lang::Nl, true) => "staan",
            (Lang::En, false) => "is",
            (Lang::En, true) => "are",
        }
    }

    /// "de vervaldatum voorbij is" or "de vervaldata voorbij zijn" / "it is now overdue" or
    /// "they are now overdue": the clause after "terwijl" or "and".
    fn past_due_date(&self) -> &'static str {
        match (self.lang, self.several) {
            (Lang::Nl, false) => "de vervaldatum voorbij is",
            (Lang::Nl, true) => "de vervaldata voorbij zijn",
            (Lang::En, false) => "it is now overdue",
            (Lang::En, true) => "they are now overdue",
        }
    }

    /// "de factuur" / "de facturen", for the call scripts' questions.
    fn the_invoice(&self) -> &'static str {
        match (self.lang, self.several) {
            (Lang::Nl, false) => "de factuur",
            (Lang::Nl, true) => "de facturen",
            (Lang::En, false) => "the invoice",
            (Lang::En, true) => "the invoices",
        }
    }

    /// "vervalt" or "vervallen" / "is due" or "are due".
    fn falls_due(&self) -> &'static str {
        match (self.lang, self.several) {
            (Lang::Nl, false) => "vervalt",
            (Lang::Nl, true) => "vervallen",
            (Lang::En, false) => "is due",
            (Lang::En, true) => "are due",
        }
    }

    fn agency(&self) -> String {
        let name = self.input.settings.agency.name.trim();
        match (self.lang, name.is_empty()) {
            (Lang::Nl, true) => "een incassobureau".to_owned(),
            (Lang::En, true) => "a collection agency".to_owned(),
            (Lang::Nl, false) => format!("incassobureau {name}"),
            (Lang::En, false) => format!("the collection agency {name}"),
        }
    }

    /// The invoices as a block of lines: a small table for one invoice, a list with a total
    /// for several.
    fn block(&self) -> String {
        let thanks = self.kind == MessageKind::ThankYou;
        let lines = self.lines();
        let mut out: Vec<String> = Vec::new();
        match lines {
            [line] => {
                let inv = line.invoice;
                let number = &self.reference;
                let issued = self.date(inv.issue_date);
                let due = self.date(inv.due_date);
                let description = describe(&inv.description);
                out.push(t!(
                    self.lang,
                    "Factuur: {number} van {issued}{description}",
                    "Invoice: {number} of {issued}{description}"
                ));
                let amount = self.money(inv.amount);
                let open = self.money(line.outstanding);
                out.push(
                    if thanks || line.outstanding == inv.amount || line.outstanding.is_zero() {
                        t!(self.lang, "Bedrag: {amount}", "Amount: {amount}")
                    } else {
                        t!(
                            self.lang,
                            "Nog open: {open} (factuurbedrag {amount})",
                            "Outstanding: {open} (invoice amount {amount})"
                        )
                    },
                );
                if !thanks {
                    out.push(t!(self.lang, "Vervaldatum: {due}", "Due date: {due}"));
                }
            }
            _ => {
                for line in lines {
                    let inv = line.invoice;
                    let number = super::non_empty(&inv.number, placeholder_invoice_number(self.lang));
                    let issued = self.date(inv.issue_date);
                    let due = self.date(inv.due_date);
                    let description = describe(&inv.description);
                    let amount = self.money(inv.amount);
                    let open = self.money(line.outstanding);
                    out.push(if thanks {
                        t!(
                            self.lang,
                            "- factuur {number} van {issued}{description}: {amount}",
                            "- invoice {number} of {issued}{description}: {amount}"
                        )
                    } else if line.outstanding == inv.amount || line.outstanding.is_zero() {
                        t!(
                            self.lang,
                            "- factuur {number} van {issued}{description}, vervaldatum {due}: {amount}",
                            "- invoice {number} of {issued}{description}, due {due}: {amount}"
                        )
                    } else {
                        t!(
                            self.lang,
                            "- factuur {number} van {issued}{description}, vervaldatum {due}: nog {open} open van {amount}",
                            "- invoice {number} of {issued}{description}, due {due}: {open} of {amount} outstanding"
                        )
                    });
                }
                let total = self.money(self.total);
                out.push(if thanks {
                    t!(self.lang, "Totaal betaald: {total}", "Total paid: {total}")
                } else {
                    t!(self.lang, "Totaal openstaand: {total}", "Total outstanding: {total}")
                });
            }
        }
        out.join("\n")
    }

    /// Whether the business works under Belgian law. Flemish payers "schrijven over" "op naam
    /// van" with a "mededeling", where Dutch ones "maken over" "ten name van" with a "kenmerk".
    fn belgian(&self) -> bool {
        self.input.settings.jurisdiction == Jurisdiction::Be
    }

    /// Where and how to pay, in the draft's tone.
    fn payment(&self, amount: Decimal) -> String {
        let amount = self.money(amount);
        let date = self.pay_by_long();
        let iban = &self.iban;
        let business = &self.business;
        let reference = &self.reference;
        match self.tone {
            Tone::Friendly if self.belgian() => t!(
                self.lang,
                "Wilt u {amount} uiterlijk op {date} overschrijven naar {iban} op naam van {business}? Vermeld als mededeling: {reference}.",
                "Could you transfer {amount} by {date} to {iban} in the name of {business}? Please quote {reference} as the payment reference."
            ),
            Tone::Firm if self.belgian() => t!(
                self.lang,
                "Schrijf {amount} uiterlijk op {date} over naar {iban} op naam van {business}. Vermeld als mededeling: {reference}.",
                "Please transfer {amount} by {date} to {iban} in the name of {business}, with reference {reference}."
            ),
            Tone::Formal if self.belgian() => t!(
                self.lang,
                "Ik verzoek u {amount} uiterlijk op {date} over te schrijven naar {iban} op naam van {business}. Vermeld als mededeling: {reference}.",
                "Please transfer {amount} by {date} at the latest to {iban} in the name of {business}, with reference {reference}."
            ),
            Tone::Friendly => t!(
                self.lang,
                "Wilt u {amount} uiterlijk op {date} overmaken naar {iban} ten name van {business}? Vermeld bij de betaling: {reference}.",
                "Could you transfer {amount} by {date} to {iban} in the name of {business}? Please quote {reference} as the payment reference."
            ),
            Tone::Firm => t!(
                self.lang,
                "Maak {amount} uiterlijk op {date} over naar {iban} ten name van {business}. Vermeld bij de betaling: {reference}.",
                "Please transfer {amount} by {date} to {iban} in the name of {business}, with reference {reference}."
            ),
            Tone::Formal => t!(
                self.lang,
                "Ik verzoek u {amount} uiterlijk op {date} over te maken naar {iban} ten name van {business}. Vermeld bij de betaling: {reference}.",
                "Please transfer {amount} by {date} at the latest to {iban} in the name of {business}, with reference {reference}."
            ),
        }
    }

    /// How to pay, without amount or date, for drafts where those were already said.
    fn account(&self) -> String {
        let iban = &self.iban;
        let business = &self.business;
        let reference = &self.reference;
        if self.belgian() {
            return t!(
                self.lang,
                "U kunt betalen op rekening {iban} op naam van {business}. Vermeld als mededeling: {reference}.",
                "You can pay to account {iban} in the name of {business}, with reference {reference}."
            );
        }
        t!(
            self.lang,
            "Betalen kan op rekening {iban} ten name van {business}. Vermeld bij de betaling: {reference}.",
            "You can pay to account {iban} in the name of {business}, with reference {reference}."
        )
    }

    /// How to reach the sender, from whatever contact details the settings hold.
    fn contact(&self) -> String {
        let phone = self.phone();
        let email = self.email();
        match (phone.is_empty(), email.is_empty()) {
            (false, false) => t!(
                self.lang,
                "U bereikt mij op {phone} of via {email}.",
                "You can reach me on {phone} or at {email}."
            ),
            (false, true) => t!(self.lang, "U bereikt mij op {phone}.", "You can reach me on {phone}."),
            (true, false) => t!(self.lang, "U bereikt mij via {email}.", "You can reach me at {email}."),
            // A posted letter is answered in writing: the sender's address heads it.
            (true, true) if self.step().channel == Channel::Letter => t!(
                self.lang,
                "U kunt schriftelijk op deze brief reageren.",
                "You can reply to this letter in writing."
            ),
            (true, true) => t!(
                self.lang,
                "U kunt op dit bericht reageren.",
                "You can reply to this message."
            ),
        }
    }

    /// The customer's name followed by the invoices, for the titles of scripts and agendas.
    fn who_and_what(&self) -> String {
        format!("{}, {}", self.customer().name.trim(), self.invoices)
    }

    fn instalment(&self) -> Option<&Instalment> {
        self.step().instalment.as_ref()
    }
}

/// An invoice description in brackets, or nothing when there is none.
fn describe(description: &str) -> String {
    let description = description.trim();
    if description.is_empty() {
        String::new()
    } else {
        format!(" ({description})")
    }
}

/// "€ 266,66", or "€ 266,66 (de laatste € 266,68)" when the cents do not divide evenly, so
/// the parts a draft names add up to the amount it asks for.
fn instalment_parts(f: &Facts, plan: &[Instalment]) -> String {
    let first = plan.first().map_or(f.total, |i| i.amount);
    let part = f.money(first);
    match plan.last().map(|i| i.amount).filter(|last| *last != first) {
        Some(last) => {
            let last = f.money(last);
            t!(f.lang, "{part} (de laatste {last})", "{part} (the last {last})")
        }
        None => part,
    }
}

/// A business without a contact person gets the formal salutation: a company name reads
/// oddly after "Beste".
pub(super) fn greeting(f: &Facts, letter: bool) -> String {
    let name = if f.person { f.name.as_str() } else { "" };
    match (f.lang, name.is_empty(), letter || f.tone == Tone::Formal) {
        (Lang::Nl, true, _) => "Geachte heer, mevrouw,".to_owned(),
        (Lang::En, true, _) => "Dear Sir or Madam,".to_owned(),
        (Lang::Nl, false, true) => format!("Geachte {name},"),
        (Lang::Nl, false, false) => format!("Beste {name},"),
        (Lang::En, false, _) => format!("Dear {name},"),
    }
}

pub(super) fn closing(f: &Facts, letter: bool) -> String {
    match (f.lang, letter || f.tone == Tone::Formal) {
        // The plural is the usual close in Flanders.
        (Lang::Nl, _) if f.belgian() => "Met vriendelijke groeten,".to_owned(),
        (Lang::Nl, _) => "Met vriendelijke groet,".to_owned(),
        (Lang::En, true) => "Yours sincerely,".to_owned(),
        (Lang::En, false) => "Kind regards,".to_owned(),
    }
}

pub(super) fn registration_line(f: &Facts, registration: &str) -> String {
    match f.input.settings.jurisdiction {
        Jurisdiction::Nl => t!(
            f.lang,
            "KvK {registration}",
            "Chamber of Commerce (KvK) no. {registration}"
        ),
        Jurisdiction::Be => t!(
            f.lang,
            "Ondernemingsnummer {registration}",
            "Enterprise number {registration}"
        ),
    }
}

pub(super) fn attention_line(f: &Facts, contact: &str) -> String {
    t!(f.lang, "t.a.v. {contact}", "Attn. {contact}")
}

pub(super) fn subject_line(lang: Lang, subject: &str) -> String {
    // Subjects read "Laatste herinnering: factuur 2026-041"; after "Betreft:" a second colon
    // stumbles, so the letter's line uses a dash there.
    let subject = subject.replacen(": ", " – ", 1);
    t!(lang, "Betreft: {subject}", "Subject: {subject}")
}

pub(super) fn reference_line(f: &Facts) -> String {
    let reference = &f.reference;
    t!(f.lang, "Kenmerk: {reference}", "Reference: {reference}")
}

// ----------------------------------------------------------------------------------------------
// Costs and interest

fn interest_name(lang: Lang, interest: Interest) -> &'static str {
    match (lang, interest) {
        (Lang::Nl, Interest::NlCommercial) => "de wettelijke handelsrente",
        (Lang::Nl, Interest::NlConsumer) => "de wettelijke rente",
        // In Belgium "wettelijke interest" is the lower civil rate; between businesses the
        // act of 2 August 2002 gives its own, which Flemish letters call "verwijlinterest".
        (Lang::Nl, Interest::Be) => "de verwijlinterest volgens de wet van 2 augustus 2002",
        (Lang::En, Interest::NlCommercial) => "statutory commercial interest",
        (Lang::En, Interest::NlConsumer) => "statutory interest",
        (Lang::En, Interest::Be) => "late-payment interest",
    }
}

/// The interest in a short phrase ("de rente", "de verwijlinterest"), where the full name was given
/// before or would not fit.
fn interest_short(lang: Lang, interest: Interest) -> &'static str {
    match (lang, interest) {
        (Lang::Nl, Interest::Be) => "de verwijlinterest",
        (Lang::Nl, _) => "de rente",
        (Lang::En, _) => "the interest",
    }
}

/// The interest as a bare word after its amount ("€ 8,34 rente", "€ 8,34 verwijlinterest").
fn interest_word(lang: Lang, interest: Interest) -> &'static str {
    match (lang, interest) {
        (Lang::Nl, Interest::Be) => "verwijlinterest",
        (Lang::Nl, _) => "rente",
        (Lang::En, _) => "interest",
    }
}

/// The fee as a bare word after its amount ("€ 150,00 incassokosten").
fn fee_word(lang: Lang, kind: FeeKind) -> &'static str {
    match (lang, kind) {
        (Lang::Nl, FeeKind::DutchScale) => "incassokosten",
        (Lang::Nl, FeeKind::BelgianFlat) => "forfaitaire vergoeding",
        (Lang::Nl, FeeKind::BelgianDamages) => "schadevergoeding",
        (Lang::En, FeeKind::DutchScale) => "collection costs",
        (Lang::En, FeeKind::BelgianFlat) => "fixed compensation",
        (Lang::En, FeeKind::BelgianDamages) => "damages",
    }
}

/// Whether a running plan sets the interest aside too. Only a Dutch consumer's interest waits
/// while a plan is kept (`claim::Withheld::PlanRunning`); a business's keeps running, and no
/// text may promise otherwise.
fn plan_waives_interest(costs: &Costs) -> bool {
    matches!(costs.interest, Some(Interest::NlConsumer))
}

/// The principal-only note after a suggested plan in the user's own texts (call script,
/// agenda): the instalments spread the principal, and what the plan sets aside is not asked
/// for while it is kept. Empty when nothing is due besides the principal.
fn principal_only(f: &Facts, coach: Lang) -> String {
    let Some(costs) = f.costs.as_ref().filter(|_| f.to_pay() > f.total) else {
        return String::new();
    };
    let waived = Costs {
        interest: costs.interest.filter(|_| plan_waives_interest(costs)),
        ..costs.clone()
    };
    let names = costs_names(f, &waived);
    let runs = costs.interest.is_some() && !plan_waives_interest(costs);
    match (names.is_empty(), runs) {
        (false, false) => t!(
            coach,
            " (samen de hoofdsom; {names} vraag je niet zolang de klant zich aan de regeling houdt)",
            " (covering the principal only; you waive {names} while the customer keeps to the plan)"
        ),
        (false, true) => t!(
            coach,
            " (samen de hoofdsom; {names} vraag je niet zolang de klant zich aan de regeling houdt, de rente loopt door)",
            " (covering the principal only; you waive {names} while the customer keeps to the plan, and interest keeps running)"
        ),
        (true, _) => t!(
            coach,
            " (samen de hoofdsom; de rente loopt door)",
            " (covering the principal only; interest keeps running)"
        ),
    }
}

/// The costs by name ("de incassokosten en de rente"), for a plan that sets them aside.
fn costs_names(f: &Facts, costs: &Costs) -> String {
    let fee = costs.fee.as_ref().map(|fee| {
        match (f.lang, fee.kind) {
            (Lang::Nl, FeeKind::DutchScale) => "de incassokosten",
            (Lang::Nl, FeeKind::BelgianFlat) => "de forfaitaire vergoeding",
            (Lang::Nl, FeeKind::BelgianDamages) => "de schadevergoeding",
            (Lang::En, FeeKind::DutchScale) => "the collection costs",
            (Lang::En, FeeKind::BelgianFlat) => "the fixed compensation",
            (Lang::En, FeeKind::BelgianDamages) => "the damages",
        }
        .to_owned()
    });
    let interest = costs
        .interest
        .map(|interest| interest_short(f.lang, interest).to_owned());
    join_and(f.lang, &fee.into_iter().chain(interest).collect::<Vec<_>>())
}

fn vat_note(f: &Facts, fee: &Fee) -> String {
    if fee.vat.is_zero() {
        return String::new();
    }
    let vat = f.money(fee.vat);
    // VAT may be passed on only by a creditor who cannot reclaim it, and only when the letter
    // says so.
    t!(
        f.lang,
        " (inclusief {vat} btw, die ik niet kan terugvragen)",
        " (including {vat} VAT, which I cannot reclaim)"
    )
}

/// "€ 40,00", or "€ 40,00 per factuur, samen € 80,00" when the fee covers several invoices.
fn flat_fee_amount(f: &Facts, fee: &Fee) -> String {
    let total = f.money(fee.amount);
    if !f.several {
        return total;
    }
    let each = f.money(super::belgian_flat_fee());
    t!(
        f.lang,
        "{each} per factuur, samen {total}",
        "{each} per invoice, {total} in total"
    )
}

/// The costs due now that the amount asked for includes, each with its amount ("€ 150,00
/// incassokosten en € 8,34 rente"); `None` when it includes none.
fn costs_due_parts(f: &Facts) -> Option<String> {
    let costs = f.costs.as_ref().filter(|costs| costs.due_now)?;
    let fee = costs
        .fee
        .as_ref()
        .map(|fee| format!("{} {}", f.money(fee.amount), fee_word(f.lang, fee.kind)));
    let interest = costs
        .interest
        .filter(|_| costs.interest_to_date > Decimal::ZERO)
        .map(|interest| {
            format!(
                "{} {}",
                f.money(costs.interest_to_date),
                interest_word(f.lang, interest)
            )
        });
    let parts: Vec<String> = fee.into_iter().chain(interest).collect();
    (!parts.is_empty()).then(|| join_and(f.lang, &parts))
}

/// The amount an SMS asks for. With costs in it, it says which: a debtor who is asked for more
/// than the invoice must be able to see why, and a text message has no room for a paragraph.
/// Costs and interest together are one amount, so the message stays within two parts; the
/// letter before it gave each.
fn sms_to_pay(f: &Facts) -> String {
    let to_pay = f.money(f.to_pay());
    let Some(costs) = f.costs.as_ref().filter(|costs| costs.due_now) else {
        return to_pay;
    };
    let interest = costs.interest.filter(|_| costs.interest_to_date > Decimal::ZERO);
    match (costs.fee.as_ref(), interest) {
        (Some(fee), Some(interest)) => {
            let both = f.money(fee.amount.saturating_add(costs.interest_to_date));
            // Beside the interest the flat fee is "vergoeding" alone, and the interest "interest":
            // the letter before named them in full, and the full names would cost a Belgian
            // hand-over text its second part.
            let fee_name = match (f.lang, fee.kind) {
                (Lang::Nl, FeeKind::BelgianFlat) => "vergoeding",
                (lang, kind) => fee_word(lang, kind),
            };
            let interest_name = match (f.lang, interest) {
                (Lang::Nl, Interest::Be) => "interest",
                (lang, interest) => interest_word(lang, interest),
            };
            t!(
                f.lang,
                "{to_pay} (incl. {both} {fee_name} en {interest_name})",
                "{to_pay} (incl. {both} {fee_name} and {interest_name})"
            )
        }
        _ => match costs_due_parts(f) {
            Some(parts) => t!(f.lang, "{to_pay} (incl. {parts})", "{to_pay} (incl. {parts})"),
            None => to_pay,
        },
    }
}

/// The amount asked for in a letter, with the invoices' sum and the costs it adds up from when
/// costs are due: "€ 13.299,00 (€ 12.400,00 plus € 899,00 incassokosten)".
fn to_pay_with_parts(f: &Facts) -> String {
    let to_pay = f.money(f.to_pay());
    match costs_due_parts(f) {
        Some(parts) => {
            let total = f.money(f.total);
            t!(
                f.lang,
                "{to_pay} ({total} plus {parts})",
                "{to_pay} ({total} plus {parts})"
            )
        }
        None => to_pay,
    }
}

/// The costs paragraph, or nothing when the draft claims none. `condition` is the "if you do not
/// pay in time" that announced costs depend on.
fn costs_paragraph(f: &Facts, condition: &str) -> Option<String> {
    let costs: &Costs = f.costs.as_ref()?;
    let lang = f.lang;
    let mut sentences = Vec::new();
    if costs.due_now {
        if let Some(fee) = &costs.fee {
            let amount = f.money(fee.amount);
            let vat = vat_note(f, fee);
            sentences.push(match fee.kind {
                FeeKind::DutchScale => t!(
                    lang,
                    "Omdat de betaling te laat is, breng ik {amount} incassokosten in rekening{vat}.",
                    "As payment is overdue, I am charging {amount} in collection costs{vat}."
                ),
                FeeKind::BelgianFlat => {
                    let amount = flat_fee_amount(f, fee);
                    t!(
                        lang,
                        "Omdat de betaling te laat is, breng ik de forfaitaire vergoeding in rekening: {amount}.",
                        "As payment is overdue, I am charging the fixed compensation: {amount}."
                    )
                }
                FeeKind::BelgianDamages => t!(
                    lang,
                    "Omdat de betaling te laat is, breng ik een schadevergoeding van {amount} in rekening.",
                    "As payment is overdue, I am charging damages of {amount}."
                ),
            });
            if let Some(on) = fee.on {
                let on = f.money(on);
                sentences.push(t!(
                    lang,
                    "Die zijn volgens de wettelijke staffel berekend over {on}: het bedrag dat openstond op de eerste dag dat de betaling te laat was.",
                    "They follow the statutory scale on {on}: the amount outstanding on the first day the payment was late."
                ));
            }
        }
        if let Some(interest) = costs.interest {
            let name = interest_name(lang, interest);
            sentences.push(if costs.interest_to_date > Decimal::ZERO {
                let amount = f.money(costs.interest_to_date);
                let today = f.long_date(f.today());
                t!(
                    lang,
                    "Daarnaast betaalt u {name} over de tijd dat de betaling te laat is: {amount} tot en met {today}.",
                    "You also owe {name} for the time the payment is late: {amount} up to and including {today}."
                )
            } else {
                t!(
                    lang,
                    "Daarnaast betaalt u {name} over de tijd dat de betaling te laat is.",
                    "You also owe {name} for the time the payment is late."
                )
            });
        }
    } else {
        match &costs.fee {
            Some(fee) => {
                let amount = f.money(fee.amount);
                let vat = vat_note(f, fee);
                sentences.push(match fee.kind {
                    FeeKind::DutchScale => t!(
                        lang,
                        "{condition}, dan moet u ook {amount} incassokosten betalen{vat}.",
                        "{condition}, you will also owe {amount} in collection costs{vat}."
                    ),
                    FeeKind::BelgianFlat => {
                        let amount = flat_fee_amount(f, fee);
                        t!(
                            lang,
                            "{condition}, dan breng ik ook de forfaitaire vergoeding in rekening: {amount}.",
                            "{condition}, I will also charge the fixed compensation: {amount}."
                        )
                    }
                    FeeKind::BelgianDamages => t!(
                        lang,
                        "{condition}, dan breng ik ook een schadevergoeding van {amount} in rekening.",
                        "{condition}, I will also charge damages of {amount}."
                    ),
                });
                if fee.kind == FeeKind::DutchScale && f.kind == MessageKind::FourteenDayLetter {
                    let total = f.money(f.total);
                    sentences.push(t!(
                        lang,
                        "Dat bedrag volgt uit de wettelijke regels voor incassokosten, berekend over het totale openstaande bedrag van {total}.",
                        "This amount is set by the statutory scale for collection costs, calculated on the total outstanding amount of {total}."
                    ));
                }
                if let Some(interest) = costs.interest {
                    let name = interest_name(lang, interest);
                    sentences.push(t!(lang, "Ook betaalt u dan {name}.", "You will then also owe {name}."));
                }
            }
            None => {
                if let Some(interest) = costs.interest {
                    let name = interest_name(lang, interest);
                    sentences.push(t!(
                        lang,
                        "{condition}, dan betaalt u ook {name}.",
                        "{condition}, you will also owe {name}."
                    ));
                }
            }
        }
    }
    Some(sentences.join(" ")).filter(|s| !s.is_empty())
}

/// The payment request and the costs paragraph in reading order: costs that are due now come
/// first, because the payment request's amount already includes them; costs that are only
/// announced follow the request they depend on.
fn payment_and_costs(f: &Facts, payment: String) -> [Option<String>; 2] {
    let costs = costs_paragraph(f, if_not_on_time(f.lang));
    if f.costs.as_ref().is_some_and(|c| c.due_now) {
        [costs, Some(payment)]
    } else {
        [Some(payment), costs]
    }
}

fn if_not_on_time(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "Betaalt u niet op tijd",
        Lang::En => "If you do not pay on time",
    }
}

// ----------------------------------------------------------------------------------------------
// Emails and letters

/// Subject and paragraphs for an email or a letter.
pub(super) fn written(f: &Facts) -> Written {
    let paragraphs: Vec<Option<String>> = match f.kind {
        MessageKind::HeadsUp => heads_up(f),
        MessageKind::FirstReminder => first_reminder(f),
        MessageKind::BelgianFirstReminder => belgian_first_reminder(f),
        MessageKind::SecondReminder => second_reminder(f),
        MessageKind::CallScript => call_attempt(f),
        MessageKind::CallConfirmation => call_confirmation(f),
        MessageKind::PromiseFollowUp => promise_follow_up(f),
        MessageKind::PaymentPlanProposal => plan_proposal(f),
        MessageKind::PaymentPlanConfirmation => plan_confirmation(f),
        MessageKind::InstalmentReminder => instalment_reminder(f),
        MessageKind::DisputeAcknowledgement => dispute_acknowledgement(f),
        MessageKind::MeetingRequest => meeting_request(f),
        MessageKind::LastReminder => last_reminder(f),
        MessageKind::FourteenDayLetter => fourteen_day(f),
        MessageKind::HandOverNotice => hand_over(f),
        MessageKind::ThankYou => thank_you(f),
    };
    Written {
        subject: subject(f),
        paragraphs: paragraphs.into_iter().flatten().collect(),
    }
}

fn subject(f: &Facts) -> String {
    let inv = &f.invoices;
    let cap = capitalise(inv);
    let date = f.pay_by_long();
    match f.kind {
        MessageKind::HeadsUp => t!(f.lang, "{cap}: vervaldatum {date}", "{cap}: payment due {date}"),
        MessageKind::FirstReminder => t!(f.lang, "Betalingsherinnering {inv}", "Payment reminder: {inv}"),
        MessageKind::BelgianFirstReminder => t!(
            f.lang,
            "Eerste herinnering (gratis): {inv}",
            "First reminder (free of charge): {inv}"
        ),
        MessageKind::SecondReminder => t!(f.lang, "Tweede herinnering: {inv}", "Second reminder: {inv}"),
        MessageKind::CallScript => t!(f.lang, "Graag contact over {inv}", "Please get in touch about {inv}"),
        MessageKind::CallConfirmation if f.step().rule == Rule::ConfirmSettlementInWriting => t!(
            f.lang,
            "Bevestiging: uw bezwaar tegen {inv}",
            "Confirmation: your objection to {inv}"
        ),
        MessageKind::CallConfirmation => t!(
            f.lang,
            "Bevestiging van ons gesprek over {inv}",
            "Confirming our call about {inv}"
        ),
        MessageKind::PromiseFollowUp => t!(f.lang, "Uw betaalbelofte voor {inv}", "Your promise to pay {inv}"),
        MessageKind::PaymentPlanProposal => t!(
            f.lang,
            "Voorstel betalingsregeling {inv}",
            "Payment plan proposal: {inv}"
        ),
        MessageKind::PaymentPlanConfirmation => t!(
            f.lang,
            "Bevestiging betalingsregeling {inv}",
            "Payment plan confirmed: {inv}"
        ),
        MessageKind::InstalmentReminder => {
            let amount = f.money(f.instalment().map_or(f.total, |i| i.amount));
            t!(
                f.lang,
                "Herinnering termijn: {amount} uiterlijk op {date}",
                "Instalment reminder: {amount} by {date}"
            )
        }
        MessageKind::DisputeAcknowledgement => t!(f.lang, "Uw bezwaar tegen {inv}", "Your objection to {inv}"),
        MessageKind::MeetingRequest => t!(
            f.lang,
            "Verzoek om een afspraak over {inv}",
            "Request to meet about {inv}"
        ),
        MessageKind::LastReminder | MessageKind::FourteenDayLetter => {
            t!(f.lang, "Laatste herinnering: {inv}", "Last reminder: {inv}")
        }
        MessageKind::HandOverNotice => t!(
            f.lang,
            "{cap}: overdracht aan incassobureau",
            "{cap}: handing over to a collection agency"
        ),
        MessageKind::ThankYou => t!(
            f.lang,
            "Dank u voor uw betaling: {inv}",
            "Thank you for your payment: {inv}"
        ),
    }
}

fn heads_up(f: &Facts) -> Vec<Option<String>> {
    let this = f.this_invoice();
    // "falls due" / "fall due": the English sentence only; the Dutch one has no verb for it.
    let falls_due = match f.several {
        false => "falls due",
        true => "fall due",
    };
    // "de vervaldatum ... komt" / "de vervaldata ... komen": the Dutch sentence only.
    let (due_date, comes) = match f.several {
        false => ("de vervaldatum", "komt"),
        true => ("de vervaldata", "komen"),
    };
    let contact = f.contact();
    vec![
        Some(t!(
            f.lang,
            "Een korte herinnering vooraf: {due_date} van {this} {comes} eraan.",
            "Just a quick note: {this} {falls_due} shortly."
        )),
        Some(f.block()),
        Some(f.payment(f.total)),
        Some(t!(
            f.lang,
            "Klopt er iets niet aan de factuur? Laat het mij dan nu weten, zodat we het vóór de vervaldatum oplossen. {contact}",
            "If anything about the invoice is not right, please tell me now so we can sort it out before the due date. {contact}"
        )),
        Some(t!(f.lang, "Alvast bedankt.", "Thank you in advance.")),
    ]
}

/// The opening fact of a first reminder: a customer who paid part is never told that nothing
/// arrived.
fn not_received(f: &Facts) -> String {
    let this = f.this_invoice();
    let passed = f.past_due_date();
    if f.partly_paid() {
        t!(
            f.lang,
            "U hebt {this} nog niet volledig betaald, terwijl {passed}.",
            "You have not paid {this} in full, and {passed}."
        )
    } else {
        t!(
            f.lang,
            "Ik heb de betaling van {this} nog niet ontvangen, terwijl {passed}.",
            "I have not yet received payment for {this}, and {passed}."
        )
    }
}

fn already_paid(f: &Facts) -> String {
    t!(
        f.lang,
        "Hebt u al betaald? Dan hebben onze berichten elkaar gekruist en kunt u deze herinnering negeren.",
        "If you have already paid, our messages have crossed and you can ignore this reminder."
    )
}

fn questions(f: &Facts) -> String {
    let contact = f.contact();
    if f.several {
        t!(
            f.lang,
            "Hebt u een vraag over de facturen? {contact}",
            "Any questions about the invoices? {contact}"
        )
    } else {
        t!(
            f.lang,
            "Hebt u een vraag over de factuur? {contact}",
            "Any questions about the invoice? {contact}"
        )
    }
}

fn first_reminder(f: &Facts) -> Vec<Option<String>> {
    let not_received = not_received(f);
    // After a settled dispute the customer knows of the invoice: the reminder starts from the
    // settlement rather than suppose it slipped their mind.
    let opening = match f.step().settled_on {
        // The step does not say which of several invoices the objection was about, so only
        // a reminder about one invoice names it.
        Some(day) if !f.several => {
            let day = f.long_date(day);
            let inv = &f.invoices;
            t!(
                f.lang,
                "Op {day} hebben we uw bezwaar tegen {inv} afgehandeld. {not_received}",
                "On {day} we settled your objection to {inv}. {not_received}"
            )
        }
        Some(day) => {
            let day = f.long_date(day);
            t!(
                f.lang,
                "Op {day} hebben we uw bezwaar afgehandeld. {not_received}",
                "On {day} we settled your objection. {not_received}"
            )
        }
        None => t!(
            f.lang,
            "{not_received} Misschien is het u ontschoten.",
            "{not_received} Perhaps it slipped your mind."
        ),
    };
    vec![
        Some(opening),
        Some(f.block()),
        Some(f.payment(f.total)),
        Some(already_paid(f)),
        Some(questions(f)),
    ]
}

/// The day a Belgian consumer's damages may start, for the free first reminder to state.
/// Saying it is only fair when the user claims them: `None` otherwise.
fn belgian_costs_from(f: &Facts) -> Option<String> {
    belgian_costs_from_day(f).map(|day| f.long_date(day))
}

fn belgian_costs_from_day(f: &Facts) -> Option<NaiveDate> {
    let by_letter = f.step().channel == Channel::Letter;
    f.input
        .settings
        .claims_belgian_consumer_damages()
        .then(|| belgian_consumer_costs_from(f.today(), by_letter))
}

fn belgian_first_reminder(f: &Facts) -> Vec<Option<String>> {
    let free = t!(
        f.lang,
        "Deze eerste herinnering is gratis: ik reken er geen kosten voor.",
        "This first reminder is free of charge."
    );
    // The law wants the customer to know what not paying in time costs: the amount at most
    // (less after a part-payment), and from which day.
    let from_when = belgian_costs_from(f).map(|costs_from| {
        let most = format_money(belgian_damages_most(&f.input.invoices), f.lang);
        t!(
            f.lang,
            "Is het bedrag op {costs_from} nog niet betaald, dan mag ik volgens mijn algemene voorwaarden vanaf die dag een schadevergoeding van ten hoogste {most} vragen.",
            "If the amount is still unpaid on {costs_from}, my terms and conditions allow me to charge damages of up to {most} from that day."
        )
    });
    vec![
        Some(not_received(f)),
        Some(f.block()),
        Some(f.payment(f.total)),
        Some(match from_when {
            Some(from_when) => format!("{free} {from_when}"),
            None => free,
        }),
        Some(already_paid(f)),
        Some(questions(f)),
    ]
}

fn second_reminder(f: &Facts) -> Vec<Option<String>> {
    let this = f.this_invoice();
    let is = f.is();
    let date = f.pay_by_long();
    let contact = f.contact();
    vec![
        Some(if f.partly_paid() {
            t!(
                f.lang,
                "Ik heb u eerder een herinnering gestuurd, maar {this} {is} nog steeds niet volledig betaald.",
                "I sent you a reminder earlier, but {this} {is} still not paid in full."
            )
        } else {
            t!(
                f.lang,
                "Ik heb u eerder een herinnering gestuurd, maar {this} {is} nog steeds niet betaald.",
                "I sent you a reminder earlier, but {this} {is} still unpaid."
            )
        }),
        Some(f.block()),
    ]
    .into_iter()
    .chain(payment_and_costs(f, f.payment(f.to_pay())))
    .chain([
        Some(t!(
            f.lang,
            "Lukt het niet om op tijd te betalen, of klopt er iets niet? Neem dan uiterlijk {date} contact met mij op, dan zoeken we samen een oplossing. {contact}",
            "If you cannot pay by that date, or something is not right, contact me by {date} and we will find a solution together. {contact}"
        )),
        Some(t!(
            f.lang,
            "Hebt u inmiddels betaald? Dan is dit bericht niet meer nodig.",
            "If you have paid in the meantime, please disregard this message."
        )),
    ])
    .collect()
}

/// The written side of a call step: the customer could not be reached, so ask for a call back.
fn call_attempt(f: &Facts) -> Vec<Option<String>> {
    let this = f.this_invoice();
    let contact = f.contact();
    vec![
        Some(t!(
            f.lang,
            "Ik heb geprobeerd u te bellen over {this}, maar kon u niet bereiken.",
            "I tried to call you about {this} but could not reach you."
        )),
        Some(f.block()),
        Some(f.payment(f.to_pay())),
        Some(t!(
            f.lang,
            "Wilt u mij terugbellen? {contact}",
            "Could you call me back? {contact}"
        )),
    ]
}

fn call_confirmation(f: &Facts) -> Vec<Option<String>> {
    let date = f.pay_by_long();
    let total = f.money(f.total);
    let agreed = match f.step().promise {
        Some(Promised { amount, .. }) => {
            let promised = f.money(amount);
            let mut text = t!(
                f.lang,
                "We hebben afgesproken dat u {promised} uiterlijk op {date} betaalt.",
                "We agreed that you will pay {promised} by {date}."
            );
            if amount < f.total {
                let rest = f.money(f.total.saturating_sub(amount));
                let agreed = placeholder_agreement(f.lang);
                text.push(' ');
                text.push_str(&t!(
                    f.lang,
                    "Voor de overige {rest} hebben we afgesproken: {agreed}.",
                    "For the remaining {rest} we agreed: {agreed}."
                ));
            }
            text
        }
        None => {
            let agreed = placeholder_agreement(f.lang);
            t!(
                f.lang,
                "We hebben afgesproken: {agreed}. Het openstaande bedrag van {total} zie ik graag uiterlijk op {date} op mijn rekening.",
                "We agreed: {agreed}. I look forward to receiving the outstanding amount of {total} by {date}."
            )
        }
    };
    let contact = f.contact();
    // A confirmation sent later names the day of the conversation, so the written record
    // never moves the agreement to the day it was typed.
    let talked = f.step().talked_on.unwrap_or(f.step().due);
    let this = f.this_invoice();
    let thanks = if f.step().rule == Rule::ConfirmSettlementInWriting {
        // A settlement may have been reached by email or in person: the letter names the day,
        // not a conversation.
        let day = f.long_date(talked);
        t!(
            f.lang,
            "Op {day} hebben we uw bezwaar tegen {this} opgelost. Hieronder zet ik op een rij wat we hebben afgesproken.",
            "On {day} we resolved your objection to {this}. Below is what we agreed."
        )
    } else if talked >= f.today() {
        t!(
            f.lang,
            "Dank u voor het gesprek van vandaag. Hieronder zet ik op een rij wat we hebben afgesproken.",
            "Thank you for our conversation today. Below is what we agreed."
        )
    } else {
        let day = f.long_date(talked);
        t!(
            f.lang,
            "Dank u voor ons gesprek van {day}. Hieronder zet ik op een rij wat we toen hebben afgesproken.",
            "Thank you for our conversation on {day}. Below is what we agreed then."
        )
    };
    // A call before the due date was a courtesy: nothing needed settling, and nothing went
    // wrong before that could go smoothly "again".
    let overdue_at_call = f.lines().iter().any(|line| line.invoice.due_date < talked);
    let close = if overdue_at_call {
        t!(
            f.lang,
            "Fijn dat we dit samen hebben kunnen regelen. Ik ga ervan uit dat toekomstige betalingen weer soepel verlopen.",
            "I am glad we could settle this together. I expect future payments to go smoothly again."
        )
    } else {
        t!(
            f.lang,
            "Fijn dat we dit even hebben kunnen doornemen. Ik ga ervan uit dat de betaling soepel verloopt.",
            "I am glad we could go through this. I expect the payment to go smoothly."
        )
    };
    vec![
        Some(thanks),
        Some(f.block()),
        Some(agreed),
        Some(f.account()),
        Some(t!(
            f.lang,
            "Klopt deze samenvatting niet? Laat het mij dan binnen twee dagen weten. {contact}",
            "If this summary is not correct, please let me know within two days. {contact}"
        )),
        Some(close),
    ]
}

fn promise_follow_up(f: &Facts) -> Vec<Option<String>> {
    let this = f.this_invoice();
    let (opening, amount) = match f.step().promise {
        Some(promise @ Promised { amount, date, received }) => {
            let promised = f.money(amount);
            let date = f.long_date(date);
            let missing = promise.missing();
            // A part that did come in is acknowledged: a letter that denies a payment the
            // customer made, or asks for it again, is wrong, and it stays in the dossier.
            let opening = if received.is_zero() {
                t!(
                    f.lang,
                    "U hebt toegezegd {promised} uiterlijk op {date} te betalen. Die betaling heb ik nog niet ontvangen.",
                    "You promised to pay {promised} by {date}. I have not received that payment yet."
                )
            } else {
                let received = f.money(received);
                let rest = f.money(missing);
                t!(
                    f.lang,
                    "U hebt toegezegd {promised} uiterlijk op {date} te betalen. Daarvan heb ik {received} ontvangen, dank daarvoor. De overige {rest} heb ik nog niet ontvangen.",
                    "You promised to pay {promised} by {date}. I have received {received} of it, thank you. I have not yet received the remaining {rest}."
                )
            };
            (opening, missing)
        }
        None => (
            t!(
                f.lang,
                "U hebt toegezegd dat u {this} zou betalen. Die betaling heb ik nog niet ontvangen.",
                "You promised to pay {this}. I have not received the payment yet."
            ),
            f.to_pay(),
        ),
    };
    let contact = f.contact();
    vec![
        Some(opening),
        Some(f.block()),
    ]
    .into_iter()
    .chain(payment_and_costs(
        f,
        format!(
            "{} {}",
            t!(
                f.lang,
                "Ik reken erop dat u zich alsnog aan onze afspraak houdt.",
                "I am counting on you to keep to our agreement now."
            ),
            f.payment(amount)
        ),
    ))
    .chain([Some(t!(
            f.lang,
            "Is er iets veranderd waardoor u niet kunt betalen? Neem dan vandaag nog contact met mij op, dan kijken we wat wel kan. {contact}",
            "If something has changed and you cannot pay, contact me today and we will look at what is possible. {contact}"
        ))])
    .collect()
}

fn plan_lines(f: &Facts, plan: &[Instalment]) -> String {
    plan.iter()
        .enumerate()
        .map(|(i, instalment)| {
            let n = i + 1;
            let amount = f.money(instalment.amount);
            let date = f.long_date(instalment.date);
            t!(
                f.lang,
                "- termijn {n}: {amount} uiterlijk op {date}",
                "- instalment {n}: {amount} by {date}"
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn each_instalment(f: &Facts) -> String {
    let iban = &f.iban;
    let business = &f.business;
    let reference = &f.reference;
    if f.belgian() {
        return t!(
            f.lang,
            "Schrijf elke termijn over naar {iban} op naam van {business}. Vermeld als mededeling: {reference}.",
            "Please transfer each instalment to {iban} in the name of {business}, with reference {reference}."
        );
    }
    t!(
        f.lang,
        "Maak elke termijn over naar {iban} ten name van {business}. Vermeld bij de betaling: {reference}.",
        "Please transfer each instalment to {iban} in the name of {business}, with reference {reference}."
    )
}

fn plan_proposal(f: &Facts) -> Vec<Option<String>> {
    let first = f.pay_by.unwrap_or(f.today());
    let plan = proposed_plan(f.total, first);
    let contact = f.contact();
    let no_costs = f.step().costs == CostsClaim::None;
    vec![
        Some(t!(
            f.lang,
            "U hebt laten weten dat u het openstaande bedrag nu niet in één keer kunt betalen. Dank u dat u dat meldt.",
            "You told me you cannot pay the outstanding amount in one go right now. Thank you for letting me know."
        )),
        Some(f.block()),
        Some(format!(
            "{}\n{}",
            t!(f.lang, "Ik stel deze betalingsregeling voor:", "I propose this payment plan:"),
            plan_lines(f, &plan)
        )),
        Some(each_instalment(f)),
        no_costs.then(|| no_extra_costs(f)),
        Some(t!(
            f.lang,
            "Laat mij binnen drie dagen weten of u akkoord gaat. Past dit schema niet? Doe dan zelf een voorstel dat wel haalbaar is. {contact}",
            "Please let me know within three days whether you agree. If this schedule does not work for you, propose one that does. {contact}"
        )),
    ]
}

fn plan_confirmation(f: &Facts) -> Vec<Option<String>> {
    let total = f.money(f.total);
    // The engine gives the whole plan, sorted by date: the letter states every instalment.
    let schedule = plan_lines(f, &f.step().plan);
    let contact = f.contact();
    vec![
        Some(t!(
            f.lang,
            "Zoals afgesproken betaalt u het openstaande bedrag van {total} in termijnen.",
            "As agreed, you will pay the outstanding amount of {total} in instalments."
        )),
        Some(f.block()),
        Some(schedule),
        Some(each_instalment(f)),
        Some(costs_set_aside(f)),
        Some(t!(
            f.lang,
            "Lukt een termijn een keer niet? Neem dan vóór de betaaldatum contact met mij op, dan zoeken we een oplossing. {contact}",
            "If an instalment is ever a problem, contact me before its date and we will find a solution. {contact}"
        )),
        Some(t!(
            f.lang,
            "Ik ga ervan uit dat de regeling soepel verloopt, en toekomstige betalingen ook.",
            "I expect the plan to run smoothly, and future payments too."
        )),
    ]
}

/// A plan without costs claimed or announced. A consumer owes none unless a 14-day letter
/// announced them, so the sentence must not hint that a late instalment brings costs; a
/// business is told what keeps it so.
fn no_extra_costs(f: &Facts) -> String {
    if f.customer().kind == CustomerKind::Consumer {
        t!(
            f.lang,
            "Aan deze regeling zijn geen extra kosten verbonden.",
            "This plan comes with no extra costs."
        )
    } else {
        t!(
            f.lang,
            "Zolang u de termijnen op tijd betaalt, reken ik geen extra kosten.",
            "As long as the instalments arrive on time, I charge no extra costs."
        )
    }
}

/// What a kept plan spares the customer. Costs already claimed or announced are named with
/// their amount, so that dropping them is a condition of the plan and not a silent loss: if the
/// plan breaks, the chase resumes and claims them. When it breaks is the engine's rule
/// ([`plan_lapses_on`]), so the letter promises no more patience than the app gives and
/// threatens no less.
fn costs_set_aside(f: &Facts) -> String {
    let lapses = plan_lapses(f);
    let Some(costs) = f.costs.as_ref() else {
        let kept = no_extra_costs(f);
        return t!(
            f.lang,
            "{kept} {lapses} In dat geval vraag ik het volledige openstaande bedrag in één keer.",
            "{kept} {lapses} I will then claim the full outstanding amount at once."
        );
    };
    let fee = costs.fee.as_ref().map(|fee| {
        let amount = f.money(fee.amount);
        match fee.kind {
            FeeKind::DutchScale => t!(
                f.lang,
                "de incassokosten van {amount}",
                "the collection costs of {amount}"
            ),
            FeeKind::BelgianFlat => {
                let amount = flat_fee_amount(f, fee);
                t!(
                    f.lang,
                    "de forfaitaire vergoeding van {amount}",
                    "the fixed compensation of {amount}"
                )
            }
            FeeKind::BelgianDamages => t!(f.lang, "de schadevergoeding van {amount}", "the damages of {amount}"),
        }
    });
    let interest = costs.interest.filter(|_| plan_waives_interest(costs)).map(|interest| {
        let name = interest_name(f.lang, interest);
        if costs.interest_to_date > Decimal::ZERO {
            let amount = f.money(costs.interest_to_date);
            let today = f.long_date(f.today());
            t!(
                f.lang,
                "{name} ({amount} tot en met {today})",
                "{name} ({amount} up to and including {today})"
            )
        } else {
            name.to_owned()
        }
    });
    let what = join_and(f.lang, &fee.into_iter().chain(interest).collect::<Vec<_>>());
    let again = costs_names(f, costs);
    // A business's interest is not set aside: the confirmation says it keeps running.
    let running = costs
        .interest
        .filter(|_| !plan_waives_interest(costs))
        .map(|interest| {
            let name = interest_name(f.lang, interest);
            t!(
                f.lang,
                " Intussen blijft {name} lopen over wat openstaat.",
                " Meanwhile, {name} continues to run on what is outstanding."
            )
        })
        .unwrap_or_default();
    if what.is_empty() {
        return t!(
            f.lang,
            "{running} {lapses} In dat geval vraag ik het volledige openstaande bedrag in één keer, met {again}.",
            "{running} {lapses} I will then claim the full outstanding amount at once, including {again}."
        )
        .trim_start()
        .to_owned();
    }
    t!(
        f.lang,
        "Betaalt u alle termijnen zoals afgesproken, dan vraag ik {what} niet.{running} {lapses} In dat geval vraag ik het volledige openstaande bedrag in één keer, met {again}.",
        "If you pay every instalment as agreed, I will waive {what}.{running} {lapses} I will then claim the full outstanding amount at once, including {again}."
    )
}

/// When the plan lapses, as the engine decides it: an instalment still unpaid when the next one
/// is the grace days past its date, or the last one still unpaid on its own lapse day.
fn plan_lapses(f: &Facts) -> String {
    let plan = &f.step().plan;
    let settings = f.input.settings;
    let grace = settings.schedule.promise_grace;
    // The condition reads as one clause, so the lapse rule is one plain sentence.
    let missed = if grace == 0 {
        t!(
            f.lang,
            "een termijn op de datum van de volgende termijn nog niet is betaald",
            "an instalment is still unpaid on the date of the next one"
        )
    } else {
        let n = match f.lang {
            Lang::Nl => format!("{} {}", in_words(f.lang, grace), noun(grace, "dag", "dagen")),
            Lang::En => format!("{} {}", in_words(f.lang, grace), noun(grace, "day", "days")),
        };
        t!(
            f.lang,
            "een termijn {n} na de datum van de volgende termijn nog niet is betaald",
            "an instalment is still unpaid {n} after the date of the next one"
        )
    };
    let last = plan
        .len()
        .checked_sub(1)
        .and_then(|k| plan_lapses_on(plan, k, settings))
        .map(|day| f.long_date(day));
    match (plan.len(), last) {
        (1, Some(last)) => t!(
            f.lang,
            "Is de termijn op {last} nog niet betaald, dan vervalt deze regeling.",
            "If the instalment is still unpaid on {last}, this arrangement ends."
        ),
        // With several instalments the lapse day of one lies past the next one's date: the
        // customer first reads that a late instalment is followed up, so that day does not
        // read as the time allowed to pay.
        (_, Some(last)) => t!(
            f.lang,
            "Betaalt u een termijn niet op tijd, dan neem ik contact met u op. Deze regeling vervalt als {missed}, of als de laatste termijn op {last} nog niet is betaald.",
            "If an instalment is late, I will contact you. This arrangement ends if {missed}, or if the last instalment is still unpaid on {last}."
        ),
        (_, None) => t!(
            f.lang,
            "Betaalt u een termijn niet op tijd, dan neem ik contact met u op. Deze regeling vervalt als {missed}.",
            "If an instalment is late, I will contact you. This arrangement ends if {missed}."
        ),
    }
}

/// A small count in words, as running text writes it ("twee dagen"); digits from 13 on.
fn in_words(lang: Lang, n: u32) -> String {
    const NL: [&str; 12] = [
        "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf",
    ];
    const EN: [&str; 12] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    ];
    let words = match lang {
        Lang::Nl => NL,
        Lang::En => EN,
    };
    n.checked_sub(1)
        .and_then(|k| words.get(k as usize))
        .map_or_else(|| n.to_string(), |word| (*word).to_owned())
}

fn instalment_reminder(f: &Facts) -> Vec<Option<String>> {
    let date = f.pay_by_long();
    let (opening, amount) = match f.instalment() {
        Some(instalment) => {
            let amount = f.money(instalment.amount);
            let due = f.long_date(instalment.date);
            let opening = if instalment.date >= f.today() {
                t!(
                    f.lang,
                    "Volgens onze betalingsregeling betaalt u uiterlijk op {due} een termijn van {amount}.",
                    "Under our payment plan, an instalment of {amount} is due by {due}."
                )
            } else {
                t!(
                    f.lang,
                    "Volgens onze betalingsregeling was op {due} een termijn van {amount} te betalen. Die heb ik nog niet ontvangen.",
                    "Under our payment plan, an instalment of {amount} was due on {due}. I have not received it yet."
                )
            };
            (opening, instalment.amount)
        }
        None => (
            t!(
                f.lang,
                "Volgens onze betalingsregeling is de volgende termijn uiterlijk op {date} te betalen.",
                "Under our payment plan, the next instalment is due by {date}."
            ),
            f.total,
        ),
    };
    let rest = f.total.saturating_sub(amount);
    let after = (rest > Decimal::ZERO).then(|| {
        let rest = f.money(rest);
        t!(
            f.lang,
            "Na deze termijn staat er nog {rest} open.",
            "After this instalment, {rest} remains outstanding."
        )
    });
    let contact = f.contact();
    vec![
        Some(opening),
        Some(f.block()),
        Some(f.payment(amount)),
        after,
        Some(t!(
            f.lang,
            "Lukt het deze keer niet? Neem dan uiterlijk {date} contact met mij op. {contact}",
            "If it does not work out this time, contact me by {date}. {contact}"
        )),
    ]
}

fn dispute_acknowledgement(f: &Facts) -> Vec<Option<String>> {
    let this = f.this_invoice();
    let phone = f.phone();
    let call = if phone.is_empty() {
        t!(
            f.lang,
            "Het is makkelijker om dit te bespreken dan te mailen: kunnen we deze week bellen? Laat mij weten wanneer ik u het best kan bellen.",
            "This is easier to talk through than to write about: can we speak by phone this week? Let me know a convenient time for me to call you."
        )
    } else {
        t!(
            f.lang,
            "Het is makkelijker om dit te bespreken dan te mailen: kunnen we deze week bellen? U bereikt mij op {phone}, of laat mij weten wanneer ik u het best kan bellen.",
            "This is easier to talk through than to write about: can we speak by phone this week? You can reach me on {phone}, or let me know a convenient time for me to call you."
        )
    };
    let the_invoice = f.the_invoice();
    let iban = &f.iban;
    let business = &f.business;
    let reference = &f.reference;
    let part_payment = if f.belgian() {
        t!(
            f.lang,
            "Gaat uw bezwaar over een deel van {the_invoice}? Dan kunt u het deel waarover u geen bezwaar hebt alvast betalen op rekening {iban} op naam van {business}. Vermeld als mededeling: {reference}.",
            "If your objection concerns only part of {the_invoice}, you can pay the part you do not object to now, to account {iban} in the name of {business}, with reference {reference}."
        )
    } else {
        t!(
            f.lang,
            "Gaat uw bezwaar over een deel van {the_invoice}? Dan kunt u het deel waarover u geen bezwaar hebt alvast betalen op rekening {iban} ten name van {business}. Vermeld bij de betaling: {reference}.",
            "If your objection concerns only part of {the_invoice}, you can pay the part you do not object to now, to account {iban} in the name of {business}, with reference {reference}."
        )
    };
    vec![
        Some(t!(
            f.lang,
            "Dank u voor uw reactie op {this}. Ik neem uw bezwaar serieus en wil het graag samen met u oplossen.",
            "Thank you for your reply about {this}. I take your objection seriously and would like to resolve it together with you."
        )),
        Some(f.block()),
        Some(t!(
            f.lang,
            "Zolang we dit samen uitzoeken, stuur ik geen herinneringen en reken ik geen kosten.",
            "While we sort this out, I will not send reminders or charge any costs."
        )),
        Some(call),
        Some(part_payment),
    ]
}

fn meeting_request(f: &Facts) -> Vec<Option<String>> {
    let total = f.money(f.total);
    let to_pay = to_pay_with_parts(f);
    let date = f.pay_by_long();
    let contact = f.contact();
    let iban = &f.iban;
    let business = &f.business;
    let reference = &f.reference;
    let agency = f.agency();
    vec![
        Some(t!(
            f.lang,
            "Ondanks mijn herinneringen staat er nog {total} open.",
            "Despite my reminders, {total} is still outstanding."
        )),
        Some(f.block()),
        Some(t!(
            f.lang,
            "Voordat ik verdere stappen zet, wil ik dit graag persoonlijk met u bespreken. Zo zoeken we samen naar een oplossing die werkt.",
            "Before I take further steps, I would like to discuss this with you in person, so we can find a solution that works."
        )),
        Some(t!(
            f.lang,
            "Ik stel voor dat we elkaar uiterlijk {date} spreken, bij u of bij mij. Laat mij weten welke dag en welk tijdstip u uitkomen. {contact}",
            "I suggest we meet by {date}, at your place or mine. Let me know which day and time suit you. {contact}"
        )),
    ]
    .into_iter()
    // Costs due now are explained before the amount that includes them; announced ones
    // follow the request they depend on.
    .chain(payment_and_costs(
        f,
        if f.belgian() {
            t!(
                f.lang,
                "Betaalt u liever meteen? Schrijf dan {to_pay} uiterlijk op {date} over naar {iban} op naam van {business}, met als mededeling {reference}. Dan is een afspraak niet nodig.",
                "Would you rather pay straight away? Then transfer {to_pay} by {date} to {iban} in the name of {business}, with reference {reference}, and no meeting is needed."
            )
        } else {
            t!(
                f.lang,
                "Betaalt u liever meteen? Maak dan {to_pay} uiterlijk op {date} over naar {iban} ten name van {business}, met als kenmerk {reference}. Dan is een afspraak niet nodig.",
                "Would you rather pay straight away? Then transfer {to_pay} by {date} to {iban} in the name of {business}, with reference {reference}, and no meeting is needed."
            )
        },
    ))
    .chain([Some(t!(
            f.lang,
            "Hoor ik uiterlijk {date} niets van u, dan draag ik de vordering over aan {agency}.",
            "If I have not heard from you by {date}, I will hand the claim over to {agency}."
        ))])
    .collect()
}

fn last_reminder(f: &Facts) -> Vec<Option<String>> {
    let this = f.this_invoice();
    let date = f.pay_by_long();
    let agency = f.agency();
    let contact = f.contact();
    vec![
        Some(if f.partly_paid() {
            t!(
                f.lang,
                "Ondanks eerdere herinneringen hebt u {this} nog niet volledig betaald. Dit is mijn laatste herinnering.",
                "Despite earlier reminders, you have not paid {this} in full. This is my last reminder."
            )
        } else {
            t!(
                f.lang,
                "Ondanks eerdere herinneringen hebt u {this} nog niet betaald. Dit is mijn laatste herinnering.",
                "Despite earlier reminders, you have not paid {this}. This is my last reminder."
            )
        }),
        Some(f.block()),
    ]
    .into_iter()
    .chain(payment_and_costs(f, f.payment(f.to_pay())))
    .chain([
        // No "the amount will rise": the costs above are all that may be claimed (the scale
        // for a business, the capped damages for a Belgian consumer), so a higher sum would
        // be a threat the law does not back.
        Some(t!(
            f.lang,
            "Betaalt u niet uiterlijk op {date}, dan draag ik de vordering over aan {agency}.",
            "If you do not pay by {date}, I will hand the claim over to {agency}."
        )),
        Some(t!(
            f.lang,
            "Kunt u niet in één keer betalen, of bent u het niet eens met de factuur? Neem dan uiterlijk {date} contact met mij op. {contact}",
            "If you cannot pay in one go, or you disagree with the invoice, contact me by {date}. {contact}"
        )),
    ])
    .collect()
}

fn fourteen_day(f: &Facts) -> Vec<Option<String>> {
    let this = f.this_invoice();
    let passed = f.past_due_date();
    let total = f.money(f.total);
    let dates = fourteen_day_letter(f.today());
    let delivery = f.long_date(dates.assumed_delivery);
    let last_day = f.long_date(dates.term_last_day);
    let agency = f.agency();
    let contact = f.contact();
    let channel = f.step().channel;
    let condition = match f.lang {
        Lang::Nl => "Betaalt u niet binnen deze termijn",
        Lang::En => "If you do not pay within this period",
    };
    let consequence = match costs_paragraph(f, condition) {
        Some(costs) => format!(
            "{costs} {}",
            t!(
                f.lang,
                "Daarnaast draag ik de vordering dan over aan {agency}.",
                "In addition, I will then hand the claim over to {agency}."
            )
        ),
        None => t!(
            f.lang,
            "{condition}, dan draag ik de vordering over aan {agency}.",
            "{condition}, I will hand the claim over to {agency}."
        ),
    };
    vec![
        (channel == Channel::Email).then(|| {
            t!(
                f.lang,
                "Hieronder staat de brief die ik u vandaag ook per post stuur.",
                "Below is the letter I am also posting to you today."
            )
        }),
        Some(if f.partly_paid() {
            t!(
                f.lang,
                "U hebt {this} nog niet volledig betaald, hoewel {passed}.",
                "You have not paid {this} in full, and {passed}."
            )
        } else {
            t!(
                f.lang,
                "U hebt {this} nog niet betaald, hoewel {passed}.",
                "You have not paid {this}, and {passed}."
            )
        }),
        Some(f.block()),
        // The term must run from the day after delivery, never from the letter's date; the
        // concrete day is an illustration for the usual delivery, not the term itself.
        Some(t!(
            f.lang,
            "Ik vraag u het bedrag van {total} te betalen binnen veertien dagen vanaf de dag nadat deze brief bij u is bezorgd. Wordt deze brief op {delivery} bezorgd, dan loopt de termijn tot en met {last_day}.",
            "Please pay {total} within fourteen days, counting from the day after this letter is delivered to you. If this letter is delivered on {delivery}, the period runs until {last_day} inclusive."
        )),
        Some(f.account()),
        Some(consequence),
        Some(t!(
            f.lang,
            "Kunt u niet in één keer betalen, of bent u het niet eens met de factuur? Neem dan binnen deze termijn contact met mij op, dan zoeken we samen een oplossing. {contact}",
            "If you cannot pay in one go, or you disagree with the invoice, contact me within this period and we will look for a solution together. {contact}"
        )),
        (channel == Channel::Letter && !f.customer().email.trim().is_empty()).then(|| {
            t!(
                f.lang,
                "Een kopie van deze brief stuur ik u ook per e-mail.",
                "I am also sending you a copy of this letter by email."
            )
        }),
    ]
}

fn hand_over(f: &Facts) -> Vec<Option<String>> {
    let this = f.this_invoice();
    let agency = f.agency();
    let pay_by = f.pay_by.unwrap_or(f.today());
    // The next working day after the last chance: a claim is not handed over on a Sunday.
    let hand_over_day = f.long_date(term_end(pay_by, 1, f.input.settings.jurisdiction));
    let date = f.pay_by_long();
    let to_pay = f.money(f.to_pay());
    let iban = &f.iban;
    let business = &f.business;
    let reference = &f.reference;
    let contact = f.contact();
    // The last chance is never today (`engine::notice_last_chance`).
    let when = t!(f.lang, "uiterlijk op {date}", "by {date} at the latest");
    vec![
        Some(if f.partly_paid() {
            t!(
                f.lang,
                "Ondanks mijn laatste herinnering hebt u {this} niet volledig betaald.",
                "Despite my last reminder, you have not paid {this} in full."
            )
        } else {
            t!(
                f.lang,
                "Ondanks mijn laatste herinnering hebt u {this} niet betaald.",
                "Despite my last reminder, you have not paid {this}."
            )
        }),
        Some(f.block()),
        Some(t!(
            f.lang,
            "Daarom draag ik de vordering op {hand_over_day} over aan {agency}. Vanaf dan neemt het incassobureau contact met u op.",
            "I will therefore hand the claim over to {agency} on {hand_over_day}. From then on, the agency will contact you."
        )),
        costs_paragraph(f, if_not_on_time(f.lang)),
        // The agency collects the costs named above; a separate sentence about its own costs
        // would read as a second charge.
        // Interest is named only where the draft claims it (never for a Belgian consumer).
        Some(match f.costs.as_ref().map(|costs| (costs.fee.is_some(), costs.interest)) {
            Some((true, Some(interest))) => {
                let interest = interest_short(f.lang, interest);
                t!(
                    f.lang,
                    "Na de overdracht int het incassobureau het bedrag, met deze kosten en {interest} die dan verschuldigd is.",
                    "After the hand-over, the agency will collect the amount together with these costs and {interest} then owed."
                )
            }
            Some((true, None)) => t!(
                f.lang,
                "Na de overdracht int het incassobureau het bedrag, met deze kosten.",
                "After the hand-over, the agency will collect the amount together with these costs."
            ),
            // No costs named: none may be charged (a consumer without them in the 14-day
            // letter) or the user chose not to, so the notice threatens none either.
            _ => t!(
                f.lang,
                "Na de overdracht int het incassobureau het bedrag dat openstaat.",
                "After the hand-over, the agency will collect the outstanding amount."
            ),
        }),
        Some(if f.belgian() {
            t!(
                f.lang,
                "U kunt dit nog voorkomen. Schrijf {to_pay} {when} over naar {iban} op naam van {business}, met als mededeling {reference}, en laat het mij weten. Dan stop ik de overdracht. {contact}",
                "You can still prevent this. Transfer {to_pay} {when} to {iban} in the name of {business}, with reference {reference}, and let me know. I will then stop the hand-over. {contact}"
            )
        } else {
            t!(
                f.lang,
                "U kunt dit nog voorkomen. Maak {to_pay} {when} over naar {iban} ten name van {business}, met als kenmerk {reference}, en laat het mij weten. Dan stop ik de overdracht. {contact}",
                "You can still prevent this. Transfer {to_pay} {when} to {iban} in the name of {business}, with reference {reference}, and let me know. I will then stop the hand-over. {contact}"
            )
        }),
    ]
}

/// The thank-you names the invoice, not an amount: what came in may include interest and costs,
/// so the invoice amount could misstate the payment.
fn thank_you(f: &Facts) -> Vec<Option<String>> {
    let inv = &f.invoices;
    vec![
        Some(t!(
            f.lang,
            "Ik heb uw betaling van {inv} ontvangen. Dank u wel!",
            "I have received your payment for {inv}. Thank you!"
        )),
        Some(f.block()),
        Some(t!(f.lang, "Ik waardeer de samenwerking.", "I value working with you.")),
    ]
}

// ----------------------------------------------------------------------------------------------
// Text messages

/// " (€ 1.500,00 open)" when a promised amount is not the whole open amount, else nothing.
fn open_note(f: &Facts, promised: Decimal) -> String {
    if promised == f.total {
        return String::new();
    }
    let total = f.money(f.total);
    t!(f.lang, " ({total} open)", " ({total} outstanding)")
}

/// A text message: one short paragraph with the amount, the invoice numbers, the date and the
/// account, signed with the business name.
pub(super) fn sms(f: &Facts) -> String {
    let name = &f.name;
    // A company without a contact person is not greeted by its name ("Beste Dispuut BV,").
    let hello = if f.person {
        t!(f.lang, "Beste {name},", "Dear {name},")
    } else {
        t!(f.lang, "Goedendag,", "Hello,")
    };
    let business = &f.business;
    let inv = &f.invoices;
    let total = f.money(f.total);
    let to_pay = sms_to_pay(f);
    let date = f.pay_by_text();
    let iban = &f.iban;
    let reference = &f.reference;
    let phone = f.phone();
    let call = if phone.is_empty() {
        t!(
            f.lang,
            "Reageer gerust op dit bericht.",
            "Feel free to reply to this message."
        )
    } else {
        t!(f.lang, "Bel mij op {phone}.", "Call me on {phone}.")
    };
    let call_back = if phone.is_empty() {
        t!(
            f.lang,
            "Wilt u op dit bericht reageren?",
            "Could you reply to this message?"
        )
    } else {
        t!(
            f.lang,
            "Wilt u mij terugbellen op {phone}?",
            "Could you call me back on {phone}?"
        )
    };
    let is = f.is();
    let stands = f.stands();
    let falls_due = f.falls_due();
    // "kenmerk" in the Netherlands, "mededeling" in Belgium: the payer's own word for it.
    let reference_word = match (f.lang, f.belgian()) {
        (Lang::Nl, true) => "mededeling",
        (Lang::Nl, false) => "kenmerk",
        (Lang::En, _) => "ref.",
    };
    let account = t!(
        f.lang,
        "IBAN {iban}, {reference_word} {reference}.",
        "IBAN {iban}, {reference_word} {reference}."
    );
    // An agency's name alone does not tell a customer it is a collection agency, which is
    // the whole warning.
    let agency = match f.input.settings.agency.name.trim() {
        "" => t!(f.lang, "een incassobureau", "a collection agency"),
        name => t!(f.lang, "incassobureau {name}", "collection agency {name}"),
    };
    let text = match f.kind {
        MessageKind::HeadsUp => t!(
            f.lang,
            "{hello} {inv} ({total}) {falls_due} op {date}. {account} Vragen? {call}",
            "{hello} {inv} ({total}) {falls_due} on {date}. {account} Questions? {call}"
        ),
        MessageKind::FirstReminder => t!(
            f.lang,
            "{hello} {inv} ({total}) {stands} nog open. Wilt u uiterlijk {date} betalen? {account} Al betaald? Dan is dit bericht niet nodig.",
            "{hello} {inv} ({total}) {stands} still unpaid. Could you pay by {date}? {account} Already paid? Then please ignore this message."
        ),
        MessageKind::BelgianFirstReminder => {
            // Sent by SMS only to a customer who cannot be reached otherwise; it still states
            // when costs may start, as the reminder that opens the 14-day term must.
            let text = t!(
                f.lang,
                "{hello} {inv} ({total}) {stands} nog open. Deze herinnering is gratis. Betaalt u uiterlijk {date}? {account}",
                "{hello} {inv} ({total}) {stands} still unpaid. This reminder is free of charge. Could you pay by {date}? {account}"
            );
            match belgian_costs_from(f).and(belgian_costs_from_day(f)) {
                Some(costs_from) => {
                    let costs_from = f.date(costs_from);
                    // The amount that may follow, as the email states it: the law wants the
                    // customer to know it, and a text message is no exception.
                    let most = format_money(belgian_damages_most(&f.input.invoices), f.lang);
                    let from_when = t!(
                        f.lang,
                        "Nog open op {costs_from}? Dan mag ik max. {most} schadevergoeding vragen.",
                        "If still unpaid on {costs_from}, I may charge damages of up to {most}."
                    );
                    format!("{text} {from_when}")
                }
                None => text,
            }
        }
        MessageKind::SecondReminder => t!(
            f.lang,
            "{hello} ondanks mijn herinnering {stands} {inv} ({total}) nog open. Betaal uiterlijk {date}. {account} Lukt dat niet? {call}",
            "{hello} despite my reminder, {inv} ({total}) {stands} still unpaid. Please pay by {date}. {account} Can't make it? {call}"
        ),
        MessageKind::CallScript => t!(
            f.lang,
            "{hello} ik probeerde u te bellen over {inv} ({total}). {call_back} Of betaal uiterlijk {date}. {account}",
            "{hello} I tried to call you about {inv} ({total}). {call_back} Or pay by {date}. {account}"
        ),
        MessageKind::CallConfirmation if f.step().rule == Rule::ConfirmSettlementInWriting => {
            let agreed = placeholder_agreement(f.lang);
            t!(
                f.lang,
                "{hello} over uw bezwaar tegen {inv} hebben we afgesproken: {agreed}. Betaal {total} uiterlijk {date}. {account}",
                "{hello} about your objection to {inv} we agreed: {agreed}. Please pay {total} by {date}. {account}"
            )
        }
        MessageKind::CallConfirmation => match f.step().promise {
            Some(Promised { amount, .. }) => {
                let promised = f.money(amount);
                let open = open_note(f, amount);
                t!(
                    f.lang,
                    "{hello} dank voor het gesprek. Zoals afgesproken betaalt u {promised} voor {inv}{open} uiterlijk {date}. {account}",
                    "{hello} thank you for the call. As agreed, you will pay {promised} for {inv}{open} by {date}. {account}"
                )
            }
            None => {
                let agreed = placeholder_agreement(f.lang);
                t!(
                    f.lang,
                    "{hello} dank voor het gesprek over {inv} ({total}). Afgesproken: {agreed}, uiterlijk {date}. {account}",
                    "{hello} thank you for the call about {inv} ({total}). Agreed: {agreed}, by {date}. {account}"
                )
            }
        },
        MessageKind::PromiseFollowUp => {
            match f.step().promise {
                Some(promise) if promise.received.is_zero() => {
                    let amount = f.money(promise.amount);
                    let promised_date = f.date(promise.date);
                    let open = open_note(f, promise.amount);
                    t!(
                        f.lang,
                        "{hello} u zou {amount} voor {inv}{open} uiterlijk {promised_date} betalen. Dat is nog niet binnen. Betaal uiterlijk {date}. {account} {call}",
                        "{hello} you promised to pay {amount} for {inv}{open} by {promised_date}. It has not arrived. Please pay by {date}. {account} {call}"
                    )
                }
                Some(promise) => {
                    let amount = f.money(promise.amount);
                    let promised_date = f.date(promise.date);
                    let rest = f.money(promise.missing());
                    t!(
                        f.lang,
                        "{hello} u zou {amount} voor {inv} uiterlijk {promised_date} betalen. Daarvan is {rest} nog niet binnen. Betaal dat uiterlijk {date}. {account} {call}",
                        "{hello} you promised to pay {amount} for {inv} by {promised_date}. {rest} of it has not arrived. Please pay that by {date}. {account} {call}"
                    )
                }
                None => t!(
                    f.lang,
                    "{hello} u zou {inv} ({total}) betalen. Dat is nog niet binnen. Betaal uiterlijk {date}. {account} {call}",
                    "{hello} you promised to pay {inv} ({total}). It has not arrived. Please pay by {date}. {account} {call}"
                ),
            }
        }
        MessageKind::PaymentPlanProposal => {
            let plan = proposed_plan(f.total, f.pay_by.unwrap_or(f.today()));
            let count = plan.len();
            let part = instalment_parts(f, &plan);
            t!(
                f.lang,
                "{hello} ik stel voor: u betaalt {inv} ({total}) in {count} maandtermijnen van {part}, de eerste uiterlijk {date}. {account} Akkoord? {call}",
                "{hello} my proposal: you pay {inv} ({total}) in {count} monthly instalments of {part}, the first by {date}. {account} Agreed? {call}"
            )
        }
        MessageKind::PaymentPlanConfirmation => t!(
            f.lang,
            "{hello} zoals afgesproken betaalt u {total} voor {inv} in termijnen, de eerste uiterlijk {date}. {account} Dank u!",
            "{hello} as agreed, you will pay {total} for {inv} in instalments, the first by {date}. {account} Thank you!"
        ),
        MessageKind::InstalmentReminder => {
            let amount = f.money(f.instalment().map_or(f.total, |i| i.amount));
            t!(
                f.lang,
                "{hello} uiterlijk {date} betaalt u de termijn van {amount} voor {inv} (totaal open {total}). {account} Dank u!",
                "{hello} the instalment of {amount} for {inv} (total outstanding {total}) is due by {date}. {account} Thank you!"
            )
        }
        MessageKind::DisputeAcknowledgement => t!(
            f.lang,
            "{hello} dank voor uw reactie op {inv} ({total}). Ik wil dit graag samen oplossen en stuur intussen geen herinneringen. Kunnen we bellen? {call}",
            "{hello} thank you for your reply about {inv} ({total}). I would like to solve this together and send no reminders meanwhile. Can we talk? {call}"
        ),
        MessageKind::MeetingRequest => t!(
            f.lang,
            "{hello} {inv}: nog {to_pay} open. Zullen we uiterlijk {date} afspreken? {call} Of betaal direct: {account}",
            "{hello} {inv} {is} still unpaid: {to_pay}. Can we meet by {date}? {call} Or pay now: {account}"
        ),
        MessageKind::LastReminder => t!(
            f.lang,
            "{hello} laatste herinnering voor {inv}. Betaal {to_pay} uiterlijk {date} op {iban}, {reference_word} {reference}. Anders gaat het naar {agency}.",
            "{hello} last reminder for {inv}. Pay {to_pay} by {date} to {iban}, {reference_word} {reference}, or the claim goes to {agency}."
        ),
        MessageKind::FourteenDayLetter => t!(
            f.lang,
            "{hello} vandaag stuur ik u per post een laatste herinnering voor {inv} ({total}). Betaal binnen de termijn uit die brief; bij normale bezorging is dat uiterlijk {date}. {account}",
            "{hello} today I am posting you a last reminder for {inv} ({total}). Please pay within the term in that letter; with normal delivery that is by {date}. {account}"
        ),
        MessageKind::HandOverNotice => {
            // The same day the email names: the next working day after the last chance.
            let hand_over_day = f.date(term_end(f.pay_by.unwrap_or(f.today()), 1, f.input.settings.jurisdiction));
            t!(
                f.lang,
                "{hello} {inv} {stands} nog open. Betaal {to_pay} uiterlijk {date} op {iban}, {reference_word} {reference}. Anders gaat het op {hand_over_day} naar {agency}.",
                "{hello} {inv} {is} unpaid. Pay {to_pay} by {date} to {iban}, {reference_word} {reference}, or on {hand_over_day} it goes to {agency}."
            )
        }
        MessageKind::ThankYou => t!(
            f.lang,
            "{hello} dank u voor uw betaling van {inv} ({total}). Ik waardeer de samenwerking.",
            "{hello} thank you for paying {inv} ({total}). I value working with you."
        ),
    };
    // A name such as "Daniëlle" would otherwise make the whole message UCS-2: five parts
    // instead of two.
    sms::gsm7_safe(&format!("{text} {business}"))
}

// ----------------------------------------------------------------------------------------------
// Call scripts and meeting agendas (for the user, not the customer)

/// A greeting that fits the part of the day the call is planned for.
fn hello(lang: Lang, at: Option<DayPart>) -> &'static str {
    match (lang, at) {
        (Lang::Nl, Some(DayPart::Morning)) => "Goedemorgen",
        (Lang::Nl, Some(DayPart::Afternoon)) => "Goedemiddag",
        (Lang::Nl, Some(DayPart::Evening)) => "Goedenavond",
        (Lang::Nl, None) => "Goedendag",
        (Lang::En, Some(DayPart::Morning)) => "Good morning",
        (Lang::En, Some(DayPart::Afternoon)) => "Good afternoon",
        (Lang::En, Some(DayPart::Evening)) => "Good evening",
        (Lang::En, None) => "Hello",
    }
}

fn best_moment(f: &Facts) -> &'static str {
    match (f.lang, f.step().call_at, f.customer().best_time) {
        (Lang::Nl, Some(DayPart::Morning), _) => "in de ochtend",
        (Lang::Nl, Some(DayPart::Afternoon), _) => "in de middag",
        (Lang::Nl, Some(DayPart::Evening), _) => "in de avond",
        (Lang::Nl, None, BestTime::Daytime) => "overdag",
        (Lang::Nl, None, BestTime::Evening) => "na kantoortijd",
        (Lang::Nl, None, BestTime::Any) => "op elk moment",
        (Lang::En, Some(DayPart::Morning), _) => "in the morning",
        (Lang::En, Some(DayPart::Afternoon), _) => "in the afternoon",
        (Lang::En, Some(DayPart::Evening), _) => "in the evening",
        (Lang::En, None, BestTime::Daytime) => "during the day",
        (Lang::En, None, BestTime::Evening) => "after office hours",
        (Lang::En, None, BestTime::Any) => "at any time",
    }
}

/// Indents a block so it reads as part of a list item.
fn indent(block: &str) -> String {
    block
        .lines()
        .map(|line| format!("  {line}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// "factuur 2026-041 van € 1.000,00" or "de facturen 2026-041 en 2026-047, samen € 1.500,00":
/// several invoices have a total, not an amount each.
fn invoices_with_total(f: &Facts) -> String {
    let inv = &f.invoices;
    let total = f.money(f.total);
    match (f.lang, f.several) {
        (Lang::Nl, false) => format!("{inv} van {total}"),
        (Lang::Nl, true) => format!("de {inv}, samen {total}"),
        (Lang::En, false) => format!("{inv} for {total}"),
        (Lang::En, true) => format!("{inv}, totalling {total}"),
    }
}

/// What the user asks for on a call. It decides three parts of a call script: the goal in the
/// preparation, the request, and the summary at the close.
#[derive(Clone, Copy)]
enum CallAsk {
    /// A meeting, at the customer's or at the user's, to settle the whole amount.
    Meeting,
    /// To understand what the customer objects to, and to agree how it will be resolved.
    Resolution,
    /// Agreement on a payment plan, never the whole amount within a week: the customer said
    /// they cannot pay.
    Plan,
    /// Payment of the amount asked, by the pay-by date.
    Payment,
}

/// What a call is about, worked out once from its step so that every part of the script reads
/// the step the same way.
///
/// A call the engine proposes is of one kind only. A step can still carry the facts of two (a
/// heads-up drafted as a call for a meeting step, a missed instalment on a dispute step), and
/// for those the parts of a script do not all let the same fact win. The variants keep each
/// part's choice, so such a script reads as it always has:
/// - the opening says what the call is about: the first variant below whose facts hold;
/// - what the user asks for follows the step's action ([`CallKind::ask`]), whatever the call
///   is about, so a heads-up drafted for a meeting step still asks for the meeting;
/// - the questions are about a missed instalment whenever the step has one, unless the call
///   comes before the due date.
#[derive(Clone, Copy)]
enum CallKind<'a> {
    /// Before the due date: a friendly check that all is in order. A heads-up drafted as a
    /// call is one too.
    BeforeDue(CallAsk),
    /// The customer objects to the invoice: the step resolves a dispute, or drafts its
    /// acknowledgement. `ask` is the meeting on a meeting step, else the resolution.
    Dispute { ask: CallAsk, missed_instalment: bool },
    /// The largest debts: the user asks to meet.
    Meeting { missed_instalment: bool },
    /// An instalment of a running plan was not paid. `ask` is the plan on a plan step, else the
    /// payment.
    MissedInstalment { instalment: &'a Instalment, ask: CallAsk },
    /// The customer said they cannot pay: the user proposes a plan.
    Plan,
    /// Invoices past their date, after reminders or not: the user asks for payment.
    Ordinary,
}

impl<'a> CallKind<'a> {
    /// The kind of the call `f` drafts a script for. The step's action says it, and so does a
    /// heads-up or a dispute acknowledgement drafted as a call; an instalment on the step is
    /// one missed. The checks run in the order of the variants; the first that holds decides.
    fn of(f: &'a Facts) -> CallKind<'a> {
        let action = f.step().action;
        let before_due = action == Action::CallBeforeDue || f.kind == MessageKind::HeadsUp;
        let dispute = action == Action::ResolveDispute || f.kind == MessageKind::DisputeAcknowledgement;
        let meeting = action == Action::ProposeMeeting;
        let plan = action == Action::ProposePaymentPlan;
        let missed = f.instalment();
        // What is asked follows the step, not what the call is about: a meeting step asks for
        // the meeting even about a dispute, and a disputed amount is not spread over a plan
        // before the dispute is resolved.
        let ask = if meeting {
            CallAsk::Meeting
        } else if dispute {
            CallAsk::Resolution
        } else if plan {
            CallAsk::Plan
        } else {
            CallAsk::Payment
        };
        // An objection is what the call is about, even before the due date: a script that asks
        // whether all is in order would ignore what the customer already said.
        if dispute {
            CallKind::Dispute {
                ask,
                missed_instalment: missed.is_some(),
            }
        } else if before_due {
            CallKind::BeforeDue(ask)
        } else if meeting {
            CallKind::Meeting {
                missed_instalment: missed.is_some(),
            }
        } else if let Some(instalment) = missed {
            CallKind::MissedInstalment { instalment, ask }
        } else if plan {
            CallKind::Plan
        } else {
            CallKind::Ordinary
        }
    }

    /// What the user asks for on the call.
    fn ask(self) -> CallAsk {
        match self {
            CallKind::BeforeDue(ask) | CallKind::Dispute { ask, .. } | CallKind::MissedInstalment { ask, .. } => ask,
            CallKind::Meeting { .. } => CallAsk::Meeting,
            CallKind::Plan => CallAsk::Plan,
            CallKind::Ordinary => CallAsk::Payment,
        }
    }
}

/// The amounts and dates a call script names, each as its reader writes them: the user's way in
/// the guidance, the customer's in the lines to say (the `_aloud` ones).
struct CallTerms {
    /// What the customer owes now, costs included.
    to_pay: String,
    /// What a call for payment asks for, and by when. A call about a dispute has no pay-by
    /// date: then `date` is empty and `dated` is false.
    asked: String,
    date: String,
    dated: bool,
    asked_aloud: String,
    date_aloud: String,
    /// The plan the user can propose: how many monthly instalments, and of how much.
    count: usize,
    part: String,
    first_aloud: String,
}

impl CallTerms {
    /// The terms of a call script, as [`call_script`] takes its two readers' facts.
    fn of(f: &Facts, c: &Facts) -> CallTerms {
        let plan = proposed_plan(f.total, f.pay_by.unwrap_or(f.today()));
        // A call about a missed instalment asks for that instalment: the plan still runs, so the
        // rest of the debt is not due yet.
        let asked = f.instalment().map_or(f.to_pay(), |i| i.amount.min(f.total));
        CallTerms {
            to_pay: c.money(c.to_pay()),
            asked: c.money(asked),
            date: c.pay_by_text(),
            dated: f.pay_by.is_some(),
            asked_aloud: f.money(asked),
            date_aloud: f.pay_by_text(),
            count: plan.len(),
            part: instalment_parts(c, &plan),
            first_aloud: f.money(plan.first().map_or(f.total, |i| i.amount)),
        }
    }
}

/// Why the user calls, in words the user can say.
fn call_purpose(f: &Facts, kind: CallKind) -> String {
    let inv = &f.invoices;
    let the = if f.several { "de " } else { "" };
    let inv_total = invoices_with_total(f);
    match kind {
        CallKind::BeforeDue(_) => {
            // The invoices' own due date, which the customer finds on the invoice: not the
            // pay-by date a message would give, which may be later.
            let earliest = f.input.invoices.iter().map(|line| line.invoice.due_date).min();
            let due = earliest.map(|due| f.date(due)).unwrap_or_default();
            let the_invoice = f.the_invoice();
            if f.several {
                t!(
                    f.lang,
                    "\"Ik bel over {inv_total}. De eerste vervalt op {due}. Ik wil graag weten of alles in orde is met {the_invoice}.\"",
                    "\"I am calling about {inv_total}. The first is due on {due}. I would like to check that everything about {the_invoice} is in order.\""
                )
            } else {
                t!(
                    f.lang,
                    "\"Ik bel over {inv_total}, met als vervaldatum {due}. Ik wil graag weten of alles in orde is met {the_invoice}.\"",
                    "\"I am calling about {inv_total}, due on {due}. I would like to check that everything about {the_invoice} is in order.\""
                )
            }
        }
        CallKind::Dispute { .. } => t!(
            f.lang,
            "\"Ik bel over uw bezwaar tegen {the}{inv}. Ik wil graag begrijpen wat er volgens u niet klopt.\"",
            "\"I am calling about your objection to {inv}. I would like to understand what you think is wrong.\""
        ),
        CallKind::Meeting { .. } => t!(
            f.lang,
            "\"Ik bel over {inv_total}. Ondanks mijn herinneringen staat het bedrag nog open, en ik wil dit graag persoonlijk met u bespreken.\"",
            "\"I am calling about {inv_total}. Despite my reminders, the amount is still outstanding, and I would like to discuss this with you in person.\""
        ),
        CallKind::MissedInstalment { instalment, .. } => {
            let amount = f.money(instalment.amount);
            let due = f.date(instalment.date);
            t!(
                f.lang,
                "\"Ik bel over de termijn die op {due} betaald moest worden: daarvan heb ik {amount} nog niet ontvangen.\"",
                "\"I am calling about the instalment that was due on {due}: {amount} of it has not arrived yet.\""
            )
        }
        // A promise is the customer's own word, the most concrete thing to call about: it opens
        // the call before the plan does, as it opens an ordinary call before the reminders.
        CallKind::Plan => missed_promise(f).unwrap_or_else(|| {
            t!(
                f.lang,
                "\"Ik bel over mijn voorstel voor een betalingsregeling voor {inv_total}. Ik wil graag met u afspreken welke bedragen en data voor u haalbaar zijn.\"",
                "\"I am calling about the payment plan I proposed for {inv_total}. I would like to agree with you which amounts and dates you can manage.\""
            )
        }),
        CallKind::Ordinary => missed_promise(f).unwrap_or_else(|| overdue_purpose(f, &inv_total)),
    }
}

/// The opening of a call about a promise the customer has not kept, when the step has one.
fn missed_promise(f: &Facts) -> Option<String> {
    let promise = f.step().promise?;
    let amount = f.money(promise.amount);
    let date = f.date(promise.date);
    if promise.received.is_zero() {
        return Some(t!(
            f.lang,
            "\"U zou {amount} uiterlijk op {date} betalen, maar die betaling heb ik nog niet ontvangen.\"",
            "\"You were going to pay {amount} by {date}, but I have not received that payment yet.\""
        ));
    }
    let received = f.money(promise.received);
    let rest = f.money(promise.missing());
    Some(t!(
        f.lang,
        "\"U zou {amount} uiterlijk op {date} betalen. Daarvan heb ik {received} ontvangen, maar de overige {rest} nog niet.\"",
        "\"You were going to pay {amount} by {date}. I have received {received} of it, but not yet the remaining {rest}.\""
    ))
}

/// The opening of a call about invoices past their date.
fn overdue_purpose(f: &Facts, inv_total: &str) -> String {
    // Only the call after the second reminder knows that reminders went out; a retry or a
    // call earlier in the chase says what is true of every invoice past its date.
    if f.step().action == Action::CallAfterNoReaction {
        return t!(
            f.lang,
            "\"Ik bel over {inv_total}. Ik heb u herinneringen gestuurd, maar nog geen betaling of reactie ontvangen.\"",
            "\"I am calling about {inv_total}. I have sent you reminders, but have not received a payment or a reply.\""
        );
    }
    let overdue = match (f.lang, f.several) {
        (Lang::Nl, false) => "De vervaldatum is voorbij",
        (Lang::Nl, true) => "De vervaldata zijn voorbij",
        (Lang::En, false) => "It is overdue",
        (Lang::En, true) => "They are overdue",
    };
    t!(
        f.lang,
        "\"Ik bel over {inv_total}. {overdue} en ik heb nog geen betaling ontvangen.\"",
        "\"I am calling about {inv_total}. {overdue} and I have not received payment yet.\""
    )
}

/// The goal of a call, for the preparation.
fn call_goal(ask: CallAsk, coach: Lang, terms: &CallTerms) -> String {
    let CallTerms {
        to_pay,
        asked,
        date,
        count,
        part,
        ..
    } = terms;
    match ask {
        CallAsk::Meeting => t!(
            coach,
            "Wat je vraagt: een afspraak, bij de klant of bij jou, om samen een oplossing te vinden voor het openstaande bedrag van {to_pay}.",
            "What you ask for: a meeting, at the customer's or at yours, to find a solution together for the outstanding amount of {to_pay}."
        ),
        CallAsk::Resolution => t!(
            coach,
            "Wat je wilt: begrijpen wat er volgens de klant niet klopt, en afspreken hoe het wordt opgelost.",
            "What you want: to understand what the customer thinks is wrong, and to agree how it will be resolved."
        ),
        CallAsk::Plan => t!(
            coach,
            "Wat je vraagt: akkoord op een betalingsregeling, bijvoorbeeld {count} maandelijkse termijnen van {part}, de eerste uiterlijk op {date}.",
            "What you ask for: agreement on a payment plan, for example {count} monthly instalments of {part}, the first by {date}."
        ),
        CallAsk::Payment => t!(
            coach,
            "Wat je vraagt: betaling van {asked} uiterlijk op {date}.",
            "What you ask for: payment of {asked} by {date}."
        ),
    }
}

/// The request of a call: a heading for the user, the line to say, and what to do with the
/// answer.
fn call_request(ask: CallAsk, lang: Lang, coach: Lang, terms: &CallTerms) -> String {
    let CallTerms {
        to_pay,
        date,
        dated,
        asked_aloud,
        date_aloud,
        first_aloud,
        ..
    } = terms;
    match ask {
        CallAsk::Meeting => {
            let heading = t!(coach, "Stel een afspraak voor", "Propose a meeting");
            let line = t!(
                lang,
                "Kunnen we deze week afspreken, bij u of bij mij?",
                "Can we meet this week, at your place or mine?"
            );
            let advice = if *dated {
                t!(
                    coach,
                    "- Spreek een dag, een tijd en een plaats af, liefst binnen een week.\n- Wil de klant liever meteen betalen, vraag dan om betaling van {to_pay} uiterlijk op {date}.",
                    "- Agree a day, a time and a place, preferably within a week.\n- If the customer would rather pay straight away, ask for payment of {to_pay} by {date}."
                )
            } else {
                t!(
                    coach,
                    "- Spreek een dag, een tijd en een plaats af, liefst binnen een week.\n- Wil de klant liever meteen betalen, vraag dan om betaling van {to_pay} en spreek een datum af, liefst binnen een week.",
                    "- Agree a day, a time and a place, preferably within a week.\n- If the customer would rather pay straight away, ask for payment of {to_pay} and agree a date, preferably within a week."
                )
            };
            format!("{heading}\n- \"{line}\"\n{advice}")
        }
        CallAsk::Resolution => {
            let listen = t!(
                coach,
                "Luister eerst\n- Laat de klant uitpraten. Vat het bezwaar in je eigen woorden samen en vraag of dat klopt.\n- Spreek af hoe het wordt opgelost, en wanneer. Noem geen kosten.",
                "Listen first\n- Let the customer finish. Sum up the objection in your own words and ask whether that is right.\n- Agree how it will be resolved, and by when. Do not mention costs."
            );
            let undisputed = if *dated {
                t!(
                    coach,
                    "- Vraag of het deel waarover geen discussie is al betaald kan worden, uiterlijk op {date}.",
                    "- Ask whether the part that is not in dispute can be paid already, by {date}."
                )
            } else {
                t!(
                    coach,
                    "- Vraag of het deel waarover geen discussie is al betaald kan worden, en spreek daar een datum voor af.",
                    "- Ask whether the part that is not in dispute can be paid already, and agree a date for it."
                )
            };
            format!("{listen}\n{undisputed}")
        }
        CallAsk::Plan => {
            let heading = t!(coach, "Stel de betalingsregeling voor", "Propose the payment plan");
            let line = t!(
                lang,
                "Lukt het om {first_aloud} per maand te betalen, de eerste keer uiterlijk op {date_aloud}?",
                "Could you manage {first_aloud} a month, with the first payment by {date_aloud}?"
            );
            let advice = t!(
                coach,
                "Past dat niet, vraag dan welk bedrag per maand wel haalbaar is en wanneer de eerste termijn kan. Houd de eerste datum dichtbij.",
                "If that does not work, ask what monthly amount is feasible and when the first instalment can be paid. Keep the first date close."
            );
            format!("{heading}\n- \"{line}\"\n- {advice}")
        }
        CallAsk::Payment => {
            let heading = t!(coach, "Vraag om betaling", "Ask for payment");
            let line = t!(
                lang,
                "Kunt u {asked_aloud} uiterlijk op {date_aloud} betalen?",
                "Can you pay {asked_aloud} by {date_aloud}?"
            );
            let advice = t!(
                coach,
                "Noemt de klant geen datum, vraag er dan om. Houd die datum dichtbij: liever deze week dan volgende maand.",
                "If the customer names no date, ask for one. Keep it close: this week rather than next month."
            );
            format!("{heading}\n- \"{line}\"\n- {advice}")
        }
    }
}

/// A question for the user to ask, in the customer's `lang`. What to do with the answer is
/// advice for the user, already in the user's language.
fn question(lang: Lang, nl: &str, en: &str, advice: Option<String>) -> String {
    let asked = lang.pick(nl, en);
    match advice {
        Some(advice) => format!("- \"{asked}\" {advice}"),
        None => format!("- \"{asked}\""),
    }
}

/// The open questions of a call, which find out what stands between the customer and payment.
fn call_questions(kind: CallKind, f: &Facts, c: &Facts, terms: &CallTerms) -> String {
    let (lang, coach) = (f.lang, c.lang);
    let the_invoice = f.the_invoice();
    let CallTerms { count, part, .. } = terms;
    // A plan spreads the principal; costs due now are set aside while it is kept, so the
    // user should not expect the instalments to add up to the amount asked for.
    let principal_only = principal_only(c, coach);
    let plan_offer = t!(
        coach,
        "een betalingsregeling voor, bijvoorbeeld {count} maandelijkse termijnen van {part}{principal_only}.",
        "a payment plan, for example {count} monthly instalments of {part}{principal_only}."
    );
    let (heading, lines) = match kind {
        CallKind::BeforeDue(_) => (
            t!(coach, "Open vragen", "Open questions"),
            vec![
                question(
                    lang,
                    "Is alles geleverd zoals u verwachtte?",
                    "Was everything delivered as you expected?",
                    None,
                ),
                question(
                    lang,
                    &format!("Is er iets aan {the_invoice} dat niet klopt?"),
                    &format!("Is anything about {the_invoice} not right?"),
                    Some(t!(
                        coach,
                        "Gaat het om een klacht, luister dan, vat samen en spreek af hoe het wordt opgelost.",
                        "If it is a complaint, listen, sum up and agree how it will be resolved."
                    )),
                ),
                question(
                    lang,
                    "Lukt het om uiterlijk op de vervaldatum te betalen?",
                    "Will you be able to pay on the due date?",
                    Some(t!(
                        coach,
                        "Lukt dat niet, vraag dan wanneer wel, of stel {plan_offer}",
                        "If not, ask when, or propose {plan_offer}"
                    )),
                ),
            ],
        ),
        // A missed instalment raises whether the plan still fits, whatever else a call after
        // the due date is about.
        CallKind::MissedInstalment { .. }
        | CallKind::Dispute {
            missed_instalment: true,
            ..
        }
        | CallKind::Meeting {
            missed_instalment: true,
        } => (
            t!(coach, "Open vragen", "Open questions"),
            vec![
                question(
                    lang,
                    "Waarom is de termijn niet betaald?",
                    "Why was the instalment not paid?",
                    None,
                ),
                question(
                    lang,
                    "Lukt het om de volgende termijnen op tijd te betalen?",
                    "Will you manage the next instalments on time?",
                    Some(t!(
                        coach,
                        "Past de regeling niet meer, spreek dan een nieuwe af en bevestig die schriftelijk.",
                        "If the plan no longer fits, agree a new one and confirm it in writing."
                    )),
                ),
            ],
        ),
        CallKind::Dispute {
            missed_instalment: false,
            ..
        } => (
            t!(coach, "Open vragen", "Open questions"),
            vec![
                question(
                    lang,
                    &format!("Wat klopt er volgens u niet aan het werk of {the_invoice}?"),
                    &format!("What do you think is not right about the work or {the_invoice}?"),
                    None,
                ),
                question(
                    lang,
                    &format!("Over welk deel van {the_invoice} gaat het?"),
                    &format!("Which part of {the_invoice} is it about?"),
                    None,
                ),
                question(
                    lang,
                    "Wat zou voor u een goede oplossing zijn?",
                    "What would be a good solution for you?",
                    None,
                ),
                t!(
                    coach,
                    "- Hoor je dat de klant eigenlijk niet kan betalen, stel dan {plan_offer}",
                    "- If you hear that the customer in fact cannot pay, propose {plan_offer}"
                ),
            ],
        ),
        CallKind::Meeting {
            missed_instalment: false,
        }
        | CallKind::Plan
        | CallKind::Ordinary => (
            t!(
                coach,
                "Open vragen (kan de klant niet betalen, of wil de klant niet betalen?)",
                "Open questions (can't pay or won't pay?)"
            ),
            vec![
                question(
                    lang,
                    if f.several {
                        "Waarom staan de facturen nog open?"
                    } else {
                        "Waarom staat de factuur nog open?"
                    },
                    if f.several {
                        "Why are the invoices still unpaid?"
                    } else {
                        "Why is the invoice still unpaid?"
                    },
                    None,
                ),
                question(
                    lang,
                    &format!("Is er iets aan het werk of {the_invoice} dat niet klopt?"),
                    &format!("Is anything about the work or {the_invoice} not right?"),
                    Some(t!(
                        coach,
                        "Gaat het om een klacht, dan is het een bezwaar: luister, vat samen en spreek af hoe het wordt opgelost. Noem dan geen kosten.",
                        "If it is a complaint, it is a dispute: listen, sum up and agree how it will be resolved. Do not mention costs then."
                    )),
                ),
                question(
                    lang,
                    "Wat is er nodig om dit bedrag te kunnen betalen?",
                    "What would it take to pay this amount?",
                    Some(t!(
                        coach,
                        "Kan de klant nu niet betalen, stel dan {plan_offer}",
                        "If the customer cannot pay now, propose {plan_offer}"
                    )),
                ),
            ],
        ),
    };
    format!("{heading}\n{}", lines.join("\n"))
}

/// The close of a call: the summary the user ends it with.
fn call_close(ask: CallAsk, lang: Lang, coach: Lang, terms: &CallTerms) -> String {
    let CallTerms {
        asked_aloud,
        date_aloud,
        count,
        first_aloud,
        ..
    } = terms;
    match ask {
        CallAsk::Meeting => t!(
            coach,
            "Afsluiten\n- Sluit het gesprek zelf af met een samenvatting: de dag, de tijd en de plaats van de afspraak, of het bedrag en de datum van betaling.",
            "Close\n- End the call yourself with a summary: the day, time and place of the meeting, or the amount and date of payment."
        ),
        CallAsk::Resolution => t!(
            coach,
            "Afsluiten\n- Sluit het gesprek zelf af met een samenvatting: wat er wordt opgelost, door wie en wanneer, en wanneer het bedrag (of het deel waarover geen discussie is) wordt betaald.",
            "Close\n- End the call yourself with a summary: what will be resolved, by whom and when, and when the amount (or the undisputed part) will be paid."
        ),
        CallAsk::Plan => {
            let summary = t!(
                lang,
                "We spreken dus af dat u {count} maandelijkse termijnen van {first_aloud} betaalt, de eerste uiterlijk op {date_aloud}.",
                "So we agree that you will pay {count} monthly instalments of {first_aloud}, the first by {date_aloud}."
            );
            t!(
                coach,
                "Afsluiten\n- Sluit het gesprek zelf af met een samenvatting: \"{summary}\" Noem de bedragen en data die je echt hebt afgesproken.",
                "Close\n- End the call yourself with a summary: \"{summary}\" Use the amounts and dates you actually agreed."
            )
        }
        CallAsk::Payment => {
            let summary = t!(
                lang,
                "We spreken dus af dat u {asked_aloud} uiterlijk op {date_aloud} betaalt.",
                "So we agree that you will pay {asked_aloud} by {date_aloud}."
            );
            t!(
                coach,
                "Afsluiten\n- Sluit het gesprek zelf af met een samenvatting: \"{summary}\" Noem het bedrag en de datum die je echt hebt afgesproken.",
                "Close\n- End the call yourself with a summary: \"{summary}\" Use the amount and date you actually agreed."
            )
        }
    }
}

/// The script for a call. `f` speaks the customer's language and gives the lines to say; `c`
/// speaks the user's and gives the guidance around them, which only the user reads.
pub(super) fn call_script(f: &Facts, c: &Facts) -> Written {
    let lang = f.lang;
    let coach = c.lang;
    let kind = CallKind::of(f);
    let terms = CallTerms::of(f, c);
    let customer = f.customer();
    let name = &f.name;
    let who = if customer.contact_person.trim().is_empty() || f.name == customer.name.trim() {
        name.clone()
    } else {
        let company = customer.name.trim();
        t!(coach, "{name} van {company}", "{name} of {company}")
    };
    let number = customer.phone.trim();
    let moment = best_moment(c);
    let dial = if number.is_empty() {
        t!(
            coach,
            "- Bel {who}, het liefst {moment}.",
            "- Call {who}, preferably {moment}."
        )
    } else {
        t!(
            coach,
            "- Bel {who} op {number}, het liefst {moment}.",
            "- Call {who} on {number}, preferably {moment}."
        )
    };
    let block = indent(&c.block());
    let goal = call_goal(kind.ask(), coach, &terms);
    let prepare = t!(
        coach,
        "Voorbereiding\n{dial}\n- Waar het om gaat:\n{block}\n- {goal}\n- Houd bij de hand wat je wanneer hebt gestuurd (het dossier).",
        "Prepare\n{dial}\n- What it is about:\n{block}\n- {goal}\n- Keep at hand what you sent and when (the dossier)."
    );
    let hello = hello(lang, f.step().call_at);
    let business = &f.business;
    // Without a contact person there is nobody to ask for by name: ask for whoever handles
    // the invoices.
    let ask_for = if f.person {
        t!(lang, "Spreek ik {name}?", "Am I speaking to {name}?")
    } else {
        t!(
            lang,
            "Mag ik iemand spreken die over de facturen van {name} gaat?",
            "May I speak to whoever deals with invoices at {name}?"
        )
    };
    let heading = t!(coach, "Opening", "Opening");
    let greet = t!(
        lang,
        "{hello}, u spreekt met {business}. {ask_for}",
        "{hello}, this is {business}. {ask_for}"
    );
    let purpose = call_purpose(f, kind);
    let opening = format!("{heading}\n- \"{greet}\"\n- {purpose}");
    let request = call_request(kind.ask(), lang, coach, &terms);
    let questions = call_questions(kind, f, c, &terms);
    let future = format!(
        "{}\n{}\n{}",
        t!(coach, "Volgende facturen", "Future invoices"),
        question(
            lang,
            "Hoe zorgen we dat de volgende facturen op tijd betaald worden?",
            "How do we make sure the next invoices are paid on time?",
            None
        ),
        t!(
            coach,
            "- Zeg dat je ervan uitgaat dat toekomstige betalingen soepel verlopen.",
            "- Say that you expect future payments to go smoothly."
        )
    );
    let close = call_close(kind.ask(), lang, coach, &terms);
    let after = t!(
        coach,
        "Na het gesprek\n- Bevestig de afspraak vandaag nog schriftelijk, in een e-mail met de samenvatting. Een mondelinge afspraak is makkelijk te ontkennen; de bevestiging is je bewijs.\n- Noteer het gesprek in het dossier.\n- Neemt niemand op? Probeer het opnieuw op een ander moment van de dag.",
        "After the call\n- Confirm the agreement in writing today, in an email with the summary. A spoken promise is easy to deny; the confirmation is your evidence.\n- Log the call in the dossier.\n- No answer? Try again at another time of day."
    );
    let who_and_what = c.who_and_what();
    Written {
        subject: t!(coach, "Belscript: {who_and_what}", "Call script: {who_and_what}"),
        paragraphs: vec![prepare, opening, request, questions, future, close, after],
    }
}

/// The agenda of a meeting. Only the user reads it, so `f` speaks the user's language and the
/// user is "je", as in a call script.
pub(super) fn agenda(f: &Facts) -> Written {
    let lang = f.lang;
    let to_pay = f.money(f.to_pay());
    let date = f.pay_by_text();
    let plan = proposed_plan(f.total, f.pay_by.unwrap_or(f.today()));
    let count = plan.len();
    let part = instalment_parts(f, &plan);
    // The plan spreads the principal only: costs due now are set aside while it is kept.
    let principal_only = principal_only(f, lang);
    let block = indent(&f.block());
    let agency = f.agency();
    let who_and_what = f.who_and_what();
    let the_invoice = f.the_invoice();
    let open_invoices = match (lang, f.several) {
        (Lang::Nl, false) => "De openstaande factuur",
        (Lang::Nl, true) => "De openstaande facturen",
        (Lang::En, false) => "The outstanding invoice",
        (Lang::En, true) => "The outstanding invoices",
    };
    Written {
        subject: t!(lang, "Gespreksagenda: {who_and_what}", "Meeting agenda: {who_and_what}"),
        paragraphs: vec![
            t!(
                lang,
                "Doel\nEen duidelijke afspraak over de betaling van {to_pay}.",
                "Goal\nA clear agreement on the payment of {to_pay}."
            ),
            t!(
                lang,
                "Neem mee\n- {the_invoice} en het dossier: wat je wanneer hebt gestuurd, gebeld en afgesproken\n- een voorstel voor een betalingsregeling: {count} maandelijkse termijnen van {part}, de eerste uiterlijk op {date}{principal_only}",
                "Bring\n- {the_invoice} and the dossier: what you sent, called about and agreed, and when\n- a payment plan proposal: {count} monthly instalments of {part}, the first by {date}{principal_only}"
            ),
            t!(
                lang,
                "Agenda\n1. {open_invoices}:\n{block}\n2. Waarom is er nog niet betaald? Stel open vragen en luister voordat je oordeelt.\n3. De afspraak: het hele bedrag uiterlijk op {date}, of de betalingsregeling.\n4. Volgende facturen: hoe voorkomen we een nieuwe achterstand? Zeg dat je ervan uitgaat dat toekomstige betalingen soepel verlopen.\n5. Wat er gebeurt als de afspraak niet wordt nagekomen: overdracht aan {agency}.",
                "Agenda\n1. {open_invoices}:\n{block}\n2. Why has it not been paid? Ask open questions and listen before you judge.\n3. The agreement: the full amount by {date}, or the payment plan.\n4. Future invoices: how do we avoid new arrears? Say that you expect future payments to go smoothly.\n5. What happens if the agreement is not kept: hand-over to {agency}."
            ),
            t!(
                lang,
                "Na het gesprek\n- Vat aan het eind samen wat is afgesproken: bedrag, datum, termijnen.\n- Bevestig de afspraak dezelfde dag schriftelijk en noteer het gesprek in het dossier.",
                "After the meeting\n- At the end, sum up what was agreed: amount, date, instalments.\n- Confirm the agreement in writing the same day and log the meeting in the dossier."
            ),
        ],
    }
}

// ----------------------------------------------------------------------------------------------
// Reasons (for the user)

fn days(lang: Lang, n: i64) -> String {
    match lang {
        Lang::Nl => count(n, "dag", "dagen"),
        Lang::En => count(n, "day", "days"),
    }
}

/// "De factuur is 14 dagen te laat" / "The invoice falls due in 3 days".
fn when_due(step: &Step, facts: &ReasonFacts, lang: Lang) -> String {
    let subject = match (lang, step.invoice_ids.len() > 1) {
        (Lang::Nl, false) => "De factuur",
        (Lang::Nl, true) => "De oudste factuur",
        (Lang::En, false) => "The invoice",
        (Lang::En, true) => "The oldest invoice",
    };
    let d = facts.days_overdue;
    let n = days(lang, d.saturating_abs());
    match facts.ahead {
        None => match d.signum() {
            1 => t!(lang, "{subject} is {n} te laat", "{subject} is {n} overdue"),
            0 => t!(lang, "{subject} vervalt vandaag", "{subject} falls due today"),
            _ => t!(lang, "{subject} vervalt over {n}", "{subject} falls due in {n}"),
        },
        Some(day) => {
            let day = format_date(day, lang);
            // Mid-sentence, after the date.
            let subject = match (lang, step.invoice_ids.len() > 1) {
                (Lang::Nl, false) => "de factuur",
                (Lang::Nl, true) => "de oudste factuur",
                (Lang::En, false) => "the invoice",
                (Lang::En, true) => "the oldest invoice",
            };
            match d.signum() {
                1 => t!(
                    lang,
                    "Op {day} is {subject} {n} te laat",
                    "On {day}, {subject} will be {n} overdue"
                ),
                0 => t!(lang, "Op {day} vervalt {subject}", "On {day}, {subject} falls due"),
                _ => t!(
                    lang,
                    "Op {day} vervalt {subject} over {n}",
                    "On {day}, {subject} will fall due in {n}"
                ),
            }
        }
    }
}

pub(super) fn reason(step: &Step, facts: &ReasonFacts, lang: Lang) -> String {
    let when = when_due(step, facts, lang);
    let amount = format_money(facts.outstanding, lang);
    let date = |d: NaiveDate| format_date(d, lang);
    match step.rule {
        Rule::HeadsUpBeforeDue => t!(
            lang,
            "{when}: een vriendelijke herinnering vooraf helpt om op tijd betaald te worden.",
            "{when}: a friendly heads-up helps you get paid on time."
        ),
        Rule::CallLargeInvoiceBeforeDue => t!(
            lang,
            "{when} en het gaat om {amount}: met een kort gesprek vooraf vind je een probleem voordat het een achterstand wordt.",
            "{when} and it is for {amount}: a short call beforehand finds a problem before it becomes a late payment."
        ),
        Rule::FirstReminderAfterDue => t!(
            lang,
            "{when}: een eerste, vriendelijke herinnering is de gewone volgende stap.",
            "{when}: a first, friendly reminder is the usual next step."
        ),
        Rule::SecondReminderAfterTwoWeeks => t!(
            lang,
            "{when}: een tweede herinnering is de gewone volgende stap.",
            "{when}: a second reminder is the usual next step."
        ),
        Rule::CallWhenWritingIsIgnored => t!(
            lang,
            "Op je herinneringen kwam geen reactie: een telefoongesprek is moeilijker te negeren.",
            "Your written reminders got no response: a phone call is harder to ignore."
        ),
        Rule::RetryUnansweredCall => t!(
            lang,
            "Bij je laatste poging werd niet opgenomen: probeer het opnieuw op een ander moment van de dag.",
            "Your last call was not answered: try again at another time of day."
        ),
        Rule::BackToWritingAfterUnansweredCalls => t!(
            lang,
            "Er werd meerdere keren niet opgenomen: zet je verzoek weer op schrift.",
            "Several calls went unanswered: put your request in writing again."
        ),
        Rule::ConfirmCallInWriting => t!(
            lang,
            "Je hebt de klant gesproken: bevestig zo snel mogelijk schriftelijk wat je hebt afgesproken, dan staat het vast.",
            "You reached the customer: confirm what you agreed in writing as soon as you can, so it is on record."
        ),
        Rule::ConfirmSettlementInWriting => t!(
            lang,
            "Het bezwaar is opgelost: bevestig schriftelijk hoe, en wanneer de klant betaalt. Pas daarna gaan de herinneringen verder.",
            "The objection is resolved: confirm in writing how, and when the customer pays. Only then do the reminders go on."
        ),
        // Shown ahead of time, the step cannot yet know whether the payment came: it says when
        // the follow-up is due.
        Rule::FollowUpMissedPromise if facts.ahead.is_some() => match step.promise {
            Some(Promised { amount: promised, date: by, .. }) => {
                let promised = format_money(promised, lang);
                let by = date(by);
                t!(
                    lang,
                    "De klant beloofde {promised} te betalen uiterlijk op {by}. Is die betaling er dan niet (helemaal), volg de belofte dan op.",
                    "The customer promised to pay {promised} by {by}. If the payment has not arrived in full by then, follow the promise up."
                )
            }
            None => t!(
                lang,
                "De klant beloofde te betalen. Is die betaling er niet (helemaal) op tijd, volg de belofte dan op.",
                "The customer promised to pay. If the payment does not arrive in full in time, follow the promise up."
            ),
        },
        Rule::FollowUpMissedPromise => match step.promise {
            Some(Promised { amount: promised, date: by, .. }) => {
                let promised = format_money(promised, lang);
                let by = date(by);
                t!(
                    lang,
                    "De klant beloofde {promised} te betalen uiterlijk op {by}, en die betaling is niet (helemaal) binnen: volg de belofte op.",
                    "The customer promised to pay {promised} by {by}, and the payment has not arrived in full: follow the promise up."
                )
            }
            None => t!(
                lang,
                "De klant beloofde te betalen, en die betaling is niet (helemaal) binnen: volg de belofte op.",
                "The customer promised to pay, and the payment has not arrived in full: follow the promise up."
            ),
        },
        // The reason says what the step does: a call, or the written answer.
        Rule::StopEscalatingOnDispute if step.channel == Channel::Phone => t!(
            lang,
            "De klant heeft bezwaar tegen de factuur: stop met herinneren en bel om samen een oplossing af te spreken. Is het al opgelost? Leg dat dan vast met ‘Bezwaar oplossen’.",
            "The customer disputes the invoice: stop the reminders and call to agree on a solution. Settled already? Then record it with ‘Resolve the dispute’."
        ),
        Rule::StopEscalatingOnDispute => t!(
            lang,
            "De klant heeft bezwaar tegen de factuur: stop met herinneren en antwoord schriftelijk, zodat jullie samen een oplossing zoeken.",
            "The customer disputes the invoice: stop the reminders and answer in writing, so you look for a solution together."
        ),
        Rule::OfferPlanWhenCannotPay => t!(
            lang,
            "De klant kan nu niet betalen: stel een betalingsregeling in termijnen voor.",
            "The customer cannot pay now: offer a payment plan in instalments."
        ),
        Rule::ConfirmPlanInWriting => t!(
            lang,
            "Er is een betalingsregeling afgesproken: bevestig die schriftelijk, met alle bedragen en data.",
            "A payment plan was agreed: confirm it in writing, with every amount and date."
        ),
        Rule::ChaseEachInstalment => match &step.instalment {
            Some(instalment) => {
                let part = format_money(instalment.amount, lang);
                let by = date(instalment.date);
                t!(
                    lang,
                    "Een termijn van {part} moet uiterlijk op {by} betaald zijn: een korte herinnering houdt de regeling op koers.",
                    "An instalment of {part} is due by {by}: a short reminder keeps the plan on track."
                )
            }
            None => t!(
                lang,
                "Er komt een termijn aan: een korte herinnering houdt de regeling op koers.",
                "An instalment is coming up: a short reminder keeps the plan on track."
            ),
        },
        Rule::CallOnMissedInstalment if step.channel == Channel::Phone => t!(
            lang,
            "Een termijn van de betalingsregeling is gemist: bel om te horen waarom en spreek een nieuwe datum af.",
            "An instalment of the payment plan was missed: call to hear why and agree on a new date."
        ),
        Rule::CallOnMissedInstalment => t!(
            lang,
            "Een termijn van de betalingsregeling is gemist: vraag waarom en spreek een nieuwe datum af.",
            "An instalment of the payment plan was missed: ask why and agree on a new date."
        ),
        Rule::LastReminderAfterAMonth => t!(
            lang,
            "{when}: nu is de formele laatste herinnering aan de beurt.",
            "{when}: it is time for the formal last reminder."
        ),
        Rule::ConsumerFourteenDayLetter => t!(
            lang,
            "{when} en de klant is een consument: incassokosten mogen pas na een veertiendagenbrief, dus verstuur die per post.",
            "{when} and the customer is a consumer: collection costs are allowed only after a 14-day letter, so post one."
        ),
        Rule::BelgianFreeFirstReminder => t!(
            lang,
            "{when} en de klant is een consument onder de Belgische regels: de wet vraagt eerst één gratis herinnering die noemt wat er na veertien dagen kan volgen. Een herinnering vooraf telt daarvoor niet mee.",
            "{when} and the customer is a consumer under the Belgian rules: the law first asks for one free reminder that says what may follow after fourteen days. A heads-up does not count for this."
        ),
        Rule::MeetingForLargestDebts => t!(
            lang,
            "Er staat {amount} open, boven je grens voor een persoonlijk gesprek: spreek de klant persoonlijk voordat je de vordering overdraagt.",
            "{amount} is outstanding, above your threshold for a meeting: meet the customer in person before you hand the claim over."
        ),
        Rule::HandOverAfterLastTerm => t!(
            lang,
            "De termijn van de laatste herinnering is voorbij en er staat nog {amount} open: draag de vordering over aan een incassobureau.",
            "The term of the last reminder has passed and {amount} is still outstanding: hand the claim over to a collection agency."
        ),
        Rule::HandOverOnTheDayNoticed => t!(
            lang,
            "De aankondiging van de overdracht noemde deze dag voor de overdracht en er staat nog {amount} open: druk het dossier af, stuur het naar het incassobureau en leg de overdracht vast.",
            "The hand-over notice named this day for the hand-over and {amount} is still outstanding: print the dossier, send it to the agency and record the hand-over."
        ),
        Rule::ThankAfterPayment => t!(
            lang,
            "De factuur is betaald: een kort bericht met dank houdt de relatie goed.",
            "The invoice is paid: a short thank-you keeps the relationship good."
        ),
    }
}
