//! JSON v1: a lenient single-pass reader that collects every structural problem with its JSON
//! pointer, and the writer.
//!
//! The reader walks the input once, borrowing strings from the input where they have no escapes,
//! with the crate's own lexer ([`Parser::Own`], `json_shapes/lexer.rs`) or with `serde_json`'s
//! `deserialize_any` (`Parser::SerdeJson`, not compiled with the feature `small-json`); both
//! give the same documents, problems and syntax errors (tests/json_syntax.rs). A value of the
//! wrong type is recorded and skipped, so one pass finds every unknown key, missing key, wrong
//! type and bad date of a document. Syntax errors (including invalid UTF-8 and nesting deeper
//! than 128 levels) stop the reading and carry their line and column.
//!
//! [`CatalogLoader`] reads the same document in steps (for a host with one thread, such as a
//! browser page) with the same outcome; [`Catalog::from_json_str`] reads text that is a `&str`
//! already without checking its UTF-8 again.

use std::io::Read;
use std::path::Path;

#[cfg(not(feature = "small-json"))]
use serde::de::DeserializeSeed;

#[cfg(not(feature = "small-json"))]
use super::json_shapes::DynNode;
use super::json_shapes::{Cx, DocShape, Got, Loader, Slot, SyntaxError};
use crate::catalog::{Build, Catalog, Resolved};
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
    read_text(utf8(bytes, options)?, options, cx, parser)
}

/// `bytes` as text: the size limit, then UTF-8 (a byte order mark is kept: see [`start`]).
fn utf8<'a>(bytes: &'a [u8], options: &ReadOptions) -> Result<&'a str, Error> {
    if bytes.len() as u64 > options.max_bytes {
        return Err(too_large(bytes.len() as u64, options.max_bytes));
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let start = start_bytes(bytes);
        let at = e.valid_up_to() - start;
        let (line, column) = line_column(&bytes[start..], at);
        Error::Format(Problem::new(
            Code::Syntax,
            format!("line {line}, column {column}"),
            format!("the text is not valid UTF-8 (byte {at})"),
        ))
    })
}

/// Where the document starts in `bytes`: after a UTF-8 byte order mark, if any.
fn start_bytes(bytes: &[u8]) -> usize {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    }
}

/// Where the document starts in `text` (after a byte order mark), or the error of a text that
/// is over the size limit or empty.
fn start(text: &str, options: &ReadOptions) -> Result<usize, Error> {
    if text.len() as u64 > options.max_bytes {
        return Err(too_large(text.len() as u64, options.max_bytes));
    }
    let start = start_bytes(text.as_bytes());
    if text[start..].bytes().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::Format(Problem::new(
            Code::Syntax,
            "line 1, column 1",
            "the input is empty",
        )));
    }
    Ok(start)
}

/// Read `text` (valid UTF-8 by construction: no check is repeated).
fn read_text<'a>(
    text: &'a str,
    options: &ReadOptions,
    cx: Cx,
    parser: Parser,
) -> Result<(Document<'a>, Vec<Problem>, Resolved), Error> {
    let text = &text[start(text, options)?..];
    let cx = cx.with_max_string(options.max_string_bytes);
    let mut slot = Slot::new(DocShape);
    match parse(text, &cx, &mut slot, parser) {
        Err(e) => Err(syntax(&e)),
        Ok(()) => conclude(slot.take(), cx),
    }
}

