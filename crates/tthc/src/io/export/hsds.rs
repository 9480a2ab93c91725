//! Open Referral HSDS 3.0 services as JSON (`docs/exports.md`): a JSON array with one
//! `service` object per procedure.
//!
//! - `id`: the version-5 UUID of the procedure's code in [`HSDS_NAMESPACE`], so the same
//!   procedure has the same id in every export;
//! - `name`; `description` (field, levels, decision, dates, online, as for CPSV-AP);
//! - `status`: `active`, `defunct` when abolished on the day, `inactive` when not yet
//!   effective;
//! - `organization` (and `organization_id`): the authority of the procedure's first level
//!   (the People's Committee of the level, central or other agencies), id the UUID of
//!   `authority/{level}`;
//! - `service_areas`: when the document has units, one per unit the procedure applies to on
//!   the day (id the UUID of `service_area/{procedure}/{unit}`, `name` the unit's name,
//!   `description` its GSO code and level, `uri` its IRI `{base}unit/{code}`);
//! - `languages`: Vietnamese (`vi`), id the UUID of `language/{procedure}/vi`;
//! - `attributes`: the field as a taxonomy term (ids the UUIDs of `field/{code}` and
//!   `attribute/{procedure}/field`).

use serde_json::{json, Value};

use super::iri::iri;
use super::uuid5::uuid5;
use super::{authority_name, description, standing, ExportOptions, Standing};
use crate::catalog::{Catalog, ProcId, UnitId};

/// The namespace of every HSDS id: the version-5 UUID of the name `urn:tthc:` in the URL
/// namespace of RFC 9562, `2d2046f7-b9ae-54c2-947b-47946440f47a`.
pub const HSDS_NAMESPACE: [u8; 16] = [
    0x2d, 0x20, 0x46, 0xf7, 0xb9, 0xae, 0x54, 0xc2, 0x94, 0x7b, 0x47, 0x94, 0x64, 0x40, 0xf4, 0x7a,
];

fn uuid(name: &str) -> String {
    uuid5(&HSDS_NAMESPACE, name)
}

/// The catalogue as a JSON array of HSDS 3.0 `service` objects (pretty-printed), with the
/// standing and the applicable units as of `options.compliance`'s day.
pub fn hsds(catalog: &Catalog, options: &ExportOptions) -> String {
    let day = options.compliance.day(catalog);
    // The units each procedure applies to (the rule of the compliance report).
    let mut areas: Vec<Vec<UnitId>> = vec![Vec::new(); catalog.procedures().len()];
    for i in 0..catalog.units().len() {
        let unit = UnitId(i as u32);
        let (_, applicable) = catalog.unit_compliance(unit, &options.compliance);
        for p in applicable {
            areas[p.0 as usize].push(unit);
        }
    }
    let services: Vec<Value> = catalog
        .procedures()
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let pid = ProcId(i as u32);
            let code = p.code.as_str();
            let id = uuid(code);
            let status = match standing(catalog, pid, day) {
                Standing::InForce => "active",
                Standing::Abolished => "defunct",
                Standing::NotYetEffective => "inactive",
            };
            let level = p.levels.iter().next();
            let org_name = level.map_or("Cơ quan thực hiện", authority_name);
            let org_id = uuid(&format!(
                "authority/{}",
                level.map_or("unknown", |l| l.as_str())
            ));
            let field = catalog.field(p.field);
            let service_areas: Vec<Value> = areas[i]
                .iter()
                .map(|&u| {
                    let unit = catalog.unit(u);
                    json!({
                        "id": uuid(&format!("service_area/{code}/{}", unit.code)),
                        "service_id": id,
                        "name": unit.name,
                        "description": format!("{} (mã {}, {})", unit.name, unit.code,
                                               unit.level.label_vi().to_lowercase()),
                        "uri": iri(&options.base, "unit", &unit.code),
                    })
                })
                .collect();
            let mut service = json!({
                "id": id,
                "name": p.name,
                "description": description(catalog, pid),
                "status": status,
                "organization_id": org_id,
                "organization": {
                    "id": org_id,
                    "name": org_name,
                    "description": format!("{org_name}: cơ quan thực hiện thủ tục hành chính"),
                },
                "languages": [{
                    "id": uuid(&format!("language/{code}/vi")),
                    "service_id": id,
                    "name": "Tiếng Việt",
                    "code": "vi",
                }],
                "attributes": [{
                    "id": uuid(&format!("attribute/{code}/field")),
                    "link_id": id,
                    "link_type": "field",
                    "link_entity": "service",
                    "taxonomy_term_id": uuid(&format!("field/{}", field.code)),
                    "value": field.code,
                    "taxonomy_term": {
                        "id": uuid(&format!("field/{}", field.code)),
                        "code": field.code,
                        "name": field.name,
                        "description": format!("Lĩnh vực {}", field.name),
                        "term_uri": iri(&options.base, "field", &field.code),
                    },
                }],
            });
            if !service_areas.is_empty() {
                service["service_areas"] = service_areas.into();
            }
            service
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&services).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::export::uuid5::NAMESPACE_URL;

    #[test]
    fn the_namespace_is_the_uuid_of_urn_tthc() {
        assert_eq!(
            super::super::uuid5::uuid5_bytes(&NAMESPACE_URL, "urn:tthc:"),
            HSDS_NAMESPACE
        );
    }
}
