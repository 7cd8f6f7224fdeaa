//! Importing invoices from another tool's CSV export, and exporting them again. The file is
//! read whole, the user checks which column feeds which field, the rows are imported in
//! chunks with a progress bar, and the result is shown row by row before anything is saved.
//! Saving is one transaction: all valid rows, or nothing.

use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::domain::aggregates::invoices_by_due_date;
use crate::domain::csv::{self, Table};
use crate::domain::dates::{format_date, DayOrder};
use crate::domain::import::{self, Duplicate, Field, ImportResult, Importer, Mapping, PreviewRow, Progress, RowError};
use crate::domain::model::{Channel, Customer, Event, EventId, EventKind, Lang};
use crate::domain::money::format_money;
use crate::domain::plural;
use crate::store::{Changes, StoreError};
use crate::ui::browser;
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::state::{use_app_state, Load};
use crate::ui::widgets::{ConfirmBar, Refusal};

/// Rows per chunk: small enough to keep the page responsive, large enough that 10,000 rows
/// need only a few dozen frames.
const CHUNK_ROWS: usize = 500;

#[derive(Clone)]
enum Stage {
    Idle,
    Refused(Refused),
    Mapping(Table),
    Importing(Progress),
    /// The rows as read, and the table they were read from, to read again in the other day
    /// order when the user says the dates are month first.
    Review(ImportResult, Table),
    Saving,
    /// The invoices saved, and the rows that were not, so the user can still see which lines
    /// of the file to fix.
    Saved {
        count: usize,
        errors: Vec<RowError>,
        duplicates: Vec<Duplicate>,
    },
    /// Nothing was saved; the checked rows are kept, so trying again needs no new reading.
    Failed(StoreError, ImportResult),
}

/// Why a file or a save was refused, kept as the fact rather than as text so that the reason
/// follows a change of language.
#[derive(Clone)]
enum Refused {
    /// The browser could not read the file.
    Unreadable,
    File(csv::CsvError),
    /// The stored data is not in memory, so the file cannot be checked against it.
    NotRead(Load),
    Outdated(import::Outdated),
}

impl Refused {
    fn message(&self, lang: Lang) -> String {
        match self {
            Refused::Unreadable => tr(
                lang,
                "Dit bestand kan niet worden gelezen.",
                "This file cannot be read.",
            )
            .to_owned(),
            Refused::File(e) => e.message(lang),
            Refused::NotRead(load) => load.unread_for_import(lang).unwrap_or_default(),
            Refused::Outdated(why) => why.message(lang),
        }
    }
}

