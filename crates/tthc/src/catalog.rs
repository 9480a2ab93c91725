//! The validated, indexed, immutable catalogue.
//!
//! Procedures, fields and units live in dense vectors addressed by `u32` ids; postings are
//! vectors of procedure ids (four bytes each, plus four when the posting date is known), so a
//! national catalogue of ten thousand units and millions of postings stays compact.

mod build;
pub mod decision;
mod lookup;

pub(crate) use build::{Build, Resolved};
pub(crate) use lookup::{CodeMap, CodeTable};

use crate::model::{Channel, Date, Level, LevelSet, Online, ProcedureCode};

pub use decision::{Action, Decision, DecisionId, DecisionItem, DecisionScope};

/// Index of a field in [`Catalog::fields`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FieldId(pub u32);

/// Index of a procedure in [`Catalog::procedures`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ProcId(pub u32);

/// Index of a unit in [`Catalog::units`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UnitId(pub u32);

/// A field (lĩnh vực).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// Unique code, e.g. `ho-tich`.
    pub code: String,
    /// Vietnamese name, e.g. `Hộ tịch`.
    pub name: String,
    /// English name.
    pub name_en: Option<String>,
}

/// A procedure (thủ tục hành chính).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Procedure {
    /// National code with optional local suffix.
    pub code: ProcedureCode,
    /// Name.
    pub name: String,
    /// Its field.
    pub field: FieldId,
    /// The levels that carry it out.
    pub levels: LevelSet,
    /// Số quyết định công bố.
    pub decision: Option<String>,
    /// In force from (inclusive).
    pub effective: Option<Date>,
    /// Last amended on.
    pub amended: Option<Date>,
    /// Abolished on (no longer in force from that day).
    pub abolished: Option<Date>,
    /// How far it can be done online.
    pub online: Option<Online>,
    /// The implementing agencies (cơ quan thực hiện) as published; empty when unknown or none.
    pub agencies: Vec<String>,
}

impl Procedure {
    /// In force on `day`: not abolished on or before it, effective not after it.
    pub fn in_force(&self, day: Date) -> bool {
        self.abolished.is_none_or(|a| a > day) && self.effective.is_none_or(|e| e <= day)
    }
}

/// A posting of a code the document does not define.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownPosting {
    /// The code as posted.
    pub code: String,
    /// When it was posted.
    pub on: Option<Date>,
    /// When it was last verified to be still posted.
    pub checked: Option<Date>,
    /// Its index among the channel's postings in the document.
    pub at: u32,
}

/// What one unit posted on one channel.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Postings {
    procs: Vec<ProcId>,
    /// `(index in procs, date)` for the postings whose date is known, in index order.
    dates: Vec<(u32, Date)>,
    /// `(index in procs, day)` for the postings whose `checked` day is known, in index order.
    checked: Vec<(u32, Date)>,
    /// Postings of codes the document does not define, in document order.
    unknown: Vec<UnknownPosting>,
    /// Whether the document gave this channel at all (even as an empty list).
    given: bool,
}

