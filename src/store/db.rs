//! The IndexedDB database: its schema, the upgrade ladder, and transactional commands.

use std::collections::HashSet;
use std::future::IntoFuture;
use std::hash::Hash;

use idb::{
    Database, DatabaseEvent, Event as _, Factory, IndexParams, KeyPath, ObjectStoreParams, Query, Request,
    TransactionMode,
};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};

use super::error::StoreError;
use super::records::{CustomerRecord, EventRecord, InvoiceRecord};
use crate::domain::invoice_form::unique_number_key;
use crate::domain::model::{Customer, CustomerId, Event, EventId, Invoice, InvoiceId};
use crate::domain::pages::Data;

pub const DB_NAME: &str = "factuurwacht";

/// The current schema. Raising it means adding a rung to [`upgrade`], never editing one.
pub const SCHEMA_VERSION: u32 = 1;

const CUSTOMERS: &str = "customers";
const INVOICES: &str = "invoices";
const EVENTS: &str = "events";
const META: &str = "meta";

/// An open connection to the app's database.
pub struct Db {
    inner: Database,
}

impl Db {
    /// Opens (and if needed creates or upgrades) the database called `name`. Tests pass their
    /// own name so they never touch the user's data.
    ///
    /// `on_outdated` runs when another tab opens a newer schema: this connection then closes
    /// at once, so the other tab's upgrade is not blocked, and the caller tells the user to
    /// reload. Without it an old tab would hold the upgrade up until the user found and
    /// closed it.
    pub async fn open(name: &str, on_outdated: impl FnOnce() + 'static) -> Result<Db, StoreError> {
        let factory = Factory::new().map_err(|e| StoreError::from_idb("open", e))?;
        let mut request = factory
            .open(name, Some(SCHEMA_VERSION))
            .map_err(|e| StoreError::from_idb("open", e))?;
        request.on_upgrade_needed(|event| {
            // An error here aborts the version-change transaction, which leaves the old
            // schema and data untouched; the open request then fails with that error.
            let old = event.old_version().unwrap_or(0);
            let upgraded = event
                .database()
                .map_err(|e| e.to_string())
                .and_then(|db| upgrade(&db, old).map_err(|e| e.to_string()));
            if let Err(e) = upgraded {
                web_sys::console::error_1(&JsValue::from_str(&e));
                if let Some(tx) = event.target().ok().and_then(|request| request.transaction()) {
                    let _ = tx.abort();
                }
            }
        });
        // Another tab still runs an older version and has not let go yet: the open waits for
        // it. Saying so in the console helps when a user reports a page that stays "loading".
        request.on_blocked(|_| web_sys::console::warn_1(&JsValue::from_str("database upgrade waits for another tab")));
        let mut inner = request.await.map_err(|e| StoreError::from_idb("open", e))?;
        inner.on_version_change(move |event| {
            if let Ok(db) = event.database() {
                db.close();
            }
            on_outdated();
        });
        Ok(Db { inner })
    }

    pub fn close(&self) {
        self.inner.close();
    }

    /// Everything the app works from, read in one transaction so the three lists agree.
    pub async fn load(&self) -> Result<Stored, StoreError> {
        let op = "read data";
        let tx = self
            .inner
            .transaction(&[CUSTOMERS, INVOICES, EVENTS], TransactionMode::ReadOnly)
            .map_err(|e| StoreError::from_idb(op, e))?;
        // The three stores are read side by side, each in batches, and a store's next batch
        // is asked for before this one is parsed: the browser always has a read queued while
        // wasm parses, so start-up costs little more than the raw reads. Each batch crosses
        // into wasm as one JSON text, not one value per record.
        let (customers, invoices, events) = futures::future::try_join3(
            read_store::<CustomerRecord>(&tx, CUSTOMERS, op),
            read_store::<InvoiceRecord>(&tx, INVOICES, op),
            read_store::<EventRecord>(&tx, EVENTS, op),
        )
        .await?;
        Ok(Stored {
            customers: customers.into_iter().map(Customer::from).collect(),
            invoices: invoices.into_iter().map(Invoice::from).collect(),
            events: events.into_iter().map(Event::from).collect(),
        })
    }

