//! Adding and editing a customer: one form for both. Saving is one command (one transaction);
//! a refused save shows why and changes nothing, on screen or in the database.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::domain::contact::{email_problem, namesake, phone_problem, tidy_postcode};
use crate::domain::dossier::customer_pause_note;
use crate::domain::messages::channel_label;
use crate::domain::model::{
    is_blank, open_invoices_of, BestTime, Channel, Customer, CustomerId, CustomerKind, Event, EventId, EventKind,
    Jurisdiction, Lang, PostalAddress,
};
use crate::store::{Changes, Keys, Versions};
use crate::ui::base::href;
use crate::ui::browser;
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::routes::customer::{best_time_label, kind_label, language_label};
use crate::ui::state::use_app_state;
use crate::ui::widgets::{edit_page, RecordKind, Refusal, RemoveRecord};

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

/// The problems with what was typed, one per field that has one.
#[derive(Clone, Debug, Default, PartialEq)]
struct Problems {
    name: Option<&'static str>,
    email: Option<&'static str>,
    phone: Option<&'static str>,
}

impl Problems {
    fn any(&self) -> bool {
        self.name.is_some() || self.email.is_some() || self.phone.is_some()
    }
}

fn problems(name: &str, email: &str, phone: &str, lang: Lang) -> Problems {
    Problems {
        name: is_blank(name).then(|| tr(lang, "Vul een naam in.", "Enter a name.")),
        email: email_problem(email, lang),
        phone: phone_problem(phone, lang),
    }
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

/// Moves a field that still shows `before` to `after`; a field the user changed keeps its value.
fn follow<T: Clone + PartialEq + Send + Sync + 'static>(field: RwSignal<T>, before: &T, after: &T) {
    if field.with_untracked(|shown| shown == before) && before != after {
        field.set(after.clone());
    }
}

