//! Exports for other systems (`docs/exports.md`): the flat publication table as CSV, CPSV-AP
//! 3.2.0 as JSON-LD, Open Referral HSDS 3.0 services as JSON, schema.org JSON-LD for a unit's
//! page ([`schema_org`], in every build, the WebAssembly one included), and — with the cargo
//! features of the same names — the four Parquet files and Excel workbooks.
//!
//! One call per export, the same from the CLI (`tthc export FILE --to …`) and the bindings:
//!
//! ```
//! use tthc::io::export::{export, ExportOptions, Target};
//! let catalog = tthc::Catalog::an_bien_2018();
//! let options = ExportOptions::parse("cpsv-ap", Some("https://example.org/tthc/"), None, None, None)?;
//! let jsonld = export(&catalog, &options)?.into_text().expect("JSON-LD is text");
//! assert!(jsonld.contains("https://example.org/tthc/unit/908"));
//! assert_eq!(options.to, Target::CpsvAp);
//! # Ok::<(), tthc::Error>(())
//! ```

mod cpsv;
mod hsds;
mod iri;
mod schema_org;
pub mod uuid5;

use std::path::Path;

use crate::catalog::{Catalog, ProcId};
use crate::compliance::ComplianceOptions;
use crate::error::{Code, Error, Problem};
use crate::model::vocab::{vocabulary, Vocabulary};
use crate::model::{Date, Lang, Level};

pub use cpsv::cpsv_ap;
pub use hsds::{hsds, HSDS_NAMESPACE};
pub use schema_org::{schema_org, schema_org_with};

/// What an export writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Target {
    /// The flat publication table as CSV (`tthc::io::table`), the default.
    #[default]
    Csv,
    /// CPSV-AP 3.2.0 as self-contained JSON-LD: one `cpsv:PublicService` per procedure.
    CpsvAp,
    /// Open Referral HSDS 3.0: a JSON array of `service` objects, one per procedure.
    Hsds,
    /// The four Parquet files of `docs/exports.md` in a directory (feature `parquet`).
    Parquet,
    /// The flat publication table as an Excel workbook (feature `xlsx`).
    Xlsx,
}

impl Vocabulary for Target {
    const ALL: &'static [Self] = &[
        Target::Csv,
        Target::CpsvAp,
        Target::Hsds,
        Target::Parquet,
        Target::Xlsx,
    ];
    const NOUN: &'static str = "export target";
    const ARG: &'static str = "to";
    const CODE: Code = Code::BadValue;
    fn word(self) -> &'static str {
        match self {
            Target::Csv => "csv",
            Target::CpsvAp => "cpsv-ap",
            Target::Hsds => "hsds",
            Target::Parquet => "parquet",
            Target::Xlsx => "xlsx",
        }
    }
}
vocabulary!(Target);

/// The base of the IRIs of CPSV-AP exports when none is given.
pub const DEFAULT_BASE: &str = "urn:tthc:";

/// What to export and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportOptions {
    /// The format.
    pub to: Target,
    /// The base of every IRI (`{base}procedure/1.001193`, `{base}unit/30985`,
    /// `{base}field/ho-tich`); default [`DEFAULT_BASE`]. Checked by [`check_base`].
    pub base: String,
    /// The day (which procedures are in force, abolished or applicable; statuses) and, for
    /// Parquet's `unit_rates` and the Excel report, the channel.
    pub compliance: ComplianceOptions,
    /// Language of headers meant for people (Excel).
    pub lang: Lang,
}

impl ExportOptions {
    /// Options for a target, with the default base, the catalogue's day (else `today`), the
    /// one-stop desk and Vietnamese headers.
    pub fn on(to: Target, today: Date) -> Self {
        ExportOptions {
            to,
            base: DEFAULT_BASE.to_owned(),
            compliance: ComplianceOptions::on(today),
            lang: Lang::Vi,
        }
    }

    /// Options from the words the CLI and the bindings use (`"hsds"`, `"urn:x:"`,
    /// `"portal"`, `"2026-01-01"`, `"en"`), today from the system clock; each bad value is an
    /// argument error whose path names it (`to`, `base`, `channel`, `as_of`, `lang`).
    #[cfg(not(target_family = "wasm"))]
    pub fn parse(
        to: &str,
        base: Option<&str>,
        channel: Option<&str>,
        as_of: Option<&str>,
        lang: Option<&str>,
    ) -> Result<Self, Error> {
        ExportOptions::parse_on(Date::today(), to, base, channel, as_of, lang)
    }

    /// [`ExportOptions::parse`] with `today` given.
    pub fn parse_on(
        today: Date,
        to: &str,
        base: Option<&str>,
        channel: Option<&str>,
        as_of: Option<&str>,
        lang: Option<&str>,
    ) -> Result<Self, Error> {
        let to = Target::parse_arg(to)?;
        let base = match base {
            Some(b) => {
                check_base(b)?;
                b.to_owned()
            }
            None => DEFAULT_BASE.to_owned(),
        };
        Ok(ExportOptions {
            to,
            base,
            compliance: ComplianceOptions::parse_on(today, channel, as_of)?,
            lang: lang.map(Lang::parse_arg).transpose()?.unwrap_or_default(),
        })
    }
}

