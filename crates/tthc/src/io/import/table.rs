//! Reading a flat publication table into a document (feature `import`).
//!
//! Each row is checked whole before anything it says is kept, so a skipped row (lenient mode)
//! leaves no trace. Units keep the order of their first row; procedures and fields come out
//! sorted by code (a table has no order of its own for them); postings keep row order.

use std::borrow::Cow;

use rustc_hash::FxHashMap;

use super::fields::FieldTable;
use super::{
    blank, cell_path, missing, normalise, repair_numeric_procedure_code, resolve_columns, Cx,
    Header, Normalised, RowBuf, Sheet,
};
use crate::document::{DocPosting, DocProcedure, DocPublished, DocUnit, Document};
use crate::error::{Code, Error, Problem};
use crate::io::columns::{
    Col, ABOLISHED, AMENDED, CHANNEL, COLUMNS, DECISION, EFFECTIVE, FIELD, FIELD_CODE, LEVELS,
    ONLINE, PARENT_CODE, POSTED, POSTED_ON, PROCEDURE_CODE, PROCEDURE_NAME, UNIT_CODE, UNIT_LEVEL,
    UNIT_NAME,
};
use crate::io::wording::parse_levels;
use crate::io::wording::{levels_text, parse_channel, parse_date, parse_flag, parse_online};
use crate::model::{Channel, Date, Level, LevelSet, Online, ProcedureCode};
use crate::text::fold;

/// Column positions in the header.
struct Cols {
    unit_code: usize,
    unit_name: usize,
    unit_level: usize,
    parent: Option<usize>,
    procedure_code: usize,
    procedure_name: usize,
    field_code: Option<usize>,
    field: usize,
    levels: Option<usize>,
    decision: Option<usize>,
    effective: Option<usize>,
    amended: Option<usize>,
    abolished: Option<usize>,
    online: Option<usize>,
    channel: Option<usize>,
    posted: usize,
    posted_on: Option<usize>,
}

impl Cols {
    fn find(header: &Header) -> Result<Cols, Error> {
        let (found, mut problems) = resolve_columns(header, COLUMNS);
        let at = |col: &Col| -> Option<usize> {
            COLUMNS
                .iter()
                .position(|c| c.key == col.key)
                .and_then(|i| found[i])
        };
        for col in [
            &UNIT_CODE,
            &UNIT_NAME,
            &UNIT_LEVEL,
            &PROCEDURE_CODE,
            &PROCEDURE_NAME,
            &FIELD,
            &POSTED,
        ] {
            if at(col).is_none() {
                problems.push(missing(header, col));
            }
        }
        if !problems.is_empty() {
            return Err(Error::Import(problems));
        }
        let need = |col: &Col| at(col).unwrap_or(0);
        Ok(Cols {
            unit_code: need(&UNIT_CODE),
            unit_name: need(&UNIT_NAME),
            unit_level: need(&UNIT_LEVEL),
            parent: at(&PARENT_CODE),
            procedure_code: need(&PROCEDURE_CODE),
            procedure_name: need(&PROCEDURE_NAME),
            field_code: at(&FIELD_CODE),
            field: need(&FIELD),
            levels: at(&LEVELS),
            decision: at(&DECISION),
            effective: at(&EFFECTIVE),
            amended: at(&AMENDED),
            abolished: at(&ABOLISHED),
            online: at(&ONLINE),
            channel: at(&CHANNEL),
            posted: need(&POSTED),
            posted_on: at(&POSTED_ON),
        })
    }

    fn all(&self) -> Vec<Option<usize>> {
        vec![
            Some(self.unit_code),
            Some(self.unit_name),
            Some(self.unit_level),
            self.parent,
            Some(self.procedure_code),
            Some(self.procedure_name),
            self.field_code,
            Some(self.field),
            self.levels,
            self.decision,
            self.effective,
            self.amended,
            self.abolished,
            self.online,
            self.channel,
            Some(self.posted),
            self.posted_on,
        ]
    }
}

/// A unit's postings on one channel (procedure index, date); `None` when not given.
type ChannelPostings = Option<Vec<(u32, Option<Date>)>>;

