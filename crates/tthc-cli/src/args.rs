//! The command line, declared with clap's derive API: every command, option, help text and
//! example. Values that are words of the core's vocabulary (channel, language, formats) are
//! parsed by [`vocab`] and [`among`], so `--help`, completions and error messages list exactly
//! the core's words (`tthc::Vocabulary::ALL`) and the value comes from the core's `FromStr`.

use std::path::PathBuf;
use std::str::FromStr;

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{value_parser, Args, Parser, Subcommand, ValueHint};
use tthc::io::export::Target;
use tthc::io::import::Format;
use tthc::synth::SynthOptions;
use tthc::{Channel, Date, Lang, Level, OutputFormat, Vocabulary};

/// A heading of the help's extra text, styled as clap styles `Usage:` and `Options:` (bold,
/// underlined; clap strips the style when the output is not a terminal).
macro_rules! heading {
    ($text:literal) => {
        concat!("\x1b[1m\x1b[4m", $text, "\x1b[0m")
    };
}

/// A parser for the words of a core vocabulary (`T::ALL`): clap checks the word against the
/// possible values (so `--help` lists them and a typo gets a suggestion), then `T::from_str`
/// makes the value.
pub fn vocab<T>() -> impl TypedValueParser<Value = T>
where
    T: Vocabulary + PartialEq + FromStr<Err = tthc::Error> + Send + Sync,
{
    among(T::ALL, &[])
}

/// Like [`vocab`], for some of the words only, each `(value, alias)` of `aliases` also
/// accepting a hidden older word.
pub fn among<T>(
    values: &'static [T],
    aliases: &'static [(T, &'static str)],
) -> impl TypedValueParser<Value = T>
where
    T: Vocabulary + PartialEq + FromStr<Err = tthc::Error> + Send + Sync,
{
    let possible: Vec<PossibleValue> = values
        .iter()
        .map(|&v| {
            aliases
                .iter()
                .filter(|(of, _)| *of == v)
                .fold(PossibleValue::new(v.word()), |p, &(_, alias)| {
                    p.alias(alias)
                })
        })
        .collect();
    let names = possible.clone();
    PossibleValuesParser::new(possible).try_map(move |word: String| {
        let name = names
            .iter()
            .find(|p| p.matches(&word, false))
            .map_or(word.as_str(), PossibleValue::get_name);
        name.parse::<T>().map_err(|e| message(&e))
    })
}

/// The message of the core's argument error, without its code and path (clap says which
/// option it is about).
fn message(e: &tthc::Error) -> String {
    e.problems()
        .first()
        .map_or_else(|| e.to_string(), |p| p.message.clone())
}

/// `YYYY-MM-DD`, or the core's `bad_date` message.
fn as_of(s: &str) -> Result<Date, String> {
    Date::parse_at(s, "as_of").map_err(|e| message(&e))
}

/// A day `YYYY-MM-DD` of another option, or the core's `bad_date` message.
fn day(s: &str) -> Result<Date, String> {
    Date::parse_at(s, "day").map_err(|e| message(&e))
}

/// `--format` of `validate` and `stats`: `table` (the text for people; `text` is still
/// accepted) or `json`.
const TEXT_OR_JSON: &[OutputFormat] = &[OutputFormat::Table, OutputFormat::Json];
const TEXT_ALIAS: &[(OutputFormat, &str)] = &[(OutputFormat::Table, "text")];

/// Largest sizes of `tthc synth` whose units and procedures get valid codes: GSO codes of two
/// (province), three (district) and five (commune) digits, procedure codes `1.dddddd`.
const MAX_PROVINCES: i64 = SynthOptions::MAX_PROVINCES as i64;
const MAX_DISTRICTS: i64 = SynthOptions::MAX_DISTRICTS as i64;
const MAX_COMMUNES: i64 = SynthOptions::MAX_COMMUNES as i64;
const MAX_PROCEDURES: i64 = SynthOptions::MAX_PROCEDURES as i64;

