//! Tests that need a real browser: IndexedDB and localStorage through `store/`.
//! Run by `./x test` in headless Chromium and in headless Firefox.
#![cfg(target_arch = "wasm32")]

use invoice_chaser::domain::model::{Channel, Customer, CustomerId, CustomerKind, Lang};
use invoice_chaser::store::{prefs, Db, StoreError, StoreErrorKind, SCHEMA_VERSION};
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
    Db::open(name).await.expect("database opens")
}

#[wasm_bindgen_test]
async fn a_customer_survives_a_round_trip_through_indexeddb() {
    let db = fresh_db("test-round-trip").await;
    assert!(
        db.customers().await.unwrap().is_empty(),
        "a new database holds no customers"
    );

    let mut customer = Customer::new(CustomerId::from("c-1"), "Bakkerij De Gouden Korst");
    customer.kind = CustomerKind::Consumer;
    customer.email = "info@goudenkorst.example".into();
    customer.language = Lang::En;
    customer.preferred_channel = Channel::Letter;
    customer.address.city = "Zwolle".into();
    customer.paused = Some("op vakantie".into());
    db.put_customer(&customer).await.unwrap();
    db.close();

    // A second connection proves the data was committed, not just held in memory.
    let reopened = Db::open("test-round-trip").await.unwrap();
    assert_eq!(reopened.customers().await.unwrap(), vec![customer]);
}

#[wasm_bindgen_test]
async fn saving_a_customer_again_replaces_it() {
    let db = fresh_db("test-replace").await;
    let mut customer = Customer::new(CustomerId::from("c-1"), "Old name");
    db.put_customer(&customer).await.unwrap();
    customer.name = "New name".into();
    db.put_customer(&customer).await.unwrap();
    let stored = db.customers().await.unwrap();
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

    let err: StoreError = match Db::open(name).await {
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