/// The form for a new customer (`None`) or an existing one. Every field keeps its own signal;
/// the customer is built from them only when saving.
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

    let name = RwSignal::new(original.name.clone());
    let kind = RwSignal::new(original.kind);
    let contact = RwSignal::new(original.contact_person.clone());
    let email = RwSignal::new(original.email.clone());
    let phone = RwSignal::new(original.phone.clone());
    let street = RwSignal::new(original.address.street.clone());
    let postcode = RwSignal::new(original.address.postcode.clone());
    let city = RwSignal::new(original.address.city.clone());
    let country = RwSignal::new(original.address.country.clone());
    let language = RwSignal::new(original.language);
    let channel = RwSignal::new(original.preferred_channel);
    let best_time = RwSignal::new(original.best_time);
    let paused = RwSignal::new(original.paused.is_some());
    let pause_reason = RwSignal::new(original.paused.clone().unwrap_or_default());
    let notes = RwSignal::new(original.notes.clone());
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
            if after == before {
                return;
            }
            follow(name, &before.name, &after.name);
            follow(kind, &before.kind, &after.kind);
            follow(contact, &before.contact_person, &after.contact_person);
            follow(email, &before.email, &after.email);
            follow(phone, &before.phone, &after.phone);
            follow(street, &before.address.street, &after.address.street);
            follow(postcode, &before.address.postcode, &after.address.postcode);
            follow(city, &before.address.city, &after.address.city);
            follow(country, &before.address.country, &after.address.country);
            follow(language, &before.language, &after.language);
            follow(channel, &before.preferred_channel, &after.preferred_channel);
            follow(best_time, &before.best_time, &after.best_time);
            follow(paused, &before.paused.is_some(), &after.paused.is_some());
            let reason = |c: &Customer| c.paused.clone().unwrap_or_default();
            follow(pause_reason, &reason(&before), &reason(&after));
            follow(notes, &before.notes, &after.notes);
            base.set_value(after);
        });
    }

    let same_name = Memo::new({
        let id = original.id.clone();
        move |_| {
            let typed = name.get();
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
            problems(&name.get(), &email.get(), &phone.get(), i18n.lang())
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
        if problems(
            &name.get_untracked(),
            &email.get_untracked(),
            &phone.get_untracked(),
            lang,
        )
        .any()
        {
            return;
        }
        let id = if is_new {
            CustomerId(browser::new_id("c"))
        } else {
            original.id.clone()
        };
        let customer = Customer {
            id: id.clone(),
            name: name.get_untracked().trim().to_owned(),
            kind: kind.get_untracked(),
            contact_person: contact.get_untracked().trim().to_owned(),
            email: email.get_untracked().trim().to_owned(),
            phone: phone.get_untracked().trim().to_owned(),
            address: PostalAddress {
                street: street.get_untracked().trim().to_owned(),
                postcode: tidy_postcode(&postcode.get_untracked()),
                city: city.get_untracked().trim().to_owned(),
                country: country.get_untracked().trim().to_owned(),
            },
            language: language.get_untracked(),
            preferred_channel: channel.get_untracked(),
            best_time: best_time.get_untracked(),
            paused: paused
                .get_untracked()
                .then(|| pause_reason.get_untracked().trim().to_owned()),
            notes: notes.get_untracked().trim().to_owned(),
        };
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
    let text_field = move |id: &'static str,
                           label: (&'static str, &'static str),
                           value: RwSignal<String>,
                           input_type: &'static str,
                           autocomplete: &'static str,
                           error: Option<Signal<Option<&'static str>>>| {
        let error_id = format!("{id}-error");
        let has_error = move || error.is_some_and(|e| e.get().is_some());
        view! {
            <div class="form-row">
                <label class="field-label" for=id>{move || tr(lang(), label.0, label.1)}</label>
                <input
                    id=id
                    class="wide"
                    type=input_type
                    autocomplete=autocomplete
                    prop:value=move || value.get()
                    on:input=move |ev| value.set(event_target_value(&ev))
                    aria-invalid=move || has_error().then_some("true")
                    aria-describedby=move || has_error().then(|| error_id.clone())
                />
                {move || error.and_then(|e| e.get()).map(|text| view! {
                    <p class="field-error" id=format!("{id}-error") data-testid=format!("{id}-error")>{text}</p>
                })}
            </div>
        }
    };

    view! {
        <form class="customer-form" novalidate on:submit=submit on:input=move |_| state.unsaved.set(true) data-testid="customer-form">
            <fieldset class="field">
                <legend>{move || tr(lang(), "Wie", "Who")}</legend>
                {text_field("customer-name", ("Naam", "Name"), name, "text", "organization", Some(Signal::derive(move || shown.get().name)))}
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
                    <label class="field-label" for="customer-kind">{move || tr(lang(), "Soort klant", "Kind of customer")}</label>
                    <select id="customer-kind" on:change=move |ev| kind.set(if event_target_value(&ev) == "consumer" { CustomerKind::Consumer } else { CustomerKind::Business })>
                        {[(CustomerKind::Business, "business"), (CustomerKind::Consumer, "consumer")].into_iter().map(|(k, code)| view! {
                            <option value=code prop:selected=move || kind.get() == k>{move || kind_label(k, lang())}</option>
                        }).collect_view()}
                    </select>
                    <p class="hint">{move || match state.settings.with(|s| s.jurisdiction) {
                        Jurisdiction::Nl => tr(lang(), "Voor particulieren gelden de consumentenregels, zoals de veertiendagenbrief.", "Consumer rules apply, such as the 14-day letter."),
                        Jurisdiction::Be => tr(lang(), "Voor particulieren gelden de consumentenregels, zoals een gratis eerste herinnering en veertien dagen voor een schadevergoeding.", "Consumer rules apply, such as a free first reminder and fourteen days before any damages."),
                    }}</p>
                </div>
                {text_field("customer-contact", ("Contactpersoon", "Contact person"), contact, "text", "name", None)}
            </fieldset>
            <fieldset class="field">
                <legend>{move || tr(lang(), "Contactgegevens", "Contact details")}</legend>
                {text_field("customer-email", ("E-mail", "Email"), email, "email", "email", Some(Signal::derive(move || shown.get().email)))}
                {text_field("customer-phone", ("Telefoon", "Phone"), phone, "tel", "tel", Some(Signal::derive(move || shown.get().phone)))}
                {text_field("customer-street", ("Straat en huisnummer", "Street and number"), street, "text", "street-address", None)}
                <div class="form-pair">
                    {text_field("customer-postcode", ("Postcode", "Postcode"), postcode, "text", "postal-code", None)}
                    {text_field("customer-city", ("Plaats", "City"), city, "text", "address-level2", None)}
                </div>
                {text_field("customer-country", ("Land", "Country"), country, "text", "country-name", None)}
            </fieldset>
            <fieldset class="field">
                <legend>{move || tr(lang(), "Herinneren", "Chasing")}</legend>
                <div class="form-row">
                    <label class="field-label" for="customer-language">{move || tr(lang(), "Taal van de berichten", "Language of the messages")}</label>
                    <select id="customer-language" on:change=move |ev| language.set(Lang::from_code(&event_target_value(&ev)).unwrap_or_default())>
                        {Lang::ALL.into_iter().map(|l| view! {
                            <option value=l.code() prop:selected=move || language.get() == l>{move || language_label(l, lang())}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="form-row">
                    <label class="field-label" for="customer-channel">{move || tr(lang(), "Voorkeurskanaal", "Preferred channel")}</label>
                    <select id="customer-channel" on:change=move |ev| {
                        let code = event_target_value(&ev);
                        if let Some(c) = [Channel::Email, Channel::Sms, Channel::Phone, Channel::Letter, Channel::InPerson].into_iter().find(|c| channel_code(*c) == code) {
                            channel.set(c);
                        }
                    }>
                        {channels.into_iter().map(|c| view! {
                            <option value=channel_code(c) prop:selected=move || channel.get() == c>{move || channel_label(c, lang())}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="form-row">
                    <label class="field-label" for="customer-best-time">{move || tr(lang(), "Beste moment om te bellen", "Best time to call")}</label>
                    <select id="customer-best-time" on:change=move |ev| {
                        let code = event_target_value(&ev);
                        if let Some(b) = [BestTime::Daytime, BestTime::Evening, BestTime::Any].into_iter().find(|b| best_time_code(*b) == code) {
                            best_time.set(b);
                        }
                    }>
                        {[BestTime::Daytime, BestTime::Evening, BestTime::Any].into_iter().map(|b| view! {
                            <option value=best_time_code(b) prop:selected=move || best_time.get() == b>{move || best_time_label(b, lang())}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="form-row">
                    <label class="checkbox">
                        <input type="checkbox" id="customer-paused" prop:checked=move || paused.get() on:change=move |ev| paused.set(event_target_checked(&ev))/>
                        " " {move || tr(lang(), "Herinneren gepauzeerd", "Chasing paused")}
                    </label>
                    <p class="hint">{move || tr(lang(), "Zolang dit aan staat, stelt de app voor deze klant niets voor.", "While this is on, the app proposes nothing for this customer.")}</p>
                </div>
                {move || paused.get().then(|| text_field("customer-pause-reason", ("Reden van de pauze", "Reason for the pause"), pause_reason, "text", "off", None))}
                <div class="form-row">
                    <label class="field-label" for="customer-notes">{move || tr(lang(), "Notities", "Notes")}</label>
                    <textarea id="customer-notes" class="wide" rows="4" prop:value=move || notes.get() on:input=move |ev| notes.set(event_target_value(&ev))></textarea>
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
