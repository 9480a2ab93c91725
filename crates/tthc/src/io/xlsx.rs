//! Excel workbooks for the offices that send reports up the chain (feature `xlsx`): the
//! compliance report (`tthc report --format xlsx`) and the flat publication table (`tthc export
//! --to xlsx`), with Vietnamese or English headers.
//!
//! The report workbook has one sheet per level of the units (provinces, districts, communes:
//! the columns of [`UNIT_COLUMNS`], counts and percentages as real numbers, the percentage
//! with a percent format), one for the groups, and one listing each unit's missing and
//! outdated procedures. Every sheet has a title row and a frozen header row with a filter;
//! each level's sheet has a bar chart of its units' rates. The table workbook is the CSV export
//! (`tthc::io::table`) as one sheet, dates as Excel dates, and reads back through the
//! importer to the same catalogue.
#![cfg(feature = "xlsx")]

use rust_xlsxwriter::{Chart, ChartType, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use crate::catalog::Catalog;
use crate::compliance::columns::{Cell, UNIT_COLUMNS};
use crate::compliance::{Compliance, GroupRow, UnitRow};
use crate::error::{Code, Error, Problem};
use crate::io::columns::COLUMNS;
use crate::model::{Date, Lang, Level, Vocabulary};

/// Rows an Excel worksheet holds (1,048,576), less the title and header rows.
const MAX_ROWS: usize = 1_048_574;

fn xlsx_error(e: &XlsxError) -> Error {
    Error::Io(Problem::new(
        Code::Io,
        "xlsx",
        format!("cannot write the workbook: {e}"),
    ))
}

fn too_large(what: &str, rows: usize) -> Error {
    Error::Argument(Problem::new(
        Code::TooLarge,
        "to",
        format!("{what} has {rows} rows; an Excel worksheet holds at most {MAX_ROWS}"),
    ))
}

/// The header of a report column, in a language.
pub fn unit_column_label(name: &str, lang: Lang) -> &'static str {
    let (vi, en) = match name {
        "unit" => ("Mã đơn vị", "Unit code"),
        "name" => ("Tên đơn vị", "Unit"),
        "level" => ("Cấp", "Level"),
        "parent" => ("Mã đơn vị cấp trên", "Parent unit"),
        "basis" => ("Nguồn số liệu", "Basis"),
        "approximate" => ("Số ước (khoảng)", "Approximate"),
        "applicable" => ("TTHC áp dụng", "Applicable procedures"),
        "published" => ("TTHC đã công khai", "Published"),
        "outdated" => ("Công khai chưa cập nhật", "Outdated postings"),
        "fields" => ("Lĩnh vực áp dụng", "Fields"),
        "fields_published" => ("Lĩnh vực đã công khai", "Fields published"),
        "rate_num" => ("Tử số", "Rate numerator"),
        "rate_den" => ("Mẫu số", "Rate denominator"),
        "percent" => ("Tỷ lệ", "Rate"),
        "rank" => ("Hạng", "Rank"),
        "current" => ("Đơn vị hiện hành", "Current unit"),
        "applicability" => ("Căn cứ danh mục", "Applicability"),
        "stale" => ("Cần kiểm tra lại", "Stale postings"),
        "unchecked" => ("Chưa kiểm tra", "Unchecked postings"),
        _ => ("", ""),
    };
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

fn tr(lang: Lang, vi: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

fn basis_label(word: &str, lang: Lang) -> &'static str {
    match word {
        "items" => tr(lang, "đếm từng thủ tục", "counted"),
        "reported" => tr(lang, "số liệu báo cáo", "reported"),
        _ => tr(lang, "hỗn hợp", "mixed"),
    }
}

fn level_sheet(level: Level, lang: Lang) -> &'static str {
    match level {
        Level::Province => tr(lang, "Cấp tỉnh", "Provinces"),
        Level::District => tr(lang, "Cấp huyện", "Districts"),
        _ => tr(lang, "Cấp xã", "Communes"),
    }
}

