//! Procedure codes: the national `d.dddddd` with an optional local agency suffix.

use std::fmt;

/// A validated procedure code such as `1.001193` or `1.001612.000.00.00.H01`.
///
/// Codes carry no meaning about level or field; the library never parses one out of them.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ProcedureCode(Box<str>);

impl ProcedureCode {
    /// Validate a code: `^[0-9]\.[0-9]{6}` then, optionally, `.` and a suffix of ASCII letters,
    /// digits and dots that neither ends with nor doubles a dot.
    pub fn parse(s: &str) -> Option<ProcedureCode> {
        is_valid(s).then(|| ProcedureCode(s.into()))
    }

    /// The whole code.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The national part, `d.dddddd`.
    pub fn national(&self) -> &str {
        &self.0[..8]
    }

    /// The local agency suffix without its leading dot, if any.
    pub fn suffix(&self) -> Option<&str> {
        self.0.get(9..)
    }

    /// The national part as a number (`1.001193` → 1001193), for fast look-ups.
    pub fn national_number(&self) -> u32 {
        national_number(&self.0.as_bytes()[..8]).unwrap_or(0)
    }
}

/// `d.dddddd` as `d * 1_000_000 + dddddd` when `b` is exactly a national code.
pub(crate) fn national_number(b: &[u8]) -> Option<u32> {
    if b.len() != 8 || b[1] != b'.' || !b[0].is_ascii_digit() {
        return None;
    }
    let mut n = u32::from(b[0] - b'0');
    for &c in &b[2..] {
        if !c.is_ascii_digit() {
            return None;
        }
        n = n * 10 + u32::from(c - b'0');
    }
    Some(n)
}

fn is_valid(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() < 8 || national_number(&b[..8]).is_none() {
        return false;
    }
    if b.len() == 8 {
        return true;
    }
    let suffix = &b[8..];
    suffix.len() >= 2
        && suffix[0] == b'.'
        && suffix[1..]
            .split(|&c| c == b'.')
            .all(|part| !part.is_empty() && part.iter().all(u8::is_ascii_alphanumeric))
}

impl fmt::Display for ProcedureCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::ProcedureCode;

    #[test]
    fn validates_codes() {
        for ok in [
            "1.001193",
            "2.000528",
            "1.001612.000.00.00.H01",
            "1.000894.H29",
        ] {
            assert!(ProcedureCode::parse(ok).is_some(), "{ok}");
        }
        for bad in [
            "",
            "1.00119",
            "1.0011933",
            "10.001193",
            "1,001193",
            "1.001193.",
            "1.001193..H",
            "1.001193.H 1",
            "a.001193",
        ] {
            assert!(ProcedureCode::parse(bad).is_none(), "{bad}");
        }
        let c = ProcedureCode::parse("1.001612.000.00.00.H01").expect("valid");
        assert_eq!(c.national(), "1.001612");
        assert_eq!(c.suffix(), Some("000.00.00.H01"));
        assert_eq!(c.national_number(), 1_001_612);
    }
}
