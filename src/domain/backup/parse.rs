//! Reading the file: passes 1 to 3 (the text, the kind of file, the shape of the records).

use std::cell::Cell;
use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, Error as _, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::check::check_consistency;
use super::convert::backup_from_v1;
use super::error::{label, short, BackupError, Entity, Expected, JsonKind, RecordRef};
use super::records::{
    AddressV1, AgencyV1, BackupFileV1, BusinessV1, CustomerV1, EventKindV1, EventV1, InstalmentV1, InvoiceV1, RateV1,
    RatesV1, ScheduleV1, SettingsV1,
};
use super::{Backup, FORMAT_NAME, FORMAT_VERSION};

/// Checks a backup file completely and returns its data, or the first problem found (see the
/// module documentation for the order). Never panics, whatever the input.
pub fn parse(json: &str) -> Result<Backup, BackupError> {
    // Some editors put a byte order mark in front of UTF-8 text; it says nothing about the data.
    let text = json.strip_prefix('\u{FEFF}').unwrap_or(json);
    if text.trim().is_empty() {
        return Err(BackupError::Empty);
    }
    if looks_like_csv(text) {
        return Err(BackupError::Csv);
    }
    let value = read_json(text)?;
    let top = match &value {
        Value::Object(top) => top,
        other => {
            return Err(BackupError::NotABackup {
                found: JsonKind::of(other),
            })
        }
    };
    match top.get("format") {
        Some(Value::String(format)) if format == FORMAT_NAME => {}
        Some(Value::String(format)) => return Err(BackupError::ForeignFile { format: label(format) }),
        _ => return Err(BackupError::ForeignFile { format: None }),
    }
    let version = match top.get("format_version") {
        None => {
            return Err(BackupError::MissingField {
                record: RecordRef::file(),
                field: "format_version".to_owned(),
            })
        }
        Some(v) => v.as_u64().ok_or_else(|| BackupError::WrongType {
            record: RecordRef::file(),
            field: "format_version".to_owned(),
            expected: Expected::WholeNumber,
            found: JsonKind::of(v),
        })?,
    };
    // The upgrade ladder: every readable version ends as the current records.
    let file = match version {
        1 => read_v1(&value, 1)?,
        2 => read_v1(&value, 2)?,
        v if v > u64::from(FORMAT_VERSION) => return Err(BackupError::TooNew { version: v }),
        v => return Err(BackupError::TooOld { version: v }),
    };
    let backup = backup_from_v1(file)?;
    check_consistency(&backup.data, true)?;
    Ok(backup)
}

/// Like `parse`, for the raw bytes of a file: a file that is not UTF-8 text is refused as such,
/// which tells the user more than a syntax error would.
pub fn parse_bytes(bytes: &[u8]) -> Result<Backup, BackupError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => parse(text),
        // A backup starts with "{"; text in an old Windows encoding still does, a PDF or a
        // picture does not.
        Err(_) if bytes.trim_ascii_start().starts_with(b"{") => Err(BackupError::NotUtf8),
        Err(_) => Err(BackupError::NotText),
    }
}

/// A backup starts with "{"; a first line that starts otherwise and is cut into three or more
/// columns by semicolons, tabs or commas is a CSV table, most likely the invoice list's own
/// export picked by mistake.
fn looks_like_csv(text: &str) -> bool {
    let first = text.trim_start().lines().next().unwrap_or_default();
    !first.starts_with(['{', '[']) && [';', '\t', ','].iter().any(|sep| first.matches(*sep).count() >= 2)
}

/// Reads JSON like `serde_json::from_str::<Value>`, except that an object naming one field
/// twice is refused: serde_json would keep the last value silently, and a file with two
/// `invoices` lists would lose one of them without a word.
fn read_json(text: &str) -> Result<Value, BackupError> {
    let duplicate = Cell::new(None);
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let result = StrictJson { duplicate: &duplicate }
        .deserialize(&mut deserializer)
        .and_then(|value| deserializer.end().map(|()| value));
    result.map_err(|e| {
        let (line, column) = (e.line(), e.column());
        match duplicate.take() {
            Some(key) => BackupError::DuplicateKey {
                key: short(&key),
                line,
                column,
            },
            None if e.classify() == serde_json::error::Category::Eof => BackupError::Truncated { line, column },
            None => BackupError::NotJson { line, column },
        }
    })
}

/// Builds a `Value` while reading, and records the first field named twice in one object.
/// serde_json's depth limit still applies, so deeply nested input cannot exhaust the stack.
#[derive(Clone, Copy)]
struct StrictJson<'c> {
    duplicate: &'c Cell<Option<String>>,
}