struct Styles {
    title: Format,
    header: Format,
    percent: Format,
    date: Format,
}

impl Styles {
    fn new(lang: Lang) -> Self {
        Styles {
            title: Format::new().set_bold().set_font_size(13),
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_background_color("#DDEBF7"),
            percent: Format::new().set_num_format("0.0%"),
            date: Format::new().set_num_format(tr(lang, "dd/mm/yyyy", "yyyy-mm-dd")),
        }
    }
}

/// Title row 0, header row 1 frozen, filter over the table.
fn frame(
    ws: &mut Worksheet,
    styles: &Styles,
    title: &str,
    headers: &[&str],
    rows: usize,
) -> Result<(), XlsxError> {
    ws.write_string_with_format(0, 0, title, &styles.title)?;
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(1, c as u16, *h, &styles.header)?;
        let chars = u32::try_from(h.chars().count()).unwrap_or(40);
        ws.set_column_width(c as u16, (f64::from(chars) * 1.1).clamp(9.0, 40.0))?;
    }
    ws.set_freeze_panes(2, 0)?;
    let last = headers.len().saturating_sub(1) as u16;
    ws.autofilter(1, 0, 1 + rows as u32, last)?;
    Ok(())
}

fn units_sheet(
    ws: &mut Worksheet,
    styles: &Styles,
    title: &str,
    rows: &[&UnitRow<'_>],
    lang: Lang,
) -> Result<(), XlsxError> {
    let headers: Vec<&str> = UNIT_COLUMNS
        .iter()
        .map(|c| unit_column_label(c.name, lang))
        .collect();
    frame(ws, styles, title, &headers, rows.len())?;
    for (i, row) in rows.iter().enumerate() {
        let r = 2 + i as u32;
        for (c, (col, cell)) in UNIT_COLUMNS.iter().zip(row.cells()).enumerate() {
            let c = c as u16;
            match cell {
                Cell::Text(s) => {
                    let s = match col.name {
                        "level" => Level::from_word(s).map_or(s, |l| l.label(lang)),
                        "basis" => basis_label(s, lang),
                        _ => s,
                    };
                    ws.write_string(r, c, s)?;
                }
                Cell::OptionalText(Some(s)) => {
                    ws.write_string(r, c, s)?;
                }
                Cell::Bool(b) => {
                    ws.write_boolean(r, c, b)?;
                }
                Cell::Count(Some(n)) => {
                    ws.write_number(r, c, f64::from(n))?;
                }
                Cell::Percent(Some(p)) => {
                    ws.write_number_with_format(r, c, p / 100.0, &styles.percent)?;
                }
                Cell::OptionalText(None) | Cell::Count(None) | Cell::Percent(None) => {}
            }
        }
    }
    ws.set_column_width(1, 30)?;
    Ok(())
}

fn groups_sheet(
    ws: &mut Worksheet,
    styles: &Styles,
    title: &str,
    groups: &[GroupRow<'_>],
    lang: Lang,
) -> Result<(), XlsxError> {
    let headers = [
        tr(lang, "Mã đơn vị cấp trên", "Parent unit"),
        tr(lang, "Tên đơn vị cấp trên", "Parent"),
        tr(lang, "Cấp của các đơn vị", "Level of the units"),
        tr(lang, "Số đơn vị", "Units"),
        tr(lang, "Nguồn số liệu", "Basis"),
        tr(lang, "Số ước (khoảng)", "Approximate"),
        tr(lang, "TTHC áp dụng (tổng)", "Applicable (total)"),
        tr(lang, "Đã công khai (tổng)", "Published (total)"),
        tr(lang, "Tỷ lệ chung", "Pooled rate"),
        tr(lang, "Tỷ lệ thấp nhất", "Lowest rate"),
        tr(lang, "Tỷ lệ cao nhất", "Highest rate"),
        tr(lang, "Tỷ lệ trung bình", "Mean rate"),
        tr(lang, "Áp dụng ít nhất", "Applicable, fewest"),
        tr(lang, "Áp dụng nhiều nhất", "Applicable, most"),
        tr(lang, "Công khai ít nhất", "Published, fewest"),
        tr(lang, "Công khai nhiều nhất", "Published, most"),
        tr(
            lang,
            "Lĩnh vực công khai ít nhất",
            "Fields published, fewest",
        ),
        tr(
            lang,
            "Lĩnh vực công khai nhiều nhất",
            "Fields published, most",
        ),
    ];
    frame(ws, styles, title, &headers, groups.len())?;
    for (i, g) in groups.iter().enumerate() {
        let r = 2 + i as u32;
        ws.write_string(r, 0, g.parent)?;
        ws.write_string(r, 1, g.name)?;
        ws.write_string(
            r,
            2,
            Level::from_word(g.level).map_or(g.level, |l| l.label(lang)),
        )?;
        ws.write_number(r, 3, f64::from(g.units))?;
        ws.write_string(r, 4, basis_label(g.basis, lang))?;
        ws.write_boolean(r, 5, g.approximate)?;
        let counts = [g.applicable, g.published];
        for (k, n) in counts.iter().enumerate() {
            if let Some(n) = n {
                ws.write_number(r, 6 + k as u16, f64::from(*n))?;
            }
        }
        for (k, p) in [g.percent, g.min_percent, g.max_percent, g.mean_percent]
            .iter()
            .enumerate()
        {
            if let Some(p) = p {
                ws.write_number_with_format(r, 8 + k as u16, p / 100.0, &styles.percent)?;
            }
        }
        let pairs = [
            g.applicable_per_unit,
            g.published_per_unit,
            g.fields_published_per_unit,
        ];
        for (k, pair) in pairs.iter().enumerate() {
            if let Some([lo, hi]) = pair {
                ws.write_number(r, 12 + 2 * k as u16, f64::from(*lo))?;
                ws.write_number(r, 13 + 2 * k as u16, f64::from(*hi))?;
            }
        }
    }
    ws.set_column_width(1, 30)?;
    Ok(())
}

fn missing_sheet(
    ws: &mut Worksheet,
    styles: &Styles,
    title: &str,
    catalog: &Catalog,
    units: &[UnitRow<'_>],
    lang: Lang,
) -> Result<usize, XlsxError> {
    let headers = [
        tr(lang, "Mã đơn vị", "Unit code"),
        tr(lang, "Tên đơn vị", "Unit"),
        tr(lang, "Mã TTHC", "Procedure code"),
        tr(lang, "Tên TTHC", "Procedure"),
        tr(lang, "Lĩnh vực", "Field"),
        tr(lang, "Tình trạng", "Status"),
    ];
    let count: usize = units
        .iter()
        .map(|u| u.missing.len() + u.outdated_procedures.len())
        .sum();
    frame(ws, styles, title, &headers, count)?;
    let mut r = 2u32;
    for u in units {
        for (codes, status) in [
            (&u.missing, tr(lang, "chưa công khai", "missing")),
            (
                &u.outdated_procedures,
                tr(lang, "chưa cập nhật", "outdated"),
            ),
        ] {
            for code in codes {
                let Some(id) = catalog.procedure_id(code) else {
                    continue;
                };
                let p = catalog.procedure(id);
                ws.write_string(r, 0, u.unit)?;
                ws.write_string(r, 1, u.name)?;
                ws.write_string(r, 2, *code)?;
                ws.write_string(r, 3, &p.name)?;
                ws.write_string(r, 4, &catalog.field(p.field).name)?;
                ws.write_string(r, 5, status)?;
                r += 1;
            }
        }
    }
    ws.set_column_width(1, 28)?;
    ws.set_column_width(3, 60)?;
    Ok(count)
}

/// The compliance report as an xlsx workbook (see the module docs). `catalog` must be the
/// one `report` was computed from.
pub fn report_xlsx(catalog: &Catalog, report: &Compliance, lang: Lang) -> Result<Vec<u8>, Error> {
    let view = report.view(catalog);
    let missing: usize = view
        .units
        .iter()
        .map(|u| u.missing.len() + u.outdated_procedures.len())
        .sum();
    for (what, n) in [
        ("the report", view.units.len()),
        ("the missing procedures", missing),
    ] {
        if n > MAX_ROWS {
            return Err(too_large(what, n));
        }
    }
    let styles = Styles::new(lang);
    let channel = tr(lang, report.channel.label_vi(), report.channel.label_en());
    let mut wb = Workbook::new();
    let build = |wb: &mut Workbook| -> Result<(), XlsxError> {
        for level in [Level::Province, Level::District, Level::Commune] {
            let rows: Vec<&UnitRow<'_>> = view
                .units
                .iter()
                .filter(|u| u.level == level.as_str())
                .collect();
            if rows.is_empty() {
                continue;
            }
            let sheet = level_sheet(level, lang);
            let title = format!(
                "{} — {} {}, {channel}",
                sheet,
                tr(lang, "công khai TTHC, ngày", "publication of procedures on"),
                view.as_of
            );
            let ws = wb.add_worksheet();
            ws.set_name(sheet)?;
            units_sheet(ws, &styles, &title, &rows, lang)?;
            let last = 1 + rows.len() as u32;
            let mut chart = Chart::new(ChartType::Bar);
            chart
                .add_series()
                .set_name(unit_column_label("percent", lang))
                .set_categories((sheet, 2, 1, last, 1))
                .set_values((sheet, 2, 13, last, 13));
            chart.title().set_name(&format!(
                "{} — {sheet}",
                tr(lang, "Tỷ lệ công khai", "Publication rate")
            ));
            chart
                .y_axis()
                .set_num_format("0%")
                .set_min(0.0)
                .set_max(1.0);
            chart.legend().set_hidden();
            chart
                .set_width(640)
                .set_height((120 + 18 * rows.len().min(60)) as u32);
            ws.insert_chart(1, UNIT_COLUMNS.len() as u16 + 1, &chart)?;
        }
        let sheet = tr(lang, "Nhóm", "Groups");
        let ws = wb.add_worksheet();
        ws.set_name(sheet)?;
        let title = tr(
            lang,
            "Các đơn vị cùng cấp trong một đơn vị cấp trên",
            "Units of one level inside a parent",
        );
        groups_sheet(ws, &styles, title, &view.groups, lang)?;
        let sheet = tr(
            lang,
            "Chưa công khai, chưa cập nhật",
            "Missing and outdated",
        );
        let ws = wb.add_worksheet();
        ws.set_name(sheet)?;
        let title = tr(
            lang,
            "TTHC áp dụng chưa công khai hoặc công khai chưa cập nhật, theo đơn vị",
            "Applicable procedures not published or outdated, by unit",
        );
        missing_sheet(ws, &styles, title, catalog, &view.units, lang)?;
        Ok(())
    };
    build(&mut wb).map_err(|e| xlsx_error(&e))?;
    wb.save_to_buffer().map_err(|e| xlsx_error(&e))
}

/// The flat publication table (the rows and columns of `tthc::io::table::export_csv`) as an
/// xlsx workbook of one sheet, headers in `lang` (Vietnamese: the importer's Vietnamese
/// names), dates as Excel dates. It reads back through `tthc::io::import` to the same catalogue.
pub fn table_xlsx(catalog: &Catalog, lang: Lang) -> Result<Vec<u8>, Error> {
    let csv_text = crate::io::table::export_csv(catalog);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(csv_text.as_bytes());
    let records: Vec<csv::StringRecord> = reader
        .records()
        .collect::<Result<_, _>>()
        .map_err(|e| Error::Io(Problem::new(Code::Io, "xlsx", e.to_string())))?;
    if records.len() > MAX_ROWS {
        return Err(too_large("the table", records.len()));
    }
    let styles = Styles::new(lang);
    let headers: Vec<&str> = COLUMNS
        .iter()
        .map(|c| match lang {
            Lang::Vi => c.aliases.first().copied().unwrap_or(c.key),
            Lang::En => c.key,
        })
        .collect();
    let date_columns: Vec<bool> = COLUMNS
        .iter()
        .map(|c| matches!(c.key, "effective" | "amended" | "abolished" | "posted_on"))
        .collect();
    let mut wb = Workbook::new();
    let build = |wb: &mut Workbook| -> Result<(), XlsxError> {
        let ws = wb.add_worksheet();
        ws.set_name(tr(lang, "Công khai TTHC", "Publications"))?;
        let title = match catalog.title() {
            Some(t) => t.to_owned(),
            None => tr(
                lang,
                "Danh sách công khai thủ tục hành chính",
                "Publication of procedures",
            )
            .to_owned(),
        };
        frame(ws, &styles, &title, &headers, records.len())?;
        for (i, rec) in records.iter().enumerate() {
            let r = 2 + i as u32;
            for (c, value) in rec.iter().enumerate() {
                if value.is_empty() {
                    continue;
                }
                match Date::parse(value).filter(|_| date_columns.get(c) == Some(&true)) {
                    Some(d) => {
                        let day = ExcelDateTime::from_ymd(
                            d.year() as u16,
                            d.month() as u8,
                            d.day() as u8,
                        )?;
                        ws.write_date_with_format(r, c as u16, &day, &styles.date)?;
                    }
                    None => {
                        ws.write_string(r, c as u16, value)?;
                    }
                }
            }
        }
        Ok(())
    };
    build(&mut wb).map_err(|e| xlsx_error(&e))?;
    wb.save_to_buffer().map_err(|e| xlsx_error(&e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::import::{import_bytes, ImportOptions};

    #[test]
    fn the_table_reads_back_as_its_csv_does() {
        let json = crate::synth::synth_json(&crate::synth::SynthOptions {
            communes: 12,
            districts: 2,
            provinces: 1,
            procedures: 15,
            seed: 9,
            ..crate::synth::SynthOptions::default()
        });
        let c = Catalog::from_json(json.as_bytes()).expect("valid");
        let csv = crate::io::table::export_csv(&c);
        let from_csv = import_bytes(csv.as_bytes(), None, &ImportOptions::default()).expect("csv");
        for lang in [Lang::Vi, Lang::En] {
            let book = table_xlsx(&c, lang).expect("written");
            let back = import_bytes(&book, None, &ImportOptions::default()).expect("xlsx");
            assert_eq!(back.catalog, from_csv.catalog, "{lang}");
            assert_eq!(back.title_rows, 1);
        }
    }

    #[test]
    fn report_workbooks_are_zip_files_with_a_chart_per_level() {
        let c = Catalog::an_bien_2018();
        let report = c.compliance(&crate::ComplianceOptions::default());
        let book = report_xlsx(&c, &report, Lang::En).expect("written");
        assert!(book.starts_with(b"PK"));
        let count = |needle: &[u8]| book.windows(needle.len()).filter(|w| *w == needle).count();
        // Provinces, districts and communes: three charts (names in the zip's directory).
        assert!(count(b"xl/charts/chart3.xml") > 0 && count(b"xl/charts/chart4.xml") == 0);
    }

    #[test]
    fn every_report_column_has_labels() {
        for c in UNIT_COLUMNS {
            for lang in [Lang::Vi, Lang::En] {
                assert!(!unit_column_label(c.name, lang).is_empty(), "{}", c.name);
            }
        }
    }
}
