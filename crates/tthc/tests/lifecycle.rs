//! The additions of docs/format.md's "Catalogues over time" part: agencies, decisions,
//! freshness and eras, read, validated, written back and computed.

use tthc::{Catalog, Error};

fn codes(e: &Error) -> Vec<(&'static str, String)> {
    e.problems()
        .iter()
        .map(|p| (p.code.as_str(), p.path.clone()))
        .collect()
}

/// A document with one field and the given procedures and units (JSON text of each).
fn doc(procedures: &str, units: &str, extra: &str) -> String {
    format!(
        r#"{{"tthc":1,"as_of":"2025-12-31","fields":[{{"code":"ho-tich","name":"Hộ tịch"}}],
        "procedures":[{procedures}],"units":[{units}]{extra}}}"#
    )
}

fn read(text: &str) -> Result<Catalog, Error> {
    let c = Catalog::from_json(text.as_bytes())?;
    let back = Catalog::from_json(c.to_json().as_bytes()).expect("its own JSON reads back");
    assert_eq!(back, c, "round trip");
    Ok(c)
}

const P1: &str = r#"{"code":"1.001193","name":"Khai sinh","field":"ho-tich","levels":["commune"]}"#;

#[test]
fn agencies_are_read_and_written_in_order() {
    let p = r#"{"code":"1.001193","name":"Khai sinh","field":"ho-tich","levels":["commune"],
        "agencies":["Ủy ban nhân dân cấp xã","Công an cấp Xã"]}"#;
    let c = read(&doc(p, "", "")).expect("valid");
    assert_eq!(
        c.procedures()[0].agencies,
        ["Ủy ban nhân dân cấp xã", "Công an cấp Xã"]
    );
    assert!(c
        .to_json()
        .contains(r#""agencies":["Ủy ban nhân dân cấp xã","Công an cấp Xã"]"#));
    // Null and an empty list are absent; nothing is written back.
    for none in ["null", "[]"] {
        let p = format!(
            r#"{{"code":"1.001193","name":"A","field":"ho-tich","levels":["commune"],"agencies":{none}}}"#
        );
        let c = read(&doc(&p, "", "")).expect("valid");
        assert!(c.procedures()[0].agencies.is_empty());
        assert!(!c.to_json().contains("agencies"));
    }
    assert!(read(&doc(P1, "", "")).expect("valid").procedures()[0]
        .agencies
        .is_empty());
}

#[test]
fn bad_agencies_are_errors_with_their_path() {
    let p = r#"{"code":"1.001193","name":"A","field":"ho-tich","levels":["commune"],"agencies":["Sở Tư pháp"," ",7]},
               {"code":"1.001194","name":"B","field":"ho-tich","levels":["commune"],"agencies":"Sở Tư pháp"}"#;
    let err = read(&doc(p, "", "")).expect_err("invalid");
    assert_eq!(
        codes(&err),
        [
            ("wrong_type", "/procedures/0/agencies/2".to_owned()),
            ("wrong_type", "/procedures/1/agencies".to_owned()),
        ]
    );
    // An empty name alone (no structural problem in the item) is bad_value.
    let p = r#"{"code":"1.001193","name":"A","field":"ho-tich","levels":["commune"],"agencies":["Sở Tư pháp",""]}"#;
    let err = read(&doc(p, "", "")).expect_err("invalid");
    assert_eq!(
        codes(&err),
        [("bad_value", "/procedures/0/agencies/1".to_owned())]
    );
}

/// Procedures A–D of the commune level, E of the province, F central only.
const PROCS: &str = r#"
    {"code":"1.000001","name":"A","field":"ho-tich","levels":["commune"]},
    {"code":"1.000002","name":"B","field":"ho-tich","levels":["commune"]},
    {"code":"1.000003","name":"C","field":"ho-tich","levels":["commune"]},
    {"code":"1.000004","name":"D","field":"ho-tich","levels":["commune"]},
    {"code":"1.000005","name":"E","field":"ho-tich","levels":["province"]},
    {"code":"1.000006","name":"F","field":"ho-tich","levels":["central"]}"#;

/// Two provinces; 91 has communes 30985 and 30988, 92 has commune 40001.
const UNITS: &str = r#"
    {"code":"91","name":"Tỉnh An Giang","level":"province"},
    {"code":"30985","name":"Xã An Biên","level":"commune","parent":"91",
     "published":{"one_stop_shop":[{"procedure":"1.000002","on":"2025-08-01"},"1.000001","1.000003"]}},
    {"code":"30988","name":"Xã Tây Yên","level":"commune","parent":"91"},
    {"code":"92","name":"Tỉnh Khác","level":"province"},
    {"code":"40001","name":"Xã Khác","level":"commune","parent":"92"}"#;

/// 1: province 91's complete commune list (A, B, F) from 2025-07-01; 2: 91 amends B and
/// replaces A by C from 2025-09-01; 3: a nationwide decision abolishes D from 2025-08-01.
const DECISIONS: &str = r#","decisions":[
    {"id":"1/QĐ-UBND","effective":"2025-07-01","scope":{"level":"commune","within":"91"},"complete":true,
     "items":[{"procedure":"1.000001","action":"listed"},{"procedure":"1.000002","action":"listed"},
              {"procedure":"1.000006","action":"new"}]},
    {"id":"2/QĐ-UBND","effective":"2025-09-01","scope":{"level":"commune","within":"91"},
     "items":[{"procedure":"1.000002","action":"amended"},{"procedure":"1.000001","action":"replaced","by":"1.000003"}]},
    {"id":"3/QĐ-BTP","effective":"2025-08-01","scope":{"level":"commune"},
     "items":[{"procedure":"1.000004","action":"abolished"}]}]"#;

