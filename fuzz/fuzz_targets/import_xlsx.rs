//! xlsx importers (the file is a zip of XML): auto-detection, the portal's export and the
//! flat table, strict and lenient. Never a panic; an imported catalogue round-trips.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tthc::io::import::Format;

fuzz_target!(|data: &[u8]| {
    for format in [Format::Auto, Format::PortalXlsx, Format::TableXlsx] {
        tthc_fuzz::check_import(data, None, format);
    }
});
