//! What an import makes of a file (`ImportResult`), its preview and summary, and how far a
//! chunked import has come.

use std::collections::HashSet;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::cells::cut;
use super::problems::{Duplicate, RowError};
use crate::domain::invoice_form::number_key;
use crate::domain::model::{Customer, CustomerId, CustomerKind, Invoice, InvoiceId, Lang};
use crate::domain::plural::{join_and, noun};
use crate::domain::text::t;

/// What an import proposes to store and what it refused. Save it as a whole or not at all.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportResult {
    pub new_customers: Vec<Customer>,
    pub invoices: Vec<Invoice>,
    /// Amounts already paid on imported invoices, for the caller to record as payments.
    pub payments: Vec<(InvoiceId, Decimal)>,
    /// In the order of the file; a row may have several.
    pub errors: Vec<RowError>,
    pub duplicates: Vec<Duplicate>,
    /// Rows whose fields were all blank.
    pub skipped_empty: usize,
    /// Sum lines ("Totaal") without an invoice number.
    pub skipped_totals: usize,
    /// Rows of invoices the file says were written off.
    pub skipped_written_off: usize,
    /// Customers the app knows (or the file named earlier) for whom a row gives another email
    /// address or phone number; the import keeps the details it had.
    pub other_contact_details: Vec<String>,
    /// Customers the app knows (or an earlier row of the file named) as one kind, for whom a
    /// row says the other, with the kind the file says; the import keeps the kind it had.
    pub other_kind: Vec<(String, CustomerKind)>,
    /// The file writes its dates month first, and they were read so.
    pub month_first: bool,
    /// Nothing in the file settles the order of its dates, and some would be other days read
    /// month first: they were read day first, as the forms read them.
    pub day_first_assumed: bool,
}

/// One imported invoice as the review shows it, so the user sees how the file was read (which
/// column gave the date, whether "1.234" became € 1.234,00) before anything is saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PreviewRow {
    pub number: String,
    pub customer: String,
    pub issue_date: NaiveDate,
    pub due_date: NaiveDate,
    pub amount: Decimal,
    /// What the file says was paid already; zero when nothing.
    pub paid: Decimal,
}

impl ImportResult {
    /// The first `count` invoices as read, with their customer's name from the import or from
    /// `existing`.
    pub fn preview(&self, existing: &[Customer], count: usize) -> Vec<PreviewRow> {
        let name_of = |id: &CustomerId| {
            self.new_customers
                .iter()
                .chain(existing)
                .find(|c| &c.id == id)
                .map_or_else(String::new, |c| c.name.clone())
        };
        let paid_on = |id: &InvoiceId| {
            self.payments
                .iter()
                .filter(|(invoice, _)| invoice == id)
                .fold(Decimal::ZERO, |sum, (_, amount)| sum.saturating_add(*amount))
        };
        self.invoices
            .iter()
            .take(count)
            .map(|i| PreviewRow {
                number: i.number.clone(),
                customer: name_of(&i.customer_id),
                issue_date: i.issue_date,
                due_date: i.due_date,
                amount: i.amount,
                paid: paid_on(&i.id),
            })
            .collect()
    }
}

/// Why a reviewed import can no longer be saved: the stored data changed after the file was
/// read (in another tab, say), and saving would now write a second invoice under one number
/// or an invoice whose customer is gone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outdated {
    NumberTaken(String),
    CustomerGone(String),
}

impl Outdated {
    pub fn message(&self, lang: Lang) -> String {
        let (nl, en) = match self {
            Outdated::NumberTaken(number) => (
                format!("factuur {} bestaat intussen al", cut(number)),
                format!("invoice {} exists by now", cut(number)),
            ),
            Outdated::CustomerGone(number) => (
                format!("de klant van factuur {} is intussen verwijderd", cut(number)),
                format!("the customer of invoice {} was removed in the meantime", cut(number)),
            ),
        };
        match lang {
            Lang::Nl => format!(
                "Er is iets veranderd sinds het inlezen, bijvoorbeeld in een ander tabblad: {nl}. Lees het bestand opnieuw in."
            ),
            Lang::En => format!(
                "Something changed since the file was read, perhaps in another tab: {en}. Read the file again."
            ),
        }
    }
}