fn on(day: &str) -> tthc::ComplianceOptions {
    tthc::ComplianceOptions::parse(None, Some(day)).expect("valid options")
}

fn applicable(c: &Catalog, r: &tthc::Compliance, unit: &str) -> Vec<String> {
    let u = r.unit_by_code(c, unit).expect("unit");
    let id = u.unit;
    let (_, list) = c.unit_compliance(id, &on(&r.as_of.to_string()));
    list.iter().map(|&p| c.procedure(p).name.clone()).collect()
}

#[test]
fn decisions_are_read_and_written_back() {
    let c = read(&doc(PROCS, UNITS, DECISIONS)).expect("valid");
    assert_eq!(c.decisions().len(), 3);
    let d = &c.decisions()[1];
    assert_eq!(d.id, "2/QĐ-UBND");
    assert_eq!(d.items[1].action, tthc::catalog::Action::Replaced);
    assert_eq!(
        c.decision_id("3/QĐ-BTP"),
        Some(tthc::catalog::DecisionId(2))
    );
    let json = c.to_json();
    assert!(json.contains(r#""complete":true"#), "{json}");
    assert_eq!(
        json.matches("\"complete\"").count(),
        1,
        "false is not written"
    );
}

#[test]
fn decisions_apply_in_effective_order_and_are_shared() {
    let c = read(&doc(PROCS, UNITS, DECISIONS)).expect("valid");
    let r = c.compliance(&on("2025-12-31"));
    // 91's communes: complete list {A, B, F}; D abolished nationwide (already out); B amended;
    // A replaced by C → {B, C, F}.
    assert_eq!(applicable(&c, &r, "30985"), ["B", "C", "F"]);
    assert_eq!(applicable(&c, &r, "30988"), ["B", "C", "F"]);
    // Another province's commune: the levels' list minus D.
    assert_eq!(applicable(&c, &r, "40001"), ["A", "B", "C"]);
    // The province itself: no decision of its level.
    assert_eq!(applicable(&c, &r, "91"), ["E"]);
    let view = r.view(&c);
    let row = |code: &str| view.units.iter().find(|u| u.unit == code).expect("row");
    assert_eq!(row("30985").applicability, "decisions");
    assert_eq!(
        row("30985").decisions,
        ["1/QĐ-UBND", "3/QĐ-BTP", "2/QĐ-UBND"],
        "by effective day, not document order"
    );
    assert_eq!(row("40001").decisions, ["3/QĐ-BTP"]);
    assert_eq!(row("91").applicability, "levels");
    assert!(row("91").decisions.is_empty());
    // 30985 posted B on 2025-08-01, before the amendment of 2025-09-01: outdated; A no longer
    // applies (posted_not_applicable); C published. 1 of 3.
    let u = row("30985");
    assert_eq!(u.outdated_procedures, ["1.000002"]);
    assert_eq!(u.missing, ["1.000006"]);
    assert_eq!(u.rate, Some([1, 3]));
    assert!(r.warnings.iter().any(|w| w.code == "posted_not_applicable"
        && w.procedure.as_ref().map(|p| p.code(&c)) == Some("1.000001")));
}

#[test]
fn decisions_count_from_their_effective_day() {
    let c = read(&doc(PROCS, UNITS, DECISIONS)).expect("valid");
    // Before any decision: the levels.
    let r = c.compliance(&on("2025-06-30"));
    assert_eq!(applicable(&c, &r, "30985"), ["A", "B", "C", "D"]);
    assert_eq!(r.view(&c).units[1].applicability, "levels");
    // On the first decision's day: its complete list.
    let r = c.compliance(&on("2025-07-01"));
    assert_eq!(applicable(&c, &r, "30985"), ["A", "B", "F"]);
    // B is not amended yet: the posting of 2025-08-01 counts (as of 2025-08-15).
    let r = c.compliance(&on("2025-08-15"));
    let u = r.unit_by_code(&c, "30985").expect("unit");
    assert_eq!((u.published, u.outdated), (Some(2), Some(0)));
    assert_eq!(applicable(&c, &r, "40001"), ["A", "B", "C"]);
}

#[test]
fn a_procedure_not_in_force_leaves_a_decision_list() {
    let procs = r#"{"code":"1.000001","name":"A","field":"ho-tich","levels":["commune"],"abolished":"2025-10-01"},
                   {"code":"1.000002","name":"B","field":"ho-tich","levels":["province"],"effective":"2026-01-01"}"#;
    let decisions = r#","decisions":[{"id":"9","effective":"2025-01-01","scope":{"level":"commune"},"complete":true,
        "items":[{"procedure":"1.000001","action":"listed"},{"procedure":"1.000002","action":"new"}]}]"#;
    let units = r#"{"code":"30985","name":"Xã","level":"commune"}"#;
    let c = read(&doc(procs, units, decisions)).expect("valid");
    let r = c.compliance(&on("2025-09-30"));
    assert_eq!(applicable(&c, &r, "30985"), ["A"]);
    let r = c.compliance(&on("2025-12-31"));
    assert!(applicable(&c, &r, "30985").is_empty());
    assert_eq!(r.units[0].rate, None);
}

