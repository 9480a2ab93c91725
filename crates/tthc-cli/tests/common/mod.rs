//! Helpers shared by the CLI's test files: run the binary, read its output, write scratch
//! files.

#![allow(dead_code)] // each test file uses some of them

use std::path::PathBuf;
use std::process::{Command, Output};

/// Run `tthc` with `args` (no colour forced).
pub fn tthc(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tthc"))
        .args(args)
        .env_remove("CLICOLOR_FORCE")
        .output()
        .expect("the tthc binary runs")
}

/// The child's stdout as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

/// The child's stderr as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

/// A file in the test's scratch directory.
pub fn scratch(name: &str, content: &str) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, content).expect("scratch file written");
    path
}
