//! Adding and editing an invoice: one form for both. The domain reads the typed text and says
//! what is wrong per field; saving is one command, and a refused save changes nothing.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use rust_decimal::Decimal;

use crate::domain::dates::format_date;
use crate::domain::invoice_form::{self, FieldError, InvoiceDraft, InvoiceField};
use crate::domain::model::{balance, Channel, Event, EventId, EventKind, Invoice, InvoiceId, Lang};
use crate::domain::money::format_money;
use crate::domain::sorting;
use crate::store::{Changes, Keys, Versions};
use crate::ui::base::href;
use crate::ui::browser;
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::state::{use_app_state, Load};
use crate::ui::widgets::{edit_page, not_ready, RecordKind, Refusal, RemoveRecord, TextField};

/// The route `/invoices/new`; `?customer=<id>` picks the customer in advance.
#[component]
pub fn NewInvoice() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let query = use_query_map();
    view! {
        <section class="page">
            <h1>{move || tr(i18n.lang(), "Nieuwe factuur", "New invoice")}</h1>
            {move || match state.load.get() {
                Load::Ready if state.data.with_untracked(|d| d.customers.is_empty()) => view! {
                    <div class="empty-state">
                        <p class="empty-lead">{tr(i18n.lang(), "Een factuur hoort bij een klant. Voeg eerst een klant toe.", "An invoice belongs to a customer. Add a customer first.")}</p>
                        <p><A href=href("/customers/new?next=invoice") attr:class="button">{tr(i18n.lang(), "Klant toevoegen", "Add a customer")}</A></p>
                    </div>
                }
                .into_any(),
                Load::Ready => {
                    let customer = query.with_untracked(|q| q.get("customer")).unwrap_or_default();
                    view! { <InvoiceForm invoice=None customer/> }.into_any()
                }
                unready => not_ready(unready),
            }}
        </section>
    }
}

/// The route `/invoices/:id/edit`.
#[component]
pub fn EditInvoice() -> impl IntoView {
    edit_page(
        ("Factuur bewerken", "Edit invoice"),
        RecordKind::Invoice,
        |d, id| d.invoices.iter().find(|i| i.id.as_str() == id).cloned(),
        |invoice| {
            let removal = Keys {
                invoices: vec![invoice.id.clone()],
                ..Keys::default()
            };
            view! {
                <InvoiceForm invoice=Some(invoice) customer=String::new()/>
                <RemoveRecord removal record=RecordKind::Invoice/>
            }
            .into_any()
        },
    )
}

fn field_code(field: InvoiceField) -> &'static str {
    match field {
        InvoiceField::Number => "invoice-number",
        InvoiceField::Customer => "invoice-customer",
        InvoiceField::IssueDate => "invoice-issue-date",
        InvoiceField::Term => "invoice-term",
        InvoiceField::DueDate => "invoice-due-date",
        InvoiceField::Amount => "invoice-amount",
    }
}

