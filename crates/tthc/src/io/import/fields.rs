//! The fields met while importing, keyed by code or folded name.

use rustc_hash::FxHashMap;

use crate::io::wording::field_code;
use crate::text::fold;

/// The fields met while importing, keyed by code or by folded name; codes are given at the
/// end so that collisions of derived codes are settled the same way whatever the row order.
#[derive(Debug, Default)]
pub(crate) struct FieldTable {
    entries: Vec<FieldEntry>,
    by_exact: FxHashMap<String, u32>,
    by_fold: FxHashMap<String, u32>,
    by_code: FxHashMap<String, u32>,
}

#[derive(Debug)]
struct FieldEntry {
    code: Option<String>,
    name: Option<String>,
    folded: Option<String>,
    /// The first row that named the field (for messages).
    row: u64,
}

impl FieldTable {
    /// The field with this (normalised, non-empty) name; `variant` is set when the name
    /// equals an earlier one only once folded.
    pub(crate) fn by_name(&mut self, name: &str, row: u64, variant: &mut bool) -> u32 {
        if let Some(&i) = self.by_exact.get(name) {
            return i;
        }
        let folded = fold(name);
        let i = if let Some(&i) = self.by_fold.get(&folded) {
            *variant = true;
            i
        } else {
            let i = self.entries.len() as u32;
            self.entries.push(FieldEntry {
                code: None,
                name: Some(name.to_owned()),
                folded: Some(folded.clone()),
                row,
            });
            self.by_fold.insert(folded, i);
            i
        };
        self.by_exact.insert(name.to_owned(), i);
        i
    }

    /// The field with this code, named `name` when given; `None` when the code already has a
    /// name that differs from `name` once folded.
    pub(crate) fn by_code(
        &mut self,
        code: &str,
        name: Option<&str>,
        row: u64,
        variant: &mut bool,
    ) -> Option<u32> {
        let i = if let Some(&i) = self.by_code.get(code) {
            i
        } else {
            // A field met by name alone earlier takes this code.
            let by_name = name.and_then(|n| {
                let f = fold(n);
                self.by_fold
                    .get(&f)
                    .copied()
                    .filter(|&i| self.entries[i as usize].code.is_none())
            });
            let i = by_name.unwrap_or_else(|| {
                self.entries.push(FieldEntry {
                    code: None,
                    name: None,
                    folded: None,
                    row,
                });
                (self.entries.len() - 1) as u32
            });
            self.entries[i as usize].code = Some(code.to_owned());
            self.by_code.insert(code.to_owned(), i);
            i
        };
        if let Some(name) = name {
            let entry = &mut self.entries[i as usize];
            match &entry.name {
                Some(n) if n == name => {}
                Some(_) => {
                    let folded = fold(name);
                    if entry.folded.as_deref() == Some(folded.as_str()) {
                        *variant = true;
                    } else {
                        return None;
                    }
                }
                None => {
                    let folded = fold(name);
                    entry.name = Some(name.to_owned());
                    self.by_fold.entry(folded.clone()).or_insert(i);
                    entry.folded = Some(folded);
                    entry.row = row;
                }
            }
        }
        Some(i)
    }

    /// The name of the field with this code, if it has one.
    pub(crate) fn name_of_code(&self, code: &str) -> Option<&str> {
        self.by_code
            .get(code)
            .and_then(|&i| self.entries[i as usize].name.as_deref())
    }

    /// The field a row would name, without adding it: what [`FieldTable::by_code`] or
    /// [`FieldTable::by_name`] would return for an existing field.
    pub(crate) fn peek(&self, code: Option<&str>, name: &str) -> Option<u32> {
        match code {
            Some(c) => self.by_code.get(c).copied().or_else(|| {
                self.by_fold
                    .get(&fold(name))
                    .copied()
                    .filter(|&i| self.entries[i as usize].code.is_none())
            }),
            None => self
                .by_exact
                .get(name)
                .or_else(|| self.by_fold.get(&fold(name)))
                .copied(),
        }
    }

    /// The name of a field (empty when it has none).
    pub(crate) fn name(&self, i: u32) -> &str {
        self.entries
            .get(i as usize)
            .and_then(|e| e.name.as_deref())
            .unwrap_or_default()
    }

    /// Give every field its code: its own, or the code derived from its name
    /// ([`field_code`]). Names whose derived codes collide (different once folded, equal once
    /// punctuation is dropped: "Thi đua – Khen thưởng" and "Thi đua khen thưởng") are ordered
    /// by folded name, then name; the first keeps the code, the next get `-2`, `-3`, …; a code
    /// already given explicitly is never reused. Returns the fields by entry index.
    pub(crate) fn finish(self) -> Vec<crate::document::DocField<'static>> {
        let FieldTable {
            entries, by_code, ..
        } = self;
        let mut codes: Vec<Option<String>> = entries.iter().map(|e| e.code.clone()).collect();
        let mut taken: rustc_hash::FxHashSet<String> = by_code.into_keys().collect();
        let mut groups: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        let mut order = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            if e.code.is_none() {
                let slug = field_code(e.name.as_deref().unwrap_or_default());
                let g = groups.entry(slug.clone()).or_insert_with(|| {
                    order.push(slug);
                    Vec::new()
                });
                g.push(i);
            }
        }
        for slug in order {
            let mut members = groups.remove(&slug).unwrap_or_default();
            members.sort_by(|&a, &b| {
                (&entries[a].folded, &entries[a].name).cmp(&(&entries[b].folded, &entries[b].name))
            });
            let mut n = 1;
            for i in members {
                let code = loop {
                    let candidate = if n == 1 {
                        slug.clone()
                    } else {
                        format!("{slug}-{n}")
                    };
                    n += 1;
                    if !taken.contains(&candidate) {
                        break candidate;
                    }
                };
                taken.insert(code.clone());
                codes[i] = Some(code);
            }
        }
        entries
            .into_iter()
            .zip(codes)
            .map(|(e, code)| crate::document::DocField {
                code: code.unwrap_or_default().into(),
                name: e.name.unwrap_or_default().into(),
                name_en: None,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::FieldTable;
    use crate::io::wording::field_code;

    #[test]
    fn colliding_codes_are_settled_by_name_order() {
        let mut t = FieldTable::default();
        let mut v = false;
        let a = t.by_name("Thi đua – Khen thưởng", 2, &mut v);
        let b = t.by_name("Thi đua khen thưởng", 3, &mut v);
        let fields = t.finish();
        let base = field_code("Thi đua khen thưởng");
        assert_eq!(fields[b as usize].code, base);
        assert_eq!(fields[a as usize].code, format!("{base}-2"));
    }
}
