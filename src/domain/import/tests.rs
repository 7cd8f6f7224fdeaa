use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;
use rust_decimal::Decimal;
use Field as F;
use RowProblem as P;

use super::cells::clean;
use super::customers::national_digits;
use super::export::defused;
use super::*;
use crate::domain::csv;
use crate::domain::csv::{Delimiter, Row, Table};
use crate::domain::dates::{DateError, DayOrder};
use crate::domain::model::{
    due_date_from_term, Channel, Customer, CustomerId, CustomerKind, Event, EventId, EventKind, Invoice, InvoiceId,
};
use crate::domain::money::AmountError;
use crate::domain::testing::{dec, iso as d};

/// The day the tests import on: invoice dates from twenty years before to two years after
/// it are taken as meant.
const TODAY: NaiveDate = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();

fn counter() -> impl FnMut() -> String {
    let mut n = 0;
    move || {
        n += 1;
        format!("id{n}")
    }
}

fn existing_customers() -> Vec<Customer> {
    vec![Customer::new(CustomerId::from("c-old"), "Bakkerij De Korenschoof")]
}

fn existing_invoices() -> Vec<Invoice> {
    vec![invoice("i-old", "2025-100", "c-old", "2025-12-01", "2025-12-31", "100")]
}

/// Reads, guesses and imports as the interface does, against one existing customer and one
/// existing invoice, with a default term of 30 days.
fn run(text: &str) -> ImportResult {
    let table = csv::read(text).unwrap();
    let mapping = guess_mapping(&table.headers);
    import(
        &table,
        &mapping,
        &existing_customers(),
        &existing_invoices(),
        30,
        TODAY,
        &mut counter(),
    )
}

#[test]
fn a_row_goes_to_the_customer_of_exactly_its_name_when_the_app_has_namesakes() {
    // The namesake entered later comes first, as a list sorted by id might give it.
    let customers = vec![
        Customer::new(CustomerId::from("c-typo"), "bakkerij  jansen"),
        Customer::new(CustomerId::from("c-real"), "Bakkerij Jansen"),
    ];
    let table = csv::read(
        "Factuurnummer;Klant;Datum;Bedrag\n\
         1;Bakkerij Jansen;1-3-2026;10\n\
         2;bakkerij jansen;1-3-2026;10\n\
         3;BAKKERIJ JANSEN;1-3-2026;10\n",
    )
    .unwrap();
    let mapping = guess_mapping(&table.headers);
    let result = import(&table, &mapping, &customers, &[], 30, TODAY, &mut counter());
    let owners: Vec<&str> = result.invoices.iter().map(|i| i.customer_id.as_str()).collect();
    // An exact name decides; a name like neither exactly goes to the first, as before.
    assert_eq!(owners, ["c-real", "c-typo", "c-typo"]);
    assert!(result.new_customers.is_empty());
}

#[test]
fn the_preview_shows_the_first_invoices_as_read() {
    let result = run("Factuurnummer;Klant;Datum;Vervaldatum;Bedrag;Betaald\n\
         7;Bakkerij De Korenschoof;1-3-2026;31-3-2026;1.234;100\n\
         8;Nieuw BV;2-3-2026;;10,50;\n\
         9;Nieuw BV;3-3-2026;;12;\n");
    let rows = result.preview(&existing_customers(), 2);
    assert_eq!(
        rows,
        [
            PreviewRow {
                number: "7".into(),
                customer: "Bakkerij De Korenschoof".into(),
                issue_date: d("2026-03-01"),
                due_date: d("2026-03-31"),
                amount: dec("1234"),
                paid: dec("100"),
            },
            PreviewRow {
                number: "8".into(),
                customer: "Nieuw BV".into(),
                issue_date: d("2026-03-02"),
                due_date: d("2026-04-01"),
                amount: dec("10.50"),
                paid: Decimal::ZERO,
            },
        ]
    );
}

#[test]
fn other_contact_details_for_a_known_customer_are_kept_out_and_named() {
    let mut known = existing_customers();
    known[0].email = "info@korenschoof.nl".into();
    known[0].phone = "030 123 45 67".into();
    let table = csv::read(
        "Factuurnummer;Klant;E-mail;Telefoon;Datum;Bedrag\n\
         7;Bakkerij De Korenschoof;INFO@korenschoof.nl;+31 (0)30 123 45 67;1-3-2026;10\n\
         8;Nieuw BV;post@nieuw.nl;;1-3-2026;10\n\
         9;nieuw bv;post@nieuw.nl;;2-3-2026;10\n",
    )
    .unwrap();
    let mapping = guess_mapping(&table.headers);
    let same = import(&table, &mapping, &known, &[], 30, TODAY, &mut counter());
    assert!(
        same.other_contact_details.is_empty(),
        "{:?}",
        same.other_contact_details
    );

    let table = csv::read(
        "Factuurnummer;Klant;E-mail;Telefoon;Datum;Bedrag\n\
         7;Bakkerij De Korenschoof;bestel@korenschoof.nl;;1-3-2026;10\n\
         8;Nieuw BV;post@nieuw.nl;;1-3-2026;10\n\
         9;Nieuw BV;;06 12345678;2-3-2026;10\n\
         10;Nieuw BV;andere@nieuw.nl;;3-3-2026;10\n",
    )
    .unwrap();
    let other = import(&table, &mapping, &known, &[], 30, TODAY, &mut counter());
    assert_eq!(other.other_contact_details, ["Bakkerij De Korenschoof", "Nieuw BV"]);
    // A new customer takes what its first row left empty, and keeps what it gave.
    assert_eq!(
        (
            other.new_customers[0].email.as_str(),
            other.new_customers[0].phone.as_str()
        ),
        ("post@nieuw.nl", "06 12345678")
    );
    assert!(other.summary(Lang::Nl).ends_with(
        "Voor Bakkerij De Korenschoof en Nieuw BV geeft het bestand een e-mailadres of telefoonnummer dat afwijkt \
         van wat de app heeft; dat is niet overgenomen. Pas het aan bij de klant als het nieuwe klopt."
    ));
}

/// A kind said by a later row completes a new customer left empty by its first; a kind other
/// than the one kept is not taken over but named, since a consumer has legal protections.
#[test]
fn a_kind_completes_a_new_customer_and_another_kind_is_named() {
    let mut known = existing_customers();
    known.push(Customer::new(CustomerId::from("c-mp"), "Marieke Pieters"));
    let table = csv::read(
        "Factuurnummer;Klant;Soort klant;Datum;Bedrag\n\
         1;Piet Jansen;;1-3-2026;10\n\
         2;Piet Jansen;particulier;2-3-2026;10\n\
         3;Marieke Pieters;particulier;3-3-2026;10\n\
         4;Bakkerij De Korenschoof;;3-3-2026;10\n\
         5;Piet Jansen;zakelijk;4-3-2026;10\n\
         6;marieke pieters;consument;5-3-2026;10\n",
    )
    .unwrap();
    let result = import(
        &table,
        &guess_mapping(&table.headers),
        &known,
        &[],
        30,
        TODAY,
        &mut counter(),
    );
    assert_eq!(errors(&result), vec![]);
    let made: Vec<(&str, CustomerKind)> = result.new_customers.iter().map(|c| (c.name.as_str(), c.kind)).collect();
    assert_eq!(made, [("Piet Jansen", CustomerKind::Consumer)]);
    assert_eq!(
        result.other_kind,
        [
            ("Marieke Pieters".to_owned(), CustomerKind::Consumer),
            ("Piet Jansen".to_owned(), CustomerKind::Business)
        ]
    );
    assert!(result.summary(Lang::Nl).ends_with(
        " Het bestand noemt Marieke Pieters particulier, maar in de app is deze klant zakelijk; dat is zo gebleven. \
         Klopt het bestand, verander het dan op de pagina van de klant: een particulier heeft wettelijke bescherming, \
         en die bepaalt welke kosten je mag rekenen en welke termijn je moet geven. \
         Het bestand noemt Piet Jansen zakelijk, maar in de app is deze klant particulier; dat is zo gebleven. \
         Klopt het bestand, verander het dan op de pagina van de klant: een particulier heeft wettelijke bescherming, \
         en die bepaalt welke kosten je mag rekenen en welke termijn je moet geven."
    ), "{}", result.summary(Lang::Nl));
    assert!(
        result.summary(Lang::En).contains(
            " The file calls Marieke Pieters a consumer, but the app has this customer as a business; that was kept. \
         If the file is right, change it on the customer's page: a consumer has legal protections, and they decide \
         which costs you may charge and which terms you must give."
        ),
        "{}",
        result.summary(Lang::En)
    );

    // The same kind, or none, is nothing to mention.
    let table = csv::read("Factuurnummer;Klant;Soort klant;Datum;Bedrag\n1;Marieke Pieters;zakelijk;1-3-2026;10\n2;Marieke Pieters;;2-3-2026;10\n").unwrap();
    let same = import(
        &table,
        &guess_mapping(&table.headers),
        &known,
        &[],
        30,
        TODAY,
        &mut counter(),
    );
    assert!(same.other_kind.is_empty());
    assert!(!same.summary(Lang::En).contains("consumer"));
}

