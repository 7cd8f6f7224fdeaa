//! Counted nouns: "1 stap", "3 stappen", "0 steps". Dutch and English both take the singular
//! for exactly one and the plural for every other count, zero included, so one rule serves both
//! languages; the caller names both forms because neither language builds them by rule.
//! Lists in a sentence ("a, b en c") are here too.

use std::fmt::Display;

use crate::domain::model::Lang;

/// `one` when `n` is exactly one, else `many`.
pub fn noun<'a, N: PartialEq + From<u8>>(n: N, one: &'a str, many: &'a str) -> &'a str {
    if n == N::from(1) {
        one
    } else {
        many
    }
}

/// The count and the noun in the form that fits it: `count(3, "stap", "stappen")` is "3 stappen".
pub fn count<N: Display + Copy + PartialEq + From<u8>>(n: N, one: &str, many: &str) -> String {
    format!("{n} {}", noun(n, one, many))
}

/// "a, b en c" / "a, b and c".
pub fn join_and(lang: Lang, items: &[String]) -> String {
    let and = match lang {
        Lang::Nl => " en ",
        Lang::En => " and ",
    };
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{}{and}{last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_takes_the_singular_and_every_other_count_the_plural() {
        let cases: [(i64, &str); 4] = [(0, "0 dagen"), (1, "1 dag"), (2, "2 dagen"), (31, "31 dagen")];
        for (n, expected) in cases {
            assert_eq!(count(n, "dag", "dagen"), expected);
        }
        assert_eq!(count(1usize, "step", "steps"), "1 step");
        assert_eq!(count(10_000usize, "invoice", "invoices"), "10000 invoices");
    }
}
