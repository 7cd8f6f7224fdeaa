//! Amounts as users type them and as they read them, per language. Always `Decimal`.
//!
//! # Reading what users type
//!
//! `parse_amount` takes no language: a form field in the Dutch interface still receives amounts
//! pasted from English invoices and bank statements, so the reading rules are the same for both.
//!
//! - Spaces of every kind (including non-breaking and narrow ones from copied text) count as
//!   spaces; zero-width characters are dropped.
//! - A currency mark may stand before or after the number, once: "€", "EUR", "euro", "euros",
//!   in any letter case.
//! - A minus may stand before the number or before the currency mark ("-€ 12,00", "€ -12").
//!   Accounting exports put it after the number instead ("1.234,56-"), or put the whole amount
//!   in parentheses ("(50,00)", "€ (50,00)"), which reads the same; one sign is enough, so
//!   "(-50,00)" is refused. Negative amounts are read, because corrections and credit notes
//!   have them; a payment uses `parse_positive_amount`, and an invoice amount
//!   `parse_invoice_amount`, which refuse them.
//! - ",-" or ".-" at the end means whole euros, as on Dutch price tags ("€ 12,-").
//! - When both "." and "," appear, the last one is the decimal separator and the other groups
//!   the thousands ("1.234,56", "1,234.56").
//! - When the same mark appears more than once, it groups the thousands ("1.234.567").
//! - When a number is grouped with spaces ("1 234,56"), a single "." or "," is the decimal
//!   separator, because the spaces already do the grouping.
//! - A single "." followed by exactly three digits groups the thousands: "1.234" is 1234. That is
//!   how a Dutch user writes it, and the other reading (1.234 euro) cannot be money anyway.
//! - A single "," followed by exactly three digits is refused as ambiguous: a Dutch reader sees
//!   a decimal comma (a mistyped cent amount such as "1,23"), an English reader sees 1234. The
//!   two readings differ a thousandfold, and a reminder for the wrong amount costs far more
//!   than asking the user to type "1234" or "1,23".
//! - Otherwise a single mark is the decimal separator. At most two decimals: money is cents.
//! - Amounts from 10^12 up are refused: no sole trader's invoice is that large, so it is a typo.
//!
//! # Reading a file's amounts
//!
//! A column of amounts says more than one amount: when some of them show beyond doubt which
//! mark separates the cents ("121.00", "1,234.56"), `DecimalMark::of` finds it, and
//! `parse_amount_with` reads every amount of the file with that mark. A single mark that is the
//! file's decimal mark is then always the decimal separator, so "303.105" in a file of
//! "121.00" has three decimals and is refused, instead of being read as 303105 euros; and a
//! single other mark followed by three digits groups the thousands, so "1,234" in that file is
//! 1234 instead of ambiguous. Amounts with both marks, or a mark repeated, say for themselves
//! what they mean and are read as above. A file that shows both decimal marks, or neither, is
//! read amount by amount, as `parse_amount` reads what users type.

use std::fmt;

use rust_decimal::{Decimal, RoundingStrategy};

use crate::domain::model::Lang;
use crate::domain::text::t;

/// The most digits the whole-euro part of a typed amount may have, so amounts stay below 10^12.
const MAX_WHOLE_DIGITS: usize = 12;

/// Whether `amount` keeps to what reading a typed amount ever yields: whole cents, and below
/// 10^12 either way. A stored amount outside it (from a hand-edited backup, say) could never
/// have been typed.
pub fn within_limits(amount: Decimal) -> bool {
    let limit = Decimal::from(10_i64.pow(MAX_WHOLE_DIGITS as u32));
    amount.normalize().scale() <= 2 && amount.abs() < limit
}

/// Why a typed amount could not be read. Each variant is one thing the user can fix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AmountError {
    /// Nothing was typed.
    Empty,
    /// Only signs, separators or a currency mark: no digit at all.
    NoDigits,
    /// A letter where digits belong, such as the letter O for a zero.
    Letter(char),
    /// A character that is neither a digit, a separator, a space nor a currency mark.
    UnexpectedCharacter(char),
    /// A minus anywhere but at the front, or more than one.
    MisplacedMinus,
    /// The decimal separator appears twice ("1.234,56,78"), or decimals follow ",-".
    TwoDecimalSeparators,
    /// Thousands groups that are not three digits each ("1.23.4").
    MisplacedThousands,
    /// A space among the decimals ("12,5 0").
    MisplacedSpace,
    /// A single comma followed by exactly three digits ("1,234"): 1234 or a mistyped 1,23?
    AmbiguousComma,
    /// More than two decimals; the count is how many were typed.
    TooManyDecimals(usize),
    /// 10^12 or more.
    TooLarge,
    /// A negative amount where only a positive one makes sense.
    Negative,
    /// A negative invoice amount: a credit note, which is settled, not chased.
    CreditNote,
    /// Zero where only a positive amount makes sense.
    Zero,
}

/// Shows a character the way a user can recognise it: invisible and control characters get
/// their code point, because quotes around nothing help nobody.
fn shown(c: char) -> String {
    if c.is_control() || c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200F}' | '\u{FEFF}') {
        format!("U+{:04X}", u32::from(c))
    } else {
        format!("\"{c}\"")
    }
}