/// A name reads the same with or without its accents, and however the accent is written (one
/// letter, or a letter and a combining accent as text copied on macOS has it): one customer.
#[test]
fn names_that_read_the_same_are_one_customer() {
    let known = vec![Customer::new(CustomerId::from("c-zwaan"), "Café De Zwaan")];
    let table = csv::read(
        "Factuurnummer;Klant;Datum;Bedrag\n\
         1;Cafe\u{301} De Zwaan;1-3-2026;10\n\
         2;Cafe De Zwaan;1-3-2026;10\n\
         3;CAFÉ DE ZWAAN;1-3-2026;10\n\
         4;Brasserie Mu\u{308}ller;1-3-2026;10\n\
         5;Brasserie Müller;1-3-2026;10\n\
         6;Brasserie Muller;1-3-2026;10\n",
    )
    .unwrap();
    let result = import(
        &table,
        &guess_mapping(&table.headers),
        &known,
        &[],
        30,
        TODAY,
        &mut counter(),
    );
    assert_eq!(errors(&result), vec![]);
    let owners: Vec<&str> = result.invoices.iter().map(|i| i.customer_id.as_str()).collect();
    assert_eq!(owners, ["c-zwaan", "c-zwaan", "c-zwaan", "id4", "id4", "id4"]);
    let names: Vec<&str> = result.new_customers.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Brasserie Mu\u{308}ller"]);
}

#[test]
fn phone_numbers_compare_however_they_are_dialled() {
    for same in [
        "030 123 45 67",
        "+31 30 1234567",
        "0031 (0)30-123 45 67",
        "(030) 1234567",
    ] {
        assert_eq!(national_digits(same), "301234567", "{same:?}");
    }
    assert_eq!(national_digits("+32 3 123 45 67"), national_digits("03 123 45 67"));
    assert_ne!(national_digits("06 12345678"), national_digits("030 1234567"));
}

#[test]
fn a_spreadsheets_total_line_is_skipped_and_counted() {
    let result = run("Factuurnummer;Klant;Datum;Bedrag\n\
         7;Nieuw BV;1-3-2026;10\n\
         ;Totaal;;10\n\
         ;;Totaal incl. btw:;12,10\n\
         Totaal;;;22,10\n\
         ;Grand total;;22,10\n\
         ;;Totalen;22,10\n\
         ; Som: ;;22,10\n\
         ;SUBTOTAAL;;22,10\n\
         ;Totaalbouw BV;1-3-2026;10\n\
         ;Total Nederland B.V.;1-3-2026;500\n");
    assert_eq!(result.skipped_totals, 7);
    assert_eq!(result.invoices.len(), 1);
    // A customer whose name merely starts with the word, or a row with a date, is no
    // total: the missing number is reported.
    let missing = |line| RowError {
        line,
        field: Some(F::InvoiceNumber),
        problem: P::Missing,
    };
    assert_eq!(result.errors, [missing(10), missing(11)]);
    assert_eq!(
        result.summary(Lang::Nl),
        "1 factuur en 1 nieuwe klant klaar om op te slaan. 2 regels met fouten niet ingelezen. 7 totaalregels overgeslagen."
    );
    assert!(result.summary(Lang::En).ends_with(" 7 total lines skipped."));
}

/// The opening count of the summary for no, one and several invoices and new customers, and
/// the sentences about customers the file calls another kind for one and for several names,
/// word for word in both languages, so a rewrite of `ImportResult::summary` cannot change
/// what the user reads without this test saying so.
#[test]
fn summaries_in_both_languages() {
    use CustomerKind::{Business, Consumer};
    let sale = invoice("i1", "2026-001", "c1", "2026-03-01", "2026-03-31", "100");
    let newcomer = Customer::new(CustomerId::from("c1"), "Nieuw BV");
    let result = |invoices: usize, customers: usize, other_kind: &[(&str, CustomerKind)]| ImportResult {
        invoices: vec![sale.clone(); invoices],
        new_customers: vec![newcomer.clone(); customers],
        other_kind: other_kind
            .iter()
            .map(|(name, kind)| ((*name).to_owned(), *kind))
            .collect(),
        ..ImportResult::default()
    };
    let cases = [
        (
            result(0, 0, &[]),
            "Geen facturen om op te slaan.",
            "No invoices to save.",
        ),
        (
            result(1, 0, &[]),
            "1 factuur van bestaande klanten klaar om op te slaan.",
            "1 invoice of existing customers ready to save.",
        ),
        (
            result(2, 0, &[]),
            "2 facturen van bestaande klanten klaar om op te slaan.",
            "2 invoices of existing customers ready to save.",
        ),
        (
            result(1, 1, &[]),
            "1 factuur en 1 nieuwe klant klaar om op te slaan.",
            "1 invoice and 1 new customer ready to save.",
        ),
        (
            result(2, 3, &[]),
            "2 facturen en 3 nieuwe klanten klaar om op te slaan.",
            "2 invoices and 3 new customers ready to save.",
        ),
        (
            result(
                0,
                0,
                &[
                    ("Piet Jansen", Consumer),
                    ("Bakkerij Jansen", Business),
                    ("Café De Zwaan", Business),
                ],
            ),
            "Geen facturen om op te slaan. Het bestand noemt Piet Jansen particulier, maar in de app is deze klant \
             zakelijk; dat is zo gebleven. Klopt het bestand, verander het dan op de pagina van de klant: een \
             particulier heeft wettelijke bescherming, en die bepaalt welke kosten je mag rekenen en welke termijn je \
             moet geven. Het bestand noemt Bakkerij Jansen en Café De Zwaan zakelijk, maar in de app zijn deze \
             klanten particulier; dat is zo gebleven. Klopt het bestand, verander het dan op de pagina van de klant: \
             een particulier heeft wettelijke bescherming, en die bepaalt welke kosten je mag rekenen en welke \
             termijn je moet geven.",
            "No invoices to save. The file calls Piet Jansen a consumer, but the app has this customer as a business; \
             that was kept. If the file is right, change it on the customer's page: a consumer has legal protections, \
             and they decide which costs you may charge and which terms you must give. The file calls Bakkerij Jansen \
             and Café De Zwaan businesses, but the app has these customers as consumers; that was kept. If the file \
             is right, change it on the customer's page: a consumer has legal protections, and they decide which \
             costs you may charge and which terms you must give.",
        ),
        (
            result(
                0,
                0,
                &[
                    ("Piet Jansen", Consumer),
                    ("Marieke Pieters", Consumer),
                    ("Bakkerij Jansen", Business),
                ],
            ),
            "Geen facturen om op te slaan. Het bestand noemt Piet Jansen en Marieke Pieters particulier, maar in de \
             app zijn deze klanten zakelijk; dat is zo gebleven. Klopt het bestand, verander het dan op de pagina van \
             de klant: een particulier heeft wettelijke bescherming, en die bepaalt welke kosten je mag rekenen en \
             welke termijn je moet geven. Het bestand noemt Bakkerij Jansen zakelijk, maar in de app is deze klant \
             particulier; dat is zo gebleven. Klopt het bestand, verander het dan op de pagina van de klant: een \
             particulier heeft wettelijke bescherming, en die bepaalt welke kosten je mag rekenen en welke termijn je \
             moet geven.",
            "No invoices to save. The file calls Piet Jansen and Marieke Pieters consumers, but the app has these \
             customers as businesses; that was kept. If the file is right, change it on the customer's page: a \
             consumer has legal protections, and they decide which costs you may charge and which terms you must \
             give. The file calls Bakkerij Jansen a business, but the app has this customer as a consumer; that was \
             kept. If the file is right, change it on the customer's page: a consumer has legal protections, and they \
             decide which costs you may charge and which terms you must give.",
        ),
    ];
    for (result, nl, en) in cases {
        assert_eq!(result.summary(Lang::Nl), nl);
        assert_eq!(result.summary(Lang::En), en);
    }
}

#[test]
fn the_summary_counts_in_words_where_a_count_would_be_zero() {
    let existing = run("Factuurnummer;Klant;Datum;Bedrag\n7;Bakkerij De Korenschoof;1-3-2026;10\n");
    assert_eq!(
        existing.summary(Lang::Nl),
        "1 factuur van bestaande klanten klaar om op te slaan."
    );
    assert_eq!(
        existing.summary(Lang::En),
        "1 invoice of existing customers ready to save."
    );
    let new = run("Factuurnummer;Klant;Datum;Bedrag\n7;Nieuw BV;1-3-2026;10\n");
    assert_eq!(
        new.summary(Lang::Nl),
        "1 factuur en 1 nieuwe klant klaar om op te slaan."
    );
}

