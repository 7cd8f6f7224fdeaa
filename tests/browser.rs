//! Tests that need a real browser: IndexedDB and localStorage through `store/`.
//! Run by `./x test` in headless Chromium and in headless Firefox.
#![cfg(target_arch = "wasm32")]

use chrono::NaiveDate;
use invoice_chaser::domain::model::{
    Channel, Customer, CustomerId, CustomerKind, Event, EventId, EventKind, Invoice, InvoiceId, Lang, Settings,
};
use invoice_chaser::store::{
    persistence, prefs, Changes, Db, Keys, StoreError, StoreErrorKind, Versions, READ_BATCH, SCHEMA_VERSION,
};
use rust_decimal::Decimal;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A database of its own per test, so tests never see each other's data or the user's.
async fn fresh_db(name: &str) -> Db {
    let factory = idb::Factory::new().expect("IndexedDB is available");
    factory
        .delete(name)
        .expect("delete request")
        .await
        .expect("old test database deleted");
    Db::open(name, || ()).await.expect("database opens")
}

/// Adds or replaces one customer, in its own transaction, as the customer form saves one.
async fn put_customer(db: &Db, customer: &Customer) {
    db.write(&Changes {
        customers: vec![customer.clone()],
        ..Changes::default()
    })
    .await
    .unwrap();
}

#[wasm_bindgen_test]
async fn a_customer_survives_a_round_trip_through_indexeddb() {
    let db = fresh_db("test-round-trip").await;
    assert!(
        db.load().await.unwrap().customers.is_empty(),
        "a new database holds no customers"
    );

    let mut customer = Customer::new(CustomerId::from("c-1"), "Bakkerij De Gouden Korst");
    customer.kind = CustomerKind::Consumer;
    customer.email = "info@goudenkorst.example".into();
    customer.language = Lang::En;
    customer.preferred_channel = Channel::Letter;
    customer.address.city = "Zwolle".into();
    customer.paused = Some("op vakantie".into());
    put_customer(&db, &customer).await;
    db.close();

    // A second connection proves the data was committed, not just held in memory.
    let reopened = Db::open("test-round-trip", || ()).await.unwrap();
    assert_eq!(reopened.load().await.unwrap().customers, vec![customer]);
}

#[wasm_bindgen_test]
async fn saving_a_customer_again_replaces_it() {
    let db = fresh_db("test-replace").await;
    let mut customer = Customer::new(CustomerId::from("c-1"), "Old name");
    put_customer(&db, &customer).await;
    customer.name = "New name".into();
    put_customer(&db, &customer).await;
    let stored = db.load().await.unwrap().customers;
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].name, "New name");
}

#[wasm_bindgen_test]
async fn a_database_from_a_newer_app_version_is_refused_with_the_dom_error() {
    let name = "test-newer-version";
    let factory = idb::Factory::new().unwrap();
    factory.delete(name).unwrap().await.unwrap();
    let newer = factory.open(name, Some(SCHEMA_VERSION + 1)).unwrap().await.unwrap();
    newer.close();

    let err: StoreError = match Db::open(name, || ()).await {
        Ok(_) => panic!("an older app must not open a newer schema"),
        Err(e) => e,
    };
    assert_eq!(err.name, "VersionError");
    assert_eq!(err.kind, StoreErrorKind::NewerVersion);
    assert!(
        err.user_message(Lang::Nl).contains("VersionError"),
        "the message keeps the browser's words"
    );
}

#[wasm_bindgen_test]
fn the_language_choice_is_remembered() {
    prefs::set_language(Lang::En).unwrap();
    assert_eq!(prefs::language(), Lang::En);
    prefs::set_language(Lang::Nl).unwrap();
    assert_eq!(prefs::language(), Lang::Nl);
}

