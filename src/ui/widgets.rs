//! Small pieces of interface that several screens share, so they look and behave the same.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};

use crate::domain::model::{customer_removable, invoice_removable, EventId, Lang};
use crate::domain::wrap;
use crate::store::{Keys, Stored};
use crate::ui::base::href;
use crate::ui::browser;
use crate::ui::i18n::{tr, use_i18n, Key};
use crate::ui::state::{use_app_state, Load};

/// A refused input or action: the reason, and the assurance that nothing changed.
#[component]
pub fn Refusal(reason: String, #[prop(optional)] testid: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="error" role="alert" data-testid=testid>
            <p>{reason}</p>
            <p>{move || tr(i18n.lang(), "Er is niets gewijzigd.", "Nothing was changed.")}</p>
        </div>
    }
}

/// What a page shows until the data is read: a loading line, or why it could not be read.
/// Every page that waits for the data shows the same, in the language of the moment. A page
/// matches `Load::Ready` itself and leaves the rest to this; for `Ready` it draws nothing.
pub fn not_ready(load: Load) -> AnyView {
    let i18n = use_i18n();
    match load {
        Load::Loading => view! { <p class="loading">{i18n.t(Key::Loading)}</p> }.into_any(),
        Load::Failed(e) => view! { <p class="error" role="alert">{move || e.user_message(i18n.lang())}</p> }.into_any(),
        Load::Ready => ().into_any(),
    }
}

/// A labelled text field with an optional hint and, while it has one, its error below it,
/// tied together for screen readers: the field names its error and is marked invalid while
/// there is one. The forms' text fields all go through here, so they cannot drift apart.
/// `rows` makes it a text area.
#[component]
pub fn TextField(
    id: &'static str,
    #[prop(into)] label: Signal<String>,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_input: Callback<String>,
    #[prop(optional, into)] error: Signal<Option<String>>,
    #[prop(default = None)] hint: Option<Signal<String>>,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(default = None)] inputmode: Option<&'static str>,
    #[prop(default = None)] autocomplete: Option<&'static str>,
    #[prop(default = None)] rows: Option<u32>,
) -> impl IntoView {
    let error = move || error.get();
    let has_error = move || error().is_some();
    let input = move |ev| on_input.run(event_target_value(&ev));
    let field = match rows {
        Some(rows) => view! {
            <textarea
                id=id
                class="wide"
                rows=rows
                prop:value=move || value.get()
                on:input=input
                aria-invalid=move || has_error().then_some("true")
                aria-describedby=move || has_error().then(|| format!("{id}-error"))
            ></textarea>
        }
        .into_any(),
        None => view! {
            <input
                id=id
                class="wide"
                type=input_type
                inputmode=inputmode
                autocomplete=autocomplete
                prop:value=move || value.get()
                on:input=input
                aria-invalid=move || has_error().then_some("true")
                aria-describedby=move || has_error().then(|| format!("{id}-error"))
            />
        }
        .into_any(),
    };
    view! {
        <div class="form-row">
            <label class="field-label" for=id>{move || label.get()}</label>
            {field}
            {hint.map(|hint| view! { <p class="hint">{move || hint.get()}</p> })}
            {move || error().map(|text| view! {
                <p class="field-error" id=format!("{id}-error") data-testid=format!("{id}-error")>{text}</p>
            })}
        </div>
    }
}

/// Takes back the command whose `events` a confirmation names, while the app still offers
/// that (`AppState::undoable`); `after` runs once it is undone. A refusal shows below the
/// button.
#[component]
pub fn UndoButton(events: Vec<EventId>, #[prop(into)] after: Callback<()>) -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let busy = RwSignal::new(false);
    let refusal = RwSignal::new(None::<String>);
    let events = StoredValue::new(events);
    let undo = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        refusal.set(None);
        leptos::task::spawn_local(async move {
            let result = state.undo(&events.get_value()).await;
            busy.set(false);
            match result {
                Ok(()) => after.run(()),
                Err(e) => refusal.set(Some(e.refusal_reason(i18n.lang()))),
            }
        });
    };
    let offered = move || {
        state
            .undoable
            .with(|u| u.as_ref().is_some_and(|u| events.with_value(|ids| &u.events == ids)))
    };
    view! {
        {move || offered().then(|| view! {
            <button type="button" class="secondary" data-testid="undo" prop:disabled=move || busy.get() on:click=undo>
                {move || tr(i18n.lang(), "Ongedaan maken", "Undo")}
            </button>
        })}
        // A refusal stays readable after the offer ends (another tab restored a backup).
        {move || refusal.get().map(|reason| view! { <Refusal reason testid="undo-refused"/> })}
    }
}