/// An American export is read month first when its dates show it, so "03/04/2026" is
/// 4 March there; elsewhere it stays 3 April, as the forms read it.
#[test]
fn dates_follow_the_order_the_file_shows() {
    let header = "Factuurnummer;Klant;Factuurdatum;Vervaldatum;Bedrag\r\n";
    let american = run(&format!(
        "{header}A-1;Jansen;02/20/2026;03/04/2026;100\r\nA-2;Jansen;10/23/2026;11/22/2026;100\r\n"
    ));
    let days: Vec<_> = american.invoices.iter().map(|i| (i.issue_date, i.due_date)).collect();
    assert_eq!(
        days,
        [(d("2026-02-20"), d("2026-03-04")), (d("2026-10-23"), d("2026-11-22"))]
    );
    assert!(american.errors.is_empty(), "{:?}", american.errors);
    assert!(
        american.summary(Lang::Nl).contains("maand/dag/jaar"),
        "{}",
        american.summary(Lang::Nl)
    );
    assert!(american.summary(Lang::En).contains("month/day/year"));

    let dutch = run(&format!("{header}A-1;Jansen;20/02/2026;03/04/2026;100\r\n"));
    assert_eq!(dutch.invoices[0].due_date, d("2026-04-03"));
    assert!(!dutch.month_first);
    assert!(!dutch.summary(Lang::Nl).contains("maand/dag/jaar"));
    assert!(!dutch.day_first_assumed, "20/02 settles it");

    // Nothing settles it: read day first, and the summary says so.
    let unsure = run(&format!("{header}A-1;Jansen;02/01/2026;03/01/2026;100\r\n"));
    assert_eq!(unsure.invoices[0].issue_date, d("2026-01-02"));
    assert!(unsure.day_first_assumed);
    assert!(
        unsure.summary(Lang::En).contains("they were read day first"),
        "{}",
        unsure.summary(Lang::En)
    );
    assert!(!american.day_first_assumed);

    // The user can have such a file read month first instead; it is then read so, and the
    // summary says so rather than that the order was assumed.
    let text = format!("{header}A-1;Jansen;02/01/2026;03/01/2026;100\r\n");
    let table = csv::read(&text).unwrap();
    let mapping = guess_mapping(&table.headers);
    let mut importer = Importer::new(&table, mapping, &existing_customers(), &existing_invoices(), 30, TODAY)
        .with_day_order(DayOrder::MonthFirst);
    importer.step(10, &mut counter());
    let (chosen, _) = importer.finish_with_table();
    assert_eq!(
        (chosen.invoices[0].issue_date, chosen.invoices[0].due_date),
        (d("2026-02-01"), d("2026-03-01"))
    );
    assert!(chosen.month_first && !chosen.day_first_assumed);
    assert!(chosen.summary(Lang::Nl).contains("maand/dag/jaar"));

    // A Dutch file with dashes and one date typed the wrong way round: that row is refused
    // for its month, and the others are read day first, as written.
    let slip = run("Factuurnummer;Klant;Factuurdatum;Bedrag\n\
                    1;Jansen;01-03-2026;100\n2;Jansen;05-03-2026;100\n\
                    3;Jansen;06-03-2026;100\n4;Jansen;03-15-2026;100\n");
    let issued: Vec<_> = slip.invoices.iter().map(|i| i.issue_date).collect();
    assert_eq!(issued, [d("2026-03-01"), d("2026-03-05"), d("2026-03-06")]);
    assert_eq!(
        errors(&slip),
        vec![(5, Some(F::IssueDate), P::Date(DateError::NoSuchMonth(15)))]
    );
    assert!(!slip.month_first);
    assert!(
        slip.errors[0]
            .message(Lang::Nl)
            .starts_with("Regel 5, factuurdatum: Maand 15 bestaat niet"),
        "{}",
        slip.errors[0].message(Lang::Nl)
    );
    assert!(!slip.summary(Lang::Nl).contains("maand/dag/jaar"));
}

/// A file's amounts say which mark is its decimal mark, so an unrounded formula cell is not
/// read a thousandfold too large, and a grouped amount is not refused as ambiguous.
#[test]
#[rustfmt::skip]
fn amounts_follow_the_decimal_mark_the_file_shows() {
    let too_many = |line| (line, Some(F::Amount), P::Amount(AmountError::TooManyDecimals(3)));
    // (file, amounts imported, errors)
    let cases: Vec<(&str, Vec<&str>, Errors)> = vec![
        ("Invoice number,Customer,Date,Amount\n1,A,2026-03-01,121.00\n2,A,2026-03-02,250.50\n\
          3,A,2026-03-03,303.105\n4,A,2026-03-04,124.025\n5,A,2026-03-05,\"1,234\"\n",
         vec!["121", "250.5", "1234"], vec![too_many(4), too_many(5)]),
        // The paid and outstanding columns count as well, and are read the same way.
        ("Invoice number,Customer,Date,Amount,Paid\n1,A,2026-03-01,\"2,000\",12.50\n2,A,2026-03-02,\"1,500\",\"1,500\"\n",
         vec!["2000", "1500"], vec![]),
        ("Factuurnummer;Klant;Datum;Bedrag\n1;A;1-3-2026;121,00\n2;A;2-3-2026;1.234\n3;A;3-3-2026;1,234\n",
         vec!["121", "1234"], vec![too_many(4)]),
        // Nothing settles the mark: each amount is read as the forms read it.
        ("Factuurnummer;Klant;Datum;Bedrag\n1;A;1-3-2026;1.234\n2;A;2-3-2026;1,234\n",
         vec!["1234"], vec![(3, Some(F::Amount), P::Amount(AmountError::AmbiguousComma))]),
        // Both marks shown: each amount is read on its own, as before.
        ("Factuurnummer;Klant;Datum;Bedrag\n1;A;1-3-2026;121,00\n2;A;2-3-2026;121.50\n3;A;3-3-2026;1.234\n",
         vec!["121", "121.5", "1234"], vec![]),
    ];
    for (text, amounts, expected) in cases {
        let result = run(text);
        let read: Vec<Decimal> = result.invoices.iter().map(|i| i.amount).collect();
        assert_eq!(read, amounts.into_iter().map(dec).collect::<Vec<_>>(), "{text}");
        assert_eq!(errors(&result), expected, "{text}");
    }
    let result = run("Invoice number,Customer,Date,Amount\n1,A,2026-03-01,121.00\n2,A,2026-03-03,303.105\n");
    assert_eq!(
        result.errors[0].message(Lang::En),
        "Line 3, amount incl. VAT: This amount has 3 decimals. An amount in euros has at most two."
    );
}

/// A check-box column of 1 and 0 means paid or not; a 1 among amounts is one euro.
#[test]
fn a_paid_column_of_ones_and_zeros_says_yes_or_no() {
    let header = "Factuurnummer;Klant;Factuurdatum;Bedrag;Betaald\r\n";
    let flags = run(&format!(
        "{header}A-1;Jansen;01-10-2026;100;1\r\nA-2;Jansen;01-10-2026;250;0\r\nA-3;Jansen;01-10-2026;80;\r\n"
    ));
    let paid: Vec<(&str, Decimal)> = flags
        .payments
        .iter()
        .filter_map(|(id, amount)| {
            flags
                .invoices
                .iter()
                .find(|i| &i.id == id)
                .map(|i| (i.number.as_str(), *amount))
        })
        .filter(|(_, amount)| !amount.is_zero())
        .collect();
    assert_eq!(paid, [("A-1", dec("100"))]);
    let amounts = run(&format!(
        "{header}A-1;Jansen;01-10-2026;100;1\r\nA-2;Jansen;01-10-2026;250;40\r\n"
    ));
    assert!(
        amounts.payments.iter().any(|(_, amount)| *amount == dec("1")),
        "{:?}",
        amounts.payments
    );
}

#[test]
fn a_result_saved_after_the_data_changed_is_refused() {
    let result = run("Factuurnummer;Klant;Factuurdatum;Bedrag\r\n2026-1;Bakkerij De Korenschoof;01-10-2026;100,00\r\n2026-2;Nieuwe Klant;01-10-2026;50,00\r\n");
    assert_eq!(result.invoices.len(), 2);
    let customers = existing_customers();
    let invoices = existing_invoices();
    // Nothing changed: the result saves.
    assert_eq!(result.outdated(&customers, &invoices), None);
    // Another tab added " 2026-2 " by hand, written the way a person might.
    let mut more = invoices.clone();
    more.push(invoice("i-new", " 2026-2 ", "c-old", "2026-10-01", "2026-10-31", "5"));
    let taken = result.outdated(&customers, &more);
    assert_eq!(taken, Some(Outdated::NumberTaken("2026-2".into())));
    assert!(taken
        .unwrap()
        .message(Lang::Nl)
        .contains("factuur 2026-2 bestaat intussen al"));
    // Another tab removed the existing customer the first row belongs to; the new
    // customer of the second row comes with the result and is not missed.
    let gone = result.outdated(&[], &invoices);
    assert_eq!(gone, Some(Outdated::CustomerGone("2026-1".into())));
    assert!(gone
        .unwrap()
        .message(Lang::En)
        .contains("was removed in the meantime. Read the file again."));
}

type Errors = Vec<(usize, Option<Field>, RowProblem)>;

fn errors(result: &ImportResult) -> Errors {
    result
        .errors
        .iter()
        .map(|e| (e.line, e.field, e.problem.clone()))
        .collect()
}

fn numbers(result: &ImportResult) -> Vec<&str> {
    result.invoices.iter().map(|i| i.number.as_str()).collect()
}

const FEB_31: DateError = DateError::NoSuchDay {
    day: 31,
    month: 2,
    year: 2026,
    days_in_month: 28,
};

