//! Reading the National Public Service Portal's procedure lists: the metadata crawl as CSV
//! (`ma_thu_tuc, ten_thu_tuc, so_quyet_dinh, cap_thuc_hien, loai_thu_tuc, linh_vuc, …`) and the
//! Excel export (`Mã số | Tên | Cơ quan ban hành | Cơ quan thực hiện | Lĩnh vực` below a title).

use std::borrow::Cow;

use rustc_hash::FxHashMap;

use super::fields::FieldTable;
use super::{
    cell_path, code_cell, code_problem, missing, normalise, resolve_columns, Container, Cx, Header,
    LevelsByCode, RowBuf, Sheet,
};
use crate::document::{DocProcedure, Document};
use crate::error::{Code, Error, Problem};
use crate::io::columns::Col;
use crate::io::wording::{agency_levels, parse_levels, split_agencies};
use crate::model::LevelSet;

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
    agencies: Vec<String>,
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
        let code = code_cell(&row, code_c, &mut cx.normalised);
        if let Some(p) = code_problem(&code, || path(code_c)) {
            bad.push(p);
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
        let agencies = agencies_c.map_or_else(Vec::new, |c| split_agencies(row.get(c)));
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
            agencies,
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
            agencies: p.agencies.into_iter().map(Cow::Owned).collect(),
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
pub(crate) fn read_levels(
    bytes: &[u8],
    cx: &mut Cx,
    limits: &super::ImportLimits,
) -> Result<LevelsByCode, Error> {
    let code_f = CODE.folded();
    let levels_f = LEVELS.folded();
    let is_header = |h: &Header| !h.columns(&code_f).is_empty() && !h.columns(&levels_f).is_empty();
    let container = Container::sniff(bytes);
    let in_second = |p: Problem| Problem {
        path: if p.path.is_empty() {
            "second file".to_owned()
        } else {
            format!("second file, {}", p.path)
        },
        ..p
    };
    let (mut sheet, header) = Sheet::open(
        bytes,
        container,
        &is_header,
        "a procedure code and a level column (ma_thu_tuc / Mã số, cap_thuc_hien / Cấp thực hiện)",
        limits,
    )
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
    let mut scratch = super::Normalised::default();
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
