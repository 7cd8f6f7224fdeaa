//! The IndexedDB database: its schema, the upgrade ladder, and transactional commands.

use idb::{Database, DatabaseEvent, Factory, IndexParams, KeyPath, ObjectStoreParams, TransactionMode};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::JsValue;

use super::error::StoreError;
use super::records::CustomerRecord;
use crate::domain::model::Customer;

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
    pub async fn open(name: &str) -> Result<Db, StoreError> {
        let factory = Factory::new().map_err(|e| StoreError::from_idb("open", e))?;
        let mut request = factory
            .open(name, Some(SCHEMA_VERSION))
            .map_err(|e| StoreError::from_idb("open", e))?;
        request.on_upgrade_needed(|event| {
            // An error here aborts the version-change transaction, which leaves the old
            // schema and data untouched; the open request then fails with that error.
            let old = event.old_version().unwrap_or(0);
            if let Ok(db) = event.database() {
                if let Err(e) = upgrade(&db, old) {
                    web_sys::console::error_1(&JsValue::from_str(&e.to_string()));
                }
            }
        });
        let inner = request.await.map_err(|e| StoreError::from_idb("open", e))?;
        Ok(Db { inner })
    }

    pub fn close(&self) {
        self.inner.close();
    }

    /// Adds or replaces one customer, in its own transaction.
    pub async fn put_customer(&self, customer: &Customer) -> Result<(), StoreError> {
        let record = CustomerRecord::from(customer);
        self.put(CUSTOMERS, &record, "save customer").await
    }

    pub async fn customers(&self) -> Result<Vec<Customer>, StoreError> {
        let records: Vec<CustomerRecord> = self.get_all(CUSTOMERS, "read customers").await?;
        Ok(records.into_iter().map(Customer::from).collect())
    }

    async fn put<T: Serialize>(&self, store: &str, record: &T, operation: &'static str) -> Result<(), StoreError> {
        let value = to_js(record, operation)?;
        let tx = self
            .inner
            .transaction(&[store], TransactionMode::ReadWrite)
            .map_err(|e| StoreError::from_idb(operation, e))?;
        let object_store = tx.object_store(store).map_err(|e| StoreError::from_idb(operation, e))?;
        object_store
            .put(&value, None)
            .map_err(|e| StoreError::from_idb(operation, e))?
            .await
            .map_err(|e| StoreError::from_idb(operation, e))?;
        finish(tx, operation).await
    }

    async fn get_all<T: DeserializeOwned>(&self, store: &str, operation: &'static str) -> Result<Vec<T>, StoreError> {
        let tx = self
            .inner
            .transaction(&[store], TransactionMode::ReadOnly)
            .map_err(|e| StoreError::from_idb(operation, e))?;
        let object_store = tx.object_store(store).map_err(|e| StoreError::from_idb(operation, e))?;
        let values = object_store
            .get_all(None, None)
            .map_err(|e| StoreError::from_idb(operation, e))?
            .await
            .map_err(|e| StoreError::from_idb(operation, e))?;
        values
            .into_iter()
            .map(|v| {
                serde_wasm_bindgen::from_value(v).map_err(|e| StoreError::new(operation, "Corrupt", e.to_string()))
            })
            .collect()
    }
}

/// Waits for a transaction to commit; an abort counts as failure, so a caller never reports
/// success for data that was rolled back.
async fn finish(tx: idb::Transaction, operation: &'static str) -> Result<(), StoreError> {
    let result = tx.await.map_err(|e| StoreError::from_idb(operation, e))?;
    if result.is_committed() {
        Ok(())
    } else {
        Err(StoreError::new(operation, "AbortError", "the transaction was aborted"))
    }
}

fn to_js<T: Serialize>(record: &T, operation: &'static str) -> Result<JsValue, StoreError> {
    // Maps become plain objects so the records are ordinary JS objects in the database.
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    record
        .serialize(&serializer)
        .map_err(|e| StoreError::new(operation, "DataError", e.to_string()))
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
