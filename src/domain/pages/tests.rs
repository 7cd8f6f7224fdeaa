//! The pages as a user sees them, from small administrations built in the tests: which
//! steps Today lists and in which order, what an invoice's page says, and what the composer
//! drafts.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::*;
use crate::domain::engine::{Action, Idle, Rule};
use crate::domain::messages::{self, action_label, MissingDetail};
use crate::domain::model::{
    Channel, Customer, CustomerId, Event, EventId, EventKind, Invoice, InvoiceId, Lang, MessageKind, PostalAddress,
    Settings,
};
use crate::domain::testing::{dec, iso};

/// Monday 23 November 2026, the day most tests look at.
fn monday() -> NaiveDate {
    iso("2026-11-23")
}

/// Settings with every business detail a draft needs, so no draft has a placeholder.
fn settings() -> Settings {
    crate::domain::testing::settings_with_business()
}

/// A business customer reachable by email, phone and post.
fn customer(id: &str, name: &str) -> Customer {
    let mut c = Customer::new(CustomerId::from(id), name);
    c.email = format!("{id}@example.nl");
    c.phone = "06 12345678".into();
    c.address = PostalAddress {
        street: "Kerkstraat 5".into(),
        postcode: "3581 AB".into(),
        city: "Utrecht".into(),
        country: String::new(),
    };
    c
}

/// An invoice issued 30 days before it fell due; the number is the id, as the user reads it.
fn invoice(number: &str, customer: &str, amount: &str, due: &str) -> Invoice {
    let due = iso(due);
    Invoice {
        id: InvoiceId::from(number),
        number: number.into(),
        customer_id: CustomerId::from(customer),
        issue_date: due - chrono::Days::new(30),
        due_date: due,
        amount: dec(amount),
        currency: "EUR".into(),
        description: String::new(),
    }
}

/// An event on the invoices numbered `invoices`, all of customer `customer`.
fn event(date: &str, customer: &str, invoices: &[&str], channel: Channel, kind: EventKind) -> Event {
    Event {
        id: EventId::from(format!("{date}-{}", invoices.join("+")).as_str()),
        invoice_ids: invoices.iter().map(|n| InvoiceId::from(*n)).collect(),
        customer_id: CustomerId::from(customer),
        date: iso(date),
        channel,
        kind,
    }
}

/// A message that went out about `invoices`.
fn sent(date: &str, customer: &str, invoices: &[&str], channel: Channel, message: MessageKind) -> Event {
    let kind = EventKind::MessageSent {
        message,
        to: String::new(),
        subject: String::new(),
        body: String::new(),
    };
    event(date, customer, invoices, channel, kind)
}

/// A payment received on one invoice.
fn paid(date: &str, customer: &str, invoice: &str, amount: &str) -> Event {
    let kind = EventKind::PaymentReceived {
        amount: dec(amount),
        note: String::new(),
    };
    event(date, customer, &[invoice], Channel::Email, kind)
}

/// The data the pages read, borrowed from owned lists.
fn data<'a>(customers: &'a [Customer], invoices: &'a [Invoice], events: &'a [Event]) -> Data<'a> {
    Data {
        customers,
        invoices,
        events,
    }
}

// ------------------------------------------------------------------------------------------
// Today

/// Two customers on Monday 23 November 2026, with the default schedule (reminders 1 and 14
/// days after the due date, a heads-up 3 days before it):
/// - Restaurant De Linde: 2026-101 (EUR 1,200, due 26 October, first reminder sent) waits
///   for its second reminder, 2026-102 (EUR 300, due 16 November) for its first; 2026-107
///   (EUR 600, due 30 November) gets a heads-up on Friday 27 November; 2026-109 falls due in
///   January.
/// - Bakkerij Jansen: 2026-105 (EUR 150, due 19 November) and 2026-103 (EUR 450, due 20
///   November) wait for their first reminder, one message for both; 2026-104 (EUR 800, due 27
///   November) gets a heads-up on Tuesday 24 November.
fn two_customers() -> (Vec<Customer>, Vec<Invoice>, Vec<Event>) {
    let customers = vec![customer("c1", "Restaurant De Linde"), customer("c2", "Bakkerij Jansen")];
    let invoices = vec![
        invoice("2026-101", "c1", "1200.00", "2026-10-26"),
        invoice("2026-102", "c1", "300.00", "2026-11-16"),
        invoice("2026-103", "c2", "450.00", "2026-11-20"),
        invoice("2026-104", "c2", "800.00", "2026-11-27"),
        invoice("2026-105", "c2", "150.00", "2026-11-19"),
        invoice("2026-107", "c1", "600.00", "2026-11-30"),
        invoice("2026-109", "c1", "700.00", "2027-01-15"),
    ];
    let events = vec![sent(
        "2026-10-27",
        "c1",
        &["2026-101"],
        Channel::Email,
        MessageKind::FirstReminder,
    )];
    (customers, invoices, events)
}

