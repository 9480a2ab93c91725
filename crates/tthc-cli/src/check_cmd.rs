//! `tthc check FILE [--channel C] [--as-of D] [--stale-after DAYS] [--format table|json]`.

use std::fmt::Write as _;
use std::process::ExitCode;

use tthc::check::{check, counts, findings_json, CheckOptions};
use tthc::OutputFormat;

use crate::args::CheckArgs;
use crate::import_cmd::load;
use crate::out;

pub fn run(args: &CheckArgs) -> ExitCode {
    let catalog = match load(&args.file) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let options = CheckOptions {
        channel: args.channel,
        as_of: args.as_of,
        stale_after: args.stale_after,
        ..CheckOptions::default()
    };
    let findings = check(&catalog, &options);
    let text = if args.format == OutputFormat::Json {
        findings_json(&findings) + "\n"
    } else {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{}: {} finding{} (as of {})",
            args.file.display(),
            findings.len(),
            if findings.len() == 1 { "" } else { "s" },
            options.day(&catalog)
        );
        for (code, n) in counts(&findings) {
            let _ = writeln!(out, "  {:<28} {n:>6}", code.as_str());
        }
        if !findings.is_empty() {
            out.push('\n');
        }
        for f in &findings {
            let _ = writeln!(out, "{} at {}: {}", f.code.as_str(), f.path, f.message);
        }
        out
    };
    out::print(&text)
}
