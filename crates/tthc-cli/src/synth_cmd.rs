//! `tthc synth [--communes N] [--districts N] [--provinces N] [--procedures M] [--seed S] -o FILE`.

use crate::args::{usage_error, Args};

pub fn run(words: &[String]) -> i32 {
    let args = match Args::parse(
        words,
        &[
            "communes",
            "districts",
            "provinces",
            "procedures",
            "seed",
            "o",
            "output",
        ],
        &[],
    ) {
        Ok(a) => a,
        Err(e) => return usage_error(&e),
    };
    let d = tthc::synth::SynthOptions::default();
    let num = |name: &str, default: u64| args.number(name, default);
    let options = (|| -> Result<tthc::synth::SynthOptions, String> {
        let small =
            |v: u64, name: &str| u32::try_from(v).map_err(|_| format!("--{name} is too large"));
        Ok(tthc::synth::SynthOptions {
            communes: small(num("communes", u64::from(d.communes))?, "communes")?,
            districts: small(num("districts", u64::from(d.districts))?, "districts")?,
            provinces: small(num("provinces", u64::from(d.provinces))?, "provinces")?,
            procedures: small(num("procedures", u64::from(d.procedures))?, "procedures")?,
            seed: num("seed", d.seed)?,
        })
    })();
    let options = match options {
        Ok(o) if o.procedures <= 999_000 && o.provinces <= 99 && o.districts <= 899 && o.communes <= 89_999 => o,
        Ok(_) => return usage_error("sizes must fit GSO codes: ≤ 99 provinces, ≤ 899 districts, ≤ 89,999 communes, ≤ 999,000 procedures"),
        Err(e) => return usage_error(&e),
    };
    let Some(out) = args.get("o").or(args.get("output")) else {
        return usage_error("synth needs -o FILE");
    };
    let json = tthc::synth::synth_json(&options);
    if let Err(e) = std::fs::write(out, &json) {
        eprintln!("tthc synth: cannot write {out}: {e}");
        return 2;
    }
    eprintln!("wrote {out}: {} bytes", json.len());
    0
}
