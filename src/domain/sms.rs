//! Text messages as phones send them. A message in the GSM 03.38 alphabet takes 160
//! characters a part; one character outside it turns the whole message into UCS-2, at 70 a
//! part. A customer called "Daniëlle" would make a two-part reminder five parts, so the
//! letters the alphabet lacks are written without their accent, as people do in a text.

use crate::domain::fold::fold_accent;

/// The GSM 03.38 default alphabet, one septet each.
const BASIC: &str = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡\
    ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
/// Its extension table: an escape septet and the character, two septets each.
const EXTENSION: &str = "^{}\\[~]|€\u{c}";

fn in_alphabet(c: char) -> bool {
    BASIC.contains(c) || EXTENSION.contains(c)
}

/// `text` in the GSM alphabet where it can be: a letter it lacks loses its accent ("ë" is
/// "e", "Ï" is "I"), typographic quotes and dashes become plain ones, and a non-breaking space
/// a space. Anything else (a letter of another script, an emoji) stays as it is.
pub fn gsm7_safe(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if in_alphabet(c) {
            out.push(c);
            continue;
        }
        match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{2032}' => out.push('\''),
            '\u{201C}' | '\u{201D}' | '\u{201E}' => out.push('"'),
            '\u{2010}'..='\u{2015}' | '\u{2212}' => out.push('-'),
            '\u{2026}' => out.push_str("..."),
            c if c.is_whitespace() => out.push(' '),
            c if c.is_lowercase() && in_alphabet(fold_accent(c)) => out.push(fold_accent(c)),
            c if c.is_uppercase() => {
                let plain: String = c.to_lowercase().map(fold_accent).flat_map(char::to_uppercase).collect();
                if plain.chars().all(in_alphabet) {
                    out.push_str(&plain);
                } else {
                    out.push(c);
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// How many parts a text message takes. In GSM-7 one part holds 160 septets, or 153 each when
/// it is split; one character outside GSM-7 turns the whole message into UCS-2, with 70
/// UTF-16 units in one part or 67 each when split.
pub fn parts(text: &str) -> usize {
    let septets = text.chars().try_fold(0_usize, |sum, c| {
        if BASIC.contains(c) {
            Some(sum + 1)
        } else if EXTENSION.contains(c) {
            Some(sum + 2)
        } else {
            None
        }
    });
    let (units, single, each) = match septets {
        Some(septets) => (septets, 160, 153),
        None => (text.encode_utf16().count(), 70, 67),
    };
    if units <= single {
        1
    } else {
        units.div_ceil(each)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_count_septets_and_fall_back_to_ucs2() {
        assert_eq!(parts(&"a".repeat(160)), 1);
        assert_eq!(parts(&"a".repeat(161)), 2);
        assert_eq!(parts(&"a".repeat(306)), 2);
        assert_eq!(parts(&"a".repeat(307)), 3);
        // "€" takes an escape septet: 80 of them are 160 septets, 81 are two parts.
        assert_eq!(parts(&"€".repeat(80)), 1);
        assert_eq!(parts(&"€".repeat(81)), 2);
        assert_eq!(parts(&format!("{}{}", "a".repeat(304), "€")), 2);
        assert_eq!(parts(&format!("{}{}", "a".repeat(305), "€")), 3);
        // One "ë" (not in GSM-7) makes it UCS-2.
        assert_eq!(parts(&format!("{}ë", "a".repeat(69))), 1);
        assert_eq!(parts(&format!("{}ë", "a".repeat(70))), 2);
        assert_eq!(parts(&format!("{}ë", "a".repeat(133))), 2);
        assert_eq!(parts(&format!("{}ë", "a".repeat(134))), 3);
    }

    #[test]
    fn letters_the_alphabet_lacks_lose_their_accent_and_the_rest_stays() {
        let cases = [
            ("Beste Daniëlle, Anaïs en Zoë", "Beste Danielle, Anais en Zoe"),
            ("ÏJSSELMEER Ëlla", "IJSSELMEER Ella"),
            // These are in the alphabet and keep their accent.
            ("café à la Müller, Ñandú, Søren", "café à la Müller, Ñandu, Søren"),
            ("‘Kees’ zegt: “ja” – 10…", "'Kees' zegt: \"ja\" - 10..."),
            ("€ 1.000,00\u{a0}incl.", "€ 1.000,00 incl."),
            // Nothing to map "ř" or an emoji to: they stay, and the message is UCS-2.
            ("Dvořák 🙂", "Dvořak 🙂"),
        ];
        for (text, expected) in cases {
            assert_eq!(gsm7_safe(text), expected, "{text}");
        }
        let long = format!("Beste Daniëlle, {}", "a".repeat(280));
        assert_eq!(parts(&long), 5);
        assert_eq!(parts(&gsm7_safe(&long)), 2);
    }
}
