//! Data-quality findings (`tthc check FILE`, `format.md` "Catalogues over time" §5): things
//! that are not errors but make a compliance rate untrue, each with a stable code, a path and
//! a message. Nothing is excluded silently: a finding tells the user; a decision (or
//! `applies.remove`) changes the denominator.
//!
//! The agency words and why each is there are in `docs/check.md`.
//!
//! ```
//! use tthc::check::{check, CheckOptions, FindingCode};
//! let c = tthc::Catalog::from_json(r#"{"tthc":1,"fields":[{"code":"hq","name":"Hải quan"}],
//!   "procedures":[{"code":"1.000001","name":"Khai báo hải quan","field":"hq","levels":["commune"],
//!                  "agencies":["Chi cục Hải quan khu vực"]}],"units":[]}"#.as_bytes())?;
//! let findings = check(&c, &CheckOptions::on(tthc::Date::MIN));
//! assert_eq!(findings[0].code, FindingCode::LevelAgencyMismatch);
//! assert_eq!(findings[0].path, "/procedures/0/agencies");
//! # Ok::<(), tthc::Error>(())
//! ```

use std::sync::OnceLock;

use serde::Serialize;

use crate::catalog::{Catalog, Procedure, UnitId};
use crate::compliance::Scan;
use crate::error::Error;
use crate::io::wording::has_words;
use crate::model::{Channel, Date, Level, Vocabulary};
use crate::text::fold;

/// The kinds of finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FindingCode {
    /// A procedure of the commune (or district) level with agencies, none of which is a People's
    /// Committee of that level, its chairman or one of its own offices.
    LevelAgencyMismatch,
    /// A procedure of the commune or district level without agencies (or whose source says it
    /// has none): the check cannot tell who carries it out.
    NoAgency,
    /// A posting of a procedure that does not apply to the unit.
    PostedNotApplicable,
    /// A posting of a code the document does not define.
    PostedUnknown,
    /// With `stale_after`: a published posting last known to be there too long ago.
    Stale,
    /// Postings of a unit that does not exist on the day (outside `valid_from`..`valid_to`).
    UnitNotValid,
    /// A decision in effect whose `within` unit no longer exists on the day and whose
    /// successors the document does not define: the units it was for are not covered.
    DecisionUnknownSuccessor,
}

impl FindingCode {
    /// Every finding code, in the order findings are counted.
    pub const ALL: [FindingCode; 7] = [
        FindingCode::LevelAgencyMismatch,
        FindingCode::NoAgency,
        FindingCode::PostedNotApplicable,
        FindingCode::PostedUnknown,
        FindingCode::Stale,
        FindingCode::UnitNotValid,
        FindingCode::DecisionUnknownSuccessor,
    ];

    /// The stable snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            FindingCode::LevelAgencyMismatch => "level_agency_mismatch",
            FindingCode::NoAgency => "no_agency",
            FindingCode::PostedNotApplicable => "posted_not_applicable",
            FindingCode::PostedUnknown => "posted_unknown",
            FindingCode::Stale => "stale",
            FindingCode::UnitNotValid => "unit_not_valid",
            FindingCode::DecisionUnknownSuccessor => "decision_unknown_successor",
        }
    }
}

impl Serialize for FindingCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// What kind.
    pub code: FindingCode,
    /// A JSON pointer to the item (`/procedures/12/agencies`, `/units/3/published/portal/7`).
    pub path: String,
    /// What is wrong, in plain English.
    pub message: String,
}

/// What to check against: the day, the channel of posting findings and freshness.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CheckOptions {
    /// The channel of posting findings; `None`: every channel.
    pub channel: Option<Channel>,
    /// The day; default the document's `as_of`, else `today`.
    pub as_of: Option<Date>,
    /// Today in Vietnam: the day used when neither `as_of` nor the document gives one.
    pub today: Date,
    /// Report published postings last known more than this many days before the day
    /// (`stale`); `None`: no such finding.
    pub stale_after: Option<u32>,
}

impl CheckOptions {
    /// Every channel, no `as_of`, no `stale_after`, and `today` as the fallback day.
    pub fn on(today: Date) -> Self {
        CheckOptions {
            channel: None,
            as_of: None,
            today,
            stale_after: None,
        }
    }

