//! The statutory interest tables the calculations use: shown in full, so every figure can be
//! traced to a published rate, and extendable when a new half-year rate is published.

use leptos::prelude::*;

use crate::domain::dates::{format_date, parse_date};
use crate::domain::legal::{half_year_without_rate, InterestKind, RatePeriod};
use crate::domain::model::{Jurisdiction, Lang};
use crate::domain::money::parse_amount;
use crate::domain::sorting;
use crate::ui::browser;
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::state::use_app_state;

const KINDS: [InterestKind; 3] = [
    InterestKind::NlCommercial,
    InterestKind::NlConsumer,
    InterestKind::BeCommercial,
];

fn kind_label(kind: InterestKind, lang: Lang) -> &'static str {
    match kind {
        InterestKind::NlCommercial => tr(
            lang,
            "Nederland, handelsrente (zakelijk)",
            "Netherlands, commercial interest (business)",
        ),
        InterestKind::NlConsumer => tr(
            lang,
            "Nederland, wettelijke rente (particulier)",
            "Netherlands, statutory interest (consumer)",
        ),
        InterestKind::BeCommercial => tr(
            lang,
            "België, verwijlinterest (zakelijk)",
            "Belgium, commercial interest (business)",
        ),
    }
}

fn kind_code(kind: InterestKind) -> &'static str {
    match kind {
        InterestKind::NlCommercial => "nl-commercial",
        InterestKind::NlConsumer => "nl-consumer",
        InterestKind::BeCommercial => "be-commercial",
    }
}

/// A percentage as the tables show it: "10,15" in Dutch, "10.15" in English.
fn percent_text(percent: rust_decimal::Decimal, lang: Lang) -> String {
    match lang {
        Lang::Nl => percent.to_string().replace('.', ","),
        Lang::En => percent.to_string(),
    }
}

/// Reads a yearly percentage as people type it ("10,15", "10.15%").
fn read_percent(text: &str, lang: Lang) -> Result<rust_decimal::Decimal, String> {
    let cleaned = text.trim().trim_end_matches('%').trim();
    match parse_amount(cleaned) {
        Ok(p) if RatePeriod::is_plausible(p) => Ok(p.normalize()),
        Ok(_) => Err(tr(
            lang,
            "Een rente ligt tussen 0 en 100 procent.",
            "A rate lies between 0 and 100 percent.",
        )
        .into()),
        // The amount reader's messages speak of an amount; a rate is a percentage.
        Err(_) => Err(tr(
            lang,
            "Vul een percentage in, zoals 10,15.",
            "Enter a percentage, such as 10.15.",
        )
        .into()),
    }
}

