//! The invoice list: search, filters, sort and paging. The filter, sort and page are kept in
//! the URL, so a list can be bookmarked, shared between tabs, and restored by the back button.
//! The search text is not: it is what the user typed (a customer's name, an amount), and an
//! address reaches the server on a reload that bypasses the service worker, and the history,
//! which a browser may sync.
//!
//! The work is split in two. [`rows`] derives everything a row shows from the invoices and the
//! dossier once per change of the data; [`select`] runs on every keystroke in the search box
//! and only reads those rows. It folds the search once (lower case, accents off, so "muller"
//! finds "Müller") and compares it against a haystack each row prepared in advance: number,
//! customer, description and amounts. The loop over ten thousand rows allocates nothing per row.
//!
//! The filters use the dashboard's definitions (see `aggregates`), so a count on the dashboard
//! and the length of the filtered list always agree: an invoice is *open* while its status is
//! open or partly paid, including when it was handed over, and *overdue* from the day after its
//! due date.

use std::cmp::Ordering;
use std::collections::HashMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::domain::engine::situation;
use crate::domain::fold::{fold_into, folded};
use crate::domain::import::status_label;
use crate::domain::model::{
    balance, events_by_invoice, Customer, CustomerId, Event, Invoice, InvoiceId, InvoiceStatus, Lang, Settings,
};
use crate::domain::money::{format_amount, format_money, parse_amount};
use crate::domain::sorting;

/// Which invoices the list shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Filter {
    #[default]
    All,
    Open,
    Overdue,
    Disputed,
    InPlan,
    HandedOver,
    Paid,
    WrittenOff,
}

impl Filter {
    pub const ALL: [Filter; 8] = [
        Filter::All,
        Filter::Open,
        Filter::Overdue,
        Filter::Disputed,
        Filter::InPlan,
        Filter::HandedOver,
        Filter::Paid,
        Filter::WrittenOff,
    ];

    /// The value in the URL. These are part of bookmarked links: never change one.
    pub fn key(self) -> &'static str {
        match self {
            Filter::All => "all",
            Filter::Open => "open",
            Filter::Overdue => "overdue",
            Filter::Disputed => "disputed",
            Filter::InPlan => "plan",
            Filter::HandedOver => "handed-over",
            Filter::Paid => "paid",
            Filter::WrittenOff => "written-off",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        let (nl, en) = match self {
            Filter::All => ("Alle", "All"),
            Filter::Open => ("Openstaand", "Open"),
            Filter::Overdue => ("Te laat", "Overdue"),
            Filter::Disputed => ("Betwist", "Disputed"),
            Filter::InPlan => ("Betalingsregeling", "Payment plan"),
            Filter::HandedOver => ("Overgedragen", "Handed over"),
            Filter::Paid => ("Betaald", "Paid"),
            Filter::WrittenOff => ("Afgeschreven", "Written off"),
        };
        lang.pick(nl, en)
    }

    fn from_key(key: &str) -> Option<Filter> {
        let key = key.trim();
        Filter::ALL.into_iter().find(|f| f.key().eq_ignore_ascii_case(key))
    }

    fn keeps(self, row: &Row) -> bool {
        match self {
            Filter::All => true,
            Filter::Open => row.is_open(),
            Filter::Overdue => row.overdue,
            Filter::Disputed => row.disputed,
            Filter::InPlan => row.in_plan,
            Filter::HandedOver => row.handed_over,
            Filter::Paid => row.status == InvoiceStatus::Paid,
            Filter::WrittenOff => row.status == InvoiceStatus::WrittenOff,
        }
    }
}

/// The order of the list. Every order breaks ties by invoice number, so the list never
/// reshuffles between two renders.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Sort {
    /// Oldest due date first: what needs attention comes first, as everywhere else.
    #[default]
    DueAsc,
    DueDesc,
    AmountDesc,
    OutstandingDesc,
    Number,
    Customer,
}

impl Sort {
    pub const ALL: [Sort; 6] = [
        Sort::DueAsc,
        Sort::DueDesc,
        Sort::AmountDesc,
        Sort::OutstandingDesc,
        Sort::Number,
        Sort::Customer,
    ];

