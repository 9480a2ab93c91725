//! Invariants shared by the fuzz targets: what must hold of any input, whatever the bytes.
//!
//! Every check panics on a broken invariant, which libFuzzer records as a crash; an `Err` of
//! the library is never a failure (refusing bad input is its job), but an error must carry a
//! code and at least one problem.

use tthc::compliance::Basis;
use tthc::{Catalog, Channel, Compliance, ComplianceOptions, Date, Error, UnitCompliance};

/// The fixed "today" of every target (a target must be deterministic).
pub fn today() -> Date {
    Date::from_ymd(2024, 6, 30).expect("a valid day")
}

/// An error of the library: a stable code, a family, at least one problem, each with a code.
pub fn check_error(e: &Error) {
    assert!(!e.code().is_empty(), "an error without a code: {e:?}");
    assert!(!e.problems().is_empty(), "an error without problems: {e:?}");
    for p in e.problems() {
        assert!(
            !p.code.as_str().is_empty(),
            "a problem without a code: {p:?}"
        );
    }
    let _ = e.family();
    let _ = e.to_json();
}

/// Read a catalogue; a catalogue read must round-trip through its own JSON to an equal
/// catalogue.
pub fn read_catalog(bytes: &[u8]) -> Option<Catalog> {
    match Catalog::from_json(bytes) {
        Ok(catalog) => {
            round_trip(&catalog);
            Some(catalog)
        }
        Err(e) => {
            check_error(&e);
            None
        }
    }
}

/// The catalogue's JSON reads back to an equal catalogue.
pub fn round_trip(catalog: &Catalog) {
    round_trip_text(catalog, &catalog.to_json());
}

/// The catalogue's pretty JSON reads back to an equal catalogue too.
pub fn round_trip_pretty(catalog: &Catalog) {
    round_trip_text(catalog, &catalog.to_json_pretty());
}

fn round_trip_text(catalog: &Catalog, json: &str) {
    let again = Catalog::from_json(json.as_bytes())
        .unwrap_or_else(|e| panic!("the catalogue's own JSON does not read back: {e}\n{json}"));
    assert!(
        again == *catalog,
        "the JSON round trip changed the catalogue:\n{json}"
    );
}

/// Split the input at NUL bytes into at most `n` parts (the last takes the rest).
pub fn parts(data: &[u8], n: usize) -> Vec<&[u8]> {
    data.splitn(n, |b| *b == 0).collect()
}

/// `round(1000 · p / a)`, half up, computed in 128 bits (the reference of `Rate::permille`).
pub fn half_up_permille(p: u32, a: u32) -> u64 {
    let (p, a) = (u128::from(p), u128::from(a));
    u64::try_from((2000 * p + a) / (2 * a)).expect("fits")
}

/// Every invariant of a report computed with `options`:
/// published + outdated + missing = applicable (counted units), 0 ≤ rate ≤ 1, the percentage is
/// the half-up rounding of the exact rate, group totals are sums of their units, and each unit
/// computed alone equals its row (rank aside).
pub fn check_report(catalog: &Catalog, options: &ComplianceOptions) -> Compliance {
    let report = catalog.compliance(options);
    assert_eq!(
        report.units.len(),
        catalog.units().len(),
        "one row per unit"
    );
    for (i, u) in report.units.iter().enumerate() {
        assert_eq!(u.unit.0 as usize, i, "rows in unit order");
        check_unit(u);
        let (alone, applicable) = catalog.unit_compliance(u.unit, options);
        let row = UnitCompliance {
            rank: None,
            ..u.clone()
        };
        assert_eq!(
            alone, row,
            "a unit computed alone differs from its report row"
        );
        if u.basis == Basis::Items {
            assert_eq!(
                Some(applicable.len() as u32),
                u.applicable,
                "applicable list and count differ"
            );
        }
        let code = &catalog.unit(u.unit).code;
        let single = catalog
            .unit_report(code, options)
            .expect("a unit of the catalogue has a report");
        assert_eq!(single.rank, None, "a unit alone has no rank");
    }
    for g in &report.groups {
        let members: Vec<&UnitCompliance> = catalog
            .children(g.parent)
            .iter()
            .filter(|c| catalog.unit(**c).level == g.level)
            .map(|c| &report.units[c.0 as usize])
            .collect();
        assert_eq!(g.units as usize, members.len(), "group size");
        if !g.approximate {
            let sum = |get: fn(&UnitCompliance) -> Option<u32>| {
                members
                    .iter()
                    .try_fold(0u64, |acc, u| get(u).map(|v| acc + u64::from(v)))
            };
            let fits = |v: Option<u64>| v.and_then(|v| u32::try_from(v).ok());
            assert_eq!(
                g.applicable,
                fits(sum(|u| u.applicable)),
                "group applicable"
            );
            assert_eq!(g.published, fits(sum(|u| u.published)), "group published");
        }
        if let Some(r) = g.rate {
            assert!(r.published <= r.applicable, "group rate above 1: {r:?}");
        }
        let permilles: Vec<u64> = members
            .iter()
            .filter_map(|u| u.rate.map(tthc::Rate::permille))
            .collect();
        assert_eq!(g.min_permille, permilles.iter().copied().min(), "group min");
        assert_eq!(g.max_permille, permilles.iter().copied().max(), "group max");
        if let (Some(lo), Some(hi), Some(mean)) = (g.min_permille, g.max_permille, g.mean_permille)
        {
            assert!(lo <= mean && mean <= hi, "group mean outside [min, max]");
        }
    }
    // The JSON views serialise without panicking.
    let _ = report.to_json(catalog);
    report
}