#[component]
pub fn RatesSection() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    // The table a new rate most likely belongs to: the business rate of the user's own
    // country, following the country chosen above. Only a change of country resets it; any
    // other save of the settings (this form's own, or another tab's) leaves the user's choice.
    let kind = RwSignal::new(InterestKind::NlCommercial);
    let jurisdiction = Memo::new(move |_| state.settings.with(|s| s.jurisdiction));
    Effect::new(move |_| {
        kind.set(match jurisdiction.get() {
            Jurisdiction::Nl => InterestKind::NlCommercial,
            Jurisdiction::Be => InterestKind::BeCommercial,
        });
    });
    let from = RwSignal::new(String::new());
    let percent = RwSignal::new(String::new());
    let errors = RwSignal::new((None::<String>, None::<String>));
    let status = RwSignal::new(None::<Result<String, String>>);
    // What the last removal said, with the rate it took out while it can still be put back.
    let removal = RwSignal::new(None::<Removal>);
    let notice = NodeRef::<leptos::html::Div>::new();

    let remove = move |k: InterestKind, from_day: chrono::NaiveDate| {
        let lang = i18n.lang();
        let mut settings = state.settings.get_untracked();
        let Some(row) = settings.rates.remove(k, from_day) else {
            return;
        };
        let text = match lang {
            Lang::Nl => format!(
                "Het tarief vanaf {} ({} %) is uit de tabel {} gehaald; berekeningen gebruiken het niet meer.",
                format_date(row.from, lang),
                percent_text(row.percent, lang),
                kind_label(k, lang)
            ),
            Lang::En => format!(
                "The rate from {} ({}%) was taken out of the table {}; calculations no longer use it.",
                format_date(row.from, lang),
                percent_text(row.percent, lang),
                kind_label(k, lang)
            ),
        };
        removal.set(Some(match state.save_settings(settings) {
            Ok(()) => Removal {
                text,
                undo: Some((k, row)),
                failed: false,
            },
            Err(e) => Removal {
                text: e.user_message(lang),
                undo: None,
                failed: true,
            },
        }));
        status.set(None);
        // The button that was pressed went with its row; the notice takes the focus, so a
        // keyboard or screen reader user hears what happened and can undo it.
        if let Some(div) = notice.get_untracked() {
            let _ = div.focus();
        }
    };
    let put_back = move |_| {
        let lang = i18n.lang();
        let Some((k, row)) = removal.get_untracked().and_then(|r| r.undo) else {
            return;
        };
        let mut settings = state.settings.get_untracked();
        let from_day = row.from;
        settings.rates.set(k, row);
        removal.set(Some(match state.save_settings(settings) {
            Ok(()) => Removal {
                text: match lang {
                    Lang::Nl => format!(
                        "Het tarief vanaf {} staat weer in de tabel.",
                        format_date(from_day, lang)
                    ),
                    Lang::En => format!("The rate from {} is back in the table.", format_date(from_day, lang)),
                },
                undo: None,
                failed: false,
            },
            Err(e) => Removal {
                text: e.user_message(lang),
                undo: None,
                failed: true,
            },
        }));
    };

    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        browser::focus_first_invalid(&ev);
        let lang = i18n.lang();
        let date = parse_date(&from.get_untracked()).map_err(|e| e.message(lang));
        let rate = read_percent(&percent.get_untracked(), lang);
        errors.set((date.clone().err(), rate.clone().err()));
        let (Ok(date), Ok(rate)) = (date, rate) else {
            status.set(None);
            return;
        };
        let mut settings = state.settings.get_untracked();
        let replaced = settings
            .rates
            .table(kind.get_untracked())
            .iter()
            .find(|r| r.from == date)
            .map(|r| r.percent);
        settings.rates.set(
            kind.get_untracked(),
            RatePeriod {
                from: date,
                percent: rate,
            },
        );
        match state.save_settings(settings) {
            Ok(()) => {
                from.set(String::new());
                percent.set(String::new());
                removal.set(None);
                // Replacing a rate is said outright: it may have been the wrong table.
                status.set(Some(Ok(match (replaced, lang) {
                    (None, Lang::Nl) => format!(
                        "De rente is toegevoegd aan de tabel {}; berekeningen gebruiken hem meteen.",
                        kind_label(kind.get_untracked(), lang)
                    ),
                    (None, Lang::En) => format!(
                        "The rate was added to the table {}; calculations use it straight away.",
                        kind_label(kind.get_untracked(), lang)
                    ),
                    (Some(old), Lang::Nl) => format!(
                        "Het tarief vanaf {} in de tabel {} was {} % en is nu {} %; berekeningen gebruiken het meteen.",
                        format_date(date, lang),
                        kind_label(kind.get_untracked(), lang),
                        percent_text(old, lang),
                        percent_text(rate, lang)
                    ),
                    (Some(old), Lang::En) => format!(
                        "The rate from {} in the table {} was {}% and is now {}%; calculations use it straight away.",
                        format_date(date, lang),
                        kind_label(kind.get_untracked(), lang),
                        percent_text(old, lang),
                        percent_text(rate, lang)
                    ),
                })));
            }
            Err(e) => status.set(Some(Err(e.user_message(lang)))),
        }
    };

    view! {
        <section class="field" aria-labelledby="rates-title" data-testid="rates">
            <h2 id="rates-title">{move || tr(i18n.lang(), "Rentetabellen", "Interest rate tables")}</h2>
            <p class="hint">{move || tr(i18n.lang(), "Elk tarief geldt vanaf zijn datum tot het volgende. Wordt een nieuw tarief gepubliceerd (meestal per 1 januari en 1 juli), voeg het hier toe. Een tarief met een bestaande datum vervangt het oude.", "Each rate applies from its date until the next one. When a new rate is published (usually for 1 January and 1 July), add it here. A rate with an existing date replaces the old one.")}</p>
            <div class="rate-tables">
                {move || {
                    let lang = i18n.lang();
                    let rates = state.settings.with(|s| s.rates.clone());
                    let today = browser::today();
                    KINDS.into_iter().map(|k| {
                        let removable = rates.can_remove(k);
                        let mut rows: Vec<RatePeriod> = rates.table(k).to_vec();
                        sorting::sort_by_key(&mut rows, |r| r.from);
                        let behind = half_year_without_rate(&rows, today).map(|start| {
                            let start = format_date(start, lang);
                            match lang {
                                Lang::Nl => format!("Nog geen tarief voor het halfjaar vanaf {start}: tot je het toevoegt, rekent de app met het laatste."),
                                Lang::En => format!("No rate yet for the half year from {start}: until you add it, the app uses the latest one."),
                            }
                        });
                        view! {
                            <div>
                            <table class="invoice-table rate-table" data-testid=format!("rates-{}", kind_code(k))>
                                <caption>{kind_label(k, lang)}</caption>
                                <thead><tr>
                                    <th scope="col">{tr(lang, "Vanaf", "From")}</th>
                                    <th scope="col" class="num">{tr(lang, "Procent per jaar", "Percent a year")}</th>
                                    <th scope="col"><span class="visually-hidden">{tr(lang, "Verwijderen", "Remove")}</span></th>
                                </tr></thead>
                                <tbody>
                                    {rows.into_iter().rev().map(|r| {
                                        let day = format_date(r.from, lang);
                                        let label = match lang {
                                            Lang::Nl => format!("Tarief vanaf {day} verwijderen uit {}", kind_label(k, lang)),
                                            Lang::En => format!("Remove the rate from {day} from {}", kind_label(k, lang)),
                                        };
                                        view! {
                                            <tr>
                                                <td>{day}</td>
                                                <td class="num">{percent_text(r.percent, lang)}</td>
                                                <td class="num">
                                                    {removable.then(|| view! {
                                                        <button type="button" class="secondary" aria-label=label
                                                            on:click=move |_| remove(k, r.from) data-testid="remove-rate">
                                                            {tr(lang, "Verwijderen", "Remove")}
                                                        </button>
                                                    })}
                                                </td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                            {behind.map(|text| view! { <p class="warning" data-testid=format!("rates-{}-behind", kind_code(k))>{text}</p> })}
                            </div>
                        }
                    }).collect_view()
                }}
            </div>
            // A live region on the page before its message, so a screen reader reads it.
            <div node_ref=notice tabindex="-1" class="rate-removal" role="status">
                {move || removal.get().map(|r| {
                    let lang = i18n.lang();
                    if r.failed {
                        view! { <p class="error">{r.text}</p> }.into_any()
                    } else {
                        view! {
                            <p class="success" data-testid="rate-removed">
                                {r.text}" "
                                {r.undo.is_some().then(|| view! {
                                    <button type="button" class="secondary" on:click=put_back data-testid="put-rate-back">
                                        {tr(lang, "Terugzetten", "Put it back")}
                                    </button>
                                })}
                            </p>
                        }.into_any()
                    }
                })}
            </div>
            <form novalidate on:submit=add data-testid="add-rate">
                <h3>{move || tr(i18n.lang(), "Tarief toevoegen", "Add a rate")}</h3>
                <div class="form-row">
                    <label class="field-label" for="rate-kind">{move || tr(i18n.lang(), "Tabel", "Table")}</label>
                    <select id="rate-kind" prop:value=move || kind_code(kind.get()) on:change=move |ev| {
                        let code = event_target_value(&ev);
                        if let Some(k) = KINDS.into_iter().find(|k| kind_code(*k) == code) {
                            kind.set(k);
                        }
                    }>
                        {move || KINDS.into_iter().map(|k| view! {
                            <option value=kind_code(k) selected=move || kind.get() == k>{kind_label(k, i18n.lang())}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="form-pair">
                    <div class="form-row">
                        <label class="field-label" for="rate-from">{move || tr(i18n.lang(), "Geldt vanaf", "Applies from")}</label>
                        <input id="rate-from" class="wide" type="text" placeholder=move || tr(i18n.lang(), "01-01-2027", "01-01-2027")
                            prop:value=move || from.get() on:input=move |ev| from.set(event_target_value(&ev))
                            aria-invalid=move || errors.with(|e| e.0.is_some()).then_some("true") aria-describedby="rate-from-error"/>
                        <p class="field-error" id="rate-from-error" data-testid="rate-from-error">{move || errors.with(|e| e.0.clone())}</p>
                    </div>
                    <div class="form-row">
                        <label class="field-label" for="rate-percent">{move || tr(i18n.lang(), "Procent per jaar", "Percent a year")}</label>
                        <input id="rate-percent" class="wide" type="text" inputmode="decimal"
                            prop:value=move || percent.get() on:input=move |ev| percent.set(event_target_value(&ev))
                            aria-invalid=move || errors.with(|e| e.1.is_some()).then_some("true") aria-describedby="rate-percent-error"/>
                        <p class="field-error" id="rate-percent-error" data-testid="rate-percent-error">{move || errors.with(|e| e.1.clone())}</p>
                    </div>
                </div>
                <button type="submit" data-testid="save-rate">{move || tr(i18n.lang(), "Tarief toevoegen", "Add rate")}</button>
                // Live regions on the page before their message, so a screen reader reads it.
                <div role="status">
                    {move || status.get().and_then(Result::ok).map(|text| view! {
                        <p class="success" data-testid="rate-saved">{text}</p>
                    })}
                </div>
                <div role="alert">
                    {move || status.get().and_then(Result::err).map(|text| view! { <p class="error">{text}</p> })}
                </div>
            </form>
        </section>
    }
}

/// The notice below the tables after a rate was taken out or put back.
#[derive(Clone)]
struct Removal {
    text: String,
    /// The rate just taken out, to put back.
    undo: Option<(InterestKind, RatePeriod)>,
    failed: bool,
}
