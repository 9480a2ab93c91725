//! The objects of a document: each record lists its keys ([`Form`]) and the field of each.

use std::borrow::Cow;

use super::fields::{Field, Form, Record};
use super::{Cx, Got, MapReader, Shape, Stop};
use crate::catalog::{CodeTable, ProcId};
use crate::document::{
    DocApplies, DocDecision, DocField, DocItem, DocProcedure, DocReport, DocScope, DocUnit,
    Document,
};
use crate::model::Channel;

/// The shapes the sliced reader (`loader.rs`) reads whole: a record each.
macro_rules! shape {
    ($name:ident, $rec:ident) => {
        #[derive(Clone, Copy)]
        pub(crate) struct $name;
        impl<'de> Shape<'de> for $name {
            type Out = Got<$rec<'de>>;
            type Rec = $rec<'de>;
            fn out(rec: $rec<'de>, read: bool) -> Self::Out {
                Got::read(rec, read)
            }
        }
    };
}

shape!(ProcShape, DocProcedure);
shape!(UnitShape, DocUnit);

/// The document: its entries through [`doc_entry`] (`procedures` makes the postings' table).
#[derive(Clone, Copy)]
pub(crate) struct DocShape;
impl<'de> Shape<'de> for DocShape {
    type Out = Got<Document<'de>>;
    type Rec = Document<'de>;
    fn out(rec: Document<'de>, read: bool) -> Self::Out {
        Got::read(rec, read)
    }
    fn read(cx: &Cx, map: &mut dyn MapReader<'de>, d: &mut Document<'de>) -> Result<(), Stop> {
        super::object(
            cx,
            map,
            DOC_KEYS,
            DOC_REQUIRED,
            crate::error::Code::UnknownKey,
            &mut |i, map| doc_entry(cx, d, i, map),
        )
    }
}

/// A record's [`Record::fresh`] and [`Record::form`].
macro_rules! form {
    ($keys:expr, $required:expr, $what:literal) => {
        fn fresh() -> Self {
            Self::default()
        }
        fn form(&self) -> &'static Form {
            &Form {
                keys: $keys,
                required: $required,
                expected: $what,
            }
        }
    };
}

/// The keys of a document, in the order of [`doc_entry`]'s indices.
pub(super) const DOC_KEYS: &[&str] = &[
    "tthc",
    "title",
    "as_of",
    "source",
    "fields",
    "procedures",
    "units",
    "reports",
    "decisions",
];
/// The keys a document must have.
pub(super) const DOC_REQUIRED: &[&str] = &["tthc", "fields", "procedures", "units"];
/// The index of `procedures` in [`DOC_KEYS`].
pub(super) const PROCEDURES: usize = 5;
/// The index of `units` in [`DOC_KEYS`].
pub(super) const UNITS: usize = 6;

/// Read the value of the document's key `DOC_KEYS[i]` into `d`.
pub(super) fn doc_entry<'de>(
    cx: &Cx,
    d: &mut Document<'de>,
    i: usize,
    map: &mut dyn MapReader<'de>,
) -> Result<(), Stop> {
    map.value(cx, &mut d.field(i))?;
    if i == PROCEDURES {
        procedures_read(cx, &d.procedures);
    }
    Ok(())
}

/// After `procedures`: in resolving mode, the table that resolves later units' postings.
pub(super) fn procedures_read(cx: &Cx, procedures: &[DocProcedure<'_>]) {
    if cx.resolving {
        let codes = procedures.iter().enumerate();
        let table = CodeTable::new(codes.map(|(i, p)| (p.code.as_ref(), ProcId(i as u32))));
        *cx.table.borrow_mut() = Some(table);
    }
}

impl<'de> Record<'de> for Document<'de> {
    form!(DOC_KEYS, DOC_REQUIRED, "an object (a tthc document)");
    fn field(&mut self, i: usize) -> Field<'_, 'de> {
        match i {
            0 => Field::Version(&mut self.tthc),
            1 => Field::Opt(&mut self.title, true),
            2 => Field::Date(&mut self.as_of, true),
            3 => Field::Opt(&mut self.source, true),
            4 => Field::Records(&mut self.fields, true),
            PROCEDURES => Field::Records(&mut self.procedures, true),
            UNITS => Field::Records(&mut self.units, true),
            7 => Field::Records(&mut self.reports, false),
            _ => Field::Records(&mut self.decisions, false),
        }
    }
}

impl<'de> Record<'de> for DocField<'de> {
    form!(
        &["code", "name", "name_en"],
        &["code", "name"],
        "an object (a field)"
    );
    fn field(&mut self, i: usize) -> Field<'_, 'de> {
        match i {
            0 => Field::Str(&mut self.code),
            1 => Field::Str(&mut self.name),
            _ => Field::Opt(&mut self.name_en, true),
        }
    }
}