    /// Applies one user command in ONE transaction over every store it touches: either all
    /// of it is stored or, on any error, none of it. Customers and invoices are replaced by
    /// id; events are only ever added, so re-adding an existing event id fails the whole
    /// command instead of rewriting the dossier. A command that builds on a record no longer
    /// stored (see [`Changes::edits`]) is refused as `Gone`.
    pub async fn write(&self, changes: &Changes) -> Result<(), StoreError> {
        let op = "save";
        if changes.customers.is_empty() && changes.invoices.is_empty() && changes.events.is_empty() {
            return Ok(());
        }
        let relies_on = changes.relies_on();
        let stores: Vec<&str> = [
            (
                CUSTOMERS,
                !changes.customers.is_empty() || !relies_on.customers.is_empty(),
            ),
            (INVOICES, !changes.invoices.is_empty() || !relies_on.invoices.is_empty()),
            (EVENTS, !changes.events.is_empty()),
        ]
        .into_iter()
        .filter_map(|(store, touched)| touched.then_some(store))
        .collect();
        // Serialise everything before the transaction starts: a record that cannot be
        // converted must fail the command before anything is written.
        let [customers, invoices, events] = records(&changes.customers, &changes.invoices, &changes.events, op)?;

        let tx = self.readwrite(&stores, op)?;
        // The writes are issued only after the check, in the same transaction, so no other
        // tab can remove a record in between.
        let checked = async {
            require_stored(&tx, &relies_on, op).await?;
            require_unchanged(&tx, &changes.made_from, op).await?;
            require_free_numbers(&tx, &changes.invoices, op).await
        };
        if let Err(e) = checked.await {
            let _ = tx.abort();
            return Err(e);
        }
        // Requests are issued without waiting for each one: the transaction completes only
        // when all succeeded, and the first failure aborts it, so `finish` reports the
        // outcome of the whole command. Waiting per record would make a large import slow.
        let mut requests = Requests::default();
        let issued = (|| {
            for (store, values, append_only) in [
                (CUSTOMERS, &customers, false),
                (INVOICES, &invoices, false),
                (EVENTS, &events, true),
            ] {
                if values.is_empty() {
                    continue;
                }
                let object_store = tx.object_store(store)?;
                for value in values {
                    if append_only {
                        requests.watch(object_store.add(value, None)?);
                    } else {
                        requests.watch(object_store.put(value, None)?);
                    }
                }
            }
            Ok::<(), idb::Error>(())
        })();
        settle(tx, issued, requests, op).await
    }

    /// Takes back the events of the command just recorded, in ONE transaction: all of them
    /// or none. The dossier is append-only otherwise; the app offers this only until the next
    /// command, for something recorded by mistake. Every event must still be stored: if
    /// another tab restored a backup meanwhile, there is nothing of this command to take back,
    /// and the undo is refused as `Gone` rather than reported done.
    pub async fn retract(&self, ids: &[EventId]) -> Result<(), StoreError> {
        let op = "undo";
        if ids.is_empty() {
            return Ok(());
        }
        let tx = self.readwrite(&[EVENTS], op)?;
        let keys: Vec<&str> = ids.iter().map(|id| id.as_str()).collect();
        let stored = async {
            let events = tx.object_store(EVENTS).map_err(|e| StoreError::from_idb(op, e))?;
            match counts(Counted::Store(&events), &keys, op)
                .await?
                .into_iter()
                .find(|(_, n)| *n == 0)
            {
                Some((id, _)) => Err(StoreError::new(op, "Gone", format!("event {id} is no longer stored"))),
                None => Ok(()),
            }
        };
        if let Err(e) = stored.await {
            let _ = tx.abort();
            return Err(e);
        }
        let mut requests = Requests::default();
        let issued = (|| {
            let events = tx.object_store(EVENTS)?;
            for id in ids {
                requests.watch(events.delete(JsValue::from_str(id.as_str()))?);
            }
            Ok::<(), idb::Error>(())
        })();
        settle(tx, issued, requests, op).await
    }

    /// One read-write transaction over `stores`: every command runs in exactly one.
    fn readwrite(&self, stores: &[&str], op: &'static str) -> Result<idb::Transaction, StoreError> {
        self.inner
            .transaction(stores, TransactionMode::ReadWrite)
            .map_err(|e| StoreError::from_idb(op, e))
    }

