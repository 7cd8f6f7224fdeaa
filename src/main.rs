//! The browser entry point: install the panic hook and mount the app.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(invoice_chaser::ui::App);
}

// The app only runs in a browser; natively this binary explains how to start it instead.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Factuurwacht runs in the browser: start it with `./x serve`.");
}
