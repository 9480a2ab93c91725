//! CSV importers: the first byte picks the format (auto, portal list, flat table) and strict
//! or lenient; the rest is the file. Never a panic; an imported catalogue round-trips through
//! JSON; a lenient import never fails where the strict one succeeds.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tthc::io::import::{import_bytes, Format, ImportOptions};

fuzz_target!(|data: &[u8]| {
    let Some((&selector, file)) = data.split_first() else {
        return;
    };
    let format = [Format::Auto, Format::PortalCsv, Format::TableCsv][usize::from(selector % 3)];
    tthc_fuzz::check_import(file, None, format);
    // The portal list with a second file (the metadata CSV giving the levels): split at NUL.
    if let [list, second] = tthc_fuzz::parts(file, 2)[..] {
        let options = ImportOptions {
            format: Format::PortalCsv,
            ..ImportOptions::default()
        };
        if let Err(e) = import_bytes(list, Some(second), &options) {
            tthc_fuzz::check_error(&e);
        }
    }
});
