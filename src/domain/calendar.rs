//! Working days and public holidays, for call retries and the 14-day letter's delivery date.
//!
//! The holiday list follows art. 3 of the Algemene termijnenwet (the Dutch general time-limits
//! act), which is the list courts use when they decide whether a day counts for a delivery
//! assumption. Two choices need a word:
//! - Liberation Day (5 May) is treated as a holiday every year. The act names it, and counting a
//!   doubtful day as a non-working day only moves an assumed delivery later, which never
//!   shortens a debtor's term.
//! - Easter Sunday and Whit Sunday are listed for display, although they are Sundays and so
//!   never working days anyway.
//!
//! Days that the government equates with a holiday by a separate decree (such as a bridge day)
//! are not listed, because that list is published for a few years at a time only.
//!
//! Belgian working days (for the Belgian consumer term) use the ten Belgian legal holidays.

use crate::domain::model::Jurisdiction;
use crate::domain::sorting;
use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// A Dutch or Belgian public holiday, named so that the interface can explain why a day does
/// not count.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Holiday {
    NewYearsDay,
    GoodFriday,
    EasterSunday,
    EasterMonday,
    KingsDay,
    LiberationDay,
    AscensionDay,
    WhitSunday,
    WhitMonday,
    ChristmasDay,
    BoxingDay,
    /// Belgian only: 1 May.
    LabourDay,
    /// Belgian only: 21 July.
    BelgianNationalDay,
    /// Belgian only: 15 August.
    AssumptionDay,
    /// Belgian only: 1 November.
    AllSaintsDay,
    /// Belgian only: 11 November.
    ArmisticeDay,
}

/// Easter Sunday in the Gregorian calendar, by the anonymous Gregorian algorithm
/// (Meeus/Jones/Butcher). Returns `None` only when the year is outside chrono's date range.
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    // The algorithm works on non-negative years; the Gregorian cycle of Easter dates repeats
    // every 5,700,000 years, so shifting a negative year by that period keeps it exact.
    let y = i64::from(year).rem_euclid(5_700_000);
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// Every Dutch public holiday of `year` (Algemene termijnenwet, art. 3), sorted by date.
/// Holidays that would fall outside chrono's date range are left out rather than invented.
pub fn dutch_public_holidays(year: i32) -> Vec<(NaiveDate, Holiday)> {
    let fixed =
        |month: u32, day: u32, holiday: Holiday| NaiveDate::from_ymd_opt(year, month, day).map(|d| (d, holiday));
    // King's Day moves to the Saturday before when 27 April is a Sunday.
    let kings_day = NaiveDate::from_ymd_opt(year, 4, 27).and_then(|d| match d.weekday() {
        Weekday::Sun => NaiveDate::from_ymd_opt(year, 4, 26),
        _ => Some(d),
    });
    let easter = easter_sunday(year);
    let from_easter = |offset: u64, holiday: Holiday| {
        easter
            .and_then(|e| e.checked_add_days(Days::new(offset)))
            .map(|d| (d, holiday))
    };
    // Good Friday is the only holiday before Easter, hence its own subtraction.
    let good_friday = easter
        .and_then(|e| e.checked_sub_days(Days::new(2)))
        .map(|d| (d, Holiday::GoodFriday));
    let mut days: Vec<(NaiveDate, Holiday)> = [
        fixed(1, 1, Holiday::NewYearsDay),
        good_friday,
        from_easter(0, Holiday::EasterSunday),
        from_easter(1, Holiday::EasterMonday),
        kings_day.map(|d| (d, Holiday::KingsDay)),
        fixed(5, 5, Holiday::LiberationDay),
        from_easter(39, Holiday::AscensionDay),
        from_easter(49, Holiday::WhitSunday),
        from_easter(50, Holiday::WhitMonday),
        fixed(12, 25, Holiday::ChristmasDay),
        fixed(12, 26, Holiday::BoxingDay),
    ]
    .into_iter()
    .flatten()
    .collect();
    // Liberation Day can coincide with Ascension Day (as in 2016); both stay listed, and the
    // sort keeps the output stable for display.
    sorting::sort(&mut days);
    days
}

/// The Dutch public holiday on `date`, if any. When two coincide, the first in the list wins.
pub fn public_holiday(date: NaiveDate) -> Option<Holiday> {
    // Every Dutch public holiday falls on 1 January, between late March and mid June (Good
    // Friday is at the earliest 20 March, Whit Monday at the latest 14 June) or on 25 or 26
    // December. Any other day is answered without building the year's list, which matters
    // because the engine asks for many days of many invoices.
    let possible = match date.month() {
        1 => date.day() == 1,
        3..=6 => true,
        12 => matches!(date.day(), 25 | 26),
        _ => false,
    };
    if !possible {
        return None;
    }
    dutch_public_holidays(date.year())
        .into_iter()
        .find(|&(d, _)| d == date)
        .map(|(_, h)| h)
}

