//! Links that open the user's own mail, text or phone app with a message ready to send:
//! `mailto:` (RFC 6068), `sms:` (RFC 5724) and `tel:` (RFC 3966).
//!
//! Mail clients and phones disagree on many details, so the links stay in the small subset that
//! works everywhere: percent-encoding exactly like JavaScript's `encodeURIComponent`, only the
//! `subject` and `body` parameters, CRLF line breaks in a mail body, and a length cap after which
//! the interface offers the text to copy instead.

/// The longest `mailto:` link we hand to the browser. Some mail clients and operating systems
/// cut or refuse longer links, and a cut-off reminder is worse than a copied one.
pub const MAILTO_MAX_LEN: usize = 1_800;

/// The characters `encodeURIComponent` leaves alone. Everything else is encoded, so a value can
/// never end a parameter early (`&`, `#`) or be read as a space (`+`).
fn is_unreserved(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&byte)
}

/// The upper-case hex digit for the low four bits of `nibble`.
fn hex_digit(nibble: u8) -> char {
    char::from_digit(u32::from(nibble & 0x0F), 16).map_or('0', |c| c.to_ascii_uppercase())
}

fn push_escaped(out: &mut String, byte: u8) {
    out.push('%');
    out.push(hex_digit(byte >> 4));
    out.push(hex_digit(byte));
}

/// Percent-encodes UTF-8 text like JavaScript's `encodeURIComponent`: a space becomes `%20`
/// (never `+`), and only `A-Z a-z 0-9 - _ . ! ~ * ' ( )` stay as they are.
pub fn percent_encode(s: &str) -> String {
    encode_keeping(s, |_| false)
}

/// Percent-encodes like [`percent_encode`], but also keeps the bytes `keep` accepts.
fn encode_keeping(s: &str, keep: impl Fn(u8) -> bool) -> String {
    let mut out = String::with_capacity(s.len());
    for &byte in s.as_bytes() {
        if is_unreserved(byte) || keep(byte) {
            out.push(char::from(byte));
        } else {
            push_escaped(&mut out, byte);
        }
    }
    out
}

/// Turns every line break (`\r\n`, a lone `\n` or a lone `\r`) into `\r\n`, the line break
/// RFC 6068 asks for in a mail body.
pub fn crlf_line_breaks(text: &str) -> String {
    let unified = text.replace("\r\n", "\n").replace('\r', "\n");
    unified.replace('\n', "\r\n")
}

/// A `mailto:` link, or, when the whole message does not fit in one, a link with the subject
/// only: the interface then shows the body to copy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MailtoLink {
    /// The link carries the subject and the whole body.
    Full(String),
    /// The full link would be `full_length` characters, more than [`MAILTO_MAX_LEN`].
    /// `subject_only` opens a mail with the subject filled in (shortened if even that would
    /// be too long).
    TooLong { subject_only: String, full_length: usize },
}

impl MailtoLink {
    /// The link to open, whichever form it has.
    pub fn href(&self) -> &str {
        match self {
            MailtoLink::Full(link) => link,
            MailtoLink::TooLong { subject_only, .. } => subject_only,
        }
    }

    /// Whether the body is in the link; when not, the interface must offer it to copy.
    pub fn has_body(&self) -> bool {
        matches!(self, MailtoLink::Full(_))
    }
}

/// Encodes the address part. The `@` is kept so the address stays readable; everything else that
/// could start a parameter or a fragment is escaped.
fn mailto_prefix(to: &str) -> String {
    format!("mailto:{}", encode_keeping(to.trim(), |b| b == b'@'))
}

/// Joins the non-empty parameters. An empty subject or body is left out, because some mail
/// clients show an empty `subject=` as a literal blank subject line the user must clear.
fn with_params(prefix: &str, params: &[(&str, &str)]) -> String {
    let mut link = prefix.to_owned();
    let mut separator = '?';
    for (name, encoded) in params {
        if !encoded.is_empty() {
            link.push(separator);
            link.push_str(name);
            link.push('=');
            link.push_str(encoded);
            separator = '&';
        }
    }
    link
}

