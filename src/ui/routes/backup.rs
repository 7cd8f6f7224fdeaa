//! Backup and restore, part of Settings. A file is checked whole before anything happens;
//! the user sees what it holds and what restoring it would change, and only then confirms.
//! A refused file or a failed restore changes nothing.

use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::domain::backup::{self, Backup, BackupError, Diff, ImportMode, Preview};
use crate::domain::dates::format_date;
use crate::domain::model::Lang;
use crate::domain::money::format_money;
use crate::domain::plural;
use crate::store::{prefs, Changes, Keys, StoreError, Versions};
use crate::ui::browser;
use crate::ui::i18n::{tr, use_i18n, I18n};
use crate::ui::state::{use_app_state, AppState, Load};
use crate::ui::widgets::{ConfirmBar, Refusal};

/// Days without a backup before the app reminds the user.
pub const BACKUP_NUDGE_DAYS: i64 = 30;

#[derive(Clone)]
enum Restore {
    Idle,
    Reading,
    Refused(BackupError),
    Unreadable,
    /// A checked file, and why the last try to restore it failed, if it did: the file stays
    /// picked and checked, so trying again takes one click.
    Ready(Box<Backup>, Option<StoreError>),
    Restoring,
    Done(Diff),
}

#[component]
pub fn BackupSection() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let last_backup = state.last_backup;
    let export_error = RwSignal::new(None::<String>);
    let restore = RwSignal::new(Restore::Idle);
    let mode = RwSignal::new(ImportMode::Replace);

    let download = move || {
        // A backup made before the data was read would be empty, and it would still silence
        // the reminder to make one.
        if let Some(reason) = state.load.get_untracked().unread(i18n.lang()) {
            return export_error.set(Some(reason));
        }
        let today = browser::today();
        let dataset = state.dataset();
        // The file is downloaded anyway (a copy beats none), but one that a restore would
        // refuse, or one without the user's own settings (they could not be read, and the app
        // runs on defaults), is not counted as a backup, and the user hears what to repair.
        let lang = i18n.lang();
        let flaw = match backup::validate(&dataset) {
            Err(e) => {
                let why = e.message(lang);
                Some(match lang {
                    Lang::Nl => format!("De back-up is gedownload, maar terugzetten zou hem weigeren: {why} Herstel dat en download opnieuw."),
                    Lang::En => format!("The backup was downloaded, but a restore would refuse it: {why} Repair that and download again."),
                })
            }
            Ok(()) if state.settings_reset.get_untracked() => Some(
                tr(
                    lang,
                    "De back-up is gedownload, maar zonder jouw instellingen: die konden niet worden gelezen, dus hij bevat de standaardinstellingen. Vul je instellingen opnieuw in, bewaar ze en download dan opnieuw.",
                    "The backup was downloaded, but without your settings: they could not be read, so it holds the default settings. Fill in your settings again, save them, then download again.",
                )
                .to_owned(),
            ),
            Ok(()) => None,
        };
        let json = backup::export(&dataset, env!("CARGO_PKG_VERSION"), &browser::now_iso());
        let name = format!("factuurwacht-backup-{today}.json");
        match browser::download(&name, "application/json", &json) {
            Ok(()) if flaw.is_none() => {
                let _ = prefs::set_last_backup(today);
                last_backup.set(Some(today));
                export_error.set(None);
            }
            Ok(()) => export_error.set(flaw),
            Err(e) => {
                leptos::logging::warn!("backup download failed: {e}");
                export_error.set(Some(
                    tr(
                        i18n.lang(),
                        "Downloaden lukte niet. Probeer het opnieuw.",
                        "The download failed. Try again.",
                    )
                    .to_owned(),
                ));
            }
        }
    };

    let pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        // The same file may be picked again after a refusal, so the input is cleared.
        input.set_value("");
        restore.set(Restore::Reading);
        leptos::task::spawn_local(async move {
            // Bytes rather than `file.text()`, which silently turns whatever is not UTF-8 into
            // replacement characters: a damaged file must be refused, not restored damaged.
            let bytes = JsFuture::from(file.array_buffer()).await.ok();
            restore.set(match bytes {
                None => Restore::Unreadable,
                Some(buffer) => match backup::parse_bytes(&js_sys::Uint8Array::new(&buffer).to_vec()) {
                    Ok(parsed) => {
                        mode.set(default_mode(&state));
                        Restore::Ready(Box::new(parsed), None)
                    }
                    Err(e) => Restore::Refused(e),
                },
            });
        });
    };

    let confirm = move |parsed: Box<Backup>| {
        if restore_blocked(&state.load.get_untracked(), mode.get_untracked(), i18n.lang()).is_some() {
            return;
        }
        let incoming = parsed.data.clone();
        let current = state.dataset();
        let mode = mode.get_untracked();
        let result = match backup::apply(&current, &incoming, mode) {
            Ok(result) => result,
            Err(e) => return restore.set(Restore::Refused(e)),
        };
        let diff = backup::diff_counts(&current, &result);
        // A merge is an ordinary command that writes only what the file adds or changes; the
        // stores are cleared only to replace everything.
        let merge = match mode {
            ImportMode::Merge => match backup::merge_writes(&current, &incoming) {
                Ok(writes) => Some((
                    Changes {
                        // The merge was worked out from the records as this tab has them; if
                        // another tab saved one of them since, the merge is refused rather
                        // than write over that save.
                        made_from: Versions {
                            customers: current
                                .customers
                                .iter()
                                .filter(|c| writes.updated_customers.contains(&c.id))
                                .cloned()
                                .collect(),
                            invoices: current
                                .invoices
                                .iter()
                                .filter(|i| writes.updated_invoices.contains(&i.id))
                                .cloned()
                                .collect(),
                        },
                        customers: writes.customers,
                        invoices: writes.invoices,
                        events: writes.events,
                        edits: Keys {
                            customers: writes.updated_customers,
                            invoices: writes.updated_invoices,
                        },
                    },
                    writes.settings,
                )),
                Err(e) => return restore.set(Restore::Refused(e)),
            },
            ImportMode::Replace => None,
        };
        restore.set(Restore::Restoring);
        leptos::task::spawn_local(async move {
            let written = match merge {
                Some((changes, settings)) => state.merge(changes, settings).await,
                None => state.replace_all(result).await,
            };
            restore.set(match written {
                Ok(()) => Restore::Done(diff),
                Err(e) => Restore::Ready(parsed, Some(e)),
            });
        });
    };

    view! {
        <section class="field" aria-labelledby="backup-title">
            <h2 id="backup-title">{move || tr(i18n.lang(), "Back-up", "Backup")}</h2>
            <p class="hint">
                {move || {
                    tr(
                        i18n.lang(),
                        "Je gegevens staan alleen in deze browser. Download regelmatig een back-up en bewaar die op een veilige plek.",
                        "Your data is only in this browser. Download a backup regularly and keep it somewhere safe.",
                    )
                }}
            </p>
            <p data-testid="last-backup">
                {move || match (last_backup.get(), i18n.lang()) {
                    (Some(d), lang) => {
                        format!("{} {}", tr(lang, "Laatste back-up:", "Last backup:"), format_date(d, lang))
                    }
                    (None, lang) => {
                        tr(lang, "Je hebt op dit apparaat nog geen back-up gemaakt.", "You have not made a backup on this device yet.")
                            .to_owned()
                    }
                }}
            </p>
            <button type="button" on:click=move |_| download()>
                {move || tr(i18n.lang(), "Back-up downloaden", "Download backup")}
            </button>
            {move || export_error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}

            <h3>{move || tr(i18n.lang(), "Back-up terugzetten", "Restore a backup")}</h3>
            <label class="file-pick">
                {move || tr(i18n.lang(), "Kies een back-upbestand (.json)", "Choose a backup file (.json)")}
                <input type="file" accept=".json,application/json" on:change=pick data-testid="restore-file"/>
            </label>
            <div aria-live="polite">
                {move || view_restore(i18n, state, restore, mode, confirm, download)}
            </div>
        </section>
    }
}

