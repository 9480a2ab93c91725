//! The catalogue document of format v1 as plain data, before validation.
//!
//! A [`Document`] is what the JSON reader produces and the importers build; it holds text as
//! written (borrowed from the input where possible). [`crate::Catalog::from_document`] validates it
//! into an indexed, immutable catalogue; [`crate::Catalog::to_document`] goes back.

use std::borrow::Cow;

use serde::Serialize;

use crate::model::Date;

/// Text borrowed from the input or owned.
pub type Text<'a> = Cow<'a, str>;

/// A whole catalogue document (format v1).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Document<'a> {
    /// Format version; always 1 when written.
    pub tthc: u32,
    /// Human title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<Text<'a>>,
    /// The day the publication data describes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<Date>,
    /// Where the data came from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Text<'a>>,
    /// Fields (lĩnh vực).
    pub fields: Vec<DocField<'a>>,
    /// Procedures (thủ tục hành chính).
    pub procedures: Vec<DocProcedure<'a>>,
    /// Administrative units and their postings.
    pub units: Vec<DocUnit<'a>>,
    /// Figures reported where no item-level data exists.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub reports: Vec<DocReport<'a>>,
    /// Publishing decisions (quyết định công bố) that set what units must post.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub decisions: Vec<DocDecision<'a>>,
}

/// A field: `{ "code", "name", "name_en" }`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DocField<'a> {
    /// Unique, non-empty code.
    pub code: Text<'a>,
    /// Vietnamese name.
    pub name: Text<'a>,
    /// English name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name_en: Option<Text<'a>>,
}

/// A procedure.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DocProcedure<'a> {
    /// `d.dddddd` with an optional local suffix.
    pub code: Text<'a>,
    /// Name.
    pub name: Text<'a>,
    /// The code of its field.
    pub field: Text<'a>,
    /// Level names (`central`, `province`, `district`, `commune`, `other`).
    pub levels: Vec<Text<'a>>,
    /// The implementing agencies (cơ quan thực hiện) as published, in the source's order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub agencies: Vec<Text<'a>>,
    /// Số quyết định công bố.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decision: Option<Text<'a>>,
    /// In force from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effective: Option<Date>,
    /// Last amended on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amended: Option<Date>,
    /// Abolished on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub abolished: Option<Date>,
    /// `full`, `partial` or `none`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub online: Option<Text<'a>>,
}

/// An administrative unit.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DocUnit<'a> {
    /// GSO code: 2 digits for a province, 3 for a district, 5 for a commune.
    pub code: Text<'a>,
    /// Name.
    pub name: Text<'a>,
    /// `province`, `district` or `commune`.
    pub level: Text<'a>,
    /// Parent unit's code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<Text<'a>>,
    /// First day of existence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<Date>,
    /// Last day of existence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub valid_to: Option<Date>,
    /// Units it became.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub successors: Vec<Text<'a>>,
    /// Overrides of which procedures apply.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub applies: Option<DocApplies<'a>>,
    /// Postings per channel, in the format's channel order; absent channels are empty.
    #[serde(skip_serializing_if = "DocPublished::is_empty")]
    pub published: DocPublished<'a>,
}

/// `applies`: `{ "add": [...], "remove": [...] }`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DocApplies<'a> {
    /// Procedures that apply although their levels say otherwise.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub add: Vec<Text<'a>>,
    /// Procedures that do not apply although their levels say so.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub remove: Vec<Text<'a>>,
}

/// `published`: postings per channel.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DocPublished<'a> {
    /// At the one-stop desk.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub one_stop_shop: Option<Vec<DocPosting<'a>>>,
    /// On the portal or website.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub portal: Option<Vec<DocPosting<'a>>>,
    /// On the national portal.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub national: Option<Vec<DocPosting<'a>>>,
}

impl<'a> DocPublished<'a> {
    /// Whether no channel is given.
    pub fn is_empty(&self) -> bool {
        self.one_stop_shop.is_none() && self.portal.is_none() && self.national.is_none()
    }

    /// The postings of a channel.
    pub fn channel(&self, c: crate::Channel) -> Option<&Vec<DocPosting<'a>>> {
        match c {
            crate::Channel::OneStopShop => self.one_stop_shop.as_ref(),
            crate::Channel::Portal => self.portal.as_ref(),
            crate::Channel::National => self.national.as_ref(),
        }
    }

    /// The postings of a channel, mutably (created empty when absent).
    pub fn channel_mut(&mut self, c: crate::Channel) -> &mut Vec<DocPosting<'a>> {
        match c {
            crate::Channel::OneStopShop => self.one_stop_shop.get_or_insert_with(Vec::new),
            crate::Channel::Portal => self.portal.get_or_insert_with(Vec::new),
            crate::Channel::National => self.national.get_or_insert_with(Vec::new),
        }
    }
}

/// A posting: a procedure code and, when known, the day it was posted and the day someone
/// last checked it was still there.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocPosting<'a> {
    /// The procedure's code.
    pub procedure: Text<'a>,
    /// When it was posted.
    pub on: Option<Date>,
    /// When it was last verified to be still posted.
    pub checked: Option<Date>,
}

impl Serialize for DocPosting<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        if self.on.is_none() && self.checked.is_none() {
            return s.serialize_str(&self.procedure);
        }
        let n = 1 + usize::from(self.on.is_some()) + usize::from(self.checked.is_some());
        let mut m = s.serialize_map(Some(n))?;
        m.serialize_entry("procedure", &self.procedure)?;
        if let Some(on) = self.on {
            m.serialize_entry("on", &on)?;
        }
        if let Some(checked) = self.checked {
            m.serialize_entry("checked", &checked)?;
        }
        m.end()
    }
}

/// A publishing decision (quyết định công bố): a list of procedures for the units of a level
/// within an area, from a day on.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DocDecision<'a> {
    /// The decision's number, unique among decisions (`123/QĐ-UBND`).
    pub id: Text<'a>,
    /// Its title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<Text<'a>>,
    /// Who issued it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuer: Option<Text<'a>>,
    /// The day it was signed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issued: Option<Date>,
    /// The day it takes effect (required; `None` only in a document with errors).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effective: Option<Date>,
    /// The units it covers.
    pub scope: DocScope<'a>,
    /// The items are the whole list for the scope.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub complete: bool,
    /// The procedures it lists, in its order.
    pub items: Vec<DocItem<'a>>,
}

/// A decision's scope: the units of `level` that are `within` a unit (or every unit of the
/// level).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DocScope<'a> {
    /// `province`, `district` or `commune`.
    pub level: Text<'a>,
    /// A unit code: the covered units are it or below it through `parent` links.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub within: Option<Text<'a>>,
}

/// One item of a decision.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DocItem<'a> {
    /// The procedure's code.
    pub procedure: Text<'a>,
    /// `listed`, `new`, `amended`, `replaced` or `abolished`.
    pub action: Text<'a>,
    /// For `replaced`: the procedure that takes its place.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by: Option<Text<'a>>,
}

/// Figures a unit reported where no item-level data exists.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DocReport<'a> {
    /// The unit's code.
    pub unit: Text<'a>,
    /// `self` or `each_commune`.
    pub scope: Text<'a>,
    /// The channel (default `one_stop_shop`).
    pub channel: Text<'a>,
    /// Applicable fields.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fields: Option<u64>,
    /// Applicable procedures.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub procedures: Option<u64>,
    /// Published procedures.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<u64>,
    /// Fields with at least one published procedure.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fields_published: Option<u64>,
    /// The source said "khoảng" (about).
    pub approximate: bool,
    /// Free text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Text<'a>>,
}