struct UnitE {
    code: String,
    name: String,
    level: Level,
    parent: Option<(String, u64)>,
    published: [ChannelPostings; 3],
    row: u64,
}

struct ProcE {
    code: String,
    name: String,
    field: u32,
    /// From the `levels` column, with the first row that gave them.
    levels: Option<(LevelSet, u64)>,
    /// That row's `levels` cell.
    levels_text: Option<String>,
    unit_levels: LevelSet,
    decision: Option<(String, u64)>,
    dates: [Option<(Date, u64)>; 3],
    online: Option<(Online, u64)>,
    row: u64,
    rows: usize,
}

/// What one row says, checked, before it is kept (text borrowed from the row).
struct RowUnit<'r> {
    /// The unit's index when an earlier row defined it.
    known: Option<u32>,
    code: Cow<'r, str>,
    name: Cow<'r, str>,
    level: Level,
    parent: Option<Cow<'r, str>>,
}

struct RowProc<'r> {
    /// The procedure's index when an earlier row defined it.
    known: Option<u32>,
    /// The field's index when an earlier row named it.
    known_field: Option<u32>,
    code: Cow<'r, str>,
    name: Cow<'r, str>,
    field_code: Option<Cow<'r, str>>,
    field: Cow<'r, str>,
    levels: Option<LevelSet>,
    levels_text: Option<Cow<'r, str>>,
    decision: Option<Cow<'r, str>>,
    dates: [Option<Date>; 3],
    online: Option<Online>,
}

#[derive(Default)]
struct State {
    units: Vec<UnitE>,
    unit_by_code: FxHashMap<String, u32>,
    procs: Vec<ProcE>,
    proc_by_code: FxHashMap<String, u32>,
    fields: FieldTable,
    /// Fields named by a row without unit or procedure (kept even when no procedure uses them).
    field_rows: Vec<u32>,
    /// `(unit, procedure, channel or 3 for none)` → the row that listed it.
    listed: FxHashMap<(u32, u32, u8), u64>,
}

const DATE_COLS: [&str; 3] = ["effective", "amended", "abolished"];

/// The cell's text, normalised unless it equals `kept` (text kept from an earlier row, which
/// is normalised already).
fn cell_as<'r>(
    row: &'r RowBuf,
    col: usize,
    kept: Option<&str>,
    counts: &mut Normalised,
) -> Cow<'r, str> {
    let raw = row.get(col);
    if kept == Some(raw) {
        Cow::Borrowed(raw)
    } else {
        normalise(raw, counts)
    }
}

fn cell<'r>(row: &'r RowBuf, col: Option<usize>, counts: &mut Normalised) -> Cow<'r, str> {
    match col {
        Some(c) => normalise(row.get(c), counts),
        None => Cow::Borrowed(""),
    }
}

/// A flat table read and checked; [`Table::document`] gives the document.
pub(crate) struct Table {
    /// By entry index; fields no kept row uses have an empty code.
    fields: Vec<crate::document::DocField<'static>>,
    procedures: Vec<ProcOut>,
    units: Vec<UnitE>,
    drop_parent: Vec<bool>,
    /// Procedure codes by procedure index (postings refer to them).
    proc_codes: Vec<String>,
}

/// A kept procedure with its field (entry index) and levels.
struct ProcOut {
    p: ProcE,
    field: usize,
    levels: LevelSet,
}

/// Read a flat table.
pub(crate) fn read(sheet: &mut Sheet<'_>, header: &Header, cx: &mut Cx) -> Result<Table, Error> {
    let cols = Cols::find(header)?;
    cx.use_columns(cols.all());
    let mut st = State::default();
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
        let mut bad = Vec::new();
        let checked = check_row(&row, &cols, header, &st, &mut cx.normalised, &mut bad);
        if bad.is_empty() {
            keep_row(&mut st, checked, row.number, &mut cx.normalised);
        } else {
            cx.skip_row(row.number, bad);
        }
    }
    Ok(finish(st, header, &cols, cx))
}

