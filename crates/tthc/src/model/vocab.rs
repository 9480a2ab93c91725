//! One vocabulary for every option: each enum a user names in the CLI, Python or JavaScript
//! (channel, level, status, language, online, basis, scope, family, import and output format)
//! parses with [`std::str::FromStr`] and fails with the one argument error, written here once.
//!
//! ```
//! use tthc::Channel;
//! assert_eq!("portal".parse::<Channel>()?, Channel::Portal);
//! let err = "website".parse::<Channel>().unwrap_err();
//! assert_eq!((err.code(), err.path()), ("unknown_channel", "channel"));
//! assert_eq!(err.problems()[0].message, "`website` is not a channel (one_stop_shop, portal, national)");
//! # Ok::<(), tthc::Error>(())
//! ```

use crate::error::{Code, Error, Family, Problem};

/// A closed set of words: the values of one option.
pub trait Vocabulary: Copy + Sized + 'static {
    /// Every value, in the order the docs and `--help` list them.
    const ALL: &'static [Self];
    /// What a value is called in messages (`channel`, `language`).
    const NOUN: &'static str;
    /// The option's name: the path of its argument error (`channel`, `lang`).
    const ARG: &'static str = Self::NOUN;
    /// The error code of a word outside the set.
    const CODE: Code;
    /// The word of a value.
    fn word(self) -> &'static str;

    /// The value of a word, if it is one.
    fn from_word(s: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.word() == s)
    }

    /// Every word, comma-separated, as in messages (`one_stop_shop, portal, national`).
    fn words() -> String {
        let mut out = String::new();
        for v in Self::ALL {
            if !out.is_empty() {
                out.push_str(", ");
            }
            out.push_str(v.word());
        }
        out
    }

    /// The value of a word, or the argument error at the path `Self::ARG`.
    fn parse_arg(s: &str) -> Result<Self, Error> {
        Self::parse_at(s, Self::ARG)
    }

    /// The value of a word, or the argument error at `path` (an option's name in a binding).
    fn parse_at(s: &str, path: &str) -> Result<Self, Error> {
        Self::from_word(s)
            .ok_or_else(|| not_a_word(s, path, Self::NOUN, Self::CODE, &Self::words()))
    }
}

/// The argument error of a word outside a vocabulary, written once for every type.
#[inline(never)]
fn not_a_word(s: &str, path: &str, noun: &str, code: Code, words: &str) -> Error {
    let article = if matches!(
        noun.as_bytes().first(),
        Some(b'a' | b'e' | b'i' | b'o' | b'u')
    ) {
        "an"
    } else {
        "a"
    };
    Error::Argument(Problem::new(
        code,
        path,
        format!("`{s}` is not {article} {noun} ({words})"),
    ))
}

/// `FromStr` (the argument error), `Display` (the word) and `Serialize` (the word) for a
/// [`Vocabulary`] type.
macro_rules! vocabulary {
    ($ty:ty) => {
        impl ::std::str::FromStr for $ty {
            type Err = $crate::error::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                <$ty as $crate::model::vocab::Vocabulary>::parse_arg(s)
            }
        }
        impl ::std::fmt::Display for $ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str($crate::model::vocab::Vocabulary::word(*self))
            }
        }
        impl ::serde::Serialize for $ty {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str($crate::model::vocab::Vocabulary::word(*self))
            }
        }
    };
}
pub(crate) use vocabulary;

/// How a command prints its result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum OutputFormat {
    /// An aligned table for people (the default).
    #[default]
    Table,
    /// JSON (the report of format.md §3, the validate output…).
    Json,
    /// CSV, one row per unit (the columns of [`crate::compliance::columns`]).
    Csv,
    /// An Excel workbook (`tthc::io::xlsx`, feature `xlsx`): a sheet per level, groups,
    /// missing and outdated procedures, a chart of the rates.
    Xlsx,
}

impl Vocabulary for OutputFormat {
    const ALL: &'static [Self] = &[
        OutputFormat::Table,
        OutputFormat::Json,
        OutputFormat::Csv,
        OutputFormat::Xlsx,
    ];
    const NOUN: &'static str = "format";
    const CODE: Code = Code::BadValue;
    fn word(self) -> &'static str {
        match self {
            OutputFormat::Table => "table",
            OutputFormat::Json => "json",
            OutputFormat::Csv => "csv",
            OutputFormat::Xlsx => "xlsx",
        }
    }
}
vocabulary!(OutputFormat);

impl Vocabulary for Family {
    const ALL: &'static [Self] = &[
        Family::Format,
        Family::Validation,
        Family::Import,
        Family::Argument,
        Family::Io,
    ];
    const NOUN: &'static str = "family";
    const CODE: Code = Code::BadValue;
    fn word(self) -> &'static str {
        self.as_str()
    }
}
vocabulary!(Family);
