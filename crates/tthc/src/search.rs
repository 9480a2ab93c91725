//! Ranked, accent-insensitive search over procedure names, codes and field names.
//!
//! [`SearchIndex::search`] and [`Catalog::search`](crate::Catalog::search) find procedures by
//! code, name or field name. Query and texts are [folded](crate::text::fold) first, so the search ignores
//! case, tones, accents, tone placement, NFC/NFD and extra spaces. A *word* is a maximal run of
//! letters and digits of the folded text; the *query words* are those of the folded query.
//!
//! Each procedure gets the best of these scores (larger is better); procedures with no match
//! are left out. A field-name score goes to every procedure of that field.
//!
//! | score | rule |
//! |---|---|
//! | 1000 | the trimmed query equals the procedure's code (ASCII case-insensitive) |
//! | 950 | it equals the national part (`1.001193`) of a code with a local suffix |
//! | 800 | the folded name equals the folded query (*phrase*) |
//! | 700 | the folded field name equals the folded query |
//! | 600–699 | *word start* in the name, see below |
//! | 500–599 | word start in the field name |
//! | 400–449 | the folded query occurs anywhere else in the folded name (*substring*) |
//! | 300–349 | substring of the folded field name |
//! | 200–249 | *any order*: each of two or more query words is a prefix of some word of the name |
//! | 100–149 | any order, in the field name |
//!
//! A *word start* match is either (a) an occurrence of the whole folded query that begins at a
//! word boundary (the characters on both sides of its start are not both letters or digits):
//! base + 50 + closeness, e.g. "dang ky khai si" in "thủ tục đăng ký khai sinh"; or (b) each
//! query word is a prefix of a word of the text, each of a later word than the one before,
//! e.g. "dang khai" in the same name: base + closeness. *Closeness* is 49 minus the number of
//! words of the text beyond the number of query words (at least 0), so a shorter name ranks
//! above a longer one of the same kind: for "đăng ký khai sinh", "Thủ tục đăng ký khai sinh"
//! (697) comes before "Thủ tục đăng ký khai sinh lưu động" (695). Substring and any-order
//! matches get base + closeness.
//!
//! The first four kinds are those of the issue (code, phrase, word start, substring, field
//! names just below names of the same kind); *any order* is a last resort for queries such as
//! "khai sinh lại" against "Đăng ký lại khai sinh".
//!
//! Ties are broken by the Vietnamese order of the names ([`crate::text::sort_key`]), then by code (byte
//! order), so the result is deterministic. An empty or blank query (or one that folds to nothing) finds
//! nothing, as does `limit` 0.
//!
//! [`Catalog::search`](crate::Catalog::search) folds every name on every call (about 20 ms for
//! 10,000 procedures); keep a [`SearchIndex`] to search the same catalogue repeatedly (well
//! under a millisecond per query for 10,000 procedures, see `docs/bench-text.md`). Both give
//! the same hits in the same order.

use std::cmp::Reverse;

use crate::listing::ListOrder;
use crate::text::{fold, sort_key};
use crate::{Catalog, ProcId};

/// Score of a query equal to a procedure's whole code (ASCII case-insensitive).
pub const SCORE_CODE: u32 = 1000;
/// Score of a query equal to the national part (`1.001193`) of a code with a local suffix.
pub const SCORE_NATIONAL_CODE: u32 = 950;
/// Score of a folded name equal to the folded query.
pub const SCORE_NAME_PHRASE: u32 = 800;
/// Score of a folded field name equal to the folded query.
pub const SCORE_FIELD_PHRASE: u32 = 700;
/// Base score of a word-start match in the name (up to 99 more, see the module docs).
pub const SCORE_NAME_WORD_START: u32 = 600;
/// Base score of a word-start match in the field name (up to 99 more).
pub const SCORE_FIELD_WORD_START: u32 = 500;
/// Base score of any other substring match in the name (up to 49 more).
pub const SCORE_NAME_SUBSTRING: u32 = 400;
/// Base score of any other substring match in the field name (up to 49 more).
pub const SCORE_FIELD_SUBSTRING: u32 = 300;
/// Base score of a name whose words start with every query word, in another order (up to 49 more).
pub const SCORE_NAME_ANY_ORDER: u32 = 200;
/// Base score of a field name whose words start with every query word, in another order.
pub const SCORE_FIELD_ANY_ORDER: u32 = 100;

/// Bonus of a word-start match where the whole query occurs as one phrase.
const CONTIGUOUS_BONUS: u32 = 50;
/// Largest closeness bonus: a target with no word besides the query's.
const MAX_CLOSENESS: u32 = 49;

/// One procedure found by a search.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SearchHit {
    /// The procedure (index into [`Catalog::procedures`]).
    pub procedure: ProcId,
    /// How well it matched: larger is better; the scale is in the [module docs](super).
    pub score: u32,
}

impl SearchHit {
    /// The hit as bindings show it; `catalog` must be the one searched.
    pub fn row<'c>(&self, catalog: &'c Catalog) -> HitRow<'c> {
        let p = catalog.procedure(self.procedure);
        HitRow {
            code: p.code.as_str(),
            name: &p.name,
            field: &catalog.field(p.field).code,
            score: self.score,
        }
    }
}

/// A hit with its procedure's code, name and field code: `{code, name, field, score}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct HitRow<'c> {
    /// The procedure's code.
    pub code: &'c str,
    /// Its name.
    pub name: &'c str,
    /// Its field's code.
    pub field: &'c str,
    /// The score (larger is better).
    pub score: u32,
}