/// A `mailto:` link to `to` with `subject` and `body`, line breaks in the body as CRLF. When the
/// link would be longer than [`MAILTO_MAX_LEN`] characters, the result is `TooLong` with a
/// subject-only link.
pub fn mailto(to: &str, subject: &str, body: &str) -> MailtoLink {
    let prefix = mailto_prefix(to);
    let subject_encoded = percent_encode(subject);
    let body_encoded = percent_encode(&crlf_line_breaks(body));
    let full = with_params(&prefix, &[("subject", &subject_encoded), ("body", &body_encoded)]);
    if full.len() <= MAILTO_MAX_LEN {
        return MailtoLink::Full(full);
    }
    MailtoLink::TooLong {
        subject_only: subject_only_link(&prefix, subject),
        full_length: full.len(),
    }
}

/// A link with the subject only, the subject cut at a character boundary if even that link
/// would pass the cap. Our subjects are short, so the cut is a guard for pasted text.
fn subject_only_link(prefix: &str, subject: &str) -> String {
    let budget = MAILTO_MAX_LEN.saturating_sub(prefix.len() + "?subject=".len());
    let mut encoded = String::new();
    let mut buf = [0u8; 4];
    for c in subject.chars() {
        let piece = percent_encode(c.encode_utf8(&mut buf));
        if encoded.len() + piece.len() > budget {
            break;
        }
        encoded.push_str(&piece);
    }
    with_params(prefix, &[("subject", &encoded)])
}

/// Separators people type in phone numbers. The "(0)" of "+31 (0)6 ..." is handled before
/// these are stripped, because it is a digit that must go, not a separator.
fn is_phone_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '-' | '.' | '(' | ')' | '/')
}

/// The fewest and most digits a dialable number has: short service numbers are out of scope, and
/// E.164 allows at most 15 digits.
const PHONE_MIN_DIGITS: usize = 6;
const PHONE_MAX_DIGITS: usize = 15;

/// A phone number as a link wants it: digits only, with a leading `+` kept (and a leading `00`
/// read as `+`). Spaces, dashes, dots, slashes and parentheses are removed, and the "(0)" people
/// write after a country code is dropped. Anything with letters or other symbols, or with fewer
/// than 6 or more than 15 digits, is `None`: a wrong link is worse than none.
pub fn normalize_phone(s: &str) -> Option<String> {
    let trimmed = s.trim();
    let plus = trimmed.strip_prefix('+');
    let international_hint = plus.is_some() || trimmed.starts_with("00");
    let rest = plus.unwrap_or(trimmed);
    // After a country code, "(0)" marks the trunk prefix that callers from abroad must skip.
    let rest = if international_hint {
        rest.replace("(0)", "")
    } else {
        rest.to_owned()
    };
    let mut digits = String::with_capacity(rest.len());
    for c in rest.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else if !is_phone_separator(c) {
            return None;
        }
    }
    // "00" is the international prefix typed out; reading it after the separators are gone
    // keeps the result stable when it is normalised again.
    let (international, digits) = match (plus, digits.strip_prefix("00")) {
        (Some(_), _) => (true, digits.as_str()),
        (None, Some(after)) => (true, after),
        (None, None) => (false, digits.as_str()),
    };
    if !(PHONE_MIN_DIGITS..=PHONE_MAX_DIGITS).contains(&digits.len()) {
        return None;
    }
    Some(if international {
        format!("+{digits}")
    } else {
        digits.to_owned()
    })
}

/// An `sms:` link to `phone` with `body` filled in, or `None` when the number is not usable or
/// is a fixed line ([`may_receive_texts`]): a text to it goes nowhere. Line breaks become plain
/// `\n` (`%0A`): text messages do not use CRLF.
pub fn sms(phone: &str, body: &str) -> Option<String> {
    if !may_receive_texts(phone) {
        return None;
    }
    let number = normalize_phone(phone)?;
    let unified = body.replace("\r\n", "\n").replace('\r', "\n");
    Some(with_params(
        &format!("sms:{number}"),
        &[("body", &percent_encode(&unified))],
    ))
}

