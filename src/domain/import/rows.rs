//! Importing row by row, in chunks: each row checked as a whole, then added as an invoice.

use std::borrow::Borrow;
use std::collections::HashMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::cells::{
    check_email, check_phone, clean, comparable, paid_from, parse_currency, parse_date, parse_kind, parse_non_negative,
    parse_paid, parse_term, says_written_off, without_time, FileHabits,
};
use super::customers::{add, Customers};
use super::problems::{Duplicate, RowError, RowProblem};
use super::report::{ImportResult, Progress};
use super::{Field, Mapping, MAX_TERM_DAYS};
use crate::domain::csv::{Row, Table};
use crate::domain::dates::{self, DayOrder};
use crate::domain::invoice_form::{plausible_issue_dates, MAX_NUMBER_CHARS};
use crate::domain::model::{due_date_from_term, is_blank, Customer, CustomerKind, Invoice};
use crate::domain::money::{self, AmountError, DecimalMark};

/// A row's values, checked. Built only when every value is valid.
pub(super) struct Parsed<'r> {
    pub(super) number: &'r str,
    pub(super) name: &'r str,
    pub(super) email: &'r str,
    pub(super) phone: &'r str,
    /// `None` when the row leaves it empty.
    pub(super) kind: Option<CustomerKind>,
    pub(super) issue_date: NaiveDate,
    pub(super) due_date: NaiveDate,
    pub(super) amount: Decimal,
    pub(super) currency: String,
    pub(super) description: &'r str,
    pub(super) paid: Decimal,
}

/// Imports a table in chunks, so the interface can show progress and stay responsive on a file
/// of 10,000 rows. `T` is the table or a reference to it: an owned table lets the importer live
/// in the interface's state between animation frames.
pub struct Importer<T: Borrow<Table> = Table> {
    table: T,
    reading: Reading,
    tally: Tally,
    next_row: usize,
}

/// How the rows of one file are read: settled before the first row, the same for every row.
struct Reading {
    mapping: Mapping,
    default_term_days: u32,
    /// How the file writes its dates, paid flags and amounts, from all its rows at once.
    file: FileHabits,
    /// The invoice dates the invoice form accepts today.
    issue_dates: Option<(NaiveDate, NaiveDate)>,
}

