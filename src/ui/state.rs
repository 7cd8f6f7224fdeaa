//! The app's data in signals: loaded once from IndexedDB, changed only through commands that
//! write first and update the signals after the write committed, and kept in step with other
//! open tabs.

use std::collections::HashMap;

use chrono::NaiveDate;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::BroadcastChannel;

use crate::domain::backup::Dataset;
use crate::domain::model::{EventId, Lang, Settings};
use crate::store::{prefs, Changes, Keys, StoreError, StoreErrorKind, Stored};
use crate::ui::db::db;

const CHANNEL: &str = "factuurwacht-changes";

#[derive(Clone, Debug, PartialEq)]
pub enum Load {
    Loading,
    Ready,
    Failed(StoreError),
}

impl Load {
    /// Why the stored data is not in memory, if it is not: a file written from memory now (a
    /// backup, a CSV export) would be empty, so it is refused with this reason.
    pub fn unread(&self, lang: Lang) -> Option<String> {
        let reason = match self {
            Load::Ready => return None,
            Load::Loading => lang.pick(
                "De gegevens worden nog gelezen. Probeer het zo opnieuw.",
                "The data is still being read. Try again in a moment.",
            ),
            Load::Failed(_) => lang.pick(
                "De opgeslagen gegevens konden niet worden gelezen, dus het bestand zou leeg zijn. Er is niets gedownload.",
                "The stored data could not be read, so the file would be empty. Nothing was downloaded.",
            ),
        };
        Some(reason.to_owned())
    }

    /// Why an import cannot go ahead now, if it cannot: it checks the file against the stored
    /// invoices and customers, and against nothing it would store duplicates of them.
    pub fn unread_for_import(&self, lang: Lang) -> Option<String> {
        match self {
            Load::Failed(_) => Some(
                lang.pick(
                    "De opgeslagen gegevens konden niet worden gelezen, dus facturen en klanten die er al zijn zouden dubbel worden opgeslagen. Er is niets geïmporteerd.",
                    "The stored data could not be read, so invoices and customers already there would be stored twice. Nothing was imported.",
                )
                .to_owned(),
            ),
            _ => self.unread(lang),
        }
    }
}

/// Shared through context. `data` only ever holds what the database holds, `settings` what
/// localStorage holds.
#[derive(Clone, Copy)]
pub struct AppState {
    pub data: RwSignal<Stored>,
    pub load: RwSignal<Load>,
    pub settings: RwSignal<Settings>,
    /// Set when stored settings could not be read and the defaults are in use instead.
    pub settings_reset: RwSignal<bool>,
    /// Set when another tab opened a newer version of the app: this tab must reload.
    pub outdated: RwSignal<bool>,
    /// Today's date, moved on at midnight and when the app comes back into view: pages
    /// compute from it, so one left open overnight shows the new day's work.
    pub today: RwSignal<NaiveDate>,
    /// The day of the last backup download on this device.
    pub last_backup: RwSignal<Option<NaiveDate>>,
    /// The command just recorded, which the user may still take back; cleared by the next
    /// command, here or in another tab.
    pub undoable: RwSignal<Option<Undoable>>,
    /// An action form on screen holds text that is not recorded yet. The header's language
    /// switch rebuilds the screen, so it asks first.
    pub typing: RwSignal<bool>,
    /// A form holds typed text that is not saved yet. A reload (into a new version of the app)
    /// would lose it, so the update banner asks first; a language switch keeps these forms'
    /// text, so it need not.
    pub unsaved: RwSignal<bool>,
}

/// A recorded command that can still be taken back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Undoable {
    pub events: Vec<EventId>,
    /// Recorded in the composer, which then returns to Today: Today offers the undo.
    pub from_composer: bool,
}

pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}

impl AppState {
    /// Creates the state, starts the first load, and listens for other tabs' changes.
    pub fn provide() -> AppState {
        let (settings, settings_reset) = match prefs::settings() {
            Ok(settings) => (settings, false),
            Err(_) => (Settings::default(), true),
        };
        let state = AppState {
            data: RwSignal::new(Stored::default()),
            load: RwSignal::new(Load::Loading),
            settings: RwSignal::new(settings),
            settings_reset: RwSignal::new(settings_reset),
            outdated: RwSignal::new(false),
            today: crate::ui::clock::today_signal(),
            last_backup: RwSignal::new(prefs::last_backup()),
            undoable: RwSignal::new(None),
            typing: RwSignal::new(false),
            unsaved: RwSignal::new(false),
        };
        crate::ui::db::report_outdated_to(state.outdated);
        provide_context(state);
        state.reload();
        state.listen_to_other_tabs();
        state
    }

