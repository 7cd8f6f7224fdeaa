//! What the user can record on an invoice: a payment, a call and its outcome, a letter or a
//! meeting, a dispute, a payment plan, a pause, a hand-over, a write-off, a note. Each form
//! checks its fields first (errors beside the field), then records one command: one
//! transaction with every event it implies. A refused save changes nothing.

use chrono::{Datelike, Days, NaiveDate};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use rust_decimal::Decimal;

use crate::domain::dates;
use crate::domain::engine::Situation;
use crate::domain::messages::message_label;
use crate::domain::model::{
    is_blank, payment_looks_mistyped, CallOutcome, Channel, Customer, CustomerId, DayPart, Event, EventId, EventKind,
    Instalment, Invoice, InvoiceId, Jurisdiction, Lang, MessageKind,
};
use crate::domain::money::{format_amount_grouped, format_money, parse_positive_amount};
use crate::domain::plan::{self, Every, PlanSize};
use crate::domain::plural::join_and;
use crate::store::Changes;
use crate::ui::browser;
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::state::use_app_state;
use crate::ui::widgets::{Refusal, TextField, UndoButton, UNDONE};

/// The invoice the forms act on, as the page derived it.
#[derive(Clone, Debug, PartialEq)]
pub struct Subject {
    pub invoice: Invoice,
    pub customer: Customer,
    pub situation: Situation,
    pub outstanding: Decimal,
    /// The letter that does the proposed step in writing (`messages::written_kind`), the
    /// natural default for a letter logged by hand.
    pub proposed: Option<MessageKind>,
    /// The invoices, with their numbers, that one notice announced the hand-over of, this one
    /// among them; empty unless that hand-over is the step.
    pub hand_over_together: Vec<(InvoiceId, String)>,
}

impl Subject {
    /// The invoices a record made on this page is about: this invoice, or for a hand-over that
    /// one notice announced for several, all of them.
    fn invoice_ids(&self, record: &Record) -> Vec<InvoiceId> {
        let hand_over = record.kinds.iter().any(|k| matches!(k, EventKind::HandedOver { .. }));
        if hand_over && !self.hand_over_together.is_empty() {
            self.hand_over_together.iter().map(|(id, _)| id.clone()).collect()
        } else {
            vec![self.invoice.id.clone()]
        }
    }
}

/// What one form asks to record: the day and channel of the contact and the facts it adds.
#[derive(Clone, Debug)]
pub struct Record {
    pub date: NaiveDate,
    pub channel: Channel,
    pub kinds: Vec<EventKind>,
    /// The confirmation shown once it is stored.
    pub done: (&'static str, &'static str),
    /// A form to open right after, when one fact calls for the next (cannot pay: a plan).
    pub then: Option<Act>,
}