/// What the rows read so far have made, and what the rows after them must not repeat.
struct Tally {
    customers: Customers,
    /// Taken invoice numbers, comparable: `None` for an existing invoice, else the line that
    /// claimed it.
    numbers: HashMap<String, Option<usize>>,
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
        let evidence = dates::OrderEvidence::of(
            rows.iter()
                .flat_map(|row| columns.iter().filter_map(|&column| row.fields.get(column)))
                .map(|cell| without_time(clean(cell))),
        );
        let order = evidence.order();
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
        // One unrounded formula cell ("303.105") among amounts with cents ("121.00") would
        // otherwise read as thousands, a thousandfold too much: the file's amounts decide.
        let amount_columns: Vec<usize> = [Field::Amount, Field::AmountPaid, Field::Outstanding]
            .into_iter()
            .filter_map(|field| mapping.get(field))
            .collect();
        let decimal = DecimalMark::of(
            rows.iter()
                .flat_map(|row| amount_columns.iter().filter_map(|&column| row.fields.get(column)))
                .map(|cell| clean(cell)),
        );
        let file = FileHabits {
            order,
            paid_flags,
            decimal,
        };
        Importer {
            table,
            reading: Reading {
                mapping,
                default_term_days,
                file,
                issue_dates: plausible_issue_dates(today),
            },
            tally: Tally {
                customers,
                numbers,
                result: ImportResult {
                    month_first: order == DayOrder::MonthFirst,
                    day_first_assumed: evidence.assumed(),
                    ..ImportResult::default()
                },
            },
            next_row: 0,
        }
    }

    /// Reads the file's numeric dates in `order`, as the user chose, whatever the dates
    /// themselves suggest: a file whose dates all fit both orders cannot tell. Call it before
    /// the first `step`.
    pub fn with_day_order(mut self, order: DayOrder) -> Importer<T> {
        self.reading.file.order = order;
        self.tally.result.month_first = order == DayOrder::MonthFirst;
        self.tally.result.day_first_assumed = false;
        self
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
            self.tally.import_row(row, table.headers.len(), &self.reading, ids);
        }
        self.next_row = end.max(self.next_row);
        self.progress()
    }

    /// The result so far; after the last step, the result of the whole file.
    pub fn finish(self) -> ImportResult {
        self.tally.result
    }

    /// The result and the table it was read from, for reading the same table again (in the
    /// other day order).
    pub fn finish_with_table(self) -> (ImportResult, T) {
        (self.tally.result, self.table)
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

impl Tally {
    /// Reads one row of a table `width` columns wide into the tally.
    fn import_row(&mut self, row: &Row, width: usize, reading: &Reading, ids: &mut impl FnMut() -> String) {
        let Tally {
            customers,
            numbers,
            result,
        } = self;
        let Reading {
            mapping,
            default_term_days,
            file,
            issue_dates,
        } = reading;
        let (default_term_days, file, issue_dates) = (*default_term_days, *file, *issue_dates);
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
        if says_written_off(value(Field::Status)) {
            result.skipped_written_off += 1;
            return;
        }
        match parse_row(value, default_term_days, file, issue_dates) {
            Ok(parsed) => add(parsed, customers, result, ids),
            Err(problems) => {
                let errors = problems.into_iter().map(|(field, problem)| error(Some(field), problem));
                result.errors.extend(errors);
            }
        }
    }
}

/// Whether a row is a spreadsheet's sum line: no invoice number and no invoice date (or the
/// word itself in their place), and a cell that is "Totaal", "Total", "Grand total", "Som" or
/// the like, alone or followed by more words. A row with a date is an invoice, even for "Total
/// Nederland B.V.".
fn is_total_row(row: &Row, number: &str, date: &str) -> bool {
    let names_a_total = |cell: &str| {
        let cell = comparable(cell);
        let mut words = cell.split([' ', ':']).filter(|w| !w.is_empty());
        let first = match words.next().unwrap_or_default() {
            "grand" => words.next().unwrap_or_default(),
            first => first,
        };
        matches!(
            first,
            "totaal"
                | "total"
                | "totalen"
                | "totals"
                | "subtotaal"
                | "subtotal"
                | "eindtotaal"
                | "totaalbedrag"
                | "som"
                | "sum"
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
        required(Field::Amount)
            .and_then(|v| money::parse_invoice_amount_with(v, file.decimal).map_err(RowProblem::Amount)),
    );
    let currency = noted(p, Field::Currency, parse_currency(value(Field::Currency)));
    let email = value(Field::CustomerEmail);
    let email = noted(p, Field::CustomerEmail, optional(email, check_email).map(|_| email));
    let phone = value(Field::CustomerPhone);
    let phone = noted(p, Field::CustomerPhone, optional(phone, check_phone).map(|_| phone));
    // A credit note's paid and outstanding amounts are negative too: asking to remove their
    // minus would contradict the message that the row is a credit note, not an invoice.
    let credit_note = p.contains(&(Field::Amount, RowProblem::Amount(AmountError::CreditNote)));
    let minus_of_credit_note = |outcome: Result<Option<Decimal>, RowProblem>| match outcome {
        Err(RowProblem::Amount(AmountError::Negative)) if credit_note => Ok(None),
        other => other,
    };
    let paid = noted(
        p,
        Field::AmountPaid,
        minus_of_credit_note(optional(value(Field::AmountPaid), |v| parse_paid(v, amount, file))),
    );
    let outstanding = noted(
        p,
        Field::Outstanding,
        minus_of_credit_note(optional(value(Field::Outstanding), |v| {
            parse_non_negative(v, file.decimal)
        })),
    );
    let due_date = match (issue_date, due_date, term) {
        (Some(issue), Some(Some(due)), _) if due < issue => {
            p.push((Field::DueDate, RowProblem::DueBeforeIssue { issue, due }));
            None
        }
        // A due date decades away is a slip in its year, and the invoice would never be chased.
        (Some(issue), Some(Some(due)), _) if due.signed_duration_since(issue).num_days() > i64::from(MAX_TERM_DAYS) => {
            p.push((Field::DueDate, RowProblem::DueFarAfterIssue { issue, due }));
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
