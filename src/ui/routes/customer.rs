//! One customer: how to reach them (with links that open the phone or mail app in one tap),
//! how they like to be chased, their invoices, and the combined dossier of everything that
//! happened on those invoices.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::domain::aggregates::{self, CustomerTotal, WorstStatus};
use crate::domain::contact::is_valid_email;
use crate::domain::dates::format_date;
use crate::domain::dossier::{self, Entry};
use crate::domain::invoice_query::{self, Row, Sort};
use crate::domain::links;
use crate::domain::messages::channel_label;
use crate::domain::model::{BestTime, Customer, CustomerKind, Event, Invoice, InvoiceId, Lang, Settings};
use crate::domain::money::format_money;
use crate::domain::plural;
use crate::store::Stored;
use crate::ui::base::href;
use crate::ui::i18n::{tr, use_i18n, Key};
use crate::ui::routes::invoice::Timeline;
use crate::ui::state::{use_app_state, Load};
use crate::ui::widgets::{not_ready, NotFoundRecord, RecordKind};

pub fn kind_label(kind: CustomerKind, lang: Lang) -> &'static str {
    match kind {
        CustomerKind::Business => tr(lang, "Zakelijk", "Business"),
        CustomerKind::Consumer => tr(lang, "Particulier", "Consumer"),
    }
}

pub fn best_time_label(best: BestTime, lang: Lang) -> &'static str {
    match best {
        BestTime::Daytime => tr(lang, "Overdag", "Daytime"),
        BestTime::Evening => tr(lang, "'s Avonds", "Evening"),
        BestTime::Any => tr(lang, "Maakt niet uit", "Any time"),
    }
}

/// A customer's language, named in the language of the interface.
pub fn language_label(language: Lang, lang: Lang) -> &'static str {
    match language {
        Lang::Nl => tr(lang, "Nederlands", "Dutch"),
        Lang::En => tr(lang, "Engels", "English"),
    }
}

pub fn worst_label(worst: WorstStatus, lang: Lang) -> String {
    match (worst, lang) {
        (WorstStatus::NothingOpen, _) => tr(lang, "Alles betaald", "All paid").to_owned(),
        (WorstStatus::NotDue, _) => tr(lang, "Nog niet vervallen", "Not yet due").to_owned(),
        (WorstStatus::Overdue { days: 1 }, Lang::Nl) => "1 dag te laat".to_owned(),
        (WorstStatus::Overdue { days: 1 }, Lang::En) => "1 day late".to_owned(),
        (WorstStatus::Overdue { days }, Lang::Nl) => format!("{days} dagen te laat"),
        (WorstStatus::Overdue { days }, Lang::En) => format!("{days} days late"),
        (WorstStatus::HandedOver, _) => tr(lang, "Bij het incassobureau", "With the collection agency").to_owned(),
        (WorstStatus::WrittenOff, _) => tr(lang, "Afgeschreven", "Written off").to_owned(),
    }
}

/// Everything the page shows about one customer.
#[derive(Clone, Debug, PartialEq)]
struct Dossier {
    customer: Customer,
    /// The customer's invoices as the invoice list shows them, oldest due date first.
    invoices: Vec<Row>,
    /// Oldest first, as the dossier module orders it.
    timeline: Vec<Entry>,
    /// The customer's line of the customer list; `None` without invoices.
    total: Option<CustomerTotal>,
}

fn dossier(data: &Stored, settings: &Settings, id: &str, today: NaiveDate, lang: Lang) -> Option<Dossier> {
    let customer = data.customers.iter().find(|c| c.id.as_str() == id)?.clone();
    let theirs: Vec<Invoice> = data
        .invoices
        .iter()
        .filter(|i| i.customer_id == customer.id)
        .cloned()
        .collect();
    // The same rows, with the same status text, as the invoice list; oldest due date first.
    let mut invoices = invoice_query::rows(&theirs, std::slice::from_ref(&customer), &data.events, settings, today);
    invoice_query::sort_rows(&mut invoices, Sort::DueAsc);
    let numbers: HashMap<&InvoiceId, &str> = invoices.iter().map(|r| (&r.id, r.number.as_str())).collect();
    let own: HashSet<&InvoiceId> = numbers.keys().copied().collect();
    // An event belongs here when it names the customer or any of their invoices, so a dossier
    // stays whole even if one of the two was recorded differently.
    let own_events: Vec<&Event> = data
        .events
        .iter()
        .filter(|e| e.customer_id == customer.id || e.invoice_ids.iter().any(|i| own.contains(i)))
        .collect();
    let timeline = dossier::entries(&own_events, &numbers, lang);
    let total = aggregates::customer_totals(&theirs, &data.events, today).pop();
    Some(Dossier {
        customer,
        invoices,
        timeline,
        total,
    })
}