/// What the user reads once a recorded command is taken back.
pub fn undone_text(lang: Lang) -> &'static str {
    lang.pick(UNDONE.0, UNDONE.1)
}

/// [`undone_text`] in both languages, for a notice that is redrawn when the language switches.
pub const UNDONE: (&str, &str) = (
    "Teruggedraaid: het staat niet meer in het dossier.",
    "Undone: it is no longer in the dossier.",
);

/// `text` with each date, number and amount kept on one line: a browser may break "02-02-2026"
/// or "2026-004" at a hyphen, and "€ 12,50" at its space, which on a phone leaves half a date
/// at the end of a line. Such a word goes in a span that does not wrap; the text itself is
/// unchanged, so what screen readers and searches see stays the same.
pub fn keep_together(text: &str) -> impl IntoView {
    wrap::runs(text)
        .into_iter()
        .map(|(run, keep)| {
            if keep {
                view! { <span class="nowrap">{run}</span> }.into_any()
            } else {
                run.into_any()
            }
        })
        .collect_view()
}

/// The primary action of a step with a way out beside it. A keyboard user lands on it: when it
/// appears, the focus moves to its primary button (or to the way out while the action is not
/// possible), Escape takes the way out, and the way out gives the focus back to `opener`, a
/// selector for the control that opened the bar, so nobody is left at the top of the page.
#[component]
pub fn ConfirmBar(
    label: &'static str,
    #[prop(into)] disabled: Signal<bool>,
    on_confirm: Callback<()>,
    on_cancel: Callback<()>,
    opener: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let confirm_button = NodeRef::<leptos::html::Button>::new();
    let cancel_button = NodeRef::<leptos::html::Button>::new();
    // The bar is in the page once the reactive system's next microtask has run; waiting only
    // that long means no keystroke typed right after opening it can land elsewhere first. It
    // takes the focus only from its opener or from nowhere: a bar drawn again while the user is
    // elsewhere (a language switch rebuilds some screens) leaves the focus where it is.
    leptos::task::spawn_local(async move {
        leptos::task::tick().await;
        if !browser::focus_is_free_or_on(opener) {
            return;
        }
        let target = if disabled.get_untracked() {
            cancel_button
        } else {
            confirm_button
        };
        if let Some(button) = target.get_untracked() {
            let _ = button.focus();
        }
    });
    let cancel = move || {
        on_cancel.run(());
        leptos::task::spawn_local(async move {
            leptos::task::tick().await;
            browser::focus(opener);
        });
    };
    view! {
        <div class="actions" on:keydown=move |ev| {
            if ev.key() == "Escape" {
                ev.prevent_default();
                cancel();
            }
        }>
            <button type="button" node_ref=confirm_button prop:disabled=move || disabled.get() on:click=move |_| on_confirm.run(())>
                {label}
            </button>
            <button type="button" class="secondary" node_ref=cancel_button on:click=move |_| cancel()>
                {move || tr(i18n.lang(), "Annuleren", "Cancel")}
            </button>
        </div>
    }
}