fn view_restore(
    i18n: I18n,
    state: AppState,
    restore: RwSignal<Restore>,
    mode: RwSignal<ImportMode>,
    confirm: impl Fn(Box<Backup>) + Copy + Send + Sync + 'static,
    download: impl Fn() + Copy + Send + Sync + 'static,
) -> AnyView {
    let lang = i18n.lang();
    match restore.get() {
        Restore::Idle => ().into_any(),
        Restore::Reading => {
            view! { <p class="loading">{tr(lang, "Bestand wordt gecontroleerd…", "Checking the file…")}</p> }.into_any()
        }
        Restore::Restoring => {
            view! { <p class="loading">{tr(lang, "Bezig met terugzetten…", "Restoring…")}</p> }.into_any()
        }
        Restore::Unreadable => {
            let reason = tr(
                lang,
                "Dit bestand kan niet worden gelezen.",
                "This file cannot be read.",
            )
            .to_owned();
            view! { <Refusal reason/> }.into_any()
        }
        Restore::Refused(e) => view! { <Refusal reason=e.message(lang) testid="restore-refused"/> }.into_any(),
        Restore::Done(diff) => view! {
            <p class="success" role="status" data-testid="restore-done">
                {tr(lang, "Back-up teruggezet.", "Backup restored.")} " " {diff_sentence(&diff, mode.get_untracked(), lang)}
            </p>
        }
        .into_any(),
        Restore::Ready(parsed, failed) => {
            let preview = backup::preview(&parsed);
            let incoming = parsed.data.clone();
            let planned = {
                let incoming = incoming.clone();
                move || {
                    let mode = mode.get();
                    let load = state.load.get();
                    if let Some(reason) = restore_blocked(&load, mode, lang) {
                        return Err(reason);
                    }
                    let current = state.dataset();
                    let result = backup::apply(&current, &incoming, mode).map_err(|e| e.message(lang))?;
                    Ok(match load {
                        // Nothing was read, so counting against it would claim nothing is removed.
                        Load::Failed(_) => (
                            tr(
                                lang,
                                "De opgeslagen gegevens konden niet worden gelezen; ze worden vervangen door de inhoud van de back-up.",
                                "The stored data could not be read; it will be replaced by the backup's content.",
                            )
                            .to_owned(),
                            None,
                        ),
                        _ => {
                            let warnings: Vec<String> = [
                                backup::overwrite_warning(&backup::overwritten(&current, &result), lang),
                                backup::same_name_warning(&backup::same_name_customers(&current, &result), lang),
                            ]
                            .into_iter()
                            .flatten()
                            .collect();
                            (
                                diff_sentence(&backup::diff_counts(&current, &result), mode, lang),
                                (!warnings.is_empty()).then(|| warnings.join(" ")),
                            )
                        }
                    })
                }
            };
            // One evaluation per change of mode or data gives the plan, its warning and whether
            // the restore can go ahead.
            let planned = Memo::new(move |_| planned());
            let blocked = move || planned.with(Result::is_err);
            view! {
                <div class="restore-preview" data-testid="restore-preview">
                    {failed.map(|e| view! { <p class="error" role="alert" data-testid="restore-failed">{e.user_message(lang)}</p> })}
                    <h4>{tr(lang, "Dit staat in het bestand", "What the file holds")}</h4>
                    <p>{preview_sentence(&preview, lang)}</p>
                    <fieldset>
                        <legend>{tr(lang, "Hoe terugzetten?", "How to restore?")}</legend>
                        <label>
                            <input
                                type="radio"
                                name="restore-mode"
                                prop:checked=move || mode.get() == ImportMode::Replace
                                on:change=move |_| mode.set(ImportMode::Replace)
                            />
                            " "
                            {tr(
                                lang,
                                "Vervangen: alles op dit apparaat wordt de inhoud van de back-up",
                                "Replace: everything on this device becomes the backup's content",
                            )}
                        </label>
                        <label>
                            <input
                                type="radio"
                                name="restore-mode"
                                prop:checked=move || mode.get() == ImportMode::Merge
                                on:change=move |_| mode.set(ImportMode::Merge)
                            />
                            " "
                            {tr(
                                lang,
                                "Samenvoegen: de back-up vult aan en werkt bij, de rest blijft staan, ook je instellingen (als je die al had ingevuld)",
                                "Merge: the backup adds and updates, the rest stays, your settings too (if you had filled them in)",
                            )}
                        </label>
                    </fieldset>
                    <p data-testid="restore-plan" class:error=blocked>
                        {move || planned.with(|plan| match plan {
                            Ok((sentence, _)) => sentence.clone(),
                            Err(reason) => reason.clone(),
                        })}
                    </p>
                    {move || planned.with(|plan| plan.as_ref().ok().and_then(|(_, warning)| warning.clone())).map(|text| view! {
                        <p class="warning" data-testid="restore-overwrites">{text}</p>
                    })}
                    {move || (mode.get() == ImportMode::Replace && holds_data(&state)).then(|| view! {
                        <p class="hint" data-testid="restore-keep-copy">
                            {tr(
                                lang,
                                "Vervangen haalt weg wat niet in de back-up staat. Download eerst een back-up van wat er nu staat, dan kun je altijd terug.",
                                "Replacing removes what is not in the backup. Download a backup of what is here now first, so you can always go back.",
                            )}
                            " "
                            <button type="button" class="secondary" on:click=move |_| download()>
                                {tr(lang, "Huidige gegevens downloaden", "Download the current data")}
                            </button>
                        </p>
                    })}
                    <ConfirmBar
                        label=tr(lang, "Terugzetten", "Restore")
                        disabled=Signal::derive(blocked)
                        on_confirm=Callback::new(move |_| confirm(parsed.clone()))
                        on_cancel=Callback::new(move |_| restore.set(Restore::Idle))
                        opener="[data-testid=\"restore-file\"]"
                    />
                </div>
            }
            .into_any()
        }
    }
}

