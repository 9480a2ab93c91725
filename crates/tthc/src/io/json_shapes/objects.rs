//! The objects of a document: each shape lists its keys and reads each into its field.

use std::borrow::Cow;

use super::postings::{PostingListShape, ResolvingListShape};
use super::scalars::{
    ArrayShape, BoolShape, CountShape, DateShape, Nullable, StrShape, VersionShape,
};
use super::{items, object, required, strings, value, Cx, Got, MapReader, Shape, Stop};
use crate::catalog::{CodeTable, ProcId};
use crate::document::{
    DocApplies, DocDecision, DocField, DocItem, DocProcedure, DocPublished, DocReport, DocScope,
    DocUnit, Document,
};
use crate::error::Code;
use crate::model::Channel;

macro_rules! object_shape {
    ($name:ident, $out:ty, $what:literal) => {
        #[derive(Clone, Copy)]
        pub(crate) struct $name;
        impl<'de> Shape<'de> for $name {
            type Out = Got<$out>;
            fn expected(&self) -> &'static str {
                $what
            }
            fn bad(&self) -> Self::Out {
                Got::Bad
            }
            fn map(&self, cx: &Cx, map: &mut dyn MapReader<'de>) -> Result<Self::Out, Stop> {
                Self::read(cx, map).map(Got::Value)
            }
        }
    };
}