#[component]
pub fn CsvImport() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let stage = RwSignal::new(Stage::Idle);
    let mapping = RwSignal::new(Mapping::default());

    let pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        input.set_value("");
        leptos::task::spawn_local(async move {
            // Bytes rather than `file.text()`, which reads everything as UTF-8 and turns the
            // accents of a Windows-1252 export into replacement characters.
            let bytes = JsFuture::from(file.array_buffer()).await.ok();
            let table = bytes.map(|buffer| csv::read_for_import(&js_sys::Uint8Array::new(&buffer).to_vec()));
            stage.set(match table {
                None => Stage::Refused(Refused::Unreadable),
                Some(Err(e)) => Stage::Refused(Refused::File(e)),
                Some(Ok(table)) => {
                    mapping.set(import::guess_mapping(&table.headers));
                    Stage::Mapping(table)
                }
            });
        });
    };

    // A file is checked against the stored invoices and customers; against nothing it would
    // store duplicates of them.
    let unread = move || {
        let load = state.load.get_untracked();
        (load != Load::Ready).then_some(Stage::Refused(Refused::NotRead(load)))
    };
    let start = move |table: Table, order: Option<DayOrder>| {
        if let Some(refused) = unread() {
            return stage.set(refused);
        }
        let (customers, invoices) = state.data.with_untracked(|d| (d.customers.clone(), d.invoices.clone()));
        let term = state.settings.with_untracked(|s| s.default_payment_term_days);
        let mut importer = Importer::new(
            table,
            mapping.get_untracked(),
            &customers,
            &invoices,
            term,
            browser::today(),
        );
        if let Some(order) = order {
            importer = importer.with_day_order(order);
        }
        stage.set(Stage::Importing(importer.progress()));
        leptos::task::spawn_local(async move {
            let mut ids = || browser::new_id("r");
            loop {
                // Left the page: the file was only being read, nothing is stored yet, so the
                // work stops instead of going on unseen.
                if stage.is_disposed() {
                    return;
                }
                let progress = importer.step(CHUNK_ROWS, &mut ids);
                stage.set(Stage::Importing(progress));
                if progress.is_finished() {
                    break;
                }
                browser::next_frame().await;
            }
            let (result, table) = importer.finish_with_table();
            stage.set(Stage::Review(result, table));
        });
    };

    let save = move |result: ImportResult| {
        if let Some(refused) = unread() {
            return stage.set(refused);
        }
        if let Some(why) = state
            .data
            .with_untracked(|d| result.outdated(&d.customers, &d.invoices))
        {
            stage.set(Stage::Refused(Refused::Outdated(why)));
            return;
        }
        let today = browser::today();
        let count = result.invoices.len();
        let retry = result.clone();
        let (errors, duplicates) = (result.errors.clone(), result.duplicates.clone());
        // Amounts already paid according to the file become payments in the dossier, so the
        // outstanding amount follows from the dossier like everywhere else.
        let invoice_of = |id: &crate::domain::model::InvoiceId| result.invoices.iter().find(|i| &i.id == id);
        let events = result
            .payments
            .iter()
            .filter_map(|(invoice_id, amount)| {
                let invoice = invoice_of(invoice_id)?;
                Some(Event {
                    id: EventId(browser::new_id("e")),
                    invoice_ids: vec![invoice_id.clone()],
                    customer_id: invoice.customer_id.clone(),
                    date: import::payment_day(invoice, today),
                    channel: Channel::Email,
                    kind: EventKind::PaymentReceived {
                        amount: *amount,
                        // The dossier is read in the language the user works in.
                        note: tr(i18n.lang(), "Uit CSV-import", "From a CSV import").into(),
                    },
                })
            })
            .collect();
        let changes = Changes {
            // A new customer is written to in the language the user works in, as the customer
            // form starts with.
            customers: result
                .new_customers
                .into_iter()
                .map(|customer| Customer {
                    language: i18n.lang(),
                    ..customer
                })
                .collect(),
            invoices: result.invoices,
            events,
            // Everything imported is new; the customers it finds are checked as referred to.
            ..Changes::default()
        };
        stage.set(Stage::Saving);
        leptos::task::spawn_local(async move {
            let result = state.run(changes).await;
            let saved = result.is_ok();
            stage.set(match result {
                Ok(()) => Stage::Saved {
                    count,
                    errors,
                    duplicates,
                },
                Err(e) => Stage::Failed(e, retry),
            });
            // The button pressed is gone with the review: the keyboard goes to the summary.
            if saved {
                leptos::task::tick().await;
                browser::focus("[data-testid=\"csv-saved\"]");
            }
        });
    };

    let export_error = RwSignal::new(None::<String>);
    let export = move |_| {
        let lang = i18n.lang();
        if let Some(reason) = state.load.get_untracked().unread(lang) {
            return export_error.set(Some(reason));
        }
        let text = state.data.with_untracked(|d| {
            // The stored order follows ids, which mean nothing to a person: export in the
            // order of the invoice list, oldest due date first.
            let invoices: Vec<_> = invoices_by_due_date(&d.invoices, &d.events)
                .into_iter()
                .map(|(i, _)| i.clone())
                .collect();
            import::export_invoices(&invoices, &d.customers, &d.events, browser::today(), lang)
        });
        let name = format!("{}-{}.csv", tr(lang, "facturen", "invoices"), browser::today());
        let failed = browser::download(&name, "text/csv", &csv::with_bom(&text)).is_err();
        export_error.set(failed.then(|| {
            tr(
                lang,
                "Downloaden lukte niet. Probeer het opnieuw.",
                "The download failed. Try again.",
            )
            .to_owned()
        }));
    };

    view! {
        <section class="field" aria-labelledby="import-title">
            <h2 id="import-title">{move || tr(i18n.lang(), "Importeren en exporteren", "Import and export")}</h2>
            <p class="hint">
                {move || tr(
                    i18n.lang(),
                    "Lees facturen in uit een CSV-bestand van je boekhoudprogramma of spreadsheet. Je kiest zelf welke kolom wat is.",
                    "Read invoices from a CSV file from your accounting tool or spreadsheet. You choose which column is what.",
                )}
            </p>
            <label class="file-pick">
                {move || tr(i18n.lang(), "Kies een CSV-bestand", "Choose a CSV file")}
                <input type="file" accept=".csv,text/csv,text/plain" on:change=pick data-testid="csv-file"/>
            </label>
            <div aria-live="polite">{move || view_stage(stage, mapping, start, save)}</div>
            <p>
                <button type="button" class="secondary" on:click=export data-testid="csv-export">
                    {move || tr(i18n.lang(), "Facturen exporteren als CSV", "Export invoices as CSV")}
                </button>
            </p>
            {move || export_error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
        </section>
    }
}