    /// Removes records by id in ONE transaction: all of them or, on any error, none. A record
    /// that anything stored still refers to (an invoice its customer, an event its invoice)
    /// is refused as `InUse`, also when the referring record is in `removal` itself.
    pub async fn remove(&self, removal: &Keys) -> Result<(), StoreError> {
        let op = "remove";
        let keys: [(&str, Vec<&str>); 2] = [
            (CUSTOMERS, removal.customers.iter().map(|id| id.as_str()).collect()),
            (INVOICES, removal.invoices.iter().map(|id| id.as_str()).collect()),
        ];
        // The transaction covers the stores that refer to the removed records too (invoices
        // refer to customers, events to invoices), so the check and the removal see the same
        // data.
        let mut scope = Vec::new();
        if !removal.customers.is_empty() {
            scope.extend([CUSTOMERS, INVOICES]);
        }
        if !removal.invoices.is_empty() {
            scope.extend([INVOICES, EVENTS]);
        }
        if scope.is_empty() {
            return Ok(());
        }
        scope.dedup();
        let tx = self.readwrite(&scope, op)?;
        if let Err(e) = require_unreferenced(&tx, removal, op).await {
            let _ = tx.abort();
            return Err(e);
        }
        let mut requests = Requests::default();
        let issued = (|| {
            for (store, ids) in &keys {
                if ids.is_empty() {
                    continue;
                }
                let object_store = tx.object_store(store)?;
                for id in ids {
                    requests.watch(object_store.delete(JsValue::from_str(id))?);
                }
            }
            Ok::<(), idb::Error>(())
        })();
        settle(tx, issued, requests, op).await
    }

    /// Replaces everything in ONE transaction: clears the three stores and writes `data`.
    /// Used to restore a backup; if any record fails, the old data stays exactly as it was.
    pub async fn replace_all(&self, data: &Stored) -> Result<(), StoreError> {
        let op = "restore";
        let [customers, invoices, events] = records(&data.customers, &data.invoices, &data.events, op)?;
        let tx = self.readwrite(&[CUSTOMERS, INVOICES, EVENTS], op)?;
        let mut requests = Requests::default();
        let issued = (|| {
            for (store, values) in [(CUSTOMERS, &customers), (INVOICES, &invoices), (EVENTS, &events)] {
                let object_store = tx.object_store(store)?;
                requests.watch(object_store.clear()?);
                for value in values {
                    requests.watch(object_store.add(value, None)?);
                }
            }
            Ok::<(), idb::Error>(())
        })();
        settle(tx, issued, requests, op).await
    }
}

/// The requests of one write transaction, kept so that a failed transaction can name the
/// DOM exception of the request that failed it (the transaction's own error event does not
/// carry it yet when it fires).
#[derive(Default)]
struct Requests(Vec<Box<dyn Fn() -> Option<web_sys::DomException>>>);

impl Requests {
    fn watch<R: Request + 'static>(&mut self, request: R) {
        self.0.push(Box::new(move || request.error().ok().flatten()));
    }

    fn first_error(&self) -> Option<web_sys::DomException> {
        self.0.iter().find_map(|error| error())
    }
}

/// Ends a write transaction: if issuing a request already failed, abort so nothing of the
/// command survives; otherwise wait for the browser's verdict on the whole transaction.
async fn settle(
    tx: idb::Transaction,
    issued: Result<(), idb::Error>,
    requests: Requests,
    op: &'static str,
) -> Result<(), StoreError> {
    if let Err(e) = issued {
        let _ = tx.abort();
        return Err(StoreError::from_idb(op, e));
    }
    finish(tx, op).await.map_err(|e| match requests.first_error() {
        Some(dom) => StoreError::new(op, dom.name(), dom.message()),
        None => e,
    })
}

/// The data as read from the database.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stored {
    pub customers: Vec<Customer>,
    pub invoices: Vec<Invoice>,
    pub events: Vec<Event>,
}

