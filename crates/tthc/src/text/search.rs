//! Ranked, accent-insensitive search over procedure names, codes and field names.
//!
//! See the [module documentation](super) for the rules and the score scale.

use std::cmp::Reverse;

use super::collation::sort_key;
use super::fold::fold;
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

/// Folded text of one field name.
#[derive(Debug, Clone)]
struct FieldText {
    folded: String,
    words: u32,
}

/// A search index over a catalogue's procedures: folded names and field names, codes and the
/// Vietnamese order of the names, computed once.
///
/// Build it once and keep it beside the [`Catalog`] it was built from when you search more than
/// once; [`Catalog::search`] builds one for every call. The index holds copies, not
/// references: it stays valid as long as the catalogue it was built from is not replaced.
///
/// ```
/// # let catalog = tthc::Catalog::an_bien_2018();
/// let index = tthc::text::SearchIndex::new(&catalog);
/// let hits = index.search("dang ky khai sinh", 3);
/// assert!(hits.iter().any(|h| catalog.procedure(h.procedure).code.as_str() == "1.001193"));
/// ```
#[derive(Debug, Clone)]
pub struct SearchIndex {
    /// Folded names, each followed by `\n` (which folding never produces).
    names: String,
    /// Start of each procedure's folded name in `names`.
    starts: Vec<u32>,
    /// Number of words of each folded name.
    words: Vec<u32>,
    /// Field of each procedure (index into `fields`).
    field_of: Vec<u32>,
    fields: Vec<FieldText>,
    /// Code of each procedure, and the length of its national part.
    codes: Vec<Box<str>>,
    /// Position of each procedure in Vietnamese order of the names, then code.
    rank: Vec<u32>,
}

impl SearchIndex {
    /// Build the index of a catalogue: fold every name and field name, and sort the names in
    /// Vietnamese order (for ties).
    pub fn new(catalog: &Catalog) -> SearchIndex {
        let procedures = catalog.procedures();
        let mut names = String::with_capacity(procedures.iter().map(|p| p.name.len() + 1).sum());
        let mut starts = Vec::with_capacity(procedures.len());
        let mut words = Vec::with_capacity(procedures.len());
        for p in procedures {
            starts.push(names.len() as u32);
            let folded = fold(&p.name);
            words.push(word_count(&folded));
            names.push_str(&folded);
            names.push('\n');
        }
        let fields = catalog
            .fields()
            .iter()
            .map(|f| {
                let folded = fold(&f.name);
                FieldText {
                    words: word_count(&folded),
                    folded,
                }
            })
            .collect();
        let mut order: Vec<(Vec<u8>, &str, u32)> = procedures
            .iter()
            .enumerate()
            .map(|(i, p)| (sort_key(&p.name), p.code.as_str(), i as u32))
            .collect();
        order.sort_unstable();
        let mut rank = vec![0; procedures.len()];
        for (position, (_, _, i)) in order.into_iter().enumerate() {
            rank[i as usize] = position as u32;
        }
        SearchIndex {
            names,
            starts,
            words,
            field_of: procedures.iter().map(|p| p.field.0).collect(),
            fields,
            codes: procedures.iter().map(|p| p.code.as_str().into()).collect(),
            rank,
        }
    }

