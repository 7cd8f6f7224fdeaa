//! The Leptos interface: the app shell, one module per route. Components hold signals that
//! wrap domain values; domain types never hold signals.

mod base;
mod browser;
mod clock;
mod db;
mod drafts;
mod i18n;
mod routes;
mod state;
mod update;
mod widgets;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::hooks::use_location;
use leptos_router::path;
use wasm_bindgen::JsCast;

use crate::domain::model::Lang;
use crate::store::prefs;
use crate::ui::state::use_app_state;
use i18n::{use_i18n, I18n, Key};

#[component]
pub fn App() -> impl IntoView {
    let lang = RwSignal::new(prefs::language());
    provide_context(I18n(lang));
    let app_state = state::AppState::provide();
    let update_ready = RwSignal::new(false);
    update::register(update_ready);

    // The page's own language follows the app's, for screen readers and hyphenation.
    Effect::new(move |_| {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.get().code());
        }
    });
    // End-to-end tests wait for this marker: it is set only after the first render ran, so a
    // page that died during start-up never looks ready.
    Effect::new(move |_| {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-app", "ready");
        }
    });

    view! {
        <Router base=base::router_base()>
            // The document's <base> makes "#main" a link to the start page, so the jump is
            // done here: focus moves to the content of the page the user is on.
            <a class="skip-link" href="#main" on:click=skip_to_content>{use_i18n().t(Key::SkipToContent)}</a>
            <PageAnnouncer/>
            <Header/>
            <routes::backup::BackupNudge/>
            {move || app_state.outdated.get().then(|| view! { <OutdatedBanner/> })}
            {move || app_state.settings_reset.get().then(|| view! { <SettingsResetBanner/> })}
            // A live region on the page before the banner, so a screen reader reads it out.
            <div role="status" data-testid="update-region">
                {move || update_ready.get().then(|| view! { <update::UpdateBanner/> })}
            </div>
            <main id="main" tabindex="-1">
                <Routes fallback=routes::not_found::NotFound>
                    <Route path=path!("/") view=routes::today::Today/>
                    <Route path=path!("/invoices") view=routes::invoices::Invoices/>
                    <Route path=path!("/invoices/new") view=routes::invoice_edit::NewInvoice/>
                    <Route path=path!("/invoices/:id") view=routes::invoice::InvoicePage/>
                    <Route path=path!("/invoices/:id/edit") view=routes::invoice_edit::EditInvoice/>
                    <Route path=path!("/dossier/invoice/:id") view=routes::dossier::InvoiceDossier/>
                    <Route path=path!("/dossier/customer/:id") view=routes::dossier::CustomerDossier/>
                    <Route path=path!("/customers") view=routes::customers::Customers/>
                    // Routes are tried in order: "new" must come before it would be read as
                    // a customer id.
                    <Route path=path!("/customers/new") view=routes::customer_form::NewCustomer/>
                    <Route path=path!("/customers/:id") view=routes::customer::CustomerPage/>
                    <Route path=path!("/customers/:id/edit") view=routes::customer_form::EditCustomer/>
                    <Route path=path!("/settings") view=routes::settings::Settings/>
                    <Route path=path!("/about") view=routes::about::About/>
                    <Route path=path!("/compose/:invoice") view=routes::compose::Compose/>
                </Routes>
            </main>
            <Footer/>
        </Router>
    }
}

