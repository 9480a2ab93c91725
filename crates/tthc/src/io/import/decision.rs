//! Importing a publishing decision's list (danh mục) from a spreadsheet, as offices have it, into
//! a catalogue: `tthc import decision.xlsx --decision 123/QĐ-UBND --effective 2025-07-01 --scope
//! commune --within 91 --into catalogue.json`.
//!
//! The sheet has a procedure-code column and, optionally, an action column and a column with
//! the replacing procedure's code. Section rows without a code ("I. Danh mục thủ tục hành chính
//! mới ban hành", "III. … bị bãi bỏ") set the action of the rows below them. Title rows above
//! the header give what options do not: the decision's number ("Quyết định số 123/QĐ-UBND"),
//! the day it was signed ("ngày 30 tháng 6 năm 2025"), the day it takes effect ("có hiệu lực
//! từ ngày 01/7/2025"), the level it is for ("… của UBND cấp xã") and the province it is for
//! (a province of the catalogue named in the title). The rules are in `docs/import.md`.

use std::borrow::Cow;
use std::path::Path;

use rustc_hash::FxHashMap;

use super::{
    cell_path, code_cell, code_problem, missing, normalise, resolve_columns, Container, Cx, Header,
    RowBuf, Sheet,
};
use crate::catalog::{Action, Catalog};
use crate::document::{DocDecision, DocItem, DocScope};
use crate::error::{Code, Error, Problem};
use crate::io::columns::Col;
use crate::io::wording::{heading_action, parse_action, parse_date, scope_level};
use crate::model::{Date, Level, ProcedureCode};
use crate::text::{fold, nfc};

const CODE: Col = Col {
    key: "procedure_code",
    aliases: &[
        "Mã số",
        "Mã TTHC",
        "Mã số TTHC",
        "Mã thủ tục",
        "Mã thủ tục hành chính",
        "ma_thu_tuc",
        "ma_tthc",
        "code",
    ],
};
const ACTION: Col = Col {
    key: "action",
    aliases: &[
        "Hình thức",
        "Hình thức công bố",
        "Nội dung công bố",
        "Loại công bố",
        "Hành động",
        "hanh_dong",
    ],
};
const BY: Col = Col {
    key: "by",
    aliases: &[
        "Thay thế bởi",
        "Được thay thế bởi",
        "Mã TTHC thay thế",
        "Mã số TTHC thay thế",
        "Mã thủ tục thay thế",
        "thay_the_boi",
    ],
};
const COLUMNS: [Col; 3] = [CODE, ACTION, BY];

/// What the decision is: options win over what the sheet's title rows say.
#[derive(Debug, Clone)]
pub struct DecisionOptions {
    /// Its number (`123/QĐ-UBND`); else from the title rows.
    pub id: Option<String>,
    /// Its title; else the title row that says "danh mục".
    pub title: Option<String>,
    /// Who issued it.
    pub issuer: Option<String>,
    /// The day it was signed; else from the title rows.
    pub issued: Option<Date>,
    /// The day it takes effect; else from the title rows ("hiệu lực … ngày …").
    pub effective: Option<Date>,
    /// The level of the units it covers; else from the title rows ("UBND cấp xã").
    pub scope: Option<Level>,
    /// The unit it covers the area of (a code of the catalogue); else the one province of the
    /// catalogue the title rows name, if any.
    pub within: Option<String>,
    /// Whether the items are the whole list; default: true when the sheet has no action
    /// column and no section row (a plain danh mục), false otherwise.
    pub complete: Option<bool>,
    /// Keep the good rows and list the skipped ones instead of failing.
    pub lenient: bool,
    /// Files larger than this many bytes are refused with `too_large` (default 1 GiB).
    pub max_bytes: u64,
    /// Columns, cell text, cells and unzipped bytes: beyond them, `too_large`.
    pub limits: super::ImportLimits,
}

impl Default for DecisionOptions {
    fn default() -> Self {
        DecisionOptions {
            id: None,
            title: None,
            issuer: None,
            issued: None,
            effective: None,
            scope: None,
            within: None,
            complete: None,
            lenient: false,
            max_bytes: 1 << 30,
            limits: super::ImportLimits::default(),
        }
    }
}

