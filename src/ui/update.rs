//! The service worker that makes the app start offline (tools/sw.js), and the one question it
//! ever asks: a new version is ready, reload into it now?
//!
//! Only release builds register it: a worker caching a dev server's files would serve stale
//! code while developing. A page started from the network while an older worker was in charge
//! may already run the version that then installs; it lets that version take over without
//! asking, so the question is only asked of pages that would change. A new version waits until the user reloads through the banner (or
//! closes every tab), so a running page never mixes files of two versions.

use std::cell::Cell;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerRegistration, ServiceWorkerState};

thread_local! {
    /// Set when the user asked for the update, so only that change of worker reloads the page.
    static RELOAD_ON_CHANGE: Cell<bool> = const { Cell::new(false) };
}

/// Registers the worker and sets `ready` whenever an installed update is waiting that this
/// page does not already run.
pub fn register(ready: RwSignal<bool>) {
    if cfg!(debug_assertions) {
        return;
    }
    let Some(window) = web_sys::window() else { return };
    let container = window.navigator().service_worker();
    leptos::task::spawn_local(async move {
        // Relative to the document's base URL, so the worker's scope is the app's own folder
        // at "/" or under a sub-path.
        let registration: ServiceWorkerRegistration = match JsFuture::from(container.register("sw.js")).await {
            Ok(value) => value.unchecked_into(),
            Err(e) => {
                // Without a worker the app still runs, only not offline; say so in the console.
                leptos::logging::warn!("offline support unavailable: {e:?}");
                return;
            }
        };
        watch(&registration);
        // The waiting worker's answer to "version?" (see `ask_version`): a page that already runs
        // that version lets it take over quietly; any other page offers the update.
        let waiting_for = registration.clone();
        let on_reply = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let Ok(version) = js_sys::Reflect::get(&event.data(), &"version".into()) else {
                return;
            };
            let Some(version) = version.as_string() else { return };
            match (page_version(), waiting_for.waiting()) {
                (Some(mine), Some(waiting)) if mine == version => {
                    let _ = waiting.post_message(&wasm_bindgen::JsValue::from_str("skip-waiting"));
                }
                (_, Some(_)) => ready.set(true),
                (_, None) => {}
            }
        });
        container.set_onmessage(Some(on_reply.as_ref().unchecked_ref()));
        on_reply.forget();
        let on_change = Closure::<dyn FnMut()>::new(move || {
            if RELOAD_ON_CHANGE.get() {
                let _ = web_sys::window().map(|w| w.location().reload());
            }
        });
        container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
        on_change.forget();
        // An app left open for days still learns of a new version when it comes back into view
        // or back online. A first visit whose install was cut off (the network went while the
        // worker fetched the app) has no worker at all: it tries again then, so the app still
        // becomes available offline without the user doing anything.
        let check = registration.clone();
        let on_visible = Closure::<dyn FnMut()>::new(move || {
            let Some(window) = web_sys::window() else { return };
            let visible = window
                .document()
                .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Visible);
            if !visible || !window.navigator().on_line() {
                return;
            }
            let container = window.navigator().service_worker();
            if container.controller().is_some() {
                let _ = check.update();
            } else {
                let _ = container.register("sw.js");
            }
        });
        if let Some(window) = web_sys::window() {
            if let Some(document) = window.document() {
                let _ =
                    document.add_event_listener_with_callback("visibilitychange", on_visible.as_ref().unchecked_ref());
            }
            let _ = window.add_event_listener_with_callback("online", on_visible.as_ref().unchecked_ref());
        }
        on_visible.forget();
    });
}

/// Follows a registration: once a version is installed while another controls the page (the
/// very first install is not an update), asks it which version it is.
fn watch(registration: &ServiceWorkerRegistration) {
    let controlled = || web_sys::window().is_some_and(|w| w.navigator().service_worker().controller().is_some());
    if let Some(waiting) = registration.waiting().filter(|_| controlled()) {
        ask_version(&waiting);
    }
    let watched = registration.clone();
    let on_found = Closure::<dyn FnMut()>::new(move || {
        let Some(installing) = watched.installing() else { return };
        let worker = installing.clone();
        let on_state = Closure::<dyn FnMut()>::new(move || {
            if worker.state() == ServiceWorkerState::Installed && controlled() {
                ask_version(&worker);
            }
        });
        installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
        on_state.forget();
    });
    registration.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
    on_found.forget();
}

/// Asks an installed, waiting worker which version it brings; the answer arrives as a message
/// on the worker container (see `register`).
fn ask_version(worker: &web_sys::ServiceWorker) {
    let _ = worker.post_message(&wasm_bindgen::JsValue::from_str("version?"));
}

/// The build version this page was loaded from, as the build wrote it into index.html.
fn page_version() -> Option<String> {
    web_sys::window()?
        .document()?
        .query_selector("meta[name=\"factuurwacht-build\"]")
        .ok()??
        .get_attribute("content")
}

/// Lets the waiting version take over; the page reloads when it has.
fn apply() {
    leptos::task::spawn_local(async {
        let Some(window) = web_sys::window() else { return };
        let container = window.navigator().service_worker();
        let Ok(ready) = container.ready() else { return };
        let Ok(registration) = JsFuture::from(ready).await else {
            return;
        };
        let registration: ServiceWorkerRegistration = registration.unchecked_into();
        match registration.waiting() {
            Some(waiting) => {
                RELOAD_ON_CHANGE.set(true);
                let _ = waiting.post_message(&wasm_bindgen::JsValue::from_str("skip-waiting"));
            }
            // Already active (another tab applied it): a reload is all that is left.
            None => {
                let _ = window.location().reload();
            }
        }
    });
}

#[component]
pub fn UpdateBanner() -> impl IntoView {
    let i18n = crate::ui::i18n::use_i18n();
    let state = crate::ui::state::use_app_state();
    // The update reloads the page: what a form holds unsaved is gone after it. Where the app
    // knows something is typed, it asks first; the banner always says to save first.
    let asking = RwSignal::new(false);
    let update = move |_| {
        if (state.typing.get_untracked() || state.unsaved.get_untracked()) && !asking.get_untracked() {
            asking.set(true);
        } else {
            apply();
        }
    };
    view! {
        <div class="nudge" data-testid="update-ready">
            {move || {
                let lang = i18n.lang();
                if asking.get() {
                    crate::ui::i18n::tr(
                        lang,
                        "Wat je in het formulier typte, is nog niet bewaard en gaat bij het bijwerken verloren.",
                        "What you typed in the form is not saved yet and is lost when the app updates.",
                    )
                } else {
                    crate::ui::i18n::tr(
                        lang,
                        "Er is een nieuwe versie van Factuurwacht klaar. Je opgeslagen gegevens blijven staan; bewaar eerst wat je nog aan het typen bent.",
                        "A new version of Factuurwacht is ready. Your saved data stays as it is; save what you are still typing first.",
                    )
                }
            }}
            " "
            <button type="button" on:click=update data-testid="apply-update">
                {move || match asking.get() {
                    false => crate::ui::i18n::tr(i18n.lang(), "Nu bijwerken", "Update now"),
                    true => crate::ui::i18n::tr(i18n.lang(), "Toch bijwerken", "Update anyway"),
                }}
            </button>
            {move || asking.get().then(|| view! {
                " "
                <button type="button" class="secondary" on:click=move |_| asking.set(false) data-testid="keep-typing-update">
                    {crate::ui::i18n::tr(i18n.lang(), "Eerst bewaren", "Save first")}
                </button>
            })}
        </div>
    }
}
