//! The flat publication table offices keep: one row per unit × procedure (× channel), with the
//! unit's code, name and level, the procedure's code, name and field, the channel, whether it is
//! posted and when. [`export_csv`] writes it; the importer (`tthc::io::import`, feature
//! `import`) reads it back, so that importing an export gives the catalogue back.
//!
//! Columns (English name first, as export writes it; matching is on folded, trimmed names, so
//! case, spacing and diacritics do not matter):
//!
//! | column | also accepted | required | meaning |
//! |---|---|---|---|
//! | `unit_code` | Mã đơn vị, Mã ĐVHC | yes | GSO code |
//! | `unit_name` | Tên đơn vị, Đơn vị | yes | |
//! | `unit_level` | Cấp, Cấp đơn vị | yes | province / district / commune, or "Cấp xã", "Xã", "Phường"… |
//! | `parent_code` | Mã đơn vị cấp trên | no | |
//! | `procedure_code` | Mã TTHC, Mã số, Mã thủ tục | yes | |
//! | `procedure_name` | Tên TTHC, Tên thủ tục, Tên | yes | |
//! | `field_code` | Mã lĩnh vực | no | else derived from the name |
//! | `field` | Lĩnh vực | yes | field name |
//! | `levels` | Cấp thực hiện | no | else the union of the levels of the units listed |
//! | `decision` | Số quyết định | no | |
//! | `effective`, `amended`, `abolished` | Ngày hiệu lực, Ngày sửa đổi, Ngày bãi bỏ | no | dates |
//! | `online` | Trực tuyến, Mức độ trực tuyến | no | full / partial / none, toàn trình / một phần |
//! | `channel` | Kênh, Kênh công khai, Hình thức công khai | no | blank: one-stop desk when posted |
//! | `posted` | Đã công khai, Công khai, Đã niêm yết | yes | có/không, x, yes/no, 1/0, true/false, blank = no |
//! | `posted_on` | Ngày công khai, Ngày niêm yết | no | dd/mm/yyyy or ISO |

use crate::catalog::{Catalog, ProcId};
use crate::model::{Channel, Date, Level, Online, Vocabulary};
use crate::text::fold;

/// A column the importers know, with the header names that select it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Col {
    /// The English (snake_case) name, also what export writes.
    pub(crate) key: &'static str,
    /// Other accepted names (Vietnamese, the portal's crawl names).
    #[cfg_attr(not(feature = "import"), allow(dead_code))]
    pub(crate) aliases: &'static [&'static str],
}

#[cfg(feature = "import")]
impl Col {
    /// Every accepted name, folded.
    pub(crate) fn folded(&self) -> Vec<String> {
        std::iter::once(self.key)
            .chain(self.aliases.iter().copied())
            .map(|n| fold(&crate::io::portal::nfc(n)))
            .collect()
    }

    /// The names people read in messages: `` `Mã số` / `ma_thu_tuc` / `code` ``.
    pub(crate) fn describe(&self) -> String {
        let mut names: Vec<&str> = self.aliases.to_vec();
        names.push(self.key);
        format!("`{}`", names.join("` / `"))
    }
}

macro_rules! columns {
    ($($name:ident = $key:literal [$($alias:literal),*];)*) => {
        $(pub(crate) const $name: Col = Col { key: $key, aliases: &[$($alias),*] };)*
        /// Every column of the table, in the order export writes them.
        pub(crate) const COLUMNS: &[Col] = &[$($name),*];
    };
}

