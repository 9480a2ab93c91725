//! Applicable lists: what applies to a unit before its own `applies` overrides, computed once
//! per level and once per distinct set of covering decisions, and shared by every unit with the
//! same level and the same decisions (`format.md`, "Catalogues over time" §2).
//!
//! A unit without decisions gets its level's list: the procedures whose `levels` contain the
//! unit's level and that are in force. A unit covered by decisions `D(u, d)` (those in effect on
//! the day that cover it, by `effective` then document order) gets the level's list with each
//! decision applied in turn, then the procedures not in force taken out. Units with the same
//! level and the same `D(u, d)` share one list, built once: decisions are never replayed per
//! unit.

use crate::catalog::{Action, Catalog, DecisionId, FieldId, ProcId, UnitId};
use crate::model::{Date, Level};

/// One applicable list, shared by the units that have it.
#[derive(Debug, Clone)]
pub(crate) struct List {
    /// The procedures, in id order.
    pub(crate) procs: Vec<ProcId>,
    /// Bit `p` set when procedure `p` is in the list.
    member: Vec<u64>,
    /// `(field, procedures of the list in it)`, fields in id order.
    pub(crate) fields: Vec<(FieldId, u32)>,
    /// Each procedure's amendment day when decisions amended some (else the procedures' own).
    pub(crate) amended: Option<Vec<Option<Date>>>,
    /// `D(u, d)`: the decisions that made the list, in the order they were applied.
    pub(crate) decisions: Vec<DecisionId>,
}

impl List {
    /// Whether procedure `p` (an index) is in the list.
    #[inline]
    pub(crate) fn contains(&self, p: usize) -> bool {
        self.member[p >> 6] >> (p & 63) & 1 != 0
    }
}

fn set(bits: &mut [u64], p: usize) {
    bits[p >> 6] |= 1 << (p & 63);
}

fn clear(bits: &mut [u64], p: usize) {
    bits[p >> 6] &= !(1 << (p & 63));
}

/// Decisions in effect of one scope level, by `within` (`None`: the whole level), each with
/// its rank in `(effective, document order)`.
type ByWithin = Sorted<Option<UnitId>, Vec<(u32, DecisionId)>>;

/// A small map as a vector sorted by key (binary search): the few look-ups per unit here do
/// not need hashing, and the WebAssembly modules then carry no hash table code for it.
struct Sorted<K, V>(Vec<(K, V)>);

impl<K: Ord, V> Sorted<K, V> {
    fn get(&self, key: &K) -> Option<&V> {
        self.0
            .binary_search_by(|(k, _)| k.cmp(key))
            .ok()
            .map(|i| &self.0[i].1)
    }

    /// The value of `key`, inserted with `make` when absent.
    fn get_or_insert_with(&mut self, key: K, make: impl FnOnce() -> V) -> &mut V {
        let i = match self.0.binary_search_by(|(k, _)| k.cmp(&key)) {
            Ok(i) => i,
            Err(i) => {
                self.0.insert(i, (key, make()));
                i
            }
        };
        &mut self.0[i].1
    }
}

impl<K, V> Default for Sorted<K, V> {
    fn default() -> Self {
        Sorted(Vec::new())
    }
}

/// The lists of one day, built as units ask for them.
pub(crate) struct Lists<'c> {
    catalog: &'c Catalog,
    /// The first five are the levels' lists (index `Level as usize`); then decision lists.
    all: Vec<List>,
    /// Bit `p` set when procedure `p` is in force on the day.
    in_force: Vec<u64>,
    /// Decisions in effect on the day, per scope level and `within` (`None`: the whole
    /// level), each with its rank in `(effective, document order)`.
    by_within: [ByWithin; 5],
    /// `[level, D(u, d)…]` → list index.
    by_key: Sorted<Vec<u32>, u32>,
    /// List index per unit, `u32::MAX` until asked.
    of_unit: Vec<u32>,
    /// `(parent, level)` → list index, for units that no decision names as `within`: their
    /// decisions are those of their parent's area, shared by all their siblings.
    of_parent: Sorted<(UnitId, Level), u32>,
    /// Each procedure's field, copied out for locality (the scan reads it too).
    pub(crate) field_of: Vec<u32>,
    scratch: Vec<(u32, DecisionId)>,
    key: Vec<u32>,
}

impl<'c> Lists<'c> {
    pub(crate) fn new(catalog: &'c Catalog, as_of: Date) -> Self {
        let n = catalog.procedures().len();
        let words = n.div_ceil(64).max(1);
        let mut in_force = vec![0u64; words];
        let mut member: [Vec<u64>; 5] = std::array::from_fn(|_| vec![0u64; words]);
        let mut procs: [Vec<ProcId>; 5] = Default::default();
        for (i, p) in catalog.procedures().iter().enumerate() {
            if !p.in_force(as_of) {
                continue;
            }
            set(&mut in_force, i);
            for l in p.levels.iter() {
                procs[l as usize].push(ProcId(i as u32));
                set(&mut member[l as usize], i);
            }
        }
        let mut field_of = Vec::with_capacity(n);
        for p in catalog.procedures() {
            field_of.push(p.field.0);
        }
        let mut lists = Vec::with_capacity(8);
        for (procs, member) in procs.into_iter().zip(member) {
            let fields = field_counts(&procs, &field_of, catalog.fields().len());
            lists.push(List {
                procs,
                member,
                fields,
                amended: None,
                decisions: Vec::new(),
            });
        }
        // `(effective, id)` pairs, distinct (the id breaks ties), so an unstable sort is enough;
        // the same instantiation as `Lists::of` sorts its cover with.
        let mut order: Vec<(u32, DecisionId)> = Vec::new();
        for (i, d) in catalog.decisions().iter().enumerate() {
            if d.effective <= as_of {
                order.push((d.effective.ordinal(), DecisionId(i as u32)));
            }
        }
        order.sort_unstable();
        let mut by_within: [ByWithin; 5] = Default::default();
        for (rank, (_, d)) in order.into_iter().enumerate() {
            let scope = catalog.decision(d).scope;
            by_within[scope.level as usize]
                .get_or_insert_with(scope.within, Vec::new)
                .push((rank as u32, d));
        }
        Lists {
            catalog,
            all: lists,
            in_force,
            by_within,
            by_key: Sorted::default(),
            of_unit: vec![u32::MAX; catalog.units().len()],
            of_parent: Sorted::default(),
            field_of,
            scratch: Vec::new(),
            key: Vec::new(),
        }
    }

