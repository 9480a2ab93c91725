//! The host of the `host-unicode` feature: what normalizes the text that the small Unicode
//! tables do not cover (`unicode.rs`). The binding registers it once, before any text is
//! folded or sorted; the WebAssembly widget module registers JavaScript's
//! `String.prototype.normalize` and `\p{…}` regular expressions.
//!
//! Without a host, text outside the small tables passes through unchanged: it is taken as
//! already normalized, its characters as assigned and not combining marks.

use std::sync::OnceLock;

/// A Unicode normalization form the host is asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NormalForm {
    /// Canonical composition (NFC).
    Nfc,
    /// Canonical decomposition (NFD).
    Nfd,
    /// Compatibility decomposition (NFKD).
    Nfkd,
}

impl NormalForm {
    /// The form's name, as `String.prototype.normalize` takes it: `"NFC"`, `"NFD"`, `"NFKD"`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            NormalForm::Nfc => "NFC",
            NormalForm::Nfd => "NFD",
            NormalForm::Nfkd => "NFKD",
        }
    }
}

/// What the host answers: plain functions, so that the core stays free of any binding.
#[derive(Debug, Clone, Copy)]
pub struct UnicodeHost {
    /// The text in the given form.
    pub normalize: fn(NormalForm, &str) -> String,
    /// Whether the character is a combining mark (General_Category M: Mn, Mc, Me).
    pub is_combining_mark: fn(char) -> bool,
    /// Whether the character is assigned and not private-use (General_Category other than
    /// Cn, Co, Cs).
    pub is_public_assigned: fn(char) -> bool,
}

static HOST: OnceLock<UnicodeHost> = OnceLock::new();

/// Register the host that normalizes text outside the small Unicode tables (feature
/// `host-unicode`). Only the first registration counts: `false` when a host was registered
/// already.
pub fn set_unicode_host(host: UnicodeHost) -> bool {
    HOST.set(host).is_ok()
}

/// The text in `form`, by the host; unchanged without one.
pub(super) fn normalize(form: NormalForm, text: &str) -> String {
    match host() {
        Some(host) => (host.normalize)(form, text),
        None => text.to_owned(),
    }
}

/// Emit the characters of `c` in `form`, by the host; `c` itself without one.
pub(super) fn normalize_char(form: NormalForm, c: char, emit: &mut dyn FnMut(char)) {
    let mut buf = [0; 4];
    normalize(form, c.encode_utf8(&mut buf))
        .chars()
        .for_each(emit);
}

/// Whether `c` is a combining mark, by the host; `false` without one.
pub(super) fn is_combining_mark(c: char) -> bool {
    host().is_some_and(|host| (host.is_combining_mark)(c))
}

/// Whether `c` is assigned and not private-use, by the host; `true` without one.
pub(super) fn is_public_assigned(c: char) -> bool {
    host().is_none_or(|host| (host.is_public_assigned)(c))
}

/// The registered host.
#[cfg(not(test))]
fn host() -> Option<&'static UnicodeHost> {
    HOST.get()
}

/// In the unit tests, `unicode-normalization` when no host was registered, so that every test
/// of the crate runs with the feature on.
#[cfg(test)]
#[allow(clippy::unnecessary_wraps)] // reason: the signature of the other build's
fn host() -> Option<&'static UnicodeHost> {
    Some(HOST.get_or_init(|| tests::REFERENCE))
}

#[cfg(test)]
pub(super) mod tests {
    use std::cell::Cell;

    use unicode_normalization::UnicodeNormalization;

    use super::{NormalForm, UnicodeHost};

    thread_local! {
        /// Calls to the reference host on this thread.
        pub(crate) static CALLS: Cell<usize> = const { Cell::new(0) };
    }

    fn count() {
        CALLS.with(|calls| calls.set(calls.get() + 1));
    }

    /// `unicode-normalization` as the host, counting its calls.
    pub(crate) const REFERENCE: UnicodeHost = UnicodeHost {
        normalize: |form, text| {
            count();
            match form {
                NormalForm::Nfc => text.nfc().collect(),
                NormalForm::Nfd => text.nfd().collect(),
                NormalForm::Nfkd => text.nfkd().collect(),
            }
        },
        is_combining_mark: |c| {
            count();
            unicode_normalization::char::is_combining_mark(c)
        },
        is_public_assigned: |c| {
            count();
            unicode_normalization::char::is_public_assigned(c)
        },
    };
}
