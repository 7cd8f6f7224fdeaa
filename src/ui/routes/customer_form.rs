//! Adding and editing a customer: one form for both. Saving is one command (one transaction);
//! a refused save shows why and changes nothing, on screen or in the database.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::domain::contact::namesake;
use crate::domain::customer_form::{CustomerDraft, Problems};
use crate::domain::dossier::customer_pause_note;
use crate::domain::messages::channel_label;
use crate::domain::model::{
    open_invoices_of, BestTime, Channel, Customer, CustomerId, CustomerKind, Event, EventId, EventKind, Jurisdiction,
    Lang,
};
use crate::store::{Changes, Keys, Versions};
use crate::ui::base::href;
use crate::ui::browser;
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::routes::customer::{best_time_label, kind_label, language_label};
use crate::ui::state::use_app_state;
use crate::ui::widgets::{edit_page, RecordKind, Refusal, RemoveRecord, TextField};

/// The route `/customers/new`.
#[component]
pub fn NewCustomer() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page">
            <h1>{move || tr(i18n.lang(), "Nieuwe klant", "New customer")}</h1>
            <CustomerForm customer=None/>
        </section>
    }
}

/// The route `/customers/:id/edit`: the form appears once the customer is loaded.
#[component]
pub fn EditCustomer() -> impl IntoView {
    edit_page(
        ("Klant bewerken", "Edit customer"),
        RecordKind::Customer,
        |d, id| d.customers.iter().find(|c| c.id.as_str() == id).cloned(),
        |customer| {
            let removal = Keys {
                customers: vec![customer.id.clone()],
                ..Keys::default()
            };
            view! {
                <CustomerForm customer=Some(customer)/>
                <RemoveRecord removal record=RecordKind::Customer/>
            }
            .into_any()
        },
    )
}

fn channel_code(channel: Channel) -> &'static str {
    match channel {
        Channel::Email => "email",
        Channel::Sms => "sms",
        Channel::Phone => "phone",
        Channel::Letter => "letter",
        Channel::InPerson => "in_person",
    }
}

fn best_time_code(best: BestTime) -> &'static str {
    match best {
        BestTime::Daytime => "daytime",
        BestTime::Evening => "evening",
        BestTime::Any => "any",
    }
}