columns! {
    UNIT_CODE = "unit_code" ["Mã đơn vị", "ma_don_vi", "Mã ĐVHC", "Mã đơn vị hành chính"];
    UNIT_NAME = "unit_name" ["Tên đơn vị", "ten_don_vi", "Đơn vị"];
    UNIT_LEVEL = "unit_level" ["Cấp", "cap", "Cấp đơn vị", "cap_don_vi"];
    PARENT_CODE = "parent_code" ["Mã đơn vị cấp trên", "ma_don_vi_cap_tren", "Mã cấp trên"];
    PROCEDURE_CODE = "procedure_code" ["Mã TTHC", "Mã số", "ma_thu_tuc", "Mã thủ tục", "ma_tthc"];
    PROCEDURE_NAME = "procedure_name" ["Tên TTHC", "Tên thủ tục", "ten_thu_tuc", "ten_tthc", "Tên"];
    FIELD_CODE = "field_code" ["Mã lĩnh vực", "ma_linh_vuc"];
    FIELD = "field" ["Lĩnh vực", "linh_vuc", "field_name"];
    LEVELS = "levels" ["Cấp thực hiện", "cap_thuc_hien"];
    DECISION = "decision" ["Số quyết định", "so_quyet_dinh", "Quyết định công bố"];
    EFFECTIVE = "effective" ["Ngày hiệu lực", "ngay_hieu_luc"];
    AMENDED = "amended" ["Ngày sửa đổi", "ngay_sua_doi"];
    ABOLISHED = "abolished" ["Ngày bãi bỏ", "ngay_bai_bo"];
    ONLINE = "online" ["Trực tuyến", "truc_tuyen", "Mức độ trực tuyến"];
    CHANNEL = "channel" ["Kênh", "kenh", "Kênh công khai", "Hình thức công khai"];
    POSTED = "posted" ["Đã công khai", "da_cong_khai", "Công khai", "Đã niêm yết"];
    POSTED_ON = "posted_on" ["Ngày công khai", "ngay_cong_khai", "Ngày niêm yết"];
}

/// Write the catalogue as a flat table (CSV, UTF-8, `\n` line ends, English header).
///
/// Rows, unit by unit in catalogue order:
/// - for each channel the unit gives (even empty): one `posted = yes` row per posting in
///   posting order (a procedure posted twice on a channel is written once), then one
///   `posted = no` row per applicable procedure not posted on that channel;
/// - a unit that gives no channel: one `posted = no` row with a blank channel per applicable
///   procedure;
/// - a unit with no row so far: one row with the unit alone (and the channel, when it gives one);
///
/// then one row with a blank unit for each procedure no unit row mentions, and one row with
/// the field alone for each field no procedure uses. "Applicable" follows the procedure's
/// levels and the unit's `applies` overrides. Every row repeats the unit's and the procedure's
/// columns, `levels` included, so that import gives back the same catalogue. Not written:
/// the title, `as_of`, `source`, reports, units' `valid_from`/`valid_to`/`successors`/`applies`,
/// fields' `name_en`, and postings of codes the catalogue does not define.
pub fn export_csv(catalog: &Catalog) -> String {
    let mut out = String::with_capacity(64 + catalog.posting_count() * 160);
    let header: Vec<&str> = COLUMNS.iter().map(|c| c.key).collect();
    out.push_str(&header.join(","));
    out.push('\n');
    let n = catalog.procedures().len();
    let mut listed = vec![false; n];
    let mut field_used = vec![false; catalog.fields().len()];
    for p in catalog.procedures() {
        field_used[p.field.0 as usize] = true;
    }
    // Per-unit scratch: stamp of the unit that last saw a procedure (applicable / posted).
    let mut applicable = vec![0u32; n];
    let mut posted = vec![0u32; n];
    let mut stamp = 0u32;
    for unit in catalog.units() {
        stamp += 1;
        let mut list: Vec<ProcId> = Vec::new();
        for (i, p) in catalog.procedures().iter().enumerate() {
            let id = ProcId(i as u32);
            let applies = if unit.applies_remove.contains(&id) {
                false
            } else {
                p.levels.contains(unit.level) || unit.applies_add.contains(&id)
            };
            if applies {
                applicable[i] = stamp;
                list.push(id);
            }
        }
        for &id in &unit.applies_add {
            if applicable[id.0 as usize] != stamp {
                applicable[id.0 as usize] = stamp;
                list.push(id);
            }
        }
        let channels: Vec<Channel> = Channel::ALL
            .into_iter()
            .filter(|&c| unit.postings(c).is_given())
            .collect();
        let mut wrote = false;
        for &c in &channels {
            stamp += 1;
            let mut wrote_channel = false;
            for (id, on) in unit.postings(c).iter() {
                let i = id.0 as usize;
                if posted[i] == stamp {
                    continue;
                }
                posted[i] = stamp;
                listed[i] = true;
                row(&mut out, catalog, Some(unit), Some(id), Some(c), true, on);
                wrote_channel = true;
            }
            for &id in &list {
                if posted[id.0 as usize] != stamp {
                    listed[id.0 as usize] = true;
                    row(
                        &mut out,
                        catalog,
                        Some(unit),
                        Some(id),
                        Some(c),
                        false,
                        None,
                    );
                    wrote_channel = true;
                }
            }
            if !wrote_channel {
                row(&mut out, catalog, Some(unit), None, Some(c), false, None);
            }
            wrote = true;
        }
        if channels.is_empty() {
            for &id in &list {
                listed[id.0 as usize] = true;
                row(&mut out, catalog, Some(unit), Some(id), None, false, None);
                wrote = true;
            }
        }
        if !wrote {
            row(&mut out, catalog, Some(unit), None, None, false, None);
        }
        // `applicable` is stamped per unit; channels advanced the stamp past it, which is fine
        // because the next unit takes a new stamp before reading it.
    }
    for (i, done) in listed.iter().enumerate() {
        if !done {
            row(
                &mut out,
                catalog,
                None,
                Some(ProcId(i as u32)),
                None,
                false,
                None,
            );
        }
    }
    for (i, used) in field_used.iter().enumerate() {
        if !used {
            let f = &catalog.fields()[i];
            let mut cells = vec![""; COLUMNS.len()];
            cells[6] = &f.code;
            cells[7] = &f.name;
            super::csv_out::write_record(&mut out, cells.iter().copied());
        }
    }
    out
}

