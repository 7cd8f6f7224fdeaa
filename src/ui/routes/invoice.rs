//! One invoice: what is owed (with the legal working of interest and costs), the step the
//! engine proposes and why, every action the user can record, and the dossier as a timeline.

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::domain::claim::{self, AbovePrincipal, Claim};
use crate::domain::dates::format_date;
use crate::domain::dossier::Entry;
use crate::domain::engine::Step;
use crate::domain::import::status_label;
use crate::domain::messages::{self, action_label, channel_label};
use crate::domain::model::{Balance, Lang};
use crate::domain::money::format_money;
use crate::domain::pages::{invoice_file, records_hand_over, Data, InvoiceFile};
use crate::ui::base::href;
use crate::ui::i18n::{tr, use_i18n, Key};
use crate::ui::routes::compose::{record_hand_over_label, step_href};
use crate::ui::routes::invoice_actions::{requested_act, ActionPanel, Notice, Subject};
use crate::ui::state::{use_app_state, Load};
use crate::ui::widgets::{keep_together, not_ready, NotFoundRecord, RecordKind};

/// The route `/invoices/:id`.
#[component]
pub fn InvoicePage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let params = use_params_map();
    // Lives above the page's content, so a confirmation survives the re-render a save causes.
    let notice = RwSignal::new(None::<Notice>);
    // The form the address asks for is open from the start; the panel follows later asks.
    let open = RwSignal::new(requested_act().get_untracked());
    let file = Memo::new(move |_| {
        let id = params.read().get("id").unwrap_or_default();
        let today = state.today.get();
        let settings = state.settings.get();
        let lang = i18n.lang();
        state
            .data
            .with(|d| invoice_file(Data::from(d), &settings, &id, today, lang))
    });
    // The page's frame changes only when the invoice appears or goes; a change to its data
    // (a save here, a note from another tab) re-renders the facts around the action panel but
    // not the panel, so a half-typed form keeps what was typed.
    let frame = Memo::new(move |_| (state.load.get(), file.with(|f| f.is_some())));
    view! {
        <section class="page">
            {move || {
                let lang = i18n.lang();
                match frame.get() {
                    (Load::Ready, false) => view! { <NotFoundRecord record=RecordKind::Invoice lang/> }.into_any(),
                    (Load::Ready, true) => {
                        let Some(first) = file.with_untracked(|f| f.as_ref().map(InvoiceFile::subject)) else {
                            return view! { <NotFoundRecord record=RecordKind::Invoice lang/> }.into_any();
                        };
                        // The frame switches to "not found" as soon as the invoice is gone, so
                        // keeping the last subject only bridges that one update.
                        let subject = Memo::new(move |last: Option<&Subject>| {
                            file.with(|f| f.as_ref().map(InvoiceFile::subject))
                                .or_else(|| last.cloned())
                                .unwrap_or_else(|| first.clone())
                        });
                        view! {
                            {move || file.get().map(|f| facts_view(f, state.today.get_untracked(), lang))}
                            <ActionPanel subject=subject.into() open notice/>
                            <h2>{tr(lang, "Dossier", "Dossier")}</h2>
                            {move || file.get().map(|f| view! { <Timeline entries=f.entries lang/> })}
                        }
                        .into_any()
                    }
                    (unready, _) => view! { <h1>{i18n.t(Key::InvoicesTitle)}</h1> {not_ready(unready)} }.into_any(),
                }
            }}
        </section>
    }
}

impl InvoiceFile {
    /// What the action forms need of the invoice.
    fn subject(&self) -> Subject {
        Subject {
            invoice: self.invoice.clone(),
            customer: self.customer.clone(),
            situation: self.situation.clone(),
            outstanding: self.balance.outstanding,
            proposed: self.step.as_ref().map(|(s, _)| messages::written_kind(s)),
            hand_over_together: self.hand_over_together.clone(),
        }
    }
}