/// Folded text of one field name.
#[derive(Debug, Clone)]
struct FieldText {
    folded: String,
    words: u32,
}

/// A search index over a catalogue's procedures: folded names and their words, field names,
/// codes and the Vietnamese order of the names, computed once.
///
/// Build it once and keep it beside the [`Catalog`] it was built from when you search more than
/// once ([`Catalog::search`] folds every name again on each call). The index holds copies, not
/// references: it answers for the catalogue as it was when the index was built. Both give the
/// same hits in the same order.
///
/// ```
/// let catalog = tthc::Catalog::from_json(r#"{ "tthc": 1,
///     "fields": [ { "code": "ho-tich", "name": "Hộ tịch" } ],
///     "procedures": [
///       { "code": "1.001193", "name": "Thủ tục đăng ký khai sinh", "field": "ho-tich", "levels": ["commune"] },
///       { "code": "1.000894", "name": "Thủ tục đăng ký kết hôn", "field": "ho-tich", "levels": ["commune"] } ],
///     "units": [] }"#.as_bytes())?;
/// let index = tthc::search::SearchIndex::new(&catalog);
/// let hits = index.search("ĐĂNG KY KHAI SINH", 10);
/// assert_eq!(hits.len(), 1);
/// assert_eq!(catalog.procedure(hits[0].procedure).code.as_str(), "1.001193");
/// # Ok::<(), tthc::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct SearchIndex {
    matcher: Matcher,
    /// Position of each procedure in Vietnamese order of the names, then code.
    rank: Vec<u32>,
}

/// Everything a search needs but the order of the names.
#[derive(Debug, Clone)]
struct Matcher {
    /// Folded names, each followed by `\n` (which folding never produces).
    names: String,
    /// Start of each procedure's folded name in `names`, and `names.len()` at the end.
    starts: Vec<u32>,
    /// Words of all names as byte ranges of `names`, procedure after procedure.
    spans: Vec<(u32, u32)>,
    /// The [`byte_pairs`] of each folded name.
    pairs: Vec<u128>,
    /// Index in `spans` of each procedure's first word, and `spans.len()` at the end.
    first_span: Vec<u32>,
    /// The words of the names, for the word-prefix rules; `None` for a one-shot search,
    /// which checks every name instead.
    vocabulary: Option<Vocabulary>,
    /// Field of each procedure (index into `fields`).
    field_of: Vec<u32>,
    fields: Vec<FieldText>,
    /// Code of each procedure.
    codes: Vec<Box<str>>,
}

/// Distinct words of the names, sorted, with the procedures holding each
/// (`postings[posting_starts[w]..posting_starts[w + 1]]`, ascending).
#[derive(Debug, Clone)]
struct Vocabulary {
    words: Vec<Box<str>>,
    posting_starts: Vec<u32>,
    postings: Vec<u32>,
}

impl SearchIndex {
    /// Build the index of a catalogue: fold every name and field name, index the words, and
    /// sort the names in Vietnamese order (for ties).
    pub fn new(catalog: &Catalog) -> SearchIndex {
        SearchIndex {
            matcher: Matcher::new(catalog, true),
            rank: crate::listing::name_rank(catalog),
        }
    }

    /// [`SearchIndex::new`] reusing the names' Vietnamese order of a [`ListOrder`] of the same
    /// catalogue (no sort key computed again): for a widget that lists, then searches. With
    /// another catalogue's order, ties are broken in an unspecified order (nothing panics).
    pub fn with_order(catalog: &Catalog, order: &ListOrder) -> SearchIndex {
        SearchIndexBuilder::new().finish(catalog, order)
    }

    /// Number of procedures in the index.
    pub fn len(&self) -> usize {
        self.matcher.codes.len()
    }

    /// The index holds no procedure.
    pub fn is_empty(&self) -> bool {
        self.matcher.codes.is_empty()
    }

    /// The best `limit` procedures for `query`, best first; empty for an empty or blank query.
    ///
    /// The rules and scores are those of the [module documentation](super).
    pub fn search(&self, query: &str, limit: usize) -> Vec<SearchHit> {
        let mut hits = self.matcher.scores(query, limit);
        let key = |&(score, i): &(u32, u32)| (Reverse(score), self.rank[i as usize]);
        if hits.len() > limit {
            hits.select_nth_unstable_by_key(limit, key);
            hits.truncate(limit);
        }
        hits.sort_unstable_by_key(key);
        hits.into_iter()
            .map(|(score, i)| SearchHit {
                procedure: ProcId(i),
                score,
            })
            .collect()
    }

    /// Whether each procedure (by id, the index into [`Catalog::procedures`]) matches `query`:
    /// `true` exactly for the procedures of `search(query, usize::MAX)`, found by the same
    /// rules, without scoring or sorting them. What a filter typed into needs: the set of
    /// matching procedures, shown in the list's own order. Every `false` for an empty or
    /// blank query.
    ///
    /// ```
    /// let catalog = tthc::Catalog::from_json(r#"{ "tthc": 1,
    ///     "fields": [ { "code": "ho-tich", "name": "Hộ tịch" } ],
    ///     "procedures": [
    ///       { "code": "1.001193", "name": "Thủ tục đăng ký khai sinh", "field": "ho-tich", "levels": ["commune"] },
    ///       { "code": "1.000894", "name": "Thủ tục đăng ký kết hôn", "field": "ho-tich", "levels": ["commune"] } ],
    ///     "units": [] }"#.as_bytes())?;
    /// let index = tthc::search::SearchIndex::new(&catalog);
    /// assert_eq!(index.matches("khai sinh"), [true, false]);
    /// assert_eq!(index.matches("ho tich"), [true, true]);
    /// assert_eq!(index.matches(" "), [false, false]);
    /// # Ok::<(), tthc::Error>(())
    /// ```
    pub fn matches(&self, query: &str) -> Vec<bool> {
        let mut mask = Mask(vec![false; self.len()]);
        self.matcher.tally(query, &mut mask);
        mask.0
    }
}

