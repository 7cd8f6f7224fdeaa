//! Everything the app keeps in the browser: the dossier in IndexedDB, small preferences in
//! localStorage. Domain types never reach IndexedDB directly: they are converted to versioned
//! records at this boundary, so a change to the domain cannot silently change stored data.

mod db;
mod error;
pub mod persistence;
pub mod prefs;
mod records;

pub use db::{Changes, Db, Keys, Stored, DB_NAME, READ_BATCH, SCHEMA_VERSION};
pub use error::{StoreError, StoreErrorKind};
