use leptos::prelude::*;

use crate::ui::i18n::{use_i18n, Key};

#[component]
pub fn Invoices() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page">
            <h1>{i18n.t(Key::InvoicesTitle)}</h1>
            <div class="empty-state">
                <p class="empty-lead">{i18n.t(Key::InvoicesEmpty)}</p>
            </div>
        </section>
    }
}