/// Where the rules put what they find. The rules are written once ([`Matcher::tally`]) for
/// both: [`SearchIndex::search`] keeps each procedure's best score, [`SearchIndex::matches`]
/// only whether it matches (and never computes a score).
trait Tally {
    /// Procedure `i` matches; `score` computes how well (called only when the tally keeps
    /// scores; every score is positive).
    fn hit(&mut self, i: usize, score: &dyn Fn() -> u32);
}

/// The best score of each procedure so far (0: no match).
struct Scores(Vec<u32>);

impl Tally for Scores {
    #[inline]
    fn hit(&mut self, i: usize, score: &dyn Fn() -> u32) {
        let score = score();
        if score > self.0[i] {
            self.0[i] = score;
        }
    }
}

/// Whether each procedure matches.
struct Mask(Vec<bool>);

impl Tally for Mask {
    #[inline]
    fn hit(&mut self, i: usize, _score: &dyn Fn() -> u32) {
        self.0[i] = true;
    }
}

impl Vocabulary {
    /// The vocabulary of the procedures holding each word (each list ascending, no repeat).
    fn new(by_word: rustc_hash::FxHashMap<Box<str>, Vec<u32>>) -> Vocabulary {
        let mut by_word: Vec<(Box<str>, Vec<u32>)> = by_word.into_iter().collect();
        by_word.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut posting_starts = Vec::with_capacity(by_word.len() + 1);
        let mut postings = Vec::with_capacity(by_word.iter().map(|(_, l)| l.len()).sum());
        let mut words = Vec::with_capacity(by_word.len());
        for (word, list) in by_word {
            words.push(word);
            posting_starts.push(postings.len() as u32);
            postings.extend(list);
        }
        posting_starts.push(postings.len() as u32);
        Vocabulary {
            words,
            posting_starts,
            postings,
        }
    }

    /// The procedures with a word that starts with `prefix` (with repeats): the words with
    /// the prefix are consecutive, and so are their postings, so this is one slice.
    fn with_prefix(&self, prefix: &str) -> &[u32] {
        let first = self.words.partition_point(|w| &**w < prefix);
        let end = first
            + self.words[first..].partition_point(|w| w.as_bytes().starts_with(prefix.as_bytes()));
        &self.postings[self.posting_starts[first] as usize..self.posting_starts[end] as usize]
    }
}

/// A [`SearchIndex`] built a slice at a time, for a caller that must not block for long (a
/// browser's main thread): [`step`](Self::step) folds and indexes the next names,
/// [`finish`](Self::finish) the rest, the field names and the sorted vocabulary. The index is
/// the same however the work is sliced.
///
/// Give every call the same catalogue; with another one the hits are unspecified (nothing
/// panics).
///
/// ```
/// use tthc::listing::ListOrder;
/// use tthc::search::{SearchIndex, SearchIndexBuilder};
/// let catalog = tthc::Catalog::an_bien_2018();
/// let mut builder = SearchIndexBuilder::new();
/// while !builder.step(&catalog, 100) {} // e.g. one step per task of an event loop
/// let index = builder.finish(&catalog, &ListOrder::new(&catalog));
/// assert_eq!(index.search("ho tich", 5), SearchIndex::new(&catalog).search("ho tich", 5));
/// ```
#[derive(Debug, Clone)]
pub struct SearchIndexBuilder {
    folded: FoldedNames,
}

impl Default for SearchIndexBuilder {
    fn default() -> Self {
        SearchIndexBuilder::new()
    }
}

impl SearchIndexBuilder {
    /// Nothing indexed yet.
    pub fn new() -> SearchIndexBuilder {
        SearchIndexBuilder {
            folded: FoldedNames::new(true),
        }
    }

    /// Fold and index up to `count` more names; `true` once every name is indexed (then only
    /// [`finish`](Self::finish)'s field names and sorting of the distinct words are left).
    pub fn step(&mut self, catalog: &Catalog, count: usize) -> bool {
        self.folded.step(catalog, count)
    }

    /// How many names are indexed.
    pub fn done(&self) -> usize {
        self.folded.done()
    }

    /// The index, with ties broken by the names' order of `order` (as
    /// [`SearchIndex::with_order`]).
    pub fn finish(self, catalog: &Catalog, order: &ListOrder) -> SearchIndex {
        let mut rank = order.name_rank().to_vec();
        rank.resize(catalog.procedures().len(), u32::MAX);
        SearchIndex {
            matcher: self.folded.finish(catalog),
            rank,
        }
    }
}

