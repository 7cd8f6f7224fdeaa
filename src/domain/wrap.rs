//! Where a line of text may break on a narrow screen. A browser breaks "02-02-2026" or
//! "2026-004" at a hyphen and "€ 12,50" at its space, which on a phone leaves half a date at
//! the end of a line; the interface keeps such words whole.

/// The longest word kept on one line: a longer word with a digit in it is a
/// reference or an address, which must still wrap rather than widen a phone's screen.
const KEPT_WORD_CHARS: usize = 24;

/// `text` cut into runs, each marked whether it must stay on one line; joined, the runs are
/// `text` again.
pub fn runs(text: &str) -> Vec<(String, bool)> {
    let mut runs: Vec<(String, bool)> = Vec::new();
    let mut push = |run: &str, keep: bool| match runs.last_mut() {
        Some((last, false)) if !keep => last.push_str(run),
        _ => runs.push((run.to_owned(), keep)),
    };
    let words: Vec<&str> = text.split(' ').collect();
    let kept = |word: &str| word.chars().any(|c| c.is_ascii_digit()) && word.chars().count() <= KEPT_WORD_CHARS;
    let mut i = 0;
    while i < words.len() {
        if i > 0 {
            push(" ", false);
        }
        let word = words[i];
        // A Dutch amount has a space after its euro sign: the two stay together.
        if (word == "€" || word == "-€") && words.get(i + 1).is_some_and(|next| kept(next)) {
            push(&format!("{word} {}", words[i + 1]), true);
            i += 2;
        } else {
            push(word, kept(word));
            i += 1;
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_numbers_and_amounts_stay_whole() {
        let kept = |text: &str| -> Vec<String> {
            runs(text)
                .into_iter()
                .filter(|(_, keep)| *keep)
                .map(|(run, _)| run)
                .collect()
        };
        let cases: [(&str, &[&str]); 5] = [
            ("factuurdatum 02-02-2026", &["02-02-2026"]),
            ("Dossier factuur 2026-004", &["2026-004"]),
            ("Te vorderen € 1.234,56 per 03-04-2026", &["€ 1.234,56", "03-04-2026"]),
            ("Bakkerij De Korenschoof", &[]),
            // A long reference with digits must still wrap rather than widen the screen.
            ("ref ABCDEFGHIJKLMNOPQRSTUVWXYZ0123", &[]),
        ];
        for (text, expected) in cases {
            assert_eq!(kept(text), expected, "{text}");
            let joined: String = runs(text).into_iter().map(|(run, _)| run).collect();
            assert_eq!(joined, text, "the runs are the text again");
        }
    }
}
