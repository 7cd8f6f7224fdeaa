//! Invoices in and out as CSV: mapping the rows of a file from another tool (Moneybird,
//! e-Boekhouden, a spreadsheet) to customers and invoices, and exporting invoices for a
//! spreadsheet.
//!
//! # Importing
//!
//! The user picks a file, `csv::read` reads it, `guess_mapping` proposes which column feeds
//! which `Field`, the user corrects the proposal, and `import` (or `Importer` in chunks, to show
//! progress) turns the rows into customers and invoices. The result is only a proposal: nothing
//! is stored until the caller saves `ImportResult` as a whole, in one transaction, so a file is
//! never half imported. Every row that cannot be imported is reported with its line in the file,
//! and the valid rows are imported regardless, so one typo does not hold up a hundred invoices.
//!
//! The rules, row by row:
//! - A row whose fields are all blank is skipped and counted in `skipped_empty`.
//! - A sum line at the foot of a spreadsheet ("Totaal" and no invoice number) is skipped and
//!   counted in `skipped_totals`: it is no invoice, and a message for each of its empty fields
//!   would bury the real problems.
//! - A row with more or fewer fields than the header is refused as a whole: its values may sit
//!   in the wrong columns, and a shifted amount is worse than a missing one.
//! - The invoice number, the customer's name, the invoice date and the amount are required.
//! - Amounts are read with `money::parse_invoice_amount` and dates with `dates::parse_date`, the
//!   same rules as the forms; a time after a date ("2026-11-22 00:00", "2026-11-22T00:00:00", as
//!   some tools export) is ignored. One exception: when the file's dates show they are written
//!   month first ("11/22/2026", see `dates::day_order`), all its numeric dates are read that way,
//!   and the summary says so.
//! - The due date comes from the due-date column; when that column is not mapped or the cell is
//!   empty, from the payment term column; and otherwise from the default payment term. A due date
//!   before the invoice date is refused.
//! - Invoice numbers are compared without regard to case and surrounding or repeated spaces. A
//!   number that already exists is reported in `duplicates` and its row skipped. Within the file
//!   the first row with a number claims it, valid or not, and every later row with that number
//!   is a duplicate: the result then does not depend on which of the rows has a typo, and after
//!   fixing the first row the same file imports the same way.
//! - The customer is found by name, without regard to case and spaces, among the existing
//!   customers and those this import creates; otherwise a new one is made: a business unless the
//!   row says consumer, Dutch-speaking, with the row's email address and phone number. An
//!   existing customer is never changed by an import: the user may have corrected its details.
//! - A paid amount ("Betaald") or an outstanding amount ("Openstaand") becomes a payment in
//!   `payments`, for the caller to record as a `PaymentReceived` event. A paid column may also
//!   say yes or no ("ja", "nee"), meaning paid in full or not at all; so does a column of
//!   nothing but 1 and 0. When both columns are
//!   mapped they must agree. More paid than the invoice amount is refused unless an
//!   outstanding column of zero confirms it: alone, it is a typo or a wrong column.
//! - A value starting with an apostrophe before "=", "+", "-" or "@" loses the apostrophe: that
//!   is how `export_invoices` keeps spreadsheets from running text as a formula.
//!
//! # Exporting
//!
//! `export_invoices` writes one row per invoice for a spreadsheet, with the paid and outstanding
//! amounts and the status derived from the dossier. `guess_mapping` recognises its header, so an
//! exported file imports again as it was (apart from write-offs, which are dossier events).

use std::borrow::Borrow;
use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::domain::contact;
use crate::domain::csv::{self, Delimiter, Row, Table};
use crate::domain::dates::{self, DateError, DayOrder};
use crate::domain::fold::folded;
use crate::domain::invoice_form::{number_key, plausible_issue_dates, MAX_NUMBER_CHARS};
use crate::domain::links::normalize_phone;
use crate::domain::model::{
    balance, due_date_from_term, events_by_invoice, is_blank, Customer, CustomerId, CustomerKind, Event, Invoice,
    InvoiceId, InvoiceStatus, Lang,
};
use crate::domain::money::{self, AmountError};
use crate::domain::plural::{join_and, noun};
use crate::domain::sorting;

/// The longest payment term accepted from a file. A longer one is a typo or a wrong column.
pub const MAX_TERM_DAYS: u32 = 365;

/// Values quoted back in error messages are cut to this many characters, so a wrong column of
/// long descriptions still gives readable messages.
const MAX_QUOTED_CHARS: usize = 40;

/// What a column of the file can feed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    InvoiceNumber,
    CustomerName,
    CustomerEmail,
    CustomerPhone,
    /// Business or consumer; a business when not mapped or empty.
    CustomerKind,
    IssueDate,
    DueDate,
    /// Used for the due date when there is no due date.
    PaymentTermDays,
    /// The invoice total including VAT.
    Amount,
    /// "EUR" when not mapped or empty.
    Currency,
    Description,
    /// What the customer has paid already.
    AmountPaid,
    /// What the customer still has to pay.
    Outstanding,
}

impl Field {
    pub const ALL: [Field; 13] = [
        Field::InvoiceNumber,
        Field::CustomerName,
        Field::CustomerEmail,
        Field::CustomerPhone,
        Field::CustomerKind,
        Field::IssueDate,
        Field::DueDate,
        Field::PaymentTermDays,
        Field::Amount,
        Field::Currency,
        Field::Description,
        Field::AmountPaid,
        Field::Outstanding,
    ];

    /// The fields without which no invoice can be made.
    pub const REQUIRED: [Field; 4] = [
        Field::InvoiceNumber,
        Field::CustomerName,
        Field::IssueDate,
        Field::Amount,
    ];

    pub fn is_required(self) -> bool {
        Field::REQUIRED.contains(&self)
    }

    /// The field's name for a form or a table heading, with a capital.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Field::InvoiceNumber, Lang::Nl) => "Factuurnummer",
            (Field::InvoiceNumber, Lang::En) => "Invoice number",
            (Field::CustomerName, Lang::Nl) => "Klant",
            (Field::CustomerName, Lang::En) => "Customer",
            (Field::CustomerEmail, Lang::Nl) => "E-mailadres",
            (Field::CustomerEmail, Lang::En) => "Email address",
            (Field::CustomerPhone, Lang::Nl) => "Telefoonnummer",
            (Field::CustomerPhone, Lang::En) => "Phone number",
            (Field::CustomerKind, Lang::Nl) => "Zakelijk of particulier",
            (Field::CustomerKind, Lang::En) => "Business or consumer",
            (Field::IssueDate, Lang::Nl) => "Factuurdatum",
            (Field::IssueDate, Lang::En) => "Invoice date",
            (Field::DueDate, Lang::Nl) => "Vervaldatum",
            (Field::DueDate, Lang::En) => "Due date",
            (Field::PaymentTermDays, Lang::Nl) => "Betaaltermijn in dagen",
            (Field::PaymentTermDays, Lang::En) => "Payment term in days",
            (Field::Amount, Lang::Nl) => "Bedrag incl. btw",
            (Field::Amount, Lang::En) => "Amount incl. VAT",
            (Field::Currency, Lang::Nl) => "Valuta",
            (Field::Currency, Lang::En) => "Currency",
            (Field::Description, Lang::Nl) => "Omschrijving",
            (Field::Description, Lang::En) => "Description",
            (Field::AmountPaid, Lang::Nl) => "Betaald",
            (Field::AmountPaid, Lang::En) => "Paid",
            (Field::Outstanding, Lang::Nl) => "Openstaand",
            (Field::Outstanding, Lang::En) => "Outstanding",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// Which column (0-based, in the header's order) feeds each field; `None` leaves a field out.
/// A column may feed more than one field, and a column number past the header's end gives an
/// empty value, so any mapping the user makes is safe to import with.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Mapping {
    columns: [Option<usize>; Field::ALL.len()],
}

impl Mapping {
    pub fn get(&self, field: Field) -> Option<usize> {
        self.columns.get(field.index()).copied().flatten()
    }

    pub fn set(&mut self, field: Field, column: Option<usize>) {
        if let Some(slot) = self.columns.get_mut(field.index()) {
            *slot = column;
        }
    }

    /// The mapping with one more field set, for building a mapping in one expression.
    pub fn with(mut self, field: Field, column: usize) -> Mapping {
        self.set(field, Some(column));
        self
    }

    /// The fields a column feeds; one column may feed several.
    #[cfg(test)]
    pub fn fields_of(&self, column: usize) -> Vec<Field> {
        Field::ALL
            .into_iter()
            .filter(|f| self.get(*f) == Some(column))
            .collect()
    }
}

/// The required fields that no column feeds. The interface should not start an import while
/// this is not empty: every row would be refused.
pub fn missing_required(mapping: &Mapping) -> Vec<Field> {
    Field::REQUIRED
        .into_iter()
        .filter(|f| mapping.get(*f).is_none())
        .collect()
}

/// How a column's name may suggest a field. Names and exclusions are written as `Header`
/// normalises them: lower case, no accents, words separated by single spaces.
struct Guess {
    field: Field,
    /// The names that suggest the field, the most telling first.
    names: &'static [&'static str],
    /// Fragments that rule the field out, such as "excl" for the amount including VAT.
    /// Fragments of three letters or fewer must be a whole word; longer ones may be part of one.
    not: &'static [&'static str],
}

/// Dutch and English names as Moneybird, e-Boekhouden, Excel users and this module's own export
/// write them, plus the French names that Belgian users meet.
#[rustfmt::skip]
const GUESSES: [Guess; 13] = [
    Guess {
        field: Field::InvoiceNumber,
        names: &[
            "factuurnummer", "factuur nr", "factuurnr", "invoice number", "invoice no", "invoice nr",
            "numero de facture", "numero facture", "no facture", "invoice", "factuur", "facture", "nummer", "number",
            "numero", "nr", "no",
        ],
        not: &[
            "datum", "date", "bedrag", "amount", "totaal", "total", "montant", "klant", "customer", "client",
            "relatie", "status", "type", "soort", "betaal", "paid", "verval", "due", "omschrijving", "description",
            "btw", "vat", "tva",
        ],
    },
    Guess {
        field: Field::CustomerName,
        names: &[
            "klantnaam", "naam klant", "relatienaam", "naam relatie", "debiteurnaam", "bedrijfsnaam", "customer name",
            "client name", "company name", "nom client", "nom du client", "klant", "relatie", "debiteur", "contact",
            "contactnaam", "bedrijf", "organisatie", "customer", "client", "company", "organisation", "organization",
            "debtor", "bill to", "naam", "name", "nom",
        ],
        not: &[
            "mail", "telefoon", "phone", "tel", "mobiel", "mobile", "gsm", "nummer", "number", "numero", "nr", "no",
            "id", "code", "type", "soort", "kind", "adres", "address", "adresse", "plaats", "city", "ville",
            "postcode", "zip", "land", "country", "pays", "persoon", "person", "btw", "vat", "tva", "kvk", "iban",
        ],
    },
    Guess {
        field: Field::CustomerEmail,
        names: &[
            "emailadres", "email address", "mailadres", "adresse email", "email", "mail", "courriel",
        ],
        not: &[
            "datum", "date", "verzonden", "sent", "envoye",
        ],
    },
    Guess {
        field: Field::CustomerPhone,
        names: &[
            "telefoonnummer", "telefoon", "phone number", "telephone", "phone", "mobielnummer", "mobiel", "mobile",
            "gsm", "telnr", "tel",
        ],
        not: &[],
    },
    Guess {
        field: Field::CustomerKind,
        names: &[
            "klanttype", "type klant", "soort klant", "klantsoort", "customer type", "client type", "type de client",
            "zakelijk of particulier", "particulier of zakelijk", "zakelijk", "particulier", "b2b",
        ],
        not: &[
            "factuur", "invoice", "facture", "btw", "vat", "tva", "betaal", "payment",
        ],
    },
    Guess {
        field: Field::IssueDate,
        names: &[
            "factuurdatum", "datum factuur", "invoice date", "issue date", "date issued", "date de facture",
            "date facture", "documentdatum", "document date", "datum", "date", "boekdatum",
        ],
        not: &[
            "verval", "due", "betaal", "paid", "payment", "uiterlijk", "uiterste", "echeance", "paiement", "verzend",
            "sent",
        ],
    },
    Guess {
        field: Field::DueDate,
        names: &[
            "vervaldatum", "verval datum", "vervaldag", "uiterste betaaldatum", "uiterlijke betaaldatum",
            "te betalen voor", "betalen voor", "due date", "date due", "payment due", "date d echeance",
            "date echeance", "echeance", "due",
        ],
        not: &[
            "dagen", "days", "jours", "termijn", "term", "bedrag", "amount", "totaal", "total", "montant",
        ],
    },
    Guess {
        field: Field::PaymentTermDays,
        names: &[
            "betalingstermijn", "betaaltermijn", "payment term", "payment terms", "delai de paiement", "termijn",
            "term", "terms",
        ],
        not: &[
            "over", "laat", "late", "retard", "datum", "date",
        ],
    },
    Guess {
        field: Field::Amount,
        names: &[
            "bedrag incl btw", "totaal incl btw", "factuurbedrag incl btw", "bedrag inclusief btw",
            "totaal inclusief btw", "amount incl vat", "total incl vat", "amount including vat",
            "total including vat", "montant ttc", "total ttc", "incl btw", "inclusief btw", "bedrag incl",
            "totaal incl", "gross amount", "factuurbedrag", "invoice amount", "invoice total", "totaalbedrag",
            "total amount", "bedrag", "totaal", "total", "amount", "montant",
        ],
        not: &[
            "excl", "exclusief", "ex", "ht", "netto", "net", "openstaand", "outstanding", "open", "betaald", "paid",
            "paye", "saldo", "balance", "solde", "resterend", "remaining", "ontvangen", "received",
        ],
    },
    Guess {
        field: Field::Currency,
        names: &[
            "valuta", "munteenheid", "valutacode", "currency", "currency code", "devise", "munt",
        ],
        not: &[],
    },
    Guess {
        field: Field::Description,
        names: &[
            "omschrijving", "beschrijving", "description", "libelle", "onderwerp", "subject", "project", "kenmerk",
            "referentie", "reference", "toelichting", "opmerking", "memo", "notes",
        ],
        not: &[],
    },
    Guess {
        field: Field::AmountPaid,
        names: &[
            "betaald bedrag", "bedrag betaald", "amount paid", "paid amount", "montant paye", "reeds betaald",
            "ontvangen bedrag", "amount received", "betaald", "voldaan", "ontvangen", "paid", "received", "paye",
        ],
        not: &[
            "datum", "date", "op", "on", "le", "wijze", "method", "mode", "status",
        ],
    },
    Guess {
        field: Field::Outstanding,
        names: &[
            "openstaand bedrag", "openstaand", "nog te betalen", "open bedrag", "outstanding amount", "outstanding",
            "amount due", "balance due", "montant du", "solde", "saldo", "resterend", "remaining", "balance",
        ],
        not: &[
            "datum", "date", "dagen", "days", "jours",
        ],
    },
];