/// The folded names of the first procedures, their words and (for an index) the procedures
/// of each word: what [`Matcher`] is made of, built a slice of names at a time.
#[derive(Debug, Clone)]
struct FoldedNames {
    names: String,
    starts: Vec<u32>,
    spans: Vec<(u32, u32)>,
    pairs: Vec<u128>,
    first_span: Vec<u32>,
    /// The procedures of each word (ascending), when building an index.
    by_word: Option<rustc_hash::FxHashMap<Box<str>, Vec<u32>>>,
}

impl FoldedNames {
    fn new(with_vocabulary: bool) -> FoldedNames {
        FoldedNames {
            names: String::new(),
            starts: Vec::new(),
            spans: Vec::new(),
            pairs: Vec::new(),
            first_span: Vec::new(),
            by_word: with_vocabulary.then(rustc_hash::FxHashMap::default),
        }
    }

    fn done(&self) -> usize {
        self.starts.len()
    }

    /// Fold up to `count` more names; `true` once every name of `catalog` is folded.
    fn step(&mut self, catalog: &Catalog, count: usize) -> bool {
        let procedures = catalog.procedures();
        let from = self.done().min(procedures.len());
        let to = from.saturating_add(count.max(1)).min(procedures.len());
        if from == 0 && to > 0 {
            self.names
                .reserve(procedures.iter().map(|p| p.name.len() + 1).sum());
            self.starts.reserve(procedures.len() + 1);
            self.pairs.reserve(procedures.len());
            self.first_span.reserve(procedures.len() + 1);
            self.spans.reserve(procedures.len() * 16);
        }
        for (i, p) in procedures[from..to].iter().enumerate() {
            let i = (from + i) as u32;
            let start = self.names.len();
            self.starts.push(start as u32);
            self.first_span.push(self.spans.len() as u32);
            self.names.push_str(&fold(&p.name));
            self.pairs.push(byte_pairs(&self.names.as_bytes()[start..]));
            for (at, w) in words(&self.names[start..]) {
                self.spans
                    .push(((start + at) as u32, (start + at + w.len()) as u32));
                if let Some(by_word) = &mut self.by_word {
                    match by_word.get_mut(w) {
                        Some(list) => {
                            if list.last() != Some(&i) {
                                list.push(i);
                            }
                        }
                        None => {
                            by_word.insert(w.into(), vec![i]);
                        }
                    }
                }
            }
            self.names.push('\n');
        }
        self.done() >= procedures.len()
    }

    /// The rest of the names, then the field names: the matcher.
    fn finish(mut self, catalog: &Catalog) -> Matcher {
        let procedures = catalog.procedures();
        if self.done() > procedures.len() {
            // Stepped with a larger catalogue: more names than procedures would index ids
            // that do not exist.
            self = FoldedNames::new(self.by_word.is_some());
        }
        while !self.step(catalog, usize::MAX) {}
        self.starts.push(self.names.len() as u32);
        self.first_span.push(self.spans.len() as u32);
        let fields = catalog
            .fields()
            .iter()
            .map(|f| {
                let folded = fold(&f.name);
                FieldText {
                    words: words(&folded).count() as u32,
                    folded,
                }
            })
            .collect();
        Matcher {
            starts: self.starts,
            spans: self.spans,
            pairs: self.pairs,
            first_span: self.first_span,
            vocabulary: self.by_word.map(Vocabulary::new),
            field_of: procedures.iter().map(|p| p.field.0).collect(),
            fields,
            codes: procedures.iter().map(|p| p.code.as_str().into()).collect(),
            names: self.names,
        }
    }
}

impl Matcher {
    fn new(catalog: &Catalog, with_vocabulary: bool) -> Matcher {
        FoldedNames::new(with_vocabulary).finish(catalog)
    }

    fn len(&self) -> usize {
        self.codes.len()
    }

    /// `(score, procedure)` of every procedure that matches, in no particular order.
    fn scores(&self, query: &str, limit: usize) -> Vec<(u32, u32)> {
        if limit == 0 {
            return Vec::new();
        }
        let mut scores = Scores(vec![0u32; self.len()]);
        self.tally(query, &mut scores);
        scores
            .0
            .iter()
            .enumerate()
            .filter(|&(_, &s)| s > 0)
            .map(|(i, &s)| (s, i as u32))
            .collect()
    }

    /// Apply every rule of the module docs to `query`, telling `tally` each procedure that
    /// matches (a procedure may be told more than once, with different scores). A query that
    /// folds to nothing matches nothing.
    fn tally(&self, query: &str, tally: &mut dyn Tally) {
        let q = fold(query);
        if q.is_empty() {
            return;
        }
        let q_words: Vec<&str> = words(&q).map(|(_, w)| w).collect();
        self.score_codes(query.trim(), tally);
        self.score_phrase(&q, q_words.len(), tally);
        if !q_words.is_empty() {
            self.score_words(&q_words, tally);
        }
        self.score_fields(&q, &q_words, tally);
    }

    fn score_codes(&self, code: &str, tally: &mut dyn Tally) {
        if !code.as_bytes().first().is_some_and(u8::is_ascii_digit) {
            return;
        }
        for (i, c) in self.codes.iter().enumerate() {
            if c.eq_ignore_ascii_case(code) {
                tally.hit(i, &|| SCORE_CODE);
            } else if c.len() > 8 && c.get(..8).is_some_and(|n| n.eq_ignore_ascii_case(code)) {
                tally.hit(i, &|| SCORE_NATIONAL_CODE);
            }
        }
    }

