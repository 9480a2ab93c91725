//! JSON v1: a lenient single-pass reader that collects every structural problem with its JSON
//! pointer, and the writer.
//!
//! The reader walks the input once, borrowing strings from the input where they have no escapes,
//! with the crate's own lexer ([`Parser::Own`], `json_shapes/lexer.rs`) or with `serde_json`'s
//! `deserialize_any` ([`Parser::SerdeJson`], not compiled with the feature `small-json`); both
//! give the same documents, problems and syntax errors (tests/json_syntax.rs). A value of the
//! wrong type is recorded and skipped, so one pass finds every unknown key, missing key, wrong
//! type and bad date of a document. Syntax errors (including invalid UTF-8 and nesting deeper
//! than 128 levels) stop the reading and carry their line and column.

use std::io::Read;
use std::path::Path;

#[cfg(not(feature = "small-json"))]
use serde::de::DeserializeSeed;

#[cfg(not(feature = "small-json"))]
use super::json_shapes::DynNode;
use super::json_shapes::{Cx, DocShape, Slot, SyntaxError};
use crate::catalog::{Catalog, Resolved};
use crate::document::Document;
use crate::error::{Code, Error, Problem};

/// Options for reading documents.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// Inputs larger than this many bytes are refused with `too_large` (default 1 GiB).
    pub max_bytes: u64,
    /// Strings and keys longer than this many bytes (UTF-8) are refused with `too_large`
    /// (default 1 MiB: titles and names are a few hundred).
    pub max_string_bytes: usize,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            max_bytes: 1 << 30,
            max_string_bytes: 1 << 20,
        }
    }
}

/// Which reader parses the JSON text. Both give the same documents, problems and syntax errors
/// (tests/json_syntax.rs runs every case through both); [`Parser::DEFAULT`] is what
/// [`Catalog::from_json`] and [`read`] use.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Parser {
    /// The crate's own byte-level lexer (`io/json_shapes/lexer.rs`).
    Own,
    /// `serde_json`'s deserializer (left out with the feature `small-json`).
    #[cfg(not(feature = "small-json"))]
    SerdeJson,
}

impl Parser {
    /// The reader of [`Catalog::from_json`] and [`read`]: the crate's own, as fast as
    /// `serde_json`'s on the national document (CHANGELOG, issue 12); `serde_json`'s stays
    /// beside it natively as the reference the tests and the fuzz target compare it with.
    pub const DEFAULT: Parser = Parser::Own;
}

/// Parse a document; structural problems come back beside the (best-effort) document, so the
/// validator can add its own and report them all together. Unreadable input is an `Err`.
pub fn read<'a>(
    bytes: &'a [u8],
    options: &ReadOptions,
) -> Result<(Document<'a>, Vec<Problem>), Error> {
    read_with(bytes, options, Cx::default(), Parser::DEFAULT)
        .map(|(doc, problems, _)| (doc, problems))
}

/// Like [`read`], but postings of units that come after `procedures` are resolved to ids while
/// reading and returned apart (the fast path of `Catalog::from_json`).
pub(crate) fn read_resolving<'a>(
    bytes: &'a [u8],
    options: &ReadOptions,
    parser: Parser,
) -> Result<(Document<'a>, Vec<Problem>, Resolved), Error> {
    read_with(bytes, options, Cx::resolving(), parser)
}

fn read_with<'a>(
    bytes: &'a [u8],
    options: &ReadOptions,
    cx: Cx,
    parser: Parser,
) -> Result<(Document<'a>, Vec<Problem>, Resolved), Error> {
    if bytes.len() as u64 > options.max_bytes {
        return Err(too_large(bytes.len() as u64, options.max_bytes));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.valid_up_to();
            let (line, column) = line_column(bytes, at);
            return Err(Error::Format(Problem::new(
                Code::Syntax,
                format!("line {line}, column {column}"),
                format!("the text is not valid UTF-8 (byte {at})"),
            )));
        }
    };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::Format(Problem::new(
            Code::Syntax,
            "line 1, column 1",
            "the input is empty",
        )));
    }
    let cx = cx.with_max_string(options.max_string_bytes);
    let mut slot = Slot::new(DocShape);
    let doc = parse(text, &cx, &mut slot, parser).map(|()| slot.take());
    match doc {
        Err(e) => Err(syntax(&e)),
        Ok(doc) => {
            let (problems, resolved) = cx.into_parts();
            if let Some(p) = problems.iter().find(|p| p.code == Code::UnsupportedVersion) {
                return Err(Error::Invalid(vec![p.clone()]));
            }
            // A string over the limit was read as "": what else that caused is not reported.
            if let Some(p) = problems.iter().find(|p| p.code == Code::TooLarge) {
                return Err(Error::Format(p.clone()));
            }
            match doc.optional() {
                Some(doc) => Ok((doc, problems, resolved)),
                // Only `null` gets here (any other wrong type was reported above).
                None if problems.is_empty() => Err(Error::Invalid(vec![Problem::new(
                    Code::WrongType,
                    "",
                    "expected an object (a tthc document), found null",
                )])),
                None => Ok((Document::default(), problems, resolved)),
            }
        }
    }
}

