//! The printable dossier of one invoice or one customer: every contact in date order, with the
//! exact texts sent, to hand to a collection agency. The browser prints it (or saves a PDF);
//! a plain-text copy can be downloaded as well. Nothing is sent anywhere.

use std::collections::{HashMap, HashSet};

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::domain::claim;
use crate::domain::dates::format_date;
use crate::domain::dossier::{self, DossierHeader, Entry, Prepared};
use crate::domain::model::{balance, Event, InvoiceId, Lang, Settings};
use crate::store::Stored;
use crate::ui::base::href;
use crate::ui::browser;
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::state::{use_app_state, Load};
use crate::ui::widgets::{keep_together, not_ready, NotFoundRecord, RecordKind};

/// Whose dossier: one invoice's, or everything of one customer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Scope {
    Invoice,
    Customer,
}

#[derive(Clone, Debug, PartialEq)]
struct Printable {
    header: DossierHeader,
    entries: Vec<Entry>,
    file_name: String,
    back: String,
}

fn printable(
    data: &Stored,
    settings: &Settings,
    scope: Scope,
    id: &str,
    prepared: Prepared,
    lang: Lang,
) -> Option<Printable> {
    let numbers: HashMap<&InvoiceId, &str> = data.invoices.iter().map(|i| (&i.id, i.number.as_str())).collect();
    match scope {
        Scope::Invoice => {
            let invoice = data.invoices.iter().find(|i| i.id.as_str() == id)?;
            let customer = data.customers.iter().find(|c| c.id == invoice.customer_id)?;
            let own: Vec<&Event> = data.events.iter().filter(|e| e.concerns(&invoice.id)).collect();
            let b = balance(invoice, own.iter().copied());
            // What the invoice page claims, read as it reads it: from the customer's whole
            // dossier, since a consumer's costs may be shared by several invoices.
            let theirs: Vec<&Event> = data.events.iter().filter(|e| e.customer_id == customer.id).collect();
            let claimed = claim::claim(invoice, customer, &theirs, &data.invoices, settings, prepared.on);
            Some(Printable {
                header: dossier::invoice_header(invoice, customer, &b, &claimed, prepared, lang),
                entries: dossier::entries(&own, &numbers, lang),
                file_name: format!(
                    "{}-{}.txt",
                    tr(lang, "dossier-factuur", "dossier-invoice"),
                    safe(&invoice.number)
                ),
                back: href(&format!("/invoices/{id}")),
            })
        }
        Scope::Customer => {
            let customer = data.customers.iter().find(|c| c.id.as_str() == id)?;
            let invoices: Vec<_> = data.invoices.iter().filter(|i| i.customer_id == customer.id).collect();
            let ids: HashSet<&InvoiceId> = invoices.iter().map(|i| &i.id).collect();
            // The same rule as the customer page: an event naming the customer or any of their
            // invoices belongs to the dossier.
            let own: Vec<&Event> = data
                .events
                .iter()
                .filter(|e| e.customer_id == customer.id || e.invoice_ids.iter().any(|i| ids.contains(i)))
                .collect();
            let with_balance: Vec<_> = invoices
                .iter()
                .map(|i| (*i, balance(i, own.iter().copied().filter(|e| e.concerns(&i.id)))))
                .collect();
            Some(Printable {
                header: dossier::customer_header(customer, &with_balance, prepared, lang),
                entries: dossier::entries(&own, &numbers, lang),
                file_name: format!(
                    "{}-{}.txt",
                    tr(lang, "dossier-klant", "dossier-customer"),
                    safe(&customer.name)
                ),
                back: href(&format!("/customers/{id}")),
            })
        }
    }
}

/// A file name made of letters, digits and dashes only, whatever the invoice number holds.
fn safe(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    let trimmed = cleaned.trim_matches('-');
    if trimmed.is_empty() {
        "dossier".into()
    } else {
        trimmed.chars().take(60).collect()
    }
}

#[component]
pub fn InvoiceDossier() -> impl IntoView {
    view! { <DossierPage scope=Scope::Invoice/> }
}

#[component]
pub fn CustomerDossier() -> impl IntoView {
    view! { <DossierPage scope=Scope::Customer/> }
}

#[component]
fn DossierPage(scope: Scope) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let params = use_params_map();
    let doc = Memo::new(move |_| {
        let id = params.read().get("id").unwrap_or_default();
        let lang = i18n.lang();
        let settings = state.settings.read();
        let prepared = Prepared {
            creditor: &settings.business,
            jurisdiction: settings.jurisdiction,
            on: browser::today(),
        };
        state.data.with(|d| printable(d, &settings, scope, &id, prepared, lang))
    });
    view! {
        <section class="page dossier-page">
            {move || {
                let lang = i18n.lang();
                match (state.load.get(), doc.get()) {
                    (Load::Ready, None) => {
                        let record = match scope {
                            Scope::Invoice => RecordKind::Invoice,
                            Scope::Customer => RecordKind::Customer,
                        };
                        view! { <NotFoundRecord record lang/> }.into_any()
                    }
                    (Load::Ready, Some(p)) => document_view(p, lang).into_any(),
                    (unready, _) => not_ready(unready),
                }
            }}
        </section>
    }
}

fn document_view(p: Printable, lang: Lang) -> impl IntoView {
    let notice = RwSignal::new(None::<String>);
    let text = dossier::as_text(&p.header, &p.entries, lang);
    let file_name = p.file_name.clone();
    let download = move |_| {
        if browser::download(&file_name, "text/plain;charset=utf-8", &text).is_err() {
            notice.set(Some(
                tr(
                    lang,
                    "Downloaden lukte niet. Druk het dossier af of bewaar het als pdf.",
                    "The download failed. Print the dossier or save it as a PDF.",
                )
                .into(),
            ));
        }
    };
    view! {
        <div class="no-print">
            <p class="breadcrumb"><A href=p.back.clone()>{tr(lang, "← Terug", "← Back")}</A></p>
            <div class="actions">
                <button type="button" on:click=move |_| { let _ = window().print(); } data-testid="print-dossier">{tr(lang, "Afdrukken of als pdf bewaren", "Print or save as PDF")}</button>
                <button type="button" class="secondary" on:click=download data-testid="download-dossier">{tr(lang, "Als tekstbestand downloaden", "Download as a text file")}</button>
            </div>
            {move || notice.get().map(|t| view! { <p class="error" role="alert">{t}</p> })}
        </div>
        <article class="dossier" data-testid="dossier">
            <h1>{keep_together(&p.header.title)}</h1>
            <ul class="dossier-facts">{p.header.lines.iter().map(|l| view! { <li>{keep_together(l)}</li> }).collect_view()}</ul>
            {if p.entries.is_empty() {
                view! { <p>{tr(lang, "Er is nog niets vastgelegd.", "Nothing has been recorded yet.")}</p> }.into_any()
            } else {
                view! {
                    <ol class="dossier-entries">
                        {p.entries.into_iter().map(|e| view! {
                            <li>
                                <p class="dossier-entry-head">
                                    <strong class="nowrap">{format_date(e.date, lang)}</strong>
                                    {e.channel.map(|channel| format!(" · {channel}"))}
                                    " · " {keep_together(&e.title)}
                                    {(!e.invoices.is_empty()).then(|| format!(" · {}", e.invoices.join(", ")))}
                                </p>
                                {e.text.map(|t| view! { <pre class="dossier-text">{t}</pre> })}
                            </li>
                        }).collect_view()}
                    </ol>
                }
                .into_any()
            }}
        </article>
    }
}
