//! The wording tables the importers (and checks) share: level lists as the portal writes them
//! ([`parse_levels`], built on [`Level::parse_label`]), levels from agency wording
//! ([`agency_levels`]), field codes derived from field names ([`field_code`]), and the cells of
//! flat tables ([`parse_flag`], [`parse_date`], [`parse_channel`], [`parse_online`]). The rules
//! are in `docs/import.md`.

use std::sync::OnceLock;

use crate::catalog::Action;
use crate::model::{Channel, Date, Level, LevelSet, Online, Vocabulary};
use crate::text::{fold, nfc};

/// Parse a list of levels such as "Cấp bộ, Cấp tỉnh, Cấp xã" (separated by `,`, `;` or line
/// breaks). An unknown label is returned as the error; an empty list is an error too (`""`).
///
/// ```
/// use tthc::{io::wording::parse_levels, Level};
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
/// use tthc::{io::wording::agency_levels, Level};
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

/// What the portal writes when it has no implementing agency for a procedure.
const NO_AGENCY: &str = "không có thông tin";

/// The implementing agencies (cơ quan thực hiện) of a procedure as a portal lists them, one
/// string each, in the source's order, in NFC with single spaces.
///
/// The portal's Excel exports put one agency a line; its metadata crawl joins them with `, `
/// — but agency names hold commas themselves ("Thuế tỉnh, thành phố", "Ủy ban Nhân dân xã,
/// phường, thị trấn."). So the text is cut at line breaks and `;`, then at each comma that is
/// followed by a capital letter (the first letter of the next agency's name); a comma followed
/// by a small letter continues the same name. "Không có thông tin" (no information), the
/// portal's word for none, gives no agency.
///
/// ```
/// use tthc::io::wording::split_agencies;
/// assert_eq!(
///     split_agencies("Cục Thuế - Bộ tài chính, Thuế tỉnh, thành phố, Thuế cơ sở"),
///     ["Cục Thuế - Bộ tài chính", "Thuế tỉnh, thành phố", "Thuế cơ sở"]
/// );
/// assert_eq!(
///     split_agencies("Ủy ban Nhân dân\u{a0}xã,\u{a0}phường,\u{a0}thị trấn."),
///     ["Ủy ban Nhân dân xã, phường, thị trấn."]
/// );
/// assert_eq!(split_agencies("Bộ Xây dựng\nCục Hàng không Việt Nam"), ["Bộ Xây dựng", "Cục Hàng không Việt Nam"]);
/// assert!(split_agencies("Không có thông tin").is_empty());
/// assert!(split_agencies("  ").is_empty());
/// ```
pub fn split_agencies(text: &str) -> Vec<String> {
    let text = nfc(text);
    let mut out: Vec<String> = Vec::new();
    for line in text.split(['\n', '\r', ';']) {
        let mut current = String::new();
        for (k, piece) in line.split(',').enumerate() {
            let starts_name = piece
                .trim_start()
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
            if k > 0 && !starts_name {
                current.push(',');
                current.push_str(piece);
                continue;
            }
            push_agency(&mut out, &current);
            piece.clone_into(&mut current);
        }
        push_agency(&mut out, &current);
    }
    out
}