object_shape!(DocShape, Document<'de>, "an object (a tthc document)");
object_shape!(FieldShape, DocField<'de>, "an object (a field)");
object_shape!(ProcShape, DocProcedure<'de>, "an object (a procedure)");
object_shape!(UnitShape, DocUnit<'de>, "an object (a unit)");
object_shape!(
    AppliesShape,
    DocApplies<'de>,
    "an object with `add` and `remove`"
);
object_shape!(
    PublishedShape,
    DocPublished<'de>,
    "an object from channel to postings"
);
object_shape!(ReportShape, DocReport<'de>, "an object (a report)");
object_shape!(DecisionShape, DocDecision<'de>, "an object (a decision)");
object_shape!(
    ScopeShape,
    DocScope<'de>,
    "an object with `level` and `within`"
);
object_shape!(
    ItemShape,
    DocItem<'de>,
    "an object (a decision's item: procedure, action, by)"
);

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

impl DocShape {
    fn read<'de>(cx: &Cx, map: &mut dyn MapReader<'de>) -> Result<Document<'de>, Stop> {
        let mut d = Document::default();
        object(
            cx,
            map,
            DOC_KEYS,
            DOC_REQUIRED,
            Code::UnknownKey,
            &mut |i, map| doc_entry(cx, &mut d, i, map),
        )?;
        Ok(d)
    }
}

/// Read the value of the document's key `DOC_KEYS[i]` into `d`.
pub(super) fn doc_entry<'de>(
    cx: &Cx,
    d: &mut Document<'de>,
    i: usize,
    map: &mut dyn MapReader<'de>,
) -> Result<(), Stop> {
    match i {
        0 => d.tthc = value(cx, map, VersionShape)?,
        1 => d.title = value(cx, map, StrShape(true))?.optional(),
        2 => d.as_of = value(cx, map, DateShape(true))?.optional(),
        3 => d.source = value(cx, map, StrShape(true))?.optional(),
        4 => d.fields = items(required(cx, value(cx, map, ArrayShape(FieldShape))?)),
        PROCEDURES => {
            d.procedures = items(required(cx, value(cx, map, ArrayShape(ProcShape))?));
            procedures_read(cx, &d.procedures);
        }
        UNITS => d.units = items(required(cx, value(cx, map, ArrayShape(UnitShape))?)),
        7 => d.reports = items(value(cx, map, ArrayShape(ReportShape))?),
        _ => d.decisions = items(value(cx, map, ArrayShape(DecisionShape))?),
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

impl FieldShape {
    fn read<'de>(cx: &Cx, map: &mut dyn MapReader<'de>) -> Result<DocField<'de>, Stop> {
        let mut f = DocField::default();
        object(
            cx,
            map,
            &["code", "name", "name_en"],
            &["code", "name"],
            Code::UnknownKey,
            &mut |i, map| {
                match i {
                    0 => f.code = value(cx, map, StrShape(false))?.or_default(),
                    1 => f.name = value(cx, map, StrShape(false))?.or_default(),
                    _ => f.name_en = value(cx, map, StrShape(true))?.optional(),
                }
                Ok(())
            },
        )?;
        Ok(f)
    }
}

impl ProcShape {
    fn read<'de>(cx: &Cx, map: &mut dyn MapReader<'de>) -> Result<DocProcedure<'de>, Stop> {
        const KEYS: &[&str] = &[
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
        ];
        let mut p = DocProcedure::default();
        object(
            cx,
            map,
            KEYS,
            &["code", "name", "field", "levels"],
            Code::UnknownKey,
            &mut |i, map| {
                match i {
                    0 => p.code = value(cx, map, StrShape(false))?.or_default(),
                    1 => p.name = value(cx, map, StrShape(false))?.or_default(),
                    2 => p.field = value(cx, map, StrShape(false))?.or_default(),
                    3 => p.levels = strings(value(cx, map, ArrayShape(StrShape(false)))?),
                    4 => p.decision = value(cx, map, StrShape(true))?.optional(),
                    5 => p.effective = value(cx, map, DateShape(true))?.optional(),
                    6 => p.amended = value(cx, map, DateShape(true))?.optional(),
                    7 => p.abolished = value(cx, map, DateShape(true))?.optional(),
                    8 => p.online = value(cx, map, StrShape(true))?.optional(),
                    _ => p.agencies = strings(value(cx, map, ArrayShape(StrShape(false)))?),
                }
                Ok(())
            },
        )?;
        Ok(p)
    }
}

impl UnitShape {
    fn read<'de>(cx: &Cx, map: &mut dyn MapReader<'de>) -> Result<DocUnit<'de>, Stop> {
        const KEYS: &[&str] = &[
            "code",
            "name",
            "level",
            "parent",
            "valid_from",
            "valid_to",
            "successors",
            "applies",
            "published",
        ];
        let mut u = DocUnit::default();
        object(
            cx,
            map,
            KEYS,
            &["code", "name", "level"],
            Code::UnknownKey,
            &mut |i, map| {
                match i {
                    0 => u.code = value(cx, map, StrShape(false))?.or_default(),
                    1 => u.name = value(cx, map, StrShape(false))?.or_default(),
                    2 => u.level = value(cx, map, StrShape(false))?.or_default(),
                    3 => u.parent = value(cx, map, StrShape(true))?.optional(),
                    4 => u.valid_from = value(cx, map, DateShape(true))?.optional(),
                    5 => u.valid_to = value(cx, map, DateShape(true))?.optional(),
                    6 => u.successors = strings(value(cx, map, ArrayShape(StrShape(false)))?),
                    7 => u.applies = value(cx, map, Nullable(AppliesShape))?.optional(),
                    _ => u.published = value(cx, map, Nullable(PublishedShape))?.or_default(),
                }
                Ok(())
            },
        )?;
        Ok(u)
    }
}

impl AppliesShape {
    fn read<'de>(cx: &Cx, map: &mut dyn MapReader<'de>) -> Result<DocApplies<'de>, Stop> {
        let mut a = DocApplies::default();
        object(
            cx,
            map,
            &["add", "remove"],
            &[],
            Code::UnknownKey,
            &mut |i, map| {
                let list = strings(value(cx, map, ArrayShape(StrShape(false)))?);
                if i == 0 {
                    a.add = list;
                } else {
                    a.remove = list;
                }
                Ok(())
            },
        )?;
        Ok(a)
    }
}

impl PublishedShape {
    fn read<'de>(cx: &Cx, map: &mut dyn MapReader<'de>) -> Result<DocPublished<'de>, Stop> {
        let mut p = DocPublished::default();
        let names = &["one_stop_shop", "portal", "national"];
        object(cx, map, names, &[], Code::UnknownChannel, &mut |i, map| {
            let unit = cx.unit_index().filter(|_| cx.table.borrow().is_some());
            if let Some(unit) = unit {
                let postings = value(cx, map, ResolvingListShape)?;
                let mut resolved = cx.resolved.borrow_mut();
                if resolved.len() <= unit {
                    resolved.resize_with(unit + 1, Default::default);
                }
                resolved[unit][i] = Some(postings);
            } else if let Some(list) = value(cx, map, PostingListShape)? {
                *p.channel_mut(Channel::ALL[i]) = list;
            }
            Ok(())
        })?;
        Ok(p)
    }
}