/// The pages read the data as the domain's borrowed slices.
impl<'a> From<&'a Stored> for Data<'a> {
    fn from(stored: &'a Stored) -> Data<'a> {
        Data {
            customers: &stored.customers,
            invoices: &stored.invoices,
            events: &stored.events,
        }
    }
}

/// What one user command writes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Changes {
    /// New customers, and edited ones (listed in `edits` too).
    pub customers: Vec<Customer>,
    /// New invoices, and edited ones (listed in `edits` too).
    pub invoices: Vec<Invoice>,
    pub events: Vec<Event>,
    /// The customers and invoices above that this command edits rather than creates. They
    /// must still be stored when it runs: a form opened before another tab removed its
    /// record would otherwise bring that record back.
    pub edits: Keys,
    /// The versions of edited records the command was made from, where the caller knows them
    /// (an edit form does). Each must still be stored exactly so when it runs: otherwise
    /// another tab saved the record in between, and writing over it would undo that save
    /// unseen.
    pub made_from: Versions,
}

/// Stored records as a command last saw them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Versions {
    pub customers: Vec<Customer>,
    pub invoices: Vec<Invoice>,
}

impl Changes {
    /// The stored records this command builds on: the ones it edits, and the ones its
    /// invoices and events point to, unless the command creates them itself.
    fn relies_on(&self) -> Keys {
        // The ids written here that `edits` does not list: records this command creates.
        fn created<'a, K: Eq + Hash>(written: impl Iterator<Item = &'a K>, edits: &[K]) -> HashSet<&'a K> {
            written.filter(|id| !edits.contains(id)).collect()
        }
        let created_customers = created(self.customers.iter().map(|c| &c.id), &self.edits.customers);
        let created_invoices = created(self.invoices.iter().map(|i| &i.id), &self.edits.invoices);
        let referred_customers = self
            .invoices
            .iter()
            .map(|i| &i.customer_id)
            .chain(self.events.iter().map(|e| &e.customer_id))
            .filter(|id| !created_customers.contains(id));
        let referred_invoices = self
            .events
            .iter()
            .flat_map(|e| &e.invoice_ids)
            .filter(|id| !created_invoices.contains(id));
        // Each id once: an import's thousand invoices may name one customer a thousand times.
        fn each_once<'a, T: Ord + Clone + 'a>(ids: impl Iterator<Item = &'a T>) -> Vec<T> {
            let mut ids: Vec<&T> = ids.collect();
            ids.sort_unstable();
            ids.dedup();
            ids.into_iter().cloned().collect()
        }
        Keys {
            customers: each_once(self.edits.customers.iter().chain(referred_customers)),
            invoices: each_once(self.edits.invoices.iter().chain(referred_invoices)),
        }
    }
}

/// Ids of customers and invoices: the records a command removes, or edits.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Keys {
    pub customers: Vec<CustomerId>,
    pub invoices: Vec<InvoiceId>,
}

/// How many records match each of `ids`, asked side by side inside `tx`'s transaction.
/// Checked there, a command decides on what is stored at this moment, not on what this tab
/// last read: another tab may have changed the data in between.
async fn counts<'a, T: AsRef<str>>(
    source: Counted<'_>,
    ids: &'a [T],
    op: &'static str,
) -> Result<Vec<(&'a str, u32)>, StoreError> {
    let error = |e| StoreError::from_idb(op, e);
    let requests = ids
        .iter()
        .map(|id| {
            let key = Some(Query::Key(JsValue::from_str(id.as_ref())));
            match &source {
                Counted::Store(store) => store.count(key),
                Counted::Index(index) => index.count(key),
            }
            .map(IntoFuture::into_future)
        })
        .collect::<Result<Vec<_>, _>>()
        .map_err(error)?;
    // Every request is already on its way; awaiting them in turn only collects the answers.
    let mut found = Vec::with_capacity(requests.len());
    for request in requests {
        found.push(request.await.map_err(error)?);
    }
    Ok(ids.iter().map(AsRef::as_ref).zip(found).collect())
}