#[component]
pub fn CustomerPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let params = use_params_map();
    let dossier = Memo::new(move |_| {
        let id = params.read().get("id").unwrap_or_default();
        let lang = i18n.lang();
        let today = state.today.get();
        state
            .settings
            .with(|settings| state.data.with(|d| dossier(d, settings, &id, today, lang)))
    });
    view! {
        <section class="page">
            {move || {
                let lang = i18n.lang();
                match (state.load.get(), dossier.get()) {
                    (Load::Ready, None) => view! { <NotFoundRecord record=RecordKind::Customer lang/> }.into_any(),
                    (Load::Ready, Some(d)) => customer_view(d, lang).into_any(),
                    (unready, _) => view! { <h1>{i18n.t(Key::CustomersTitle)}</h1> {not_ready(unready)} }.into_any(),
                }
            }}
        </section>
    }
}

fn customer_view(d: Dossier, lang: Lang) -> impl IntoView {
    let c = d.customer;
    let edit = href(&format!("/customers/{}/edit", c.id.as_str()));
    view! {
        <p class="breadcrumb"><A href=href("/customers")>{tr(lang, "← Alle klanten", "← All customers")}</A></p>
        <div class="page-head">
            <h1>{c.name.clone()}</h1>
            <A href=edit attr:class="button" attr:data-testid="edit-customer">{tr(lang, "Bewerken", "Edit")}</A>
            <A href=href(&format!("/invoices/new?customer={}", c.id.as_str())) attr:class="button secondary" attr:data-testid="new-invoice-for-customer">{tr(lang, "Nieuwe factuur", "New invoice")}</A>
            <A href=href(&format!("/dossier/customer/{}", c.id.as_str())) attr:class="button secondary" attr:data-testid="export-dossier">{tr(lang, "Dossier afdrukken", "Print dossier")}</A>
        </div>
        {c.paused.clone().map(|reason| view! {
            <p class="paused-note" data-testid="paused">
                <strong>{tr(lang, "Herinneren gepauzeerd", "Chasing paused")}</strong>
                {(!reason.trim().is_empty()).then(|| format!(": {}", reason.trim()))}
            </p>
        })}
        <div class="customer-panels">
            <ContactCard customer=c.clone() lang/>
            <div class="card">
                <h2>{tr(lang, "Zo benader je deze klant", "How to chase this customer")}</h2>
                <dl class="details">
                    <dt>{tr(lang, "Soort", "Type")}</dt>
                    <dd>{kind_label(c.kind, lang)}</dd>
                    <dt>{tr(lang, "Voorkeurskanaal", "Preferred channel")}</dt>
                    <dd>{channel_label(c.preferred_channel, lang)}</dd>
                    <dt>{tr(lang, "Taal", "Language")}</dt>
                    <dd>{language_label(c.language, lang)}</dd>
                    <dt>{tr(lang, "Beste moment om te bellen", "Best time to call")}</dt>
                    <dd>{best_time_label(c.best_time, lang)}</dd>
                </dl>
                {(!c.notes.trim().is_empty()).then(|| view! {
                    <h3>{tr(lang, "Notities", "Notes")}</h3>
                    <p class="notes" data-testid="notes">{c.notes.clone()}</p>
                })}
            </div>
        </div>
        <h2>{tr(lang, "Facturen", "Invoices")}</h2>
        // The customer list's figures, so the page answers "what does this customer owe me"
        // before the rows do.
        {d.total.map(|t| {
            let open = match lang {
                Lang::Nl => plural::count(t.open_invoices, "open factuur", "open facturen"),
                Lang::En => plural::count(t.open_invoices, "open invoice", "open invoices"),
            };
            view! {
                <p class="customer-summary" data-testid="customer-summary">
                    {format!(
                        "{} {} · {} {} · {open} · {}",
                        tr(lang, "Openstaand", "Outstanding"),
                        format_money(t.outstanding, lang),
                        tr(lang, "te laat", "overdue"),
                        format_money(t.overdue, lang),
                        worst_label(t.worst, lang),
                    )}
                </p>
            }
        })}
        {if d.invoices.is_empty() {
            view! { <p class="hint" data-testid="no-invoices">{tr(lang, "Deze klant heeft nog geen facturen.", "This customer has no invoices yet.")}</p> }.into_any()
        } else {
            let [number, due, amount, outstanding, status] = [
                tr(lang, "Nummer", "Number"),
                tr(lang, "Vervaldatum", "Due date"),
                tr(lang, "Bedrag", "Amount"),
                tr(lang, "Openstaand", "Outstanding"),
                tr(lang, "Status", "Status"),
            ];
            view! {
                <div class="table-scroll">
                    <table class="invoice-table stack-on-phone" data-testid="customer-invoices">
                        <thead>
                            <tr>
                                <th scope="col">{number}</th>
                                <th scope="col">{due}</th>
                                <th scope="col" class="num">{amount}</th>
                                <th scope="col" class="num">{outstanding}</th>
                                <th scope="col">{status}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {d.invoices.into_iter().map(|r| {
                                let standing = r.status_text(lang);
                                view! {
                                <tr>
                                    <td><A href=href(&format!("/invoices/{}", r.id.as_str()))>{r.number.clone()}</A></td>
                                    <td data-label=due>{format_date(r.due_date, lang)}</td>
                                    <td class="num" data-label=amount>{format_money(r.amount, lang)}</td>
                                    <td class="num" data-label=outstanding>{format_money(r.outstanding, lang)}</td>
                                    <td data-label=status>{standing}</td>
                                </tr>
                            }}).collect_view()}
                        </tbody>
                    </table>
                </div>
            }
            .into_any()
        }}
        <h2>{tr(lang, "Dossier", "Dossier")}</h2>
        {if d.timeline.is_empty() {
            view! { <p class="hint" data-testid="empty-timeline">{tr(lang, "Er is nog niets vastgelegd.", "Nothing has been recorded yet.")}</p> }.into_any()
        } else {
            view! {
                <p class="hint">{tr(lang, "Alles wat er met de facturen van deze klant gebeurde, nieuwste eerst.", "Everything that happened on this customer's invoices, newest first.")}</p>
                <Timeline entries=d.timeline lang all_numbers=true/>
            }
            .into_any()
        }}
    }
}