/// The result of a decision import.
#[derive(Debug, Clone)]
pub struct ImportedDecision {
    /// The catalogue with the decision added (validated).
    pub catalog: Catalog,
    /// Data rows below the header (blank rows and section rows included).
    pub rows: usize,
    /// Items of the decision.
    pub items: usize,
    /// Rows without a code that set the action of the rows below them.
    pub section_rows: usize,
    /// Other rows without a code (field headings, notes), skipped.
    pub heading_rows: usize,
    /// Rows above the header (titles).
    pub title_rows: usize,
    /// Rows that were skipped because of a problem (lenient mode).
    pub skipped_rows: usize,
    /// The problems of the skipped rows, in row order.
    pub skipped: Vec<Problem>,
    /// What was taken from the title rows: `id`, `title`, `issued`, `effective`, `scope`,
    /// `within`.
    pub from_title: Vec<&'static str>,
}

/// Import a decision's list from a file into `into`.
pub fn import_decision_path(
    path: &Path,
    into: &Catalog,
    options: &DecisionOptions,
) -> Result<ImportedDecision, Error> {
    let bytes = crate::io::json::read_file(
        path,
        &crate::io::json::ReadOptions {
            max_bytes: options.max_bytes,
            ..Default::default()
        },
    )?;
    import_decision(&bytes, into, options)
}

/// One row that became an item.
struct Row {
    number: u64,
    code: String,
    action: Action,
    by: Option<String>,
}

