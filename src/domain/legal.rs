//! Dutch and Belgian legal amounts: collection costs, statutory interest, consumer caps and
//! the 14-day letter's dates. Every amount comes with its working.
//!
//! This is not legal advice. The figures below come from the statutes named here, as gathered
//! in the project's legal notes; rates change twice a year, so rate tables are data the user can
//! correct, never constants hidden in code.
//! - Dutch collection costs: art. 6:96 BW and the Besluit vergoeding voor buitengerechtelijke
//!   incassokosten (the scale, the EUR 40 floor and the EUR 6,775 ceiling).
//! - The Dutch 14-day letter: art. 6:96 lid 6 BW, with the delivery assumption accepted since
//!   Hoge Raad 25-11-2016, and the holidays and term extension of the Algemene termijnenwet.
//! - Dutch statutory interest: art. 6:119 BW (consumers) and art. 6:119a BW (commercial).
//! - Belgian commercial interest: the law of 2 August 2002 on late payment.
//! - Belgian consumer caps and terms: Code of Economic Law, Book XIX.
//!
//! All amounts are rounded to cents, half away from zero. Where the law leaves a choice open,
//! the functions take the reading that never charges a debtor early or too much.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use crate::domain::calendar::{is_belgian_working_day, is_public_holiday, is_working_day, next_working_day};
use crate::domain::model::Jurisdiction;
use crate::domain::sorting;

/// A rate in percent per year, in force from `from` until the next entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RatePeriod {
    #[serde(deserialize_with = "crate::domain::dates::deserialize_iso")]
    pub from: NaiveDate,
    pub percent: Decimal,
}

impl RatePeriod {
    /// Whether `percent` can be a yearly statutory rate: 0 to 100. The limit keeps a mistyped
    /// rate from compounding into amounts no letter should name.
    pub fn is_plausible(percent: Decimal) -> bool {
        (Decimal::ZERO..=Decimal::ONE_HUNDRED).contains(&percent)
    }
}

/// Dated statutory interest rate tables; the user can add rows as new rates are published.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterestRates {
    pub nl_consumer: Vec<RatePeriod>,
    pub nl_commercial: Vec<RatePeriod>,
    pub be_commercial: Vec<RatePeriod>,
}

fn table(rows: &[(i32, u32, &str)]) -> Vec<RatePeriod> {
    rows.iter()
        .map(|&(y, m, pct)| RatePeriod {
            from: NaiveDate::from_ymd_opt(y, m, 1).expect("valid table date"),
            percent: pct.parse().expect("valid table rate"),
        })
        .collect()
}

impl Default for InterestRates {
    /// The published rates known when this table was written. Rows marked *check* in the
    /// legal notes are included as the best known value; the user can correct or extend them.
    fn default() -> Self {
        InterestRates {
            nl_consumer: table(&[
                (2023, 1, "4"),
                (2023, 7, "6"),
                (2024, 1, "7"),
                (2024, 7, "7"),
                (2025, 1, "6"),
                (2025, 7, "6"),
                (2026, 1, "4"),
            ]),
            nl_commercial: table(&[
                (2023, 1, "10.5"),
                (2023, 7, "12"),
                (2024, 1, "12.5"),
                (2024, 7, "12.25"),
                (2025, 1, "11.15"),
                (2025, 7, "10.15"),
                (2026, 1, "10.15"),
            ]),
            be_commercial: table(&[
                (2023, 1, "10.5"),
                (2023, 7, "12"),
                (2024, 1, "12.5"),
                (2024, 7, "12.5"),
                (2025, 1, "11.5"),
                (2025, 7, "10.5"),
            ]),
        }
    }
}

/// Which statutory interest applies to a claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum InterestKind {
    /// Dutch statutory interest for consumers (art. 6:119 BW).
    NlConsumer,
    /// Dutch commercial interest between businesses (art. 6:119a BW).
    NlCommercial,
    /// Belgian commercial interest (law of 2 August 2002).
    BeCommercial,
}

impl InterestKind {
    /// Whether unpaid interest is added to the principal on each anniversary of the default.
    /// Dutch law does so by itself (art. 6:119 lid 2 BW); Belgian law only by a court claim or
    /// an agreement (art. 1154 of the old Civil Code), so Belgian interest stays simple.
    pub fn compounds_yearly(self) -> bool {
        match self {
            InterestKind::NlConsumer | InterestKind::NlCommercial => true,
            InterestKind::BeCommercial => false,
        }
    }
}

impl InterestRates {
    /// The rate table for `kind`, in the order the user stored it (not necessarily sorted).
    pub fn table(&self, kind: InterestKind) -> &[RatePeriod] {
        match kind {
            InterestKind::NlConsumer => &self.nl_consumer,
            InterestKind::NlCommercial => &self.nl_commercial,
            InterestKind::BeCommercial => &self.be_commercial,
        }
    }

    /// Adds a published rate to the table for `kind`. A rate for a date already in the table
    /// replaces that row, so a correction never leaves two rows for one day; the table stays
    /// sorted by date, the way it is shown.
    pub fn set(&mut self, kind: InterestKind, rate: RatePeriod) {
        let table = self.table_mut(kind);
        table.retain(|row| row.from != rate.from);
        table.push(rate);
        sorting::sort_by_key(table, |row| row.from);
    }

    /// Takes the rate from `from` out of the table for `kind`, and returns it; a rate added by
    /// mistake (a wrong date, the wrong table) must not stay in the calculations. The last
    /// rate of a table stays: an empty table would compute no interest at all, without a word.
    pub fn remove(&mut self, kind: InterestKind, from: NaiveDate) -> Option<RatePeriod> {
        let table = self.table_mut(kind);
        if table.len() < 2 {
            return None;
        }
        let at = table.iter().position(|row| row.from == from)?;
        Some(table.remove(at))
    }

    /// Whether the table for `kind` has a rate to spare for [`InterestRates::remove`].
    pub fn can_remove(&self, kind: InterestKind) -> bool {
        self.table(kind).len() > 1
    }

    fn table_mut(&mut self, kind: InterestKind) -> &mut Vec<RatePeriod> {
        match kind {
            InterestKind::NlConsumer => &mut self.nl_consumer,
            InterestKind::NlCommercial => &mut self.nl_commercial,
            InterestKind::BeCommercial => &mut self.be_commercial,
        }
    }
}

/// The first day of the half year `day` falls in. Statutory rates are set per half year, from
/// 1 January and from 1 July.
pub fn half_year_start(day: NaiveDate) -> NaiveDate {
    let month = if day.month() < 7 { 1 } else { 7 };
    NaiveDate::from_ymd_opt(day.year(), month, 1).unwrap_or(day)
}