fn push_agency(out: &mut Vec<String>, raw: &str) {
    let clean = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let bare = clean.trim_end_matches('.');
    if bare.is_empty()
        || bare.chars().all(|c| !c.is_alphanumeric())
        || fold(bare) == fold(NO_AGENCY)
    {
        return;
    }
    out.push(clean);
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

/// Parse a posted flag: có/không, x, yes/no, y/n, 1/0, true/false, đã/chưa; blank is no.
///
/// ```
/// use tthc::io::wording::parse_flag;
/// assert_eq!(parse_flag("Có"), Some(true));
/// assert_eq!(parse_flag("x"), Some(true));
/// assert_eq!(parse_flag(""), Some(false));
/// assert_eq!(parse_flag("không"), Some(false));
/// assert_eq!(parse_flag("maybe"), None);
/// ```
pub fn parse_flag(text: &str) -> Option<bool> {
    let t = text.trim();
    match t {
        "" | "no" | "0" | "false" | "không" | "FALSE" | "No" | "n" => return Some(false),
        "yes" | "1" | "x" | "X" | "true" | "có" | "TRUE" | "Yes" | "Có" | "y" => {
            return Some(true)
        }
        _ => {}
    }
    let f = fold(&nfc(t));
    let is = |words: &[&str]| words.iter().any(|w| fold(w) == f);
    if is(&[
        "có", "co", "x", "yes", "y", "1", "true", "đã", "da", "rồi", "roi",
    ]) {
        Some(true)
    } else if is(&["không", "khong", "no", "n", "0", "false", "chưa", "chua"]) {
        Some(false)
    } else {
        None
    }
}

/// Parse a date: ISO `YYYY-MM-DD` (a time after it is ignored) or `dd/mm/yyyy` (also with `-`
/// or `.`, and one-digit day or month).
///
/// ```
/// use tthc::io::wording::parse_date;
/// assert_eq!(parse_date("2025-07-01").map(|d| d.to_string()).as_deref(), Some("2025-07-01"));
/// assert_eq!(parse_date("1/7/2025").map(|d| d.to_string()).as_deref(), Some("2025-07-01"));
/// assert_eq!(parse_date("31/02/2025"), None);
/// ```
pub fn parse_date(text: &str) -> Option<Date> {
    let t = text.trim();
    if t.len() >= 10 && t.as_bytes()[4] == b'-' {
        let (day, rest) = t.split_at(10);
        if rest.is_empty() || rest.starts_with(['T', ' ']) {
            return Date::parse(day);
        }
        return None;
    }
    let mut parts = t.split(['/', '-', '.']);
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || d.len() > 2 || m.len() > 2 || y.len() != 4 {
        return None;
    }
    let num = |s: &str| -> Option<u32> {
        if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        s.parse().ok()
    };
    Date::from_ymd(num(y)?, num(m)?, num(d)?)
}

/// Parse a channel: the format's names (`one_stop_shop`, `portal`, `national`) or wording:
/// "Cổng Dịch vụ công quốc gia", "DVCQG" → national; "Bộ phận Một cửa", "Tiếp nhận và trả
/// kết quả", "niêm yết", "one-stop" → one-stop desk; "Cổng thông tin", "Trang thông tin điện
/// tử", "website", "cổng tỉnh" → portal.
///
/// ```
/// use tthc::{io::wording::parse_channel, Channel};
/// assert_eq!(parse_channel("Bộ phận Một cửa"), Some(Channel::OneStopShop));
/// assert_eq!(parse_channel("Cổng Dịch vụ công quốc gia"), Some(Channel::National));
/// assert_eq!(parse_channel("website"), Some(Channel::Portal));
/// ```
pub fn parse_channel(text: &str) -> Option<Channel> {
    let t = text.trim();
    if let Some(c) = Channel::from_word(t) {
        return Some(c);
    }
    let f = fold(&nfc(t)).replace(['-', '_'], " ");
    let has = |words: &[&str]| words.iter().any(|w| has_words(&f, &fold(w)));
    if has(&["quốc gia", "quoc gia", "dvcqg", "national"]) {
        Some(Channel::National)
    } else if has(&[
        "một cửa",
        "mot cua",
        "tiếp nhận",
        "tiep nhan",
        "niêm yết",
        "niem yet",
        "one stop",
        "one stop shop",
        "trụ sở",
        "tru so",
    ]) {
        Some(Channel::OneStopShop)
    } else if has(&[
        "cổng",
        "trang thông tin",
        "trang thong tin",
        "website",
        "web",
        "portal",
        "trang điện tử",
    ]) {
        Some(Channel::Portal)
    } else {
        None
    }
}

/// Parse an online level: `full`/`partial`/`none`, "toàn trình", "một phần", "không",
/// "mức độ 4" (full), "mức độ 3" (partial).
pub fn parse_online(text: &str) -> Option<Online> {
    let t = text.trim();
    if let Some(o) = Online::from_word(t) {
        return Some(o);
    }
    let f = fold(&nfc(t));
    let is = |words: &[&str]| words.iter().any(|w| fold(w) == f);
    if is(&["toàn trình", "toan trinh", "mức độ 4", "muc do 4"]) {
        Some(Online::Full)
    } else if is(&["một phần", "mot phan", "mức độ 3", "muc do 3"]) {
        Some(Online::Partial)
    } else if is(&["không", "khong"]) {
        Some(Online::None)
    } else {
        None
    }
}

/// Phrases of a decision's action, most specific first (matched on folded text, at word
/// boundaries): "sửa đổi, bổ sung" before "bổ sung", "bãi bỏ" and "thay thế" before "danh mục"
/// (a heading "Danh mục thủ tục hành chính bị bãi bỏ" is about abolished procedures).
const ACTION_PHRASES: &[(&str, Action)] = &[
    ("sửa đổi", Action::Amended),
    ("bổ sung", Action::Amended),
    ("điều chỉnh", Action::Amended),
    ("bãi bỏ", Action::Abolished),
    ("hủy bỏ", Action::Abolished),
    ("thay thế", Action::Replaced),
    ("mới ban hành", Action::New),
    ("ban hành mới", Action::New),
    ("danh mục", Action::Listed),
];

/// Parse a decision item's action as a spreadsheet writes it: the format's words (`listed`,
/// `new`, `amended`, `replaced`, `abolished`) or the Vietnamese labels of decisions — "Danh
/// mục" (listed), "Mới ban hành" / "Ban hành mới" / "Mới" (new), "Sửa đổi, bổ sung" / "Sửa
/// đổi" / "Bổ sung" (amended), "Thay thế" (replaced), "Bãi bỏ" (abolished) — in any case,
/// with or without diacritics. A cell may say more ("Thay thế TTHC 2.000528"): the first
/// label found decides.
///
/// ```
/// use tthc::{catalog::Action, io::wording::parse_action};
/// assert_eq!(parse_action("Sửa đổi, bổ sung"), Some(Action::Amended));
/// assert_eq!(parse_action("BÃI BỎ"), Some(Action::Abolished));
/// assert_eq!(parse_action("thay the"), Some(Action::Replaced));
/// assert_eq!(parse_action("Mới"), Some(Action::New));
/// assert_eq!(parse_action("listed"), Some(Action::Listed));
/// assert_eq!(parse_action("Giữ nguyên"), None);
/// ```
pub fn parse_action(text: &str) -> Option<Action> {
    let t = text.trim();
    if let Some(a) = Action::from_word(t) {
        return Some(a);
    }
    let f = fold(&nfc(t));
    if f == "moi" {
        return Some(Action::New);
    }
    ACTION_PHRASES
        .iter()
        .find(|(phrase, _)| has_words(&f, &fold(phrase)))
        .map(|&(_, a)| a)
}

/// The action of a section heading of a decision's list ("I. Danh mục thủ tục hành chính mới
/// ban hành", "Thủ tục hành chính bị bãi bỏ"): the one action it names; `listed` for a heading
/// that says "danh mục" and names none; `None` when it names several (a title such as "công bố
/// danh mục TTHC mới ban hành, sửa đổi, bổ sung, bãi bỏ") or none. Only the spreadsheet
/// importer reads headings (feature `import`).
#[cfg(feature = "import")]
pub(crate) fn heading_action(text: &str) -> Option<Action> {
    let f = fold(&nfc(text));
    let mut found: Option<Action> = None;
    for &(phrase, action) in ACTION_PHRASES {
        if action == Action::Listed || !has_words(&f, &fold(phrase)) {
            continue;
        }
        match found {
            Some(a) if a != action => return None,
            _ => found = Some(action),
        }
    }
    found.or_else(|| has_words(&f, &fold("danh mục")).then_some(Action::Listed))
}

/// The level of government a decision's title names for the units it covers: "cấp xã",
/// "UBND xã", "cấp phường" → commune; "cấp huyện" → district; "cấp tỉnh" → province. `None`
/// when it names none or several.
///
/// ```
/// use tthc::{io::wording::scope_level, Level};
/// let title = "Danh mục thủ tục hành chính thuộc thẩm quyền giải quyết của UBND cấp xã";
/// assert_eq!(scope_level(title), Some(Level::Commune));
/// assert_eq!(scope_level("Danh mục thủ tục hành chính"), None);
/// ```
pub fn scope_level(text: &str) -> Option<Level> {
    let f = fold(&nfc(text));
    let mut found = LevelSet::EMPTY;
    for (phrase, level) in [
        ("cấp xã", Level::Commune),
        ("cấp phường", Level::Commune),
        ("ubnd xã", Level::Commune),
        ("nhân dân xã", Level::Commune),
        ("cấp huyện", Level::District),
        ("ubnd huyện", Level::District),
        ("nhân dân huyện", Level::District),
        ("cấp tỉnh", Level::Province),
    ] {
        if has_words(&f, &fold(phrase)) {
            found.insert(level);
        }
    }
    let mut levels = found.iter();
    match (levels.next(), levels.next()) {
        (Some(l), None) => Some(l),
        _ => None,
    }
}

/// The levels of a set as the format writes them (for messages).
#[cfg(feature = "import")]
pub(crate) fn levels_text(set: crate::model::LevelSet) -> String {
    set.iter().map(Level::as_str).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::{field_code, parse_levels};
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
}