/// Contact details, each with its one-tap link only when the detail is usable: a wrong link
/// is worse than none.
#[component]
fn ContactCard(customer: Customer, lang: Lang) -> impl IntoView {
    let email = customer.email.trim().to_owned();
    let phone = customer.phone.trim().to_owned();
    let mailto = is_valid_email(&email).then(|| links::mailto(&email, "", "").href().to_owned());
    let tel = links::tel(&phone);
    let sms = links::sms(&phone, "");
    let address = customer.address.lines();
    let nothing =
        email.is_empty() && phone.is_empty() && address.is_empty() && customer.contact_person.trim().is_empty();
    view! {
        <div class="card">
            <h2>{tr(lang, "Contact", "Contact")}</h2>
            {nothing.then(|| view! { <p class="hint">{tr(lang, "Nog geen contactgegevens ingevuld.", "No contact details yet.")}</p> })}
            <dl class="details">
                {(!customer.contact_person.trim().is_empty()).then(|| view! {
                    <dt>{tr(lang, "Contactpersoon", "Contact person")}</dt>
                    <dd>{customer.contact_person.clone()}</dd>
                })}
                {(!email.is_empty()).then(|| view! {
                    <dt>{tr(lang, "E-mail", "Email")}</dt>
                    <dd>
                        {match mailto {
                            Some(link) => view! { <a href=link data-testid="mailto">{email.clone()}</a> }.into_any(),
                            None => view! { <span>{email.clone()}</span> }.into_any(),
                        }}
                    </dd>
                })}
                {(!phone.is_empty()).then(|| view! {
                    <dt>{tr(lang, "Telefoon", "Phone")}</dt>
                    <dd>
                        <span>{phone.clone()}</span>
                        <span class="contact-links">
                            {tel.map(|link| view! { <a class="button secondary" href=link data-testid="tel">{tr(lang, "Bellen", "Call")}</a> })}
                            {sms.map(|link| view! { <a class="button secondary" href=link data-testid="sms">{tr(lang, "Sms", "Text")}</a> })}
                        </span>
                    </dd>
                })}
                {(!address.is_empty()).then(|| view! {
                    <dt>{tr(lang, "Adres", "Address")}</dt>
                    <dd>
                        <address>{address.into_iter().map(|l| view! { <span>{l}</span><br/> }).collect_view()}</address>
                    </dd>
                })}
            </dl>
        </div>
    }
}