    /// Options from the names the CLI and bindings use, with `today` given; a bad value is the
    /// argument error at `channel`, `as_of` or `stale_after`.
    pub fn parse_on(
        today: Date,
        channel: Option<&str>,
        as_of: Option<&str>,
        stale_after: Option<i64>,
    ) -> Result<Self, Error> {
        let base = crate::ComplianceOptions::on(today).with_stale_after(stale_after)?;
        Ok(CheckOptions {
            channel: channel.map(Channel::parse_arg).transpose()?,
            as_of: as_of.map(|d| Date::parse_at(d, "as_of")).transpose()?,
            today,
            stale_after: base.stale_after,
        })
    }

    /// [`CheckOptions::parse_on`] with today from the system clock.
    #[cfg(not(target_family = "wasm"))]
    pub fn parse(
        channel: Option<&str>,
        as_of: Option<&str>,
        stale_after: Option<i64>,
    ) -> Result<Self, Error> {
        CheckOptions::parse_on(Date::today(), channel, as_of, stale_after)
    }

    /// The day used: `as_of`, else the catalogue's `as_of`, else `today`.
    pub fn day(&self, catalog: &Catalog) -> Date {
        self.as_of.or(catalog.as_of()).unwrap_or(self.today)
    }
}

#[cfg(not(target_family = "wasm"))]
impl Default for CheckOptions {
    /// Every channel, no `as_of`, no `stale_after`, today from the system clock.
    fn default() -> Self {
        CheckOptions::on(Date::today())
    }
}

/// Words of branches of central agencies (ministries' vertical systems), folded. An agency
/// that names one is never a People's Committee's, whatever level it names ("Công an cấp xã",
/// "Bảo hiểm xã hội cấp huyện"). Each with what it is, for messages; `docs/check.md` says why.
pub const CENTRAL_BRANCHES: &[(&str, &str)] = &[
    ("hải quan", "customs, Ministry of Finance"),
    ("thuế", "tax administration, Ministry of Finance"),
    ("kho bạc", "State Treasury, Ministry of Finance"),
    ("bảo hiểm xã hội", "Vietnam Social Security"),
    ("bhxh", "Vietnam Social Security"),
    ("công an", "police, Ministry of Public Security"),
    ("cảnh sát", "police, Ministry of Public Security"),
    (
        "thi hành án",
        "civil judgment enforcement, Ministry of Justice",
    ),
    ("tòa án", "people's courts"),
    ("viện kiểm sát", "people's procuracies"),
    ("ngân hàng nhà nước", "State Bank of Viet Nam"),
    ("biên phòng", "border guard, Ministry of National Defence"),
    ("quân đội", "Ministry of National Defence"),
];

/// The People's Committee, folded: its name (both tone placements fold alike) and the
/// abbreviation.
pub const PEOPLES_COMMITTEE: &[&str] = &["ủy ban nhân dân", "ubnd"];

/// Words that, right after the People's Committee's name (after an optional "cấp"), name its
/// level ("Ủy ban nhân dân xã", "UBND cấp huyện"). "các cấp" (every level) counts for each.
pub const PC_LEVEL_WORDS: &[(&str, Level)] = &[
    ("xã", Level::Commune),
    ("phường", Level::Commune),
    ("thị trấn", Level::Commune),
    ("đặc khu", Level::Commune),
    ("huyện", Level::District),
    ("quận", Level::District),
    ("thị xã", Level::District),
    ("tỉnh", Level::Province),
];

/// Kinds of a People's Committee's own offices and staff, folded: with a level phrase of
/// [`OFFICE_LEVEL_PHRASES`] they are that level's ("Cơ quan quản lý đất đai cấp xã", "Công
/// chức Tư pháp - Hộ tịch cấp xã", "Phòng Tư pháp cấp huyện").
pub const OWN_OFFICES: &[&str] = &[
    "cơ quan chuyên môn",
    "cơ quan quản lý đất đai",
    "công chức",
    "phòng",
    "văn phòng hội đồng nhân dân",
    "bộ phận một cửa",
    "bộ phận tiếp nhận và trả kết quả",
    "trung tâm phục vụ hành chính công",
];

