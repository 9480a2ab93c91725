//! The vocabulary of the domain: levels, channels, dates, procedure codes.

mod channel;
pub(crate) mod code;
mod date;
mod level;
pub mod vocab;

pub use channel::Channel;
pub use code::ProcedureCode;
pub use date::Date;
pub use level::{Level, LevelSet};
pub use vocab::{OutputFormat, Vocabulary};

use crate::error::Code;
use vocab::vocabulary;

/// Language of text meant for people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// Vietnamese (the default): `93,5%`.
    #[default]
    Vi,
    /// English: `93.5%`.
    En,
}

impl Vocabulary for Lang {
    const ALL: &'static [Self] = &[Lang::Vi, Lang::En];
    const NOUN: &'static str = "language";
    const ARG: &'static str = "lang";
    const CODE: Code = Code::BadValue;
    fn word(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }
}
vocabulary!(Lang);

/// How far a procedure can be done online (Decree 42/2022).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Online {
    /// Toàn trình: fully online.
    Full,
    /// Một phần: partly online.
    Partial,
    /// Not online.
    None,
}

impl Online {
    /// The format's name: `full`, `partial`, `none`.
    pub fn as_str(self) -> &'static str {
        match self {
            Online::Full => "full",
            Online::Partial => "partial",
            Online::None => "none",
        }
    }
}

impl Vocabulary for Online {
    const ALL: &'static [Self] = &[Online::Full, Online::Partial, Online::None];
    const NOUN: &'static str = "online";
    const CODE: Code = Code::BadValue;
    fn word(self) -> &'static str {
        self.as_str()
    }
}
vocabulary!(Online);