/// A restore prepares the backup's settings before the records and stores them only after:
/// an abandoned restore leaves the stored value exactly as it was, an unreadable one included.
#[wasm_bindgen_test]
fn pending_settings_change_nothing_until_committed() {
    const KEY: &str = "factuurwacht.settings.v1";
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let mut changed = Settings::default();
    changed.business.name = "Ander Bedrijf".into();

    storage.remove_item(KEY).unwrap();
    prefs::prepare_settings(&changed).unwrap().abandon();
    assert_eq!(storage.get_item(KEY).unwrap(), None, "no settings stored, none written");

    storage.set_item(KEY, "{garbled").unwrap();
    let pending = prefs::prepare_settings(&changed).unwrap();
    assert_eq!(
        storage.get_item(KEY).unwrap().as_deref(),
        Some("{garbled"),
        "nothing before the commit"
    );
    pending.abandon();
    assert_eq!(storage.get_item(KEY).unwrap().as_deref(), Some("{garbled"));
    assert!(prefs::settings().is_err());

    prefs::prepare_settings(&changed).unwrap().commit().unwrap();
    assert_eq!(
        prefs::settings().map(|s| s.business.name),
        Ok("Ander Bedrijf".to_owned())
    );
    assert_eq!(
        storage.get_item("factuurwacht.settings.pending").unwrap(),
        None,
        "no scratch copy left behind"
    );
    storage.remove_item(KEY).unwrap();
}

fn invoice(id: &str, customer: &str, amount: &str) -> Invoice {
    Invoice {
        id: InvoiceId::from(id),
        number: format!("2026-{id}"),
        customer_id: CustomerId::from(customer),
        issue_date: NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(),
        due_date: NaiveDate::from_ymd_opt(2026, 10, 31).unwrap(),
        amount: amount.parse().unwrap(),
        currency: "EUR".into(),
        description: "Bruidstaart".into(),
    }
}

/// Customer c-1 with invoice i-1 of 100.00 and a payment e-1 of 10.00 on it.
async fn store_one_paid_invoice(db: &Db) {
    db.write(&Changes {
        customers: vec![Customer::new(CustomerId::from("c-1"), "Bakkerij Jansen")],
        invoices: vec![invoice("i-1", "c-1", "100.00")],
        events: vec![payment("e-1", "i-1", "c-1", "10.00")],
        ..Changes::default()
    })
    .await
    .unwrap();
}

fn payment(id: &str, invoice: &str, customer: &str, amount: &str) -> Event {
    Event {
        id: EventId::from(id),
        invoice_ids: vec![InvoiceId::from(invoice)],
        customer_id: CustomerId::from(customer),
        date: NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
        channel: Channel::Email,
        kind: EventKind::PaymentReceived {
            amount: amount.parse().unwrap(),
            note: "iDEAL".into(),
        },
    }
}

#[wasm_bindgen_test]
async fn one_command_writes_customer_invoice_and_event_exactly() {
    let db = fresh_db("test-command").await;
    let changes = Changes {
        customers: vec![Customer::new(CustomerId::from("c-1"), "Restaurant De Linde")],
        invoices: vec![invoice("i-1", "c-1", "1234.56")],
        events: vec![payment("e-1", "i-1", "c-1", "0.10")],
        ..Changes::default()
    };
    db.write(&changes).await.unwrap();
    let stored = db.load().await.unwrap();
    assert_eq!(stored.customers, changes.customers);
    assert_eq!(stored.invoices, changes.invoices);
    assert_eq!(stored.events, changes.events);
    // Cents survive exactly: no float anywhere on the way.
    assert_eq!(stored.invoices[0].amount, Decimal::new(123456, 2));
}

/// Start-up reads each store in batches, each one starting after the previous one's last key.
/// Every record must come back exactly once and in key order, also at the batch boundaries.
#[wasm_bindgen_test]
async fn a_load_reads_every_record_once_across_batches() {
    let db = fresh_db("test-batches").await;
    let count = 2 * READ_BATCH as usize + 1;
    // Zero-padded ids, so key order is the order written.
    let invoices: Vec<Invoice> = (0..count)
        .map(|n| invoice(&format!("i-{n:05}"), "c-1", "10.00"))
        .collect();
    db.write(&Changes {
        customers: vec![Customer::new(CustomerId::from("c-1"), "Restaurant De Linde")],
        invoices: invoices.clone(),
        ..Changes::default()
    })
    .await
    .unwrap();
    let stored = db.load().await.unwrap();
    assert_eq!(stored.invoices.len(), count);
    assert_eq!(stored.invoices, invoices);
}

