//! The composer: the draft for one proposed step, editable, with the ways to send it (copy,
//! mail app, text message, call, print) and the button that records what was sent. Recording
//! it is what moves the engine on to the next step.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};
use wasm_bindgen_futures::JsFuture;

use crate::domain::contact::is_valid_email;
use crate::domain::dates::format_date;
use crate::domain::engine::Step;
use crate::domain::links;
use crate::domain::messages;
use crate::domain::model::{Channel, Customer, EventKind, Lang};
use crate::domain::pages::{compose, records_hand_over, Composition, Data};
use crate::ui::base::href;
use crate::ui::drafts;
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::routes::invoice_actions::{CallForm, Record};
use crate::ui::state::{use_app_state, AppState, Load};
use crate::ui::widgets::not_ready;

/// Where a step is taken. Most are written, said or sent from the composer; the hand-over on
/// the day its notice named sends nothing to the customer and is recorded on the invoice
/// page, where the dossier for the agency is at hand.
pub fn step_href(step: &Step, invoice_id: &str) -> String {
    if records_hand_over(step) {
        href(&format!("/invoices/{invoice_id}?act=hand-over"))
    } else {
        href(&format!("/compose/{invoice_id}"))
    }
}

/// What the user is asked to record a hand-over with.
pub fn record_hand_over_label(lang: Lang) -> &'static str {
    tr(lang, "Overdracht vastleggen", "Record the hand-over")
}

#[component]
pub fn Compose() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let params = use_params_map();
    let composition = Memo::new(move |_| {
        let invoice = params.read().get("invoice").unwrap_or_default();
        let today = state.today.get();
        let settings = state.settings.get();
        let lang = i18n.lang();
        state
            .data
            .with(|d| compose(Data::from(d), &settings, &invoice, today, lang))
    });
    view! {
        <section class="page">
            <h1>{move || {
                let channel = composition.with(|c| c.as_ref().map_or(Channel::Email, |c| c.step.channel));
                messages::compose_label(channel, i18n.lang())
            }}</h1>
            {move || match (state.load.get(), composition.get()) {
                (Load::Ready, None) => view! {
                    <div class="empty-state">
                        <p class="empty-lead">
                            {tr(i18n.lang(), "Voor deze factuur staat nu geen stap klaar.", "No step is waiting for this invoice now.")}
                        </p>
                        <p><A href=href("/")>{tr(i18n.lang(), "Terug naar Vandaag", "Back to Today")}</A></p>
                    </div>
                }
                .into_any(),
                (Load::Ready, Some(c)) if records_hand_over(&c.step) => {
                    let invoice = c.step.invoice_ids.first().map(|id| id.as_str().to_owned()).unwrap_or_default();
                    view! {
                        <p class="hint" data-testid="hand-over-elsewhere">{c.reason.clone()}</p>
                        <p>
                            <A href=step_href(&c.step, &invoice) attr:class="button">{record_hand_over_label(i18n.lang())}</A>
                        </p>
                    }
                    .into_any()
                }
                (Load::Ready, Some(c)) => view! { <Composer composition=c state/> }.into_any(),
                (unready, _) => not_ready(unready),
            }}
        </section>
    }
}

