//! What the user can claim on one invoice today: the outstanding principal, statutory interest
//! and collection costs, each with its working, and for whatever is left out the reason why.
//!
//! This is not legal advice. The amounts come from `legal.rs`; this module only decides which of
//! them apply to an invoice on a given day, from the same dossier fold the engine uses
//! ([`situation`]), so the screen and the chase never disagree about a dispute or a plan.
//!
//! The rules, in order (the first that applies ends the list):
//! 1. Nothing is outstanding (paid, or a credit): nothing is added.
//! 2. Written off: the claim is closed, nothing is added. Handed over: the claim of the day the
//!    hand-over was recorded, which the agency now collects; nothing is added after it.
//! 3. Not yet overdue (today is the due date or earlier): nothing is added.
//! 4. An open dispute: no interest and no costs are proposed, because charging them on a
//!    disputed claim is generally unreasonable.
//!
//! Otherwise interest and costs are decided separately, each by the settings first
//! (`claim_interest`, `claim_collection_costs`), then by a running payment plan, then by the law
//! of the user's jurisdiction for the customer's kind:
//! - Dutch business: commercial interest (art. 6:119a BW) from the day after the due date
//!   through today; collection costs on the Dutch scale over the outstanding principal.
//! - Dutch consumer: costs only from the first day after the 14-day letter's term, on what was
//!   unpaid at the end of the term (a later payment does not lower them), and statutory consumer
//!   interest (art. 6:119 BW) from that same day. The letter is what puts a consumer in
//!   default, so starting interest at the end of its term is the reading that never charges early.
//! - Belgian business: commercial interest (law of 2 August 2002) from the day after the due
//!   date, and the flat EUR 40 compensation.
//! - Belgian consumer: damages up to the Book XIX cap, only once the free first reminder was
//!   sent and its term has passed. No interest: the app has no table of the rate a Belgian
//!   consumer may be charged, and it does not guess one.
//!
//! A running payment plan holds back collection costs for everyone, and for a Dutch consumer
//! interest too: a customer who keeps to a plan should not see the debt grow, and for a
//! consumer that is the cautious reading. For a business, interest keeps running by law.

use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};

use crate::domain::dates::format_date;
use crate::domain::engine::{plan_lapses_on, situation, Situation};
use crate::domain::legal::{
    belgian_consumer_costs_from, belgian_consumer_damages_cap, belgian_flat_fee, collection_costs_cap,
    collection_costs_floor, commercial_interest_start, dutch_collection_costs, dutch_vat_percent, fourteen_day_letter,
    half_year_without_rate, statutory_interest, BelgianBracket, BelgianDamages, CollectionCosts, DebtPart,
    InterestKind, InterestPeriod, StatutoryInterest,
};
use crate::domain::model::{
    balance, Customer, CustomerKind, Event, EventKind, Invoice, InvoiceId, Jurisdiction, Lang, MessageKind, Settings,
};
use crate::domain::money::format_money;
use crate::domain::plural::count;
use crate::domain::sorting;

/// What can be claimed on one invoice today.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Claim {
    /// The outstanding invoice amount, VAT included; never negative.
    pub principal: Decimal,
    /// `None` when interest is not claimed; `withheld` says why.
    pub interest: Option<InterestLine>,
    /// `None` when costs are not claimed; `withheld` says why.
    pub costs: Option<CostsLine>,
    /// Principal plus interest plus costs, saturating.
    pub total: Decimal,
    /// Why interest or costs are not (yet) included, each reason once, in the order found.
    pub withheld: Vec<Withheld>,
    /// A payment came in while interest or costs were owed, and was booked against the
    /// principal. The law (art. 6:44 BW) lets the creditor book it against costs and interest
    /// first, which leaves more to claim; the working says so.
    pub paid_while_owed: bool,
}

/// Statutory interest on the invoice, with its working.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InterestLine {
    pub kind: InterestKind,
    /// The first day of interest.
    pub from: NaiveDate,
    /// Today: the last day of interest on the part still outstanding.
    pub through: NaiveDate,
    /// The interest of all tranches, paid and outstanding, and on the capitalised interest.
    pub total: Decimal,
    /// Some days fell before the first rate in the table and count at zero: the user should
    /// add the missing rate.
    pub missing_rate: bool,
    /// The half year, by its first day, that the table has no rate for yet while interest runs
    /// in it: the days since count at the latest rate entered, which may be outdated.
    pub half_year_without_rate: Option<NaiveDate>,
    /// Every part of the principal with its own interest: the parts paid late (through their
    /// payment day) and the part still outstanding (through today).
    pub tranches: Vec<Tranche>,
    /// Each anniversary of the default with the interest of the year before, on all tranches,
    /// that was added to the amount interest runs on.
    pub capitalisations: Vec<(NaiveDate, Decimal)>,
    /// The interest on the capitalised interest, through today.
    pub on_capitalised: StatutoryInterest,
}

/// One part of the principal and the simple interest it accrued. Interest is linear in the
/// principal, so the interest on an invoice paid in parts is the sum of the interest on each
/// part over the time that part stayed unpaid, plus the interest on what was capitalised.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tranche {
    pub amount: Decimal,
    pub from: NaiveDate,
    /// The payment day for a paid tranche, otherwise today.
    pub through: NaiveDate,
    /// The day this part was paid; `None` while it is still outstanding.
    pub paid_on: Option<NaiveDate>,
    pub interest: StatutoryInterest,
}

/// The collection costs that apply, with their working.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CostsLine {
    /// Dutch collection costs on the statutory scale.
    DutchScale(CollectionCosts),
    /// A Dutch consumer's share of the costs of one 14-day letter about several invoices: the
    /// law charges them once, on the summed principal, so each invoice carries its part.
    DutchScaleShare(CostsShare),
    /// The Belgian flat compensation between businesses.
    BelgianFlat(Decimal),
    /// The Belgian consumer's damages at the statutory cap.
    BelgianDamages(BelgianDamages),
}

impl CostsLine {
    /// The amount the debtor owes, VAT included where it was added.
    pub fn amount(&self) -> Decimal {
        match self {
            CostsLine::DutchScale(costs) => costs.total,
            CostsLine::DutchScaleShare(share) => share.share,
            CostsLine::BelgianFlat(amount) => *amount,
            CostsLine::BelgianDamages(damages) => damages.total,
        }
    }

    /// The VAT included in [`amount`](Self::amount); a share carries its part of the whole's.
    pub fn vat(&self) -> Decimal {
        match self {
            CostsLine::DutchScale(costs) => costs.vat,
            CostsLine::DutchScaleShare(share) if !share.whole.total.is_zero() => {
                (share.whole.vat * share.share / share.whole.total).round_dp(2)
            }
            CostsLine::DutchScaleShare(_) | CostsLine::BelgianFlat(_) | CostsLine::BelgianDamages(_) => Decimal::ZERO,
        }
    }

    /// What the law calls these costs, as a heading beside their amount: a Belgian business
    /// owes a fixed compensation and a Belgian consumer damages, not Dutch "incassokosten".
    pub fn name(&self, lang: Lang) -> &'static str {
        match self {
            CostsLine::DutchScale(_) | CostsLine::DutchScaleShare(_) => lang.pick("Incassokosten", "Collection costs"),
            CostsLine::BelgianFlat(_) => lang.pick("Forfaitaire vergoeding", "Fixed compensation"),
            CostsLine::BelgianDamages(_) => lang.pick("Schadevergoeding", "Damages"),
        }
    }
}

/// One invoice's part of costs charged on a sum of invoices.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CostsShare {
    /// The costs on the sum of the invoices' outstanding principals, with their working.
    pub whole: CollectionCosts,
    /// How many invoices share them.
    pub invoices: usize,
    /// This invoice's part, in proportion to its principal; the parts of all the invoices add
    /// up to the whole to the cent.
    pub share: Decimal,
}

/// Why interest or costs are not (yet) part of the claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Withheld {
    /// Nothing is outstanding on the invoice.
    NothingOutstanding,
    /// Nothing is outstanding, but the principal was paid off on `on`, when `foregone` in
    /// interest and costs could be claimed too. The app books payments against the principal
    /// first, so this is not chased; the user should know it was there to ask for.
    PaidLate { on: NaiveDate, foregone: Decimal },
    /// The invoice was written off.
    Closed,
    /// The invoice was handed over to a collection agency; `on` is the day the hand-over was
    /// recorded, whose claim the agency now collects.
    HandedOver { on: NaiveDate },
    /// The invoice is not overdue yet; `due` is its due date.
    NotDue { due: NaiveDate },
    /// A dispute opened on `since` is still open: no interest, no costs.
    Disputed { since: NaiveDate },
    /// A payment plan is running: no costs, and for a Dutch consumer no interest either.
    /// `lapses_on`: an instalment's date has passed unpaid, and the plan lapses on this day if
    /// that instalment is still unpaid then ([`crate::domain::engine::plan_lapses_on`]), which
    /// is when the engine resumes the chase.
    PlanRunning {
        interest_too: bool,
        lapses_on: Option<NaiveDate>,
    },
    /// The user's settings say not to claim interest.
    InterestOff,
    /// The user's settings say not to claim collection costs.
    CostsOff,
    /// A Belgian consumer owes damages only under a clause in the user's terms, and the
    /// settings say there is none.
    NoDamagesClause,
    /// A Dutch consumer has had no 14-day letter that counts: none since the due date, or a
    /// dispute interrupted its term ([`crate::domain::engine::Situation::fourteen_day_letter`]).
    ConsumerLetterNotSent,
    /// The 14-day letter's term is running; costs and interest may start on `costs_from`.
    ConsumerTermRunning { costs_from: NaiveDate },
    /// A Belgian consumer has not had the free first reminder.
    BelgianFreeReminderNotSent,
    /// The Belgian consumer's free reminder went out without naming damages (the clause was
    /// switched on later, or the text was edited), so none can follow it.
    BelgianReminderNamedNoDamages,
    /// The Belgian consumer's term after the free reminder runs; damages may start on `from`.
    BelgianTermRunning { from: NaiveDate },
    /// No rate table exists for Belgian consumers, so no interest is computed.
    NoBelgianConsumerRate,
    /// Nothing was open when the costs fell due: what is open now came later (a payment
    /// reversed), and costs on nothing are nothing.
    NothingOpenWhenCostsFellDue,
}