impl Record {
    /// The command that stores this record: one event per fact, all on the record's day and
    /// channel, about `invoice_ids` of `customer_id`, written in one transaction.
    pub fn into_changes(self, invoice_ids: &[InvoiceId], customer_id: &CustomerId) -> Changes {
        let events = self
            .kinds
            .into_iter()
            .map(|kind| Event {
                id: EventId(browser::new_id("e")),
                invoice_ids: invoice_ids.to_vec(),
                customer_id: customer_id.clone(),
                date: self.date,
                channel: self.channel,
                kind,
            })
            .collect();
        Changes {
            events,
            ..Changes::default()
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Act {
    Payment,
    Call,
    Contact,
    Dispute,
    Plan,
    Pause,
    HandOver,
    WriteOff,
    Note,
}

impl Act {
    const ALL: [Act; 9] = [
        Act::Payment,
        Act::Call,
        Act::Contact,
        Act::Dispute,
        Act::Plan,
        Act::Pause,
        Act::HandOver,
        Act::WriteOff,
        Act::Note,
    ];

    fn label(self, s: &Situation, lang: Lang) -> &'static str {
        match self {
            Act::Payment => tr(lang, "Betaling vastleggen", "Record a payment"),
            Act::Call => tr(lang, "Gesprek vastleggen", "Log a call"),
            Act::Contact => tr(lang, "Brief of afspraak", "Letter or meeting"),
            Act::Dispute if s.dispute_opened.is_some() => tr(lang, "Bezwaar oplossen", "Resolve the dispute"),
            Act::Dispute => tr(lang, "Bezwaar vastleggen", "Record a dispute"),
            Act::Plan => tr(lang, "Betalingsregeling", "Payment plan"),
            Act::Pause if s.paused.is_some() => tr(lang, "Herinneren hervatten", "Resume chasing"),
            Act::Pause => tr(lang, "Herinneren pauzeren", "Pause chasing"),
            Act::HandOver => tr(lang, "Overdragen aan incassobureau", "Hand over"),
            Act::WriteOff => tr(lang, "Afschrijven", "Write off"),
            Act::Note => tr(lang, "Notitie", "Note"),
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Act::Payment => "payment",
            Act::Call => "call",
            Act::Contact => "contact",
            Act::Dispute => "dispute",
            Act::Plan => "plan",
            Act::Pause => "pause",
            Act::HandOver => "hand-over",
            Act::WriteOff => "write-off",
            Act::Note => "note",
        }
    }
}

/// The actions that make sense now. A closed invoice (written off or handed over) still takes
/// payments while money is open, and notes always.
fn available(subject: &Subject) -> Vec<Act> {
    let s = &subject.situation;
    let open = !subject.outstanding.is_zero();
    let closed = s.written_off || s.handed_over;
    let mut acts = Vec::new();
    if open {
        acts.push(Act::Payment);
    }
    if open && !closed {
        acts.extend([
            Act::Call,
            Act::Contact,
            Act::Dispute,
            Act::Plan,
            Act::Pause,
            Act::HandOver,
            Act::WriteOff,
        ]);
    }
    acts.push(Act::Note);
    acts
}

/// The form the address asks for. `?act=plan` opens one, so another screen can hand over to
/// it (the composer does after "cannot pay"), and so can a link on the invoice page itself.
pub fn requested_act() -> Memo<Option<Act>> {
    let query = use_query_map();
    Memo::new(move |_| {
        query
            .with(|q| q.get("act"))
            .and_then(|code| Act::ALL.into_iter().find(|a| a.code() == code))
    })
}

/// The open action form's first field, where the keyboard goes when a form opens.
const FORM_FIRST_FIELD: &str = "#action-form input, #action-form textarea, #action-form select";

/// What the panel last confirmed: its text in both languages, so a language switch redraws
/// it, and the events its undo takes back (`None` for a notice that has no undo).
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub text: (&'static str, &'static str),
    pub undo: Option<Vec<EventId>>,
}

/// The action bar and the open form. The bar follows the invoice's data; an open form keeps
/// the data it was opened with, so a change made in another tab never resets what
/// the user is typing. `open` and `notice` belong to the page, which outlives the panel: the
/// panel is drawn anew when the language switches, and the notice with its undo stays.
#[component]
pub fn ActionPanel(
    subject: Signal<Subject>,
    open: RwSignal<Option<Act>>,
    notice: RwSignal<Option<Notice>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let lang = i18n.lang();
    let refusal = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    // Something was typed or picked in the open form. Closing it or opening another would then
    // throw that away, so the panel asks first; `leaving` holds where the user wanted to go.
    let typed = RwSignal::new(false);
    let leaving = RwSignal::new(None::<Option<Act>>);

    let save = Callback::new(move |record: Record| {
        if busy.get_untracked() {
            return;
        }
        let (done, then) = (record.done, record.then);
        let changes = subject.with_untracked(|s| {
            let ids = s.invoice_ids(&record);
            record.into_changes(&ids, &s.customer.id)
        });
        busy.set(true);
        refusal.set(None);
        leptos::task::spawn_local(async move {
            let result = state.record(changes, false).await;
            busy.set(false);
            match result {
                Ok(events) => {
                    notice.set(Some(Notice {
                        text: done,
                        undo: Some(events),
                    }));
                    typed.set(false);
                    leaving.set(None);
                    open.set(then);
                    // The page re-renders from the new data; once it has, put the keyboard on
                    // the next form when one follows, else on the confirmation.
                    browser::next_frame().await;
                    browser::focus(if then.is_some() {
                        "#action-form input, #action-form textarea"
                    } else {
                        "#action-notice"
                    });
                }
                Err(e) => refusal.set(Some(e.refusal_reason(lang))),
            }
        });
    });

    // Switches the open form (`None` closes it). Opening one puts the focus on its first field;
    // closing one gives the focus back to the button that opened it, so a keyboard user goes
    // on from where they were.
    let switch = move |next: Option<Act>| {
        let before = open.get_untracked();
        typed.set(false);
        leaving.set(None);
        refusal.set(None);
        open.set(next);
        leptos::task::spawn_local(async move {
            // The form renders in the reactive system's next microtask; waiting only that long
            // (not a timer) means no keystroke typed right after the click can land before the
            // focus does.
            leptos::task::tick().await;
            match (next, before) {
                (Some(_), _) => browser::focus(FORM_FIRST_FIELD),
                (None, Some(act)) => browser::focus(&format!("[data-testid=\"act-{}\"]", act.code())),
                (None, None) => {}
            }
        });
    };
    // Leaving a form the user typed in asks first (a stray Escape must not cost a paragraph).
    let leave = move |next: Option<Act>| {
        if typed.get_untracked() && open.get_untracked().is_some() {
            leaving.set(Some(next));
            leptos::task::spawn_local(async {
                leptos::task::tick().await;
                browser::focus("[data-testid=\"keep-typing\"]");
            });
        } else {
            switch(next);
        }
    };
    // A link to this page's own "?act=..." (the next step's "record the hand-over") changes
    // only the query: the form it asks for opens as if its button were pressed, asking first
    // when something was typed. The query then comes off the address, so the same link opens
    // the form again once it is closed. On the first run the page already opened it.
    let requested = requested_act();
    let navigate = use_navigate();
    Effect::new(move |ran: Option<()>| {
        let Some(act) = requested.get() else {
            return;
        };
        if ran.is_some() {
            leave(Some(act));
        }
        let page = subject.with_untracked(|s| format!("/invoices/{}", s.invoice.id.as_str()));
        navigate(
            &page,
            NavigateOptions {
                replace: true,
                ..Default::default()
            },
        );
    });
    Effect::new(move |_| state.typing.set(typed.get() && open.get().is_some()));
    on_cleanup(move || state.typing.set(false));
    let keep_typing = move || {
        leaving.set(None);
        browser::focus(FORM_FIRST_FIELD);
    };

    // A form whose action no longer applies (the invoice was paid in full or written off
    // elsewhere) closes, and says why, instead of recording something that makes no sense now.
    Effect::new(move |_| {
        let gone = subject.with(|s| open.get().is_some_and(|act| !available(s).contains(&act)));
        if gone {
            switch(None);
            notice.set(Some(Notice {
                text: (
                    "Deze factuur is intussen elders bijgewerkt; die actie past er niet meer bij.",
                    "This invoice was changed elsewhere in the meantime; that action no longer applies.",
                ),
                undo: None,
            }));
        }
    });

    view! {
        <h2>{tr(lang, "Vastleggen", "Record")}</h2>
        <div class="actions action-bar" role="group" aria-label=tr(lang, "Acties", "Actions")>
            {move || subject.with(|s| available(s).into_iter().map(|act| {
                let label = act.label(&s.situation, lang);
                view! {
                    <button
                        type="button"
                        class="secondary"
                        aria-expanded=move || if open.get() == Some(act) { "true" } else { "false" }
                        aria-controls="action-form"
                        data-testid=format!("act-{}", act.code())
                        on:click=move |_| {
                            notice.set(None);
                            leave(if open.get_untracked() == Some(act) { None } else { Some(act) });
                        }
                    >{label}</button>
                }
            }).collect_view())}
        </div>
        {move || notice.get().map(|Notice { text, undo }| view! {
            <div class="notice" id="action-notice" tabindex="-1" role="status" data-testid="notice">
                <p>{lang.pick(text.0, text.1)}</p>
                {undo.map(|events| view! {
                    // Undoing also closes a form the record opened (a plan after "cannot pay").
                    <UndoButton events after=move |_| {
                        open.set(None);
                        notice.set(Some(Notice { text: UNDONE, undo: None }));
                        // The button is gone with the undo: the keyboard goes to what took its
                        // place, which says what happened.
                        leptos::task::spawn_local(async {
                            leptos::task::tick().await;
                            browser::focus("#action-notice");
                        });
                    }/>
                })}
            </div>
        })}
        <div id="action-form">
            {move || open.get().map(|act| {
                let s = subject.get_untracked();
                let form = match act {
                    Act::Payment => view! { <PaymentForm subject=s save busy/> }.into_any(),
                    Act::Call => view! { <CallForm outstanding=s.outstanding save busy/> }.into_any(),
                    Act::Contact => view! { <ContactForm subject=s save busy/> }.into_any(),
                    Act::Dispute => view! { <DisputeForm subject=s save busy/> }.into_any(),
                    Act::Plan => view! { <PlanForm subject=s save busy/> }.into_any(),
                    Act::Pause => view! { <PauseForm subject=s save busy/> }.into_any(),
                    Act::HandOver => view! { <HandOverForm subject=s save busy/> }.into_any(),
                    Act::WriteOff => view! { <WriteOffForm save busy/> }.into_any(),
                    Act::Note => view! { <NoteForm subject=s save busy/> }.into_any(),
                };
                view! {
                    <div
                        class="card action-form"
                        data-testid=format!("form-{}", act.code())
                        on:input=move |_| typed.set(true)
                        on:keydown=move |ev| {
                            if ev.key() == "Escape" {
                                if leaving.get_untracked().is_some() {
                                    keep_typing();
                                } else {
                                    leave(None);
                                }
                            }
                        }
                    >
                        <h3>{move || subject.with(|s| act.label(&s.situation, lang))}</h3>
                        {form}
                        {move || refusal.get().map(|reason| view! { <Refusal reason testid="action-refused"/> })}
                        {move || match leaving.get() {
                            Some(next) => view! {
                                <div class="discard" role="alert" data-testid="discard-question">
                                    <p>{tr(lang, "Wat je in dit formulier typte, is nog niet bewaard. Weggooien?", "What you typed in this form is not saved yet. Throw it away?")}</p>
                                    <div class="actions">
                                        <button type="button" on:click=move |_| switch(next) data-testid="discard-typing">
                                            {tr(lang, "Weggooien", "Throw away")}
                                        </button>
                                        <button type="button" class="secondary" on:click=move |_| keep_typing() data-testid="keep-typing">
                                            {tr(lang, "Verder typen", "Keep typing")}
                                        </button>
                                    </div>
                                </div>
                            }.into_any(),
                            None => view! {
                                <button type="button" class="secondary" on:click=move |_| leave(None) data-testid="close-action">{tr(lang, "Sluiten", "Close")}</button>
                            }.into_any(),
                        }}
                    </div>
                }
            })}
        </div>
    }
}

// ----------------------------------------------------------------------------------------------
// Fields shared by the forms

/// The one field every dispute needs, asked for the same way in the call form and the dispute form.
const DISPUTE_REASON_MISSING: (&str, &str) = (
    "Schrijf op wat de klant betwist.",
    "Write down what the customer disputes.",
);

/// A field's error, shown after the first attempt to save and then following the typing.
type Problem = Signal<Option<String>>;

/// Reads a date input, whose value is always `yyyy-mm-dd` whatever the browser shows.
fn read_date(value: &str) -> Option<NaiveDate> {
    dates::parse_iso_text(value.trim())
}

/// A date input's day, in the years every date of the app keeps to (a year like 0001 or 9999
/// is a slip of the keyboard), or what is wrong with it.
fn checked_date(value: &str, lang: Lang) -> Result<NaiveDate, String> {
    let date = read_date(value).ok_or_else(|| tr(lang, "Kies een datum.", "Pick a date.").to_owned())?;
    let year = date.year();
    if (dates::FIRST_YEAR..=dates::LAST_YEAR).contains(&year) {
        Ok(date)
    } else {
        Err(dates::DateError::YearOutOfRange(i64::from(year)).message(lang))
    }
}

/// A date field that starts on the day `days` after today and moves on with the day while it
/// holds what it started with: a form left open overnight must not record yesterday, and a
/// date the user typed is theirs.
fn day_field(today: RwSignal<NaiveDate>, days: u64) -> RwSignal<String> {
    let day = move |today: NaiveDate| dates::iso_text(today.checked_add_days(Days::new(days)).unwrap_or(today));
    let field = RwSignal::new(day(today.get_untracked()));
    Effect::new(move |before: Option<NaiveDate>| {
        let now = today.get();
        if before.is_some_and(|before| field.get_untracked() == day(before)) {
            field.set(day(now));
        }
        now
    });
    field
}

/// A fact about an invoice dated `issued` that happened: on a real day, not after today and
/// not before the invoice.
fn past_date(value: &str, issued: NaiveDate, today: NaiveDate, lang: Lang) -> Result<NaiveDate, String> {
    let date = checked_date(value, lang)?;
    dates::check_fact_day(date, issued, today).map_err(|e| e.message(lang))
}

fn future_date(value: &str, today: NaiveDate, lang: Lang) -> Result<NaiveDate, String> {
    let date = checked_date(value, lang)?;
    if date < today {
        return Err(tr(lang, "Kies vandaag of een latere datum.", "Pick today or a later date.").to_owned());
    }
    // A promise years ahead is a typing slip, and would silence the chase until then.
    if today
        .checked_add_months(chrono::Months::new(12))
        .is_some_and(|limit| date > limit)
    {
        return Err(tr(
            lang,
            "Een betaalbelofte ligt hooguit een jaar vooruit. Duurt het langer, spreek dan een betalingsregeling af.",
            "A promise to pay is at most a year ahead. If it takes longer, agree a payment plan.",
        )
        .to_owned());
    }
    Ok(date)
}

fn required(value: &str, lang: Lang, what: (&'static str, &'static str)) -> Result<String, String> {
    let value = value.trim();
    if is_blank(value) {
        Err(lang.pick(what.0, what.1).to_owned())
    } else {
        Ok(value.to_owned())
    }
}

/// Shows `result`'s error once `tried` is set.
fn problem<T: 'static>(
    tried: RwSignal<bool>,
    check: impl Fn() -> Result<T, String> + Send + Sync + 'static,
) -> Problem {
    Signal::derive(move || if tried.get() { check().err() } else { None })
}

