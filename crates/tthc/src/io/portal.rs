//! The National Public Service Portal's procedure lists: the metadata crawl as CSV
//! (`ma_thu_tuc, ten_thu_tuc, so_quyet_dinh, cap_thuc_hien, loai_thu_tuc, linh_vuc, …`) and the
//! Excel export (`Mã số | Tên | Cơ quan ban hành | Cơ quan thực hiện | Lĩnh vực` below a title).
//!
//! Also the vocabulary both importers share: level labels as the portal writes them
//! ([`Level::parse_label`], [`parse_levels`]), levels from agency wording ([`agency_levels`])
//! and field codes derived from field names ([`field_code`]). The rules are in `docs/import.md`.

use std::borrow::Cow;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use crate::model::{Level, LevelSet, Vocabulary};
use crate::text::fold;

/// `s` in NFC (borrowed when it already is).
pub(crate) fn nfc(s: &str) -> Cow<'_, str> {
    if s.is_ascii() || is_nfc_quick(s.chars()) == IsNormalized::Yes {
        return Cow::Borrowed(s);
    }
    let n: String = s.nfc().collect();
    if n == s {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(n)
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

/// Parse a list of levels such as "Cấp bộ, Cấp tỉnh, Cấp xã" (separated by `,`, `;` or line
/// breaks). An unknown label is returned as the error; an empty list is an error too (`""`).
///
/// ```
/// use tthc::{io::portal::parse_levels, Level};
/// let set = parse_levels("Cấp bộ, Cấp tỉnh, Cấp xã").unwrap();
/// assert!(set.contains(Level::Central) && set.contains(Level::Commune));
/// assert_eq!(parse_levels("Cấp tỉnh, Cấp thôn"), Err("Cấp thôn".to_owned()));
/// ```
pub fn parse_levels(text: &str) -> Result<LevelSet, String> {
    let mut set = LevelSet::EMPTY;
    for piece in text.split([',', ';', '\n']) {
        let piece = piece.trim();
        if piece.is_empty() {
            continue;
        }
        match Level::parse_label(piece) {
            Some(l) => set.insert(l),
            None => return Err(piece.to_owned()),
        }
    }
    if set.is_empty() {
        Err(String::new())
    } else {
        Ok(set)
    }
}

/// Phrases that name a level explicitly wherever they stand in an agency's name.
const AGENCY_PHRASES: &[(&str, Level)] = &[
    ("cấp xã", Level::Commune),
    ("cấp phường", Level::Commune),
    ("nhân dân xã", Level::Commune),
    ("ubnd xã", Level::Commune),
    ("cấp huyện", Level::District),
    ("nhân dân huyện", Level::District),
    ("ubnd huyện", Level::District),
    ("cấp tỉnh", Level::Province),
    ("nhân dân tỉnh", Level::Province),
    ("ubnd tỉnh", Level::Province),
    ("cấp trung ương", Level::Central),
    ("cấp bộ", Level::Central),
];

/// Leading words that make an agency central or provincial when no phrase names a level.
const AGENCY_PREFIXES: &[(&str, Level)] = &[
    ("bộ", Level::Central),
    ("bộ trưởng", Level::Central),
    ("cục", Level::Central),
    ("tổng cục", Level::Central),
    ("thủ tướng", Level::Central),
    ("chính phủ", Level::Central),
    ("sở", Level::Province),
    ("giám đốc sở", Level::Province),
];

/// Words that make a leading-word rule unsafe ("Cục Thuế tỉnh", "Sở ... thành phố").
const AGENCY_LOCAL_WORDS: &[&str] = &["tỉnh", "thành phố", "huyện"];

struct AgencyRules {
    phrases: Vec<(String, Level)>,
    prefixes: Vec<(Vec<String>, Level)>,
    local: Vec<Vec<String>>,
    bo_phan: Vec<String>,
}

fn agency_rules() -> &'static AgencyRules {
    static RULES: OnceLock<AgencyRules> = OnceLock::new();
    RULES.get_or_init(|| {
        let words = |s: &str| -> Vec<String> { fold(s).split(' ').map(str::to_owned).collect() };
        AgencyRules {
            phrases: AGENCY_PHRASES.iter().map(|&(p, l)| (fold(p), l)).collect(),
            prefixes: AGENCY_PREFIXES
                .iter()
                .map(|&(p, l)| (words(p), l))
                .collect(),
            local: AGENCY_LOCAL_WORDS.iter().map(|w| words(w)).collect(),
            bo_phan: words("bộ phận"),
        }
    })
}