struct Checked<'r> {
    unit: Option<RowUnit<'r>>,
    procedure: Option<RowProc<'r>>,
    channel: Option<Channel>,
    posted: bool,
    on: Option<Date>,
    field_only: Option<(Option<Cow<'r, str>>, Cow<'r, str>)>,
}

#[allow(clippy::too_many_lines)] // one row, every column, in reading order
fn check_row<'r>(
    row: &'r RowBuf,
    cols: &Cols,
    header: &Header,
    st: &State,
    counts: &mut Normalised,
    bad: &mut Vec<Problem>,
) -> Checked<'r> {
    let n = row.number;
    let path = |c: usize| cell_path(n, header, c);
    let mut problem =
        |code: Code, c: usize, message: String| bad.push(Problem::new(code, path(c), message));

    // The unit.
    let unit_code = cell(row, Some(cols.unit_code), counts);
    // Rows repeat what earlier rows said: text equal to what was kept needs no normalising.
    let seen_unit_id = st.unit_by_code.get(unit_code.as_ref()).copied();
    let seen_unit = seen_unit_id.map(|i| &st.units[i as usize]);
    let unit_name = cell_as(
        row,
        cols.unit_name,
        seen_unit.map(|u| u.name.as_str()),
        counts,
    );
    let unit_level = cell(row, Some(cols.unit_level), counts);
    let parent = cell(row, cols.parent, counts);
    let unit = if unit_code.is_empty() {
        if !unit_name.is_empty() || !unit_level.is_empty() || !parent.is_empty() {
            problem(
                Code::BadCode,
                cols.unit_code,
                "no unit code, but the row gives the unit's name, level or parent".to_owned(),
            );
        }
        None
    } else {
        let level = match Level::parse_label(&unit_level) {
            Some(l) if l.is_unit_level() => Some(l),
            _ => {
                problem(Code::UnknownLevel, cols.unit_level, format!("`{unit_level}` is not a unit level (province / Tỉnh, district / Huyện, commune / Xã)"));
                None
            }
        };
        let unit_code_text = unit_code.clone();
        let mut code = unit_code;
        if let Some((l, width)) = level.and_then(|l| Some((l, l.gso_digits()?))) {
            if row.is_numeric(cols.unit_code)
                && code.len() < width
                && code.bytes().all(|b| b.is_ascii_digit())
            {
                code = Cow::Owned(format!("{code:0>width$}"));
                counts.numeric_codes += 1;
            }
            if !code.bytes().all(|b| b.is_ascii_digit()) || code.len() != width {
                problem(
                    Code::BadCode,
                    cols.unit_code,
                    format!("`{code}` is not a GSO code of a {l} ({width} digits)"),
                );
            }
        } else if !code.bytes().all(|b| b.is_ascii_digit()) {
            problem(
                Code::BadCode,
                cols.unit_code,
                format!("`{code}` is not a GSO unit code (digits)"),
            );
        }
        if unit_name.is_empty() {
            problem(Code::BadCell, cols.unit_name, "no unit name".to_owned());
        }
        let mut parent = (!parent.is_empty()).then_some(parent);
        if let (Some(p), Some(c)) = (&mut parent, cols.parent) {
            if row.is_numeric(c) && p.len() == 1 {
                p.to_mut().insert(0, '0');
                counts.numeric_codes += 1;
            }
            if !p.bytes().all(|b| b.is_ascii_digit()) || ![2, 3, 5].contains(&p.len()) {
                problem(Code::BadCode, c, format!("`{p}` is not a GSO unit code"));
            }
        }
        let known = if code == unit_code_text {
            seen_unit_id
        } else {
            st.unit_by_code.get(code.as_ref()).copied()
        };
        if let (Some(i), Some(level)) = (known, level) {
            let u = &st.units[i as usize];
            if !unit_name.is_empty() && u.name != unit_name && fold(&u.name) != fold(&unit_name) {
                problem(
                    Code::BadCell,
                    cols.unit_name,
                    format!("unit `{code}` is named `{}` in row {}", u.name, u.row),
                );
            }
            if u.level != level {
                problem(
                    Code::BadCell,
                    cols.unit_level,
                    format!("unit `{code}` is a {} in row {}", u.level, u.row),
                );
            }
            if let (Some((p0, r0)), Some(p), Some(c)) = (&u.parent, &parent, cols.parent) {
                if p0 != p.as_ref() {
                    problem(
                        Code::BadCell,
                        c,
                        format!("unit `{code}` has parent `{p0}` in row {r0}"),
                    );
                }
            }
        }
        level.map(|level| RowUnit {
            known,
            code,
            name: unit_name,
            level,
            parent,
        })
    };

    // The procedure.
    let procedure_code = cell(row, Some(cols.procedure_code), counts);
    let seen_proc_id = st.proc_by_code.get(procedure_code.as_ref()).copied();
    let seen_proc = seen_proc_id.map(|i| &st.procs[i as usize]);
    let procedure_name = cell_as(
        row,
        cols.procedure_name,
        seen_proc.map(|p| p.name.as_str()),
        counts,
    );
    let field = cell_as(
        row,
        cols.field,
        seen_proc.map(|p| st.fields.name(p.field)),
        counts,
    );
    let field_code = cell(row, cols.field_code, counts);
    let levels = match cols.levels {
        Some(c) => cell_as(
            row,
            c,
            seen_proc.and_then(|p| p.levels_text.as_deref()),
            counts,
        ),
        None => Cow::Borrowed(""),
    };
    let decision = match cols.decision {
        Some(c) => cell_as(
            row,
            c,
            seen_proc.and_then(|p| p.decision.as_ref().map(|(d, _)| d.as_str())),
            counts,
        ),
        None => Cow::Borrowed(""),
    };
    let date_texts = [
        cell(row, cols.effective, counts),
        cell(row, cols.amended, counts),
        cell(row, cols.abolished, counts),
    ];
    let date_cols = [cols.effective, cols.amended, cols.abolished];
    let online = cell(row, cols.online, counts);
    let mut field_only = None;
    let procedure = if procedure_code.is_empty() {
        let extra = [&procedure_name, &levels, &decision, &online]
            .iter()
            .chain(date_texts.iter().collect::<Vec<_>>().iter())
            .any(|t| !t.is_empty());
        if extra {
            problem(
                Code::BadCode,
                cols.procedure_code,
                "no procedure code, but the row gives procedure details".to_owned(),
            );
        } else if unit.is_none() && unit_code_blank(row, cols) {
            if !field.is_empty() {
                field_only = Some(((!field_code.is_empty()).then_some(field_code), field));
            } else if !field_code.is_empty() {
                problem(
                    Code::BadCell,
                    cols.field,
                    "a field code without a field name".to_owned(),
                );
            }
        }
        None
    } else {
        let procedure_code_text = procedure_code.clone();
        let mut code = procedure_code;
        if row.is_numeric(cols.procedure_code) {
            if let Some(fixed) = repair_numeric_procedure_code(&code, counts) {
                code = Cow::Owned(fixed);
            }
        }
        if ProcedureCode::parse(&code).is_none() {
            problem(Code::BadCode, cols.procedure_code, format!("`{code}` is not a procedure code (d.dddddd, optionally followed by a local suffix such as .000.00.00.H01)"));
        }
        if procedure_name.is_empty() {
            problem(
                Code::BadCell,
                cols.procedure_name,
                "no procedure name".to_owned(),
            );
        }
        if field.is_empty() {
            problem(Code::BadCell, cols.field, "no field (lĩnh vực)".to_owned());
        }
        let levels_cell = (!levels.is_empty()).then(|| levels.clone());
        // The same text as the first row that gave this procedure's levels: the same set.
        let same_levels = seen_proc
            .and_then(|p| p.levels_text.as_deref().zip(p.levels))
            .filter(|(text, _)| *text == levels.as_ref())
            .map(|(_, (set, _))| set);
        let levels = match (levels.is_empty(), cols.levels) {
            _ if same_levels.is_some() => same_levels,
            (false, Some(c)) => match parse_levels(&levels) {
                Ok(set) => Some(set),
                Err(piece) => {
                    problem(Code::UnknownLevel, c, format!("`{piece}` is not a level (central / Cấp bộ, province / Cấp tỉnh, district / Cấp huyện, commune / Cấp xã, other / Cơ quan khác)"));
                    None
                }
            },
            _ => None,
        };
        let mut dates = [None; 3];
        for k in 0..3 {
            if let (false, Some(c)) = (date_texts[k].is_empty(), date_cols[k]) {
                dates[k] = parse_date(&date_texts[k]);
                if dates[k].is_none() {
                    problem(
                        Code::BadDate,
                        c,
                        format!(
                            "`{}` is not a date (dd/mm/yyyy or yyyy-mm-dd)",
                            date_texts[k]
                        ),
                    );
                }
            }
        }
        let online = match (online.is_empty(), cols.online) {
            (false, Some(c)) => {
                let o = parse_online(&online);
                if o.is_none() {
                    problem(Code::BadCell, c, format!("`{online}` is not an online level (full / toàn trình, partial / một phần, none / không)"));
                }
                o
            }
            _ => None,
        };
        let field_code = (!field_code.is_empty()).then_some(field_code);
        if let (Some(fc), false, Some(c)) = (&field_code, field.is_empty(), cols.field_code) {
            if let Some(existing) = st.fields.name_of_code(fc) {
                if existing != field && fold(existing) != fold(&field) {
                    problem(
                        Code::BadCell,
                        c,
                        format!("field `{fc}` is named `{existing}` in another row"),
                    );
                }
            }
        }
        let known = if code == procedure_code_text {
            seen_proc_id
        } else {
            st.proc_by_code.get(code.as_ref()).copied()
        };
        let known_field = if field.is_empty() {
            None
        } else {
            st.fields.peek(field_code.as_deref(), &field)
        };
        if let Some(i) = known {
            let p = &st.procs[i as usize];
            if !procedure_name.is_empty()
                && p.name != procedure_name
                && fold(&p.name) != fold(&procedure_name)
            {
                problem(
                    Code::BadCell,
                    cols.procedure_name,
                    format!("procedure `{code}` is named `{}` in row {}", p.name, p.row),
                );
            }
            if !field.is_empty() && known_field != Some(p.field) {
                let c = if field_code.is_some() {
                    cols.field_code.unwrap_or(cols.field)
                } else {
                    cols.field
                };
                problem(
                    Code::BadCell,
                    c,
                    format!(
                        "procedure `{code}` is in field `{}` in row {}",
                        st.fields.name(p.field),
                        p.row
                    ),
                );
            }
            if let (Some(set), Some((set0, r0)), Some(c)) = (levels, p.levels, cols.levels) {
                if set != set0 {
                    problem(
                        Code::BadCell,
                        c,
                        format!(
                            "procedure `{code}` has levels `{}` in row {r0}",
                            levels_text(set0)
                        ),
                    );
                }
            }
            if let (false, Some((d0, r0)), Some(c)) =
                (decision.is_empty(), &p.decision, cols.decision)
            {
                if d0.as_str() != decision.as_ref() {
                    problem(
                        Code::BadCell,
                        c,
                        format!("procedure `{code}` has decision `{d0}` in row {r0}"),
                    );
                }
            }
            for k in 0..3 {
                if let (Some(d), Some((d0, r0)), Some(c)) = (dates[k], p.dates[k], date_cols[k]) {
                    if d != d0 {
                        problem(
                            Code::BadCell,
                            c,
                            format!("procedure `{code}` has {} {d0} in row {r0}", DATE_COLS[k]),
                        );
                    }
                }
            }
            if let (Some(o), Some((o0, r0)), Some(c)) = (online, p.online, cols.online) {
                if o != o0 {
                    problem(
                        Code::BadCell,
                        c,
                        format!("procedure `{code}` is online `{}` in row {r0}", o0.as_str()),
                    );
                }
            }
        }
        Some(RowProc {
            known,
            known_field,
            code,
            name: procedure_name,
            field_code,
            field,
            levels,
            levels_text: levels_cell,
            decision: (!decision.is_empty()).then_some(decision),
            dates,
            online,
        })
    };

    // The posting.
    let posted_text = cell(row, Some(cols.posted), counts);
    let posted = parse_flag(&posted_text).unwrap_or_else(|| {
        problem(Code::BadCell, cols.posted, format!("`{posted_text}` is not yes or no (có/không, x, yes/no, 1/0, true/false; blank is no)"));
        false
    });
    let channel_text = cell(row, cols.channel, counts);
    let mut channel = None;
    if let (false, Some(c)) = (channel_text.is_empty(), cols.channel) {
        channel = parse_channel(&channel_text);
        if channel.is_none() {
            problem(Code::UnknownChannel, c, format!("`{channel_text}` is not a channel (one_stop_shop / Một cửa, portal / Cổng thông tin, national / Cổng Dịch vụ công quốc gia)"));
        }
    }
    let on_text = cell(row, cols.posted_on, counts);
    let mut on = None;
    if let (false, Some(c)) = (on_text.is_empty(), cols.posted_on) {
        on = parse_date(&on_text);
        if on.is_none() {
            problem(
                Code::BadDate,
                c,
                format!("`{on_text}` is not a date (dd/mm/yyyy or yyyy-mm-dd)"),
            );
        } else if !posted {
            problem(
                Code::BadCell,
                c,
                "a posting date on a row not marked posted".to_owned(),
            );
        }
    }
    if posted && channel.is_none() && channel_text.is_empty() {
        channel = Some(Channel::OneStopShop);
    }
    let unit_given = !unit_code_blank(row, cols);
    let proc_given = !blank(row.get(cols.procedure_code));
    match (unit_given, proc_given) {
        (true, true) => {
            if let (Some(u), Some(p)) = (&unit, &procedure) {
                let key = u
                    .known
                    .zip(p.known)
                    .map(|(u, p)| (u, p, channel.map_or(3, |c| c as u8)));
                if let Some(first) = key.and_then(|k| st.listed.get(&k)) {
                    let on_channel = channel.map_or_else(
                        || "without a channel".to_owned(),
                        |c| format!("on channel {c}"),
                    );
                    problem(
                        Code::DuplicateCode,
                        cols.procedure_code,
                        format!(
                            "unit `{}` already lists procedure `{}` {on_channel} in row {first}",
                            u.code, p.code
                        ),
                    );
                }
            }
        }
        (true, false) if posted => problem(
            Code::BadCell,
            cols.posted,
            "a row marked posted needs a procedure code".to_owned(),
        ),
        (false, true) if posted || channel.is_some() => {
            problem(
                Code::BadCell,
                cols.unit_code,
                "a posting (channel, posted) needs a unit code".to_owned(),
            );
        }
        (false, false) if field_only.is_none() => {
            problem(
                Code::BadCell,
                cols.unit_code,
                "the row names no unit, procedure or field".to_owned(),
            );
        }
        _ => {}
    }
    Checked {
        unit,
        procedure,
        channel,
        posted,
        on,
        field_only,
    }
}