    /// A list by index.
    #[inline]
    pub(crate) fn get(&self, i: u32) -> &List {
        &self.all[i as usize]
    }

    /// The index of a unit's list, built on first use.
    ///
    /// `D(u, d)` is the decisions of the unit's level whose `within` is the unit, one of its
    /// ancestors, or absent, in `(effective, document order)`. A unit that no decision names
    /// as `within` has its parent's area's decisions: one look-up shared by its siblings.
    pub(crate) fn of(&mut self, unit: UnitId) -> u32 {
        let known = self.of_unit[unit.0 as usize];
        if known != u32::MAX {
            return known;
        }
        let u = self.catalog.unit(unit);
        let level = u.level;
        let by_within = &self.by_within[level as usize];
        let named = by_within.get(&Some(unit)).is_some();
        let shared = u.parent.filter(|_| !named);
        if let Some(&i) = shared.and_then(|p| self.of_parent.get(&(p, level))) {
            self.of_unit[unit.0 as usize] = i;
            return i;
        }
        let mut cover = std::mem::take(&mut self.scratch);
        cover.clear();
        if let Some(all) = by_within.get(&None) {
            cover.extend_from_slice(all);
        }
        let mut at = Some(unit);
        while let Some(a) = at {
            if let Some(list) = by_within.get(&Some(a)) {
                cover.extend_from_slice(list);
            }
            at = self.catalog.unit(a).parent;
        }
        cover.sort_unstable();
        let index = if cover.is_empty() {
            level as u32
        } else {
            let mut key = std::mem::take(&mut self.key);
            key.clear();
            key.push(level as u32);
            key.extend(cover.iter().map(|(_, d)| d.0));
            let i = if let Some(&i) = self.by_key.get(&key) {
                i
            } else {
                let i = self.all.len() as u32;
                let decisions: Vec<DecisionId> = cover.iter().map(|&(_, d)| d).collect();
                let list = self.build(level, &decisions);
                self.all.push(list);
                self.by_key.get_or_insert_with(key.clone(), || i);
                i
            };
            self.key = key;
            i
        };
        self.scratch = cover;
        self.of_unit[unit.0 as usize] = index;
        if let Some(p) = shared {
            self.of_parent.get_or_insert_with((p, level), || index);
        }
        index
    }

    /// The level's list with `decisions` applied in order, then what is not in force removed.
    fn build(&self, level: Level, decisions: &[DecisionId]) -> List {
        let c = self.catalog;
        let mut bits = self.all[level as usize].member.clone();
        let mut amended: Option<Vec<Option<Date>>> = None;
        for &d in decisions {
            let d = c.decision(d);
            if d.complete {
                bits.fill(0);
            }
            for it in &d.items {
                let p = it.procedure.0 as usize;
                match it.action {
                    Action::Listed | Action::New => set(&mut bits, p),
                    Action::Amended => {
                        set(&mut bits, p);
                        let days = amended.get_or_insert_with(|| amendments(c));
                        days[p] = days[p].max(Some(d.effective));
                    }
                    Action::Replaced => {
                        clear(&mut bits, p);
                        if let Some(by) = it.by {
                            set(&mut bits, by.0 as usize);
                        }
                    }
                    Action::Abolished => clear(&mut bits, p),
                }
            }
        }
        for (b, f) in bits.iter_mut().zip(&self.in_force) {
            *b &= f;
        }
        let mut procs = Vec::new();
        for (w, &word) in bits.iter().enumerate() {
            let mut rest = word;
            while rest != 0 {
                let k = rest.trailing_zeros() as usize;
                procs.push(ProcId((w * 64 + k) as u32));
                rest &= rest - 1;
            }
        }
        let fields = field_counts(&procs, &self.field_of, c.fields().len());
        List {
            procs,
            member: bits,
            fields,
            amended,
            decisions: decisions.to_vec(),
        }
    }
}

fn field_counts(procs: &[ProcId], field_of: &[u32], fields: usize) -> Vec<(FieldId, u32)> {
    let mut counts = vec![0u32; fields];
    for p in procs {
        counts[field_of[p.0 as usize] as usize] += 1;
    }
    // A plain loop: smaller in the WebAssembly modules than an iterator chain collected.
    let mut out = Vec::new();
    for (i, &c) in counts.iter().enumerate() {
        if c > 0 {
            out.push((FieldId(i as u32), c));
        }
    }
    out
}

/// Each procedure's last amendment day, in id order.
pub(crate) fn amendments(catalog: &Catalog) -> Vec<Option<Date>> {
    let mut out = Vec::with_capacity(catalog.procedures().len());
    for p in catalog.procedures() {
        out.push(p.amended);
    }
    out
}