/// A labelled input with its error below it ([`TextField`]). An "amount" is typed as text (a
/// decimal comma, thousands dots) but wants the number keys.
fn input_row(
    id: &'static str,
    label: String,
    input_type: &'static str,
    value: RwSignal<String>,
    error: Option<Problem>,
) -> impl IntoView {
    let (input_type, inputmode) = match input_type {
        "amount" => ("text", Some("decimal")),
        other => (other, None),
    };
    view! {
        <TextField id label value on_input=move |text| value.set(text) error=error.unwrap_or_default() input_type inputmode/>
    }
}

fn text_area_row(id: &'static str, label: String, value: RwSignal<String>, error: Option<Problem>) -> impl IntoView {
    view! {
        <TextField id label value on_input=move |text| value.set(text) error=error.unwrap_or_default() rows=Some(3)/>
    }
}

/// A group of radio buttons of which one must be chosen, with its error below it. The error
/// marks every button invalid, so a refused save puts the focus on the group.
fn choice_group<T: Copy + PartialEq + Send + Sync + 'static, const N: usize>(
    id: &'static str,
    legend: &'static str,
    testid: &'static str,
    options: [(T, &'static str, &'static str); N],
    chosen: RwSignal<Option<T>>,
    error: Problem,
) -> impl IntoView {
    let has_error = move || error.get().is_some();
    view! {
        <fieldset class="inline-choice choice-group">
            <legend>{legend}</legend>
            {options.into_iter().map(|(value, label, code)| view! {
                <label>
                    <input
                        type="radio"
                        name=id
                        value=code
                        data-testid=format!("{testid}-{code}")
                        prop:checked=move || chosen.get() == Some(value)
                        on:change=move |_| chosen.set(Some(value))
                        aria-invalid=move || has_error().then_some("true")
                        aria-describedby=move || has_error().then(|| format!("{id}-error"))
                    />
                    " " {label}
                </label>
            }).collect_view()}
            {move || error.get().map(|text| view! {
                <p class="field-error" id=format!("{id}-error") data-testid=format!("{id}-error")>{text}</p>
            })}
        </fieldset>
    }
}