/// Check a base IRI: an absolute IRI (a scheme such as `urn:` or `https:`) without white
/// space or the characters IRIs forbid (`<>"{}|\^` and the backquote). Else the argument error
/// `bad_value` at path `base`.
pub fn check_base(base: &str) -> Result<(), Error> {
    let has_scheme = base.find(':').is_some_and(|i| {
        i > 0
            && base.as_bytes()[0].is_ascii_alphabetic()
            && base[..i]
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b))
    });
    let bad_char = base
        .chars()
        .find(|c| c.is_whitespace() || c.is_control() || "<>\"{}|\\^`".contains(*c));
    if has_scheme && bad_char.is_none() {
        return Ok(());
    }
    let why = match bad_char {
        Some(c) => format!("it holds {c:?}, which an IRI cannot"),
        None => "it has no scheme (such as `urn:` or `https:`)".to_owned(),
    };
    Err(Error::Argument(Problem::new(
        Code::BadValue,
        "base",
        format!("`{base}` is not an absolute IRI: {why}"),
    )))
}

/// What an export produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Output {
    /// A text file (CSV, JSON-LD, JSON).
    Text(String),
    /// A binary file (xlsx).
    Binary(Vec<u8>),
    /// Several files for one directory, by file name (Parquet).
    Files(Vec<(String, Vec<u8>)>),
}

impl Output {
    /// The text, when the export is one text file.
    pub fn into_text(self) -> Option<String> {
        match self {
            Output::Text(s) => Some(s),
            Output::Binary(_) | Output::Files(_) => None,
        }
    }

    /// Write the export: one file at `path`, or (for [`Output::Files`]) the files into the
    /// directory `path`, created when missing. Errors are `io` at the path that failed.
    pub fn write_to(&self, path: &Path) -> Result<(), Error> {
        let write = |p: &Path, bytes: &[u8]| {
            std::fs::write(p, bytes).map_err(|e| Error::io(&p.display().to_string(), &e))
        };
        match self {
            Output::Text(s) => write(path, s.as_bytes()),
            Output::Binary(b) => write(path, b),
            Output::Files(files) => {
                std::fs::create_dir_all(path)
                    .map_err(|e| Error::io(&path.display().to_string(), &e))?;
                files
                    .iter()
                    .try_for_each(|(name, bytes)| write(&path.join(name), bytes))
            }
        }
    }
}

/// Export a catalogue. Parquet and xlsx need the cargo features `parquet` and `xlsx`;
/// without them these targets are the argument error `bad_value` at path `to`.
pub fn export(catalog: &Catalog, options: &ExportOptions) -> Result<Output, Error> {
    check_base(&options.base)?;
    match options.to {
        Target::Csv => Ok(Output::Text(crate::io::table::export_csv(catalog))),
        Target::CpsvAp => Ok(Output::Text(cpsv_ap(catalog, options))),
        Target::Hsds => Ok(Output::Text(hsds(catalog, options))),
        Target::Parquet => parquet(catalog, options),
        Target::Xlsx => xlsx(catalog, options),
    }
}

/// Export a catalogue and write it to `path` (a directory for Parquet).
pub fn export_to_path(
    catalog: &Catalog,
    path: &Path,
    options: &ExportOptions,
) -> Result<(), Error> {
    export(catalog, options)?.write_to(path)
}

#[cfg(feature = "parquet")]
fn parquet(catalog: &Catalog, options: &ExportOptions) -> Result<Output, Error> {
    crate::io::parquet::write(catalog, &options.compliance).map(Output::Files)
}

#[cfg(not(feature = "parquet"))]
fn parquet(_: &Catalog, _: &ExportOptions) -> Result<Output, Error> {
    Err(needs_feature(Target::Parquet))
}

#[cfg(feature = "xlsx")]
fn xlsx(catalog: &Catalog, options: &ExportOptions) -> Result<Output, Error> {
    crate::io::xlsx::table_xlsx(catalog, options.lang).map(Output::Binary)
}

#[cfg(not(feature = "xlsx"))]
fn xlsx(_: &Catalog, _: &ExportOptions) -> Result<Output, Error> {
    Err(needs_feature(Target::Xlsx))
}

/// The argument error of a target this build leaves out.
#[cfg_attr(all(feature = "parquet", feature = "xlsx"), allow(dead_code))]
pub(crate) fn needs_feature(to: Target) -> Error {
    Error::Argument(Problem::new(
        Code::BadValue,
        "to",
        format!(
            "this build of tthc cannot export {to}: it needs the cargo feature `{to}` of the tthc crate"
        ),
    ))
}