#[test]
fn applies_overrides_come_after_decisions() {
    let units = r#"{"code":"91","name":"Tỉnh","level":"province"},
        {"code":"30985","name":"Xã","level":"commune","parent":"91","applies":{"add":["1.000004"],"remove":["1.000006"]}}"#;
    let c = read(&doc(PROCS, units, DECISIONS)).expect("valid");
    let r = c.compliance(&on("2025-12-31"));
    // {B, C, F} from the decisions, + D (applies.add, though abolished by 3/QĐ-BTP), − F.
    assert_eq!(applicable(&c, &r, "30985"), ["B", "C", "D"]);
}

#[test]
fn bad_decisions_are_errors_with_their_paths() {
    let units = r#"{"code":"91","name":"Tỉnh","level":"province"},{"code":"30985","name":"Xã","level":"commune","parent":"91"}"#;
    let decisions = r#","decisions":[
        {"id":" ","effective":"2025-01-01","scope":{"level":"commune"},"items":[]},
        {"id":"A","effective":"2025-01-01","scope":{"level":"ward"},"items":[]},
        {"id":"A","effective":"2025-01-01","scope":{"level":"commune"},"items":[]},
        {"id":"B","effective":"2025-02-30","scope":{"level":"commune"},"items":[]},
        {"id":"C","scope":{"level":"commune","within":"99"},"items":[]},
        {"id":"D","effective":"2025-01-01","scope":{"level":"province","within":"30985"},"items":[]},
        {"id":"E","effective":"2025-01-01","scope":{"level":"commune","within":"91"},"items":[
            {"procedure":"1.999999","action":"listed"},
            {"procedure":"1.000001","action":"moved"},
            {"procedure":"1.000002","action":"listed","by":"1.000003"},
            {"procedure":"1.000003","action":"replaced"},
            {"procedure":"1.000004","action":"replaced","by":"1.999998"},
            {"procedure":"1.000002","action":"abolished"}]},
        {"id":"F","effective":"2025-01-01","scope":{"level":"commune"},"items":[
            {"procedure":"1.000001","action":"replaced","by":"1.000002"},
            {"procedure":"1.000003","action":"listed"},
            {"procedure":"1.000002","action":"replaced","by":"1.000001"},
            {"procedure":"1.000004","action":"replaced","by":"1.000004"}]},
        {"id":"G","effective":"2025-01-01","scope":null,"complete":"yes","items":[{"procedure":"1.000001","action":"new","note":1}]},
        {"id":"H","effective":"2025-01-01","scope":{"level":"commune"},"items":"1.000001"}]"#;
    let err = read(&doc(PROCS, units, decisions)).expect_err("invalid");
    let p = |s: &str| s.to_owned();
    assert_eq!(
        codes(&err),
        [
            // Structural problems first, in document order.
            ("bad_date", p("/decisions/3/effective")),
            ("missing_key", p("/decisions/4")),
            ("wrong_type", p("/decisions/8/scope")),
            ("wrong_type", p("/decisions/8/complete")),
            ("unknown_key", p("/decisions/8/items/0/note")),
            ("wrong_type", p("/decisions/9/items")),
            // Then the validator's.
            ("bad_code", p("/decisions/0/id")),
            ("unknown_level", p("/decisions/1/scope/level")),
            ("duplicate_code", p("/decisions/2/id")),
            ("bad_parent", p("/decisions/5/scope/within")),
            ("unknown_procedure", p("/decisions/6/items/0/procedure")),
            ("bad_value", p("/decisions/6/items/1/action")),
            ("bad_value", p("/decisions/6/items/2/by")),
            ("missing_key", p("/decisions/6/items/3")),
            ("unknown_procedure", p("/decisions/6/items/4/by")),
            ("duplicate_code", p("/decisions/6/items/5/procedure")),
            ("replacement_cycle", p("/decisions/7/items/0")),
            ("replacement_cycle", p("/decisions/7/items/3")),
        ]
    );
    let cycle = &err.problems()[16];
    assert!(
        cycle.message.contains("1.000001 by 1.000002 by 1.000001"),
        "{}",
        cycle.message
    );
}

