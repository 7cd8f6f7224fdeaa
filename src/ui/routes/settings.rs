use leptos::prelude::*;

use crate::domain::bytes::format_bytes;
use crate::domain::model::Lang;
use crate::store::persistence::{self, StorageStatus};
use crate::ui::base::href;
use crate::ui::i18n::{tr, use_i18n, Key};

#[component]
pub fn Settings() -> impl IntoView {
    let i18n = use_i18n();
    let choose = move |lang: Lang| i18n.choose(lang);
    view! {
        <section class="page">
            <h1>{i18n.t(Key::SettingsTitle)}</h1>
            // The business form is long; the sections after it are one tap away.
            <nav class="page-index" aria-label=move || tr(i18n.lang(), "Onderdelen van deze pagina", "Parts of this page")>
                <a href=href("/settings#backup-title")>{move || tr(i18n.lang(), "Back-up", "Backup")}</a>
                <a href=href("/settings#storage-title")>{i18n.t(Key::StorageTitle)}</a>
                <a href=href("/settings#rates-title")>{move || tr(i18n.lang(), "Rentetabellen", "Interest rate tables")}</a>
            </nav>
            <fieldset class="field">
                <legend>{i18n.t(Key::SettingsLanguage)}</legend>
                <p class="hint">{i18n.t(Key::SettingsLanguageHint)}</p>
                <label>
                    <input
                        type="radio"
                        name="lang"
                        value="nl"
                        prop:checked=move || i18n.lang() == Lang::Nl
                        on:change=move |_| choose(Lang::Nl)
                    />
                    " Nederlands"
                </label>
                <label>
                    <input
                        type="radio"
                        name="lang"
                        value="en"
                        prop:checked=move || i18n.lang() == Lang::En
                        on:change=move |_| choose(Lang::En)
                    />
                    " English"
                </label>
            </fieldset>
            <super::settings_form::SettingsForm/>
            // The backup, which every user needs, before the rate tables, which few change.
            <super::backup::BackupSection/>
            <StorageSection/>
            <super::rates::RatesSection/>
            <p class="privacy">{i18n.t(Key::SettingsPrivacy)}</p>
        </section>
    }
}

/// Whether the browser keeps the data for good, and how much room it takes.
#[component]
fn StorageSection() -> impl IntoView {
    let i18n = use_i18n();
    let status = LocalResource::new(persistence::status);
    let ask = move |_| {
        leptos::task::spawn_local(async move {
            persistence::request_persistence().await;
            status.refetch();
        });
    };
    let view_status = move |s: StorageStatus| {
        let lang = i18n.lang();
        let (class, key) = match s.persistent {
            Some(true) => ("storage-ok", Key::StoragePersistent),
            Some(false) => ("storage-warn", Key::StorageNotPersistent),
            None => ("storage-warn", Key::StorageUnknown),
        };
        let used = match (s.usage, s.quota) {
            (Some(u), Some(q)) => format!(
                "{}: {} / {}",
                i18n.t(Key::StorageUsed)(),
                format_bytes(u, lang),
                format_bytes(q, lang)
            ),
            (Some(u), None) => format!("{}: {}", i18n.t(Key::StorageUsed)(), format_bytes(u, lang)),
            _ => String::new(),
        };
        view! {
            <p class=class data-testid="storage-status">{i18n.t(key)}</p>
            <p class="hint">{used}</p>
            {(s.persistent == Some(false))
                .then(|| view! { <button type="button" on:click=ask>{i18n.t(Key::StorageAsk)}</button> })}
        }
    };
    view! {
        <section class="field" aria-labelledby="storage-title">
            <h2 id="storage-title">{i18n.t(Key::StorageTitle)}</h2>
            <Suspense fallback=move || view! { <p class="loading">{i18n.t(Key::Loading)}</p> }>
                {move || status.get().map(view_status)}
            </Suspense>
        </section>
    }
}