/// Import a decision's list from a file's content (CSV or xlsx) into `into`.
pub fn import_decision(
    bytes: &[u8],
    into: &Catalog,
    options: &DecisionOptions,
) -> Result<ImportedDecision, Error> {
    let max = options.max_bytes;
    if bytes.len() as u64 > max {
        return Err(Error::Format(Problem::new(
            Code::TooLarge,
            "",
            format!(
                "the input has {} bytes, more than the limit of {max}",
                bytes.len()
            ),
        )));
    }
    if bytes.is_empty() {
        return Err(Error::Import(vec![Problem::new(
            Code::Empty,
            "",
            "the file is empty",
        )]));
    }
    let code_f = CODE.folded();
    let is_header = |h: &Header| !h.columns(&code_f).is_empty();
    let (mut sheet, header) = Sheet::open(
        bytes,
        Container::sniff(bytes),
        &is_header,
        "a procedure code column (Mã số / Mã TTHC / procedure_code)",
        &options.limits,
    )
    .map_err(|p| Error::Import(vec![p]))?;
    let (cols, problems) = resolve_columns(&header, &COLUMNS);
    if !problems.is_empty() {
        return Err(Error::Import(problems));
    }
    let Some(code_c) = cols[0] else {
        return Err(Error::Import(vec![missing(&header, &CODE)]));
    };
    let (action_c, by_c) = (cols[1], cols[2]);
    let mut cx = Cx::default();
    cx.use_columns(cols.iter().copied());
    let mut rows: Vec<Row> = Vec::new();
    let mut first_row: FxHashMap<String, u64> = FxHashMap::default();
    let (mut section, mut section_rows, mut heading_rows) = (None, 0, 0);
    let mut buf = RowBuf::default();
    while sheet
        .next_row(&mut buf)
        .map_err(|p| Error::Import(vec![p]))?
    {
        cx.rows += 1;
        if buf.is_blank() {
            cx.blank_rows += 1;
            continue;
        }
        let n = buf.number;
        let path = |c: usize| cell_path(n, &header, c);
        let code = code_cell(&buf, code_c, &mut cx.normalised);
        let action_text = action_c.map(|c| normalise(buf.get(c), &mut cx.normalised).into_owned());
        let by_text = by_c
            .map(|c| normalise(buf.get(c), &mut cx.normalised).into_owned())
            .filter(|t| !t.is_empty());
        let action_given = action_text.as_deref().is_some_and(|t| !t.is_empty());
        // Text in the code column (words, not a code: "I. Danh mục TTHC mới ban hành", "1.
        // Lĩnh vực Hộ tịch") is a heading, as an empty code cell is.
        let words = code.contains(char::is_whitespace) || !code.is_ascii();
        if (code.is_empty() || words) && by_text.is_none() && !action_given {
            // A section row ("II. Danh mục TTHC sửa đổi, bổ sung") or a heading.
            let text = Header::row_text(&buf);
            if let Some(a) = heading_action(&text) {
                section = Some(a);
                section_rows += 1;
            } else {
                heading_rows += 1;
            }
            continue;
        }
        let mut bad = Vec::new();
        if let Some(p) = code_problem(&code, || path(code_c)) {
            bad.push(p);
        } else if let Some(first) = first_row.get(&code) {
            bad.push(Problem::new(
                Code::DuplicateCode,
                path(code_c),
                format!("procedure `{code}` is already listed in row {first}"),
            ));
        } else if into.procedure_id(&code).is_none() {
            bad.push(Problem::new(
                Code::UnknownProcedure,
                path(code_c),
                format!("procedure `{code}` is not in the catalogue"),
            ));
        }
        let action = match (action_c, action_text.as_deref()) {
            (Some(c), Some(t)) if !t.is_empty() => {
                let parsed = parse_action(t);
                if parsed.is_none() {
                    bad.push(Problem::new(
                        Code::BadCell,
                        path(c),
                        format!("`{t}` is not an action (Danh mục, Mới ban hành, Sửa đổi, bổ sung, Thay thế, Bãi bỏ; or listed, new, amended, replaced, abolished)"),
                    ));
                }
                parsed
            }
            _ => Some(section.unwrap_or(Action::Listed)),
        };
        // The replacing procedure: its column, else a code written in the action cell
        // ("Thay thế bởi 1.013000").
        let by = by_text.or_else(|| {
            (action == Some(Action::Replaced))
                .then(|| action_text.as_deref().and_then(code_in))
                .flatten()
        });
        let by_col = by_c.or(action_c).unwrap_or(code_c);
        match (action, by.as_deref()) {
            (Some(Action::Replaced), None) => bad.push(Problem::new(
                Code::BadCell,
                path(by_col),
                "a replaced (Thay thế) procedure needs the code of the procedure that takes its place",
            )),
            (Some(a), Some(b)) if a != Action::Replaced => bad.push(Problem::new(
                Code::BadCell,
                path(by_col),
                format!("`{b}` replaces nothing: the row's action is {a}, not replaced (Thay thế)"),
            )),
            (_, Some(b)) if into.procedure_id(b).is_none() => bad.push(Problem::new(
                if ProcedureCode::parse(b).is_some() {
                    Code::UnknownProcedure
                } else {
                    Code::BadCode
                },
                path(by_col),
                format!("procedure `{b}` is not in the catalogue"),
            )),
            _ => {}
        }
        if !bad.is_empty() {
            cx.skip_row(n, bad);
            continue;
        }
        let Some(action) = action else { continue };
        first_row.insert(code.clone(), n);
        rows.push(Row {
            number: n,
            code,
            action,
            by,
        });
    }
    if cx.rows == cx.blank_rows {
        return Err(Error::Import(vec![Problem::new(
            Code::Empty,
            format!("row {}", header.row + 1),
            "the file has a header but no data rows",
        )]));
    }
    // Circles of replacements: one problem at the row of their first item; every row of a
    // circle is skipped.
    for (k, message) in cycle_rows(&rows) {
        cx.add(
            rows[k].number,
            vec![Problem::new(
                Code::ReplacementCycle,
                format!("row {}", rows[k].number),
                message,
            )],
        );
    }
    let members = cycle_members(&rows);
    cx.skipped_rows += members.len();
    let mut k = 0;
    rows.retain(|_| {
        k += 1;
        !members.contains(&(k - 1))
    });
    cx.problems.sort_by_key(|(row, seq, _)| (*row, *seq));
    let skipped: Vec<Problem> = std::mem::take(&mut cx.problems)
        .into_iter()
        .map(|(_, _, p)| p)
        .collect();
    if !options.lenient && !skipped.is_empty() {
        return Err(Error::Import(skipped));
    }
    let titles = Titles::read(&header.titles, into);
    let mut from_title = Vec::new();
    let mut pick = |given: Option<String>, found: Option<String>, what: &'static str| {
        given.or_else(|| found.inspect(|_| from_title.push(what)))
    };
    let id = pick(options.id.clone(), titles.id, "id");
    let title = pick(options.title.clone(), titles.title, "title");
    let issued = pick(
        options.issued.map(|d| d.to_string()),
        titles.issued.map(|d| d.to_string()),
        "issued",
    );
    let effective = pick(
        options.effective.map(|d| d.to_string()),
        titles.effective.map(|d| d.to_string()),
        "effective",
    );
    let scope = pick(
        options.scope.map(|l| l.as_str().to_owned()),
        titles.scope.map(|l| l.as_str().to_owned()),
        "scope",
    );
    let within = pick(options.within.clone(), titles.within, "within");
    let need = |v: &Option<String>, path: &str, what: &str| -> Result<(), Error> {
        if v.is_none() {
            return Err(Error::Argument(Problem::new(
                Code::MissingKey,
                path,
                format!("the decision's {what} is neither given nor in the sheet's title rows"),
            )));
        }
        Ok(())
    };
    need(&id, "decision", "number (--decision)")?;
    need(&effective, "effective", "effective day (--effective)")?;
    need(&scope, "scope", "level (--scope)")?;
    let id = id.unwrap_or_default();
    if into.decision_id(&id).is_some() {
        return Err(Error::Argument(Problem::new(
            Code::DuplicateCode,
            "decision",
            format!("the catalogue already has decision `{id}`"),
        )));
    }
    let complete = options
        .complete
        .unwrap_or(action_c.is_none() && section_rows == 0);
    let items = rows.len();
    let decision = DocDecision {
        id: Cow::Owned(id),
        title: title.map(Cow::Owned),
        issuer: options.issuer.clone().map(Cow::Owned),
        issued: issued.as_deref().and_then(Date::parse),
        effective: effective.as_deref().and_then(Date::parse),
        scope: DocScope {
            level: Cow::Owned(scope.unwrap_or_default()),
            within: within.map(Cow::Owned),
        },
        complete,
        items: rows
            .into_iter()
            .map(|r| DocItem {
                procedure: Cow::Owned(r.code),
                action: Cow::Borrowed(r.action.as_str()),
                by: r.by.map(Cow::Owned),
            })
            .collect(),
    };
    let mut doc = into.to_document();
    let index = doc.decisions.len();
    doc.decisions.push(decision);
    let catalog = Catalog::from_document(&doc).map_err(|e| match e {
        // The decision's own problems (its scope): name the option, not a JSON pointer.
        Error::Invalid(problems) => {
            let prefix = format!("/decisions/{index}/");
            Error::Argument(
                problems
                    .into_iter()
                    .map(|p| {
                        let path = p.path.strip_prefix(&prefix).map_or(p.path.clone(), |rest| {
                            rest.trim_start_matches("scope/").to_owned()
                        });
                        Problem { path, ..p }
                    })
                    .next()
                    .unwrap_or_else(|| Problem::new(Code::BadValue, "decision", "invalid")),
            )
        }
        other => other,
    })?;
    Ok(ImportedDecision {
        catalog,
        rows: cx.rows,
        items,
        section_rows,
        heading_rows,
        title_rows: header.title_rows,
        skipped_rows: cx.skipped_rows,
        skipped,
        from_title,
    })
}

