//! The vocabulary of the domain: levels, channels, dates, procedure codes.

mod channel;
pub(crate) mod code;
mod date;
mod level;

pub use channel::Channel;
pub use code::ProcedureCode;
pub use date::Date;
pub use level::{Level, LevelSet};

/// Language of text meant for people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// Vietnamese (the default): `93,5%`.
    #[default]
    Vi,
    /// English: `93.5%`.
    En,
}

impl Lang {
    /// Parse `vi` or `en`.
    pub fn parse(s: &str) -> Option<Lang> {
        match s {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

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

    /// Parse the format's name.
    pub fn parse(s: &str) -> Option<Online> {
        match s {
            "full" => Some(Online::Full),
            "partial" => Some(Online::Partial),
            "none" => Some(Online::None),
            _ => None,
        }
    }
}
