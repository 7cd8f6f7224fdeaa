//! A customer as the customer form holds it: the text as typed and the choices made, read into
//! a customer only when saved. Kept here rather than in the form, so its rules (what must be
//! filled in, and how an open form follows another tab's save) are tested natively.

use crate::domain::contact::{email_problem, phone_problem, tidy_postcode};
use crate::domain::model::{is_blank, BestTime, Channel, Customer, CustomerId, CustomerKind, Lang, PostalAddress};

/// Every field of the form. Built from a customer by destructuring it whole, so a field added
/// to [`Customer`] does not compile until the form holds it too.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CustomerDraft {
    pub name: String,
    pub kind: CustomerKind,
    pub contact_person: String,
    pub email: String,
    pub phone: String,
    pub street: String,
    pub postcode: String,
    pub city: String,
    pub country: String,
    pub language: Lang,
    pub preferred_channel: Channel,
    pub best_time: BestTime,
    pub paused: bool,
    /// Kept while the pause is switched off, so switching it on again brings the reason back.
    pub pause_reason: String,
    pub notes: String,
}

/// What is wrong with a draft, one message per field that has a problem.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Problems {
    pub name: Option<&'static str>,
    pub email: Option<&'static str>,
    pub phone: Option<&'static str>,
}

impl Problems {
    pub fn any(&self) -> bool {
        self.name.is_some() || self.email.is_some() || self.phone.is_some()
    }
}

impl CustomerDraft {
    pub fn from_customer(customer: &Customer) -> CustomerDraft {
        let Customer {
            id: _,
            name,
            kind,
            contact_person,
            email,
            phone,
            address:
                PostalAddress {
                    street,
                    postcode,
                    city,
                    country,
                },
            language,
            preferred_channel,
            best_time,
            paused,
            notes,
        } = customer.clone();
        CustomerDraft {
            name,
            kind,
            contact_person,
            email,
            phone,
            street,
            postcode,
            city,
            country,
            language,
            preferred_channel,
            best_time,
            paused: paused.is_some(),
            pause_reason: paused.unwrap_or_default(),
            notes,
        }
    }

    /// Moves every field that still shows `before` to `after`: another tab saved the customer
    /// while this form was open. A field the user changed keeps what they typed, and the form
    /// never writes the values it loaded back over the other save.
    pub fn follow(&mut self, before: &CustomerDraft, after: &CustomerDraft) {
        fn field<T: Clone + PartialEq>(shown: &mut T, before: &T, after: &T) {
            if shown == before {
                after.clone_into(shown);
            }
        }
        // Destructured whole, so a new field cannot be left out of following.
        let CustomerDraft {
            name,
            kind,
            contact_person,
            email,
            phone,
            street,
            postcode,
            city,
            country,
            language,
            preferred_channel,
            best_time,
            paused,
            pause_reason,
            notes,
        } = self;
        field(name, &before.name, &after.name);
        field(kind, &before.kind, &after.kind);
        field(contact_person, &before.contact_person, &after.contact_person);
        field(email, &before.email, &after.email);
        field(phone, &before.phone, &after.phone);
        field(street, &before.street, &after.street);
        field(postcode, &before.postcode, &after.postcode);
        field(city, &before.city, &after.city);
        field(country, &before.country, &after.country);
        field(language, &before.language, &after.language);
        field(preferred_channel, &before.preferred_channel, &after.preferred_channel);
        field(best_time, &before.best_time, &after.best_time);
        field(paused, &before.paused, &after.paused);
        field(pause_reason, &before.pause_reason, &after.pause_reason);
        field(notes, &before.notes, &after.notes);
    }

    /// What must be put right before the customer can be saved: a name, and an email address
    /// and phone number that can be used when they are given.
    pub fn problems(&self, lang: Lang) -> Problems {
        Problems {
            name: is_blank(&self.name).then(|| lang.pick("Vul een naam in.", "Enter a name.")),
            email: email_problem(&self.email, lang),
            phone: phone_problem(&self.phone, lang),
        }
    }

