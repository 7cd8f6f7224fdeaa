//! Everything the app keeps in the browser: the dossier in IndexedDB, small preferences in
//! localStorage. Invoices, customers and events are converted to versioned records at this
//! boundary. The small enums inside them keep their serde shape, which tests pin (every event
//! kind natively, and a stored version-1 fixture in the browser tests), so a change to the
//! domain cannot silently change stored data.

mod db;
mod error;
pub mod persistence;
pub mod prefs;
mod records;

pub use db::{Changes, Db, Keys, Stored, Versions, DB_NAME, READ_BATCH, SCHEMA_VERSION};
pub use error::{StoreError, StoreErrorKind};