const MAIN_EXAMPLES: &str = concat!(
    heading!("Examples:"),
    "
  tthc report                                   the compliance report of An Biên district, 2018
  tthc report catalogue.json --channel portal   publication on each unit's portal
  tthc validate catalogue.json                  every problem of a document, with its path
  tthc import danh-sach-tthc.xlsx -o catalogue.json
  tthc search dang ky khai sinh                 search without diacritics
  tthc help report                              the options and examples of one command

",
    heading!("Channels:"),
    " one_stop_shop (default), portal, national\n",
    heading!("Exit status:"),
    " 0 done, 1 invalid input (validation or import errors), 2 usage or I/O problems"
);

const REPORT_EXAMPLES: &str = concat!(
    heading!("Examples:"),
    "
  tthc report                                   the embedded An Biên 2018 dataset, as a table
  tthc report catalogue.json --channel portal --as-of 2025-07-01
  tthc report catalogue.json --format csv > units.csv
  tthc report catalogue.json --stale-after 90   postings not checked for 90 days are stale
  tthc report --format json --lang en           the report of docs/format.md §3
  tthc report catalogue.json --format xlsx -o baocao.xlsx"
);

const DIFF_EXAMPLES: &str = concat!(
    heading!("Examples:"),
    "
  tthc diff catalogue-2025-06.json catalogue-2025-07.json
  tthc diff before.json after.json --channel portal --as-of 2025-07-01
  tthc diff old.json new.json --format json > changes.json
  tthc diff old.json new.json --exit-code && echo unchanged

What changed (procedures, fields, units, decisions), then per unit what to post, re-post and
take down. OLD and NEW are JSON catalogues or any file `tthc import` reads.

",
    heading!("Exit status:"),
    " 0 done (with or without differences; with --exit-code: 0 none, 1 some), 1 invalid input,
 2 usage or I/O problems"
);

const CHECK_EXAMPLES: &str = concat!(
    heading!("Examples:"),
    "
  tthc check catalogue.json                     counts per finding, then each finding
  tthc check procedures-metadata-2026.csv       a portal list, imported on the fly
  tthc check catalogue.json --stale-after 90 --format json

Findings are not errors: the exit status is 0 whatever they are. The agency words are in
docs/check.md.

",
    heading!("Exit status:"),
    " 0 done, 1 invalid input, 2 usage or I/O problems"
);

const VALIDATE_EXAMPLES: &str = concat!(
    heading!("Examples:"),
    "
  tthc validate catalogue.json                  `valid — …` or every error, one a line
  tthc validate catalogue.json --format json    {\"errors\": [{\"code\", \"path\", \"message\"}]}

",
    heading!("Exit status:"),
    " 0 valid, 1 invalid, 2 the file cannot be read"
);

const SYNTH_EXAMPLES: &str = concat!(
    heading!("Examples:"),
    "
  tthc synth -o national.json                   10,000 communes, 600 procedures
  tthc synth --communes 500 --procedures 100 --seed 7 -o small.json
  tthc synth --decisions -o national-decisions.json   every commune's list from decisions"
);

const IMPORT_EXAMPLES: &str = concat!(
    heading!("Examples:"),
    "
  tthc import danh-sach-tthc.xlsx -o catalogue.json
  tthc import danh-sach-tthc.xlsx procedures-metadata.csv -o catalogue.json
  tthc import publications.csv --format table-csv --lenient -o catalogue.json
  tthc import decision.xlsx --decision 123/QĐ-UBND --effective 2025-07-01 --scope commune \\
      --within 91 --into catalogue.json -o out.json
  tthc import national-parquet/ -o catalogue.json   the files of `tthc export --to parquet`

Strict: any bad row is an error and nothing is written; --lenient skips bad rows and lists them.
With --into, FILE is a publishing decision's list (mã TTHC, and the action: Danh mục, Mới ban
hành, Sửa đổi, bổ sung, Thay thế, Bãi bỏ), added to the catalogue as a decision; the number,
days and level not given come from the sheet's title rows. The rules are in docs/import.md."
);

