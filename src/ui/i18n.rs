//! Every string the app shell shows, in Dutch and English side by side, so a string cannot
//! exist in one language only: the compiler wants both halves of each pair.

use leptos::prelude::*;

use crate::domain::model::Lang;

/// The language the interface speaks, shared by every component through context.
#[derive(Clone, Copy)]
pub struct I18n(pub RwSignal<Lang>);

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

impl I18n {
    pub fn lang(self) -> Lang {
        self.0.get()
    }

    /// Switches the interface to `lang` and remembers it for the next visit. A refusal to
    /// remember (storage disabled) only costs the next visit its choice, so it is logged.
    pub fn choose(self, lang: Lang) {
        self.0.set(lang);
        if let Err(e) = crate::store::prefs::set_language(lang) {
            leptos::logging::warn!("language not remembered: {e}");
        }
    }

    /// A reactive lookup: re-renders wherever it is used when the language changes.
    pub fn t(self, key: Key) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || text(self.0.get(), key)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    ProductTagline,
    SkipToContent,
    NavLabel,
    NavToday,
    NavInvoices,
    NavCustomers,
    NavSettings,
    SwitchLanguage,
    TodayTitle,
    TodayEmpty,
    TodayEmptyHint,
    InvoicesTitle,
    InvoicesEmpty,
    CustomersTitle,
    CustomersEmpty,
    Loading,
    SettingsTitle,
    SettingsLanguage,
    SettingsLanguageHint,
    SettingsPrivacy,
    StorageTitle,
    StoragePersistent,
    StorageNotPersistent,
    StorageUnknown,
    StorageUsed,
    StorageAsk,
    NotFoundTitle,
    NotFoundBody,
    BackToToday,
}

pub fn text(lang: Lang, key: Key) -> &'static str {
    let (nl, en) = match key {
        Key::ProductTagline => ("Betaald krijgen, vriendelijk en op tijd", "Get paid, kindly and on time"),
        Key::SkipToContent => ("Naar de inhoud", "Skip to content"),
        Key::NavLabel => ("Hoofdmenu", "Main menu"),
        Key::NavToday => ("Vandaag", "Today"),
        Key::NavInvoices => ("Facturen", "Invoices"),
        Key::NavCustomers => ("Klanten", "Customers"),
        Key::NavSettings => ("Instellingen", "Settings"),
        // The switch is labelled in the language it switches to, so a user who cannot read
        // the current one still finds it.
        Key::SwitchLanguage => ("English", "Nederlands"),
        Key::TodayTitle => ("Vandaag", "Today"),
        Key::TodayEmpty => ("Er staat vandaag niets voor je klaar.", "There is nothing for you to do today."),
        Key::TodayEmptyHint => (
            "Zodra je klanten en openstaande facturen hebt ingevoerd, zie je hier elke dag welke herinnering, welk telefoontje of welke brief aan de beurt is.",
            "Once you have entered customers and unpaid invoices, this page shows each day which reminder, call or letter is due.",
        ),
        Key::InvoicesTitle => ("Facturen", "Invoices"),
        Key::InvoicesEmpty => ("Je hebt nog geen facturen ingevoerd.", "You have not entered any invoices yet."),
        Key::CustomersTitle => ("Klanten", "Customers"),
        Key::CustomersEmpty => ("Je hebt nog geen klanten ingevoerd.", "You have not entered any customers yet."),
        Key::Loading => ("Bezig met laden…", "Loading…"),
        Key::SettingsTitle => ("Instellingen", "Settings"),
        Key::SettingsLanguage => ("Taal", "Language"),
        Key::SettingsLanguageHint => (
            "De taal van de app. Berichten aan klanten volgen de taal van de klant.",
            "The language of the app. Messages to customers follow the customer's language.",
        ),
        Key::SettingsPrivacy => (
            "Al je gegevens blijven op dit apparaat, in deze browser. Niets wordt naar een server gestuurd.",
            "All your data stays on this device, in this browser. Nothing is sent to any server.",
        ),
        Key::StorageTitle => ("Opslag op dit apparaat", "Storage on this device"),
        Key::StoragePersistent => (
            "De browser bewaart je gegevens blijvend: alleen jij kunt ze wissen.",
            "The browser keeps your data persistently: only you can delete it.",
        ),
        Key::StorageNotPersistent => (
            "De browser mag je gegevens wissen als de schijf vol raakt. Vraag om blijvende opslag en maak regelmatig een back-up.",
            "The browser may delete your data when the disk fills up. Ask for persistent storage and make regular backups.",
        ),
        Key::StorageUnknown => (
            "Deze browser zegt niet of je gegevens blijvend bewaard worden. Maak regelmatig een back-up.",
            "This browser does not say whether your data is kept persistently. Make regular backups.",
        ),
        Key::StorageUsed => ("In gebruik", "In use"),
        Key::StorageAsk => ("Vraag om blijvende opslag", "Ask for persistent storage"),
        Key::NotFoundTitle => ("Pagina niet gevonden", "Page not found"),
        Key::NotFoundBody => ("Deze pagina bestaat niet (meer).", "This page does not exist (any more)."),
        Key::BackToToday => ("Terug naar Vandaag", "Back to Today"),
    };
    lang.pick(nl, en)
}

/// A one-off pair of texts, for a component's own sentences: both languages are written side
/// by side at the call, so neither can be forgotten.
pub fn tr(lang: Lang, nl: &'static str, en: &'static str) -> &'static str {
    lang.pick(nl, en)
}