/// Where [`counts`] looks: the records themselves, or an index of what refers to them.
enum Counted<'a> {
    Store(&'a idb::ObjectStore),
    Index(&'a idb::Index),
}

/// Fails unless every record of `keys` is stored, with the first missing one named.
async fn require_stored(tx: &idb::Transaction, keys: &Keys, op: &'static str) -> Result<(), StoreError> {
    let error = |e| StoreError::from_idb(op, e);
    for (store, ids, what) in [
        (
            CUSTOMERS,
            keys.customers.iter().map(|id| id.as_str()).collect::<Vec<_>>(),
            "customer",
        ),
        (
            INVOICES,
            keys.invoices.iter().map(|id| id.as_str()).collect(),
            "invoice",
        ),
    ] {
        if ids.is_empty() {
            continue;
        }
        let store = tx.object_store(store).map_err(error)?;
        if let Some((id, _)) = counts(Counted::Store(&store), &ids, op)
            .await?
            .into_iter()
            .find(|(_, n)| *n == 0)
        {
            return Err(StoreError::new(op, "Gone", format!("{what} {id} is no longer stored")));
        }
    }
    Ok(())
}

/// Fails as `Changed` unless every record of `versions` is stored exactly as given.
async fn require_unchanged(tx: &idb::Transaction, versions: &Versions, op: &'static str) -> Result<(), StoreError> {
    let customer_ids: Vec<&str> = versions.customers.iter().map(|c| c.id.as_str()).collect();
    let invoice_ids: Vec<&str> = versions.invoices.iter().map(|i| i.id.as_str()).collect();
    let customers = stored::<CustomerRecord>(tx, CUSTOMERS, &customer_ids, op).await?;
    let invoices = stored::<InvoiceRecord>(tx, INVOICES, &invoice_ids, op).await?;
    let customers_same = versions
        .customers
        .iter()
        .zip(customers)
        .all(|(seen, now)| now.map(Customer::from).as_ref() == Some(seen));
    let invoices_same = versions
        .invoices
        .iter()
        .zip(invoices)
        .all(|(seen, now)| now.map(Invoice::from).as_ref() == Some(seen));
    if customers_same && invoices_same {
        Ok(())
    } else {
        Err(StoreError::new(
            op,
            "Changed",
            "the record was saved elsewhere since it was read",
        ))
    }
}

/// Fails as `Taken` when an invoice of `written` has the number of another stored invoice, as
/// `invoice_form::unique_number_key` compares them (blank numbers never clash, as in a
/// backup). Forms and the import check this against what the
/// tab has read; checked here too, two tabs that save the same new number at the same moment
/// cannot both store it.
async fn require_free_numbers(tx: &idb::Transaction, written: &[Invoice], op: &'static str) -> Result<(), StoreError> {
    if written.is_empty() {
        return Ok(());
    }
    let stored = read_store::<InvoiceRecord>(tx, INVOICES, op).await?;
    let ids: HashSet<&str> = written.iter().map(|i| i.id.as_str()).collect();
    let taken: HashSet<String> = stored
        .iter()
        .filter(|record| !ids.contains(record.id.as_str()))
        .filter_map(|record| unique_number_key(&record.number))
        .collect();
    let clashes = |i: &&Invoice| unique_number_key(&i.number).is_some_and(|key| taken.contains(&key));
    match written.iter().find(clashes) {
        Some(invoice) => Err(StoreError::new(
            op,
            "Taken",
            format!("invoice number {} is stored already", invoice.number),
        )),
        None => Ok(()),
    }
}

/// The stored records of `ids` in `store`, in order, `None` where there is none; asked side by
/// side inside `tx`'s transaction.
async fn stored<T: DeserializeOwned>(
    tx: &idb::Transaction,
    store: &str,
    ids: &[&str],
    op: &'static str,
) -> Result<Vec<Option<T>>, StoreError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let error = |e| StoreError::from_idb(op, e);
    let store = tx.object_store(store).map_err(error)?;
    let requests = ids
        .iter()
        .map(|id| {
            store
                .get(Query::Key(JsValue::from_str(id)))
                .map(IntoFuture::into_future)
        })
        .collect::<Result<Vec<_>, _>>()
        .map_err(error)?;
    let found = js_sys::Array::new();
    for request in requests {
        found.push(&request.await.map_err(error)?.unwrap_or(JsValue::NULL));
    }
    from_js_all::<Option<T>>(&found, op)
}

