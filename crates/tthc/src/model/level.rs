//! Levels of government (cấp thực hiện) and sets of them.

use super::vocab::{vocabulary, Vocabulary};
use crate::error::Code;

/// The tier of government that carries a procedure out, or the level of a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    /// Cấp bộ / trung ương: ministries and central agencies.
    Central,
    /// Cấp tỉnh: provinces and centrally-run cities.
    Province,
    /// Cấp huyện: districts (abolished on 2025-07-01).
    District,
    /// Cấp xã: communes, wards, townships, special zones.
    Commune,
    /// Cơ quan khác: other agencies.
    Other,
}

impl Level {
    /// All levels in the format's order.
    pub const ALL: [Level; 5] = [
        Level::Central,
        Level::Province,
        Level::District,
        Level::Commune,
        Level::Other,
    ];

    /// The format's name: `central`, `province`, `district`, `commune`, `other`.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Central => "central",
            Level::Province => "province",
            Level::District => "district",
            Level::Commune => "commune",
            Level::Other => "other",
        }
    }

    /// The Vietnamese label, as the portal writes it ("Cấp tỉnh").
    pub fn label_vi(self) -> &'static str {
        match self {
            Level::Central => "Cấp bộ",
            Level::Province => "Cấp tỉnh",
            Level::District => "Cấp huyện",
            Level::Commune => "Cấp xã",
            Level::Other => "Cơ quan khác",
        }
    }

    /// The English label.
    pub fn label_en(self) -> &'static str {
        match self {
            Level::Central => "Central",
            Level::Province => "Province",
            Level::District => "District",
            Level::Commune => "Commune",
            Level::Other => "Other agency",
        }
    }

    /// The label in a language.
    pub fn label(self, lang: super::Lang) -> &'static str {
        match lang {
            super::Lang::Vi => self.label_vi(),
            super::Lang::En => self.label_en(),
        }
    }

    /// True for the levels an administrative unit can have (province, district, commune).
    pub fn is_unit_level(self) -> bool {
        matches!(self, Level::Province | Level::District | Level::Commune)
    }

    /// Height in the unit hierarchy: province 3, district 2, commune 1 (others 0).
    pub fn rank(self) -> u8 {
        match self {
            Level::Province => 3,
            Level::District => 2,
            Level::Commune => 1,
            Level::Central => 4,
            Level::Other => 0,
        }
    }

    /// Bit of this level in a [`LevelSet`].
    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

impl Vocabulary for Level {
    const ALL: &'static [Self] = &Level::ALL;
    const NOUN: &'static str = "level";
    const CODE: Code = Code::UnknownLevel;
    fn word(self) -> &'static str {
        self.as_str()
    }
}
vocabulary!(Level);

/// A set of levels in one byte ("Cấp bộ, Cấp tỉnh, Cấp xã").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct LevelSet(u8);

impl LevelSet {
    /// The empty set.
    pub const EMPTY: LevelSet = LevelSet(0);

    /// Add a level.
    pub fn insert(&mut self, level: Level) {
        self.0 |= level.bit();
    }

    /// Whether the set holds the level.
    pub fn contains(self, level: Level) -> bool {
        self.0 & level.bit() != 0
    }

    /// Whether the set is empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The levels in the format's order.
    pub fn iter(self) -> impl Iterator<Item = Level> {
        Level::ALL.into_iter().filter(move |l| self.contains(*l))
    }
}

impl FromIterator<Level> for LevelSet {
    fn from_iter<I: IntoIterator<Item = Level>>(iter: I) -> Self {
        let mut set = LevelSet::EMPTY;
        for l in iter {
            set.insert(l);
        }
        set
    }
}