#[component]
fn Composer(composition: Composition, state: AppState) -> impl IntoView {
    let today = composition.today;
    let i18n = use_i18n();
    let navigate = use_navigate();
    // The invoice this page was opened for, which a detour to the customer form returns to.
    let invoice_id = use_params_map().read_untracked().get("invoice").unwrap_or_default();
    let kept = drafts::key(&composition.step);
    let restored = drafts::restore(&kept, &composition.subject, &composition.body);
    let was_restored = restored.is_some();
    let (first_subject, first_body) =
        restored.unwrap_or_else(|| (composition.subject.clone(), composition.body.clone()));
    let subject = RwSignal::new(first_subject);
    let body = RwSignal::new(first_body);
    let base = StoredValue::new((composition.subject.clone(), composition.body.clone()));
    {
        let kept = kept.clone();
        Effect::new(move |_| {
            let (subject, body) = (subject.get(), body.get());
            base.with_value(|(base_subject, base_body)| drafts::keep(&kept, base_subject, base_body, &subject, &body));
        });
    }
    let restored_notice = RwSignal::new(was_restored);
    let notice = RwSignal::new(None::<String>);
    let step = composition.step.clone();
    let customer = composition.customer.clone();
    let letter_lang = customer.language;
    let channel = step.channel;

    // Records what happened for this step, then returns to Today, where the next step shows;
    // after "cannot pay" it goes to the invoice's payment-plan form instead.
    let busy = RwSignal::new(false);
    // A language switch rebuilds this screen. The draft survives it (it is kept in session
    // storage), the call form's fields do not: the header asks first once one holds input.
    on_cleanup(move || state.typing.set(false));
    let record = {
        let step = step.clone();
        Callback::new(move |record: Record| {
            if busy.get_untracked() {
                return;
            }
            let target = match (record.then, step.invoice_ids.first()) {
                (Some(act), Some(first)) => format!("/invoices/{}?act={}", first.as_str(), act.code()),
                _ => "/".to_owned(),
            };
            let changes = record.into_changes(&step.invoice_ids, &step.customer_id);
            let navigate = navigate.clone();
            let kept = kept.clone();
            busy.set(true);
            leptos::task::spawn_local(async move {
                let result = state.record(changes, true).await;
                // The user may have left while the record was written: it stands, but the
                // page they went to is theirs, so there is nothing to show or navigate here.
                let left = busy.is_disposed();
                busy.set(false);
                match result {
                    Ok(_) if left => drafts::forget(&kept),
                    Ok(_) => {
                        drafts::forget(&kept);
                        // The composer of a step already recorded has nothing left to send:
                        // Back must not bring it up again showing the next step instead.
                        let replace = leptos_router::NavigateOptions {
                            replace: true,
                            ..Default::default()
                        };
                        navigate(&target, replace)
                    }
                    Err(e) => notice.set(Some(e.user_message(i18n.lang()))),
                }
            });
        })
    };

    let copy = move |_| {
        let text = if subject.get_untracked().is_empty() {
            body.get_untracked()
        } else {
            format!("{}\n\n{}", subject.get_untracked(), body.get_untracked())
        };
        leptos::task::spawn_local(async move {
            let lang = i18n.lang();
            let promise = window().navigator().clipboard().write_text(&text);
            notice.set(Some(match JsFuture::from(promise).await {
                Ok(_) => tr(
                    lang,
                    "Gekopieerd. Plak de tekst in je bericht.",
                    "Copied. Paste the text into your message.",
                )
                .into(),
                Err(_) => tr(
                    lang,
                    "Kopiëren lukte niet; selecteer de tekst en kopieer hem zelf.",
                    "Copying failed; select the text and copy it yourself.",
                )
                .into(),
            }));
        });
    };

    let to = match channel {
        Channel::Email => customer.email.clone(),
        Channel::Sms | Channel::Phone => customer.phone.clone(),
        Channel::Letter | Channel::InPerson => customer.letter_recipient(),
    };
    let mark_sent = {
        let to = to.clone();
        let message = step.message;
        move |_| {
            record.run(Record {
                date: today,
                channel,
                kinds: vec![EventKind::MessageSent {
                    message,
                    to: to.clone(),
                    subject: subject.get_untracked(),
                    body: body.get_untracked(),
                }],
                done: ("", ""),
                then: None,
            })
        }
    };

    let lang = i18n.lang();
    // An address that cannot be one (stored before it was checked, or restored from an old
    // backup) is left out of the mail link, so the user types the right one in the mail app.
    let email = if is_valid_email(&customer.email) {
        customer.email.trim().to_owned()
    } else {
        String::new()
    };
    let phone = customer.phone.clone();
    // A text with "[uw IBAN]" in it must not reach the customer. Typing the detail into the text
    // is enough: the check reads the text as it is now. A call script is only read aloud.
    // A letter's sender block comes from the settings, so only filling them in clears it.
    let letterhead_unfinished = composition
        .letter
        .as_ref()
        .is_some_and(|letter| letter.sender_lines.iter().any(|line| messages::has_placeholder(line)));
    // A posted letter needs both addresses: without the customer's it cannot be delivered,
    // without the user's the customer cannot answer on paper. Recording it as posted would
    // start a term (and for a 14-day letter, costs) that no court would accept.
    let no_address = channel == Channel::Letter
        && (customer.address.is_empty() || composition.missing.contains(&messages::MissingDetail::Address));
    let unfinished = move || {
        channel != Channel::Phone
            && (no_address
                || letterhead_unfinished
                || messages::has_placeholder(&subject.get())
                || messages::has_placeholder(&body.get()))
    };
    let sending = move || -> AnyView {
        if no_address {
            return view! {
                <p class="hint" data-testid="address-missing">
                    {tr(lang, "Een brief per post heeft jouw adres en dat van de klant nodig. Vul ze aan, dan kun je de brief versturen.", "A posted letter needs your address and the customer's. Add them; then you can send the letter.")}
                </p>
            }
            .into_any();
        }
        if unfinished() {
            return view! {
                <p class="hint" data-testid="placeholders-left">
                    {tr(lang, "Vervang eerst wat tussen [haken] staat, dan kun je het bericht versturen.", "First replace what is in [brackets]; then you can send the message.")}
                </p>
            }
            .into_any();
        }
        match channel {
            Channel::Email => mail_link(
                &email,
                &subject.get(),
                &body.get(),
                tr(lang, "Openen in mailprogramma", "Open in mail app"),
                "mailto",
                lang,
            ),
            Channel::Sms => match links::sms(&phone, &body.get()) {
                Some(href) => view! { <a class="button" href=href data-testid="sms">{tr(lang, "Sms openen", "Open text message")}</a> }.into_any(),
                None => view! { <p class="hint">{tr(lang, "Geen bruikbaar telefoonnummer: kopieer de tekst.", "No usable phone number: copy the text.")}</p> }.into_any(),
            },
            Channel::Phone => match links::tel(&phone) {
                Some(href) => view! { <a class="button" href=href data-testid="tel">{format!("{} {}", tr(lang, "Bellen:", "Call:"), phone)}</a> }.into_any(),
                None => view! { <p class="hint">{tr(lang, "Er is geen bruikbaar telefoonnummer voor deze klant.", "There is no usable phone number for this customer.")}</p> }.into_any(),
            },
            Channel::Letter | Channel::InPerson => {
                // A letter to a customer with an email address says a copy goes by email too
                // (`messages` writes that line under the same condition).
                let copy = (channel == Channel::Letter && !email.trim().is_empty()).then(|| {
                    mail_link(
                        &email,
                        &subject.get(),
                        &body.get(),
                        tr(lang, "Kopie per e-mail", "Copy by email"),
                        "mailto-copy",
                        lang,
                    )
                });
                view! {
                    <button type="button" on:click=move |_| { let _ = window().print(); }>{tr(lang, "Brief afdrukken", "Print letter")}</button>
                    {copy}
                }
                .into_any()
            }
        }
    };

    view! {
        <div class="composer" data-testid="composer">
            <p class="compose-step" data-testid="compose-step">
                <strong>{messages::action_label(step.action, lang)}</strong>
                " · " {messages::channel_label(channel, lang)} " · " {customer.name.clone()}
            </p>
            <p class="hint">{composition.reason.clone()}</p>
            {(step.due > today).then(|| view! {
                <p class="notice" data-testid="not-yet-due">
                    {format!(
                        "{} {}. {}",
                        tr(lang, "Deze stap staat gepland voor", "This step is planned for"),
                        format_date(step.due, lang),
                        tr(lang, "Je kunt hem nu al doen, maar dat hoeft nog niet.", "You can take it now, but there is no need yet."),
                    )}
                </p>
            })}
            {(!composition.missing.is_empty()).then(|| {
                let details = messages::details_phrase(&composition.missing, lang);
                view! {
                    <div class="nudge" role="alert" data-testid="missing-business">
                        {match (lang, composition.missing.len() > 1) {
                            (Lang::Nl, false) => format!("Je {details} ontbreekt nog in je instellingen. Zonder dat gegeven is het bericht niet af."),
                            (Lang::Nl, true) => format!("Je {details} ontbreken nog in je instellingen. Zonder die gegevens is het bericht niet af."),
                            (Lang::En, false) => format!("Your {details} is not in your settings yet. Without it the message is not complete."),
                            (Lang::En, true) => format!("Your {details} are not in your settings yet. Without them the message is not complete."),
                        }}
                        " "
                        <A href=href("/settings")>{tr(lang, "Bedrijfsgegevens invullen", "Fill in your business details")}</A>
                    </div>
                }
            })}
            {missing_contact(channel, &customer, lang).map(|text| view! {
                <p class="nudge" data-testid="missing-contact">
                    {text} " "
                    // Once the customer is saved, the form brings the user back to this draft.
                    <A href=href(&format!("/customers/{}/edit?next=compose&invoice={}", customer.id.as_str(), invoice_id))>{tr(lang, "Klant aanvullen", "Complete the customer's details")}</A>
                </p>
            })}
            {move || restored_notice.get().then(|| view! {
                <p class="notice" role="status" data-testid="draft-restored">
                    {tr(lang, "Je eerdere bewerking van deze tekst is teruggezet.", "Your earlier edit of this text is back.")}
                    " "
                    <button type="button" class="secondary" data-testid="draft-reset" on:click=move |_| {
                        base.with_value(|(base_subject, base_body)| {
                            subject.set(base_subject.clone());
                            body.set(base_body.clone());
                        });
                        restored_notice.set(false);
                    }>
                        {tr(lang, "Voorgestelde tekst terugzetten", "Back to the proposed text")}
                    </button>
                </p>
            })}
            {composition.letter.clone().map(|letter| view! { <LetterBlocks letter/> })}
            // The subject field does not print; a letter states it in this line instead, in the
            // letter's language.
            {move || {
                let subject = subject.get();
                (!subject.trim().is_empty())
                    .then(|| view! { <p class="print-subject">{messages::subject_line(letter_lang, &subject)}</p> })
            }}
            {(channel != Channel::Sms && channel != Channel::Phone).then(|| view! {
                <label class="field-label" for="compose-subject">{tr(lang, "Onderwerp", "Subject")}</label>
                <input id="compose-subject" class="wide" lang=letter_lang.code() prop:value=move || subject.get() on:input=move |ev| subject.set(event_target_value(&ev))/>
            })}
            <label class="field-label" for="compose-body">
                {if channel == Channel::Phone { tr(lang, "Belscript", "Call script") } else { tr(lang, "Tekst", "Text") }}
            </label>
            // A draft is in the customer's language, whatever the app's; a screen reader reads
            // it in that language. A call script mixes the user's guidance in, so it has none.
            <textarea id="compose-body" class="wide" rows=if channel == Channel::Sms { "8" } else { "18" } lang=(channel != Channel::Phone).then(|| letter_lang.code()) prop:value=move || body.get() on:input=move |ev| body.set(event_target_value(&ev))></textarea>
            // A textarea prints clipped to its box; the printed letter uses this copy instead.
            <div class="print-body" aria-hidden="true">{move || body.get()}</div>
            <div class="actions">
                <button type="button" class="secondary" on:click=copy data-testid="copy">{tr(lang, "Kopiëren", "Copy")}</button>
                {sending}
            </div>
            // A live region on the page before its message, so a screen reader reads it.
            <div role="status">
                {move || notice.get().map(|text| view! { <p class="notice" data-testid="notice">{text}</p> })}
            </div>
            {if channel == Channel::Phone {
                view! {
                    <div on:input=move |_| state.typing.set(true)>
                        <CallForm outstanding=composition.outstanding save=record busy/>
                    </div>
                }
                .into_any()
            } else {
                view! {
                    <p>
                        <button type="button" on:click=mark_sent prop:disabled=unfinished data-testid="mark-sent">
                            {tr(lang, "Markeren als verstuurd", "Mark as sent")}
                        </button>
                    </p>
                }
                .into_any()
            }}
        </div>
    }
}