impl Postings {
    /// Known postings with their dates, in document order (duplicates kept).
    pub fn iter(&self) -> impl Iterator<Item = (ProcId, Option<Date>)> + '_ {
        let mut dates = self.dates.iter().peekable();
        self.procs.iter().enumerate().map(move |(i, &p)| {
            let on = dates.next_if(|(k, _)| *k as usize == i).map(|(_, d)| *d);
            (p, on)
        })
    }

    /// Known postings with the day they were posted and the day they were last checked, in
    /// document order (duplicates kept).
    pub fn iter_checked(&self) -> impl Iterator<Item = (ProcId, Option<Date>, Option<Date>)> + '_ {
        let mut checked = self.checked.iter().peekable();
        self.iter().enumerate().map(move |(i, (p, on))| {
            let c = checked.next_if(|(k, _)| *k as usize == i).map(|(_, d)| *d);
            (p, on, c)
        })
    }

    /// Postings whose code the document does not define.
    pub fn unknown(&self) -> &[UnknownPosting] {
        &self.unknown
    }

    /// Number of postings, known and unknown.
    pub fn len(&self) -> usize {
        self.procs.len() + self.unknown.len()
    }

    /// Whether there is no posting.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether the document listed this channel (possibly empty).
    pub fn is_given(&self) -> bool {
        self.given
    }

    /// Add a posting of a known procedure (postings are added in document order).
    pub(crate) fn push_known(&mut self, id: ProcId, on: Option<Date>, checked: Option<Date>) {
        if let Some(d) = on {
            self.dates.push((self.procs.len() as u32, d));
        }
        if let Some(d) = checked {
            self.checked.push((self.procs.len() as u32, d));
        }
        self.procs.push(id);
    }

    /// Add a posting of a code the document does not define.
    pub(crate) fn push_unknown(&mut self, code: String, on: Option<Date>, checked: Option<Date>) {
        let at = (self.procs.len() + self.unknown.len()) as u32;
        self.unknown.push(UnknownPosting {
            code,
            on,
            checked,
            at,
        });
    }

    /// The index in the document of each known posting, in order (known postings and those
    /// of undefined codes are kept apart; this merges them back).
    pub fn document_indices(&self) -> impl Iterator<Item = u32> + '_ {
        let mut unknown = self.unknown.iter().map(|u| u.at).peekable();
        let mut at = 0u32;
        self.procs.iter().map(move |_| {
            while unknown.next_if(|&u| u == at).is_some() {
                at += 1;
            }
            at += 1;
            at - 1
        })
    }

    /// Free the spare capacity left by growing the vectors.
    pub(crate) fn shrink_to_fit(&mut self) {
        self.procs.shrink_to_fit();
        self.dates.shrink_to_fit();
        self.checked.shrink_to_fit();
    }

    /// Record that the document lists this channel.
    pub(crate) fn mark_given(&mut self) {
        self.given = true;
    }

    pub(crate) fn ids(&self) -> &[ProcId] {
        &self.procs
    }

    /// `(index, date)` of the dated postings, in index order.
    pub(crate) fn dates(&self) -> &[(u32, Date)] {
        &self.dates
    }

    /// `(index, day)` of the postings with a `checked` day, in index order.
    pub(crate) fn checked_days(&self) -> &[(u32, Date)] {
        &self.checked
    }
}

/// An administrative unit (province, district, commune) and what it published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// GSO code.
    pub code: String,
    /// Name.
    pub name: String,
    /// Province, district or commune.
    pub level: Level,
    /// The parent's code, in the document or not.
    pub parent_code: Option<String>,
    /// The parent, when it is in the document.
    pub parent: Option<UnitId>,
    /// First day of existence.
    pub valid_from: Option<Date>,
    /// Last day of existence.
    pub valid_to: Option<Date>,
    /// Codes of the units it became.
    pub successors: Vec<String>,
    /// Procedures that apply although their levels say otherwise.
    pub applies_add: Vec<ProcId>,
    /// Procedures that do not apply although their levels say so.
    pub applies_remove: Vec<ProcId>,
    /// Whether the document gave `applies` (even empty).
    pub(crate) applies_given: bool,
    postings: [Postings; 3],
}

impl Unit {
    /// Whether the unit exists on `day`: not before its `valid_from`, not after its
    /// `valid_to` (both inclusive, either may be open).
    pub fn valid_on(&self, day: Date) -> bool {
        self.valid_from.is_none_or(|f| f <= day) && self.valid_to.is_none_or(|t| day <= t)
    }

    /// What the unit posted on a channel.
    pub fn postings(&self, channel: Channel) -> &Postings {
        &self.postings[channel.index()]
    }
}

/// Whose figures a [`Report`] gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The unit's own figures.
    Own,
    /// Figures that hold for each of the unit's communes.
    EachCommune,
}

impl Scope {
    /// `self` or `each_commune`.
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Own => "self",
            Scope::EachCommune => "each_commune",
        }
    }
}

impl crate::model::Vocabulary for Scope {
    const ALL: &'static [Self] = &[Scope::Own, Scope::EachCommune];
    const NOUN: &'static str = "scope";
    const CODE: crate::error::Code = crate::error::Code::BadValue;
    fn word(self) -> &'static str {
        self.as_str()
    }
}
crate::model::vocab::vocabulary!(Scope);

/// Figures a unit reported where no item-level data exists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// The reporting unit.
    pub unit: UnitId,
    /// Whose figures these are.
    pub scope: Scope,
    /// The channel they describe.
    pub channel: Channel,
    /// Applicable fields.
    pub fields: Option<u32>,
    /// Applicable procedures.
    pub procedures: Option<u32>,
    /// Published procedures.
    pub published: Option<u32>,
    /// Fields with a published procedure.
    pub fields_published: Option<u32>,
    /// The source said "khoảng" (about).
    pub approximate: bool,
    /// Free text.
    pub note: Option<String>,
}

