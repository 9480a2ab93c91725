//! Counts of a catalogue: procedures, fields, units, postings, procedures by level and by field
//! (`tthc stats`).

use serde::Serialize;

use crate::catalog::Catalog;
use crate::model::{Channel, Level};

/// Counts of a catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// Procedures.
    pub procedures: usize,
    /// Fields.
    pub fields: usize,
    /// Units.
    pub units: usize,
    /// Postings over all units and channels (a posting of a code the catalogue does not
    /// define counts too).
    pub postings: usize,
    /// Procedures carrying each level (a procedure with several levels counts for each).
    pub by_level: ByLevel,
    /// Postings by channel.
    pub by_channel: ByChannel,
    /// Procedures by field, in catalogue order of the fields.
    pub by_field: Vec<FieldCount>,
}

/// Procedures carrying each level.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ByLevel {
    /// Cấp bộ / trung ương.
    pub central: usize,
    /// Cấp tỉnh.
    pub province: usize,
    /// Cấp huyện.
    pub district: usize,
    /// Cấp xã.
    pub commune: usize,
    /// Cơ quan khác.
    pub other: usize,
}

impl ByLevel {
    /// The count of a level.
    pub fn get(&self, level: Level) -> usize {
        match level {
            Level::Central => self.central,
            Level::Province => self.province,
            Level::District => self.district,
            Level::Commune => self.commune,
            Level::Other => self.other,
        }
    }

    fn slot(&mut self, level: Level) -> &mut usize {
        match level {
            Level::Central => &mut self.central,
            Level::Province => &mut self.province,
            Level::District => &mut self.district,
            Level::Commune => &mut self.commune,
            Level::Other => &mut self.other,
        }
    }
}

/// Postings on each channel.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ByChannel {
    /// At the one-stop desk.
    pub one_stop_shop: usize,
    /// On the portal or website.
    pub portal: usize,
    /// On the national portal.
    pub national: usize,
}

/// Procedures of one field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldCount {
    /// The field's code.
    pub field: String,
    /// The field's name.
    pub name: String,
    /// Its procedures.
    pub procedures: usize,
}

impl Stats {
    /// Count a catalogue.
    ///
    /// ```
    /// let catalog = tthc::Catalog::an_bien_2018();
    /// let stats = tthc::stats::Stats::of(&catalog);
    /// assert_eq!(stats.procedures, catalog.procedures().len());
    /// assert_eq!(stats.postings, catalog.posting_count());
    /// assert!(stats.to_json().starts_with("{\"procedures\":"));
    /// ```
    pub fn of(catalog: &Catalog) -> Stats {
        let mut by_level = ByLevel::default();
        let mut per_field = vec![0usize; catalog.fields().len()];
        for p in catalog.procedures() {
            for l in p.levels.iter() {
                *by_level.slot(l) += 1;
            }
            per_field[p.field.0 as usize] += 1;
        }
        let mut by_channel = ByChannel::default();
        for u in catalog.units() {
            by_channel.one_stop_shop += u.postings(Channel::OneStopShop).len();
            by_channel.portal += u.postings(Channel::Portal).len();
            by_channel.national += u.postings(Channel::National).len();
        }
        Stats {
            procedures: catalog.procedures().len(),
            fields: catalog.fields().len(),
            units: catalog.units().len(),
            postings: catalog.posting_count(),
            by_level,
            by_channel,
            by_field: catalog
                .fields()
                .iter()
                .zip(per_field)
                .map(|(f, n)| FieldCount {
                    field: f.code.clone(),
                    name: f.name.clone(),
                    procedures: n,
                })
                .collect(),
        }
    }

    /// The counts as JSON: `{ "procedures", "fields", "units", "postings", "by_level": {…},
    /// "by_channel": {…}, "by_field": [ { "field", "name", "procedures" } ] }`.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The counts as indented JSON.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The counts as text for people (English), fields by number of procedures.
    pub fn to_text(&self) -> String {
        use std::fmt::Write as _;
        let mut s = String::new();
        let _ = writeln!(s, "procedures {}", self.procedures);
        let _ = writeln!(s, "fields     {}", self.fields);
        let _ = writeln!(s, "units      {}", self.units);
        let _ = writeln!(s, "postings   {}", self.postings);
        let _ = writeln!(s, "procedures by level:");
        for l in Level::ALL {
            let _ = writeln!(s, "  {:<9} {}", l.as_str(), self.by_level.get(l));
        }
        let _ = writeln!(s, "procedures by field:");
        let mut fields: Vec<&FieldCount> = self.by_field.iter().collect();
        fields.sort_by(|a, b| b.procedures.cmp(&a.procedures).then(a.field.cmp(&b.field)));
        for f in fields {
            let _ = writeln!(s, "  {:>5}  {} ({})", f.procedures, f.name, f.field);
        }
        s
    }
}