impl Withheld {
    /// One plain sentence (two at most) for the user, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match *self {
            Withheld::NothingOutstanding => lang
                .pick("Op deze factuur staat niets meer open.", "Nothing is outstanding on this invoice.")
                .to_owned(),
            Withheld::PaidLate { on, foregone } => {
                let (on, foregone) = (format_date(on, lang), format_money(foregone, lang));
                lang.pick(
                    format!(
                        "Betaald op {on}, na de vervaldatum. Op die dag mocht je ook {foregone} aan rente en kosten \
                         vragen: de wet boekt een betaling eerst op kosten en rente (art. 6:44 BW). De app vraagt \
                         dat niet meer; wil je het toch, vraag het je klant dan zelf."
                    ),
                    format!(
                        "Paid on {on}, after the due date. That day you could also claim {foregone} in interest and \
                         costs: the law applies a payment to costs and interest first (Article 6:44 of the Dutch \
                         Civil Code). The app does not ask for it any more; if you want it, ask your customer \
                         yourself."
                    ),
                )
            }
            Withheld::Closed => lang
                .pick(
                    "Deze factuur is afgeschreven, dus de app rekent er geen rente of kosten meer bij.",
                    "This invoice was written off, so the app adds no interest or costs to it.",
                )
                .to_owned(),
            Withheld::HandedOver { on } => {
                let on = format_date(on, lang);
                match lang {
                    Lang::Nl => format!(
                        "Overgedragen aan het incassobureau: dit is wat er op {on} te vorderen was. Het bureau vordert \
                         het verder."
                    ),
                    Lang::En => format!(
                        "Handed to the collection agency: this is what could be claimed on {on}. The agency collects it \
                         from here."
                    ),
                }
            }
            Withheld::NotDue { due } => {
                let due = format_date(due, lang);
                lang.pick(
                    format!("De factuur is nog niet te laat. Rente en kosten kunnen pas na de vervaldatum ({due}) ingaan."),
                    format!("The invoice is not late yet. Interest and costs can only start after the due date ({due})."),
                )
            }
            Withheld::Disputed { since } => {
                let since = format_date(since, lang);
                lang.pick(
                    format!(
                        "De klant maakte op {since} bezwaar. Zolang dat niet is opgelost, vraag je geen rente en geen \
                         incassokosten. Blijkt de factuur te kloppen, dan telt de rente weer vanaf de gewone \
                         begindatum, ook over de tijd van het bezwaar."
                    ),
                    format!(
                        "The customer raised a dispute on {since}. Until it is settled, do not ask for interest or \
                         collection costs. If the invoice proves right, interest counts again from its usual first \
                         day, including the time of the dispute."
                    ),
                )
            }
            Withheld::PlanRunning {
                interest_too: false,
                lapses_on: None,
            } => lang
                .pick(
                    "Er loopt een betalingsregeling. Zolang de klant zich daaraan houdt, komen er geen incassokosten bij.",
                    "A payment plan is running. As long as the customer keeps to it, no collection costs are added.",
                )
                .to_owned(),
            Withheld::PlanRunning {
                interest_too: true,
                lapses_on: None,
            } => lang
                .pick(
                    "Er loopt een betalingsregeling. Zolang de klant zich daaraan houdt, komen er geen incassokosten \
                     en geen rente bij.",
                    "A payment plan is running. As long as the customer keeps to it, no collection costs or interest \
                     are added.",
                )
                .to_owned(),
            Withheld::PlanRunning {
                interest_too,
                lapses_on: Some(day),
            } => {
                let day = format_date(day, lang);
                let (nl_what, en_what) = if interest_too {
                    ("geen incassokosten en geen rente", "no collection costs or interest are")
                } else {
                    ("geen incassokosten", "no collection costs are")
                };
                lang.pick(
                    format!(
                        "Er loopt een betalingsregeling, maar een termijn is niet op tijd betaald. Staat die termijn \
                         op {day} nog open, dan vervalt de regeling; tot dan komen er {nl_what} bij."
                    ),
                    format!(
                        "A payment plan is running, but an instalment was not paid on time. If that instalment is \
                         still unpaid on {day}, the plan lapses; until then {en_what} added."
                    ),
                )
            }
            Withheld::InterestOff => lang
                .pick(
                    "Rente staat uit in je instellingen.",
                    "Interest is off in your settings.",
                )
                .to_owned(),
            Withheld::CostsOff => lang
                .pick(
                    "Incassokosten staan uit in je instellingen.",
                    "Collection costs are off in your settings.",
                )
                .to_owned(),
            Withheld::NoDamagesClause => lang
                .pick(
                    "Een Belgische particulier betaalt alleen een schadevergoeding als je voorwaarden die vastleggen. \
                     Staat er zo'n schadebeding in je voorwaarden, zet het dan aan bij Instellingen.",
                    "A Belgian consumer owes damages only when your terms provide for them. If your terms have such a \
                     damages clause, turn it on in Settings.",
                )
                .to_owned(),
            Withheld::ConsumerLetterNotSent => lang
                .pick(
                    "De app rekent een particuliere klant pas kosten en rente na een laatste herinnering met \
                     veertien dagen om te betalen, verstuurd na de vervaldatum en zonder bezwaar in die veertien \
                     dagen. Die is er nog niet.",
                    "The app charges a consumer costs and interest only after a last reminder that gives \
                     fourteen days to pay, sent after the due date and with no dispute during those days. There is \
                     none yet.",
                )
                .to_owned(),
            Withheld::ConsumerTermRunning { costs_from } => {
                let from = format_date(costs_from, lang);
                lang.pick(
                    format!(
                        "De veertien dagen uit de laatste herinnering lopen nog. Is er op {from} nog niet betaald, dan \
                         gaan kosten en rente in."
                    ),
                    format!(
                        "The fourteen days of the last reminder are still running. If the invoice is still unpaid on \
                         {from}, costs and interest start."
                    ),
                )
            }
            Withheld::BelgianReminderNamedNoDamages => lang
                .pick(
                    "De gratis eerste herinnering noemde geen schadevergoeding, dus die vraag je voor deze factuur niet: \
                     de wet laat die alleen volgen op een herinnering die haar aankondigde.",
                    "The free first reminder did not mention damages, so none are claimed for this invoice: the law \
                     lets them follow only a reminder that announced them.",
                )
                .to_owned(),
            Withheld::BelgianFreeReminderNotSent => lang
                .pick(
                    "Een Belgische consument krijgt eerst de gratis herinnering met de termijn die de wet voorschrijft; \
                     een gewone herinnering telt daarvoor niet. Die is nog niet verstuurd, dus er komt nog niets bij.",
                    "A Belgian consumer first gets the free reminder with the term the law prescribes; an ordinary \
                     reminder does not count. It has not been sent yet, so nothing is added.",
                )
                .to_owned(),
            Withheld::BelgianTermRunning { from } => {
                let from = format_date(from, lang);
                lang.pick(
                    format!(
                        "Na de gratis herinnering heeft de klant nog tijd om te betalen. Is er op {from} nog niet \
                         betaald, dan mag je een schadevergoeding vragen."
                    ),
                    format!(
                        "After the free reminder the customer still has time to pay. If the invoice is still unpaid \
                         on {from}, you may ask for damages."
                    ),
                )
            }
            Withheld::NoBelgianConsumerRate => lang
                .pick(
                    "De app kent geen rentetabel voor Belgische consumenten en rekent daarom geen interest.",
                    "The app has no rate table for Belgian consumers, so it leaves interest out.",
                )
                .to_owned(),
            Withheld::NothingOpenWhenCostsFellDue => lang
                .pick(
                    "Toen de incassokosten verschuldigd werden, stond er niets open; wat nu openstaat kwam later \
                     bij (een teruggeboekte betaling). Daarover zijn geen incassokosten.",
                    "Nothing was open when the collection costs fell due; what is open now came later (a payment \
                     reversed). No collection costs are due on it.",
                )
                .to_owned(),
        }
    }
}

/// The four legal regimes the claim distinguishes: the user's jurisdiction and the customer's kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Regime {
    NlBusiness,
    NlConsumer,
    BeBusiness,
    BeConsumer,
}

impl Regime {
    fn of(jurisdiction: Jurisdiction, kind: CustomerKind) -> Regime {
        match (jurisdiction, kind) {
            (Jurisdiction::Nl, CustomerKind::Business) => Regime::NlBusiness,
            (Jurisdiction::Nl, CustomerKind::Consumer) => Regime::NlConsumer,
            (Jurisdiction::Be, CustomerKind::Business) => Regime::BeBusiness,
            (Jurisdiction::Be, CustomerKind::Consumer) => Regime::BeConsumer,
        }
    }
}

/// Adds a reason unless it is already listed, so a reason that holds back both interest and
/// costs is said once.
fn withhold(list: &mut Vec<Withheld>, reason: Withheld) {
    if !list.contains(&reason) {
        list.push(reason);
    }
}

/// When interest and costs may start under the regime, or why they may not yet.
fn first_day(regime: Regime, invoice: &Invoice, s: &Situation, today: NaiveDate) -> Result<NaiveDate, Withheld> {
    match regime {
        Regime::NlBusiness | Regime::BeBusiness => Ok(commercial_interest_start(invoice.due_date)),
        Regime::NlConsumer => {
            // A letter sent before the debtor was in default does not count: the 14-day letter
            // may only go out after the due date has passed.
            let sent = s
                .fourteen_day_letter
                .filter(|sent| *sent > invoice.due_date)
                .ok_or(Withheld::ConsumerLetterNotSent)?;
            let costs_from = fourteen_day_letter(sent).costs_from;
            if today >= costs_from {
                Ok(costs_from)
            } else {
                Err(Withheld::ConsumerTermRunning { costs_from })
            }
        }
        Regime::BeConsumer => {
            let reminder = s.free_reminder.ok_or(Withheld::BelgianFreeReminderNotSent)?;
            if !reminder.named_damages {
                return Err(Withheld::BelgianReminderNamedNoDamages);
            }
            let from = belgian_consumer_costs_from(reminder.sent, reminder.by_post);
            if today >= from {
                Ok(from)
            } else {
                Err(Withheld::BelgianTermRunning { from })
            }
        }
    }
}

/// A part of the principal still waiting for its payment, and the first day it accrues interest.
struct Layer {
    amount: Decimal,
    from: NaiveDate,
}

/// Splits the principal into tranches by payment: the paid ones as (amount, first day, paid on),
/// and the parts still outstanding.
///
/// The outstanding amount is followed exactly as the engine's fold does (the invoice amount
/// minus all payments so far, never below zero), so the tranches still unpaid add up to the
/// claim's principal. Each fall in the outstanding amount is a tranche paid that day, taken from
/// the most recently added part; each rise (a refund) is a new part that accrues from the day
/// after the refund, which never charges the debtor for a day the money was theirs. Tranches
/// paid before their first day of interest accrued nothing and are left out.
///
/// Treating payments as paying the principal, rather than costs and interest first as art. 6:44
/// BW allows, gives the debtor the lower figure; the user may claim more, never less.
fn tranches(invoice: &Invoice, own: &[&Event], start: NaiveDate) -> (Vec<(Decimal, NaiveDate, NaiveDate)>, Vec<Layer>) {
    let mut payments: Vec<(NaiveDate, Decimal)> = own
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::PaymentReceived { amount, .. } => Some((e.date, *amount)),
            _ => None,
        })
        .collect();
    // A stable sort keeps same-day payments in the order they were logged, as the fold does.
    sorting::sort_by_key(&mut payments, |(date, _)| *date);

    let mut outstanding = invoice.amount.max(Decimal::ZERO);
    let mut layers = vec![Layer {
        amount: outstanding,
        from: start,
    }];
    let mut paid_parts = Vec::new();
    let mut paid = Decimal::ZERO;
    for (date, amount) in payments {
        paid = paid.saturating_add(amount);
        let now = invoice.amount.saturating_sub(paid).max(Decimal::ZERO);
        if now < outstanding {
            let mut to_take = outstanding.saturating_sub(now);
            while to_take > Decimal::ZERO {
                let Some(top) = layers.last_mut() else {
                    break;
                };
                let part = top.amount.min(to_take);
                if part > Decimal::ZERO && date >= top.from {
                    paid_parts.push((part, top.from, date));
                }
                top.amount = top.amount.saturating_sub(part);
                to_take = to_take.saturating_sub(part);
                if top.amount <= Decimal::ZERO {
                    layers.pop();
                }
            }
        } else if now > outstanding {
            layers.push(Layer {
                amount: now.saturating_sub(outstanding),
                from: date.succ_opt().unwrap_or(date).max(start),
            });
        }
        outstanding = now;
    }
    layers.retain(|layer| layer.amount > Decimal::ZERO);
    (paid_parts, layers)
}

/// Interest of `kind` on the principal from `from` through `today`, tranche by tranche.
fn interest_line(
    kind: InterestKind,
    invoice: &Invoice,
    own: &[&Event],
    from: NaiveDate,
    today: NaiveDate,
    settings: &Settings,
) -> InterestLine {
    let rates = settings.rates.table(kind);
    let (paid_parts, layers) = tranches(invoice, own, from);
    // A payment logged ahead of today accrues only through today.
    let paid = paid_parts.into_iter().map(|(amount, start, paid_on)| {
        let through = paid_on.min(today);
        (
            DebtPart {
                amount,
                from: start,
                through,
            },
            Some(paid_on),
        )
    });
    let open = layers.into_iter().map(|layer| {
        let part = DebtPart {
            amount: layer.amount,
            from: layer.from,
            through: today,
        };
        (part, None)
    });
    let kept: Vec<(DebtPart, Option<NaiveDate>)> =
        paid.chain(open).filter(|(part, _)| part.from <= part.through).collect();
    let parts: Vec<DebtPart> = kept.iter().map(|(part, _)| *part).collect();
    let interest = statutory_interest(from, &parts, today, rates, kind.compounds_yearly());
    let tranches: Vec<Tranche> = kept
        .into_iter()
        .zip(interest.parts)
        .map(|((part, paid_on), interest)| Tranche {
            amount: part.amount,
            from: part.from,
            through: part.through,
            paid_on,
            interest,
        })
        .collect();
    InterestLine {
        kind,
        from,
        through: today,
        total: interest.total,
        missing_rate: interest.missing_rate,
        half_year_without_rate: half_year_without_rate(rates, today)
            .filter(|start| tranches.iter().any(|t| t.through >= *start)),
        tranches,
        capitalisations: interest.capitalisations,
        on_capitalised: interest.on_capitalised,
    }
}