/// Fails if anything stored refers to a record of `keys`: an invoice to a customer, an event
/// to an invoice. The tab that asked for the removal may not have seen it arrive.
async fn require_unreferenced(tx: &idb::Transaction, keys: &Keys, op: &'static str) -> Result<(), StoreError> {
    let error = |e| StoreError::from_idb(op, e);
    for (store, index, ids, what) in [
        (
            INVOICES,
            "by_customer",
            keys.customers.iter().map(|id| id.as_str()).collect::<Vec<_>>(),
            "customer",
        ),
        (
            EVENTS,
            "by_invoice",
            keys.invoices.iter().map(|id| id.as_str()).collect(),
            "invoice",
        ),
    ] {
        if ids.is_empty() {
            continue;
        }
        let index = tx.object_store(store).and_then(|s| s.index(index)).map_err(error)?;
        if let Some((id, _)) = counts(Counted::Index(&index), &ids, op)
            .await?
            .into_iter()
            .find(|(_, n)| *n > 0)
        {
            return Err(StoreError::new(op, "InUse", format!("{what} {id} is referred to")));
        }
    }
    Ok(())
}

/// Records per read while loading: large enough that the reads' overhead stays small, small
/// enough that parsing one batch overlaps with reading the next.
pub const READ_BATCH: u32 = 4000;

/// Every record of `store`, in key order, read in batches of [`READ_BATCH`].
///
/// The reads go through `web_sys` rather than `idb`: `idb` hands a batch over as a
/// `Vec<JsValue>`, which moves every record across the wasm boundary one by one (and back, to
/// build the array for `JSON.stringify`). Kept as one JS array, a batch crosses as one text.
async fn read_store<T: DeserializeOwned>(
    tx: &idb::Transaction,
    store: &str,
    op: &'static str,
) -> Result<Vec<T>, StoreError> {
    let object_store: web_sys::IdbObjectStore = tx.object_store(store).map_err(|e| StoreError::from_idb(op, e))?.into();
    let mut records = Vec::new();
    let mut read = BatchRead::start(&object_store, &JsValue::NULL, op)?;
    loop {
        let values = read.values(op).await?;
        let len = values.length();
        // The next batch starts after this one's last key; asking for it now keeps the
        // transaction busy (and alive) while this batch is parsed, and the browser reads
        // while wasm parses.
        let next = if len == READ_BATCH {
            let last = js_sys::Reflect::get(&values.get(len - 1), &JsValue::from_str("id"))
                .map_err(|e| StoreError::from_js(op, &e))?;
            let after =
                web_sys::IdbKeyRange::lower_bound_with_open(&last, true).map_err(|e| StoreError::from_js(op, &e))?;
            Some(BatchRead::start(&object_store, &after, op)?)
        } else {
            None
        };
        records.extend(from_js_all::<T>(&values, op)?);
        match next {
            Some(pending) => read = pending,
            None => return Ok(records),
        }
    }
}

/// One `getAll` request for up to [`READ_BATCH`] records after `query`, with its outcome
/// already being listened for: a result that arrives while the caller is busy is kept.
struct BatchRead {
    request: web_sys::IdbRequest,
    done: wasm_bindgen_futures::JsFuture,
}

impl BatchRead {
    fn start(store: &web_sys::IdbObjectStore, query: &JsValue, op: &'static str) -> Result<BatchRead, StoreError> {
        let request = store
            .get_all_with_key_and_limit(query, READ_BATCH)
            .map_err(|e| StoreError::from_js(op, &e))?;
        let promise = js_sys::Promise::new(&mut |resolve, reject| {
            request.set_onsuccess(Some(&resolve));
            request.set_onerror(Some(&reject));
        });
        Ok(BatchRead {
            request,
            done: promise.into(),
        })
    }

    /// The batch as one JS array; a failed read keeps the DOM exception's name and message.
    async fn values(self, op: &'static str) -> Result<js_sys::Array, StoreError> {
        if self.done.await.is_err() {
            return Err(match self.request.error() {
                Ok(Some(dom)) => StoreError::new(op, dom.name(), dom.message()),
                Ok(None) | Err(_) => StoreError::new(op, "UnknownError", "the read failed"),
            });
        }
        let result = self.request.result().map_err(|e| StoreError::from_js(op, &e))?;
        result
            .dyn_into::<js_sys::Array>()
            .map_err(|_| StoreError::new(op, "Corrupt", "a read did not return a list"))
    }
}

