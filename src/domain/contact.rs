//! Contact details as users type them.

use crate::domain::import::comparable;
use crate::domain::links::normalize_phone;
use crate::domain::model::{Customer, CustomerId, Jurisdiction, Lang};

/// Another customer whose name reads the same as `name`, case, spacing and accents aside
/// ("Cafe De Zwaan" and "Café De Zwaan", see [`comparable`]): saving would make two customers
/// the user cannot tell apart, and split one customer's history. `None` for a blank name, or
/// when `name` belongs to `except` (the customer being edited) alone.
pub fn namesake<'a>(name: &str, customers: &'a [Customer], except: &CustomerId) -> Option<&'a Customer> {
    let key = comparable(name);
    if key.is_empty() {
        return None;
    }
    customers.iter().find(|c| c.id != *except && comparable(&c.name) == key)
}

/// Why a typed phone number cannot be used for a call or a text message; `None` when it can,
/// or when the field is left empty (a phone number is never required).
pub fn phone_problem(phone: &str, lang: Lang) -> Option<&'static str> {
    (!phone.trim().is_empty() && normalize_phone(phone).is_none()).then(|| {
        lang.pick(
            "Dit telefoonnummer is niet bruikbaar: gebruik minstens 6 cijfers, zonder letters. Spaties, streepjes en een + vooraan mogen.",
            "This phone number is not usable: use at least 6 digits and no letters. Spaces, dashes and a leading + are fine.",
        )
    })
}

/// Why a typed register number cannot be the business's, which letters and emails print: a
/// Dutch KvK number has 8 digits; a Belgian enterprise number has 10 (0123.456.789, an older
/// one 9 without the leading 0), the last two a check on the first eight. Spaces, dots and a
/// leading "BE" are fine. `None` when it can be, or when the field is left empty.
pub fn registration_problem(number: &str, jurisdiction: Jurisdiction, lang: Lang) -> Option<&'static str> {
    let typed = number.trim();
    if typed.is_empty() {
        return None;
    }
    let bare = match jurisdiction {
        Jurisdiction::Be => typed
            .strip_prefix("BE")
            .or_else(|| typed.strip_prefix("be"))
            .unwrap_or(typed),
        Jurisdiction::Nl => typed,
    };
    let clean = bare.chars().all(|c| c.is_ascii_digit() || matches!(c, ' ' | '.' | '-'));
    let mut digits: Vec<u64> = bare.chars().filter_map(|c| c.to_digit(10)).map(u64::from).collect();
    let fits = clean
        && match jurisdiction {
            Jurisdiction::Nl => digits.len() == 8,
            Jurisdiction::Be => {
                if digits.len() == 9 {
                    digits.insert(0, 0);
                }
                let value = |part: &[u64]| part.iter().fold(0, |n, d| n * 10 + d);
                digits.len() == 10 && digits[0] <= 1 && 97 - value(&digits[..8]) % 97 == value(&digits[8..])
            }
        };
    (!fits).then(|| match jurisdiction {
        Jurisdiction::Nl => lang.pick(
            "Een KvK-nummer heeft 8 cijfers. Kijk het na in je uittreksel van de KvK.",
            "A KvK number has 8 digits. Check it against your Chamber of Commerce extract.",
        ),
        Jurisdiction::Be => lang.pick(
            "Dit ondernemingsnummer klopt niet: het heeft 10 cijfers, zoals 0123.456.789. Kijk het na in de KBO.",
            "This enterprise number is not right: it has 10 digits, such as 0123.456.789. Check it in the KBO.",
        ),
    })
}

/// A Dutch postcode as the post writes it: "3511 az" and "3511AZ" become "3511 AZ". Anything
/// else (a Belgian or foreign postcode) is only trimmed.
pub fn tidy_postcode(postcode: &str) -> String {
    let compact: String = postcode.chars().filter(|c| !c.is_whitespace()).collect();
    let bytes = compact.as_bytes();
    let dutch = bytes.len() == 6
        && bytes[..4].iter().all(u8::is_ascii_digit)
        && bytes[0] != b'0'
        && bytes[4..].iter().all(u8::is_ascii_alphabetic);
    if dutch {
        format!("{} {}", &compact[..4], compact[4..].to_ascii_uppercase())
    } else {
        postcode.trim().to_owned()
    }
}

/// Why a typed email address cannot be used for a mail link; `None` when it can, or when the
/// field is left empty (an email address is never required).
pub fn email_problem(email: &str, lang: Lang) -> Option<&'static str> {
    (!email.trim().is_empty() && !is_valid_email(email)).then(|| {
        lang.pick(
            "Dit is geen bruikbaar e-mailadres. Schrijf het als naam@domein.nl.",
            "This is not a usable email address. Write it as name@domain.com.",
        )
    })
}

