//! Procedure code → id, the hot look-up of loading: national codes (`d.dddddd`) go through a
//! dense table over the range of codes present (or a hash map when that range is sparse),
//! codes with a local suffix through a hash map.

use rustc_hash::FxHashMap;

use super::ProcId;
use crate::model::code::national_number;

/// At most this many slots (16 MB) for the dense table.
const DENSE_LIMIT: u32 = 4 << 20;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct CodeTable {
    base: u32,
    dense: Vec<u32>,
    by_number: FxHashMap<u32, ProcId>,
    by_code: FxHashMap<String, ProcId>,
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
                    t.by_code.entry(code.to_owned()).or_insert(id);
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
            for (n, id) in numbers {
                t.by_number.entry(n).or_insert(id);
            }
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
            Some(n) => self.by_number.get(&n).copied(),
            None => self.by_code.get(code).copied(),
        }
    }

    /// Heap bytes, for memory accounting.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.dense.capacity() * 4 + (self.by_number.capacity() + self.by_code.capacity()) * 40
    }
}