/// The levels of the agencies that carry a procedure out, from their wording, when every
/// agency's level is clear; `None` when one of them is not (the caller lists the procedure
/// instead of guessing). Agencies are separated by line breaks or `;`.
///
/// One agency's level, in this order:
/// 1. a phrase that names it: "cấp xã", "cấp phường", "Ủy ban nhân dân xã", "UBND xã" → commune;
///    "cấp huyện", "nhân dân huyện", "UBND huyện" → district; "cấp tỉnh", "nhân dân tỉnh",
///    "UBND tỉnh" → province; "cấp trung ương", "cấp bộ" → central (several phrases give
///    several levels);
/// 2. otherwise, when the name does not mention "tỉnh", "thành phố" or "huyện", its
///    leading words: "Bộ …" (not "Bộ phận …"), "Bộ trưởng", "Cục …", "Tổng cục …",
///    "Thủ tướng", "Chính phủ" → central; "Sở …", "Giám đốc Sở …" → province;
/// 3. otherwise unknown ("Văn phòng Đăng ký đất đai", "Phòng Tư pháp", "Trung tâm …").
///
/// ```
/// use tthc::{io::portal::agency_levels, Level};
/// let l = agency_levels("Ủy ban nhân dân cấp xã").unwrap();
/// assert_eq!(l.iter().collect::<Vec<_>>(), [Level::Commune]);
/// let l = agency_levels("Chủ tịch ủy ban nhân dân cấp tỉnh\nSở Tư Pháp").unwrap();
/// assert_eq!(l.iter().collect::<Vec<_>>(), [Level::Province]);
/// assert!(agency_levels("Cục Bổ trợ tư pháp").unwrap().contains(Level::Central));
/// assert_eq!(agency_levels("Văn phòng Đăng ký đất đai"), None);
/// assert_eq!(agency_levels(""), None);
/// ```
pub fn agency_levels(text: &str) -> Option<LevelSet> {
    let rules = agency_rules();
    let mut set = LevelSet::EMPTY;
    for piece in text.split(['\n', ';']) {
        let piece = nfc(piece.trim());
        if piece.is_empty() {
            continue;
        }
        let folded = fold(&piece);
        let mut found = LevelSet::EMPTY;
        for (phrase, level) in &rules.phrases {
            if contains_words(&folded, phrase) {
                found.insert(*level);
            }
        }
        if found.is_empty() {
            let words: Vec<&str> = folded
                .split(|c: char| c.is_whitespace() || c == ',')
                .filter(|w| !w.is_empty())
                .collect();
            let local = rules.local.iter().any(|w| contains_seq(&words, w));
            let bo_phan =
                words.starts_with(&rules.bo_phan.iter().map(String::as_str).collect::<Vec<_>>());
            if !local && !bo_phan {
                // The longest matching prefix decides ("giám đốc sở" before nothing).
                let best = rules
                    .prefixes
                    .iter()
                    .filter(|(p, _)| {
                        words.len() >= p.len() && words.iter().zip(p).all(|(a, b)| a == b)
                    })
                    .max_by_key(|(p, _)| p.len());
                if let Some((_, level)) = best {
                    found.insert(*level);
                }
            }
        }
        if found.is_empty() {
            return None;
        }
        for l in found.iter() {
            set.insert(l);
        }
    }
    (!set.is_empty()).then_some(set)
}

/// Whether `hay` contains `needle` starting and ending at word boundaries.
pub(crate) fn has_words(hay: &str, needle: &str) -> bool {
    contains_words(hay, needle)
}

fn contains_words(hay: &str, needle: &str) -> bool {
    let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
    let mut from = 0;
    while let Some(at) = hay[from..].find(needle) {
        let start = from + at;
        let end = start + needle.len();
        if boundary(hay[..start].chars().next_back()) && boundary(hay[end..].chars().next()) {
            return true;
        }
        from = start + needle.chars().next().map_or(1, char::len_utf8);
    }
    false
}

