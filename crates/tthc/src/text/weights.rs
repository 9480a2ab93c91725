//! Collation weight types: the weights of one character without accents, shared by the
//! collation and the generated tables (`tables.rs`), which both depend on this module only.

/// Secondary weight of the base letters, digits and symbols ("no accent").
pub(super) const COMMON: u8 = 2;

/// Tertiary weight of lower-case and uncased elements, and of accents.
pub(super) const LOWER: u8 = 0x02;

/// Tertiary weight of upper-case letters: the DUCET's (UTS #10, "Tertiary Weight Table"), above
/// the weights of the lower-case compatibility variants (`ａ` < `𝐚` < `ⓐ` < `A`).
pub(super) const UPPER: u8 = 0x08;

/// A primary weight.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Primary {
    /// No weight at all (control characters, soft hyphen, zero-width characters).
    Ignorable,
    /// A space, punctuation or symbol: its rank among them (1-based, at most 0x9E).
    Symbol(u8),
    /// An ASCII digit.
    Digit(u8),
    /// A letter of the Vietnamese alphabet (index in `LETTERS`).
    Letter(u8),
}

/// A collation element: the weights of one character without accents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Ce {
    pub(super) primary: Primary,
    pub(super) secondary: u8,
    pub(super) tertiary: u8,
}

/// A completely ignorable character.
pub(super) const IGNORABLE: Ce = Ce {
    primary: Primary::Ignorable,
    secondary: 0,
    tertiary: 0,
};

/// A symbol of the given rank (used by the generated tables).
pub(super) const fn sym(rank: u8, secondary: u8, tertiary: u8) -> Ce {
    Ce {
        primary: Primary::Symbol(rank),
        secondary,
        tertiary,
    }
}

/// An ASCII digit (used by the generated tables).
pub(super) const fn dig(d: u8) -> Ce {
    Ce {
        primary: Primary::Digit(d),
        secondary: COMMON,
        tertiary: LOWER,
    }
}

/// A letter of the alphabet (used by the generated tables).
pub(super) const fn letter(index: u8, tertiary: u8) -> Ce {
    Ce {
        primary: Primary::Letter(index),
        secondary: COMMON,
        tertiary,
    }
}