/// Whether `date` is a Dutch public holiday (Algemene termijnenwet list).
pub fn is_public_holiday(date: NaiveDate) -> bool {
    public_holiday(date).is_some()
}

/// Monday to Friday and not a Dutch public holiday (Algemene termijnenwet list).
pub fn is_working_day(date: NaiveDate) -> bool {
    !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) && !is_public_holiday(date)
}

/// Monday to Friday and not a public holiday of `jurisdiction`.
pub fn is_working_day_in(date: NaiveDate, jurisdiction: Jurisdiction) -> bool {
    match jurisdiction {
        Jurisdiction::Nl => is_working_day(date),
        Jurisdiction::Be => is_belgian_working_day(date),
    }
}

/// The first working day of `jurisdiction` strictly after `date`. At the end of chrono's date
/// range there is no later day to return, so the last representable day is returned instead
/// of panicking.
pub fn next_working_day(date: NaiveDate, jurisdiction: Jurisdiction) -> NaiveDate {
    let mut day = date;
    // A run of non-working days is at most a few days long (e.g. Christmas over a weekend),
    // so the loop ends quickly; the bound only protects against the end of the date range.
    while let Some(next) = day.succ_opt() {
        day = next;
        if is_working_day_in(day, jurisdiction) {
            return day;
        }
    }
    day
}

/// The last working day of `jurisdiction` strictly before `date`, if the date range has one.
pub fn previous_working_day(date: NaiveDate, jurisdiction: Jurisdiction) -> Option<NaiveDate> {
    let mut day = date;
    while let Some(previous) = day.pred_opt() {
        day = previous;
        if is_working_day_in(day, jurisdiction) {
            return Some(day);
        }
    }
    None
}

/// The last day of a pay-by term of `days` days from `day`. A term that would end on a weekend
/// or a public holiday of `jurisdiction` runs on to the next working day, as statutory terms do
/// under the Algemene termijnenwet: a customer is never asked to pay by a day banks do not book.
pub fn term_end(day: NaiveDate, days: u32, jurisdiction: Jurisdiction) -> NaiveDate {
    let mut last = day.checked_add_days(Days::new(days.into())).unwrap_or(NaiveDate::MAX);
    // A run of non-working days is a few days at most; the end of the date range stops it too.
    while !is_working_day_in(last, jurisdiction) {
        match last.succ_opt() {
            Some(next) => last = next,
            None => break,
        }
    }
    last
}

/// The ten Belgian legal public holidays of `year`, sorted by date. Regional and community
/// holidays are left out, because they do not stop the post nationwide.
pub fn belgian_public_holidays(year: i32) -> Vec<(NaiveDate, Holiday)> {
    let fixed =
        |month: u32, day: u32, holiday: Holiday| NaiveDate::from_ymd_opt(year, month, day).map(|d| (d, holiday));
    let easter = easter_sunday(year);
    let from_easter = |offset: u64, holiday: Holiday| {
        easter
            .and_then(|e| e.checked_add_days(Days::new(offset)))
            .map(|d| (d, holiday))
    };
    let mut days: Vec<(NaiveDate, Holiday)> = [
        fixed(1, 1, Holiday::NewYearsDay),
        from_easter(1, Holiday::EasterMonday),
        fixed(5, 1, Holiday::LabourDay),
        from_easter(39, Holiday::AscensionDay),
        from_easter(50, Holiday::WhitMonday),
        fixed(7, 21, Holiday::BelgianNationalDay),
        fixed(8, 15, Holiday::AssumptionDay),
        fixed(11, 1, Holiday::AllSaintsDay),
        fixed(11, 11, Holiday::ArmisticeDay),
        fixed(12, 25, Holiday::ChristmasDay),
    ]
    .into_iter()
    .flatten()
    .collect();
    sorting::sort(&mut days);
    days
}

