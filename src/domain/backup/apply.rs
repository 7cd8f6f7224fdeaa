//! What a backup holds, and what replacing or merging does to the current data.

use std::collections::{HashMap, HashSet};
use std::hash::Hash;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::domain::dates::parse_iso_text;
use crate::domain::model::{
    balance, events_by_invoice, Customer, CustomerId, Event, EventId, Invoice, InvoiceId, InvoiceStatus, Lang, Settings,
};
use crate::domain::{import, plural};

use super::check::validate;
use super::error::{describe, BackupError, Entity, RecordRef};
use super::{Backup, Changes, Dataset, Diff, ImportMode, Preview};

/// What the backup holds, for the user to check before confirming the import.
impl Preview {
    /// The day the file was written, read from the start of `exported_at` for the confirmation
    /// screen; `None` when the file states something else, which is then shown as it is.
    pub fn exported_on(&self) -> Option<NaiveDate> {
        self.exported_at.get(..10).and_then(parse_iso_text)
    }
}

pub fn preview(backup: &Backup) -> Preview {
    let data = &backup.data;
    // Grouping the dossier by invoice first keeps this linear in the size of the file.
    let by_invoice = events_by_invoice(&data.events);
    let mut open_invoices = 0;
    let mut outstanding = Decimal::ZERO;
    for invoice in &data.invoices {
        let events = by_invoice.get(&invoice.id).map_or(&[][..], Vec::as_slice);
        let b = balance(invoice, events.iter().copied());
        if matches!(b.status, InvoiceStatus::Open | InvoiceStatus::PartlyPaid) {
            open_invoices += 1;
            outstanding = outstanding.saturating_add(b.outstanding);
        }
    }
    Preview {
        format_version: backup.format_version,
        app_version: backup.app_version.clone(),
        exported_at: backup.exported_at.clone(),
        customers: data.customers.len(),
        invoices: data.invoices.len(),
        events: data.events.len(),
        open_invoices,
        outstanding,
        earliest_invoice_date: data.invoices.iter().map(|i| i.issue_date).min(),
        latest_invoice_date: data.invoices.iter().map(|i| i.issue_date).max(),
    }
}

/// The data after importing `incoming` into `current`, or the reason it cannot be done; the
/// caller stores the result only on `Ok`, so a refusal changes nothing.
///
/// - `Replace`: the result is `incoming`, settings included.
/// - `Merge`: customers and invoices are merged by id, the file's version winning; records
///   only in `current` stay. Dossier entries are append-only: an id in both must have the same
///   content (`EventConflict` otherwise), new ones are added. The current settings are kept,
///   unless they were never changed from the defaults: a device that was never set up takes
///   the file's, or its reminders would go out without the business's name and IBAN.
///   Existing records keep their order, new ones follow in the file's order.
///
/// `incoming` is validated first (its own problems are reported as they are); the merged data
/// is validated again, and a problem there is reported as `MergeWouldBreak`, for example an
/// incoming invoice whose number is already used by another invoice.
pub fn apply(current: &Dataset, incoming: &Dataset, mode: ImportMode) -> Result<Dataset, BackupError> {
    validate(incoming)?;
    match mode {
        ImportMode::Replace => Ok(incoming.clone()),
        ImportMode::Merge => {
            let settings = if current.settings == Settings::default() {
                &incoming.settings
            } else {
                &current.settings
            };
            let merged = Dataset {
                settings: settings.clone(),
                customers: merge_by_id(&current.customers, &incoming.customers, |c| &c.id),
                invoices: merge_by_id(&current.invoices, &incoming.invoices, |i| &i.id),
                events: merge_events(&current.events, &incoming.events)?,
            };
            validate(&merged).map_err(|problem| BackupError::MergeWouldBreak {
                problem: Box::new(problem),
            })?;
            Ok(merged)
        }
    }
}

