//! Errors: one enum, stable snake_case codes, a path for every problem.

use std::fmt;

/// A stable error or warning code, written in snake_case in every binding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Code {
    /// The text is not JSON (or not UTF-8, or nested too deeply).
    Syntax,
    /// `tthc` is not a version this library reads.
    UnsupportedVersion,
    /// A key that the format does not define.
    UnknownKey,
    /// A required key is absent.
    MissingKey,
    /// A value of the wrong JSON type.
    WrongType,
    /// A malformed procedure code, unit code or field code, or an empty required string.
    BadCode,
    /// A code defined twice.
    DuplicateCode,
    /// A procedure names a field the document does not define.
    UnknownField,
    /// A level name that is not one of the format's levels.
    UnknownLevel,
    /// A reference to a unit the document does not define.
    UnknownUnit,
    /// A reference to a procedure the document does not define.
    UnknownProcedure,
    /// A date that is not a real `YYYY-MM-DD` day.
    BadDate,
    /// A parent of the same or a lower level, a cycle of parents, or a decision's scope
    /// `within` a unit of a lower level than the scope.
    BadParent,
    /// Report figures that contradict each other.
    InconsistentReport,
    /// The input is larger than the configured limit.
    TooLarge,
    /// A channel name that is not one of the format's channels.
    UnknownChannel,
    /// A value outside its allowed set (e.g. `online`, `scope`) or an empty required value.
    BadValue,
    /// A file could not be read or written.
    Io,
    /// A table lacks a column the import needs.
    MissingColumn,
    /// A table's text is not UTF-8.
    BadEncoding,
    /// A table cell that cannot be read (e.g. a posted flag that is not yes or no).
    BadCell,
    /// An empty input (no rows, no content).
    Empty,
    /// A string argument that is not Unicode text: it holds a lone (unpaired) surrogate, which
    /// Python and JavaScript strings can carry and Rust strings cannot.
    BadText,
    /// A decision replaces procedures in a circle (A by B and B by A).
    ReplacementCycle,
}

impl Code {
    /// Every code, in declaration order (for documentation and tests).
    pub const ALL: &'static [Code] = &[
        Code::Syntax,
        Code::UnsupportedVersion,
        Code::UnknownKey,
        Code::MissingKey,
        Code::WrongType,
        Code::BadCode,
        Code::DuplicateCode,
        Code::UnknownField,
        Code::UnknownLevel,
        Code::UnknownUnit,
        Code::UnknownProcedure,
        Code::BadDate,
        Code::BadParent,
        Code::InconsistentReport,
        Code::TooLarge,
        Code::UnknownChannel,
        Code::BadValue,
        Code::Io,
        Code::MissingColumn,
        Code::BadEncoding,
        Code::BadCell,
        Code::Empty,
        Code::BadText,
        Code::ReplacementCycle,
    ];

    /// The stable snake_case name of the code.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::Syntax => "syntax",
            Code::UnsupportedVersion => "unsupported_version",
            Code::UnknownKey => "unknown_key",
            Code::MissingKey => "missing_key",
            Code::WrongType => "wrong_type",
            Code::BadCode => "bad_code",
            Code::DuplicateCode => "duplicate_code",
            Code::UnknownField => "unknown_field",
            Code::UnknownLevel => "unknown_level",
            Code::UnknownUnit => "unknown_unit",
            Code::UnknownProcedure => "unknown_procedure",
            Code::BadDate => "bad_date",
            Code::BadParent => "bad_parent",
            Code::InconsistentReport => "inconsistent_report",
            Code::TooLarge => "too_large",
            Code::UnknownChannel => "unknown_channel",
            Code::BadValue => "bad_value",
            Code::Io => "io",
            Code::MissingColumn => "missing_column",
            Code::BadEncoding => "bad_encoding",
            Code::BadCell => "bad_cell",
            Code::Empty => "empty",
            Code::BadText => "bad_text",
            Code::ReplacementCycle => "replacement_cycle",
        }
    }
}

impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem found in an input: a code, where it is, and a message in plain English.
/// Serialised as `{code, path, message}` (an entry of the validate output).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    /// The stable code.
    pub code: Code,
    /// A JSON pointer (`/procedures/12/code`) for documents, `row 14, column "Mã số"` for
    /// tables, or the argument's name (`as_of`, `channel`) for options.
    pub path: String,
    /// What is wrong, in plain English.
    pub message: String,
}

