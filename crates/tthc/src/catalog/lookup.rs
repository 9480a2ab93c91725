//! Code → id look-ups. [`CodeTable`], procedure code → id, the hot look-up of loading:
//! national codes (`d.dddddd`) go through a dense table over the range of codes present (or a
//! sorted list when that range is sparse), codes with a local suffix through a [`CodeMap`], the
//! one hash map type of the catalogue (fields, units, decisions too: its code is compiled once).

use rustc_hash::FxHashMap;

use super::ProcId;
use crate::model::code::national_number;

/// At most this many slots (16 MB) for the dense table.
const DENSE_LIMIT: u32 = 4 << 20;

/// Text → `u32` (an id or an index).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct CodeMap(FxHashMap<String, u32>);

impl CodeMap {
    /// The value of exactly this code.
    #[inline]
    pub(crate) fn get(&self, code: &str) -> Option<u32> {
        self.0.get(code).copied()
    }

    /// Map `code` to `value` unless it has a value already; whether it was new.
    pub(crate) fn insert(&mut self, code: &str, value: u32) -> bool {
        if self.0.contains_key(code) {
            return false;
        }
        self.0.insert(code.to_owned(), value);
        true
    }

    /// Map `code` to `value`, replacing any value it had.
    pub(crate) fn set(&mut self, code: &str, value: u32) {
        self.0.insert(code.to_owned(), value);
    }

    /// Heap bytes, for memory accounting (about).
    pub(crate) fn heap_bytes(&self) -> usize {
        self.0.capacity() * 40
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct CodeTable {
    base: u32,
    dense: Vec<u32>,
    /// `(number, id)` sorted by number, the first id of each number (when `dense` is empty).
    by_number: Vec<(u32, u32)>,
    by_code: CodeMap,
}

impl CodeTable {
    /// A table of `(code, id)`; when a code repeats, the first id is kept.
    pub(crate) fn new<'a>(codes: impl Iterator<Item = (&'a str, ProcId)>) -> Self {
        let mut t = CodeTable::default();
        let mut numbers = Vec::new();
        for (code, id) in codes {
            match national_number(code.as_bytes()) {
                Some(n) => numbers.push((n, id)),
                None => {
                    t.by_code.insert(code, id.0);
                }
            }
        }
        let lo = numbers.iter().map(|x| x.0).min().unwrap_or(0);
        let hi = numbers.iter().map(|x| x.0).max().unwrap_or(0);
        if !numbers.is_empty() && hi - lo < DENSE_LIMIT {
            t.base = lo;
            t.dense = vec![u32::MAX; (hi - lo + 1) as usize];
            for (n, id) in numbers.into_iter().rev() {
                t.dense[(n - lo) as usize] = id.0;
            }
        } else {
            // Stable: the first id of a number stays first, and dedup keeps it.
            numbers.sort_by_key(|x| x.0);
            numbers.dedup_by_key(|x| x.0);
            t.by_number = numbers.into_iter().map(|(n, id)| (n, id.0)).collect();
        }
        t
    }

    /// The id of exactly this code.
    #[inline]
    pub(crate) fn get(&self, code: &str) -> Option<ProcId> {
        match national_number(code.as_bytes()) {
            Some(n) if !self.dense.is_empty() => {
                let slot = *self.dense.get(n.checked_sub(self.base)? as usize)?;
                (slot != u32::MAX).then_some(ProcId(slot))
            }
            Some(n) => {
                let k = self.by_number.binary_search_by_key(&n, |x| x.0).ok()?;
                Some(ProcId(self.by_number[k].1))
            }
            None => self.by_code.get(code).map(ProcId),
        }
    }

    /// Heap bytes, for memory accounting.
    pub(crate) fn heap_bytes(&self) -> usize {
        (self.dense.capacity() + self.by_number.capacity() * 2) * 4 + self.by_code.heap_bytes()
    }
}
