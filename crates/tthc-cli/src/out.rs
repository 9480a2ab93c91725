//! Printing results and errors, and the exit status: 0 done, 1 invalid input, 2 usage or I/O.

use std::io::{ErrorKind, Write as _};
use std::path::Path;
use std::process::ExitCode;

/// Exit status 1: the input is invalid (validation or import errors).
pub const INVALID: u8 = 1;
/// Exit status 2: a usage or I/O problem.
pub const TROUBLE: u8 = 2;

/// The exit status of a core error: 2 for I/O and argument problems, 1 for invalid input.
pub fn status(e: &tthc::Error) -> ExitCode {
    match e.family() {
        tthc::Family::Io | tthc::Family::Argument => ExitCode::from(TROUBLE),
        _ => ExitCode::from(INVALID),
    }
}

/// Print every problem of a core error to stderr (`code at path: message`), and its status.
pub fn fail(e: &tthc::Error) -> ExitCode {
    for p in e.problems() {
        eprintln!("{p}");
    }
    status(e)
}

/// Write `text` to a file, or to stdout when no file is named; a closed pipe (`| head`) is not
/// an error.
pub fn write_out(out: Option<&Path>, text: &str) -> Result<(), ExitCode> {
    let result = if let Some(path) = out {
        std::fs::write(path, text).map_err(|e| (path.display().to_string(), e))
    } else {
        let mut stdout = std::io::stdout().lock();
        match stdout
            .write_all(text.as_bytes())
            .and_then(|()| stdout.flush())
        {
            Err(e) if e.kind() == ErrorKind::BrokenPipe => Ok(()),
            r => r.map_err(|e| ("stdout".to_owned(), e)),
        }
    };
    result.map_err(|(path, e)| fail(&tthc::Error::io(&path, &e)))
}

/// Write `text` to stdout: success, or status 2 when stdout cannot be written.
pub fn print(text: &str) -> ExitCode {
    to_status(write_out(None, text))
}

/// `ExitCode::SUCCESS`, or the failure's status.
pub fn to_status(result: Result<(), ExitCode>) -> ExitCode {
    result.map_or_else(|code| code, |()| ExitCode::SUCCESS)
}