const STATS_EXAMPLES: &str = concat!(
    heading!("Examples:"),
    "
  tthc stats catalogue.json
  tthc stats danh-sach-tthc.xlsx --format json"
);

const EXPORT_EXAMPLES: &str = concat!(
    heading!("Examples:"),
    "
  tthc export catalogue.json --to csv -o publications.csv
  tthc export catalogue.json --to cpsv-ap --base https://example.gov.vn/tthc/ -o services.jsonld
  tthc export catalogue.json --to hsds -o services.json
  tthc export catalogue.json --to parquet -o catalogue-parquet/
  tthc export --to cpsv-ap                     the embedded An Biên 2018 dataset

The formats are described in docs/exports.md."
);

const SEARCH_EXAMPLES: &str = concat!(
    heading!("Examples:"),
    "
  tthc search dang ky khai sinh                 over the 2,642 procedures of the 2026 portal
  tthc search 1.001193                          by code
  tthc search hộ tịch --catalog catalogue.json --limit 5 --format json"
);

const FOLD_EXAMPLES: &str = concat!(
    heading!("Examples:"),
    "
  tthc fold Đăng ký khai sinh                   dang ky khai sinh"
);

const SORT_EXAMPLES: &str = concat!(
    heading!("Examples:"),
    r"
  printf 'Xã Tây Yên\nXã Đông Thái\nXã An Biên\n' | tthc sort"
);

const COMPLETIONS_EXAMPLES: &str = concat!(
    heading!("Examples:"),
    "
  tthc completions bash > ~/.local/share/bash-completion/completions/tthc
  tthc completions zsh > ~/.zfunc/_tthc
  tthc completions fish > ~/.config/fish/completions/tthc.fish
  tthc completions powershell >> $PROFILE"
);

/// tthc — Vietnam's catalogue of administrative procedures (thủ tục hành chính): compliance
/// reports, validation, import and search.
#[derive(Debug, Parser)]
#[command(name = "tthc", version, propagate_version = true, after_help = MAIN_EXAMPLES)]
pub struct Cli {
    /// The command; without one, this help.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The commands, in the order of the help.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Compliance report: the share of applicable procedures each unit has published
    #[command(after_help = REPORT_EXAMPLES, args_override_self = true)]
    Report(ReportArgs),
    /// Check a JSON catalogue and list every problem
    #[command(after_help = VALIDATE_EXAMPLES, args_override_self = true)]
    Validate(ValidateArgs),
    /// Changes between two catalogues and what each unit must post, re-post and take down
    #[command(after_help = DIFF_EXAMPLES, args_override_self = true)]
    Diff(DiffArgs),
    /// Data-quality findings: agencies that do not match the level, stale postings…
    #[command(after_help = CHECK_EXAMPLES, args_override_self = true)]
    Check(CheckArgs),
    /// Write a deterministic synthetic national-scale catalogue (for benchmarks)
    #[command(after_help = SYNTH_EXAMPLES, args_override_self = true)]
    Synth(SynthArgs),
    /// Import a portal list (CSV or xlsx) or a flat publication table into a JSON catalogue
    #[command(after_help = IMPORT_EXAMPLES, args_override_self = true)]
    Import(ImportArgs),
    /// Counts: procedures, fields, units, postings, procedures per level and per field
    #[command(after_help = STATS_EXAMPLES, args_override_self = true)]
    Stats(StatsArgs),
    /// Write a catalogue for other systems: flat table, CPSV-AP, HSDS, Parquet, Excel
    #[command(after_help = EXPORT_EXAMPLES, args_override_self = true)]
    Export(ExportArgs),
    /// Ranked search of procedures, without diacritics
    #[command(after_help = SEARCH_EXAMPLES, args_override_self = true)]
    Search(SearchArgs),
    /// Fold Vietnamese text: no tones, no diacritics, đ → d, lower case
    #[command(after_help = FOLD_EXAMPLES)]
    Fold(FoldArgs),
    /// Sort stdin's lines in Vietnamese order
    #[command(after_help = SORT_EXAMPLES)]
    Sort,
    /// Print a shell completion script
    #[command(after_help = COMPLETIONS_EXAMPLES)]
    Completions(CompletionsArgs),
}

