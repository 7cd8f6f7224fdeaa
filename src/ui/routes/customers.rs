//! The customers stored on this device, most serious first, with what each one owes. Until
//! the first one is added this is an empty state that says so, read from the database rather
//! than assumed.

use std::collections::HashMap;

use leptos::prelude::*;
use leptos_router::components::A;
use rust_decimal::Decimal;

use crate::domain::aggregates::{self, CustomerTotal, WorstStatus};
use crate::domain::model::{Customer, CustomerId, Lang};
use crate::domain::money::format_money;
use crate::domain::plural;
use crate::domain::sorting;
use crate::ui::base::href;
use crate::ui::i18n::{tr, use_i18n, Key};
use crate::ui::routes::customer::{kind_label, worst_label};
use crate::ui::state::{use_app_state, Load};
use crate::ui::widgets::not_ready;

/// One row of the list: the customer and its figures, zeros when it has no invoices.
#[derive(Clone, Debug, PartialEq)]
struct Row {
    customer: Customer,
    outstanding: Decimal,
    overdue: Decimal,
    open_invoices: usize,
    /// `None` when the customer has no invoices at all, which is not the same as all paid.
    worst: Option<WorstStatus>,
}

/// The rows in the order of `customer_totals` (most serious first), then the customers
/// without invoices by name, so nobody is left out of the list.
fn rows(customers: &[Customer], totals: Vec<CustomerTotal>) -> Vec<Row> {
    let by_id: HashMap<&CustomerId, &Customer> = customers.iter().map(|c| (&c.id, c)).collect();
    let mut rows: Vec<Row> = totals
        .iter()
        // An invoice of a customer that no longer exists has no row to show it in.
        .filter_map(|t| {
            by_id.get(&t.customer_id).map(|c| Row {
                customer: (*c).clone(),
                outstanding: t.outstanding,
                overdue: t.overdue,
                open_invoices: t.open_invoices,
                worst: Some(t.worst),
            })
        })
        .collect();
    let with_invoices: std::collections::HashSet<&CustomerId> = totals.iter().map(|t| &t.customer_id).collect();
    let mut without: Vec<&Customer> = customers.iter().filter(|c| !with_invoices.contains(&c.id)).collect();
    sorting::sort_by(&mut without, |a, b| {
        a.name.to_lowercase().cmp(&b.name.to_lowercase()).then(a.id.cmp(&b.id))
    });
    rows.extend(without.into_iter().map(|c| Row {
        customer: c.clone(),
        outstanding: Decimal::ZERO,
        overdue: Decimal::ZERO,
        open_invoices: 0,
        worst: None,
    }));
    rows
}

#[component]
pub fn Customers() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let rows = Memo::new(move |_| {
        let today = state.today.get();
        state.data.with(|d| {
            let totals = aggregates::customer_totals(&d.invoices, &d.events, today);
            rows(&d.customers, totals)
        })
    });
    view! {
        <section class="page">
            <div class="page-head">
                <h1>{i18n.t(Key::CustomersTitle)}</h1>
                <A href=href("/customers/new") attr:class="button" attr:data-testid="add-customer">
                    {move || tr(i18n.lang(), "Klant toevoegen", "Add customer")}
                </A>
            </div>
            {move || match state.load.get() {
                Load::Ready => {
                    let rows = rows.get();
                    if rows.is_empty() {
                        view! {
                            <div class="empty-state">
                                <p class="empty-lead">{i18n.t(Key::CustomersEmpty)}</p>
                            </div>
                        }
                            .into_any()
                    } else {
                        customer_table(rows, i18n.lang()).into_any()
                    }
                }
                unready => not_ready(unready),
            }}
        </section>
    }
}

fn customer_table(rows: Vec<Row>, lang: Lang) -> impl IntoView {
    let count = match lang {
        Lang::Nl => format!(
            "{}, wie de meeste aandacht nodig heeft eerst.",
            plural::count(rows.len(), "klant", "klanten")
        ),
        Lang::En => format!(
            "{}, those needing most attention first.",
            plural::count(rows.len(), "customer", "customers")
        ),
    };
    let [name, kind, outstanding, overdue, open, worst_head] = [
        tr(lang, "Naam", "Name"),
        tr(lang, "Soort", "Type"),
        tr(lang, "Openstaand", "Outstanding"),
        tr(lang, "Te laat", "Overdue"),
        tr(lang, "Open facturen", "Open invoices"),
        tr(lang, "Ernstigste status", "Most serious status"),
    ];
    view! {
        <p class="hint" data-testid="customer-count">{count}</p>
        <div class="table-scroll">
            <table class="invoice-table customer-table stack-on-phone">
                <thead>
                    <tr>
                        <th scope="col">{name}</th>
                        <th scope="col">{kind}</th>
                        <th scope="col" class="num">{outstanding}</th>
                        <th scope="col" class="num">{overdue}</th>
                        <th scope="col" class="num">{open}</th>
                        <th scope="col">{worst_head}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|r| {
                            let link = href(&format!("/customers/{}", r.customer.id.as_str()));
                            let worst = match r.worst {
                                Some(worst) => worst_label(worst, lang),
                                None => tr(lang, "Geen facturen", "No invoices").to_owned(),
                            };
                            // Beside the name, as a word a screen reader reads with it: a
                            // paused customer gets no steps, however late its invoices are.
                            let paused = r.customer.paused.is_some().then(|| view! {
                                " " <span class="paused-mark" data-testid="paused-mark">{tr(lang, "Gepauzeerd", "Paused")}</span>
                            });
                            let serious = matches!(
                                r.worst,
                                Some(WorstStatus::Overdue { .. } | WorstStatus::HandedOver | WorstStatus::WrittenOff)
                            );
                            view! {
                                <tr>
                                    <th scope="row" class="customer-name">
                                        <A href=link>{r.customer.name}</A>
                                        {paused}
                                    </th>
                                    <td data-label=kind>{kind_label(r.customer.kind, lang)}</td>
                                    <td class="num" data-label=outstanding>{format_money(r.outstanding, lang)}</td>
                                    <td class="num" data-label=overdue>{format_money(r.overdue, lang)}</td>
                                    <td class="num" data-label=open>{r.open_invoices}</td>
                                    <td class:status-serious=serious data-label=worst_head>{worst}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}