/// Whether this device holds data that was read: what a replace would remove.
fn holds_data(state: &AppState) -> bool {
    state.load.get() == Load::Ready
        && state
            .data
            .with(|d| !d.customers.is_empty() || !d.invoices.is_empty() || !d.events.is_empty())
}

/// How a picked file is restored unless the user chooses otherwise. Where there is data, a
/// merge loses none of it, so replacing is a choice the user makes. On an empty device
/// restoring means replacing, settings included; and where the data cannot be read,
/// replacing it is the way out.
fn default_mode(state: &AppState) -> ImportMode {
    if untrack(|| holds_data(state)) {
        ImportMode::Merge
    } else {
        ImportMode::Replace
    }
}

/// Why a restore in `mode` cannot go ahead now, if it cannot. A merge builds on the data this
/// device holds, so it needs that data read; when it cannot be read, replacing it is the way
/// out, so a replace is allowed then.
fn restore_blocked(load: &Load, mode: ImportMode, lang: Lang) -> Option<String> {
    match (load, mode) {
        (Load::Ready, _) | (Load::Failed(_), ImportMode::Replace) => None,
        (Load::Failed(_), ImportMode::Merge) => Some(
            tr(
                lang,
                "Samenvoegen kan niet: de opgeslagen gegevens konden niet worden gelezen. Kies Vervangen om ze door de back-up te vervangen.",
                "Merging is not possible: the stored data could not be read. Choose Replace to replace it with the backup.",
            )
            .to_owned(),
        ),
        (Load::Loading, _) => load.unread(lang),
    }
}