/// A todo as the list shows it: what to do, and for which invoices.
type Shown = (&'static str, &'static [&'static str]);
/// A customer's group as the list shows it: the name, and its todos.
type ShownGroup = (&'static str, &'static [Shown]);
/// The same, as read from an agenda.
type Listed<'a> = (&'a str, Vec<(&'a str, Vec<&'a str>)>);

/// The day's work per customer, in order, whatever else the page shows: how many groups are
/// asked for decides how many are worked out, not what the counts say.
#[test]
fn today_groups_the_due_steps_per_customer_most_urgent_first() {
    const DE_LINDE_NL: ShownGroup = (
        "Restaurant De Linde",
        &[
            ("Tweede herinnering sturen", &["2026-101"]),
            ("Eerste herinnering sturen", &["2026-102"]),
        ],
    );
    const JANSEN_NL: ShownGroup = (
        "Bakkerij Jansen",
        &[("Eerste herinnering sturen", &["2026-105", "2026-103"])],
    );
    const DE_LINDE_EN: ShownGroup = (
        "Restaurant De Linde",
        &[
            ("Send a second reminder", &["2026-101"]),
            ("Send a first reminder", &["2026-102"]),
        ],
    );
    const JANSEN_EN: ShownGroup = (
        "Bakkerij Jansen",
        &[("Send a first reminder", &["2026-105", "2026-103"])],
    );
    // Name, groups asked for, language, the groups shown, and words of the first reason.
    type Case = (&'static str, usize, Lang, &'static [ShownGroup], &'static str);
    let cases: [Case; 4] = [
        (
            "all groups, in Dutch",
            GROUPS_SHOWN,
            Lang::Nl,
            &[DE_LINDE_NL, JANSEN_NL],
            "28 dagen",
        ),
        (
            "all groups, in English",
            GROUPS_SHOWN,
            Lang::En,
            &[DE_LINDE_EN, JANSEN_EN],
            "28 days",
        ),
        ("the first group only", 1, Lang::En, &[DE_LINDE_EN], "28 days"),
        ("no group asked for", 0, Lang::Nl, &[], ""),
    ];
    let (customers, invoices, events) = two_customers();
    for (name, groups_shown, lang, expected, first_reason) in cases {
        let agenda = agenda(
            data(&customers, &invoices, &events),
            &settings(),
            monday(),
            lang,
            groups_shown,
        );
        let shown: Vec<Listed> = agenda
            .groups
            .iter()
            .map(|g| {
                let todos = g
                    .todos
                    .iter()
                    .map(|t| {
                        (
                            action_label(t.step.action, lang),
                            t.numbers.iter().map(String::as_str).collect(),
                        )
                    })
                    .collect();
                (g.customer.as_str(), todos)
            })
            .collect();
        let expected: Vec<Listed> = expected
            .iter()
            .map(|(customer, todos)| (*customer, todos.iter().map(|(a, n)| (*a, n.to_vec())).collect()))
            .collect();
        assert_eq!(shown, expected, "{name}");
        for group in &agenda.groups {
            for todo in &group.todos {
                assert_eq!(
                    todo.customer, group.customer,
                    "{name}: a todo names its group's customer"
                );
                assert!(!todo.reason.is_empty(), "{name}: every todo says why");
                assert!(todo.step.due <= monday(), "{name}: only what is due today or earlier");
            }
        }
        if let Some(first) = agenda.groups.first().and_then(|g| g.todos.first()) {
            assert!(first.reason.contains(first_reason), "{name}: {}", first.reason);
        }
        // The counts are of everything due, so the page can say how many customers wait.
        assert_eq!((agenda.due_steps, agenda.due_customers), (3, 2), "{name}");
        assert_eq!(agenda.today, monday(), "{name}");
        assert!(agenda.has_invoices, "{name}");
        assert_eq!(agenda.overview.total_outstanding, dec("4200.00"), "{name}");
    }
}

/// The todos carry what the list prints beside the action: the amount still open on the
/// invoices the step covers.
#[test]
fn a_todo_names_what_its_invoices_still_owe() {
    let (customers, invoices, mut events) = two_customers();
    events.push(paid("2026-11-10", "c1", "2026-101", "200.00"));
    let agenda = agenda(
        data(&customers, &invoices, &events),
        &settings(),
        monday(),
        Lang::Nl,
        GROUPS_SHOWN,
    );
    let owed: Vec<(Vec<String>, Decimal)> = agenda
        .groups
        .iter()
        .flat_map(|g| &g.todos)
        .map(|t| (t.numbers.clone(), t.outstanding))
        .collect();
    let numbers = |n: &[&str]| n.iter().map(|n| (*n).to_owned()).collect::<Vec<_>>();
    assert_eq!(
        owed,
        [
            (numbers(&["2026-101"]), dec("1000.00")),
            (numbers(&["2026-102"]), dec("300.00")),
            (numbers(&["2026-105", "2026-103"]), dec("600.00")),
        ]
    );
}

/// The next seven days, by date, with the customer and invoices of each step; a step further
/// away is not listed.
#[test]
fn today_lists_the_coming_steps_by_date() {
    // Language, and each coming step as its date, customer, action and invoices.
    type Case = (
        Lang,
        [(&'static str, &'static str, &'static str, &'static [&'static str]); 2],
    );
    let cases: [Case; 2] = [
        (
            Lang::Nl,
            [
                (
                    "2026-11-24",
                    "Bakkerij Jansen",
                    "Herinnering vooraf sturen",
                    &["2026-104"],
                ),
                (
                    "2026-11-27",
                    "Restaurant De Linde",
                    "Herinnering vooraf sturen",
                    &["2026-107"],
                ),
            ],
        ),
        (
            Lang::En,
            [
                ("2026-11-24", "Bakkerij Jansen", "Send a heads-up", &["2026-104"]),
                ("2026-11-27", "Restaurant De Linde", "Send a heads-up", &["2026-107"]),
            ],
        ),
    ];
    let (customers, invoices, events) = two_customers();
    for (lang, expected) in cases {
        // Upcoming steps do not depend on how many groups are shown.
        for groups_shown in [0, GROUPS_SHOWN] {
            let agenda = agenda(
                data(&customers, &invoices, &events),
                &settings(),
                monday(),
                lang,
                groups_shown,
            );
            let upcoming: Vec<(NaiveDate, &str, &str, Vec<&str>)> = agenda
                .upcoming
                .iter()
                .map(|t| {
                    let numbers = t.numbers.iter().map(String::as_str).collect();
                    (
                        t.step.due,
                        t.customer.as_str(),
                        action_label(t.step.action, lang),
                        numbers,
                    )
                })
                .collect();
            let expected: Vec<(NaiveDate, &str, &str, Vec<&str>)> = expected
                .iter()
                .map(|(date, customer, action, numbers)| (iso(date), *customer, *action, numbers.to_vec()))
                .collect();
            assert_eq!(upcoming, expected, "{lang:?}, {groups_shown} groups");
            assert_eq!(agenda.upcoming_total, 2);
            assert!(agenda.upcoming.iter().all(|t| !t.reason.is_empty()));
        }
    }
}

/// A long queue is worked out only as far as the page shows it; the counts still say how
/// much there is.
#[test]
fn today_works_out_only_what_it_shows() {
    // Customers with an overdue invoice, customers with a heads-up tomorrow, groups asked for;
    // groups and coming steps shown, and their totals.
    type Case = (usize, usize, usize, (usize, usize), (usize, usize));
    let cases: [Case; 4] = [
        (3, 2, GROUPS_SHOWN, (3, 3), (2, 2)),
        (30, 0, GROUPS_SHOWN, (GROUPS_SHOWN, 30), (0, 0)),
        (30, 0, 2 * GROUPS_SHOWN, (30, 30), (0, 0)),
        (0, 60, GROUPS_SHOWN, (0, 0), (UPCOMING_SHOWN, 60)),
    ];
    for (overdue, coming, groups_shown, groups, upcoming) in cases {
        let mut customers = Vec::new();
        let mut invoices = Vec::new();
        for n in 0..overdue + coming {
            let id = format!("c{n}");
            let due = if n < overdue { "2026-11-02" } else { "2026-11-27" };
            customers.push(customer(&id, &format!("Klant {n}")));
            invoices.push(invoice(&format!("2026-{n:03}"), &id, "100.00", due));
        }
        let agenda = agenda(
            data(&customers, &invoices, &[]),
            &settings(),
            monday(),
            Lang::Nl,
            groups_shown,
        );
        let case = format!("{overdue} overdue, {coming} coming, {groups_shown} groups asked for");
        assert_eq!((agenda.groups.len(), agenda.due_customers), groups, "{case}");
        assert_eq!(agenda.due_steps, overdue, "{case}");
        assert_eq!((agenda.upcoming.len(), agenda.upcoming_total), upcoming, "{case}");
    }
}

/// Without invoices the page invites the user to enter some.
#[test]
fn today_without_invoices_is_empty() {
    let customers = [customer("c1", "Restaurant De Linde")];
    let agenda = agenda(
        data(&customers, &[], &[]),
        &settings(),
        monday(),
        Lang::Nl,
        GROUPS_SHOWN,
    );
    assert!(!agenda.has_invoices);
    assert!(agenda.groups.is_empty() && agenda.upcoming.is_empty());
    assert_eq!(
        (agenda.due_steps, agenda.due_customers, agenda.upcoming_total),
        (0, 0, 0)
    );
}

/// Chasing paused for one invoice on `date`, with the reason the user typed.
fn pause(date: &str, customer: &str, invoice: &str, reason: &str) -> Event {
    let kind = EventKind::ChasePaused { reason: reason.into() };
    event(date, customer, &[invoice], Channel::Email, kind)
}

/// A pause as Today lists it: customer, the invoice paused on its own (none for the whole
/// customer), how many invoices it holds, open, overdue, and the reason.
type Held = (
    &'static str,
    Option<&'static str>,
    usize,
    &'static str,
    &'static str,
    &'static str,
);
/// The same, as read from an agenda.
type HeldListed<'a> = (&'a str, Option<&'a str>, usize, Decimal, Decimal, &'a str);

/// Today lists the open money a pause holds, as the engine reads a pause: a whole customer's
/// in one line, an invoice paused on its own in its own line, most overdue first. What the
/// engine would not chase anyway (paid, written off, handed over) is left out, and a paused
/// customer's invoices are neither in the day's work nor in the coming days.
#[test]
fn today_lists_what_is_paused() {
    let resumed = || {
        let mut e = event(
            "2026-11-20",
            "c1",
            &["2026-101"],
            Channel::Email,
            EventKind::ChaseResumed,
        );
        e.id = EventId::from("resumed");
        e
    };
    let written_off = event(
        "2026-11-10",
        "c1",
        &["2026-102"],
        Channel::Email,
        EventKind::WrittenOff {
            reason: "failliet".into(),
        },
    );
    let handed_over = event(
        "2026-11-12",
        "c1",
        &["2026-101"],
        Channel::Email,
        EventKind::HandedOver {
            agency: "Incasso BV".into(),
        },
    );
    // Name, Bakkerij Jansen's pause, the events added, and the pauses listed.
    type Case = (&'static str, Option<&'static str>, Vec<Event>, &'static [Held]);
    let cases: [Case; 10] = [
        ("nothing paused", None, vec![], &[]),
        (
            "a customer paused: all its open invoices, the late ones counted apart",
            Some(" Eigenaar in het ziekenhuis "),
            vec![],
            &[(
                "Bakkerij Jansen",
                None,
                3,
                "1400.00",
                "600.00",
                "Eigenaar in het ziekenhuis",
            )],
        ),
        (
            "a customer paused without a reason",
            Some(""),
            vec![],
            &[("Bakkerij Jansen", None, 3, "1400.00", "600.00", "")],
        ),
        (
            "one invoice paused, with the latest reason",
            None,
            vec![
                pause("2026-11-01", "c1", "2026-101", "Belt terug"),
                pause("2026-11-02", "c1", "2026-101", " Op vakantie "),
            ],
            &[(
                "Restaurant De Linde",
                Some("2026-101"),
                1,
                "1200.00",
                "1200.00",
                "Op vakantie",
            )],
        ),
        (
            "an invoice pause that is resumed holds nothing",
            None,
            vec![pause("2026-11-01", "c1", "2026-101", "Belt terug"), resumed()],
            &[],
        ),
        (
            "a paused invoice that is not yet due, part paid",
            None,
            vec![
                pause("2026-11-01", "c1", "2026-107", ""),
                paid("2026-11-05", "c1", "2026-107", "100.00"),
            ],
            &[("Restaurant De Linde", Some("2026-107"), 1, "500.00", "0", "")],
        ),
        (
            "a paused invoice that is paid, written off or handed over holds nothing",
            None,
            vec![
                pause("2026-11-01", "c1", "2026-107", ""),
                paid("2026-11-05", "c1", "2026-107", "600.00"),
                pause("2026-11-01", "c1", "2026-102", ""),
                written_off.clone(),
                pause("2026-11-01", "c1", "2026-101", ""),
                handed_over.clone(),
            ],
            &[],
        ),
        (
            "a paid invoice of a paused customer is not counted",
            Some("ziek"),
            vec![paid("2026-11-05", "c2", "2026-105", "150.00")],
            &[("Bakkerij Jansen", None, 2, "1250.00", "450.00", "ziek")],
        ),
        (
            "an invoice paused within a paused customer counts with the customer",
            Some("ziek"),
            vec![pause("2026-11-01", "c2", "2026-103", "eigen reden")],
            &[("Bakkerij Jansen", None, 3, "1400.00", "600.00", "ziek")],
        ),
        (
            "a customer and an invoice paused: the most overdue first",
            Some("ziek"),
            vec![pause("2026-11-01", "c1", "2026-101", "")],
            &[
                ("Restaurant De Linde", Some("2026-101"), 1, "1200.00", "1200.00", ""),
                ("Bakkerij Jansen", None, 3, "1400.00", "600.00", "ziek"),
            ],
        ),
    ];
    for (name, jansen, extra, expected) in cases {
        let (mut customers, invoices, mut events) = two_customers();
        customers[1].paused = jansen.map(str::to_owned);
        events.extend(extra);
        let agenda = agenda(
            data(&customers, &invoices, &events),
            &settings(),
            monday(),
            Lang::Nl,
            GROUPS_SHOWN,
        );
        let listed: Vec<HeldListed> = agenda
            .paused
            .iter()
            .map(|p| {
                (
                    p.customer.as_str(),
                    p.invoice.as_ref().map(|(_, number)| number.as_str()),
                    p.invoices,
                    p.outstanding,
                    p.overdue,
                    p.reason.as_str(),
                )
            })
            .collect();
        let expected: Vec<HeldListed> = expected
            .iter()
            .map(|&(customer, invoice, n, outstanding, overdue, reason)| {
                (customer, invoice, n, dec(outstanding), dec(overdue), reason)
            })
            .collect();
        assert_eq!(listed, expected, "{name}");
        for p in &agenda.paused {
            let id = invoices
                .iter()
                .find(|i| Some(i.number.as_str()) == p.invoice.as_ref().map(|(_, n)| n.as_str()));
            assert_eq!(
                p.invoice.as_ref().map(|(id, _)| id),
                id.map(|i| &i.id),
                "{name}: the invoice id goes with its number"
            );
        }
        // What is paused is no step, today or in the coming days.
        let paused_customer = jansen.is_some();
        let steps = agenda.groups.iter().flat_map(|g| &g.todos).chain(&agenda.upcoming);
        for todo in steps {
            assert!(
                !(paused_customer && todo.customer == "Bakkerij Jansen"),
                "{name}: {todo:?}"
            );
            for held in agenda.paused.iter().filter_map(|p| p.invoice.as_ref()) {
                assert!(!todo.numbers.contains(&held.1), "{name}: {todo:?}");
            }
        }
    }
}

/// When nothing is due, Today says whether that is because all is up to date or because a
/// pause holds money back, and it says the money in a few words.
#[test]
fn today_without_work_names_what_is_paused() {
    let held = |invoice: Option<&str>, outstanding: &str, overdue: &str| Pause {
        customer_id: CustomerId::from("c1"),
        customer: "Bakkerij Jansen".into(),
        invoice: invoice.map(|n| (InvoiceId::from(n), n.to_owned())),
        invoices: 1,
        outstanding: dec(outstanding),
        overdue: dec(overdue),
        reason: String::new(),
    };
    let customer = held(None, "5771.08", "5771.08");
    let invoice = held(Some("2026-101"), "600.00", "0");
    // The pauses, and the sentence in Dutch and in English.
    type Case = (Vec<Pause>, &'static str, &'static str);
    let cases: [Case; 5] = [
        (
            vec![],
            "Vandaag hoeft er niets. Alle openstaande facturen zijn bij.",
            "Nothing to do today. All open invoices are up to date.",
        ),
        (
            vec![customer.clone()],
            "Vandaag hoeft er niets. Wel staat het herinneren op pauze voor 1 klant; je ziet ze hieronder.",
            "Nothing to do today. Chasing is paused for 1 customer, though; they are listed below.",
        ),
        (
            vec![invoice.clone()],
            "Vandaag hoeft er niets. Wel staat het herinneren op pauze voor 1 factuur; je ziet ze hieronder.",
            "Nothing to do today. Chasing is paused for 1 invoice, though; they are listed below.",
        ),
        (
            vec![customer.clone(), invoice.clone(), invoice.clone()],
            "Vandaag hoeft er niets. Wel staat het herinneren op pauze voor 1 klant en 2 facturen; je ziet ze hieronder.",
            "Nothing to do today. Chasing is paused for 1 customer and 2 invoices, though; they are listed below.",
        ),
        (
            vec![customer.clone(), customer.clone()],
            "Vandaag hoeft er niets. Wel staat het herinneren op pauze voor 2 klanten; je ziet ze hieronder.",
            "Nothing to do today. Chasing is paused for 2 customers, though; they are listed below.",
        ),
    ];
    for (paused, nl, en) in cases {
        assert_eq!(nothing_due(&paused, Lang::Nl), nl);
        assert_eq!(nothing_due(&paused, Lang::En), en);
    }
    // Open and overdue, open and all overdue, open and none overdue.
    let amounts: [(Pause, &str, &str); 3] = [
        (
            held(None, "5771.08", "5771.08"),
            "€ 5.771,08 te laat",
            "€5,771.08 overdue",
        ),
        (
            held(None, "1400.00", "600.00"),
            "€ 1.400,00 open, waarvan € 600,00 te laat",
            "€1,400.00 open, of which €600.00 overdue",
        ),
        (
            held(Some("2026-101"), "600.00", "0"),
            "€ 600,00 open, nog niet vervallen",
            "€600.00 open, not yet due",
        ),
    ];
    for (pause, nl, en) in amounts {
        assert_eq!(
            (pause.amounts(Lang::Nl), pause.amounts(Lang::En)),
            (nl.to_owned(), en.to_owned())
        );
    }
}

// ------------------------------------------------------------------------------------------
// One invoice

/// Two invoices of one customer chased together up to a hand-over notice (Monday 2 March
/// 2026 due, first reminder, last reminder by post, notice on 9 April naming 13 April). The
/// events are listed newest first, as nothing guarantees their order in storage.
fn noticed(numbers: &[&str]) -> Vec<Event> {
    vec![
        sent("2026-04-09", "c1", numbers, Channel::Email, MessageKind::HandOverNotice),
        sent(
            "2026-04-01",
            "c1",
            &["2026-011", "2026-012"],
            Channel::Letter,
            MessageKind::LastReminder,
        ),
        sent(
            "2026-03-03",
            "c1",
            &["2026-011", "2026-012"],
            Channel::Email,
            MessageKind::FirstReminder,
        ),
    ]
}

/// What an invoice's page says: the step and its reason, or why there is none; which
/// invoices one hand-over records together; and the dossier, oldest first.
#[test]
fn an_invoice_page_shows_its_step_or_why_there_is_none() {
    struct Case {
        name: &'static str,
        invoices: Vec<Invoice>,
        events: Vec<Event>,
        open: &'static str,
        today: &'static str,
        /// The step's rule and day, if there is a step.
        step: Option<(Rule, &'static str)>,
        together: &'static [&'static str],
        idle: Option<Idle>,
        outstanding: &'static str,
        entries: &'static [&'static str],
    }
    let pair = || {
        vec![
            invoice("2026-011", "c1", "1000.00", "2026-03-02"),
            invoice("2026-012", "c1", "500.00", "2026-03-02"),
        ]
    };
    const CHASED: &[&str] = &["2026-03-03", "2026-04-01", "2026-04-09"];
    let cases = [
        Case {
            name: "a hand-over announced for two invoices is recorded for both",
            invoices: pair(),
            events: noticed(&["2026-011", "2026-012"]),
            open: "2026-011",
            today: "2026-04-13",
            step: Some((Rule::HandOverOnTheDayNoticed, "2026-04-13")),
            together: &["2026-011", "2026-012"],
            idle: None,
            outstanding: "1000.00",
            entries: CHASED,
        },
        Case {
            name: "the other invoice of that hand-over names both too",
            invoices: pair(),
            events: noticed(&["2026-011", "2026-012"]),
            open: "2026-012",
            today: "2026-04-13",
            step: Some((Rule::HandOverOnTheDayNoticed, "2026-04-13")),
            together: &["2026-011", "2026-012"],
            idle: None,
            outstanding: "500.00",
            entries: CHASED,
        },
        Case {
            name: "a hand-over announced for one invoice is recorded for that one",
            invoices: pair(),
            events: noticed(&["2026-011"]),
            open: "2026-011",
            today: "2026-04-13",
            step: Some((Rule::HandOverOnTheDayNoticed, "2026-04-13")),
            together: &[],
            idle: None,
            outstanding: "1000.00",
            entries: CHASED,
        },
        Case {
            name: "before the day the notice named, the hand-over is the coming step",
            invoices: pair(),
            events: noticed(&["2026-011", "2026-012"]),
            open: "2026-011",
            today: "2026-04-10",
            step: Some((Rule::HandOverOnTheDayNoticed, "2026-04-13")),
            together: &["2026-011", "2026-012"],
            idle: None,
            outstanding: "1000.00",
            entries: CHASED,
        },
        Case {
            name: "an overdue invoice waits for its first reminder",
            invoices: vec![invoice("2026-102", "c1", "300.00", "2026-11-16")],
            events: vec![],
            open: "2026-102",
            today: "2026-11-23",
            step: Some((Rule::FirstReminderAfterDue, "2026-11-17")),
            together: &[],
            idle: None,
            outstanding: "300.00",
            entries: &[],
        },
        Case {
            name: "a paid invoice has no step, and says why",
            invoices: vec![invoice("2026-021", "c1", "300.00", "2026-11-02")],
            events: vec![paid("2026-11-05", "c1", "2026-021", "300.00")],
            open: "2026-021",
            today: "2026-11-23",
            step: None,
            together: &[],
            idle: Some(Idle::Paid),
            outstanding: "0",
            entries: &["2026-11-05"],
        },
    ];
    let customers = [customer("c1", "Restaurant De Linde")];
    let settings = settings();
    for case in cases {
        let name = case.name;
        let today = iso(case.today);
        let file = invoice_file(
            data(&customers, &case.invoices, &case.events),
            &settings,
            case.open,
            today,
            Lang::Nl,
        )
        .unwrap_or_else(|| panic!("{name}: the page exists"));
        assert_eq!(file.invoice.number, case.open, "{name}");
        assert_eq!(file.customer.name, "Restaurant De Linde", "{name}");
        let step = file.step.as_ref().map(|(step, _)| (step.rule, step.due));
        assert_eq!(step, case.step.map(|(rule, due)| (rule, iso(due))), "{name}");
        if let Some((step, reason)) = &file.step {
            assert!(
                step.invoice_ids.iter().any(|id| id.as_str() == case.open),
                "{name}: the step covers it"
            );
            assert!(!reason.is_empty(), "{name}: the step says why");
        }
        let together: Vec<&str> = file
            .hand_over_together
            .iter()
            .map(|(_, number)| number.as_str())
            .collect();
        assert_eq!(together, case.together, "{name}");
        assert!(
            file.hand_over_together.iter().all(|(id, number)| id.as_str() == number),
            "{name}: each number is its invoice's"
        );
        let expected_idle = case.idle.map(|idle| {
            messages::idle_reason(
                Some(idle),
                &file.customer,
                file.situation.outstanding,
                &settings,
                Lang::Nl,
            )
        });
        assert_eq!(file.idle, expected_idle, "{name}");
        assert!(file.idle.as_ref().is_none_or(|why| !why.is_empty()), "{name}");
        assert_eq!(file.balance.outstanding, dec(case.outstanding), "{name}");
        let dates: Vec<NaiveDate> = file.entries.iter().map(|e| e.date).collect();
        let expected: Vec<NaiveDate> = case.entries.iter().map(|d| iso(d)).collect();
        assert_eq!(dates, expected, "{name}: the dossier, oldest first");
    }
}

/// An id that is not stored, or an invoice whose customer is gone, has no page.
#[test]
fn an_invoice_page_needs_the_invoice_and_its_customer() {
    let customers = [customer("c1", "Restaurant De Linde")];
    let invoices = [
        invoice("2026-101", "c1", "100.00", "2026-11-02"),
        invoice("2026-102", "gone", "100.00", "2026-11-02"),
    ];
    // Id, and whether it has a page.
    let cases = [
        ("2026-101", true),
        ("2026-102", false),
        ("2026-999", false),
        ("", false),
    ];
    for (id, exists) in cases {
        let file = invoice_file(data(&customers, &invoices, &[]), &settings(), id, monday(), Lang::En);
        assert_eq!(file.is_some(), exists, "{id:?}");
    }
}

// ------------------------------------------------------------------------------------------
// The composer

/// The draft for the step covering an invoice: it covers the invoice, is written in the
/// customer's language and names the invoices and what they owe; an invoice without a step
/// has nothing to compose.
#[test]
fn the_composer_drafts_the_step_covering_an_invoice() {
    struct Case {
        name: &'static str,
        language: Lang,
        open: &'static str,
        /// `None` when nothing is composed; else the invoices the step covers, its action,
        /// what is still owed, and what the body must say.
        expected: Option<(&'static [&'static str], Action, &'static str, &'static [&'static str])>,
    }
    let cases = [
        Case {
            name: "an overdue invoice gets its first reminder",
            language: Lang::Nl,
            open: "2026-102",
            expected: Some((
                &["2026-102"],
                Action::FirstReminder,
                "300.00",
                &["2026-102", "€ 300,00"],
            )),
        },
        Case {
            name: "a second reminder, in English for an English customer",
            language: Lang::En,
            open: "2026-101",
            expected: Some((
                &["2026-101"],
                Action::SecondReminder,
                "1200.00",
                &["2026-101", "€1,200.00"],
            )),
        },
        Case {
            name: "two invoices of one customer make one message",
            language: Lang::Nl,
            open: "2026-103",
            expected: Some((
                &["2026-105", "2026-103"],
                Action::FirstReminder,
                "600.00",
                &["2026-105", "2026-103", "€ 150,00", "€ 450,00", "€ 600,00"],
            )),
        },
        Case {
            name: "a step due later can be taken now",
            language: Lang::Nl,
            open: "2026-104",
            expected: Some((&["2026-104"], Action::HeadsUp, "800.00", &["2026-104", "€ 800,00"])),
        },
        Case {
            name: "a written-off invoice has nothing to compose",
            language: Lang::Nl,
            open: "2026-111",
            expected: None,
        },
        Case {
            name: "a paid invoice has nothing to compose",
            language: Lang::Nl,
            open: "2026-110",
            expected: None,
        },
        Case {
            name: "an unknown invoice has nothing to compose",
            language: Lang::Nl,
            open: "2026-999",
            expected: None,
        },
    ];
    let (mut customers, mut invoices, mut events) = two_customers();
    invoices.push(invoice("2026-110", "c2", "250.00", "2026-11-02"));
    events.push(paid("2026-11-04", "c2", "2026-110", "250.00"));
    invoices.push(invoice("2026-111", "c2", "90.00", "2026-10-01"));
    let written_off = EventKind::WrittenOff {
        reason: "failliet".into(),
    };
    events.push(event("2026-11-01", "c2", &["2026-111"], Channel::Email, written_off));
    for case in cases {
        let name = case.name;
        for c in &mut customers {
            c.language = case.language;
        }
        let composition = compose(
            data(&customers, &invoices, &events),
            &settings(),
            case.open,
            monday(),
            Lang::Nl,
        );
        let Some((covers, action, outstanding, said)) = case.expected else {
            assert_eq!(composition, None, "{name}");
            continue;
        };
        let c = composition.unwrap_or_else(|| panic!("{name}: a draft"));
        let ids: Vec<&str> = c.step.invoice_ids.iter().map(InvoiceId::as_str).collect();
        assert_eq!(ids, covers, "{name}");
        assert_eq!(c.step.action, action, "{name}");
        assert_eq!(c.outstanding, dec(outstanding), "{name}");
        assert_eq!(c.customer.id, c.step.customer_id, "{name}");
        assert_eq!(c.today, monday(), "{name}");
        for words in said {
            assert!(c.body.contains(words), "{name}: the body says {words:?}:\n{}", c.body);
        }
        assert!(!c.subject.is_empty(), "{name}: an email has a subject");
        assert!(!c.reason.is_empty(), "{name}: the step says why");
        assert!(c.missing.is_empty(), "{name}: the settings have every detail");
        assert!(!messages::has_placeholder(&c.body), "{name}: nothing left to fill in");
    }
}

/// The reason is in the user's language, the draft in the customer's; the details the
/// settings lack are named, and the draft holds a placeholder for each.
#[test]
fn the_composer_says_what_the_settings_lack() {
    // The user's language, the settings, and the details the draft lacks.
    type Case = (Lang, fn() -> Settings, &'static [MissingDetail]);
    let no_iban = || {
        let mut s = settings();
        s.business.iban = String::new();
        s
    };
    let cases: [Case; 3] = [
        (Lang::Nl, settings, &[]),
        (Lang::En, no_iban, &[MissingDetail::Iban]),
        (Lang::En, Settings::default, &[MissingDetail::Name, MissingDetail::Iban]),
    ];
    let (customers, invoices, events) = two_customers();
    for (lang, settings, missing) in cases {
        let c = compose(
            data(&customers, &invoices, &events),
            &settings(),
            "2026-102",
            monday(),
            lang,
        )
        .expect("the first reminder's draft");
        assert_eq!(c.missing, missing, "{lang:?}");
        assert_eq!(messages::has_placeholder(&c.body), !missing.is_empty(), "{lang:?}");
        // The customer reads Dutch, whatever the user's language.
        assert!(c.body.contains("€ 300,00"), "{lang:?}");
        let agenda = agenda(
            data(&customers, &invoices, &events),
            &settings(),
            monday(),
            lang,
            GROUPS_SHOWN,
        );
        let listed = agenda.groups.iter().flat_map(|g| &g.todos).find(|t| t.step == c.step);
        assert_eq!(
            listed.map(|t| &t.reason),
            Some(&c.reason),
            "{lang:?}: the reason Today gives"
        );
    }
}