/// A validated catalogue: fields, procedures, units with their postings, and reports.
///
/// Build one with [`Catalog::from_json`], [`Catalog::from_document`] or take the embedded
/// default with [`Catalog::an_bien_2018`]. It is immutable and `Send + Sync`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Catalog {
    title: Option<String>,
    as_of: Option<Date>,
    source: Option<String>,
    fields: Vec<Field>,
    procedures: Vec<Procedure>,
    units: Vec<Unit>,
    reports: Vec<Report>,
    decisions: Vec<Decision>,
    index: Index,
}

/// Look-up tables derived from the content.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Index {
    procedure_by_code: CodeTable,
    field_by_code: CodeMap,
    unit_by_code: CodeMap,
    decision_by_id: CodeMap,
    children: Vec<Vec<UnitId>>,
}

impl Catalog {
    /// Human title.
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }
    /// The day the publication data describes.
    pub fn as_of(&self) -> Option<Date> {
        self.as_of
    }
    /// Where the data came from.
    pub fn source(&self) -> Option<&str> {
        self.source.as_deref()
    }
    /// All fields, in document order.
    pub fn fields(&self) -> &[Field] {
        &self.fields
    }
    /// All procedures, in document order.
    pub fn procedures(&self) -> &[Procedure] {
        &self.procedures
    }
    /// All units, in document order.
    pub fn units(&self) -> &[Unit] {
        &self.units
    }
    /// All reported figures, in document order.
    pub fn reports(&self) -> &[Report] {
        &self.reports
    }
    /// All publishing decisions, in document order.
    pub fn decisions(&self) -> &[Decision] {
        &self.decisions
    }
    /// A decision by id.
    pub fn decision(&self, id: DecisionId) -> &Decision {
        &self.decisions[id.0 as usize]
    }
    /// The id of the decision with this number.
    pub fn decision_id(&self, id: &str) -> Option<DecisionId> {
        self.index.decision_by_id.get(id).map(DecisionId)
    }
    /// Whether `unit` is `ancestor` or below it through parent links.
    pub fn is_within(&self, unit: UnitId, ancestor: UnitId) -> bool {
        let mut at = Some(unit);
        while let Some(u) = at {
            if u == ancestor {
                return true;
            }
            at = self.unit(u).parent;
        }
        false
    }
    /// A field by id.
    pub fn field(&self, id: FieldId) -> &Field {
        &self.fields[id.0 as usize]
    }
    /// A procedure by id.
    pub fn procedure(&self, id: ProcId) -> &Procedure {
        &self.procedures[id.0 as usize]
    }
    /// A unit by id.
    pub fn unit(&self, id: UnitId) -> &Unit {
        &self.units[id.0 as usize]
    }
    /// The id of the procedure with this exact code.
    pub fn procedure_id(&self, code: &str) -> Option<ProcId> {
        self.index.procedure_by_code.get(code)
    }
    /// The id of the field with this code.
    pub fn field_id(&self, code: &str) -> Option<FieldId> {
        self.index.field_by_code.get(code).map(FieldId)
    }
    /// The id of the unit with this GSO code.
    pub fn unit_id(&self, code: &str) -> Option<UnitId> {
        self.index.unit_by_code.get(code).map(UnitId)
    }
    /// The units whose parent is `id`, in document order.
    pub fn children(&self, id: UnitId) -> &[UnitId] {
        &self.index.children[id.0 as usize]
    }
    /// Total number of postings over all units and channels (known and unknown codes).
    pub fn posting_count(&self) -> usize {
        self.units
            .iter()
            .flat_map(|u| u.postings.iter())
            .map(Postings::len)
            .sum()
    }

    /// Bytes of heap memory the catalogue owns (vectors and strings, by capacity; hash tables
    /// estimated from their capacity). Used by the benchmark to report memory per posting.
    pub fn heap_bytes(&self) -> usize {
        fn s(x: &str) -> usize {
            x.len()
        }
        fn o(x: Option<&String>) -> usize {
            x.map_or(0, String::capacity)
        }
        let fields: usize = self
            .fields
            .iter()
            .map(|f| f.code.capacity() + f.name.capacity() + o(f.name_en.as_ref()))
            .sum();
        let procedures: usize = self
            .procedures
            .iter()
            .map(|p| {
                s(p.code.as_str())
                    + p.name.capacity()
                    + o(p.decision.as_ref())
                    + p.agencies.iter().map(|a| a.capacity() + 24).sum::<usize>()
            })
            .sum();
        let units: usize = self
            .units
            .iter()
            .map(|u| {
                u.code.capacity()
                    + u.name.capacity()
                    + o(u.parent_code.as_ref())
                    + u.successors.iter().map(String::capacity).sum::<usize>()
                    + (u.applies_add.capacity() + u.applies_remove.capacity()) * 4
                    + u.postings
                        .iter()
                        .map(|p| {
                            p.procs.capacity() * 4
                                + (p.dates.capacity() + p.checked.capacity()) * 8
                                + p.unknown
                                    .iter()
                                    .map(|u| u.code.capacity() + 40)
                                    .sum::<usize>()
                        })
                        .sum::<usize>()
            })
            .sum();
        let index = self.index.procedure_by_code.heap_bytes()
            + self.index.field_by_code.heap_bytes()
            + self.index.unit_by_code.heap_bytes()
            + self
                .index
                .children
                .iter()
                .map(|c| c.capacity() * 4 + 24)
                .sum::<usize>();
        std::mem::size_of::<Field>() * self.fields.capacity()
            + std::mem::size_of::<Procedure>() * self.procedures.capacity()
            + std::mem::size_of::<Unit>() * self.units.capacity()
            + fields
            + procedures
            + units
            + index
    }

    /// The units in tree order, each with its depth: roots first, then each unit's children;
    /// siblings by level (higher first), then Vietnamese name ([`crate::text::sort_key`]), then
    /// code — the order of every people-facing list of units (the CLI table, the widget).
    pub fn unit_tree(&self) -> Vec<(UnitId, usize)> {
        let by_name = |ids: &mut Vec<UnitId>| {
            ids.sort_by_cached_key(|id| {
                let u = self.unit(*id);
                (
                    std::cmp::Reverse(u.level.rank()),
                    crate::text::sort_key(&u.name),
                    u.code.clone(),
                )
            });
        };
        let mut roots: Vec<UnitId> = (0..self.units().len() as u32)
            .map(UnitId)
            .filter(|id| self.unit(*id).parent.is_none())
            .collect();
        by_name(&mut roots);
        let mut out = Vec::with_capacity(self.units().len());
        let mut stack: Vec<(UnitId, usize)> = roots.into_iter().rev().map(|r| (r, 0)).collect();
        while let Some((id, depth)) = stack.pop() {
            out.push((id, depth));
            let mut kids = self.children(id).to_vec();
            by_name(&mut kids);
            stack.extend(kids.into_iter().rev().map(|k| (k, depth + 1)));
        }
        out
    }

    /// Validate a document and build the catalogue; every problem is reported.
    pub fn from_document(doc: &crate::Document<'_>) -> Result<Catalog, crate::Error> {
        build::build(doc, Vec::new(), Vec::new())
    }

    /// Validate a document a reader has read (with the problems it already found and the
    /// postings it resolved while reading) and build the catalogue.
    pub(crate) fn from_read(
        doc: &crate::Document<'_>,
        problems: Vec<crate::Problem>,
        resolved: Resolved,
    ) -> Result<Catalog, crate::Error> {
        build::build(doc, problems, resolved)
    }

    /// The catalogue as a document (for writing).
    pub fn to_document(&self) -> crate::Document<'_> {
        build::to_document(self)
    }

    /// A field as the document writes it.
    pub fn doc_field(&self, id: FieldId) -> crate::document::DocField<'_> {
        build::doc_field(self.field(id))
    }

    /// A procedure as the document writes it.
    pub fn doc_procedure(&self, id: ProcId) -> crate::document::DocProcedure<'_> {
        build::doc_procedure(self, self.procedure(id))
    }

    /// A unit as the document writes it, without its postings (`published` empty).
    pub fn doc_unit_head(&self, id: UnitId) -> crate::document::DocUnit<'_> {
        build::doc_unit_head(self, self.unit(id))
    }

    /// A unit's postings as the document writes them.
    pub fn doc_published(&self, id: UnitId) -> crate::document::DocPublished<'_> {
        build::doc_published(self, self.unit(id))
    }

    /// A decision as the document writes it.
    pub fn doc_decision(&self, id: DecisionId) -> crate::document::DocDecision<'_> {
        build::doc_decision(self, self.decision(id))
    }
}