/// Read a file whole, refusing it before reading when it is over the limit.
pub fn read_file(path: &Path, options: &ReadOptions) -> Result<Vec<u8>, Error> {
    let shown = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|e| Error::io(&shown, &e))?;
    let len = file.metadata().map_err(|e| Error::io(&shown, &e))?.len();
    if len > options.max_bytes {
        return Err(too_large(len, options.max_bytes));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    file.take(options.max_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(&shown, &e))?;
    if bytes.len() as u64 > options.max_bytes {
        return Err(too_large(bytes.len() as u64, options.max_bytes));
    }
    Ok(bytes)
}

/// Write a document as JSON v1, compact or indented.
pub fn write(doc: &Document<'_>, pretty: bool) -> String {
    let out = if pretty {
        serde_json::to_string_pretty(doc)
    } else {
        serde_json::to_string(doc)
    };
    // Serialising plain data with string keys cannot fail.
    out.unwrap_or_default()
}

fn too_large(len: u64, max: u64) -> Error {
    Error::Format(Problem::new(
        Code::TooLarge,
        "",
        format!("the input has {len} bytes, more than the limit of {max}"),
    ))
}

/// Read `text` into `slot` with `parser`; a syntax error stops the reading.
fn parse<'a>(
    text: &'a str,
    cx: &Cx,
    slot: &mut Slot<'a, DocShape>,
    parser: Parser,
) -> Result<(), SyntaxError> {
    match parser {
        Parser::Own => super::json_shapes::read(text, cx, slot),
        #[cfg(not(feature = "small-json"))]
        Parser::SerdeJson => {
            // Validated once by the caller: `from_str` does not check each string's UTF-8 again.
            let mut de = serde_json::Deserializer::from_str(text);
            DynNode::new(cx, slot)
                .deserialize(&mut de)
                .and_then(|()| de.end())
                .map_err(|e| SyntaxError::from_serde_json(&e))
        }
    }
}

fn syntax(e: &SyntaxError) -> Error {
    // serde_json words an escaped lone surrogate as if the escape were cut short; say what is
    // wrong instead (the same text in every binding: Python and JavaScript get this error).
    let message = match e.message.as_ref() {
        "unexpected end of hex escape" | "lone leading surrogate in hex escape" => {
            "an escaped lone surrogate: \\uD800–\\uDBFF must be followed by \\uDC00–\\uDFFF (one \
             character written as a pair), and \\uDC00–\\uDFFF may not stand alone; a lone \
             surrogate is not a character, so no document may hold one"
        }
        other => other,
    }
    .to_owned();
    Error::Format(Problem::new(
        Code::Syntax,
        format!("line {}, column {}", e.line, e.column),
        message,
    ))
}

fn line_column(bytes: &[u8], at: usize) -> (usize, usize) {
    let before = &bytes[..at];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    (line, at - start + 1)
}

/// Every problem of a document (empty when it is valid): what `tthc validate` prints, and
/// what the bindings' `validate` returns (the validate output of format.md §3 with
/// [`crate::error::problems_json`]).
pub fn validate(bytes: &[u8], options: &ReadOptions) -> Vec<Problem> {
    match Catalog::from_json_with(bytes, options) {
        Ok(_) => Vec::new(),
        Err(e) => e.problems().to_vec(),
    }
}

/// JSON v1 reading and writing of a whole catalogue.
impl Catalog {
    /// Read a JSON v1 document (see `format.md`) with the default size limit.
    pub fn from_json(bytes: &[u8]) -> Result<Catalog, crate::Error> {
        Self::from_json_with(bytes, &ReadOptions::default())
    }

    /// Read a JSON v1 document with options (size limit).
    pub fn from_json_with(bytes: &[u8], options: &ReadOptions) -> Result<Catalog, crate::Error> {
        Self::from_json_parsed_by(bytes, options, Parser::DEFAULT)
    }

    /// [`Catalog::from_json_with`] with a given reader (the tests compare the readers).
    #[doc(hidden)]
    pub fn from_json_parsed_by(
        bytes: &[u8],
        options: &ReadOptions,
        parser: Parser,
    ) -> Result<Catalog, crate::Error> {
        let (doc, problems, resolved) = read_resolving(bytes, options, parser)?;
        Catalog::from_read(&doc, problems, resolved)
    }

    /// Read a JSON v1 document from a file, refusing files over the size limit before reading.
    pub fn from_path(
        path: impl AsRef<std::path::Path>,
        options: &ReadOptions,
    ) -> Result<Catalog, crate::Error> {
        let bytes = read_file(path.as_ref(), options)?;
        Self::from_json_with(&bytes, options)
    }

    /// The catalogue as compact JSON v1.
    pub fn to_json(&self) -> String {
        write(&self.to_document(), false)
    }

    /// The catalogue as indented JSON v1.
    pub fn to_json_pretty(&self) -> String {
        write(&self.to_document(), true)
    }
}