/// Phrases that give an own office its level (a bare "xã" is not one: it is in "xã hội").
pub const OFFICE_LEVEL_PHRASES: &[(&str, Level)] = &[
    ("cấp xã", Level::Commune),
    ("cấp phường", Level::Commune),
    ("cấp huyện", Level::District),
    ("huyện", Level::District),
    ("quận", Level::District),
    ("cấp tỉnh", Level::Province),
];

struct Words {
    branches: Vec<(String, &'static str, &'static str)>,
    committee: Vec<String>,
    pc_levels: Vec<(String, Level)>,
    offices: Vec<String>,
    office_levels: Vec<(String, Level)>,
}

fn words() -> &'static Words {
    static WORDS: OnceLock<Words> = OnceLock::new();
    WORDS.get_or_init(|| Words {
        branches: CENTRAL_BRANCHES
            .iter()
            .map(|&(w, what)| (fold(w), w, what))
            .collect(),
        committee: PEOPLES_COMMITTEE.iter().map(|w| fold(w)).collect(),
        pc_levels: PC_LEVEL_WORDS.iter().map(|&(w, l)| (fold(w), l)).collect(),
        offices: OWN_OFFICES.iter().map(|w| fold(w)).collect(),
        office_levels: OFFICE_LEVEL_PHRASES
            .iter()
            .map(|&(w, l)| (fold(w), l))
            .collect(),
    })
}

/// Who an agency is, as far as the word lists tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgencyKind {
    /// A branch of a central agency: the word found (as listed) and what it is.
    CentralBranch(&'static str, &'static str),
    /// A People's Committee of the level, its chairman, or one of its own offices.
    LocalGovernment,
    /// Anything else (another level's People's Committee, a provincial department, a
    /// notary…).
    Other,
}

/// What an agency is for a procedure carried out at `level` (see `docs/check.md`):
/// 1. it names a branch of a central agency ([`CENTRAL_BRANCHES`]): that, whatever else it
///    says;
/// 2. it names a People's Committee ([`PEOPLES_COMMITTEE`]) followed by a word of `level`
///    ([`PC_LEVEL_WORDS`], after an optional "cấp"), or by "các cấp": the People's Committee of
///    that level, its chairman ("Chủ tịch UBND cấp xã") or an office "thuộc UBND cấp xã";
/// 3. it names one of the People's Committee's own offices or staff ([`OWN_OFFICES`]) and a
///    level phrase of `level` ([`OFFICE_LEVEL_PHRASES`]);
/// 4. anything else is another agency.
///
/// ```
/// use tthc::check::{agency_kind, AgencyKind};
/// use tthc::Level;
/// assert_eq!(agency_kind("Ủy ban Nhân dân xã, phường, thị trấn.", Level::Commune), AgencyKind::LocalGovernment);
/// assert_eq!(agency_kind("Chủ tịch UBND cấp xã", Level::Commune), AgencyKind::LocalGovernment);
/// assert_eq!(agency_kind("Cơ quan quản lý đất đai cấp xã", Level::Commune), AgencyKind::LocalGovernment);
/// assert!(matches!(agency_kind("Chi cục Hải quan khu vực", Level::Commune), AgencyKind::CentralBranch("hải quan", _)));
/// assert!(matches!(agency_kind("Công an cấp Xã", Level::Commune), AgencyKind::CentralBranch("công an", _)));
/// assert_eq!(agency_kind("Ủy ban nhân dân cấp tỉnh", Level::Commune), AgencyKind::Other);
/// assert_eq!(agency_kind("Uỷ ban nhân dân huyện", Level::District), AgencyKind::LocalGovernment);
/// ```
pub fn agency_kind(agency: &str, level: Level) -> AgencyKind {
    let w = words();
    let f = fold(agency);
    if let Some((_, word, what)) = w.branches.iter().find(|(b, _, _)| has_words(&f, b)) {
        return AgencyKind::CentralBranch(word, what);
    }
    for pc in &w.committee {
        let mut from = 0;
        while let Some(at) = f[from..].find(pc.as_str()) {
            let start = from + at;
            let end = start + pc.len();
            from = end;
            let boundary_before = f[..start]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            if !boundary_before {
                continue;
            }
            let rest = f[end..].trim_start();
            let rest = rest.strip_prefix("cap ").unwrap_or(rest);
            if rest.starts_with("cac cap") {
                return AgencyKind::LocalGovernment;
            }
            let names_level = w.pc_levels.iter().any(|(word, l)| {
                *l == level
                    && rest.starts_with(word.as_str())
                    && rest[word.len()..]
                        .chars()
                        .next()
                        .is_none_or(|c| !c.is_alphanumeric())
            });
            if names_level {
                return AgencyKind::LocalGovernment;
            }
        }
    }
    let office = w.offices.iter().any(|o| has_words(&f, o));
    let at_level = w
        .office_levels
        .iter()
        .any(|(p, l)| *l == level && has_words(&f, p));
    if office && at_level {
        return AgencyKind::LocalGovernment;
    }
    AgencyKind::Other
}

