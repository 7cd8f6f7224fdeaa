//! Payment plans the user sets up: generating instalments from a total, and checking a list the
//! user edited before it is agreed with the customer.
//!
//! Amounts are whole cents. A total with fractions of a cent (which no invoice should have) is
//! first rounded to cents, half away from zero, and both functions compare against that rounded
//! total, so what `generate` makes always passes `check`.

use std::fmt;

use chrono::{Days, Months, NaiveDate};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};

use crate::domain::model::{Instalment, Lang};
use crate::domain::money::format_money;

/// The most instalments a plan may have: three years of monthly payments. A longer plan keeps
/// a small claim open for so long that it is no longer a plan but a loan.
pub const MAX_INSTALMENTS: u32 = 36;

/// How the user sizes a plan: a number of equal instalments, or an amount per instalment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PlanSize {
    Count(u32),
    Amount(Decimal),
}

/// The time between two instalments.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Every {
    Week,
    /// The same day of each month; a day the month does not have becomes its last day
    /// (31 January, then 28 or 29 February, then 31 March).
    Month,
}

/// Why a plan cannot be made or agreed as it stands. Instalment indexes are 0-based here and
/// 1-based in the messages.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum PlanError {
    /// The total is zero or less: there is nothing to spread.
    NothingOwed,
    /// A count of zero, or an empty list.
    NoInstalments,
    /// More instalments than `max`.
    TooMany { max: u32 },
    /// The amount per instalment is zero or less (or less than a cent).
    InstalmentAmountNotPositive,
    /// Splitting `total` into `count` parts leaves less than a cent per instalment.
    TooSmall { total: Decimal, count: u32 },
    /// The instalment at `index` has an amount of zero or less.
    AmountNotPositive { index: usize },
    /// The instalment at `index` has fractions of a cent.
    NotInCents { index: usize },
    /// The instalment at `index` falls before today.
    BeforeToday { index: usize },
    /// The instalment at `index` is not later than the one before it.
    NotAscending { index: usize },
    /// The instalments add up to `sum`, not to `total`.
    SumMismatch { sum: Decimal, total: Decimal },
    /// The dates would run past the end of the calendar.
    OutOfCalendar,
}

impl PlanError {
    /// One or two plain sentences for the user, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            PlanError::NothingOwed => lang
                .pick(
                    "Er staat niets open, dus er valt niets in termijnen te betalen.",
                    "Nothing is outstanding, so there is nothing to pay in instalments.",
                )
                .to_owned(),
            PlanError::NoInstalments => lang
                .pick(
                    "Een betalingsregeling heeft minstens één termijn nodig.",
                    "A payment plan needs at least one instalment.",
                )
                .to_owned(),
            PlanError::TooMany { max } => lang.pick(
                format!("Een betalingsregeling heeft hooguit {max} termijnen. Kies hogere of minder termijnen."),
                format!("A payment plan has at most {max} instalments. Choose larger or fewer instalments."),
            ),
            PlanError::InstalmentAmountNotPositive => lang
                .pick(
                    "Het bedrag per termijn moet minstens één cent zijn.",
                    "The amount per instalment must be at least one cent.",
                )
                .to_owned(),
            PlanError::TooSmall { total, count } => {
                let total = format_money(*total, lang);
                lang.pick(
                    format!(
                        "{total} is te weinig voor {count} termijnen van minstens één cent. Kies minder termijnen."
                    ),
                    format!(
                        "{total} is too little for {count} instalments of at least one cent. Choose fewer instalments."
                    ),
                )
            }
            PlanError::AmountNotPositive { index } => {
                let n = index.saturating_add(1);
                lang.pick(
                    format!("Termijn {n} moet een bedrag hoger dan nul hebben."),
                    format!("Instalment {n} needs an amount above zero."),
                )
            }
            PlanError::NotInCents { index } => {
                let n = index.saturating_add(1);
                lang.pick(
                    format!("Het bedrag van termijn {n} heeft meer dan twee cijfers achter de komma."),
                    format!("The amount of instalment {n} has more than two decimals."),
                )
            }
            PlanError::BeforeToday { index } => {
                let n = index.saturating_add(1);
                lang.pick(
                    format!("Termijn {n} ligt in het verleden. Kies vandaag of een latere datum."),
                    format!("Instalment {n} lies in the past. Choose today or a later date."),
                )
            }
            PlanError::NotAscending { index } => {
                let (n, before) = (index.saturating_add(1), *index);
                lang.pick(
                    format!("Termijn {n} moet na termijn {before} vallen, op een latere dag."),
                    format!("Instalment {n} must fall after instalment {before}, on a later day."),
                )
            }
            PlanError::SumMismatch { sum, total } => {
                let (sum, total) = (format_money(*sum, lang), format_money(*total, lang));
                lang.pick(
                    format!("De termijnen tellen op tot {sum}, maar er staat {total} open. Pas de bedragen aan."),
                    format!("The instalments add up to {sum}, but {total} is outstanding. Please adjust the amounts."),
                )
            }
            PlanError::OutOfCalendar => lang
                .pick(
                    "De laatste termijnen liggen te ver in de toekomst. Kies een eerdere eerste datum.",
                    "The last instalments lie too far in the future. Choose an earlier first date.",
                )
                .to_owned(),
        }
    }
}