impl<'de> DeserializeSeed<'de> for StrictJson<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for StrictJson<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        // JSON text cannot spell NaN or infinity, so this is always a number.
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        self.deserialize(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(self)? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut fields = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if fields.contains_key(&key) {
                let message = format!("field {key:?} appears twice");
                self.duplicate.set(Some(key));
                return Err(A::Error::custom(message));
            }
            let value = map.next_value_seed(self)?;
            fields.insert(key, value);
        }
        Ok(Value::Object(fields))
    }
}

// ----------------------------------------------------------------------------------------------
// Parse, pass 3: the shape of version 1

/// One JSON object being read, with the record it belongs to and its path in that record, so
/// every problem can say where it is. It remembers which fields were read, so `done` can
/// refuse the ones nobody asked for.
struct Fields<'v, 'r> {
    map: &'v Map<String, Value>,
    record: &'r RecordRef,
    path: String,
    seen: Vec<&'static str>,
}

impl<'v, 'r> Fields<'v, 'r> {
    fn open(value: &'v Value, record: &'r RecordRef, path: String) -> Result<Fields<'v, 'r>, BackupError> {
        match value {
            Value::Object(map) => Ok(Fields {
                map,
                record,
                path,
                seen: Vec::new(),
            }),
            other => Err(BackupError::WrongType {
                record: record.clone(),
                field: path,
                expected: Expected::Object,
                found: JsonKind::of(other),
            }),
        }
    }

