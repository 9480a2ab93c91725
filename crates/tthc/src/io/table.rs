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

use super::columns::COLUMNS;
use crate::catalog::{Catalog, ProcId};
use crate::model::{Channel, Date, Level, Online};

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