/// Where a procedure stands on a day: `in_force`, `abolished` or `not_yet_effective`.
pub(crate) fn standing(catalog: &Catalog, p: ProcId, day: Date) -> Standing {
    let proc = catalog.procedure(p);
    if proc.abolished.is_some_and(|a| a <= day) {
        Standing::Abolished
    } else if proc.effective.is_some_and(|e| e > day) {
        Standing::NotYetEffective
    } else {
        Standing::InForce
    }
}

/// See [`standing`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Standing {
    InForce,
    Abolished,
    NotYetEffective,
}

/// Who carries out procedures of a level when the document names no agency: the People's
/// Committee of the level (for units' levels), central agencies, or other agencies.
pub(crate) fn authority_name(level: Level) -> &'static str {
    match level {
        Level::Central => "Bộ, cơ quan ngang bộ và cơ quan trung ương",
        Level::Province => "Ủy ban nhân dân cấp tỉnh",
        Level::District => "Ủy ban nhân dân cấp huyện",
        Level::Commune => "Ủy ban nhân dân cấp xã",
        Level::Other => "Cơ quan khác",
    }
}

/// The People's Committee of a unit: "Ủy ban nhân dân xã Tây Yên" (the unit's name with its
/// first letter in lower case, as Vietnamese writes it inside a name).
pub(crate) fn committee_name(unit_name: &str) -> String {
    let mut chars = unit_name.chars();
    let first: String = chars
        .next()
        .map(|c| c.to_lowercase().collect())
        .unwrap_or_default();
    format!("Ủy ban nhân dân {first}{}", chars.as_str())
}

/// A description built from what the document says about a procedure: its field, levels,
/// decision, dates and how far it is online (Vietnamese; never empty).
pub(crate) fn description(catalog: &Catalog, p: ProcId) -> String {
    let proc = catalog.procedure(p);
    let field = catalog.field(proc.field);
    let levels: Vec<&str> = proc.levels.iter().map(level_words).collect();
    let mut parts = vec![format!(
        "Thủ tục hành chính lĩnh vực {}, thực hiện ở {}",
        field.name,
        levels.join(", ")
    )];
    // Agencies (when the document has them) go here, before the decision.
    if let Some(d) = &proc.decision {
        parts.push(format!("quyết định công bố {d}"));
    }
    if let Some(e) = proc.effective {
        parts.push(format!("hiệu lực từ {e}"));
    }
    if let Some(a) = proc.amended {
        parts.push(format!("sửa đổi ngày {a}"));
    }
    if let Some(a) = proc.abolished {
        parts.push(format!("bãi bỏ từ {a}"));
    }
    if let Some(o) = proc.online {
        parts.push(
            match o {
                crate::model::Online::Full => "dịch vụ công trực tuyến toàn trình",
                crate::model::Online::Partial => "dịch vụ công trực tuyến một phần",
                crate::model::Online::None => "không thực hiện trực tuyến",
            }
            .to_owned(),
        );
    }
    let mut text = parts.join("; ");
    text.push('.');
    text
}

fn level_words(level: Level) -> &'static str {
    match level {
        Level::Central => "cấp bộ",
        Level::Province => "cấp tỉnh",
        Level::District => "cấp huyện",
        Level::Commune => "cấp xã",
        Level::Other => "cơ quan khác",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_parse_with_the_argument_error() {
        assert_eq!("cpsv-ap".parse::<Target>(), Ok(Target::CpsvAp));
        let e = "rdf".parse::<Target>().expect_err("not a target");
        assert_eq!((e.code(), e.path()), ("bad_value", "to"));
        assert!(
            e.to_string().contains("csv, cpsv-ap, hsds, parquet, xlsx"),
            "{e}"
        );
    }

    #[test]
    fn bases_must_be_absolute_iris() {
        for ok in ["urn:tthc:", "https://example.org/tthc/", "urn:x:y#"] {
            assert!(check_base(ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            "example.org/",
            "://x",
            "urn:a b",
            "urn:<x>",
            "1urn:x",
            "urn:\"x\"",
        ] {
            let e = check_base(bad).expect_err(bad);
            assert_eq!((e.code(), e.path()), ("bad_value", "base"), "{bad}");
        }
        let e = ExportOptions::parse("hsds", Some("no scheme"), None, None, None)
            .expect_err("bad base");
        assert_eq!(e.path(), "base");
        let e = ExportOptions::parse("hsds", None, None, None, Some("fr")).expect_err("bad lang");
        assert_eq!((e.code(), e.path()), ("bad_value", "lang"));
    }

    #[test]
    fn committees_are_named_as_vietnamese_writes_them() {
        assert_eq!(committee_name("Xã Tây Yên"), "Ủy ban nhân dân xã Tây Yên");
        assert_eq!(
            committee_name("Huyện An Biên"),
            "Ủy ban nhân dân huyện An Biên"
        );
    }
}