    fn field_path(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_owned()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    fn get(&mut self, key: &'static str) -> Result<&'v Value, BackupError> {
        self.seen.push(key);
        self.map.get(key).ok_or_else(|| BackupError::MissingField {
            record: self.record.clone(),
            field: self.field_path(key),
        })
    }

    fn typed<T>(
        &mut self,
        key: &'static str,
        expected: Expected,
        read: impl FnOnce(&'v Value) -> Option<T>,
    ) -> Result<T, BackupError> {
        let value = self.get(key)?;
        read(value).ok_or_else(|| BackupError::WrongType {
            record: self.record.clone(),
            field: self.field_path(key),
            expected,
            found: JsonKind::of(value),
        })
    }

    fn text(&mut self, key: &'static str) -> Result<String, BackupError> {
        self.typed(key, Expected::Text, |v| v.as_str().map(str::to_owned))
    }

    fn amount(&mut self, key: &'static str) -> Result<String, BackupError> {
        self.typed(key, Expected::Amount, |v| v.as_str().map(str::to_owned))
    }

    fn date(&mut self, key: &'static str) -> Result<String, BackupError> {
        self.typed(key, Expected::Date, |v| v.as_str().map(str::to_owned))
    }

    fn optional_text(&mut self, key: &'static str) -> Result<Option<String>, BackupError> {
        self.typed(key, Expected::TextOrNull, |v| match v {
            Value::Null => Some(None),
            Value::String(s) => Some(Some(s.clone())),
            _ => None,
        })
    }

    fn whole(&mut self, key: &'static str) -> Result<u32, BackupError> {
        self.typed(key, Expected::WholeNumber, |v| {
            v.as_u64().and_then(|n| u32::try_from(n).ok())
        })
    }

    fn true_or_false(&mut self, key: &'static str) -> Result<bool, BackupError> {
        self.typed(key, Expected::TrueOrFalse, Value::as_bool)
    }

    fn object(&mut self, key: &'static str) -> Result<Fields<'v, 'r>, BackupError> {
        let value = self.get(key)?;
        Fields::open(value, self.record, self.field_path(key))
    }

    /// The list's items, each with its own path (`instalments[2]`).
    fn list(&mut self, key: &'static str) -> Result<Vec<(String, &'v Value)>, BackupError> {
        let path = self.field_path(key);
        let items = self.typed(key, Expected::List, Value::as_array)?;
        Ok(items
            .iter()
            .enumerate()
            .map(|(i, item)| (format!("{path}[{}]", i.saturating_add(1)), item))
            .collect())
    }

    /// Hands back what was read, unless the object has a field that was not read.
    fn done<T>(self, value: T) -> Result<T, BackupError> {
        match self.map.keys().find(|key| !self.seen.contains(&key.as_str())) {
            Some(unknown) => Err(BackupError::UnknownField {
                record: self.record.clone(),
                field: self.field_path(unknown),
            }),
            None => Ok(value),
        }
    }
}

fn item_text(record: &RecordRef, path: String, value: &Value) -> Result<String, BackupError> {
    match value {
        Value::String(s) => Ok(s.clone()),
        other => Err(BackupError::WrongType {
            record: record.clone(),
            field: path,
            expected: Expected::Text,
            found: JsonKind::of(other),
        }),
    }
}

/// Reads a file of `version` 1 or 2, whose records differ only in one setting.
fn read_v1(value: &Value, version: u32) -> Result<BackupFileV1, BackupError> {
    let file_ref = RecordRef::file();
    let mut top = Fields::open(value, &file_ref, String::new())?;
    let format = top.text("format")?;
    let format_version = top.whole("format_version")?;
    let app_version = top.text("app_version")?;
    let exported_at = top.text("exported_at")?;
    let settings_ref = RecordRef::settings();
    let settings = read_settings(
        Fields::open(top.get("settings")?, &settings_ref, String::new())?,
        version,
    )?;
    let customers = read_records(&mut top, "customers", Entity::Customer, read_customer)?;
    let invoices = read_records(&mut top, "invoices", Entity::Invoice, read_invoice)?;
    let events = read_records(&mut top, "events", Entity::Event, read_event)?;
    top.done(BackupFileV1 {
        format,
        format_version,
        app_version,
        exported_at,
        settings,
        customers,
        invoices,
        events,
    })
}

/// Reads one of the top-level lists, each item with a description of its own record.
fn read_records<T>(
    top: &mut Fields<'_, '_>,
    key: &'static str,
    entity: Entity,
    read: fn(Fields<'_, '_>) -> Result<T, BackupError>,
) -> Result<Vec<T>, BackupError> {
    let items = top.list(key)?;
    let mut records = Vec::with_capacity(items.len());
    for (i, (path, item)) in items.into_iter().enumerate() {
        if !item.is_object() {
            return Err(BackupError::WrongType {
                record: RecordRef::file(),
                field: path,
                expected: Expected::Object,
                found: JsonKind::of(item),
            });
        }
        let record = RecordRef::peek(entity, i.saturating_add(1), item);
        records.push(read(Fields::open(item, &record, String::new())?)?);
    }
    Ok(records)
}

fn read_address(mut f: Fields<'_, '_>) -> Result<AddressV1, BackupError> {
    let address = AddressV1 {
        street: f.text("street")?,
        postcode: f.text("postcode")?,
        city: f.text("city")?,
        country: f.text("country")?,
    };
    f.done(address)
}

fn read_rates(record: &RecordRef, items: Vec<(String, &Value)>) -> Result<Vec<RateV1>, BackupError> {
    items
        .into_iter()
        .map(|(path, item)| {
            let mut f = Fields::open(item, record, path)?;
            let rate = RateV1 {
                from: f.date("from")?,
                percent: f.amount("percent")?,
            };
            f.done(rate)
        })
        .collect()
}

fn read_settings(mut f: Fields<'_, '_>, version: u32) -> Result<SettingsV1, BackupError> {
    let record = f.record;
    let mut b = f.object("business")?;
    let business = BusinessV1 {
        name: b.text("name")?,
        address: read_address(b.object("address")?)?,
        email: b.text("email")?,
        phone: b.text("phone")?,
        iban: b.text("iban")?,
        registration_number: b.text("registration_number")?,
        vat_number: b.text("vat_number")?,
    };
    let business = b.done(business)?;
    let jurisdiction = f.text("jurisdiction")?;
    let default_payment_term_days = f.whole("default_payment_term_days")?;
    let mut s = f.object("schedule")?;
    let schedule = ScheduleV1 {
        heads_up_before_due: s.whole("heads_up_before_due")?,
        first_reminder_after_due: s.whole("first_reminder_after_due")?,
        second_reminder_after_due: s.whole("second_reminder_after_due")?,
        call_after_second_reminder: s.whole("call_after_second_reminder")?,
        last_reminder_after_due: s.whole("last_reminder_after_due")?,
        hand_over_after_last_term: s.whole("hand_over_after_last_term")?,
        promise_grace: s.whole("promise_grace")?,
        max_unanswered_calls: s.whole("max_unanswered_calls")?,
    };
    let schedule = s.done(schedule)?;
    let pay_by_days = f.whole("pay_by_days")?;
    let call_before_due_from = f.amount("call_before_due_from")?;
    let meeting_from = f.amount("meeting_from")?;
    let minimum_worth_chasing = f.amount("minimum_worth_chasing")?;
    let claim_interest = f.true_or_false("claim_interest")?;
    let claim_collection_costs = f.true_or_false("claim_collection_costs")?;
    let vat_on_collection_costs = f.true_or_false("vat_on_collection_costs")?;
    // Added in version 2: a version-1 file had no such setting, so it reads as off.
    let consumer_damages_clause = if version >= 2 {
        f.true_or_false("consumer_damages_clause")?
    } else {
        false
    };
    let mut a = f.object("agency")?;
    let agency = AgencyV1 {
        name: a.text("name")?,
        email: a.text("email")?,
    };
    let agency = a.done(agency)?;
    let mut r = f.object("interest_rates")?;
    let rates = RatesV1 {
        nl_consumer: read_rates(record, r.list("nl_consumer")?)?,
        nl_commercial: read_rates(record, r.list("nl_commercial")?)?,
        be_commercial: read_rates(record, r.list("be_commercial")?)?,
    };
    let interest_rates = r.done(rates)?;
    f.done(SettingsV1 {
        business,
        jurisdiction,
        default_payment_term_days,
        schedule,
        pay_by_days,
        call_before_due_from,
        meeting_from,
        minimum_worth_chasing,
        claim_interest,
        claim_collection_costs,
        vat_on_collection_costs,
        consumer_damages_clause,
        agency,
        interest_rates,
    })
}

fn read_customer(mut f: Fields<'_, '_>) -> Result<CustomerV1, BackupError> {
    let customer = CustomerV1 {
        id: f.text("id")?,
        name: f.text("name")?,
        kind: f.text("kind")?,
        contact_person: f.text("contact_person")?,
        email: f.text("email")?,
        phone: f.text("phone")?,
        address: read_address(f.object("address")?)?,
        language: f.text("language")?,
        preferred_channel: f.text("preferred_channel")?,
        best_time: f.text("best_time")?,
        paused: f.optional_text("paused")?,
        notes: f.text("notes")?,
    };
    f.done(customer)
}

fn read_invoice(mut f: Fields<'_, '_>) -> Result<InvoiceV1, BackupError> {
    let invoice = InvoiceV1 {
        id: f.text("id")?,
        number: f.text("number")?,
        customer_id: f.text("customer_id")?,
        issue_date: f.date("issue_date")?,
        due_date: f.date("due_date")?,
        amount: f.amount("amount")?,
        currency: f.text("currency")?,
        description: f.text("description")?,
    };
    f.done(invoice)
}

fn read_event(mut f: Fields<'_, '_>) -> Result<EventV1, BackupError> {
    let record = f.record;
    let id = f.text("id")?;
    let invoice_ids = f
        .list("invoice_ids")?
        .into_iter()
        .map(|(path, item)| item_text(record, path, item))
        .collect::<Result<Vec<_>, _>>()?;
    let customer_id = f.text("customer_id")?;
    let date = f.date("date")?;
    let channel = f.text("channel")?;
    let kind = read_event_kind(f.object("kind")?)?;
    f.done(EventV1 {
        id,
        invoice_ids,
        customer_id,
        date,
        channel,
        kind,
    })
}

fn read_event_kind(mut k: Fields<'_, '_>) -> Result<EventKindV1, BackupError> {
    let kind_type = k.text("type")?;
    let kind = match kind_type.as_str() {
        "message_sent" => EventKindV1::MessageSent {
            message: k.text("message")?,
            to: k.text("to")?,
            subject: k.text("subject")?,
            body: k.text("body")?,
        },
        "call" => EventKindV1::Call {
            outcome: k.text("outcome")?,
            at: k.text("at")?,
            summary: k.text("summary")?,
        },
        "meeting" => EventKindV1::Meeting {
            summary: k.text("summary")?,
        },
        "promise_to_pay" => EventKindV1::PromiseToPay {
            amount: k.amount("amount")?,
            date: k.date("date")?,
        },
        "dispute_opened" => EventKindV1::DisputeOpened {
            reason: k.text("reason")?,
        },
        "dispute_resolved" => EventKindV1::DisputeResolved {
            resolution: k.text("resolution")?,
        },
        "cannot_pay" => EventKindV1::CannotPay { note: k.text("note")? },
        "payment_plan_agreed" => {
            let record = k.record;
            let instalments = k
                .list("instalments")?
                .into_iter()
                .map(|(path, item)| {
                    let mut i = Fields::open(item, record, path)?;
                    let instalment = InstalmentV1 {
                        date: i.date("date")?,
                        amount: i.amount("amount")?,
                    };
                    i.done(instalment)
                })
                .collect::<Result<Vec<_>, _>>()?;
            EventKindV1::PaymentPlanAgreed { instalments }
        }
        "payment_received" => EventKindV1::PaymentReceived {
            amount: k.amount("amount")?,
            note: k.text("note")?,
        },
        "handed_over" => EventKindV1::HandedOver {
            agency: k.text("agency")?,
        },
        "written_off" => EventKindV1::WrittenOff {
            reason: k.text("reason")?,
        },
        "chase_paused" => EventKindV1::ChasePaused {
            reason: k.text("reason")?,
        },
        "chase_resumed" => EventKindV1::ChaseResumed,
        "note" => EventKindV1::Note { text: k.text("text")? },
        other => {
            return Err(BackupError::UnknownChoice {
                record: k.record.clone(),
                field: k.field_path("type"),
                value: short(other),
            })
        }
    };
    k.done(kind)
}
