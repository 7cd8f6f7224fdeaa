use leptos::prelude::*;

use crate::domain::aggregates::invoices_by_due_date;
use crate::domain::dates::format_date;
use crate::domain::import::status_label;
use crate::domain::model::{Invoice, Lang};
use crate::domain::money::format_money;
use crate::ui::i18n::{tr, use_i18n, Key};
use crate::ui::routes::csv_import::CsvImport;
use crate::ui::state::{use_app_state, Load};

/// Rows rendered at once; the rest is counted, so a 10,000-invoice administration stays fast.
const PAGE: usize = 100;

/// One line of the list, with what the dossier says about it.
#[derive(Clone, PartialEq)]
struct Line {
    invoice: Invoice,
    customer: String,
    outstanding: rust_decimal::Decimal,
    status: crate::domain::model::InvoiceStatus,
}

#[component]
pub fn Invoices() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let lines = Memo::new(move |_| {
        state.data.with(|d| {
            let names: std::collections::HashMap<_, _> = d.customers.iter().map(|c| (&c.id, c.name.as_str())).collect();
            invoices_by_due_date(&d.invoices, &d.events)
                .into_iter()
                .map(|(invoice, b)| Line {
                    invoice: invoice.clone(),
                    customer: names.get(&invoice.customer_id).copied().unwrap_or_default().to_owned(),
                    outstanding: b.outstanding,
                    status: b.status,
                })
                .collect::<Vec<Line>>()
        })
    });
    view! {
        <section class="page">
            <h1>{i18n.t(Key::InvoicesTitle)}</h1>
            {move || match state.load.get() {
                Load::Loading => view! { <p class="loading">{i18n.t(Key::Loading)}</p> }.into_any(),
                Load::Failed(e) => view! { <p class="error" role="alert">{move || e.user_message(i18n.lang())}</p> }.into_any(),
                Load::Ready => {
                    let lines = lines.get();
                    if lines.is_empty() {
                        view! {
                            <div class="empty-state">
                                <p class="empty-lead">{i18n.t(Key::InvoicesEmpty)}</p>
                            </div>
                        }
                            .into_any()
                    } else {
                        invoice_table(lines, i18n.lang()).into_any()
                    }
                }
            }}
            <CsvImport/>
        </section>
    }
}

fn invoice_table(lines: Vec<Line>, lang: Lang) -> impl IntoView {
    let total = lines.len();
    let shown: Vec<Line> = lines.into_iter().take(PAGE).collect();
    let count = match lang {
        Lang::Nl if total > PAGE => format!("De eerste {PAGE} van {total} facturen, oudste vervaldatum eerst."),
        Lang::En if total > PAGE => format!("The first {PAGE} of {total} invoices, oldest due date first."),
        Lang::Nl => format!("{total} facturen, oudste vervaldatum eerst."),
        Lang::En => format!("{total} invoices, oldest due date first."),
    };
    view! {
        <p class="hint" data-testid="invoice-count">{count}</p>
        <div class="table-scroll">
            <table class="invoice-table">
                <thead>
                    <tr>
                        <th scope="col">{tr(lang, "Nummer", "Number")}</th>
                        <th scope="col">{tr(lang, "Klant", "Customer")}</th>
                        <th scope="col">{tr(lang, "Vervaldatum", "Due date")}</th>
                        <th scope="col" class="num">{tr(lang, "Bedrag", "Amount")}</th>
                        <th scope="col" class="num">{tr(lang, "Openstaand", "Outstanding")}</th>
                        <th scope="col">{tr(lang, "Status", "Status")}</th>
                    </tr>
                </thead>
                <tbody>
                    {shown
                        .into_iter()
                        .map(|l| {
                            view! {
                                <tr>
                                    <td>{l.invoice.number}</td>
                                    <td>{l.customer}</td>
                                    <td>{format_date(l.invoice.due_date, lang)}</td>
                                    <td class="num">{format_money(l.invoice.amount, lang)}</td>
                                    <td class="num">{format_money(l.outstanding, lang)}</td>
                                    <td>{status_label(l.status, lang)}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}