/// The first half year, by its first day, up to the one `today` is in, that `table` holds no
/// rate for: the one after the half year of its latest rate. Calculations then go on at that
/// rate, while a new one has most likely been published; naming the first one missing means a
/// user who adds it is not left with an older gap. `None` when the table is up to date, and
/// for an empty table, whose days count at zero and are flagged as missing instead.
pub fn half_year_without_rate(table: &[RatePeriod], today: NaiveDate) -> Option<NaiveDate> {
    let latest = table.iter().map(|rate| rate.from).max()?;
    let next = half_year_start(latest).checked_add_months(Months::new(6))?;
    (next <= half_year_start(today)).then_some(next)
}

/// Rounds to cents, half away from zero: the rounding people expect when they check a sum by hand.
fn cents(amount: Decimal) -> Decimal {
    amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// `percent` percent of `amount`, saturating instead of overflowing on absurdly large amounts.
fn percent_of(amount: Decimal, percent: Decimal) -> Decimal {
    amount
        .checked_mul(percent)
        .and_then(|x| x.checked_div(Decimal::ONE_HUNDRED))
        // Dividing first loses digits only beyond the 28th decimal place, far below a cent.
        .unwrap_or_else(|| (amount / Decimal::ONE_HUNDRED).saturating_mul(percent))
}

/// `date` plus `days`, or the last representable date when that would overflow.
fn plus_days(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_add_days(Days::new(days)).unwrap_or(NaiveDate::MAX)
}

// ----------------------------------------------------------------------------------------------
// Dutch collection costs

/// One band of the collection-cost scale and what it contributes for a given principal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CostBand {
    /// The part of the principal this band starts at.
    pub from: Decimal,
    /// Where the band ends; `None` for the open top band.
    pub to: Option<Decimal>,
    pub percent: Decimal,
    /// The part of the principal that falls inside this band.
    pub base: Decimal,
    /// `percent` of `base`, rounded to cents.
    pub amount: Decimal,
}

/// Dutch extrajudicial collection costs with their working.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CollectionCosts {
    pub principal: Decimal,
    /// Only the bands the principal reaches, lowest first.
    pub bands: Vec<CostBand>,
    /// The sum of the band amounts, before the floor and ceiling.
    pub scale_total: Decimal,
    /// The scale gave less than EUR 40, so EUR 40 is charged.
    pub floor_applied: bool,
    /// The scale gave more than EUR 6,775, so EUR 6,775 is charged.
    pub cap_applied: bool,
    /// VAT on the costs; zero unless explicitly added.
    pub vat: Decimal,
    /// The costs the debtor owes, VAT included.
    pub total: Decimal,
}

/// The lowest collection-cost amount (Besluit vergoeding voor buitengerechtelijke incassokosten).
pub fn collection_costs_floor() -> Decimal {
    Decimal::new(40, 0)
}

/// The highest collection-cost amount (Besluit vergoeding voor buitengerechtelijke incassokosten).
pub fn collection_costs_cap() -> Decimal {
    Decimal::new(6775, 0)
}

/// The Dutch VAT rate in percent, used only when the creditor may add VAT to its costs.
pub fn dutch_vat_percent() -> Decimal {
    Decimal::new(21, 0)
}

/// The scale as (from, to, percent) rows. Each full band has a whole-euro base, so only the
/// last band reached can produce fractions of a cent; rounding per band therefore gives the
/// same result as rounding the sum, and the displayed working always adds up.
fn collection_scale() -> [(Decimal, Option<Decimal>, Decimal); 5] {
    let euros = |n: i64| Decimal::new(n, 0);
    [
        (euros(0), Some(euros(2_500)), euros(15)),
        (euros(2_500), Some(euros(5_000)), euros(10)),
        (euros(5_000), Some(euros(10_000)), euros(5)),
        (euros(10_000), Some(euros(200_000)), euros(1)),
        (euros(200_000), None, Decimal::new(5, 1)),
    ]
}

/// Dutch collection costs (incassokosten) on the statutory scale for `principal`, the sum of
/// all unpaid invoice amounts including VAT and excluding interest. A principal of zero or less
/// means nothing is owed, so no costs either. `add_vat` adds 21% on top, which is only allowed
/// for a creditor that pays VAT on a collection service and cannot reclaim it.
pub fn dutch_collection_costs(principal: Decimal, add_vat: bool) -> CollectionCosts {
    let bands: Vec<CostBand> = collection_scale()
        .into_iter()
        .filter_map(|(from, to, percent)| {
            let above = principal.saturating_sub(from);
            if above <= Decimal::ZERO {
                return None;
            }
            let base = match to {
                Some(to) => above.min(to - from),
                None => above,
            };
            Some(CostBand {
                from,
                to,
                percent,
                base,
                amount: cents(percent_of(base, percent)),
            })
        })
        .collect();
    let scale_total = bands
        .iter()
        .fold(Decimal::ZERO, |sum, band| sum.saturating_add(band.amount));
    let owed = principal > Decimal::ZERO;
    let floor_applied = owed && scale_total < collection_costs_floor();
    let cap_applied = scale_total > collection_costs_cap();
    let costs = if owed {
        scale_total.clamp(collection_costs_floor(), collection_costs_cap())
    } else {
        Decimal::ZERO
    };
    let vat = if add_vat {
        cents(percent_of(costs, dutch_vat_percent()))
    } else {
        Decimal::ZERO
    };
    CollectionCosts {
        principal,
        bands,
        scale_total,
        floor_applied,
        cap_applied,
        vat,
        total: costs + vat,
    }
}

// ----------------------------------------------------------------------------------------------
// Belgian flat compensation and consumer damages

/// The Belgian flat compensation a late business owes per late invoice, on top of interest and
/// without any reminder (law of 2 August 2002, following the Late Payment Directive 2011/7/EU).
pub fn belgian_flat_fee() -> Decimal {
    Decimal::new(40, 0)
}

/// Which bracket of the Belgian consumer cap (Code of Economic Law, Book XIX) applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum BelgianBracket {
    /// Nothing is owed, so no damages either.
    NothingOwed,
    /// Up to EUR 150: a flat EUR 20.
    UpTo150,
    /// From EUR 150.01 to EUR 500: EUR 30 plus 10% of the part above 150.
    UpTo500,
    /// Above EUR 500: EUR 65 plus 5% of the part above 500, at most EUR 2,000.
    Above500,
}

/// The most a Belgian consumer can be charged as damages, with its working.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BelgianDamages {
    pub principal: Decimal,
    pub bracket: BelgianBracket,
    /// The flat part of the bracket.
    pub fixed: Decimal,
    /// The percentage part, rounded to cents.
    pub percent_part: Decimal,
    /// `fixed + percent_part` exceeded EUR 2,000, so the total is EUR 2,000.
    pub cap_applied: bool,
    pub total: Decimal,
}

