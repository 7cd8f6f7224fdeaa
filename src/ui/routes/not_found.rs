use leptos::prelude::*;
use leptos_router::components::A;

use crate::ui::base::href;
use crate::ui::i18n::{use_i18n, Key};

#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page">
            <h1>{i18n.t(Key::NotFoundTitle)}</h1>
            <p>{i18n.t(Key::NotFoundBody)}</p>
            <p>
                <A href=href("/")>{i18n.t(Key::BackToToday)}</A>
            </p>
        </section>
    }
}