/// What a merge writes: the file's customers and invoices that are new or differ from the
/// stored ones, and its dossier entries not stored yet. Written as one ordinary command, a
/// merge leaves every other record alone, also one that another tab saved after this tab last
/// read; rewriting the whole merged set would delete it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MergeWrites {
    /// The file's settings, when they take the place of settings never changed from the
    /// defaults; `None` keeps the current ones.
    pub settings: Option<Settings>,
    pub customers: Vec<Customer>,
    pub invoices: Vec<Invoice>,
    pub events: Vec<Event>,
    /// The customers and invoices above that replace a stored version rather than add one.
    pub updated_customers: Vec<CustomerId>,
    pub updated_invoices: Vec<InvoiceId>,
}

/// The writes of merging `incoming` into `current`, checked as `apply` checks a merge.
pub fn merge_writes(current: &Dataset, incoming: &Dataset) -> Result<MergeWrites, BackupError> {
    let merged = apply(current, incoming, ImportMode::Merge)?;
    /// The incoming records that differ from the current one with their id, and the ids of
    /// those that replace one.
    fn changed<T: Clone + PartialEq, K: Eq + Hash + Clone>(
        current: &[T],
        incoming: &[T],
        key: impl Fn(&T) -> &K,
    ) -> (Vec<T>, Vec<K>) {
        let current_by_id: HashMap<&K, &T> = current.iter().map(|r| (key(r), r)).collect();
        let mut writes = Vec::new();
        let mut updated = Vec::new();
        for record in incoming {
            match current_by_id.get(key(record)) {
                Some(stored) if *stored == record => continue,
                Some(_) => updated.push(key(record).clone()),
                None => {}
            }
            writes.push(record.clone());
        }
        (writes, updated)
    }
    let (customers, updated_customers) = changed(&current.customers, &incoming.customers, |c| &c.id);
    let (invoices, updated_invoices) = changed(&current.invoices, &incoming.invoices, |i| &i.id);
    // `apply` refused an entry that differs from the stored one with its id, so what is left
    // are the new ones.
    let (events, _) = changed(&current.events, &incoming.events, |e| &e.id);
    Ok(MergeWrites {
        settings: (merged.settings != current.settings).then_some(merged.settings),
        customers,
        invoices,
        events,
        updated_customers,
        updated_invoices,
    })
}

/// Every current record, replaced by the incoming one with its id if there is one, then the
/// incoming records with new ids. A current record is never dropped, even when two share an
/// id, so validation sees, and refuses, such data instead of losing a record.
fn merge_by_id<T: Clone, K: Eq + Hash>(current: &[T], incoming: &[T], key: impl Fn(&T) -> &K) -> Vec<T> {
    let incoming_by_id: HashMap<&K, &T> = incoming.iter().map(|r| (key(r), r)).collect();
    let current_ids: HashSet<&K> = current.iter().map(&key).collect();
    current
        .iter()
        .map(|r| incoming_by_id.get(key(r)).copied().unwrap_or(r).clone())
        .chain(incoming.iter().filter(|r| !current_ids.contains(key(r))).cloned())
        .collect()
}

fn merge_events(current: &[Event], incoming: &[Event]) -> Result<Vec<Event>, BackupError> {
    let current_by_id: HashMap<&EventId, &Event> = current.iter().map(|e| (&e.id, e)).collect();
    let mut merged = current.to_vec();
    for event in incoming {
        match current_by_id.get(&event.id) {
            Some(existing) if *existing == event => {}
            Some(_) => {
                return Err(BackupError::EventConflict {
                    event: RecordRef::event(event, None),
                })
            }
            None => merged.push(event.clone()),
        }
    }
    Ok(merged)
}

/// How `result` differs from `current`, per kind of record, by id.
pub fn diff_counts(current: &Dataset, result: &Dataset) -> Diff {
    Diff {
        customers: changes(&current.customers, &result.customers, |c| &c.id),
        invoices: changes(&current.invoices, &result.invoices, |i| &i.id),
        events: changes(&current.events, &result.events, |e| &e.id),
        settings_changed: current.settings != result.settings,
    }
}