/// The findings of a catalogue, procedures first (document order), then units (document
/// order, channels in the format's order, postings in document order), then decisions.
pub fn check(catalog: &Catalog, options: &CheckOptions) -> Vec<Finding> {
    let mut out = Vec::new();
    for (i, p) in catalog.procedures().iter().enumerate() {
        agencies(&mut out, i, p);
    }
    let day = options.day(catalog);
    postings(&mut out, catalog, options, day);
    for (i, d) in catalog.decisions().iter().enumerate() {
        if d.effective > day {
            continue;
        }
        let Some(w) = d.scope.within else { continue };
        let unit = catalog.unit(w);
        if unit.valid_on(day) {
            continue;
        }
        let known: Vec<&str> = unit
            .successors
            .iter()
            .filter(|s| {
                catalog
                    .unit_id(s)
                    .is_some_and(|id| catalog.unit(id).valid_on(day))
            })
            .map(String::as_str)
            .collect();
        if known.len() == unit.successors.len() && !known.is_empty() {
            continue;
        }
        let missing: Vec<&str> = unit
            .successors
            .iter()
            .map(String::as_str)
            .filter(|s| !known.contains(s))
            .collect();
        out.push(Finding {
            code: FindingCode::DecisionUnknownSuccessor,
            path: format!("/decisions/{i}/scope/within"),
            message: if unit.successors.is_empty() {
                format!(
                    "decision `{}` is for the units within `{}` ({}), which does not exist on {day} and names no successor: the units that took over are not covered",
                    d.id, unit.code, unit.name
                )
            } else {
                format!(
                    "decision `{}` is for the units within `{}` ({}), which does not exist on {day}; its successors {} are not units of the document on that day: they are not covered",
                    d.id,
                    unit.code,
                    unit.name,
                    missing.join(", ")
                )
            },
        });
    }
    out
}

fn agencies(out: &mut Vec<Finding>, i: usize, p: &Procedure) {
    let local: Vec<Level> = [Level::District, Level::Commune]
        .into_iter()
        .filter(|l| p.levels.contains(*l))
        .collect();
    if local.is_empty() {
        return;
    }
    if p.agencies.is_empty() {
        out.push(Finding {
            code: FindingCode::NoAgency,
            path: format!("/procedures/{i}"),
            message: format!(
                "procedure `{}` is of the {} level but names no implementing agency: who carries it out cannot be checked",
                p.code,
                local.iter().map(|l| l.as_str()).collect::<Vec<_>>().join(" and ")
            ),
        });
        return;
    }
    for level in local {
        let kinds: Vec<AgencyKind> = p.agencies.iter().map(|a| agency_kind(a, level)).collect();
        if kinds.contains(&AgencyKind::LocalGovernment) {
            continue;
        }
        let described: Vec<String> = p
            .agencies
            .iter()
            .zip(&kinds)
            .map(|(a, k)| match k {
                AgencyKind::CentralBranch(word, what) => format!("{a} ({word}: {what})"),
                _ => a.clone(),
            })
            .collect();
        out.push(Finding {
            code: FindingCode::LevelAgencyMismatch,
            path: format!("/procedures/{i}/agencies"),
            message: format!(
                "procedure `{}` is of the {level} level, but none of its agencies is a {level} People's Committee, its chairman or one of its offices: {}",
                p.code,
                described.join("; ")
            ),
        });
    }
}