#[test]
fn a_scope_within_an_unknown_unit() {
    let decisions = r#","decisions":[{"id":"C","effective":"2025-01-01","scope":{"level":"commune","within":"99"},"items":[]}]"#;
    let err = read(&doc(PROCS, "", decisions)).expect_err("invalid");
    assert_eq!(
        codes(&err),
        [("unknown_unit", "/decisions/0/scope/within".to_owned())]
    );
    // The same level as the scope is fine: a decision for one commune.
    let units = r#"{"code":"30985","name":"Xã","level":"commune"}"#;
    let decisions = r#","decisions":[{"id":"C","effective":"2025-01-01","scope":{"level":"commune","within":"30985"},"complete":true,"items":[{"procedure":"1.000003","action":"listed"}]}]"#;
    let c = read(&doc(PROCS, units, decisions)).expect("valid");
    let r = c.compliance(&on("2025-12-31"));
    assert_eq!(applicable(&c, &r, "30985"), ["C"]);
}

fn fresh(day: &str, stale_after: i64) -> tthc::ComplianceOptions {
    on(day)
        .with_stale_after(Some(stale_after))
        .expect("valid stale_after")
}

#[test]
fn checked_is_read_and_written_back() {
    let units = r#"{"code":"30985","name":"Xã","level":"commune","published":{"one_stop_shop":[
        {"procedure":"1.000001","on":"2025-07-03","checked":"2026-03-01"},
        {"procedure":"1.000002","checked":"2026-03-01"},
        {"procedure":"1.999999","on":"2025-01-01","checked":"2025-02-01"}]}}"#;
    let c = read(&doc(PROCS, units, "")).expect("valid");
    let postings = c.units()[0].postings(tthc::Channel::OneStopShop);
    let got: Vec<_> = postings
        .iter_checked()
        .map(|(p, on, checked)| {
            (
                c.procedure(p).code.as_str(),
                on.map(|d| d.to_string()),
                checked.map(|d| d.to_string()),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "1.000001",
                Some("2025-07-03".into()),
                Some("2026-03-01".into())
            ),
            ("1.000002", None, Some("2026-03-01".into())),
        ]
    );
    assert_eq!(
        postings.unknown()[0]
            .checked
            .map(|d| d.to_string())
            .as_deref(),
        Some("2025-02-01")
    );
    assert!(c
        .to_json()
        .contains(r#"{"procedure":"1.000002","checked":"2026-03-01"}"#));
}

#[test]
fn a_check_before_the_posting_is_a_bad_date() {
    let units = r#"{"code":"30985","name":"Xã","level":"commune","published":{"portal":[
        {"procedure":"1.000001","on":"2025-07-03","checked":"2025-07-02"},
        {"checked":"2025-01-01","procedure":"1.000002","on":"2025-02-01"},
        {"procedure":"1.000003","on":"2025-07-03","checked":"2025-07-03"}]}}"#;
    let err = read(&doc(PROCS, units, "")).expect_err("invalid");
    assert_eq!(
        codes(&err),
        [
            ("bad_date", "/units/0/published/portal/0/checked".to_owned()),
            ("bad_date", "/units/0/published/portal/1/checked".to_owned()),
        ]
    );
}

