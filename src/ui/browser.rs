//! The few browser services the UI needs besides storage: the local date, and saving a file.

use chrono::NaiveDate;
use wasm_bindgen::JsCast;

/// Today's date on the user's own clock. Only the UI reads the clock; the domain is given
/// this date.
pub fn today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(now.get_full_year() as i32, now.get_month() + 1, now.get_date()).unwrap_or_default()
}

/// The current moment as ISO 8601 in UTC, for a backup's `exported_at`.
pub fn now_iso() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// The current moment in UTC, for a calendar file's time stamp.
pub fn now_utc() -> chrono::NaiveDateTime {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_utc_full_year() as i32,
        now.get_utc_month() + 1,
        now.get_utc_date(),
    )
    .and_then(|d| d.and_hms_opt(now.get_utc_hours(), now.get_utc_minutes(), now.get_utc_seconds()))
    .unwrap_or_default()
}

/// Offers `text` as a download named `file_name`. Nothing leaves the device: the file is
/// made from a local object URL, which is released a minute after the click.
pub fn download(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    let fail = |e: wasm_bindgen::JsValue| format!("{e:?}");
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let body = document.body().ok_or("no body")?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a").map_err(fail)?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    // Firefox ignores a click on a link that is not in the document.
    body.append_child(&anchor).map_err(fail)?;
    anchor.click();
    let _ = body.remove_child(&anchor);
    // Firefox and Safari read the file after the click has returned: revoking the URL at once
    // can leave them without one, while the app counts the backup as made.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    window
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000)
        .map_err(fail)?;
    Ok(())
}

thread_local! {
    /// The time part of the last id this tab made.
    static LAST_ID_TIME: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// A new record id: time plus randomness, so ids made on two devices do not clash when their
/// backups are merged.
///
/// The ids of one tab sort in the order they were made. IndexedDB returns records by key, and
/// events of one day must read back in the order they were logged (a call before the promise
/// made in it); ids made in the same millisecond, as one command's events are, take the next
/// millisecond instead.
pub fn new_id(prefix: &str) -> String {
    let now = js_sys::Date::now() as u64;
    let time = LAST_ID_TIME.with(|last| {
        let time = crate::domain::model::next_id_time(now, last.get());
        last.set(time);
        time
    });
    let random = (js_sys::Math::random() * 2f64.powi(52)) as u64;
    format!("{prefix}-{time:x}-{random:013x}")
}

/// Makes the ids made from now on sort after `ids`, the ids already stored. They may come from
/// an earlier session whose clock was ahead of this one's (a clock set back, or one that stands
/// still in tests); without this, an event logged now could read back before one logged
/// earlier the same day.
pub fn ids_after<'a>(ids: impl IntoIterator<Item = &'a str>) {
    let latest = crate::domain::model::latest_id_time(ids, js_sys::Date::now() as u64);
    LAST_ID_TIME.with(|last| last.set(last.get().max(latest)));
}

/// Asks the user to confirm `question` in the browser's own dialog; `false` when there is no
/// window to ask in.
pub fn confirm(question: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.confirm_with_message(question).ok())
        .unwrap_or(false)
}

/// Lets the browser paint and handle input before the next chunk of a long job.
pub async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// The part of the day it is now on the user's clock, for recording when a call was made.
pub fn day_part() -> crate::domain::model::DayPart {
    use crate::domain::model::DayPart;
    match js_sys::Date::new_0().get_hours() {
        0..=11 => DayPart::Morning,
        12..=17 => DayPart::Afternoon,
        _ => DayPart::Evening,
    }
}

/// Moves keyboard focus to the first element matching `selector`, if there is one. Used after
/// a save re-renders a page, so a keyboard user lands on the result instead of the page top.
pub fn focus(selector: &str) {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

/// Whether the keyboard focus is nowhere (on the document's body, as after the focused element
/// was removed, or on `<main>`, where a navigation puts it) or on the first element matching
/// `selector`: where a control that replaced itself, or was just used, leaves it. Focus
/// elsewhere was put there by the user since.
pub fn focus_is_free_or_on(selector: &str) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    match document.active_element() {
        None => true,
        Some(active) => {
            document
                .body()
                .is_some_and(|body| active.is_same_node(Some(body.as_ref())))
                || active.id() == "main"
                || active.matches(selector).unwrap_or(false)
        }
    }
}

/// Scrolls the first element matching `top` to the top of the window and moves the focus to
/// the first element matching `selector` below it: after a list changes page, the user reads
/// on from its start instead of at the pager where the window was left.
pub fn focus_at_top(selector: &str, top: &str) {
    focus(selector);
    // Focusing scrolls only as far as the element needs; the list's head goes up after it.
    if let Some(top) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(top).ok().flatten())
    {
        top.scroll_into_view_with_bool(true);
    }
}

/// After a refused save, moves the focus to the first field the submitted form marks invalid,
/// once its message is on screen: a screen reader then reads the field with its message, and
/// a keyboard user can fix it at once. Harmless after a save that went through: no field is
/// marked then.
pub fn focus_first_invalid(ev: &web_sys::Event) {
    let Some(form) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
        return;
    };
    // The messages render after the handler returns; a frame later they are in the page.
    leptos::prelude::request_animation_frame(move || {
        if let Some(field) = form
            .query_selector("[aria-invalid=\"true\"]")
            .ok()
            .flatten()
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = field.focus();
        }
    });
}

/// The tab's session storage; `None` where the browser blocks it. What is kept there (a draft's
/// edit, the list's search) only saves retyping, so going without it loses nothing stored.
pub fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}