    /// Reads everything again from the database.
    pub fn reload(self) {
        leptos::task::spawn_local(async move {
            match async { db().await?.load().await }.await {
                Ok(stored) => {
                    crate::ui::browser::ids_after(stored.events.iter().map(|e| e.id.as_str()));
                    self.data.set(stored);
                    // Setting the same state again would re-render every page that waits for
                    // the data, and every form on it: what is typed in this tab must survive a
                    // save in another.
                    if self.load.get_untracked() != Load::Ready {
                        self.load.set(Load::Ready);
                    }
                    // A timeline mark, so the benchmark can measure start-up to usable data
                    // in a real browser; it costs nothing when nobody reads it.
                    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
                        let _ = performance.mark("factuurwacht:data-loaded");
                    }
                }
                Err(e) => self.load.set(Load::Failed(e)),
            }
        });
    }

    /// Runs one user command: one transaction, then the signals. On error nothing changed,
    /// in the database or on screen, and the caller shows the error.
    pub async fn run(self, changes: Changes) -> Result<(), StoreError> {
        if let Err(e) = db().await?.write(&changes).await {
            // Another tab's save has not reached this one yet: read it now, so the form shows
            // it before the user tries again.
            if matches!(e.kind, StoreErrorKind::Changed | StoreErrorKind::Taken) {
                self.reload();
            }
            return Err(e);
        }
        self.data.update(|data| apply(data, changes));
        self.undoable.set(None);
        announce();
        Ok(())
    }

    /// Runs a merge: its records in one transaction like any command and, when the merge
    /// brings settings (`backup::MergeWrites::settings`), those once the records are in. As
    /// with [`AppState::replace_all`], the settings' space is claimed first, so either both
    /// change or neither does.
    pub async fn merge(self, changes: Changes, settings: Option<Settings>) -> Result<(), StoreError> {
        let Some(settings) = settings else {
            return self.run(changes).await;
        };
        let pending = prefs::prepare_settings(&settings)?;
        if let Err(e) = async { db().await?.write(&changes).await }.await {
            pending.abandon();
            return Err(e);
        }
        match pending.commit() {
            Ok(()) => {
                self.settings.set(settings);
                self.settings_reset.set(false);
            }
            Err(e) => leptos::logging::warn!("settings of the backup not stored: {e}"),
        }
        self.data.update(|data| apply(data, changes));
        self.undoable.set(None);
        announce();
        Ok(())
    }

    /// Runs a command that records what happened (a payment, a letter, a call, a dispute, a
    /// hand-over...), and keeps its events so the user can take them back until the next
    /// command. Returns those events, so the confirmation can offer the undo of exactly them.
    pub async fn record(self, changes: Changes, from_composer: bool) -> Result<Vec<EventId>, StoreError> {
        let events: Vec<EventId> = changes.events.iter().map(|e| e.id.clone()).collect();
        self.run(changes).await?;
        self.undoable.set(Some(Undoable {
            events: events.clone(),
            from_composer,
        }));
        Ok(events)
    }

    /// Takes back the command just recorded, if it is `events`: one transaction, then the
    /// signals. On error nothing changed. An undo no longer on offer does nothing.
    pub async fn undo(self, events: &[EventId]) -> Result<(), StoreError> {
        if !self
            .undoable
            .with_untracked(|u| u.as_ref().is_some_and(|u| u.events == events))
        {
            return Ok(());
        }
        let result = db().await?.retract(events).await;
        if result.as_ref().is_err_and(|e| e.kind == StoreErrorKind::Gone) {
            // Another tab replaced the data: there is nothing left of this command to undo.
            self.undoable.set(None);
        }
        result?;
        self.data.update(|data| data.events.retain(|e| !events.contains(&e.id)));
        self.undoable.set(None);
        announce();
        Ok(())
    }

    /// Removes records entered by mistake: one transaction, then the signals. On error
    /// nothing changed.
    pub async fn remove(self, removal: Keys) -> Result<(), StoreError> {
        db().await?.remove(&removal).await?;
        self.data.update(|data| {
            data.customers.retain(|c| !removal.customers.contains(&c.id));
            data.invoices.retain(|i| !removal.invoices.contains(&i.id));
        });
        self.undoable.set(None);
        announce();
        Ok(())
    }

    /// Stores new settings and tells other tabs, so none of them drafts with an old IBAN or
    /// writes its old copy back over this one.
    pub fn save_settings(self, settings: Settings) -> Result<(), StoreError> {
        prefs::set_settings(&settings)?;
        self.settings.set(settings);
        self.settings_reset.set(false);
        announce();
        Ok(())
    }

    /// Everything as one dataset, the shape of a backup file.
    pub fn dataset(self) -> Dataset {
        let stored = self.data.get_untracked();
        Dataset {
            settings: self.settings.get_untracked(),
            customers: stored.customers,
            invoices: stored.invoices,
            events: stored.events,
        }
    }

    /// Puts a whole dataset in place of the current one: the database in one transaction,
    /// then the settings. Either both change or neither does: the settings' space is claimed
    /// before the transaction and they are written only once it has committed, so a refusal
    /// or a reload halfway leaves the settings of before.
    pub async fn replace_all(self, data: Dataset) -> Result<(), StoreError> {
        let stored = Stored {
            customers: data.customers,
            invoices: data.invoices,
            events: data.events,
        };
        let pending = prefs::prepare_settings(&data.settings)?;
        if let Err(e) = async { db().await?.replace_all(&stored).await }.await {
            pending.abandon();
            return Err(e);
        }
        // The space was there a moment ago, so a refusal now is next to impossible; should it
        // come, the data is in and the app goes on showing the settings actually stored.
        match pending.commit() {
            Ok(()) => {
                self.settings.set(data.settings);
                self.settings_reset.set(false);
            }
            Err(e) => leptos::logging::warn!("settings of the backup not stored: {e}"),
        }
        crate::ui::browser::ids_after(stored.events.iter().map(|e| e.id.as_str()));
        self.data.set(stored);
        self.undoable.set(None);
        // The database now holds exactly this data, also when it could not be read before.
        self.load.set(Load::Ready);
        announce();
        Ok(())
    }

    /// Takes the settings as they are stored now, which another tab may have saved. Settings
    /// that read well also end the warning that they could not be read.
    fn adopt_stored_settings(self) {
        if let Ok(settings) = prefs::settings() {
            if settings != self.settings.get_untracked() {
                self.settings.set(settings);
            }
            self.settings_reset.set(false);
        }
    }

    fn listen_to_other_tabs(self) {
        let Some(channel) = CHANNEL_OF_THIS_TAB.with(|c| c.clone()) else {
            return;
        };
        // Another tab committed a change: read it from the database rather than trusting the
        // message, so this tab can never hold or write back a stale copy.
        let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |_| {
            self.adopt_stored_settings();
            // A command in another tab is the next command: this tab's undo would now take
            // back something another record may build on.
            self.undoable.set(None);
            self.reload();
        });
        channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        // The handler lives as long as the page; the app never unmounts.
        on_message.forget();
        // localStorage reaches other tabs on its own schedule, which may be after the broadcast
        // above: the `storage` event fires once this tab can read the new value.
        let on_storage = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| self.adopt_stored_settings());
        if let Some(window) = web_sys::window() {
            let _ = window.add_event_listener_with_callback("storage", on_storage.as_ref().unchecked_ref());
        }
        on_storage.forget();
    }
}

