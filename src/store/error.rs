//! Storage errors that keep what the browser said, and say it again in the user's language.

use std::fmt;

use wasm_bindgen::{JsCast, JsValue};

use crate::domain::model::Lang;

/// What kind of failure it was, as far as the user needs to know.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoreErrorKind {
    /// The browser refused more data (`QuotaExceededError`).
    StorageFull,
    /// The data was written by a newer version of the app than this one.
    NewerVersion,
    /// IndexedDB is missing or forbidden, as in some private browsing modes.
    Unavailable,
    /// A stored record could not be read back into the app's types.
    Corrupt,
    /// The command builds on a record that is no longer stored: another tab removed it.
    Gone,
    /// The record to remove is referred to by another: another tab added that one.
    InUse,
    /// The record to save was saved by another tab since this one read it.
    Changed,
    /// The invoice number to save was stored by another tab in the meantime.
    Taken,
    /// Anything else the browser reported.
    Other,
}

/// A failed storage operation. `name` and `message` are the DOM exception's own, kept
/// verbatim for diagnosis; [`StoreError::user_message`] is what the user reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoreError {
    pub kind: StoreErrorKind,
    pub operation: &'static str,
    pub name: String,
    pub message: String,
}

impl StoreError {
    pub fn new(operation: &'static str, name: impl Into<String>, message: impl Into<String>) -> StoreError {
        let name = name.into();
        let message = message.into();
        let kind = match name.as_str() {
            "QuotaExceededError" => StoreErrorKind::StorageFull,
            "VersionError" => StoreErrorKind::NewerVersion,
            "SecurityError" | "NotAllowedError" | "Unavailable" => StoreErrorKind::Unavailable,
            // Some private windows refuse to open the database this way. Later, the same name
            // means a connection that is closing, which is no question of permission.
            "InvalidStateError" if operation == "open" => StoreErrorKind::Unavailable,
            // Chromium's answer when the user blocks site data has no name of its own.
            "UnknownError" if message.contains("denied") => StoreErrorKind::Unavailable,
            "DataError" | "Corrupt" => StoreErrorKind::Corrupt,
            "Gone" => StoreErrorKind::Gone,
            "InUse" => StoreErrorKind::InUse,
            "Changed" => StoreErrorKind::Changed,
            "Taken" => StoreErrorKind::Taken,
            _ => StoreErrorKind::Other,
        };
        StoreError {
            kind,
            operation,
            name,
            message,
        }
    }

    /// Reads name and message from whatever the browser threw: a `DOMException`, a JS `Error`,
    /// or a bare value.
    pub fn from_js(operation: &'static str, value: &JsValue) -> StoreError {
        if let Some(e) = value.dyn_ref::<web_sys::DomException>() {
            return StoreError::new(operation, e.name(), e.message());
        }
        if let Some(e) = value.dyn_ref::<js_sys::Error>() {
            return StoreError::new(operation, String::from(e.name()), String::from(e.message()));
        }
        let text = value.as_string().unwrap_or_else(|| format!("{value:?}"));
        StoreError::new(operation, "Error", text)
    }

    pub fn from_idb(operation: &'static str, error: idb::Error) -> StoreError {
        use idb::Error as E;
        match &error {
            E::DomException(e) => StoreError::new(operation, e.name(), e.message()),
            E::AddFailed(v)
            | E::GetFailed(v)
            | E::GetAllFailed(v)
            | E::DeleteFailed(v)
            | E::ClearFailed(v)
            | E::CountFailed(v)
            | E::IndexedDbOpenFailed(v)
            | E::IndexedDbNotFound(v)
            | E::ObjectStoreCreateFailed(v)
            | E::IndexCreateFailed(v)
            | E::TransactionOpenFailed(v)
            | E::TransactionCommitError(v)
            | E::TransactionAbortError(v)
            | E::UpdateFailed(v) => StoreError::from_js(operation, v),
            other => StoreError::new(operation, "Error", other.to_string()),
        }
    }