fn changes<T: PartialEq, K: Eq + Hash>(before: &[T], after: &[T], key: impl Fn(&T) -> &K) -> Changes {
    let before_by_id: HashMap<&K, &T> = before.iter().map(|r| (key(r), r)).collect();
    let after_ids: HashSet<&K> = after.iter().map(&key).collect();
    let mut counts = Changes {
        removed: before_by_id.keys().filter(|id| !after_ids.contains(*id)).count(),
        ..Changes::default()
    };
    for record in after {
        match before_by_id.get(key(record)) {
            None => counts.added += 1,
            Some(old) if *old == record => counts.unchanged += 1,
            Some(_) => counts.updated += 1,
        }
    }
    counts
}

/// The customers and invoices whose stored version `result` replaces with a different one,
/// in the order stored. The file may be older than the data: the preview names these records
/// before the user confirms, because what was changed in them since is taken back.
pub fn overwritten(current: &Dataset, result: &Dataset) -> Vec<RecordRef> {
    fn changed<'a, T: PartialEq, K: Eq + Hash>(current: &'a [T], result: &[T], key: impl Fn(&T) -> &K) -> Vec<&'a T> {
        let after: HashMap<&K, &T> = result.iter().map(|r| (key(r), r)).collect();
        current
            .iter()
            .filter(|r| after.get(key(r)).is_some_and(|new| new != r))
            .collect()
    }
    let named = |entity, label: &str| RecordRef {
        entity,
        position: None,
        id: None,
        label: Some(label.to_owned()),
    };
    let customers = changed(&current.customers, &result.customers, |c| &c.id);
    let invoices = changed(&current.invoices, &result.invoices, |i| &i.id);
    customers
        .into_iter()
        .map(|c| named(Entity::Customer, &c.name))
        .chain(invoices.into_iter().map(|i| named(Entity::Invoice, &i.number)))
        .collect()
}

/// The customers `result` adds under the name of a customer it keeps from `current` (case,
/// spacing and accents aside, as `import::comparable` reads names): the same
/// customer entered on two devices, with two ids, becomes two customers in a merge. The
/// preview names them before the user confirms.
pub fn same_name_customers<'a>(current: &Dataset, result: &'a Dataset) -> Vec<&'a str> {
    let current_ids: HashSet<&CustomerId> = current.customers.iter().map(|c| &c.id).collect();
    let kept: HashSet<String> = result
        .customers
        .iter()
        .filter(|c| current_ids.contains(&c.id))
        .map(|c| import::comparable(&c.name))
        .collect();
    result
        .customers
        .iter()
        .filter(|c| !current_ids.contains(&c.id) && kept.contains(&import::comparable(&c.name)))
        .map(|c| c.name.as_str())
        .collect()
}

/// The warning over [`same_name_customers`]; `None` when there are none.
pub fn same_name_warning(names: &[&str], lang: Lang) -> Option<String> {
    if names.is_empty() {
        return None;
    }
    let list = plural::join_and(lang, &names.iter().map(|n| n.trim().to_owned()).collect::<Vec<_>>());
    Some(match lang {
        Lang::Nl => format!(
            "Deze klanten staan hier al onder dezelfde naam, maar zijn los van de back-up ingevoerd; samenvoegen \
             zet ze er een tweede keer bij: {list}."
        ),
        Lang::En => format!(
            "These customers are here already under the same name, but were entered apart from the backup; \
             merging adds them a second time: {list}."
        ),
    })
}

/// The warning over [`overwritten`] records, naming the first few; `None` when there are none.
pub fn overwrite_warning(records: &[RecordRef], lang: Lang) -> Option<String> {
    const NAMED: usize = 5;
    if records.is_empty() {
        return None;
    }
    let mut names: Vec<String> = records.iter().take(NAMED).map(|r| describe(r, lang)).collect();
    let more = records.len().saturating_sub(NAMED);
    if more > 0 {
        names.push(match lang {
            Lang::Nl => format!("nog {more} andere"),
            Lang::En => format!("{more} more"),
        });
    }
    let list = plural::join_and(lang, &names);
    Some(match lang {
        Lang::Nl => format!(
            "Deze krijgen de versie uit het bestand: {list}. Wat je daarin hebt gewijzigd nadat de back-up is \
             gemaakt, gaat verloren."
        ),
        Lang::En => {
            format!("These get the file's version: {list}. What you changed in them after the backup was made is lost.")
        }
    })
}