#[component]
fn Header() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let switch = move |_| {
        // The switch rebuilds the screen, which would lose a half-typed form: ask first.
        if state.typing.get_untracked()
            && !browser::confirm(i18n.lang().pick(
                "Wat je in het formulier typte, is nog niet bewaard en gaat verloren als je van taal wisselt. Toch wisselen?",
                "What you typed in the form is not saved yet and is lost if you switch language. Switch anyway?",
            ))
        {
            return;
        }
        i18n.choose(match i18n.lang() {
            Lang::Nl => Lang::En,
            Lang::En => Lang::Nl,
        })
    };
    let nav = [
        ("/", Key::NavToday),
        ("/invoices", Key::NavInvoices),
        ("/customers", Key::NavCustomers),
        ("/settings", Key::NavSettings),
    ];
    view! {
        <header class="app-header">
            <div class="brand">
                <A href=base::href("/")>
                    <span class="brand-name">"Factuurwacht"</span>
                </A>
                <span class="brand-tagline">{i18n.t(Key::ProductTagline)}</span>
            </div>
            <nav aria-label=i18n.t(Key::NavLabel)>
                <ul>
                    {nav
                        .into_iter()
                        .map(|(path, key)| {
                            view! {
                                <li>
                                    // A section stays marked on its sub-pages (a new invoice,
                                    // a customer); Today is only the start page itself.
                                    <A href=base::href(path) exact=path == "/">
                                        {i18n.t(key)}
                                    </A>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </nav>
            // The button names the other language in that language, and says so to screen readers.
            <button type="button" class="lang-switch" on:click=switch data-testid="lang-switch"
                lang=move || match i18n.lang() { Lang::Nl => "en", Lang::En => "nl" }>
                {i18n.t(Key::SwitchLanguage)}
            </button>
        </header>
    }
}

/// One quiet line under every page: where the data lives, and the page that explains it.
#[component]
fn Footer() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <footer class="app-footer">
            <span>{move || i18n::tr(i18n.lang(), "Je gegevens blijven op dit apparaat.", "Your data stays on this device.")}</span>
            " "
            <A href=base::href("/about") attr:data-testid="about-link">{move || i18n::tr(i18n.lang(), "Over de app en privacy", "About and privacy")}</A>
        </footer>
    }
}

/// Another tab runs a newer version: this one must reload before it can save anything.
#[component]
fn OutdatedBanner() -> impl IntoView {
    let i18n = use_i18n();
    let reload = |_| {
        let _ = window().location().reload();
    };
    view! {
        <div class="nudge" role="alert" data-testid="outdated">
            {move || i18n::tr(
                i18n.lang(),
                "In een ander tabblad is een nieuwere versie van de app geopend. Laad deze pagina opnieuw om verder te werken.",
                "A newer version of the app was opened in another tab. Reload this page to continue.",
            )}
            " "
            <button type="button" on:click=reload>
                {move || i18n::tr(i18n.lang(), "Opnieuw laden", "Reload")}
            </button>
        </div>
    }
}

/// The stored settings could not be read, so drafts and amounts use the defaults (no IBAN,
/// no interest): the user must know before sending anything, and the stored value stays
/// until new settings are saved.
#[component]
fn SettingsResetBanner() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="nudge" role="alert" data-testid="settings-reset">
            {move || i18n::tr(
                i18n.lang(),
                "Je instellingen konden niet worden gelezen. Tot je ze opnieuw opslaat, gebruikt de app de standaardinstellingen, zonder je bedrijfsgegevens en IBAN.",
                "Your settings could not be read. Until you save them again, the app uses the default settings, without your business details and IBAN.",
            )}
            " "
            <a href=base::href("/settings")>{move || i18n::tr(i18n.lang(), "Naar Instellingen", "Go to Settings")}</a>
        </div>
    }
}

/// Moves focus to the page's content instead of following the link.
fn skip_to_content(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    ev.stop_propagation();
    if let Some(main) = main_element() {
        let _ = main.focus();
    }
}

/// Tells assistive technology where the user is: the document title follows the page's main
/// heading (which may change as the page's data arrives), and after a navigation the focus
/// moves to the new page's content instead of staying on a link that may be gone.
#[component]
fn PageAnnouncer() -> impl IntoView {
    let location = use_location();
    let first_page = StoredValue::new(true);
    Effect::new(move |_| {
        // Read, not only tracked: the effect must run again on every new path.
        let _path = location.pathname.get();
        // On the first page the browser's own focus order starts at the skip link; only a
        // navigation inside the app needs a hand.
        if first_page.get_value() {
            first_page.set_value(false);
            return;
        }
        request_animation_frame(|| {
            if let Some(main) = main_element() {
                let _ = main.focus();
            }
        });
    });
    Effect::new(move |_| {
        let Some(main) = main_element() else {
            return;
        };
        let retitle = || {
            let heading = main_element()
                .and_then(|m| m.query_selector("h1").ok().flatten())
                .and_then(|h| h.text_content())
                .map(|text| text.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|text| !text.is_empty());
            let title = match heading {
                Some(heading) => format!("{heading} · Factuurwacht"),
                None => "Factuurwacht".to_owned(),
            };
            if document().title() != title {
                document().set_title(&title);
            }
        };
        retitle();
        // The observer lives as long as the page: the app never unmounts its frame.
        let callback = wasm_bindgen::closure::Closure::<dyn Fn()>::new(retitle);
        if let Ok(observer) = web_sys::MutationObserver::new(callback.as_ref().unchecked_ref()) {
            let options = web_sys::MutationObserverInit::new();
            options.set_child_list(true);
            options.set_subtree(true);
            options.set_character_data(true);
            let _ = observer.observe_with_options(&main, &options);
        }
        callback.forget();
    });
}

fn main_element() -> Option<web_sys::HtmlElement> {
    document()
        .get_element_by_id("main")
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
}
