//! Today: what to do now, and the state of the money. The engine proposes one step per open
//! invoice; this page shows those due today or earlier, grouped per customer with the reason
//! in one line, the next seven days after them, and the outstanding amounts above. What the
//! user paused follows the day's work, so paused money never drops out of sight.

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::aggregates::{AgingBucket, Overview};
use crate::domain::dates::format_date;
use crate::domain::engine::{self, Step};
use crate::domain::ics;
use crate::domain::messages;
use crate::domain::model::{Channel, InvoiceId, Lang};
use crate::domain::money::format_money;
use crate::domain::pages::{agenda, nothing_due, records_hand_over, Data, Group, Pause, Todo, GROUPS_SHOWN};
use crate::domain::plural;
use crate::ui::base::href;
use crate::ui::browser;
use crate::ui::i18n::{tr, use_i18n, Key};
use crate::ui::routes::compose::{record_hand_over_label, step_href};
use crate::ui::state::{use_app_state, Load};
use crate::ui::widgets::{keep_together, not_ready, undone_text, UndoButton};

#[component]
pub fn Today() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let groups_shown = RwSignal::new(GROUPS_SHOWN);
    let agenda = Memo::new(move |_| {
        let today = state.today.get();
        let settings = state.settings.get();
        let lang = i18n.lang();
        let shown = groups_shown.get();
        state
            .data
            .with(|d| agenda(Data::from(d), &settings, today, lang, shown))
    });
    // Showing more draws the list and its button anew, so the focus would fall to the top of
    // the document: it goes to the first customer added instead, where reading goes on.
    let show_more = move || {
        let before = groups_shown.get_untracked();
        groups_shown.update(|n| *n += GROUPS_SHOWN);
        leptos::task::spawn_local(async move {
            leptos::task::tick().await;
            browser::focus(&format!(
                "[data-testid=\"todo-list\"] > li:nth-child({}) [data-testid=\"compose\"]",
                before + 1
            ));
        });
    };
    // A timeline mark once the first queue is on screen, so the benchmark can measure a start
    // to the point where the user sees the day's work. Effects run after the render.
    Effect::new(move |marked: Option<bool>| {
        if marked == Some(true) || state.load.get() != Load::Ready {
            return marked.unwrap_or(false);
        }
        if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
            let _ = performance.mark("factuurwacht:today-rendered");
        }
        true
    });
    view! {
        <section class="page">
            <h1>{i18n.t(Key::TodayTitle)}</h1>
            <BusinessNudge/>
            <RecordedBar/>
            {move || match state.load.get() {
                Load::Ready => {
                    let agenda = agenda.get();
                    let today = agenda.today;
                    let lang = i18n.lang();
                    if agenda.has_invoices {
                        view! {
                            // The figures fit in a line or two; the aging bars come after the
                            // day's work, so on a phone the first step is on the first screen.
                            <Figures overview=agenda.overview.clone() lang/>
                            <TodoList groups=agenda.groups steps=agenda.due_steps customers=agenda.due_customers lang today
                                nothing=nothing_due(&agenda.paused, lang) more=move |_| show_more()/>
                            <Paused pauses=agenda.paused lang/>
                            <Upcoming todos=agenda.upcoming total=agenda.upcoming_total lang/>
                            <CalendarExport today/>
                            <Aging overview=agenda.overview lang/>
                        }
                            .into_any()
                    } else {
                        view! {
                            <div class="empty-state">
                                <p class="empty-lead">{i18n.t(Key::TodayEmpty)}</p>
                                <p>{i18n.t(Key::TodayEmptyHint)}</p>
                                <p>
                                    <A href=href("/invoices")>
                                        {tr(lang, "Facturen invoeren of importeren", "Enter or import invoices")}
                                    </A>
                                </p>
                            </div>
                        }
                            .into_any()
                    }
                }
                unready => not_ready(unready),
            }}
        </section>
    }
}