/// The cap on the damages a Belgian consumer can owe for `principal` (Book XIX, Code of
/// Economic Law). The contract may stipulate less; this is the ceiling, not an entitlement.
pub fn belgian_consumer_damages_cap(principal: Decimal) -> BelgianDamages {
    let euros = |n: i64| Decimal::new(n, 0);
    let (bracket, fixed, percent_part) = if principal <= Decimal::ZERO {
        (BelgianBracket::NothingOwed, Decimal::ZERO, Decimal::ZERO)
    } else if principal <= euros(150) {
        (BelgianBracket::UpTo150, euros(20), Decimal::ZERO)
    } else if principal <= euros(500) {
        (
            BelgianBracket::UpTo500,
            euros(30),
            cents(percent_of(principal - euros(150), euros(10))),
        )
    } else {
        (
            BelgianBracket::Above500,
            euros(65),
            cents(percent_of(principal - euros(500), euros(5))),
        )
    };
    let uncapped = fixed.saturating_add(percent_part);
    let cap_applied = uncapped > euros(2_000);
    let total = uncapped.min(euros(2_000));
    BelgianDamages {
        principal,
        bracket,
        fixed,
        percent_part,
        cap_applied,
        total,
    }
}

// ----------------------------------------------------------------------------------------------
// The Dutch 14-day letter and the Belgian consumer term

/// The dates that follow from posting a Dutch 14-day letter.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FourteenDayLetterDates {
    pub sent: NaiveDate,
    /// The day the letter is assumed to arrive.
    pub assumed_delivery: NaiveDate,
    /// The first of the fourteen days: the day after delivery.
    pub term_first_day: NaiveDate,
    /// The last day the debtor can pay without costs.
    pub term_last_day: NaiveDate,
    /// The fourteenth day fell on a Saturday, Sunday or public holiday and the term was
    /// extended to the next working day (Algemene termijnenwet, art. 1).
    pub term_extended: bool,
    /// The first day collection costs may be charged.
    pub costs_from: NaiveDate,
}

/// Whether a day counts towards the assumed postal delivery: Sundays, Mondays and public
/// holidays do not, because little or no post is delivered then.
fn counts_for_delivery(date: NaiveDate) -> bool {
    !matches!(date.weekday(), Weekday::Sun | Weekday::Mon) && !is_public_holiday(date)
}

/// The dates of a Dutch 14-day letter posted on `sent`.
///
/// Delivery is assumed on the second counting day after `sent`, where Sundays, Mondays and
/// public holidays do not count (the assumption courts accept since Hoge Raad 25-11-2016). The
/// fourteen days start the day after delivery. When the fourteenth day is a Saturday, Sunday or
/// public holiday, the term is extended to the next working day: whether art. 1 of the
/// Algemene termijnenwet applies to this term is not settled, and extending it can only make
/// the creditor wait a little longer, never charge too early.
pub fn fourteen_day_letter(sent: NaiveDate) -> FourteenDayLetterDates {
    let mut delivery = sent;
    let mut counted = 0;
    while counted < 2 {
        match delivery.succ_opt() {
            Some(next) => delivery = next,
            None => break,
        }
        if counts_for_delivery(delivery) {
            counted += 1;
        }
    }
    let nominal_last_day = plus_days(delivery, 14);
    let term_extended = !is_working_day(nominal_last_day) && nominal_last_day < NaiveDate::MAX;
    let term_last_day = if term_extended {
        next_working_day(nominal_last_day, Jurisdiction::Nl)
    } else {
        nominal_last_day
    };
    FourteenDayLetterDates {
        sent,
        assumed_delivery: delivery,
        term_first_day: plus_days(delivery, 1),
        term_last_day,
        term_extended,
        costs_from: plus_days(term_last_day, 1),
    }
}

/// The first day a Belgian consumer can be charged damages or interest after the free first
/// reminder (Code of Economic Law, Book XIX): the consumer gets 14 calendar days, counted from
/// the third working day after a paper reminder was posted, or from the working day after an
/// email was sent.
///
/// Three readings are deliberately cautious, each only ever moving the date later:
/// - Working days are Monday to Friday excluding the ten Belgian legal public holidays.
/// - The third working day (for paper) and the first working day after sending (for email)
///   are treated as the event the term runs from, so the fourteen days start the day after
///   it. This may give the consumer one day more than needed.
/// - A fourteenth day on a Saturday, Sunday or Belgian holiday moves to the next working day.
pub fn belgian_consumer_costs_from(reminder_sent: NaiveDate, by_letter: bool) -> NaiveDate {
    let working_days = if by_letter { 3 } else { 1 };
    let mut event = reminder_sent;
    let mut counted = 0;
    while counted < working_days {
        match event.succ_opt() {
            Some(next) => event = next,
            None => break,
        }
        if is_belgian_working_day(event) {
            counted += 1;
        }
    }
    let mut last_day = plus_days(event, 14);
    while !is_belgian_working_day(last_day) {
        match last_day.succ_opt() {
            Some(next) => last_day = next,
            None => break,
        }
    }
    plus_days(last_day, 1)
}

// ----------------------------------------------------------------------------------------------
// Statutory interest

/// One stretch of interest at one rate on one base.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterestPeriod {
    pub from: NaiveDate,
    /// The last day of the stretch, inclusive.
    pub to: NaiveDate,
    /// Days from `from` through `to`, both included.
    pub days: i64,
    /// The yearly rate in percent; zero when no rate was known (see `missing_rate`).
    pub percent: Decimal,
    /// The amount interest ran on.
    pub base: Decimal,
    /// Rounded to cents.
    pub interest: Decimal,
}

/// Simple interest on one amount over its stretches, with its working.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatutoryInterest {
    pub periods: Vec<InterestPeriod>,
    pub total: Decimal,
    /// Some days fell before the first rate in the table and were charged at zero; the user
    /// should add the missing rate rather than let the app guess one.
    pub missing_rate: bool,
}

impl StatutoryInterest {
    /// Adds the interest on `base` over `stretch` as a period, and returns it.
    fn accrue(&mut self, base: Decimal, stretch: &Stretch) -> Decimal {
        self.missing_rate |= stretch.percent.is_none();
        let percent = stretch.percent.unwrap_or(Decimal::ZERO);
        let interest = cents(interest_for(base, percent, stretch.days));
        self.total = self.total.saturating_add(interest);
        self.periods.push(InterestPeriod {
            from: stretch.from,
            to: stretch.to,
            days: stretch.days,
            percent,
            base,
            interest,
        });
        interest
    }
}

/// Adds `interest` to the total of `year` (counted from 0).
fn add_to_year(by_year: &mut Vec<Decimal>, year: usize, interest: Decimal) {
    if by_year.len() <= year {
        by_year.resize(year + 1, Decimal::ZERO);
    }
    if let Some(sum) = by_year.get_mut(year) {
        *sum = sum.saturating_add(interest);
    }
}