impl ReportShape {
    fn read<'de>(cx: &Cx, map: &mut dyn MapReader<'de>) -> Result<DocReport<'de>, Stop> {
        const KEYS: &[&str] = &[
            "unit",
            "scope",
            "channel",
            "fields",
            "procedures",
            "published",
            "fields_published",
            "approximate",
            "note",
        ];
        let mut r = DocReport {
            channel: Cow::Borrowed(Channel::OneStopShop.as_str()),
            ..DocReport::default()
        };
        object(
            cx,
            map,
            KEYS,
            &["unit", "scope"],
            Code::UnknownKey,
            &mut |i, map| {
                match i {
                    0 => r.unit = value(cx, map, StrShape(false))?.or_default(),
                    1 => r.scope = value(cx, map, StrShape(false))?.or_default(),
                    2 => {
                        if let Some(c) = value(cx, map, StrShape(true))?.optional() {
                            r.channel = c;
                        }
                    }
                    3 => r.fields = value(cx, map, CountShape)?.optional(),
                    4 => r.procedures = value(cx, map, CountShape)?.optional(),
                    5 => r.published = value(cx, map, CountShape)?.optional(),
                    6 => r.fields_published = value(cx, map, CountShape)?.optional(),
                    7 => r.approximate = value(cx, map, BoolShape)?.optional().unwrap_or(false),
                    _ => r.note = value(cx, map, StrShape(true))?.optional(),
                }
                Ok(())
            },
        )?;
        Ok(r)
    }
}

impl DecisionShape {
    fn read<'de>(cx: &Cx, map: &mut dyn MapReader<'de>) -> Result<DocDecision<'de>, Stop> {
        const KEYS: &[&str] = &[
            "id",
            "title",
            "issuer",
            "issued",
            "effective",
            "scope",
            "complete",
            "items",
        ];
        let mut d = DocDecision::default();
        object(
            cx,
            map,
            KEYS,
            &["id", "effective", "scope", "items"],
            Code::UnknownKey,
            &mut |i, map| {
                match i {
                    0 => d.id = value(cx, map, StrShape(false))?.or_default(),
                    1 => d.title = value(cx, map, StrShape(true))?.optional(),
                    2 => d.issuer = value(cx, map, StrShape(true))?.optional(),
                    3 => d.issued = value(cx, map, DateShape(true))?.optional(),
                    4 => d.effective = value(cx, map, DateShape(false))?.optional(),
                    5 => d.scope = value(cx, map, ScopeShape)?.or_default(),
                    6 => d.complete = value(cx, map, BoolShape)?.optional().unwrap_or(false),
                    _ => d.items = items(required(cx, value(cx, map, ArrayShape(ItemShape))?)),
                }
                Ok(())
            },
        )?;
        Ok(d)
    }
}

impl ScopeShape {
    fn read<'de>(cx: &Cx, map: &mut dyn MapReader<'de>) -> Result<DocScope<'de>, Stop> {
        let mut s = DocScope::default();
        object(
            cx,
            map,
            &["level", "within"],
            &["level"],
            Code::UnknownKey,
            &mut |i, map| {
                if i == 0 {
                    s.level = value(cx, map, StrShape(false))?.or_default();
                } else {
                    s.within = value(cx, map, StrShape(true))?.optional();
                }
                Ok(())
            },
        )?;
        Ok(s)
    }
}

impl ItemShape {
    fn read<'de>(cx: &Cx, map: &mut dyn MapReader<'de>) -> Result<DocItem<'de>, Stop> {
        let mut it = DocItem::default();
        object(
            cx,
            map,
            &["procedure", "action", "by"],
            &["procedure", "action"],
            Code::UnknownKey,
            &mut |i, map| {
                match i {
                    0 => it.procedure = value(cx, map, StrShape(false))?.or_default(),
                    1 => it.action = value(cx, map, StrShape(false))?.or_default(),
                    _ => it.by = value(cx, map, StrShape(true))?.optional(),
                }
                Ok(())
            },
        )?;
        Ok(it)
    }
}