/// `tthc report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// A JSON catalogue (format v1) or the directory of a Parquet export; without it, the
    /// embedded An Biên 2018 dataset
    #[arg(value_hint = ValueHint::FilePath)]
    pub file: Option<PathBuf>,
    /// Where publication counts
    #[arg(long, value_name = "C", value_parser = vocab::<Channel>(), default_value_t = Channel::default())]
    pub channel: Channel,
    /// The day of the report [default: the document's as_of, else today in Vietnam]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = as_of)]
    pub as_of: Option<Date>,
    /// Output: an aligned table, the JSON report, one CSV row per unit, or an Excel workbook
    /// (a sheet per level, groups, missing and outdated procedures, a chart; needs -o)
    #[arg(long, value_parser = vocab::<OutputFormat>(), default_value_t = OutputFormat::default())]
    pub format: OutputFormat,
    /// Language of the table and of the workbook's headers
    #[arg(long, value_parser = vocab::<Lang>(), default_value_t = Lang::default())]
    pub lang: Lang,
    /// Freshness: a posting last seen (checked, else posted) more than DAYS days before the
    /// report's day is stale; each unit lists its stale and unchecked postings
    #[arg(long, value_name = "DAYS", value_parser = value_parser!(u32).range(1..))]
    pub stale_after: Option<u32>,
    /// The file to write [default: stdout]
    #[arg(short = 'o', long = "output", value_name = "OUT", value_hint = ValueHint::FilePath)]
    pub output: Option<PathBuf>,
}

/// `tthc diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The old catalogue (JSON, or any file `tthc import` reads)
    #[arg(value_hint = ValueHint::FilePath)]
    pub old: PathBuf,
    /// The new catalogue
    #[arg(value_hint = ValueHint::FilePath)]
    pub new: PathBuf,
    /// The channel of the actions [default: the one-stop desk and each channel a unit uses]
    #[arg(long, value_name = "C", value_parser = vocab::<Channel>())]
    pub channel: Option<Channel>,
    /// The day applicability is computed on, on both sides [default: NEW's as_of, else today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = as_of)]
    pub as_of: Option<Date>,
    /// Output: a table an office can act on, or the JSON of docs/format.md
    #[arg(long, value_parser = among(&[OutputFormat::Table, OutputFormat::Json], &[]), default_value_t = OutputFormat::Table)]
    pub format: OutputFormat,
    /// Language of the table
    #[arg(long, value_parser = vocab::<Lang>(), default_value_t = Lang::default())]
    pub lang: Lang,
    /// Exit with 1 when the catalogues differ, 0 when they do not (like git diff --exit-code)
    #[arg(long)]
    pub exit_code: bool,
}

/// `tthc check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// A JSON catalogue, or any file `tthc import` reads
    #[arg(value_hint = ValueHint::FilePath)]
    pub file: PathBuf,
    /// The channel of posting findings [default: every channel]
    #[arg(long, value_name = "C", value_parser = vocab::<Channel>())]
    pub channel: Option<Channel>,
    /// The day [default: the document's as_of, else today in Vietnam]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = as_of)]
    pub as_of: Option<Date>,
    /// Report published postings not seen (checked, else posted) for more than DAYS days
    #[arg(long, value_name = "DAYS", value_parser = value_parser!(u32).range(1..))]
    pub stale_after: Option<u32>,
    /// Output: counts and findings for people, or `{"findings": [...]}`
    #[arg(long, value_parser = among(&[OutputFormat::Table, OutputFormat::Json], &[]), default_value_t = OutputFormat::Table)]
    pub format: OutputFormat,
    /// The file to write [default: stdout]
    #[arg(short = 'o', long = "output", value_name = "OUT", value_hint = ValueHint::FilePath)]
    pub output: Option<PathBuf>,
}

