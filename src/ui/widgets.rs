//! Small pieces of interface that several screens share, so they look and behave the same.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::model::Lang;
use crate::ui::base::href;

use crate::ui::i18n::{tr, use_i18n};

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

/// The primary action of a step with a way out beside it.
#[component]
pub fn ConfirmBar(
    label: &'static str,
    #[prop(into)] disabled: Signal<bool>,
    on_confirm: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="actions">
            <button type="button" prop:disabled=move || disabled.get() on:click=move |_| on_confirm.run(())>
                {label}
            </button>
            <button type="button" class="secondary" on:click=move |_| on_cancel.run(())>
                {move || tr(i18n.lang(), "Annuleren", "Cancel")}
            </button>
        </div>
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
