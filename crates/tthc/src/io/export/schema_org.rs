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

use std::fmt::Write as _;

use super::{authority_name, committee_name};
use crate::catalog::Catalog;
use crate::error::Error;
use crate::listing::{ListOrder, ListQuery, ListedProcedure};

/// The JSON-LD text of the procedures `query` lists (see the module docs).
///
/// Written directly (no `serde_json::Value`, so the WebAssembly widget's module has no JSON
/// writer): compact JSON with each object's keys in byte order — the text `serde_json` gives
/// for the same document as a `Value`, which the tests check — and `<`, `>`, `&` escaped.
pub fn schema_org(catalog: &Catalog, query: &ListQuery) -> Result<String, Error> {
    Ok(json_ld(catalog, query, &catalog.procedure_list(query)?))
}

/// [`schema_org`] with a precomputed [`ListOrder`] of this catalogue (the same text, listed by
/// [`Catalog::procedure_list_with`]): what the WebAssembly binding calls, so that its modules
/// need only the one way of ordering a list.
pub fn schema_org_with(
    catalog: &Catalog,
    query: &ListQuery,
    order: &ListOrder,
) -> Result<String, Error> {
    Ok(json_ld(
        catalog,
        query,
        &catalog.procedure_list_with(query, order)?,
    ))
}

