//! One module per route.

pub mod about;
pub mod backup;
pub mod compose;
pub mod csv_import;
pub mod customer;
pub mod customer_form;
pub mod customers;
pub mod dossier;
pub mod invoice;
pub mod invoice_actions;
pub mod invoice_edit;
pub mod invoices;
pub mod not_found;
pub mod rates;
pub mod settings;
pub mod settings_form;
pub mod today;
