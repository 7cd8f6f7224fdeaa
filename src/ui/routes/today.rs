use leptos::prelude::*;
use leptos_router::components::A;

use crate::ui::base::href;
use crate::ui::i18n::{use_i18n, Key};

#[component]
pub fn Today() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page">
            <h1>{i18n.t(Key::TodayTitle)}</h1>
            <div class="empty-state">
                <p class="empty-lead">{i18n.t(Key::TodayEmpty)}</p>
                <p>{i18n.t(Key::TodayEmptyHint)}</p>
                <p>
                    <A href=href("/customers")>{i18n.t(Key::NavCustomers)}</A>
                </p>
            </div>
        </section>
    }
}
