use leptos::prelude::*;

use crate::domain::model::Lang;
use crate::store::prefs;
use crate::ui::i18n::{use_i18n, Key};

#[component]
pub fn Settings() -> impl IntoView {
    let i18n = use_i18n();
    let choose = move |lang: Lang| {
        i18n.0.set(lang);
        if let Err(e) = prefs::set_language(lang) {
            leptos::logging::warn!("language not remembered: {e}");
        }
    };
    view! {
        <section class="page">
            <h1>{i18n.t(Key::SettingsTitle)}</h1>
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
            <p class="privacy">{i18n.t(Key::SettingsPrivacy)}</p>
        </section>
    }
}