/// The JSON-LD text of `list`, the procedures `query` lists.
fn json_ld(catalog: &Catalog, query: &ListQuery, list: &[ListedProcedure<'_>]) -> String {
    let unit = query
        .unit
        .as_deref()
        .and_then(|code| catalog.unit_id(code))
        .map(|id| catalog.unit(id));
    // The provider and the area served, the same for every item.
    let mut provider = String::new();
    let mut area = String::new();
    provider.push_str(r#"{"@type":"GovernmentOrganization","name":"#);
    if let Some(u) = unit {
        string(&mut provider, &committee_name(&u.name));
        area.push_str(r#"{"@type":"AdministrativeArea","identifier":"#);
        string(&mut area, &u.code);
        area.push_str(r#","name":"#);
        string(&mut area, &u.name);
    } else {
        string(
            &mut provider,
            query.level.map_or("Cơ quan nhà nước", authority_name),
        );
        area.push_str(r#"{"@type":"Country","name":"Việt Nam""#);
    }
    provider.push('}');
    area.push('}');
    let mut out =
        String::from(r#"{"@context":"https://schema.org","@type":"ItemList","itemListElement":["#);
    for (i, p) in list.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(r#"{"@type":"ListItem","item":{"@type":"GovernmentService","areaServed":"#);
        out.push_str(&area);
        out.push_str(r#","identifier":"#);
        string(&mut out, p.code);
        out.push_str(r#","name":"#);
        string(&mut out, p.name);
        out.push_str(r#","provider":"#);
        out.push_str(&provider);
        out.push_str(r#","serviceOperator":"#);
        out.push_str(&provider);
        out.push_str(r#","serviceType":"#);
        string(&mut out, p.field_name);
        let _ = write!(out, r#"}},"position":{}}}"#, i + 1);
    }
    let name = match unit {
        Some(u) => format!("Thủ tục hành chính — {}", u.name),
        None => "Thủ tục hành chính".to_owned(),
    };
    out.push_str(r#"],"name":"#);
    string(&mut out, &name);
    let _ = write!(out, r#","numberOfItems":{}}}"#, list.len());
    out
}

/// `text` as a JSON string, escaped as `serde_json` escapes it (`\"`, `\\`, `\b` `\f` `\n`
/// `\r` `\t`, other control characters as `\u00xx`) and with `<`, `>`, `&` as `\u003c`,
/// `\u003e`, `\u0026`, so that no text can close the script element.
fn string(out: &mut String, text: &str) {
    out.push('"');
    let mut rest = text;
    while let Some(at) = rest.find(|c: char| c < ' ' || matches!(c, '"' | '\\' | '<' | '>' | '&')) {
        out.push_str(&rest[..at]);
        let c = rest.as_bytes()[at];
        match c {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            0x08 => out.push_str("\\b"),
            0x0C => out.push_str("\\f"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(char::from(HEX[usize::from(c >> 4)]));
                out.push(char::from(HEX[usize::from(c & 0xF)]));
            }
        }
        rest = &rest[at + 1..];
    }
    out.push_str(rest);
    out.push('"');
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::{schema_org, schema_org_with};
    use crate::catalog::Catalog;
    use crate::listing::{ListOrder, ListQuery};

    /// Names with every character the writer escapes, and the script-closing ones.
    const DOC: &str = r#"{ "tthc": 1, "as_of": "2026-01-01",
      "fields": [ { "code": "ho-tich", "name": "Hộ \"tịch\" \\ <b> & \u0001\u001f\u007f" } ],
      "procedures": [
        { "code": "1.001193", "name": "Đăng ký </script><!-- \b\f\n\r\t -->", "field": "ho-tich", "levels": ["commune"] },
        { "code": "2.000001", "name": "Khai tử", "field": "ho-tich", "levels": ["commune", "district"] } ],
      "units": [ { "code": "30985", "name": "Xã \"An\" Biên <&>", "level": "commune" } ] }"#;

    /// Each object's keys in byte order, at every depth.
    fn keys_sorted(v: &Value) -> bool {
        match v {
            Value::Object(m) => {
                let keys: Vec<&String> = m.keys().collect();
                keys.windows(2).all(|w| w[0] < w[1]) && m.values().all(keys_sorted)
            }
            Value::Array(a) => a.iter().all(keys_sorted),
            _ => true,
        }
    }

    #[test]
    fn the_text_serde_json_writes_for_the_document_with_script_characters_escaped() {
        let catalog = Catalog::from_json(DOC.as_bytes()).expect("the test document");
        for unit in [Some("30985"), None] {
            for level in [None, Some("commune"), Some("district")] {
                let Ok(query) = ListQuery::parse(unit, level, None, None, None, None) else {
                    continue;
                };
                let Ok(ld) = schema_org(&catalog, &query) else {
                    assert_eq!(level, Some("district"), "{unit:?} {level:?}");
                    continue;
                };
                assert!(!ld.contains(['<', '>', '&']), "{ld}");
                let order = ListOrder::new(&catalog);
                let with = schema_org_with(&catalog, &query, &order).expect("same list");
                assert_eq!(with, ld, "schema_org_with, {unit:?} {level:?}");
                let v: Value = serde_json::from_str(&ld).expect("JSON");
                assert!(keys_sorted(&v), "{ld}");
                let again = serde_json::to_string(&v)
                    .expect("JSON text")
                    .replace('<', "\\u003c")
                    .replace('>', "\\u003e")
                    .replace('&', "\\u0026");
                assert_eq!(ld, again);
                let items = v["itemListElement"].as_array().expect("a list");
                assert_eq!(v["numberOfItems"], items.len());
                assert!(!items.is_empty());
                for (i, item) in items.iter().enumerate() {
                    assert_eq!(item["position"], i + 1);
                    assert_eq!(
                        item["item"]["serviceType"],
                        "Hộ \"tịch\" \\ <b> & \u{1}\u{1f}\u{7f}"
                    );
                }
                if unit.is_some() {
                    assert_eq!(v["name"], "Thủ tục hành chính — Xã \"An\" Biên <&>");
                    assert_eq!(
                        items[0]["item"]["provider"]["name"],
                        "Ủy ban nhân dân xã \"An\" Biên <&>"
                    );
                    assert_eq!(items[0]["item"]["areaServed"]["identifier"], "30985");
                } else {
                    assert_eq!(v["name"], "Thủ tục hành chính");
                    assert_eq!(items[0]["item"]["areaServed"]["name"], "Việt Nam");
                }
            }
        }
    }
}