#[wasm_bindgen_test]
async fn a_removal_takes_away_exactly_the_named_records() {
    let db = fresh_db("test-remove").await;
    db.write(&Changes {
        customers: vec![
            Customer::new(CustomerId::from("c-1"), "Kept"),
            Customer::new(CustomerId::from("c-2"), "Entered twice"),
        ],
        invoices: vec![invoice("i-1", "c-1", "100.00"), invoice("i-2", "c-1", "100.00")],
        events: vec![payment("e-1", "i-1", "c-1", "10.00")],
        ..Changes::default()
    })
    .await
    .unwrap();
    db.remove(&Keys {
        customers: vec![CustomerId::from("c-2")],
        invoices: vec![InvoiceId::from("i-2")],
    })
    .await
    .unwrap();
    let stored = db.load().await.unwrap();
    let customers: Vec<&str> = stored.customers.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(customers, ["c-1"]);
    let invoices: Vec<&str> = stored.invoices.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(invoices, ["i-1"]);
    assert_eq!(stored.events.len(), 1);
}

#[wasm_bindgen_test]
async fn a_failing_command_changes_nothing() {
    let db = fresh_db("test-atomic").await;
    store_one_paid_invoice(&db).await;
    let before = db.load().await.unwrap();

    // The dossier is append-only: a second event with an existing id fails the command, and
    // with it the customer rename and the new invoice written in the same transaction.
    let mut renamed = before.customers[0].clone();
    renamed.name = "Must not be stored".into();
    let err = db
        .write(&Changes {
            customers: vec![renamed],
            invoices: vec![invoice("i-2", "c-1", "50.00")],
            events: vec![payment("e-1", "i-1", "c-1", "99.00")],
            ..Changes::default()
        })
        .await
        .expect_err("re-adding an event id must fail");
    assert_eq!(err.name, "ConstraintError");
    assert!(!err.user_message(Lang::En).is_empty());
    assert_eq!(db.load().await.unwrap(), before);
}

/// Two tabs that save the same record, or the same new invoice number, close together: the
/// second save was made from what the first one changed, and is refused instead of undoing it.
#[wasm_bindgen_test]
async fn a_save_made_from_an_outdated_record_or_a_taken_number_is_refused() {
    let db = fresh_db("test-changed").await;
    let jansen = Customer::new(CustomerId::from("c-1"), "Bakkerij Jansen");
    let first = invoice("i-1", "c-1", "100.00");
    db.write(&Changes {
        customers: vec![jansen.clone()],
        invoices: vec![first.clone()],
        ..Changes::default()
    })
    .await
    .unwrap();
    // The other tab raises the amount; this tab, still holding the old invoice, edits the
    // description.
    let raised = Invoice {
        amount: "150.00".parse().unwrap(),
        ..first.clone()
    };
    let edit = |seen: &Invoice, made: Invoice| Changes {
        invoices: vec![made],
        edits: Keys {
            invoices: vec![InvoiceId::from("i-1")],
            ..Keys::default()
        },
        made_from: Versions {
            invoices: vec![seen.clone()],
            ..Versions::default()
        },
        ..Changes::default()
    };
    db.write(&edit(&first, raised.clone())).await.unwrap();
    let described = Invoice {
        description: "Taart".into(),
        ..first.clone()
    };
    let refused = db.write(&edit(&first, described)).await.unwrap_err();
    assert_eq!(refused.kind, StoreErrorKind::Changed, "{refused}");
    let renamed = Customer {
        name: "Bakkerij Jansen B.V.".into(),
        ..jansen.clone()
    };
    db.write(&Changes {
        customers: vec![renamed.clone()],
        edits: Keys {
            customers: vec![jansen.id.clone()],
            ..Keys::default()
        },
        made_from: Versions {
            customers: vec![jansen.clone()],
            ..Versions::default()
        },
        ..Changes::default()
    })
    .await
    .unwrap();
    assert_eq!(db.load().await.unwrap().customers, vec![renamed.clone()]);
    // Made from what is stored now, the same edit goes through.
    let described = Invoice {
        description: "Taart".into(),
        ..raised.clone()
    };
    db.write(&edit(&raised, described.clone())).await.unwrap();

    // A new invoice with the number of a stored one, written however differently.
    let twin = Invoice {
        number: " 2026-I-1 ".into(),
        ..invoice("i-2", "c-1", "80.00")
    };
    let taken = db
        .write(&Changes {
            invoices: vec![twin],
            ..Changes::default()
        })
        .await
        .unwrap_err();
    assert_eq!(taken.kind, StoreErrorKind::Taken, "{taken}");
    let stored = db.load().await.unwrap();
    assert_eq!(
        stored.invoices,
        vec![described.clone()],
        "nothing of the refused saves was written"
    );

    // Invoices without a number, as a backup may hold them, never clash: a blank number
    // identifies nothing, and the backup check lets them in too.
    let unnumbered = |id: &str| Invoice {
        number: " ".into(),
        ..invoice(id, "c-1", "10.00")
    };
    for id in ["i-3", "i-4"] {
        db.write(&Changes {
            invoices: vec![unnumbered(id)],
            ..Changes::default()
        })
        .await
        .unwrap();
    }
    assert_eq!(db.load().await.unwrap().invoices.len(), 3);
}