fn unit_code_blank(row: &RowBuf, cols: &Cols) -> bool {
    blank(row.get(cols.unit_code))
}

fn keep_row(st: &mut State, row: Checked, n: u64, counts: &mut Normalised) {
    let Checked {
        unit,
        procedure,
        channel,
        posted,
        on,
        field_only,
    } = row;
    if let Some((code, name)) = field_only {
        let mut variant = false;
        let i = match code {
            Some(c) => st
                .fields
                .by_code(&c, Some(&name), n, &mut variant)
                .unwrap_or(0),
            None => st.fields.by_name(&name, n, &mut variant),
        };
        st.field_rows.push(i);
        counts.variants += usize::from(variant);
    }
    let unit_id = unit.map(|u| {
        if let Some(i) = u.known {
            let e = &mut st.units[i as usize];
            if e.name != u.name {
                counts.variants += 1;
            }
            if e.parent.is_none() {
                e.parent = u.parent.map(|p| (p.into_owned(), n));
            }
            (i, e.level)
        } else {
            let i = st.units.len() as u32;
            st.unit_by_code.insert(u.code.to_string(), i);
            st.units.push(UnitE {
                code: u.code.into_owned(),
                name: u.name.into_owned(),
                level: u.level,
                parent: u.parent.map(|p| (p.into_owned(), n)),
                published: Default::default(),
                row: n,
            });
            (i, u.level)
        }
    });
    let proc_id = procedure.map(|p| {
        let mut variant = false;
        let field = match &p.field_code {
            _ if p.known_field.is_some_and(|i| st.fields.name(i) == p.field) => {
                p.known_field.unwrap_or_default()
            }
            Some(c) => st
                .fields
                .by_code(c, Some(&p.field), n, &mut variant)
                .unwrap_or(0),
            None => st.fields.by_name(&p.field, n, &mut variant),
        };
        counts.variants += usize::from(variant);
        let i = if let Some(i) = p.known {
            let e = &mut st.procs[i as usize];
            if e.name != p.name {
                counts.variants += 1;
            }
            i
        } else {
            let i = st.procs.len() as u32;
            st.proc_by_code.insert(p.code.to_string(), i);
            st.procs.push(ProcE {
                code: p.code.into_owned(),
                name: p.name.into_owned(),
                field,
                levels: None,
                levels_text: None,
                unit_levels: LevelSet::EMPTY,
                decision: None,
                dates: [None; 3],
                online: None,
                row: n,
                rows: 0,
            });
            i
        };
        let e = &mut st.procs[i as usize];
        e.rows += 1;
        if e.levels.is_none() {
            e.levels = p.levels.map(|l| (l, n));
            e.levels_text = p.levels_text.map(Cow::into_owned);
        }
        if e.decision.is_none() {
            e.decision = p.decision.map(|d| (d.into_owned(), n));
        }
        for k in 0..3 {
            if e.dates[k].is_none() {
                e.dates[k] = p.dates[k].map(|d| (d, n));
            }
        }
        if e.online.is_none() {
            e.online = p.online.map(|o| (o, n));
        }
        i
    });
    if let Some((u, level)) = unit_id {
        if let Some(c) = channel {
            st.units[u as usize].published[c.index()].get_or_insert_with(Vec::new);
        }
        if let Some(p) = proc_id {
            st.procs[p as usize].unit_levels.insert(level);
            st.listed.insert((u, p, channel.map_or(3, |c| c as u8)), n);
            if posted {
                if let Some(c) = channel {
                    if let Some(list) = &mut st.units[u as usize].published[c.index()] {
                        list.push((p, on));
                    }
                }
            }
        }
    }
}

