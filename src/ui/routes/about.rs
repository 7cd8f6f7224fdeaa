//! About and privacy: what the app stores, where, and what it never does. Plain statements a
//! sole trader can check, because the whole promise of the app is that nothing leaves the device.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::model::Lang;
use crate::ui::base::href;
use crate::ui::i18n::{tr, use_i18n};

#[component]
pub fn About() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page about" data-testid="about">
            {move || {
                let lang = i18n.lang();
                let t = move |nl: &'static str, en: &'static str| tr(lang, nl, en);
                view! {
                    <h1>{t("Over Factuurwacht en je privacy", "About Factuurwacht and your privacy")}</h1>
                    <p class="empty-lead">{t(
                        "Factuurwacht werkt helemaal in je eigen browser. Er is geen server, geen account en geen analyse: niets van wat je invoert verlaat dit apparaat, tenzij jij het zelf verstuurt of downloadt.",
                        "Factuurwacht runs entirely in your own browser. There is no server, no account and no analytics: nothing you enter leaves this device unless you send or download it yourself.",
                    )}</p>
                    <h2>{t("Wat waar staat", "What is stored where")}</h2>
                    <dl class="details store-list">
                        <dt>{t("IndexedDB van deze browser", "This browser's IndexedDB")}</dt>
                        <dd>{t("Je klanten, facturen en het volledige dossier: elk bericht, gesprek, elke betaling en notitie.", "Your customers, invoices and the full dossier: every message, call, payment and note.")}</dd>
                        <dt>{t("localStorage van deze browser", "This browser's localStorage")}</dt>
                        <dd>{t("Je instellingen (bedrijfsgegevens, IBAN, schema, rentetabellen), de taal, de dag waarop je de app voor het eerst gebruikte (voor de herinnering aan een back-up) en de datum van je laatste back-up.", "Your settings (business details, IBAN, schedule, rate tables), the language, the day you first used the app (for the backup reminder) and the date of your last backup.")}</dd>
                        <dt>{t("sessionStorage van dit tabblad", "This tab's sessionStorage")}</dt>
                        <dd>{t("Wat je in een conceptbericht veranderde en nog niet verstuurde, en wat je in de facturenlijst zoekt, zodat het er nog staat als je even weggaat. Het verdwijnt als je het tabblad sluit.", "Changes you made to a draft message and have not sent yet, and what you search for in the invoice list, so they are still there when you look something up. They are gone when you close the tab.")}</dd>
                        <dt>{t("Cache van deze browser", "This browser's cache")}</dt>
                        <dd>{t("De bestanden van de app zelf, zodat hij ook zonder internet start. Daar staan geen gegevens van jou in.", "The app's own files, so it also starts without internet. None of your data is in there.")}</dd>
                    </dl>
                    <h2>{t("Wat de app nooit doet", "What the app never does")}</h2>
                    <ul>
                        <li>{t("Gegevens naar een server sturen: de app doet geen enkel verzoek aan een andere website.", "Send data to a server: the app makes no request to any other website at all.")}</li>
                        <li>{t("Zelf mailen, sms'en of bellen. Mail-, sms- en bellinks openen jouw eigen programma met de tekst erin; jij beslist of het verstuurd wordt.", "Mail, text or call by itself. Mail, text and call links open your own app with the text filled in; you decide whether it is sent.")}</li>
                        <li>{t("Scripts of lettertypes van anderen laden. Een beveiligingsbeleid (Content-Security-Policy) staat alleen de eigen bestanden van de app toe.", "Load scripts or fonts from others. A Content-Security-Policy allows only the app's own files.")}</li>
                    </ul>
                    <h2>{t("Je gegevens veilig houden", "Keeping your data safe")}</h2>
                    <p>{t(
                        "Omdat alles op dit apparaat staat, verdwijnt het als je de browsergegevens wist of het apparaat kwijtraakt. Maak daarom geregeld een back-up onder Instellingen; die kun je op een ander apparaat terugzetten.",
                        "Because everything lives on this device, it is gone if you clear the browser's data or lose the device. So make a backup regularly under Settings; you can restore it on another device.",
                    )}</p>
                    <p><A href=href("/settings")>{t("Naar back-up en opslag", "Go to backup and storage")}</A></p>
                    <h2>{t("Geen juridisch advies", "Not legal advice")}</h2>
                    <p>{t(
                        "De berekeningen van rente en incassokosten volgen de Nederlandse en Belgische regels zoals die bij het maken van de app bekend waren. Controleer bedragen bij twijfel; de rentetabellen kun je zelf aanvullen. Dit is geen juridisch advies.",
                        "The interest and collection-cost calculations follow the Dutch and Belgian rules as known when the app was made. Check amounts when in doubt; you can extend the rate tables yourself. This is not legal advice.",
                    )}</p>
                    <p class="hint">{match lang {
                        Lang::Nl => format!("Versie {}", env!("CARGO_PKG_VERSION")),
                        Lang::En => format!("Version {}", env!("CARGO_PKG_VERSION")),
                    }}</p>
                }
            }}
        </section>
    }
}