/// A form opened before another tab removed its record must not bring that record back, and
/// nothing may be filed for a customer or invoice that is gone.
#[wasm_bindgen_test]
async fn a_command_on_a_removed_record_is_refused_and_changes_nothing() {
    let db = fresh_db("test-gone").await;
    db.write(&Changes {
        customers: vec![
            Customer::new(CustomerId::from("c-1"), "Kept"),
            Customer::new(CustomerId::from("c-2"), "Removed"),
        ],
        invoices: vec![invoice("i-1", "c-1", "100.00")],
        ..Changes::default()
    })
    .await
    .unwrap();
    let removed = Keys {
        customers: vec![CustomerId::from("c-2")],
        invoices: vec![InvoiceId::from("i-1")],
    };
    db.remove(&removed).await.unwrap();
    let before = db.load().await.unwrap();

    let cases = [
        (
            "an edit of a removed customer",
            Changes {
                customers: vec![Customer::new(CustomerId::from("c-2"), "Edited")],
                edits: Keys {
                    customers: vec![CustomerId::from("c-2")],
                    ..Keys::default()
                },
                ..Changes::default()
            },
        ),
        (
            "an edit of a removed invoice",
            Changes {
                invoices: vec![invoice("i-1", "c-1", "150.00")],
                edits: Keys {
                    invoices: vec![InvoiceId::from("i-1")],
                    ..Keys::default()
                },
                ..Changes::default()
            },
        ),
        (
            "a new invoice for a removed customer",
            Changes {
                invoices: vec![invoice("i-2", "c-2", "10.00")],
                ..Changes::default()
            },
        ),
        (
            "a payment on a removed invoice",
            Changes {
                events: vec![payment("e-1", "i-1", "c-1", "10.00")],
                ..Changes::default()
            },
        ),
    ];
    for (what, changes) in cases {
        let err = db.write(&changes).await.expect_err(what);
        assert_eq!(err.kind, StoreErrorKind::Gone, "{what}: {err}");
        assert!(err.user_message(Lang::Nl).contains("verwijderd"), "{what}");
        assert_eq!(db.load().await.unwrap(), before, "{what}: nothing changed");
    }

    // An edit of a record that is there goes through, and so does a new customer with its
    // first invoice and a payment on it, all in one command: it relies on nothing stored.
    let mut renamed = before.customers[0].clone();
    renamed.name = "Renamed".into();
    db.write(&Changes {
        customers: vec![renamed, Customer::new(CustomerId::from("c-3"), "New")],
        invoices: vec![invoice("i-3", "c-3", "80.00")],
        events: vec![payment("e-3", "i-3", "c-3", "20.00")],
        edits: Keys {
            customers: vec![CustomerId::from("c-1")],
            ..Keys::default()
        },
        ..Changes::default()
    })
    .await
    .unwrap();
    let after = db.load().await.unwrap();
    let names: Vec<&str> = after.customers.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Renamed", "New"]);
    assert_eq!(after.events.len(), 1);
}

