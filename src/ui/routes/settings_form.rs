//! The settings the engine and the drafts read: the user's business details, the jurisdiction,
//! the chase schedule and the thresholds. The form edits text; saving checks every field,
//! shows each problem next to its field, and stores nothing until all of them are right.

use std::collections::HashMap;

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::domain::contact::{email_problem, phone_problem, registration_problem, tidy_postcode};
use crate::domain::iban::normalize_iban;
use crate::domain::model::{Jurisdiction, Lang, PayByDays, Schedule, ScheduleField, ScheduleProblem, Settings};
use crate::domain::money::{format_amount_grouped, parse_amount};
use crate::domain::plural::count;
use crate::ui::browser;
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::state::use_app_state;

/// Every text field of the form, with its label in both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum F {
    Name,
    Street,
    Postcode,
    City,
    Country,
    Email,
    Phone,
    Iban,
    Registration,
    Vat,
    PaymentTerm,
    PayBy,
    HeadsUp,
    First,
    Second,
    CallAfterSecond,
    Last,
    HandOver,
    Grace,
    MaxCalls,
    CallFrom,
    MeetingFrom,
    Minimum,
    AgencyName,
    AgencyEmail,
}

impl F {
    /// The input's type, the keyboard a phone shows for it, and what the browser may fill in.
    fn input(self) -> (&'static str, Option<&'static str>, Option<&'static str>) {
        match self {
            F::Name => ("text", None, Some("organization")),
            F::Street => ("text", None, Some("street-address")),
            F::Postcode => ("text", None, Some("postal-code")),
            F::City => ("text", None, Some("address-level2")),
            F::Country => ("text", None, Some("country-name")),
            F::Email => ("email", None, Some("email")),
            F::AgencyEmail => ("email", None, None),
            F::Phone => ("tel", None, Some("tel")),
            F::PaymentTerm
            | F::PayBy
            | F::HeadsUp
            | F::First
            | F::Second
            | F::CallAfterSecond
            | F::Last
            | F::HandOver
            | F::Grace
            | F::MaxCalls => ("text", Some("numeric"), None),
            F::CallFrom | F::MeetingFrom | F::Minimum => ("text", Some("decimal"), None),
            F::Iban | F::Registration | F::Vat | F::AgencyName => ("text", None, None),
        }
    }

    /// The field's label; the register a business number comes from is the country's own.
    fn label(self, lang: Lang, jurisdiction: Jurisdiction) -> &'static str {
        let (nl, en) = match self {
            F::Name => ("Bedrijfsnaam", "Business name"),
            F::Street => ("Straat en huisnummer", "Street and number"),
            F::Postcode => ("Postcode", "Postcode"),
            F::City => ("Plaats", "City"),
            F::Country => ("Land", "Country"),
            F::Email => ("E-mailadres", "Email address"),
            F::Phone => ("Telefoonnummer", "Phone number"),
            F::Iban => ("IBAN", "IBAN"),
            F::Registration => match jurisdiction {
                Jurisdiction::Nl => ("KvK-nummer", "Chamber of Commerce number"),
                Jurisdiction::Be => ("Ondernemingsnummer (KBO)", "Enterprise number (KBO/BCE)"),
            },
            F::Vat => ("Btw-nummer", "VAT number"),
            F::PaymentTerm => ("Standaard betaaltermijn (dagen)", "Default payment term (days)"),
            F::PayBy => (
                "Betaaltermijn in berichten (5 tot 14 dagen)",
                "Pay-by term in messages (5 to 14 days)",
            ),
            F::HeadsUp => (
                "Herinnering vooraf: dagen vóór de vervaldatum",
                "Heads-up: days before the due date",
            ),
            F::First => (
                "Eerste herinnering: dagen na de vervaldatum",
                "First reminder: days after the due date",
            ),
            F::Second => (
                "Tweede herinnering: dagen na de vervaldatum",
                "Second reminder: days after the due date",
            ),
            F::CallAfterSecond => (
                "Bellen: dagen na de tweede herinnering",
                "Call: days after the second reminder",
            ),
            F::Last => (
                "Laatste herinnering: dagen na de vervaldatum",
                "Last reminder: days after the due date",
            ),
            F::HandOver => (
                "Overdragen: dagen na de termijn van de laatste herinnering",
                "Hand over: days after the last reminder's term",
            ),
            F::Grace => (
                "Respijt na een betaalbelofte (dagen)",
                "Grace after a promise to pay (days)",
            ),
            F::MaxCalls => (
                "Aantal onbeantwoorde telefoontjes voordat je weer schrijft",
                "Unanswered calls before writing again",
            ),
            F::CallFrom => (
                "Vóór de vervaldatum bellen bij facturen vanaf (bedrag)",
                "Call ahead of the due date for invoices from (amount)",
            ),
            F::MeetingFrom => (
                "Persoonlijk gesprek voorstellen vanaf (bedrag)",
                "Propose a meeting in person from (amount)",
            ),
            F::Minimum => ("Niet najagen onder (bedrag)", "Do not chase below (amount)"),
            F::AgencyName => ("Naam incassobureau", "Collection agency name"),
            F::AgencyEmail => ("E-mailadres incassobureau", "Collection agency email"),
        };
        tr(lang, nl, en)
    }
}