fn preview_sentence(p: &Preview, lang: Lang) -> String {
    let outstanding = format_money(p.outstanding, lang);
    let exported = p
        .exported_on()
        .map_or_else(|| p.exported_at.clone(), |day| format_date(day, lang));
    match lang {
        Lang::Nl => format!(
            "{}, {} ({} open, samen {} openstaand) en {}. Gemaakt op {} met versie {}.",
            plural::count(p.customers, "klant", "klanten"),
            plural::count(p.invoices, "factuur", "facturen"),
            p.open_invoices,
            outstanding,
            plural::count(p.events, "dossierregel", "dossierregels"),
            exported,
            p.app_version
        ),
        Lang::En => format!(
            "{}, {} ({} open, {} outstanding in all) and {}. Made on {} with version {}.",
            plural::count(p.customers, "customer", "customers"),
            plural::count(p.invoices, "invoice", "invoices"),
            p.open_invoices,
            outstanding,
            plural::count(p.events, "dossier entry", "dossier entries"),
            exported,
            p.app_version
        ),
    }
}

fn diff_sentence(d: &Diff, mode: ImportMode, lang: Lang) -> String {
    let part = |what: (&str, &str), c: &backup::Changes| match lang {
        Lang::Nl => format!(
            "{}: {} nieuw, {} bijgewerkt, {} ongewijzigd, {} verwijderd",
            what.0, c.added, c.updated, c.unchanged, c.removed
        ),
        Lang::En => format!(
            "{}: {} new, {} updated, {} unchanged, {} removed",
            what.1, c.added, c.updated, c.unchanged, c.removed
        ),
    };
    let counts = [
        part(("Klanten", "Customers"), &d.customers),
        part(("Facturen", "Invoices"), &d.invoices),
        part(("Dossierregels", "Dossier entries"), &d.events),
    ]
    .join(". ")
        + ".";
    // A merge keeps the settings unless this device never had any of its own; that exception
    // is said, since the user chose a mode that promised to keep them.
    if mode == ImportMode::Merge && d.settings_changed {
        counts
            + " "
            + lang.pick(
                "Je instellingen waren nog niet ingevuld en worden die van de back-up.",
                "Your settings were not filled in yet and become those of the backup.",
            )
    } else {
        counts
    }
}