fn postings(out: &mut Vec<Finding>, catalog: &Catalog, options: &CheckOptions, day: Date) {
    let mut scan = Scan::new(catalog, day, options.stale_after);
    let mut warnings = Vec::new();
    let channels: Vec<Channel> = match options.channel {
        Some(c) => vec![c],
        None => Channel::ALL.to_vec(),
    };
    for (i, unit) in catalog.units().iter().enumerate() {
        let id = UnitId(i as u32);
        let total: usize = channels.iter().map(|&c| unit.postings(c).len()).sum();
        if !unit.valid_on(day) && total > 0 {
            let span = match (unit.valid_from, unit.valid_to) {
                (_, Some(to)) if to < day => format!("it existed until {to}"),
                (Some(from), _) => format!("it exists from {from}"),
                _ => String::new(),
            };
            out.push(Finding {
                code: FindingCode::UnitNotValid,
                path: format!("/units/{i}/published"),
                message: format!(
                    "unit `{}` ({}) has {total} posting{} but does not exist on {day}: {span}{}",
                    unit.code,
                    unit.name,
                    if total == 1 { "" } else { "s" },
                    if unit.successors.is_empty() {
                        String::new()
                    } else {
                        format!("; the units that took over: {}", unit.successors.join(", "))
                    }
                ),
            });
        }
        for &channel in &channels {
            let postings = unit.postings(channel);
            if postings.is_empty() {
                continue;
            }
            warnings.clear();
            let row = scan.unit(id, channel, &mut warnings);
            let base = format!("/units/{i}/published/{}", channel.as_str());
            let indices: Vec<u32> = postings.document_indices().collect();
            for (k, &p) in postings.ids().iter().enumerate() {
                if !scan.last_applies(p) {
                    out.push(Finding {
                        code: FindingCode::PostedNotApplicable,
                        path: format!("{base}/{}", indices[k]),
                        message: format!(
                            "unit `{}` posts `{}`, which does not apply to it on {day}",
                            unit.code,
                            catalog.procedure(p).code
                        ),
                    });
                }
            }
            for u in postings.unknown() {
                out.push(Finding {
                    code: FindingCode::PostedUnknown,
                    path: format!("{base}/{}", u.at),
                    message: format!(
                        "unit `{}` posts `{}`, which the document does not define",
                        unit.code, u.code
                    ),
                });
            }
            if let (Some(limit), Some(stale)) = (options.stale_after, &row.stale) {
                for &p in stale {
                    // The freshest published posting of the procedure: the one to check again.
                    let mut best: Option<(u32, Date)> = None;
                    for (k, (q, on, checked)) in postings.iter_checked().enumerate() {
                        if q != p {
                            continue;
                        }
                        if let Some(d) = checked.or(on) {
                            if best.is_none_or(|(_, b)| d > b) {
                                best = Some((indices[k], d));
                            }
                        }
                    }
                    let Some((at, last)) = best else { continue };
                    out.push(Finding {
                        code: FindingCode::Stale,
                        path: format!("{base}/{at}"),
                        message: format!(
                            "unit `{}` last knew `{}` posted on {last}, {} days before {day} (more than {limit}): check it is still there",
                            unit.code,
                            catalog.procedure(p).code,
                            last.days_until(day)
                        ),
                    });
                }
            }
        }
    }
}

/// Findings counted by code, in the order of [`FindingCode::ALL`] (codes without findings
/// left out).
pub fn counts(findings: &[Finding]) -> Vec<(FindingCode, usize)> {
    FindingCode::ALL
        .iter()
        .map(|&c| (c, findings.iter().filter(|f| f.code == c).count()))
        .filter(|(_, n)| *n > 0)
        .collect()
}

/// `{ "findings": [ { "code", "path", "message" } ] }`, the JSON of `tthc check --format json`.
pub fn findings_json(findings: &[Finding]) -> String {
    serde_json::json!({ "findings": findings }).to_string()
}