impl ImportResult {
    /// Checks the result against the data as it is now, just before it is saved: the review
    /// may have waited while another tab added an invoice or removed a customer.
    pub fn outdated(&self, customers: &[Customer], invoices: &[Invoice]) -> Option<Outdated> {
        let taken: HashSet<String> = invoices.iter().map(|i| number_key(&i.number)).collect();
        let known: HashSet<&CustomerId> = customers.iter().chain(&self.new_customers).map(|c| &c.id).collect();
        self.invoices.iter().find_map(|invoice| {
            if taken.contains(&number_key(&invoice.number)) {
                Some(Outdated::NumberTaken(invoice.number.clone()))
            } else if !known.contains(&invoice.customer_id) {
                Some(Outdated::CustomerGone(invoice.number.clone()))
            } else {
                None
            }
        })
    }
}

impl ImportResult {
    /// A few sentences for the top of the result screen; counts of zero are left out.
    pub fn summary(&self, lang: Lang) -> String {
        let imported = self.invoices.len();
        let customers = self.new_customers.len();
        let mut refused: Vec<usize> = self.errors.iter().map(|e| e.line).collect();
        refused.dedup();
        let refused = refused.len();
        let duplicates = self.duplicates.len();
        // "0 new customers" reads like a count gone wrong; no customers or nothing at all is
        // said in words.
        let invoices = lang.pick(
            noun(imported, "factuur", "facturen"),
            noun(imported, "invoice", "invoices"),
        );
        let mut text = match (imported, customers) {
            (0, _) => lang
                .pick("Geen facturen om op te slaan.", "No invoices to save.")
                .to_owned(),
            (_, 0) => t!(
                lang,
                "{imported} {invoices} van bestaande klanten klaar om op te slaan.",
                "{imported} {invoices} of existing customers ready to save."
            ),
            _ => {
                let new_customers = lang.pick(
                    noun(customers, "nieuwe klant", "nieuwe klanten"),
                    noun(customers, "new customer", "new customers"),
                );
                t!(
                    lang,
                    "{imported} {invoices} en {customers} {new_customers} klaar om op te slaan.",
                    "{imported} {invoices} and {customers} {new_customers} ready to save."
                )
            }
        };
        if refused > 0 {
            text.push_str(&match lang {
                Lang::Nl => format!(
                    " {refused} {} met fouten niet ingelezen.",
                    noun(refused, "regel", "regels")
                ),
                Lang::En => format!(" {refused} {} with errors left out.", noun(refused, "line", "lines")),
            });
        }
        if duplicates > 0 {
            text.push_str(&match lang {
                Lang::Nl => format!(
                    " {duplicates} {} overgeslagen.",
                    noun(duplicates, "dubbele factuur", "dubbele facturen")
                ),
                Lang::En => format!(" {duplicates} {} skipped.", noun(duplicates, "duplicate", "duplicates")),
            });
        }
        if !self.other_contact_details.is_empty() {
            let names = join_and(lang, &self.other_contact_details);
            text.push_str(&match lang {
                Lang::Nl => format!(
                    " Voor {names} geeft het bestand een e-mailadres of telefoonnummer dat afwijkt van wat de app \
                     heeft; dat is niet overgenomen. Pas het aan bij de klant als het nieuwe klopt."
                ),
                Lang::En => format!(
                    " For {names} the file gives an email address or phone number that differs from what the app \
                     has; it was not taken over. Change it on the customer if the new one is right."
                ),
            });
        }
        for said in [CustomerKind::Consumer, CustomerKind::Business] {
            let names: Vec<String> = self
                .other_kind
                .iter()
                .filter(|(_, kind)| *kind == said)
                .map(|(name, _)| name.clone())
                .collect();
            if !names.is_empty() {
                text.push_str(&other_kind_sentence(lang, &names, said));
            }
        }
        if self.skipped_totals > 0 {
            let n = self.skipped_totals;
            text.push_str(&match lang {
                Lang::Nl => format!(" {n} {} overgeslagen.", noun(n, "totaalregel", "totaalregels")),
                Lang::En => format!(" {n} {} skipped.", noun(n, "total line", "total lines")),
            });
        }
        if self.skipped_written_off > 0 {
            let n = self.skipped_written_off;
            text.push_str(&match lang {
                Lang::Nl => format!(
                    " {n} {} niet ingelezen: waarom en wanneer er is afgeschreven staat niet in het bestand, en \
                     zonder dat dossier zou de app {} weer opvolgen. Voeg {} zo nodig met de hand toe en schrijf {} \
                     daar af.",
                    noun(n, "afgeschreven factuur", "afgeschreven facturen"),
                    noun(n, "hem", "ze"),
                    noun(n, "hem", "ze"),
                    noun(n, "hem", "ze"),
                ),
                Lang::En => format!(
                    " {n} written-off {} left out: the file does not say why or when {} written off, and without \
                     that dossier the app would chase {} again. If you need {} in the app, add {} by hand and write {} \
                     off there.",
                    noun(n, "invoice", "invoices"),
                    noun(n, "it was", "they were"),
                    noun(n, "it", "them"),
                    noun(n, "it", "them"),
                    noun(n, "it", "them"),
                    noun(n, "it", "them"),
                ),
            });
        }
        if self.month_first {
            text.push_str(lang.pick(
                " De datums in dit bestand staan als maand/dag/jaar (zoals 11/22/2026) en zijn zo gelezen.",
                " The dates in this file are written month/day/year (such as 11/22/2026) and were read that way.",
            ));
        }
        if self.day_first_assumed {
            text.push_str(lang.pick(
                " De datums in dit bestand kunnen dag/maand en maand/dag zijn; ze zijn gelezen met de dag eerst \
                 (02/01/2026 is 2 januari). Klopt dat niet, kies dan hieronder ‘Lees als maand/dag/jaar’.",
                " The dates in this file could be day/month or month/day; they were read day first (02/01/2026 is \
                 2 January). If that is wrong, choose ‘Read as month/day/year’ below.",
            ));
        }
        if !self.payments.is_empty() {
            text.push_str(lang.pick(
                " Het bestand zegt wel hoeveel er al betaald is, maar niet wanneer: die betalingen komen op de \
                 vervaldatum in het dossier, zodat er geen rente over wordt gerekend. Weet je de echte datum, pas de \
                 betaling dan aan.",
                " The file says how much was paid already, but not when: those payments go into the dossier on \
                 the due date, so no interest is charged on them. If you know the real date, change the payment.",
            ));
        }
        text
    }
}

