//! Name-based UUIDs, version 5 (RFC 9562 §5.5: SHA-1 of the namespace's 16 bytes followed by
//! the name, the version and variant bits set), for the stable ids of HSDS exports.
//!
//! ```
//! use tthc::io::export::uuid5::{uuid5, NAMESPACE_DNS};
//! assert_eq!(uuid5(&NAMESPACE_DNS, "python.org"), "886313e1-3b8a-5372-9b90-0c9aee199e5d");
//! ```

/// The DNS namespace of RFC 9562 (`6ba7b810-9dad-11d1-80b4-00c04fd430c8`).
pub const NAMESPACE_DNS: [u8; 16] = [
    0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8,
];

/// The URL namespace of RFC 9562 (`6ba7b811-9dad-11d1-80b4-00c04fd430c8`).
pub const NAMESPACE_URL: [u8; 16] = [
    0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8,
];

/// The 16 bytes of the version-5 UUID of `name` in `namespace`.
pub fn uuid5_bytes(namespace: &[u8; 16], name: &str) -> [u8; 16] {
    let mut sha = sha1_smol::Sha1::new();
    sha.update(namespace);
    sha.update(name.as_bytes());
    let digest = sha.digest().bytes();
    let mut out = [0u8; 16];
    out.copy_from_slice(&digest[..16]);
    out[6] = (out[6] & 0x0f) | 0x50;
    out[8] = (out[8] & 0x3f) | 0x80;
    out
}

/// The version-5 UUID of `name` in `namespace`, as lower-case hyphenated text.
pub fn uuid5(namespace: &[u8; 16], name: &str) -> String {
    format_uuid(&uuid5_bytes(namespace, name))
}

/// `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` in lower case.
pub fn format_uuid(bytes: &[u8; 16]) -> String {
    let mut out = String::with_capacity(36);
    for (i, &b) in bytes.iter().enumerate() {
        if matches!(i, 4 | 6 | 8 | 10) {
            out.push('-');
        }
        push_hex(&mut out, b, b"0123456789abcdef");
    }
    out
}

/// Append the two hex digits of `b` (from `digits`, lower or upper case).
pub(crate) fn push_hex(out: &mut String, b: u8, digits: &[u8; 16]) {
    out.push(char::from(digits[usize::from(b >> 4)]));
    out.push(char::from(digits[usize::from(b & 15)]));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_vectors() {
        // Python: uuid.uuid5(uuid.NAMESPACE_DNS, "python.org"), uuid.uuid5(uuid.NAMESPACE_URL, "urn:tthc:")
        assert_eq!(
            uuid5(&NAMESPACE_DNS, "python.org"),
            "886313e1-3b8a-5372-9b90-0c9aee199e5d"
        );
        assert_eq!(
            uuid5(&NAMESPACE_DNS, "www.example.com"),
            "2ed6657d-e927-568b-95e1-2665a8aea6a2"
        );
        assert_eq!(
            format_uuid(&NAMESPACE_URL),
            "6ba7b811-9dad-11d1-80b4-00c04fd430c8"
        );
    }
}
