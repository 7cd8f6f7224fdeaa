//! Asking the browser to keep the data, and how much room it takes. Without persistent
//! storage a browser may clear IndexedDB under storage pressure; with it, only the user can.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{StorageEstimate, StorageManager};

/// What the browser says about this app's storage. Sizes are bytes; the browser reports them
/// as rounded estimates, so they are only ever shown, never computed with.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct StorageStatus {
    /// `None` when the browser does not support the question.
    pub persistent: Option<bool>,
    pub usage: Option<u64>,
    pub quota: Option<u64>,
}

fn manager() -> Option<StorageManager> {
    let navigator = web_sys::window()?.navigator();
    // Older browsers and some private modes have no `navigator.storage`.
    let storage = js_sys::Reflect::get(&navigator, &"storage".into()).ok()?;
    storage.dyn_into::<StorageManager>().ok()
}

async fn ask_bool(promise: Result<js_sys::Promise, wasm_bindgen::JsValue>) -> Option<bool> {
    JsFuture::from(promise.ok()?).await.ok()?.as_bool()
}

/// Asks for persistent storage. Browsers decide by their own rules (an installed app, a
/// bookmark, engagement); a refusal is not an error, only an answer.
pub async fn request_persistence() -> Option<bool> {
    let manager = manager()?;
    if ask_bool(manager.persisted()).await == Some(true) {
        return Some(true);
    }
    ask_bool(manager.persist()).await
}

pub async fn status() -> StorageStatus {
    let Some(manager) = manager() else {
        return StorageStatus::default();
    };
    let persistent = ask_bool(manager.persisted()).await;
    let estimate = match manager.estimate() {
        Ok(promise) => JsFuture::from(promise)
            .await
            .ok()
            // A StorageEstimate is a dictionary: a plain object, not an instance of a class,
            // so `dyn_into` (an `instanceof` check) would always refuse it.
            .filter(JsValue::is_object)
            .map(JsValue::unchecked_into::<StorageEstimate>),
        Err(_) => None,
    };
    // Sizes are whole bytes well inside f64's exact integer range.
    let bytes = |v: Option<f64>| v.filter(|v| v.is_finite() && *v >= 0.0).map(|v| v as u64);
    StorageStatus {
        persistent,
        usage: bytes(estimate.as_ref().and_then(StorageEstimate::get_usage)),
        quota: bytes(estimate.as_ref().and_then(StorageEstimate::get_quota)),
    }
}