/// `tthc validate`.
#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// The JSON catalogue to check
    #[arg(value_hint = ValueHint::FilePath)]
    pub file: PathBuf,
    /// Output: a line for people or the errors as JSON
    #[arg(long, value_parser = among(TEXT_OR_JSON, TEXT_ALIAS), default_value_t = OutputFormat::Table)]
    pub format: OutputFormat,
}

/// `tthc synth`.
#[derive(Debug, Args)]
pub struct SynthArgs {
    /// Communes, at most 89,999 (five-digit GSO codes)
    #[arg(long, value_name = "N", default_value_t = SynthOptions::default().communes,
          value_parser = value_parser!(u32).range(0..=MAX_COMMUNES))]
    pub communes: u32,
    /// Districts, at most 899 (three-digit GSO codes)
    #[arg(long, value_name = "N", default_value_t = SynthOptions::default().districts,
          value_parser = value_parser!(u32).range(0..=MAX_DISTRICTS))]
    pub districts: u32,
    /// Provinces, at most 99 (two-digit GSO codes)
    #[arg(long, value_name = "N", default_value_t = SynthOptions::default().provinces,
          value_parser = value_parser!(u32).range(0..=MAX_PROVINCES))]
    pub provinces: u32,
    /// Procedures, at most 999,000 (codes 1.dddddd)
    #[arg(long, value_name = "M", default_value_t = SynthOptions::default().procedures,
          value_parser = value_parser!(u32).range(0..=MAX_PROCEDURES))]
    pub procedures: u32,
    /// Seed of the generator: the same seed gives the same file
    #[arg(long, value_name = "S", default_value_t = SynthOptions::default().seed)]
    pub seed: u64,
    /// Add publishing decisions for every commune: one complete list per province and ten
    /// nationwide amending decisions (the same units and postings as without)
    #[arg(long)]
    pub decisions: bool,
    /// The JSON file to write
    #[arg(short = 'o', long = "output", value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub output: PathBuf,
}

/// `tthc import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The portal's list (CSV or xlsx), a flat publication table, or the directory of a
    /// Parquet export (or one of its .parquet files)
    #[arg(value_hint = ValueHint::AnyPath)]
    pub file: PathBuf,
    /// The levels of a portal list by procedure code (the portal's metadata CSV)
    #[arg(value_name = "FILE2", value_hint = ValueHint::FilePath)]
    pub file2: Option<PathBuf>,
    /// The kind of FILE; auto decides from its first bytes and header
    #[arg(long, value_parser = vocab::<Format>(), default_value_t = Format::default())]
    pub format: Format,
    /// Skip bad rows (listed on stderr) instead of failing
    #[arg(long)]
    pub lenient: bool,
    /// The JSON catalogue to write [default: stdout]
    #[arg(short = 'o', long = "output", value_name = "OUT", value_hint = ValueHint::FilePath)]
    pub output: Option<PathBuf>,
    /// Read FILE as a publishing decision's list and add it to this JSON catalogue
    #[arg(long, value_name = "CATALOGUE", value_hint = ValueHint::FilePath,
          conflicts_with_all = ["file2", "format"], help_heading = "Decision lists")]
    pub into: Option<PathBuf>,
    /// The decision's number [default: from the sheet's title rows]
    #[arg(
        long,
        value_name = "ID",
        requires = "into",
        help_heading = "Decision lists"
    )]
    pub decision: Option<String>,
    /// The day it takes effect [default: from the title rows, "hiệu lực … ngày …"]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = day, requires = "into", help_heading = "Decision lists")]
    pub effective: Option<Date>,
    /// The day it was signed [default: from the title rows]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = day, requires = "into", help_heading = "Decision lists")]
    pub issued: Option<Date>,
    /// The level of the units it covers [default: from the title rows, "UBND cấp xã"]
    #[arg(long, value_name = "LEVEL", value_parser = among(UNIT_LEVELS, &[]), requires = "into", help_heading = "Decision lists")]
    pub scope: Option<Level>,
    /// The unit whose area it covers (a GSO code of the catalogue) [default: the one province
    /// the title rows name, else every unit of the level]
    #[arg(
        long,
        value_name = "CODE",
        requires = "into",
        help_heading = "Decision lists"
    )]
    pub within: Option<String>,
    /// Its title [default: the title row that says "danh mục"]
    #[arg(
        long,
        value_name = "TEXT",
        requires = "into",
        help_heading = "Decision lists"
    )]
    pub title: Option<String>,
    /// Who issued it
    #[arg(
        long,
        value_name = "TEXT",
        requires = "into",
        help_heading = "Decision lists"
    )]
    pub issuer: Option<String>,
    /// The items are the whole list for the scope [default: when the sheet has no action
    /// column and no section rows]
    #[arg(
        long,
        requires = "into",
        conflicts_with = "no_complete",
        help_heading = "Decision lists"
    )]
    pub complete: bool,
    /// The items change the current list (they are not the whole list)
    #[arg(long, requires = "into", help_heading = "Decision lists")]
    pub no_complete: bool,
}

