//! Small preferences in localStorage. Reading never fails the app: a missing, blocked or
//! garbled value falls back to the default.

use gloo_storage::{LocalStorage, Storage};

use crate::domain::model::Lang;

const LANG_KEY: &str = "factuurwacht.lang";

/// The language the user chose last time; Dutch when there is no valid choice stored.
pub fn language() -> Lang {
    LocalStorage::raw()
        .get_item(LANG_KEY)
        .ok()
        .flatten()
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or_default()
}

/// Remembers the language. A refusal (storage disabled) only means the choice is not kept
/// for the next visit, so it is reported but not fatal.
pub fn set_language(lang: Lang) -> Result<(), String> {
    LocalStorage::raw()
        .set_item(LANG_KEY, lang.code())
        .map_err(|e| format!("{e:?}"))
}