/// A part of a debt that accrues interest from `from` through `through`, both included: the
/// part still owed (through today) or a part paid later (through its payment day).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DebtPart {
    pub amount: Decimal,
    pub from: NaiveDate,
    pub through: NaiveDate,
}

/// Statutory interest on a debt in parts, with its working.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DebtInterest {
    /// The simple interest of each part, one entry per part in the order given (empty for a
    /// part that accrues nothing), so the caller can pair them up.
    pub parts: Vec<StatutoryInterest>,
    /// Each anniversary of the default with the interest of the year before it, which was
    /// then added to the amount interest runs on.
    pub capitalisations: Vec<(NaiveDate, Decimal)>,
    /// The interest on the capitalised interest: its base is all interest capitalised so far.
    pub on_capitalised: StatutoryInterest,
    pub total: Decimal,
    /// Some days fell before the first rate in the table and count at zero.
    pub missing_rate: bool,
}

/// The first day of Dutch commercial interest: the day after the agreed due date.
pub fn commercial_interest_start(due_date: NaiveDate) -> NaiveDate {
    due_date.succ_opt().unwrap_or(due_date)
}

/// Interest on `base` at `percent` a year for `days` days, on an actual/365 basis.
fn interest_for(base: Decimal, percent: Decimal, days: i64) -> Decimal {
    let days = Decimal::from(days);
    let days_per_year_in_percent = Decimal::new(36_500, 0);
    base.checked_mul(percent)
        .and_then(|x| x.checked_mul(days))
        .and_then(|x| x.checked_div(days_per_year_in_percent))
        .unwrap_or_else(|| {
            (base / days_per_year_in_percent)
                .saturating_mul(percent)
                .saturating_mul(days)
        })
}

/// The `year`th anniversary of `start`; the anniversary of 29 February falls on 28 February in
/// common years.
fn anniversary(start: NaiveDate, year: usize) -> Option<NaiveDate> {
    let months = u32::try_from(year).ok()?.checked_mul(12)?;
    start.checked_add_months(Months::new(months))
}

/// A stretch of days within one rate and one year of default.
struct Stretch {
    from: NaiveDate,
    to: NaiveDate,
    days: i64,
    /// `None` for days before the first rate in the table.
    percent: Option<Decimal>,
    /// The year of default the stretch lies in, counted from 0.
    year: usize,
}

/// Walks `from..=through` in stretches that each lie within one rate of `sorted` (ascending by
/// start) and one year of default counted from `start`, calling `each` on every stretch in order.
fn stretches(
    from: NaiveDate,
    through: NaiveDate,
    start: NaiveDate,
    sorted: &[RatePeriod],
    mut each: impl FnMut(Stretch),
) {
    if through < from {
        return;
    }
    // The year `from` lies in: the number of anniversaries on or before it.
    let mut year = 0;
    while anniversary(start, year + 1).is_some_and(|day| day <= from) {
        year += 1;
    }
    let mut from = from;
    loop {
        let next_year = anniversary(start, year + 1);
        let known = sorted.partition_point(|rate| rate.from <= from);
        let current = known.checked_sub(1).and_then(|i| sorted.get(i));
        let next_change = sorted.get(known).map(|rate| rate.from);
        // Both limits lie strictly after `from`, so the stretch is never empty.
        let to = [next_change, next_year]
            .into_iter()
            .flatten()
            .filter_map(|limit| limit.pred_opt())
            .fold(through, NaiveDate::min);
        each(Stretch {
            from,
            to,
            days: (to - from).num_days() + 1,
            percent: current.map(|rate| rate.percent),
            year,
        });
        let Some(next) = to.succ_opt().filter(|_| to < through) else {
            break;
        };
        if Some(next) == next_year {
            year += 1;
        }
        from = next;
    }
}

