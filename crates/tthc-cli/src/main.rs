//! `tthc`: compliance reports, validation and synthetic data for Vietnam's catalogue of
//! administrative procedures. Run `tthc help` for usage.

mod args;
mod import_cmd;
mod report_cmd;
mod synth_cmd;
mod text_cmd;
mod validate_cmd;

use std::io::Write;

const USAGE: &str = "\
tthc — Vietnam's catalogue of administrative procedures (thủ tục hành chính)

Usage:
  tthc report [FILE] [--channel C] [--as-of YYYY-MM-DD] [--format table|json|csv] [--lang vi|en]
      Compliance report; without FILE, the embedded An Biên 2018 dataset.
  tthc validate FILE [--format text|json]
      Exit 0 when valid, 1 when invalid (every error printed), 2 for usage or I/O problems.
  tthc synth [--communes N] [--districts N] [--procedures M] [--seed S] -o FILE
      Write a deterministic synthetic national-scale catalogue.
  tthc search QUERY [--catalog FILE] [--limit N] [--format table|json]
      Diacritic-insensitive ranked search; without --catalog, the embedded 2026 portal catalogue.
  tthc fold TEXT...          Fold Vietnamese text (no tones, no diacritics, đ → d).
  tthc sort                  Sort stdin's lines in Vietnamese order.

Channels: one_stop_shop (default), portal, national.
";

fn main() {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let (cmd, rest) = match argv.split_first() {
        Some((c, r)) => (c.as_str(), r),
        None => ("help", &[][..]),
    };
    let code = match cmd {
        "report" => report_cmd::run(rest),
        "validate" => validate_cmd::run(rest),
        "synth" => synth_cmd::run(rest),
        "fold" => text_cmd::fold(rest),
        "sort" => text_cmd::sort(rest),
        "search" => text_cmd::search(rest),
        "import" => import_cmd::import(rest),
        "stats" => import_cmd::stats(rest),
        "export" => import_cmd::export(rest),
        "help" | "--help" | "-h" => {
            print!("{USAGE}{}", import_cmd::USAGE);
            0
        }
        "--version" | "-V" => {
            println!("tthc {}", env!("CARGO_PKG_VERSION"));
            0
        }
        other => {
            eprintln!(
                "tthc: unknown command `{other}`\n\n{USAGE}{}",
                import_cmd::USAGE
            );
            2
        }
    };
    let _ = std::io::stdout().flush();
    std::process::exit(code);
}
