//! One module per route.

pub mod backup;
pub mod compose;
pub mod csv_import;
pub mod customer;
pub mod customer_form;
pub mod customers;
pub mod invoices;
pub mod not_found;
pub mod settings;
pub mod settings_form;
pub mod today;
