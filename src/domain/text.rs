//! Text in both languages, written side by side.
//!
//! Every sentence the app shows exists in Dutch and in English. When the two halves of one
//! sentence sit next to each other in one expression, a missing or moved translation is
//! visible in review: the Dutch text is never without its English partner a screen further
//! down, and the two cannot drift apart unnoticed.

/// `format!` with the Dutch or the English text, whichever `lang` asks for. Both texts capture
/// the same local variables, which keeps the two languages in step.
macro_rules! t {
    ($lang:expr, $nl:literal, $en:literal $(,)?) => {
        match $lang {
            $crate::domain::model::Lang::Nl => format!($nl),
            $crate::domain::model::Lang::En => format!($en),
        }
    };
}

pub(crate) use t;