fn finish(st: State, header: &Header, cols: &Cols, cx: &mut Cx) -> Table {
    let State {
        units,
        procs,
        fields,
        field_rows,
        ..
    } = st;
    // Levels: the `levels` column, else the levels of the units the procedure is listed for.
    let mut keep = vec![true; procs.len()];
    for (i, p) in procs.iter().enumerate() {
        if p.levels.is_some() {
            cx.level_sources.column += 1;
        } else if !p.unit_levels.is_empty() {
            cx.level_sources.units += 1;
        } else {
            keep[i] = false;
            let col = cols.levels.unwrap_or(cols.procedure_code);
            let why = if cols.levels.is_some() {
                format!("procedure `{}` has no level: no row gives its levels and it is listed for no unit", p.code)
            } else {
                format!("procedure `{}` is listed for no unit, so its levels are unknown; add a `levels` (Cấp thực hiện) column", p.code)
            };
            cx.skipped_rows += p.rows;
            cx.add(
                p.row,
                vec![Problem::new(
                    Code::UnknownLevel,
                    cell_path(p.row, header, col),
                    why,
                )],
            );
        }
    }
    // Parents must be units of a higher level when the table has them.
    let by_code: FxHashMap<&str, usize> = units
        .iter()
        .enumerate()
        .map(|(i, u)| (u.code.as_str(), i))
        .collect();
    let mut drop_parent = vec![false; units.len()];
    for (i, u) in units.iter().enumerate() {
        let Some((p, row)) = &u.parent else { continue };
        let Some(&j) = by_code.get(p.as_str()) else {
            continue;
        };
        let parent_level = units[j].level;
        if j == i || parent_level.rank() <= u.level.rank() {
            drop_parent[i] = true;
            let c = cols.parent.unwrap_or(cols.unit_code);
            cx.add(
                *row,
                vec![Problem::new(
                    Code::BadParent,
                    cell_path(*row, header, c),
                    format!(
                        "parent `{p}` is a {parent_level}, not a level above this {}",
                        u.level
                    ),
                )],
            );
        }
    }
    let doc_fields = fields.finish();
    let mut field_kept = vec![false; doc_fields.len()];
    for &i in &field_rows {
        field_kept[i as usize] = true;
    }
    for (p, k) in procs.iter().zip(&keep) {
        if *k {
            field_kept[p.field as usize] = true;
        }
    }
    let proc_codes: Vec<String> = procs.iter().map(|p| p.code.clone()).collect();
    let mut procedures: Vec<ProcOut> = procs
        .into_iter()
        .zip(&keep)
        .filter(|(_, k)| **k)
        .map(|(p, _)| ProcOut {
            field: p.field as usize,
            levels: p.levels.map_or(p.unit_levels, |(l, _)| l),
            p,
        })
        .collect();
    procedures.sort_by(|a, b| a.p.code.cmp(&b.p.code));
    let fields = doc_fields
        .into_iter()
        .zip(field_kept)
        .map(|(f, kept)| {
            if kept {
                f
            } else {
                crate::document::DocField {
                    code: Cow::Borrowed(""),
                    ..f
                }
            }
        })
        .collect();
    Table {
        fields,
        procedures,
        units,
        drop_parent,
        proc_codes,
    }
}

