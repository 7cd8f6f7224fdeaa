use leptos::prelude::*;

use crate::ui::db::db;
use crate::ui::i18n::{use_i18n, Key};

/// The customers stored on this device. Until the first one is added this is an empty state
/// that says so, read from the database rather than assumed.
#[component]
pub fn Customers() -> impl IntoView {
    let i18n = use_i18n();
    let customers = LocalResource::new(|| async { db().await?.customers().await });
    view! {
        <section class="page">
            <h1>{i18n.t(Key::CustomersTitle)}</h1>
            <Suspense fallback=move || view! { <p class="loading">{i18n.t(Key::Loading)}</p> }>
                {move || {
                    customers
                        .get()
                        .map(|result| match result {
                            Ok(list) if list.is_empty() => {
                                view! {
                                    <div class="empty-state">
                                        <p class="empty-lead">{i18n.t(Key::CustomersEmpty)}</p>
                                    </div>
                                }
                                    .into_any()
                            }
                            Ok(list) => {
                                view! {
                                    <ul class="customer-list">
                                        {list
                                            .into_iter()
                                            .map(|c| view! { <li>{c.name}</li> })
                                            .collect_view()}
                                    </ul>
                                }
                                    .into_any()
                            }
                            Err(e) => {
                                view! {
                                    <p class="error" role="alert">
                                        {move || e.user_message(i18n.lang())}
                                    </p>
                                }
                                    .into_any()
                            }
                        })
                }}
            </Suspense>
        </section>
    }
}