/// Statutory interest on a debt in `parts`, whose default began on `start`, through `through`.
///
/// Day count: the statute does not fix one, so this uses the common practice of actual days
/// over 365 (actual/365): each period's interest is base x rate x days / 365, also in leap
/// years. Interest is simple within each year of default. With `compound_yearly` (Dutch
/// interest, [`InterestKind::compounds_yearly`]), on each anniversary of `start` the interest
/// of the year before, on every part (also on parts paid during that year), is added to the
/// amount interest runs on (art. 6:119 lid 2 BW); payments are taken off the parts, not off
/// that interest, so the capitalised interest keeps running through `through`. Periods are
/// split at every change in `rates` and at each anniversary.
///
/// `rates` may be in any order; of two rows with the same start date the later one wins, so a
/// correction added by the user overrides the shipped row. Days before the first known rate
/// are charged at zero and flagged with `missing_rate`. A part of zero or less, or one whose
/// `through` is before its `from`, accrues nothing and has no periods.
pub fn statutory_interest(
    start: NaiveDate,
    parts: &[DebtPart],
    through: NaiveDate,
    rates: &[RatePeriod],
    compound_yearly: bool,
) -> DebtInterest {
    let mut sorted = rates.to_vec();
    // A stable sort keeps same-day rows in input order, so the last one is found below.
    sorting::sort_by_key(&mut sorted, |rate| rate.from);
    let mut result = DebtInterest::default();
    // The interest of each year of default, on all parts together.
    let mut by_year: Vec<Decimal> = Vec::new();
    for part in parts {
        let mut interest = StatutoryInterest::default();
        if part.amount > Decimal::ZERO {
            stretches(part.from, part.through, start, &sorted, |stretch| {
                let amount = interest.accrue(part.amount, &stretch);
                add_to_year(&mut by_year, stretch.year, amount);
            });
        }
        result.missing_rate |= interest.missing_rate;
        result.parts.push(interest);
    }
    // The capitalised interest runs from the first anniversary; its base grows on each one by
    // the interest of the year before, including the interest on itself.
    let first_anniversary = anniversary(start, 1).filter(|day| compound_yearly && *day <= through);
    if let Some(first) = first_anniversary {
        let mut base = Decimal::ZERO;
        let mut capitalised_years = 0;
        let on = &mut result.on_capitalised;
        let capitalisations = &mut result.capitalisations;
        stretches(first, through, start, &sorted, |stretch| {
            while capitalised_years < stretch.year {
                let added = by_year.get(capitalised_years).copied().unwrap_or(Decimal::ZERO);
                capitalised_years += 1;
                if let Some(day) = anniversary(start, capitalised_years).filter(|_| added > Decimal::ZERO) {
                    base = base.saturating_add(added);
                    capitalisations.push((day, added));
                }
            }
            if base > Decimal::ZERO {
                let amount = on.accrue(base, &stretch);
                add_to_year(&mut by_year, stretch.year, amount);
            }
        });
        result.missing_rate |= result.on_capitalised.missing_rate;
    }
    // Summed period by period in reading order, so the total is the sum the working shows.
    result.total = result
        .parts
        .iter()
        .chain([&result.on_capitalised])
        .flat_map(|interest| &interest.periods)
        .fold(Decimal::ZERO, |sum, period| sum.saturating_add(period.interest));
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::{dec as amount, ymd as d};
    use proptest::prelude::*;

    /// Interest on one amount owed from `start` through `through`.
    fn on_one(principal: Decimal, start: NaiveDate, through: NaiveDate, rates: &[RatePeriod]) -> DebtInterest {
        let part = DebtPart {
            amount: principal,
            from: start,
            through,
        };
        statutory_interest(start, &[part], through, rates, true)
    }

    /// Every period of the working: the parts' and then the capitalised interest's.
    fn all_periods(result: &DebtInterest) -> Vec<InterestPeriod> {
        result
            .parts
            .iter()
            .chain([&result.on_capitalised])
            .flat_map(|interest| interest.periods.iter().cloned())
            .collect()
    }

    fn flat_rate(percent: &str) -> Vec<RatePeriod> {
        vec![RatePeriod {
            from: d(2000, 1, 1),
            percent: amount(percent),
        }]
    }

    /// A table is behind from the first day of a half year it has no rate for: the published
    /// rate for that half year has to be added.
    #[test]
    fn a_table_without_a_rate_for_this_half_year_says_which_half_year() {
        let rates = InterestRates::default();
        #[rustfmt::skip]
        let cases = [
            ("up to date on the last day of the half year", InterestKind::NlCommercial, d(2026, 6, 30), None),
            ("behind from 1 July", InterestKind::NlCommercial, d(2026, 7, 1), Some(d(2026, 7, 1))),
            ("behind late in the year", InterestKind::NlConsumer, d(2026, 11, 23), Some(d(2026, 7, 1))),
            // Two half years are missing: the first is named, or adding only the newest rate
            // would leave the one before it on the old rate without a word.
            ("a year behind names the first half year missing", InterestKind::BeCommercial, d(2026, 11, 23), Some(d(2026, 1, 1))),
            ("behind from 1 January", InterestKind::BeCommercial, d(2026, 1, 1), Some(d(2026, 1, 1))),
            ("a past day is judged by its own half year", InterestKind::BeCommercial, d(2025, 12, 31), None),
        ];
        for (label, kind, today, expected) in cases {
            assert_eq!(half_year_without_rate(rates.table(kind), today), expected, "{label}");
        }
        assert_eq!(half_year_without_rate(&[], d(2026, 11, 23)), None, "an empty table");
        // A rate entered for a day within the half year covers it.
        let mid_year = [RatePeriod {
            from: d(2026, 8, 15),
            percent: amount("9"),
        }];
        assert_eq!(half_year_without_rate(&mid_year, d(2026, 11, 23)), None);
    }

    #[test]
    fn a_set_rate_is_added_in_date_order_and_a_same_day_rate_replaces_the_row() {
        let mut rates = InterestRates::default();
        let before = rates.nl_commercial.len();
        rates.set(
            InterestKind::NlCommercial,
            RatePeriod {
                from: d(2027, 1, 1),
                percent: amount("9.5"),
            },
        );
        rates.set(
            InterestKind::NlCommercial,
            RatePeriod {
                from: d(2023, 1, 1),
                percent: amount("11"),
            },
        );
        let table = rates.table(InterestKind::NlCommercial);
        assert_eq!(table.len(), before + 1);
        assert!(table.is_sorted_by_key(|r| r.from));
        assert_eq!(table.last().unwrap().percent, amount("9.5"));
        assert_eq!(
            table.first().unwrap(),
            &RatePeriod {
                from: d(2023, 1, 1),
                percent: amount("11")
            }
        );
        // The other tables are untouched.
        assert_eq!(rates.nl_consumer, InterestRates::default().nl_consumer);
    }

    #[test]
    fn a_mistaken_rate_is_removed_but_a_table_keeps_its_last_rate() {
        let mut rates = InterestRates::default();
        let mistake = RatePeriod {
            from: d(2207, 1, 1),
            percent: amount("96.5"),
        };
        rates.set(InterestKind::NlConsumer, mistake.clone());
        assert_eq!(
            rates.remove(InterestKind::NlCommercial, mistake.from),
            None,
            "another table"
        );
        assert_eq!(rates.remove(InterestKind::NlConsumer, mistake.from), Some(mistake));
        assert_eq!(rates, InterestRates::default());

        let mut rates = InterestRates::default();
        rates.be_commercial.truncate(2);
        let first = rates.be_commercial[0].from;
        assert!(rates.remove(InterestKind::BeCommercial, first).is_some());
        assert!(!rates.can_remove(InterestKind::BeCommercial));
        let last = rates.be_commercial[0].from;
        assert_eq!(rates.remove(InterestKind::BeCommercial, last), None, "the last rate");
        assert_eq!(rates.be_commercial.len(), 1);
    }

    #[test]
    fn collection_costs_table() {
        // (principal, add VAT, scale total, floor applied, cap applied, VAT, total)
        let cases = [
            ("1000.00", false, "150.00", false, false, "0", "150.00"),
            ("6000.00", false, "675.00", false, false, "0", "675.00"),
            ("100", false, "15.00", true, false, "0", "40"),
            ("0.01", false, "0.00", true, false, "0", "40"),
            ("266.00", false, "39.90", true, false, "0", "40"),
            ("266.66", false, "40.00", false, false, "0", "40.00"),
            ("1234.57", false, "185.19", false, false, "0", "185.19"),
            ("2500", false, "375.00", false, false, "0", "375.00"),
            ("2500.01", false, "375.00", false, false, "0", "375.00"),
            ("10000", false, "875.00", false, false, "0", "875.00"),
            ("200000", false, "2775.00", false, false, "0", "2775.00"),
            ("1000000", false, "6775.00", false, false, "0", "6775.00"),
            ("2000000", false, "11775.00", false, true, "0", "6775"),
            ("0", false, "0", false, false, "0", "0"),
            ("-500", false, "0", false, false, "0", "0"),
            ("1000.00", true, "150.00", false, false, "31.50", "181.50"),
            ("100", true, "15.00", true, false, "8.40", "48.40"),
            ("2000000", true, "11775.00", false, true, "1422.75", "8197.75"),
            ("0", true, "0", false, false, "0", "0"),
        ];
        for (principal, vat, scale, floor, cap, vat_amount, total) in cases {
            let costs = dutch_collection_costs(amount(principal), vat);
            let label = format!("{principal} vat={vat}");
            assert_eq!(costs.scale_total, amount(scale), "{label}");
            assert_eq!(costs.floor_applied, floor, "{label}");
            assert_eq!(costs.cap_applied, cap, "{label}");
            assert_eq!(costs.vat, amount(vat_amount), "{label}");
            assert_eq!(costs.total, amount(total), "{label}");
        }
    }

    #[test]
    fn collection_cost_bands_show_the_working() {
        let costs = dutch_collection_costs(amount("6000.00"), false);
        let working: Vec<(Decimal, Option<Decimal>, Decimal, Decimal, Decimal)> = costs
            .bands
            .iter()
            .map(|b| (b.from, b.to, b.percent, b.base, b.amount))
            .collect();
        let expected = vec![
            (
                amount("0"),
                Some(amount("2500")),
                amount("15"),
                amount("2500"),
                amount("375.00"),
            ),
            (
                amount("2500"),
                Some(amount("5000")),
                amount("10"),
                amount("2500"),
                amount("250.00"),
            ),
            (
                amount("5000"),
                Some(amount("10000")),
                amount("5"),
                amount("1000.00"),
                amount("50.00"),
            ),
        ];
        assert_eq!(working, expected);
        let top = dutch_collection_costs(amount("300000"), false);
        assert_eq!(top.bands.len(), 5);
        assert_eq!(
            top.bands.last().map(|b| (b.to, b.base, b.amount)),
            Some((None, amount("100000"), amount("500.00")))
        );
    }

    #[test]
    fn belgian_damages_table() {
        // (principal, bracket, fixed, percent part, cap applied, total)
        let cases = [
            ("-1", BelgianBracket::NothingOwed, "0", "0", false, "0"),
            ("0", BelgianBracket::NothingOwed, "0", "0", false, "0"),
            ("0.01", BelgianBracket::UpTo150, "20", "0", false, "20"),
            ("150", BelgianBracket::UpTo150, "20", "0", false, "20"),
            ("150.00", BelgianBracket::UpTo150, "20", "0", false, "20"),
            ("150.01", BelgianBracket::UpTo500, "30", "0.00", false, "30.00"),
            ("150.05", BelgianBracket::UpTo500, "30", "0.01", false, "30.01"),
            ("300", BelgianBracket::UpTo500, "30", "15.00", false, "45.00"),
            ("500", BelgianBracket::UpTo500, "30", "35.00", false, "65.00"),
            ("500.01", BelgianBracket::Above500, "65", "0.00", false, "65.00"),
            ("1000", BelgianBracket::Above500, "65", "25.00", false, "90.00"),
            ("39200", BelgianBracket::Above500, "65", "1935.00", false, "2000.00"),
            ("39200.20", BelgianBracket::Above500, "65", "1935.01", true, "2000"),
            (
                "1000000000",
                BelgianBracket::Above500,
                "65",
                "49999975.00",
                true,
                "2000",
            ),
        ];
        for (principal, bracket, fixed, percent_part, cap, total) in cases {
            let damages = belgian_consumer_damages_cap(amount(principal));
            assert_eq!(damages.bracket, bracket, "{principal}");
            assert_eq!(damages.fixed, amount(fixed), "{principal}");
            assert_eq!(damages.percent_part, amount(percent_part), "{principal}");
            assert_eq!(damages.cap_applied, cap, "{principal}");
            assert_eq!(damages.total, amount(total), "{principal}");
        }
    }

    #[test]
    fn fourteen_day_letter_dates() {
        // (sent, assumed delivery, last day of the term, extended, first day costs may be charged)
        let cases = [
            (d(2026, 3, 6), d(2026, 3, 10), d(2026, 3, 24), false, d(2026, 3, 25)), // Friday: Sat counts, Sun+Mon skip
            (d(2026, 3, 7), d(2026, 3, 11), d(2026, 3, 25), false, d(2026, 3, 26)), // Saturday
            (d(2026, 3, 8), d(2026, 3, 11), d(2026, 3, 25), false, d(2026, 3, 26)), // Sunday
            (d(2026, 3, 2), d(2026, 3, 4), d(2026, 3, 18), false, d(2026, 3, 19)),  // Monday
            (d(2026, 3, 5), d(2026, 3, 7), d(2026, 3, 23), true, d(2026, 3, 24)),   // Thursday: Saturday delivery
            (d(2026, 4, 2), d(2026, 4, 7), d(2026, 4, 21), false, d(2026, 4, 22)),  // before Good Friday and Easter
            (d(2026, 4, 1), d(2026, 4, 4), d(2026, 4, 20), true, d(2026, 4, 21)),   // Good Friday skipped
            (d(2026, 3, 19), d(2026, 3, 21), d(2026, 4, 7), true, d(2026, 4, 8)),   // term ends in Easter weekend
            (d(2025, 4, 24), d(2025, 4, 29), d(2025, 5, 13), false, d(2025, 5, 14)), // King's Day on Saturday 26 April
            (d(2026, 5, 4), d(2026, 5, 7), d(2026, 5, 21), false, d(2026, 5, 22)),  // Liberation Day
            (d(2026, 5, 12), d(2026, 5, 15), d(2026, 5, 29), false, d(2026, 5, 30)), // Ascension Day
            (d(2026, 12, 23), d(2026, 12, 29), d(2027, 1, 12), false, d(2027, 1, 13)), // Christmas
        ];
        for (sent, delivery, last, extended, costs_from) in cases {
            let dates = fourteen_day_letter(sent);
            assert_eq!(dates.sent, sent);
            assert_eq!(dates.assumed_delivery, delivery, "delivery for {sent}");
            assert_eq!(
                dates.term_first_day,
                delivery.succ_opt().unwrap(),
                "first day for {sent}"
            );
            assert_eq!(dates.term_last_day, last, "last day for {sent}");
            assert_eq!(dates.term_extended, extended, "extension for {sent}");
            assert_eq!(dates.costs_from, costs_from, "costs for {sent}");
        }
    }

    #[test]
    fn belgian_consumer_term() {
        // (reminder sent, by letter, first day damages may be charged)
        let cases = [
            (d(2026, 3, 2), true, d(2026, 3, 20)), // Monday letter: third working day Thursday 5 March
            (d(2026, 3, 6), true, d(2026, 3, 26)), // Friday letter: third working day Wednesday 11 March
            (d(2026, 4, 2), true, d(2026, 4, 23)), // Easter Monday is not a working day
            (d(2026, 7, 2), true, d(2026, 7, 23)), // fourteenth day is National Day, 21 July
            (d(2026, 3, 2), false, d(2026, 3, 18)), // Monday email: the term runs from Tuesday
            (d(2026, 3, 6), false, d(2026, 3, 24)), // Friday email: the term runs from Monday
            (d(2026, 3, 1), false, d(2026, 3, 17)), // Sunday email: the term runs from Monday
            (d(2026, 4, 3), false, d(2026, 4, 22)), // Good Friday email: Easter Monday is no working day
        ];
        for (sent, by_letter, expected) in cases {
            assert_eq!(
                belgian_consumer_costs_from(sent, by_letter),
                expected,
                "{sent} letter={by_letter}"
            );
        }
    }

    #[test]
    fn interest_across_a_rate_change() {
        let rates = InterestRates::default();
        let result = on_one(
            amount("1000"),
            d(2024, 6, 21),
            d(2024, 7, 10),
            rates.table(InterestKind::NlCommercial),
        );
        let expected = vec![
            InterestPeriod {
                from: d(2024, 6, 21),
                to: d(2024, 6, 30),
                days: 10,
                percent: amount("12.5"),
                base: amount("1000"),
                interest: amount("3.42"),
            },
            InterestPeriod {
                from: d(2024, 7, 1),
                to: d(2024, 7, 10),
                days: 10,
                percent: amount("12.25"),
                base: amount("1000"),
                interest: amount("3.36"),
            },
        ];
        assert_eq!(all_periods(&result), expected);
        assert_eq!(result.total, amount("6.78"));
        assert!(result.capitalisations.is_empty());
        assert!(!result.missing_rate);
    }

    #[test]
    fn interest_capitalises_on_the_anniversary() {
        let rates = InterestRates::default();
        let result = on_one(
            amount("1000"),
            d(2023, 3, 15),
            d(2024, 3, 20),
            rates.table(InterestKind::NlCommercial),
        );
        let working: Vec<(NaiveDate, NaiveDate, i64, Decimal, Decimal, Decimal)> = all_periods(&result)
            .iter()
            .map(|p| (p.from, p.to, p.days, p.percent, p.base, p.interest))
            .collect();
        let expected = vec![
            (
                d(2023, 3, 15),
                d(2023, 6, 30),
                108,
                amount("10.5"),
                amount("1000"),
                amount("31.07"),
            ),
            (
                d(2023, 7, 1),
                d(2023, 12, 31),
                184,
                amount("12"),
                amount("1000"),
                amount("60.49"),
            ),
            (
                d(2024, 1, 1),
                d(2024, 3, 14),
                74,
                amount("12.5"),
                amount("1000"),
                amount("25.34"),
            ),
            (
                d(2024, 3, 15),
                d(2024, 3, 20),
                6,
                amount("12.5"),
                amount("1000"),
                amount("2.05"),
            ),
            // From the anniversary, the year's interest runs as well: 116.90 x 12.5% x 6 / 365.
            (
                d(2024, 3, 15),
                d(2024, 3, 20),
                6,
                amount("12.5"),
                amount("116.90"),
                amount("0.24"),
            ),
        ];
        assert_eq!(working, expected);
        assert_eq!(result.capitalisations, vec![(d(2024, 3, 15), amount("116.90"))]);
        assert_eq!(result.total, amount("119.19"));
    }

    /// The interest on a part paid during a year of default is still owed (payments go off the
    /// principal), so it is capitalised on the anniversary with the rest and runs on after it.
    #[test]
    fn interest_on_a_part_paid_within_the_year_is_capitalised_too() {
        let ten = flat_rate("10");
        let parts = [
            DebtPart {
                amount: amount("1000"),
                from: d(2024, 1, 1),
                through: d(2024, 7, 1),
            },
            DebtPart {
                amount: amount("1000"),
                from: d(2024, 1, 1),
                through: d(2025, 6, 30),
            },
        ];
        let result = statutory_interest(d(2024, 1, 1), &parts, d(2025, 6, 30), &ten, true);
        // 1000 x 10% x 183 / 365 = 50.14 on the paid part; 100.27 (366 days) and 49.59 (181
        // days) on the other.
        let totals: Vec<Decimal> = result.parts.iter().map(|p| p.total).collect();
        assert_eq!(totals, vec![amount("50.14"), amount("149.86")]);
        assert_eq!(result.capitalisations, vec![(d(2025, 1, 1), amount("150.41"))]);
        // 150.41 x 10% x 181 / 365 = 7.46.
        assert_eq!(result.on_capitalised.total, amount("7.46"));
        assert_eq!(result.total, amount("207.46"));

        // Belgian interest is not capitalised: the same debt owes the parts' interest alone.
        let simple = statutory_interest(d(2024, 1, 1), &parts, d(2025, 6, 30), &ten, false);
        assert_eq!(simple.capitalisations, vec![]);
        assert_eq!(simple.on_capitalised.total, Decimal::ZERO);
        assert_eq!(simple.total, amount("200.00"));
    }

    #[test]
    fn only_dutch_interest_compounds() {
        assert!(InterestKind::NlConsumer.compounds_yearly());
        assert!(InterestKind::NlCommercial.compounds_yearly());
        assert!(!InterestKind::BeCommercial.compounds_yearly());
    }

    #[test]
    fn interest_cases() {
        let default = InterestRates::default();
        let commercial = default.table(InterestKind::NlCommercial);
        let mut reversed = commercial.to_vec();
        reversed.reverse();
        let ten = flat_rate("10");
        // 36.5% a year is 0.1% a day on actual/365.
        let per_day = flat_rate("36.5");
        let overridden = vec![
            RatePeriod {
                from: d(2024, 1, 1),
                percent: amount("5"),
            },
            RatePeriod {
                from: d(2024, 1, 1),
                percent: amount("8"),
            },
        ];
        // (principal, start, through, rates, period count, capitalisations, total, missing rate)
        type Case<'a> = (
            &'a str,
            NaiveDate,
            NaiveDate,
            &'a [RatePeriod],
            usize,
            usize,
            &'a str,
            bool,
        );
        let cases: Vec<Case> = vec![
            ("1000", d(2024, 6, 21), d(2024, 7, 10), &reversed, 2, 0, "6.78", false),
            ("1000", d(2021, 3, 1), d(2022, 3, 31), &ten, 3, 1, "109.34", false),
            ("1000", d(2024, 2, 29), d(2025, 3, 1), &ten, 3, 1, "100.60", false),
            ("1000", d(2022, 12, 22), d(2023, 1, 10), commercial, 2, 0, "2.88", true),
            ("1000", d(2024, 3, 1), d(2024, 3, 10), &[], 1, 0, "0", true),
            ("1000", d(2024, 3, 1), d(2024, 3, 1), &per_day, 1, 0, "1.00", false),
            ("1000", d(2024, 3, 10), d(2024, 3, 1), commercial, 0, 0, "0", false),
            ("0", d(2024, 3, 1), d(2024, 3, 10), commercial, 0, 0, "0", false),
            ("-100", d(2024, 3, 1), d(2024, 3, 10), commercial, 0, 0, "0", false),
            ("3650", d(2024, 3, 1), d(2024, 3, 10), &overridden, 1, 0, "8.00", false),
        ];
        for (principal, start, through, rates, count, caps, total, missing) in cases {
            let result = on_one(amount(principal), start, through, rates);
            let label = format!("{principal} {start}..{through}");
            assert_eq!(all_periods(&result).len(), count, "{label}");
            assert_eq!(result.capitalisations.len(), caps, "{label}");
            assert_eq!(result.total, amount(total), "{label}");
            assert_eq!(result.missing_rate, missing, "{label}");
        }
    }

    #[test]
    fn rate_tables_by_kind() {
        let rates = InterestRates::default();
        let cases = [
            (InterestKind::NlConsumer, d(2026, 1, 1), "4"),
            (InterestKind::NlCommercial, d(2026, 1, 1), "10.15"),
            (InterestKind::BeCommercial, d(2025, 7, 1), "10.5"),
        ];
        for (kind, from, percent) in cases {
            assert_eq!(
                rates.table(kind).last(),
                Some(&RatePeriod {
                    from,
                    percent: amount(percent)
                }),
                "{kind:?}"
            );
        }
    }

    #[test]
    fn commercial_interest_starts_the_day_after_the_due_date() {
        let cases = [
            (d(2026, 3, 31), d(2026, 4, 1)),
            (d(2024, 12, 31), d(2025, 1, 1)),
            (NaiveDate::MAX, NaiveDate::MAX),
        ];
        for (due, start) in cases {
            assert_eq!(commercial_interest_start(due), start, "{due}");
        }
    }

    #[test]
    fn extreme_dates_do_not_panic() {
        for date in [NaiveDate::MIN, NaiveDate::MAX] {
            let letter = fourteen_day_letter(date);
            assert!(letter.costs_from >= letter.term_last_day);
            let _ = belgian_consumer_costs_from(date, true);
            let _ = belgian_consumer_costs_from(date, false);
            let _ = on_one(amount("1000"), date, date, &flat_rate("8"));
        }
        let near_end = NaiveDate::MAX.pred_opt().unwrap();
        let result = on_one(Decimal::MAX, near_end, NaiveDate::MAX, &flat_rate("8"));
        assert_eq!(all_periods(&result).len(), 1);
    }

    fn any_amount() -> impl Strategy<Value = Decimal> {
        prop_oneof![
            (any::<u32>(), any::<u32>(), any::<u32>(), any::<bool>(), 0u32..=28)
                .prop_map(|(lo, mid, hi, negative, scale)| Decimal::from_parts(lo, mid, hi, negative, scale)),
            // Everyday amounts in cents, from minus one million to two million euros.
            (-100_000_000_i64..200_000_000_i64).prop_map(|cents| Decimal::new(cents, 2)),
            Just(Decimal::MAX),
            Just(Decimal::MIN),
        ]
    }

    fn positive_cents() -> impl Strategy<Value = Decimal> {
        // One cent to two hundred million euros, past every band and the ceiling.
        (1_i64..20_000_000_000_i64).prop_map(|cents| Decimal::new(cents, 2))
    }

    fn any_date() -> impl Strategy<Value = NaiveDate> {
        let first = d(1900, 1, 1).num_days_from_ce();
        let last = d(2200, 12, 31).num_days_from_ce();
        (first..=last).prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).unwrap())
    }

    fn any_rates() -> impl Strategy<Value = Vec<RatePeriod>> {
        proptest::collection::vec((any_date(), any_amount()), 0..6).prop_map(|rows| {
            rows.into_iter()
                .map(|(from, percent)| RatePeriod { from, percent })
                .collect()
        })
    }

    proptest! {
        #[test]
        fn collection_costs_stay_between_floor_and_cap(principal in positive_cents(), vat in any::<bool>()) {
            let costs = dutch_collection_costs(principal, vat);
            let costs_without_vat = costs.total - costs.vat;
            prop_assert!(costs_without_vat >= collection_costs_floor());
            prop_assert!(costs_without_vat <= collection_costs_cap());
            prop_assert!(costs.total <= collection_costs_cap() + amount("1422.75"));
        }

        #[test]
        fn collection_costs_grow_with_the_principal(a in positive_cents(), b in positive_cents(), vat in any::<bool>()) {
            let (low, high) = if a <= b { (a, b) } else { (b, a) };
            prop_assert!(dutch_collection_costs(low, vat).total <= dutch_collection_costs(high, vat).total);
        }

        #[test]
        fn amounts_never_panic(principal in any_amount(), vat in any::<bool>()) {
            let costs = dutch_collection_costs(principal, vat);
            prop_assert!(costs.total >= Decimal::ZERO);
            let damages = belgian_consumer_damages_cap(principal);
            prop_assert!(damages.total >= Decimal::ZERO && damages.total <= amount("2000"));
        }

        #[test]
        fn letter_dates_are_ordered(sent in any_date()) {
            let dates = fourteen_day_letter(sent);
            prop_assert!(dates.assumed_delivery > sent);
            prop_assert!((dates.assumed_delivery - sent).num_days() <= 10);
            prop_assert!(dates.term_first_day > dates.assumed_delivery);
            prop_assert!((dates.term_last_day - dates.assumed_delivery).num_days() >= 14);
            prop_assert!(dates.costs_from > dates.term_last_day);
            prop_assert!(is_working_day(dates.term_last_day));
        }

        #[test]
        fn belgian_term_is_at_least_fifteen_days(sent in any_date(), by_letter in any::<bool>()) {
            prop_assert!((belgian_consumer_costs_from(sent, by_letter) - sent).num_days() >= 15);
        }

        #[test]
        fn interest_periods_cover_the_whole_range(
            principal in any_amount(),
            start in any_date(),
            through in any_date(),
            rates in any_rates(),
        ) {
            let result = on_one(principal, start, through, &rates);
            let sum = all_periods(&result).iter().fold(Decimal::ZERO, |sum, p| sum.saturating_add(p.interest));
            prop_assert_eq!(result.total, sum);
            let periods = &result.parts[0].periods;
            if principal > Decimal::ZERO && start <= through {
                prop_assert_eq!(periods.first().map(|p| p.from), Some(start));
                prop_assert_eq!(periods.last().map(|p| p.to), Some(through));
                let days: i64 = periods.iter().map(|p| p.days).sum();
                prop_assert_eq!(days, (through - start).num_days() + 1);
                for pair in periods.windows(2) {
                    prop_assert_eq!(pair[0].to.succ_opt(), Some(pair[1].from));
                }
                // The capitalised interest runs from the first anniversary without a gap.
                for pair in result.on_capitalised.periods.windows(2) {
                    prop_assert_eq!(pair[0].to.succ_opt(), Some(pair[1].from));
                }
                prop_assert!(result.on_capitalised.periods.iter().all(|p| p.base > Decimal::ZERO));
            } else {
                prop_assert!(all_periods(&result).is_empty());
            }
        }
    }
}