/// A column name reduced to what matters for guessing: lower case, accents off, punctuation
/// between words dropped.
struct Header {
    words: Vec<String>,
    joined: String,
}

impl Header {
    fn new(name: &str) -> Header {
        let folded = folded(name);
        let words: Vec<String> = folded
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect();
        let joined = words.concat();
        Header { words, joined }
    }

    fn has_fragment(&self, fragment: &str) -> bool {
        if fragment.len() <= 3 {
            self.words.iter().any(|w| w == fragment)
        } else {
            self.joined.contains(fragment)
        }
    }

    /// How well a name fits, higher is better: the whole header, then a run of whole words,
    /// then (for names of five letters or more) a part of a compound word such as "datum" in
    /// "Factuurdatum". `rank` is the name's place in its list, so the more telling name wins.
    fn fit(&self, name: &str, rank: usize) -> Option<usize> {
        let words: Vec<&str> = name.split(' ').collect();
        let joined = words.concat();
        let bonus = 100usize.saturating_sub(rank);
        if self.joined == joined {
            Some(3000 + bonus)
        } else if self
            .words
            .windows(words.len())
            .any(|w| w.iter().zip(&words).all(|(a, b)| a == b))
        {
            Some(2000 + bonus)
        } else if joined.len() >= 5 && self.joined.contains(&joined) {
            Some(1000 + bonus)
        } else {
            None
        }
    }

    /// VAT alone ("Btw", "VAT amount") is never the invoice total.
    fn is_vat_only(&self) -> bool {
        let vat = ["btw", "vat", "tva", "tax", "bt"].iter().any(|v| self.has_fragment(v));
        let including = ["incl", "inclusief", "including", "inc", "ttc"]
            .iter()
            .any(|v| self.has_fragment(v));
        vat && !including
    }

    fn score(&self, guess: &Guess) -> Option<usize> {
        if guess.not.iter().any(|n| self.has_fragment(n)) || (guess.field == Field::Amount && self.is_vat_only()) {
            return None;
        }
        guess
            .names
            .iter()
            .enumerate()
            .filter_map(|(rank, name)| self.fit(name, rank))
            .max()
    }
}

/// Proposes a mapping from the header's names, in Dutch, English or French, ignoring case,
/// accents and punctuation. Every field gets at most one column and every column at most one
/// field; the best fits are handed out first, so "Vervaldatum" goes to the due date before the
/// invoice date could take it for its "datum".
pub fn guess_mapping(headers: &[String]) -> Mapping {
    let parsed: Vec<Header> = headers.iter().map(|h| Header::new(h)).collect();
    let mut fits: Vec<(usize, Field, usize)> = Vec::new();
    for guess in &GUESSES {
        for (column, header) in parsed.iter().enumerate() {
            if let Some(score) = header.score(guess) {
                fits.push((score, guess.field, column));
            }
        }
    }
    // Best fit first; among equals the earlier field and then the leftmost column, so the
    // outcome never depends on the sort's stability.
    sorting::sort_by(&mut fits, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut mapping = Mapping::default();
    let mut used = vec![false; headers.len()];
    for (_, field, column) in fits {
        let free = used.get(column).is_some_and(|u| !u);
        if mapping.get(field).is_none() && free {
            mapping.set(field, Some(column));
            if let Some(u) = used.get_mut(column) {
                *u = true;
            }
        }
    }
    mapping
}

/// What is wrong with one value, or with a row as a whole.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RowProblem {
    /// The row does not have as many fields as the header.
    WrongFieldCount {
        found: usize,
        expected: usize,
    },
    /// A required value is empty.
    Missing,
    Amount(AmountError),
    Date(DateError),
    DueBeforeIssue {
        issue: NaiveDate,
        due: NaiveDate,
    },
    /// Not a number of days from 0 to `MAX_TERM_DAYS`; carries the value (cut short).
    Term(String),
    /// Neither business nor consumer; carries the value (cut short).
    CustomerKind(String),
    /// Not a three-letter currency code; carries the value (cut short).
    Currency(String),
    /// Not an email address a reminder can go to; carries the value (cut short). The customer
    /// form refuses it too: every mail link to the customer would go nowhere.
    Email(String),
    /// Not a phone number a call or a text can use; carries the value (cut short).
    Phone(String),
    /// An invoice number longer than the invoice form allows.
    NumberTooLong,
    /// An invoice date so far from today that it is a typing slip ("1926" for "2026"), with
    /// the window of dates that are taken as meant.
    FarOffDate {
        earliest: NaiveDate,
        latest: NaiveDate,
    },
    /// A currency other than the euro, which the app cannot chase: its costs, interest and
    /// totals are all in euros. Carries the code.
    NotEuro(String),
    OutstandingAboveAmount {
        outstanding: Decimal,
        amount: Decimal,
    },
    /// More paid than the invoice amount, with no outstanding column to confirm it: a typo or
    /// a wrong column, more likely than an overpayment.
    PaidAboveAmount {
        paid: Decimal,
        amount: Decimal,
    },
    /// Paid and outstanding are both given and do not add up to the invoice amount.
    PaidAndOutstandingDisagree {
        paid: Decimal,
        outstanding: Decimal,
        amount: Decimal,
    },
}

impl RowProblem {
    /// What is wrong and how to fix it, in the user's language.
    pub fn message(&self, lang: Lang) -> String {
        let money = |a: &Decimal| money::format_money(*a, lang);
        match (self, lang) {
            (RowProblem::WrongFieldCount { found, expected }, Lang::Nl) => format!(
                "Deze regel heeft {found} velden, de kopregel {expected}. Controleer of er een scheidingsteken \
                 te veel of te weinig staat, of een aanhalingsteken ontbreekt."
            ),
            (RowProblem::WrongFieldCount { found, expected }, Lang::En) => format!(
                "This line has {found} fields, while the header has {expected}. Check for a delimiter too many or too few, \
                 or a missing quote."
            ),
            (RowProblem::Missing, Lang::Nl) => "Dit veld is leeg, maar een factuur kan niet zonder.".to_owned(),
            (RowProblem::Missing, Lang::En) => "This field is empty, but every invoice needs it.".to_owned(),
            (RowProblem::Amount(e), _) => e.message(lang),
            (RowProblem::NumberTooLong, Lang::Nl) => {
                format!("Een factuurnummer heeft hooguit {MAX_NUMBER_CHARS} tekens.")
            }
            (RowProblem::NumberTooLong, Lang::En) => {
                format!("An invoice number has at most {MAX_NUMBER_CHARS} characters.")
            }
            (RowProblem::FarOffDate { earliest, latest }, Lang::Nl) => format!(
                "Deze factuurdatum ligt ver weg; is het een tikfout? Een factuurdatum ligt tussen {} en {}.",
                dates::format_date(*earliest, lang),
                dates::format_date(*latest, lang)
            ),
            (RowProblem::FarOffDate { earliest, latest }, Lang::En) => format!(
                "This invoice date is far off; is it a typing slip? An invoice date lies between {} and {}.",
                dates::format_date(*earliest, lang),
                dates::format_date(*latest, lang)
            ),
            (RowProblem::Date(e), _) => e.message(lang),
            (RowProblem::DueBeforeIssue { issue, due }, Lang::Nl) => format!(
                "De vervaldatum {} ligt vóór de factuurdatum {}.",
                dates::format_date(*due, lang),
                dates::format_date(*issue, lang)
            ),
            (RowProblem::DueBeforeIssue { issue, due }, Lang::En) => format!(
                "The due date {} is before the invoice date {}.",
                dates::format_date(*due, lang),
                dates::format_date(*issue, lang)
            ),
            (RowProblem::Term(value), Lang::Nl) => format!(
                "\"{value}\" is geen betaaltermijn. Vul een aantal dagen in van 0 tot {MAX_TERM_DAYS}, zoals 30."
            ),
            (RowProblem::Term(value), Lang::En) => format!(
                "\"{value}\" is not a payment term. Enter a number of days from 0 to {MAX_TERM_DAYS}, such as 30."
            ),
            (RowProblem::CustomerKind(value), Lang::Nl) => {
                format!(
                    "We weten niet of \"{value}\" zakelijk of particulier is. Schrijf \"zakelijk\" of \"particulier\"."
                )
            }
            (RowProblem::CustomerKind(value), Lang::En) => {
                format!("We cannot tell whether \"{value}\" means business or consumer. Write \"business\" or \"consumer\".")
            }
            (RowProblem::Currency(value), Lang::Nl) => {
                format!("\"{value}\" is geen valutacode. Gebruik drie letters, zoals EUR.")
            }
            (RowProblem::Currency(value), Lang::En) => {
                format!("\"{value}\" is not a currency code. Use three letters, such as EUR.")
            }
            (RowProblem::Email(value), Lang::Nl) => {
                format!("\"{value}\" is geen bruikbaar e-mailadres. Schrijf het als naam@domein.nl, of laat het leeg.")
            }
            (RowProblem::Email(value), Lang::En) => {
                format!("\"{value}\" is not a usable email address. Write it as name@domain.com, or leave it empty.")
            }
            (RowProblem::Phone(value), Lang::Nl) => format!(
                "\"{value}\" is geen bruikbaar telefoonnummer: gebruik minstens 6 cijfers, zonder letters, of laat het leeg."
            ),
            (RowProblem::Phone(value), Lang::En) => format!(
                "\"{value}\" is not a usable phone number: use at least 6 digits and no letters, or leave it empty."
            ),
            (RowProblem::NotEuro(code), Lang::Nl) => format!(
                "Een factuur in {code} kan de app niet opvolgen: bedragen, kosten en rente rekent hij in euro. Zet het bedrag om naar euro."
            ),
            (RowProblem::NotEuro(code), Lang::En) => format!(
                "The app cannot chase an invoice in {code}: it works out amounts, costs and interest in euros. Convert the amount to euros."
            ),
            (RowProblem::OutstandingAboveAmount { outstanding, amount }, Lang::Nl) => format!(
                "Er staat {} open, meer dan het factuurbedrag van {}.",
                money(outstanding),
                money(amount)
            ),
            (RowProblem::OutstandingAboveAmount { outstanding, amount }, Lang::En) => format!(
                "The outstanding {} is more than the invoice amount of {}.",
                money(outstanding),
                money(amount)
            ),
            (RowProblem::PaidAboveAmount { paid, amount }, Lang::Nl) => format!(
                "Er is {} betaald, meer dan het factuurbedrag van {}. Klopt de kolom Betaald? Een betaling boven \
                 het factuurbedrag leg je vast op de pagina van de factuur.",
                money(paid),
                money(amount)
            ),
            (RowProblem::PaidAboveAmount { paid, amount }, Lang::En) => format!(
                "{} was paid, more than the invoice amount of {}. Is the Paid column right? A payment above the \
                 invoice amount is recorded on the invoice's page.",
                money(paid),
                money(amount)
            ),
            (
                RowProblem::PaidAndOutstandingDisagree {
                    paid,
                    outstanding,
                    amount,
                },
                Lang::Nl,
            ) => format!(
                "Betaald ({}) en openstaand ({}) komen samen niet uit op het factuurbedrag van {}.",
                money(paid),
                money(outstanding),
                money(amount)
            ),
            (
                RowProblem::PaidAndOutstandingDisagree {
                    paid,
                    outstanding,
                    amount,
                },
                Lang::En,
            ) => format!(
                "Paid ({}) and outstanding ({}) do not add up to the invoice amount of {}.",
                money(paid),
                money(outstanding),
                money(amount)
            ),
        }
    }
}

