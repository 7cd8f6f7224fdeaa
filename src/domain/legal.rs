//! Dutch and Belgian legal amounts: collection costs, statutory interest, consumer caps and
//! the 14-day letter's dates. Every amount comes with its working.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A rate in percent per year, in force from `from` until the next entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RatePeriod {
    pub from: NaiveDate,
    pub percent: Decimal,
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
            nl_consumer: table(&[(2023, 1, "4"), (2023, 7, "6"), (2024, 1, "7"), (2024, 7, "7"), (2025, 1, "6"), (2025, 7, "6"), (2026, 1, "4")]),
            nl_commercial: table(&[
                (2023, 1, "10.5"),
                (2023, 7, "12"),
                (2024, 1, "12.5"),
                (2024, 7, "12.25"),
                (2025, 1, "11.15"),
                (2025, 7, "10.15"),
                (2026, 1, "10.15"),
            ]),
            be_commercial: table(&[(2023, 1, "10.5"), (2023, 7, "12"), (2024, 1, "12.5"), (2024, 7, "12.5"), (2025, 1, "11.5"), (2025, 7, "10.5")]),
        }
    }
}
