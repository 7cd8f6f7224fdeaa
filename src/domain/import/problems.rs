//! What can be wrong with a row, and how the import says so in the user's language.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::cells::cut;
use super::{Field, MAX_TERM_DAYS};
use crate::domain::dates::{self, DateError};
use crate::domain::invoice_form::MAX_NUMBER_CHARS;
use crate::domain::model::Lang;
use crate::domain::money::{self, AmountError};
use crate::domain::text::t;

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
    /// A due date more than `MAX_TERM_DAYS` after the invoice date: a typing slip in the year,
    /// and an invoice that would never be chased.
    DueFarAfterIssue {
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
        let date = |d: &NaiveDate| dates::format_date(*d, lang);
        match self {
            RowProblem::WrongFieldCount { found, expected } => t!(
                lang,
                "Deze regel heeft {found} velden, de kopregel {expected}. Controleer of er een scheidingsteken \
                 te veel of te weinig staat, of een aanhalingsteken ontbreekt.",
                "This line has {found} fields, while the header has {expected}. Check for a delimiter too many or \
                 too few, or a missing quote."
            ),
            RowProblem::Missing => lang
                .pick(
                    "Dit veld is leeg, maar een factuur kan niet zonder.",
                    "This field is empty, but every invoice needs it.",
                )
                .to_owned(),
            RowProblem::Amount(e) => e.message(lang),
            RowProblem::NumberTooLong => t!(
                lang,
                "Een factuurnummer heeft hooguit {MAX_NUMBER_CHARS} tekens.",
                "An invoice number has at most {MAX_NUMBER_CHARS} characters."
            ),
            RowProblem::FarOffDate { earliest, latest } => {
                let (earliest, latest) = (date(earliest), date(latest));
                t!(
                    lang,
                    "Deze factuurdatum ligt ver weg; is het een tikfout? Een factuurdatum ligt tussen {earliest} en \
                     {latest}.",
                    "This invoice date is far off; is it a typing slip? An invoice date lies between {earliest} and \
                     {latest}."
                )
            }
            RowProblem::Date(e) => e.message(lang),
            RowProblem::DueBeforeIssue { issue, due } => {
                let (issue, due) = (date(issue), date(due));
                t!(
                    lang,
                    "De vervaldatum {due} ligt vóór de factuurdatum {issue}.",
                    "The due date {due} is before the invoice date {issue}."
                )
            }
            RowProblem::DueFarAfterIssue { issue, due } => {
                let (issue, due) = (date(issue), date(due));
                t!(
                    lang,
                    "De vervaldatum {due} ligt meer dan {MAX_TERM_DAYS} dagen na de factuurdatum {issue}; is het een \
                     tikfout? Een betaaltermijn is hooguit {MAX_TERM_DAYS} dagen.",
                    "The due date {due} is more than {MAX_TERM_DAYS} days after the invoice date {issue}; is it a \
                     typing slip? A payment term is at most {MAX_TERM_DAYS} days."
                )
            }
            RowProblem::Term(value) => t!(
                lang,
                "\"{value}\" is geen betaaltermijn. Vul een aantal dagen in van 0 tot {MAX_TERM_DAYS}, zoals 30.",
                "\"{value}\" is not a payment term. Enter a number of days from 0 to {MAX_TERM_DAYS}, such as 30."
            ),
            RowProblem::CustomerKind(value) => t!(
                lang,
                "We weten niet of \"{value}\" zakelijk of particulier is. Schrijf \"zakelijk\" of \"particulier\".",
                "We cannot tell whether \"{value}\" means business or consumer. Write \"business\" or \
                 \"consumer\"."
            ),
            RowProblem::Currency(value) => t!(
                lang,
                "\"{value}\" is geen valutacode. Gebruik drie letters, zoals EUR.",
                "\"{value}\" is not a currency code. Use three letters, such as EUR."
            ),
            RowProblem::Email(value) => t!(
                lang,
                "\"{value}\" is geen bruikbaar e-mailadres. Schrijf het als naam@domein.nl, of laat het leeg.",
                "\"{value}\" is not a usable email address. Write it as name@domain.com, or leave it empty."
            ),
            RowProblem::Phone(value) => t!(
                lang,
                "\"{value}\" is geen bruikbaar telefoonnummer: gebruik minstens 6 cijfers, zonder letters, of laat \
                 het leeg.",
                "\"{value}\" is not a usable phone number: use at least 6 digits and no letters, or leave it empty."
            ),
            RowProblem::NotEuro(code) => t!(
                lang,
                "Een factuur in {code} kan de app niet opvolgen: bedragen, kosten en rente rekent hij in euro. Zet \
                 het bedrag om naar euro.",
                "The app cannot chase an invoice in {code}: it works out amounts, costs and interest in euros. \
                 Convert the amount to euros."
            ),
            RowProblem::OutstandingAboveAmount { outstanding, amount } => {
                let (outstanding, amount) = (money(outstanding), money(amount));
                t!(
                    lang,
                    "Er staat {outstanding} open, meer dan het factuurbedrag van {amount}.",
                    "The outstanding {outstanding} is more than the invoice amount of {amount}."
                )
            }
            RowProblem::PaidAboveAmount { paid, amount } => {
                let (paid, amount) = (money(paid), money(amount));
                t!(
                    lang,
                    "Er is {paid} betaald, meer dan het factuurbedrag van {amount}. Klopt de kolom Betaald? Een \
                     betaling boven het factuurbedrag leg je vast op de pagina van de factuur.",
                    "{paid} was paid, more than the invoice amount of {amount}. Is the Paid column right? A payment \
                     above the invoice amount is recorded on the invoice's page."
                )
            }
            RowProblem::PaidAndOutstandingDisagree {
                paid,
                outstanding,
                amount,
            } => {
                let (paid, outstanding, amount) = (money(paid), money(outstanding), money(amount));
                t!(
                    lang,
                    "Betaald ({paid}) en openstaand ({outstanding}) komen samen niet uit op het factuurbedrag van \
                     {amount}.",
                    "Paid ({paid}) and outstanding ({outstanding}) do not add up to the invoice amount of {amount}."
                )
            }
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
        let (line, number) = (self.line, cut(&self.number));
        match self.earlier_line {
            None => t!(
                lang,
                "Regel {line}: Factuur {number} bestaat al. Deze regel is overgeslagen.",
                "Line {line}: Invoice {number} already exists. This line was skipped."
            ),
            Some(earlier) => t!(
                lang,
                "Regel {line}: Factuurnummer {number} stond al op regel {earlier}. Deze regel is overgeslagen.",
                "Line {line}: Invoice number {number} was already on line {earlier}. This line was skipped."
            ),
        }
    }
}