impl Table {
    /// The document, borrowing the table's text: fields and procedures sorted by code, units
    /// in the order of their first row, postings in row order.
    pub(crate) fn document(&self) -> Document<'_> {
        fn b(s: &str) -> Cow<'_, str> {
            Cow::Borrowed(s)
        }
        let mut fields: Vec<crate::document::DocField<'_>> = self
            .fields
            .iter()
            .filter(|f| !f.code.is_empty())
            .map(|f| crate::document::DocField {
                code: b(&f.code),
                name: b(&f.name),
                name_en: None,
            })
            .collect();
        fields.sort_by(|x, y| x.code.cmp(&y.code));
        let procedures = self
            .procedures
            .iter()
            .map(|o| {
                let p = &o.p;
                DocProcedure {
                    code: b(&p.code),
                    name: b(&p.name),
                    field: b(&self.fields[o.field].code),
                    levels: o.levels.iter().map(|l| Cow::Borrowed(l.as_str())).collect(),
                    decision: p.decision.as_ref().map(|(d, _)| b(d)),
                    effective: p.dates[0].map(|(d, _)| d),
                    amended: p.dates[1].map(|(d, _)| d),
                    abolished: p.dates[2].map(|(d, _)| d),
                    online: p.online.map(|(o, _)| Cow::Borrowed(o.as_str())),
                    agencies: Vec::new(),
                }
            })
            .collect();
        let units = self
            .units
            .iter()
            .zip(&self.drop_parent)
            .map(|(u, &drop)| {
                let mut published = DocPublished::default();
                for c in Channel::ALL {
                    if let Some(list) = &u.published[c.index()] {
                        published
                            .channel_mut(c)
                            .extend(list.iter().map(|&(p, on)| DocPosting {
                                procedure: b(&self.proc_codes[p as usize]),
                                on,
                                checked: None,
                            }));
                    }
                }
                DocUnit {
                    code: b(&u.code),
                    name: b(&u.name),
                    level: Cow::Borrowed(u.level.as_str()),
                    parent: if drop {
                        None
                    } else {
                        u.parent.as_ref().map(|(p, _)| b(p))
                    },
                    published,
                    ..DocUnit::default()
                }
            })
            .collect();
        Document {
            tthc: 1,
            fields,
            procedures,
            units,
            ..Document::default()
        }
    }
}
