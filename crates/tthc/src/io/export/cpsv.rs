//! CPSV-AP 3.2.0 as self-contained JSON-LD (`docs/exports.md`).
//!
//! The graph holds one `cpsv:PublicService` per procedure and every node it references, each
//! with its `rdf:type` (the SHACL shapes check classes closed-world):
//! - `{base}procedure/{code}`: `dct:identifier`, `dct:title` and `dct:description` (`vi`),
//!   `cv:hasCompetentAuthority` → the authority of each of its levels, `cv:thematicArea` → its
//!   field, `cv:hasChannel` → the one-stop desk (and the national portal when it is online),
//!   `cv:hasLegalResource` → its publishing decision, `adms:status` → in force, abolished or
//!   not yet effective on the day, `dct:language` → Vietnamese;
//! - `{base}authority/{level}`: a `cv:PublicOrganisation` (the People's Committee of the
//!   level, central or other agencies) whose `dct:spatial` is `{base}country/vn`;
//! - `{base}field/{code}`: a `skos:Concept`; `{base}channel/{name}`: a `cv:Channel`;
//!   `{base}decision/{number}`: an `eli:LegalResource`; `{base}status/{word}`: a `skos:Concept`;
//! - for each unit of the document, `{base}unit/{code}` (a `dct:Location`) and
//!   `{base}committee/{code}`, its People's Committee (a `cv:PublicOrganisation` whose
//!   `dct:spatial` is the unit, `org:subOrganizationOf` its parent's committee).
//!
//! The `@context` is inline (prefixes only): any JSON-LD processor reads the file offline.

use serde_json::{json, Map, Value};

use super::iri::iri;
use super::{authority_name, committee_name, description, standing, ExportOptions};
use crate::catalog::{Catalog, ProcId};
use crate::model::{LevelSet, Online};

/// The EU's authority IRI of the Vietnamese language.
const VIETNAMESE: &str = "http://publications.europa.eu/resource/authority/language/VIE";

fn vi(text: &str) -> Value {
    json!({ "@value": text, "@language": "vi" })
}

fn en(text: &str) -> Value {
    json!({ "@value": text, "@language": "en" })
}

fn id(iri: &str) -> Value {
    json!({ "@id": iri })
}