#[component]
fn InvoiceForm(invoice: Option<Invoice>, customer: String) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    // Typing marks the form as holding unsaved text, so an update asks before it reloads the
    // page; leaving the page ends that.
    on_cleanup(move || state.unsaved.set(false));
    let navigate = use_navigate();
    // The language the loaded values are written in; the form keeps them through a switch.
    let lang = i18n.lang();
    let today = browser::today();
    let is_new = invoice.is_none();
    let term = state.settings.with_untracked(|s| s.default_payment_term_days);
    let draft = match &invoice {
        Some(inv) => InvoiceDraft::from_invoice(inv, lang),
        None => {
            // With one customer there is nothing to choose. With more, the user picks: a
            // preselected one that happens to be first is how an invoice lands at the wrong
            // customer.
            let only = state.data.with_untracked(|d| match d.customers.as_slice() {
                [only] => only.id.0.clone(),
                _ => String::new(),
            });
            let chosen = if customer.is_empty() { only } else { customer };
            InvoiceDraft::blank(&chosen, today, term, lang)
        }
    };
    let id = invoice
        .as_ref()
        .map_or_else(|| InvoiceId(browser::new_id("i")), |i| i.id.clone());
    let form = RwSignal::new(draft);
    // Another tab may save this invoice while the form is open: untouched fields follow it, so
    // a save here never writes back the old values. A save that comes before the other tab's
    // change arrived is refused by the store, which is told what the form was made from.
    let base = invoice.clone().map(StoredValue::new);
    if let Some(base) = base {
        let id = id.clone();
        Effect::new(move |_| {
            let Some(after) = state.data.with(|d| d.invoices.iter().find(|i| i.id == id).cloned()) else {
                return;
            };
            let before = base.get_value();
            if after != before {
                let (old, new) = (
                    InvoiceDraft::from_invoice(&before, lang),
                    InvoiceDraft::from_invoice(&after, lang),
                );
                form.update(|draft| draft.follow(&old, &new));
                base.set_value(after);
            }
        });
    }
    let tried = RwSignal::new(false);
    let saving = RwSignal::new(false);
    let refusal = RwSignal::new(None::<String>);
    // An amount below what was already received turns the invoice into a paid one with money
    // to refund, most often through a typing slip: the form asks once, and a second save of
    // the same amount goes through. (`paid`, the amount asked about)
    let below_paid = RwSignal::new(None::<(Decimal, Decimal)>);

    let check = {
        let id = id.clone();
        move || -> Result<Invoice, Vec<FieldError>> {
            let draft = form.get();
            state.data.with(|d| {
                let dossier_customer = d.events.iter().find(|e| e.concerns(&id)).map(|e| &e.customer_id);
                invoice_form::validate_for_save(
                    &draft,
                    id.clone(),
                    &d.invoices,
                    &d.customers,
                    dossier_customer,
                    today,
                    i18n.lang(),
                )
            })
        }
    };
    let errors = {
        let check = check.clone();
        Memo::new(move |_| {
            if tried.get() {
                check().err().unwrap_or_default()
            } else {
                Vec::new()
            }
        })
    };
    let error_of = move |field: InvoiceField| {
        Signal::derive(move || errors.with(|list| list.iter().find(|e| e.field == field).map(|e| e.message.clone())))
    };

    let submit = {
        let check = check.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            if saving.get_untracked() {
                return;
            }
            tried.set(true);
            browser::focus_first_invalid(&ev);
            refusal.set(None);
            let Ok(invoice) = check() else {
                return;
            };
            let paid = state.data.with_untracked(|d| balance(&invoice, &d.events).paid);
            if invoice.amount < paid && below_paid.get_untracked().map(|(_, asked)| asked) != Some(invoice.amount) {
                below_paid.set(Some((paid, invoice.amount)));
                return;
            }
            // An invoice with a contact history gets a note in it when its figures change, in
            // the same save: the dossier then explains why an earlier letter names another
            // amount or date.
            let note = state.data.with_untracked(|d| {
                let before = d.invoices.iter().find(|i| i.id == invoice.id)?;
                let dossier = d.events.iter().find(|e| e.concerns(&invoice.id))?;
                let text = invoice_form::change_note(before, &invoice, i18n.lang())?;
                Some(Event {
                    id: EventId(browser::new_id("e")),
                    invoice_ids: vec![invoice.id.clone()],
                    customer_id: dossier.customer_id.clone(),
                    date: today,
                    // As a note made by hand is filed.
                    channel: d
                        .customers
                        .iter()
                        .find(|c| c.id == dossier.customer_id)
                        .map_or(Channel::Email, |c| c.preferred_channel),
                    kind: EventKind::Note { text },
                })
            });
            let edited = (!is_new).then(|| invoice.id.clone());
            saving.set(true);
            let navigate = navigate.clone();
            let target = format!("/invoices/{}", invoice.id.as_str());
            leptos::task::spawn_local(async move {
                let result = state
                    .run(Changes {
                        invoices: vec![invoice],
                        events: note.into_iter().collect(),
                        edits: Keys {
                            invoices: edited.into_iter().collect(),
                            ..Keys::default()
                        },
                        made_from: Versions {
                            invoices: base.map(|base| base.get_value()).into_iter().collect(),
                            ..Versions::default()
                        },
                        ..Changes::default()
                    })
                    .await;
                // Left while saving: the page the user went to stays.
                if saving.is_disposed() {
                    return;
                }
                saving.set(false);
                match result {
                    Ok(()) => navigate(&target, Default::default()),
                    Err(e) => refusal.set(Some(e.refusal_reason(i18n.lang()))),
                }
            });
        }
    };

    // A text input bound to one field of the draft, with its error beside it.
    // Labels and hints are text pairs, read in the current language on every switch: the form
    // itself stays, and so does what was typed.
    let text_field = move |field: InvoiceField,
                           label: (&'static str, &'static str),
                           get: fn(&InvoiceDraft) -> &String,
                           set: fn(&mut InvoiceDraft) -> &mut String,
                           hint: Option<(&'static str, &'static str)>| {
        let id = field_code(field);
        let error = error_of(field);
        // Amounts and days take text (a decimal comma, a blank left empty) but want number keys.
        let inputmode = match field {
            InvoiceField::Amount => Some("decimal"),
            InvoiceField::Term => Some("numeric"),
            _ => None,
        };
        view! {
            <TextField
                id
                label=Signal::derive(move || tr(i18n.lang(), label.0, label.1).to_owned())
                value=Signal::derive(move || form.with(|f| get(f).clone()))
                on_input=move |text| form.update(|f| *set(f) = text)
                error
                inputmode
                hint=hint.map(|h| Signal::derive(move || tr(i18n.lang(), h.0, h.1).to_owned()))
            />
        }
    };

    // The choice follows the data: a customer added in another tab can be chosen here, and a
    // customer changed there shows here, as the other fields do.
    let customers = Memo::new(move |_| {
        state.data.with(|d| {
            let mut list: Vec<(String, String)> =
                d.customers.iter().map(|c| (c.id.0.clone(), c.name.clone())).collect();
            sorting::sort_by_key(&mut list, |(_, name)| name.to_lowercase());
            list
        })
    });
    let chosen_customer = form.with_untracked(|f| f.customer_id.clone());
    let customer_error = error_of(InvoiceField::Customer);
    let date_hint = ("Bijvoorbeeld 15-03-2026.", "For example 15 Mar 2026 or 15-03-2026.");
    let due_preview = move || {
        form.with(|f| {
            if !f.due_date.trim().is_empty() {
                return None;
            }
            invoice_form::due_preview(f).map(|due| {
                let lang = i18n.lang();
                format!(
                    "{} {}",
                    tr(lang, "Vervaldatum wordt:", "Due date will be:"),
                    format_date(due, lang)
                )
            })
        })
    };
    let cancel = match &invoice {
        Some(inv) => href(&format!("/invoices/{}", inv.id.as_str())),
        None => href("/invoices"),
    };

    view! {
        <form class="customer-form" novalidate on:submit=submit on:input=move |_| state.unsaved.set(true) data-testid="invoice-form">
            <fieldset class="field">
                <legend>{move || tr(i18n.lang(), "Factuur", "Invoice")}</legend>
                {text_field(InvoiceField::Number, ("Factuurnummer", "Invoice number"), |f| &f.number, |f| &mut f.number, None)}
                <div class="form-row">
                    <label class="field-label" for="invoice-customer">{move || tr(i18n.lang(), "Klant", "Customer")}</label>
                    <select id="invoice-customer" on:change=move |ev| form.update(|f| f.customer_id = event_target_value(&ev))
                        aria-invalid=move || customer_error.get().is_some().then_some("true")
                        aria-describedby=move || customer_error.get().is_some().then_some("invoice-customer-error")>
                        {chosen_customer.is_empty().then(|| view! {
                            <option value="" disabled prop:selected=move || form.with(|f| f.customer_id.is_empty())>{move || tr(i18n.lang(), "Kies een klant", "Choose a customer")}</option>
                        })}
                        // The selection is a property bound to the form, not a `selected`
                        // attribute: an attribute stops counting once the user has chosen, so
                        // the select would show one customer while the form saves another.
                        {move || customers.get().into_iter().map(|(id, name)| {
                            let selected = id.clone();
                            view! { <option value=id prop:selected=move || form.with(|f| f.customer_id == selected)>{name}</option> }
                        }).collect_view()}
                    </select>
                    {move || customer_error.get().map(|text| view! { <p class="field-error" id="invoice-customer-error" data-testid="invoice-customer-error">{text}</p> })}
                </div>
                {text_field(InvoiceField::Amount, ("Bedrag inclusief btw", "Amount including VAT"), |f| &f.amount, |f| &mut f.amount, Some(("Bijvoorbeeld 1.250,00", "For example 1,250.00")))}
                {move || below_paid.get().map(|(paid, asked)| {
                    let lang = i18n.lang();
                    let (paid, asked) = (format_money(paid, lang), format_money(asked, lang));
                    view! {
                        <p class="field-error" role="alert" data-testid="amount-below-paid">
                            {match lang {
                                Lang::Nl => format!("Op deze factuur is al {paid} ontvangen. Met een bedrag van {asked} is hij volledig betaald en moet je geld terugbetalen. Klopt {asked}? Sla dan nog eens op."),
                                Lang::En => format!("{paid} has already been received on this invoice. At {asked} it would be paid in full, with money to pay back. Is {asked} right? Then save again."),
                            }}
                        </p>
                    }
                })}
                <div class="form-row">
                    <label class="field-label" for="invoice-description">{move || tr(i18n.lang(), "Omschrijving (optioneel)", "Description (optional)")}</label>
                    <input id="invoice-description" class="wide" type="text" prop:value=move || form.with(|f| f.description.clone()) on:input=move |ev| form.update(|f| f.description = event_target_value(&ev))/>
                </div>
            </fieldset>
            <fieldset class="field">
                <legend>{move || tr(i18n.lang(), "Datums", "Dates")}</legend>
                {text_field(InvoiceField::IssueDate, ("Factuurdatum", "Invoice date"), |f| &f.issue_date, |f| &mut f.issue_date, Some(date_hint))}
                {move || {
                    let caution = form.with(|f| invoice_form::future_issue_date(f, state.today.get(), i18n.lang()));
                    caution.map(|text| view! { <p class="warning" data-testid="future-date">{text}</p> })
                }}
                {text_field(InvoiceField::Term, ("Betaaltermijn in dagen", "Payment term in days"), |f| &f.term_days, |f| &mut f.term_days, None)}
                {move || due_preview().map(|text| view! { <p class="hint" data-testid="due-preview">{text}</p> })}
                {text_field(InvoiceField::DueDate, ("Of een eigen vervaldatum (optioneel)", "Or a due date of your own (optional)"), |f| &f.due_date, |f| &mut f.due_date, Some(("Leeg laten: de vervaldatum volgt uit de termijn.", "Leave empty: the due date follows from the term.")))}
                {move || {
                    let caution = form.with(|f| state.data.with(|d| invoice_form::long_business_term(f, &d.customers, i18n.lang())));
                    caution.map(|text| view! { <p class="warning" data-testid="long-term">{text}</p> })
                }}
            </fieldset>
            {move || refusal.get().map(|reason| view! { <Refusal reason testid="save-refused"/> })}
            <div class="actions">
                <button type="submit" prop:disabled=move || saving.get() data-testid="save-invoice">
                    {move || if is_new { tr(i18n.lang(), "Factuur toevoegen", "Add invoice") } else { tr(i18n.lang(), "Opslaan", "Save") }}
                </button>
                <A href=cancel attr:class="button secondary">{move || tr(i18n.lang(), "Annuleren", "Cancel")}</A>
            </div>
        </form>
    }
}