impl<'de> Record<'de> for DocProcedure<'de> {
    form!(
        &[
            "code",
            "name",
            "field",
            "levels",
            "decision",
            "effective",
            "amended",
            "abolished",
            "online",
            "agencies",
        ],
        &["code", "name", "field", "levels"],
        "an object (a procedure)"
    );
    fn field(&mut self, i: usize) -> Field<'_, 'de> {
        match i {
            0 => Field::Str(&mut self.code),
            1 => Field::Str(&mut self.name),
            2 => Field::Str(&mut self.field),
            3 => Field::Strings(&mut self.levels),
            4 => Field::Opt(&mut self.decision, true),
            5 => Field::Date(&mut self.effective, true),
            6 => Field::Date(&mut self.amended, true),
            7 => Field::Date(&mut self.abolished, true),
            8 => Field::Opt(&mut self.online, true),
            _ => Field::Strings(&mut self.agencies),
        }
    }
}

impl<'de> Record<'de> for DocUnit<'de> {
    form!(
        &[
            "code",
            "name",
            "level",
            "parent",
            "valid_from",
            "valid_to",
            "successors",
            "applies",
            "published",
        ],
        &["code", "name", "level"],
        "an object (a unit)"
    );
    fn field(&mut self, i: usize) -> Field<'_, 'de> {
        match i {
            0 => Field::Str(&mut self.code),
            1 => Field::Str(&mut self.name),
            2 => Field::Str(&mut self.level),
            3 => Field::Opt(&mut self.parent, true),
            4 => Field::Date(&mut self.valid_from, true),
            5 => Field::Date(&mut self.valid_to, true),
            6 => Field::Strings(&mut self.successors),
            7 => Field::Applies(&mut self.applies),
            _ => Field::Published(&mut self.published),
        }
    }
}

impl<'de> Record<'de> for DocApplies<'de> {
    form!(&["add", "remove"], &[], "an object with `add` and `remove`");
    fn field(&mut self, i: usize) -> Field<'_, 'de> {
        Field::Strings(if i == 0 {
            &mut self.add
        } else {
            &mut self.remove
        })
    }
}

impl<'de> Record<'de> for DocReport<'de> {
    fn fresh() -> Self {
        DocReport {
            channel: Cow::Borrowed(Channel::OneStopShop.as_str()),
            ..DocReport::default()
        }
    }
    fn form(&self) -> &'static Form {
        &Form {
            keys: &[
                "unit",
                "scope",
                "channel",
                "fields",
                "procedures",
                "published",
                "fields_published",
                "approximate",
                "note",
            ],
            required: &["unit", "scope"],
            expected: "an object (a report)",
        }
    }
    fn field(&mut self, i: usize) -> Field<'_, 'de> {
        match i {
            0 => Field::Str(&mut self.unit),
            1 => Field::Str(&mut self.scope),
            2 => Field::Channel(&mut self.channel),
            3 => Field::Count(&mut self.fields),
            4 => Field::Count(&mut self.procedures),
            5 => Field::Count(&mut self.published),
            6 => Field::Count(&mut self.fields_published),
            7 => Field::Bool(&mut self.approximate),
            _ => Field::Opt(&mut self.note, true),
        }
    }
}

impl<'de> Record<'de> for DocDecision<'de> {
    form!(
        &[
            "id",
            "title",
            "issuer",
            "issued",
            "effective",
            "scope",
            "complete",
            "items",
        ],
        &["id", "effective", "scope", "items"],
        "an object (a decision)"
    );
    fn field(&mut self, i: usize) -> Field<'_, 'de> {
        match i {
            0 => Field::Str(&mut self.id),
            1 => Field::Opt(&mut self.title, true),
            2 => Field::Opt(&mut self.issuer, true),
            3 => Field::Date(&mut self.issued, true),
            4 => Field::Date(&mut self.effective, false),
            5 => {
                // Read fresh: a second `scope` replaces the first.
                self.scope = DocScope::default();
                Field::Record(&mut self.scope)
            }
            6 => Field::Bool(&mut self.complete),
            _ => Field::Records(&mut self.items, true),
        }
    }
}

impl<'de> Record<'de> for DocScope<'de> {
    form!(
        &["level", "within"],
        &["level"],
        "an object with `level` and `within`"
    );
    fn field(&mut self, i: usize) -> Field<'_, 'de> {
        if i == 0 {
            Field::Str(&mut self.level)
        } else {
            Field::Opt(&mut self.within, true)
        }
    }
}

impl<'de> Record<'de> for DocItem<'de> {
    form!(
        &["procedure", "action", "by"],
        &["procedure", "action"],
        "an object (a decision's item: procedure, action, by)"
    );
    fn field(&mut self, i: usize) -> Field<'_, 'de> {
        match i {
            0 => Field::Str(&mut self.procedure),
            1 => Field::Str(&mut self.action),
            _ => Field::Opt(&mut self.by, true),
        }
    }
}