/// Names the customers a file calls `said` while the app keeps them as the other kind, and
/// why that matters: a consumer has legal protections a business does not.
fn other_kind_sentence(lang: Lang, names: &[String], said: CustomerKind) -> String {
    let n = names.len();
    let names = join_and(lang, names);
    // The two languages count in different words: Dutch in "is deze klant" or "zijn deze
    // klanten" before the kind, English in the kinds themselves ("a consumer", "consumers").
    // So each text captures its own counted words.
    let customers_are = noun(n, "is deze klant", "zijn deze klanten");
    let what = match said {
        CustomerKind::Consumer => {
            let (consumers, kept_as_businesses) = (
                noun(n, "a consumer", "consumers"),
                noun(n, "this customer as a business", "these customers as businesses"),
            );
            t!(
                lang,
                " Het bestand noemt {names} particulier, maar in de app {customers_are} zakelijk; dat is zo gebleven.",
                " The file calls {names} {consumers}, but the app has {kept_as_businesses}; that was kept."
            )
        }
        CustomerKind::Business => {
            let (businesses, kept_as_consumers) = (
                noun(n, "a business", "businesses"),
                noun(n, "this customer as a consumer", "these customers as consumers"),
            );
            t!(
                lang,
                " Het bestand noemt {names} zakelijk, maar in de app {customers_are} particulier; dat is zo gebleven.",
                " The file calls {names} {businesses}, but the app has {kept_as_consumers}; that was kept."
            )
        }
    };
    what + lang.pick(
        " Klopt het bestand, verander het dan op de pagina van de klant: een particulier heeft wettelijke \
             bescherming, en die bepaalt welke kosten je mag rekenen en welke termijn je moet geven.",
        " If the file is right, change it on the customer's page: a consumer has legal protections, and \
             they decide which costs you may charge and which terms you must give.",
    )
}

/// The day a payment from the file is booked on. The file says how much was paid, not when:
/// the due date (or `today`, when that is earlier) is the reading that never charges interest
/// for a day the customer may not have been late, and never dates a payment in the future.
pub fn payment_day(invoice: &Invoice, today: NaiveDate) -> NaiveDate {
    invoice.due_date.min(today)
}

/// How far a chunked import has come, for a progress bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    /// Rows handled so far.
    pub done: usize,
    pub total: usize,
}

impl Progress {
    pub fn is_finished(&self) -> bool {
        self.done >= self.total
    }
}