/// Everything above the action panel: the invoice, what is owed and the proposed step.
fn facts_view(f: InvoiceFile, today: NaiveDate, lang: Lang) -> impl IntoView {
    let inv = f.invoice.clone();
    let id = inv.id.as_str().to_owned();
    let customer_link = href(&format!("/customers/{}", f.customer.id.as_str()));
    let flags = flags(&f, lang);
    view! {
        <p class="breadcrumb"><A href=href("/invoices")>{tr(lang, "← Alle facturen", "← All invoices")}</A></p>
        <div class="page-head">
            <h1>{tr(lang, "Factuur", "Invoice")} " " {keep_together(&inv.number)}</h1>
            <A href=href(&format!("/invoices/{id}/edit")) attr:class="button secondary" attr:data-testid="edit-invoice">{tr(lang, "Bewerken", "Edit")}</A>
            <A href=href(&format!("/dossier/invoice/{id}")) attr:class="button secondary" attr:data-testid="export-dossier">{tr(lang, "Dossier afdrukken", "Print dossier")}</A>
        </div>
        <p class="invoice-sub">
            <A href=customer_link>{f.customer.name.clone()}</A>
            " · " {tr(lang, "factuurdatum", "issued")} " " <span class="nowrap">{format_date(inv.issue_date, lang)}</span>
            " · " {tr(lang, "vervaldatum", "due")} " " <span class="nowrap">{format_date(inv.due_date, lang)}</span>
        </p>
        {(!inv.description.trim().is_empty()).then(|| view! { <p class="notes">{inv.description.clone()}</p> })}
        <ul class="flags" data-testid="flags">
            <li class="flag">{status_label(f.balance.status, lang)}</li>
            {flags.into_iter().map(|text| view! { <li class="flag flag-warn">{keep_together(&text)}</li> }).collect_view()}
        </ul>
        <div class="customer-panels">
            <Amounts balance=f.balance.clone() amount=inv.amount claim=f.claim.clone() above=f.above_principal lang/>
            <NextStep step=f.step.clone() idle=f.idle.clone().unwrap_or_default() invoice_id=id.clone() today lang/>
        </div>
    }
}

/// Short words for what holds the chase: a dispute, a plan, a pause, a hand-over.
fn flags(f: &InvoiceFile, lang: Lang) -> Vec<String> {
    let s = &f.situation;
    let mut out = Vec::new();
    if let Some(opened) = s.dispute_opened {
        out.push(format!(
            "{} {}",
            tr(lang, "Betwist sinds", "Disputed since"),
            format_date(opened, lang)
        ));
    }
    if s.plan.is_some() {
        out.push(tr(lang, "Betalingsregeling", "Payment plan").to_owned());
    }
    if let Some((amount, date)) = s.promise {
        out.push(format!(
            "{} {} {} {}",
            tr(lang, "Belofte:", "Promised:"),
            format_money(amount, lang),
            tr(lang, "op", "on"),
            format_date(date, lang)
        ));
    }
    if s.cannot_pay.is_some() {
        out.push(tr(lang, "Kan nu niet betalen", "Cannot pay now").to_owned());
    }
    // The invoice's own pause, else the customer's; its reason says when to look again.
    if let Some(reason) = s.paused.as_deref().or(f.customer.paused.as_deref()) {
        let paused = tr(lang, "Herinneren gepauzeerd", "Chasing paused");
        out.push(match reason.trim() {
            "" => paused.to_owned(),
            reason => format!("{paused}: {reason}"),
        });
    }
    if s.handed_over {
        out.push(tr(lang, "Overgedragen aan incassobureau", "Handed over").to_owned());
    }
    out
}

