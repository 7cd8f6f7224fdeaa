//! Working days and public holidays, for call retries and the 14-day letter's delivery date.

use chrono::NaiveDate;

/// Monday to Friday and not a Dutch public holiday (Algemene termijnenwet list).
pub fn is_working_day(date: NaiveDate) -> bool {
    let _ = date;
    todo!("calendar")
}

/// The first working day strictly after `date`.
pub fn next_working_day(date: NaiveDate) -> NaiveDate {
    let _ = date;
    todo!("calendar")
}