fn row(
    out: &mut String,
    catalog: &Catalog,
    unit: Option<&crate::catalog::Unit>,
    procedure: Option<ProcId>,
    channel: Option<Channel>,
    posted: bool,
    on: Option<Date>,
) {
    let mut cells: [&str; 17] = [""; 17];
    let date = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_default();
    let mut strings: [String; 5] = Default::default();
    if let Some(p) = procedure {
        let p = catalog.procedure(p);
        strings[0] = p
            .levels
            .iter()
            .map(Level::as_str)
            .collect::<Vec<_>>()
            .join(", ");
        strings[1] = date(p.effective);
        strings[2] = date(p.amended);
        strings[3] = date(p.abolished);
    }
    strings[4] = date(on);
    if let Some(u) = unit {
        cells[0] = &u.code;
        cells[1] = &u.name;
        cells[2] = u.level.as_str();
        cells[3] = u.parent_code.as_deref().unwrap_or("");
    }
    if let Some(id) = procedure {
        let p = catalog.procedure(id);
        let f = catalog.field(p.field);
        cells[4] = p.code.as_str();
        cells[5] = &p.name;
        cells[6] = &f.code;
        cells[7] = &f.name;
        cells[8] = &strings[0];
        cells[9] = p.decision.as_deref().unwrap_or("");
        cells[10] = &strings[1];
        cells[11] = &strings[2];
        cells[12] = &strings[3];
        cells[13] = p.online.map_or("", Online::as_str);
    }
    cells[14] = channel.map_or("", Channel::as_str);
    cells[15] = if posted { "yes" } else { "no" };
    cells[16] = &strings[4];
    super::csv_out::write_record(out, cells.iter().copied());
}

/// Parse a posted flag: có/không, x, yes/no, y/n, 1/0, true/false, đã/chưa; blank is no.
///
/// ```
/// use tthc::io::table::parse_flag;
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
    let f = fold(&crate::io::portal::nfc(t));
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
/// use tthc::io::table::parse_date;
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
/// use tthc::{io::table::parse_channel, Channel};
/// assert_eq!(parse_channel("Bộ phận Một cửa"), Some(Channel::OneStopShop));
/// assert_eq!(parse_channel("Cổng Dịch vụ công quốc gia"), Some(Channel::National));
/// assert_eq!(parse_channel("website"), Some(Channel::Portal));
/// ```
pub fn parse_channel(text: &str) -> Option<Channel> {
    let t = text.trim();
    if let Some(c) = Channel::from_word(t) {
        return Some(c);
    }
    let f = fold(&crate::io::portal::nfc(t)).replace(['-', '_'], " ");
    let has = |words: &[&str]| {
        words
            .iter()
            .any(|w| crate::io::portal::has_words(&f, &fold(w)))
    };
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
    let f = fold(&crate::io::portal::nfc(t));
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

/// The number of digits of a GSO code at a unit level.
#[cfg(feature = "import")]
pub(crate) fn gso_digits(level: Level) -> usize {
    match level {
        Level::Province => 2,
        Level::District => 3,
        _ => 5,
    }
}

/// The levels of a set as the format writes them (for messages).
#[cfg(feature = "import")]
pub(crate) fn levels_text(set: crate::model::LevelSet) -> String {
    set.iter().map(Level::as_str).collect::<Vec<_>>().join(", ")
}

#[cfg(feature = "import")]
pub(crate) use reader::read;

#[cfg(feature = "import")]
mod reader;