/// What the user can claim on `invoice` on `today`: see the module documentation for the rules.
/// `events` may hold other invoices' events; only this invoice's count, except that a Dutch
/// consumer's collection costs are charged on the sum of the invoices one 14-day letter covers,
/// and those are looked up in `others` (which may hold any invoices, this one too) with their
/// events in `events`.
pub fn claim(
    invoice: &Invoice,
    customer: &Customer,
    events: &[&Event],
    others: &[Invoice],
    settings: &Settings,
    today: NaiveDate,
) -> Claim {
    let s = situation(invoice, events, settings, today);
    if s.handed_over && !s.written_off {
        if let Some(claim) = claim_at_hand_over(invoice, customer, events, others, settings) {
            return claim;
        }
    }
    let principal = s.outstanding.max(Decimal::ZERO);
    let mut claim = Claim {
        principal,
        interest: None,
        costs: None,
        total: principal,
        withheld: Vec::new(),
        paid_while_owed: false,
    };
    let closing = if principal <= Decimal::ZERO {
        Some(paid_late(invoice, customer, events, others, settings, &s).unwrap_or(Withheld::NothingOutstanding))
    } else if s.written_off || s.handed_over {
        Some(Withheld::Closed)
    } else if today <= invoice.due_date {
        Some(Withheld::NotDue { due: invoice.due_date })
    } else {
        s.dispute_opened.map(|since| Withheld::Disputed { since })
    };
    if let Some(reason) = closing {
        claim.withheld.push(reason);
        return claim;
    }

    let own: Vec<&Event> = events.iter().copied().filter(|e| e.concerns(&invoice.id)).collect();
    let regime = Regime::of(settings.jurisdiction, customer.kind);
    let start = first_day(regime, invoice, &s, today);
    // Once an instalment is late, the page names the day the engine stops waiting for it.
    let lapses_on = s
        .plan
        .as_ref()
        .filter(|plan| {
            plan.instalments
                .get(plan.current)
                .is_some_and(|unpaid| unpaid.date < today)
        })
        .and_then(|plan| plan_lapses_on(&plan.instalments, plan.current, settings));
    let plan = s.plan.is_some().then_some(Withheld::PlanRunning {
        interest_too: regime == Regime::NlConsumer && settings.claim_interest,
        lapses_on,
    });

    let interest_kind = if !settings.claim_interest {
        Err(Withheld::InterestOff)
    } else {
        match regime {
            Regime::NlBusiness => Ok(InterestKind::NlCommercial),
            Regime::BeBusiness => Ok(InterestKind::BeCommercial),
            Regime::BeConsumer => Err(Withheld::NoBelgianConsumerRate),
            Regime::NlConsumer => match plan {
                Some(reason) => Err(reason),
                None => Ok(InterestKind::NlConsumer),
            },
        }
    };
    match interest_kind.and_then(|kind| start.map(|from| (kind, from))) {
        Ok((kind, from)) => claim.interest = Some(interest_line(kind, invoice, &own, from, today, settings)),
        Err(reason) => withhold(&mut claim.withheld, reason),
    }

    let costs_allowed = if !settings.claim_collection_costs {
        Err(Withheld::CostsOff)
    } else if regime == Regime::BeConsumer && !settings.claims_belgian_consumer_damages() {
        Err(Withheld::NoDamagesClause)
    } else if let Some(reason) = plan {
        Err(reason)
    } else {
        start.map(|_| ())
    };
    match costs_allowed {
        Ok(()) => {
            let line = match regime {
                // A business owes the costs from its first day late, on the principal open
                // then: a later part payment goes to the principal and does not lower them.
                Regime::NlBusiness => CostsLine::DutchScale(dutch_collection_costs(
                    business_costs_base(invoice, &own),
                    settings.vat_on_collection_costs,
                )),
                Regime::NlConsumer => consumer_costs(invoice, &own, events, others, settings, today),
                Regime::BeBusiness => CostsLine::BelgianFlat(belgian_flat_fee()),
                Regime::BeConsumer => CostsLine::BelgianDamages(belgian_consumer_damages_cap(principal)),
            };
            // Costs on a base of nothing are nothing: the page says why rather than stay silent.
            if line.amount() > Decimal::ZERO {
                claim.costs = Some(line);
            } else {
                withhold(&mut claim.withheld, Withheld::NothingOpenWhenCostsFellDue);
            }
        }
        Err(reason) => withhold(&mut claim.withheld, reason),
    }

    let interest = claim.interest.as_ref().map_or(Decimal::ZERO, |line| line.total);
    let costs = claim.costs.as_ref().map_or(Decimal::ZERO, CostsLine::amount);
    claim.total = principal.saturating_add(interest).saturating_add(costs);
    claim.paid_while_owed = matches!(regime, Regime::NlBusiness | Regime::NlConsumer)
        && (claim.interest.is_some() || claim.costs.is_some())
        && start.is_ok_and(|from| {
            own.iter().any(|e| {
                e.date >= from && matches!(e.kind, EventKind::PaymentReceived { amount, .. } if amount > Decimal::ZERO)
            })
        });
    claim
}

/// What a Dutch invoice paid off late could have claimed on the day it was paid off and did
/// not get: the claim of that day before that day's payments, less what was paid from that day
/// on (a customer who pays the principal first and the costs a few days later has paid them).
/// Only Dutch regimes: the note names art. 6:44 BW, and Belgian allocation is not modelled.
fn paid_late(
    invoice: &Invoice,
    customer: &Customer,
    events: &[&Event],
    others: &[Invoice],
    settings: &Settings,
    s: &Situation,
) -> Option<Withheld> {
    if s.written_off || settings.jurisdiction != Jurisdiction::Nl {
        return None;
    }
    let payments = || {
        events
            .iter()
            .filter(|e| e.concerns(&invoice.id))
            .filter_map(|e| match e.kind {
                EventKind::PaymentReceived { amount, .. } => Some((e.date, amount)),
                _ => None,
            })
    };
    let mut in_order: Vec<(NaiveDate, Decimal)> = payments().collect();
    sorting::sort_by_key(&mut in_order, |(date, _)| *date);
    // The latest day the payments brought the principal to zero: a refund may have opened it
    // again in between.
    let principal = invoice.amount.max(Decimal::ZERO);
    let mut paid = Decimal::ZERO;
    let mut on = None;
    for &(date, amount) in &in_order {
        let was_open = paid < principal;
        paid = paid.saturating_add(amount);
        if was_open && paid >= principal && amount > Decimal::ZERO {
            on = Some(date);
        }
    }
    let on = on?;
    let paid_since = in_order
        .iter()
        .filter(|(date, _)| *date >= on)
        .fold(Decimal::ZERO, |sum, (_, amount)| sum.saturating_add(*amount));
    let before: Vec<&Event> = events.iter().copied().filter(|e| e.date < on).collect();
    let then = claim(invoice, customer, &before, others, settings, on);
    // A payment that took in the interest and costs as well leaves nothing foregone; a few cents
    // of interest are not worth a word, by the user's own minimum.
    let foregone = then.total.saturating_sub(paid_since);
    (then.total > then.principal && foregone > Decimal::ZERO && foregone >= settings.minimum_worth_chasing)
        .then_some(Withheld::PaidLate { on, foregone })
}

/// A Dutch consumer's collection costs: on the sum of what the invoices the latest 14-day letter
/// covers had open when its term ran out ([`consumer_costs_base`]), shared out in proportion.
/// An invoice that is disputed or written off since carries no costs and does not count towards
/// the sum.
fn consumer_costs(
    invoice: &Invoice,
    own: &[&Event],
    events: &[&Event],
    others: &[Invoice],
    settings: &Settings,
    today: NaiveDate,
) -> CostsLine {
    let vat = settings.vat_on_collection_costs;
    let letter = own
        .iter()
        .filter(|e| {
            matches!(
                e.kind,
                EventKind::MessageSent {
                    message: MessageKind::FourteenDayLetter,
                    ..
                }
            )
        })
        .max_by_key(|e| e.date);
    let principal = consumer_costs_base(invoice, own);
    let mut parts: Vec<(&InvoiceId, Decimal)> = vec![(&invoice.id, principal)];
    for id in letter.map_or(&[][..], |e| &e.invoice_ids[..]) {
        if *id == invoice.id || parts.iter().any(|(seen, _)| *seen == id) {
            continue;
        }
        let Some(other) = others.iter().find(|o| o.id == *id) else {
            continue;
        };
        let s = situation(other, events, settings, today);
        let unpaid = consumer_costs_base(other, events);
        // The letter must still count for the other invoice: one whose term a dispute
        // interrupted owes no costs of it, so it is not part of the sum either.
        let counts = s.fourteen_day_letter == letter.map(|e| e.date);
        if counts && s.dispute_opened.is_none() && !s.written_off && unpaid > Decimal::ZERO {
            parts.push((&other.id, unpaid));
        }
    }
    if parts.len() == 1 {
        return CostsLine::DutchScale(dutch_collection_costs(principal, vat));
    }
    let sum = parts.iter().fold(Decimal::ZERO, |sum, (_, p)| sum.saturating_add(*p));
    let whole = dutch_collection_costs(sum, vat);
    let shares = split_in_proportion(whole.total, &parts);
    let share = shares
        .iter()
        .find(|(id, _)| *id == &invoice.id)
        .map_or(Decimal::ZERO, |(_, share)| *share);
    CostsLine::DutchScaleShare(CostsShare {
        whole,
        invoices: parts.len(),
        share,
    })
}

/// What a business's collection costs on `invoice` are charged on: what was unpaid on its first
/// day late, when they fell due. A payment up to the due date lowers them, a later one does not
/// (it is booked against the principal, see [`tranches`]). `events` may hold other invoices'
/// events.
pub fn business_costs_base(invoice: &Invoice, events: &[&Event]) -> Decimal {
    let first_day_late = commercial_interest_start(invoice.due_date);
    balance(invoice, events.iter().copied().filter(|e| e.date < first_day_late)).outstanding
}

/// What a Dutch consumer's collection costs on `invoice` are charged on: what was unpaid when the
/// term of the latest 14-day letter about it ran out, or what is unpaid now while no letter was
/// sent after the due date (a letter before it does not count). The costs fall due on what was
/// unpaid then: a payment within the term lowers them, a later one does not (it is booked against
/// the principal, see [`tranches`]). `events` may hold other invoices' events.
pub fn consumer_costs_base(invoice: &Invoice, events: &[&Event]) -> Decimal {
    let letter = events
        .iter()
        .filter(|e| {
            e.concerns(&invoice.id)
                && e.date > invoice.due_date
                && matches!(
                    e.kind,
                    EventKind::MessageSent {
                        message: MessageKind::FourteenDayLetter,
                        ..
                    }
                )
        })
        .map(|e| e.date)
        .max();
    let counted = events.iter().copied();
    match letter {
        Some(sent) => {
            let costs_from = fourteen_day_letter(sent).costs_from;
            balance(invoice, counted.filter(|e| e.date < costs_from)).outstanding
        }
        None => balance(invoice, counted).outstanding,
    }
}

/// Splits `total` (in cents) over the parts in proportion to their weights, so that the parts
/// add up to `total` exactly: each gets its proportion rounded down to the cent, and the cents
/// left over go to the largest remainders (ties to the smaller id, so the split never depends
/// on the order the invoices come in).
fn split_in_proportion<'a>(total: Decimal, parts: &[(&'a InvoiceId, Decimal)]) -> Vec<(&'a InvoiceId, Decimal)> {
    let cent = Decimal::new(1, 2);
    let weight = parts.iter().fold(Decimal::ZERO, |sum, (_, w)| sum.saturating_add(*w));
    if weight <= Decimal::ZERO {
        return parts.iter().map(|(id, _)| (*id, Decimal::ZERO)).collect();
    }
    let mut split: Vec<(&InvoiceId, Decimal, Decimal)> = parts
        .iter()
        .map(|(id, w)| {
            let exact = total
                .checked_mul(*w)
                .and_then(|x| x.checked_div(weight))
                .unwrap_or(Decimal::ZERO);
            let floor = exact.round_dp_with_strategy(2, RoundingStrategy::ToZero);
            (*id, floor, exact.saturating_sub(floor))
        })
        .collect();
    let given = split
        .iter()
        .fold(Decimal::ZERO, |sum, (_, part, _)| sum.saturating_add(*part));
    let mut left = total.saturating_sub(given);
    let mut order: Vec<usize> = (0..split.len()).collect();
    sorting::sort_by_key(&mut order, |&n| {
        let (id, _, rest) = split[n];
        (std::cmp::Reverse(rest), id)
    });
    for n in order {
        if left < cent {
            break;
        }
        if let Some((_, part, _)) = split.get_mut(n) {
            *part = part.saturating_add(cent);
            left = left.saturating_sub(cent);
        }
    }
    split.into_iter().map(|(id, part, _)| (id, part)).collect()
}

/// The claim on the day of the (first) recorded hand-over: every event up to that day except
/// the hand-over itself counts, payments after the notice included. `None` without a
/// hand-over.
fn claim_at_hand_over(
    invoice: &Invoice,
    customer: &Customer,
    events: &[&Event],
    others: &[Invoice],
    settings: &Settings,
) -> Option<Claim> {
    // The notice only announced the hand-over: payments between it and the recorded
    // hand-over count, and so does the interest up to that day.
    let is_hand_over = |e: &Event| e.concerns(&invoice.id) && matches!(e.kind, EventKind::HandedOver { .. });
    let on = events.iter().filter(|e| is_hand_over(e)).map(|e| e.date).min()?;
    let before: Vec<&Event> = events
        .iter()
        .copied()
        .filter(|e| e.date <= on && !is_hand_over(e))
        .collect();
    let mut claim = claim(invoice, customer, &before, others, settings, on);
    claim.withheld.insert(0, Withheld::HandedOver { on });
    Some(claim)
}

/// Where the payments above the invoice amount went.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AbovePrincipal {
    /// Interest and costs that could be claimed on the day the payments passed the principal,
    /// as far as the payments cover them.
    pub interest_and_costs: Decimal,
    /// The rest: paid beyond everything owed, which the user owes back.
    pub refund: Decimal,
}

