//! The customers rows are matched to by name, and the new ones a file creates.

use std::collections::hash_map::Entry;
use std::collections::HashMap;

use rust_decimal::Decimal;

use super::cells::{comparable, one_line};
use super::report::ImportResult;
use super::rows::Parsed;
use crate::domain::links::normalize_phone;
use crate::domain::model::{Customer, CustomerId, CustomerKind, Invoice, InvoiceId};

/// The customers rows are matched to: the app's and those the file creates.
pub(super) struct Customers {
    /// By comparable name (case, spacing and accents aside); the first customer of a name wins.
    by_name: HashMap<String, Known>,
    /// The app's customers whose names compare the same as another's ("Bakkerij Jansen" and
    /// "bakkerij  jansen"), by their exact name: a row naming one of them exactly goes to that
    /// one. Empty unless the app has such namesakes.
    namesakes: HashMap<String, Known>,
}

impl Customers {
    pub(super) fn of(existing: &[Customer]) -> Customers {
        let mut by_name: HashMap<String, Known> = HashMap::with_capacity(existing.len());
        let mut shared = Vec::new();
        for c in existing {
            match by_name.entry(comparable(&c.name)) {
                Entry::Occupied(taken) => shared.push(taken.key().clone()),
                Entry::Vacant(free) => {
                    free.insert(Known::of(c, true, None));
                }
            }
        }
        let namesakes = if shared.is_empty() {
            HashMap::new()
        } else {
            existing
                .iter()
                .filter(|c| shared.contains(&comparable(&c.name)))
                .map(|c| (one_line(&c.name), Known::of(c, true, None)))
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
    kind: CustomerKind,
    /// Whether the kind was said: always for the app's customers, and for a new one once a
    /// row of it names its kind. Until then a new customer is a business by default.
    kind_said: bool,
    /// Where a customer this import creates stands in `ImportResult::new_customers`; `None`
    /// for one the app has.
    new: Option<usize>,
}

impl Known {
    fn of(customer: &Customer, kind_said: bool, new: Option<usize>) -> Known {
        Known {
            id: customer.id.clone(),
            name: customer.name.trim().to_owned(),
            email: customer.email.trim().to_owned(),
            phone: customer.phone.trim().to_owned(),
            kind: customer.kind,
            kind_said,
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
pub(super) fn national_digits(phone: &str) -> String {
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
/// keeps its contact details and kind; a row that gives others is noted, so the user hears of
/// it. A customer this file creates takes what its first row left empty from a later row.
pub(super) fn add(
    parsed: Parsed<'_>,
    customers: &mut Customers,
    result: &mut ImportResult,
    ids: &mut impl FnMut() -> String,
) {
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
                if let (false, Some(kind)) = (known.kind_said, parsed.kind) {
                    customer.kind = kind;
                    known.kind = kind;
                    known.kind_said = true;
                }
            }
            if known.differs(parsed.email, parsed.phone) && !result.other_contact_details.contains(&known.name) {
                result.other_contact_details.push(known.name.clone());
            }
            // Whether a customer is a consumer decides what the law lets the user claim, so a
            // file that says otherwise is named, though the customer is not changed.
            if let Some(kind) = parsed.kind.filter(|k| *k != known.kind) {
                if !result.other_kind.iter().any(|(name, _)| *name == known.name) {
                    result.other_kind.push((known.name.clone(), kind));
                }
            }
            known.id.clone()
        }
        None => {
            let id = CustomerId(ids());
            let mut customer = Customer::new(id.clone(), one_line(parsed.name));
            customer.kind = parsed.kind.unwrap_or(CustomerKind::Business);
            customer.email = parsed.email.to_owned();
            customer.phone = parsed.phone.to_owned();
            let known = Known::of(&customer, parsed.kind.is_some(), Some(result.new_customers.len()));
            customers.add(parsed.name, known);
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