/// The catalogue as CPSV-AP 3.2.0 JSON-LD (pretty-printed), IRIs from `options.base`, the
/// standing of each procedure as of `options.compliance`'s day.
pub fn cpsv_ap(catalog: &Catalog, options: &ExportOptions) -> String {
    let base = options.base.as_str();
    let day = options.compliance.day(catalog);
    let mut graph: Vec<Value> = Vec::new();
    let country = iri(base, "country", "vn");
    graph.push(json!({
        "@id": country, "@type": "dct:Location",
        "dct:identifier": "VN", "locn:geographicName": vi("Việt Nam"),
    }));
    graph.push(json!({
        "@id": VIETNAMESE, "@type": "dct:LinguisticSystem", "dct:identifier": "vi",
    }));
    let mut levels = LevelSet::EMPTY;
    for p in catalog.procedures() {
        for l in p.levels.iter() {
            levels.insert(l);
        }
    }
    for level in levels.iter() {
        graph.push(json!({
            "@id": iri(base, "authority", level.as_str()), "@type": "cv:PublicOrganisation",
            "skos:prefLabel": vi(authority_name(level)), "dct:spatial": id(&country),
        }));
    }
    for f in catalog.fields() {
        let mut labels = vec![vi(&f.name)];
        if let Some(name) = &f.name_en {
            labels.push(en(name));
        }
        graph.push(json!({
            "@id": iri(base, "field", &f.code), "@type": "skos:Concept",
            "skos:notation": f.code, "skos:prefLabel": labels,
        }));
    }
    let online = catalog
        .procedures()
        .iter()
        .any(|p| matches!(p.online, Some(Online::Full | Online::Partial)));
    let channels: &[(&str, &str)] = if online { &CHANNELS } else { &CHANNELS[..1] };
    if !catalog.procedures().is_empty() {
        for (name, label) in channels {
            graph.push(json!({
                "@id": iri(base, "channel", name), "@type": "cv:Channel",
                "dct:identifier": name, "dct:description": vi(label),
            }));
        }
    }
    let mut decisions: Vec<&str> = catalog
        .procedures()
        .iter()
        .filter_map(|p| p.decision.as_deref())
        .collect();
    decisions.sort_unstable();
    decisions.dedup();
    for d in decisions {
        graph.push(json!({
            "@id": iri(base, "decision", d), "@type": "eli:LegalResource", "dct:identifier": d,
        }));
    }
    let mut standings = [false; 3];
    for i in 0..catalog.procedures().len() {
        standings[standing(catalog, ProcId(i as u32), day) as usize] = true;
    }
    for (s, used) in STANDINGS.iter().zip(standings) {
        if used {
            graph.push(json!({
                "@id": iri(base, "status", s.0), "@type": "skos:Concept",
                "skos:notation": s.0, "skos:prefLabel": vi(s.1),
            }));
        }
    }
    for (i, p) in catalog.procedures().iter().enumerate() {
        let pid = ProcId(i as u32);
        let authorities: Vec<Value> = p
            .levels
            .iter()
            .map(|l| id(&iri(base, "authority", l.as_str())))
            .collect();
        let mut channels = vec![id(&iri(base, "channel", CHANNELS[0].0))];
        if matches!(p.online, Some(Online::Full | Online::Partial)) {
            channels.push(id(&iri(base, "channel", CHANNELS[1].0)));
        }
        let mut service = Map::new();
        service.insert("@id".into(), iri(base, "procedure", p.code.as_str()).into());
        service.insert("@type".into(), "cpsv:PublicService".into());
        service.insert("dct:identifier".into(), p.code.as_str().into());
        service.insert("dct:title".into(), vi(&p.name));
        service.insert("dct:description".into(), vi(&description(catalog, pid)));
        service.insert("cv:hasCompetentAuthority".into(), authorities.into());
        let field = &catalog.field(p.field).code;
        service.insert("cv:thematicArea".into(), id(&iri(base, "field", field)));
        service.insert("cv:hasChannel".into(), channels.into());
        if let Some(d) = &p.decision {
            service.insert("cv:hasLegalResource".into(), id(&iri(base, "decision", d)));
        }
        let s = STANDINGS[standing(catalog, pid, day) as usize].0;
        service.insert("adms:status".into(), id(&iri(base, "status", s)));
        service.insert("dct:language".into(), id(VIETNAMESE));
        graph.push(Value::Object(service));
    }
    for u in catalog.units() {
        let location = iri(base, "unit", &u.code);
        graph.push(json!({
            "@id": location, "@type": "dct:Location",
            "dct:identifier": u.code, "locn:geographicName": vi(&u.name),
        }));
        let mut committee = Map::new();
        committee.insert("@id".into(), iri(base, "committee", &u.code).into());
        committee.insert("@type".into(), "cv:PublicOrganisation".into());
        committee.insert("skos:prefLabel".into(), vi(&committee_name(&u.name)));
        committee.insert("dct:spatial".into(), id(&location));
        if let Some(parent) = u.parent {
            let parent = &catalog.unit(parent).code;
            committee.insert(
                "org:subOrganizationOf".into(),
                id(&iri(base, "committee", parent)),
            );
        }
        graph.push(Value::Object(committee));
    }
    let doc = json!({ "@context": context(), "@graph": graph });
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
    text.push('\n');
    text
}

/// Channels of the services: every procedure is received at the one-stop desk; online ones
/// also on the National Public Service Portal.
const CHANNELS: [(&str, &str); 2] = [
    (
        "one_stop_shop",
        "Bộ phận Một cửa (Bộ phận Tiếp nhận và Trả kết quả)",
    ),
    ("national", "Cổng Dịch vụ công quốc gia (trực tuyến)"),
];

/// The status concepts, in the order of [`Standing`].
const STANDINGS: [(&str, &str); 3] = [
    ("in_force", "Đang có hiệu lực"),
    ("abolished", "Đã bãi bỏ"),
    ("not_yet_effective", "Chưa có hiệu lực"),
];

fn context() -> Value {
    json!({
        "cpsv": "http://purl.org/vocab/cpsv#",
        "cv": "http://data.europa.eu/m8g/",
        "dct": "http://purl.org/dc/terms/",
        "skos": "http://www.w3.org/2004/02/skos/core#",
        "eli": "http://data.europa.eu/eli/ontology#",
        "org": "http://www.w3.org/ns/org#",
        "locn": "http://www.w3.org/ns/locn#",
        "adms": "http://www.w3.org/ns/adms#",
    })
}