impl fmt::Display for PlanError {
    /// The English message, for logs and developer tools; the interface uses `message`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for PlanError {}

/// Rounds to cents, half away from zero, as the rest of the app does.
fn cents(amount: Decimal) -> Decimal {
    amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// The date of instalment `index` (0-based). Months are counted from `first` each time rather
/// than from the previous instalment, so a plan starting on the 31st returns to the 31st after a
/// short month instead of drifting to the 28th for good.
fn instalment_date(first: NaiveDate, every: Every, index: u32) -> Option<NaiveDate> {
    match every {
        Every::Week => first.checked_add_days(Days::new(u64::from(index).saturating_mul(7))),
        Every::Month => first.checked_add_months(Months::new(index)),
    }
}

/// Instalments for `total`, the first on `first` and then one every week or month.
///
/// - `Count(n)`: `n` equal amounts rounded down to cents, and the cents that do not divide
///   evenly on the last one, so the sum is exact. The remainder goes last because the early
///   instalments are the ones the customer plans around: they are all the same round figure,
///   and the final payment simply settles what is left (at most `n - 1` cents more).
/// - `Amount(a)`: as many instalments of `a` as fit, and what remains as a last smaller one;
///   an amount of the total or more gives a single instalment of the total.
///
/// Errors: a total of zero or less, a count of zero, an amount below one cent, more than
/// [`MAX_INSTALMENTS`] instalments, or a total too small for the count.
pub fn generate(total: Decimal, size: PlanSize, first: NaiveDate, every: Every) -> Result<Vec<Instalment>, PlanError> {
    let total = cents(total);
    if total <= Decimal::ZERO {
        return Err(PlanError::NothingOwed);
    }
    let too_many = PlanError::TooMany { max: MAX_INSTALMENTS };
    let amounts: Vec<Decimal> = match size {
        PlanSize::Count(0) => return Err(PlanError::NoInstalments),
        PlanSize::Count(count) if count > MAX_INSTALMENTS => return Err(too_many),
        PlanSize::Count(count) => {
            let part = (total / Decimal::from(count)).round_dp_with_strategy(2, RoundingStrategy::ToZero);
            if part <= Decimal::ZERO {
                return Err(PlanError::TooSmall { total, count });
            }
            let earlier = part.saturating_mul(Decimal::from(count - 1));
            let mut amounts = vec![part; (count - 1) as usize];
            amounts.push(total.saturating_sub(earlier));
            amounts
        }
        PlanSize::Amount(amount) => {
            // Fractions of a cent are dropped, so a typed 33,333 still gives whole-cent parts.
            let part = amount.round_dp_with_strategy(2, RoundingStrategy::ToZero);
            if part <= Decimal::ZERO {
                return Err(PlanError::InstalmentAmountNotPositive);
            }
            if part >= total {
                vec![total]
            } else {
                // A quotient too large for a `Decimal` is far more than the maximum anyway.
                let full = total.checked_div(part).map(|q| q.trunc()).ok_or(too_many.clone())?;
                let remainder = total.saturating_sub(full.saturating_mul(part));
                let full = full
                    .to_u32()
                    .filter(|n| n.saturating_add(u32::from(remainder > Decimal::ZERO)) <= MAX_INSTALMENTS)
                    .ok_or(too_many)?;
                let mut amounts = vec![part; full as usize];
                if remainder > Decimal::ZERO {
                    amounts.push(remainder);
                }
                amounts
            }
        }
    };
    amounts
        .into_iter()
        .zip(0u32..)
        .map(|(amount, index)| {
            instalment_date(first, every, index)
                .map(|date| Instalment { date, amount })
                .ok_or(PlanError::OutOfCalendar)
        })
        .collect()
}

/// Checks a list of instalments the user edited, before the plan is agreed: at least one and
/// at most [`MAX_INSTALMENTS`]; every amount above zero and in whole cents; dates not before
/// `today` and strictly ascending; and a sum equal to `total` to the cent.
///
/// Dates must be strictly ascending because two instalments on one day are one payment: the
/// customer pays once, and the engine reminds and follows up per instalment. The first problem
/// found is reported, instalment by instalment, so the user fixes the list from the top.
pub fn check(instalments: &[Instalment], total: Decimal, today: NaiveDate) -> Result<(), PlanError> {
    let total = cents(total);
    if total <= Decimal::ZERO {
        return Err(PlanError::NothingOwed);
    }
    if instalments.is_empty() {
        return Err(PlanError::NoInstalments);
    }
    if instalments.len() > MAX_INSTALMENTS as usize {
        return Err(PlanError::TooMany { max: MAX_INSTALMENTS });
    }
    let mut previous: Option<NaiveDate> = None;
    let mut sum = Decimal::ZERO;
    for (index, instalment) in instalments.iter().enumerate() {
        if instalment.amount <= Decimal::ZERO {
            return Err(PlanError::AmountNotPositive { index });
        }
        if cents(instalment.amount) != instalment.amount {
            return Err(PlanError::NotInCents { index });
        }
        if instalment.date < today {
            return Err(PlanError::BeforeToday { index });
        }
        if previous.is_some_and(|before| instalment.date <= before) {
            return Err(PlanError::NotAscending { index });
        }
        previous = Some(instalment.date);
        sum = sum.saturating_add(instalment.amount);
    }
    if sum != total {
        return Err(PlanError::SumMismatch { sum, total });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::domain::testing::{dec as amount, ymd as d};

    fn plan(parts: &[(NaiveDate, &str)]) -> Vec<Instalment> {
        parts
            .iter()
            .map(|&(date, part)| Instalment {
                date,
                amount: amount(part),
            })
            .collect()
    }

    #[test]
    fn generate_cases() {
        let jan31 = d(2026, 1, 31);
        let mar2 = d(2026, 3, 2);
        // (total, size, first, every, expected instalments or error)
        type Case = (
            &'static str,
            PlanSize,
            NaiveDate,
            Every,
            Result<Vec<(NaiveDate, &'static str)>, PlanError>,
        );
        let cases: Vec<Case> = vec![
            (
                "1000",
                PlanSize::Count(3),
                mar2,
                Every::Month,
                Ok(vec![
                    (mar2, "333.33"),
                    (d(2026, 4, 2), "333.33"),
                    (d(2026, 5, 2), "333.34"),
                ]),
            ),
            (
                "1000",
                PlanSize::Amount(amount("300")),
                mar2,
                Every::Month,
                Ok(vec![
                    (mar2, "300"),
                    (d(2026, 4, 2), "300"),
                    (d(2026, 5, 2), "300"),
                    (d(2026, 6, 2), "100"),
                ]),
            ),
            (
                "900",
                PlanSize::Amount(amount("300")),
                mar2,
                Every::Week,
                Ok(vec![(mar2, "300"), (d(2026, 3, 9), "300"), (d(2026, 3, 16), "300")]),
            ),
            // The 31st of the month, clamped to the end of shorter months and back after them.
            (
                "300",
                PlanSize::Count(3),
                jan31,
                Every::Month,
                Ok(vec![(jan31, "100"), (d(2026, 2, 28), "100"), (d(2026, 3, 31), "100")]),
            ),
            (
                "200",
                PlanSize::Count(2),
                d(2028, 1, 31),
                Every::Month,
                Ok(vec![(d(2028, 1, 31), "100"), (d(2028, 2, 29), "100")]),
            ),
            (
                "100",
                PlanSize::Count(4),
                d(2026, 12, 29),
                Every::Week,
                Ok(vec![
                    (d(2026, 12, 29), "25"),
                    (d(2027, 1, 5), "25"),
                    (d(2027, 1, 12), "25"),
                    (d(2027, 1, 19), "25"),
                ]),
            ),
            (
                "250",
                PlanSize::Amount(amount("300")),
                mar2,
                Every::Month,
                Ok(vec![(mar2, "250")]),
            ),
            (
                "250",
                PlanSize::Amount(amount("250")),
                mar2,
                Every::Month,
                Ok(vec![(mar2, "250")]),
            ),
            (
                "0.03",
                PlanSize::Count(3),
                mar2,
                Every::Week,
                Ok(vec![(mar2, "0.01"), (d(2026, 3, 9), "0.01"), (d(2026, 3, 16), "0.01")]),
            ),
            // A total with a fraction of a cent is rounded to cents first.
            (
                "100.005",
                PlanSize::Count(1),
                mar2,
                Every::Week,
                Ok(vec![(mar2, "100.01")]),
            ),
            ("0", PlanSize::Count(3), mar2, Every::Month, Err(PlanError::NothingOwed)),
            (
                "-10",
                PlanSize::Count(3),
                mar2,
                Every::Month,
                Err(PlanError::NothingOwed),
            ),
            (
                "1000",
                PlanSize::Count(0),
                mar2,
                Every::Month,
                Err(PlanError::NoInstalments),
            ),
            (
                "1000",
                PlanSize::Count(37),
                mar2,
                Every::Month,
                Err(PlanError::TooMany { max: 36 }),
            ),
            (
                "1000",
                PlanSize::Amount(amount("0")),
                mar2,
                Every::Month,
                Err(PlanError::InstalmentAmountNotPositive),
            ),
            (
                "1000",
                PlanSize::Amount(amount("-5")),
                mar2,
                Every::Month,
                Err(PlanError::InstalmentAmountNotPositive),
            ),
            (
                "1000",
                PlanSize::Amount(amount("0.004")),
                mar2,
                Every::Month,
                Err(PlanError::InstalmentAmountNotPositive),
            ),
            (
                "1000",
                PlanSize::Amount(amount("27")),
                mar2,
                Every::Month,
                Err(PlanError::TooMany { max: 36 }),
            ),
            (
                "1000",
                PlanSize::Amount(amount("0.01")),
                mar2,
                Every::Month,
                Err(PlanError::TooMany { max: 36 }),
            ),
            (
                "0.02",
                PlanSize::Count(3),
                mar2,
                Every::Month,
                Err(PlanError::TooSmall {
                    total: amount("0.02"),
                    count: 3,
                }),
            ),
            (
                "100",
                PlanSize::Count(2),
                NaiveDate::MAX,
                Every::Week,
                Err(PlanError::OutOfCalendar),
            ),
        ];
        for (total, size, first, every, expected) in cases {
            let result = generate(amount(total), size, first, every);
            let expected = expected.map(|parts| plan(&parts));
            assert_eq!(result, expected, "{total} {size:?} {first} {every:?}");
        }
        // 1,000 by 27.78 needs exactly 36 instalments: 35 of 27.78 and a last one of 27.70.
        let most = generate(amount("1000"), PlanSize::Amount(amount("27.78")), mar2, Every::Month).unwrap();
        assert_eq!(most.len(), 36);
        assert_eq!(most.last().map(|i| i.amount), Some(amount("27.70")));
    }

    #[test]
    fn check_cases() {
        let today = d(2026, 3, 2);
        let later = d(2026, 4, 2);
        let max_plus_one: Vec<(NaiveDate, &str)> = (0..37).map(|n| (today + Days::new(n), "1")).collect();
        // (instalments, total, expected)
        type Case = (Vec<(NaiveDate, &'static str)>, &'static str, Result<(), PlanError>);
        let cases: Vec<Case> = vec![
            (vec![(today, "500"), (later, "500")], "1000", Ok(())),
            (vec![(today, "1000")], "1000.00", Ok(())),
            (vec![], "1000", Err(PlanError::NoInstalments)),
            (vec![(today, "1000")], "0", Err(PlanError::NothingOwed)),
            (max_plus_one, "37", Err(PlanError::TooMany { max: 36 })),
            (
                vec![(today, "1000"), (later, "0")],
                "1000",
                Err(PlanError::AmountNotPositive { index: 1 }),
            ),
            (
                vec![(today, "-100"), (later, "1100")],
                "1000",
                Err(PlanError::AmountNotPositive { index: 0 }),
            ),
            (
                vec![(today, "500.005"), (later, "499.995")],
                "1000",
                Err(PlanError::NotInCents { index: 0 }),
            ),
            (
                vec![(d(2026, 3, 1), "500"), (later, "500")],
                "1000",
                Err(PlanError::BeforeToday { index: 0 }),
            ),
            (
                vec![(later, "500"), (today, "500")],
                "1000",
                Err(PlanError::NotAscending { index: 1 }),
            ),
            (
                vec![(later, "500"), (later, "500")],
                "1000",
                Err(PlanError::NotAscending { index: 1 }),
            ),
            (
                vec![(today, "500"), (later, "400")],
                "1000",
                Err(PlanError::SumMismatch {
                    sum: amount("900"),
                    total: amount("1000"),
                }),
            ),
            (
                vec![(today, "500"), (later, "500.01")],
                "1000",
                Err(PlanError::SumMismatch {
                    sum: amount("1000.01"),
                    total: amount("1000"),
                }),
            ),
        ];
        for (parts, total, expected) in cases {
            let instalments = plan(&parts);
            assert_eq!(check(&instalments, amount(total), today), expected, "{parts:?} {total}");
        }
    }

    #[test]
    fn messages_number_instalments_from_one() {
        let errors = [
            PlanError::NothingOwed,
            PlanError::NoInstalments,
            PlanError::TooMany { max: MAX_INSTALMENTS },
            PlanError::InstalmentAmountNotPositive,
            PlanError::TooSmall {
                total: amount("0.02"),
                count: 3,
            },
            PlanError::AmountNotPositive { index: 1 },
            PlanError::NotInCents { index: 1 },
            PlanError::BeforeToday { index: 1 },
            PlanError::NotAscending { index: 1 },
            PlanError::SumMismatch {
                sum: amount("900"),
                total: amount("1000"),
            },
            PlanError::OutOfCalendar,
        ];
        for error in &errors {
            let (nl, en) = (error.message(Lang::Nl), error.message(Lang::En));
            assert!(nl.ends_with('.') && en.ends_with('.'), "{error:?}");
            assert_ne!(nl, en, "{error:?}");
            assert_eq!(error.to_string(), en);
        }
        let not_ascending = PlanError::NotAscending { index: 1 };
        assert_eq!(
            not_ascending.message(Lang::Nl),
            "Termijn 2 moet na termijn 1 vallen, op een latere dag."
        );
        let mismatch = PlanError::SumMismatch {
            sum: amount("900"),
            total: amount("1000"),
        };
        assert!(mismatch.message(Lang::Nl).contains("€ 900,00") && mismatch.message(Lang::Nl).contains("€ 1.000,00"));
        assert!(mismatch.message(Lang::En).contains("€900.00") && mismatch.message(Lang::En).contains("€1,000.00"));
        assert!(PlanError::TooMany { max: 36 }.message(Lang::En).contains("36"));
    }

    fn any_date() -> impl Strategy<Value = NaiveDate> {
        (0u64..3_000).prop_map(|n| d(2024, 1, 1) + Days::new(n))
    }

    fn any_size() -> impl Strategy<Value = PlanSize> {
        prop_oneof![
            (0u32..=40).prop_map(PlanSize::Count),
            (-100_i64..5_000_000).prop_map(|cents| PlanSize::Amount(Decimal::new(cents, 2))),
            (1_i64..1_000_000).prop_map(|tenths_of_cents| PlanSize::Amount(Decimal::new(tenths_of_cents, 3))),
        ]
    }

    proptest! {
        #[test]
        fn generated_plans_pass_the_check(
            total in (-1_000_i64..100_000_000).prop_map(|cents| Decimal::new(cents, 2)),
            size in any_size(),
            first in any_date(),
            days_before in 0u64..100,
            monthly in any::<bool>(),
        ) {
            let every = if monthly { Every::Month } else { Every::Week };
            let today = first - Days::new(days_before);
            if let Ok(instalments) = generate(total, size, first, every) {
                prop_assert_eq!(check(&instalments, total, today), Ok(()));
                let sum = instalments.iter().fold(Decimal::ZERO, |sum, i| sum + i.amount);
                prop_assert_eq!(sum, total);
                prop_assert_eq!(instalments.first().map(|i| i.date), Some(first));
                // Equal parts except the last, which takes the remainder.
                if let (PlanSize::Count(n), Some(head)) = (size, instalments.first()) {
                    prop_assert_eq!(instalments.len(), n as usize);
                    prop_assert!(instalments.iter().rev().skip(1).all(|i| i.amount == head.amount));
                }
            }
        }

        #[test]
        fn generate_never_panics(
            total in prop_oneof![Just(Decimal::MAX), Just(Decimal::MIN), Just(Decimal::new(1, 28))],
            size in any_size(),
            first in prop_oneof![any_date(), Just(NaiveDate::MAX), Just(NaiveDate::MIN)],
            monthly in any::<bool>(),
        ) {
            let every = if monthly { Every::Month } else { Every::Week };
            let _ = generate(total, size, first, every);
        }
    }
}