    /// The value in the URL. These are part of bookmarked links: never change one.
    pub fn key(self) -> &'static str {
        match self {
            Sort::DueAsc => "due",
            Sort::DueDesc => "due-desc",
            Sort::AmountDesc => "amount",
            Sort::OutstandingDesc => "outstanding",
            Sort::Number => "number",
            Sort::Customer => "customer",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        let (nl, en) = match self {
            Sort::DueAsc => ("Vervaldatum, oudste eerst", "Due date, oldest first"),
            Sort::DueDesc => ("Vervaldatum, nieuwste eerst", "Due date, newest first"),
            Sort::AmountDesc => ("Bedrag, hoogste eerst", "Amount, highest first"),
            Sort::OutstandingDesc => ("Openstaand, hoogste eerst", "Outstanding, highest first"),
            Sort::Number => ("Factuurnummer", "Invoice number"),
            Sort::Customer => ("Klant", "Customer"),
        };
        lang.pick(nl, en)
    }

    fn from_key(key: &str) -> Option<Sort> {
        let key = key.trim();
        Sort::ALL.into_iter().find(|s| s.key().eq_ignore_ascii_case(key))
    }

    fn compare(self, a: &Row, b: &Row) -> Ordering {
        let first = match self {
            Sort::DueAsc => a.due_date.cmp(&b.due_date),
            Sort::DueDesc => b.due_date.cmp(&a.due_date),
            Sort::AmountDesc => b.amount.cmp(&a.amount),
            Sort::OutstandingDesc => b.to_collect().cmp(&a.to_collect()),
            Sort::Number => Ordering::Equal,
            Sort::Customer => a.customer_rank.cmp(&b.customer_rank),
        };
        first.then_with(|| a.number_rank.cmp(&b.number_rank))
    }
}

fn digit_run(s: &[u8]) -> usize {
    s.iter().take_while(|c| c.is_ascii_digit()).count()
}

fn without_leading_zeros(digits: &[u8]) -> &[u8] {
    let zeros = digits.iter().take_while(|c| **c == b'0').count();
    &digits[zeros..]
}

/// Compares two lowercased invoice numbers with runs of digits as numbers, so "f-9" comes
/// before "f-10" as a person expects. Leading zeros do not count ("007" equals "7" here; the
/// plain comparison at the end still orders them the same way every time).
fn natural_cmp(a: &str, b: &str) -> Ordering {
    let (mut x, mut y) = (a.as_bytes(), b.as_bytes());
    loop {
        match (x.first(), y.first()) {
            (None, None) => return a.cmp(b),
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(p), Some(q)) if p.is_ascii_digit() && q.is_ascii_digit() => {
                let (n, m) = (digit_run(x), digit_run(y));
                let (dx, dy) = (without_leading_zeros(&x[..n]), without_leading_zeros(&y[..m]));
                // Without leading zeros, a longer run of digits is the larger number, and runs
                // of equal length compare digit by digit: no parsing, so no overflow.
                let order = dx.len().cmp(&dy.len()).then_with(|| dx.cmp(dy));
                if order != Ordering::Equal {
                    return order;
                }
                x = &x[n..];
                y = &y[m..];
            }
            (Some(p), Some(q)) => {
                if p != q {
                    return p.cmp(q);
                }
                x = &x[1..];
                y = &y[1..];
            }
        }
    }
}

/// What the list shows: the search text, the filter, the order and the page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    pub search: String,
    pub filter: Filter,
    pub sort: Sort,
    /// 0-based; the URL shows it 1-based.
    pub page: usize,
}

impl Query {
    /// Reads a query from URL parameters, with `search` as typed. Links get edited, truncated
    /// and bookmarked, so this never fails: an unknown or garbled value falls back to its
    /// default and the rest is kept. A search in an old bookmark ("q") is not read: the search
    /// never comes from an address.
    pub fn from_params(get: impl Fn(&str) -> Option<String>, search: String) -> Query {
        Query {
            search,
            filter: get("filter").and_then(|k| Filter::from_key(&k)).unwrap_or_default(),
            sort: get("sort").and_then(|k| Sort::from_key(&k)).unwrap_or_default(),
            page: get("page")
                .and_then(|p| p.trim().parse::<usize>().ok())
                .map_or(0, |p| p.saturating_sub(1)),
        }
    }

