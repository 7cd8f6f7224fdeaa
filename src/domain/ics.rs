//! The coming steps as a calendar file (iCalendar, RFC 5545), so a user can see in their own
//! calendar on which day to send a reminder or make a call.
//!
//! Every step becomes one all-day event. Its UID is derived from what the step is about
//! (customer, action, message, invoices) and not from its date, so importing a newer export
//! moves an event that shifted instead of adding a second copy beside it.
//!
//! The writer follows the RFC where calendar programs are strict about it: lines end in CRLF,
//! text values escape backslash, semicolon, comma and line breaks, and lines longer than 75
//! octets are folded without ever splitting a UTF-8 character.

use std::collections::HashMap;
use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use serde::Serialize;

use crate::domain::engine::Step;
use crate::domain::messages::{action_label, channel_label, message_label};
use crate::domain::model::{Channel, Customer, DayPart, Invoice, Lang};
use crate::domain::sorting;

/// One all-day event in the calendar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalendarItem {
    pub uid: String,
    pub date: NaiveDate,
    pub summary: String,
    pub description: String,
}

/// The most octets a physical line may have, CRLF not counted (RFC 5545, section 3.1).
const MAX_LINE_OCTETS: usize = 75;

/// The name a serialisable enum has in stored data ("first_reminder"). The stored name is a
/// promise kept across versions; a `Debug` name is not, and a UID must not change when a
/// variant is merely renamed in code.
fn stored_name(value: &impl Serialize) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => name,
        _ => String::from("unknown"),
    }
}

/// Ids are the caller's opaque text. Percent-encoding everything outside a small safe set keeps
/// the UID free of characters that need escaping, and keeps distinct ids distinct.
fn push_encoded(out: &mut String, id: &str) {
    for byte in id.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'_' | b'.' | b'~') {
            out.push(char::from(byte));
        } else {
            // Writing to a String cannot fail.
            let _ = write!(out, "%{byte:02X}");
        }
    }
}

fn day_part_label(part: DayPart, lang: Lang) -> &'static str {
    match part {
        DayPart::Morning => lang.pick("'s ochtends", "in the morning"),
        DayPart::Afternoon => lang.pick("'s middags", "in the afternoon"),
        DayPart::Evening => lang.pick("'s avonds", "in the evening"),
    }
}

/// One all-day item per step, on the step's due date. Pass the steps to show (for example
/// `engine::upcoming`); the order of `steps` is kept.
pub fn step_items(steps: &[Step], customers: &[Customer], invoices: &[Invoice], lang: Lang) -> Vec<CalendarItem> {
    let customers: HashMap<_, _> = customers.iter().map(|c| (&c.id, c)).collect();
    let numbers: HashMap<_, _> = invoices.iter().map(|i| (&i.id, i.number.trim())).collect();
    steps
        .iter()
        .map(|step| {
            let action = action_label(step.action, lang);
            let summary = match customers.get(&step.customer_id).map(|c| c.name.trim()) {
                Some(name) if !name.is_empty() => format!("{action} · {name}"),
                _ => action.to_owned(),
            };

            let mut description = format!(
                "{}: {}",
                lang.pick("Kanaal", "Channel"),
                channel_label(step.channel, lang)
            );
            if let (Channel::Phone, Some(part)) = (step.channel, step.call_at) {
                let _ = write!(description, ", {}", day_part_label(part, lang));
            }
            let listed: Vec<&str> = step
                .invoice_ids
                .iter()
                .filter_map(|id| numbers.get(id).copied())
                .collect();
            if !listed.is_empty() {
                let label = if listed.len() == 1 {
                    lang.pick("Factuur", "Invoice")
                } else {
                    lang.pick("Facturen", "Invoices")
                };
                let _ = write!(description, "\n{label}: {}", listed.join(", "));
            }
            let _ = write!(
                description,
                "\n{}: {}",
                lang.pick("Bericht", "Message"),
                message_label(step.message, lang)
            );

            // The invoice ids are sorted so that the same invoices give the same UID whatever
            // order a merge listed them in.
            let mut ids: Vec<&str> = step.invoice_ids.iter().map(|id| id.as_str()).collect();
            sorting::sort(&mut ids);
            ids.dedup();
            let mut uid = String::from("step-");
            push_encoded(&mut uid, step.customer_id.as_str());
            let _ = write!(uid, "-{}-{}", stored_name(&step.action), stored_name(&step.message));
            for id in ids {
                uid.push('-');
                push_encoded(&mut uid, id);
            }
            uid.push_str("@factuurwacht");

            CalendarItem {
                uid,
                date: step.due,
                summary,
                description,
            }
        })
        .collect()
}

