//! The invoice list: search, filters, sorting and paging. Filters, sorting and paging are kept
//! in the URL, so a view can be bookmarked and survives a reload; the search is kept for the
//! tab in session storage, never in the URL (see `invoice_query`). Rows are derived once per
//! data change; a keystroke only filters them again and renders one page.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::domain::dates::format_date;
use crate::domain::invoice_query::{self, Filter, Page, Query, Row, Sort};
use crate::domain::model::Lang;
use crate::domain::money::format_money;
use crate::ui::base::href;
use crate::ui::browser;
use crate::ui::i18n::{tr, use_i18n, Key};
use crate::ui::routes::csv_import::CsvImport;
use crate::ui::state::{use_app_state, Load};
use crate::ui::widgets::{keep_together, not_ready};

/// Where the list's search is kept for the tab.
const SEARCH_KEY: &str = "factuurwacht.invoice-search";

#[component]
pub fn Invoices() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let params = use_query_map();
    let navigate = use_navigate();
    let rows = Memo::new(move |_| {
        let today = state.today.get();
        let settings = state.settings.get();
        state
            .data
            .with(|d| invoice_query::rows(&d.invoices, &d.customers, &d.events, &settings, today))
    });
    let search = RwSignal::new(
        browser::session()
            .and_then(|s| s.get_item(SEARCH_KEY).ok().flatten())
            .unwrap_or_default(),
    );
    let query = Memo::new(move |_| {
        let search = search.get();
        params.with(|p| Query::from_params(|key| p.get(key), search))
    });
    let page = Memo::new(move |_| rows.with(|rows| query.with(|q| invoice_query::select(rows, q))));

    // Every change of the view replaces the URL rather than adding history entries, so Back
    // leaves the list instead of undoing keystrokes one by one.
    let set_query = move |change: &dyn Fn(&mut Query)| {
        let before = query.get_untracked();
        let mut q = before.clone();
        change(&mut q);
        if q.search != before.search {
            if let Some(storage) = browser::session() {
                let _ = storage.set_item(SEARCH_KEY, &q.search);
            }
            search.set(q.search.clone());
        }
        if q.to_params() == before.to_params() {
            return;
        }
        let in_address: String = q
            .to_params()
            .into_iter()
            .map(|(k, v)| format!("{k}={}", js_sys::encode_uri_component(&v)))
            .collect::<Vec<_>>()
            .join("&");
        let path = if in_address.is_empty() {
            "/invoices".to_owned()
        } else {
            format!("/invoices?{in_address}")
        };
        navigate(
            &path,
            NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            },
        );
    };
    let set_query = StoredValue::new_local(set_query);
    let update = move |change: &dyn Fn(&mut Query)| set_query.with_value(|f| f(change));
    // The pager is rebuilt with every page, so the button pressed is gone (or disabled on the
    // last page) and the focus would fall to the top of the document, while the window stays
    // scrolled down at the pager. Once the new page is on screen, the list's top is scrolled
    // into view and the focus goes to its first row. Only the pager asks for this: a search
    // also starts at the first page, and its box must keep the focus.
    let paged = StoredValue::new(false);
    Effect::new(move |before: Option<usize>| {
        let now = page.with(|p| p.page);
        if before.is_some_and(|before| before != now) && paged.get_value() {
            paged.set_value(false);
            leptos::task::spawn_local(async {
                leptos::task::tick().await;
                browser::focus_at_top(
                    "[data-testid=\"invoice-table\"] tbody a",
                    "[data-testid=\"invoice-count\"]",
                );
            });
        }
        now
    });

    view! {
        <section class="page">
            <div class="page-head">
                <h1>{i18n.t(Key::InvoicesTitle)}</h1>
                <A href=href("/invoices/new") attr:class="button" attr:data-testid="new-invoice">{move || tr(i18n.lang(), "Nieuwe factuur", "New invoice")}</A>
            </div>
            {move || match state.load.get() {
                Load::Ready if rows.with(|r| r.is_empty()) => view! {
                    <div class="empty-state">
                        <p class="empty-lead">{i18n.t(Key::InvoicesEmpty)}</p>
                    </div>
                }
                .into_any(),
                Load::Ready => {
                    let lang = i18n.lang();
                    view! {
                        <form class="list-controls" role="search" on:submit=|ev| ev.prevent_default()>
                            <div class="form-row">
                                <label class="field-label" for="invoice-search">{tr(lang, "Zoeken", "Search")}</label>
                                <input id="invoice-search" class="wide" type="search" autocomplete="off" data-testid="invoice-search"
                                    placeholder=tr(lang, "Nummer, klant, omschrijving of bedrag", "Number, customer, description or amount")
                                    prop:value=move || query.with(|q| q.search.clone())
                                    on:input=move |ev| {
                                        let text = event_target_value(&ev);
                                        update(&|q| { q.search = text.clone(); q.page = 0; });
                                    }/>
                            </div>
                            <div class="form-row">
                                <label class="field-label" for="invoice-filter">{tr(lang, "Toon", "Show")}</label>
                                <select id="invoice-filter" data-testid="invoice-filter" on:change=move |ev| {
                                    let key = event_target_value(&ev);
                                    if let Some(f) = Filter::ALL.into_iter().find(|f| f.key() == key) {
                                        update(&|q| { q.filter = f; q.page = 0; });
                                    }
                                }>
                                    {Filter::ALL.into_iter().map(|f| view! {
                                        <option value=f.key() selected=move || query.with(|q| q.filter == f)>{f.label(lang)}</option>
                                    }).collect_view()}
                                </select>
                            </div>
                            <div class="form-row">
                                <label class="field-label" for="invoice-sort">{tr(lang, "Sorteer op", "Sort by")}</label>
                                <select id="invoice-sort" data-testid="invoice-sort" on:change=move |ev| {
                                    let key = event_target_value(&ev);
                                    if let Some(s) = Sort::ALL.into_iter().find(|s| s.key() == key) {
                                        update(&|q| { q.sort = s; q.page = 0; });
                                    }
                                }>
                                    {Sort::ALL.into_iter().map(|s| view! {
                                        <option value=s.key() selected=move || query.with(|q| q.sort == s)>{s.label(lang)}</option>
                                    }).collect_view()}
                                </select>
                            </div>
                        </form>
                        {move || {
                            let p = page.get();
                            rows.with(|rows| invoice_table(rows, &p, lang))
                        }}
                        {move || {
                            let p = page.get();
                            (p.pages > 1).then(|| pager(&p, lang, move |n| {
                                paged.set_value(true);
                                update(&|q| q.page = n);
                            }))
                        }}
                    }
                    .into_any()
                }
                unready => not_ready(unready),
            }}
            <CsvImport/>
        </section>
    }
}