/// Asks for the business name and IBAN while they are missing: every reminder is signed with
/// the one and asks for payment to the other, so a first-time user fills them in first.
#[component]
fn BusinessNudge() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    move || {
        let missing = state
            .settings
            .with(|s| messages::missing_details(&s.business, Channel::Email));
        (!missing.is_empty()).then(|| {
            let lang = i18n.lang();
            let details = messages::details_phrase(&missing, lang);
            view! {
                <div class="nudge" role="status" data-testid="business-nudge">
                    {match lang {
                        Lang::Nl => format!("Vul eerst je {details} in. Elke herinnering en brief heeft die gegevens nodig."),
                        Lang::En => format!("First fill in your {details}. Every reminder and letter needs these details."),
                    }}
                    " "
                    <A href=href("/settings")>{tr(lang, "Naar Instellingen", "Go to Settings")}</A>
                </div>
            }
        })
    }
}

fn bucket_label(bucket: AgingBucket, lang: Lang) -> &'static str {
    match bucket {
        AgingBucket::NotDue => tr(lang, "Nog niet vervallen", "Not yet due"),
        AgingBucket::Days1To30 => tr(lang, "1 tot 30 dagen te laat", "1 to 30 days late"),
        AgingBucket::Days31To60 => tr(lang, "31 tot 60 dagen te laat", "31 to 60 days late"),
        AgingBucket::Days61To90 => tr(lang, "61 tot 90 dagen te laat", "61 to 90 days late"),
        AgingBucket::Over90 => tr(lang, "Meer dan 90 dagen te laat", "More than 90 days late"),
    }
}

/// The money at a glance: outstanding, overdue, and how late customers pay on average.
#[component]
fn Figures(overview: Overview, lang: Lang) -> impl IntoView {
    let late = overview.average_days_paid_late.map(|d| match lang {
        Lang::Nl => format!(
            "{} {}",
            d.to_string().replace('.', ","),
            plural::noun(d, "dag", "dagen")
        ),
        Lang::En => plural::count(d, "day", "days"),
    });
    view! {
        <dl class="figures overview" data-testid="overview">
            <div>
                <dt>{tr(lang, "Openstaand", "Outstanding")}</dt>
                <dd data-testid="total-outstanding">{format_money(overview.total_outstanding, lang)}</dd>
            </div>
            <div>
                <dt>{tr(lang, "Te laat", "Overdue")}</dt>
                <dd data-testid="total-overdue">{format_money(overview.overdue, lang)}</dd>
            </div>
            <div>
                <dt>{tr(lang, "Gemiddeld te laat betaald", "Paid late on average")}</dt>
                <dd>{late.unwrap_or_else(|| "–".into())}</dd>
            </div>
        </dl>
    }
}

