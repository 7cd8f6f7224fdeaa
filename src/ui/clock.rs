//! Today's date as a signal that moves on by itself. An installed app may stay open for days,
//! and the day's work, the drafts' dates and every term count from the day it shows: a page
//! left open overnight must show the new day's steps in the morning without a reload.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::ui::browser;

/// A signal holding today's date, kept current: at midnight, and whenever the page comes back
/// into view or gets the focus (a sleeping laptop runs no timers, so waking it must count too).
pub fn today_signal() -> RwSignal<chrono::NaiveDate> {
    let today = RwSignal::new(browser::today());
    let refresh = move || {
        let now = browser::today();
        // Only a new day is news: setting the same date would redraw every page that reads it.
        if today.get_untracked() != now {
            today.set(now);
        }
    };
    if let Some(window) = web_sys::window() {
        let on_return = Closure::<dyn FnMut()>::new(refresh);
        if let Some(document) = window.document() {
            let _ = document.add_event_listener_with_callback("visibilitychange", on_return.as_ref().unchecked_ref());
        }
        let _ = window.add_event_listener_with_callback("focus", on_return.as_ref().unchecked_ref());
        // The listeners live as long as the page does.
        on_return.forget();
    }
    at_midnight(refresh);
    today
}

/// Calls `refresh` just after every coming local midnight.
fn at_midnight(refresh: impl Fn() + Copy + 'static) {
    let Some(window) = web_sys::window() else { return };
    let now = js_sys::Date::new_0();
    let midnight =
        js_sys::Date::new_with_year_month_day(now.get_full_year(), now.get_month() as i32, now.get_date() as i32 + 1);
    // A second late, so the clock reads the new day when the timer fires early by a little.
    let wait = (midnight.get_time() - now.get_time()).max(0.0) + 1000.0;
    let fire = Closure::once_into_js(move || {
        refresh();
        at_midnight(refresh);
    });
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(fire.unchecked_ref(), wait as i32);
}
