//! Factuurwacht: an invoice chaser for sole traders that runs entirely in the browser.
//!
//! `domain` is pure Rust and compiles everywhere; `store` and `ui` exist only in the browser
//! build, so native `cargo test` checks the domain without any browser crate.

pub mod domain;

#[cfg(target_arch = "wasm32")]
pub mod store;

#[cfg(target_arch = "wasm32")]
pub mod ui;