/// Waits for a transaction to commit; an abort counts as failure, so a caller never reports
/// success for data that was rolled back.
async fn finish(tx: idb::Transaction, operation: &'static str) -> Result<(), StoreError> {
    // A handle kept for after the wait, which consumes the transaction: a browser that runs
    // out of space while committing aborts the whole transaction with every request already
    // succeeded, and only the transaction's own error says why.
    let raw = web_sys::IdbTransaction::from(tx);
    let handle = raw.clone();
    let result = idb::Transaction::from(raw)
        .await
        .map_err(|e| StoreError::from_idb(operation, e))?;
    if result.is_committed() {
        return Ok(());
    }
    Err(match handle.error() {
        Some(dom) => StoreError::new(operation, dom.name(), dom.message()),
        None => StoreError::new(operation, "AbortError", "the transaction was aborted"),
    })
}

/// The records of one command as JS objects, one list per store.
fn records(
    customers: &[Customer],
    invoices: &[Invoice],
    events: &[Event],
    op: &'static str,
) -> Result<[Vec<JsValue>; 3], StoreError> {
    Ok([
        to_js_all(customers.iter().map(CustomerRecord::from), op)?,
        to_js_all(invoices.iter().map(InvoiceRecord::from), op)?,
        to_js_all(events.iter().map(EventRecord::from), op)?,
    ])
}

/// Converts records to plain JS objects through one JSON text and one `JSON.parse`. Crossing
/// the wasm boundary once per list instead of once per field makes a 10,000-record import
/// several times faster, and the records stay ordinary objects in the database.
fn to_js_all<T: Serialize>(records: impl Iterator<Item = T>, op: &'static str) -> Result<Vec<JsValue>, StoreError> {
    let records: Vec<T> = records.collect();
    if records.is_empty() {
        return Ok(Vec::new());
    }
    let json = serde_json::to_string(&records).map_err(|e| StoreError::new(op, "DataError", e.to_string()))?;
    let array: js_sys::Array = js_sys::JSON::parse(&json)
        .map_err(|e| StoreError::from_js(op, &e))?
        .into();
    Ok(array.to_vec())
}

/// The reverse of [`to_js_all`]: one `JSON.stringify`, then serde. A record that does not
/// fit its type fails the whole read as corrupt rather than being skipped silently.
fn from_js_all<T: DeserializeOwned>(array: &JsValue, op: &'static str) -> Result<Vec<T>, StoreError> {
    let json: String = js_sys::JSON::stringify(array)
        .map_err(|e| StoreError::from_js(op, &e))?
        .into();
    serde_json::from_str(&json).map_err(|e| StoreError::new(op, "Corrupt", e.to_string()))
}

/// The upgrade ladder: every rung takes the schema from version `n - 1` to `n`, and a database
/// at any old version climbs every rung above it in order.
fn upgrade(db: &Database, old_version: u32) -> Result<(), StoreError> {
    if old_version < 1 {
        create_v1(db).map_err(|e| StoreError::from_idb("upgrade to v1", e))?;
    }
    Ok(())
}

fn create_v1(db: &Database) -> Result<(), idb::Error> {
    let by_id = || {
        let mut params = ObjectStoreParams::new();
        params.key_path(Some(KeyPath::new_single("id")));
        params
    };
    db.create_object_store(CUSTOMERS, by_id())?;
    let invoices = db.create_object_store(INVOICES, by_id())?;
    invoices.create_index("by_customer", KeyPath::new_single("customer_id"), None)?;
    invoices.create_index("by_due_date", KeyPath::new_single("due_date"), None)?;
    let events = db.create_object_store(EVENTS, by_id())?;
    let mut multi = IndexParams::new();
    multi.multi_entry(true);
    events.create_index("by_invoice", KeyPath::new_single("invoice_ids"), Some(multi))?;
    let mut meta = ObjectStoreParams::new();
    meta.key_path(Some(KeyPath::new_single("key")));
    db.create_object_store(META, meta)?;
    Ok(())
}