fn view_stage(
    stage: RwSignal<Stage>,
    mapping: RwSignal<Mapping>,
    start: impl Fn(Table, Option<DayOrder>) + Copy + Send + Sync + 'static,
    save: impl Fn(ImportResult) + Copy + Send + Sync + 'static,
) -> AnyView {
    let i18n = use_i18n();
    let lang = i18n.lang();
    match stage.get() {
        Stage::Idle => ().into_any(),
        Stage::Refused(refused) => view! { <Refusal reason=refused.message(lang)/> }.into_any(),
        Stage::Mapping(table) => {
            let headers = table.headers.clone();
            let rows = table.rows.len();
            let missing = move || import::missing_required(&mapping.get());
            let table_for_start = table.clone();
            view! {
                <div class="import-mapping" data-testid="csv-mapping">
                    <p>
                        {match lang {
                            Lang::Nl => format!(
                                "{} gevonden. Controleer welke kolom bij welk veld hoort.",
                                plural::count(rows, "regel", "regels"),
                            ),
                            Lang::En => format!(
                                "{} found. Check which column belongs to which field.",
                                plural::count(rows, "row", "rows"),
                            ),
                        }}
                    </p>
                    <div class="mapping-grid">
                        {Field::ALL
                            .into_iter()
                            .map(|field| column_select(field, &headers, mapping, lang))
                            .collect_view()}
                    </div>
                    {move || {
                        let missing = missing();
                        (!missing.is_empty())
                            .then(|| {
                                let names: Vec<&str> = missing.iter().map(|f| f.label(lang)).collect();
                                view! {
                                    <p class="error" role="alert">
                                        {tr(lang, "Kies nog een kolom voor: ", "Choose a column for: ")}
                                        {names.join(", ")}
                                    </p>
                                }
                            })
                    }}
                    <ConfirmBar
                        label=tr(lang, "Inlezen", "Read rows")
                        disabled=Signal::derive(move || !missing().is_empty())
                        on_confirm=Callback::new(move |_| start(table_for_start.clone(), None))
                        on_cancel=Callback::new(move |_| stage.set(Stage::Idle))
                        opener="[data-testid=\"csv-file\"]"
                    />
                </div>
            }
            .into_any()
        }
        Stage::Importing(progress) => view! {
            <div data-testid="csv-progress">
                <label>
                    {tr(lang, "Bezig met inlezen…", "Reading rows…")} " "
                    <progress max=progress.total.max(1) value=progress.done></progress>
                    " " {format!("{} / {}", progress.done, progress.total)}
                </label>
            </div>
        }
        .into_any(),
        Stage::Review(result, table) => {
            let nothing = result.invoices.is_empty();
            // Dates that fit both orders were read day first; the summary says so and points
            // here, where the same table is read again month first.
            let reread = result.day_first_assumed.then(|| view! {
                <p>
                    <button type="button" class="secondary" data-testid="csv-month-first"
                        on:click=move |_| start(table.clone(), Some(DayOrder::MonthFirst))>
                        {tr(lang, "Lees als maand/dag/jaar", "Read as month/day/year")}
                    </button>
                </p>
            });
            let summary = result.summary(lang);
            let preview = use_app_state()
                .data
                .with_untracked(|d| result.preview(&d.customers, PREVIEW_ROWS));
            view! {
                <div class="import-review" data-testid="csv-review">
                    <p data-testid="csv-summary">{summary}</p>
                    {reread}
                    {preview_table(preview, result.invoices.len(), lang)}
                    {row_problems(&result.errors, &result.duplicates, lang)}
                    <ConfirmBar
                        label=tr(lang, "Opslaan", "Save")
                        disabled=Signal::derive(move || nothing)
                        on_confirm=Callback::new(move |_| save(result.clone()))
                        on_cancel=Callback::new(move |_| stage.set(Stage::Idle))
                        opener="[data-testid=\"csv-file\"]"
                    />
                </div>
            }
            .into_any()
        }
        Stage::Saving => view! { <p class="loading">{tr(lang, "Bezig met opslaan…", "Saving…")}</p> }.into_any(),
        Stage::Saved {
            count,
            errors,
            duplicates,
        } => view! {
            <p class="success" role="status" tabindex="-1" data-testid="csv-saved">
                {match lang {
                    Lang::Nl => format!("{} opgeslagen.", plural::count(count, "factuur", "facturen")),
                    Lang::En => format!("{} saved.", plural::count(count, "invoice", "invoices")),
                }}
            </p>
            {(!errors.is_empty() || !duplicates.is_empty()).then(|| view! {
                <p>{tr(lang, "Niet ingelezen; verbeter deze regels in het bestand:", "Not imported; correct these rows in the file:")}</p>
            })}
            {row_problems(&errors, &duplicates, lang)}
        }
        .into_any(),
        Stage::Failed(e, result) => view! {
            <div data-testid="csv-failed">
                <p class="error" role="alert">{e.user_message(lang)}</p>
                <ConfirmBar
                    label=tr(lang, "Opnieuw proberen", "Try again")
                    disabled=false
                    on_confirm=Callback::new(move |_| save(result.clone()))
                    on_cancel=Callback::new(move |_| stage.set(Stage::Idle))
                    opener="[data-testid=\"csv-file\"]"
                />
            </div>
        }
        .into_any(),
    }
}

