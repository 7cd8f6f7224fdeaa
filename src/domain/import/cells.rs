//! Reading one cell: cleaning it of spreadsheet habits, and parsing dates, terms, kinds, contact
//! details, currencies and paid amounts.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::problems::RowProblem;
use super::{Field, MAX_QUOTED_CHARS, MAX_TERM_DAYS};
use crate::domain::contact;
use crate::domain::dates::{self, DayOrder};
use crate::domain::fold::folded;
use crate::domain::invoice_form::number_key;
use crate::domain::model::{CustomerKind, Lang};
use crate::domain::money::{self, AmountError, DecimalMark};

/// Cuts a value for quoting in a message.
pub(super) fn cut(value: &str) -> String {
    let mut chars = value.chars();
    let head: String = chars.by_ref().take(MAX_QUOTED_CHARS).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

/// The form in which names and numbers are compared, so that what reads the same compares the
/// same: lower case, accents off however they are written ([`folded`], as search reads names),
/// spaces trimmed, runs of whitespace made one space, and every kind of dash a plain hyphen, as
/// the invoice form compares numbers ([`number_key`]). Two invoice numbers that differ only in
/// an accent are one number to the import: a letter naming either would confuse the customer.
pub fn comparable(text: &str) -> String {
    let mut key = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(&number_key(&folded(word)));
    }
    key
}

/// Whether a spreadsheet would run the text as a formula, or the text would look like one that
/// was defused: it starts with "=", "+", "-", "@", a tab or a carriage return, possibly after
/// apostrophes.
pub(super) fn looks_like_formula(text: &str) -> bool {
    text.trim_start_matches('\'')
        .starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// A cell's text on one line, every run of spaces and line breaks made one space. A spreadsheet
/// cell may hold line breaks; a name or description the app puts into a letter's line may not.
pub(super) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A cell's value: trimmed, and without the apostrophe `export_invoices` puts before text that
/// a spreadsheet would take for a formula.
pub(super) fn clean(value: &str) -> &str {
    let value = value.trim();
    match value.strip_prefix('\'') {
        Some(rest) if looks_like_formula(rest) => rest,
        _ => value,
    }
}

/// Drops a time of day after a date: "2026-11-22 00:00", "2026-11-22T00:00:00Z".
pub(super) fn without_time(value: &str) -> &str {
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

pub(super) fn parse_date(value: &str, order: DayOrder) -> Result<NaiveDate, RowProblem> {
    dates::parse_date_in(without_time(value), order).map_err(RowProblem::Date)
}

/// Reads "30", "30 dagen", "30 days", "30d".
pub(super) fn parse_term(value: &str) -> Result<u32, RowProblem> {
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

/// Reads the kind of customer; `None` when the cell is empty, so that another row of the
/// customer may still say it.
pub(super) fn parse_kind(value: &str) -> Result<Option<CustomerKind>, RowProblem> {
    let folded: String = folded(value);
    match folded.trim() {
        "" => Ok(None),
        "zakelijk" | "bedrijf" | "business" | "company" | "b2b" | "zzp" | "organisatie" | "entreprise"
        | "professionnel" => Ok(Some(CustomerKind::Business)),
        "particulier" | "consument" | "consumer" | "prive" | "private" | "individual" | "person" | "persoon"
        | "b2c" => Ok(Some(CustomerKind::Consumer)),
        _ => Err(RowProblem::CustomerKind(cut(value))),
    }
}

pub(super) fn check_email(value: &str) -> Result<(), RowProblem> {
    if contact::is_valid_email(value) {
        Ok(())
    } else {
        Err(RowProblem::Email(cut(value)))
    }
}

pub(super) fn check_phone(value: &str) -> Result<(), RowProblem> {
    match contact::phone_problem(value, Lang::En) {
        None => Ok(()),
        Some(_) => Err(RowProblem::Phone(cut(value))),
    }
}

pub(super) fn parse_currency(value: &str) -> Result<String, RowProblem> {
    let lower = value.to_lowercase();
    match lower.as_str() {
        "" | "€" | "eur" | "euro" | "euros" => Ok("EUR".to_owned()),
        _ if value.len() == 3 && value.bytes().all(|b| b.is_ascii_alphabetic()) => {
            Err(RowProblem::NotEuro(value.to_ascii_uppercase()))
        }
        _ => Err(RowProblem::Currency(cut(value))),
    }
}

/// Whether a status cell says the invoice was written off, in the words of this app's export
/// or of another tool.
pub(super) fn says_written_off(value: &str) -> bool {
    matches!(
        comparable(value).as_str(),
        "afgeschreven" | "written off" | "written-off" | "oninbaar" | "uncollectible"
    )
}

/// How a file writes what the rows cannot tell on their own, read from all its rows.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct FileHabits {
    /// Day or month first in numeric dates.
    pub(super) order: DayOrder,
    /// The paid column holds 0 and 1 for no and yes.
    pub(super) paid_flags: bool,
    /// The decimal mark the amount, paid and outstanding columns show, if only one.
    pub(super) decimal: DecimalMark,
}

/// Reads the paid column: an amount, or yes/no for paid in full or not at all (also 1 and 0
/// when the whole column is flags, as `file` says).
pub(super) fn parse_paid(value: &str, amount: Option<Decimal>, file: FileHabits) -> Result<Decimal, RowProblem> {
    let folded: String = folded(value);
    match folded.as_str() {
        "1" if file.paid_flags => Ok(amount.unwrap_or(Decimal::ZERO)),
        "" | "nee" | "no" | "n" | "false" | "onwaar" | "open" | "onbetaald" | "unpaid" | "non" => Ok(Decimal::ZERO),
        "ja" | "yes" | "j" | "y" | "true" | "waar" | "betaald" | "voldaan" | "paid" | "oui" | "paye" => {
            // Without a valid amount there is nothing to pay in full; the amount's own error says why.
            Ok(amount.unwrap_or(Decimal::ZERO))
        }
        _ => parse_non_negative(value, file.decimal),
    }
}

pub(super) fn parse_non_negative(value: &str, decimal: DecimalMark) -> Result<Decimal, RowProblem> {
    match money::parse_amount_with(value, decimal) {
        Ok(a) if a.is_sign_negative() && !a.is_zero() => Err(RowProblem::Amount(AmountError::Negative)),
        Ok(a) => Ok(a),
        Err(e) => Err(RowProblem::Amount(e)),
    }
}

/// The amount already paid, from the paid and outstanding columns; see the module documentation.
pub(super) fn paid_from(
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
