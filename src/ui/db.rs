//! One shared database connection for the whole UI, opened on first use.

use std::cell::RefCell;
use std::rc::Rc;

use crate::store::{Db, StoreError, DB_NAME};

thread_local! {
    static DB: RefCell<Option<Rc<Db>>> = const { RefCell::new(None) };
}

/// The app's database, opening it the first time. A failed open is not cached, so the next
/// call tries again (for example after the user closed a blocking tab).
pub async fn db() -> Result<Rc<Db>, StoreError> {
    if let Some(db) = DB.with(|cell| cell.borrow().clone()) {
        return Ok(db);
    }
    let db = Rc::new(Db::open(DB_NAME).await?);
    DB.with(|cell| *cell.borrow_mut() = Some(db.clone()));
    Ok(db)
}