fn count_text(p: &Page, lang: Lang) -> String {
    if p.total == 0 {
        return tr(
            lang,
            "Geen facturen gevonden met deze zoekopdracht of dit filter.",
            "No invoices match this search or filter.",
        )
        .into();
    }
    if p.total == 1 {
        return tr(lang, "1 factuur", "1 invoice").into();
    }
    let first = p.page * invoice_query::PAGE_SIZE + 1;
    let last = first + p.indices.len() - 1;
    match lang {
        Lang::Nl => format!("{first}–{last} van {} facturen", p.total),
        Lang::En => format!("{first}–{last} of {} invoices", p.total),
    }
}

fn invoice_table(rows: &[Row], p: &Page, lang: Lang) -> impl IntoView {
    let shown: Vec<Row> = p.indices.iter().filter_map(|&i| rows.get(i).cloned()).collect();
    let [number, customer, due, amount, outstanding, status_head] = [
        tr(lang, "Nummer", "Number"),
        tr(lang, "Klant", "Customer"),
        tr(lang, "Vervaldatum", "Due date"),
        tr(lang, "Bedrag", "Amount"),
        tr(lang, "Openstaand", "Outstanding"),
        tr(lang, "Status", "Status"),
    ];
    view! {
        <p class="hint" data-testid="invoice-count" aria-live="polite">{count_text(p, lang)}</p>
        {(!shown.is_empty()).then(|| view! {
            <div class="table-scroll">
                <table class="invoice-table stack-on-phone" data-testid="invoice-table">
                    <thead>
                        <tr>
                            <th scope="col">{number}</th>
                            <th scope="col">{customer}</th>
                            <th scope="col">{due}</th>
                            <th scope="col" class="num">{amount}</th>
                            <th scope="col" class="num">{outstanding}</th>
                            <th scope="col">{status_head}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {shown.into_iter().map(|r| {
                            let link = href(&format!("/invoices/{}", r.id.as_str()));
                            let status = r.status_text(lang);
                            view! {
                                <tr>
                                    <td><A href=link>{keep_together(&r.number)}</A></td>
                                    <td data-label=customer>{r.customer}</td>
                                    <td class="nowrap" data-label=due>{format_date(r.due_date, lang)}</td>
                                    <td class="num" data-label=amount>{format_money(r.amount, lang)}</td>
                                    <td class="num" data-label=outstanding>{format_money(r.outstanding, lang)}</td>
                                    <td data-label=status_head>{status}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        })}
    }
}

fn pager(p: &Page, lang: Lang, go: impl Fn(usize) + Copy + 'static) -> impl IntoView {
    let current = p.page;
    let last = p.pages.saturating_sub(1);
    view! {
        <nav class="pager actions" aria-label=tr(lang, "Pagina's", "Pages")>
            <button type="button" class="secondary" data-testid="page-prev" prop:disabled={current == 0} on:click=move |_| go(current.saturating_sub(1))>
                {tr(lang, "← Vorige", "← Previous")}
            </button>
            <span class="pager-where" data-testid="page-where">{match lang {
                Lang::Nl => format!("Pagina {} van {}", current + 1, p.pages),
                Lang::En => format!("Page {} of {}", current + 1, p.pages),
            }}</span>
            <button type="button" class="secondary" data-testid="page-next" prop:disabled={current >= last} on:click=move |_| go((current + 1).min(last))>
                {tr(lang, "Volgende →", "Next →")}
            </button>
        </nav>
    }
}
