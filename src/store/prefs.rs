//! Small preferences and the engine settings in localStorage. Reading never fails the app: a
//! missing, blocked or garbled value falls back to the default, and the caller is told so
//! where it matters.

use chrono::NaiveDate;

use crate::domain::dates;
use crate::domain::model::{Lang, Settings};
use crate::store::StoreError;

const LANG_KEY: &str = "factuurwacht.lang";
/// The version is part of the key: a future shape gets a new key and reads this one once.
const SETTINGS_KEY: &str = "factuurwacht.settings.v1";
const LAST_BACKUP_KEY: &str = "factuurwacht.last-backup";
const FIRST_USE_KEY: &str = "factuurwacht.first-use";

/// The page's localStorage, or why there is none. A browser that blocks site data throws on
/// the mere access (`SecurityError`): the app must still start, and say why nothing is kept.
fn storage(op: &'static str) -> Result<web_sys::Storage, StoreError> {
    let window = web_sys::window().ok_or_else(|| StoreError::new(op, "Unavailable", "no window"))?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(storage),
        Ok(None) => Err(StoreError::new(op, "Unavailable", "no localStorage")),
        Err(e) => Err(StoreError::from_js(op, &e)),
    }
}

fn get(key: &str) -> Option<String> {
    storage("read settings").ok()?.get_item(key).ok().flatten()
}

/// Stores one value. A refusal keeps the browser's own error name, so a full disk reads as
/// one (`QuotaExceededError`) to the user.
fn set(key: &str, value: &str) -> Result<(), StoreError> {
    let op = "save settings";
    storage(op)?
        .set_item(key, value)
        .map_err(|e| StoreError::from_js(op, &e))
}

/// The language the user chose last time; Dutch when there is no valid choice stored.
pub fn language() -> Lang {
    get(LANG_KEY)
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or_default()
}

/// Remembers the language. A refusal (storage disabled) only means the choice is not kept
/// for the next visit, so it is reported but not fatal.
pub fn set_language(lang: Lang) -> Result<(), StoreError> {
    set(LANG_KEY, lang.code())
}

/// Stored settings exist but cannot be read (edited by hand, or written by a newer app).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnreadableSettings;

/// The settings the engine reads; the defaults when none were ever saved. An unreadable value
/// is reported, not replaced, so the app can say why the settings look reset and the stored
/// value stays until the user saves new settings.
pub fn settings() -> Result<Settings, UnreadableSettings> {
    match get(SETTINGS_KEY) {
        None => Ok(Settings::default()),
        Some(json) => serde_json::from_str(&json).map_err(|_| UnreadableSettings),
    }
}

pub fn set_settings(settings: &Settings) -> Result<(), StoreError> {
    let json =
        serde_json::to_string(settings).map_err(|e| StoreError::new("save settings", "DataError", e.to_string()))?;
    set(SETTINGS_KEY, &json)
}

/// Settings to be stored once a larger change (a restore) has committed in the database.
/// Preparing writes them under a scratch key first, which proves the space is there; the
/// real key is only written after the database said yes, so a reload or a refusal in between
/// leaves the settings as they were.
pub struct PendingSettings(String);

const PENDING_SETTINGS_KEY: &str = "factuurwacht.settings.pending";

pub fn prepare_settings(settings: &Settings) -> Result<PendingSettings, StoreError> {
    let json =
        serde_json::to_string(settings).map_err(|e| StoreError::new("save settings", "DataError", e.to_string()))?;
    set(PENDING_SETTINGS_KEY, &json)?;
    Ok(PendingSettings(json))
}

impl PendingSettings {
    /// Stores the settings. The scratch copy goes first, so its space is free for them.
    pub fn commit(self) -> Result<(), StoreError> {
        drop_pending();
        set(SETTINGS_KEY, &self.0)
    }

    /// The larger change failed: the settings stay as they were.
    pub fn abandon(self) {
        drop_pending();
    }
}

fn drop_pending() {
    // A scratch copy left behind is never read, so a failure to remove it only costs space.
    if let Ok(storage) = storage("save settings") {
        let _ = storage.remove_item(PENDING_SETTINGS_KEY);
    }
}

pub fn last_backup() -> Option<NaiveDate> {
    get(LAST_BACKUP_KEY).and_then(|s| dates::parse_iso_text(&s))
}

pub fn set_last_backup(date: NaiveDate) -> Result<(), StoreError> {
    set(LAST_BACKUP_KEY, &dates::iso_text(date))
}

/// The day the app was first used on this device, recorded on the first call, so "30 days
/// without a backup" can be counted for someone who never made one.
pub fn first_use(today: NaiveDate) -> NaiveDate {
    match get(FIRST_USE_KEY).and_then(|s| dates::parse_iso_text(&s)) {
        Some(date) => date,
        None => {
            let _ = set(FIRST_USE_KEY, &dates::iso_text(today));
            today
        }
    }
}