/// The levels of units (a decision's `--scope`).
const UNIT_LEVELS: &[Level] = &[Level::Province, Level::District, Level::Commune];

/// `tthc stats`.
#[derive(Debug, Args)]
pub struct StatsArgs {
    /// A JSON catalogue, or any file `tthc import` reads
    #[arg(value_hint = ValueHint::FilePath)]
    pub file: PathBuf,
    /// Output: text for people or JSON
    #[arg(long, value_parser = among(TEXT_OR_JSON, TEXT_ALIAS), default_value_t = OutputFormat::Table)]
    pub format: OutputFormat,
}

/// `tthc export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// A JSON catalogue, or any file `tthc import` reads; without it, the embedded An Biên 2018
    /// dataset
    #[arg(value_hint = ValueHint::AnyPath)]
    pub file: Option<PathBuf>,
    /// What to write: the flat table (csv, xlsx), CPSV-AP JSON-LD, HSDS JSON or the four
    /// Parquet files of docs/exports.md
    #[arg(long, value_name = "FORMAT", value_parser = vocab::<Target>())]
    pub to: Target,
    /// The file to write [default: stdout]; a directory for parquet (created when missing)
    #[arg(short = 'o', long = "output", value_name = "OUT", value_hint = ValueHint::AnyPath)]
    pub output: Option<PathBuf>,
    /// The base of the IRIs of cpsv-ap (and of the unit and field URIs of hsds)
    #[arg(long, value_name = "IRI", default_value = tthc::io::export::DEFAULT_BASE)]
    pub base: String,
    /// The channel of unit_rates.parquet
    #[arg(long, value_name = "C", value_parser = vocab::<Channel>(), default_value_t = Channel::default())]
    pub channel: Channel,
    /// The day that decides which procedures are in force and apply [default: the document's
    /// as_of, else today in Vietnam]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = as_of)]
    pub as_of: Option<Date>,
    /// Language of the headers (xlsx)
    #[arg(long, value_parser = vocab::<Lang>(), default_value_t = Lang::default())]
    pub lang: Lang,
}

/// `tthc search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Words to find in codes, names and field names (case, tones and accents ignored)
    #[arg(required = true, num_args = 1..)]
    pub query: Vec<String>,
    /// A JSON catalogue to search [default: the 2,642 procedures of the 2026 portal]
    #[arg(long, value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub catalog: Option<PathBuf>,
    /// At most this many hits
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub limit: usize,
    /// Output: one hit a line, or JSON
    #[arg(long, value_parser = among(&[OutputFormat::Table, OutputFormat::Json], &[]), default_value_t = OutputFormat::Table)]
    pub format: OutputFormat,
}

/// `tthc fold`.
#[derive(Debug, Args)]
pub struct FoldArgs {
    /// The text, in one or more words
    #[arg(required = true, num_args = 1.., trailing_var_arg = true, allow_hyphen_values = true)]
    pub text: Vec<String>,
}

/// `tthc completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_consistent() {
        super::Cli::command().debug_assert();
    }
}