fn submit_button(label: String, busy: RwSignal<bool>, testid: &'static str) -> impl IntoView {
    view! {
        <button type="submit" prop:disabled=move || busy.get() data-testid=testid>{label}</button>
    }
}

// ----------------------------------------------------------------------------------------------
// The forms

#[component]
fn PaymentForm(subject: Subject, save: Callback<Record>, busy: RwSignal<bool>) -> impl IntoView {
    let lang = use_i18n().lang();
    let today = use_app_state().today;
    let issued = subject.invoice.issue_date;
    let amount = RwSignal::new(format_amount_grouped(subject.outstanding, lang));
    let date = day_field(today, 0);
    let note = RwSignal::new(String::new());
    let tried = RwSignal::new(false);
    let read_amount = move || parse_positive_amount(&amount.get()).map_err(|e| e.message(lang));
    let read_day = move || past_date(&date.get(), issued, today.get(), lang);
    // An amount far above what is open is asked about once; saving it again records it.
    let questioned = RwSignal::new(None::<Decimal>);
    let outstanding = subject.outstanding;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        browser::focus_first_invalid(&ev);
        let (Ok(amount), Ok(date)) = (read_amount(), read_day()) else {
            return;
        };
        if payment_looks_mistyped(amount, outstanding) && questioned.get_untracked() != Some(amount) {
            questioned.set(Some(amount));
            return;
        }
        save.run(Record {
            date,
            channel: Channel::Email,
            kinds: vec![EventKind::PaymentReceived {
                amount,
                note: note.get_untracked().trim().to_owned(),
            }],
            done: ("De betaling is vastgelegd.", "The payment was recorded."),
            then: None,
        });
    };
    view! {
        <form novalidate on:submit=submit>
            <p class="hint">{format!("{} {}", tr(lang, "Openstaand:", "Outstanding:"), format_money(subject.outstanding, lang))}</p>
            {input_row("payment-amount", tr(lang, "Ontvangen bedrag", "Amount received").into(), "amount", amount, Some(problem(tried, read_amount)))}
            {input_row("payment-date", tr(lang, "Datum van ontvangst", "Date received").into(), "date", date, Some(problem(tried, read_day)))}
            {input_row("payment-note", tr(lang, "Opmerking (optioneel)", "Remark (optional)").into(), "text", note, None)}
            {move || questioned.get().map(|asked| {
                let (asked, open) = (format_money(asked, lang), format_money(outstanding, lang));
                view! {
                    <p class="field-error" role="alert" data-testid="payment-question">
                        {match lang {
                            Lang::Nl => format!("{asked} is veel meer dan de {open} die openstaat. Klopt het bedrag? Leg het dan nogmaals vast."),
                            Lang::En => format!("{asked} is far more than the {open} that is open. Is the amount right? Then record it again."),
                        }}
                    </p>
                }
            })}
            {submit_button(tr(lang, "Betaling vastleggen", "Record payment").into(), busy, "save-payment")}
        </form>
    }
}

/// What came of a call in which the customer was reached.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Talk {
    Agreement,
    Promise,
    Dispute,
    CannotPay,
}

