//! schema.org JSON-LD for a commune's page (`docs/exports.md`): an `ItemList` of
//! `GovernmentService` items, the procedures a list shows (`Catalog::procedure_list`), ready
//! to go inside `<script type="application/ld+json">` — `<`, `>` and `&` are written as
//! `\u003c`, `\u003e`, `\u0026`, so no text can close the script element.
//!
//! ```
//! use tthc::listing::ListQuery;
//! let json = r#"{ "tthc": 1, "as_of": "2026-01-01",
//!   "fields": [ { "code": "ho-tich", "name": "Hộ tịch" } ],
//!   "procedures": [ { "code": "1.001193", "name": "Đăng ký khai sinh </script><b>", "field": "ho-tich", "levels": ["commune"] } ],
//!   "units": [ { "code": "30985", "name": "Xã An Biên", "level": "commune" } ] }"#;
//! let catalog = tthc::Catalog::from_json(json.as_bytes())?;
//! let query = ListQuery::parse(Some("30985"), None, None, None, None, None)?;
//! let ld = tthc::io::export::schema_org(&catalog, &query)?;
//! assert!(!ld.contains("</script>") && ld.contains(r"\u003c/script\u003e"));
//! let v: serde_json::Value = serde_json::from_str(&ld).expect("JSON");
//! assert_eq!(v["itemListElement"][0]["item"]["provider"]["name"], "Ủy ban nhân dân xã An Biên");
//! # Ok::<(), tthc::Error>(())
//! ```

use serde_json::{json, Value};

use super::{authority_name, committee_name};
use crate::catalog::Catalog;
use crate::error::Error;
use crate::listing::ListQuery;

/// The JSON-LD text of the procedures `query` lists (see the module docs).
pub fn schema_org(catalog: &Catalog, query: &ListQuery) -> Result<String, Error> {
    let list = catalog.procedure_list(query)?;
    let unit = query
        .unit
        .as_deref()
        .and_then(|code| catalog.unit_id(code))
        .map(|id| catalog.unit(id));
    let (provider, area) = match unit {
        Some(u) => (
            json!({ "@type": "GovernmentOrganization", "name": committee_name(&u.name) }),
            json!({ "@type": "AdministrativeArea", "name": u.name, "identifier": u.code }),
        ),
        None => (
            json!({ "@type": "GovernmentOrganization",
                    "name": query.level.map_or("Cơ quan nhà nước", authority_name) }),
            json!({ "@type": "Country", "name": "Việt Nam" }),
        ),
    };
    let items: Vec<Value> = list
        .iter()
        .enumerate()
        .map(|(i, p)| {
            json!({
                "@type": "ListItem",
                "position": i + 1,
                "item": {
                    "@type": "GovernmentService",
                    "name": p.name,
                    "identifier": p.code,
                    "serviceType": p.field_name,
                    "provider": provider,
                    "serviceOperator": provider,
                    "areaServed": area,
                },
            })
        })
        .collect();
    let name = match unit {
        Some(u) => format!("Thủ tục hành chính — {}", u.name),
        None => "Thủ tục hành chính".to_owned(),
    };
    let doc = json!({
        "@context": "https://schema.org",
        "@type": "ItemList",
        "name": name,
        "numberOfItems": items.len(),
        "itemListElement": items,
    });
    let text = serde_json::to_string(&doc).unwrap_or_default();
    Ok(text
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026"))
}