/// The form for a new customer (`None`) or an existing one. The form holds a draft
/// ([`CustomerDraft`]); the customer is built from it only when saving.
#[component]
fn CustomerForm(customer: Option<Customer>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    // Typing marks the form as holding unsaved text, so an update asks before it reloads the
    // page; leaving the page ends that.
    on_cleanup(move || state.unsaved.set(false));
    let navigate = use_navigate();
    let is_new = customer.is_none();
    // Came from a new invoice that needed a customer first: go on to that invoice after saving.
    let then_invoice = is_new && use_query_map().with_untracked(|q| q.get("next").as_deref() == Some("invoice"));
    // Came from a draft that lacked a detail of this customer: back to that draft after saving.
    // Only an id as the app makes them is followed, so the address cannot lead elsewhere.
    let back_to_draft = use_query_map().with_untracked(|q| {
        (q.get("next").as_deref() == Some("compose"))
            .then(|| q.get("invoice"))
            .flatten()
            .filter(|id| !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'))
    });
    // A new customer is written to in the language the user works in, until the form says
    // otherwise.
    let original = customer.unwrap_or_else(|| Customer {
        language: i18n.lang(),
        ..Customer::new(CustomerId(String::new()), "")
    });

    let draft = RwSignal::new(CustomerDraft::from_customer(&original));
    // Another tab may save this customer while the form is open: every field that still shows
    // the loaded value follows it, so a save here never writes back the old values. A save
    // that comes before the other tab's change arrived is refused by the store, which is
    // told what the form was made from.
    let base = StoredValue::new(original.clone());
    if !is_new {
        let id = original.id.clone();
        Effect::new(move |_| {
            let Some(after) = state.data.with(|d| d.customers.iter().find(|c| c.id == id).cloned()) else {
                return;
            };
            let before = base.get_value();
            if after != before {
                let (old, new) = (
                    CustomerDraft::from_customer(&before),
                    CustomerDraft::from_customer(&after),
                );
                draft.update(|shown| shown.follow(&old, &new));
                base.set_value(after);
            }
        });
    }

    let same_name = Memo::new({
        let id = original.id.clone();
        move |_| {
            let typed = draft.with(|d| d.name.clone());
            state
                .data
                .with(|d| namesake(&typed, &d.customers, &id).map(|c| (c.id.as_str().to_owned(), c.name.clone())))
        }
    });

    // Errors show after the first attempt to save, then follow the typing, so nobody is told
    // off for a field they have not finished.
    let tried = RwSignal::new(false);
    let saving = RwSignal::new(false);
    let refusal = RwSignal::new(None::<String>);
    let shown = Memo::new(move |_| {
        if tried.get() {
            draft.with(|d| d.problems(i18n.lang()))
        } else {
            Problems::default()
        }
    });

    // Meeting in person is not offered for new choices, but a customer who has it keeps it.
    let mut channels = vec![Channel::Email, Channel::Sms, Channel::Phone, Channel::Letter];
    if original.preferred_channel == Channel::InPerson {
        channels.push(Channel::InPerson);
    }

    let cancel = if is_new {
        href("/customers")
    } else {
        href(&format!("/customers/{}", original.id.as_str()))
    };

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if saving.get_untracked() {
            return;
        }
        tried.set(true);
        browser::focus_first_invalid(&ev);
        refusal.set(None);
        let lang = i18n.lang();
        if draft.with_untracked(|d| d.problems(lang).any()) {
            return;
        }
        let id = if is_new {
            CustomerId(browser::new_id("c"))
        } else {
            original.id.clone()
        };
        let customer = draft.with_untracked(|d| d.customer(id.clone()));
        // A pause for the whole customer, or its end, goes into the dossier of every open
        // invoice in the same command, so a gap in the chase can be explained later.
        let note = customer_pause_note(original.paused.as_deref(), customer.paused.as_deref(), lang);
        let events = note
            .and_then(|text| {
                let open = state
                    .data
                    .with_untracked(|d| open_invoices_of(&id, &d.invoices, &d.events));
                (!open.is_empty()).then(|| Event {
                    id: EventId(browser::new_id("e")),
                    invoice_ids: open,
                    customer_id: id.clone(),
                    date: browser::today(),
                    channel: customer.preferred_channel,
                    kind: EventKind::Note { text },
                })
            })
            .into_iter()
            .collect();
        let edited = (!is_new).then(|| id.clone());
        saving.set(true);
        let navigate = navigate.clone();
        let back_to_draft = back_to_draft.clone();
        leptos::task::spawn_local(async move {
            let result = state
                .run(Changes {
                    customers: vec![customer],
                    events,
                    edits: Keys {
                        customers: edited.into_iter().collect(),
                        ..Keys::default()
                    },
                    made_from: Versions {
                        customers: (!is_new).then(|| base.get_value()).into_iter().collect(),
                        ..Versions::default()
                    },
                    ..Changes::default()
                })
                .await;
            // Left while saving: the page the user went to stays, and its history entry too.
            if saving.is_disposed() {
                return;
            }
            saving.set(false);
            match result {
                Ok(()) => {
                    // The form is done: Back must not return to it and save the customer twice.
                    let next = match (then_invoice, &back_to_draft) {
                        (true, _) => format!("/invoices/new?customer={}", id.as_str()),
                        (false, Some(invoice)) => format!("/compose/{invoice}"),
                        (false, None) => format!("/customers/{}", id.as_str()),
                    };
                    let options = leptos_router::NavigateOptions {
                        replace: true,
                        ..Default::default()
                    };
                    navigate(&next, options)
                }
                Err(e) => refusal.set(Some(e.refusal_reason(lang))),
            }
        });
    };

    let lang = move || i18n.lang();
    // A text input with its label and, below it, its error when it has one.
    // A text field of the draft, with its error once the form has one for it.
    let text_field = move |id: &'static str,
                           label: (&'static str, &'static str),
                           get: fn(&CustomerDraft) -> &String,
                           set: fn(&mut CustomerDraft) -> &mut String,
                           input_type: &'static str,
                           autocomplete: &'static str,
                           error: Option<Signal<Option<&'static str>>>| {
        view! {
            <TextField
                id
                label=Signal::derive(move || tr(lang(), label.0, label.1).to_owned())
                value=Signal::derive(move || draft.with(|d| get(d).clone()))
                on_input=move |text| draft.update(|d| *set(d) = text)
                error=Signal::derive(move || error.and_then(|e| e.get()).map(str::to_owned))
                input_type
                autocomplete=Some(autocomplete)
            />
        }
    };

    view! {
        <form class="customer-form" novalidate on:submit=submit on:input=move |_| state.unsaved.set(true) data-testid="customer-form">
            <fieldset class="field">
                <legend>{move || tr(lang(), "Wie", "Who")}</legend>
                {text_field("customer-name", ("Naam", "Name"), |d| &d.name, |d| &mut d.name, "text", "organization", Some(Signal::derive(move || shown.get().name)))}
                // Two customers of one name split a history and cannot be told apart in lists,
                // letters or an import; two people may share a name, so this warns, not refuses.
                {move || same_name.get().map(|(id, other)| view! {
                    <p class="warning" data-testid="customer-namesake">
                        {tr(lang(), "Er is al een klant met deze naam: ", "There is already a customer with this name: ")}
                        <A href=href(&format!("/customers/{id}"))>{other}</A>
                        {tr(lang(), ". Is het dezelfde klant, gebruik die dan. Zijn het er twee, maak de namen dan verschillend, bijvoorbeeld met de plaats.", ". If it is the same customer, use that one. If there are two, make the names differ, for example by adding the town.")}
                    </p>
                })}
                <div class="form-row">
                    <label class="field-label" for="customer-kind">{move || tr(lang(), "Soort klant", "Type of customer")}</label>
                    <select id="customer-kind" on:change=move |ev| draft.update(|d| d.kind = if event_target_value(&ev) == "consumer" { CustomerKind::Consumer } else { CustomerKind::Business })>
                        {[(CustomerKind::Business, "business"), (CustomerKind::Consumer, "consumer")].into_iter().map(|(k, code)| view! {
                            <option value=code prop:selected=move || draft.with(|d| d.kind == k)>{move || kind_label(k, lang())}</option>
                        }).collect_view()}
                    </select>
                    <p class="hint">{move || match state.settings.with(|s| s.jurisdiction) {
                        Jurisdiction::Nl => tr(lang(), "Voor particulieren gelden de consumentenregels, zoals de veertiendagenbrief.", "Consumer rules apply, such as the 14-day letter."),
                        Jurisdiction::Be => tr(lang(), "Voor particulieren gelden de consumentenregels, zoals een gratis eerste herinnering en veertien dagen voor een schadevergoeding.", "Consumer rules apply, such as a free first reminder and fourteen days before any damages."),
                    }}</p>
                </div>
                {text_field("customer-contact", ("Contactpersoon", "Contact person"), |d| &d.contact_person, |d| &mut d.contact_person, "text", "name", None)}
            </fieldset>
            <fieldset class="field">
                <legend>{move || tr(lang(), "Contactgegevens", "Contact details")}</legend>
                {text_field("customer-email", ("E-mail", "Email"), |d| &d.email, |d| &mut d.email, "email", "email", Some(Signal::derive(move || shown.get().email)))}
                {text_field("customer-phone", ("Telefoon", "Phone"), |d| &d.phone, |d| &mut d.phone, "tel", "tel", Some(Signal::derive(move || shown.get().phone)))}
                {text_field("customer-street", ("Straat en huisnummer", "Street and number"), |d| &d.street, |d| &mut d.street, "text", "street-address", None)}
                <div class="form-pair">
                    {text_field("customer-postcode", ("Postcode", "Postcode"), |d| &d.postcode, |d| &mut d.postcode, "text", "postal-code", None)}
                    {text_field("customer-city", ("Plaats", "City"), |d| &d.city, |d| &mut d.city, "text", "address-level2", None)}
                </div>
                {text_field("customer-country", ("Land", "Country"), |d| &d.country, |d| &mut d.country, "text", "country-name", None)}
            </fieldset>
            <fieldset class="field">
                <legend>{move || tr(lang(), "Herinneringen", "Chasing")}</legend>
                <div class="form-row">
                    <label class="field-label" for="customer-language">{move || tr(lang(), "Taal van de berichten", "Language of the messages")}</label>
                    <select id="customer-language" on:change=move |ev| draft.update(|d| d.language = Lang::from_code(&event_target_value(&ev)).unwrap_or_default())>
                        {Lang::ALL.into_iter().map(|l| view! {
                            <option value=l.code() prop:selected=move || draft.with(|d| d.language == l)>{move || language_label(l, lang())}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="form-row">
                    <label class="field-label" for="customer-channel">{move || tr(lang(), "Voorkeurskanaal", "Preferred channel")}</label>
                    <select
                        id="customer-channel"
                        aria-describedby=move || draft.with(|d| matches!(d.preferred_channel, Channel::Phone | Channel::InPerson)).then_some("customer-channel-hint")
                        on:change=move |ev| {
                        let code = event_target_value(&ev);
                        if let Some(c) = [Channel::Email, Channel::Sms, Channel::Phone, Channel::Letter, Channel::InPerson].into_iter().find(|c| channel_code(*c) == code) {
                            draft.update(|d| d.preferred_channel = c);
                        }
                    }>
                        {channels.into_iter().map(|c| view! {
                            <option value=channel_code(c) prop:selected=move || draft.with(|d| d.preferred_channel == c)>{move || channel_label(c, lang())}</option>
                        }).collect_view()}
                    </select>
                    // Reminders are written: a customer who prefers a call or a visit still gets
                    // them in writing, and the user should know that before choosing.
                    {move || draft.with(|d| matches!(d.preferred_channel, Channel::Phone | Channel::InPerson)).then(|| view! {
                        <p class="hint" id="customer-channel-hint" data-testid="channel-hint">{tr(lang(), "Herinneringen gaan altijd op schrift: per e-mail, of per post of sms als er geen e-mailadres is. Een telefoongesprek of een persoonlijk gesprek stelt de app voor op de momenten waarop dat het meeste oplevert.", "Reminders always go in writing: by email, or by post or text message when there is no email address. The app proposes a call or a visit at the moments it helps most.")}</p>
                    })}
                </div>
                <div class="form-row">
                    <label class="field-label" for="customer-best-time">{move || tr(lang(), "Beste moment om te bellen", "Best time to call")}</label>
                    <select id="customer-best-time" on:change=move |ev| {
                        let code = event_target_value(&ev);
                        if let Some(b) = [BestTime::Daytime, BestTime::Evening, BestTime::Any].into_iter().find(|b| best_time_code(*b) == code) {
                            draft.update(|d| d.best_time = b);
                        }
                    }>
                        {[BestTime::Daytime, BestTime::Evening, BestTime::Any].into_iter().map(|b| view! {
                            <option value=best_time_code(b) prop:selected=move || draft.with(|d| d.best_time == b)>{move || best_time_label(b, lang())}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="form-row">
                    <label class="checkbox">
                        <input type="checkbox" id="customer-paused" prop:checked=move || draft.with(|d| d.paused) on:change=move |ev| draft.update(|d| d.paused = event_target_checked(&ev))/>
                        " " {move || tr(lang(), "Herinneren gepauzeerd", "Chasing paused")}
                    </label>
                    <p class="hint">{move || tr(lang(), "Zolang dit aan staat, stelt de app voor deze klant niets voor.", "While this is on, the app proposes nothing for this customer.")}</p>
                </div>
                {move || draft.with(|d| d.paused).then(|| text_field("customer-pause-reason", ("Reden van de pauze", "Reason for the pause"), |d| &d.pause_reason, |d| &mut d.pause_reason, "text", "off", None))}
                <div class="form-row">
                    <label class="field-label" for="customer-notes">{move || tr(lang(), "Notities", "Notes")}</label>
                    <textarea id="customer-notes" class="wide" rows="4" prop:value=move || draft.with(|d| d.notes.clone()) on:input=move |ev| draft.update(|d| d.notes = event_target_value(&ev))></textarea>
                </div>
            </fieldset>
            {move || refusal.get().map(|reason| view! { <Refusal reason testid="save-refused"/> })}
            <div class="actions">
                <button type="submit" prop:disabled=move || saving.get() data-testid="save-customer">
                    {move || tr(lang(), "Opslaan", "Save")}
                </button>
                <A href=cancel attr:class="button secondary">{move || tr(lang(), "Annuleren", "Cancel")}</A>
            </div>
        </form>
    }
}