/// Whether `phone` may take a text message: `false` only for a number known to be a fixed line
/// or a service number. Dutch mobile numbers start with 6 (or 97, for data lines) after the
/// country code or the leading 0; Belgian ones are 46 to 49 followed by seven digits (a shorter
/// number after 4 is a Liège fixed line). Without a country code the number may be either
/// country's, so it is a mobile if it is one in either; a number from elsewhere gets the
/// benefit of the doubt.
pub fn may_receive_texts(phone: &str) -> bool {
    let Some(number) = normalize_phone(phone) else {
        return false;
    };
    let (dutch, belgian, rest) = if let Some(rest) = number.strip_prefix("+31") {
        (true, false, rest)
    } else if let Some(rest) = number.strip_prefix("+32") {
        (false, true, rest)
    } else if let Some(rest) = number.strip_prefix('0') {
        (true, true, rest)
    } else {
        return true;
    };
    let dutch_mobile = rest.starts_with('6') || rest.starts_with("97");
    let belgian_mobile = rest.len() == 9 && matches!(rest.as_bytes(), [b'4', b'6'..=b'9', ..]);
    (dutch && dutch_mobile) || (belgian && belgian_mobile)
}

/// A `tel:` link to `phone`, or `None` when the number is not usable.
pub fn tel(phone: &str) -> Option<String> {
    normalize_phone(phone).map(|number| format!("tel:{number}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Why a percent-encoded text could not be decoded. Decoding is the tests' oracle for the
    /// encoding: the app itself only encodes.
    #[derive(Clone, Debug, PartialEq, Eq)]
    enum DecodeError {
        /// A `%` at this byte offset is not followed by two hexadecimal digits.
        BadEscape { at: usize },
        /// The decoded bytes are not valid UTF-8.
        NotUtf8,
    }

    fn hex_value(byte: u8) -> Option<u8> {
        match byte {
            b'0'..=b'9' => Some(byte - b'0'),
            b'a'..=b'f' => Some(byte - b'a' + 10),
            b'A'..=b'F' => Some(byte - b'A' + 10),
            _ => None,
        }
    }

    /// Reverses [`percent_encode`]. A `+` stays a `+`: in these links a space is always `%20`.
    fn percent_decode(s: &str) -> Result<String, DecodeError> {
        let bytes = s.as_bytes();
        let mut out = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while let Some(&byte) = bytes.get(i) {
            if byte == b'%' {
                let high = bytes.get(i + 1).copied().and_then(hex_value);
                let low = bytes.get(i + 2).copied().and_then(hex_value);
                match (high, low) {
                    (Some(h), Some(l)) => out.push(h << 4 | l),
                    _ => return Err(DecodeError::BadEscape { at: i }),
                }
                i += 3;
            } else {
                out.push(byte);
                i += 1;
            }
        }
        String::from_utf8(out).map_err(|_| DecodeError::NotUtf8)
    }

    #[test]
    fn texts_go_to_mobiles_not_to_fixed_lines() {
        let cases = [
            ("06 12345678", true),
            ("+31 6 1234 5678", true),
            ("0031 (0)6 12345678", true),
            ("0475 12 34 56", true),
            ("+32 475 12 34 56", true),
            ("097 012345678", true),
            ("+44 20 7946 0958", true),
            ("(030) 234 56 78", false),
            ("+31 (0)30 234 56 78", false),
            ("015 20 30 40", false),
            ("+32 15 20 30 40", false),
            ("040 123 45 67", false),
            ("045 571 23 45", false),
            ("04 222 33 44", false),
            ("+32 4 222 33 44", false),
            ("0800 1234", false),
            ("not a number", false),
        ];
        for (phone, expected) in cases {
            assert_eq!(may_receive_texts(phone), expected, "{phone}");
        }
    }

    #[test]
    fn percent_encoding_matches_encode_uri_component() {
        let cases = [
            ("", ""),
            ("a b", "a%20b"),
            ("abcXYZ019", "abcXYZ019"),
            ("-_.!~*'()", "-_.!~*'()"),
            ("?=&#%", "%3F%3D%26%23%25"),
            ("+", "%2B"),
            ("@/:;,", "%40%2F%3A%3B%2C"),
            ("€", "%E2%82%AC"),
            ("é", "%C3%A9"),
            ("a\nb", "a%0Ab"),
            ("a\r\nb", "a%0D%0Ab"),
            ("😀", "%F0%9F%98%80"),
            ("[x]", "%5Bx%5D"),
        ];
        for (input, expected) in cases {
            assert_eq!(percent_encode(input), expected, "{input:?}");
        }
    }

    #[test]
    fn percent_decoding_reads_escapes_and_rejects_broken_ones() {
        let cases: [(&str, Result<&str, DecodeError>); 8] = [
            ("a%20b", Ok("a b")),
            ("a+b", Ok("a+b")),
            ("%e2%82%ac", Ok("€")),
            ("%E2%82%AC", Ok("€")),
            ("100%", Err(DecodeError::BadEscape { at: 3 })),
            ("%2", Err(DecodeError::BadEscape { at: 0 })),
            ("%zz", Err(DecodeError::BadEscape { at: 0 })),
            ("%E2%82", Err(DecodeError::NotUtf8)),
        ];
        for (input, expected) in cases {
            assert_eq!(percent_decode(input), expected.map(str::to_owned), "{input:?}");
        }
    }

    #[test]
    fn line_breaks_become_crlf() {
        let cases = [
            ("a\nb", "a\r\nb"),
            ("a\r\nb", "a\r\nb"),
            ("a\rb", "a\r\nb"),
            ("a\n\nb", "a\r\n\r\nb"),
            ("a\r\n\nb", "a\r\n\r\nb"),
        ];
        for (input, expected) in cases {
            assert_eq!(crlf_line_breaks(input), expected, "{input:?}");
        }
    }

    #[test]
    fn mailto_builds_subject_and_body() {
        let cases = [
            (
                "jan@example.nl",
                "Factuur 2026-014",
                "Beste Jan,\nBetaal € 10,00.",
                "mailto:jan@example.nl?subject=Factuur%202026-014&body=Beste%20Jan%2C%0D%0ABetaal%20%E2%82%AC%2010%2C00.",
            ),
            ("jan@example.nl", "", "", "mailto:jan@example.nl"),
            ("jan@example.nl", "", "x", "mailto:jan@example.nl?body=x"),
            (" a+b@example.nl ", "s", "", "mailto:a%2Bb@example.nl?subject=s"),
            ("x?y@example.nl", "s", "", "mailto:x%3Fy@example.nl?subject=s"),
        ];
        for (to, subject, body, expected) in cases {
            assert_eq!(
                mailto(to, subject, body),
                MailtoLink::Full(expected.to_owned()),
                "{to} {subject} {body}"
            );
        }
    }

    #[test]
    fn a_long_body_switches_to_a_subject_only_link() {
        // 200 euro signs are only 200 characters of text, but 1,800 after encoding.
        let body = "€".repeat(200);
        let link = mailto("jan@example.nl", "Herinnering", &body);
        assert_eq!(
            link,
            MailtoLink::TooLong {
                subject_only: "mailto:jan@example.nl?subject=Herinnering".to_owned(),
                full_length: "mailto:jan@example.nl?subject=Herinnering&body=".len() + 200 * 9,
            }
        );
        assert!(!link.has_body());
        // Just under the cap still fits.
        let prefix = "mailto:jan@example.nl?subject=Herinnering&body=".len();
        let fits = "a".repeat(MAILTO_MAX_LEN - prefix);
        assert!(mailto("jan@example.nl", "Herinnering", &fits).has_body());
        let one_more = "a".repeat(MAILTO_MAX_LEN - prefix + 1);
        assert!(!mailto("jan@example.nl", "Herinnering", &one_more).has_body());
    }

    #[test]
    fn an_overlong_subject_is_cut_to_fit() {
        let link = mailto("jan@example.nl", &"ë".repeat(1_000), "");
        match link {
            MailtoLink::TooLong { subject_only, .. } => {
                assert!(subject_only.len() <= MAILTO_MAX_LEN);
                assert!(subject_only.ends_with("%C3%AB"));
            }
            MailtoLink::Full(_) => panic!("a 6,000-character link cannot be Full"),
        }
    }

    #[test]
    fn phone_numbers_are_normalised_or_rejected() {
        let cases = [
            ("+31 6 12345678", Some("+31612345678")),
            ("06-12345678", Some("0612345678")),
            ("(020) 123.45.67", Some("0201234567")),
            ("0475/12.34.56", Some("0475123456")),
            ("+31 (0)6 1234 5678", Some("+31612345678")),
            ("0031 6 12345678", Some("+31612345678")),
            ("+32\u{a0}475\u{a0}12\u{a0}34\u{a0}56", Some("+32475123456")),
            ("12345", None),
            ("06-1234abcd", None),
            ("06 1234 5678 ext 2", None),
            ("+31 6 +12345678", None),
            ("", None),
            ("1234567890123456", None),
        ];
        for (input, expected) in cases {
            assert_eq!(normalize_phone(input).as_deref(), expected, "{input:?}");
        }
    }

    #[test]
    fn sms_and_tel_links() {
        let cases = [
            (
                sms("+31 6 1234 5678", "Factuur 2026-014\nBetaal vandaag"),
                Some("sms:+31612345678?body=Factuur%202026-014%0ABetaal%20vandaag"),
            ),
            (sms("06-12345678", ""), Some("sms:0612345678")),
            (sms("geen nummer", "x"), None),
            (sms("030 234 56 78", "x"), None),
            (tel("+31 (0)20 123 45 67"), Some("tel:+31201234567")),
            (tel("12"), None),
        ];
        for (link, expected) in cases {
            assert_eq!(link.as_deref(), expected);
        }
    }

    /// Reads a built mailto link back the way a mail client does: split off the query at the
    /// first '?', split the parameters at '&', decode the values.
    fn parse_mailto(link: &str) -> (String, String, String) {
        let rest = link.strip_prefix("mailto:").unwrap_or(link);
        let (to, query) = rest.split_once('?').unwrap_or((rest, ""));
        let mut subject = String::new();
        let mut body = String::new();
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = percent_decode(value).unwrap();
            match name {
                "subject" => subject = value,
                "body" => body = value,
                other => panic!("unexpected parameter {other}"),
            }
        }
        (percent_decode(to).unwrap(), subject, body)
    }

    proptest! {
        #[test]
        fn decoding_reverses_encoding(s in any::<String>()) {
            prop_assert_eq!(percent_decode(&percent_encode(&s)), Ok(s));
        }

        #[test]
        fn a_built_mailto_link_parses_back(subject in any::<String>(), body in any::<String>()) {
            if let MailtoLink::Full(link) = mailto("jan@example.nl", &subject, &body) {
                let (to, parsed_subject, parsed_body) = parse_mailto(&link);
                prop_assert_eq!(to, "jan@example.nl");
                prop_assert_eq!(parsed_subject, subject);
                prop_assert_eq!(parsed_body, crlf_line_breaks(&body));
            }
        }

        #[test]
        fn a_mailto_link_never_passes_the_cap(subject in ".{0,400}", body in ".{0,800}") {
            let link = mailto("jan@example.nl", &subject, &body);
            prop_assert!(link.href().len() <= MAILTO_MAX_LEN);
        }

        #[test]
        fn normalised_numbers_are_stable(s in "[+]?[0-9 ().-]{0,24}") {
            if let Some(n) = normalize_phone(&s) {
                prop_assert_eq!(normalize_phone(&n), Some(n.clone()));
            }
        }
    }
}