/// The form's text, one signal per field, filled from the stored settings.
#[derive(Clone, Copy)]
struct Form {
    text: StoredValue<HashMap<F, RwSignal<String>>>,
    errors: RwSignal<HashMap<F, String>>,
    jurisdiction: RwSignal<Jurisdiction>,
    claim_costs: RwSignal<bool>,
    claim_interest: RwSignal<bool>,
    vat_on_costs: RwSignal<bool>,
    damages_clause: RwSignal<bool>,
    /// The language the amounts were written in when the form was filled. A language switch
    /// leaves the fields as they are, so following a change must compare in this language.
    lang: Lang,
}

impl Form {
    fn new(s: &Settings, lang: Lang) -> Form {
        Form {
            text: StoredValue::new(
                Form::values(s, lang)
                    .into_iter()
                    .map(|(f, v)| (f, RwSignal::new(v)))
                    .collect(),
            ),
            errors: RwSignal::new(HashMap::new()),
            jurisdiction: RwSignal::new(s.jurisdiction),
            claim_costs: RwSignal::new(s.claim_collection_costs),
            claim_interest: RwSignal::new(s.claim_interest),
            vat_on_costs: RwSignal::new(s.vat_on_collection_costs),
            damages_clause: RwSignal::new(s.consumer_damages_clause),
            lang,
        }
    }

    /// The text of every field for `s`.
    fn values(s: &Settings, lang: Lang) -> [(F, String); 25] {
        let b = &s.business;
        let d = &s.schedule;
        [
            (F::Name, b.name.clone()),
            (F::Street, b.address.street.clone()),
            (F::Postcode, b.address.postcode.clone()),
            (F::City, b.address.city.clone()),
            (F::Country, b.address.country.clone()),
            (F::Email, b.email.clone()),
            (F::Phone, b.phone.clone()),
            (F::Iban, b.iban.clone()),
            (F::Registration, b.registration_number.clone()),
            (F::Vat, b.vat_number.clone()),
            (F::PaymentTerm, s.default_payment_term_days.to_string()),
            (F::PayBy, s.pay_by.days().to_string()),
            (F::HeadsUp, d.heads_up_before_due.to_string()),
            (F::First, d.first_reminder_after_due.to_string()),
            (F::Second, d.second_reminder_after_due.to_string()),
            (F::CallAfterSecond, d.call_after_second_reminder.to_string()),
            (F::Last, d.last_reminder_after_due.to_string()),
            (F::HandOver, d.hand_over_after_last_term.to_string()),
            (F::Grace, d.promise_grace.to_string()),
            (F::MaxCalls, d.max_unanswered_calls.to_string()),
            (F::CallFrom, format_amount_grouped(s.call_before_due_from, lang)),
            (F::MeetingFrom, format_amount_grouped(s.meeting_from, lang)),
            (F::Minimum, format_amount_grouped(s.minimum_worth_chasing, lang)),
            (F::AgencyName, s.agency.name.clone()),
            (F::AgencyEmail, s.agency.email.clone()),
        ]
    }