    /// The URL parameters for this query, only those that differ from the default, so the
    /// plain list has a plain URL. The search is never among them.
    pub fn to_params(&self) -> Vec<(&'static str, String)> {
        let mut params = Vec::new();
        if self.filter != Filter::default() {
            params.push(("filter", self.filter.key().to_owned()));
        }
        if self.sort != Sort::default() {
            params.push(("sort", self.sort.key().to_owned()));
        }
        if self.page > 0 {
            params.push(("page", self.page.saturating_add(1).to_string()));
        }
        params
    }
}

/// One line of the invoice list, with everything it shows derived from the dossier.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub id: InvoiceId,
    pub number: String,
    /// For the link to the customer's page.
    pub customer_id: CustomerId,
    /// The customer's name; empty when the customer is missing.
    pub customer: String,
    pub issue_date: NaiveDate,
    pub due_date: NaiveDate,
    pub amount: Decimal,
    pub outstanding: Decimal,
    pub status: InvoiceStatus,
    /// Open and past its due date.
    pub overdue: bool,
    /// Open with a dispute that is not resolved.
    pub disputed: bool,
    /// Open with an agreed payment plan that still has instalments to pay.
    pub in_plan: bool,
    pub handed_over: bool,
    /// Lowercased number and customer, and both amounts in every way people write them, each
    /// on its own line so that no search term can match across two of them.
    haystack: String,
    /// The row's place among all rows by number (natural order, lower case), and by customer
    /// name. Working these out once in [`rows`] turns every comparison in [`select`] into an
    /// integer comparison: sorting ten thousand rows by text on every keystroke was the
    /// slowest part of a search.
    number_rank: usize,
    customer_rank: usize,
}

impl Row {
    /// The status as every list shows it: the balance's status, then whatever else holds
    /// ("Open · te laat · betwist").
    pub fn status_text(&self, lang: Lang) -> String {
        let mut text = status_label(self.status, lang).to_owned();
        for (on, nl, en) in [
            (self.overdue, "te laat", "overdue"),
            (self.disputed, "betwist", "disputed"),
            (self.in_plan, "regeling", "plan"),
            (self.handed_over, "overgedragen", "handed over"),
        ] {
            if on {
                text.push_str(" · ");
                text.push_str(lang.pick(nl, en));
            }
        }
        text
    }

    /// Still to be paid: open or partly paid, handed over or not.
    fn is_open(&self) -> bool {
        matches!(self.status, InvoiceStatus::Open | InvoiceStatus::PartlyPaid)
    }

    /// What is still to be collected: the outstanding amount, but nothing once written off,
    /// as the dashboard counts it.
    fn to_collect(&self) -> Decimal {
        if self.status == InvoiceStatus::WrittenOff {
            Decimal::ZERO
        } else {
            self.outstanding
        }
    }
}

/// Appends an amount as people type it in search: "1234.50", "1234,50", "1.234,50" and
/// "1,234.50", each on its own line.
fn push_amount_forms(haystack: &mut String, amount: Decimal) {
    for lang in Lang::ALL {
        haystack.push('\n');
        haystack.push_str(&format_amount(amount, lang));
        haystack.push('\n');
        haystack.push_str(&format_money(amount, lang).replace(['€', ' '], ""));
    }
}