thread_local! {
    /// One channel per tab, used both to listen and to announce. A channel never hears its own
    /// messages, while a second channel in the same tab would: this tab would then re-read the
    /// whole database after each of its own commands.
    static CHANNEL_OF_THIS_TAB: Option<BroadcastChannel> = BroadcastChannel::new(CHANNEL).ok();
}

/// Tells other tabs that the database changed. A browser without BroadcastChannel only
/// loses live updates; their data is still read fresh on their next load.
fn announce() {
    CHANNEL_OF_THIS_TAB.with(|channel| {
        if let Some(channel) = channel {
            let _ = channel.post_message(&wasm_bindgen::JsValue::from_str("changed"));
        }
    });
}

/// Mirrors a committed command in memory, with the same rules as the database: customers and
/// invoices replaced by id, events appended.
fn apply(data: &mut Stored, changes: Changes) {
    // An index by id keeps a 10,000-invoice import linear instead of quadratic.
    fn upsert<T>(list: &mut Vec<T>, items: Vec<T>, id: impl Fn(&T) -> String) {
        let mut position: HashMap<String, usize> = list.iter().enumerate().map(|(i, x)| (id(x), i)).collect();
        for item in items {
            match position.get(&id(&item)) {
                Some(&i) => list[i] = item,
                None => {
                    position.insert(id(&item), list.len());
                    list.push(item);
                }
            }
        }
    }
    upsert(&mut data.customers, changes.customers, |c| c.id.0.clone());
    upsert(&mut data.invoices, changes.invoices, |i| i.id.0.clone());
    data.events.extend(changes.events);
}