    fn word_spans(&self, i: usize) -> &[(u32, u32)] {
        &self.spans[self.first_span[i] as usize..self.first_span[i + 1] as usize]
    }

    fn word_count(&self, i: usize) -> u32 {
        self.first_span[i + 1] - self.first_span[i]
    }

    /// Occurrences of the whole folded query: phrase, word start (a), substring.
    fn score_phrase(&self, q: &str, q_words: usize, tally: &mut dyn Tally) {
        // An occurrence starts at a word boundary if it starts a word or if the query does not
        // start with a letter or digit.
        let starts_with_word = q.chars().next().is_some_and(char::is_alphanumeric);
        // A name holding the query holds each pair of adjacent bytes of it: names whose
        // signature lacks one of the query's cannot hold it, and are not searched.
        let need = byte_pairs(q.as_bytes());
        for i in 0..self.len().min(self.pairs.len()) {
            if self.pairs[i] & need != need {
                continue;
            }
            let (start, end) = (self.starts[i] as usize, self.starts[i + 1] as usize - 1);
            if !holds(&self.names.as_bytes()[start..end], q.as_bytes()) {
                continue;
            }
            tally.hit(i, &|| {
                let closeness = closeness(self.word_count(i), q_words);
                let at_word_start = !starts_with_word
                    || self
                        .word_spans(i)
                        .iter()
                        .any(|&(a, _)| has_prefix(&self.names.as_bytes()[a as usize..end], q));
                if end - start == q.len() {
                    SCORE_NAME_PHRASE
                } else if at_word_start {
                    SCORE_NAME_WORD_START + CONTIGUOUS_BONUS + closeness
                } else {
                    SCORE_NAME_SUBSTRING + closeness
                }
            });
        }
    }

    /// Query words as prefixes of name words: in order (word start (b)) or in any order.
    fn score_words(&self, q_words: &[&str], tally: &mut dyn Tally) {
        let candidates: Vec<u32> = match &self.vocabulary {
            Some(vocabulary) => {
                // How many of the first query words each procedure has as word prefixes.
                let mut matched = vec![0u32; self.len()];
                let mut candidates = Vec::new();
                for (j, q) in q_words.iter().enumerate() {
                    let last = j + 1 == q_words.len();
                    for &p in vocabulary.with_prefix(q) {
                        if matched[p as usize] == j as u32 {
                            matched[p as usize] += 1;
                            if last {
                                candidates.push(p);
                            }
                        }
                    }
                }
                candidates
            }
            None => (0..self.len() as u32)
                .filter(|&i| {
                    let spans = self.word_spans(i as usize);
                    q_words.iter().all(|q| {
                        spans.iter().any(|&(a, b)| {
                            has_prefix(&self.names.as_bytes()[a as usize..b as usize], q)
                        })
                    })
                })
                .collect(),
        };
        for p in candidates {
            let i = p as usize;
            tally.hit(i, &|| {
                let mut name_words = self
                    .word_spans(i)
                    .iter()
                    .map(|&(a, b)| &self.names.as_bytes()[a as usize..b as usize]);
                let in_order = q_words.iter().all(|q| name_words.any(|w| has_prefix(w, q)));
                let closeness = closeness(self.word_count(i), q_words.len());
                if in_order {
                    SCORE_NAME_WORD_START + closeness
                } else {
                    SCORE_NAME_ANY_ORDER + closeness
                }
            });
        }
    }

    fn score_fields(&self, q: &str, q_words: &[&str], tally: &mut dyn Tally) {
        let field_scores: Vec<u32> = self
            .fields
            .iter()
            .map(|f| match match_score(&f.folded, f.words, q, q_words) {
                Match::None => 0,
                Match::Phrase => SCORE_FIELD_PHRASE,
                Match::WordStart(bonus) => SCORE_FIELD_WORD_START + bonus,
                Match::Substring(bonus) => SCORE_FIELD_SUBSTRING + bonus,
                Match::AnyOrder(bonus) => SCORE_FIELD_ANY_ORDER + bonus,
            })
            .collect();
        if field_scores.iter().any(|&s| s > 0) {
            for (i, &f) in self.field_of.iter().enumerate() {
                let field = field_scores.get(f as usize).copied().unwrap_or(0);
                if field > 0 {
                    tally.hit(i, &|| field);
                }
            }
        }
    }
}

impl Catalog {
    /// Search procedures by code, name or field name, accent- and case-insensitively: the best
    /// `limit` hits, best first (rules and scores in [`crate::search`]).
    ///
    /// This folds every name for every call (about 20 ms for 10,000 procedures); keep a
    /// [`SearchIndex`] to search the same catalogue many times.
    ///
    /// ```
    /// let catalog = tthc::Catalog::from_json(r#"{ "tthc": 1,
    ///     "fields": [ { "code": "ho-tich", "name": "Hộ tịch" } ],
    ///     "procedures": [
    ///       { "code": "1.001193", "name": "Thủ tục đăng ký khai sinh", "field": "ho-tich", "levels": ["commune"] },
    ///       { "code": "1.000894", "name": "Thủ tục đăng ký kết hôn", "field": "ho-tich", "levels": ["commune"] } ],
    ///     "units": [] }"#.as_bytes())?;
    /// let hits = catalog.search("DANG KY KET HON", 5);
    /// assert_eq!(catalog.procedure(hits[0].procedure).code.as_str(), "1.000894");
    /// assert!(catalog.search("   ", 5).is_empty());
    /// # Ok::<(), tthc::Error>(())
    /// ```
    pub fn search(&self, query: &str, limit: usize) -> Vec<SearchHit> {
        let mut hits = Matcher::new(self, false).scores(query, limit);
        // Only the hits that can make the cut need a sort key: those scoring at least the
        // `limit`-th best score.
        if limit > 0 && hits.len() > limit {
            hits.select_nth_unstable_by_key(limit - 1, |&(score, _)| Reverse(score));
            let cut = hits[limit - 1].0;
            hits.retain(|&(score, _)| score >= cut);
        }
        let procedures = self.procedures();
        let mut keyed: Vec<(Reverse<u32>, Vec<u8>, &str, u32)> = hits
            .into_iter()
            .map(|(score, i)| {
                let p = &procedures[i as usize];
                (Reverse(score), sort_key(&p.name), p.code.as_str(), i)
            })
            .collect();
        keyed.sort_unstable();
        keyed.truncate(limit);
        keyed
            .into_iter()
            .map(|(Reverse(score), _, _, i)| SearchHit {
                procedure: ProcId(i),
                score,
            })
            .collect()
    }
}