/// A tab that removes a customer or an invoice may not have seen another tab add an invoice
/// for it, or a payment: the removal is then refused, so nothing stored points at nothing.
#[wasm_bindgen_test]
async fn a_record_something_refers_to_is_not_removed() {
    let db = fresh_db("test-in-use").await;
    store_one_paid_invoice(&db).await;
    let before = db.load().await.unwrap();
    for (what, removal) in [
        (
            "a customer with an invoice",
            Keys {
                customers: vec![CustomerId::from("c-1")],
                ..Keys::default()
            },
        ),
        (
            "an invoice with a payment",
            Keys {
                invoices: vec![InvoiceId::from("i-1")],
                ..Keys::default()
            },
        ),
    ] {
        let err = db.remove(&removal).await.expect_err(what);
        assert_eq!(err.kind, StoreErrorKind::InUse, "{what}: {err}");
        assert!(err.user_message(Lang::En).contains("so it stays"), "{what}");
        assert_eq!(db.load().await.unwrap(), before, "{what}: nothing changed");
    }
}

#[wasm_bindgen_test]
async fn restoring_replaces_everything_or_nothing() {
    let db = fresh_db("test-restore").await;
    let original = Changes {
        customers: vec![Customer::new(CustomerId::from("c-1"), "Old")],
        invoices: vec![invoice("i-1", "c-1", "100.00")],
        events: vec![payment("e-1", "i-1", "c-1", "10.00")],
        ..Changes::default()
    };
    db.write(&original).await.unwrap();
    let before = db.load().await.unwrap();

    // Two events with one id cannot both be added: the restore fails and the old data stays.
    let broken = invoice_chaser::store::Stored {
        customers: vec![Customer::new(CustomerId::from("c-2"), "New")],
        invoices: vec![invoice("i-2", "c-2", "200.00")],
        events: vec![
            payment("e-9", "i-2", "c-2", "1.00"),
            payment("e-9", "i-2", "c-2", "2.00"),
        ],
    };
    assert!(db.replace_all(&broken).await.is_err());
    assert_eq!(db.load().await.unwrap(), before);

    let good = invoice_chaser::store::Stored {
        customers: vec![Customer::new(CustomerId::from("c-2"), "New")],
        invoices: vec![invoice("i-2", "c-2", "200.00")],
        events: vec![payment("e-9", "i-2", "c-2", "1.00")],
    };
    db.replace_all(&good).await.unwrap();
    assert_eq!(db.load().await.unwrap(), good);
}

