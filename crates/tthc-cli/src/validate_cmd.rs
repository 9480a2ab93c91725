//! `tthc validate FILE [--format table|json]`.

use std::process::ExitCode;

use tthc::OutputFormat;

use crate::args::ValidateArgs;
use crate::out;
use crate::progress::Spinner;

pub fn run(args: &ValidateArgs) -> ExitCode {
    let file = args.file.display();
    let json = args.format == OutputFormat::Json;
    let spinner = Spinner::start(format!("reading {file}"));
    let result = tthc::Catalog::from_path(&args.file, &tthc::io::json::ReadOptions::default());
    drop(spinner);
    match result {
        Ok(c) => {
            if json {
                out::print(&format!("{}\n", tthc::error::problems_json(&[])))
            } else {
                out::print(&format!(
                    "{file}: valid — {} fields, {} procedures, {} units, {} postings, {} reports\n",
                    c.fields().len(),
                    c.procedures().len(),
                    c.units().len(),
                    c.posting_count(),
                    c.reports().len()
                ))
            }
        }
        Err(e @ tthc::Error::Io(_)) => {
            eprintln!("{e}");
            ExitCode::from(out::TROUBLE)
        }
        Err(e) => {
            if json {
                // The errors are the output; the status says they are errors.
                let _ = out::print(&format!("{}\n", e.to_json()));
            } else {
                let n = e.problems().len();
                eprintln!("{file}: {n} error{}", if n == 1 { "" } else { "s" });
                for p in e.problems() {
                    eprintln!("  {p}");
                }
            }
            ExitCode::from(out::INVALID)
        }
    }
}
