//! Adding and editing an invoice from what the user typed in the form.
//!
//! The form holds text, never parsed values, so a half-typed amount or date stays on screen
//! exactly as typed. `validate` reads the whole draft at once and reports every problem, each
//! tied to its field and in the order of the form, so the user can fix them in one pass instead
//! of meeting them one submit at a time.

use chrono::NaiveDate;

use crate::domain::dates::{format_date, parse_date};
use crate::domain::model::{
    due_date_from_term, is_blank, is_invisible, Customer, CustomerId, CustomerKind, Invoice, InvoiceId, Lang,
};
use crate::domain::money::{format_amount_grouped, format_money, parse_invoice_amount};
use crate::domain::text::t;

/// The most characters an invoice number may have. Real numbers are short; a longer one is a
/// paste of something else, and it would break the layout of every list and letter.
pub const MAX_NUMBER_CHARS: usize = 40;

/// The longest payment term in days. Terms beyond a year are typos, and a due date far in the
/// future would silence the chaser for that long.
pub const MAX_TERM_DAYS: u32 = 365;

/// The form's fields as text, exactly as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct InvoiceDraft {
    pub number: String,
    pub customer_id: String,
    pub issue_date: String,
    pub term_days: String,
    /// Empty: the due date follows from the issue date and the term.
    pub due_date: String,
    pub amount: String,
    pub description: String,
}

/// The fields that can be wrong, in the order of the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum InvoiceField {
    Number,
    Customer,
    IssueDate,
    Term,
    DueDate,
    Amount,
}

/// One problem with one field, in words for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: InvoiceField,
    pub message: String,
}

impl InvoiceDraft {
    /// The draft for editing a saved invoice. When the due date is a whole term after the
    /// issue date, the form shows that term and leaves the due date empty, so that changing the
    /// issue date moves the due date along as it did when the invoice was entered. Otherwise the
    /// due date itself is shown and the term left empty.
    pub fn from_invoice(invoice: &Invoice, lang: Lang) -> InvoiceDraft {
        let days = invoice.due_date.signed_duration_since(invoice.issue_date).num_days();
        let term = u32::try_from(days).ok().filter(|d| *d <= MAX_TERM_DAYS);
        InvoiceDraft {
            number: invoice.number.clone(),
            customer_id: invoice.customer_id.as_str().to_owned(),
            issue_date: format_date(invoice.issue_date, lang),
            term_days: term.map(|t| t.to_string()).unwrap_or_default(),
            due_date: match term {
                Some(_) => String::new(),
                None => format_date(invoice.due_date, lang),
            },
            amount: format_amount_grouped(invoice.amount, lang),
            description: invoice.description.clone(),
        }
    }

    /// An empty draft for a new invoice, dated `today` with the user's usual term.
    pub fn blank(customer_id: &str, today: NaiveDate, term_days: u32, lang: Lang) -> InvoiceDraft {
        InvoiceDraft {
            customer_id: customer_id.to_owned(),
            issue_date: format_date(today, lang),
            term_days: term_days.to_string(),
            ..InvoiceDraft::default()
        }
    }

    /// The stored invoice changed from `before` to `after` while this draft of it was open (a
    /// save in another tab): every field still showing its `before` text takes the `after`
    /// text, and what the user typed stays. Saving then never writes back a value nobody here
    /// chose.
    pub fn follow(&mut self, before: &InvoiceDraft, after: &InvoiceDraft) {
        let pairs = [
            (&mut self.number, &before.number, &after.number),
            (&mut self.customer_id, &before.customer_id, &after.customer_id),
            (&mut self.issue_date, &before.issue_date, &after.issue_date),
            (&mut self.term_days, &before.term_days, &after.term_days),
            (&mut self.due_date, &before.due_date, &after.due_date),
            (&mut self.amount, &before.amount, &after.amount),
            (&mut self.description, &before.description, &after.description),
        ];
        for (shown, before, after) in pairs {
            if *shown == *before {
                after.clone_into(shown);
            }
        }
    }
}

/// Why a typed term is not usable.
enum TermError {
    Empty,
    NotANumber,
    TooLong,
}

/// Reads a term in whole days. Only digits are accepted: "30" and " 30 ", not "-5" or "30.5".
fn parse_term(text: &str) -> Result<u32, TermError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(TermError::Empty);
    }
    if !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(TermError::NotANumber);
    }
    // All digits, so the only way to fail is a number too big for u32: far too long anyway.
    match text.parse::<u32>() {
        Ok(days) if days <= MAX_TERM_DAYS => Ok(days),
        _ => Err(TermError::TooLong),
    }
}

/// The longest payment term the law allows between businesses without an explicit agreement
/// (Dutch and Belgian rules alike).
const MAX_BUSINESS_TERM_DAYS: i64 = 60;