    /// The stored settings changed from `before` to `after` while the form was open (in another
    /// tab, or by a restore): every field still showing its `before` value follows, and what
    /// the user typed stays. Saving then never writes back a value nobody here chose.
    fn follow(self, before: &Settings, after: &Settings) {
        let (old_text, new_text) = (Form::values(before, self.lang), Form::values(after, self.lang));
        for ((field, old), (_, new)) in old_text.into_iter().zip(new_text) {
            let signal = self.signal(field);
            if signal.get_untracked() == old {
                signal.set(new);
            }
        }
        let follow = |signal: RwSignal<bool>, old: bool, new: bool| {
            if signal.get_untracked() == old {
                signal.set(new);
            }
        };
        follow(
            self.claim_costs,
            before.claim_collection_costs,
            after.claim_collection_costs,
        );
        follow(self.claim_interest, before.claim_interest, after.claim_interest);
        follow(
            self.vat_on_costs,
            before.vat_on_collection_costs,
            after.vat_on_collection_costs,
        );
        follow(
            self.damages_clause,
            before.consumer_damages_clause,
            after.consumer_damages_clause,
        );
        if self.jurisdiction.get_untracked() == before.jurisdiction {
            self.jurisdiction.set(after.jurisdiction);
        }
    }

    fn signal(self, field: F) -> RwSignal<String> {
        self.text
            .with_value(|m| m.get(&field).copied())
            .unwrap_or_else(|| RwSignal::new(String::new()))
    }

    fn get(self, field: F) -> String {
        self.signal(field).get_untracked().trim().to_owned()
    }

    /// Reads the form into settings, starting from `base` so fields the form does not show
    /// (the rate tables) are kept. Every problem is collected, so the user sees all at once.
    fn read(self, base: &Settings, lang: Lang) -> Result<Settings, HashMap<F, String>> {
        let mut errors = HashMap::new();
        let mut s = base.clone();
        let days = |field: F, errors: &mut HashMap<F, String>, max: u32| -> u32 {
            match self.get(field).parse::<u32>() {
                Ok(n) if n <= max => n,
                _ => {
                    // Every count here is of days, except the number of unanswered calls.
                    let message = match (lang, field) {
                        (Lang::Nl, F::MaxCalls) => format!("Vul een heel aantal in, van 0 tot {max}."),
                        (Lang::En, F::MaxCalls) => format!("Enter a whole number, from 0 to {max}."),
                        (Lang::Nl, _) => format!("Vul een heel aantal dagen in, van 0 tot {max}."),
                        (Lang::En, _) => format!("Enter a whole number of days, from 0 to {max}."),
                    };
                    errors.insert(field, message);
                    0
                }
            }
        };
        let amount = |field: F, errors: &mut HashMap<F, String>| -> Decimal {
            match parse_amount(&self.get(field)) {
                Ok(a) if a >= Decimal::ZERO => a,
                Ok(_) => {
                    errors.insert(
                        field,
                        tr(lang, "Een bedrag van 0 of meer.", "An amount of 0 or more.").into(),
                    );
                    Decimal::ZERO
                }
                Err(e) => {
                    errors.insert(field, e.message(lang));
                    Decimal::ZERO
                }
            }
        };

        s.business.name = self.get(F::Name);
        s.business.address.street = self.get(F::Street);
        s.business.address.postcode = tidy_postcode(&self.get(F::Postcode));
        s.business.address.city = self.get(F::City);
        s.business.address.country = self.get(F::Country);
        s.business.email = self.get(F::Email);
        if let Some(problem) = email_problem(&s.business.email, lang) {
            errors.insert(F::Email, problem.into());
        }
        s.business.phone = self.get(F::Phone);
        if let Some(problem) = phone_problem(&s.business.phone, lang) {
            errors.insert(F::Phone, problem.into());
        }
        s.business.iban = match self.get(F::Iban).as_str() {
            "" => String::new(),
            typed => normalize_iban(typed).unwrap_or_else(|e| {
                errors.insert(F::Iban, e.message(lang));
                typed.to_owned()
            }),
        };
        s.business.registration_number = self.get(F::Registration);
        s.business.vat_number = self.get(F::Vat);
        s.jurisdiction = self.jurisdiction.get_untracked();
        if let Some(problem) = registration_problem(&s.business.registration_number, s.jurisdiction, lang) {
            errors.insert(F::Registration, problem.into());
        }
        s.default_payment_term_days = days(F::PaymentTerm, &mut errors, Settings::MAX_PAYMENT_TERM_DAYS);
        // One message for every wrong value, so the range the field asks for is always 5 to 14.
        match self
            .get(F::PayBy)
            .parse::<u32>()
            .ok()
            .and_then(|n| PayByDays::new(n).ok())
        {
            Some(p) => s.pay_by = p,
            None => {
                errors.insert(
                    F::PayBy,
                    tr(
                        lang,
                        "Kies 5 tot 14 dagen: een korte, duidelijke termijn.",
                        "Choose 5 to 14 days: a short, clear term.",
                    )
                    .into(),
                );
            }
        }
        let field_of = |field: ScheduleField| match field {
            ScheduleField::HeadsUp => F::HeadsUp,
            ScheduleField::FirstReminder => F::First,
            ScheduleField::SecondReminder => F::Second,
            ScheduleField::CallAfterSecond => F::CallAfterSecond,
            ScheduleField::LastReminder => F::Last,
            ScheduleField::HandOver => F::HandOver,
            ScheduleField::PromiseGrace => F::Grace,
            ScheduleField::MaxCalls => F::MaxCalls,
        };
        let schedule_days =
            |field: ScheduleField, errors: &mut HashMap<F, String>| days(field_of(field), errors, field.max());
        s.schedule = Schedule {
            heads_up_before_due: schedule_days(ScheduleField::HeadsUp, &mut errors),
            first_reminder_after_due: schedule_days(ScheduleField::FirstReminder, &mut errors),
            second_reminder_after_due: schedule_days(ScheduleField::SecondReminder, &mut errors),
            call_after_second_reminder: schedule_days(ScheduleField::CallAfterSecond, &mut errors),
            last_reminder_after_due: schedule_days(ScheduleField::LastReminder, &mut errors),
            hand_over_after_last_term: schedule_days(ScheduleField::HandOver, &mut errors),
            promise_grace: schedule_days(ScheduleField::PromiseGrace, &mut errors),
            max_unanswered_calls: schedule_days(ScheduleField::MaxCalls, &mut errors),
        };
        // The order of the reminders, as the domain checks it for a schedule from a backup too;
        // a field that is already wrong keeps its own message.
        for problem in s.schedule.problems() {
            let ScheduleProblem::OutOfOrder { later } = problem else {
                continue;
            };
            let message = match later {
                ScheduleField::SecondReminder => tr(
                    lang,
                    "De tweede herinnering komt na de eerste.",
                    "The second reminder comes after the first.",
                ),
                _ => tr(
                    lang,
                    "De laatste herinnering komt na de tweede.",
                    "The last reminder comes after the second.",
                ),
            };
            errors.entry(field_of(later)).or_insert_with(|| message.into());
        }
        s.call_before_due_from = amount(F::CallFrom, &mut errors);
        s.meeting_from = amount(F::MeetingFrom, &mut errors);
        s.minimum_worth_chasing = amount(F::Minimum, &mut errors);
        s.claim_collection_costs = self.claim_costs.get_untracked();
        s.claim_interest = self.claim_interest.get_untracked();
        s.vat_on_collection_costs = self.vat_on_costs.get_untracked();
        s.consumer_damages_clause = self.damages_clause.get_untracked();
        s.agency.name = self.get(F::AgencyName);
        s.agency.email = self.get(F::AgencyEmail);
        if let Some(problem) = email_problem(&s.agency.email, lang) {
            errors.insert(F::AgencyEmail, problem.into());
        }
        if errors.is_empty() {
            Ok(s)
        } else {
            Err(errors)
        }
    }
}