/// The list's rows, in the order of `invoices`. Run it when the data changes, not per
/// keystroke: it groups the dossier by invoice once, so it is linear in invoices plus events.
pub fn rows(
    invoices: &[Invoice],
    customers: &[Customer],
    events: &[Event],
    settings: &Settings,
    today: NaiveDate,
) -> Vec<Row> {
    let by_invoice = events_by_invoice(events);
    let names: HashMap<&CustomerId, &str> = customers.iter().map(|c| (&c.id, c.name.trim())).collect();
    let mut rows: Vec<Row> = invoices
        .iter()
        .map(|invoice| {
            let own: &[&Event] = by_invoice.get(&invoice.id).map_or(&[], Vec::as_slice);
            let b = balance(invoice, own.iter().copied());
            let s = situation(invoice, own, settings, today);
            let open = matches!(b.status, InvoiceStatus::Open | InvoiceStatus::PartlyPaid);
            let customer = names.get(&invoice.customer_id).copied().unwrap_or("").to_owned();
            let mut haystack = String::with_capacity(128);
            for (i, part) in [invoice.number.trim(), customer.as_str(), invoice.description.trim()]
                .into_iter()
                .enumerate()
            {
                if i > 0 {
                    haystack.push('\n');
                }
                fold_into(&mut haystack, part);
            }
            push_amount_forms(&mut haystack, invoice.amount);
            if b.outstanding != invoice.amount {
                push_amount_forms(&mut haystack, b.outstanding);
            }
            Row {
                id: invoice.id.clone(),
                number: invoice.number.trim().to_owned(),
                customer_id: invoice.customer_id.clone(),
                customer,
                issue_date: invoice.issue_date,
                due_date: invoice.due_date,
                amount: invoice.amount,
                outstanding: b.outstanding,
                status: b.status,
                overdue: open && invoice.due_date < today,
                disputed: open && s.dispute_opened.is_some(),
                in_plan: open && s.plan.is_some(),
                handed_over: s.handed_over,
                haystack,
                number_rank: 0,
                customer_rank: 0,
            }
        })
        .collect();
    rank_rows(&mut rows);
    rows
}

/// Fills in each row's rank by number and by customer. Equal customer names share a rank, so
/// the number decides among one customer's invoices; numbers are unique in practice, and equal
/// ones keep the order of `invoices` (the sort is stable), so the ranks are deterministic.
fn rank_rows(rows: &mut [Row]) {
    let numbers: Vec<String> = rows.iter().map(|r| r.number.to_lowercase()).collect();
    let mut order: Vec<usize> = (0..rows.len()).collect();
    sorting::sort_positions(&mut order, &|a, b| natural_cmp(&numbers[a], &numbers[b]));
    for (rank, &i) in order.iter().enumerate() {
        if let Some(row) = rows.get_mut(i) {
            row.number_rank = rank;
        }
    }
    let names: Vec<String> = rows.iter().map(|r| r.customer.to_lowercase()).collect();
    sorting::sort_positions(&mut order, &|a, b| names[a].cmp(&names[b]));
    let mut rank = 0;
    for (k, &i) in order.iter().enumerate() {
        if k > 0 && names[order[k - 1]] != names[i] {
            rank = k;
        }
        if let Some(row) = rows.get_mut(i) {
            row.customer_rank = rank;
        }
    }
}

/// How many rows one page shows.
pub const PAGE_SIZE: usize = 50;

/// One page of the selected rows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page {
    /// Indices into the rows given to [`select`], in display order.
    pub indices: Vec<usize>,
    /// How many rows match the filter and the search, on all pages.
    pub total: usize,
    /// The page shown, 0-based, after clamping to the last page.
    pub page: usize,
    /// How many pages there are; at least 1, so "page 1 of 1" reads well for an empty list.
    pub pages: usize,
}

/// One search term, lowercased, with the amount it means when it reads as one.
struct Term {
    text: String,
    /// The amount in the haystack's plain form ("1234.50"), so that "1234,5", "€ 1.234,50" and
    /// "1234.50" all find the same invoice.
    amount: Option<String>,
}

impl Term {
    fn matches(&self, haystack: &str) -> bool {
        haystack.contains(self.text.as_str()) || self.amount.as_deref().is_some_and(|a| haystack.contains(a))
    }
}

/// The search split into terms. A term of only signs, such as a lone "€" typed before an
/// amount, is dropped: the haystack holds no currency marks, so it would match nothing.
fn terms(search: &str) -> Vec<Term> {
    search
        .split_whitespace()
        .filter(|word| word.chars().any(char::is_alphanumeric))
        .map(|word| Term {
            text: folded(word),
            amount: word
                .chars()
                .any(|c| c.is_ascii_digit())
                .then(|| parse_amount(word).ok())
                .flatten()
                .map(|a| format_amount(a, Lang::En)),
        })
        .collect()
}