/// A file, the invoice numbers imported, the errors, the duplicates as (line, number,
/// earlier line), and the count of blank rows skipped.
type Case = (
    &'static str,
    Vec<&'static str>,
    Errors,
    Vec<(usize, &'static str, Option<usize>)>,
    usize,
);

#[rustfmt::skip]
fn import_cases() -> Vec<Case> {
    let amount = |e| P::Amount(e);
    let letter = |c| P::Amount(AmountError::Letter(c));
    vec![
        // A byte order mark, semicolons and CRLF, as a Dutch Excel saves.
        ("\u{FEFF}Factuurnummer;Klant;Factuurdatum;Bedrag incl. btw\r\n2026-001;Jansen BV;05-01-2026;1.234,56\r\n",
         vec!["2026-001"], vec![], vec![], 0),
        // A quoted line break keeps the later line numbers right.
        ("Factuurnummer;Klant;Datum;Bedrag;Omschrijving\n1;A;1-1-2026;10;\"twee\nregels\"\n2;B;1-1-2026;x;y\n",
         vec!["1"], vec![(4, Some(F::Amount), letter('x'))], vec![], 0),
        // Empty lines are not rows; a row of blank fields is skipped and counted.
        ("\n\nInvoice number,Customer,Date,Amount\n\n1,A,2026-01-01,10\n,,,\n , ,\" \",\n\n2,B,2026-01-02,20\n",
         vec!["1", "2"], vec![], vec![], 2),
        ("Factuurnummer;Klant;Datum;Bedrag\n1;A;1-1-2026;1.234,5O\n",
         vec![], vec![(2, Some(F::Amount), letter('O'))], vec![], 0),
        ("Factuurnummer;Klant;Datum;Bedrag\n1;A;31-02-2026;10\n",
         vec![], vec![(2, Some(F::IssueDate), P::Date(FEB_31))], vec![], 0),
        // A typing slip in the year, and a number the invoice form would refuse, are
        // refused here too: the invoice could not be edited afterwards.
        ("Factuurnummer;Klant;Datum;Bedrag\n1;A;01-03-1926;10\n2;A;01-03-2029;10\n3;A;01-12-2006;10\n",
         vec!["3"],
         vec![(2, Some(F::IssueDate), P::FarOffDate { earliest: d("2006-11-23"), latest: d("2028-11-23") }),
              (3, Some(F::IssueDate), P::FarOffDate { earliest: d("2006-11-23"), latest: d("2028-11-23") })],
         vec![], 0),
        ("Factuurnummer;Klant;Datum;Bedrag\nF-999999999999999999999999999999999999999;A;01-03-2026;10\nF-99999999999999999999999999999999999999;A;01-03-2026;10\n",
         vec!["F-99999999999999999999999999999999999999"], vec![(2, Some(F::InvoiceNumber), P::NumberTooLong)], vec![], 0),
        // Every problem of a row is reported at once.
        ("Factuurnummer;Klant;Datum;Bedrag\n1;;31-02-2026;-5\n",
         vec![],
         vec![(2, Some(F::CustomerName), P::Missing), (2, Some(F::IssueDate), P::Date(FEB_31)),
              (2, Some(F::Amount), amount(AmountError::CreditNote))],
         vec![], 0),
        // A trailing delimiter is forgiven, a missing or extra field is not.
        ("Factuurnummer;Klant;Datum;Bedrag\n1;A;1-1-2026\n2;A;1-1-2026;10;extra\n3;A;1-1-2026;10;\n",
         vec!["3"],
         vec![(2, None, P::WrongFieldCount { found: 3, expected: 4 }),
              (3, None, P::WrongFieldCount { found: 5, expected: 4 })],
         vec![], 0),
        // Duplicates against an existing invoice and within the file, whatever the case and spaces.
        ("Factuurnummer;Klant;Datum;Bedrag\n7;A;1-1-2026;10\n2025-100;A;1-1-2026;10\n 7 ;B;2-1-2026;20\nF-8;A;1-1-2026;x\nf-8;A;1-1-2026;10\n",
         vec!["7"], vec![(5, Some(F::Amount), letter('x'))],
         vec![(3, "2025-100", None), (4, "7", Some(2)), (6, "f-8", Some(5))], 0),
        ("Factuurnummer;Klant;Datum;Bedrag\r\n", vec![], vec![], vec![], 0),
        // Contact details the customer form would refuse: a mail link or a call would go
        // nowhere. Empty ones are fine.
        ("Nr;Klant;E-mail;Telefoon;Datum;Bedrag\n1;A;piet@;abc;1-1-2026;10\n2;B;geenmail;06 12345678;1-1-2026;10\n3;C;c@c.nl;;1-1-2026;10\n4;D;;;1-1-2026;10\n",
         vec!["3", "4"],
         vec![(2, Some(F::CustomerEmail), P::Email("piet@".into())), (2, Some(F::CustomerPhone), P::Phone("abc".into())),
              (3, Some(F::CustomerEmail), P::Email("geenmail".into()))],
         vec![], 0),
        // An empty number claims nothing, so two rows without one are both errors.
        ("Factuurnummer;Klant;Datum;Bedrag\n;A;1-1-2026;10\n;A;1-1-2026;10\n",
         vec![], vec![(2, Some(F::InvoiceNumber), P::Missing), (3, Some(F::InvoiceNumber), P::Missing)], vec![], 0),
        ("Factuurnummer;Klant;Factuurdatum;Vervaldatum;Bedrag\n1;A;10-01-2026;09-01-2026;10\n2;A;10-01-2026;10-01-2026;10\n",
         vec!["2"],
         vec![(2, Some(F::DueDate), P::DueBeforeIssue { issue: d("2026-01-10"), due: d("2026-01-09") })],
         vec![], 0),
        // A year typed wrong in the due date: the invoice would never be chased. A year's
        // term is the longest a row may have.
        ("Factuurnummer;Klant;Factuurdatum;Vervaldatum;Bedrag\n1;A;01-03-2026;31-03-2062;10\n2;A;01-03-2026;01-03-2027;10\n3;A;01-03-2026;02-03-2027;10\n",
         vec!["2"],
         vec![(2, Some(F::DueDate), P::DueFarAfterIssue { issue: d("2026-03-01"), due: d("2062-03-31") }),
              (4, Some(F::DueDate), P::DueFarAfterIssue { issue: d("2026-03-01"), due: d("2027-03-02") })],
         vec![], 0),
        ("Nr;Klant;Datum;Termijn;Klanttype;Valuta;Bedrag\n1;A;1-1-2026;veertien;?;dollars;10\n2;B;1-1-2026;400;b2c;usd;10\n",
         vec![],
         vec![(2, Some(F::CustomerKind), P::CustomerKind("?".into())),
              (2, Some(F::PaymentTermDays), P::Term("veertien".into())),
              (2, Some(F::Currency), P::Currency("dollars".into())),
              (3, Some(F::PaymentTermDays), P::Term("400".into())),
              (3, Some(F::Currency), P::NotEuro("USD".into()))],
         vec![], 0),
        // Accounting writes a negative amount in parentheses: a credit note in the amount
        // column, a negative amount in the paid column.
        ("Factuurnummer;Klant;Datum;Bedrag;Betaald\n1;A;1-1-2026;(50,00);\n2;A;1-1-2026;€ (50,00);\n3;A;1-1-2026;100;(50,00)\n",
         vec![],
         vec![(2, Some(F::Amount), amount(AmountError::CreditNote)), (3, Some(F::Amount), amount(AmountError::CreditNote)),
              (4, Some(F::AmountPaid), amount(AmountError::Negative))],
         vec![], 0),
        // A credit note is said to be one, without a contradicting word on the minus of its
        // paid or outstanding amount; an invoice's negative outstanding amount is refused.
        ("Nr;Klant;Datum;Bedrag;Betaald;Openstaand\n1;A;1-1-2026;-100;;-100\n2;A;1-1-2026;-100;-20;-80\n3;A;1-1-2026;100;;-100\n",
         vec![],
         vec![(2, Some(F::Amount), amount(AmountError::CreditNote)), (3, Some(F::Amount), amount(AmountError::CreditNote)),
              (4, Some(F::Outstanding), amount(AmountError::Negative))],
         vec![], 0),
        // A written-off invoice is left out, whatever else its row says; other statuses follow
        // from the amounts and are not read.
        ("Nr;Klant;Datum;Bedrag;Status\n1;A;1-1-2026;10;Afgeschreven\n2;A;1-1-2026;10;Betaald\n3;A;1-1-2026;10;Uncollectible\n4;A;1-1-2026;10;\n5;A;1-1-2026;x;WRITTEN OFF\n",
         vec!["2", "4"], vec![], vec![], 0),
        // A bad term next to a good due date is not read at all.
        ("Nr;Klant;Datum;Vervaldatum;Termijn;Bedrag\n1;A;1-1-2026;1-2-2026;veertien;10\n",
         vec!["1"], vec![], vec![], 0),
        ("Nr;Klant;Datum;Bedrag;Betaald;Openstaand\n1;A;1-1-2026;100;40;60\n2;A;1-1-2026;100;40;50\n3;A;1-1-2026;100;;150\n4;A;1-1-2026;100;-1;\n5;A;1-1-2026;150,00;1.500;\n6;A;1-1-2026;150;150;\n",
         vec!["1", "6"],
         vec![(3, Some(F::Outstanding), P::PaidAndOutstandingDisagree { paid: dec("40"), outstanding: dec("50"), amount: dec("100") }),
              (4, Some(F::Outstanding), P::OutstandingAboveAmount { outstanding: dec("150"), amount: dec("100") }),
              (5, Some(F::AmountPaid), amount(AmountError::Negative)),
              (6, Some(F::AmountPaid), P::PaidAboveAmount { paid: dec("1500"), amount: dec("150") })],
         vec![], 0),
    ]
}

#[test]
fn imports_what_is_valid_and_reports_the_rest() {
    for (text, imported, expected_errors, duplicates, skipped) in import_cases() {
        let result = run(text);
        assert_eq!(numbers(&result), imported, "{text:?}");
        assert_eq!(errors(&result), expected_errors, "{text:?}");
        let found: Vec<(usize, &str, Option<usize>)> = result
            .duplicates
            .iter()
            .map(|d| (d.line, d.number.as_str(), d.earlier_line))
            .collect();
        assert_eq!(found, duplicates, "{text:?}");
        assert_eq!(result.skipped_empty, skipped, "{text:?}");
    }
}

#[test]
fn a_file_of_empty_lines_is_refused_before_import() {
    assert_eq!(csv::read("\r\n\n\r\n"), Err(csv::CsvError::Empty));
}

#[test]
#[rustfmt::skip]
fn reads_each_value_into_the_invoice() {
    let header = "Nr;Klant;Datum;Vervaldatum;Termijn;Bedrag;Valuta;Betaald";
    // (the cells after number and customer; issue date, due date, amount, currency, payment)
    type Case = (&'static str, &'static str, &'static str, &'static str, &'static str, Option<&'static str>);
    let cases: Vec<Case> = vec![
        ("05-01-2026;;;€ 12,-;;", "2026-01-05", "2026-02-04", "12", "EUR", None),
        ("2026-01-05 00:00;;14 dagen;1234.56;euro;", "2026-01-05", "2026-01-19", "1234.56", "EUR", None),
        ("2026-01-05T00:00:00Z;20-01-2026;;1.234,56;€;ja", "2026-01-05", "2026-01-20", "1234.56", "EUR", Some("1234.56")),
        ("5 jan 2026;;0;100;EUR;25,50", "2026-01-05", "2026-01-05", "100", "EUR", Some("25.50")),
        ("5 jan 2026;;30d;100;;nee", "2026-01-05", "2026-02-04", "100", "EUR", None),
        // Excel's long date format, with the weekday in front.
        ("maandag 2 maart 2026;Monday, 16 March 2026;;100;;", "2026-03-02", "2026-03-16", "100", "EUR", None),
    ];
    for (cells, issue, due, amount, currency, payment) in cases {
        let result = run(&format!("{header}\n1;Jansen;{cells}\n"));
        assert_eq!(errors(&result), vec![], "{cells}");
        let invoice = result.invoices.first().unwrap();
        assert_eq!(
            (invoice.issue_date, invoice.due_date, invoice.amount, invoice.currency.as_str()),
            (d(issue), d(due), dec(amount), currency),
            "{cells}"
        );
        let paid: Vec<(InvoiceId, Decimal)> = payment.map(|p| (invoice.id.clone(), dec(p))).into_iter().collect();
        assert_eq!(result.payments, paid, "{cells}");
    }
}

#[test]
fn finds_or_makes_each_customer_once() {
    let text = "Nr;Klant;E-mail;Telefoon;Soort klant;Datum;Bedrag\n\
                1;  bakkerij   de KORENSCHOOF ;x@y.nl;;;1-1-2026;10\n\
                2;Piet Jansen;piet@example.nl;06 12345678;particulier;1-1-2026;10\n\
                3;PIET JANSEN;other@example.nl;;;1-1-2026;10\n\
                4;Nieuw BV;;;;1-1-2026;x\n\
                5;'=Formule BV;;;zakelijk;1-1-2026;10\n";
    let result = run(text);
    let customers: Vec<(&str, &str, &str, &str, CustomerKind, Lang)> = result
        .new_customers
        .iter()
        .map(|c| {
            (
                c.id.as_str(),
                c.name.as_str(),
                c.email.as_str(),
                c.phone.as_str(),
                c.kind,
                c.language,
            )
        })
        .collect();
    assert_eq!(
        customers,
        vec![
            (
                "id2",
                "Piet Jansen",
                "piet@example.nl",
                "06 12345678",
                CustomerKind::Consumer,
                Lang::Nl
            ),
            ("id5", "=Formule BV", "", "", CustomerKind::Business, Lang::Nl),
        ]
    );
    let owners: Vec<(&str, &str, &str)> = result
        .invoices
        .iter()
        .map(|i| (i.id.as_str(), i.number.as_str(), i.customer_id.as_str()))
        .collect();
    assert_eq!(
        owners,
        vec![
            ("id1", "1", "c-old"),
            ("id3", "2", "id2"),
            ("id4", "3", "id2"),
            ("id6", "5", "id5")
        ]
    );
}

#[test]
fn a_cell_over_several_lines_is_read_as_one_line() {
    let text = "Nr;Klant;Datum;Bedrag;Omschrijving\n\
                1;\"Atelier\r\nDe Zon\";1-1-2026;10;\"Brood\n\n  en banket\"\n";
    let result = run(text);
    assert_eq!(errors(&result), vec![]);
    let names: Vec<&str> = result.new_customers.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Atelier De Zon"]);
    assert_eq!(result.invoices[0].description, "Brood en banket");
}

#[test]
#[rustfmt::skip]
fn guesses_columns_from_dutch_english_and_french_names() {
    use Field::*;
    let cases: Vec<(&str, Vec<(Field, usize)>)> = vec![
        ("Factuurnummer;Contact;Factuurdatum;Vervaldatum;Totaal excl. btw;Btw;Totaal incl. btw;Openstaand;E-mail",
         vec![(InvoiceNumber, 0), (CustomerName, 1), (IssueDate, 2), (DueDate, 3), (Amount, 6), (Outstanding, 7), (CustomerEmail, 8)]),
        ("Factuur nr;Relatie;Datum;Bedrag (excl);BTW;Bedrag (incl);Betalingstermijn",
         vec![(InvoiceNumber, 0), (CustomerName, 1), (IssueDate, 2), (Amount, 5), (PaymentTermDays, 6)]),
        ("Invoice number;Customer;Invoice date;Due date;Amount;Currency;Description;Amount paid;Email;Phone",
         vec![(InvoiceNumber, 0), (CustomerName, 1), (IssueDate, 2), (DueDate, 3), (Amount, 4), (Currency, 5),
              (Description, 6), (AmountPaid, 7), (CustomerEmail, 8), (CustomerPhone, 9)]),
        ("Klant;Factuur;Datum;Bedrag incl. btw;Termijn (dagen);Omschrijving;Telefoon;Particulier of zakelijk",
         vec![(CustomerName, 0), (InvoiceNumber, 1), (IssueDate, 2), (Amount, 3), (PaymentTermDays, 4),
              (Description, 5), (CustomerPhone, 6), (CustomerKind, 7)]),
        ("FACTUURNUMMER;  naam   klant ;factuur-datum;VERVALDATUM;Totaal",
         vec![(InvoiceNumber, 0), (CustomerName, 1), (IssueDate, 2), (DueDate, 3), (Amount, 4)]),
        ("Numéro de facture;Client;Date de facture;Date d'échéance;Montant HT;TVA;Montant TTC;Payé",
         vec![(InvoiceNumber, 0), (CustomerName, 1), (IssueDate, 2), (DueDate, 3), (Amount, 6), (AmountPaid, 7)]),
        ("Datum;Vervaldatum;Betaaldatum", vec![(IssueDate, 0), (DueDate, 1)]),
        ("Klantnummer;Klantnaam;Factuurbedrag", vec![(CustomerName, 1), (Amount, 2)]),
        // A customer's number is never the invoice's.
        ("Debiteurnummer;Debiteur;Boekstuknummer;Datum;Vervaldatum;Bedrag",
         vec![(CustomerName, 1), (InvoiceNumber, 2), (IssueDate, 3), (DueDate, 4), (Amount, 5)]),
        ("Contactnummer;Contact;Datum;Bedrag", vec![(CustomerName, 1), (IssueDate, 2), (Amount, 3)]),
        ("Customer ID;Customer number;Debtor number;Number;Customer;Date;Amount",
         vec![(InvoiceNumber, 3), (CustomerName, 4), (IssueDate, 5), (Amount, 6)]),
        ("Klantnummer;Debiteurnr;Contact nr;Klant;Nr;Datum;Bedrag",
         vec![(CustomerName, 3), (InvoiceNumber, 4), (IssueDate, 5), (Amount, 6)]),
        ("Invoice #;Client name;Date;Total;Days overdue;Balance",
         vec![(InvoiceNumber, 0), (CustomerName, 1), (IssueDate, 2), (Amount, 3), (Outstanding, 5)]),
        ("Type;Status;Btw-bedrag;Betaald op;Dagen", vec![(Status, 1)]),
        ("Betaalstatus;Factuurstatus", vec![(Status, 1)]),
        ("", vec![]),
    ];
    for (headers, expected) in cases {
        let headers: Vec<String> = headers.split(';').map(str::to_owned).collect();
        let mapping = expected.iter().fold(Mapping::default(), |m, (field, column)| m.with(*field, *column));
        assert_eq!(guess_mapping(&headers), mapping, "{headers:?}");
    }
}

#[test]
fn guesses_the_export_of_both_languages() {
    for lang in Lang::ALL {
        let headers: Vec<String> = export_headers(lang).iter().map(|h| h.to_string()).collect();
        let expected = Mapping::default()
            .with(F::InvoiceNumber, 0)
            .with(F::CustomerName, 1)
            .with(F::IssueDate, 2)
            .with(F::DueDate, 3)
            .with(F::Amount, 4)
            .with(F::AmountPaid, 5)
            .with(F::Outstanding, 6)
            .with(F::Status, 7)
            .with(F::Currency, 9)
            .with(F::Description, 10)
            .with(F::CustomerEmail, 11)
            .with(F::CustomerPhone, 12)
            .with(F::CustomerKind, 13);
        assert_eq!(guess_mapping(&headers), expected, "{lang:?}");
    }
}

#[test]
fn names_the_required_fields_left_unmapped() {
    let some = Mapping::default().with(F::Amount, 3).with(F::CustomerName, 0);
    let all = some.clone().with(F::InvoiceNumber, 1).with(F::IssueDate, 2);
    let cases: Vec<(Mapping, Vec<Field>)> = vec![
        (Mapping::default(), Field::REQUIRED.to_vec()),
        (some, vec![F::InvoiceNumber, F::IssueDate]),
        (all, vec![]),
    ];
    for (mapping, missing) in cases {
        assert_eq!(missing_required(&mapping), missing);
    }
}

#[test]
fn a_mapping_can_be_edited() {
    let mut mapping = Mapping::default().with(F::Amount, 3);
    mapping.set(F::Amount, None);
    assert_eq!(mapping, Mapping::default());
    let shared = Mapping::default().with(F::Amount, 2).with(F::Outstanding, 2);
    assert_eq!(shared.fields_of(2), vec![F::Amount, F::Outstanding]);
    assert_eq!(shared.get(F::Outstanding), Some(2));
}

#[test]
fn a_mapping_past_the_last_column_gives_empty_values() {
    let table = csv::read("a;b;c;d\n1;A;1-1-2026;10\n").unwrap();
    let mapping = Mapping::default()
        .with(F::InvoiceNumber, 0)
        .with(F::CustomerName, 1)
        .with(F::IssueDate, 2)
        .with(F::Amount, 3)
        .with(F::Description, 99);
    let result = import(&table, &mapping, &[], &[], 30, TODAY, &mut counter());
    assert_eq!(numbers(&result), vec!["1"]);
    let broken = mapping.with(F::Amount, usize::MAX);
    let result = import(&table, &broken, &[], &[], 30, TODAY, &mut counter());
    assert_eq!(errors(&result), vec![(2, Some(F::Amount), P::Missing)]);
}

/// Every field's label in both languages, word for word, in the order of `Field::ALL`, so a
/// rewrite of `Field::label` cannot change a column name or a message without this test
/// saying so.
#[test]
fn field_labels_in_both_languages() {
    let cases = [
        (F::InvoiceNumber, "Factuurnummer", "Invoice number"),
        (F::CustomerName, "Klant", "Customer"),
        (F::CustomerEmail, "E-mailadres", "Email address"),
        (F::CustomerPhone, "Telefoonnummer", "Phone number"),
        (F::CustomerKind, "Zakelijk of particulier", "Business or consumer"),
        (F::IssueDate, "Factuurdatum", "Invoice date"),
        (F::DueDate, "Vervaldatum", "Due date"),
        (F::PaymentTermDays, "Betaaltermijn in dagen", "Payment term in days"),
        (F::Amount, "Bedrag incl. btw", "Amount incl. VAT"),
        (F::Currency, "Valuta", "Currency"),
        (F::Description, "Omschrijving", "Description"),
        (F::AmountPaid, "Betaald", "Paid"),
        (F::Outstanding, "Openstaand", "Outstanding"),
        (F::Status, "Status", "Status"),
    ];
    assert_eq!(cases.map(|(field, ..)| field), Field::ALL);
    for (field, nl, en) in cases {
        assert_eq!(field.label(Lang::Nl), nl, "{field:?}");
        assert_eq!(field.label(Lang::En), en, "{field:?}");
    }
}

/// Every kind of row problem in both languages, word for word, so a rewrite of
/// `RowProblem::message` cannot change what the user reads without this test saying so.
/// The snapshot in `messages_read_well` shows most of them with their line and field, but
/// not `PaidAboveAmount`.
#[test]
fn row_problems_in_both_languages() {
    let cases = [
        (
            P::WrongFieldCount { found: 3, expected: 4 },
            "Deze regel heeft 3 velden, de kopregel 4. Controleer of er een scheidingsteken te veel of te weinig \
             staat, of een aanhalingsteken ontbreekt.",
            "This line has 3 fields, while the header has 4. Check for a delimiter too many or too few, or a missing \
             quote.",
        ),
        (
            P::Missing,
            "Dit veld is leeg, maar een factuur kan niet zonder.",
            "This field is empty, but every invoice needs it.",
        ),
        (
            P::Amount(AmountError::Zero),
            "Het bedrag moet groter zijn dan nul.",
            "The amount must be more than zero.",
        ),
        (
            P::Date(DateError::MissingYear),
            "Het jaar ontbreekt. Schrijf bijvoorbeeld 22 november 2026.",
            "The year is missing. Write, for example, 22 November 2026.",
        ),
        (
            P::DueBeforeIssue {
                issue: d("2026-01-10"),
                due: d("2026-01-09"),
            },
            "De vervaldatum 09-01-2026 ligt vóór de factuurdatum 10-01-2026.",
            "The due date 9 Jan 2026 is before the invoice date 10 Jan 2026.",
        ),
        (
            P::DueFarAfterIssue {
                issue: d("2026-03-01"),
                due: d("2062-03-31"),
            },
            "De vervaldatum 31-03-2062 ligt meer dan 365 dagen na de factuurdatum 01-03-2026; is het een tikfout? Een \
             betaaltermijn is hooguit 365 dagen.",
            "The due date 31 Mar 2062 is more than 365 days after the invoice date 1 Mar 2026; is it a typing slip? A \
             payment term is at most 365 days.",
        ),
        (
            P::Term("veertien".into()),
            "\"veertien\" is geen betaaltermijn. Vul een aantal dagen in van 0 tot 365, zoals 30.",
            "\"veertien\" is not a payment term. Enter a number of days from 0 to 365, such as 30.",
        ),
        (
            P::CustomerKind("weet niet".into()),
            "We weten niet of \"weet niet\" zakelijk of particulier is. Schrijf \"zakelijk\" of \"particulier\".",
            "We cannot tell whether \"weet niet\" means business or consumer. Write \"business\" or \"consumer\".",
        ),
        (
            P::Currency("dollars".into()),
            "\"dollars\" is geen valutacode. Gebruik drie letters, zoals EUR.",
            "\"dollars\" is not a currency code. Use three letters, such as EUR.",
        ),
        (
            P::Email("piet@".into()),
            "\"piet@\" is geen bruikbaar e-mailadres. Schrijf het als naam@domein.nl, of laat het leeg.",
            "\"piet@\" is not a usable email address. Write it as name@domain.com, or leave it empty.",
        ),
        (
            P::Phone("abc".into()),
            "\"abc\" is geen bruikbaar telefoonnummer: gebruik minstens 6 cijfers, zonder letters, of laat het leeg.",
            "\"abc\" is not a usable phone number: use at least 6 digits and no letters, or leave it empty.",
        ),
        (
            P::NumberTooLong,
            "Een factuurnummer heeft hooguit 40 tekens.",
            "An invoice number has at most 40 characters.",
        ),
        (
            P::FarOffDate {
                earliest: d("2006-11-23"),
                latest: d("2028-11-23"),
            },
            "Deze factuurdatum ligt ver weg; is het een tikfout? Een factuurdatum ligt tussen 23-11-2006 en \
             23-11-2028.",
            "This invoice date is far off; is it a typing slip? An invoice date lies between 23 Nov 2006 and 23 Nov \
             2028.",
        ),
        (
            P::NotEuro("USD".into()),
            "Een factuur in USD kan de app niet opvolgen: bedragen, kosten en rente rekent hij in euro. Zet het bedrag \
             om naar euro.",
            "The app cannot chase an invoice in USD: it works out amounts, costs and interest in euros. Convert the \
             amount to euros.",
        ),
        (
            P::OutstandingAboveAmount {
                outstanding: dec("150"),
                amount: dec("100"),
            },
            "Er staat € 150,00 open, meer dan het factuurbedrag van € 100,00.",
            "The outstanding €150.00 is more than the invoice amount of €100.00.",
        ),
        (
            P::PaidAboveAmount {
                paid: dec("500"),
                amount: dec("150"),
            },
            "Er is € 500,00 betaald, meer dan het factuurbedrag van € 150,00. Klopt de kolom Betaald? Een betaling \
             boven het factuurbedrag leg je vast op de pagina van de factuur.",
            "€500.00 was paid, more than the invoice amount of €150.00. Is the Paid column right? A payment above the \
             invoice amount is recorded on the invoice's page.",
        ),
        (
            P::PaidAndOutstandingDisagree {
                paid: dec("40"),
                outstanding: dec("50"),
                amount: dec("100"),
            },
            "Betaald (€ 40,00) en openstaand (€ 50,00) komen samen niet uit op het factuurbedrag van € 100,00.",
            "Paid (€40.00) and outstanding (€50.00) do not add up to the invoice amount of €100.00.",
        ),
    ];
    for (problem, nl, en) in cases {
        assert_eq!(problem.message(Lang::Nl), nl, "{problem:?}");
        assert_eq!(problem.message(Lang::En), en, "{problem:?}");
    }
}

#[test]
#[rustfmt::skip]
fn messages_read_well() {
    let problems = vec![
        (14, Some(F::Amount), P::Amount(AmountError::Letter('O'))),
        (15, Some(F::IssueDate), P::Date(FEB_31)),
        (16, None, P::WrongFieldCount { found: 3, expected: 4 }),
        (17, Some(F::CustomerName), P::Missing),
        (18, Some(F::DueDate), P::DueBeforeIssue { issue: d("2026-01-10"), due: d("2026-01-09") }),
        (18, Some(F::DueDate), P::DueFarAfterIssue { issue: d("2026-03-01"), due: d("2062-03-31") }),
        (19, Some(F::PaymentTermDays), P::Term("veertien".into())),
        (20, Some(F::CustomerKind), P::CustomerKind("weet niet".into())),
        (21, Some(F::Currency), P::Currency("dollars".into())),
        (21, Some(F::Currency), P::NotEuro("USD".into())),
        (22, Some(F::CustomerEmail), P::Email("piet@".into())),
        (22, Some(F::CustomerPhone), P::Phone("abc".into())),
        (22, Some(F::InvoiceNumber), P::NumberTooLong),
        (22, Some(F::IssueDate), P::FarOffDate { earliest: d("2006-11-23"), latest: d("2028-11-23") }),
        (22, Some(F::Outstanding), P::OutstandingAboveAmount { outstanding: dec("150"), amount: dec("100") }),
        (23, Some(F::Outstanding), P::PaidAndOutstandingDisagree { paid: dec("40"), outstanding: dec("50"), amount: dec("100") }),
    ];
    let result = ImportResult {
        errors: problems.into_iter().map(|(line, field, problem)| RowError { line, field, problem }).collect(),
        duplicates: vec![
            Duplicate { line: 24, number: "2025-100".into(), earlier_line: None },
            Duplicate { line: 25, number: "x".repeat(50), earlier_line: Some(3) },
        ],
        skipped_written_off: 2,
        ..ImportResult::default()
    };
    let mut lines = Vec::new();
    for lang in Lang::ALL {
        lines.extend(result.errors.iter().map(|e| e.message(lang)));
        lines.extend(result.duplicates.iter().map(|d| d.message(lang)));
        lines.push(result.summary(lang));
        lines.push(ImportResult::default().summary(lang));
        lines.extend([csv::CsvError::Empty, csv::CsvError::UnterminatedQuote { line: 7 }].iter().map(|e| e.message(lang)));
    }
    insta::assert_snapshot!(lines.join("\n"));
}

#[test]
fn a_paid_amount_without_a_date_is_booked_on_the_due_date_and_said_so() {
    let file = "Nr;Klant;Factuurdatum;Vervaldatum;Bedrag;Betaald\n\
                P-1;A;01-01-2024;31-01-2024;1000;400\n\
                P-2;A;01-11-2026;01-12-2026;1000;400\n";
    let result = run(file);
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let days: Vec<String> = result
        .invoices
        .iter()
        .map(|i| payment_day(i, today).to_string())
        .collect();
    // Long overdue: the due date, so no interest runs on the part paid. Not yet due: today,
    // never a day in the future.
    assert_eq!(days, ["2024-01-31", "2026-11-23"]);
    assert!(result.summary(Lang::Nl).contains("op de vervaldatum"));
    assert!(result.summary(Lang::En).contains("on the due date"));
    assert!(!ImportResult::default().summary(Lang::Nl).contains("vervaldatum"));
}

#[test]
fn a_row_error_starts_with_its_line() {
    let error = RowError {
        line: 14,
        field: Some(F::Amount),
        problem: P::Amount(AmountError::Letter('O')),
    };
    assert!(error.message(Lang::Nl).starts_with("Regel 14, bedrag incl. btw: "));
    assert!(error.message(Lang::En).starts_with("Line 14, amount incl. VAT: "));
}

/// A file of `rows` invoices over 700 customers, every thousandth with a bad amount, and
/// every description spanning two lines.
fn large_file(rows: usize) -> String {
    let mut text = String::from("Factuurnummer;Klant;Factuurdatum;Vervaldatum;Bedrag incl. btw;Omschrijving\r\n");
    for i in 0..rows {
        let amount = if i % 1000 == 999 {
            "1.234,5O".to_owned()
        } else {
            format!("{},{:02}", 10 + i, i % 100)
        };
        let line = format!(
            "2026-{i:05};Klant {};{:02}-01-2026;31-03-2026;{amount};\"regel\nmet return\"\r\n",
            i % 700,
            1 + i % 28
        );
        text.push_str(&line);
    }
    text
}

#[test]
fn ten_thousand_rows_in_chunks_match_the_one_shot_import() {
    let table = csv::read(&large_file(10_000)).unwrap();
    let mapping = guess_mapping(&table.headers);
    let started = std::time::Instant::now();
    let whole = import(
        &table,
        &mapping,
        &existing_customers(),
        &existing_invoices(),
        30,
        TODAY,
        &mut counter(),
    );
    eprintln!("10,000 rows imported in {:?}", started.elapsed());
    assert_eq!(
        (whole.invoices.len(), whole.new_customers.len(), whole.errors.len()),
        (9_990, 700, 10)
    );
    // The header is line 1 and every row takes two lines.
    assert_eq!(whole.errors.first().map(|e| e.line), Some(2 + 999 * 2));

    let mut importer = Importer::new(table, mapping, &existing_customers(), &existing_invoices(), 30, TODAY);
    let mut ids = counter();
    let mut seen = Vec::new();
    loop {
        let progress = importer.step(3_000, &mut ids);
        seen.push(progress.done);
        if progress.is_finished() {
            break;
        }
    }
    assert_eq!(seen, vec![3_000, 6_000, 9_000, 10_000]);
    assert_eq!(
        importer.step(3_000, &mut ids),
        Progress {
            done: 10_000,
            total: 10_000
        }
    );
    assert_eq!(importer.finish(), whole);
}

fn event(id: &str, invoices: &[&str], kind: EventKind) -> Event {
    Event {
        id: EventId::from(id),
        invoice_ids: invoices.iter().map(|i| InvoiceId::from(*i)).collect(),
        customer_id: CustomerId::from("c1"),
        date: d("2026-02-01"),
        channel: Channel::Email,
        kind,
    }
}

fn invoice(id: &str, number: &str, customer: &str, issue: &str, due: &str, amount: &str) -> Invoice {
    Invoice {
        id: InvoiceId::from(id),
        number: number.into(),
        customer_id: CustomerId::from(customer),
        issue_date: d(issue),
        due_date: d(due),
        amount: dec(amount),
        currency: "EUR".into(),
        description: String::new(),
    }
}

fn payment(amount: &str) -> EventKind {
    EventKind::PaymentReceived {
        amount: dec(amount),
        note: String::new(),
    }
}

#[rustfmt::skip]
fn sample() -> (Vec<Invoice>, Vec<Customer>, Vec<Event>) {
    let mut invoices = vec![
        invoice("i1", "2026-001", "c1", "2026-01-05", "2026-02-04", "1234.56"),
        invoice("i2", "2026-002", "c1", "2026-01-10", "2026-02-09", "100"),
        invoice("i3", "=2026-003", "c2", "2026-01-15", "2026-02-14", "50"),
        invoice("i4", "2026-004", "c2", "2026-01-20", "2026-03-31", "75.5"),
        invoice("i5", "2026-005", "gone", "2026-01-20", "2026-02-01", "10"),
    ];
    invoices[3].description = "Taart met kaarsjes".into();
    let mut zon = Customer::new(CustomerId::from("c2"), "Café de Zon");
    zon.kind = CustomerKind::Consumer;
    zon.email = "zon@example.nl".into();
    zon.phone = "+31 6 12345678".into();
    let customers = vec![Customer::new(CustomerId::from("c1"), "Jansen; Zonen \"BV\""), zon];
    let events = vec![
        // Naming an invoice twice must not count the payment twice.
        event("e1", &["i1", "i1"], payment("234.56")),
        event("e2", &["i2"], payment("100")),
        event("e3", &["i3"], EventKind::WrittenOff { reason: "failliet".into() }),
        event("e4", &["i1", "i2"], EventKind::Note { text: "gebeld".into() }),
    ];
    (invoices, customers, events)
}

#[test]
fn exports_per_language() {
    let (invoices, customers, events) = sample();
    let today = d("2026-03-01");
    let nl = "Factuurnummer;Klant;Factuurdatum;Vervaldatum;Bedrag;Betaald;Openstaand;Status;Dagen te laat;Valuta;\
              Omschrijving;E-mailadres;Telefoonnummer;Soort klant\r\n\
              2026-001;\"Jansen; Zonen \"\"BV\"\"\";05-01-2026;04-02-2026;1234,56;234,56;1000,00;Deels betaald;25;EUR;;;;zakelijk\r\n\
              2026-002;\"Jansen; Zonen \"\"BV\"\"\";10-01-2026;09-02-2026;100,00;100,00;0,00;Betaald;0;EUR;;;;zakelijk\r\n\
              '=2026-003;Café de Zon;15-01-2026;14-02-2026;50,00;0,00;50,00;Afgeschreven;0;EUR;;zon@example.nl;'+31 6 12345678;particulier\r\n\
              2026-004;Café de Zon;20-01-2026;31-03-2026;75,50;0,00;75,50;Open;0;EUR;Taart met kaarsjes;zon@example.nl;'+31 6 12345678;particulier\r\n\
              2026-005;;20-01-2026;01-02-2026;10,00;0,00;10,00;Open;28;EUR;;;;\"\"\r\n";
    assert_eq!(export_invoices(&invoices, &customers, &events, today, Lang::Nl), nl);
    let en = "Invoice number,Customer,Invoice date,Due date,Amount,Paid,Outstanding,Status,Days overdue,Currency,\
              Description,Email address,Phone number,Customer type\r\n\
              2026-001,\"Jansen; Zonen \"\"BV\"\"\",5 Jan 2026,4 Feb 2026,1234.56,234.56,1000.00,Partly paid,25,EUR,,,,business\r\n\
              2026-002,\"Jansen; Zonen \"\"BV\"\"\",10 Jan 2026,9 Feb 2026,100.00,100.00,0.00,Paid,0,EUR,,,,business\r\n\
              '=2026-003,Café de Zon,15 Jan 2026,14 Feb 2026,50.00,0.00,50.00,Written off,0,EUR,,zon@example.nl,'+31 6 12345678,consumer\r\n\
              2026-004,Café de Zon,20 Jan 2026,31 Mar 2026,75.50,0.00,75.50,Open,0,EUR,Taart met kaarsjes,zon@example.nl,'+31 6 12345678,consumer\r\n\
              2026-005,,20 Jan 2026,1 Feb 2026,10.00,0.00,10.00,Open,28,EUR,,,,\"\"\r\n";
    assert_eq!(export_invoices(&invoices, &customers, &events, today, Lang::En), en);
}

#[test]
fn an_export_imports_again() {
    let (invoices, customers, events) = sample();
    // The invoice whose customer is gone cannot come back: it has no customer name.
    let invoices: Vec<Invoice> = invoices
        .into_iter()
        .filter(|i| i.customer_id.as_str() != "gone")
        .collect();
    // The written-off invoice is left out: imported as open, it would be chased again.
    let kept: Vec<&Invoice> = invoices.iter().filter(|i| i.number != "=2026-003").collect();
    let shape = |i: &Invoice| {
        (
            i.number.clone(),
            i.issue_date,
            i.due_date,
            i.amount,
            i.currency.clone(),
            i.description.clone(),
        )
    };
    for lang in Lang::ALL {
        let text = csv::with_bom(&export_invoices(&invoices, &customers, &events, d("2026-03-01"), lang));
        let table = csv::read(&text).unwrap();
        let result = import(
            &table,
            &guess_mapping(&table.headers),
            &[],
            &[],
            30,
            TODAY,
            &mut counter(),
        );
        assert_eq!(errors(&result), vec![], "{lang:?}");
        assert_eq!(
            result.invoices.iter().map(shape).collect::<Vec<_>>(),
            kept.iter().map(|i| shape(i)).collect::<Vec<_>>()
        );
        assert_eq!(result.skipped_written_off, 1, "{lang:?}");
        let written_off = lang.pick(
            "1 afgeschreven factuur niet ingelezen",
            "1 written-off invoice left out",
        );
        assert!(result.summary(lang).contains(written_off), "{}", result.summary(lang));
        let details = |c: &Customer| (c.name.clone(), c.email.clone(), c.phone.clone(), c.kind);
        assert_eq!(
            result.new_customers.iter().map(details).collect::<Vec<_>>(),
            customers.iter().map(details).collect::<Vec<_>>()
        );
        let number_of = |id: &InvoiceId| result.invoices.iter().find(|i| i.id == *id).map(|i| i.number.as_str());
        let paid: Vec<(Option<&str>, Decimal)> = result.payments.iter().map(|(id, a)| (number_of(id), *a)).collect();
        assert_eq!(
            paid,
            vec![(Some("2026-001"), dec("234.56")), (Some("2026-002"), dec("100"))]
        );
    }
}

#[test]
fn text_a_spreadsheet_would_run_reads_back_as_it_was() {
    let cases = [
        ("=SUM(A1)", "'=SUM(A1)"),
        ("+31 6 1234", "'+31 6 1234"),
        ("-5", "'-5"),
        ("@home", "'@home"),
        ("'=", "''="),
        ("''+x", "'''+x"),
        ("'quoted'", "'quoted'"),
        ("Jansen", "Jansen"),
    ];
    for (text, exported) in cases {
        assert_eq!(defused(text), exported);
        assert_eq!(clean(exported), text);
    }
}

/// Text as a user types it in one field: printable, at least one character, no spaces at
/// either end (the import trims those, on purpose).
fn plain_text() -> impl Strategy<Value = String> {
    "\\PC{1,12}".prop_filter("no surrounding spaces", |s| s.trim() == s && !s.is_empty())
}

/// (number, customer index, amount in cents, issue day number, term, paid in cents)
fn any_invoice() -> impl Strategy<Value = (String, usize, i64, i32, u32, i64)> {
    // Invoice dates the import takes as meant, from twenty years back to two years ahead.
    let first = d("2006-11-24").num_days_from_ce();
    (
        plain_text(),
        0usize..3,
        1i64..10_000_000_000_000,
        first..first + 8_000,
        // The import takes terms up to a year, as the invoice form does.
        0u32..=MAX_TERM_DAYS,
        0i64..20_000_000_000_000,
    )
}

proptest! {
    #[test]
    fn any_export_imports_again(
        names in prop::collection::vec(plain_text(), 3),
        rows in prop::collection::vec(any_invoice(), 0..8),
        lang in prop_oneof![Just(Lang::Nl), Just(Lang::En)],
    ) {
        // The index keeps names apart that only differ in case.
        let customers: Vec<Customer> = names
            .iter()
            .enumerate()
            .map(|(i, n)| Customer::new(CustomerId(format!("c{i}")), format!("{n} {i}")))
            .collect();
        let mut taken = std::collections::HashSet::new();
        let mut invoices = Vec::new();
        let mut events = Vec::new();
        for (i, (number, customer, cents, day, term, paid_cents)) in rows.into_iter().enumerate() {
            if !taken.insert(comparable(&number)) {
                continue;
            }
            let issue = NaiveDate::from_num_days_from_ce_opt(day).unwrap();
            let id = format!("i{i}");
            invoices.push(Invoice {
                id: InvoiceId(id.clone()),
                number,
                customer_id: CustomerId(format!("c{customer}")),
                issue_date: issue,
                due_date: due_date_from_term(issue, term),
                amount: Decimal::new(cents, 2),
                currency: "EUR".into(),
                description: String::new(),
            });
            if paid_cents > 0 {
                let amount = Decimal::new(paid_cents, 2);
                events.push(event(&format!("e{i}"), &[&id], EventKind::PaymentReceived { amount, note: String::new() }));
            }
        }
        let text = export_invoices(&invoices, &customers, &events, d("2026-03-01"), lang);
        let table = csv::read(&text).unwrap();
        let result = import(&table, &guess_mapping(&table.headers), &customers, &[], 30, TODAY, &mut counter());
        prop_assert_eq!(errors(&result), vec![]);
        prop_assert_eq!(result.new_customers.len(), 0);
        let shape = |i: &Invoice| (i.number.clone(), i.customer_id.clone(), i.issue_date, i.due_date, i.amount);
        prop_assert_eq!(
            result.invoices.iter().map(shape).collect::<Vec<_>>(),
            invoices.iter().map(shape).collect::<Vec<_>>()
        );
        let paid: Decimal = result.payments.iter().map(|(_, a)| *a).sum();
        let expected: Decimal = events.iter().map(model_paid).sum();
        prop_assert_eq!(paid, expected);
    }

    #[test]
    fn importing_arbitrary_cells_never_panics(
        headers in prop::collection::vec(prop_oneof![
            Just("Factuurnummer".to_owned()), Just("Klant".to_owned()), Just("Datum".to_owned()),
            Just("Vervaldatum".to_owned()), Just("Termijn".to_owned()), Just("Bedrag".to_owned()),
            Just("Betaald".to_owned()), Just("Openstaand".to_owned()), Just("Valuta".to_owned()),
            Just("Soort klant".to_owned()), any::<String>(),
        ], 0..12),
        rows in prop::collection::vec(prop::collection::vec(prop_oneof![
            any::<String>(), "[0-9.,€ -]{0,12}", "[0-9]{1,2}-[0-9]{1,2}-[0-9]{2,5}", Just("ja".to_owned()),
        ], 0..12), 0..20),
    ) {
        let table = Table {
            headers,
            rows: rows.into_iter().enumerate().map(|(i, fields)| Row { line: i + 2, fields }).collect(),
            delimiter: Delimiter::Semicolon,
        };
        let mapping = guess_mapping(&table.headers);
        let result = import(&table, &mapping, &existing_customers(), &existing_invoices(), u32::MAX, TODAY, &mut counter());
        for e in &result.errors {
            prop_assert!(!e.message(Lang::Nl).is_empty() && !e.message(Lang::En).is_empty());
        }
        prop_assert!(result.invoices.iter().all(|i| i.due_date >= i.issue_date && i.amount > Decimal::ZERO));
    }
}

fn model_paid(event: &Event) -> Decimal {
    match &event.kind {
        EventKind::PaymentReceived { amount, .. } => *amount,
        _ => Decimal::ZERO,
    }
}