/// Records written exactly as schema version 1 stores them must read back, field for field,
/// with the current code. A change to a record type or to a serde name fails here.
#[wasm_bindgen_test]
async fn schema_v1_records_read_back_intact() {
    use wasm_bindgen::JsValue;
    let name = "test-fixture-v1";
    fresh_db(name).await.close();

    let fixture = js_sys::JSON::parse(include_str!("fixtures/idb-v1.json")).unwrap();
    let raw = idb::Factory::new().unwrap().open(name, Some(1)).unwrap().await.unwrap();
    let tx = raw
        .transaction(&["customers", "invoices", "events"], idb::TransactionMode::ReadWrite)
        .unwrap();
    for store in ["customers", "invoices", "events"] {
        let records: js_sys::Array = js_sys::Reflect::get(&fixture, &JsValue::from_str(store))
            .unwrap()
            .into();
        let object_store = tx.object_store(store).unwrap();
        for record in records.iter() {
            object_store.add(&record, None).unwrap().await.unwrap();
        }
    }
    tx.await.unwrap();
    raw.close();

    let stored = Db::open(name, || ()).await.unwrap().load().await.unwrap();
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();

    let mut bakery = Customer::new(CustomerId::from("c-1"), "Bakkerij De Gouden Korst");
    bakery.contact_person = "Petra Jansen".into();
    bakery.email = "petra@goudenkorst.example".into();
    bakery.phone = "030 123 45 67".into();
    bakery.address.street = "Lange Nieuwstraat 12".into();
    bakery.address.postcode = "3512 PH".into();
    bakery.address.city = "Utrecht".into();
    bakery.address.country = "Nederland".into();
    bakery.best_time = invoice_chaser::domain::model::BestTime::Daytime;
    bakery.notes = "Betaalt altijd laat".into();
    let mut jan = Customer::new(CustomerId::from("c-2"), "Jan de Vries");
    jan.kind = CustomerKind::Consumer;
    jan.phone = "+31 6 12345678".into();
    jan.address.street = "Kerkstraat 5".into();
    jan.address.postcode = "3581 AB".into();
    jan.address.city = "Utrecht".into();
    jan.language = Lang::En;
    jan.preferred_channel = Channel::Letter;
    jan.best_time = invoice_chaser::domain::model::BestTime::Evening;
    jan.paused = Some("op vakantie".into());
    let mut customers = stored.customers.clone();
    customers.sort_by(|a, b| a.id.cmp(&b.id));
    assert_eq!(customers, vec![bakery, jan]);

    let mut expected_invoice = invoice("i-1", "c-1", "1234.56");
    expected_invoice.number = "2026-041".into();
    expected_invoice.due_date = d(2026, 10, 31);
    assert_eq!(stored.invoices, vec![expected_invoice]);

    use invoice_chaser::domain::model::{CallOutcome, DayPart, MessageKind};
    let kinds: Vec<EventKind> = stored.events.iter().map(|e| e.kind.clone()).collect();
    assert_eq!(
        kinds,
        vec![
            EventKind::MessageSent {
                message: MessageKind::FirstReminder,
                to: "petra@goudenkorst.example".into(),
                subject: "Betalingsherinnering".into(),
                body: "Beste Petra,\r\n...".into(),
            },
            EventKind::Call {
                outcome: CallOutcome::Reached,
                at: DayPart::Afternoon,
                summary: "Belooft te betalen".into()
            },
            EventKind::PromiseToPay {
                amount: Decimal::new(123456, 2),
                date: d(2026, 11, 20)
            },
            EventKind::PaymentReceived {
                amount: Decimal::new(56, 2),
                note: "deelbetaling".into()
            },
        ]
    );
    assert_eq!(stored.events[1].channel, Channel::Phone);
    assert_eq!(stored.events[3].date, d(2026, 11, 21));
}