/// The reminder shown on every page when the last backup is too old, or there never was one
/// and the app has been in use for a while.
#[component]
pub fn BackupNudge() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let today = browser::today();
    let first_use = prefs::first_use(today);
    let has_data = move || state.data.with(|d| !d.customers.is_empty() || !d.invoices.is_empty());
    move || {
        let last = state.last_backup.get();
        let days = (today - last.unwrap_or(first_use)).num_days();
        (days >= BACKUP_NUDGE_DAYS && has_data()).then(|| {
            let lang = i18n.lang();
            let text = match (lang, last) {
                (Lang::Nl, Some(_)) => {
                    format!("Je hebt al {days} dagen geen back-up gemaakt. Je gegevens staan alleen in deze browser.")
                }
                (Lang::En, Some(_)) => {
                    format!("You have not made a backup for {days} days. Your data is only in this browser.")
                }
                (Lang::Nl, None) => format!(
                    "Je gebruikt de app al {days} dagen en hebt nog nooit een back-up gemaakt. Je gegevens staan alleen in deze browser."
                ),
                (Lang::En, None) => format!(
                    "You have used the app for {days} days and have never made a backup. Your data is only in this browser."
                ),
            };
            view! {
                <div class="nudge" role="status" data-testid="backup-nudge">
                    {text} " "
                    <a href=crate::ui::base::href("/settings#backup-title")>
                        {tr(lang, "Nu een back-up maken", "Make a backup now")}
                    </a>
                </div>
            }
        })
    }
}