/// The outcome of a document read to its end: the problems that make the rest meaningless
/// are errors, the others come back beside the document.
fn conclude(
    doc: Got<Document<'_>>,
    cx: Cx,
) -> Result<(Document<'_>, Vec<Problem>, Resolved), Error> {
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

    /// [`Catalog::from_json_with`] for text that is a `&str` already: the same catalogue or
    /// error, without checking its UTF-8 again (what the bindings pass a host's string to).
    pub fn from_json_str(text: &str, options: &ReadOptions) -> Result<Catalog, crate::Error> {
        let (doc, problems, resolved) = read_text(text, options, Cx::resolving(), Parser::DEFAULT)?;
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

/// [`Catalog::from_json_str`] in steps: each [`CatalogLoader::step`] reads a few values of
/// the document, or checks and builds a few of its items, and returns, so a host with one
/// thread (a browser's main thread) can draw and answer input between two steps.
/// [`CatalogLoader::finish`] gives exactly what `from_json_str` gives for the same text and
/// options (the same catalogue, or the same error with the same codes and paths).
///
/// Two phases, both in steps: reading (the top-level object and its `procedures` and `units`
/// arrays an element at a time, every other value whole in one step; the document read so
/// far kept with its text copied), then validation and build (`procedures` and `units` an
/// item at a time; fields, parents, reports and decisions in one step each). `step` returns
/// `true` once both are done; `finish` then only assembles the catalogue (or returns the
/// problems found).
pub struct CatalogLoader {
    state: Loading,
}

/// Where a [`CatalogLoader`] is.
enum Loading {
    /// Reading the text.
    Read(Box<Loader>),
    /// Validating and building the document read.
    Build(Box<(Document<'static>, Build)>),
    /// The document cannot be read (every step returns this error), or cannot be validated
    /// (`finish` returns it; steps return `true`).
    Failed { error: Error, read: bool },
}

impl CatalogLoader {
    /// A loader of the document `text` (JSON v1) read with `options`.
    pub fn new(text: String, options: &ReadOptions) -> CatalogLoader {
        let state = match start(&text, options) {
            Ok(at) => {
                let cx = Cx::resolving().with_max_string(options.max_string_bytes);
                Loading::Read(Box::new(Loader::new(text, at, cx)))
            }
            Err(error) => Loading::Failed { error, read: true },
        };
        CatalogLoader { state }
    }

    /// A loader of a document given as bytes: what is not UTF-8 is the error
    /// [`Catalog::from_json_with`] gives for it (then every step returns it).
    pub fn from_bytes(bytes: Vec<u8>, options: &ReadOptions) -> CatalogLoader {
        match String::from_utf8(bytes) {
            Ok(text) => CatalogLoader::new(text, options),
            Err(e) => {
                let bytes = e.into_bytes();
                let error = utf8(&bytes, options).err().unwrap_or_else(|| {
                    Error::Format(Problem::new(
                        Code::Syntax,
                        "",
                        "the text is not valid UTF-8",
                    ))
                });
                CatalogLoader {
                    state: Loading::Failed { error, read: true },
                }
            }
        }
    }

    /// Read, or check and build, about `max_elements` more elements (at least one):
    /// `Ok(true)` once the whole text has been read and validated (then call
    /// [`CatalogLoader::finish`]). An error that stops the reading (a syntax error, a text
    /// over the size limit) is returned by this step and by every later call; the problems of
    /// a document that was read are returned by `finish`.
    pub fn step(&mut self, max_elements: usize) -> Result<bool, Error> {
        match &mut self.state {
            Loading::Read(loader) => {
                let done = loader.step(max_elements).map_err(|e| syntax(&e));
                match done {
                    Ok(false) => {}
                    Ok(true) => self.conclude(),
                    Err(ref error) => {
                        self.state = Loading::Failed {
                            error: error.clone(),
                            read: true,
                        }
                    }
                }
                done.map(|_| false)
            }
            Loading::Build(b) => {
                let (doc, build) = &mut **b;
                Ok(build.step(doc, max_elements))
            }
            Loading::Failed { error, read: true } => Err(error.clone()),
            Loading::Failed { read: false, .. } => Ok(true),
        }
    }

    /// Read and validate what is left, and build the catalogue.
    pub fn finish(mut self) -> Result<Catalog, Error> {
        while !self.step(usize::MAX)? {}
        match self.state {
            Loading::Build(b) => {
                let (doc, build) = *b;
                build.finish(&doc)
            }
            Loading::Failed { error, .. } => Err(error),
            // Not reached: the steps above read to the end.
            Loading::Read(_) => Err(Error::Invalid(Vec::new())),
        }
    }

    /// From reading to building, once the whole text has been read.
    fn conclude(&mut self) {
        let placeholder = Loading::Failed {
            error: Error::Invalid(Vec::new()),
            read: false,
        };
        if let Loading::Read(loader) = std::mem::replace(&mut self.state, placeholder) {
            let (doc, cx) = loader.into_parts();
            self.state = match conclude(doc, cx) {
                Ok((doc, problems, resolved)) => {
                    Loading::Build(Box::new((doc, Build::new(problems, resolved))))
                }
                Err(error) => Loading::Failed { error, read: false },
            };
        }
    }
}