/// What the user must add before this step can go out on its channel. The engine falls back
/// to email when a customer can be reached no other way, so the draft is still made.
fn missing_contact(channel: Channel, customer: &Customer, lang: Lang) -> Option<&'static str> {
    match channel {
        Channel::Email if customer.email.trim().is_empty() => Some(tr(
            lang,
            "Van deze klant is geen e-mailadres bekend: vul het aan, of kopieer de tekst.",
            "There is no email address for this customer: add one, or copy the text.",
        )),
        Channel::Email if !is_valid_email(&customer.email) => Some(tr(
            lang,
            "Het e-mailadres van deze klant is niet bruikbaar: verbeter het, of kopieer de tekst.",
            "This customer's email address is not usable: correct it, or copy the text.",
        )),
        Channel::Sms if !links::may_receive_texts(&customer.phone) => Some(tr(
            lang,
            "Het telefoonnummer van deze klant lijkt geen mobiel nummer, dus een sms komt niet aan: vul een mobiel nummer in, of kopieer de tekst.",
            "This customer's phone number does not look like a mobile number, so a text message will not arrive: add a mobile number, or copy the text.",
        )),
        Channel::Letter if customer.address.is_empty() => Some(tr(
            lang,
            "Van deze klant is geen postadres bekend: vul het aan voor de brief.",
            "There is no postal address for this customer: add one for the letter.",
        )),
        _ => None,
    }
}