fn contains_seq(words: &[&str], seq: &[String]) -> bool {
    !seq.is_empty()
        && words
            .windows(seq.len())
            .any(|w| w.iter().zip(seq).all(|(a, b)| a == b))
}

/// The field code derived from a field name: folded ([`crate::text::fold`]: lower case, no
/// diacritics, đ → d), every run of characters other than letters and digits turned into one
/// `-`, no `-` at either end. "Hộ tịch" → `ho-tich`; "Thi đua – Khen thưởng" →
/// `thi-dua-khen-thuong`. A name without letters or digits gives `field`.
pub fn field_code(name: &str) -> String {
    let folded = fold(&nfc(name));
    let mut out = String::with_capacity(folded.len());
    let mut dash = false;
    for c in folded.chars() {
        if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c);
        } else {
            dash = true;
        }
    }
    if out.is_empty() {
        out.push_str("field");
    }
    out
}

/// The fields met while importing, keyed by code or by folded name; codes are given at the
/// end so that collisions of derived codes are settled the same way whatever the row order.
#[cfg(feature = "import")]
#[derive(Debug, Default)]
pub(crate) struct FieldTable {
    entries: Vec<FieldEntry>,
    by_exact: FxHashMap<String, u32>,
    by_fold: FxHashMap<String, u32>,
    by_code: FxHashMap<String, u32>,
}

#[cfg(feature = "import")]
#[derive(Debug)]
struct FieldEntry {
    code: Option<String>,
    name: Option<String>,
    folded: Option<String>,
    /// The first row that named the field (for messages).
    row: u64,
}

#[cfg(feature = "import")]
impl FieldTable {
    /// The field with this (normalised, non-empty) name; `variant` is set when the name
    /// equals an earlier one only once folded.
    pub(crate) fn by_name(&mut self, name: &str, row: u64, variant: &mut bool) -> u32 {
        if let Some(&i) = self.by_exact.get(name) {
            return i;
        }
        let folded = fold(name);
        let i = if let Some(&i) = self.by_fold.get(&folded) {
            *variant = true;
            i
        } else {
            let i = self.entries.len() as u32;
            self.entries.push(FieldEntry {
                code: None,
                name: Some(name.to_owned()),
                folded: Some(folded.clone()),
                row,
            });
            self.by_fold.insert(folded, i);
            i
        };
        self.by_exact.insert(name.to_owned(), i);
        i
    }

    /// The field with this code, named `name` when given; `None` when the code already has a
    /// name that differs from `name` once folded.
    pub(crate) fn by_code(
        &mut self,
        code: &str,
        name: Option<&str>,
        row: u64,
        variant: &mut bool,
    ) -> Option<u32> {
        let i = if let Some(&i) = self.by_code.get(code) {
            i
        } else {
            // A field met by name alone earlier takes this code.
            let by_name = name.and_then(|n| {
                let f = fold(n);
                self.by_fold
                    .get(&f)
                    .copied()
                    .filter(|&i| self.entries[i as usize].code.is_none())
            });
            let i = by_name.unwrap_or_else(|| {
                self.entries.push(FieldEntry {
                    code: None,
                    name: None,
                    folded: None,
                    row,
                });
                (self.entries.len() - 1) as u32
            });
            self.entries[i as usize].code = Some(code.to_owned());
            self.by_code.insert(code.to_owned(), i);
            i
        };
        if let Some(name) = name {
            let entry = &mut self.entries[i as usize];
            match &entry.name {
                Some(n) if n == name => {}
                Some(_) => {
                    let folded = fold(name);
                    if entry.folded.as_deref() == Some(folded.as_str()) {
                        *variant = true;
                    } else {
                        return None;
                    }
                }
                None => {
                    let folded = fold(name);
                    entry.name = Some(name.to_owned());
                    self.by_fold.entry(folded.clone()).or_insert(i);
                    entry.folded = Some(folded);
                    entry.row = row;
                }
            }
        }
        Some(i)
    }

    /// The name of the field with this code, if it has one.
    pub(crate) fn name_of_code(&self, code: &str) -> Option<&str> {
        self.by_code
            .get(code)
            .and_then(|&i| self.entries[i as usize].name.as_deref())
    }