/// One problem in one row of the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowError {
    /// The physical line in the file where the row starts, as a text editor counts.
    pub line: usize,
    /// The field whose value is wrong; `None` when the row as a whole is.
    pub field: Option<Field>,
    pub problem: RowProblem,
}

impl RowError {
    /// "Regel 14, bedrag incl. btw: ..." / "Line 14, amount incl. VAT: ...".
    pub fn message(&self, lang: Lang) -> String {
        let line = match lang {
            Lang::Nl => format!("Regel {}", self.line),
            Lang::En => format!("Line {}", self.line),
        };
        let problem = self.problem.message(lang);
        match self.field {
            Some(field) => format!("{line}, {}: {problem}", lower_first(field.label(lang))),
            None => format!("{line}: {problem}"),
        }
    }
}

/// A label inside a sentence: only the first letter goes to lower case, so "VAT" stays.
fn lower_first(label: &str) -> String {
    let mut chars = label.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A row skipped because its invoice number is taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Duplicate {
    pub line: usize,
    /// The number as the row has it.
    pub number: String,
    /// The line of the earlier row with this number, or `None` when an existing invoice has it.
    pub earlier_line: Option<usize>,
}

impl Duplicate {
    pub fn message(&self, lang: Lang) -> String {
        let number = cut(&self.number);
        match (self.earlier_line, lang) {
            (None, Lang::Nl) => format!(
                "Regel {}: Factuur {number} bestaat al. Deze regel is overgeslagen.",
                self.line
            ),
            (None, Lang::En) => format!(
                "Line {}: Invoice {number} already exists. This line was skipped.",
                self.line
            ),
            (Some(earlier), Lang::Nl) => format!(
                "Regel {}: Factuurnummer {number} stond al op regel {earlier}. Deze regel is overgeslagen.",
                self.line
            ),
            (Some(earlier), Lang::En) => format!(
                "Line {}: Invoice number {number} was already on line {earlier}. This line was skipped.",
                self.line
            ),
        }
    }
}

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
    /// Customers the app knows (or the file named earlier) for whom a row gives another email
    /// address or phone number; the import keeps the details it had.
    pub other_contact_details: Vec<String>,
    /// The file writes its dates month first, and they were read so.
    pub month_first: bool,
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
        let mut text = match (lang, imported, customers) {
            (Lang::Nl, 0, _) => "Geen facturen om op te slaan.".to_owned(),
            (Lang::En, 0, _) => "No invoices to save.".to_owned(),
            (Lang::Nl, _, 0) => format!(
                "{imported} {} van bestaande klanten klaar om op te slaan.",
                noun(imported, "factuur", "facturen"),
            ),
            (Lang::En, _, 0) => format!(
                "{imported} {} of existing customers ready to save.",
                noun(imported, "invoice", "invoices"),
            ),
            (Lang::Nl, _, _) => format!(
                "{imported} {} en {customers} {} klaar om op te slaan.",
                noun(imported, "factuur", "facturen"),
                noun(customers, "nieuwe klant", "nieuwe klanten"),
            ),
            (Lang::En, _, _) => format!(
                "{imported} {} and {customers} {} ready to save.",
                noun(imported, "invoice", "invoices"),
                noun(customers, "new customer", "new customers"),
            ),
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
        if self.skipped_totals > 0 {
            let n = self.skipped_totals;
            text.push_str(&match lang {
                Lang::Nl => format!(" {n} {} overgeslagen.", noun(n, "totaalregel", "totaalregels")),
                Lang::En => format!(" {n} {} skipped.", noun(n, "total line", "total lines")),
            });
        }
        if self.month_first {
            text.push_str(lang.pick(
                " De datums in dit bestand staan als maand/dag/jaar (zoals 11/22/2026) en zijn zo gelezen.",
                " The dates in this file are written month/day/year (such as 11/22/2026) and were read that way.",
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

/// Cuts a value for quoting in a message.
fn cut(value: &str) -> String {
    let mut chars = value.chars();
    let head: String = chars.by_ref().take(MAX_QUOTED_CHARS).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

/// The form in which names and numbers are compared: lower case, spaces trimmed, runs of
/// whitespace made one space, and every kind of dash a plain hyphen, as the invoice form
/// compares numbers ([`number_key`]).
pub fn comparable(text: &str) -> String {
    let mut key = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(&number_key(word));
    }
    key
}

/// Whether a spreadsheet would run the text as a formula, or the text would look like one that
/// was defused: it starts with "=", "+", "-", "@", a tab or a carriage return, possibly after
/// apostrophes.
fn looks_like_formula(text: &str) -> bool {
    text.trim_start_matches('\'')
        .starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// A cell's text on one line, every run of spaces and line breaks made one space. A spreadsheet
/// cell may hold line breaks; a name or description the app puts into a letter's line may not.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A cell's value: trimmed, and without the apostrophe `export_invoices` puts before text that
/// a spreadsheet would take for a formula.
fn clean(value: &str) -> &str {
    let value = value.trim();
    match value.strip_prefix('\'') {
        Some(rest) if looks_like_formula(rest) => rest,
        _ => value,
    }
}

/// Drops a time of day after a date: "2026-11-22 00:00", "2026-11-22T00:00:00Z".
fn without_time(value: &str) -> &str {
    let Some(at) = value.rfind([' ', 'T']) else {
        return value;
    };
    let (date, time) = value.split_at(at);
    let time = time.get(1..).unwrap_or("");
    let time = time.strip_suffix(['Z', 'z']).unwrap_or(time);
    let is_time = time.contains(':') && time.chars().all(|c| c.is_ascii_digit() || c == ':' || c == '.');
    if is_time {
        date.trim_end()
    } else {
        value
    }
}

fn parse_date(value: &str, order: DayOrder) -> Result<NaiveDate, RowProblem> {
    dates::parse_date_in(without_time(value), order).map_err(RowProblem::Date)
}

/// Reads "30", "30 dagen", "30 days", "30d".
fn parse_term(value: &str) -> Result<u32, RowProblem> {
    let lower = value.to_lowercase();
    let digits = ["dagen", "dag", "days", "day", "jours", "d", "j"]
        .iter()
        .find_map(|unit| lower.strip_suffix(unit))
        .unwrap_or(&lower)
        .trim();
    digits
        .parse::<u32>()
        .ok()
        .filter(|d| *d <= MAX_TERM_DAYS && digits.bytes().all(|b| b.is_ascii_digit()))
        .ok_or_else(|| RowProblem::Term(cut(value)))
}

fn parse_kind(value: &str) -> Result<CustomerKind, RowProblem> {
    let folded: String = folded(value);
    match folded.trim() {
        "" | "zakelijk" | "bedrijf" | "business" | "company" | "b2b" | "zzp" | "organisatie" | "entreprise"
        | "professionnel" => Ok(CustomerKind::Business),
        "particulier" | "consument" | "consumer" | "prive" | "private" | "individual" | "person" | "persoon"
        | "b2c" => Ok(CustomerKind::Consumer),
        _ => Err(RowProblem::CustomerKind(cut(value))),
    }
}

fn check_email(value: &str) -> Result<(), RowProblem> {
    if contact::is_valid_email(value) {
        Ok(())
    } else {
        Err(RowProblem::Email(cut(value)))
    }
}

fn check_phone(value: &str) -> Result<(), RowProblem> {
    match contact::phone_problem(value, Lang::En) {
        None => Ok(()),
        Some(_) => Err(RowProblem::Phone(cut(value))),
    }
}

fn parse_currency(value: &str) -> Result<String, RowProblem> {
    let lower = value.to_lowercase();
    match lower.as_str() {
        "" | "€" | "eur" | "euro" | "euros" => Ok("EUR".to_owned()),
        _ if value.len() == 3 && value.bytes().all(|b| b.is_ascii_alphabetic()) => {
            Err(RowProblem::NotEuro(value.to_ascii_uppercase()))
        }
        _ => Err(RowProblem::Currency(cut(value))),
    }
}

/// How a file writes what the rows cannot tell on their own, read from all its rows.
#[derive(Clone, Copy, Debug, Default)]
struct FileHabits {
    /// Day or month first in numeric dates.
    order: DayOrder,
    /// The paid column holds 0 and 1 for no and yes.
    paid_flags: bool,
}

/// Reads the paid column: an amount, or yes/no for paid in full or not at all (also 1 and 0
/// when the whole column is `flags`).
fn parse_paid(value: &str, amount: Option<Decimal>, flags: bool) -> Result<Decimal, RowProblem> {
    let folded: String = folded(value);
    match folded.as_str() {
        "1" if flags => Ok(amount.unwrap_or(Decimal::ZERO)),
        "" | "nee" | "no" | "n" | "false" | "onwaar" | "open" | "onbetaald" | "unpaid" | "non" => Ok(Decimal::ZERO),
        "ja" | "yes" | "j" | "y" | "true" | "waar" | "betaald" | "voldaan" | "paid" | "oui" | "paye" => {
            // Without a valid amount there is nothing to pay in full; the amount's own error says why.
            Ok(amount.unwrap_or(Decimal::ZERO))
        }
        _ => parse_non_negative(value),
    }
}

fn parse_non_negative(value: &str) -> Result<Decimal, RowProblem> {
    match money::parse_amount(value) {
        Ok(a) if a.is_sign_negative() && !a.is_zero() => Err(RowProblem::Amount(AmountError::Negative)),
        Ok(a) => Ok(a),
        Err(e) => Err(RowProblem::Amount(e)),
    }
}

/// The amount already paid, from the paid and outstanding columns; see the module documentation.
fn paid_from(
    amount: Decimal,
    paid: Option<Decimal>,
    outstanding: Option<Decimal>,
) -> Result<Decimal, (Field, RowProblem)> {
    if let Some(o) = outstanding {
        if o > amount {
            return Err((
                Field::Outstanding,
                RowProblem::OutstandingAboveAmount { outstanding: o, amount },
            ));
        }
    }
    match (paid, outstanding) {
        (Some(p), Some(o)) if amount.saturating_sub(p).max(Decimal::ZERO) != o => Err((
            Field::Outstanding,
            RowProblem::PaidAndOutstandingDisagree {
                paid: p,
                outstanding: o,
                amount,
            },
        )),
        // With an outstanding column of zero beside it, more paid than the amount is an
        // overpayment the file means (an export of this app writes one so).
        (Some(p), None) if p > amount => Err((Field::AmountPaid, RowProblem::PaidAboveAmount { paid: p, amount })),
        (Some(p), _) => Ok(p),
        (None, Some(o)) => Ok(amount.saturating_sub(o)),
        (None, None) => Ok(Decimal::ZERO),
    }
}

/// A row's values, checked. Built only when every value is valid.
struct Parsed<'r> {
    number: &'r str,
    name: &'r str,
    email: &'r str,
    phone: &'r str,
    kind: CustomerKind,
    issue_date: NaiveDate,
    due_date: NaiveDate,
    amount: Decimal,
    currency: String,
    description: &'r str,
    paid: Decimal,
}

/// Imports a table in chunks, so the interface can show progress and stay responsive on a file
/// of 10,000 rows. `T` is the table or a reference to it: an owned table lets the importer live
/// in the interface's state between animation frames.
pub struct Importer<T: Borrow<Table> = Table> {
    table: T,
    mapping: Mapping,
    default_term_days: u32,
    customers: Customers,
    /// Taken invoice numbers, comparable: `None` for an existing invoice, else the line that
    /// claimed it.
    numbers: HashMap<String, Option<usize>>,
    /// How the file writes its dates and paid flags, from all its rows at once.
    file: FileHabits,
    /// The invoice dates the invoice form accepts today.
    issue_dates: Option<(NaiveDate, NaiveDate)>,
    next_row: usize,
    result: ImportResult,
}

impl<T: Borrow<Table>> Importer<T> {
    /// Indexes the existing customers and invoices once, so each row costs the same however many
    /// there are. `today` sets which invoice dates are taken as meant, as in the invoice form.
    pub fn new(
        table: T,
        mapping: Mapping,
        existing_customers: &[Customer],
        existing_invoices: &[Invoice],
        default_term_days: u32,
        today: NaiveDate,
    ) -> Importer<T> {
        let customers = Customers::of(existing_customers);
        let numbers = existing_invoices
            .iter()
            .map(|i| (comparable(&i.number), None))
            .collect();
        let columns: Vec<usize> = [Field::IssueDate, Field::DueDate]
            .into_iter()
            .filter_map(|field| mapping.get(field))
            .collect();
        let rows = &table.borrow().rows;
        let order = dates::day_order(
            rows.iter()
                .flat_map(|row| columns.iter().filter_map(|&column| row.fields.get(column)))
                .map(|cell| without_time(clean(cell))),
        );
        let paid_cells = || {
            let column = mapping.get(Field::AmountPaid);
            rows.iter()
                .filter_map(move |row| column.and_then(|c| row.fields.get(c)))
                .map(|cell| clean(cell))
                .filter(|cell| !cell.is_empty())
        };
        // A paid column of nothing but 0 and 1 is a yes/no column, as a spreadsheet's check
        // box exports: 1 is paid in full, not one euro.
        let paid_flags = paid_cells().all(|cell| cell == "0" || cell == "1") && paid_cells().any(|cell| cell == "1");
        let file = FileHabits { order, paid_flags };
        Importer {
            table,
            mapping,
            default_term_days,
            customers,
            numbers,
            file,
            issue_dates: plausible_issue_dates(today),
            next_row: 0,
            result: ImportResult {
                month_first: order == DayOrder::MonthFirst,
                ..ImportResult::default()
            },
        }
    }

    pub fn progress(&self) -> Progress {
        let total = self.table.borrow().rows.len();
        Progress {
            done: self.next_row.min(total),
            total,
        }
    }

    /// Imports up to `max_rows` more rows. `ids` makes a fresh id for each new customer and
    /// invoice.
    pub fn step(&mut self, max_rows: usize, ids: &mut impl FnMut() -> String) -> Progress {
        let table: &Table = self.table.borrow();
        let end = self.next_row.saturating_add(max_rows).min(table.rows.len());
        let rows = table.rows.get(self.next_row..end).unwrap_or(&[]);
        for row in rows {
            import_row(
                row,
                table.headers.len(),
                &self.mapping,
                self.default_term_days,
                self.file,
                self.issue_dates,
                &mut self.customers,
                &mut self.numbers,
                &mut self.result,
                ids,
            );
        }
        self.next_row = end.max(self.next_row);
        self.progress()
    }

    /// The result so far; after the last step, the result of the whole file.
    pub fn finish(self) -> ImportResult {
        self.result
    }
}

/// Imports a whole table at once; see the module documentation for the rules.
pub fn import(
    table: &Table,
    mapping: &Mapping,
    existing_customers: &[Customer],
    existing_invoices: &[Invoice],
    default_term_days: u32,
    today: NaiveDate,
    ids: &mut impl FnMut() -> String,
) -> ImportResult {
    let mut importer = Importer::new(
        table,
        mapping.clone(),
        existing_customers,
        existing_invoices,
        default_term_days,
        today,
    );
    importer.step(usize::MAX, ids);
    importer.finish()
}

#[allow(clippy::too_many_arguments)]
fn import_row(
    row: &Row,
    width: usize,
    mapping: &Mapping,
    default_term_days: u32,
    file: FileHabits,
    issue_dates: Option<(NaiveDate, NaiveDate)>,
    customers: &mut Customers,
    numbers: &mut HashMap<String, Option<usize>>,
    result: &mut ImportResult,
    ids: &mut impl FnMut() -> String,
) {
    if row.fields.iter().all(|f| f.trim().is_empty()) {
        result.skipped_empty += 1;
        return;
    }
    let error = |field: Option<Field>, problem: RowProblem| RowError {
        line: row.line,
        field,
        problem,
    };
    if row.fields.len() != width {
        let problem = RowProblem::WrongFieldCount {
            found: row.fields.len(),
            expected: width,
        };
        result.errors.push(error(None, problem));
        return;
    }
    let value = |field: Field| {
        mapping
            .get(field)
            .and_then(|column| row.fields.get(column))
            .map_or("", |v| clean(v))
    };
    let number = value(Field::InvoiceNumber);
    if is_total_row(row, number, value(Field::IssueDate)) {
        result.skipped_totals += 1;
        return;
    }
    if !number.is_empty() {
        let key = comparable(number);
        if let Some(earlier_line) = numbers.get(&key) {
            result.duplicates.push(Duplicate {
                line: row.line,
                number: number.to_owned(),
                earlier_line: *earlier_line,
            });
            return;
        }
        numbers.insert(key, Some(row.line));
    }
    match parse_row(value, default_term_days, file, issue_dates) {
        Ok(parsed) => add(parsed, customers, result, ids),
        Err(problems) => {
            let errors = problems.into_iter().map(|(field, problem)| error(Some(field), problem));
            result.errors.extend(errors);
        }
    }
}

/// Whether a row is a spreadsheet's sum line: no invoice number and no invoice date (or the
/// word itself in their place), and a cell that is "Totaal", "Total" or "Subtotaal", alone or
/// followed by more words. A row with a date is an invoice, even for "Total Nederland B.V.".
fn is_total_row(row: &Row, number: &str, date: &str) -> bool {
    let names_a_total = |cell: &str| {
        let cell = comparable(cell);
        let first = cell.split([' ', ':']).next().unwrap_or_default();
        matches!(
            first,
            "totaal" | "total" | "totalen" | "totals" | "subtotaal" | "subtotal"
        )
    };
    let blank_or_total = |cell: &str| cell.is_empty() || names_a_total(cell);
    blank_or_total(number) && blank_or_total(date) && row.fields.iter().any(|f| names_a_total(clean(f)))
}

/// Keeps a value, or notes its problem against the field.
fn noted<T>(problems: &mut Vec<(Field, RowProblem)>, field: Field, outcome: Result<T, RowProblem>) -> Option<T> {
    match outcome {
        Ok(v) => Some(v),
        Err(problem) => {
            problems.push((field, problem));
            None
        }
    }
}

/// An optional cell: `Ok(None)` when empty, else what `parse` makes of it.
fn optional<T>(text: &str, parse: impl FnOnce(&str) -> Result<T, RowProblem>) -> Result<Option<T>, RowProblem> {
    if text.is_empty() {
        Ok(None)
    } else {
        parse(text).map(Some)
    }
}

/// Checks every value of a row, collecting all problems so the user can fix them in one go.
fn parse_row<'r>(
    value: impl Fn(Field) -> &'r str,
    default_term_days: u32,
    file: FileHabits,
    issue_dates: Option<(NaiveDate, NaiveDate)>,
) -> Result<Parsed<'r>, Vec<(Field, RowProblem)>> {
    let parse_date = |text: &str| parse_date(text, file.order);
    let mut problems = Vec::new();
    let p = &mut problems;
    let required = |field: Field| {
        let v = value(field);
        if is_blank(v) {
            Err(RowProblem::Missing)
        } else {
            Ok(v)
        }
    };
    let number = noted(
        p,
        Field::InvoiceNumber,
        required(Field::InvoiceNumber).and_then(|n| {
            if n.chars().count() > MAX_NUMBER_CHARS {
                Err(RowProblem::NumberTooLong)
            } else {
                Ok(n)
            }
        }),
    );
    let name = noted(p, Field::CustomerName, required(Field::CustomerName));
    let kind = noted(p, Field::CustomerKind, parse_kind(value(Field::CustomerKind)));
    let issue_date = noted(
        p,
        Field::IssueDate,
        required(Field::IssueDate)
            .and_then(parse_date)
            .and_then(|date| match issue_dates {
                Some((earliest, latest)) if date < earliest || date > latest => {
                    Err(RowProblem::FarOffDate { earliest, latest })
                }
                _ => Ok(date),
            }),
    );
    let due_date = noted(p, Field::DueDate, optional(value(Field::DueDate), parse_date));
    // The term is only read when there is no due date, so a bad term next to a good due date
    // does not hold the row up.
    let term = match due_date {
        Some(None) => noted(
            p,
            Field::PaymentTermDays,
            optional(value(Field::PaymentTermDays), parse_term),
        ),
        _ => Some(None),
    };
    let amount = noted(
        p,
        Field::Amount,
        required(Field::Amount).and_then(|v| money::parse_invoice_amount(v).map_err(RowProblem::Amount)),
    );
    let currency = noted(p, Field::Currency, parse_currency(value(Field::Currency)));
    let email = value(Field::CustomerEmail);
    let email = noted(p, Field::CustomerEmail, optional(email, check_email).map(|_| email));
    let phone = value(Field::CustomerPhone);
    let phone = noted(p, Field::CustomerPhone, optional(phone, check_phone).map(|_| phone));
    let paid = noted(
        p,
        Field::AmountPaid,
        optional(value(Field::AmountPaid), |v| parse_paid(v, amount, file.paid_flags)),
    );
    let outstanding = noted(
        p,
        Field::Outstanding,
        optional(value(Field::Outstanding), parse_non_negative),
    );
    let due_date = match (issue_date, due_date, term) {
        (Some(issue), Some(Some(due)), _) if due < issue => {
            p.push((Field::DueDate, RowProblem::DueBeforeIssue { issue, due }));
            None
        }
        (Some(_), Some(Some(due)), _) => Some(due),
        (Some(issue), Some(None), Some(term)) => Some(due_date_from_term(issue, term.unwrap_or(default_term_days))),
        _ => None,
    };
    let paid = match (amount, paid, outstanding) {
        (Some(amount), Some(paid), Some(outstanding)) => match paid_from(amount, paid, outstanding) {
            Ok(paid) => Some(paid),
            Err(problem) => {
                p.push(problem);
                None
            }
        },
        _ => None,
    };
    let (
        Some(number),
        Some(name),
        Some(kind),
        Some(issue_date),
        Some(due_date),
        Some(amount),
        Some(currency),
        Some(paid),
        Some(email),
        Some(phone),
    ) = (
        number, name, kind, issue_date, due_date, amount, currency, paid, email, phone,
    )
    else {
        return Err(problems);
    };
    Ok(Parsed {
        number,
        name,
        email,
        phone,
        kind,
        issue_date,
        due_date,
        amount,
        currency,
        description: value(Field::Description),
        paid,
    })
}

/// The customers rows are matched to: the app's and those the file creates.
struct Customers {
    /// By comparable name (case and spacing aside); the first customer of a name wins.
    by_name: HashMap<String, Known>,
    /// The app's customers whose names compare the same as another's ("Bakkerij Jansen" and
    /// "bakkerij  jansen"), by their exact name: a row naming one of them exactly goes to that
    /// one. Empty unless the app has such namesakes.
    namesakes: HashMap<String, Known>,
}

impl Customers {
    fn of(existing: &[Customer]) -> Customers {
        let mut by_name: HashMap<String, Known> = HashMap::with_capacity(existing.len());
        let mut shared = Vec::new();
        for c in existing {
            match by_name.entry(comparable(&c.name)) {
                Entry::Occupied(taken) => shared.push(taken.key().clone()),
                Entry::Vacant(free) => {
                    free.insert(Known::of(c, None));
                }
            }
        }
        let namesakes = if shared.is_empty() {
            HashMap::new()
        } else {
            existing
                .iter()
                .filter(|c| shared.contains(&comparable(&c.name)))
                .map(|c| (one_line(&c.name), Known::of(c, None)))
                .collect()
        };
        Customers { by_name, namesakes }
    }

    fn find(&mut self, name: &str) -> Option<&mut Known> {
        if !self.namesakes.is_empty() {
            if let Some(known) = self.namesakes.get_mut(&one_line(name)) {
                return Some(known);
            }
        }
        self.by_name.get_mut(&comparable(name))
    }

    fn add(&mut self, name: &str, known: Known) {
        self.by_name.insert(comparable(name), known);
    }
}

/// A customer the import matches rows to by name, with the contact details it already has.
struct Known {
    id: CustomerId,
    name: String,
    email: String,
    phone: String,
    /// Where a customer this import creates stands in `ImportResult::new_customers`; `None`
    /// for one the app has.
    new: Option<usize>,
}

impl Known {
    fn of(customer: &Customer, new: Option<usize>) -> Known {
        Known {
            id: customer.id.clone(),
            name: customer.name.trim().to_owned(),
            email: customer.email.trim().to_owned(),
            phone: customer.phone.trim().to_owned(),
            new,
        }
    }

    /// Whether a row gives an email address or phone number other than the one kept. Case,
    /// the spacing of a phone number and how it is dialled ("+31 30 …" or "030 …") do not
    /// count.
    fn differs(&self, email: &str, phone: &str) -> bool {
        let other_email = !email.is_empty() && !email.eq_ignore_ascii_case(&self.email);
        let other_phone = !phone.is_empty() && national_digits(phone) != national_digits(&self.phone);
        other_email || other_phone
    }
}

/// A Dutch or Belgian phone number as the links read it (`links::normalize_phone`), without
/// the country code or the trunk zero, so that "+31 30 123 4567", "0031 (0)30 1234567" and
/// "030-1234567" compare equal. A number the links cannot use compares as typed.
fn national_digits(phone: &str) -> String {
    let Some(number) = normalize_phone(phone) else {
        return phone.trim().to_owned();
    };
    let national = match number.strip_prefix('+') {
        Some(international) => international
            .strip_prefix("31")
            .or_else(|| international.strip_prefix("32"))
            .unwrap_or(international),
        None => number.strip_prefix('0').unwrap_or(&number),
    };
    national.to_owned()
}

/// Makes the invoice of a valid row, and its customer when the name is new. A known customer
/// keeps its contact details; a row that gives others is noted, so the user hears of it.
fn add(parsed: Parsed<'_>, customers: &mut Customers, result: &mut ImportResult, ids: &mut impl FnMut() -> String) {
    let customer_id = match customers.find(parsed.name) {
        Some(known) => {
            // A customer this file creates takes a detail its first row left empty.
            if let Some(customer) = known.new.and_then(|i| result.new_customers.get_mut(i)) {
                if known.email.is_empty() && !parsed.email.is_empty() {
                    parsed.email.clone_into(&mut customer.email);
                    parsed.email.clone_into(&mut known.email);
                }
                if known.phone.is_empty() && !parsed.phone.is_empty() {
                    parsed.phone.clone_into(&mut customer.phone);
                    parsed.phone.clone_into(&mut known.phone);
                }
            }
            if known.differs(parsed.email, parsed.phone) && !result.other_contact_details.contains(&known.name) {
                result.other_contact_details.push(known.name.clone());
            }
            known.id.clone()
        }
        None => {
            let id = CustomerId(ids());
            let mut customer = Customer::new(id.clone(), one_line(parsed.name));
            customer.kind = parsed.kind;
            customer.email = parsed.email.to_owned();
            customer.phone = parsed.phone.to_owned();
            customers.add(parsed.name, Known::of(&customer, Some(result.new_customers.len())));
            result.new_customers.push(customer);
            id
        }
    };
    let invoice = Invoice {
        id: InvoiceId(ids()),
        number: parsed.number.to_owned(),
        customer_id,
        issue_date: parsed.issue_date,
        due_date: parsed.due_date,
        amount: parsed.amount,
        currency: parsed.currency,
        description: one_line(parsed.description),
    };
    if parsed.paid > Decimal::ZERO {
        result.payments.push((invoice.id.clone(), parsed.paid));
    }
    result.invoices.push(invoice);
}

/// The export's column names, in the order of the columns. `guess_mapping` recognises them, so
/// an exported file imports again without changes.
pub fn export_headers(lang: Lang) -> [&'static str; 10] {
    match lang {
        Lang::Nl => [
            "Factuurnummer",
            "Klant",
            "Factuurdatum",
            "Vervaldatum",
            "Bedrag",
            "Betaald",
            "Openstaand",
            "Status",
            "Dagen te laat",
            "Valuta",
        ],
        Lang::En => [
            "Invoice number",
            "Customer",
            "Invoice date",
            "Due date",
            "Amount",
            "Paid",
            "Outstanding",
            "Status",
            "Days overdue",
            "Currency",
        ],
    }
}

/// The status in words, as in the rest of the interface.
pub fn status_label(status: InvoiceStatus, lang: Lang) -> &'static str {
    match (status, lang) {
        (InvoiceStatus::Open, Lang::Nl) => "Open",
        (InvoiceStatus::Open, Lang::En) => "Open",
        (InvoiceStatus::PartlyPaid, Lang::Nl) => "Deels betaald",
        (InvoiceStatus::PartlyPaid, Lang::En) => "Partly paid",
        (InvoiceStatus::Paid, Lang::Nl) => "Betaald",
        (InvoiceStatus::Paid, Lang::En) => "Paid",
        (InvoiceStatus::WrittenOff, Lang::Nl) => "Afgeschreven",
        (InvoiceStatus::WrittenOff, Lang::En) => "Written off",
    }
}

/// Text that a spreadsheet would run as a formula gets an apostrophe in front, which the
/// spreadsheet hides and `import` takes off again. Without it a customer called "=HYPERLINK(...)"
/// becomes a link the user never made. Text that already starts with apostrophes before such a
/// character gets one more, so that it too reads back as it was.
fn defused(text: &str) -> String {
    if looks_like_formula(text) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// Exports invoices as CSV for a spreadsheet, one row per invoice in the given order, with the
/// paid and outstanding amounts and the status derived from the events as everywhere else.
/// Dutch gets ";" between fields and a decimal comma ("1234,56"), as a Dutch Excel expects;
/// English gets "," and a decimal point. Days overdue count from the day after the due date
/// for open and partly paid invoices, and are 0 otherwise. The text has no byte order mark:
/// pass it through `csv::with_bom` for a download meant for Excel.
pub fn export_invoices(
    invoices: &[Invoice],
    customers: &[Customer],
    events: &[Event],
    today: NaiveDate,
    lang: Lang,
) -> String {
    let names: HashMap<&CustomerId, &str> = customers.iter().map(|c| (&c.id, c.name.as_str())).collect();
    let by_invoice = events_by_invoice(events);
    let no_events: Vec<&Event> = Vec::new();
    let rows = invoices.iter().map(|invoice| {
        let events = by_invoice.get(&invoice.id).unwrap_or(&no_events);
        let b = balance(invoice, events.iter().copied());
        let open = matches!(b.status, InvoiceStatus::Open | InvoiceStatus::PartlyPaid);
        let days_overdue = if open {
            today.signed_duration_since(invoice.due_date).num_days().max(0)
        } else {
            0
        };
        vec![
            defused(&invoice.number),
            defused(names.get(&invoice.customer_id).copied().unwrap_or("")),
            dates::format_date(invoice.issue_date, lang),
            dates::format_date(invoice.due_date, lang),
            money::format_amount(invoice.amount, lang),
            money::format_amount(b.paid, lang),
            money::format_amount(b.outstanding, lang),
            status_label(b.status, lang).to_owned(),
            days_overdue.to_string(),
            defused(&invoice.currency),
        ]
    });
    let delimiter = match lang {
        Lang::Nl => Delimiter::Semicolon,
        Lang::En => Delimiter::Comma,
    };
    csv::write(&export_headers(lang), rows, delimiter)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::{Channel, EventId, EventKind};
    use crate::domain::testing::{dec, iso as d};
    use chrono::Datelike;
    use proptest::prelude::*;
    use Field as F;
    use RowProblem as P;

    /// The day the tests import on: invoice dates from twenty years before to two years after
    /// it are taken as meant.
    const TODAY: NaiveDate = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();

    fn counter() -> impl FnMut() -> String {
        let mut n = 0;
        move || {
            n += 1;
            format!("id{n}")
        }
    }

    fn existing_customers() -> Vec<Customer> {
        vec![Customer::new(CustomerId::from("c-old"), "Bakkerij De Korenschoof")]
    }

    fn existing_invoices() -> Vec<Invoice> {
        vec![invoice("i-old", "2025-100", "c-old", "2025-12-01", "2025-12-31", "100")]
    }

    /// Reads, guesses and imports as the interface does, against one existing customer and one
    /// existing invoice, with a default term of 30 days.
    fn run(text: &str) -> ImportResult {
        let table = csv::read(text).unwrap();
        let mapping = guess_mapping(&table.headers);
        import(
            &table,
            &mapping,
            &existing_customers(),
            &existing_invoices(),
            30,
            TODAY,
            &mut counter(),
        )
    }

    #[test]
    fn a_row_goes_to_the_customer_of_exactly_its_name_when_the_app_has_namesakes() {
        // The namesake entered later comes first, as a list sorted by id might give it.
        let customers = vec![
            Customer::new(CustomerId::from("c-typo"), "bakkerij  jansen"),
            Customer::new(CustomerId::from("c-real"), "Bakkerij Jansen"),
        ];
        let table = csv::read(
            "Factuurnummer;Klant;Datum;Bedrag\n\
             1;Bakkerij Jansen;1-3-2026;10\n\
             2;bakkerij jansen;1-3-2026;10\n\
             3;BAKKERIJ JANSEN;1-3-2026;10\n",
        )
        .unwrap();
        let mapping = guess_mapping(&table.headers);
        let result = import(&table, &mapping, &customers, &[], 30, TODAY, &mut counter());
        let owners: Vec<&str> = result.invoices.iter().map(|i| i.customer_id.as_str()).collect();
        // An exact name decides; a name like neither exactly goes to the first, as before.
        assert_eq!(owners, ["c-real", "c-typo", "c-typo"]);
        assert!(result.new_customers.is_empty());
    }

    #[test]
    fn the_preview_shows_the_first_invoices_as_read() {
        let result = run("Factuurnummer;Klant;Datum;Vervaldatum;Bedrag;Betaald\n\
             7;Bakkerij De Korenschoof;1-3-2026;31-3-2026;1.234;100\n\
             8;Nieuw BV;2-3-2026;;10,50;\n\
             9;Nieuw BV;3-3-2026;;12;\n");
        let rows = result.preview(&existing_customers(), 2);
        assert_eq!(
            rows,
            [
                PreviewRow {
                    number: "7".into(),
                    customer: "Bakkerij De Korenschoof".into(),
                    issue_date: d("2026-03-01"),
                    due_date: d("2026-03-31"),
                    amount: dec("1234"),
                    paid: dec("100"),
                },
                PreviewRow {
                    number: "8".into(),
                    customer: "Nieuw BV".into(),
                    issue_date: d("2026-03-02"),
                    due_date: d("2026-04-01"),
                    amount: dec("10.50"),
                    paid: Decimal::ZERO,
                },
            ]
        );
    }

    #[test]
    fn other_contact_details_for_a_known_customer_are_kept_out_and_named() {
        let mut known = existing_customers();
        known[0].email = "info@korenschoof.nl".into();
        known[0].phone = "030 123 45 67".into();
        let table = csv::read(
            "Factuurnummer;Klant;E-mail;Telefoon;Datum;Bedrag\n\
             7;Bakkerij De Korenschoof;INFO@korenschoof.nl;+31 (0)30 123 45 67;1-3-2026;10\n\
             8;Nieuw BV;post@nieuw.nl;;1-3-2026;10\n\
             9;nieuw bv;post@nieuw.nl;;2-3-2026;10\n",
        )
        .unwrap();
        let mapping = guess_mapping(&table.headers);
        let same = import(&table, &mapping, &known, &[], 30, TODAY, &mut counter());
        assert!(
            same.other_contact_details.is_empty(),
            "{:?}",
            same.other_contact_details
        );

        let table = csv::read(
            "Factuurnummer;Klant;E-mail;Telefoon;Datum;Bedrag\n\
             7;Bakkerij De Korenschoof;bestel@korenschoof.nl;;1-3-2026;10\n\
             8;Nieuw BV;post@nieuw.nl;;1-3-2026;10\n\
             9;Nieuw BV;;06 12345678;2-3-2026;10\n\
             10;Nieuw BV;andere@nieuw.nl;;3-3-2026;10\n",
        )
        .unwrap();
        let other = import(&table, &mapping, &known, &[], 30, TODAY, &mut counter());
        assert_eq!(other.other_contact_details, ["Bakkerij De Korenschoof", "Nieuw BV"]);
        // A new customer takes what its first row left empty, and keeps what it gave.
        assert_eq!(
            (
                other.new_customers[0].email.as_str(),
                other.new_customers[0].phone.as_str()
            ),
            ("post@nieuw.nl", "06 12345678")
        );
        assert!(other.summary(Lang::Nl).ends_with(
            "Voor Bakkerij De Korenschoof en Nieuw BV geeft het bestand een e-mailadres of telefoonnummer dat afwijkt \
             van wat de app heeft; dat is niet overgenomen. Pas het aan bij de klant als het nieuwe klopt."
        ));
    }

    #[test]
    fn phone_numbers_compare_however_they_are_dialled() {
        for same in [
            "030 123 45 67",
            "+31 30 1234567",
            "0031 (0)30-123 45 67",
            "(030) 1234567",
        ] {
            assert_eq!(national_digits(same), "301234567", "{same:?}");
        }
        assert_eq!(national_digits("+32 3 123 45 67"), national_digits("03 123 45 67"));
        assert_ne!(national_digits("06 12345678"), national_digits("030 1234567"));
    }

    #[test]
    fn a_spreadsheets_total_line_is_skipped_and_counted() {
        let result = run("Factuurnummer;Klant;Datum;Bedrag\n\
             7;Nieuw BV;1-3-2026;10\n\
             ;Totaal;;10\n\
             ;;Totaal incl. btw:;12,10\n\
             Totaal;;;22,10\n\
             ;Totaalbouw BV;1-3-2026;10\n\
             ;Total Nederland B.V.;1-3-2026;500\n");
        assert_eq!(result.skipped_totals, 3);
        assert_eq!(result.invoices.len(), 1);
        // A customer whose name merely starts with the word, or a row with a date, is no
        // total: the missing number is reported.
        let missing = |line| RowError {
            line,
            field: Some(F::InvoiceNumber),
            problem: P::Missing,
        };
        assert_eq!(result.errors, [missing(6), missing(7)]);
        assert_eq!(
            result.summary(Lang::Nl),
            "1 factuur en 1 nieuwe klant klaar om op te slaan. 2 regels met fouten niet ingelezen. 3 totaalregels overgeslagen."
        );
        assert!(result.summary(Lang::En).ends_with(" 3 total lines skipped."));
    }

    #[test]
    fn the_summary_counts_in_words_where_a_count_would_be_zero() {
        let existing = run("Factuurnummer;Klant;Datum;Bedrag\n7;Bakkerij De Korenschoof;1-3-2026;10\n");
        assert_eq!(
            existing.summary(Lang::Nl),
            "1 factuur van bestaande klanten klaar om op te slaan."
        );
        assert_eq!(
            existing.summary(Lang::En),
            "1 invoice of existing customers ready to save."
        );
        let new = run("Factuurnummer;Klant;Datum;Bedrag\n7;Nieuw BV;1-3-2026;10\n");
        assert_eq!(
            new.summary(Lang::Nl),
            "1 factuur en 1 nieuwe klant klaar om op te slaan."
        );
    }

    /// An American export is read month first when its dates show it, so "03/04/2026" is
    /// 4 March there; elsewhere it stays 3 April, as the forms read it.
    #[test]
    fn dates_follow_the_order_the_file_shows() {
        let header = "Factuurnummer;Klant;Factuurdatum;Vervaldatum;Bedrag\r\n";
        let american = run(&format!(
            "{header}A-1;Jansen;02/20/2026;03/04/2026;100\r\nA-2;Jansen;10/23/2026;11/22/2026;100\r\n"
        ));
        let days: Vec<_> = american.invoices.iter().map(|i| (i.issue_date, i.due_date)).collect();
        assert_eq!(
            days,
            [(d("2026-02-20"), d("2026-03-04")), (d("2026-10-23"), d("2026-11-22"))]
        );
        assert!(american.errors.is_empty(), "{:?}", american.errors);
        assert!(
            american.summary(Lang::Nl).contains("maand/dag/jaar"),
            "{}",
            american.summary(Lang::Nl)
        );
        assert!(american.summary(Lang::En).contains("month/day/year"));

        let dutch = run(&format!("{header}A-1;Jansen;20/02/2026;03/04/2026;100\r\n"));
        assert_eq!(dutch.invoices[0].due_date, d("2026-04-03"));
        assert!(!dutch.month_first);
        assert!(!dutch.summary(Lang::Nl).contains("maand/dag/jaar"));
    }

    /// A check-box column of 1 and 0 means paid or not; a 1 among amounts is one euro.
    #[test]
    fn a_paid_column_of_ones_and_zeros_says_yes_or_no() {
        let header = "Factuurnummer;Klant;Factuurdatum;Bedrag;Betaald\r\n";
        let flags = run(&format!(
            "{header}A-1;Jansen;01-10-2026;100;1\r\nA-2;Jansen;01-10-2026;250;0\r\nA-3;Jansen;01-10-2026;80;\r\n"
        ));
        let paid: Vec<(&str, Decimal)> = flags
            .payments
            .iter()
            .filter_map(|(id, amount)| {
                flags
                    .invoices
                    .iter()
                    .find(|i| &i.id == id)
                    .map(|i| (i.number.as_str(), *amount))
            })
            .filter(|(_, amount)| !amount.is_zero())
            .collect();
        assert_eq!(paid, [("A-1", dec("100"))]);
        let amounts = run(&format!(
            "{header}A-1;Jansen;01-10-2026;100;1\r\nA-2;Jansen;01-10-2026;250;40\r\n"
        ));
        assert!(
            amounts.payments.iter().any(|(_, amount)| *amount == dec("1")),
            "{:?}",
            amounts.payments
        );
    }

    #[test]
    fn a_result_saved_after_the_data_changed_is_refused() {
        let result = run("Factuurnummer;Klant;Factuurdatum;Bedrag\r\n2026-1;Bakkerij De Korenschoof;01-10-2026;100,00\r\n2026-2;Nieuwe Klant;01-10-2026;50,00\r\n");
        assert_eq!(result.invoices.len(), 2);
        let customers = existing_customers();
        let invoices = existing_invoices();
        // Nothing changed: the result saves.
        assert_eq!(result.outdated(&customers, &invoices), None);
        // Another tab added " 2026-2 " by hand, written the way a person might.
        let mut more = invoices.clone();
        more.push(invoice("i-new", " 2026-2 ", "c-old", "2026-10-01", "2026-10-31", "5"));
        let taken = result.outdated(&customers, &more);
        assert_eq!(taken, Some(Outdated::NumberTaken("2026-2".into())));
        assert!(taken
            .unwrap()
            .message(Lang::Nl)
            .contains("factuur 2026-2 bestaat intussen al"));
        // Another tab removed the existing customer the first row belongs to; the new
        // customer of the second row comes with the result and is not missed.
        let gone = result.outdated(&[], &invoices);
        assert_eq!(gone, Some(Outdated::CustomerGone("2026-1".into())));
        assert!(gone
            .unwrap()
            .message(Lang::En)
            .contains("was removed in the meantime. Read the file again."));
    }

    type Errors = Vec<(usize, Option<Field>, RowProblem)>;

    fn errors(result: &ImportResult) -> Errors {
        result
            .errors
            .iter()
            .map(|e| (e.line, e.field, e.problem.clone()))
            .collect()
    }

    fn numbers(result: &ImportResult) -> Vec<&str> {
        result.invoices.iter().map(|i| i.number.as_str()).collect()
    }

    const FEB_31: DateError = DateError::NoSuchDay {
        day: 31,
        month: 2,
        year: 2026,
        days_in_month: 28,
    };

    /// A file, the invoice numbers imported, the errors, the duplicates as (line, number,
    /// earlier line), and the count of blank rows skipped.
    type Case = (
        &'static str,
        Vec<&'static str>,
        Errors,
        Vec<(usize, &'static str, Option<usize>)>,
        usize,
    );

    #[rustfmt::skip]
    fn import_cases() -> Vec<Case> {
        let amount = |e| P::Amount(e);
        let letter = |c| P::Amount(AmountError::Letter(c));
        vec![
            // A byte order mark, semicolons and CRLF, as a Dutch Excel saves.
            ("\u{FEFF}Factuurnummer;Klant;Factuurdatum;Bedrag incl. btw\r\n2026-001;Jansen BV;05-01-2026;1.234,56\r\n",
             vec!["2026-001"], vec![], vec![], 0),
            // A quoted line break keeps the later line numbers right.
            ("Factuurnummer;Klant;Datum;Bedrag;Omschrijving\n1;A;1-1-2026;10;\"twee\nregels\"\n2;B;1-1-2026;x;y\n",
             vec!["1"], vec![(4, Some(F::Amount), letter('x'))], vec![], 0),
            // Empty lines are not rows; a row of blank fields is skipped and counted.
            ("\n\nInvoice number,Customer,Date,Amount\n\n1,A,2026-01-01,10\n,,,\n , ,\" \",\n\n2,B,2026-01-02,20\n",
             vec!["1", "2"], vec![], vec![], 2),
            ("Factuurnummer;Klant;Datum;Bedrag\n1;A;1-1-2026;1.234,5O\n",
             vec![], vec![(2, Some(F::Amount), letter('O'))], vec![], 0),
            ("Factuurnummer;Klant;Datum;Bedrag\n1;A;31-02-2026;10\n",
             vec![], vec![(2, Some(F::IssueDate), P::Date(FEB_31))], vec![], 0),
            // A typing slip in the year, and a number the invoice form would refuse, are
            // refused here too: the invoice could not be edited afterwards.
            ("Factuurnummer;Klant;Datum;Bedrag\n1;A;01-03-1926;10\n2;A;01-03-2029;10\n3;A;01-12-2006;10\n",
             vec!["3"],
             vec![(2, Some(F::IssueDate), P::FarOffDate { earliest: d("2006-11-23"), latest: d("2028-11-23") }),
                  (3, Some(F::IssueDate), P::FarOffDate { earliest: d("2006-11-23"), latest: d("2028-11-23") })],
             vec![], 0),
            ("Factuurnummer;Klant;Datum;Bedrag\nF-999999999999999999999999999999999999999;A;01-03-2026;10\nF-99999999999999999999999999999999999999;A;01-03-2026;10\n",
             vec!["F-99999999999999999999999999999999999999"], vec![(2, Some(F::InvoiceNumber), P::NumberTooLong)], vec![], 0),
            // Every problem of a row is reported at once.
            ("Factuurnummer;Klant;Datum;Bedrag\n1;;31-02-2026;-5\n",
             vec![],
             vec![(2, Some(F::CustomerName), P::Missing), (2, Some(F::IssueDate), P::Date(FEB_31)),
                  (2, Some(F::Amount), amount(AmountError::CreditNote))],
             vec![], 0),
            // A trailing delimiter is forgiven, a missing or extra field is not.
            ("Factuurnummer;Klant;Datum;Bedrag\n1;A;1-1-2026\n2;A;1-1-2026;10;extra\n3;A;1-1-2026;10;\n",
             vec!["3"],
             vec![(2, None, P::WrongFieldCount { found: 3, expected: 4 }),
                  (3, None, P::WrongFieldCount { found: 5, expected: 4 })],
             vec![], 0),
            // Duplicates against an existing invoice and within the file, whatever the case and spaces.
            ("Factuurnummer;Klant;Datum;Bedrag\n7;A;1-1-2026;10\n2025-100;A;1-1-2026;10\n 7 ;B;2-1-2026;20\nF-8;A;1-1-2026;x\nf-8;A;1-1-2026;10\n",
             vec!["7"], vec![(5, Some(F::Amount), letter('x'))],
             vec![(3, "2025-100", None), (4, "7", Some(2)), (6, "f-8", Some(5))], 0),
            ("Factuurnummer;Klant;Datum;Bedrag\r\n", vec![], vec![], vec![], 0),
            // Contact details the customer form would refuse: a mail link or a call would go
            // nowhere. Empty ones are fine.
            ("Nr;Klant;E-mail;Telefoon;Datum;Bedrag\n1;A;piet@;abc;1-1-2026;10\n2;B;geenmail;06 12345678;1-1-2026;10\n3;C;c@c.nl;;1-1-2026;10\n4;D;;;1-1-2026;10\n",
             vec!["3", "4"],
             vec![(2, Some(F::CustomerEmail), P::Email("piet@".into())), (2, Some(F::CustomerPhone), P::Phone("abc".into())),
                  (3, Some(F::CustomerEmail), P::Email("geenmail".into()))],
             vec![], 0),
            // An empty number claims nothing, so two rows without one are both errors.
            ("Factuurnummer;Klant;Datum;Bedrag\n;A;1-1-2026;10\n;A;1-1-2026;10\n",
             vec![], vec![(2, Some(F::InvoiceNumber), P::Missing), (3, Some(F::InvoiceNumber), P::Missing)], vec![], 0),
            ("Factuurnummer;Klant;Factuurdatum;Vervaldatum;Bedrag\n1;A;10-01-2026;09-01-2026;10\n2;A;10-01-2026;10-01-2026;10\n",
             vec!["2"],
             vec![(2, Some(F::DueDate), P::DueBeforeIssue { issue: d("2026-01-10"), due: d("2026-01-09") })],
             vec![], 0),
            ("Nr;Klant;Datum;Termijn;Klanttype;Valuta;Bedrag\n1;A;1-1-2026;veertien;?;dollars;10\n2;B;1-1-2026;400;b2c;usd;10\n",
             vec![],
             vec![(2, Some(F::CustomerKind), P::CustomerKind("?".into())),
                  (2, Some(F::PaymentTermDays), P::Term("veertien".into())),
                  (2, Some(F::Currency), P::Currency("dollars".into())),
                  (3, Some(F::PaymentTermDays), P::Term("400".into())),
                  (3, Some(F::Currency), P::NotEuro("USD".into()))],
             vec![], 0),
            // A bad term next to a good due date is not read at all.
            ("Nr;Klant;Datum;Vervaldatum;Termijn;Bedrag\n1;A;1-1-2026;1-2-2026;veertien;10\n",
             vec!["1"], vec![], vec![], 0),
            ("Nr;Klant;Datum;Bedrag;Betaald;Openstaand\n1;A;1-1-2026;100;40;60\n2;A;1-1-2026;100;40;50\n3;A;1-1-2026;100;;150\n4;A;1-1-2026;100;-1;\n5;A;1-1-2026;150,00;1.500;\n6;A;1-1-2026;150;150;\n",
             vec!["1", "6"],
             vec![(3, Some(F::Outstanding), P::PaidAndOutstandingDisagree { paid: dec("40"), outstanding: dec("50"), amount: dec("100") }),
                  (4, Some(F::Outstanding), P::OutstandingAboveAmount { outstanding: dec("150"), amount: dec("100") }),
                  (5, Some(F::AmountPaid), amount(AmountError::Negative)),
                  (6, Some(F::AmountPaid), P::PaidAboveAmount { paid: dec("1500"), amount: dec("150") })],
             vec![], 0),
        ]
    }

    #[test]
    fn imports_what_is_valid_and_reports_the_rest() {
        for (text, imported, expected_errors, duplicates, skipped) in import_cases() {
            let result = run(text);
            assert_eq!(numbers(&result), imported, "{text:?}");
            assert_eq!(errors(&result), expected_errors, "{text:?}");
            let found: Vec<(usize, &str, Option<usize>)> = result
                .duplicates
                .iter()
                .map(|d| (d.line, d.number.as_str(), d.earlier_line))
                .collect();
            assert_eq!(found, duplicates, "{text:?}");
            assert_eq!(result.skipped_empty, skipped, "{text:?}");
        }
    }

    #[test]
    fn a_file_of_empty_lines_is_refused_before_import() {
        assert_eq!(csv::read("\r\n\n\r\n"), Err(csv::CsvError::Empty));
    }

    #[test]
    #[rustfmt::skip]
    fn reads_each_value_into_the_invoice() {
        let header = "Nr;Klant;Datum;Vervaldatum;Termijn;Bedrag;Valuta;Betaald";
        // (the cells after number and customer; issue date, due date, amount, currency, payment)
        type Case = (&'static str, &'static str, &'static str, &'static str, &'static str, Option<&'static str>);
        let cases: Vec<Case> = vec![
            ("05-01-2026;;;€ 12,-;;", "2026-01-05", "2026-02-04", "12", "EUR", None),
            ("2026-01-05 00:00;;14 dagen;1234.56;euro;", "2026-01-05", "2026-01-19", "1234.56", "EUR", None),
            ("2026-01-05T00:00:00Z;20-01-2026;;1.234,56;€;ja", "2026-01-05", "2026-01-20", "1234.56", "EUR", Some("1234.56")),
            ("5 jan 2026;;0;100;EUR;25,50", "2026-01-05", "2026-01-05", "100", "EUR", Some("25.50")),
            ("5 jan 2026;;30d;100;;nee", "2026-01-05", "2026-02-04", "100", "EUR", None),
        ];
        for (cells, issue, due, amount, currency, payment) in cases {
            let result = run(&format!("{header}\n1;Jansen;{cells}\n"));
            assert_eq!(errors(&result), vec![], "{cells}");
            let invoice = result.invoices.first().unwrap();
            assert_eq!(
                (invoice.issue_date, invoice.due_date, invoice.amount, invoice.currency.as_str()),
                (d(issue), d(due), dec(amount), currency),
                "{cells}"
            );
            let paid: Vec<(InvoiceId, Decimal)> = payment.map(|p| (invoice.id.clone(), dec(p))).into_iter().collect();
            assert_eq!(result.payments, paid, "{cells}");
        }
    }

    #[test]
    fn finds_or_makes_each_customer_once() {
        let text = "Nr;Klant;E-mail;Telefoon;Soort klant;Datum;Bedrag\n\
                    1;  bakkerij   de KORENSCHOOF ;x@y.nl;;;1-1-2026;10\n\
                    2;Piet Jansen;piet@example.nl;06 12345678;particulier;1-1-2026;10\n\
                    3;PIET JANSEN;other@example.nl;;;1-1-2026;10\n\
                    4;Nieuw BV;;;;1-1-2026;x\n\
                    5;'=Formule BV;;;zakelijk;1-1-2026;10\n";
        let result = run(text);
        let customers: Vec<(&str, &str, &str, &str, CustomerKind, Lang)> = result
            .new_customers
            .iter()
            .map(|c| {
                (
                    c.id.as_str(),
                    c.name.as_str(),
                    c.email.as_str(),
                    c.phone.as_str(),
                    c.kind,
                    c.language,
                )
            })
            .collect();
        assert_eq!(
            customers,
            vec![
                (
                    "id2",
                    "Piet Jansen",
                    "piet@example.nl",
                    "06 12345678",
                    CustomerKind::Consumer,
                    Lang::Nl
                ),
                ("id5", "=Formule BV", "", "", CustomerKind::Business, Lang::Nl),
            ]
        );
        let owners: Vec<(&str, &str, &str)> = result
            .invoices
            .iter()
            .map(|i| (i.id.as_str(), i.number.as_str(), i.customer_id.as_str()))
            .collect();
        assert_eq!(
            owners,
            vec![
                ("id1", "1", "c-old"),
                ("id3", "2", "id2"),
                ("id4", "3", "id2"),
                ("id6", "5", "id5")
            ]
        );
    }

    #[test]
    fn a_cell_over_several_lines_is_read_as_one_line() {
        let text = "Nr;Klant;Datum;Bedrag;Omschrijving\n\
                    1;\"Atelier\r\nDe Zon\";1-1-2026;10;\"Brood\n\n  en banket\"\n";
        let result = run(text);
        assert_eq!(errors(&result), vec![]);
        let names: Vec<&str> = result.new_customers.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["Atelier De Zon"]);
        assert_eq!(result.invoices[0].description, "Brood en banket");
    }

    #[test]
    #[rustfmt::skip]
    fn guesses_columns_from_dutch_english_and_french_names() {
        use Field::*;
        let cases: Vec<(&str, Vec<(Field, usize)>)> = vec![
            ("Factuurnummer;Contact;Factuurdatum;Vervaldatum;Totaal excl. btw;Btw;Totaal incl. btw;Openstaand;E-mail",
             vec![(InvoiceNumber, 0), (CustomerName, 1), (IssueDate, 2), (DueDate, 3), (Amount, 6), (Outstanding, 7), (CustomerEmail, 8)]),
            ("Factuur nr;Relatie;Datum;Bedrag (excl);BTW;Bedrag (incl);Betalingstermijn",
             vec![(InvoiceNumber, 0), (CustomerName, 1), (IssueDate, 2), (Amount, 5), (PaymentTermDays, 6)]),
            ("Invoice number;Customer;Invoice date;Due date;Amount;Currency;Description;Amount paid;Email;Phone",
             vec![(InvoiceNumber, 0), (CustomerName, 1), (IssueDate, 2), (DueDate, 3), (Amount, 4), (Currency, 5),
                  (Description, 6), (AmountPaid, 7), (CustomerEmail, 8), (CustomerPhone, 9)]),
            ("Klant;Factuur;Datum;Bedrag incl. btw;Termijn (dagen);Omschrijving;Telefoon;Particulier of zakelijk",
             vec![(CustomerName, 0), (InvoiceNumber, 1), (IssueDate, 2), (Amount, 3), (PaymentTermDays, 4),
                  (Description, 5), (CustomerPhone, 6), (CustomerKind, 7)]),
            ("FACTUURNUMMER;  naam   klant ;factuur-datum;VERVALDATUM;Totaal",
             vec![(InvoiceNumber, 0), (CustomerName, 1), (IssueDate, 2), (DueDate, 3), (Amount, 4)]),
            ("Numéro de facture;Client;Date de facture;Date d'échéance;Montant HT;TVA;Montant TTC;Payé",
             vec![(InvoiceNumber, 0), (CustomerName, 1), (IssueDate, 2), (DueDate, 3), (Amount, 6), (AmountPaid, 7)]),
            ("Datum;Vervaldatum;Betaaldatum", vec![(IssueDate, 0), (DueDate, 1)]),
            ("Klantnummer;Klantnaam;Factuurbedrag", vec![(CustomerName, 1), (Amount, 2)]),
            ("Invoice #;Client name;Date;Total;Days overdue;Balance",
             vec![(InvoiceNumber, 0), (CustomerName, 1), (IssueDate, 2), (Amount, 3), (Outstanding, 5)]),
            ("Type;Status;Btw-bedrag;Betaald op;Dagen", vec![]),
            ("", vec![]),
        ];
        for (headers, expected) in cases {
            let headers: Vec<String> = headers.split(';').map(str::to_owned).collect();
            let mapping = expected.iter().fold(Mapping::default(), |m, (field, column)| m.with(*field, *column));
            assert_eq!(guess_mapping(&headers), mapping, "{headers:?}");
        }
    }

    #[test]
    fn guesses_the_export_of_both_languages() {
        for lang in Lang::ALL {
            let headers: Vec<String> = export_headers(lang).iter().map(|h| h.to_string()).collect();
            let expected = Mapping::default()
                .with(F::InvoiceNumber, 0)
                .with(F::CustomerName, 1)
                .with(F::IssueDate, 2)
                .with(F::DueDate, 3)
                .with(F::Amount, 4)
                .with(F::AmountPaid, 5)
                .with(F::Outstanding, 6)
                .with(F::Currency, 9);
            assert_eq!(guess_mapping(&headers), expected, "{lang:?}");
        }
    }

    #[test]
    fn names_the_required_fields_left_unmapped() {
        let some = Mapping::default().with(F::Amount, 3).with(F::CustomerName, 0);
        let all = some.clone().with(F::InvoiceNumber, 1).with(F::IssueDate, 2);
        let cases: Vec<(Mapping, Vec<Field>)> = vec![
            (Mapping::default(), Field::REQUIRED.to_vec()),
            (some, vec![F::InvoiceNumber, F::IssueDate]),
            (all, vec![]),
        ];
        for (mapping, missing) in cases {
            assert_eq!(missing_required(&mapping), missing);
        }
    }

    #[test]
    fn a_mapping_can_be_edited() {
        let mut mapping = Mapping::default().with(F::Amount, 3);
        mapping.set(F::Amount, None);
        assert_eq!(mapping, Mapping::default());
        let shared = Mapping::default().with(F::Amount, 2).with(F::Outstanding, 2);
        assert_eq!(shared.fields_of(2), vec![F::Amount, F::Outstanding]);
        assert_eq!(shared.get(F::Outstanding), Some(2));
    }

    #[test]
    fn a_mapping_past_the_last_column_gives_empty_values() {
        let table = csv::read("a;b;c;d\n1;A;1-1-2026;10\n").unwrap();
        let mapping = Mapping::default()
            .with(F::InvoiceNumber, 0)
            .with(F::CustomerName, 1)
            .with(F::IssueDate, 2)
            .with(F::Amount, 3)
            .with(F::Description, 99);
        let result = import(&table, &mapping, &[], &[], 30, TODAY, &mut counter());
        assert_eq!(numbers(&result), vec!["1"]);
        let broken = mapping.with(F::Amount, usize::MAX);
        let result = import(&table, &broken, &[], &[], 30, TODAY, &mut counter());
        assert_eq!(errors(&result), vec![(2, Some(F::Amount), P::Missing)]);
    }

    #[test]
    #[rustfmt::skip]
    fn messages_read_well() {
        let problems = vec![
            (14, Some(F::Amount), P::Amount(AmountError::Letter('O'))),
            (15, Some(F::IssueDate), P::Date(FEB_31)),
            (16, None, P::WrongFieldCount { found: 3, expected: 4 }),
            (17, Some(F::CustomerName), P::Missing),
            (18, Some(F::DueDate), P::DueBeforeIssue { issue: d("2026-01-10"), due: d("2026-01-09") }),
            (19, Some(F::PaymentTermDays), P::Term("veertien".into())),
            (20, Some(F::CustomerKind), P::CustomerKind("weet niet".into())),
            (21, Some(F::Currency), P::Currency("dollars".into())),
            (21, Some(F::Currency), P::NotEuro("USD".into())),
            (22, Some(F::CustomerEmail), P::Email("piet@".into())),
            (22, Some(F::CustomerPhone), P::Phone("abc".into())),
            (22, Some(F::InvoiceNumber), P::NumberTooLong),
            (22, Some(F::IssueDate), P::FarOffDate { earliest: d("2006-11-23"), latest: d("2028-11-23") }),
            (22, Some(F::Outstanding), P::OutstandingAboveAmount { outstanding: dec("150"), amount: dec("100") }),
            (23, Some(F::Outstanding), P::PaidAndOutstandingDisagree { paid: dec("40"), outstanding: dec("50"), amount: dec("100") }),
        ];
        let result = ImportResult {
            errors: problems.into_iter().map(|(line, field, problem)| RowError { line, field, problem }).collect(),
            duplicates: vec![
                Duplicate { line: 24, number: "2025-100".into(), earlier_line: None },
                Duplicate { line: 25, number: "x".repeat(50), earlier_line: Some(3) },
            ],
            ..ImportResult::default()
        };
        let mut lines = Vec::new();
        for lang in Lang::ALL {
            lines.extend(result.errors.iter().map(|e| e.message(lang)));
            lines.extend(result.duplicates.iter().map(|d| d.message(lang)));
            lines.push(result.summary(lang));
            lines.push(ImportResult::default().summary(lang));
            lines.extend([csv::CsvError::Empty, csv::CsvError::UnterminatedQuote { line: 7 }].iter().map(|e| e.message(lang)));
        }
        insta::assert_snapshot!(lines.join("\n"));
    }

    #[test]
    fn a_paid_amount_without_a_date_is_booked_on_the_due_date_and_said_so() {
        let file = "Nr;Klant;Factuurdatum;Vervaldatum;Bedrag;Betaald\n\
                    P-1;A;01-01-2024;31-01-2024;1000;400\n\
                    P-2;A;01-11-2026;01-12-2026;1000;400\n";
        let result = run(file);
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let days: Vec<String> = result
            .invoices
            .iter()
            .map(|i| payment_day(i, today).to_string())
            .collect();
        // Long overdue: the due date, so no interest runs on the part paid. Not yet due: today,
        // never a day in the future.
        assert_eq!(days, ["2024-01-31", "2026-11-23"]);
        assert!(result.summary(Lang::Nl).contains("op de vervaldatum"));
        assert!(result.summary(Lang::En).contains("on the due date"));
        assert!(!ImportResult::default().summary(Lang::Nl).contains("vervaldatum"));
    }

    #[test]
    fn a_row_error_starts_with_its_line() {
        let error = RowError {
            line: 14,
            field: Some(F::Amount),
            problem: P::Amount(AmountError::Letter('O')),
        };
        assert!(error.message(Lang::Nl).starts_with("Regel 14, bedrag incl. btw: "));
        assert!(error.message(Lang::En).starts_with("Line 14, amount incl. VAT: "));
    }

    /// A file of `rows` invoices over 700 customers, every thousandth with a bad amount, and
    /// every description spanning two lines.
    fn large_file(rows: usize) -> String {
        let mut text = String::from("Factuurnummer;Klant;Factuurdatum;Vervaldatum;Bedrag incl. btw;Omschrijving\r\n");
        for i in 0..rows {
            let amount = if i % 1000 == 999 {
                "1.234,5O".to_owned()
            } else {
                format!("{},{:02}", 10 + i, i % 100)
            };
            let line = format!(
                "2026-{i:05};Klant {};{:02}-01-2026;31-03-2026;{amount};\"regel\nmet return\"\r\n",
                i % 700,
                1 + i % 28
            );
            text.push_str(&line);
        }
        text
    }

    #[test]
    fn ten_thousand_rows_in_chunks_match_the_one_shot_import() {
        let table = csv::read(&large_file(10_000)).unwrap();
        let mapping = guess_mapping(&table.headers);
        let started = std::time::Instant::now();
        let whole = import(
            &table,
            &mapping,
            &existing_customers(),
            &existing_invoices(),
            30,
            TODAY,
            &mut counter(),
        );
        eprintln!("10,000 rows imported in {:?}", started.elapsed());
        assert_eq!(
            (whole.invoices.len(), whole.new_customers.len(), whole.errors.len()),
            (9_990, 700, 10)
        );
        // The header is line 1 and every row takes two lines.
        assert_eq!(whole.errors.first().map(|e| e.line), Some(2 + 999 * 2));

        let mut importer = Importer::new(table, mapping, &existing_customers(), &existing_invoices(), 30, TODAY);
        let mut ids = counter();
        let mut seen = Vec::new();
        loop {
            let progress = importer.step(3_000, &mut ids);
            seen.push(progress.done);
            if progress.is_finished() {
                break;
            }
        }
        assert_eq!(seen, vec![3_000, 6_000, 9_000, 10_000]);
        assert_eq!(
            importer.step(3_000, &mut ids),
            Progress {
                done: 10_000,
                total: 10_000
            }
        );
        assert_eq!(importer.finish(), whole);
    }

    fn event(id: &str, invoices: &[&str], kind: EventKind) -> Event {
        Event {
            id: EventId::from(id),
            invoice_ids: invoices.iter().map(|i| InvoiceId::from(*i)).collect(),
            customer_id: CustomerId::from("c1"),
            date: d("2026-02-01"),
            channel: Channel::Email,
            kind,
        }
    }

    fn invoice(id: &str, number: &str, customer: &str, issue: &str, due: &str, amount: &str) -> Invoice {
        Invoice {
            id: InvoiceId::from(id),
            number: number.into(),
            customer_id: CustomerId::from(customer),
            issue_date: d(issue),
            due_date: d(due),
            amount: dec(amount),
            currency: "EUR".into(),
            description: String::new(),
        }
    }

    fn payment(amount: &str) -> EventKind {
        EventKind::PaymentReceived {
            amount: dec(amount),
            note: String::new(),
        }
    }

    #[rustfmt::skip]
    fn sample() -> (Vec<Invoice>, Vec<Customer>, Vec<Event>) {
        let invoices = vec![
            invoice("i1", "2026-001", "c1", "2026-01-05", "2026-02-04", "1234.56"),
            invoice("i2", "2026-002", "c1", "2026-01-10", "2026-02-09", "100"),
            invoice("i3", "=2026-003", "c2", "2026-01-15", "2026-02-14", "50"),
            invoice("i4", "2026-004", "c2", "2026-01-20", "2026-03-31", "75.5"),
            invoice("i5", "2026-005", "gone", "2026-01-20", "2026-02-01", "10"),
        ];
        let customers = vec![
            Customer::new(CustomerId::from("c1"), "Jansen; Zonen \"BV\""),
            Customer::new(CustomerId::from("c2"), "Café de Zon"),
        ];
        let events = vec![
            // Naming an invoice twice must not count the payment twice.
            event("e1", &["i1", "i1"], payment("234.56")),
            event("e2", &["i2"], payment("100")),
            event("e3", &["i3"], EventKind::WrittenOff { reason: "failliet".into() }),
            event("e4", &["i1", "i2"], EventKind::Note { text: "gebeld".into() }),
        ];
        (invoices, customers, events)
    }

    #[test]
    fn exports_per_language() {
        let (invoices, customers, events) = sample();
        let today = d("2026-03-01");
        let nl = "Factuurnummer;Klant;Factuurdatum;Vervaldatum;Bedrag;Betaald;Openstaand;Status;Dagen te laat;Valuta\r\n\
                  2026-001;\"Jansen; Zonen \"\"BV\"\"\";05-01-2026;04-02-2026;1234,56;234,56;1000,00;Deels betaald;25;EUR\r\n\
                  2026-002;\"Jansen; Zonen \"\"BV\"\"\";10-01-2026;09-02-2026;100,00;100,00;0,00;Betaald;0;EUR\r\n\
                  '=2026-003;Café de Zon;15-01-2026;14-02-2026;50,00;0,00;50,00;Afgeschreven;0;EUR\r\n\
                  2026-004;Café de Zon;20-01-2026;31-03-2026;75,50;0,00;75,50;Open;0;EUR\r\n\
                  2026-005;;20-01-2026;01-02-2026;10,00;0,00;10,00;Open;28;EUR\r\n";
        assert_eq!(export_invoices(&invoices, &customers, &events, today, Lang::Nl), nl);
        let en = "Invoice number,Customer,Invoice date,Due date,Amount,Paid,Outstanding,Status,Days overdue,Currency\r\n\
                  2026-001,\"Jansen; Zonen \"\"BV\"\"\",5 Jan 2026,4 Feb 2026,1234.56,234.56,1000.00,Partly paid,25,EUR\r\n\
                  2026-002,\"Jansen; Zonen \"\"BV\"\"\",10 Jan 2026,9 Feb 2026,100.00,100.00,0.00,Paid,0,EUR\r\n\
                  '=2026-003,Café de Zon,15 Jan 2026,14 Feb 2026,50.00,0.00,50.00,Written off,0,EUR\r\n\
                  2026-004,Café de Zon,20 Jan 2026,31 Mar 2026,75.50,0.00,75.50,Open,0,EUR\r\n\
                  2026-005,,20 Jan 2026,1 Feb 2026,10.00,0.00,10.00,Open,28,EUR\r\n";
        assert_eq!(export_invoices(&invoices, &customers, &events, today, Lang::En), en);
    }

    #[test]
    fn an_export_imports_again() {
        let (invoices, customers, events) = sample();
        // The invoice whose customer is gone cannot come back: it has no customer name.
        let invoices: Vec<Invoice> = invoices
            .into_iter()
            .filter(|i| i.customer_id.as_str() != "gone")
            .collect();
        let shape = |i: &Invoice| (i.number.clone(), i.issue_date, i.due_date, i.amount, i.currency.clone());
        for lang in Lang::ALL {
            let text = csv::with_bom(&export_invoices(&invoices, &customers, &events, d("2026-03-01"), lang));
            let table = csv::read(&text).unwrap();
            let result = import(
                &table,
                &guess_mapping(&table.headers),
                &[],
                &[],
                30,
                TODAY,
                &mut counter(),
            );
            assert_eq!(errors(&result), vec![], "{lang:?}");
            assert_eq!(
                result.invoices.iter().map(shape).collect::<Vec<_>>(),
                invoices.iter().map(shape).collect::<Vec<_>>()
            );
            let names: Vec<&str> = result.new_customers.iter().map(|c| c.name.as_str()).collect();
            assert_eq!(names, vec!["Jansen; Zonen \"BV\"", "Café de Zon"]);
            let number_of = |id: &InvoiceId| result.invoices.iter().find(|i| i.id == *id).map(|i| i.number.as_str());
            let paid: Vec<(Option<&str>, Decimal)> =
                result.payments.iter().map(|(id, a)| (number_of(id), *a)).collect();
            assert_eq!(
                paid,
                vec![(Some("2026-001"), dec("234.56")), (Some("2026-002"), dec("100"))]
            );
        }
    }

    #[test]
    fn text_a_spreadsheet_would_run_reads_back_as_it_was() {
        let cases = [
            ("=SUM(A1)", "'=SUM(A1)"),
            ("+31 6 1234", "'+31 6 1234"),
            ("-5", "'-5"),
            ("@home", "'@home"),
            ("'=", "''="),
            ("''+x", "'''+x"),
            ("'quoted'", "'quoted'"),
            ("Jansen", "Jansen"),
        ];
        for (text, exported) in cases {
            assert_eq!(defused(text), exported);
            assert_eq!(clean(exported), text);
        }
    }

    /// Text as a user types it in one field: printable, at least one character, no spaces at
    /// either end (the import trims those, on purpose).
    fn plain_text() -> impl Strategy<Value = String> {
        "\\PC{1,12}".prop_filter("no surrounding spaces", |s| s.trim() == s && !s.is_empty())
    }

    /// (number, customer index, amount in cents, issue day number, term, paid in cents)
    fn any_invoice() -> impl Strategy<Value = (String, usize, i64, i32, u32, i64)> {
        // Invoice dates the import takes as meant, from twenty years back to two years ahead.
        let first = d("2006-11-24").num_days_from_ce();
        (
            plain_text(),
            0usize..3,
            1i64..10_000_000_000_000,
            first..first + 8_000,
            0u32..400,
            0i64..20_000_000_000_000,
        )
    }

    proptest! {
        #[test]
        fn any_export_imports_again(
            names in prop::collection::vec(plain_text(), 3),
            rows in prop::collection::vec(any_invoice(), 0..8),
            lang in prop_oneof![Just(Lang::Nl), Just(Lang::En)],
        ) {
            // The index keeps names apart that only differ in case.
            let customers: Vec<Customer> = names
                .iter()
                .enumerate()
                .map(|(i, n)| Customer::new(CustomerId(format!("c{i}")), format!("{n} {i}")))
                .collect();
            let mut taken = std::collections::HashSet::new();
            let mut invoices = Vec::new();
            let mut events = Vec::new();
            for (i, (number, customer, cents, day, term, paid_cents)) in rows.into_iter().enumerate() {
                if !taken.insert(comparable(&number)) {
                    continue;
                }
                let issue = NaiveDate::from_num_days_from_ce_opt(day).unwrap();
                let id = format!("i{i}");
                invoices.push(Invoice {
                    id: InvoiceId(id.clone()),
                    number,
                    customer_id: CustomerId(format!("c{customer}")),
                    issue_date: issue,
                    due_date: due_date_from_term(issue, term),
                    amount: Decimal::new(cents, 2),
                    currency: "EUR".into(),
                    description: String::new(),
                });
                if paid_cents > 0 {
                    let amount = Decimal::new(paid_cents, 2);
                    events.push(event(&format!("e{i}"), &[&id], EventKind::PaymentReceived { amount, note: String::new() }));
                }
            }
            let text = export_invoices(&invoices, &customers, &events, d("2026-03-01"), lang);
            let table = csv::read(&text).unwrap();
            let result = import(&table, &guess_mapping(&table.headers), &customers, &[], 30, TODAY, &mut counter());
            prop_assert_eq!(errors(&result), vec![]);
            prop_assert_eq!(result.new_customers.len(), 0);
            let shape = |i: &Invoice| (i.number.clone(), i.customer_id.clone(), i.issue_date, i.due_date, i.amount);
            prop_assert_eq!(
                result.invoices.iter().map(shape).collect::<Vec<_>>(),
                invoices.iter().map(shape).collect::<Vec<_>>()
            );
            let paid: Decimal = result.payments.iter().map(|(_, a)| *a).sum();
            let expected: Decimal = events.iter().map(model_paid).sum();
            prop_assert_eq!(paid, expected);
        }

        #[test]
        fn importing_arbitrary_cells_never_panics(
            headers in prop::collection::vec(prop_oneof![
                Just("Factuurnummer".to_owned()), Just("Klant".to_owned()), Just("Datum".to_owned()),
                Just("Vervaldatum".to_owned()), Just("Termijn".to_owned()), Just("Bedrag".to_owned()),
                Just("Betaald".to_owned()), Just("Openstaand".to_owned()), Just("Valuta".to_owned()),
                Just("Soort klant".to_owned()), any::<String>(),
            ], 0..12),
            rows in prop::collection::vec(prop::collection::vec(prop_oneof![
                any::<String>(), "[0-9.,€ -]{0,12}", "[0-9]{1,2}-[0-9]{1,2}-[0-9]{2,5}", Just("ja".to_owned()),
            ], 0..12), 0..20),
        ) {
            let table = Table {
                headers,
                rows: rows.into_iter().enumerate().map(|(i, fields)| Row { line: i + 2, fields }).collect(),
                delimiter: Delimiter::Semicolon,
            };
            let mapping = guess_mapping(&table.headers);
            let result = import(&table, &mapping, &existing_customers(), &existing_invoices(), u32::MAX, TODAY, &mut counter());
            for e in &result.errors {
                prop_assert!(!e.message(Lang::Nl).is_empty() && !e.message(Lang::En).is_empty());
            }
            prop_assert!(result.invoices.iter().all(|i| i.due_date >= i.issue_date && i.amount > Decimal::ZERO));
        }
    }

    fn model_paid(event: &Event) -> Decimal {
        match &event.kind {
            EventKind::PaymentReceived { amount, .. } => *amount,
            _ => Decimal::ZERO,
        }
    }
}
