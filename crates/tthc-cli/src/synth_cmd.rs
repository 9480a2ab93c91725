//! `tthc synth [--communes N] [--districts N] [--provinces N] [--procedures M] [--seed S] -o FILE`.

use std::process::ExitCode;

use tthc::synth::SynthOptions;

use crate::args::SynthArgs;
use crate::out;
use crate::progress::Spinner;

pub fn run(args: &SynthArgs) -> ExitCode {
    let options = SynthOptions {
        communes: args.communes,
        districts: args.districts,
        provinces: args.provinces,
        procedures: args.procedures,
        seed: args.seed,
        decisions: args.decisions,
    };
    if let Err(e) = options.check() {
        return out::fail(&e);
    }
    let file = args.output.display();
    let spinner = Spinner::start(format!(
        "generating {} communes and {} procedures",
        options.communes, options.procedures
    ));
    let json = tthc::synth::synth_json(&options);
    spinner.say(format!("writing {file}"));
    let written = std::fs::write(&args.output, &json);
    drop(spinner);
    if let Err(e) = written {
        eprintln!("tthc synth: cannot write {file}: {e}");
        return ExitCode::from(out::TROUBLE);
    }
    eprintln!("wrote {file}: {} bytes", json.len());
    ExitCode::SUCCESS
}