/// A caution for a business customer's invoice due more than [`MAX_BUSINESS_TERM_DAYS`] after
/// its date: the law allows that only when it was explicitly agreed and is not grossly unfair,
/// and the chase (interest, costs, reminders) counts from the later due date. `None` for a
/// consumer, a shorter term, or a draft not yet readable. A caution, not a refusal: the
/// agreement may be there.
pub fn long_business_term(draft: &InvoiceDraft, customers: &[Customer], lang: Lang) -> Option<String> {
    let customer = customers.iter().find(|c| c.id.as_str() == draft.customer_id.trim())?;
    if customer.kind != CustomerKind::Business {
        return None;
    }
    let issue = parse_date(&draft.issue_date).ok()?;
    let days = (due_preview(draft)? - issue).num_days();
    (days > MAX_BUSINESS_TERM_DAYS).then(|| match lang {
        Lang::Nl => format!(
            "Een betaaltermijn van {days} dagen: tussen bedrijven mag meer dan {MAX_BUSINESS_TERM_DAYS} dagen alleen \
             als dat uitdrukkelijk is afgesproken en niet onredelijk is. De herinneringen, rente en kosten tellen \
             vanaf deze vervaldatum."
        ),
        Lang::En => format!(
            "A payment term of {days} days: between businesses, more than {MAX_BUSINESS_TERM_DAYS} days is allowed \
             only when explicitly agreed and not grossly unfair. Reminders, interest and costs count from this due \
             date."
        ),
    })
}

/// A caution for an invoice dated after `today`: most often a slip of the year, and nothing is
/// chased until its due date. `None` for a date not after today or not (yet) readable. A
/// caution, not a refusal: an invoice may be written ahead of the work.
pub fn future_issue_date(draft: &InvoiceDraft, today: NaiveDate, lang: Lang) -> Option<String> {
    let issue = parse_date(&draft.issue_date).ok().filter(|issue| *issue > today)?;
    let date = format_date(issue, lang);
    Some(match lang {
        Lang::Nl => format!(
            "De factuurdatum {date} ligt in de toekomst: klopt het jaar? De app stelt voor deze factuur pas iets voor rond de vervaldatum."
        ),
        Lang::En => format!(
            "The invoice date {date} is in the future: is the year right? The app proposes nothing for this invoice until around its due date."
        ),
    })
}

/// The due date the draft will get, to show beside the term while the user types: the typed
/// due date when there is one, else the issue date plus the term. `None` while either is not
/// (yet) readable.
pub fn due_preview(draft: &InvoiceDraft) -> Option<NaiveDate> {
    if !draft.due_date.trim().is_empty() {
        return parse_date(&draft.due_date).ok();
    }
    let issue = parse_date(&draft.issue_date).ok()?;
    let term = parse_term(&draft.term_days).ok()?;
    Some(due_date_from_term(issue, term))
}

/// Compares invoice numbers the way a person does: surrounding spaces, letter case and the kind
/// of dash do not make "F-1", " f-1" and "F‑1" (a non-breaking hyphen, as word processors put
/// in) different invoices. `key` is the typed number's [`number_key`], made once rather than
/// once per invoice.
fn same_number(other: &str, key: &str) -> bool {
    number_key(other) == key
}

/// The key an invoice number must be unique under: its [`number_key`], or `None` for a blank
/// number. A blank number identifies nothing (a backup may hold invoices without one), so
/// blanks never clash. The form, the store and the backup check all go by this.
pub fn unique_number_key(number: &str) -> Option<String> {
    let key = number_key(number);
    (!key.is_empty()).then_some(key)
}