/// Reads a text the way it will be written: every kind of line break (CRLF, CR, LF) becomes
/// one LF, and other control characters except the tab are dropped, because RFC 5545 does not
/// allow them in a text value and calendar programs reject the file over them.
pub fn normalise_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\n' | '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Escapes a text value (RFC 5545, section 3.3.11) after normalising it.
pub fn escape_text(text: &str) -> String {
    let text = normalise_text(text);
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

/// Folds one content line into physical lines of at most 75 octets, each ending in CRLF. A
/// continuation starts with a space, which counts toward its 75. Breaks fall only on character
/// boundaries, so a multibyte character is never cut in two.
pub fn fold_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 32 + 2);
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > MAX_LINE_OCTETS {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
    out
}

/// A date as iCalendar writes it: "20261122".
fn ics_date(date: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", date.year(), date.month(), date.day())
}

/// The whole calendar file. `stamp` is the moment of the export in UTC; it becomes every
/// event's DTSTAMP, so two exports of the same moment are byte for byte the same.
pub fn calendar(items: &[CalendarItem], stamp: NaiveDateTime, lang: Lang) -> String {
    let stamp = format!(
        "{}T{:02}{:02}{:02}Z",
        ics_date(stamp.date()),
        stamp.hour(),
        stamp.minute(),
        stamp.second()
    );
    let mut out = String::new();
    let mut line = |text: &str| out.push_str(&fold_line(text));
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line(lang.pick(
        "PRODID:-//Factuurwacht//Factuurwacht//NL",
        "PRODID:-//Factuurwacht//Factuurwacht//EN",
    ));
    line("CALSCALE:GREGORIAN");
    line(&format!(
        "X-WR-CALNAME:{}",
        escape_text(lang.pick("Factuurwacht: stappen", "Factuurwacht: steps"))
    ));
    for item in items {
        line("BEGIN:VEVENT");
        line(&format!("UID:{}", escape_text(&item.uid)));
        line(&format!("DTSTAMP:{stamp}"));
        line(&format!("DTSTART;VALUE=DATE:{}", ics_date(item.date)));
        // The end of an all-day event is exclusive: the next day. The last representable date
        // has no next day; without DTEND an all-day event lasts that one day anyway.
        if let Some(next) = item.date.succ_opt() {
            line(&format!("DTEND;VALUE=DATE:{}", ics_date(next)));
        }
        line(&format!("SUMMARY:{}", escape_text(&item.summary)));
        line(&format!("DESCRIPTION:{}", escape_text(&item.description)));
        line("END:VEVENT");
    }
    line("END:VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::engine::{Action, CostsClaim, Rule, Urgency};
    use crate::domain::model::{CustomerId, InvoiceId, MessageKind};
    use crate::domain::testing::iso as d;
    use proptest::prelude::*;
    use rust_decimal::Decimal;

    /// Undoes folding: a CRLF followed by a space or tab disappears (RFC 5545, section 3.1).
    fn unfold(text: &str) -> String {
        text.replace("\r\n ", "").replace("\r\n\t", "")
    }

    fn unescape(text: &str) -> String {
        let mut out = String::new();
        let mut chars = text.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                match chars.next() {
                    Some('n') | Some('N') => out.push('\n'),
                    Some(other) => out.push(other),
                    None => out.push('\\'),
                }
            } else {
                out.push(c);
            }
        }
        out
    }

    fn step(customer: &str, action: Action, message: MessageKind, invoices: &[&str], due: &str) -> Step {
        Step {
            customer_id: CustomerId::from(customer),
            invoice_ids: invoices.iter().map(|i| InvoiceId::from(*i)).collect(),
            action,
            channel: Channel::Email,
            due: d(due),
            urgency: Urgency(1),
            message,
            rule: Rule::FirstReminderAfterDue,
            call_at: None,
            promise: None,
            instalment: None,
            plan: Vec::new(),
            talked_on: None,
            settled_on: None,
            costs: CostsClaim::None,
        }
    }

    fn invoice(id: &str, number: &str) -> Invoice {
        Invoice {
            id: InvoiceId::from(id),
            number: number.into(),
            customer_id: CustomerId::from("c1"),
            issue_date: d("2026-01-01"),
            due_date: d("2026-01-31"),
            amount: Decimal::from(100),
            currency: "EUR".into(),
            description: String::new(),
        }
    }

    #[test]
    fn text_values_are_escaped() {
        let cases = [
            ("plain", "plain"),
            ("a;b,c\\d", "a\\;b\\,c\\\\d"),
            ("one\ntwo", "one\\ntwo"),
            ("one\r\ntwo\rthree", "one\\ntwo\\nthree"),
            ("bell\u{7}tab\t", "belltab\t"),
            ("€ 1.234,50", "€ 1.234\\,50"),
        ];
        for (input, want) in cases {
            assert_eq!(escape_text(input), want, "{input:?}");
            assert_eq!(unescape(want), normalise_text(input));
        }
    }

    #[test]
    fn folding_keeps_lines_within_75_octets_and_characters_whole() {
        let short = "SUMMARY:short";
        assert_eq!(fold_line(short), "SUMMARY:short\r\n");
        let exact = "x".repeat(75);
        assert_eq!(fold_line(&exact), format!("{exact}\r\n"));
        let over = "x".repeat(76);
        assert_eq!(fold_line(&over), format!("{}\r\n x\r\n", "x".repeat(75)));
        for line in [
            format!("SUMMARY:{}", "€".repeat(60)),
            format!("DESCRIPTION:{}", "é".repeat(100)),
            format!("X:{}", "😀a".repeat(40)),
        ] {
            let folded = fold_line(&line);
            for physical in folded.split_terminator("\r\n") {
                assert!(physical.len() <= 75, "{physical:?} has {} octets", physical.len());
            }
            assert_eq!(unfold(&folded), format!("{line}\r\n"));
        }
        // Seventy-four octets of ASCII leave no room for a three-octet euro sign: it moves to
        // the next line whole.
        let line = format!("{}€", "a".repeat(73));
        assert_eq!(fold_line(&line), format!("{}\r\n €\r\n", "a".repeat(73)));
    }

    #[test]
    fn items_describe_the_step_and_have_stable_uids() {
        let mut customer = Customer::new(CustomerId::from("c 1"), "Bakkerij Jansen");
        customer.language = Lang::En;
        let invoices = [invoice("i1", "2026-001"), invoice("i2", "2026-002")];
        let mut call = step(
            "c 1",
            Action::CallAfterNoReaction,
            MessageKind::CallScript,
            &["i2", "i1"],
            "2026-03-02",
        );
        call.channel = Channel::Phone;
        call.call_at = Some(DayPart::Morning);
        let items = step_items(&[call.clone()], &[customer.clone()], &invoices, Lang::Nl);
        assert_eq!(
            items,
            [CalendarItem {
                uid: "step-c%201-call_after_no_reaction-call_script-i1-i2@factuurwacht".into(),
                date: d("2026-03-02"),
                summary: "Bellen: geen reactie · Bakkerij Jansen".into(),
                description: "Kanaal: Telefoon, 's ochtends\nFacturen: 2026-002, 2026-001\nBericht: Belscript".into(),
            }]
        );
        // Another day and another order of the same invoices: the same UID, so a calendar
        // updates the event instead of adding a second one.
        call.due = d("2026-03-09");
        call.invoice_ids.reverse();
        let later = step_items(&[call], &[customer], &invoices, Lang::En);
        assert_eq!(later[0].uid, items[0].uid);
        assert_eq!(later[0].summary, "Call: no response · Bakkerij Jansen");
        // A missing customer leaves the action alone in the summary.
        let orphan = step_items(
            &[step("x", Action::HeadsUp, MessageKind::HeadsUp, &["i1"], "2026-03-02")],
            &[],
            &invoices,
            Lang::En,
        );
        assert_eq!(orphan[0].summary, "Send a heads-up");
        assert_eq!(
            orphan[0].description,
            "Channel: Email\nInvoice: 2026-001\nMessage: Heads-up"
        );
    }

    #[test]
    fn a_two_item_calendar_is_written_exactly() {
        let items = [
            CalendarItem {
                uid: "step-c1-first_reminder-first_reminder-i1@factuurwacht".into(),
                date: d("2026-03-02"),
                summary: "Eerste herinnering sturen · Jansen, Bakker & Zn".into(),
                description: "Kanaal: E-mail\nFactuur: 2026-001".into(),
            },
            CalendarItem {
                uid: "u2@factuurwacht".into(),
                date: d("2026-12-31"),
                summary: "Opnieuw bellen · Jan".into(),
                description: "Kanaal: Telefoon; 's middags".into(),
            },
        ];
        let stamp = d("2026-03-01").and_hms_opt(9, 5, 7).unwrap();
        let want = "BEGIN:VCALENDAR\r\n\
                    VERSION:2.0\r\n\
                    PRODID:-//Factuurwacht//Factuurwacht//NL\r\n\
                    CALSCALE:GREGORIAN\r\n\
                    X-WR-CALNAME:Factuurwacht: stappen\r\n\
                    BEGIN:VEVENT\r\n\
                    UID:step-c1-first_reminder-first_reminder-i1@factuurwacht\r\n\
                    DTSTAMP:20260301T090507Z\r\n\
                    DTSTART;VALUE=DATE:20260302\r\n\
                    DTEND;VALUE=DATE:20260303\r\n\
                    SUMMARY:Eerste herinnering sturen · Jansen\\, Bakker & Zn\r\n\
                    DESCRIPTION:Kanaal: E-mail\\nFactuur: 2026-001\r\n\
                    END:VEVENT\r\n\
                    BEGIN:VEVENT\r\n\
                    UID:u2@factuurwacht\r\n\
                    DTSTAMP:20260301T090507Z\r\n\
                    DTSTART;VALUE=DATE:20261231\r\n\
                    DTEND;VALUE=DATE:20270101\r\n\
                    SUMMARY:Opnieuw bellen · Jan\r\n\
                    DESCRIPTION:Kanaal: Telefoon\\; 's middags\r\n\
                    END:VEVENT\r\n\
                    END:VCALENDAR\r\n";
        assert_eq!(calendar(&items, stamp, Lang::Nl), want);
    }

    #[test]
    fn all_day_events_end_the_next_day_and_the_last_date_does_not_panic() {
        let item = |date| CalendarItem {
            uid: "u".into(),
            date,
            summary: "s".into(),
            description: String::new(),
        };
        let stamp = d("2026-03-01").and_hms_opt(0, 0, 0).unwrap();
        let leap = calendar(&[item(d("2028-02-28"))], stamp, Lang::En);
        assert!(leap.contains("DTSTART;VALUE=DATE:20280228\r\nDTEND;VALUE=DATE:20280229\r\n"));
        assert!(leap.contains("X-WR-CALNAME:Factuurwacht: steps\r\n"));
        let last = calendar(&[item(NaiveDate::MAX)], stamp, Lang::En);
        assert!(!last.contains("DTEND"));
    }

    proptest! {
        #[test]
        fn any_text_folds_within_75_octets_and_reads_back(text in any::<String>(), prefix in "[A-Z]{1,12}") {
            let items = [CalendarItem {
                uid: "u".into(),
                date: d("2026-03-02"),
                summary: text.clone(),
                description: format!("{text}\n{text}"),
            }];
            let stamp = d("2026-03-01").and_hms_opt(0, 0, 0).unwrap();
            let file = calendar(&items, stamp, Lang::Nl);
            prop_assert!(file.ends_with("\r\n"));
            for physical in file.split_terminator("\r\n") {
                prop_assert!(physical.len() <= 75, "{:?}", physical);
                prop_assert!(!physical.contains('\r') && !physical.contains('\n'));
            }
            let unfolded = unfold(&file);
            let summary = unfolded
                .split("\r\n")
                .find_map(|l| l.strip_prefix("SUMMARY:"))
                .unwrap();
            prop_assert_eq!(unescape(summary), normalise_text(&text));

            let line = format!("{prefix}:{}", escape_text(&text));
            let folded = fold_line(&line);
            prop_assert!(folded.split_terminator("\r\n").all(|l| l.len() <= 75));
            prop_assert_eq!(unfold(&folded), format!("{line}\r\n"));
        }
    }
}