/// The outcome of a call, with what it implies: a promise, a dispute, or "cannot pay", which
/// opens the payment-plan form next. The composer uses the same form after its call script.
#[component]
pub fn CallForm(outstanding: Decimal, save: Callback<Record>, busy: RwSignal<bool>) -> impl IntoView {
    let lang = use_i18n().lang();
    let today = use_app_state().today;
    let part = browser::day_part();
    // Nothing is chosen beforehand: the dossier is evidence, and a default would let one tap
    // record a conversation that never took place.
    let outcome = RwSignal::new(None::<CallOutcome>);
    let talk = RwSignal::new(None::<Talk>);
    let summary = RwSignal::new(String::new());
    let promise_amount = RwSignal::new(format_amount_grouped(outstanding, lang));
    // The day is what the customer said: no default, so an untouched form cannot invent one.
    let promise_date = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let tried = RwSignal::new(false);
    let reached = move || outcome.get() == Some(CallOutcome::Reached);
    let read_outcome = move || {
        outcome
            .get()
            .ok_or_else(|| tr(lang, "Kies hoe het gesprek ging.", "Choose how the call went.").to_owned())
    };
    let read_talk = move || {
        talk.get().ok_or_else(|| {
            tr(
                lang,
                "Kies wat er uit het gesprek kwam.",
                "Choose what came of the call.",
            )
            .to_owned()
        })
    };
    // A promise covers at most what is open: a larger figure is a typing error, and it would
    // go into the written confirmation as the agreement.
    let read_amount = move || match parse_positive_amount(&promise_amount.get()) {
        Ok(amount) if amount > outstanding => Err(format!(
            "{} {}.",
            tr(
                lang,
                "Het beloofde bedrag is hoger dan wat openstaat:",
                "The amount promised is more than is outstanding:"
            ),
            format_money(outstanding, lang)
        )),
        other => other.map_err(|e| e.message(lang)),
    };
    let read_promise_date = move || future_date(&promise_date.get(), today.get(), lang);
    let read_reason = move || required(&reason.get(), lang, DISPUTE_REASON_MISSING);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        browser::focus_first_invalid(&ev);
        let Ok(outcome) = read_outcome() else {
            return;
        };
        let summary = summary.get_untracked().trim().to_owned();
        let mut kinds = vec![EventKind::Call {
            outcome,
            at: part,
            summary: summary.clone(),
        }];
        let mut then = None;
        if outcome == CallOutcome::Reached {
            let Ok(talk) = read_talk() else {
                return;
            };
            match talk {
                Talk::Agreement => {}
                Talk::Promise => {
                    let (Ok(amount), Ok(date)) = (read_amount(), read_promise_date()) else {
                        return;
                    };
                    kinds.push(EventKind::PromiseToPay { amount, date });
                }
                Talk::Dispute => {
                    let Ok(reason) = read_reason() else {
                        return;
                    };
                    kinds.push(EventKind::DisputeOpened { reason });
                }
                Talk::CannotPay => {
                    // The call above carries what was said; the dossier need not say it twice.
                    kinds.push(EventKind::CannotPay { note: String::new() });
                    then = Some(Act::Plan);
                }
            }
        }
        save.run(Record {
            date: today.get_untracked(),
            channel: Channel::Phone,
            kinds,
            done: ("Het gesprek is vastgelegd.", "The call was recorded."),
            then,
        });
    };

    let outcomes = [
        (CallOutcome::NoAnswer, tr(lang, "Geen gehoor", "No answer"), "no-answer"),
        (
            CallOutcome::Voicemail,
            tr(lang, "Voicemail ingesproken", "Left a voicemail"),
            "voicemail",
        ),
        (CallOutcome::Reached, tr(lang, "Gesproken", "Reached"), "reached"),
    ];
    let talks = [
        (
            Talk::Agreement,
            tr(
                lang,
                "Afspraak gemaakt of alles in orde",
                "Agreement reached or all in order",
            ),
            "agreement",
        ),
        (
            Talk::Promise,
            tr(lang, "Belooft te betalen", "Promises to pay"),
            "promise",
        ),
        (
            Talk::Dispute,
            tr(lang, "Betwist de factuur", "Disputes the invoice"),
            "dispute",
        ),
        (
            Talk::CannotPay,
            tr(lang, "Kan nu niet betalen", "Cannot pay now"),
            "cannot-pay",
        ),
    ];
    view! {
        <form novalidate on:submit=submit data-testid="call-form">
            {choice_group("call-outcome", tr(lang, "Hoe ging het gesprek?", "How did the call go?"), "outcome", outcomes, outcome, problem(tried, read_outcome))}
            {move || reached().then(|| {
                choice_group("call-talk", tr(lang, "Wat kwam eruit?", "What came of it?"), "talk", talks, talk, problem(tried, read_talk))
            })}
            {move || (reached() && talk.get() == Some(Talk::Promise)).then(|| view! {
                {input_row("promise-amount", tr(lang, "Beloofd bedrag", "Amount promised").into(), "amount", promise_amount, Some(problem(tried, read_amount)))}
                {input_row("promise-date", tr(lang, "Beloofd op", "Promised for").into(), "date", promise_date, Some(problem(tried, read_promise_date)))}
                // A promise holds one amount and one day; the chase goes on for the rest after
                // it. Parts on several agreed days are a plan, which the chase keeps to.
                <p class="hint" data-testid="promise-in-parts">
                    {tr(
                        lang,
                        "Betaalt de klant in delen, op afgesproken data? Kies dan ‘Kan nu niet betalen’ en leg een betalingsregeling vast: de app houdt zich dan aan elke datum.",
                        "Paying in parts, on agreed dates? Choose ‘Cannot pay now’ and record a payment plan: the app then keeps to each date.",
                    )}
                </p>
            })}
            {move || (reached() && talk.get() == Some(Talk::Dispute)).then(|| {
                text_area_row("dispute-reason", tr(lang, "Wat betwist de klant?", "What does the customer dispute?").into(), reason, Some(problem(tried, read_reason)))
            })}
            {move || (reached() && talk.get() == Some(Talk::CannotPay)).then(|| view! {
                <p class="hint">{tr(lang, "Na het vastleggen kun je meteen een betalingsregeling opstellen.", "Once recorded, you can set up a payment plan straight away.")}</p>
            })}
            {text_area_row("call-summary", tr(lang, "Wat is er gezegd of afgesproken?", "What was said or agreed?").into(), summary, None)}
            <p class="hint">
                {match part {
                    DayPart::Morning => tr(lang, "Vastgelegd als: vandaag, ochtend", "Recorded as: today, morning"),
                    DayPart::Afternoon => tr(lang, "Vastgelegd als: vandaag, middag", "Recorded as: today, afternoon"),
                    DayPart::Evening => tr(lang, "Vastgelegd als: vandaag, avond", "Recorded as: today, evening"),
                }}
            </p>
            {submit_button(tr(lang, "Gesprek vastleggen", "Record the call").into(), busy, "save-call")}
        </form>
    }
}