/// How late the money is, as a bar per aging bucket (inline SVG: no chart library, and each
/// bar has its label and amount as text beside it).
#[component]
fn Aging(overview: Overview, lang: Lang) -> impl IntoView {
    let largest = overview.buckets.iter().map(|b| b.outstanding).max().unwrap_or_default();
    let bars = overview
        .buckets
        .iter()
        .map(|b| {
            // Bar lengths are only drawn, never computed with: a float is fine here.
            let share = if largest.is_zero() {
                0.0
            } else {
                (b.outstanding / largest).try_into().unwrap_or(0.0)
            };
            let width = if b.outstanding.is_zero() {
                "0".to_owned()
            } else {
                format!("{:.1}", 2.0 + share * 98.0)
            };
            view! {
                <li class=format!("aging-row aging-{:?}", b.bucket).to_lowercase()>
                    <span class="aging-label">{bucket_label(b.bucket, lang)}</span>
                    <svg class="aging-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
                        <rect x="0" y="0" width=width height="10" rx="1.5"></rect>
                    </svg>
                    <span class="aging-amount">{format_money(b.outstanding, lang)}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <h2>{tr(lang, "Hoe lang het geld openstaat", "How long the money has been owed")}</h2>
        <ul class="aging overview" data-testid="aging">{bars}</ul>
    }
}

/// Today's steps, one group per customer, most urgent customer first.
#[component]
fn TodoList(
    groups: Vec<Group>,
    steps: usize,
    customers: usize,
    lang: Lang,
    today: NaiveDate,
    /// What to say when nothing is due, which depends on what is paused.
    nothing: String,
    more: impl Fn(leptos::ev::MouseEvent) + 'static,
) -> impl IntoView {
    let hidden = customers.saturating_sub(groups.len());
    view! {
        <h2>{tr(lang, "Vandaag te doen", "To do today")}</h2>
        {if groups.is_empty() {
            view! {
                <p class="empty-state" data-testid="nothing-today">{nothing}</p>
            }
                .into_any()
        } else {
            view! {
                <p class="hint">
                    {match (steps, lang) {
                        (1, _) => tr(lang, "1 stap.", "1 step.").to_owned(),
                        (_, Lang::Nl) => format!("{steps} stappen, meest dringend eerst."),
                        (_, Lang::En) => format!("{steps} steps, most urgent first."),
                    }}
                </p>
                <ol class="todo-groups" data-testid="todo-list">
                    {groups
                        .into_iter()
                        .map(|group| {
                            view! {
                                <li class="todo-group">
                                    <h3>{group.customer}</h3>
                                    <ul>{group.todos.into_iter().map(|t| todo_item(t, lang, today)).collect_view()}</ul>
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
                {(hidden > 0).then(|| view! {
                    <p>
                        <button type="button" class="secondary" on:click=more data-testid="more-todos">
                            {match lang {
                                Lang::Nl => format!("Meer tonen (nog {})", plural::count(hidden, "klant", "klanten")),
                                Lang::En => format!("Show more ({} to go)", plural::count(hidden, "customer", "customers")),
                            }}
                        </button>
                    </p>
                })}
            }
                .into_any()
        }}
    }
}

fn todo_item(todo: Todo, lang: Lang, today: NaiveDate) -> impl IntoView {
    // The reason already says how late the invoice is; this line says since when the step
    // itself is waiting, which is a different count, so it gives the date only.
    let when = match (todo.step.days_overdue(today), lang) {
        (0, Lang::Nl) => "Te doen: vandaag".to_owned(),
        (0, Lang::En) => "To do: today".to_owned(),
        (_, Lang::Nl) => format!("Te doen sinds {}", format_date(todo.step.due, lang)),
        (_, Lang::En) => format!("To do since {}", format_date(todo.step.due, lang)),
    };
    let first_invoice = todo.step.invoice_ids.first().map(|id| id.0.clone()).unwrap_or_default();
    let reason = todo.reason;
    let label = if records_hand_over(&todo.step) {
        record_hand_over_label(lang)
    } else {
        messages::compose_label(todo.step.channel, lang)
    };
    // Every task has this button: its accessible name says which invoices it is for, so a
    // screen reader's list of links does not read the same words over and over.
    let name = format!("{label}: {}", todo.numbers.join(", "));
    view! {
        <li class="todo" data-testid="todo">
            <p class="todo-what">
                <strong>{messages::action_label(todo.step.action, lang)}</strong>
                " · " {messages::channel_label(todo.step.channel, lang)}
                " · " {keep_together(&todo.numbers.join(", "))}
                " · " <span class="nowrap">{format_money(todo.outstanding, lang)}</span>
            </p>
            <p class="todo-why">{reason}</p>
            <p class="todo-when hint">{when}</p>
            <p>
                <A href=step_href(&todo.step, &first_invoice) attr:class="button" attr:data-testid="compose" attr:aria-label=name>
                    {label}
                </A>
            </p>
        </li>
    }
}

/// The customers and invoices whose chase the user paused, with the money they hold and the
/// reason, each linked to where the chase is resumed. Nothing shows while nothing is paused.
#[component]
fn Paused(pauses: Vec<Pause>, lang: Lang) -> impl IntoView {
    (!pauses.is_empty()).then(|| {
        let items = pauses
            .into_iter()
            .map(|p| {
                let amounts = p.amounts(lang);
                let what = match p.invoice {
                    None => {
                        let count = (p.invoices > 1).then(|| match lang {
                            Lang::Nl => format!(" · {} facturen", p.invoices),
                            Lang::En => format!(" · {} invoices", p.invoices),
                        });
                        view! {
                            <A href=href(&format!("/customers/{}", p.customer_id.as_str()))>{p.customer}</A>
                            {count}
                        }
                        .into_any()
                    }
                    Some((id, number)) => {
                        let label = format!("{} {number}", tr(lang, "factuur", "invoice"));
                        view! {
                            {p.customer} " · "
                            <A href=href(&format!("/invoices/{}?act=pause", id.as_str()))>{label}</A>
                        }
                        .into_any()
                    }
                };
                let reason = (!p.reason.is_empty()).then(|| match lang {
                    Lang::Nl => format!(" · Reden: {}", p.reason),
                    Lang::En => format!(" · Reason: {}", p.reason),
                });
                view! {
                    <li data-testid="paused-item">
                        {what} " · " <span class="nowrap">{amounts}</span> {reason}
                    </li>
                }
            })
            .collect_view();
        view! {
            <h2>{tr(lang, "Gepauzeerd", "Paused")}</h2>
            <p class="hint">
                {tr(
                    lang,
                    "Hiervoor stelt de app niets voor tot je het herinneren hervat: bij een klant onder Bewerken, bij een factuur met Herinneren hervatten.",
                    "The app proposes nothing for these until you resume chasing: for a customer under Edit, for an invoice with Resume chasing.",
                )}
            </p>
            <ul class="upcoming" data-testid="paused-list">{items}</ul>
        }
    })
}

/// What comes up in the next days, so nothing surprises.
#[component]
fn Upcoming(todos: Vec<Todo>, total: usize, lang: Lang) -> impl IntoView {
    let hidden = total.saturating_sub(todos.len());
    view! {
        <h2>{tr(lang, "De komende 7 dagen", "The next 7 days")}</h2>
        {if todos.is_empty() {
            view! { <p class="hint">{tr(lang, "Niets gepland.", "Nothing planned.")}</p> }.into_any()
        } else {
            view! {
                <ul class="upcoming" data-testid="upcoming">
                    {todos
                        .into_iter()
                        .map(|t| {
                            view! {
                                <li>
                                    <span class="upcoming-date nowrap">{format_date(t.step.due, lang)}</span>
                                    " " {t.customer} " · " {messages::action_label(t.step.action, lang)} " · "
                                    {t.numbers.join(", ")}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
                {(hidden > 0).then(|| view! {
                    <p class="hint">{match lang {
                        Lang::Nl => format!("En nog {hidden} stappen; de volledige lijst staat in het agendabestand."),
                        Lang::En => format!("And {hidden} more steps; the calendar file has the full list."),
                    }}</p>
                })}
            }
                .into_any()
        }}
    }
}

/// How far ahead the calendar file reaches.
const CALENDAR_DAYS: u32 = 30;

/// Puts the coming steps in the user's own calendar through a downloaded .ics file: no
/// server and no subscription, so nothing leaves the device unless the user imports it.
#[component]
fn CalendarExport(today: NaiveDate) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let notice = RwSignal::new(None::<Result<String, String>>);
    let export = move |_| {
        let lang = i18n.lang();
        let settings = state.settings.get_untracked();
        let text = state.data.with_untracked(|d| {
            let steps: Vec<Step> = engine::today_queue(&d.invoices, &d.customers, &d.events, &settings, today)
                .into_iter()
                .filter(|s| s.due <= engine_horizon(today))
                // An overdue step belongs in today's calendar, not on a day already gone.
                .map(|mut s| {
                    s.due = s.scheduled_for(today);
                    s
                })
                .collect();
            let items = ics::step_items(&steps, &d.customers, &d.invoices, lang);
            (items.len(), ics::calendar(&items, browser::now_utc(), lang))
        });
        let (count, text) = text;
        notice.set(Some(if count == 0 {
            Err(tr(
                lang,
                "Er staan de komende 30 dagen geen stappen gepland.",
                "No steps are planned for the next 30 days.",
            )
            .into())
        } else {
            match browser::download("factuurwacht.ics", "text/calendar;charset=utf-8", &text) {
                Ok(()) => Ok(match lang {
                    Lang::Nl => format!(
                        "Het agendabestand met {} staat bij je downloads. Open het om {} in je agenda te zetten.",
                        plural::count(count, "stap", "stappen"),
                        plural::noun(count, "de stap", "de stappen"),
                    ),
                    Lang::En => format!(
                        "The calendar file with {} is in your downloads. Open it to add {} to your calendar.",
                        plural::count(count, "step", "steps"),
                        plural::noun(count, "the step", "the steps"),
                    ),
                }),
                Err(_) => Err(tr(lang, "Downloaden lukte niet.", "The download failed.").into()),
            }
        }));
    };
    view! {
        <p class="actions">
            <button type="button" class="secondary" on:click=export data-testid="export-ics">
                {move || tr(i18n.lang(), "Stappen in mijn agenda zetten (.ics)", "Put the steps in my calendar (.ics)")}
            </button>
        </p>
        // A live region on the page before its message, so a screen reader reads it.
        <div role="status">
            {move || notice.get().map(|n| match n {
                Ok(text) => view! { <p class="notice" data-testid="ics-notice">{text}</p> }.into_any(),
                Err(text) => view! { <p class="hint" data-testid="ics-notice">{text}</p> }.into_any(),
            })}
        </div>
    }
}

fn engine_horizon(today: NaiveDate) -> NaiveDate {
    today
        .checked_add_days(chrono::Days::new(u64::from(CALENDAR_DAYS)))
        .unwrap_or(today)
}

/// After the composer recorded a step (it comes back here), says so and offers to take it
/// back until the next command: a message marked sent by mistake is undone in one click.
#[component]
fn RecordedBar() -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let undone = RwSignal::new(false);
    move || {
        let lang = i18n.lang();
        if undone.get() {
            return Some(
                view! { <p class="notice" id="undone-notice" tabindex="-1" role="status" data-testid="undone">{undone_text(lang)}</p> }.into_any(),
            );
        }
        let ids = state.undoable.get().filter(|u| u.from_composer)?.events;
        let numbers: Vec<String> = state.data.with(|d| {
            let concerned: Vec<&InvoiceId> = d
                .events
                .iter()
                .filter(|e| ids.contains(&e.id))
                .flat_map(|e| &e.invoice_ids)
                .collect();
            d.invoices
                .iter()
                .filter(|i| concerned.contains(&&i.id))
                .map(|i| i.number.clone())
                .collect()
        });
        let listed = plural::join_and(lang, &numbers);
        let text = match (numbers.len(), lang) {
            (0, _) => tr(lang, "Vastgelegd in het dossier.", "Recorded in the dossier.").to_owned(),
            (1, Lang::Nl) => format!("Vastgelegd in het dossier van factuur {listed}."),
            (1, Lang::En) => format!("Recorded in the dossier of invoice {listed}."),
            (_, Lang::Nl) => format!("Vastgelegd in het dossier van de facturen {listed}."),
            (_, Lang::En) => format!("Recorded in the dossier of invoices {listed}."),
        };
        Some(
            view! {
                <div class="notice" role="status" data-testid="recorded">
                    <p>{text}</p>
                    <UndoButton events=ids after=move |_| {
                        undone.set(true);
                        // The button is gone with the undo: the keyboard goes to the notice
                        // that took its place.
                        leptos::task::spawn_local(async {
                            leptos::task::tick().await;
                            browser::focus("#undone-notice");
                        });
                    }/>
                </div>
            }
            .into_any(),
        )
    }
}