    /// The customer to save under `id`, with surrounding spaces gone and a Dutch postcode
    /// written the usual way. The reason of a pause switched off is not kept.
    pub fn customer(&self, id: CustomerId) -> Customer {
        let text = |s: &str| s.trim().to_owned();
        Customer {
            id,
            name: text(&self.name),
            kind: self.kind,
            contact_person: text(&self.contact_person),
            email: text(&self.email),
            phone: text(&self.phone),
            address: PostalAddress {
                street: text(&self.street),
                postcode: tidy_postcode(&self.postcode),
                city: text(&self.city),
                country: text(&self.country),
            },
            language: self.language,
            preferred_channel: self.preferred_channel,
            best_time: self.best_time,
            paused: self.paused.then(|| text(&self.pause_reason)),
            notes: text(&self.notes),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jansen() -> Customer {
        Customer {
            contact_person: "Piet Jansen".into(),
            email: "piet@bakkerij.nl".into(),
            phone: "06 12345678".into(),
            address: PostalAddress {
                street: "Dorpsstraat 1".into(),
                postcode: "1234 AB".into(),
                city: "Utrecht".into(),
                country: String::new(),
            },
            preferred_channel: Channel::Phone,
            paused: Some("Verbouwing".into()),
            ..Customer::new(CustomerId::from("c-1"), "Bakkerij Jansen")
        }
    }

    #[test]
    fn a_customer_read_into_the_form_and_saved_unchanged_is_the_same_customer() {
        let customer = jansen();
        let draft = CustomerDraft::from_customer(&customer);
        assert_eq!(draft.customer(customer.id.clone()), customer);
    }

    #[test]
    fn what_is_saved_is_tidied_and_a_switched_off_pause_keeps_no_reason() {
        let draft = CustomerDraft {
            name: "  Bakkerij Jansen ".into(),
            postcode: "1234ab".into(),
            paused: false,
            ..CustomerDraft::from_customer(&jansen())
        };
        let saved = draft.customer(CustomerId::from("c-1"));
        assert_eq!(saved.name, "Bakkerij Jansen");
        assert_eq!(saved.address.postcode, "1234 AB");
        assert_eq!(saved.paused, None);
    }

    #[test]
    fn an_open_form_follows_another_save_except_where_the_user_typed() {
        let before = CustomerDraft::from_customer(&jansen());
        let after = CustomerDraft::from_customer(&Customer {
            email: "nieuw@bakkerij.nl".into(),
            preferred_channel: Channel::Sms,
            notes: "Andere tab".into(),
            ..jansen()
        });
        // Typed here: the phone and the notes.
        let mut shown = CustomerDraft {
            phone: "06 87654321".into(),
            notes: "Hier getypt".into(),
            ..before.clone()
        };
        shown.follow(&before, &after);
        assert_eq!(
            shown,
            CustomerDraft {
                phone: "06 87654321".into(),
                notes: "Hier getypt".into(),
                ..after
            }
        );
    }

    #[test]
    fn the_problems_name_each_field_that_cannot_be_saved() {
        let draft = |name: &str, email: &str, phone: &str| CustomerDraft {
            name: name.into(),
            email: email.into(),
            phone: phone.into(),
            ..CustomerDraft::from_customer(&jansen())
        };
        let cases = [
            (draft("Jansen", "", ""), [false, false, false]),
            (draft(" \u{200b}", "", ""), [true, false, false]),
            (draft("Jansen", "piet@bakkerij", ""), [false, true, false]),
            (draft("Jansen", "", "12"), [false, false, true]),
        ];
        for (draft, [name, email, phone]) in cases {
            let problems = draft.problems(Lang::Nl);
            assert_eq!(
                [
                    problems.name.is_some(),
                    problems.email.is_some(),
                    problems.phone.is_some()
                ],
                [name, email, phone],
                "{draft:?}"
            );
            assert_eq!(problems.any(), name || email || phone);
        }
    }
}