/// What was invoiced, paid and is still open, and what may be claimed on top, with the working
/// one click away so the user can check every figure.
#[component]
fn Amounts(
    balance: Balance,
    amount: rust_decimal::Decimal,
    claim: Claim,
    above: AbovePrincipal,
    lang: Lang,
) -> impl IntoView {
    let working = claim::breakdown(&claim, lang);
    let extra = claim.interest.is_some() || claim.costs.is_some();
    view! {
        <div class="card" data-testid="amounts">
            <h2>{tr(lang, "Bedragen", "Amounts")}</h2>
            <dl class="sums">
                <dt>{tr(lang, "Factuurbedrag", "Invoice total")}</dt>
                <dd>{format_money(amount, lang)}</dd>
                <dt>{tr(lang, "Betaald", "Paid")}</dt>
                <dd data-testid="paid">{format_money(balance.paid, lang)}</dd>
                <dt>{tr(lang, "Openstaand", "Outstanding")}</dt>
                <dd data-testid="outstanding"><strong>{format_money(balance.outstanding, lang)}</strong></dd>
                {(!above.interest_and_costs.is_zero()).then(|| view! {
                    <dt>{tr(lang, "Betaald aan rente en kosten", "Paid towards interest and costs")}</dt>
                    <dd data-testid="paid-costs">{format_money(above.interest_and_costs, lang)}</dd>
                })}
                {(!above.refund.is_zero()).then(|| view! {
                    <dt>{tr(lang, "Te veel betaald", "Overpaid")}</dt>
                    <dd data-testid="overpaid">{format_money(above.refund, lang)}</dd>
                })}
                {claim.interest.as_ref().map(|i| view! {
                    <dt>{claim::interest_name(i.kind, lang)}</dt>
                    <dd data-testid="interest">{format_money(i.total, lang)}</dd>
                })}
                {claim.costs.as_ref().map(|c| view! {
                    <dt>{c.name(lang)}</dt>
                    <dd data-testid="costs">{format_money(c.amount(), lang)}</dd>
                })}
                {extra.then(|| view! {
                    <dt>{tr(lang, "Te vorderen", "Claimable")}</dt>
                    <dd data-testid="claim-total"><strong>{format_money(claim.total, lang)}</strong></dd>
                })}
            </dl>
            {(!above.refund.is_zero()).then(|| view! {
                <p class="hint">
                    {tr(
                        lang,
                        "Er is meer betaald dan de factuur met de rente en kosten die toen golden: betaal het verschil terug, of verreken het met de klant.",
                        "More was paid than the invoice with the interest and costs owed at the time: pay the difference back, or settle it with the customer.",
                    )}
                </p>
            })}
            {(!claim.withheld.is_empty()).then(|| view! {
                <ul class="hint withheld" data-testid="withheld">
                    {claim.withheld.iter().map(|w| view! { <li>{w.message(lang)}</li> }).collect_view()}
                </ul>
            })}
            {(!working.is_empty()).then(|| view! {
                <details class="working">
                    <summary>{tr(lang, "Zo is het berekend", "How this was worked out")}</summary>
                    <ul data-testid="working">{working.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                </details>
            })}
        </div>
    }
}

#[component]
fn NextStep(
    step: Option<(Step, String)>,
    idle: String,
    invoice_id: String,
    today: NaiveDate,
    lang: Lang,
) -> impl IntoView {
    view! {
        <div class="card" data-testid="next-step">
            <h2>{tr(lang, "Volgende stap", "Next step")}</h2>
            {match step {
                None => view! {
                    <p class="hint" data-testid="no-step">{idle}</p>
                }
                .into_any(),
                Some((step, reason)) => {
                    let when = step.scheduled_for(today);
                    let due_now = when <= today;
                    let target = step_href(&step, &invoice_id);
                    let label = match (records_hand_over(&step), due_now) {
                        (true, _) => record_hand_over_label(lang),
                        (false, true) => tr(lang, "Opstellen", "Compose"),
                        (false, false) => tr(lang, "Nu al opstellen", "Compose now"),
                    };
                    view! {
                        <p class="step-what" data-testid="step-action">
                            <strong>{action_label(step.action, lang)}</strong>
                            " · " {channel_label(step.channel, lang)}
                        </p>
                        <p data-testid="step-date">
                            {if due_now {
                                tr(lang, "Vandaag", "Today").to_owned()
                            } else {
                                format!("{} {}", tr(lang, "Op", "On"), format_date(when, lang))
                            }}
                        </p>
                        <p class="hint" data-testid="step-reason">{reason}</p>
                        <A href=target attr:class="button" attr:data-testid="open-composer">{label}</A>
                    }
                    .into_any()
                }
            }}
        </div>
    }
}

/// The dossier, newest first; messages keep their exact text one click away. `all_numbers`
/// shows every event's invoice numbers (a customer's dossier); otherwise only those of events
/// that cover more than this invoice.
#[component]
pub fn Timeline(entries: Vec<Entry>, lang: Lang, #[prop(optional)] all_numbers: bool) -> impl IntoView {
    if entries.is_empty() {
        return view! { <p class="hint" data-testid="empty-timeline">{tr(lang, "Er is nog niets vastgelegd.", "Nothing has been recorded yet.")}</p> }.into_any();
    }
    view! {
        <ol class="timeline" data-testid="timeline">
            {entries.into_iter().rev().map(|e| view! {
                <li>
                    <span class="timeline-date nowrap">{format_date(e.date, lang)}</span>
                    <span class="timeline-channel">{e.channel.unwrap_or_default()}</span>
                    <span class="timeline-what">
                        {keep_together(&e.title)}
                        {e.text.map(|text| view! {
                            <details class="timeline-text">
                                <summary>{tr(lang, "Tekst", "Text")}</summary>
                                <pre>{text}</pre>
                            </details>
                        })}
                    </span>
                    {(e.invoices.len() > usize::from(!all_numbers)).then(|| view! { <span class="timeline-invoices hint">{e.invoices.join(", ")}</span> })}
                </li>
            }).collect_view()}
        </ol>
    }
    .into_any()
}
