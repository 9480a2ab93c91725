//! The host of the core's small Unicode tables (feature `host-unicode`, the widget's module):
//! JavaScript normalizes the text that the tables do not cover (`String.prototype.normalize`)
//! and tells combining marks and unassigned code points apart (`\p{M}`, `\p{Cn}`… regular
//! expressions). Registered once, when the module is instantiated; text of the Vietnamese and
//! Latin ranges never comes here (docs/format.md, "Text").

use tthc::text::{set_unicode_host, NormalForm, UnicodeHost};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::js::{JsString, RegExp};

thread_local! {
    /// A combining mark: General_Category Mn, Mc or Me.
    static MARK: RegExp = RegExp::new(r"^\p{M}$", "u");
    /// Not public assigned: unassigned (or a noncharacter), private-use, surrogate.
    static NOT_ASSIGNED: RegExp = RegExp::new(r"^[\p{Cn}\p{Co}\p{Cs}]$", "u");
}

fn normalize(form: NormalForm, text: &str) -> String {
    JsValue::from_str(text)
        .unchecked_into::<JsString>()
        .normalize(form.name())
}

fn is_combining_mark(c: char) -> bool {
    MARK.with(|re| re.test(c.encode_utf8(&mut [0; 4])))
}

fn is_public_assigned(c: char) -> bool {
    !NOT_ASSIGNED.with(|re| re.test(c.encode_utf8(&mut [0; 4])))
}

/// Registers JavaScript as the core's Unicode host; wasm-bindgen runs it when the module is
/// instantiated (`init`, `initSync`).
#[wasm_bindgen(start)]
pub fn register_unicode_host() {
    set_unicode_host(UnicodeHost {
        normalize,
        is_combining_mark,
        is_public_assigned,
    });
}