/// The rows the query selects, sorted, and the one page of them to show. A page beyond the
/// last (an old link after invoices were removed) shows the last page instead of nothing.
/// Puts `rows` (from [`rows`]) in the list's order for `sort`, for a screen that shows them
/// without paging, as a customer's page does.
pub fn sort_rows(rows: &mut [Row], sort: Sort) {
    sorting::sort_by(rows, |a, b| sort.compare(a, b));
}

pub fn select(rows: &[Row], query: &Query) -> Page {
    let terms = terms(&query.search);
    let mut indices: Vec<usize> = rows
        .iter()
        .enumerate()
        .filter(|(_, row)| query.filter.keeps(row) && terms.iter().all(|t| t.matches(&row.haystack)))
        .map(|(i, _)| i)
        .collect();
    sorting::sort_positions(&mut indices, &|a, b| query.sort.compare(&rows[a], &rows[b]));
    let total = indices.len();
    let pages = total.div_ceil(PAGE_SIZE).max(1);
    let page = query.page.min(pages - 1);
    let start = page * PAGE_SIZE;
    let end = (start + PAGE_SIZE).min(total);
    Page {
        indices: indices.get(start..end).map(<[usize]>::to_vec).unwrap_or_default(),
        total,
        page,
        pages,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::{Channel, EventId, EventKind, Instalment};
    use crate::domain::testing::{dec, iso as d};
    use proptest::prelude::*;

    fn today() -> NaiveDate {
        d("2026-03-01")
    }

    fn invoice(id: &str, number: &str, customer: &str, due: &str, amount: &str) -> Invoice {
        Invoice {
            id: InvoiceId::from(id),
            number: number.into(),
            customer_id: CustomerId::from(customer),
            issue_date: d("2025-12-01"),
            due_date: d(due),
            amount: dec(amount),
            currency: "EUR".into(),
            description: String::new(),
        }
    }

    fn event(invoice: &str, kind: EventKind) -> Event {
        Event {
            id: EventId::from(format!("e-{invoice}").as_str()),
            invoice_ids: vec![InvoiceId::from(invoice)],
            customer_id: CustomerId::from("c1"),
            date: d("2026-02-01"),
            channel: Channel::Email,
            kind,
        }
    }

    fn paid(invoice: &str, amount: &str) -> Event {
        event(
            invoice,
            EventKind::PaymentReceived {
                amount: dec(amount),
                note: String::new(),
            },
        )
    }

    /// Seven invoices, one of each kind the filters tell apart.
    fn fixture() -> Vec<Row> {
        let customers = [
            Customer::new(CustomerId::from("c1"), "Bakkerij Jansen"),
            Customer::new(CustomerId::from("c2"), "Garage De Vries"),
        ];
        let mut invoices = [
            invoice("i1", "F-1", "c1", "2026-01-31", "1234.50"),
            invoice("i2", "F-2", "c2", "2026-04-01", "250"),
            invoice("i3", "F-10", "c1", "2026-02-01", "500"),
            invoice("i4", "F-3", "c2", "2026-02-15", "250"),
            invoice("i5", "F-4", "c1", "2026-01-15", "800"),
            invoice("i6", "F-5", "c2", "2026-01-10", "300"),
            invoice("i7", "F-6", "c1", "2026-01-05", "5000"),
        ];
        invoices[0].description = "Taarten voor Café Müller".into();
        let plan = vec![
            Instalment {
                date: d("2026-03-15"),
                amount: dec("400"),
            },
            Instalment {
                date: d("2026-04-15"),
                amount: dec("400"),
            },
        ];
        let events = [
            paid("i3", "500"),
            event("i4", EventKind::DisputeOpened { reason: "wrong".into() }),
            event("i5", EventKind::PaymentPlanAgreed { instalments: plan }),
            paid("i5", "100"),
            event(
                "i6",
                EventKind::HandedOver {
                    agency: "Incasso BV".into(),
                },
            ),
            event("i7", EventKind::WrittenOff { reason: "gone".into() }),
        ];
        rows(&invoices, &customers, &events, &Settings::default(), today())
    }

    fn numbers(rows: &[Row], query: &Query) -> Vec<String> {
        select(rows, query)
            .indices
            .iter()
            .map(|&i| rows[i].number.clone())
            .collect()
    }

    fn query(search: &str, filter: Filter, sort: Sort) -> Query {
        Query {
            search: search.into(),
            filter,
            sort,
            page: 0,
        }
    }

    #[test]
    fn rows_derive_status_and_flags_from_the_dossier() {
        let rows = fixture();
        let f4 = &rows[4];
        assert_eq!((f4.status, f4.outstanding), (InvoiceStatus::PartlyPaid, dec("700")));
        assert!(f4.in_plan && f4.overdue && !f4.disputed && !f4.handed_over);
        assert_eq!(rows[0].customer, "Bakkerij Jansen");
        assert!(!rows[2].overdue, "a paid invoice is never overdue");
    }

    #[test]
    fn the_status_text_names_what_else_holds() {
        let rows = fixture();
        let texts: Vec<(&str, String, String)> = rows
            .iter()
            .map(|r| (r.number.as_str(), r.status_text(Lang::Nl), r.status_text(Lang::En)))
            .collect();
        let by = |number: &str| texts.iter().find(|(n, _, _)| *n == number).cloned().unwrap();
        assert_eq!(by("F-4").1, "Deels betaald · te laat · regeling");
        assert_eq!(by("F-3").2, "Open · overdue · disputed");
        assert_eq!(by("F-5").1, "Open · te laat · overgedragen");
        assert_eq!(by("F-10").1, "Betaald");
    }

    #[test]
    fn each_filter_keeps_its_invoices() {
        let rows = fixture();
        let cases: [(Filter, &[&str]); 8] = [
            (Filter::All, &["F-6", "F-5", "F-4", "F-1", "F-10", "F-3", "F-2"]),
            (Filter::Open, &["F-5", "F-4", "F-1", "F-3", "F-2"]),
            (Filter::Overdue, &["F-5", "F-4", "F-1", "F-3"]),
            (Filter::Disputed, &["F-3"]),
            (Filter::InPlan, &["F-4"]),
            (Filter::HandedOver, &["F-5"]),
            (Filter::Paid, &["F-10"]),
            (Filter::WrittenOff, &["F-6"]),
        ];
        for (filter, want) in cases {
            assert_eq!(numbers(&rows, &query("", filter, Sort::DueAsc)), want, "{filter:?}");
        }
    }

    #[test]
    fn search_finds_numbers_customers_and_amounts_in_both_formats() {
        let rows = fixture();
        let cases: &[(&str, &[&str])] = &[
            ("f-10", &["F-10"]),
            ("F-1", &["F-1", "F-10"]),
            ("jansen", &["F-6", "F-4", "F-1", "F-10"]),
            ("  JANSEN   f-4 ", &["F-4"]),
            ("bakkerij garage", &[]),
            ("1234,5", &["F-1"]),
            ("1234,50", &["F-1"]),
            ("1234.50", &["F-1"]),
            ("1.234,50", &["F-1"]),
            ("1,234.50", &["F-1"]),
            ("€ 1.234,50", &["F-1"]),
            ("€1,234.50", &["F-1"]),
            ("1234,-", &[]),
            ("700", &["F-4"]),
            ("700,00", &["F-4"]),
            ("garage 250", &["F-3", "F-2"]),
            ("vries 250,00", &["F-3", "F-2"]),
            ("nobody", &[]),
            // Descriptions are searched, accents aside either way.
            ("muller", &["F-1"]),
            ("CAFE taarten", &["F-1"]),
            ("müller", &["F-1"]),
            ("", &["F-6", "F-5", "F-4", "F-1", "F-10", "F-3", "F-2"]),
        ];
        for (search, want) in cases {
            assert_eq!(
                numbers(&rows, &query(search, Filter::All, Sort::DueAsc)),
                *want,
                "{search:?}"
            );
        }
        assert_eq!(
            numbers(&rows, &query("jansen", Filter::Overdue, Sort::DueAsc)),
            ["F-4", "F-1"]
        );
    }

    #[test]
    fn each_sort_orders_with_ties_by_number() {
        let rows = fixture();
        let cases: [(Sort, [&str; 7]); 6] = [
            (Sort::DueAsc, ["F-6", "F-5", "F-4", "F-1", "F-10", "F-3", "F-2"]),
            (Sort::DueDesc, ["F-2", "F-3", "F-10", "F-1", "F-4", "F-5", "F-6"]),
            (Sort::AmountDesc, ["F-6", "F-1", "F-4", "F-10", "F-5", "F-2", "F-3"]),
            // A written-off invoice has nothing left to collect: it sorts with the paid ones.
            (
                Sort::OutstandingDesc,
                ["F-1", "F-4", "F-5", "F-2", "F-3", "F-6", "F-10"],
            ),
            (Sort::Number, ["F-1", "F-2", "F-3", "F-4", "F-5", "F-6", "F-10"]),
            (Sort::Customer, ["F-1", "F-4", "F-6", "F-10", "F-2", "F-3", "F-5"]),
        ];
        for (sort, want) in cases {
            assert_eq!(numbers(&rows, &query("", Filter::All, sort)), want, "{sort:?}");
        }
    }

    #[test]
    fn numbers_compare_naturally() {
        let cases = [
            ("f-9", "f-10", Ordering::Less),
            ("2026-010", "2026-9", Ordering::Greater),
            ("a", "a1", Ordering::Less),
            ("007", "7", Ordering::Less),
            ("x99999999999999999999999", "x100000000000000000000000", Ordering::Less),
            ("b", "a", Ordering::Greater),
        ];
        for (a, b, want) in cases {
            assert_eq!(natural_cmp(a, b), want, "{a} {b}");
            assert_eq!(natural_cmp(b, a), want.reverse(), "{b} {a}");
        }
    }

    #[test]
    fn pages_are_cut_and_clamped() {
        let customers = [Customer::new(CustomerId::from("c1"), "Jansen")];
        let invoices: Vec<Invoice> = (1..=120)
            .map(|n| invoice(&format!("i{n}"), &format!("F-{n}"), "c1", "2026-01-01", "10"))
            .collect();
        let rows = rows(&invoices, &customers, &[], &Settings::default(), today());
        let cases = [
            (0, 0, 50, "F-1"),
            (1, 1, 50, "F-51"),
            (2, 2, 20, "F-101"),
            (3, 2, 20, "F-101"),
            (usize::MAX, 2, 20, "F-101"),
        ];
        for (asked, page, len, first) in cases {
            let got = select(
                &rows,
                &Query {
                    page: asked,
                    sort: Sort::Number,
                    ..Query::default()
                },
            );
            assert_eq!(
                (got.page, got.pages, got.total, got.indices.len()),
                (page, 3, 120, len),
                "{asked}"
            );
            assert_eq!(rows[got.indices[0]].number, first);
        }
        let none = select(&rows, &query("nothing", Filter::All, Sort::DueAsc));
        assert_eq!((none.page, none.pages, none.total, none.indices.len()), (0, 1, 0, 0));
        let exact = select(&rows[..100], &Query::default());
        assert_eq!(exact.pages, 2);
    }

    fn params_of(pairs: &[(&str, &str)]) -> Query {
        Query::from_params(
            |key| pairs.iter().find(|(k, _)| *k == key).map(|(_, v)| (*v).to_owned()),
            String::new(),
        )
    }

    #[test]
    fn params_carry_only_what_differs_from_the_default_and_never_the_search() {
        assert!(Query::default().to_params().is_empty());
        let q = Query {
            search: "jansen 250".into(),
            filter: Filter::HandedOver,
            sort: Sort::DueDesc,
            page: 2,
        };
        assert_eq!(
            q.to_params(),
            [
                ("filter", "handed-over".to_owned()),
                ("sort", "due-desc".to_owned()),
                ("page", "3".to_owned())
            ]
        );
        assert_eq!(
            params_of(&[
                ("q", "jansen 250"),
                ("filter", "handed-over"),
                ("sort", "due-desc"),
                ("page", "3")
            ]),
            Query {
                search: String::new(),
                ..q
            }
        );
    }

    #[test]
    fn garbage_params_fall_back_to_defaults() {
        let cases: &[(&[(&str, &str)], Query)] = &[
            (&[], Query::default()),
            (
                &[("filter", "everything"), ("sort", "random"), ("page", "-3")],
                Query::default(),
            ),
            (&[("page", "0")], Query::default()),
            (&[("page", "two")], Query::default()),
            (&[("page", "99999999999999999999999999")], Query::default()),
            (
                &[("filter", " PAID "), ("page", "x")],
                Query {
                    filter: Filter::Paid,
                    ..Query::default()
                },
            ),
            (
                &[("sort", "amount"), ("page", " 4 ")],
                Query {
                    sort: Sort::AmountDesc,
                    page: 3,
                    ..Query::default()
                },
            ),
        ];
        for (pairs, want) in cases {
            assert_eq!(&params_of(pairs), want, "{pairs:?}");
        }
    }

    #[test]
    fn keys_are_unique_and_labels_exist() {
        for (i, a) in Filter::ALL.iter().enumerate() {
            assert_eq!(Filter::from_key(a.key()), Some(*a));
            assert!(!a.label(Lang::Nl).is_empty() && !a.label(Lang::En).is_empty());
            assert!(Filter::ALL[i + 1..].iter().all(|b| b.key() != a.key()));
        }
        for (i, a) in Sort::ALL.iter().enumerate() {
            assert_eq!(Sort::from_key(a.key()), Some(*a));
            assert!(!a.label(Lang::Nl).is_empty() && !a.label(Lang::En).is_empty());
            assert!(Sort::ALL[i + 1..].iter().all(|b| b.key() != a.key()));
        }
    }

    proptest! {
        #[test]
        fn params_round_trip(
            search in any::<String>(),
            filter in 0..Filter::ALL.len(),
            sort in 0..Sort::ALL.len(),
            page in 0usize..1_000_000,
        ) {
            let q = Query { search, filter: Filter::ALL[filter], sort: Sort::ALL[sort], page };
            let params = q.to_params();
            let back = Query::from_params(
                |key| params.iter().find(|(k, _)| *k == key).map(|(_, v)| v.clone()),
                q.search.clone(),
            );
            prop_assert_eq!(back, q);
        }
    }

    #[test]
    fn ten_thousand_rows_select_what_a_plain_scan_selects() {
        let customers: Vec<Customer> = (0..100)
            .map(|k| Customer::new(CustomerId::from(format!("c{k}").as_str()), format!("Klant-{k:03}")))
            .collect();
        let invoices: Vec<Invoice> = (0..10_000u32)
            .map(|n| {
                let mut i = invoice(
                    &format!("i{n}"),
                    &format!("F-{n:05}"),
                    &format!("c{}", n % 100),
                    "2026-01-01",
                    &format!("{}.25", 10_000 + n),
                );
                i.due_date = d("2025-10-01") + chrono::Days::new(u64::from(n % 200));
                i
            })
            .collect();
        // Every third invoice is paid in full.
        let events: Vec<Event> = invoices
            .iter()
            .step_by(3)
            .map(|i| paid(i.id.as_str(), &i.amount.to_string()))
            .collect();
        let rows = rows(&invoices, &customers, &events, &Settings::default(), today());
        assert_eq!(rows.len(), 10_000);

        let all = select(&rows, &Query::default());
        assert_eq!((all.total, all.pages, all.indices.len()), (10_000, 200, 50));

        let q = query("KLANT-007", Filter::Open, Sort::AmountDesc);
        let mut want: Vec<&Invoice> = invoices
            .iter()
            .enumerate()
            .filter(|(n, i)| i.customer_id.as_str() == "c7" && n % 3 != 0)
            .map(|(_, i)| i)
            .collect();
        want.sort_by_key(|i| std::cmp::Reverse(i.amount));
        let got = select(&rows, &q);
        assert_eq!(got.total, want.len());
        let shown: Vec<&str> = got.indices.iter().map(|&i| rows[i].number.as_str()).collect();
        let expected: Vec<&str> = want.iter().take(PAGE_SIZE).map(|i| i.number.as_str()).collect();
        assert_eq!(shown, expected);

        assert_eq!(
            numbers(&rows, &query("12.345,25", Filter::All, Sort::DueAsc)),
            ["F-02345"]
        );
        assert_eq!(
            numbers(&rows, &query("12345,25", Filter::All, Sort::DueAsc)),
            ["F-02345"]
        );
        assert_eq!(
            numbers(&rows, &query("12,345.25", Filter::All, Sort::DueAsc)),
            ["F-02345"]
        );
    }
}