impl Problem {
    /// A new problem.
    pub fn new(code: Code, path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            code,
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}: {}", self.code, self.message)
        } else {
            write!(f, "{} at {}: {}", self.code, self.path, self.message)
        }
    }
}

/// The family of an error, which decides the exception class in Python.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// The input could not be read as a document at all (syntax, encoding, size).
    Format,
    /// The document was read but breaks the format's rules.
    Validation,
    /// A table or portal export could not be imported.
    Import,
    /// A bad argument (channel, date) given to a function.
    Argument,
    /// The operating system refused to read or write a file.
    Io,
}

impl Family {
    /// `format`, `validation`, `import`, `argument` or `io`.
    pub fn as_str(self) -> &'static str {
        match self {
            Family::Format => "format",
            Family::Validation => "validation",
            Family::Import => "import",
            Family::Argument => "argument",
            Family::Io => "io",
        }
    }
}

/// Every error the library returns.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input is not a readable document: not JSON, not UTF-8, too deep or too large.
    #[error("{0}")]
    Format(Problem),
    /// The document was read and has one or more problems; all of them are listed.
    #[error("{}", summary(.0))]
    Invalid(Vec<Problem>),
    /// A table or portal export has one or more bad rows; all of them are listed.
    #[error("{}", summary(.0))]
    Import(Vec<Problem>),
    /// A bad argument.
    #[error("{0}")]
    Argument(Problem),
    /// A file could not be read or written.
    #[error("{0}")]
    Io(Problem),
}

fn summary(problems: &[Problem]) -> String {
    match problems {
        [] => "invalid input".to_owned(),
        [one] => one.to_string(),
        [first, rest @ ..] => format!("{first} (and {} more)", rest.len()),
    }
}

impl Error {
    /// Every problem of the error (one for `Format`, `Argument` and `Io`).
    pub fn problems(&self) -> &[Problem] {
        match self {
            Error::Format(p) | Error::Argument(p) | Error::Io(p) => std::slice::from_ref(p),
            Error::Invalid(ps) | Error::Import(ps) => ps,
        }
    }

    /// The first problem's code.
    pub fn code(&self) -> &'static str {
        self.problems()
            .first()
            .map_or("invalid", |p| p.code.as_str())
    }

    /// The first problem's path.
    pub fn path(&self) -> &str {
        self.problems().first().map_or("", |p| p.path.as_str())
    }

    /// The error's family.
    pub fn family(&self) -> Family {
        match self {
            Error::Format(_) => Family::Format,
            Error::Invalid(_) => Family::Validation,
            Error::Import(_) => Family::Import,
            Error::Argument(_) => Family::Argument,
            Error::Io(_) => Family::Io,
        }
    }

    /// The argument error for a string argument (named `path`) that holds a lone surrogate at
    /// `index` (counted as the caller's language indexes strings: UTF-16 units in JavaScript,
    /// code points in Python): `bad_text`. Bindings raise it instead of replacing the surrogate.
    pub fn lone_surrogate(path: &str, surrogate: u32, index: usize) -> Error {
        Error::Argument(Problem::new(
            Code::BadText,
            path,
            format!(
                "`{path}` holds a lone surrogate (U+{surrogate:04X} at index {index}): a string \
                 with an unpaired surrogate is not Unicode text"
            ),
        ))
    }

    /// An I/O error about `path`.
    pub fn io(path: &str, err: &std::io::Error) -> Error {
        Error::Io(Problem::new(Code::Io, path, err.to_string()))
    }

    /// The problems as the JSON of `tthc validate --format json`: `{ "errors": [...] }`.
    pub fn to_json(&self) -> String {
        problems_json(self.problems())
    }
}

/// The validate output: `{ "errors": [ { "code", "path", "message" } ] }`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct ValidateOutput<'a> {
    /// Every problem, in the order found (empty for a valid document).
    pub errors: &'a [Problem],
}

/// `{ "errors": [ { "code", "path", "message" } ] }` for a list of problems.
pub fn problems_json(problems: &[Problem]) -> String {
    serde_json::to_string(&ValidateOutput { errors: problems }).unwrap_or_default()
}