/// `text` starts with `prefix`; the first byte is compared inline, which settles most cases.
#[inline]
fn has_prefix(text: &[u8], prefix: &str) -> bool {
    let prefix = prefix.as_bytes();
    text.first() == prefix.first() && text.starts_with(prefix)
}

/// `needle` (not empty) occurs in `hay`. Plain loops: the size-optimised WebAssembly build
/// does not inline iterator adapters, which made a search with `windows` several times slower.
fn holds(hay: &[u8], needle: &[u8]) -> bool {
    let n = needle.len();
    if n == 0 || n > hay.len() {
        return n == 0;
    }
    let first = needle[0];
    let mut i = 0;
    while i + n <= hay.len() {
        if hay[i] == first {
            let mut k = 1;
            while k < n && hay[i + k] == needle[k] {
                k += 1;
            }
            if k == n {
                return true;
            }
        }
        i += 1;
    }
    false
}

/// The pairs of adjacent bytes of `s` as a signature: one bit of 128 per pair (a hash), so a
/// text holding another holds at least its bits. Empty for a single byte.
fn byte_pairs(s: &[u8]) -> u128 {
    s.windows(2).fold(0, |bits, w| {
        let pair = u32::from(w[0]) << 8 | u32::from(w[1]);
        bits | 1u128 << (pair.wrapping_mul(0x9E37_79B9) >> 25)
    })
}

fn closeness(target_words: u32, q_words: usize) -> u32 {
    let extra = target_words.saturating_sub(q_words as u32);
    MAX_CLOSENESS - extra.min(MAX_CLOSENESS)
}

/// How a folded target (name or field name) matches a folded query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Match {
    None,
    Phrase,
    /// With the bonus (0..=99).
    WordStart(u32),
    /// With the bonus (0..=49).
    Substring(u32),
    /// With the bonus (0..=49).
    AnyOrder(u32),
}

fn match_score(target: &str, target_words: u32, q: &str, q_words: &[&str]) -> Match {
    if target == q {
        return Match::Phrase;
    }
    let anywhere = target.contains(q);
    let at_word_start = anywhere && occurs_at_word_start(target, q);
    let closeness = closeness(target_words, q_words.len());
    if at_word_start {
        Match::WordStart(CONTIGUOUS_BONUS + closeness)
    } else if !q_words.is_empty() && word_prefixes_in_order(target, q_words) {
        Match::WordStart(closeness)
    } else if anywhere {
        Match::Substring(closeness)
    } else if q_words.len() > 1
        && q_words
            .iter()
            .all(|q| words(target).any(|(_, w)| w.starts_with(q)))
    {
        Match::AnyOrder(closeness)
    } else {
        Match::None
    }
}

/// `q` occurs in `target` at a word boundary (see [`is_boundary`]).
fn occurs_at_word_start(target: &str, q: &str) -> bool {
    let mut from = 0;
    while let Some(i) = target.get(from..).and_then(|t| t.find(q)) {
        let at = from + i;
        if is_boundary(target, at) {
            return true;
        }
        // Occurrences may overlap: look again one character further.
        from = at + target[at..].chars().next().map_or(1, char::len_utf8);
    }
    false
}

/// Every query word is a prefix of a word of the target, each of a later word than the one
/// before.
fn word_prefixes_in_order(target: &str, q_words: &[&str]) -> bool {
    let mut target_words = words(target);
    q_words
        .iter()
        .all(|q| target_words.by_ref().any(|(_, w)| w.starts_with(q)))
}

/// The position `at` of `s` is not inside a word: the characters on its two sides are not both
/// letters or digits.
fn is_boundary(s: &str, at: usize) -> bool {
    let before = s[..at].chars().next_back();
    let after = s[at..].chars().next();
    !matches!((before, after), (Some(b), Some(a)) if b.is_alphanumeric() && a.is_alphanumeric())
}