/// The browser's error names map to the user's words in both languages, and the DOM
/// exception's own name and message stay visible for a bug report.
#[wasm_bindgen_test]
fn storage_errors_are_explained_in_both_languages() {
    const WORDS: &str = "the browser's own words";
    // (operation, DOM name, DOM message, kind, Dutch and English words the user reads)
    let cases = [
        (
            "save",
            "QuotaExceededError",
            WORDS,
            StoreErrorKind::StorageFull,
            "vol",
            "full",
        ),
        (
            "save",
            "VersionError",
            WORDS,
            StoreErrorKind::NewerVersion,
            "nieuwere versie",
            "newer version",
        ),
        (
            "open",
            "InvalidStateError",
            WORDS,
            StoreErrorKind::Unavailable,
            "privévenster",
            "private window",
        ),
        // Chromium with site data blocked.
        (
            "open",
            "UnknownError",
            "The user denied permission to access the database.",
            StoreErrorKind::Unavailable,
            "sitegegevens geblokkeerd",
            "site data is blocked",
        ),
        // A connection that closes under a save is no matter of permission.
        (
            "save",
            "InvalidStateError",
            "The database connection is closing.",
            StoreErrorKind::Other,
            "mislukt",
            "failed",
        ),
        (
            "save",
            "Gone",
            WORDS,
            StoreErrorKind::Gone,
            "verwijderd",
            "removed in the meantime",
        ),
        ("save", "InUse", WORDS, StoreErrorKind::InUse, "gekoppeld", "linked"),
        (
            "save",
            "Changed",
            WORDS,
            StoreErrorKind::Changed,
            "ergens anders opgeslagen",
            "saved elsewhere",
        ),
        (
            "save",
            "Taken",
            WORDS,
            StoreErrorKind::Taken,
            "factuurnummer",
            "invoice number",
        ),
        (
            "save",
            "ConstraintError",
            WORDS,
            StoreErrorKind::Other,
            "niets gewijzigd",
            "Nothing was changed",
        ),
    ];
    for (operation, name, message, kind, nl, en) in cases {
        let e = StoreError::new(operation, name, message);
        assert_eq!(e.kind, kind, "{name}: {message}");
        assert!(
            e.user_message(Lang::Nl).contains(nl),
            "{name}: {}",
            e.user_message(Lang::Nl)
        );
        assert!(
            e.user_message(Lang::En).contains(en),
            "{name}: {}",
            e.user_message(Lang::En)
        );
        assert!(e.user_message(Lang::En).contains(name) && e.user_message(Lang::En).contains(message));
        // A write refusal says "nothing was changed" once: the refusal box adds it to the
        // reason, and the message shown on its own carries it.
        let unchanged = kind != StoreErrorKind::Unavailable;
        for lang in [Lang::Nl, Lang::En] {
            let said = lang.pick("Er is niets gewijzigd.", "Nothing was changed.");
            assert_eq!(
                e.user_message(lang).matches(said).count(),
                usize::from(unchanged),
                "{name}"
            );
            assert!(!e.refusal_reason(lang).contains(said), "{name}");
            assert!(e.refusal_reason(lang).contains(name), "{name}");
        }
    }
}

/// Browsers differ in what they say with a full disk; one that says nothing gets no dangling
/// colon, and the message reads the same on every screen: what happened, the DOM name, then
/// that nothing changed.
#[wasm_bindgen_test]
fn a_storage_error_without_a_message_reads_cleanly() {
    let e = StoreError::new("save", "QuotaExceededError", "");
    assert_eq!(e.kind, StoreErrorKind::StorageFull);
    assert_eq!(
        e.user_message(Lang::Nl),
        "De opslag van deze browser is vol. Maak ruimte vrij of maak een back-up en verwijder oude gegevens. \
         (QuotaExceededError) Er is niets gewijzigd."
    );
    assert_eq!(
        e.refusal_reason(Lang::En),
        "This browser's storage is full. Free up space, or make a backup and remove old data. (QuotaExceededError)"
    );
}

/// A tab that opens a newer schema must not wait for this one: the old connection closes
/// itself and tells the app, which asks the user to reload.
#[wasm_bindgen_test]
async fn an_old_connection_lets_a_newer_schema_through() {
    use std::cell::Cell;
    use std::rc::Rc;
    let name = "test-outdated";
    fresh_db(name).await.close();
    let told = Rc::new(Cell::new(false));
    let flag = told.clone();
    let _old = Db::open(name, move || flag.set(true)).await.unwrap();

    let newer = idb::Factory::new()
        .unwrap()
        .open(name, Some(SCHEMA_VERSION + 1))
        .unwrap()
        .await
        .unwrap();
    assert_eq!(newer.version().unwrap(), SCHEMA_VERSION + 1);
    assert!(told.get(), "the old connection was told it is outdated");
    newer.close();
}

/// Settings show how much of the device's storage the app uses: the browser's estimate must
/// be read, in every browser.
#[wasm_bindgen_test]
async fn the_storage_in_use_is_read_from_the_browser() {
    let db = fresh_db("storage-estimate").await;
    put_customer(&db, &Customer::new(CustomerId::from("c1"), "Bakkerij Jansen")).await;
    let status = persistence::status().await;
    assert!(status.usage.is_some(), "usage: {status:?}");
    assert!(status.quota.is_some_and(|quota| quota > 0), "quota: {status:?}");
}
