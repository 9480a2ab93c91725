//! `tthc`: compliance reports, validation, import, search and synthetic data for Vietnam's
//! catalogue of administrative procedures. Run `tthc --help` for usage.
//!
//! The command parses arguments (clap, [`args`]), calls the core (`tthc`) and prints. Exit status: 0 done, 1 invalid input, 2 usage or I/O problems (clap's
//! usage errors exit 2 too; `--help` and `--version` exit 0).

mod args;
mod check_cmd;
mod diff_cmd;
mod export_cmd;
mod import_cmd;
mod out;
mod progress;
mod report_cmd;
mod synth_cmd;
mod text_cmd;
mod validate_cmd;

use std::process::ExitCode;

use clap::{CommandFactory as _, Parser as _};

use args::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let Some(command) = cli.command else {
        // `tthc` alone prints the help and succeeds, as `tthc help` does.
        return match Cli::command().print_help() {
            Ok(()) => ExitCode::SUCCESS,
            Err(_) => ExitCode::from(out::TROUBLE),
        };
    };
    match command {
        Command::Report(a) => report_cmd::run(&a),
        Command::Validate(a) => validate_cmd::run(&a),
        Command::Diff(a) => diff_cmd::run(&a),
        Command::Check(a) => check_cmd::run(&a),
        Command::Synth(a) => synth_cmd::run(&a),
        Command::Import(a) => import_cmd::import(&a),
        Command::Stats(a) => import_cmd::stats(&a),
        Command::Export(a) => export_cmd::run(&a),
        Command::Search(a) => text_cmd::search(&a),
        Command::Fold(a) => text_cmd::fold(&a),
        Command::Sort => text_cmd::sort(),
        Command::Completions(a) => {
            let mut stdout = std::io::stdout();
            clap_complete::generate(a.shell, &mut Cli::command(), "tthc", &mut stdout);
            ExitCode::SUCCESS
        }
    }
}
