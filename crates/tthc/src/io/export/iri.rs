//! IRIs of exported things: `{base}{kind}/{segment}`, the segment percent-encoded (RFC 3986:
//! everything but `A-Z a-z 0-9 - . _ ~` as `%XX` of its UTF-8 bytes), so any code gives a
//! valid IRI and two different codes never give the same one.

/// `{base}{kind}/{code}` with `code` percent-encoded.
pub(crate) fn iri(base: &str, kind: &str, code: &str) -> String {
    let mut out = String::with_capacity(base.len() + kind.len() + 1 + code.len());
    out.push_str(base);
    out.push_str(kind);
    out.push('/');
    for b in code.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push('%');
            super::uuid5::push_hex(&mut out, b, b"0123456789ABCDEF");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::iri;

    #[test]
    fn segments_are_percent_encoded() {
        assert_eq!(
            iri("urn:tthc:", "procedure", "1.001193"),
            "urn:tthc:procedure/1.001193"
        );
        assert_eq!(
            iri("urn:tthc:", "field", "ho-tich"),
            "urn:tthc:field/ho-tich"
        );
        assert_eq!(
            iri("https://x.org/", "decision", "163/QĐ-BTP"),
            "https://x.org/decision/163%2FQ%C4%90-BTP"
        );
        assert_eq!(iri("urn:t:", "field", "a b%"), "urn:t:field/a%20b%25");
    }
}