fn check_unit(u: &UnitCompliance) {
    if let Some(r) = u.rate {
        assert!(r.applicable > 0, "a rate over zero");
        assert!(r.published <= r.applicable, "a rate above 1: {r:?}");
        assert_eq!(r.permille(), half_up_permille(r.published, r.applicable));
        let shown = tthc::format_percent(Some(r), tthc::Lang::En);
        let p = r.permille();
        assert_eq!(shown, format!("{}.{}%", p / 10, p % 10), "format_percent");
        assert_eq!(Some(r.published), u.published, "rate numerator = published");
        assert_eq!(
            Some(r.applicable),
            u.applicable,
            "rate denominator = applicable"
        );
    }
    if u.basis == Basis::Items {
        let (a, p, o) = (
            u.applicable.expect("counted units have applicable"),
            u.published.expect("counted units have published"),
            u.outdated.expect("counted units have outdated"),
        );
        assert_eq!(o as usize, u.outdated_procedures.len(), "outdated count");
        assert_eq!(
            u64::from(p) + u64::from(o) + u.missing.len() as u64,
            u64::from(a),
            "published + outdated + missing ≠ applicable"
        );
        assert_eq!(u.rate, tthc::Rate::new(p, a), "counted rate");
        let by_field_a: u64 = u.by_field.iter().map(|f| u64::from(f.applicable)).sum();
        let by_field_p: u64 = u.by_field.iter().map(|f| u64::from(f.published)).sum();
        assert_eq!(by_field_a, u64::from(a), "fields' applicable sum");
        assert_eq!(by_field_p, u64::from(p), "fields' published sum");
    }
}

/// The report's options for every channel, on the fixed day, with and without freshness.
pub fn every_option() -> Vec<ComplianceOptions> {
    let mut out = Vec::new();
    for channel in Channel::ALL {
        let base = ComplianceOptions {
            channel,
            ..ComplianceOptions::on(today())
        };
        out.push(base);
        out.push(base.with_stale_after(Some(30)).expect("30 ≥ 1"));
    }
    out
}

/// Import `file` strictly and leniently: never a panic; an imported catalogue round-trips; a
/// lenient import succeeds where the strict one does, with the same catalogue.
pub fn check_import(file: &[u8], second: Option<&[u8]>, format: tthc::io::import::Format) {
    use tthc::io::import::{import_bytes, ImportOptions};
    let strict = ImportOptions {
        format,
        ..ImportOptions::default()
    };
    let lenient = ImportOptions {
        lenient: true,
        ..strict.clone()
    };
    let strict = import_bytes(file, second, &strict);
    let lenient = import_bytes(file, second, &lenient);
    match &strict {
        Ok(imported) => round_trip(&imported.catalog),
        Err(e) => check_error(e),
    }
    match (&strict, &lenient) {
        (_, Err(e)) => check_error(e),
        (Err(_), Ok(imported)) => round_trip(&imported.catalog),
        (Ok(_), Ok(_)) => {}
    }
    if let Ok(s) = &strict {
        let l = lenient
            .as_ref()
            .expect("a lenient import fails where the strict one succeeds");
        assert!(s.catalog == l.catalog, "strict and lenient imports differ");
    }
}