    /// The field a row would name, without adding it: what [`FieldTable::by_code`] or
    /// [`FieldTable::by_name`] would return for an existing field.
    pub(crate) fn peek(&self, code: Option<&str>, name: &str) -> Option<u32> {
        match code {
            Some(c) => self.by_code.get(c).copied().or_else(|| {
                self.by_fold
                    .get(&fold(name))
                    .copied()
                    .filter(|&i| self.entries[i as usize].code.is_none())
            }),
            None => self
                .by_exact
                .get(name)
                .or_else(|| self.by_fold.get(&fold(name)))
                .copied(),
        }
    }

    /// The name of a field (empty when it has none).
    pub(crate) fn name(&self, i: u32) -> &str {
        self.entries
            .get(i as usize)
            .and_then(|e| e.name.as_deref())
            .unwrap_or_default()
    }

    /// Give every field its code: its own, or the code derived from its name
    /// ([`field_code`]). Names whose derived codes collide (different once folded, equal once
    /// punctuation is dropped: "Thi đua – Khen thưởng" and "Thi đua khen thưởng") are ordered
    /// by folded name, then name; the first keeps the code, the next get `-2`, `-3`, …; a code
    /// already given explicitly is never reused. Returns the fields by entry index.
    pub(crate) fn finish(self) -> Vec<crate::document::DocField<'static>> {
        let FieldTable {
            entries, by_code, ..
        } = self;
        let mut codes: Vec<Option<String>> = entries.iter().map(|e| e.code.clone()).collect();
        let mut taken: rustc_hash::FxHashSet<String> = by_code.into_keys().collect();
        let mut groups: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        let mut order = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            if e.code.is_none() {
                let slug = field_code(e.name.as_deref().unwrap_or_default());
                let g = groups.entry(slug.clone()).or_insert_with(|| {
                    order.push(slug);
                    Vec::new()
                });
                g.push(i);
            }
        }
        for slug in order {
            let mut members = groups.remove(&slug).unwrap_or_default();
            members.sort_by(|&a, &b| {
                (&entries[a].folded, &entries[a].name).cmp(&(&entries[b].folded, &entries[b].name))
            });
            let mut n = 1;
            for i in members {
                let code = loop {
                    let candidate = if n == 1 {
                        slug.clone()
                    } else {
                        format!("{slug}-{n}")
                    };
                    n += 1;
                    if !taken.contains(&candidate) {
                        break candidate;
                    }
                };
                taken.insert(code.clone());
                codes[i] = Some(code);
            }
        }
        entries
            .into_iter()
            .zip(codes)
            .map(|(e, code)| crate::document::DocField {
                code: code.unwrap_or_default().into(),
                name: e.name.unwrap_or_default().into(),
                name_en: None,
            })
            .collect()
    }
}

#[cfg(feature = "import")]
pub(crate) use reader::{read, read_levels, CODE};

#[cfg(feature = "import")]
mod reader {
    use std::borrow::Cow;

    use rustc_hash::FxHashMap;

    use super::{agency_levels, parse_levels, FieldTable};
    use crate::document::{DocProcedure, Document};
    use crate::error::{Code, Error, Problem};
    use crate::io::import::{
        cell_path, missing, normalise, repair_numeric_procedure_code, resolve_columns, Container,
        Cx, Header, LevelsByCode, RowBuf, Sheet,
    };
    use crate::io::table::Col;
    use crate::model::{LevelSet, ProcedureCode};

    /// The procedure code: `ma_thu_tuc` in the crawl, `Mã số` in the Excel export.
    pub(crate) const CODE: Col = Col {
        key: "code",
        aliases: &[
            "Mã số",
            "ma_thu_tuc",
            "ma_so",
            "Mã thủ tục",
            "Mã TTHC",
            "procedure_code",
        ],
    };
    const NAME: Col = Col {
        key: "name",
        aliases: &[
            "Tên",
            "ten_thu_tuc",
            "ten",
            "Tên thủ tục",
            "Tên TTHC",
            "procedure_name",
        ],
    };
    const FIELD: Col = Col {
        key: "field",
        aliases: &["Lĩnh vực", "linh_vuc"],
    };
    const LEVELS: Col = Col {
        key: "levels",
        aliases: &["Cấp thực hiện", "cap_thuc_hien"],
    };
    const AGENCIES: Col = Col {
        key: "agencies",
        aliases: &["Cơ quan thực hiện", "co_quan_thuc_hien"],
    };
    const DECISION: Col = Col {
        key: "decision",
        aliases: &["Số quyết định", "so_quyet_dinh", "Quyết định công bố"],
    };
    const COLUMNS: [Col; 6] = [CODE, NAME, FIELD, LEVELS, AGENCIES, DECISION];