    /// A sentence for the user: what happened and what to do, with the browser's own words for
    /// diagnosis. Nothing was changed when this is shown, because every write runs in one
    /// transaction; the kinds a write can meet say so.
    pub fn user_message(&self, lang: Lang) -> String {
        let (nl, en, unchanged) = self.words();
        let unchanged = if unchanged {
            lang.pick(" Er is niets gewijzigd.", " Nothing was changed.")
        } else {
            ""
        };
        format!("{} ({}){unchanged}", lang.pick(nl, en), self.technical())
    }

    /// [`StoreError::user_message`] without "nothing was changed", for a refusal box that says
    /// that itself (`ui::widgets::Refusal`), so the sentence does not show twice.
    pub fn refusal_reason(&self, lang: Lang) -> String {
        let (nl, en, _) = self.words();
        format!("{} ({})", lang.pick(nl, en), self.technical())
    }

    /// The DOM exception's name and message, for whoever helps the user; a browser that gives
    /// no message gets no dangling colon.
    fn technical(&self) -> String {
        if self.message.trim().is_empty() {
            self.name.clone()
        } else {
            format!("{}: {}", self.name, self.message)
        }
    }

    /// What the user reads, in Dutch and English, and whether "nothing was changed" belongs
    /// after it.
    fn words(&self) -> (&'static str, &'static str, bool) {
        match self.kind {
            StoreErrorKind::StorageFull => (
                "De opslag van deze browser is vol. Maak ruimte vrij of maak een back-up en verwijder oude gegevens.",
                "This browser's storage is full. Free up space, or make a backup and remove old data.",
                true,
            ),
            StoreErrorKind::NewerVersion => (
                "Je gegevens zijn opgeslagen door een nieuwere versie van de app. Laad de pagina opnieuw om die versie te krijgen.",
                "Your data was saved by a newer version of the app. Reload the page to get that version.",
                true,
            ),
            StoreErrorKind::Unavailable => (
                "Deze browser staat geen opslag toe (bijvoorbeeld in een privévenster, of omdat sitegegevens geblokkeerd zijn). Open de app in een gewoon venster of sta sitegegevens toe om je gegevens te bewaren.",
                "This browser does not allow storage (for example in a private window, or because site data is blocked). Open the app in a normal window, or allow site data, to keep your data.",
                false,
            ),
            StoreErrorKind::Corrupt => (
                "Opgeslagen gegevens konden niet worden gelezen.",
                "Stored data could not be read.",
                true,
            ),
            StoreErrorKind::Gone => (
                "Dit is intussen verwijderd, bijvoorbeeld in een ander tabblad, en wordt niet teruggezet.",
                "This was removed in the meantime, in another tab for example, and is not brought back.",
                true,
            ),
            StoreErrorKind::InUse => (
                "Hier is intussen iets aan gekoppeld, bijvoorbeeld in een ander tabblad, dus het blijft bewaard.",
                "Something was linked to this in the meantime, in another tab for example, so it stays.",
                true,
            ),
            StoreErrorKind::Changed => (
                "Dit is intussen ook ergens anders opgeslagen, bijvoorbeeld in een ander tabblad. Het formulier neemt die wijziging over waar jij niets veranderde: kijk het na en sla opnieuw op.",
                "This was also saved elsewhere in the meantime, in another tab for example. The form takes that change over where you changed nothing: check it and save again.",
                true,
            ),
            StoreErrorKind::Taken => (
                "Dit factuurnummer is intussen aan een andere factuur gegeven, bijvoorbeeld in een ander tabblad. Kies een ander nummer.",
                "This invoice number was given to another invoice in the meantime, in another tab for example. Choose another number.",
                true,
            ),
            StoreErrorKind::Other => (
                "Opslaan of lezen is mislukt.",
                "Saving or reading failed.",
                true,
            ),
        }
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} failed: {}: {}", self.operation, self.name, self.message)
    }
}

impl std::error::Error for StoreError {}