/// Commune 30985, as of 2026-03-31 with `stale_after` 90 (90 days before is 2025-12-31):
/// A checked 2025-12-31 (exactly 90 days: fresh), B posted 2025-12-30 and never checked (91
/// days: stale), C posted undated (unchecked), D posted twice — undated and checked
/// 2026-01-15 (the fresher counts: fresh).
const FRESH_UNITS: &str = r#"{"code":"30985","name":"Xã","level":"commune","published":{"one_stop_shop":[
    {"procedure":"1.000001","on":"2025-01-01","checked":"2025-12-31"},
    {"procedure":"1.000002","on":"2025-12-30"},
    "1.000003",
    "1.000004",{"procedure":"1.000004","checked":"2026-01-15"}]}}"#;

#[test]
fn stale_and_unchecked_at_the_boundary() {
    let c = read(&doc(PROCS, FRESH_UNITS, "")).expect("valid");
    let r = c.compliance(&fresh("2026-03-31", 90));
    let view = r.view(&c);
    let u = &view.units[0];
    assert_eq!(u.stale.as_deref(), Some(&["1.000002"][..]));
    assert_eq!(u.unchecked, Some(1));
    // Stale and unchecked postings still count as published.
    assert_eq!(u.published, Some(4));
    // One day later A is stale too (91 days); with 91 days B is fresh again.
    let r = c.compliance(&fresh("2026-04-01", 90));
    assert_eq!(
        r.view(&c).units[0].stale.as_deref(),
        Some(&["1.000001", "1.000002"][..])
    );
    let r = c.compliance(&fresh("2026-03-31", 91));
    assert_eq!(r.view(&c).units[0].stale.as_deref(), Some(&[][..]));
    // Without the option nothing is computed nor written.
    let r = c.compliance(&on("2026-03-31"));
    assert_eq!(r.units[0].stale, None);
    assert!(!r.to_json(&c).contains("stale"));
    assert!(!r.to_json(&c).contains("unchecked"));
}

#[test]
fn only_published_postings_are_stale() {
    // B amended after its posting (outdated), A posted after the day (not yet), C not
    // applicable: none is stale or unchecked, though all are old or undated.
    let procs = r#"{"code":"1.000001","name":"A","field":"ho-tich","levels":["commune"]},
        {"code":"1.000002","name":"B","field":"ho-tich","levels":["commune"],"amended":"2026-01-01"},
        {"code":"1.000003","name":"C","field":"ho-tich","levels":["province"]}"#;
    let units = r#"{"code":"30985","name":"Xã","level":"commune","published":{"one_stop_shop":[
        {"procedure":"1.000001","on":"2026-05-01"},{"procedure":"1.000002","on":"2020-01-01"},"1.000003"]}}"#;
    let c = read(&doc(procs, units, "")).expect("valid");
    let r = c.compliance(&fresh("2026-03-31", 30));
    let u = &r.view(&c).units[0];
    assert_eq!(u.stale.as_deref(), Some(&[][..]));
    assert_eq!(u.unchecked, Some(0));
    assert_eq!(u.published, Some(0));
}

#[test]
fn reported_units_get_empty_freshness() {
    let units = r#"{"code":"30985","name":"Xã","level":"commune"}"#;
    let extra = r#","reports":[{"unit":"30985","scope":"self","procedures":10,"published":9}]"#;
    let c = read(&doc(PROCS, units, extra)).expect("valid");
    let r = c.compliance(&fresh("2026-03-31", 30));
    let u = &r.view(&c).units[0];
    assert_eq!(
        (u.basis, u.stale.as_deref(), u.unchecked),
        ("reported", Some(&[][..]), Some(0))
    );
}