impl AmountError {
    /// One or two sentences telling the user what is wrong and how to type it instead.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            AmountError::Empty => lang.pick("Vul een bedrag in.", "Please enter an amount.").to_owned(),
            AmountError::NoDigits => lang
                .pick(
                    "Dit bedrag bevat geen cijfers. Typ bijvoorbeeld 125,50.",
                    "This amount has no digits. Type, for example, 125.50.",
                )
                .to_owned(),
            AmountError::Letter(c) => {
                let c = shown(*c);
                t!(
                    lang,
                    "Dit bedrag bevat een letter: {c}. Gebruik alleen cijfers, een komma of een punt.",
                    "This amount contains a letter: {c}. Use only digits, a comma or a full stop."
                )
            }
            AmountError::UnexpectedCharacter(c) => {
                let c = shown(*c);
                t!(
                    lang,
                    "Het teken {c} hoort niet in een bedrag. Gebruik alleen cijfers, een komma of een punt.",
                    "The character {c} does not belong in an amount. Use only digits, a comma or a full stop."
                )
            }
            AmountError::MisplacedMinus => lang
                .pick(
                    "Een minteken mag alleen vooraan staan, en maar één keer.",
                    "A minus sign can only come first, and only once.",
                )
                .to_owned(),
            AmountError::TwoDecimalSeparators => lang
                .pick(
                    "Dit bedrag heeft twee keer een decimaalteken. Gebruik één komma voor de centen, zoals in \
                     1.234,56.",
                    "This amount has two decimal separators. Use a single one before the cents, as in 1,234.56.",
                )
                .to_owned(),
            AmountError::MisplacedThousands => lang
                .pick(
                    "De duizendtallen staan niet goed: na elk scheidingsteken horen precies drie cijfers, zoals in \
                     1.234.567. Je kunt de punten ook weglaten.",
                    "The thousands are not grouped correctly: each separator must be followed by exactly three \
                     digits, as in 1,234,567. You can also leave the separators out.",
                )
                .to_owned(),
            AmountError::MisplacedSpace => lang
                .pick(
                    "Er staat een spatie tussen de centen. Haal die weg.",
                    "There is a space among the cents. Please remove it.",
                )
                .to_owned(),
            AmountError::AmbiguousComma => lang
                .pick(
                    "Een komma met precies drie cijfers erachter kan duizendtallen of centen betekenen. Laat de komma \
                     weg voor hele euro's (1234), of typ twee cijfers achter de komma voor centen (1,23).",
                    "A comma followed by exactly three digits could mean thousands or cents. Leave the comma out for \
                     whole euros (1234), or write the cents with two digits (1.23).",
                )
                .to_owned(),
            AmountError::TooManyDecimals(n) => t!(
                lang,
                "Dit bedrag heeft {n} cijfers achter de komma. Een bedrag in euro heeft er hooguit twee.",
                "This amount has {n} decimals. An amount in euros has at most two."
            ),
            AmountError::TooLarge => lang
                .pick(
                    "Dit bedrag is te groot. Controleer of er geen cijfer te veel staat.",
                    "This amount is too large. Please check for an extra digit.",
                )
                .to_owned(),
            AmountError::Negative => lang
                .pick(
                    "Het bedrag kan niet negatief zijn. Haal het minteken weg.",
                    "The amount cannot be negative. Please remove the minus sign.",
                )
                .to_owned(),
            // Removing the minus would turn a credit into a debt the app then chases, so the
            // message says what to do with a credit note instead.
            AmountError::CreditNote => lang
                .pick(
                    "Een negatief bedrag is een creditnota, geen factuur: daar valt niets op te innen. Verlaag het \
                     bedrag van de factuur waar hij bij hoort. Boek hem niet als betaling: dan rekent de app rente en \
                     kosten over een deel dat nooit verschuldigd was.",
                    "A negative amount is a credit note, not an invoice: there is nothing to collect. Lower the amount \
                     of the invoice it belongs to. Do not record it as a payment: the app would then charge interest \
                     and costs on a part that was never owed.",
                )
                .to_owned(),
            AmountError::Zero => lang
                .pick("Het bedrag moet groter zijn dan nul.", "The amount must be more than zero.")
                .to_owned(),
        }
    }
}