#[component]
pub fn SettingsForm() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    // Typing marks the form as holding unsaved text, so an update asks before it reloads the
    // page; leaving the page ends that.
    on_cleanup(move || state.unsaved.set(false));
    let form = Form::new(&state.settings.get_untracked(), i18n.lang());
    let status = RwSignal::new(None::<Result<(), String>>);
    let shown = StoredValue::new(state.settings.get_untracked());
    Effect::new(move |_| {
        let now = state.settings.get();
        let before = shown.get_value();
        if now != before {
            form.follow(&before, &now);
            shown.set_value(now);
        }
    });

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        browser::focus_first_invalid(&ev);
        let lang = i18n.lang();
        match form.read(&state.settings.get_untracked(), lang) {
            Err(errors) => {
                form.errors.set(errors);
                status.set(Some(Err(tr(
                    lang,
                    "Niet opgeslagen: verbeter de velden met een melding.",
                    "Not saved: correct the fields with a message.",
                )
                .into())));
            }
            Ok(settings) => {
                form.errors.set(HashMap::new());
                let (iban, postcode) = (
                    settings.business.iban.clone(),
                    settings.business.address.postcode.clone(),
                );
                match state.save_settings(settings) {
                    Ok(()) => {
                        // Show the stored, normalised forms (an IBAN in groups of four, a
                        // Dutch postcode as "3511 AZ").
                        form.signal(F::Iban).set(iban);
                        form.signal(F::Postcode).set(postcode);
                        state.unsaved.set(false);
                        status.set(Some(Ok(())));
                    }
                    Err(e) => status.set(Some(Err(e.user_message(lang)))),
                }
            }
        }
    };

    let field = move |f: F| {
        let id = format!("setting-{f:?}").to_lowercase();
        let error_id = format!("{id}-error");
        let error = move || form.errors.with(|e| e.get(&f).cloned());
        let signal = form.signal(f);
        let (input_type, inputmode, autocomplete) = f.input();
        view! {
            <div class="form-row">
                <label for=id.clone()>{move || f.label(i18n.lang(), form.jurisdiction.get())}</label>
                <input
                    id=id
                    class="wide"
                    type=input_type
                    inputmode=inputmode
                    autocomplete=autocomplete
                    prop:value=move || signal.get()
                    on:input=move |ev| signal.set(event_target_value(&ev))
                    aria-invalid=move || error().is_some().to_string()
                    aria-describedby=error_id.clone()
                />
                // No alert role: the summary above the button announces a refused save, and
                // the focus then lands on the first field to fix, which reads this message.
                <p class="field-error" id=error_id>{error}</p>
            </div>
        }
    };
    let check = move |signal: RwSignal<bool>, nl: &'static str, en: &'static str| {
        view! {
            <label class="check">
                <input type="checkbox" prop:checked=move || signal.get() on:change=move |ev| signal.set(event_target_checked(&ev))/>
                " " {move || tr(i18n.lang(), nl, en)}
            </label>
        }
    };

    view! {
        <form class="field settings-form" on:submit=save on:input=move |_| state.unsaved.set(true) novalidate data-testid="settings-form">
            <h2>{move || tr(i18n.lang(), "Je bedrijf", "Your business")}</h2>
            <p class="hint">
                {move || tr(i18n.lang(), "Deze gegevens komen in elke herinnering: wie je bent, waar de klant betaalt en hoe hij je bereikt.", "These details go into every reminder: who you are, where the customer pays, and how to reach you.")}
            </p>
            {[F::Name, F::Street, F::Postcode, F::City, F::Country, F::Email, F::Phone, F::Iban, F::Registration, F::Vat].into_iter().map(field).collect_view()}

            <h2>{move || tr(i18n.lang(), "Regels", "Rules")}</h2>
            <fieldset class="inline-choice">
                <legend>{move || tr(i18n.lang(), "Land van de regels", "Which country's rules apply")}</legend>
                <label>
                    <input type="radio" name="jurisdiction" prop:checked=move || form.jurisdiction.get() == Jurisdiction::Nl on:change=move |_| form.jurisdiction.set(Jurisdiction::Nl)/>
                    {move || tr(i18n.lang(), " Nederland", " The Netherlands")}
                </label>
                <label>
                    <input type="radio" name="jurisdiction" prop:checked=move || form.jurisdiction.get() == Jurisdiction::Be on:change=move |_| form.jurisdiction.set(Jurisdiction::Be)/>
                    {move || tr(i18n.lang(), " België", " Belgium")}
                </label>
                <p class="hint">{move || tr(i18n.lang(), "Kies het land waar je bedrijf gevestigd is. Die regels gelden voor al je klanten; het land in het adres van een klant verandert daar niets aan.", "Choose the country your business is established in. Its rules apply to all your customers; the country in a customer's address does not change that.")}</p>
            </fieldset>
            // Belgian law knows no "incassokosten" and no VAT on them: a business owes a fixed
            // compensation, a consumer damages, and the VAT switch would do nothing there.
            {move || match form.jurisdiction.get() {
                Jurisdiction::Nl => view! {
                    {check(form.claim_costs, "Incassokosten rekenen waar de wet dat toestaat", "Charge collection costs where the law allows")}
                    {check(form.claim_interest, "Wettelijke rente rekenen", "Charge statutory interest")}
                    {check(form.vat_on_costs, "Btw over incassokosten (alleen via een incassobureau)", "VAT on collection costs (only through a collection agency)")}
                }.into_any(),
                Jurisdiction::Be => view! {
                    {check(form.claim_costs, "Forfaitaire vergoeding en schadevergoeding rekenen waar de wet dat toestaat", "Charge the fixed compensation and damages where the law allows")}
                    {check(form.claim_interest, "Verwijlinterest rekenen", "Charge late-payment interest")}
                }.into_any(),
            }}
            // Belgian law caps a consumer's damages, but only a clause in the user's terms
            // creates them; the app cannot know whether there is one, so the user says so.
            {move || (form.jurisdiction.get() == Jurisdiction::Be).then(|| view! {
                <div data-testid="damages-clause">
                    {check(form.damages_clause, "Mijn voorwaarden hebben een schadebeding voor particulieren", "My terms have a damages clause for consumers")}
                    <p class="hint">
                        {tr(
                            i18n.lang(),
                            "Een Belgische particulier betaalt alleen een schadevergoeding als je algemene voorwaarden die vastleggen. De app rekent dan het wettelijke maximum; noemt je beding minder, pas het bedrag in je brief aan.",
                            "A Belgian consumer owes damages only when your general terms provide for them. The app then charges the legal maximum; if your clause names less, change the amount in your letter.",
                        )}
                    </p>
                </div>
            })}
            // The law allows VAT on the costs only for a creditor who pays an agency's VAT and
            // cannot reclaim it. Someone who chases personally charges none, so the switch says
            // so whenever it is on; a VAT number usually means the VAT can be reclaimed.
            {move || (form.vat_on_costs.get() && form.jurisdiction.get() == Jurisdiction::Nl).then(|| view! {
                <p class="warning" data-testid="vat-on-costs-warning">
                    {tr(
                        i18n.lang(),
                        "Btw over incassokosten mag je alleen rekenen als een incassobureau jou btw rekent en je die niet kunt terugvragen, bijvoorbeeld met de kleineondernemersregeling. Maan je zelf aan, laat dit dan uit. De brief zegt dat je de btw niet kunt terugvragen.",
                        "You may add VAT to collection costs only when a collection agency charges you VAT and you cannot reclaim it, for example under the small business scheme. If you chase yourself, leave this off. The letter says that you cannot reclaim the VAT.",
                    )}
                    {move || (!form.signal(F::Vat).get().trim().is_empty()).then(|| tr(
                        i18n.lang(),
                        " Met een btw-nummer kun je btw meestal terugvragen.",
                        " With a VAT number you can usually reclaim VAT.",
                    ))}
                </p>
            })}

            <h2>{move || tr(i18n.lang(), "Schema en drempels", "Schedule and thresholds")}</h2>
            <p class="hint">
                {move || {
                    let usual = Schedule::default();
                    let (first, second, last) = (usual.first_reminder_after_due, usual.second_reminder_after_due, usual.last_reminder_after_due);
                    match i18n.lang() {
                        Lang::Nl => format!("De dagen tellen vanaf de vervaldatum. Standaard gaat de eerste herinnering {} erna, de tweede na {second} en de laatste na {last} dagen. Meestal hoef je hier niets te veranderen.", count(first, "dag", "dagen")),
                        Lang::En => format!("The days count from the due date. By default the first reminder goes {} after it, the second after {second} and the last after {last} days. Usually there is nothing to change here.", count(first, "day", "days")),
                    }
                }}
            </p>
            <p class="hint">
                {move || tr(
                    i18n.lang(),
                    "Een stap komt nooit op of vóór de laatste betaaldag die een eerder bericht noemde: valt hij daar, dan schuift hij op naar de dag erna.",
                    "A step never comes on or before the last pay-by day an earlier message gave: if it would, it moves to the day after.",
                )}
            </p>
            {[F::PaymentTerm, F::PayBy, F::HeadsUp, F::First, F::Second, F::CallAfterSecond, F::Last, F::HandOver, F::Grace, F::MaxCalls, F::CallFrom, F::MeetingFrom, F::Minimum].into_iter().map(field).collect_view()}

            <h2>{move || tr(i18n.lang(), "Incassobureau", "Collection agency")}</h2>
            {[F::AgencyName, F::AgencyEmail].into_iter().map(field).collect_view()}

            <p>
                <button type="submit" data-testid="save-settings">{move || tr(i18n.lang(), "Instellingen opslaan", "Save settings")}</button>
            </p>
            // The live regions are on the page before their message: a screen reader reads
            // out a change in a region it knows, not a region that appears with its text.
            <div role="status">
                {move || matches!(status.get(), Some(Ok(()))).then(|| view! {
                    <p class="success" data-testid="settings-saved">{tr(i18n.lang(), "Opgeslagen.", "Saved.")}</p>
                })}
            </div>
            <div role="alert">
                {move || status.get().and_then(Result::err).map(|text| view! {
                    <p class="error" data-testid="settings-error">{text}</p>
                })}
            </div>
        </form>
    }
}