#[test]
fn stale_after_must_be_a_positive_number_of_days() {
    for bad in [0, -1, i64::from(u32::MAX) + 1] {
        let err = on("2026-01-01")
            .with_stale_after(Some(bad))
            .expect_err("invalid");
        assert_eq!((err.code(), err.path()), ("bad_value", "stale_after"));
    }
    assert_eq!(
        on("2026-01-01")
            .with_stale_after(None)
            .expect("ok")
            .stale_after,
        None
    );
}

#[test]
fn units_outside_their_era_are_not_ranked_and_name_their_successors() {
    let c = Catalog::an_bien_2018();
    // In 2018 every unit exists: the district ranks 1.
    let r = c.compliance(&on("2018-12-31"));
    assert!(r.units.iter().all(|u| u.current));
    assert_eq!(r.unit_by_code(&c, "908").and_then(|u| u.rank), Some(1));
    // On 2026-01-01 none does (valid_to 2025-06-30): no rank; the report names the three
    // communes of 2025-07-01 that took over.
    let r = c.compliance(&on("2026-01-01"));
    let view = r.view(&c);
    assert!(view.units.iter().all(|u| !u.current && u.rank.is_none()));
    let district = view.units.iter().find(|u| u.unit == "908").expect("908");
    assert_eq!(district.successors, ["30985", "30988", "31006"]);
    let successors: std::collections::BTreeSet<&str> = view
        .units
        .iter()
        .filter(|u| u.level == "commune")
        .flat_map(|u| u.successors.iter().copied())
        .collect();
    assert_eq!(
        successors.into_iter().collect::<Vec<_>>(),
        ["30985", "30988", "31006"]
    );
    // The last day of validity still counts; the first day of a unit too.
    let r = c.compliance(&on("2025-06-30"));
    assert!(r.units.iter().all(|u| u.current));
}

#[test]
fn new_units_rank_among_themselves_only() {
    // An old commune (until 2025-06-30) at 1/1 and two new ones (from 2025-07-01) at 1/2 and
    // 0/2: as of 2025-12-31 the new ones rank 1 and 2, the old one is not ranked.
    let procs = r#"{"code":"1.000001","name":"A","field":"ho-tich","levels":["commune"]},
                   {"code":"1.000002","name":"B","field":"ho-tich","levels":["commune"],"effective":"2025-07-01"}"#;
    let units = r#"{"code":"30991","name":"Xã Tây Yên A","level":"commune","valid_to":"2025-06-30","successors":["30988"],
                    "published":{"one_stop_shop":["1.000001"]}},
                   {"code":"30988","name":"Xã Tây Yên","level":"commune","valid_from":"2025-07-01","published":{"one_stop_shop":["1.000001"]}},
                   {"code":"31006","name":"Xã Đông Thái","level":"commune","valid_from":"2025-07-01","published":{"one_stop_shop":[]}}"#;
    let c = read(&doc(procs, units, "")).expect("valid");
    let r = c.compliance(&on("2025-12-31"));
    let ranks: Vec<(bool, Option<u32>)> = r.units.iter().map(|u| (u.current, u.rank)).collect();
    assert_eq!(ranks, [(false, None), (true, Some(1)), (true, Some(2))]);
    // Before the merger it is the other way round.
    let r = c.compliance(&on("2025-06-30"));
    let ranks: Vec<(bool, Option<u32>)> = r.units.iter().map(|u| (u.current, u.rank)).collect();
    assert_eq!(ranks, [(true, Some(1)), (false, None), (false, None)]);
}

#[test]
fn synthetic_catalogue_with_decisions() {
    let options = tthc::synth::SynthOptions {
        communes: 300,
        districts: 30,
        provinces: 5,
        procedures: 120,
        decisions: true,
        ..tthc::synth::SynthOptions::default()
    };
    let c = Catalog::from_json(tthc::synth::synth_json(&options).as_bytes()).expect("valid");
    assert_eq!(c.decisions().len(), 5 + 10);
    let r = c.compliance(&tthc::ComplianceOptions::default());
    for u in &r.units {
        let commune = c.unit(u.unit).level == tthc::Level::Commune;
        assert_eq!(u.decisions.len(), if commune { 11 } else { 0 });
    }
    // The same seed without decisions: the same units and postings.
    let plain = Catalog::from_json(
        tthc::synth::synth_json(&tthc::synth::SynthOptions {
            decisions: false,
            ..options
        })
        .as_bytes(),
    )
    .expect("valid");
    assert_eq!(plain.units(), c.units());
}
