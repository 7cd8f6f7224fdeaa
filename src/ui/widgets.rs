//! Small pieces of interface that several screens share, so they look and behave the same.

use leptos::prelude::*;

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