/// The first procedure code written in a text ("Thay thế bởi TTHC 1.013000.").
fn code_in(text: &str) -> Option<String> {
    text.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '(' | ')'))
        .map(|w| w.trim_end_matches('.'))
        .find(|w| ProcedureCode::parse(w).is_some())
        .map(str::to_owned)
}

/// The items that close a circle of replacements, each with a message.
fn cycle_rows(rows: &[Row]) -> Vec<(usize, String)> {
    let next: FxHashMap<&str, &str> = rows
        .iter()
        .filter_map(|r| r.by.as_deref().map(|b| (r.code.as_str(), b)))
        .collect();
    let mut out = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for (k, r) in rows.iter().enumerate() {
        if r.by.is_none() || seen.contains(&r.code.as_str()) {
            continue;
        }
        let mut chain = vec![r.code.as_str()];
        let mut at = r.by.as_deref().unwrap_or_default();
        while at != r.code && chain.len() <= rows.len() {
            let Some(&to) = next.get(at) else { break };
            chain.push(at);
            at = to;
        }
        if at == r.code {
            seen.extend(chain.iter().copied());
            out.push((
                k,
                format!(
                    "the decision replaces procedures in a circle: {} by {}",
                    chain.join(" by "),
                    chain[0]
                ),
            ));
        }
    }
    out
}