/// A link that opens the mail app with the draft, and a hint when the draft is too long for
/// the link to carry it.
fn mail_link(
    email: &str,
    subject: &str,
    body: &str,
    label: &'static str,
    test_id: &'static str,
    lang: Lang,
) -> AnyView {
    let link = links::mailto(email, subject, body);
    let too_long = !link.has_body();
    let href = link.href().to_owned();
    view! {
        <a class="button" href=href data-testid=test_id>{label}</a>
        {too_long.then(|| view! {
            <p class="hint" data-testid="mailto-too-long">
                {tr(lang, "Dit bericht is te lang voor een maillink: de link vult alleen het onderwerp in. Kopieer de tekst en plak hem in de mail.", "This message is too long for a mail link: the link fills in the subject only. Copy the text and paste it into the mail.")}
            </p>
        })}
    }
    .into_any()
}

/// The letter's address blocks, date and reference, as they will print.
#[component]
fn LetterBlocks(letter: messages::Letter) -> impl IntoView {
    view! {
        <div class="letter-blocks" data-testid="letter">
            <address class="sender">{letter.sender_lines.into_iter().map(|l| view! { <span>{l}</span><br/> }).collect_view()}</address>
            <address class="recipient">{letter.recipient_lines.into_iter().map(|l| view! { <span>{l}</span><br/> }).collect_view()}</address>
            <p>{letter.place_and_date}</p>
            <p>{letter.reference}</p>
        </div>
    }
}
