//! Edits to a draft, kept for the browser tab's session: leaving the composer to look
//! something up, or by the Back button, and coming back finds the text as the user left it.
//! An edit comes back only onto the draft it was made to: when the data changed the draft (a
//! payment came in, say), the new draft is shown, because the old text names old figures.
//! Session storage, not the database: an unsent edit is not evidence of anything.

use serde::{Deserialize, Serialize};

use crate::domain::engine::Step;

/// The draft as written, and the user's edit of it.
#[derive(Serialize, Deserialize)]
struct Kept {
    base_subject: String,
    base_body: String,
    subject: String,
    body: String,
}

/// Where the edit of `step`'s draft is kept: one per step, so the next step of the same
/// invoice starts from its own draft.
pub fn key(step: &Step) -> String {
    let invoices: Vec<&str> = step.invoice_ids.iter().map(|id| id.as_str()).collect();
    format!(
        "factuurwacht.draft.{}.{:?}.{:?}",
        invoices.join("+"),
        step.message,
        step.channel
    )
}

/// The kept edit (subject, body) of the draft `base_subject` and `base_body`, if there is
/// one. An edit of another draft is dropped.
pub fn restore(key: &str, base_subject: &str, base_body: &str) -> Option<(String, String)> {
    let kept: Kept = serde_json::from_str(&crate::ui::browser::session()?.get_item(key).ok()??).ok()?;
    if kept.base_subject == base_subject && kept.base_body == base_body {
        Some((kept.subject, kept.body))
    } else {
        forget(key);
        None
    }
}

/// Keeps the edit; an edit that is the draft itself again needs no keeping. Storage that
/// refuses (full, or disabled) only means the edit is not kept for later.
pub fn keep(key: &str, base_subject: &str, base_body: &str, subject: &str, body: &str) {
    if subject == base_subject && body == base_body {
        return forget(key);
    }
    let kept = Kept {
        base_subject: base_subject.to_owned(),
        base_body: base_body.to_owned(),
        subject: subject.to_owned(),
        body: body.to_owned(),
    };
    if let (Some(storage), Ok(json)) = (crate::ui::browser::session(), serde_json::to_string(&kept)) {
        let _ = storage.set_item(key, &json);
    }
}

/// Drops the kept edit: the message was recorded as sent.
pub fn forget(key: &str) {
    if let Some(storage) = crate::ui::browser::session() {
        let _ = storage.remove_item(key);
    }
}