/// A posted letter or an email sent outside the composer, or a meeting face to face.
#[component]
fn ContactForm(subject: Subject, save: Callback<Record>, busy: RwSignal<bool>) -> impl IntoView {
    // Only the letters of the rules in force: a Belgian user sends no Dutch 14-day letter, a
    // Dutch one no Belgian free first reminder. A call script is never posted.
    let jurisdiction = use_app_state().settings.with_untracked(|s| s.jurisdiction);
    let fits = move |kind: MessageKind| match kind {
        MessageKind::CallScript => false,
        MessageKind::FourteenDayLetter => jurisdiction == Jurisdiction::Nl,
        MessageKind::BelgianFirstReminder => jurisdiction == Jurisdiction::Be,
        _ => true,
    };
    let lang = use_i18n().lang();
    let today = use_app_state().today;
    let issued = subject.invoice.issue_date;
    // How it went: a posted letter, an email sent from the user's own mail app, or a meeting.
    // The dossier must say which, with the address it went to: it is evidence.
    let via = RwSignal::new(Channel::Letter);
    let meeting = move || via.get() == Channel::InPerson;
    // A call script is no letter and is not in the menu, so it can never be the default: the
    // form would record what it does not show.
    let message = RwSignal::new(
        subject
            .proposed
            .filter(|kind| *kind != MessageKind::CallScript)
            .unwrap_or(MessageKind::LastReminder),
    );
    let to_post = RwSignal::new(subject.customer.letter_recipient());
    let to_mail = RwSignal::new(subject.customer.email.trim().to_owned());
    let to = move || if via.get() == Channel::Email { to_mail } else { to_post };
    let text = RwSignal::new(String::new());
    let date = day_field(today, 0);
    let tried = RwSignal::new(false);
    let read_day = move || past_date(&date.get(), issued, today.get(), lang);
    let read_summary = move || {
        if meeting() {
            required(
                &text.get(),
                lang,
                (
                    "Schrijf kort op wat er besproken is.",
                    "Write down briefly what was discussed.",
                ),
            )
        } else {
            Ok(text.get().trim().to_owned())
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        browser::focus_first_invalid(&ev);
        let (Ok(date), Ok(text)) = (read_day(), read_summary()) else {
            return;
        };
        let channel = via.get_untracked();
        let record = if channel == Channel::InPerson {
            Record {
                date,
                channel: Channel::InPerson,
                kinds: vec![EventKind::Meeting { summary: text }],
                done: ("De afspraak is vastgelegd.", "The meeting was recorded."),
                then: None,
            }
        } else {
            Record {
                date,
                channel,
                kinds: vec![EventKind::MessageSent {
                    message: message.get_untracked(),
                    to: to().get_untracked().trim().to_owned(),
                    subject: String::new(),
                    body: text,
                }],
                done: if channel == Channel::Email {
                    ("De e-mail is vastgelegd.", "The email was recorded.")
                } else {
                    ("De brief is vastgelegd.", "The letter was recorded.")
                },
                then: None,
            }
        };
        save.run(record);
    };
    view! {
        <form novalidate on:submit=submit>
            <fieldset class="inline-choice">
                <legend>{tr(lang, "Wat wil je vastleggen?", "What do you want to record?")}</legend>
                <label><input type="radio" name="contact-kind" data-testid="contact-letter" prop:checked=move || via.get() == Channel::Letter on:change=move |_| via.set(Channel::Letter)/>" " {tr(lang, "Een brief per post", "A posted letter")}</label>
                <label><input type="radio" name="contact-kind" data-testid="contact-email" prop:checked=move || via.get() == Channel::Email on:change=move |_| via.set(Channel::Email)/>" " {tr(lang, "Een e-mail", "An email")}</label>
                <label><input type="radio" name="contact-kind" data-testid="contact-meeting" prop:checked=meeting on:change=move |_| via.set(Channel::InPerson)/>" " {tr(lang, "Een afspraak", "A meeting")}</label>
            </fieldset>
            {move || (!meeting()).then(|| view! {
                <div class="form-row">
                    <label class="field-label" for="contact-message">{tr(lang, "Soort brief", "Kind of letter")}</label>
                    <select id="contact-message" on:change=move |ev| {
                        let i: usize = event_target_value(&ev).parse().unwrap_or(0);
                        if let Some(kind) = MessageKind::ALL.get(i) {
                            message.set(*kind);
                        }
                    }>
                        {MessageKind::ALL.into_iter().enumerate().filter(|(_, k)| fits(*k)).map(|(i, k)| view! {
                            <option value=i.to_string() selected=message.get_untracked() == k>{message_label(k, lang)}</option>
                        }).collect_view()}
                    </select>
                </div>
                {input_row("contact-to", tr(lang, "Verstuurd naar", "Sent to").into(), "text", to(), None)}
            })}
            {move || {
                let label = match via.get() {
                    Channel::InPerson => tr(lang, "Wat is er besproken?", "What was discussed?"),
                    Channel::Email => tr(lang, "Tekst van de e-mail (optioneel)", "Text of the email (optional)"),
                    _ => tr(lang, "Tekst van de brief (optioneel)", "Text of the letter (optional)"),
                };
                text_area_row("contact-text", label.into(), text, Some(problem(tried, read_summary)))
            }}
            {input_row("contact-date", tr(lang, "Datum", "Date").into(), "date", date, Some(problem(tried, read_day)))}
            {submit_button(tr(lang, "Vastleggen", "Record").into(), busy, "save-contact")}
        </form>
    }
}

#[component]
fn DisputeForm(subject: Subject, save: Callback<Record>, busy: RwSignal<bool>) -> impl IntoView {
    let lang = use_i18n().lang();
    let opened = subject.situation.dispute_opened;
    let open = opened.is_some();
    let text = RwSignal::new(String::new());
    // A dispute often arrives by email a day or two before it is recorded: the dossier keeps
    // the day it was raised or settled, not the day it was typed in.
    let today = use_app_state().today;
    let issued = subject.invoice.issue_date;
    let date = day_field(today, 0);
    let read_day = move || {
        let day = past_date(&date.get(), issued, today.get(), lang)?;
        match opened {
            Some(opened) if day < opened => {
                let opened = dates::format_date(opened, lang);
                Err(match lang {
                    Lang::Nl => format!("Het bezwaar is gemaakt op {opened}; het kan niet eerder zijn opgelost."),
                    Lang::En => {
                        format!("The dispute was raised on {opened}; it cannot have been resolved before that.")
                    }
                })
            }
            _ => Ok(day),
        }
    };
    let tried = RwSignal::new(false);
    let read = move || {
        if open {
            required(
                &text.get(),
                lang,
                ("Schrijf op hoe het is opgelost.", "Write down how it was resolved."),
            )
        } else {
            required(&text.get(), lang, DISPUTE_REASON_MISSING)
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        browser::focus_first_invalid(&ev);
        let (Ok(text), Ok(day)) = (read(), read_day()) else {
            return;
        };
        let (kind, done) = if open {
            (
                EventKind::DisputeResolved { resolution: text },
                (
                    "Het bezwaar is opgelost; het herinneren gaat verder.",
                    "The dispute is resolved; chasing carries on.",
                ),
            )
        } else {
            (
                EventKind::DisputeOpened { reason: text },
                (
                    "Het bezwaar is vastgelegd; er gaan geen herinneringen meer uit tot het is opgelost.",
                    "The dispute was recorded; no reminders go out until it is resolved.",
                ),
            )
        };
        save.run(Record {
            date: day,
            channel: subject.customer.preferred_channel,
            kinds: vec![kind],
            done,
            then: None,
        });
    };
    let label = if open {
        tr(lang, "Hoe is het opgelost?", "How was it resolved?")
    } else {
        tr(lang, "Wat betwist de klant?", "What does the customer dispute?")
    };
    view! {
        <form novalidate on:submit=submit>
            {(!open).then(|| view! { <p class="hint">{tr(lang, "Zolang het bezwaar open staat, stelt de app geen herinneringen en geen kosten voor, alleen een bevestiging en een gesprek.", "While the dispute is open, the app proposes no reminders and no costs, only an acknowledgement and a call.")}</p> })}
            {text_area_row("dispute-text", label.into(), text, Some(problem(tried, read)))}
            {input_row("dispute-date", tr(lang, "Datum", "Date").into(), "date", date, Some(problem(tried, read_day)))}
            {submit_button(tr(lang, "Vastleggen", "Record").into(), busy, "save-dispute")}
        </form>
    }
}

/// One editable instalment row: the text the user sees, read again when saving.
#[derive(Clone, Copy)]
struct Row {
    date: RwSignal<String>,
    amount: RwSignal<String>,
}

/// A plan made from a count or an amount per instalment, then editable row by row, checked as
/// a whole (the sum must equal what is outstanding) before it is agreed.
#[component]
fn PlanForm(subject: Subject, save: Callback<Record>, busy: RwSignal<bool>) -> impl IntoView {
    let lang = use_i18n().lang();
    let today = use_app_state().today;
    let total = subject.outstanding;
    let by_count = RwSignal::new(true);
    let count = RwSignal::new("3".to_owned());
    let each = RwSignal::new(String::new());
    let first = day_field(today, 7);
    let monthly = RwSignal::new(true);
    let rows = RwSignal::new(Vec::<Row>::new());
    let problem_text = RwSignal::new(None::<String>);

    let make = move |_| {
        problem_text.set(None);
        // A plan that cannot be made must not leave the previous one on screen, ready to save
        // beside the message that says the input is wrong.
        rows.set(Vec::new());
        let size = if by_count.get_untracked() {
            match count.get_untracked().trim().parse::<u32>() {
                Ok(n) => PlanSize::Count(n),
                Err(_) => {
                    problem_text.set(Some(
                        tr(
                            lang,
                            "Vul een aantal termijnen in, bijvoorbeeld 3.",
                            "Enter a number of instalments, for example 3.",
                        )
                        .into(),
                    ));
                    return;
                }
            }
        } else {
            match parse_positive_amount(&each.get_untracked()) {
                Ok(amount) => PlanSize::Amount(amount),
                Err(e) => {
                    problem_text.set(Some(e.message(lang)));
                    return;
                }
            }
        };
        let Some(first) = read_date(&first.get_untracked()) else {
            problem_text.set(Some(
                tr(
                    lang,
                    "Kies de datum van de eerste termijn.",
                    "Pick the date of the first instalment.",
                )
                .into(),
            ));
            return;
        };
        let every = if monthly.get_untracked() {
            Every::Month
        } else {
            Every::Week
        };
        match plan::generate(total, size, first, every) {
            Ok(list) => rows.set(
                list.into_iter()
                    .map(|i| Row {
                        date: RwSignal::new(dates::iso_text(i.date)),
                        amount: RwSignal::new(format_amount_grouped(i.amount, lang)),
                    })
                    .collect(),
            ),
            Err(e) => problem_text.set(Some(e.message(lang))),
        }
    };

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        browser::focus_first_invalid(&ev);
        problem_text.set(None);
        let mut instalments = Vec::new();
        for (n, row) in rows.get_untracked().iter().enumerate() {
            let date = match checked_date(&row.date.get_untracked(), lang) {
                Ok(date) => date,
                Err(e) => {
                    problem_text.set(Some(format!("{} {}: {e}", tr(lang, "Termijn", "Instalment"), n + 1)));
                    return;
                }
            };
            let amount = match parse_positive_amount(&row.amount.get_untracked()) {
                Ok(a) => a,
                Err(e) => {
                    problem_text.set(Some(format!(
                        "{} {}: {}",
                        tr(lang, "Termijn", "Instalment"),
                        n + 1,
                        e.message(lang)
                    )));
                    return;
                }
            };
            instalments.push(Instalment { date, amount });
        }
        let today = today.get_untracked();
        if let Err(e) = plan::check(&instalments, total, today) {
            problem_text.set(Some(e.message(lang)));
            return;
        }
        save.run(Record {
            date: today,
            channel: subject.customer.preferred_channel,
            kinds: vec![EventKind::PaymentPlanAgreed { instalments }],
            done: (
                "De betalingsregeling is vastgelegd. Bevestig hem nu schriftelijk: de volgende stap staat klaar.",
                "The payment plan was recorded. Confirm it in writing now: the next step is ready.",
            ),
            then: None,
        });
    };

    view! {
        <form novalidate on:submit=submit data-testid="plan-form">
            <p class="hint">{format!("{} {}", tr(lang, "Te verdelen:", "To divide:"), format_money(total, lang))}</p>
            // Costs and interest stay out of the instalments; the confirmation says so, so that
            // a broken plan can still claim them.
            <p class="hint" data-testid="plan-costs-note">{tr(lang, "Incassokosten en rente horen niet in de termijnen. De bevestiging zegt dat je ze niet vraagt zolang de klant zich aan de regeling houdt; anders gaan de herinneringen verder en vraag je ze alsnog.", "Collection costs and interest stay out of the instalments. The confirmation says you will not claim them while the customer keeps to the plan; if not, the reminders resume and you claim them after all.")}</p>
            <fieldset class="inline-choice">
                <legend>{tr(lang, "Verdelen in", "Divide into")}</legend>
                <label><input type="radio" name="plan-size" data-testid="plan-by-count" prop:checked=move || by_count.get() on:change=move |_| by_count.set(true)/>" " {tr(lang, "een aantal termijnen", "a number of instalments")}</label>
                <label><input type="radio" name="plan-size" data-testid="plan-by-amount" prop:checked=move || !by_count.get() on:change=move |_| by_count.set(false)/>" " {tr(lang, "een bedrag per termijn", "an amount per instalment")}</label>
            </fieldset>
            {move || if by_count.get() {
                input_row("plan-count", tr(lang, "Aantal termijnen", "Number of instalments").into(), "number", count, None).into_any()
            } else {
                input_row("plan-each", tr(lang, "Bedrag per termijn", "Amount per instalment").into(), "amount", each, None).into_any()
            }}
            {input_row("plan-first", tr(lang, "Eerste termijn op", "First instalment on").into(), "date", first, None)}
            <fieldset class="inline-choice">
                <legend>{tr(lang, "Elke", "Every")}</legend>
                <label><input type="radio" name="plan-every" prop:checked=move || monthly.get() on:change=move |_| monthly.set(true)/>" " {tr(lang, "maand", "month")}</label>
                <label><input type="radio" name="plan-every" prop:checked=move || !monthly.get() on:change=move |_| monthly.set(false)/>" " {tr(lang, "week", "week")}</label>
            </fieldset>
            <p><button type="button" class="secondary" on:click=make data-testid="plan-make">{tr(lang, "Termijnen maken", "Create instalments")}</button></p>
            {move || {
                let list = rows.get();
                (!list.is_empty()).then(|| view! {
                    // On a phone the fields shrink to fit; should the table still be too wide, it
                    // scrolls inside its own box instead of widening the whole page.
                    <div class="table-scroll">
                        <table class="invoice-table plan-table" data-testid="plan-rows">
                            <caption class="hint">{tr(lang, "Pas datums en bedragen gerust aan; opgeteld moeten ze gelijk zijn aan het openstaande bedrag.", "Adjust dates and amounts as you like; they must add up to the outstanding amount.")}</caption>
                            <thead><tr>
                                <th scope="col">"#"</th>
                                <th scope="col">{tr(lang, "Datum", "Date")}</th>
                                <th scope="col">{tr(lang, "Bedrag", "Amount")}</th>
                            </tr></thead>
                            <tbody>
                                {list.into_iter().enumerate().map(|(n, row)| {
                                    let date_label = format!("{} {} {}", tr(lang, "Termijn", "Instalment"), n + 1, tr(lang, "datum", "date"));
                                    let amount_label = format!("{} {} {}", tr(lang, "Termijn", "Instalment"), n + 1, tr(lang, "bedrag", "amount"));
                                    view! {
                                        <tr>
                                            <td>{n + 1}</td>
                                            <td><input type="date" aria-label=date_label prop:value=move || row.date.get() on:input=move |ev| row.date.set(event_target_value(&ev))/></td>
                                            <td><input type="text" inputmode="decimal" class="num-input" aria-label=amount_label prop:value=move || row.amount.get() on:input=move |ev| row.amount.set(event_target_value(&ev))/></td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    {submit_button(tr(lang, "Regeling vastleggen", "Record the plan").into(), busy, "save-plan")}
                })
            }}
            {move || problem_text.get().map(|text| view! { <p class="field-error" role="alert" data-testid="plan-error">{text}</p> })}
        </form>
    }
}

#[component]
fn PauseForm(subject: Subject, save: Callback<Record>, busy: RwSignal<bool>) -> impl IntoView {
    let lang = use_i18n().lang();
    let paused = subject.situation.paused.is_some();
    let reason = RwSignal::new(String::new());
    let channel = subject.customer.preferred_channel;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (kind, done) = if paused {
            (
                EventKind::ChaseResumed,
                ("Het herinneren is hervat.", "Chasing was resumed."),
            )
        } else {
            (
                EventKind::ChasePaused {
                    reason: reason.get_untracked().trim().to_owned(),
                },
                ("Het herinneren is gepauzeerd.", "Chasing was paused."),
            )
        };
        save.run(Record {
            date: browser::today(),
            channel,
            kinds: vec![kind],
            done,
            then: None,
        });
    };
    view! {
        <form novalidate on:submit=submit>
            {if paused {
                view! { <p class="hint">{tr(lang, "De app stelt weer stappen voor zodra je hervat.", "The app proposes steps again once you resume.")}</p> }.into_any()
            } else {
                view! {
                    <p class="hint">{tr(lang, "Tijdens een pauze stelt de app voor deze factuur niets voor, ook geen bedankje.", "During a pause the app proposes nothing for this invoice, not even a thank-you.")}</p>
                    {input_row("pause-reason", tr(lang, "Reden (optioneel)", "Reason (optional)").into(), "text", reason, None)}
                }
                .into_any()
            }}
            {submit_button(if paused { tr(lang, "Hervatten", "Resume") } else { tr(lang, "Pauzeren", "Pause") }.into(), busy, "save-pause")}
        </form>
    }
}

#[component]
fn HandOverForm(subject: Subject, save: Callback<Record>, busy: RwSignal<bool>) -> impl IntoView {
    let lang = use_i18n().lang();
    let state = use_app_state();
    let agency = RwSignal::new(state.settings.with_untracked(|s| s.agency.name.clone()));
    let tried = RwSignal::new(false);
    let read = move || {
        required(
            &agency.get(),
            lang,
            (
                "Vul de naam van het incassobureau in.",
                "Enter the collection agency's name.",
            ),
        )
    };
    let channel = subject.customer.preferred_channel;
    let several = !subject.hand_over_together.is_empty();
    let together = several.then(|| {
        let numbers: Vec<String> = subject.hand_over_together.iter().map(|(_, n)| n.clone()).collect();
        let numbers = join_and(lang, &numbers);
        match lang {
            Lang::Nl => format!(
                "Eén aankondiging noemde deze overdracht voor de facturen {numbers}: ze worden samen overgedragen."
            ),
            Lang::En => {
                format!("One notice announced this hand-over for invoices {numbers}: they are handed over together.")
            }
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        browser::focus_first_invalid(&ev);
        let Ok(agency) = read() else {
            return;
        };
        save.run(Record {
            date: browser::today(),
            channel,
            kinds: vec![EventKind::HandedOver { agency }],
            done: (
                "De factuur is overgedragen. Druk het dossier af voor het incassobureau.",
                "The invoice was handed over. Print the dossier for the collection agency.",
            ),
            then: None,
        });
    };
    view! {
        <form novalidate on:submit=submit>
            {together.map(|text| view! { <p class="hint" data-testid="hand-over-together">{text}</p> })}
            <p class="hint">{if several {
                tr(lang, "Daarna stelt de app voor deze facturen niets meer voor; betalingen kun je blijven vastleggen.", "After this the app proposes nothing more for these invoices; you can still record payments.")
            } else {
                tr(lang, "Daarna stelt de app voor deze factuur niets meer voor; betalingen kun je blijven vastleggen.", "After this the app proposes nothing more for this invoice; you can still record payments.")
            }}</p>
            {input_row("hand-over-agency", tr(lang, "Incassobureau", "Collection agency").into(), "text", agency, Some(problem(tried, read)))}
            {submit_button(tr(lang, "Overdragen", "Hand over").into(), busy, "save-hand-over")}
        </form>
    }
}

#[component]
fn WriteOffForm(save: Callback<Record>, busy: RwSignal<bool>) -> impl IntoView {
    let lang = use_i18n().lang();
    let reason = RwSignal::new(String::new());
    let tried = RwSignal::new(false);
    let read = move || {
        required(
            &reason.get(),
            lang,
            ("Schrijf op waarom je afschrijft.", "Write down why you write it off."),
        )
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        browser::focus_first_invalid(&ev);
        let Ok(reason) = read() else {
            return;
        };
        save.run(Record {
            date: browser::today(),
            channel: Channel::Email,
            kinds: vec![EventKind::WrittenOff { reason }],
            done: ("De factuur is afgeschreven.", "The invoice was written off."),
            then: None,
        });
    };
    view! {
        <form novalidate on:submit=submit>
            <p class="hint">{tr(lang, "Afschrijven stopt het herinneren voorgoed. Een latere betaling kun je nog vastleggen.", "Writing off stops chasing for good. You can still record a later payment.")}</p>
            {text_area_row("write-off-reason", tr(lang, "Reden", "Reason").into(), reason, Some(problem(tried, read)))}
            {submit_button(tr(lang, "Afschrijven", "Write off").into(), busy, "save-write-off")}
        </form>
    }
}

#[component]
fn NoteForm(subject: Subject, save: Callback<Record>, busy: RwSignal<bool>) -> impl IntoView {
    let lang = use_i18n().lang();
    let text = RwSignal::new(String::new());
    let tried = RwSignal::new(false);
    let read = move || required(&text.get(), lang, ("Schrijf een notitie.", "Write a note."));
    let channel = subject.customer.preferred_channel;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        browser::focus_first_invalid(&ev);
        let Ok(text) = read() else {
            return;
        };
        save.run(Record {
            date: browser::today(),
            channel,
            kinds: vec![EventKind::Note { text }],
            done: ("De notitie is bewaard.", "The note was saved."),
            then: None,
        });
    };
    view! {
        <form novalidate on:submit=submit>
            {text_area_row("note-text", tr(lang, "Notitie", "Note").into(), text, Some(problem(tried, read)))}
            {submit_button(tr(lang, "Bewaren", "Save").into(), busy, "save-note")}
        </form>
    }
}