/// The words of a folded text (maximal runs of letters and digits) with their byte offsets.
fn words(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = s.as_bytes();
    // The letter or digit at `i`, and the length of its character (0 when it is not one).
    let word_char = move |i: usize| -> usize {
        match bytes[i] {
            b if b.is_ascii_alphanumeric() => 1,
            b if b < 0x80 => 0,
            _ => s[i..]
                .chars()
                .next()
                .filter(|c| c.is_alphanumeric())
                .map_or(0, char::len_utf8),
        }
    };
    // Skip to the next character boundary from a non-word position.
    let step = move |i: usize| -> usize {
        if bytes[i] < 0x80 {
            1
        } else {
            s[i..].chars().next().map_or(1, char::len_utf8)
        }
    };
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < bytes.len() && word_char(at) == 0 {
            at += step(at);
        }
        if at >= bytes.len() {
            return None;
        }
        let start = at;
        loop {
            let n = if at < bytes.len() { word_char(at) } else { 0 };
            if n == 0 {
                break;
            }
            at += n;
        }
        Some((start, &s[start..at]))
    })
}

#[cfg(test)]
fn word_count(s: &str) -> u32 {
    words(s).count() as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_runs_of_letters_and_digits() {
        let w: Vec<(usize, &str)> = words("(a) bc, 1.001193-x").collect();
        assert_eq!(
            w,
            [(1, "a"), (4, "bc"), (8, "1"), (10, "001193"), (17, "x")]
        );
        assert_eq!(words("").count(), 0);
        assert_eq!(words(" - ").count(), 0);
        let w: Vec<(usize, &str)> = words("αβ–γ 한국, x").collect();
        assert_eq!(w, [(0, "αβ"), (7, "γ"), (10, "한국"), (18, "x")]);
    }

    #[test]
    fn match_kinds() {
        let t = "thu tuc dang ky khai sinh";
        let n = word_count(t);
        let q = |q: &'static str| {
            let w: Vec<&str> = words(q).map(|(_, w)| w).collect();
            match_score(t, n, q, &w)
        };
        assert_eq!(q("thu tuc dang ky khai sinh"), Match::Phrase);
        assert_eq!(q("dang ky khai sinh"), Match::WordStart(50 + 47));
        assert_eq!(q("dang ky khai si"), Match::WordStart(50 + 47));
        assert_eq!(q("dang khai"), Match::WordStart(45));
        assert_eq!(q("ang ky"), Match::Substring(45));
        assert_eq!(q("khai dang"), Match::AnyOrder(45));
        assert_eq!(q("khai xyz"), Match::None);
        assert_eq!(q("ket hon"), Match::None);
    }

    /// The reference: every rule applied to each procedure on its own.
    fn reference_score(catalog: &Catalog, i: usize, query: &str) -> u32 {
        let q = fold(query);
        let q_words: Vec<&str> = words(&q).map(|(_, w)| w).collect();
        let p = &catalog.procedures()[i];
        let code = query.trim();
        let mut score = 0;
        if !code.is_empty() && p.code.as_str().eq_ignore_ascii_case(code) {
            score = SCORE_CODE;
        } else if p.code.as_str().len() > 8 && p.code.national().eq_ignore_ascii_case(code) {
            score = SCORE_NATIONAL_CODE;
        }
        let name = fold(&p.name);
        score = score.max(match match_score(&name, word_count(&name), &q, &q_words) {
            Match::None => 0,
            Match::Phrase => SCORE_NAME_PHRASE,
            Match::WordStart(b) => SCORE_NAME_WORD_START + b,
            Match::Substring(b) => SCORE_NAME_SUBSTRING + b,
            Match::AnyOrder(b) => SCORE_NAME_ANY_ORDER + b,
        });
        let field = fold(&catalog.field(p.field).name);
        score.max(
            match match_score(&field, word_count(&field), &q, &q_words) {
                Match::None => 0,
                Match::Phrase => SCORE_FIELD_PHRASE,
                Match::WordStart(b) => SCORE_FIELD_WORD_START + b,
                Match::Substring(b) => SCORE_FIELD_SUBSTRING + b,
                Match::AnyOrder(b) => SCORE_FIELD_ANY_ORDER + b,
            },
        )
    }

    /// Queries of every kind of match, and of none.
    const QUERIES: &[&str] = &[
        "dang ky khai sinh",
        "Đăng ký kết hôn",
        "khai sinh lại",
        "ho tich",
        "HỘ TỊCH",
        "thủ tục",
        "t",
        "a",
        "inh",
        "nuoi con",
        "con nuoi",
        "(",
        ", ",
        "1.001193",
        "1.00119",
        "trích lục hộ tịch",
        "tich ho",
        "dang dang",
        "xe,  biển",
        "ky khai",
        "Huỷ tài khoản",
        "uy",
        "quoc tich",
        "nước ngoài",
        "ngoai nuoc",
        "2",
    ];

    #[test]
    fn the_index_scores_as_the_rules_say() {
        let catalog = Catalog::from_json(include_bytes!("../tests/data/portal-sample.json"))
            .expect("the sample loads");
        let matchers = [Matcher::new(&catalog, true), Matcher::new(&catalog, false)];
        for (query, matcher) in QUERIES
            .iter()
            .flat_map(|q| matchers.iter().map(move |m| (*q, m)))
        {
            let mut got = matcher.scores(query, usize::MAX);
            got.sort_unstable_by_key(|&(_, i)| i);
            let want: Vec<(u32, u32)> = (0..catalog.procedures().len())
                .map(|i| (reference_score(&catalog, i, query), i as u32))
                .filter(|&(s, _)| s > 0)
                .collect();
            assert_eq!(got, want, "{query:?}");
        }
    }

    /// `matches` marks exactly the procedures `search` finds (every hit, no limit).
    fn assert_matches_are_hits(catalog: &Catalog, query: &str) {
        let index = SearchIndex::new(catalog);
        let mut want = vec![false; catalog.procedures().len()];
        for hit in index.search(query, usize::MAX) {
            want[hit.procedure.0 as usize] = true;
        }
        assert_eq!(index.matches(query), want, "{query:?}");
    }

    #[test]
    fn matches_are_the_hits_of_search() {
        let catalog = Catalog::from_json(include_bytes!("../tests/data/portal-sample.json"))
            .expect("the sample loads");
        let more = [
            "d", "da", "dang", "dang ", "dang k", "1", "", "  \t ", "zzzz",
        ];
        for query in QUERIES.iter().chain(&more) {
            assert_matches_are_hits(&catalog, query);
        }
        assert!(
            catalog.search("d", usize::MAX).len() > 10,
            "a query that matches many"
        );
    }

    /// The same on the inputs of the shared conformance vectors of `search`
    /// (`tests/conformance/search-*.json` with a valid document), with their queries and a
    /// few more.
    #[test]
    fn matches_are_the_hits_of_search_on_the_conformance_inputs() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/conformance");
        let mut vectors = 0;
        for entry in std::fs::read_dir(&dir).expect("tests/conformance exists") {
            let path = entry.expect("a directory entry").path();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            let json = path.extension().is_some_and(|e| e == "json");
            if !name.starts_with("search-") || !json {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("a vector");
            let vector: serde_json::Value = serde_json::from_str(&text).expect("JSON");
            if vector["input"].is_null() {
                continue; // a vector of an invalid document (`input_text`)
            }
            let input = serde_json::to_vec(&vector["input"]).expect("JSON");
            let catalog = Catalog::from_json(&input).expect("the vector's input loads");
            let query = vector["options"]["query"].as_str().expect("a query");
            for q in [query, "d", "thu tuc", "tich", "1.001", "chung thuc di"] {
                assert_matches_are_hits(&catalog, q);
            }
            vectors += 1;
        }
        assert!(vectors >= 8, "the search vectors were found ({vectors})");
    }

    #[test]
    fn an_index_built_in_slices_is_the_index_built_at_once() {
        let catalog = Catalog::from_json(include_bytes!("../tests/data/portal-sample.json"))
            .expect("the sample loads");
        let order = ListOrder::new(&catalog);
        let whole = SearchIndex::with_order(&catalog, &order);
        let n = catalog.procedures().len();
        let queries = [
            "dang ky",
            "thu tuc",
            "a",
            "ho tich",
            "1.001193",
            "khai sinh lai",
        ];
        for count in [1, 7, n - 1, n, usize::MAX] {
            let mut builder = SearchIndexBuilder::new();
            let mut steps = 0;
            while !builder.step(&catalog, count) {
                steps += 1;
                assert_eq!(builder.done(), count * steps, "{count}");
            }
            let sliced = builder.finish(&catalog, &order);
            assert_eq!(sliced.rank, whole.rank);
            for query in queries {
                assert_eq!(
                    sliced.search(query, usize::MAX),
                    whole.search(query, usize::MAX),
                    "{query} in slices of {count}"
                );
                assert_eq!(sliced.matches(query), whole.matches(query), "{query}");
            }
        }
        // Stepped with another (larger) catalogue, finished with this one: no panic.
        let small = Catalog::from_json(
            r#"{"tthc":1,"fields":[{"code":"a","name":"Hộ tịch"}],"procedures":[
                {"code":"1.000001","name":"Thủ tục đăng ký khai sinh","field":"a","levels":["commune"]}],"units":[]}"#
                .as_bytes(),
        )
        .expect("a small catalogue loads");
        let mut builder = SearchIndexBuilder::new();
        while !builder.step(&catalog, 50) {}
        let index = builder.finish(&small, &ListOrder::new(&small));
        assert_eq!(index.matches("khai sinh"), [true]);
        let mut builder = SearchIndexBuilder::new();
        builder.step(&small, 1);
        let index = builder.finish(&catalog, &order);
        assert_eq!(index.matches("a").len(), n);
    }

    #[test]
    fn an_index_with_a_list_order_ranks_as_one_without() {
        let catalog = Catalog::from_json(include_bytes!("../tests/data/portal-sample.json"))
            .expect("the sample loads");
        let alone = SearchIndex::new(&catalog);
        let shared = SearchIndex::with_order(&catalog, &ListOrder::new(&catalog));
        assert_eq!(alone.rank, shared.rank);
        for query in ["dang ky", "thu tuc", "a", "ho tich"] {
            assert_eq!(
                alone.search(query, 100),
                shared.search(query, 100),
                "{query}"
            );
        }
        // Another catalogue's order: no panic, the same hits.
        let empty = Catalog::from_json(br#"{"tthc":1,"fields":[],"procedures":[],"units":[]}"#)
            .expect("an empty catalogue loads");
        let other = SearchIndex::with_order(&catalog, &ListOrder::new(&empty));
        assert_eq!(
            other.search("dang ky", 100).len(),
            alone.search("dang ky", 100).len()
        );
    }

    #[test]
    fn overlapping_occurrences_are_all_tried() {
        // The first occurrence of "a a" is inside a word, the second starts one.
        let t = "ba a a";
        assert!(is_boundary(t, 3));
        assert_eq!(
            match_score(t, 3, "a a", &["a", "a"]),
            Match::WordStart(50 + 48)
        );
    }
}