    /// One procedure read from a row.
    struct Proc {
        code: String,
        name: String,
        field: u32,
        levels: LevelSet,
        decision: Option<String>,
    }

    /// Read a portal list into a document.
    pub(crate) fn read(
        sheet: &mut Sheet<'_>,
        header: &Header,
        second: Option<&LevelsByCode>,
        cx: &mut Cx,
    ) -> Result<Document<'static>, Error> {
        let (cols, mut problems) = resolve_columns(header, &COLUMNS);
        let [code_c, name_c, field_c, levels_c, agencies_c, decision_c] =
            [cols[0], cols[1], cols[2], cols[3], cols[4], cols[5]];
        for (c, col) in [(code_c, &CODE), (name_c, &NAME), (field_c, &FIELD)] {
            if c.is_none() {
                problems.push(missing(header, col));
            }
        }
        if levels_c.is_none() && second.is_none() && agencies_c.is_none() {
            problems.push(missing(header, &LEVELS));
        }
        let (Some(code_c), Some(name_c), Some(field_c)) = (code_c, name_c, field_c) else {
            return Err(Error::Import(problems));
        };
        if !problems.is_empty() {
            return Err(Error::Import(problems));
        }
        cx.use_columns(cols.iter().copied());
        let mut fields = FieldTable::default();
        let mut procs: Vec<Proc> = Vec::new();
        let mut seen: FxHashMap<String, u64> = FxHashMap::default();
        let mut row = RowBuf::default();
        while sheet
            .next_row(&mut row)
            .map_err(|p| Error::Import(vec![p]))?
        {
            cx.rows += 1;
            if row.is_blank() {
                cx.blank_rows += 1;
                continue;
            }
            let n = row.number;
            let path = |c: usize| cell_path(n, header, c);
            let mut bad = Vec::new();
            let mut code = normalise(row.get(code_c), &mut cx.normalised).into_owned();
            if row.is_numeric(code_c) {
                if let Some(fixed) = repair_numeric_procedure_code(&code, &mut cx.normalised) {
                    code = fixed;
                }
            }
            if code.is_empty() {
                bad.push(Problem::new(
                    Code::BadCode,
                    path(code_c),
                    "no procedure code",
                ));
            } else if ProcedureCode::parse(&code).is_none() {
                bad.push(Problem::new(Code::BadCode, path(code_c), format!("`{code}` is not a procedure code (d.dddddd, optionally followed by a local suffix such as .000.00.00.H01)")));
            } else if let Some(first) = seen.get(&code) {
                bad.push(Problem::new(
                    Code::DuplicateCode,
                    path(code_c),
                    format!("procedure `{code}` is already listed in row {first}"),
                ));
            }
            let name = normalise(row.get(name_c), &mut cx.normalised).into_owned();
            if name.is_empty() {
                bad.push(Problem::new(
                    Code::BadCell,
                    path(name_c),
                    "no procedure name",
                ));
            }
            let field_name = normalise(row.get(field_c), &mut cx.normalised);
            if field_name.is_empty() {
                bad.push(Problem::new(
                    Code::BadCell,
                    path(field_c),
                    "no field (lĩnh vực)",
                ));
            }
            let joined = second.and_then(|s| s.get(&code));
            let mut levels = None;
            if let Some(c) = levels_c {
                let text = normalise(row.get(c), &mut cx.normalised);
                if !text.is_empty() {
                    match parse_levels(&text) {
                        Ok(set) => levels = Some((set, 0)),
                        Err(piece) => bad.push(Problem::new(Code::UnknownLevel, path(c), format!("`{piece}` is not a level (Cấp bộ, Cấp tỉnh, Cấp huyện, Cấp xã, Cơ quan khác)"))),
                    }
                }
            }
            if levels.is_none() && bad.iter().all(|p| p.code != Code::UnknownLevel) {
                if let Some((set, _)) = joined {
                    levels = Some((*set, 1));
                } else if let Some(c) = agencies_c {
                    let text = row.get(c);
                    // Agencies keep their line breaks (they separate agencies); each is normalised.
                    if text.chars().any(|ch| !ch.is_whitespace() && ch != ';') {
                        for piece in text.split(['\n', ';']) {
                            let _ = normalise(piece, &mut cx.normalised);
                        }
                    }
                    if let Some(set) = agency_levels(text) {
                        levels = Some((set, 2));
                    }
                }
            }
            if levels.is_none() && bad.iter().all(|p| p.code != Code::UnknownLevel) {
                let (col, why) = match (levels_c, agencies_c) {
                    (Some(c), _) => (c, "no level in this cell".to_owned()),
                    (None, Some(c)) if second.is_some() => (c, format!("procedure `{code}` is not in the second file and its level cannot be told from the agencies; give it in a level column (Cấp thực hiện)")),
                    (None, Some(c)) if row.get(c).trim().is_empty() => (c, "no agency, so no level; give the portal's metadata CSV as a second file or add a level column (Cấp thực hiện)".to_owned()),
                    (None, Some(c)) => (c, "the level cannot be told from the agencies; give the portal's metadata CSV as a second file or add a level column (Cấp thực hiện)".to_owned()),
                    (None, None) => (code_c, format!("procedure `{code}` is not in the second file")),
                };
                bad.push(Problem::new(Code::UnknownLevel, path(col), why));
            }
            let decision = decision_c
                .map(|c| normalise(row.get(c), &mut cx.normalised).into_owned())
                .filter(|d| !d.is_empty())
                .or_else(|| joined.and_then(|(_, d)| d.clone()));
            if !bad.is_empty() {
                cx.skip_row(n, bad);
                continue;
            }
            let Some((levels, source)) = levels else {
                continue;
            };
            match source {
                0 => cx.level_sources.column += 1,
                1 => cx.level_sources.second_file += 1,
                _ => cx.level_sources.agencies += 1,
            }
            let mut variant = false;
            let field = fields.by_name(&field_name, n, &mut variant);
            if variant {
                cx.normalised.variants += 1;
            }
            seen.insert(code.clone(), n);
            procs.push(Proc {
                code,
                name,
                field,
                levels,
                decision,
            });
        }
        let fields = fields.finish();
        let procedures = procs
            .into_iter()
            .map(|p| DocProcedure {
                code: p.code.into(),
                name: p.name.into(),
                field: fields[p.field as usize].code.clone(),
                levels: p.levels.iter().map(|l| Cow::Borrowed(l.as_str())).collect(),
                decision: p.decision.map(Cow::Owned),
                ..DocProcedure::default()
            })
            .collect();
        Ok(Document {
            tthc: 1,
            fields,
            procedures,
            ..Document::default()
        })
    }

    /// Read the levels (and publishing decisions) of a second portal file, by code.
    pub(crate) fn read_levels(bytes: &[u8], cx: &mut Cx) -> Result<LevelsByCode, Error> {
        let code_f = CODE.folded();
        let levels_f = LEVELS.folded();
        let is_header =
            |h: &Header| !h.columns(&code_f).is_empty() && !h.columns(&levels_f).is_empty();
        let container = Container::sniff(bytes);
        let in_second = |p: Problem| Problem {
            path: if p.path.is_empty() {
                "second file".to_owned()
            } else {
                format!("second file, {}", p.path)
            },
            ..p
        };
        let (mut sheet, header) = Sheet::open(bytes, container, &is_header, "a procedure code and a level column (ma_thu_tuc / Mã số, cap_thuc_hien / Cấp thực hiện)")
            .map_err(|p| Error::Import(vec![in_second(p)]))?;
        let (cols, problems) = resolve_columns(&header, &[CODE, LEVELS, DECISION]);
        if !problems.is_empty() {
            return Err(Error::Import(problems.into_iter().map(in_second).collect()));
        }
        let (Some(code_c), Some(levels_c), decision_c) = (cols[0], cols[1], cols[2]) else {
            return Err(Error::Import(vec![in_second(missing(&header, &LEVELS))]));
        };
        let mut out = LevelsByCode::default();
        let mut first_row: FxHashMap<String, u64> = FxHashMap::default();
        let mut row = RowBuf::default();
        let mut scratch = crate::io::import::Normalised::default();
        while sheet
            .next_row(&mut row)
            .map_err(|p| Error::Import(vec![in_second(p)]))?
        {
            if row.is_blank() {
                continue;
            }
            let n = row.number;
            let code = normalise(row.get(code_c), &mut scratch).into_owned();
            let text = normalise(row.get(levels_c), &mut scratch);
            let decision = decision_c
                .map(|c| normalise(row.get(c), &mut scratch).into_owned())
                .filter(|d| !d.is_empty());
            match parse_levels(&text) {
                Ok(set) => {
                    if let Some(first) = first_row.get(&code) {
                        if out.get(&code).is_some_and(|(s, _)| *s != set) {
                            cx.add(0, vec![in_second(Problem::new(Code::DuplicateCode, cell_path(n, &header, code_c), format!("procedure `{code}` is already listed in row {first} with other levels")))]);
                        }
                        continue;
                    }
                    first_row.insert(code.clone(), n);
                    out.insert(code, (set, decision));
                }
                Err(piece) => cx.add(
                    0,
                    vec![in_second(Problem::new(
                        Code::UnknownLevel,
                        cell_path(n, &header, levels_c),
                        format!("`{piece}` is not a level"),
                    ))],
                ),
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::{field_code, parse_levels, FieldTable};
    use crate::model::Level;

    fn folds_diacritics() -> bool {
        crate::text::fold("Hộ") == "ho"
    }

    #[test]
    fn level_labels() {
        for (text, level) in [
            ("Cấp bộ", Level::Central),
            ("cấp Bộ", Level::Central),
            ("Cấp tỉnh", Level::Province),
            ("CẤP TỈNH", Level::Province),
            ("Cấp huyện", Level::District),
            ("Cấp xã", Level::Commune),
            ("Cấp  xã.", Level::Commune),
            ("Cap xa", Level::Commune),
            ("Cơ quan khác", Level::Other),
            ("commune", Level::Commune),
            ("Phường", Level::Commune),
        ] {
            assert_eq!(Level::parse_label(text), Some(level), "{text}");
        }
        for text in ["", "Cấp thôn", "Cấp tỉnh, Cấp xã"] {
            assert_eq!(Level::parse_label(text), None, "{text}");
        }
        // Decomposed text (NFD) is read as its NFC form.
        assert_eq!(
            Level::parse_label("Ca\u{302}\u{301}p xa\u{303}"),
            Some(Level::Commune)
        );
    }

    #[test]
    fn level_lists() {
        let all = parse_levels("Cấp bộ, Cấp tỉnh, Cấp xã, Cơ quan khác").unwrap_or_default();
        assert_eq!(all.iter().count(), 4);
        assert_eq!(parse_levels(" , "), Err(String::new()));
    }

    #[test]
    fn field_codes() {
        if folds_diacritics() {
            assert_eq!(field_code("Hộ tịch"), "ho-tich");
            assert_eq!(field_code("Đất đai"), "dat-dai");
            assert_eq!(field_code("Thi đua – Khen thưởng"), "thi-dua-khen-thuong");
        }
        assert_eq!(
            field_code("Cấp, quản lý căn cước"),
            field_code("cấp quản lý căn cước")
        );
        assert_eq!(field_code(" – "), "field");
        assert_eq!(field_code("Chi trả các chế độ BHXH").split('-').count(), 6);
    }

    #[test]
    fn colliding_codes_are_settled_by_name_order() {
        let mut t = FieldTable::default();
        let mut v = false;
        let a = t.by_name("Thi đua – Khen thưởng", 2, &mut v);
        let b = t.by_name("Thi đua khen thưởng", 3, &mut v);
        let fields = t.finish();
        let base = field_code("Thi đua khen thưởng");
        assert_eq!(fields[b as usize].code, base);
        assert_eq!(fields[a as usize].code, format!("{base}-2"));
    }
}
