//! One shared database connection for the whole UI, opened on first use.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;

use crate::store::{Db, StoreError, DB_NAME};

thread_local! {
    static DB: RefCell<Option<Rc<Db>>> = const { RefCell::new(None) };
    static OUTDATED: RefCell<Option<RwSignal<bool>>> = const { RefCell::new(None) };
}

/// Where to say that another tab opened a newer version of the app.
pub fn report_outdated_to(signal: RwSignal<bool>) {
    OUTDATED.with(|cell| *cell.borrow_mut() = Some(signal));
}

/// The app's database, opening it the first time. A failed open is not cached, so the next
/// call tries again (for example after the user closed a blocking tab).
pub async fn db() -> Result<Rc<Db>, StoreError> {
    if let Some(db) = DB.with(|cell| cell.borrow().clone()) {
        return Ok(db);
    }
    let db = Rc::new(Db::open(DB_NAME, on_outdated).await?);
    DB.with(|cell| *cell.borrow_mut() = Some(db.clone()));
    Ok(db)
}

/// The connection has closed itself for a newer version in another tab. It is forgotten, so
/// a later command reopens and gets the browser's clear refusal instead of a closed handle.
fn on_outdated() {
    DB.with(|cell| *cell.borrow_mut() = None);
    if let Some(signal) = OUTDATED.with(|cell| *cell.borrow()) {
        signal.set(true);
    }
}