/// Splits what was paid above the invoice amount into the interest and costs that were owed
/// and a true overpayment. A customer who pays the costs the last reminder asked for has not
/// overpaid, also when they pay them after the principal; only what goes beyond the claim on
/// the day of the payment that paid off the principal is to be returned. `events` and
/// `others` are as for [`claim`].
pub fn above_principal(
    invoice: &Invoice,
    customer: &Customer,
    events: &[&Event],
    others: &[Invoice],
    settings: &Settings,
) -> AbovePrincipal {
    let mut own: Vec<&Event> = events.iter().copied().filter(|e| e.concerns(&invoice.id)).collect();
    sorting::sort_by_key(&mut own, |e| e.date);
    let payment = |e: &Event| match e.kind {
        EventKind::PaymentReceived { amount, .. } => amount,
        _ => Decimal::ZERO,
    };
    let principal = invoice.amount.max(Decimal::ZERO);
    let total_paid = own.iter().fold(Decimal::ZERO, |sum, e| sum.saturating_add(payment(e)));
    if total_paid <= principal {
        return AbovePrincipal::default();
    }
    let mut paid = Decimal::ZERO;
    for (at, event) in own.iter().enumerate() {
        let amount = payment(event);
        if amount <= Decimal::ZERO || paid.saturating_add(amount) < principal {
            paid = paid.saturating_add(amount);
            continue;
        }
        // This payment pays off the principal: what was owed just before it, on its day, is
        // the measure for it and for every later payment. Measured after it, nothing would be
        // owed, and costs paid a few days after the principal would look like an overpayment.
        let before: Vec<&Event> = events
            .iter()
            .copied()
            .filter(|e| !e.concerns(&invoice.id) && e.date <= event.date)
            .chain(own[..at].iter().copied())
            .collect();
        let owed = claim(invoice, customer, &before, others, settings, event.date);
        let still_open = principal.saturating_sub(paid);
        let owed_above = owed.total.saturating_sub(still_open).max(Decimal::ZERO);
        let from_here = own[at..]
            .iter()
            .fold(Decimal::ZERO, |sum, e| sum.saturating_add(payment(e)));
        let above = from_here.saturating_sub(still_open).max(Decimal::ZERO);
        let interest_and_costs = above.min(owed_above);
        return AbovePrincipal {
            interest_and_costs,
            refund: above.saturating_sub(interest_and_costs),
        };
    }
    AbovePrincipal::default()
}

// ----------------------------------------------------------------------------------------------
// The working, in words

/// A percentage as people write it: "10,15%" in Dutch, "10.15%" in English, no trailing zeros.
fn format_percent(percent: Decimal, lang: Lang) -> String {
    let text = percent.normalize().to_string();
    match lang {
        Lang::Nl => format!("{}%", text.replace('.', ",")),
        Lang::En => format!("{text}%"),
    }
}

fn days_text(days: i64, lang: Lang) -> String {
    match lang {
        Lang::Nl => count(days, "dag", "dagen"),
        Lang::En => count(days, "day", "days"),
    }
}

fn range_text(from: NaiveDate, to: NaiveDate, lang: Lang) -> String {
    let (from, to) = (format_date(from, lang), format_date(to, lang));
    lang.pick(format!("{from} t/m {to}"), format!("{from} to {to}"))
}

/// What the law calls the interest of `kind`, as a heading beside its amount.
pub fn interest_name(kind: InterestKind, lang: Lang) -> &'static str {
    match kind {
        InterestKind::NlCommercial => lang.pick("Wettelijke handelsrente", "Statutory commercial interest"),
        InterestKind::NlConsumer => lang.pick("Wettelijke rente", "Statutory interest"),
        // In Belgium "wettelijke interest" is the lower civil rate; the late-payment act of
        // 2 August 2002 has its own.
        InterestKind::BeCommercial => lang.pick("Verwijlinterest", "Late-payment interest"),
    }
}

fn period_line(p: &InterestPeriod, lang: Lang) -> String {
    let range = range_text(p.from, p.to, lang);
    let days = days_text(p.days, lang);
    let (percent, base, interest) = (
        format_percent(p.percent, lang),
        format_money(p.base, lang),
        format_money(p.interest, lang),
    );
    lang.pick(
        format!("{range}, {days} à {percent} over {base} = {interest}"),
        format!("{range}, {days} at {percent} on {base} = {interest}"),
    )
}

fn interest_lines(line: &InterestLine, lang: Lang, out: &mut Vec<String>) {
    let name = interest_name(line.kind, lang);
    let range = range_text(line.from, line.through, lang);
    out.push(lang.pick(
        format!("{name} over {range} (werkelijke dagen / 365):"),
        format!("{name} over {range} (actual days / 365):"),
    ));
    for tranche in &line.tranches {
        match tranche.paid_on {
            Some(paid_on) => {
                let (amount, paid_on, range, total) = (
                    format_money(tranche.amount, lang),
                    format_date(paid_on, lang),
                    range_text(tranche.from, tranche.through, lang),
                    format_money(tranche.interest.total, lang),
                );
                out.push(lang.pick(
                    format!("{amount} betaald op {paid_on}: rente over {range} = {total}"),
                    format!("{amount} paid on {paid_on}: interest over {range} = {total}"),
                ));
            }
            None => out.extend(tranche.interest.periods.iter().map(|p| period_line(p, lang))),
        }
    }
    // Each capitalisation, then the interest on what was capitalised until the next one.
    let mut on_capitalised = line.on_capitalised.periods.iter().peekable();
    for (n, (date, added)) in line.capitalisations.iter().enumerate() {
        let (day, amount) = (format_date(*date, lang), format_money(*added, lang));
        out.push(lang.pick(
            format!("Op {day} is de rente van het jaar ervoor ({amount}) bij de hoofdsom geteld."),
            format!("On {day} the interest of the year before ({amount}) was added to the principal."),
        ));
        let next = line.capitalisations.get(n + 1).map(|(day, _)| *day);
        while let Some(period) = on_capitalised.next_if(|p| next.is_none_or(|next| p.from < next)) {
            out.push(period_line(period, lang));
        }
    }
    if line.missing_rate {
        out.push(
            lang.pick(
                "Let op: voor een deel van de dagen staat geen rentepercentage in de tabel, dus die tellen voor 0%. \
                 Vul het ontbrekende percentage aan in de instellingen.",
                "Note: for some of the days the table has no rate, so they count at 0%. Add the missing rate in \
                 the settings.",
            )
            .to_owned(),
        );
    }
    if let Some(start) = line.half_year_without_rate {
        let start = format_date(start, lang);
        out.push(lang.pick(
            format!(
                "Let op: voor het halfjaar vanaf {start} staat nog geen percentage in de tabel, dus die dagen tellen \
                 tegen het laatste percentage dat er staat. Vul het gepubliceerde percentage aan in de instellingen."
            ),
            format!(
                "Note: the table has no rate yet for the half year from {start}, so those days count at the latest \
                 rate it holds. Add the published rate in the settings."
            ),
        ));
    }
    let total = format_money(line.total, lang);
    out.push(lang.pick(format!("Rente: {total}"), format!("Interest: {total}")));
}

fn dutch_costs_lines(costs: &CollectionCosts, lang: Lang, out: &mut Vec<String>) {
    for band in &costs.bands {
        let (percent, base, amount) = (
            format_percent(band.percent, lang),
            format_money(band.base, lang),
            format_money(band.amount, lang),
        );
        out.push(lang.pick(
            format!("{percent} over {base} = {amount}"),
            format!("{percent} of {base} = {amount}"),
        ));
    }
    if costs.floor_applied {
        let floor = format_money(collection_costs_floor(), lang);
        out.push(lang.pick(
            format!("Dat is minder dan het wettelijke minimum, dus geldt {floor}."),
            format!("That is below the statutory minimum, so {floor} applies."),
        ));
    }
    if costs.cap_applied {
        let cap = format_money(collection_costs_cap(), lang);
        out.push(lang.pick(
            format!("Dat is meer dan het wettelijke maximum, dus geldt {cap}."),
            format!("That is above the statutory maximum, so {cap} applies."),
        ));
    }
    if costs.vat > Decimal::ZERO {
        let (percent, base, vat) = (
            format_percent(dutch_vat_percent(), lang),
            format_money(costs.total.saturating_sub(costs.vat), lang),
            format_money(costs.vat, lang),
        );
        out.push(lang.pick(
            format!("Btw {percent} over {base} = {vat}"),
            format!("VAT {percent} on {base} = {vat}"),
        ));
    }
    let total = format_money(costs.total, lang);
    out.push(lang.pick(format!("Incassokosten: {total}"), format!("Collection costs: {total}")));
}

fn belgian_damages_lines(damages: &BelgianDamages, lang: Lang, out: &mut Vec<String>) {
    let money = |amount: Decimal| format_money(amount, lang);
    let euros = |n: i64| money(Decimal::new(n, 0));
    let (fixed, part) = (money(damages.fixed), money(damages.percent_part));
    match damages.bracket {
        BelgianBracket::NothingOwed => {}
        BelgianBracket::UpTo150 => out.push(lang.pick(
            format!("Openstaand tot {}: vast {fixed}", euros(150)),
            format!("Outstanding up to {}: a fixed {fixed}", euros(150)),
        )),
        BelgianBracket::UpTo500 => out.push(lang.pick(
            format!("{fixed} + 10% van het deel boven {} ({part})", euros(150)),
            format!("{fixed} + 10% of the part above {} ({part})", euros(150)),
        )),
        BelgianBracket::Above500 => out.push(lang.pick(
            format!("{fixed} + 5% van het deel boven {} ({part})", euros(500)),
            format!("{fixed} + 5% of the part above {} ({part})", euros(500)),
        )),
    }
    if damages.cap_applied {
        out.push(lang.pick(
            format!("Dat is meer dan het wettelijke maximum, dus geldt {}.", euros(2_000)),
            format!("That is above the statutory maximum, so {} applies.", euros(2_000)),
        ));
    }
    let total = money(damages.total);
    out.push(lang.pick(format!("Schadevergoeding: {total}"), format!("Damages: {total}")));
}