/// How many imported invoices the review shows as read.
const PREVIEW_ROWS: usize = 5;

/// The first invoices as they were read, so a column mixed up or an amount misread shows
/// before anything is saved. The paid column appears only when the file had payments.
fn preview_table(rows: Vec<PreviewRow>, total: usize, lang: Lang) -> Option<impl IntoView> {
    if rows.is_empty() {
        return None;
    }
    let paid = rows.iter().any(|r| !r.paid.is_zero());
    let caption = match lang {
        Lang::Nl if total > rows.len() => format!("Zo zijn de eerste {} van de {total} facturen gelezen:", rows.len()),
        Lang::En if total > rows.len() => format!("How the first {} of the {total} invoices were read:", rows.len()),
        _ => tr(lang, "Zo zijn de facturen gelezen:", "How the invoices were read:").to_owned(),
    };
    let label = caption.clone();
    Some(view! {
        // The preview holds no link to tab to, yet scrolls sideways on a phone: the region
        // itself takes the focus, so the keyboard can scroll it.
        <div class="table-scroll" tabindex="0" role="region" aria-label=label>
            <table class="invoice-table preview-table" data-testid="csv-preview">
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tr(lang, "Factuur", "Invoice")}</th>
                        <th scope="col">{tr(lang, "Klant", "Customer")}</th>
                        <th scope="col">{tr(lang, "Factuurdatum", "Issued")}</th>
                        <th scope="col">{tr(lang, "Vervaldatum", "Due")}</th>
                        <th scope="col" class="num">{tr(lang, "Bedrag", "Amount")}</th>
                        {paid.then(|| view! { <th scope="col" class="num">{tr(lang, "Betaald", "Paid")}</th> })}
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|r| view! {
                            <tr>
                                <td>{r.number}</td>
                                <td>{r.customer}</td>
                                <td>{format_date(r.issue_date, lang)}</td>
                                <td>{format_date(r.due_date, lang)}</td>
                                <td class="num">{format_money(r.amount, lang)}</td>
                                {paid.then(|| view! { <td class="num">{format_money(r.paid, lang)}</td> })}
                            </tr>
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    })
}

/// The rows that were not read in, each with its line and what to fix.
fn row_problems(errors: &[RowError], duplicates: &[Duplicate], lang: Lang) -> Option<impl IntoView> {
    let messages: Vec<String> = errors
        .iter()
        .map(|e| e.message(lang))
        .chain(duplicates.iter().map(|d| d.message(lang)))
        .collect();
    (!messages.is_empty()).then(|| {
        view! {
            <ul class="row-errors" data-testid="csv-errors">
                {messages.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}
            </ul>
        }
    })
}

/// One field's column choice. The guessed column is preselected; "none" is always possible.
fn column_select(field: Field, headers: &[String], mapping: RwSignal<Mapping>, lang: Lang) -> impl IntoView {
    let id = format!("map-{field:?}");
    let options = headers
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let label = if h.trim().is_empty() { format!("({})", i + 1) } else { h.clone() };
            view! { <option value=i.to_string() selected=move || mapping.with(|m| m.get(field) == Some(i))>{label}</option> }
        })
        .collect_view();
    let change = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        mapping.update(|m| m.set(field, value.parse().ok()));
    };
    let required = if field.is_required() { " *" } else { "" };
    view! {
        <label for=id.clone()>{field.label(lang)} {required}</label>
        <select id=id on:change=change>
            <option value="" selected=move || mapping.with(|m| m.get(field).is_none())>
                {tr(lang, "— geen —", "— none —")}
            </option>
            {options}
        </select>
    }
}