/// A Belgian working day: Monday to Friday and not a Belgian legal public holiday. Counting
/// holidays as non-working days can only move a consumer's term later, never earlier, which
/// is the safe side when the creditor must not charge too soon.
pub fn is_belgian_working_day(date: NaiveDate) -> bool {
    !matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
        && !belgian_public_holidays(date.year()).iter().any(|&(d, _)| d == date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::ymd as d;

    #[test]
    fn a_pay_by_term_ends_on_a_working_day() {
        use Jurisdiction::{Be, Nl};
        // (from, days, jurisdiction, last day)
        let cases = [
            (d(2026, 11, 23), 7, Nl, d(2026, 11, 30)), // a Monday: unchanged
            (d(2026, 11, 21), 7, Nl, d(2026, 11, 30)), // a Saturday runs to Monday
            (d(2026, 12, 18), 7, Nl, d(2026, 12, 28)), // Christmas, Boxing Day on Saturday, Sunday
            (d(2026, 12, 25), 7, Nl, d(2027, 1, 4)),   // New Year's Day on a Friday
            (d(2026, 3, 27), 7, Nl, d(2026, 4, 7)),    // Good Friday, the weekend, Easter Monday
            (d(2026, 7, 14), 7, Nl, d(2026, 7, 21)),   // 21 July is a Dutch working day
            (d(2026, 7, 14), 7, Be, d(2026, 7, 22)),   // and the Belgian national day
            (NaiveDate::MAX, 7, Nl, NaiveDate::MAX),   // the end of the calendar, no panic
        ];
        for (from, days, land, expected) in cases {
            assert_eq!(term_end(from, days, land), expected, "{from} + {days} in {land:?}");
        }
    }

    #[test]
    fn the_quick_answer_agrees_with_the_full_list_for_three_centuries() {
        for year in 1900..2200 {
            let listed = dutch_public_holidays(year);
            let mut day = d(year, 1, 1);
            while day.year() == year {
                let expected = listed.iter().find(|&&(h, _)| h == day).map(|&(_, h)| h);
                assert_eq!(public_holiday(day), expected, "{day}");
                day = day.succ_opt().unwrap();
            }
        }
    }

    #[test]
    fn easter_dates() {
        // Published Easter Sunday dates, one per line.
        let cases = [
            (1900, 4, 15),
            (1961, 4, 2),
            (2000, 4, 23),
            (2008, 3, 23),
            (2011, 4, 24),
            (2019, 4, 21),
            (2024, 3, 31),
            (2025, 4, 20),
            (2026, 4, 5),
            (2027, 3, 28),
            (2038, 4, 25),
            (2285, 3, 22),
        ];
        for (y, m, day) in cases {
            assert_eq!(easter_sunday(y), Some(d(y, m, day)), "Easter {y}");
        }
    }

    #[test]
    fn holidays_by_date() {
        let cases: [(NaiveDate, Option<Holiday>); 16] = [
            (d(2026, 1, 1), Some(Holiday::NewYearsDay)),
            (d(2026, 4, 3), Some(Holiday::GoodFriday)),
            (d(2026, 4, 5), Some(Holiday::EasterSunday)),
            (d(2026, 4, 6), Some(Holiday::EasterMonday)),
            (d(2026, 4, 27), Some(Holiday::KingsDay)),
            (d(2025, 4, 26), Some(Holiday::KingsDay)),
            (d(2025, 4, 27), None),
            (d(2026, 5, 5), Some(Holiday::LiberationDay)),
            (d(2026, 5, 14), Some(Holiday::AscensionDay)),
            (d(2026, 5, 24), Some(Holiday::WhitSunday)),
            (d(2026, 5, 25), Some(Holiday::WhitMonday)),
            (d(2025, 6, 9), Some(Holiday::WhitMonday)),
            (d(2025, 5, 29), Some(Holiday::AscensionDay)),
            (d(2026, 12, 25), Some(Holiday::ChristmasDay)),
            (d(2026, 12, 26), Some(Holiday::BoxingDay)),
            (d(2026, 12, 24), None),
        ];
        for (date, expected) in cases {
            assert_eq!(public_holiday(date), expected, "{date}");
            assert_eq!(is_public_holiday(date), expected.is_some(), "{date}");
        }
    }

    #[test]
    fn holiday_list_is_sorted_and_complete() {
        let list = dutch_public_holidays(2026);
        assert_eq!(list.len(), 11);
        assert!(list.windows(2).all(|w| w[0].0 <= w[1].0));
    }

    #[test]
    fn working_days() {
        let cases = [
            (d(2026, 3, 2), true),   // Monday
            (d(2026, 3, 6), true),   // Friday
            (d(2026, 3, 7), false),  // Saturday
            (d(2026, 3, 8), false),  // Sunday
            (d(2026, 4, 3), false),  // Good Friday
            (d(2026, 4, 6), false),  // Easter Monday
            (d(2026, 4, 27), false), // King's Day, a Monday
            (d(2026, 5, 5), false),  // Liberation Day, a Tuesday
            (d(2026, 5, 14), false), // Ascension Day
            (d(2026, 5, 15), true),  // Friday after Ascension
        ];
        for (date, expected) in cases {
            assert_eq!(is_working_day(date), expected, "{date}");
        }
    }

    #[test]
    fn next_working_days() {
        use Jurisdiction::{Be, Nl};
        let cases = [
            (d(2026, 3, 2), Nl, d(2026, 3, 3)),     // Monday -> Tuesday
            (d(2026, 3, 6), Nl, d(2026, 3, 9)),     // Friday -> Monday
            (d(2026, 4, 2), Nl, d(2026, 4, 7)),     // Thursday before Easter -> Tuesday after
            (d(2026, 4, 2), Be, d(2026, 4, 3)),     // Good Friday is a Belgian working day
            (d(2026, 12, 24), Nl, d(2026, 12, 28)), // Christmas Eve -> Monday after Boxing Day
            (d(2026, 12, 24), Be, d(2026, 12, 28)), // Christmas over a weekend in Belgium too
            (d(2025, 12, 31), Nl, d(2026, 1, 2)),   // New Year's Eve -> 2 January
            (d(2026, 5, 13), Nl, d(2026, 5, 15)),   // Wednesday before Ascension -> Friday
            (d(2026, 7, 20), Nl, d(2026, 7, 21)),   // 21 July is a Dutch working day
            (d(2026, 7, 20), Be, d(2026, 7, 22)),   // and the Belgian National Day
            (d(2026, 4, 24), Be, d(2026, 4, 27)),   // King's Day is Dutch only
        ];
        for (date, jurisdiction, expected) in cases {
            assert_eq!(
                next_working_day(date, jurisdiction),
                expected,
                "{date} {jurisdiction:?}"
            );
        }
    }

    #[test]
    fn previous_working_days() {
        use Jurisdiction::{Be, Nl};
        let cases = [
            (d(2026, 3, 3), Nl, d(2026, 3, 2)),   // Tuesday -> Monday
            (d(2026, 3, 9), Nl, d(2026, 3, 6)),   // Monday -> Friday
            (d(2026, 4, 7), Nl, d(2026, 4, 2)),   // Tuesday after Easter -> Thursday before
            (d(2026, 4, 7), Be, d(2026, 4, 3)),   // Good Friday is a Belgian working day
            (d(2026, 7, 22), Be, d(2026, 7, 20)), // over the Belgian National Day
        ];
        for (date, jurisdiction, expected) in cases {
            assert_eq!(
                previous_working_day(date, jurisdiction),
                Some(expected),
                "{date} {jurisdiction:?}"
            );
        }
        assert_eq!(previous_working_day(NaiveDate::MIN, Nl), None);
    }

    #[test]
    fn belgian_working_days() {
        let cases = [
            (d(2026, 3, 2), true),    // Monday
            (d(2026, 3, 7), false),   // Saturday
            (d(2026, 4, 3), true),    // Good Friday is not a Belgian holiday
            (d(2026, 4, 6), false),   // Easter Monday
            (d(2026, 4, 27), true),   // King's Day is Dutch only
            (d(2026, 5, 1), false),   // Labour Day
            (d(2026, 5, 5), true),    // Liberation Day is Dutch only
            (d(2026, 5, 14), false),  // Ascension Day
            (d(2026, 7, 21), false),  // National Day
            (d(2025, 8, 15), false),  // Assumption
            (d(2025, 11, 11), false), // Armistice
            (d(2025, 12, 26), true),  // Boxing Day is not a Belgian legal holiday
        ];
        for (date, expected) in cases {
            assert_eq!(is_belgian_working_day(date), expected, "{date}");
        }
        assert_eq!(belgian_public_holidays(2026).len(), 10);
    }

    #[test]
    fn edges_of_the_date_range_do_not_panic() {
        assert_eq!(next_working_day(NaiveDate::MAX, Jurisdiction::Be), NaiveDate::MAX);
        let _ = is_working_day(NaiveDate::MAX);
        let _ = is_working_day(NaiveDate::MIN);
        let _ = next_working_day(NaiveDate::MIN, Jurisdiction::Nl);
        let _ = dutch_public_holidays(NaiveDate::MAX.year());
        let _ = dutch_public_holidays(NaiveDate::MIN.year());
        let _ = dutch_public_holidays(i32::MAX);
        let _ = dutch_public_holidays(i32::MIN);
        let _ = belgian_public_holidays(i32::MAX);
        let _ = is_belgian_working_day(NaiveDate::MAX);
        let _ = is_belgian_working_day(NaiveDate::MIN);
    }
}
