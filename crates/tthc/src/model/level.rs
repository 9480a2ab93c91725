//! Levels of government (cấp thực hiện) and sets of them.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::vocab::{vocabulary, Vocabulary};
use crate::error::Code;
use crate::text::{fold, nfc};

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

    /// The number of digits of a GSO code of a unit of this level: 2 for a province, 3 for a
    /// district, 5 for a commune; `None` for levels that have no units.
    pub fn gso_digits(self) -> Option<usize> {
        match self {
            Level::Province => Some(2),
            Level::District => Some(3),
            Level::Commune => Some(5),
            Level::Central | Level::Other => None,
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

/// Labels of levels, as written in portal exports, office tables and this library.
const LEVEL_LABELS: &[(&str, Level)] = &[
    ("central", Level::Central),
    ("cấp bộ", Level::Central),
    ("cap bo", Level::Central),
    ("bộ", Level::Central),
    ("cấp trung ương", Level::Central),
    ("cap trung uong", Level::Central),
    ("trung ương", Level::Central),
    ("trung uong", Level::Central),
    ("province", Level::Province),
    ("cấp tỉnh", Level::Province),
    ("cap tinh", Level::Province),
    ("tỉnh", Level::Province),
    ("tinh", Level::Province),
    ("district", Level::District),
    ("cấp huyện", Level::District),
    ("cap huyen", Level::District),
    ("huyện", Level::District),
    ("huyen", Level::District),
    ("commune", Level::Commune),
    ("cấp xã", Level::Commune),
    ("cap xa", Level::Commune),
    ("xã", Level::Commune),
    ("xa", Level::Commune),
    ("phường", Level::Commune),
    ("phuong", Level::Commune),
    ("thị trấn", Level::Commune),
    ("thi tran", Level::Commune),
    ("đặc khu", Level::Commune),
    ("dac khu", Level::Commune),
    ("other", Level::Other),
    ("cơ quan khác", Level::Other),
    ("co quan khac", Level::Other),
    ("khác", Level::Other),
    ("khac", Level::Other),
];

fn level_labels() -> &'static FxHashMap<String, Level> {
    static LABELS: OnceLock<FxHashMap<String, Level>> = OnceLock::new();
    LABELS.get_or_init(|| {
        LEVEL_LABELS
            .iter()
            .map(|&(label, level)| (fold(label), level))
            .collect()
    })
}

impl Level {
    /// Parse a level label as people write it: the format's names (`commune`), the portal's
    /// ("Cấp xã", "Cấp bộ", "Cơ quan khác", "Cấp huyện" in older files), short forms ("xã",
    /// "tỉnh", "phường") and the same without diacritics ("cap xa"); case, spacing and tone
    /// placement do not matter (matching goes through [`crate::text::fold`]).
    ///
    /// ```
    /// use tthc::Level;
    /// assert_eq!(Level::parse_label("Cấp xã"), Some(Level::Commune));
    /// assert_eq!(Level::parse_label("  CẤP TỈNH "), Some(Level::Province));
    /// assert_eq!(Level::parse_label("Cơ quan khác"), Some(Level::Other));
    /// assert_eq!(Level::parse_label("commune"), Some(Level::Commune));
    /// assert_eq!(Level::parse_label("Cấp thôn"), None);
    /// ```
    pub fn parse_label(text: &str) -> Option<Level> {
        if let Some(l) = Level::from_word(text) {
            return Some(l);
        }
        let trimmed = text.trim().trim_end_matches('.');
        if let Some(l) = Level::from_word(trimmed) {
            return Some(l);
        }
        let text = nfc(trimmed);
        level_labels().get(&fold(&text)).copied()
    }
}