/// Indices of every item that is part of a circle of replacements.
fn cycle_members(rows: &[Row]) -> Vec<usize> {
    let next: FxHashMap<&str, &str> = rows
        .iter()
        .filter_map(|r| r.by.as_deref().map(|b| (r.code.as_str(), b)))
        .collect();
    let mut out = Vec::new();
    for (k, r) in rows.iter().enumerate() {
        let mut at = r.code.as_str();
        for _ in 0..=rows.len() {
            let Some(&to) = next.get(at) else { break };
            at = to;
            if at == r.code {
                out.push(k);
                break;
            }
        }
    }
    out
}

/// What a decision's title rows say.
#[derive(Debug, Default)]
struct Titles {
    id: Option<String>,
    title: Option<String>,
    issued: Option<Date>,
    effective: Option<Date>,
    scope: Option<Level>,
    within: Option<String>,
}

impl Titles {
    fn read(rows: &[String], catalog: &Catalog) -> Titles {
        let mut t = Titles::default();
        let rows: Vec<String> = rows.iter().map(|r| nfc(r).into_owned()).collect();
        for row in &rows {
            let folded = fold(row);
            if t.id.is_none() {
                if let Some(id) = decision_number(row) {
                    t.id = Some(id);
                    // "Quyết định số 123/QĐ-UBND ngày 30/6/2025": the day it was signed.
                    t.issued = t.issued.or_else(|| date_after(row, "ngày"));
                }
            }
            if folded.contains("hieu luc") {
                let at = folded.find("hieu luc").unwrap_or(0);
                let tail = tail_from(row, &folded, at);
                t.effective = t.effective.or_else(|| first_date(&tail));
            }
            if t.title.is_none() && folded.contains("danh muc") {
                t.title = Some(row.clone());
            }
        }
        let all = rows.join(" ");
        t.scope = scope_level(&all);
        let folded = fold(&all);
        let provinces: Vec<&str> = catalog
            .units()
            .iter()
            .filter(|u| u.level == Level::Province)
            .filter(|u| contains_words(&folded, &fold(&u.name)))
            .map(|u| u.code.as_str())
            .collect();
        if let [one] = provinces[..] {
            t.within = Some(one.to_owned());
        }
        t
    }
}

/// `row[at..]` in the original text, where `at` is a byte offset in its folded form (the
/// folded text is shorter; the same number of words is skipped instead).
fn tail_from(row: &str, folded: &str, at: usize) -> String {
    let words_before = folded[..at].split_whitespace().count();
    row.split_whitespace()
        .skip(words_before)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether `hay` holds `needle` as whole words.
fn contains_words(hay: &str, needle: &str) -> bool {
    !needle.is_empty() && crate::io::wording::has_words(hay, needle)
}

/// A decision's number in a text: the word holding `/QĐ-` (`123/QĐ-UBND`, `12/2013/QĐ-UBND`),
/// starting with a digit.
fn decision_number(text: &str) -> Option<String> {
    text.split_whitespace()
        .map(|w| w.trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '(' | ')' | '.' | '"')))
        .find(|w| {
            let upper = w.to_uppercase();
            (upper.contains("/QĐ-") || upper.contains("/QD-"))
                && w.starts_with(|c: char| c.is_ascii_digit())
        })
        .map(str::to_owned)
}

/// The first date after the word `word` in a text.
fn date_after(text: &str, word: &str) -> Option<Date> {
    let folded = fold(text);
    let key = fold(word);
    let at = folded.find(&format!("{key} "))?;
    first_date(&tail_from(text, &folded, at))
}

/// The first date in a text: `dd/mm/yyyy` (also `-` or `.`) or "ngày 30 tháng 6 năm 2025".
fn first_date(text: &str) -> Option<Date> {
    let words: Vec<&str> = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '(' | ')' | '.')))
        .collect();
    for (i, w) in words.iter().enumerate() {
        if let Some(d) = parse_date(w) {
            return Some(d);
        }
        // "30 tháng 6 năm 2025"
        if let [d, thang, m, nam, y] = words.get(i..i + 5).unwrap_or_default() {
            if fold(thang) == "thang" && fold(nam) == "nam" {
                let num = |s: &str| s.parse::<u32>().ok();
                if let (Some(d), Some(m), Some(y)) = (num(d), num(m), num(y)) {
                    if let Some(date) = Date::from_ymd(y, m, d) {
                        return Some(date);
                    }
                }
            }
        }
    }
    None
}