/// The working of `claim` as lines for the user: the principal, every interest period (and each
/// paid tranche on one line), the cost bands with any floor, cap and VAT, and the total. The
/// reasons in `claim.withheld` are not repeated here; show their messages beside the working.
pub fn breakdown(claim: &Claim, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    let principal = format_money(claim.principal, lang);
    out.push(lang.pick(format!("Hoofdsom: {principal}"), format!("Principal: {principal}")));
    if let Some(line) = &claim.interest {
        interest_lines(line, lang, &mut out);
    }
    match &claim.costs {
        Some(CostsLine::DutchScale(costs)) => {
            // The costs fell due on what was unpaid then (a consumer's when the 14-day term ran
            // out, a business's on its first day late), so a later payment leaves them be.
            if costs.principal != claim.principal {
                let base = format_money(costs.principal, lang);
                out.push(lang.pick(
                    format!(
                        "De incassokosten gaan over wat er openstond toen ze verschuldigd werden: {base}. Een \
                         latere betaling verlaagt ze niet:"
                    ),
                    format!(
                        "The collection costs are on what was unpaid when they fell due: {base}. A later payment \
                         does not lower them:"
                    ),
                ));
            }
            dutch_costs_lines(costs, lang, &mut out)
        }
        Some(CostsLine::DutchScaleShare(share)) => {
            let sum = format_money(share.whole.principal, lang);
            let n = share.invoices;
            out.push(lang.pick(
                format!(
                    "De 14-dagenbrief ging over {n} facturen; de incassokosten gaan over de som van wat daarvan \
                     openstond toen de termijn afliep, {sum}:"
                ),
                format!(
                    "The 14-day letter covered {n} invoices; the collection costs are on the sum of what was unpaid \
                     on them when its term ran out, {sum}:"
                ),
            ));
            dutch_costs_lines(&share.whole, lang, &mut out);
            let part = format_money(share.share, lang);
            out.push(lang.pick(
                format!("Deel van deze factuur, naar verhouding van de hoofdsom: {part}"),
                format!("This invoice's part, in proportion to its principal: {part}"),
            ));
        }
        Some(CostsLine::BelgianFlat(amount)) => {
            let amount = format_money(*amount, lang);
            out.push(lang.pick(
                format!("Forfaitaire vergoeding voor late betaling: {amount}"),
                format!("Fixed compensation for late payment: {amount}"),
            ));
        }
        Some(CostsLine::BelgianDamages(damages)) => belgian_damages_lines(damages, lang, &mut out),
        None => {}
    }
    let total = format_money(claim.total, lang);
    out.push(lang.pick(format!("Totaal: {total}"), format!("Total: {total}")));
    if claim.paid_while_owed {
        out.push(
            lang.pick(
                "Betalingen zijn hier van de hoofdsom afgetrokken. De wet (art. 6:44 BW) laat je een betaling eerst \
                 op de kosten en dan op de rente boeken; dan blijft er meer te vorderen. Dit overzicht rekent met het \
                 lagere bedrag.",
                "Payments are taken off the principal here. The law (Article 6:44 of the Dutch Civil Code) lets \
                 you apply a payment to the costs first and then the interest, which leaves more to claim. This \
                 overview uses the lower figure.",
            )
            .to_owned(),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::domain::model::{Channel, CustomerId, Instalment, InvoiceId, MessageKind};
    use crate::domain::testing::{dec as amount, event_on as event, ymd as d};

    /// An invoice of `total` issued on 1 January 2026, due on Saturday 31 January 2026.
    fn invoice(total: &str) -> Invoice {
        Invoice {
            id: InvoiceId::from("i1"),
            number: "2026-001".into(),
            customer_id: CustomerId::from("c1"),
            issue_date: d(2026, 1, 1),
            due_date: d(2026, 1, 31),
            amount: amount(total),
            currency: "EUR".into(),
            description: String::new(),
        }
    }

    fn customer(kind: CustomerKind) -> Customer {
        let mut c = Customer::new(CustomerId::from("c1"), "Jansen");
        c.kind = kind;
        c
    }

    fn sent(date: NaiveDate, message: MessageKind, channel: Channel) -> Event {
        event(date, channel, crate::domain::testing::sent_message(message))
    }

    fn pay(date: NaiveDate, paid: &str) -> Event {
        let kind = EventKind::PaymentReceived {
            amount: amount(paid),
            note: String::new(),
        };
        event(date, Channel::Email, kind)
    }

    fn plan(agreed: NaiveDate, instalments: &[(NaiveDate, &str)]) -> Event {
        let instalments = instalments
            .iter()
            .map(|&(date, part)| Instalment {
                date,
                amount: amount(part),
            })
            .collect();
        event(agreed, Channel::Email, EventKind::PaymentPlanAgreed { instalments })
    }

    /// Everything claimed, and terms with a damages clause for Belgian consumers.
    fn settings(jurisdiction: Jurisdiction) -> Settings {
        Settings {
            jurisdiction,
            claim_interest: true,
            claim_collection_costs: true,
            consumer_damages_clause: true,
            ..Settings::default()
        }
    }

    fn nothing_off(_: &mut Settings) {}
    fn no_damages_clause(s: &mut Settings) {
        s.consumer_damages_clause = false;
    }
    fn all_off(s: &mut Settings) {
        s.claim_interest = false;
        s.claim_collection_costs = false;
    }
    fn interest_off(s: &mut Settings) {
        s.claim_interest = false;
    }
    fn costs_off(s: &mut Settings) {
        s.claim_collection_costs = false;
    }
    fn with_vat(s: &mut Settings) {
        s.vat_on_collection_costs = true;
    }
    fn no_rates(s: &mut Settings) {
        s.rates.nl_commercial.clear();
    }

    struct Case {
        label: &'static str,
        land: Jurisdiction,
        kind: CustomerKind,
        tweak: fn(&mut Settings),
        events: Vec<Event>,
        today: NaiveDate,
        principal: &'static str,
        interest: Option<&'static str>,
        costs: Option<&'static str>,
        total: &'static str,
        withheld: Vec<Withheld>,
    }

    /// The day the page names for a plan one instalment behind is the day the engine stops
    /// waiting: the day before, the plan still holds back the costs; on it, they are claimed.
    #[test]
    fn a_plan_behind_lapses_on_the_day_the_page_names() {
        let inv = invoice("1000.00");
        let business = customer(CustomerKind::Business);
        let settings = settings(Jurisdiction::Nl);
        let agreed = plan(d(2026, 2, 15), &[(d(2026, 3, 15), "500"), (d(2026, 4, 15), "500")]);
        let behind = claim(&inv, &business, &[&agreed], &[], &settings, d(2026, 3, 20));
        let lapses_on = d(2026, 4, 17);
        assert_eq!(
            behind.withheld,
            vec![Withheld::PlanRunning {
                interest_too: false,
                lapses_on: Some(lapses_on),
            }]
        );
        let text = behind.withheld[0].message(Lang::Nl);
        assert!(
            text.contains("Staat die termijn op 17-04-2026 nog open, dan vervalt de regeling"),
            "{text}"
        );
        let day_before = claim(&inv, &business, &[&agreed], &[], &settings, d(2026, 4, 16));
        assert!(day_before.costs.is_none(), "{day_before:?}");
        let that_day = claim(&inv, &business, &[&agreed], &[], &settings, lapses_on);
        assert!(that_day.costs.is_some() && that_day.withheld.is_empty(), "{that_day:?}");
        // The last instalment lapses a pay-by term (to a working day) and the grace after its
        // date: 15 April plus 7 days is Wednesday 22 April, plus 2 is 24 April.
        let first_paid = pay(d(2026, 3, 15), "500.00");
        let last_behind = claim(&inv, &business, &[&agreed, &first_paid], &[], &settings, d(2026, 4, 20));
        assert_eq!(
            last_behind.withheld,
            vec![Withheld::PlanRunning {
                interest_too: false,
                lapses_on: Some(d(2026, 4, 24)),
            }]
        );
        let lapsed = claim(&inv, &business, &[&agreed, &first_paid], &[], &settings, d(2026, 4, 24));
        assert!(lapsed.withheld.is_empty(), "{lapsed:?}");
    }

    /// After the hand-over the page keeps the claim of the hand-over day, as the notice named it:
    /// interest up to that day and the costs, not the bare principal.
    #[test]
    fn a_handed_over_invoice_keeps_the_claim_of_the_hand_over_day() {
        let inv = invoice("1000.00");
        let business = customer(CustomerKind::Business);
        let settings = settings(Jurisdiction::Nl);
        let on = d(2026, 2, 20);
        let handed = event(
            on,
            Channel::Email,
            EventKind::HandedOver {
                agency: "Incasso BV".into(),
            },
        );
        let later = claim(&inv, &business, &[&handed], &[], &settings, d(2026, 3, 2));
        let that_day = claim(&inv, &business, &[], &[], &settings, on);
        assert_eq!(later.total, that_day.total);
        assert_eq!(later.costs, that_day.costs);
        assert!(later.costs.is_some() && later.interest.is_some(), "{later:?}");
        assert_eq!(later.withheld.first(), Some(&Withheld::HandedOver { on }));
        assert!(
            later.total > amount("1150.00"),
            "interest up to the hand-over: {later:?}"
        );
        // The notice only announces the hand-over: the claim runs on, and a payment in
        // between counts, until the hand-over is recorded; then it stays what it was that day.
        let notice = sent(on, MessageKind::HandOverNotice, Channel::Email);
        let announced = claim(&inv, &business, &[&notice], &[], &settings, d(2026, 3, 2));
        assert!(
            announced.withheld.is_empty() && announced.total > later.total,
            "{announced:?}"
        );
        let part = event(
            d(2026, 2, 22),
            Channel::Email,
            EventKind::PaymentReceived {
                amount: amount("400.00"),
                note: String::new(),
            },
        );
        let recorded_on = d(2026, 2, 23);
        let recorded = event(
            recorded_on,
            Channel::Email,
            EventKind::HandedOver {
                agency: "Incasso BV".into(),
            },
        );
        let handed = claim(
            &inv,
            &business,
            &[&notice, &part, &recorded],
            &[],
            &settings,
            d(2026, 3, 2),
        );
        let that_day = claim(&inv, &business, &[&notice, &part], &[], &settings, recorded_on);
        assert_eq!(handed.principal, amount("600.00"));
        assert_eq!((handed.total, &handed.costs), (that_day.total, &that_day.costs));
        assert_eq!(handed.withheld.first(), Some(&Withheld::HandedOver { on: recorded_on }));
    }

    /// Payments above the invoice amount pay the interest and costs owed first; only the rest is
    /// an overpayment. A Dutch business invoice of 2,500, due 31 January, paid on 20 March:
    /// costs are 375 and 48 days of commercial interest at 10.15% are 33.37.
    #[test]
    fn paying_the_claimed_costs_is_not_an_overpayment() {
        let inv = invoice("2500.00");
        let business = customer(CustomerKind::Business);
        let settings = settings(Jurisdiction::Nl);
        let split = |payments: &[(NaiveDate, &str)]| {
            let events: Vec<Event> = payments.iter().map(|&(date, paid)| pay(date, paid)).collect();
            let refs: Vec<&Event> = events.iter().collect();
            above_principal(&inv, &business, &refs, &[], &settings)
        };
        let on = d(2026, 3, 20);
        let owed = claim(&inv, &business, &[], &[], &settings, on);
        assert_eq!(owed.total - amount("2500.00"), amount("408.37"), "{owed:?}");
        // Payments, then what went to interest and costs, and what is to be refunded.
        type Case<'a> = (&'a [(NaiveDate, &'a str)], &'a str, &'a str);
        let cases: [Case; 7] = [
            (&[(on, "2500.00")], "0", "0"),
            (&[(on, "2875.00")], "375.00", "0"),
            (&[(on, "3000.00")], "408.37", "91.63"),
            // After a part payment, what is paid above the 1,500 still open goes to the costs
            // and interest, which are more.
            (&[(d(2026, 2, 10), "1000.00"), (on, "1747.80")], "247.80", "0"),
            // The principal first and the costs and interest five days later: the measure is
            // the day the principal was paid off.
            (&[(on, "2500.00"), (d(2026, 3, 25), "408.37")], "408.37", "0"),
            (&[(on, "2500.00"), (d(2026, 3, 25), "500.00")], "408.37", "91.63"),
            (&[(d(2026, 1, 20), "2600.00")], "0", "100.00"),
        ];
        for (payments, covered, refund) in cases {
            assert_eq!(
                split(payments),
                AbovePrincipal {
                    interest_and_costs: amount(covered),
                    refund: amount(refund),
                },
                "{payments:?}"
            );
        }
    }

    #[test]
    fn claims_per_situation() {
        use CustomerKind::{Business, Consumer};
        use Jurisdiction::{Be, Nl};
        let base = |label, land, kind, events, today| Case {
            label,
            land,
            kind,
            tweak: nothing_off,
            events,
            today,
            principal: "1000",
            interest: None,
            costs: None,
            total: "1000",
            withheld: vec![],
        };
        let cases = vec![
            // 1,000 at 10.15% from 1 February through 2 March, 30 days on actual/365:
            // 1,000 x 0.1015 x 30 / 365 = 8.3424... = 8.34. Costs on the scale: 15% of 1,000 = 150.
            Case {
                interest: Some("8.34"),
                costs: Some("150.00"),
                total: "1158.34",
                ..base("NL business 30 days late", Nl, Business, vec![], d(2026, 3, 2))
            },
            Case {
                interest: Some("8.34"),
                costs: Some("181.50"),
                total: "1189.84",
                tweak: with_vat,
                ..base("NL business, VAT on costs", Nl, Business, vec![], d(2026, 3, 2))
            },
            Case {
                withheld: vec![Withheld::NotDue { due: d(2026, 1, 31) }],
                ..base("on the due date", Nl, Business, vec![], d(2026, 1, 31))
            },
            // Paid in full before the due date, then 200 of it reversed: interest on the 200 from
            // the day after, 200 x 0.1015 x 25 / 365 = 1.39, but no costs, because nothing was
            // open on the first day late.
            Case {
                principal: "200",
                interest: Some("1.39"),
                total: "201.39",
                withheld: vec![Withheld::NothingOpenWhenCostsFellDue],
                ..base(
                    "NL business, a payment reversed after the due date",
                    Nl,
                    Business,
                    vec![pay(d(2026, 1, 20), "1000"), pay(d(2026, 2, 5), "-200")],
                    d(2026, 3, 2),
                )
            },
            // The first day late: one day of interest, 1,000 x 0.1015 / 365 = 0.278 = 0.28.
            Case {
                interest: Some("0.28"),
                costs: Some("150.00"),
                total: "1150.28",
                ..base("NL business one day late", Nl, Business, vec![], d(2026, 2, 1))
            },
            Case {
                withheld: vec![Withheld::ConsumerLetterNotSent],
                ..base("NL consumer, no letter", Nl, Consumer, vec![], d(2026, 3, 2))
            },
            Case {
                withheld: vec![Withheld::ConsumerLetterNotSent],
                ..base(
                    "NL consumer, letter before the due date",
                    Nl,
                    Consumer,
                    vec![sent(d(2026, 1, 20), MessageKind::FourteenDayLetter, Channel::Letter)],
                    d(2026, 3, 2),
                )
            },
            // Posted Monday 2 March: delivered Wednesday 4 March, last day 18 March.
            Case {
                withheld: vec![Withheld::ConsumerTermRunning {
                    costs_from: d(2026, 3, 19),
                }],
                ..base(
                    "NL consumer during the term",
                    Nl,
                    Consumer,
                    vec![sent(d(2026, 3, 2), MessageKind::FourteenDayLetter, Channel::Letter)],
                    d(2026, 3, 18),
                )
            },
            // Consumer interest at 4% from 19 March through 31 March, 13 days:
            // 1,000 x 0.04 x 13 / 365 = 1.4246... = 1.42.
            Case {
                interest: Some("1.42"),
                costs: Some("150.00"),
                total: "1151.42",
                ..base(
                    "NL consumer after the term",
                    Nl,
                    Consumer,
                    vec![sent(d(2026, 3, 2), MessageKind::FourteenDayLetter, Channel::Letter)],
                    d(2026, 3, 31),
                )
            },
            // A dispute during the letter's term voids the letter: no costs after it either.
            Case {
                withheld: vec![Withheld::ConsumerLetterNotSent],
                ..base(
                    "NL consumer whose letter's term a dispute interrupted",
                    Nl,
                    Consumer,
                    vec![
                        sent(d(2026, 3, 2), MessageKind::FourteenDayLetter, Channel::Letter),
                        event(
                            d(2026, 3, 6),
                            Channel::Email,
                            EventKind::DisputeOpened { reason: "late".into() },
                        ),
                        event(
                            d(2026, 3, 20),
                            Channel::Email,
                            EventKind::DisputeResolved {
                                resolution: "agreed".into(),
                            },
                        ),
                    ],
                    d(2026, 3, 31),
                )
            },
            Case {
                withheld: vec![Withheld::PlanRunning {
                    interest_too: true,
                    lapses_on: None,
                }],
                ..base(
                    "NL consumer with a plan after the term",
                    Nl,
                    Consumer,
                    vec![
                        sent(d(2026, 3, 2), MessageKind::FourteenDayLetter, Channel::Letter),
                        plan(d(2026, 3, 25), &[(d(2026, 4, 15), "500"), (d(2026, 5, 15), "500")]),
                    ],
                    d(2026, 3, 31),
                )
            },
            // The first instalment is missed; the plan holds until the second one is missed too,
            // with the grace after a promise (two days): the engine's lapse day.
            Case {
                withheld: vec![Withheld::PlanRunning {
                    interest_too: true,
                    lapses_on: Some(d(2026, 5, 17)),
                }],
                ..base(
                    "NL consumer with a plan, one instalment behind",
                    Nl,
                    Consumer,
                    vec![
                        sent(d(2026, 3, 2), MessageKind::FourteenDayLetter, Channel::Letter),
                        plan(d(2026, 3, 25), &[(d(2026, 4, 15), "500"), (d(2026, 5, 15), "500")]),
                    ],
                    d(2026, 4, 20),
                )
            },
            Case {
                withheld: vec![Withheld::Disputed { since: d(2026, 2, 10) }],
                ..base(
                    "dispute",
                    Nl,
                    Business,
                    vec![event(
                        d(2026, 2, 10),
                        Channel::Email,
                        EventKind::DisputeOpened { reason: "late".into() },
                    )],
                    d(2026, 3, 2),
                )
            },
            // Once resolved, interest counts from the usual first day, over the dispute too, as
            // the dispute's reason says: 1,000 x 10.15% x 30 / 365.
            Case {
                interest: Some("8.34"),
                costs: Some("150.00"),
                total: "1158.34",
                ..base(
                    "dispute resolved",
                    Nl,
                    Business,
                    vec![
                        event(
                            d(2026, 2, 10),
                            Channel::Email,
                            EventKind::DisputeOpened { reason: "late".into() },
                        ),
                        event(
                            d(2026, 2, 12),
                            Channel::Email,
                            EventKind::DisputeResolved {
                                resolution: "agreed".into(),
                            },
                        ),
                    ],
                    d(2026, 3, 2),
                )
            },
            Case {
                interest: Some("8.34"),
                total: "1008.34",
                withheld: vec![Withheld::PlanRunning {
                    interest_too: false,
                    lapses_on: None,
                }],
                ..base(
                    "NL business with a running plan",
                    Nl,
                    Business,
                    vec![plan(
                        d(2026, 2, 15),
                        &[(d(2026, 3, 15), "500"), (d(2026, 4, 15), "500")],
                    )],
                    d(2026, 3, 2),
                )
            },
            // Both instalments passed unpaid, the second by more than the two days' grace.
            Case {
                interest: Some("8.34"),
                costs: Some("150.00"),
                total: "1158.34",
                ..base(
                    "NL business with a broken plan",
                    Nl,
                    Business,
                    vec![plan(d(2026, 2, 5), &[(d(2026, 2, 10), "500"), (d(2026, 2, 20), "500")])],
                    d(2026, 3, 2),
                )
            },
            Case {
                tweak: all_off,
                withheld: vec![Withheld::InterestOff, Withheld::CostsOff],
                ..base("settings off", Nl, Business, vec![], d(2026, 3, 2))
            },
            Case {
                tweak: interest_off,
                withheld: vec![Withheld::InterestOff, Withheld::ConsumerLetterNotSent],
                ..base(
                    "interest off, consumer without a letter",
                    Nl,
                    Consumer,
                    vec![],
                    d(2026, 3, 2),
                )
            },
            // 1,000 at 10.5% for 30 days: 1,000 x 0.105 x 30 / 365 = 8.630... = 8.63, plus EUR 40.
            Case {
                interest: Some("8.63"),
                costs: Some("40"),
                total: "1048.63",
                ..base("BE business", Be, Business, vec![], d(2026, 3, 2))
            },
            Case {
                withheld: vec![Withheld::NoBelgianConsumerRate, Withheld::BelgianFreeReminderNotSent],
                ..base(
                    "BE consumer before the free reminder",
                    Be,
                    Consumer,
                    vec![],
                    d(2026, 3, 2),
                )
            },
            // An email on Monday 2 March: the term runs from the working day after, 3 March, so
            // damages from 18 March.
            Case {
                withheld: vec![
                    Withheld::NoBelgianConsumerRate,
                    Withheld::BelgianTermRunning { from: d(2026, 3, 18) },
                ],
                ..base(
                    "BE consumer during the term",
                    Be,
                    Consumer,
                    vec![sent(d(2026, 3, 2), MessageKind::BelgianFirstReminder, Channel::Email)],
                    d(2026, 3, 17),
                )
            },
            // Damages on 1,000: 65 + 5% of 500 = 90.
            Case {
                costs: Some("90.00"),
                total: "1090.00",
                withheld: vec![Withheld::NoBelgianConsumerRate],
                ..base(
                    "BE consumer after the term",
                    Be,
                    Consumer,
                    vec![sent(d(2026, 3, 2), MessageKind::BelgianFirstReminder, Channel::Email)],
                    d(2026, 3, 18),
                )
            },
            // A free reminder that went out without naming damages (the clause was switched on
            // later) lets none follow it.
            Case {
                withheld: vec![Withheld::NoBelgianConsumerRate, Withheld::BelgianReminderNamedNoDamages],
                ..base(
                    "BE consumer after the term, the reminder named no damages",
                    Be,
                    Consumer,
                    vec![event(
                        d(2026, 3, 2),
                        Channel::Email,
                        EventKind::MessageSent {
                            message: MessageKind::BelgianFirstReminder,
                            to: String::new(),
                            subject: String::new(),
                            body: "Deze eerste herinnering is gratis: ik reken er geen kosten voor.".into(),
                        },
                    )],
                    d(2026, 3, 18),
                )
            },
            // Without a damages clause in the user's terms, the same invoice owes no damages.
            Case {
                tweak: no_damages_clause,
                withheld: vec![Withheld::NoBelgianConsumerRate, Withheld::NoDamagesClause],
                ..base(
                    "BE consumer after the term, no damages clause",
                    Be,
                    Consumer,
                    vec![sent(d(2026, 3, 2), MessageKind::BelgianFirstReminder, Channel::Email)],
                    d(2026, 3, 17),
                )
            },
            // The free reminder posted on 2 March has a longer term: damages from 20 March.
            Case {
                withheld: vec![
                    Withheld::NoBelgianConsumerRate,
                    Withheld::BelgianTermRunning { from: d(2026, 3, 20) },
                ],
                ..base(
                    "BE consumer, free reminder by post",
                    Be,
                    Consumer,
                    vec![sent(d(2026, 3, 2), MessageKind::BelgianFirstReminder, Channel::Letter)],
                    d(2026, 3, 19),
                )
            },
            // An ordinary reminder lacks the free reminder's content: no term runs, however long
            // ago it was sent.
            Case {
                withheld: vec![Withheld::NoBelgianConsumerRate, Withheld::BelgianFreeReminderNotSent],
                ..base(
                    "BE consumer, only an ordinary reminder",
                    Be,
                    Consumer,
                    vec![sent(d(2026, 3, 2), MessageKind::FirstReminder, Channel::Letter)],
                    d(2026, 6, 1),
                )
            },
            // 400 paid on 15 February: 400 x 0.1015 x 15 / 365 = 1.668... = 1.67; the other 600
            // through 2 March: 600 x 0.1015 x 30 / 365 = 5.005... = 5.01. Costs on 600: 90.
            Case {
                principal: "600",
                interest: Some("6.68"),
                costs: Some("150.00"),
                total: "756.68",
                ..base(
                    "partial payment after the due date, which leaves the costs on the 1,000 then owed",
                    Nl,
                    Business,
                    vec![pay(d(2026, 2, 15), "400")],
                    d(2026, 3, 2),
                )
            },
            Case {
                principal: "600",
                interest: Some("5.01"),
                costs: Some("90.00"),
                total: "695.01",
                ..base(
                    "partial payment before the due date",
                    Nl,
                    Business,
                    vec![pay(d(2026, 1, 20), "400")],
                    d(2026, 3, 2),
                )
            },
            // Paid in full on 15 February (4.17 for 15 days), refunded on 20 February: the 1,000
            // runs again from 21 February through 2 March, 10 days: 1,000 x 0.1015 x 10 / 365 = 2.78.
            Case {
                interest: Some("6.95"),
                costs: Some("150.00"),
                total: "1156.95",
                ..base(
                    "payment refunded",
                    Nl,
                    Business,
                    vec![pay(d(2026, 2, 15), "1000"), pay(d(2026, 2, 20), "-1000")],
                    d(2026, 3, 2),
                )
            },
            // Paid in full 15 days late: that day 4.17 interest (1,000 x 0.1015 x 15 / 365) and
            // 150 costs could be claimed too. The principal-first booking leaves nothing open, and
            // the page says what was there to ask for.
            Case {
                principal: "0",
                total: "0",
                withheld: vec![Withheld::PaidLate {
                    on: d(2026, 2, 15),
                    foregone: amount("154.17"),
                }],
                ..base(
                    "paid late",
                    Nl,
                    Business,
                    vec![pay(d(2026, 2, 15), "1000")],
                    d(2026, 3, 2),
                )
            },
            Case {
                principal: "0",
                total: "0",
                withheld: vec![Withheld::PaidLate {
                    on: d(2026, 2, 15),
                    foregone: amount("51.84"),
                }],
                // 1,000 for 1 February, 400 for 14 days to 15 February: 0.28 + 1.56 = 1.84
                // interest, the costs of the first day late on 1,000, less what the 500 paid above
                // the 400 open.
                ..base(
                    "paid late, part of the interest and costs too",
                    Nl,
                    Business,
                    vec![pay(d(2026, 2, 1), "600"), pay(d(2026, 2, 15), "500")],
                    d(2026, 3, 2),
                )
            },
            // The principal paid off late, then 100 of the 154.17 five days later: the rest
            // could have been claimed on the day the principal was paid off.
            Case {
                principal: "0",
                total: "0",
                withheld: vec![Withheld::PaidLate {
                    on: d(2026, 2, 15),
                    foregone: amount("54.17"),
                }],
                ..base(
                    "paid late, part of the interest and costs days later",
                    Nl,
                    Business,
                    vec![pay(d(2026, 2, 15), "1000"), pay(d(2026, 2, 20), "100")],
                    d(2026, 3, 2),
                )
            },
            Case {
                principal: "0",
                total: "0",
                withheld: vec![Withheld::NothingOutstanding],
                ..base(
                    "paid late, the interest and costs days later",
                    Nl,
                    Business,
                    vec![pay(d(2026, 2, 15), "1000"), pay(d(2026, 2, 20), "154.17")],
                    d(2026, 3, 2),
                )
            },
            Case {
                principal: "0",
                total: "0",
                withheld: vec![Withheld::NothingOutstanding],
                ..base(
                    "paid late with the interest and costs",
                    Nl,
                    Business,
                    vec![pay(d(2026, 2, 15), "1154.17")],
                    d(2026, 3, 2),
                )
            },
            Case {
                principal: "0",
                total: "0",
                withheld: vec![Withheld::NothingOutstanding],
                ..base(
                    "paid on time",
                    Nl,
                    Business,
                    vec![pay(d(2026, 1, 31), "1000")],
                    d(2026, 3, 2),
                )
            },
            // Without costs, 4.17 of interest is below the minimum worth chasing: not a word.
            Case {
                principal: "0",
                total: "0",
                tweak: costs_off,
                withheld: vec![Withheld::NothingOutstanding],
                ..base(
                    "paid late, only a little interest",
                    Nl,
                    Business,
                    vec![pay(d(2026, 2, 15), "1000")],
                    d(2026, 3, 2),
                )
            },
            // A consumer who pays before a 14-day letter ran out owed nothing more.
            Case {
                principal: "0",
                total: "0",
                withheld: vec![Withheld::NothingOutstanding],
                ..base(
                    "NL consumer paid late",
                    Nl,
                    Consumer,
                    vec![pay(d(2026, 2, 15), "1000")],
                    d(2026, 3, 2),
                )
            },
            Case {
                principal: "0",
                total: "0",
                withheld: vec![Withheld::NothingOutstanding],
                ..base(
                    "BE business paid late",
                    Be,
                    Business,
                    vec![pay(d(2026, 2, 15), "1000")],
                    d(2026, 3, 2),
                )
            },
            Case {
                withheld: vec![Withheld::Closed],
                ..base(
                    "written off",
                    Nl,
                    Business,
                    vec![event(
                        d(2026, 2, 20),
                        Channel::Email,
                        EventKind::WrittenOff { reason: "gone".into() },
                    )],
                    d(2026, 3, 2),
                )
            },
            Case {
                tweak: no_rates,
                interest: Some("0"),
                costs: Some("150.00"),
                total: "1150.00",
                ..base("no rate known", Nl, Business, vec![], d(2026, 3, 2))
            },
        ];
        for case in cases {
            let mut s = settings(case.land);
            (case.tweak)(&mut s);
            let events: Vec<&Event> = case.events.iter().collect();
            let result = claim(&invoice("1000"), &customer(case.kind), &events, &[], &s, case.today);
            let label = case.label;
            assert_eq!(result.principal, amount(case.principal), "{label}: principal");
            assert_eq!(
                result.interest.as_ref().map(|i| i.total),
                case.interest.map(amount),
                "{label}: interest"
            );
            assert_eq!(
                result.costs.as_ref().map(CostsLine::amount),
                case.costs.map(amount),
                "{label}: costs"
            );
            assert_eq!(result.total, amount(case.total), "{label}: total");
            assert_eq!(result.withheld, case.withheld, "{label}: withheld");
        }
    }

    /// The amounts beside an invoice are headed with what the law of the claim calls them: a
    /// Belgian business reads of a fixed compensation and Belgian interest, never of Dutch
    /// "incassokosten".
    #[test]
    fn costs_and_interest_are_named_as_their_law_names_them() {
        use CustomerKind::Business;
        use Jurisdiction::{Be, Nl};
        let cases = [
            (Nl, Business, Some("Wettelijke handelsrente"), Some("Incassokosten")),
            (Be, Business, Some("Verwijlinterest"), Some("Forfaitaire vergoeding")),
        ];
        for (land, kind, interest, costs) in cases {
            let result = claim(
                &invoice("1000"),
                &customer(kind),
                &[],
                &[],
                &settings(land),
                d(2026, 3, 2),
            );
            let label = format!("{land:?} {kind:?}");
            assert_eq!(
                result.interest.as_ref().map(|i| interest_name(i.kind, Lang::Nl)),
                interest,
                "{label}"
            );
            assert_eq!(result.costs.as_ref().map(|c| c.name(Lang::Nl)), costs, "{label}");
        }
    }

    #[test]
    fn interest_line_keeps_its_working() {
        let s = settings(Jurisdiction::Nl);
        let events = [pay(d(2026, 2, 15), "400")];
        let refs: Vec<&Event> = events.iter().collect();
        let result = claim(
            &invoice("1000"),
            &customer(CustomerKind::Business),
            &refs,
            &[],
            &s,
            d(2026, 3, 2),
        );
        let line = result.interest.expect("interest");
        assert_eq!(line.kind, InterestKind::NlCommercial);
        assert_eq!((line.from, line.through), (d(2026, 2, 1), d(2026, 3, 2)));
        assert!(!line.missing_rate);
        let tranches: Vec<(Decimal, NaiveDate, NaiveDate, Option<NaiveDate>, Decimal)> = line
            .tranches
            .iter()
            .map(|t| (t.amount, t.from, t.through, t.paid_on, t.interest.total))
            .collect();
        assert_eq!(
            tranches,
            vec![
                (
                    amount("400"),
                    d(2026, 2, 1),
                    d(2026, 2, 15),
                    Some(d(2026, 2, 15)),
                    amount("1.67")
                ),
                (amount("600"), d(2026, 2, 1), d(2026, 3, 2), None, amount("5.01")),
            ]
        );
        let periods: Vec<(NaiveDate, NaiveDate, i64, Decimal)> = line.tranches[1]
            .interest
            .periods
            .iter()
            .map(|p| (p.from, p.to, p.days, p.base))
            .collect();
        assert_eq!(periods, vec![(d(2026, 2, 1), d(2026, 3, 2), 30, amount("600"))]);
    }

    /// A year after the first day of interest, the year's interest on every part, also on the
    /// part paid during that year, is added to the amount interest runs on, and the working
    /// says so.
    #[test]
    fn interest_of_a_part_paid_in_the_first_year_is_capitalised() {
        let s = settings(Jurisdiction::Nl);
        let events = [pay(d(2026, 7, 1), "1000")];
        let refs: Vec<&Event> = events.iter().collect();
        let today = d(2027, 6, 30);
        let result = claim(
            &invoice("2000"),
            &customer(CustomerKind::Business),
            &refs,
            &[],
            &s,
            today,
        );
        let line = result.interest.expect("interest");
        let anniversary = d(2027, 2, 1);
        let first_year = |interest: &StatutoryInterest| {
            let before = interest.periods.iter().filter(|p| p.from < anniversary);
            before.fold(Decimal::ZERO, |sum, p| sum + p.interest)
        };
        let [paid, open] = [&line.tranches[0], &line.tranches[1]];
        assert_eq!(paid.paid_on, Some(d(2026, 7, 1)));
        let capitalised = first_year(&paid.interest) + first_year(&open.interest);
        assert!(first_year(&paid.interest) > Decimal::ZERO);
        assert_eq!(line.capitalisations, vec![(anniversary, capitalised)]);
        assert!(line
            .on_capitalised
            .periods
            .iter()
            .all(|p| p.base == capitalised && p.from >= anniversary));
        assert!(line.on_capitalised.total > Decimal::ZERO);
        assert_eq!(
            line.total,
            paid.interest.total + open.interest.total + line.on_capitalised.total
        );
        let working = breakdown(
            &Claim {
                interest: Some(line),
                ..result
            },
            Lang::Nl,
        )
        .join("\n");
        let added = format!(
            "Op 01-02-2027 is de rente van het jaar ervoor ({}) bij de hoofdsom geteld.\n01-02-2027",
            format_money(capitalised, Lang::Nl)
        );
        assert!(working.contains(&added), "{working}");
    }

    /// The breakdown of a claim under the test settings; VAT on costs is switched on for the
    /// EUR 100 invoice only, to show the VAT line.
    fn lines(
        kind: CustomerKind,
        land: Jurisdiction,
        total: &str,
        events: &[Event],
        today: NaiveDate,
        lang: Lang,
    ) -> Vec<String> {
        let mut s = settings(land);
        s.vat_on_collection_costs = total == "100";
        let refs: Vec<&Event> = events.iter().collect();
        breakdown(&claim(&invoice(total), &customer(kind), &refs, &[], &s, today), lang)
    }

    #[test]
    fn breakdown_shows_the_working() {
        use CustomerKind::{Business, Consumer};
        use Jurisdiction::{Be, Nl};
        let march = d(2026, 3, 2);
        let paid = [pay(d(2026, 2, 15), "400")];
        let reminded = [sent(d(2026, 3, 2), MessageKind::BelgianFirstReminder, Channel::Email)];
        // The 14-day letter posted on Monday 2 March: its term runs through 18 March.
        let paid_after_term = [
            sent(d(2026, 3, 2), MessageKind::FourteenDayLetter, Channel::Letter),
            pay(d(2026, 3, 25), "400"),
        ];
        // (customer, jurisdiction, invoice total, events, today, language, expected lines in order)
        type Case<'a> = (
            CustomerKind,
            Jurisdiction,
            &'a str,
            &'a [Event],
            NaiveDate,
            Lang,
            Vec<&'a str>,
        );
        let cases: Vec<Case> = vec![
            (
                Business,
                Nl,
                "1000",
                &[],
                march,
                Lang::Nl,
                vec![
                    "Hoofdsom: € 1.000,00",
                    "Wettelijke handelsrente over 01-02-2026 t/m 02-03-2026 (werkelijke dagen / 365):",
                    "01-02-2026 t/m 02-03-2026, 30 dagen à 10,15% over € 1.000,00 = € 8,34",
                    "Rente: € 8,34",
                    "15% over € 1.000,00 = € 150,00",
                    "Incassokosten: € 150,00",
                    "Totaal: € 1.158,34",
                ],
            ),
            (
                Business,
                Nl,
                "1000",
                &[],
                march,
                Lang::En,
                vec![
                    "Principal: €1,000.00",
                    "Statutory commercial interest over 1 Feb 2026 to 2 Mar 2026 (actual days / 365):",
                    "1 Feb 2026 to 2 Mar 2026, 30 days at 10.15% on €1,000.00 = €8.34",
                    "Interest: €8.34",
                    "15% of €1,000.00 = €150.00",
                    "Collection costs: €150.00",
                    "Total: €1,158.34",
                ],
            ),
            (
                Business,
                Nl,
                "1000",
                &paid,
                march,
                Lang::Nl,
                vec![
                    "Hoofdsom: € 600,00",
                    "Wettelijke handelsrente over 01-02-2026 t/m 02-03-2026 (werkelijke dagen / 365):",
                    "€ 400,00 betaald op 15-02-2026: rente over 01-02-2026 t/m 15-02-2026 = € 1,67",
                    "01-02-2026 t/m 02-03-2026, 30 dagen à 10,15% over € 600,00 = € 5,01",
                    "Rente: € 6,68",
                    "De incassokosten gaan over wat er openstond toen ze verschuldigd werden: € 1.000,00. Een \
                     latere betaling verlaagt ze niet:",
                    "15% over € 1.000,00 = € 150,00",
                    "Incassokosten: € 150,00",
                    "Totaal: € 756,68",
                    "Betalingen zijn hier van de hoofdsom afgetrokken. De wet (art. 6:44 BW) laat je een betaling eerst \
                     op de kosten en dan op de rente boeken; dan blijft er meer te vorderen. Dit overzicht rekent met \
                     het lagere bedrag.",
                ],
            ),
            // The floor and VAT: 15% of 100 is 15, raised to 40, plus 21% VAT.
            (
                Business,
                Nl,
                "100",
                &[],
                d(2026, 2, 1),
                Lang::En,
                vec![
                    "Principal: €100.00",
                    "Statutory commercial interest over 1 Feb 2026 to 1 Feb 2026 (actual days / 365):",
                    "1 Feb 2026 to 1 Feb 2026, 1 day at 10.15% on €100.00 = €0.03",
                    "Interest: €0.03",
                    "15% of €100.00 = €15.00",
                    "That is below the statutory minimum, so €40.00 applies.",
                    "VAT 21% on €40.00 = €8.40",
                    "Collection costs: €48.40",
                    "Total: €148.43",
                ],
            ),
            (
                Business,
                Be,
                "1000",
                &[],
                march,
                Lang::Nl,
                vec![
                    "Hoofdsom: € 1.000,00",
                    "Verwijlinterest over 01-02-2026 t/m 02-03-2026 (werkelijke dagen / 365):",
                    "01-02-2026 t/m 02-03-2026, 30 dagen à 10,5% over € 1.000,00 = € 8,63",
                    // The Belgian table's latest rate is of July 2025.
                    "Let op: voor het halfjaar vanaf 01-01-2026 staat nog geen percentage in de tabel, dus die dagen \
                     tellen tegen het laatste percentage dat er staat. Vul het gepubliceerde percentage aan in de \
                     instellingen.",
                    "Rente: € 8,63",
                    "Forfaitaire vergoeding voor late betaling: € 40,00",
                    "Totaal: € 1.048,63",
                ],
            ),
            (
                Consumer,
                Nl,
                "1000",
                &paid_after_term,
                d(2026, 3, 31),
                Lang::Nl,
                vec![
                    "Hoofdsom: € 600,00",
                    "Wettelijke rente over 19-03-2026 t/m 31-03-2026 (werkelijke dagen / 365):",
                    "€ 400,00 betaald op 25-03-2026: rente over 19-03-2026 t/m 25-03-2026 = € 0,31",
                    "19-03-2026 t/m 31-03-2026, 13 dagen à 4% over € 600,00 = € 0,85",
                    "Rente: € 1,16",
                    "De incassokosten gaan over wat er openstond toen ze verschuldigd werden: € 1.000,00. Een \
                     latere betaling verlaagt ze niet:",
                    "15% over € 1.000,00 = € 150,00",
                    "Incassokosten: € 150,00",
                    "Totaal: € 751,16",
                    "Betalingen zijn hier van de hoofdsom afgetrokken. De wet (art. 6:44 BW) laat je een betaling eerst \
                     op de kosten en dan op de rente boeken; dan blijft er meer te vorderen. Dit overzicht rekent met \
                     het lagere bedrag.",
                ],
            ),
            (
                Consumer,
                Be,
                "1000",
                &reminded,
                d(2026, 3, 18),
                Lang::En,
                vec![
                    "Principal: €1,000.00",
                    "€65.00 + 5% of the part above €500.00 (€25.00)",
                    "Damages: €90.00",
                    "Total: €1,090.00",
                ],
            ),
        ];
        for (kind, land, total, events, today, lang, expected) in cases {
            assert_eq!(
                lines(kind, land, total, events, today, lang),
                expected,
                "{kind:?} {land:?} {total} {lang:?}"
            );
        }
    }

    #[test]
    fn breakdown_warns_about_a_missing_rate() {
        let mut s = settings(Jurisdiction::Nl);
        s.rates.nl_commercial.clear();
        let result = claim(
            &invoice("1000"),
            &customer(CustomerKind::Business),
            &[],
            &[],
            &s,
            d(2026, 3, 2),
        );
        for lang in Lang::ALL {
            let text = breakdown(&result, lang).join("\n");
            assert!(text.contains("0%"), "{text}");
            assert!(
                text.contains(lang.pick("Vul het ontbrekende percentage aan", "Add the missing rate")),
                "{text}"
            );
        }
    }

    /// Interest running into a half year the table has no rate for is worked out at the latest
    /// rate, and the working says which half year's rate to add.
    #[test]
    fn breakdown_names_the_half_year_a_rate_is_missing_for() {
        let s = settings(Jurisdiction::Nl);
        let at = |today| claim(&invoice("1000"), &customer(CustomerKind::Business), &[], &[], &s, today);
        let up_to_date = at(d(2026, 3, 2));
        assert_eq!(
            up_to_date.interest.as_ref().and_then(|i| i.half_year_without_rate),
            None
        );
        let behind = at(d(2026, 7, 20));
        assert_eq!(
            behind.interest.as_ref().and_then(|i| i.half_year_without_rate),
            Some(d(2026, 7, 1))
        );
        let text = breakdown(&behind, Lang::Nl).join("\n");
        assert!(
            text.contains("voor het halfjaar vanaf 01-07-2026 staat nog geen percentage in de tabel"),
            "{text}"
        );
        assert!(!breakdown(&up_to_date, Lang::Nl).join("\n").contains("halfjaar"));
    }

    #[test]
    fn every_reason_has_a_message_in_both_languages() {
        let day = d(2026, 3, 19);
        let reasons = [
            Withheld::NothingOutstanding,
            Withheld::Closed,
            Withheld::HandedOver { on: day },
            Withheld::NotDue { due: day },
            Withheld::Disputed { since: day },
            Withheld::PlanRunning {
                interest_too: false,
                lapses_on: None,
            },
            Withheld::PlanRunning {
                interest_too: true,
                lapses_on: None,
            },
            Withheld::PlanRunning {
                interest_too: false,
                lapses_on: Some(day),
            },
            Withheld::PlanRunning {
                interest_too: true,
                lapses_on: Some(day),
            },
            Withheld::InterestOff,
            Withheld::CostsOff,
            Withheld::ConsumerLetterNotSent,
            Withheld::ConsumerTermRunning { costs_from: day },
            Withheld::BelgianFreeReminderNotSent,
            Withheld::BelgianTermRunning { from: day },
            Withheld::NoBelgianConsumerRate,
            Withheld::NothingOpenWhenCostsFellDue,
        ];
        for reason in reasons {
            let (nl, en) = (reason.message(Lang::Nl), reason.message(Lang::En));
            assert!(nl.ends_with('.') && en.ends_with('.'), "{reason:?}");
            assert_ne!(nl, en, "{reason:?}");
            let dated = matches!(
                reason,
                Withheld::NotDue { .. }
                    | Withheld::HandedOver { .. }
                    | Withheld::Disputed { .. }
                    | Withheld::ConsumerTermRunning { .. }
                    | Withheld::BelgianTermRunning { .. }
                    | Withheld::PlanRunning { lapses_on: Some(_), .. }
            );
            if dated {
                assert!(nl.contains("19-03-2026") && en.contains("19 Mar 2026"), "{reason:?}");
            }
        }
    }

    fn any_amount() -> impl Strategy<Value = Decimal> {
        prop_oneof![
            (-100_000_i64..100_000_000_i64).prop_map(|cents| Decimal::new(cents, 2)),
            Just(Decimal::MAX),
            Just(Decimal::ZERO),
        ]
    }

    fn any_date() -> impl Strategy<Value = NaiveDate> {
        (0u64..800).prop_map(|n| d(2025, 1, 1) + chrono::Days::new(n))
    }

    fn any_event() -> impl Strategy<Value = Event> {
        let channel = prop_oneof![Just(Channel::Email), Just(Channel::Letter)];
        let kind = prop_oneof![
            any_amount().prop_map(|amount| EventKind::PaymentReceived {
                amount,
                note: String::new()
            }),
            (-50_000_i64..50_000).prop_map(|cents| EventKind::PaymentReceived {
                amount: Decimal::new(cents, 2),
                note: String::new()
            }),
            prop_oneof![
                Just(MessageKind::FourteenDayLetter),
                Just(MessageKind::BelgianFirstReminder),
                Just(MessageKind::FirstReminder),
            ]
            .prop_map(|message| EventKind::MessageSent {
                message,
                to: String::new(),
                subject: String::new(),
                body: String::new()
            }),
            Just(EventKind::DisputeOpened { reason: String::new() }),
            Just(EventKind::DisputeResolved {
                resolution: String::new()
            }),
            proptest::collection::vec((any_date(), any_amount()), 0..4).prop_map(|parts| {
                EventKind::PaymentPlanAgreed {
                    instalments: parts
                        .into_iter()
                        .map(|(date, amount)| Instalment { date, amount })
                        .collect(),
                }
            }),
            Just(EventKind::WrittenOff { reason: String::new() }),
        ];
        (any_date(), channel, kind).prop_map(|(date, channel, kind)| event(date, channel, kind))
    }

    /// One invoice of a share case: id, amount, and a payment (day, amount) if any.
    type ShareCase = (&'static str, &'static str, Option<(&'static str, &'static str)>);

    /// A Dutch consumer's invoices after one 14-day letter about all of them, posted on Tuesday
    /// 3 February (term through 19 February), on 20 March: the costs each invoice page shows.
    fn consumer_shares(invoices: &[ShareCase]) -> Vec<Decimal> {
        let s = settings(Jurisdiction::Nl);
        let all: Vec<Invoice> = invoices
            .iter()
            .map(|&(id, total, _)| Invoice {
                id: InvoiceId::from(id),
                ..invoice(total)
            })
            .collect();
        let mut letter = sent(d(2026, 2, 3), MessageKind::FourteenDayLetter, Channel::Letter);
        letter.invoice_ids = all.iter().map(|i| i.id.clone()).collect();
        let mut events = vec![letter];
        for &(id, _, paid) in invoices {
            if let Some((day, paid)) = paid {
                let day = NaiveDate::parse_from_str(day, "%Y-%m-%d").expect("a test date");
                let mut payment = pay(day, paid);
                payment.invoice_ids = vec![InvoiceId::from(id)];
                events.push(payment);
            }
        }
        let refs: Vec<&Event> = events.iter().collect();
        all.iter()
            .map(|inv| {
                let result = claim(inv, &customer(CustomerKind::Consumer), &refs, &all, &s, d(2026, 3, 20));
                result.costs.as_ref().map_or(Decimal::ZERO, CostsLine::amount)
            })
            .collect()
    }

    #[test]
    fn the_working_says_when_a_payment_could_have_gone_to_costs_first() {
        let s = settings(Jurisdiction::Nl);
        let business = customer(CustomerKind::Business);
        // (label, payment day, the note expected)
        let cases = [
            ("paid before the due date: nothing was owed yet", d(2026, 1, 20), false),
            ("paid while interest and costs ran", d(2026, 2, 15), true),
        ];
        for (label, day, expected) in cases {
            let events = [pay(day, "400")];
            let refs: Vec<&Event> = events.iter().collect();
            let result = claim(&invoice("1000"), &business, &refs, &[], &s, d(2026, 3, 2));
            assert_eq!(result.paid_while_owed, expected, "{label}");
            for lang in Lang::ALL {
                let text = breakdown(&result, lang).join("\n");
                let law = lang.pick("art. 6:44 BW", "Article 6:44 of the Dutch Civil Code");
                assert_eq!(text.contains(law), expected, "{label} {lang:?}\n{text}");
            }
        }
    }

    #[test]
    fn a_consumers_costs_are_charged_once_on_the_sum_of_one_letter() {
        #[rustfmt::skip]
        let cases: &[(&str, &[ShareCase], &[&str])] = &[
            ("one invoice: its own costs", &[("a", "1000", None)], &["150.00"]),
            ("40 on 220, split by principal", &[("a", "100", None), ("b", "120", None)], &["18.18", "21.82"]),
            ("40 in three: the odd cent goes to one", &[("a", "50", None), ("b", "50", None), ("c", "50", None)], &["13.34", "13.33", "13.33"]),
            ("the scale on the sum, not per invoice", &[("a", "3000", None), ("b", "3000", None)], &["337.50", "337.50"]),
            ("a paid invoice drops out of the sum", &[("a", "100", None), ("b", "120", Some(("2026-02-10", "120")))], &["40.00", "0"]),
            ("a part payment lowers the sum", &[("a", "3000", Some(("2026-02-10", "1000"))), ("b", "3000", None)], &["250.00", "375.00"]),
            ("paid on the term's last day: no costs", &[("a", "1000", Some(("2026-02-19", "1000")))], &["0"]),
            ("paid in part after the term: costs as they were", &[("a", "1000", Some(("2026-02-20", "400")))], &["150.00"]),
            ("a sibling paid after the term keeps the sum", &[("a", "100", None), ("b", "120", Some(("2026-03-01", "120")))], &["18.18", "0"]),
        ];
        for (label, invoices, want) in cases {
            let want: Vec<Decimal> = want.iter().map(|w| amount(w)).collect();
            assert_eq!(consumer_shares(invoices), want, "{label}");
        }
    }

    #[test]
    fn an_invoice_whose_letter_a_dispute_interrupted_leaves_the_shared_sum() {
        let s = settings(Jurisdiction::Nl);
        let all: Vec<Invoice> = [("a", "100"), ("b", "120")]
            .iter()
            .map(|&(id, total)| Invoice {
                id: InvoiceId::from(id),
                ..invoice(total)
            })
            .collect();
        let mut letter = sent(d(2026, 2, 3), MessageKind::FourteenDayLetter, Channel::Letter);
        letter.invoice_ids = all.iter().map(|i| i.id.clone()).collect();
        let mut opened = event(
            d(2026, 2, 10),
            Channel::Email,
            EventKind::DisputeOpened { reason: "x".into() },
        );
        opened.invoice_ids = vec![InvoiceId::from("b")];
        let mut resolved = event(
            d(2026, 2, 15),
            Channel::Email,
            EventKind::DisputeResolved { resolution: "y".into() },
        );
        resolved.invoice_ids = vec![InvoiceId::from("b")];
        let events = [letter, opened, resolved];
        let refs: Vec<&Event> = events.iter().collect();
        let costs: Vec<Decimal> = all
            .iter()
            .map(|inv| {
                let result = claim(inv, &customer(CustomerKind::Consumer), &refs, &all, &s, d(2026, 3, 20));
                result.costs.as_ref().map_or(Decimal::ZERO, CostsLine::amount)
            })
            .collect();
        // A owes the minimum on its own principal; B owes nothing until a new letter.
        assert_eq!(costs, vec![amount("40.00"), Decimal::ZERO]);
    }

    #[test]
    fn a_shared_fee_explains_the_sum_and_the_part() {
        let s = settings(Jurisdiction::Nl);
        let a = Invoice {
            id: InvoiceId::from("a"),
            ..invoice("100")
        };
        let b = Invoice {
            id: InvoiceId::from("b"),
            ..invoice("120")
        };
        let mut letter = sent(d(2026, 2, 3), MessageKind::FourteenDayLetter, Channel::Letter);
        letter.invoice_ids = vec![a.id.clone(), b.id.clone()];
        let all = [a.clone(), b];
        let result = claim(
            &a,
            &customer(CustomerKind::Consumer),
            &[&letter],
            &all,
            &s,
            d(2026, 3, 20),
        );
        let text = breakdown(&result, Lang::Nl).join("\n");
        assert!(text.contains("over 2 facturen"), "{text}");
        assert!(text.contains("toen de termijn afliep, € 220,00"), "{text}");
        assert!(text.contains("Incassokosten: € 40,00"), "{text}");
        assert!(
            text.contains("Deel van deze factuur, naar verhouding van de hoofdsom: € 18,18"),
            "{text}"
        );
    }

    proptest! {
        #[test]
        fn proportional_parts_add_up_to_the_whole(
            total in 0i64..1_000_000,
            weights in proptest::collection::vec(0i64..10_000_000, 1..6),
        ) {
            let ids: Vec<InvoiceId> = (0..weights.len()).map(|n| InvoiceId::from(format!("i{n}").as_str())).collect();
            let parts: Vec<(&InvoiceId, Decimal)> = ids.iter().zip(&weights).map(|(id, w)| (id, Decimal::new(*w, 2))).collect();
            let total = Decimal::new(total, 2);
            let split = split_in_proportion(total, &parts);
            let sum = split.iter().fold(Decimal::ZERO, |sum, (_, part)| sum + *part);
            if weights.iter().any(|w| *w > 0) {
                prop_assert_eq!(sum, total);
            }
            prop_assert!(split.iter().all(|(_, part)| *part >= Decimal::ZERO && part.scale() <= 2));
        }

        #[test]
        fn total_adds_up_and_nothing_is_negative(
            total in any_amount(),
            events in proptest::collection::vec(any_event(), 0..8),
            be in any::<bool>(),
            consumer in any::<bool>(),
            interest in any::<bool>(),
            costs in any::<bool>(),
            vat in any::<bool>(),
            today in any_date(),
        ) {
            let mut s = settings(if be { Jurisdiction::Be } else { Jurisdiction::Nl });
            s.claim_interest = interest;
            s.claim_collection_costs = costs;
            s.vat_on_collection_costs = vat;
            let kind = if consumer { CustomerKind::Consumer } else { CustomerKind::Business };
            let mut inv = invoice("0");
            inv.amount = total;
            let refs: Vec<&Event> = events.iter().collect();
            let result = claim(&inv, &customer(kind), &refs, &[], &s, today);
            let interest_total = result.interest.as_ref().map_or(Decimal::ZERO, |i| i.total);
            let costs_total = result.costs.as_ref().map_or(Decimal::ZERO, CostsLine::amount);
            prop_assert!(result.principal >= Decimal::ZERO);
            prop_assert!(interest_total >= Decimal::ZERO);
            prop_assert!(costs_total >= Decimal::ZERO);
            prop_assert_eq!(result.total, result.principal.saturating_add(interest_total).saturating_add(costs_total));
            if let Some(line) = &result.interest {
                let periods = line.tranches.iter().map(|t| &t.interest).chain([&line.on_capitalised]);
                let sum = periods.flat_map(|i| &i.periods).fold(Decimal::ZERO, |sum, p| sum.saturating_add(p.interest));
                prop_assert_eq!(line.total, sum);
                prop_assert!(line.tranches.iter().all(|t| t.amount > Decimal::ZERO && t.from <= t.through));
            }
            // Every part left out has its reason, and a reason is only given for a part left out.
            prop_assert_eq!(result.withheld.is_empty(), result.interest.is_some() && result.costs.is_some());
            for lang in Lang::ALL {
                prop_assert!(!breakdown(&result, lang).is_empty());
            }
        }
    }
}