    /// Number of procedures in the index.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// The index holds no procedure.
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// The best `limit` procedures for `query`, best first; empty for an empty or blank query.
    ///
    /// The rules and scores are those of the [module documentation](super).
    pub fn search(&self, query: &str, limit: usize) -> Vec<SearchHit> {
        if limit == 0 {
            return Vec::new();
        }
        let q = fold(query);
        if q.is_empty() {
            return Vec::new();
        }
        let q_words: Vec<&str> = words(&q).map(|(_, w)| w).collect();
        let mut scores = vec![0u32; self.len()];

        // Codes.
        let code = query.trim();
        if code.as_bytes().first().is_some_and(u8::is_ascii_digit) {
            for (i, c) in self.codes.iter().enumerate() {
                if c.eq_ignore_ascii_case(code) {
                    scores[i] = SCORE_CODE;
                } else if c.len() > 8 && c.get(..8).is_some_and(|n| n.eq_ignore_ascii_case(code)) {
                    scores[i] = SCORE_NATIONAL_CODE;
                }
            }
        }

        // Names: every match contains the longest query word, so scan the joined names for it
        // once and look closer only at the names that contain it.
        let needle = q_words
            .iter()
            .copied()
            .max_by_key(|w| w.len())
            .unwrap_or(q.as_str());
        let mut last = usize::MAX;
        for (at, _) in self.names.match_indices(needle) {
            let i = self.starts.partition_point(|&s| s as usize <= at) - 1;
            if i == last {
                continue;
            }
            last = i;
            let start = self.starts[i] as usize;
            let end = self
                .starts
                .get(i + 1)
                .map_or(self.names.len(), |&s| s as usize)
                - 1;
            let m = match_score(&self.names[start..end], self.words[i], &q, &q_words);
            let score = match m {
                Match::None => 0,
                Match::Phrase => SCORE_NAME_PHRASE,
                Match::WordStart(bonus) => SCORE_NAME_WORD_START + bonus,
                Match::Substring(bonus) => SCORE_NAME_SUBSTRING + bonus,
                Match::AnyOrder(bonus) => SCORE_NAME_ANY_ORDER + bonus,
            };
            scores[i] = scores[i].max(score);
        }

        // Field names.
        let field_scores: Vec<u32> = self
            .fields
            .iter()
            .map(|f| match match_score(&f.folded, f.words, &q, &q_words) {
                Match::None => 0,
                Match::Phrase => SCORE_FIELD_PHRASE,
                Match::WordStart(bonus) => SCORE_FIELD_WORD_START + bonus,
                Match::Substring(bonus) => SCORE_FIELD_SUBSTRING + bonus,
                Match::AnyOrder(bonus) => SCORE_FIELD_ANY_ORDER + bonus,
            })
            .collect();
        if field_scores.iter().any(|&s| s > 0) {
            for (score, &f) in scores.iter_mut().zip(&self.field_of) {
                let field = field_scores.get(f as usize).copied().unwrap_or(0);
                *score = (*score).max(field);
            }
        }

        // Best first; ties in Vietnamese order of the name, then by code.
        let mut hits: Vec<(Reverse<u32>, u32, u32)> = scores
            .iter()
            .enumerate()
            .filter(|&(_, &s)| s > 0)
            .map(|(i, &s)| (Reverse(s), self.rank[i], i as u32))
            .collect();
        if hits.len() > limit {
            hits.select_nth_unstable(limit);
            hits.truncate(limit);
        }
        hits.sort_unstable();
        hits.into_iter()
            .map(|(Reverse(score), _, i)| SearchHit {
                procedure: ProcId(i),
                score,
            })
            .collect()
    }
}

impl Catalog {
    /// Search procedures by code, name or field name, accent- and case-insensitively: the best
    /// `limit` hits, best first (rules and scores in [`crate::text`]).
    ///
    /// This builds a [`SearchIndex`] for every call (a few milliseconds for 10,000
    /// procedures); keep one yourself to search the same catalogue many times.
    ///
    /// ```
    /// let catalog = tthc::Catalog::an_bien_2018();
    /// let hits = catalog.search("DANG KY KET HON", 5);
    /// assert!(hits.iter().any(|h| catalog.procedure(h.procedure).code.as_str() == "1.000894"));
    /// assert!(catalog.search("   ", 5).is_empty());
    /// ```
    pub fn search(&self, query: &str, limit: usize) -> Vec<SearchHit> {
        SearchIndex::new(self).search(query, limit)
    }
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
    let mut anywhere = false;
    let mut at_word_start = false;
    let mut from = 0;
    while let Some(i) = target.get(from..).and_then(|t| t.find(q)) {
        let at = from + i;
        anywhere = true;
        if is_boundary(target, at) {
            at_word_start = true;
            break;
        }
        // Look again one character further: occurrences may overlap.
        from = at + target[at..].chars().next().map_or(1, char::len_utf8);
    }
    let extra = target_words.saturating_sub(q_words.len() as u32);
    let closeness = MAX_CLOSENESS - extra.min(MAX_CLOSENESS);
    if at_word_start {
        Match::WordStart(CONTIGUOUS_BONUS + closeness)
    } else if !q_words.is_empty() && word_prefixes_in_order(target, q_words) {
        Match::WordStart(closeness)
    } else if anywhere {
        Match::Substring(closeness)
    } else if q_words.len() > 1 && q_words.iter().all(|q| words(target).any(|(_, w)| w.starts_with(q))) {
        Match::AnyOrder(closeness)
    } else {
        Match::None
    }
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
    let mut rest = s.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = rest.by_ref().find(|(_, c)| c.is_alphanumeric())?;
        let mut end = s.len();
        while let Some(&(i, c)) = rest.peek() {
            if !c.is_alphanumeric() {
                end = i;
                break;
            }
            rest.next();
        }
        Some((start, &s[start..end]))
    })
}

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
        assert_eq!(q("dang khai"), Match::WordStart(47));
        assert_eq!(q("ang ky"), Match::Substring(47));
        assert_eq!(q("khai dang"), Match::AnyOrder(47));
        assert_eq!(q("khai xyz"), Match::None);
        assert_eq!(q("ket hon"), Match::None);
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