/// Removing a record entered by mistake, below its edit form: a button, a confirmation, then
/// the list. A record that anything refers to cannot be removed, and the section says why.
#[component]
pub fn RemoveRecord(removal: Keys, record: RecordKind) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let navigate = use_navigate();
    let lang = i18n.lang();
    let asking = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let refusal = RwSignal::new(None::<String>);
    let removable = {
        let removal = removal.clone();
        move || {
            state.data.with(|d| {
                removal.invoices.iter().all(|id| invoice_removable(id, &d.events))
                    && removal
                        .customers
                        .iter()
                        .all(|id| customer_removable(id, &d.invoices, &d.events))
            })
        }
    };
    let (hint, blocked, button, question, list) = match record {
        RecordKind::Invoice => (
            tr(lang, "Verkeerd ingevoerd? Een factuur zonder dossier kun je verwijderen.", "Entered by mistake? An invoice with nothing in its dossier can be removed."),
            tr(lang, "Deze factuur heeft een dossier en kan daarom niet worden verwijderd. Wordt hij niet meer geïnd, schrijf hem dan af.", "This invoice has a dossier, so it cannot be removed. If it will not be collected, write it off."),
            tr(lang, "Factuur verwijderen", "Remove invoice"),
            tr(lang, "De factuur wordt definitief verwijderd.", "The invoice will be removed for good."),
            "/invoices",
        ),
        RecordKind::Customer => (
            tr(lang, "Verkeerd ingevoerd? Een klant zonder facturen kun je verwijderen.", "Entered by mistake? A customer without invoices can be removed."),
            tr(lang, "Deze klant heeft facturen of een dossier en kan daarom niet worden verwijderd.", "This customer has invoices or a dossier, so the customer cannot be removed."),
            tr(lang, "Klant verwijderen", "Remove customer"),
            tr(lang, "De klant wordt definitief verwijderd.", "The customer will be removed for good."),
            "/customers",
        ),
    };
    let confirm = Callback::new(move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        let removal = removal.clone();
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            let result = state.remove(removal).await;
            // Left while removing: the page the user went to stays.
            if busy.is_disposed() {
                return;
            }
            busy.set(false);
            match result {
                Ok(()) => navigate(list, Default::default()),
                Err(e) => refusal.set(Some(e.refusal_reason(lang))),
            }
        });
    });
    view! {
        <section class="field remove-record" data-testid="remove-record">
            <h2>{tr(lang, "Verwijderen", "Remove")}</h2>
            {move || if !removable() {
                view! { <p class="hint" data-testid="remove-blocked">{blocked}</p> }.into_any()
            } else if asking.get() {
                view! {
                    <p>{question}</p>
                    <ConfirmBar label=button disabled=busy on_confirm=confirm on_cancel=Callback::new(move |_| asking.set(false)) opener="[data-testid=\"remove\"]"/>
                }
                .into_any()
            } else {
                view! {
                    <p class="hint">{hint}</p>
                    <button type="button" class="secondary" on:click=move |_| asking.set(true) data-testid="remove">{button}</button>
                }
                .into_any()
            }}
            {move || refusal.get().map(|reason| view! { <Refusal reason/> })}
        </section>
    }
}

/// The kinds of record a page can be opened for by its id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordKind {
    Customer,
    Invoice,
}

/// A page opened for a record that does not exist (any more): a mistyped or old link, or a
/// record that another tab's restore replaced. It says so and offers the way back to the list.
#[component]
pub fn NotFoundRecord(record: RecordKind, lang: Lang) -> impl IntoView {
    let (title, lead, list, back) = match record {
        RecordKind::Customer => (
            ("Klant niet gevonden", "Customer not found"),
            (
                "Deze klant bestaat niet (meer).",
                "This customer does not exist (any more).",
            ),
            "/customers",
            ("Naar alle klanten", "To all customers"),
        ),
        RecordKind::Invoice => (
            ("Factuur niet gevonden", "Invoice not found"),
            (
                "Deze factuur bestaat niet (meer).",
                "This invoice does not exist (any more).",
            ),
            "/invoices",
            ("Naar alle facturen", "To all invoices"),
        ),
    };
    view! {
        <h1>{lang.pick(title.0, title.1)}</h1>
        <div class="empty-state">
            <p class="empty-lead">{lang.pick(lead.0, lead.1)}</p>
            <p><A href=href(list)>{lang.pick(back.0, back.1)}</A></p>
        </div>
    }
}

/// The frame of an edit route (`/…/:id/edit`): the heading, then the form once the record is
/// loaded, or the load error, "not found", or a loading line. The record is looked up once per
/// id, so a re-read of the data from another tab does not throw away what is being typed.
pub fn edit_page<T>(
    title: (&'static str, &'static str),
    kind: RecordKind,
    find: fn(&Stored, &str) -> Option<T>,
    form: fn(T) -> AnyView,
) -> impl IntoView
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let i18n = use_i18n();
    let state = use_app_state();
    let params = use_params_map();
    let found = Memo::new(move |_| {
        let id = params.read().get("id").unwrap_or_default();
        match state.load.get() {
            Load::Ready => Some(state.data.with_untracked(|d| find(d, &id))),
            _ => None,
        }
    });
    // The form is built once per record: a language switch changes its texts in place, so
    // what the user typed stays.
    view! {
        <section class="page">
            {move || {
                let heading = move || view! { <h1>{move || i18n.lang().pick(title.0, title.1)}</h1> };
                match (state.load.get(), found.get()) {
                    (Load::Failed(e), _) => view! {
                        {heading()}
                        <p class="error" role="alert">{move || e.user_message(i18n.lang())}</p>
                    }
                    .into_any(),
                    (_, Some(Some(record))) => view! { {heading()} {form(record)} }.into_any(),
                    (_, Some(None)) => (move || view! { <NotFoundRecord record=kind lang=i18n.lang()/> }).into_any(),
                    (_, None) => view! {
                        {heading()}
                        <p class="loading">{move || i18n.t(Key::Loading)}</p>
                    }
                    .into_any(),
                }
            }}
        </section>
    }
}