impl fmt::Display for AmountError {
    /// The English message, for logs and developer tools; the interface uses `message`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for AmountError {}

/// Rounds to whole cents, half away from zero: an amount of 0.005 is a cent, not nothing.
/// Banker's rounding would round 0.125 down and 0.135 up, which a customer comparing a reminder
/// with the invoice would rightly call a mistake.
fn to_cents(amount: Decimal) -> Decimal {
    amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// Splits an amount, rounded to cents, into its sign, whole-euro digits and two cent digits.
/// A negative zero (what -0.001 becomes after rounding) counts as positive so that nobody is
/// shown "-€ 0,00".
fn parts(amount: Decimal) -> (bool, String, String) {
    let cents = to_cents(amount);
    let negative = cents.is_sign_negative() && !cents.is_zero();
    let text = cents.abs().to_string();
    let (whole, frac) = text.split_once('.').unwrap_or((text.as_str(), ""));
    (negative, whole.to_owned(), format!("{frac:0<2}"))
}

/// Puts a separator between every group of three digits, counted from the right.
fn group_thousands(digits: &str, separator: char) -> String {
    let len = digits.chars().count();
    let mut out = String::with_capacity(len + len / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (len - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// "€ 1.234,56" in Dutch, "€1,234.56" in English; negative amounts get a leading minus
/// ("-€ 12,00", "-€12.00"). Always two decimals, rounded half away from zero.
pub fn format_money(amount: Decimal, lang: Lang) -> String {
    let (negative, whole, frac) = parts(amount);
    let sign = if negative { "-" } else { "" };
    match lang {
        Lang::Nl => format!("{sign}€ {},{frac}", group_thousands(&whole, '.')),
        Lang::En => format!("{sign}€{}.{frac}", group_thousands(&whole, ',')),
    }
}

/// The amount without currency mark or thousands separators, for CSV and search:
/// "1234,56" in Dutch, "1234.56" in English. `parse_amount` reads it back exactly (to the cent).
pub fn format_amount(amount: Decimal, lang: Lang) -> String {
    let (negative, whole, frac) = parts(amount);
    let sign = if negative { "-" } else { "" };
    let separator = match lang {
        Lang::Nl => ',',
        Lang::En => '.',
    };
    format!("{sign}{whole}{separator}{frac}")
}

/// The amount as a form field shows it: grouped in thousands as in running text, without the
/// currency mark ("1.234,56" in Dutch, "1,234.56" in English). With its two decimals it is
/// never ambiguous, so `parse_amount` reads it back exactly.
pub fn format_amount_grouped(amount: Decimal, lang: Lang) -> String {
    let (negative, whole, frac) = parts(amount);
    let sign = if negative { "-" } else { "" };
    match lang {
        Lang::Nl => format!("{sign}{},{frac}", group_thousands(&whole, '.')),
        Lang::En => format!("{sign}{}.{frac}", group_thousands(&whole, ',')),
    }
}

/// Which mark a set of amounts (the amount columns of a file) writes before the cents, as far
/// as they show it; see the module documentation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DecimalMark {
    /// Nothing settles it, or the amounts use both marks: each amount is read on its own.
    #[default]
    Unknown,
    /// "121.00", "1,234.56".
    Point,
    /// "121,00", "1.234,56".
    Comma,
}

impl DecimalMark {
    /// The one decimal mark that the amounts show beyond doubt: a single mark with one or two
    /// digits after it ("121.00"), the last of two different marks ("1,234.56"), or the other
    /// mark than one that is repeated ("1.234.567" groups with points, so decimals take a
    /// comma). Amounts that show both marks, or none, give `Unknown`.
    pub fn of<'a>(amounts: impl IntoIterator<Item = &'a str>) -> DecimalMark {
        let (mut point, mut comma) = (false, false);
        for amount in amounts {
            match shown_mark(amount) {
                Some('.') => point = true,
                Some(',') => comma = true,
                _ => {}
            }
            if point && comma {
                return DecimalMark::Unknown;
            }
        }
        match (point, comma) {
            (true, false) => DecimalMark::Point,
            (false, true) => DecimalMark::Comma,
            _ => DecimalMark::Unknown,
        }
    }

    fn separator(self) -> Option<char> {
        match self {
            DecimalMark::Unknown => None,
            DecimalMark::Point => Some('.'),
            DecimalMark::Comma => Some(','),
        }
    }
}

/// The decimal mark one amount shows beyond doubt, if any; see `DecimalMark::of`. An amount
/// that cannot be read shows nothing: a typo such as "1,2,3" must not decide how the other
/// amounts of its file are read.
fn shown_mark(input: &str) -> Option<char> {
    parse_amount(input).ok()?;
    let text = normalise(input);
    let (_, text) = strip_parentheses(text.trim());
    let (_, body) = strip_sign_and_currency(text.trim()).ok()?;
    let (body, _, _) = strip_whole_euro_dash(body).ok()?;
    let dots = body.matches('.').count();
    let commas = body.matches(',').count();
    match (dots, commas) {
        (0, 0) => None,
        (1.., 1..) => {
            let (last, count) = if body.rfind('.') > body.rfind(',') {
                ('.', dots)
            } else {
                (',', commas)
            };
            (count == 1).then_some(last)
        }
        (2.., 0) => Some(','),
        (0, 2..) => Some('.'),
        _ => {
            let mark = if dots == 1 { '.' } else { ',' };
            let (_, after) = body.rsplit_once(mark)?;
            let after = after.trim();
            ((1..=2).contains(&after.len()) && after.bytes().all(|b| b.is_ascii_digit())).then_some(mark)
        }
    }
}

/// Reads an amount as users type it; see the module documentation for the rules. The result
/// always has two decimals ("12,5" gives 12.50).
pub fn parse_amount(input: &str) -> Result<Decimal, AmountError> {
    parse_amount_with(input, DecimalMark::Unknown)
}

/// Reads an amount of a file whose amounts show `mark` as their decimal mark; with
/// `DecimalMark::Unknown` it reads as `parse_amount`. See the module documentation.
pub fn parse_amount_with(input: &str, mark: DecimalMark) -> Result<Decimal, AmountError> {
    let text = normalise(input);
    let text = text.trim();
    if text.is_empty() {
        return Err(AmountError::Empty);
    }
    let (parenthesised, text) = strip_parentheses(text);
    let (negative, body) = strip_sign_and_currency(text.trim())?;
    let (body, whole_euros, trailing_minus) = strip_whole_euro_dash(body)?;
    if [negative, trailing_minus, parenthesised]
        .iter()
        .filter(|sign| **sign)
        .count()
        > 1
    {
        return Err(AmountError::MisplacedMinus);
    }
    let negative = negative || trailing_minus || parenthesised;
    check_characters(body)?;
    let (whole, cents) = split_number(body.trim(), whole_euros, mark)?;
    build(negative, &whole, &cents)
}

/// Reads an invoice amount: like `parse_amount`, but zero and negative amounts are refused,
/// because an invoice always asks for money.
pub fn parse_positive_amount(input: &str) -> Result<Decimal, AmountError> {
    let amount = parse_amount(input)?;
    if amount.is_zero() {
        Err(AmountError::Zero)
    } else if amount.is_sign_negative() {
        Err(AmountError::Negative)
    } else {
        Ok(amount)
    }
}

/// Reads an invoice amount: like `parse_positive_amount`, but a negative amount is recognised
/// as the credit note it is.
pub fn parse_invoice_amount(input: &str) -> Result<Decimal, AmountError> {
    parse_invoice_amount_with(input, DecimalMark::Unknown)
}

/// Reads an invoice amount of a file whose amounts show `mark`, as `parse_invoice_amount` reads
/// one typed amount.
pub fn parse_invoice_amount_with(input: &str, mark: DecimalMark) -> Result<Decimal, AmountError> {
    match parse_amount_with(input, mark) {
        Ok(amount) if amount.is_zero() => Err(AmountError::Zero),
        Ok(amount) if amount.is_sign_negative() => Err(AmountError::CreditNote),
        other => other,
    }
}

/// Turns every kind of space into a plain one and every kind of dash into a hyphen, and drops
/// zero-width characters: text copied from a PDF or a spreadsheet is full of them, and they
/// look the same as the plain characters to the user.
fn normalise(input: &str) -> String {
    input
        .chars()
        .filter(|c| !matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}'))
        .map(|c| match c {
            c if c.is_whitespace() => ' ',
            '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}' | '\u{FF0D}' => '-',
            c => c,
        })
        .collect()
}

/// Currency marks as typed, longest first so that "euros" is not read as "euro" plus an "s".
const CURRENCY_MARKS: [&str; 4] = ["euros", "euro", "eur", "€"];

fn strip_currency_prefix(text: &str) -> Option<&str> {
    CURRENCY_MARKS.iter().find_map(|mark| {
        let head = text.get(..mark.len())?;
        head.eq_ignore_ascii_case(mark)
            .then(|| text.get(mark.len()..))
            .flatten()
    })
}

fn strip_currency_suffix(text: &str) -> Option<&str> {
    CURRENCY_MARKS.iter().find_map(|mark| {
        let cut = text.len().checked_sub(mark.len())?;
        let tail = text.get(cut..)?;
        tail.eq_ignore_ascii_case(mark).then(|| text.get(..cut)).flatten()
    })
}

/// Takes the parentheses off an amount written as accounting does for a negative one:
/// "(50,00)", "€ (50,00)", "(50,00) EUR". Returns whether there were any, and the amount
/// without them (with its currency mark). Parentheses anywhere else are left for
/// `check_characters` to refuse.
fn strip_parentheses(text: &str) -> (bool, String) {
    let (prefix, rest) = match strip_currency_prefix(text) {
        Some(rest) => (
            text.get(..text.len().saturating_sub(rest.len())).unwrap_or(""),
            rest.trim_start(),
        ),
        None => ("", text),
    };
    let (rest, suffix) = match strip_currency_suffix(rest) {
        Some(before) => (before.trim_end(), rest.get(before.len()..).unwrap_or("")),
        None => (rest, ""),
    };
    match rest.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        Some(inner) if !inner.contains(['(', ')']) => (true, format!("{prefix} {inner} {suffix}")),
        _ => (false, text.to_owned()),
    }
}

/// Takes the sign and at most one currency mark off the ends. Returns whether the amount is
/// negative and what is left, which should be the number alone.
fn strip_sign_and_currency(text: &str) -> Result<(bool, &str), AmountError> {
    let mut rest = text;
    let mut negative = false;
    let mut currency = false;
    loop {
        if let Some(after) = rest.strip_prefix('-') {
            if negative {
                return Err(AmountError::MisplacedMinus);
            }
            negative = true;
            rest = after.trim_start();
        } else if let Some(after) = strip_currency_prefix(rest).filter(|_| !currency) {
            currency = true;
            rest = after.trim_start();
        } else {
            break;
        }
    }
    if !currency {
        if let Some(before) = strip_currency_suffix(rest) {
            rest = before.trim_end();
        }
    }
    Ok((negative, rest))
}

/// Takes a trailing ",-" or ".-" (whole euros) off, or a trailing minus right after the
/// digits (a negative amount as accounting exports write it); returns the rest, whether it is
/// whole euros and whether it is negative. Any other trailing minus is misplaced.
fn strip_whole_euro_dash(body: &str) -> Result<(&str, bool, bool), AmountError> {
    let Some(undashed) = body.strip_suffix('-') else {
        return Ok((body, false, false));
    };
    if undashed.ends_with(|c: char| c.is_ascii_digit()) {
        return Ok((undashed, false, true));
    }
    // Some people type two dashes ("12,--"); more than that is not a price-tag habit.
    let undashed = undashed.strip_suffix('-').unwrap_or(undashed);
    match undashed.strip_suffix([',', '.']) {
        Some(number) if number.ends_with(|c: char| c.is_ascii_digit()) => Ok((number, true, false)),
        _ => Err(AmountError::MisplacedMinus),
    }
}

/// Finds the first character that cannot be part of a number, and checks there is a digit.
fn check_characters(body: &str) -> Result<(), AmountError> {
    for c in body.chars() {
        match c {
            '0'..='9' | '.' | ',' | ' ' => {}
            '-' => return Err(AmountError::MisplacedMinus),
            c if c.is_alphabetic() => return Err(AmountError::Letter(c)),
            c => return Err(AmountError::UnexpectedCharacter(c)),
        }
    }
    if body.chars().any(|c| c.is_ascii_digit()) {
        Ok(())
    } else {
        Err(AmountError::NoDigits)
    }
}

/// Whether `digits` can be the first group of a number grouped in thousands: one to three
/// digits, not starting with a zero ("0.123" is not a thousands grouping).
fn is_leading_group(digits: &str) -> bool {
    (1..=3).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()) && !digits.starts_with('0')
}

/// Decides which mark, if any, separates the cents. `None` means the number has no decimals.
/// `mark` decides a single mark: the file's decimal mark separates the cents, and the other one
/// before three digits groups the thousands.
fn decimal_separator(body: &str, mark: DecimalMark) -> Result<Option<char>, AmountError> {
    let dots = body.matches('.').count();
    let commas = body.matches(',').count();
    match (dots, commas) {
        (0, 0) => Ok(None),
        (1.., 1..) => {
            let last_dot = body.rfind('.');
            let last_comma = body.rfind(',');
            let (separator, count) = if last_dot > last_comma {
                ('.', dots)
            } else {
                (',', commas)
            };
            if count > 1 {
                Err(AmountError::TwoDecimalSeparators)
            } else {
                Ok(Some(separator))
            }
        }
        (1, 0) | (0, 1) => {
            let separator = if dots == 1 { '.' } else { ',' };
            let (before, after) = body.split_once(separator).unwrap_or((body, ""));
            let looks_grouped = !body.contains(' ') && after.len() == 3 && is_leading_group(before);
            match mark.separator() {
                Some(decimal) if decimal == separator => return Ok(Some(separator)),
                Some(_) if looks_grouped => return Ok(None),
                _ => {}
            }
            match (looks_grouped, separator) {
                (true, '.') => Ok(None),
                (true, _) => Err(AmountError::AmbiguousComma),
                (false, _) => Ok(Some(separator)),
            }
        }
        _ => Ok(None),
    }
}

/// Checks the thousands grouping of the whole-euro part and returns its digits alone.
/// `grouping` is the mark that groups thousands besides spaces.
fn whole_digits(whole: &str, grouping: Option<char>) -> Result<String, AmountError> {
    let spaced = whole.contains(' ');
    let marked = grouping.is_some_and(|g| whole.contains(g));
    let separator = match (spaced, marked, grouping) {
        (false, false, _) => return Ok(whole.to_owned()),
        (true, true, _) => return Err(AmountError::MisplacedThousands),
        (true, false, _) => ' ',
        (false, true, Some(g)) => g,
        (false, true, None) => return Err(AmountError::MisplacedThousands),
    };
    // Runs of spaces count as one: people line up columns with them.
    let mut groups = whole.split(separator).filter(|g| separator != ' ' || !g.is_empty());
    let first_ok = groups.next().is_some_and(is_leading_group);
    let rest_ok = groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()));
    if first_ok && rest_ok {
        Ok(whole.chars().filter(char::is_ascii_digit).collect())
    } else {
        Err(AmountError::MisplacedThousands)
    }
}

