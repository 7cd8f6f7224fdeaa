//! IBANs as users type them. Every reminder tells the customer where to pay, so a mistyped
//! IBAN would send money nowhere: it is checked with the ISO 13616 mod-97 checksum.

use crate::domain::model::Lang;
use crate::domain::text::t;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IbanError {
    /// Shorter than any country's IBAN (15) or longer than the longest (34).
    Length(usize),
    /// Must start with two letters (the country) and two digits (the check).
    Shape,
    /// A character other than a letter or a digit.
    Character(char),
    /// The checksum does not add up: a typo.
    Checksum,
}

impl IbanError {
    pub fn message(self, lang: Lang) -> String {
        match self {
            IbanError::Length(n) => t!(
                lang,
                "Een IBAN heeft 15 tot 34 tekens; dit zijn er {n}.",
                "An IBAN has 15 to 34 characters; this has {n}."
            ),
            IbanError::Shape => lang
                .pick(
                    "Een IBAN begint met twee letters en twee cijfers, zoals NL91.",
                    "An IBAN starts with two letters and two digits, like NL91.",
                )
                .to_owned(),
            IbanError::Character(c) => t!(
                lang,
                "Een IBAN bevat alleen letters en cijfers, niet \"{c}\".",
                "An IBAN holds only letters and digits, not \"{c}\"."
            ),
            IbanError::Checksum => lang
                .pick(
                    "Dit IBAN klopt niet: waarschijnlijk is er een teken verkeerd getypt.",
                    "This IBAN does not add up: a character was probably mistyped.",
                )
                .to_owned(),
        }
    }
}

/// The IBAN in the printed form: capitals in groups of four ("NL91 ABNA 0417 1643 00").
/// Spaces, dots and dashes as people type them are ignored.
pub fn normalize_iban(input: &str) -> Result<String, IbanError> {
    let compact: String = input
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '.' | '-'))
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if let Some(c) = compact.chars().find(|c| !c.is_ascii_alphanumeric()) {
        return Err(IbanError::Character(c));
    }
    let length = compact.len();
    if !(15..=34).contains(&length) {
        return Err(IbanError::Length(length));
    }
    let bytes = compact.as_bytes();
    if !(bytes[0].is_ascii_alphabetic()
        && bytes[1].is_ascii_alphabetic()
        && bytes[2].is_ascii_digit()
        && bytes[3].is_ascii_digit())
    {
        return Err(IbanError::Shape);
    }
    // Move the first four characters to the end, turn letters into 10..35, and take the
    // number modulo 97 digit by digit so it never overflows.
    let rearranged = compact[4..].bytes().chain(compact[..4].bytes());
    let mut remainder: u32 = 0;
    for b in rearranged {
        let value = if b.is_ascii_digit() {
            u32::from(b - b'0')
        } else {
            u32::from(b - b'A') + 10
        };
        let width = if value >= 10 { 100 } else { 10 };
        remainder = (remainder * width + value) % 97;
    }
    if remainder != 1 {
        return Err(IbanError::Checksum);
    }
    let grouped: Vec<String> = compact
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect();
    Ok(grouped.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ibans_as_typed() {
        let cases: &[(&str, Result<&str, IbanError>)] = &[
            ("NL91ABNA0417164300", Ok("NL91 ABNA 0417 1643 00")),
            ("nl91 abna 0417 1643 00", Ok("NL91 ABNA 0417 1643 00")),
            ("BE68 5390 0754 7034", Ok("BE68 5390 0754 7034")),
            ("DE89-3704-0044-0532-0130-00", Ok("DE89 3704 0044 0532 0130 00")),
            ("NL91ABNA0417164301", Err(IbanError::Checksum)),
            ("NL19ABNA0417164300", Err(IbanError::Checksum)),
            ("NL91", Err(IbanError::Length(4))),
            ("", Err(IbanError::Length(0))),
            ("9191ABNA0417164300", Err(IbanError::Shape)),
            ("NL91ABNA04171643€0", Err(IbanError::Character('€'))),
        ];
        for (input, expected) in cases {
            assert_eq!(normalize_iban(input).as_deref().map_err(|e| *e), *expected, "{input}");
        }
    }

    /// Every message of `IbanError` in both languages, word for word, so a rewrite of `message`
    /// cannot change what the user reads without this test saying so.
    #[test]
    fn messages_in_both_languages() {
        let cases = [
            (
                IbanError::Length(3),
                "Een IBAN heeft 15 tot 34 tekens; dit zijn er 3.",
                "An IBAN has 15 to 34 characters; this has 3.",
            ),
            (
                IbanError::Shape,
                "Een IBAN begint met twee letters en twee cijfers, zoals NL91.",
                "An IBAN starts with two letters and two digits, like NL91.",
            ),
            (
                IbanError::Character('€'),
                "Een IBAN bevat alleen letters en cijfers, niet \"€\".",
                "An IBAN holds only letters and digits, not \"€\".",
            ),
            (
                IbanError::Checksum,
                "Dit IBAN klopt niet: waarschijnlijk is er een teken verkeerd getypt.",
                "This IBAN does not add up: a character was probably mistyped.",
            ),
        ];
        for (error, nl, en) in cases {
            assert_eq!(error.message(Lang::Nl), nl, "{error:?}");
            assert_eq!(error.message(Lang::En), en, "{error:?}");
        }
    }

    #[test]
    fn messages_exist_in_both_languages() {
        for e in [
            IbanError::Length(3),
            IbanError::Shape,
            IbanError::Character('x'),
            IbanError::Checksum,
        ] {
            for lang in Lang::ALL {
                assert!(e.message(lang).ends_with('.'), "{e:?} {lang:?}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn never_panics(input in "\\PC{0,40}") {
            let _ = normalize_iban(&input);
        }
    }
}