/// An invoice number as [`same_number`] compares it.
pub fn number_key(number: &str) -> String {
    number
        .trim()
        .chars()
        .filter(|c| !is_invisible(*c))
        .map(|c| match c {
            '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}' | '\u{FF0D}' => '-',
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Reads the draft into an invoice with the given id, or lists every problem in the order of
/// the form. `existing` may include the invoice being edited (same id): its own number is not a
/// duplicate of itself.
pub fn validate(
    draft: &InvoiceDraft,
    id: InvoiceId,
    existing: &[Invoice],
    customers: &[Customer],
    lang: Lang,
) -> Result<Invoice, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut fail = |field, message: String| errors.push(FieldError { field, message });

    let number = draft.number.trim();
    let key = number_key(number);
    if is_blank(number) {
        fail(
            InvoiceField::Number,
            lang.pick("Vul een factuurnummer in.", "Please enter an invoice number.")
                .to_owned(),
        );
    } else if number.chars().count() > MAX_NUMBER_CHARS {
        fail(
            InvoiceField::Number,
            match lang {
                Lang::Nl => format!("Een factuurnummer heeft hooguit {MAX_NUMBER_CHARS} tekens."),
                Lang::En => format!("An invoice number has at most {MAX_NUMBER_CHARS} characters."),
            },
        );
    } else if let Some(other) = existing
        .iter()
        .find(|other| other.id != id && same_number(&other.number, &key))
    {
        // Naming the customer of the other invoice lets the user find it, and tells a typo from
        // a real second invoice under the same number.
        let owner = customers
            .iter()
            .find(|c| c.id == other.customer_id)
            .map(|c| c.name.trim())
            .filter(|name| !name.is_empty());
        // The number as the other invoice has it, which may differ in case or spacing from
        // the one typed.
        let taken = other.number.trim();
        fail(
            InvoiceField::Number,
            match owner {
                Some(name) => t!(
                    lang,
                    "Factuurnummer {taken} bestaat al (klant: {name}). Elk factuurnummer mag maar één keer \
                     voorkomen.",
                    "Invoice number {taken} already exists (customer: {name}). Each invoice number can be used \
                     only once."
                ),
                None => t!(
                    lang,
                    "Factuurnummer {taken} bestaat al. Elk factuurnummer mag maar één keer voorkomen.",
                    "Invoice number {taken} already exists. Each invoice number can be used only once."
                ),
            },
        );
    }

    let customer_id = draft.customer_id.trim();
    let customer = customers.iter().find(|c| c.id.as_str() == customer_id);
    if customer_id.is_empty() {
        fail(
            InvoiceField::Customer,
            lang.pick("Kies een klant.", "Please choose a customer.").to_owned(),
        );
    } else if customer.is_none() {
        fail(
            InvoiceField::Customer,
            lang.pick(
                "Deze klant bestaat niet (meer). Kies een andere klant.",
                "This customer does not exist (any more). Please choose another customer.",
            )
            .to_owned(),
        );
    }

    let issue_date = match parse_date(&draft.issue_date) {
        Ok(date) => Some(date),
        Err(e) => {
            fail(InvoiceField::IssueDate, e.message(lang));
            None
        }
    };

    // A typed due date wins over the term, so the term is only read when the due date is empty.
    let due_date = if draft.due_date.trim().is_empty() {
        match parse_term(&draft.term_days) {
            Ok(days) => issue_date.map(|issue| due_date_from_term(issue, days)),
            Err(e) => {
                let message = match e {
                    TermError::Empty => lang.pick(
                        "Vul een betaaltermijn in dagen in, of een vervaldatum.",
                        "Please enter a payment term in days, or a due date.",
                    ),
                    TermError::NotANumber => lang.pick(
                        "Vul de betaaltermijn in als een aantal dagen, bijvoorbeeld 30.",
                        "Enter the payment term as a number of days, for example 30.",
                    ),
                    TermError::TooLong => lang.pick(
                        "Een betaaltermijn is hooguit 365 dagen.",
                        "A payment term is at most 365 days.",
                    ),
                };
                fail(InvoiceField::Term, message.to_owned());
                None
            }
        }
    } else {
        match parse_date(&draft.due_date) {
            Ok(due) if issue_date.is_some_and(|issue| due < issue) => {
                fail(
                    InvoiceField::DueDate,
                    lang.pick(
                        "De vervaldatum ligt vóór de factuurdatum. Controleer beide datums.",
                        "The due date is before the invoice date. Please check both dates.",
                    )
                    .to_owned(),
                );
                None
            }
            // A due date years ahead is a slip of the keyboard ("2062" for "2026"), and would
            // keep the invoice out of the chase until then; the import refuses it the same way.
            Ok(due)
                if issue_date
                    .is_some_and(|issue| due.signed_duration_since(issue).num_days() > i64::from(MAX_TERM_DAYS)) =>
            {
                fail(
                    InvoiceField::DueDate,
                    match lang {
                        Lang::Nl => format!(
                            "De vervaldatum ligt meer dan {MAX_TERM_DAYS} dagen na de factuurdatum; is het een tikfout? \
                             Een betaaltermijn is hooguit {MAX_TERM_DAYS} dagen."
                        ),
                        Lang::En => format!(
                            "The due date is more than {MAX_TERM_DAYS} days after the invoice date; is it a typing slip? \
                             A payment term is at most {MAX_TERM_DAYS} days."
                        ),
                    },
                );
                None
            }
            Ok(due) => Some(due),
            Err(e) => {
                fail(InvoiceField::DueDate, e.message(lang));
                None
            }
        }
    };

    let amount = match parse_invoice_amount(&draft.amount) {
        Ok(amount) => Some(amount),
        Err(e) => {
            fail(InvoiceField::Amount, e.message(lang));
            None
        }
    };

    match (customer, issue_date, due_date, amount) {
        (Some(customer), Some(issue_date), Some(due_date), Some(amount)) if errors.is_empty() => Ok(Invoice {
            id,
            number: number.to_owned(),
            customer_id: customer.id.clone(),
            issue_date,
            due_date,
            amount,
            currency: "EUR".to_owned(),
            description: draft.description.trim().to_owned(),
        }),
        _ => Err(errors),
    }
}

/// How far from today an invoice date may lie: further is a typing slip (1926 for 2026), which
/// would otherwise show as a century overdue, with a century of interest.
const PLAUSIBLE_YEARS_BACK: u32 = 20;
const PLAUSIBLE_YEARS_AHEAD: u32 = 2;

/// The first and last invoice date that is not taken for a typing slip on `today`; `None` only
/// at the ends of the calendar. The CSV import holds its rows to the same window.
pub fn plausible_issue_dates(today: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    let years = |n: u32| chrono::Months::new(n.saturating_mul(12));
    today
        .checked_sub_months(years(PLAUSIBLE_YEARS_BACK))
        .zip(today.checked_add_months(years(PLAUSIBLE_YEARS_AHEAD)))
}

/// [`validate`] as the form saves, which knows more than the draft: `today`, and for an
/// invoice that has a dossier already the customer it is filed under (`dossier_customer`).
/// - The invoice date must lie within twenty years before and two years after `today`.
/// - The customer of an invoice with a dossier cannot change any more: the letters, calls and
///   payments were with them, and a backup holding an invoice whose history belongs to another
///   customer could not be restored.
pub fn validate_for_save(
    draft: &InvoiceDraft,
    id: InvoiceId,
    existing: &[Invoice],
    customers: &[Customer],
    dossier_customer: Option<&CustomerId>,
    today: NaiveDate,
    lang: Lang,
) -> Result<Invoice, Vec<FieldError>> {
    let mut refusals = Vec::new();
    if let (Ok(issued), Some((earliest, latest))) = (parse_date(&draft.issue_date), plausible_issue_dates(today)) {
        if issued < earliest || issued > latest {
            let (earliest, latest) = (format_date(earliest, lang), format_date(latest, lang));
            refusals.push(FieldError {
                field: InvoiceField::IssueDate,
                message: match lang {
                    Lang::Nl => format!(
                        "Deze factuurdatum ligt ver weg; is het een tikfout? Kies een datum tussen {earliest} en {latest}."
                    ),
                    Lang::En => format!(
                        "This invoice date is far off; is it a typing slip? Pick a date between {earliest} and {latest}."
                    ),
                },
            });
        }
    }
    if let Some(owner) = dossier_customer.filter(|c| c.as_str() != draft.customer_id.trim()) {
        refusals.push(moved_customer(owner, customers, lang));
    }
    let result = validate(draft, id, existing, customers, lang);
    if refusals.is_empty() {
        return result;
    }
    // A field refused here replaces what `validate` said about it: one message per field.
    let mut errors = result.err().unwrap_or_default();
    errors.retain(|e| refusals.iter().all(|r| r.field != e.field));
    errors.extend(refusals);
    errors.sort_by_key(|e| e.field);
    Err(errors)
}

fn moved_customer(owner: &CustomerId, customers: &[Customer], lang: Lang) -> FieldError {
    let name = customers
        .iter()
        .find(|c| c.id == *owner)
        .map(|c| c.name.trim().to_owned())
        .unwrap_or_default();
    FieldError {
        field: InvoiceField::Customer,
        message: match lang {
            Lang::Nl => format!(
                "Deze factuur heeft al een dossier bij {name}, dus de klant kan niet meer veranderen. Hoort de factuur \
                 bij een andere klant, schrijf haar dan af en maak een nieuwe factuur voor die klant."
            ),
            Lang::En => format!(
                "This invoice already has a dossier with {name}, so its customer can no longer change. If it belongs \
                 to another customer, write it off and make a new invoice for that customer."
            ),
        },
    }
}

/// The dossier note for an edit of an invoice that has a contact history: what changed in the
/// figures the letters and calls named (number, amount, dates), old and new, so the dossier
/// explains why an earlier reminder names another amount. `None` when none of them changed.
pub fn change_note(before: &Invoice, after: &Invoice, lang: Lang) -> Option<String> {
    let money = |amount| format_money(amount, lang);
    let date = |day| format_date(day, lang);
    let mut changes = Vec::new();
    if before.number.trim() != after.number.trim() {
        let what = lang.pick("factuurnummer", "invoice number");
        changes.push(format!("{what} {} → {}", before.number.trim(), after.number.trim()));
    }
    if before.amount != after.amount {
        let what = lang.pick("bedrag", "amount");
        changes.push(format!("{what} {} → {}", money(before.amount), money(after.amount)));
    }
    if before.issue_date != after.issue_date {
        let what = lang.pick("factuurdatum", "invoice date");
        changes.push(format!(
            "{what} {} → {}",
            date(before.issue_date),
            date(after.issue_date)
        ));
    }
    if before.due_date != after.due_date {
        let what = lang.pick("vervaldatum", "due date");
        changes.push(format!("{what} {} → {}", date(before.due_date), date(after.due_date)));
    }
    (!changes.is_empty()).then(|| {
        let list = changes.join("; ");
        match lang {
            Lang::Nl => format!("Factuur gewijzigd: {list}."),
            Lang::En => format!("Invoice changed: {list}."),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dates::DateError;
    use crate::domain::model::CustomerId;
    use crate::domain::money::AmountError;
    use crate::domain::testing::iso as d;
    use rust_decimal::Decimal;

    fn customers() -> Vec<Customer> {
        vec![
            Customer::new(CustomerId::from("c1"), "Bakkerij Jansen"),
            Customer::new(CustomerId::from("c2"), "Garage De Vries"),
        ]
    }

    fn existing() -> Vec<Invoice> {
        vec![Invoice {
            id: InvoiceId::from("i1"),
            number: "F-2026-001".into(),
            customer_id: CustomerId::from("c2"),
            issue_date: d("2026-01-01"),
            due_date: d("2026-01-31"),
            amount: Decimal::from(100),
            currency: "EUR".into(),
            description: String::new(),
        }]
    }

    fn good() -> InvoiceDraft {
        InvoiceDraft {
            number: " 2026-002 ".into(),
            customer_id: "c1".into(),
            issue_date: "01-03-2026".into(),
            term_days: "30".into(),
            due_date: String::new(),
            amount: "1.234,50".into(),
            description: " Brood ".into(),
        }
    }

    /// An invoice dated after today is cautioned: a slip of the year would silence the chase.
    #[test]
    fn an_invoice_dated_in_the_future_is_cautioned() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        #[rustfmt::skip]
        let cases = [
            ("15-01-2027", true),
            ("25-11-2026", true),
            ("24-11-2026", false),
            ("15-01-2026", false),
            ("not a date", false),
        ];
        for (issue, expected) in cases {
            let draft = InvoiceDraft {
                issue_date: issue.into(),
                ..InvoiceDraft::default()
            };
            assert_eq!(
                future_issue_date(&draft, today, Lang::Nl).is_some(),
                expected,
                "{issue}"
            );
        }
        let draft = InvoiceDraft {
            issue_date: "15-01-2027".into(),
            ..InvoiceDraft::default()
        };
        assert_eq!(
            future_issue_date(&draft, today, Lang::Nl).as_deref(),
            Some("De factuurdatum 15-01-2027 ligt in de toekomst: klopt het jaar? De app stelt voor deze factuur pas iets voor rond de vervaldatum.")
        );
    }

    /// A business invoice due more than 60 days after its date is cautioned, by term or by a
    /// typed due date; a consumer's, or one of 60 days, is not.
    #[test]
    fn a_long_business_term_is_cautioned() {
        let mut people = customers();
        people[1].kind = CustomerKind::Consumer;
        // (customer, term, own due date, caution expected)
        let cases = [
            ("c1", "60", "", false),
            ("c1", "61", "", true),
            ("c1", "30", "30-06-2026", true),
            ("c1", "90", "30-04-2026", false),
            ("c2", "90", "", false),
            ("c1", "9x", "", false),
        ];
        for (customer, term, due, expected) in cases {
            let draft = InvoiceDraft {
                customer_id: customer.into(),
                term_days: term.into(),
                due_date: due.into(),
                ..good()
            };
            let caution = long_business_term(&draft, &people, Lang::Nl);
            assert_eq!(caution.is_some(), expected, "{customer} {term} {due}: {caution:?}");
        }
        let draft = InvoiceDraft {
            term_days: "90".into(),
            ..good()
        };
        let english = long_business_term(&draft, &people, Lang::En).unwrap();
        assert!(english.starts_with("A payment term of 90 days"), "{english}");
    }

    fn errors(draft: &InvoiceDraft, id: &str, lang: Lang) -> Vec<(InvoiceField, String)> {
        match validate(draft, InvoiceId::from(id), &existing(), &customers(), lang) {
            Ok(_) => vec![],
            Err(errors) => errors.into_iter().map(|e| (e.field, e.message)).collect(),
        }
    }

    #[test]
    fn a_good_draft_becomes_an_invoice_with_the_due_date_from_the_term() {
        let invoice = validate(&good(), InvoiceId::from("new"), &existing(), &customers(), Lang::Nl).unwrap();
        assert_eq!(
            invoice,
            Invoice {
                id: InvoiceId::from("new"),
                number: "2026-002".into(),
                customer_id: CustomerId::from("c1"),
                issue_date: d("2026-03-01"),
                due_date: d("2026-03-31"),
                amount: "1234.50".parse().unwrap(),
                currency: "EUR".into(),
                description: "Brood".into(),
            }
        );
        assert_eq!(due_preview(&good()), Some(d("2026-03-31")));
    }

    /// The message for a number already taken, with and without the other invoice's customer,
    /// word for word in both languages, so a rewrite of the message cannot change what the user
    /// reads without this test saying so.
    #[test]
    fn a_taken_number_in_both_languages() {
        let draft = InvoiceDraft {
            number: "F-2026-001".into(),
            ..good()
        };
        let without_the_owner = vec![customers()[0].clone()];
        let cases = [
            (
                customers(),
                "Factuurnummer F-2026-001 bestaat al (klant: Garage De Vries). Elk factuurnummer mag maar één keer \
                 voorkomen.",
                "Invoice number F-2026-001 already exists (customer: Garage De Vries). Each invoice number can be \
                 used only once.",
            ),
            (
                without_the_owner,
                "Factuurnummer F-2026-001 bestaat al. Elk factuurnummer mag maar één keer voorkomen.",
                "Invoice number F-2026-001 already exists. Each invoice number can be used only once.",
            ),
        ];
        for (people, nl, en) in cases {
            for (lang, expected) in [(Lang::Nl, nl), (Lang::En, en)] {
                let errors = validate(&draft, InvoiceId::from("new"), &existing(), &people, lang).unwrap_err();
                let messages: Vec<(InvoiceField, &str)> =
                    errors.iter().map(|e| (e.field, e.message.as_str())).collect();
                assert_eq!(messages, [(InvoiceField::Number, expected)], "{lang:?}");
            }
        }
    }

    #[test]
    fn each_problem_is_reported_on_its_field() {
        type Edit = fn(&mut InvoiceDraft);
        const DUPLICATE: &str =
            "Invoice number F-2026-001 already exists (customer: Garage De Vries). Each invoice number can be used only once.";
        let cases: Vec<(&str, Edit, InvoiceField, &str)> = vec![
            (
                "no number",
                |f| f.number = "  ".into(),
                InvoiceField::Number,
                "Please enter an invoice number.",
            ),
            (
                "long number",
                |f| f.number = "x".repeat(41),
                InvoiceField::Number,
                "An invoice number has at most 40 characters.",
            ),
            (
                "duplicate",
                |f| f.number = "F-2026-001".into(),
                InvoiceField::Number,
                DUPLICATE,
            ),
            (
                "duplicate in other case and spacing",
                |f| f.number = " f-2026-001 ".into(),
                InvoiceField::Number,
                DUPLICATE,
            ),
            (
                "duplicate with a non-breaking hyphen",
                |f| f.number = "F\u{2011}2026\u{2011}001".into(),
                InvoiceField::Number,
                DUPLICATE,
            ),
            (
                "duplicate with a zero-width space pasted along",
                |f| f.number = "F-2026-001\u{200B}".into(),
                InvoiceField::Number,
                DUPLICATE,
            ),
            (
                "a number of invisible characters",
                |f| f.number = "\u{200B}".into(),
                InvoiceField::Number,
                "Please enter an invoice number.",
            ),
            (
                "no customer",
                |f| f.customer_id = "".into(),
                InvoiceField::Customer,
                "Please choose a customer.",
            ),
            (
                "unknown customer",
                |f| f.customer_id = "c9".into(),
                InvoiceField::Customer,
                "This customer does not exist (any more). Please choose another customer.",
            ),
            (
                "no such day",
                |f| f.issue_date = "31-02-2026".into(),
                InvoiceField::IssueDate,
                "That day does not exist: February 2026 has 28 days, so there is no day 31.",
            ),
            (
                "no term",
                |f| f.term_days = " ".into(),
                InvoiceField::Term,
                "Please enter a payment term in days, or a due date.",
            ),
            (
                "negative term",
                |f| f.term_days = "-5".into(),
                InvoiceField::Term,
                "Enter the payment term as a number of days, for example 30.",
            ),
            (
                "long term",
                |f| f.term_days = "366".into(),
                InvoiceField::Term,
                "A payment term is at most 365 days.",
            ),
            (
                "huge term",
                |f| f.term_days = "99999999999".into(),
                InvoiceField::Term,
                "A payment term is at most 365 days.",
            ),
            (
                "due before issue",
                |f| f.due_date = "28-02-2026".into(),
                InvoiceField::DueDate,
                "The due date is before the invoice date. Please check both dates.",
            ),
            (
                "due date years ahead",
                |f| f.due_date = "31-03-2062".into(),
                InvoiceField::DueDate,
                "The due date is more than 365 days after the invoice date; is it a typing slip? A payment term is \
                 at most 365 days.",
            ),
            (
                "unreadable due date",
                |f| f.due_date = "soon".into(),
                InvoiceField::DueDate,
                "We cannot read this as a date. Write the day, month and year, as in 22-11-2026 or \
                 22 November 2026.",
            ),
            (
                "letter O in the amount",
                |f| f.amount = "1.234,5O".into(),
                InvoiceField::Amount,
                "This amount contains a letter: \"O\". Use only digits, a comma or a full stop.",
            ),
            (
                "zero amount",
                |f| f.amount = "0,00".into(),
                InvoiceField::Amount,
                "The amount must be more than zero.",
            ),
        ];
        for (name, edit, field, message) in cases {
            let mut draft = good();
            edit(&mut draft);
            assert_eq!(errors(&draft, "new", Lang::En), [(field, message.to_owned())], "{name}");
        }
    }

    #[test]
    fn the_reasons_come_from_the_parsers_in_the_users_language() {
        let mut draft = good();
        draft.amount = "1.234,5O".into();
        draft.issue_date = "31-02-2026".into();
        let got = errors(&draft, "new", Lang::Nl);
        assert_eq!(
            got,
            [
                (
                    InvoiceField::IssueDate,
                    DateError::NoSuchDay {
                        day: 31,
                        month: 2,
                        year: 2026,
                        days_in_month: 28
                    }
                    .message(Lang::Nl)
                ),
                (InvoiceField::Amount, AmountError::Letter('O').message(Lang::Nl)),
            ]
        );
        assert!(got[1].1.contains("letter"), "{}", got[1].1);
    }

    #[test]
    fn a_credit_note_is_not_saved_as_an_invoice() {
        let mut draft = good();
        draft.amount = "-121,00".into();
        let got = errors(&draft, "new", Lang::Nl);
        assert_eq!(got, [(InvoiceField::Amount, AmountError::CreditNote.message(Lang::Nl))]);
    }

    #[test]
    fn every_problem_is_reported_at_once_in_form_order() {
        let draft = InvoiceDraft {
            number: "F-2026-001".into(),
            customer_id: "nobody".into(),
            issue_date: "gisteren".into(),
            term_days: "dertig".into(),
            due_date: String::new(),
            amount: "-5".into(),
            description: String::new(),
        };
        let fields: Vec<InvoiceField> = errors(&draft, "new", Lang::Nl).into_iter().map(|(f, _)| f).collect();
        assert_eq!(
            fields,
            [
                InvoiceField::Number,
                InvoiceField::Customer,
                InvoiceField::IssueDate,
                InvoiceField::Term,
                InvoiceField::Amount
            ]
        );
    }

    #[test]
    fn a_typed_due_date_wins_over_the_term() {
        let mut draft = good();
        draft.due_date = "15-04-2026".into();
        draft.term_days = "not read".into();
        let invoice = validate(&draft, InvoiceId::from("new"), &existing(), &customers(), Lang::En).unwrap();
        assert_eq!(invoice.due_date, d("2026-04-15"));
        assert_eq!(due_preview(&draft), Some(d("2026-04-15")));
        // The due date may fall on the issue date itself: payment on receipt.
        draft.due_date = "01-03-2026".into();
        assert!(validate(&draft, InvoiceId::from("new"), &existing(), &customers(), Lang::En).is_ok());
    }

    #[test]
    fn editing_keeps_its_own_number() {
        let mut draft = InvoiceDraft::from_invoice(&existing()[0], Lang::En);
        draft.number = "F-2026-001".into();
        let saved = validate(&draft, InvoiceId::from("i1"), &existing(), &customers(), Lang::En).unwrap();
        assert_eq!(saved, existing()[0]);
    }

    #[test]
    fn drafts_show_saved_invoices_and_blank_forms() {
        let mut invoice = existing()[0].clone();
        assert_eq!(
            InvoiceDraft::from_invoice(&invoice, Lang::Nl),
            InvoiceDraft {
                number: "F-2026-001".into(),
                customer_id: "c2".into(),
                issue_date: "01-01-2026".into(),
                term_days: "30".into(),
                due_date: String::new(),
                amount: "100,00".into(),
                description: String::new(),
            }
        );
        // A due date before the issue date (from an old import) is shown as a date, not a term.
        invoice.due_date = d("2025-12-01");
        let draft = InvoiceDraft::from_invoice(&invoice, Lang::En);
        assert_eq!((draft.term_days.as_str(), draft.due_date.as_str()), ("", "1 Dec 2025"));
        let blank = InvoiceDraft::blank("c1", d("2026-03-01"), 14, Lang::En);
        assert_eq!(blank.issue_date, "1 Mar 2026");
        assert_eq!(blank.term_days, "14");
        assert_eq!(due_preview(&blank), Some(d("2026-03-15")));
        assert_eq!(blank.number, "");
    }

    #[test]
    fn the_preview_waits_for_readable_input() {
        let cases = [
            ("01-03-2026", "30", Some("2026-03-31")),
            ("01-03", "30", None),
            ("01-03-2026", "3o", None),
        ];
        for (issue, term, want) in cases {
            let draft = InvoiceDraft {
                issue_date: issue.into(),
                term_days: term.into(),
                ..InvoiceDraft::default()
            };
            assert_eq!(due_preview(&draft), want.map(d), "{issue} {term}");
        }
    }

    #[test]
    fn an_open_draft_follows_another_tabs_save_but_keeps_the_typing() {
        let stored = |amount: &str, description: &str| InvoiceDraft {
            number: "F-1".into(),
            customer_id: "c1".into(),
            issue_date: "01-11-2026".into(),
            term_days: "30".into(),
            due_date: String::new(),
            amount: amount.into(),
            description: description.into(),
        };
        let before = stored("1.250,00", "werk");
        let after = stored("1.300,00", "werk en materiaal");
        // Typed here: the description. The amount still shows what was loaded.
        let mut shown = InvoiceDraft {
            description: "alleen werk".into(),
            ..before.clone()
        };
        shown.follow(&before, &after);
        assert_eq!(
            shown.amount, "1.300,00",
            "an untouched field takes the other tab's value"
        );
        assert_eq!(shown.description, "alleen werk", "what was typed here stays");
        assert_eq!(shown.number, "F-1");
    }

    #[test]
    fn the_customer_of_an_invoice_with_a_dossier_stays() {
        let draft = |customer: &str| InvoiceDraft {
            customer_id: customer.into(),
            ..good()
        };
        let owner = CustomerId::from("c1");
        // (label, chosen customer, the dossier's customer, refused)
        let cases = [
            ("no dossier: any customer", "c2", None, false),
            ("a dossier, the same customer", "c1", Some(&owner), false),
            ("a dossier, another customer", "c2", Some(&owner), true),
        ];
        for (label, chosen, dossier, refused) in cases {
            let result = validate_for_save(
                &draft(chosen),
                InvoiceId::from("i9"),
                &existing(),
                &customers(),
                dossier,
                d("2026-03-01"),
                Lang::Nl,
            );
            match result {
                Ok(_) => assert!(!refused, "{label}"),
                Err(errors) => {
                    assert!(refused, "{label}: {errors:?}");
                    assert_eq!(errors.len(), 1, "{label}");
                    assert_eq!(errors[0].field, InvoiceField::Customer);
                    assert!(errors[0].message.contains("dossier bij Bakkerij Jansen"), "{label}");
                }
            }
        }
    }

    #[test]
    fn an_edit_of_the_figures_is_noted_for_the_dossier() {
        let before = existing().remove(0);
        let same = before.clone();
        let lowered = Invoice {
            amount: Decimal::from(800),
            due_date: d("2026-02-20"),
            description: "anders".into(),
            ..before.clone()
        };
        assert_eq!(change_note(&before, &same, Lang::Nl), None);
        let described = Invoice {
            description: "anders".into(),
            ..before.clone()
        };
        assert_eq!(
            change_note(&before, &described, Lang::Nl),
            None,
            "the description is no figure"
        );
        let note = change_note(&before, &lowered, Lang::Nl).unwrap();
        assert!(note.starts_with("Factuur gewijzigd: bedrag € "), "{note}");
        assert!(
            note.contains("→ € 800,00; vervaldatum ") && note.ends_with("→ 20-02-2026."),
            "{note}"
        );
        assert!(change_note(&before, &lowered, Lang::En)
            .unwrap()
            .starts_with("Invoice changed: amount €"));
    }

    #[test]
    fn an_invoice_date_far_from_today_is_taken_for_a_typing_slip() {
        let today = d("2026-11-23");
        // (issue date, refused)
        let cases = [
            ("01-03-2026", false),
            ("23-11-2006", false),
            ("22-11-2006", true),
            ("01-01-1926", true),
            ("23-11-2028", false),
            ("24-11-2028", true),
        ];
        for (issued, refused) in cases {
            let draft = InvoiceDraft {
                issue_date: issued.into(),
                ..good()
            };
            let result = validate_for_save(
                &draft,
                InvoiceId::from("i9"),
                &existing(),
                &customers(),
                None,
                today,
                Lang::Nl,
            );
            match result {
                Ok(_) => assert!(!refused, "{issued}"),
                Err(errors) => {
                    assert!(refused, "{issued}: {errors:?}");
                    assert_eq!(errors.len(), 1, "{issued}: {errors:?}");
                    assert_eq!(errors[0].field, InvoiceField::IssueDate);
                    assert!(
                        errors[0].message.contains("tussen 23-11-2006 en 23-11-2028"),
                        "{issued}: {errors:?}"
                    );
                }
            }
        }
    }
}
