//! Publishing decisions (quyết định công bố): the lists of procedures that provinces and
//! ministries publish for the units of a level, and the later decisions that add, amend,
//! replace and abolish items (`format.md`, "Catalogues over time" §1–2).

use super::{ProcId, UnitId};
use crate::error::Code;
use crate::model::vocab::{vocabulary, Vocabulary};
use crate::model::{Date, Level};

/// Index of a decision in [`crate::Catalog::decisions`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DecisionId(pub u32);

/// What a decision does with a procedure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// In the list (danh mục).
    Listed,
    /// Newly issued (mới ban hành): in the list.
    New,
    /// Amended (sửa đổi, bổ sung): in the list, amended as of the decision's `effective` day.
    Amended,
    /// Replaced (thay thế): leaves the list; the item's `by` enters it.
    Replaced,
    /// Abolished (bãi bỏ): leaves the list.
    Abolished,
}

impl Action {
    /// Every action, in the format's order.
    pub const ALL: [Action; 5] = [
        Action::Listed,
        Action::New,
        Action::Amended,
        Action::Replaced,
        Action::Abolished,
    ];

    /// The format's word: `listed`, `new`, `amended`, `replaced`, `abolished`.
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Listed => "listed",
            Action::New => "new",
            Action::Amended => "amended",
            Action::Replaced => "replaced",
            Action::Abolished => "abolished",
        }
    }

    /// The Vietnamese label decisions use ("Sửa đổi, bổ sung").
    pub fn label_vi(self) -> &'static str {
        match self {
            Action::Listed => "Danh mục",
            Action::New => "Mới ban hành",
            Action::Amended => "Sửa đổi, bổ sung",
            Action::Replaced => "Thay thế",
            Action::Abolished => "Bãi bỏ",
        }
    }

    /// Whether the procedure is in the list after the item (`listed`, `new`, `amended`).
    pub fn puts_in(self) -> bool {
        matches!(self, Action::Listed | Action::New | Action::Amended)
    }
}

impl Vocabulary for Action {
    const ALL: &'static [Self] = &Action::ALL;
    const NOUN: &'static str = "action";
    const CODE: Code = Code::BadValue;
    fn word(self) -> &'static str {
        self.as_str()
    }
}
vocabulary!(Action);

/// The units a decision covers: those of `level` that are `within` a unit or below it through
/// parent links, or every unit of the level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DecisionScope {
    /// Province, district or commune.
    pub level: Level,
    /// The unit whose area the decision covers.
    pub within: Option<UnitId>,
}

/// One item of a decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DecisionItem {
    /// The procedure.
    pub procedure: ProcId,
    /// What the decision does with it.
    pub action: Action,
    /// For [`Action::Replaced`]: the procedure that takes its place.
    pub by: Option<ProcId>,
}

/// A publishing decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    /// Its number, unique among the document's decisions (`123/QĐ-UBND`).
    pub id: String,
    /// Its title.
    pub title: Option<String>,
    /// Who issued it.
    pub issuer: Option<String>,
    /// The day it was signed.
    pub issued: Option<Date>,
    /// The day it takes effect.
    pub effective: Date,
    /// The units it covers.
    pub scope: DecisionScope,
    /// The items are the whole list for the scope (it replaces what came before).
    pub complete: bool,
    /// Its items, in its order.
    pub items: Vec<DecisionItem>,
}