/// Splits a checked number into whole-euro digits and up to two cent digits.
fn split_number(body: &str, whole_euros: bool, mark: DecimalMark) -> Result<(String, String), AmountError> {
    let separator = decimal_separator(body, mark)?;
    let (whole, cents) = match separator {
        Some(s) => body.rsplit_once(s).unwrap_or((body, "")),
        None => (body, ""),
    };
    if separator.is_some() && whole_euros {
        return Err(AmountError::TwoDecimalSeparators);
    }
    if cents.contains(' ') {
        return Err(AmountError::MisplacedSpace);
    }
    if cents.len() > 2 {
        return Err(AmountError::TooManyDecimals(cents.len()));
    }
    let grouping = match (separator, body.contains('.'), body.contains(',')) {
        (Some('.'), _, _) => Some(','),
        (Some(_), _, _) => Some('.'),
        (None, true, _) => Some('.'),
        (None, false, true) => Some(','),
        (None, false, false) => None,
    };
    let whole = whole_digits(whole.trim_end(), grouping)?;
    Ok((whole, cents.to_owned()))
}

/// Builds the amount from checked digits, refusing anything from 10^12 up.
fn build(negative: bool, whole: &str, cents: &str) -> Result<Decimal, AmountError> {
    let whole = whole.trim_start_matches('0');
    if whole.len() > MAX_WHOLE_DIGITS {
        return Err(AmountError::TooLarge);
    }
    let digits = format!("{whole}{cents:0<2}");
    // At most 14 ASCII digits, so this always fits; the error arm only keeps the function total.
    let value: i64 = digits.parse().map_err(|_| AmountError::TooLarge)?;
    let value = if negative { -value } else { value };
    Ok(Decimal::new(value, 2))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::dec;
    use proptest::prelude::*;

    #[test]
    fn formats_money_per_language() {
        let cases = [
            ("1234.56", "€ 1.234,56", "€1,234.56"),
            ("0", "€ 0,00", "€0.00"),
            ("0.5", "€ 0,50", "€0.50"),
            ("12", "€ 12,00", "€12.00"),
            ("-12", "-€ 12,00", "-€12.00"),
            ("999.999", "€ 1.000,00", "€1,000.00"),
            ("1234567.891", "€ 1.234.567,89", "€1,234,567.89"),
            ("100000", "€ 100.000,00", "€100,000.00"),
            // Half away from zero, on both sides of zero; banker's rounding would give 0.12.
            ("0.125", "€ 0,13", "€0.13"),
            ("0.135", "€ 0,14", "€0.14"),
            ("-0.125", "-€ 0,13", "-€0.13"),
            ("2.675", "€ 2,68", "€2.68"),
            // A negative amount that rounds to zero shows no minus.
            ("-0.001", "€ 0,00", "€0.00"),
        ];
        for (amount, nl, en) in cases {
            assert_eq!(format_money(dec(amount), Lang::Nl), nl, "{amount}");
            assert_eq!(format_money(dec(amount), Lang::En), en, "{amount}");
        }
    }

    #[test]
    fn formats_plain_amounts_per_language() {
        let cases = [
            ("1234.56", "1234,56", "1234.56"),
            ("1234567", "1234567,00", "1234567.00"),
            ("-12.5", "-12,50", "-12.50"),
            ("0.005", "0,01", "0.01"),
        ];
        for (amount, nl, en) in cases {
            assert_eq!(format_amount(dec(amount), Lang::Nl), nl, "{amount}");
            assert_eq!(format_amount(dec(amount), Lang::En), en, "{amount}");
        }
    }

    #[test]
    fn formats_the_largest_decimals_without_panicking() {
        for amount in [Decimal::MAX, Decimal::MIN, Decimal::new(1, 28)] {
            for lang in Lang::ALL {
                assert!(!format_money(amount, lang).is_empty());
                assert!(!format_amount(amount, lang).is_empty());
            }
        }
    }

    #[test]
    fn reads_what_users_type() {
        let cases = [
            ("1.234,56", "1234.56"),
            ("1234.56", "1234.56"),
            ("1234,56", "1234.56"),
            ("1,234.56", "1234.56"),
            ("EUR 1 234,56", "1234.56"),
            ("eur 12", "12"),
            ("€ 12,-", "12"),
            ("€ 12,--", "12"),
            ("12.-", "12"),
            ("1.234,-", "1234"),
            ("€12", "12"),
            ("12,5", "12.5"),
            (" 99 ", "99"),
            ("1.234", "1234"),
            ("1.234.567", "1234567"),
            ("1,234,567", "1234567"),
            ("1.234.567,89", "1234567.89"),
            ("1,234,567.89", "1234567.89"),
            ("1\u{a0}234,56", "1234.56"),
            ("€\u{a0}1.234,56", "1234.56"),
            ("1\u{202f}234\u{202f}567", "1234567"),
            ("1  234", "1234"),
            ("12,50 €", "12.5"),
            ("12,50 EUR", "12.5"),
            ("125 euro", "125"),
            ("€ 1.234,56", "1234.56"),
            ("€1,234.56", "1234.56"),
            ("-€ 12,00", "-12"),
            ("-€12.00", "-12"),
            ("€ -12", "-12"),
            ("\u{2212}12,00", "-12"),
            ("-0", "0"),
            ("12,– ", "12"),
            (",50", "0.5"),
            ("12,", "12"),
            ("1234.5", "1234.5"),
            ("007", "7"),
            ("999999999999,99", "999999999999.99"),
            ("\u{200b}12", "12"),
            ("1.234,56-", "-1234.56"),
            ("€ 121,00-", "-121"),
            ("12-", "-12"),
            ("(50,00)", "-50"),
            ("€ (50,00)", "-50"),
            ("(1.234,56) EUR", "-1234.56"),
            ("( 12 )", "-12"),
        ];
        for (input, expected) in cases {
            let got = parse_amount(input);
            assert_eq!(got, Ok(dec(expected)), "{input:?}");
            assert_eq!(got.map(|d| d.scale()), Ok(2), "{input:?} keeps cents");
        }
    }

    #[test]
    fn refuses_with_a_precise_reason() {
        use AmountError::*;
        let cases = [
            ("", Empty),
            ("   ", Empty),
            ("\u{a0}", Empty),
            ("€", NoDigits),
            ("-", NoDigits),
            (",", NoDigits),
            ("1.234,5O", Letter('O')),
            ("12 34 abc", Letter('a')),
            ("EUR 12 EUR", Letter('E')),
            ("$12", UnexpectedCharacter('$')),
            ("12%", UnexpectedCharacter('%')),
            ("12\u{1}", UnexpectedCharacter('\u{1}')),
            ("1.234,56,78", TwoDecimalSeparators),
            ("1,234.56.7", TwoDecimalSeparators),
            ("12,50,-", TwoDecimalSeparators),
            ("1.23.4", MisplacedThousands),
            ("12.34.567", MisplacedThousands),
            ("1,50.25", MisplacedThousands),
            ("0.123.456", MisplacedThousands),
            ("12 34", MisplacedThousands),
            ("1.234.567 890", MisplacedThousands),
            ("12,5 0", MisplacedSpace),
            ("1,234", AmbiguousComma),
            ("12,345", AmbiguousComma),
            ("1,234,-", AmbiguousComma),
            ("1234,567", TooManyDecimals(3)),
            ("12.3456", TooManyDecimals(4)),
            ("0,125", TooManyDecimals(3)),
            ("0.125", TooManyDecimals(3)),
            ("1 234.567", TooManyDecimals(3)),
            ("1000000000000", TooLarge),
            ("1.000.000.000.000,00", TooLarge),
            ("99999999999999999999999999999999999", TooLarge),
            ("--12", MisplacedMinus),
            ("-12-", MisplacedMinus),
            ("12--", MisplacedMinus),
            ("1-2", MisplacedMinus),
            ("- € - 12", MisplacedMinus),
            ("(-50,00)", MisplacedMinus),
            ("-(50,00)", UnexpectedCharacter('(')),
            ("(50,00)-", MisplacedMinus),
            ("(50,00", UnexpectedCharacter('(')),
            ("12 (50)", UnexpectedCharacter('(')),
            ("((50))", UnexpectedCharacter('(')),
            ("()", NoDigits),
        ];
        for (input, expected) in cases {
            assert_eq!(parse_amount(input), Err(expected), "{input:?}");
        }
    }

    /// A file's amounts settle its decimal mark only when they show one mark beyond doubt.
    #[test]
    fn a_files_amounts_show_its_decimal_mark() {
        use DecimalMark::{Comma, Point, Unknown};
        let cases: [(&[&str], DecimalMark); 13] = [
            (&["121.00", "250.50", "303.105", "124.025"], Point),
            (&["121,00", "1.234"], Comma),
            (&["1,234.56"], Point),
            (&["€ 1.234,56"], Comma),
            // A repeated mark groups, so the other one is the decimal mark.
            (&["1.234.567"], Comma),
            (&["1,234,567", "12"], Point),
            (&["-12,5", "€ 1.234,-"], Comma),
            (&["121.00", "121,00"], Unknown),
            // Three digits after a single mark, whole euros and words settle nothing.
            (&["1.234", "1,234", "12", "", "€ 12,-", "ja"], Unknown),
            (&["12.5O", "1,2,3.4,5"], Unknown),
            (&["1,2,3", "1.234", "1.23.4"], Unknown),
            (&["EUR 99.95", "99,95 EUR"], Unknown),
            (&[], Unknown),
        ];
        for (amounts, expected) in cases {
            assert_eq!(DecimalMark::of(amounts.iter().copied()), expected, "{amounts:?}");
        }
    }

    /// With the file's decimal mark known, a single mark is read with it; what amounts with
    /// both marks or a repeated one say for themselves, and reading without a mark, stay.
    #[test]
    fn a_files_decimal_mark_reads_a_single_mark() {
        use AmountError::{AmbiguousComma, TooManyDecimals};
        use DecimalMark::{Comma, Point, Unknown};
        let cases = [
            ("303.105", Point, Err(TooManyDecimals(3))),
            ("124.025", Point, Err(TooManyDecimals(3))),
            ("121.00", Point, Ok("121")),
            ("1,234", Point, Ok("1234")),
            ("€ 12,345", Point, Ok("12345")),
            ("1,234.56", Point, Ok("1234.56")),
            ("1.234.567", Point, Ok("1234567")),
            ("1.234", Comma, Ok("1234")),
            ("1,234", Comma, Err(TooManyDecimals(3))),
            ("0,125", Comma, Err(TooManyDecimals(3))),
            ("121,00-", Comma, Ok("-121")),
            ("303.105", Unknown, Ok("303105")),
            ("1,234", Unknown, Err(AmbiguousComma)),
            ("1.234", Unknown, Ok("1234")),
        ];
        for (input, mark, expected) in cases {
            assert_eq!(
                parse_amount_with(input, mark),
                expected.map(dec),
                "{input:?} in a {mark:?} file"
            );
        }
        assert_eq!(parse_invoice_amount_with("-1,234", Point), Err(AmountError::CreditNote));
        assert_eq!(parse_invoice_amount_with("0.00", Point), Err(AmountError::Zero));
    }

    #[test]
    fn invoice_amounts_must_be_positive() {
        let cases = [
            ("12,50", Ok(dec("12.50"))),
            ("0,01", Ok(dec("0.01"))),
            ("0", Err(AmountError::Zero)),
            ("0,00", Err(AmountError::Zero)),
            ("-0", Err(AmountError::Zero)),
            ("-12", Err(AmountError::Negative)),
            ("-€ 0,01", Err(AmountError::Negative)),
            ("abc", Err(AmountError::Letter('a'))),
        ];
        for (input, expected) in cases {
            assert_eq!(parse_positive_amount(input), expected, "{input:?}");
        }
    }

    #[test]
    fn a_negative_invoice_amount_is_a_credit_note() {
        let cases = [
            ("12,50", Ok(dec("12.50"))),
            ("-121,00", Err(AmountError::CreditNote)),
            ("121,00-", Err(AmountError::CreditNote)),
            ("(50,00)", Err(AmountError::CreditNote)),
            ("€ (50,00)", Err(AmountError::CreditNote)),
            ("0", Err(AmountError::Zero)),
            ("12-5", Err(AmountError::MisplacedMinus)),
        ];
        for (input, expected) in cases {
            assert_eq!(parse_invoice_amount(input), expected, "{input:?}");
        }
        assert!(AmountError::CreditNote.message(Lang::Nl).contains("creditnota"));
        assert!(!AmountError::CreditNote.message(Lang::Nl).contains("minteken weg"));
    }

    #[test]
    fn error_messages_read_well() {
        use AmountError::*;
        let errors = [
            Empty,
            NoDigits,
            Letter('O'),
            UnexpectedCharacter('$'),
            UnexpectedCharacter('\u{a0}'),
            MisplacedMinus,
            TwoDecimalSeparators,
            MisplacedThousands,
            MisplacedSpace,
            AmbiguousComma,
            TooManyDecimals(3),
            TooLarge,
            Negative,
            CreditNote,
            Zero,
        ];
        let text: Vec<String> = errors
            .iter()
            .flat_map(|e| Lang::ALL.map(|lang| format!("{e:?} {}: {}", lang.code(), e.message(lang))))
            .collect();
        insta::assert_snapshot!(text.join("\n"));
    }

    /// Whole cents from just above -10^12 to just below it: every amount a user may type.
    fn cents_in_range() -> impl Strategy<Value = Decimal> {
        (-99_999_999_999_999_i64..=99_999_999_999_999).prop_map(|cents| Decimal::new(cents, 2))
    }

    fn any_lang() -> impl Strategy<Value = Lang> {
        prop_oneof![Just(Lang::Nl), Just(Lang::En)]
    }

    proptest! {
        #[test]
        fn plain_amounts_read_back(amount in cents_in_range(), lang in any_lang()) {
            prop_assert_eq!(parse_amount(&format_amount(amount, lang)), Ok(amount));
        }

        #[test]
        fn grouped_amounts_read_back(amount in cents_in_range(), lang in any_lang()) {
            prop_assert_eq!(parse_amount(&format_amount_grouped(amount, lang)), Ok(amount));
        }

        #[test]
        fn money_reads_back(amount in cents_in_range(), lang in any_lang()) {
            prop_assert_eq!(parse_amount(&format_money(amount, lang)), Ok(amount));
        }

        #[test]
        fn small_amounts_read_back(cents in -1_000_000_i64..1_000_000, lang in any_lang()) {
            let amount = Decimal::new(cents, 2);
            prop_assert_eq!(parse_amount(&format_money(amount, lang)), Ok(amount));
            prop_assert_eq!(parse_amount(&format_amount(amount, lang)), Ok(amount));
        }

        #[test]
        fn plain_amounts_read_back_with_their_files_mark(amount in cents_in_range(), lang in any_lang()) {
            let mark = match lang {
                Lang::Nl => DecimalMark::Comma,
                Lang::En => DecimalMark::Point,
            };
            prop_assert_eq!(parse_amount_with(&format_amount(amount, lang), mark), Ok(amount));
        }

        #[test]
        fn reading_never_panics(input in any::<String>()) {
            let _ = parse_amount(&input);
            let _ = parse_positive_amount(&input);
            let _ = parse_invoice_amount(&input);
            let _ = DecimalMark::of([input.as_str()]);
            for mark in [DecimalMark::Point, DecimalMark::Comma] {
                let _ = parse_amount_with(&input, mark);
            }
        }

        #[test]
        fn reading_amount_like_text_never_panics(input in "[-€EURO0-9.,  \u{a0}]{0,20}") {
            if let Ok(amount) = parse_amount(&input) {
                prop_assert!(amount.abs() < Decimal::new(1_000_000_000_000, 0));
                prop_assert_eq!(amount.scale(), 2);
                prop_assert!(within_limits(amount));
            }
        }
    }
}
