use leptos::prelude::*;

use crate::ui::i18n::{use_i18n, Key};
use crate::ui::state::{use_app_state, Load};

/// The customers stored on this device. Until the first one is added this is an empty state
/// that says so, read from the database rather than assumed.
#[component]
pub fn Customers() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    view! {
        <section class="page">
            <h1>{i18n.t(Key::CustomersTitle)}</h1>
            {move || match state.load.get() {
                Load::Loading => view! { <p class="loading">{i18n.t(Key::Loading)}</p> }.into_any(),
                Load::Failed(e) => {
                    view! {
                        <p class="error" role="alert">
                            {move || e.user_message(i18n.lang())}
                        </p>
                    }
                        .into_any()
                }
                Load::Ready => {
                    let customers = state.data.with(|d| d.customers.clone());
                    if customers.is_empty() {
                        view! {
                            <div class="empty-state">
                                <p class="empty-lead">{i18n.t(Key::CustomersEmpty)}</p>
                            </div>
                        }
                            .into_any()
                    } else {
                        view! {
                            <ul class="customer-list">
                                {customers.into_iter().map(|c| view! { <li>{c.name}</li> }).collect_view()}
                            </ul>
                        }
                            .into_any()
                    }
                }
            }}
        </section>
    }
}
