//! `tthc export [FILE] --to csv|cpsv-ap|hsds|parquet|xlsx [-o OUT] [--base IRI] [--channel C]
//! [--as-of D] [--lang L]`: one call to the core (`tthc::io::export::export`), then the file.
//!
//! Exit codes: 0 done, 1 invalid input, 2 usage or I/O problem (a binary export without `-o`,
//! a file that cannot be written).

use std::process::ExitCode;

use tthc::io::export::{export as core_export, ExportOptions, Output};
use tthc::{Catalog, ComplianceOptions};

use crate::args::ExportArgs;
use crate::import_cmd::load;
use crate::out;

/// `tthc export`.
pub fn run(args: &ExportArgs) -> ExitCode {
    let catalog = match &args.file {
        Some(path) => match load(path) {
            Ok(c) => c,
            Err(code) => return code,
        },
        None => Catalog::an_bien_2018(),
    };
    let options = ExportOptions {
        to: args.to,
        base: args.base.clone(),
        compliance: ComplianceOptions {
            channel: args.channel,
            as_of: args.as_of,
            ..ComplianceOptions::default()
        },
        lang: args.lang,
    };
    let output = match core_export(&catalog, &options) {
        Ok(o) => o,
        Err(e) => return out::fail(&e),
    };
    match (&output, args.output.as_deref()) {
        (Output::Text(text), path) => out::to_status(out::write_out(path, text)),
        (_, Some(path)) => match output.write_to(path) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => out::fail(&e),
        },
        (_, None) => {
            eprintln!(
                "tthc export --to {}: the output is binary or a directory; name it with -o",
                args.to
            );
            ExitCode::from(out::TROUBLE)
        }
    }
}
