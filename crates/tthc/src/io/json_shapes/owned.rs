//! The values of a document with their text owned (`'static`): what the sliced reader
//! ([`super::Loader`]) keeps between two steps, when the input it borrowed from is not
//! borrowed any more.

use std::borrow::Cow;

use crate::document::{
    DocApplies, DocDecision, DocField, DocItem, DocPosting, DocProcedure, DocPublished, DocReport,
    DocScope, DocUnit, Document,
};

/// A value whose borrowed text can be copied into owned text.
pub(super) trait Own {
    /// The same value with owned text.
    type Out;
    /// Copy the borrowed text.
    fn own(self) -> Self::Out;
}

impl Own for Cow<'_, str> {
    type Out = Cow<'static, str>;
    fn own(self) -> Self::Out {
        Cow::Owned(self.into_owned())
    }
}

impl<T: Own> Own for Option<T> {
    type Out = Option<T::Out>;
    fn own(self) -> Self::Out {
        self.map(Own::own)
    }
}

impl<T: Own> Own for Vec<T> {
    type Out = Vec<T::Out>;
    fn own(self) -> Self::Out {
        self.into_iter().map(Own::own).collect()
    }
}

/// `Own` for a document type: the listed fields hold text, the others are copied as they are.
macro_rules! own {
    ($ty:ident { $($text:ident),* } { $($plain:ident),* }) => {
        impl Own for $ty<'_> {
            type Out = $ty<'static>;
            fn own(self) -> Self::Out {
                $ty {
                    $($text: self.$text.own(),)*
                    $($plain: self.$plain,)*
                }
            }
        }
    };
}

own!(Document { title, source, fields, procedures, units, reports, decisions } { tthc, as_of });
own!(DocField { code, name, name_en } {});
own!(DocProcedure { code, name, field, levels, agencies, decision, online }
    { effective, amended, abolished });
own!(DocUnit { code, name, level, parent, successors, applies, published }
    { valid_from, valid_to });
own!(DocApplies { add, remove } {});
own!(DocPublished { one_stop_shop, portal, national } {});
own!(DocPosting { procedure } { on, checked });
own!(DocDecision { id, title, issuer, scope, items } { issued, effective, complete });
own!(DocScope { level, within } {});
own!(DocItem { procedure, action, by } {});
own!(DocReport { unit, scope, channel, note }
    { fields, procedures, published, fields_published, approximate });