/// Whether text looks like an email address: one @ with something on each side, a domain of
/// dot-separated labels and a top-level domain of at least two letters. It does not prove the
/// address exists; it catches typing slips before a reminder goes nowhere.
pub fn is_valid_email(email: &str) -> bool {
    let email = email.trim();
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    if local.is_empty() || domain.contains('@') || email.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return false;
    }
    // The characters an unquoted address may hold. A pasted "mailto:" or "<...>" falls outside
    // them, and would make every mail link to the customer go nowhere.
    let local_ok = local
        .chars()
        .all(|c| c.is_alphanumeric() || ".!#$%&'*+-/=?^_`{|}~".contains(c));
    let labels: Vec<&str> = domain.split('.').collect();
    let tld = labels.last().copied().unwrap_or_default();
    local_ok
        && labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
        && tld.chars().count() >= 2
        && tld.chars().all(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_as_typed() {
        for ok in ["", "  ", "030 123 45 67", "+31 (0)6 1234 5678", "06-12345678"] {
            assert_eq!(phone_problem(ok, Lang::Nl), None, "{ok:?}");
        }
        for bad in ["abc", "06 12 AB", "12345"] {
            assert!(
                phone_problem(bad, Lang::Nl).is_some_and(|m| m.contains("minstens 6 cijfers")),
                "{bad:?}"
            );
            assert!(
                phone_problem(bad, Lang::En).is_some_and(|m| m.contains("at least 6 digits")),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn email_problems_in_both_languages() {
        for ok in ["", "  ", "piet@bakkerij.nl"] {
            assert_eq!(email_problem(ok, Lang::Nl), None, "{ok:?}");
        }
        assert!(email_problem("piet@", Lang::Nl).is_some_and(|m| m.contains("naam@domein.nl")));
        assert!(email_problem("piet@", Lang::En).is_some_and(|m| m.contains("name@domain.com")));
    }

    #[test]
    fn email_addresses_as_typed() {
        let cases = [
            ("piet@bakkerij.nl", true),
            (" piet.de.vries+facturen@mail.bakkerij.nl ", true),
            ("info@xn--caf-dma.be", true),
            ("", false),
            ("piet", false),
            ("piet@", false),
            ("@bakkerij.nl", false),
            ("piet@bakkerij", false),
            ("piet@bakkerij.n", false),
            ("piet@@bakkerij.nl", false),
            ("piet @bakkerij.nl", false),
            ("piet@bakkerij..nl", false),
            ("piet@-bakkerij.nl", false),
            ("piet@bakkerij.123", false),
            ("mailto:piet@bakkerij.nl", false),
            ("<piet@bakkerij.nl>", false),
            ("piet@bakkerij.nl>", false),
            ("piet@bakker_ij.nl", false),
            ("o'brien@example.ie", true),
            ("jürgen@bäckerei.de", true),
        ];
        for (input, expected) in cases {
            assert_eq!(is_valid_email(input), expected, "{input:?}");
        }
    }

    #[test]
    fn a_namesake_is_another_customer_of_the_same_name_case_and_spacing_aside() {
        let customers = [
            Customer::new(CustomerId::from("c1"), "Bakkerij Jansen"),
            Customer::new(CustomerId::from("c2"), "Jansen Bouw"),
        ];
        let none = CustomerId::from("");
        let found =
            |name: &str, except: &CustomerId| namesake(name, &customers, except).map(|c| c.id.as_str().to_owned());
        assert_eq!(found(" bakkerij  JANSEN ", &none).as_deref(), Some("c1"));
        assert_eq!(found("Bakkerij Jansen BV", &none), None);
        assert_eq!(found("Bakkerij Janse\u{301}n", &none).as_deref(), Some("c1"));
        assert_eq!(found("JÀNSEN BOUW", &none).as_deref(), Some("c2"));
        assert_eq!(found("", &none), None);
        // The customer being edited is no namesake of itself.
        assert_eq!(found("Bakkerij Jansen", &CustomerId::from("c1")), None);
        assert_eq!(found("jansen bouw", &CustomerId::from("c1")).as_deref(), Some("c2"));
    }

    #[test]
    fn register_numbers_have_their_countrys_length_and_check() {
        use Jurisdiction::{Be, Nl};
        let cases = [
            ("", Nl, true),
            ("12345678", Nl, true),
            (" 1234 5678 ", Nl, true),
            ("1234567", Nl, false),
            ("123456789012", Nl, false),
            ("1234567A", Nl, false),
            // 97 - (02032013 mod 97) = 40.
            ("0203.201.340", Be, true),
            ("BE 0203.201.340", Be, true),
            ("203201340", Be, true),
            ("0203.201.341", Be, false),
            ("2203.201.340", Be, false),
            ("12345678", Be, false),
        ];
        for (number, land, fine) in cases {
            assert_eq!(
                registration_problem(number, land, Lang::Nl).is_none(),
                fine,
                "{number:?} {land:?}"
            );
        }
        assert_eq!(
            registration_problem("1234567", Nl, Lang::En),
            Some("A KvK number has 8 digits. Check it against your Chamber of Commerce extract.")
        );
    }

    #[test]
    fn a_dutch_postcode_is_written_as_the_post_writes_it() {
        let cases = [
            ("3511 az", "3511 AZ"),
            ("3511AZ", "3511 AZ"),
            (" 3511  Az ", "3511 AZ"),
            ("1000", "1000"),
            ("B-1000", "B-1000"),
            ("SW1A 1AA", "SW1A 1AA"),
            ("", ""),
        ];
        for (typed, expected) in cases {
            assert_eq!(tidy_postcode(typed), expected, "{typed:?}");
        }
    }
}
