//! Any bytes, read as text the way the app reads a chosen file, go through the whole import:
//! `csv::read`, `guess_mapping`, `import` at once and in chunks, and an export of the result.
//! Besides not panicking, the results must hold the promises the import makes.
#![no_main]

use invoice_chaser::domain::csv;
use invoice_chaser::domain::dates::parse_date;
use invoice_chaser::domain::import::{export_invoices, guess_mapping, import, Importer};
use invoice_chaser::domain::model::Lang;
use libfuzzer_sys::fuzz_target;

fn counter() -> impl FnMut() -> String {
    let mut n = 0u64;
    move || {
        n += 1;
        format!("id{n}")
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok(table) = csv::read(&text) else {
        return;
    };
    let lines = text.split('\n').count() + text.matches('\r').count();
    assert!(table.rows.iter().all(|r| r.line >= 1 && r.line <= lines));
    assert!(table.rows.windows(2).all(|w| w[0].line < w[1].line));

    let Ok(today) = parse_date("2026-03-01") else {
        return;
    };
    let mapping = guess_mapping(&table.headers);
    let result = import(&table, &mapping, &[], &[], 30, today, &mut counter());
    for invoice in &result.invoices {
        assert!(invoice.due_date >= invoice.issue_date);
        assert!(invoice.amount.is_sign_positive() && !invoice.amount.is_zero());
        assert!(!invoice.number.trim().is_empty());
    }
    for error in &result.errors {
        assert!(!error.message(Lang::Nl).is_empty());
        assert!(!error.message(Lang::En).is_empty());
    }
    for duplicate in &result.duplicates {
        assert!(!duplicate.message(Lang::Nl).is_empty());
    }
    let _ = result.summary(Lang::Nl);

    // Chunks of any size must give exactly the one-shot result.
    let chunk = data.first().map_or(1, |b| usize::from(*b % 7) + 1);
    let mut importer = Importer::new(&table, mapping, &[], &[], 30, today);
    let mut ids = counter();
    while !importer.step(chunk, &mut ids).is_finished() {}
    assert_eq!(importer.finish(), result);

    // What was imported can be exported, and the export reads back row for row.
    for lang in Lang::ALL {
        let exported = export_invoices(&result.invoices, &result.new_customers, &[], today, lang);
        let again = csv::read(&exported).expect("an export reads back");
        assert_eq!(again.rows.len(), result.invoices.len());
    }
});
