//! Exact rates and their percentages, rounded half away from zero on the exact fraction.

use std::cmp::Ordering;

use crate::model::Lang;

/// `published / applicable` as an exact, unreduced fraction (`applicable > 0`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rate {
    /// Numerator: published procedures.
    pub published: u32,
    /// Denominator: applicable procedures, never zero.
    pub applicable: u32,
}

impl Rate {
    /// The rate, or `None` when nothing applies (a unit with nothing applicable has no rate).
    pub fn new(published: u32, applicable: u32) -> Option<Rate> {
        (applicable > 0).then_some(Rate {
            published,
            applicable,
        })
    }

    /// A rate from counts given by a user (a Python or JavaScript number): both whole numbers,
    /// `0 ≤ published ≤ applicable ≤ 4,294,967,295` and `applicable > 0` (no rate is `None`
    /// in Rust, `None`/`null` in the bindings, never `[0, 0]`). Anything else is the argument
    /// error `bad_value` at path `rate`.
    ///
    /// ```
    /// let r = tthc::Rate::from_counts(72.0, 77.0)?;
    /// assert_eq!(tthc::format_percent(Some(r), tthc::Lang::Vi), "93,5%");
    /// assert_eq!(tthc::Rate::from_counts(1.5, 3.0).unwrap_err().code(), "bad_value");
    /// assert_eq!(tthc::Rate::from_counts(0.0, 0.0).unwrap_err().path(), "rate");
    /// # Ok::<(), tthc::Error>(())
    /// ```
    pub fn from_counts(published: f64, applicable: f64) -> Result<Rate, crate::Error> {
        let count = |n: f64| {
            #[allow(clippy::cast_sign_loss)] // checked: a whole number in 0..=u32::MAX
            (n >= 0.0 && n.fract() == 0.0 && n <= f64::from(u32::MAX)).then_some(n as u32)
        };
        match (count(published), count(applicable)) {
            (Some(p), Some(a)) if a > 0 && p <= a => Ok(Rate {
                published: p,
                applicable: a,
            }),
            _ => Err(crate::Error::Argument(crate::Problem::new(
                crate::Code::BadValue,
                "rate",
                "a rate is [published, applicable]: whole numbers with \
                 0 ≤ published ≤ applicable and 0 < applicable ≤ 4294967295",
            ))),
        }
    }

    /// Tenths of a percent, rounded half away from zero: 72/77 → 935, 5/16 → 313.
    pub fn permille(self) -> u64 {
        round_div(u64::from(self.published) * 1000, u64::from(self.applicable))
    }

    /// The percentage with one decimal, as a number: 72/77 → 93.5.
    pub fn percent(self) -> f64 {
        permille_to_percent(self.permille())
    }

    /// Compare two fractions exactly.
    pub fn cmp_value(self, other: Rate) -> Ordering {
        (u64::from(self.published) * u64::from(other.applicable))
            .cmp(&(u64::from(other.published) * u64::from(self.applicable)))
    }
}

/// `n / d` rounded half away from zero (for non-negative values), `d > 0`.
fn round_div(n: u64, d: u64) -> u64 {
    let (q, r) = (n / d, n % d);
    if 2 * r >= d {
        q + 1
    } else {
        q
    }
}

#[allow(clippy::cast_precision_loss)] // permille ≤ 1000 × u32::MAX fits f64 exactly
fn permille_to_percent(permille: u64) -> f64 {
    permille as f64 / 10.0
}

/// A percentage for people: `93,5%` in Vietnamese, `93.5%` in English, `—` for no rate.
pub fn format_percent(rate: Option<Rate>, lang: Lang) -> String {
    match rate {
        None => "—".to_owned(),
        Some(r) => format_permille(r.permille(), lang),
    }
}

/// A count for people: `261`, `khoảng 108` / `about 108` when the source said "khoảng",
/// `—` when unknown.
///
/// ```
/// use tthc::{format_count, Lang};
/// assert_eq!(format_count(Some(108), true, Lang::Vi), "khoảng 108");
/// assert_eq!(format_count(Some(261), false, Lang::En), "261");
/// assert_eq!(format_count(None, false, Lang::Vi), "—");
/// ```
pub fn format_count(count: Option<u32>, approximate: bool, lang: Lang) -> String {
    match count {
        None => "—".to_owned(),
        Some(n) if approximate => match lang {
            Lang::Vi => format!("khoảng {n}"),
            Lang::En => format!("about {n}"),
        },
        Some(n) => n.to_string(),
    }
}

/// Tenths of a percent as `93,5%` / `93.5%`.
pub fn format_permille(permille: u64, lang: Lang) -> String {
    let sep = match lang {
        Lang::Vi => ',',
        Lang::En => '.',
    };
    format!("{}{sep}{}%", permille / 10, permille % 10)
}

/// The mean of exact fractions, in tenths of a percent, rounded once, half away from zero.
///
/// Computed exactly with a small big-integer fraction, so that means like 1/3 + 1/6 that land
/// exactly on a half are rounded the way the definition says (no floating point).
pub fn mean_permille(rates: &[Rate]) -> Option<u64> {
    if rates.is_empty() {
        return None;
    }
    // Σ p_i / a_i, grouped by denominator so the common denominator has few factors.
    let mut by_den: Vec<(u32, u64)> = Vec::new();
    let mut sorted: Vec<Rate> = rates.to_vec();
    sorted.sort_unstable_by_key(|r| r.applicable);
    for r in sorted {
        match by_den.last_mut() {
            Some((d, s)) if *d == r.applicable => *s += u64::from(r.published),
            _ => by_den.push((r.applicable, u64::from(r.published))),
        }
    }
    let mut num = Big::from(0);
    let mut den = Big::from(1);
    for (d, s) in by_den {
        // num/den + s/d = (num·d + s·den) / (den·d)
        num = num.mul_small(u64::from(d)).add(&den.mul_small(s));
        den = den.mul_small(u64::from(d));
    }
    // mean = num / (den · n); permille = round(1000 · num / (den · n)).
    // round half away = floor((2000·num + den·n) / (2·den·n)); the answer is at most 1000·max.
    let n = rates.len() as u64;
    let lhs = num.mul_small(2000).add(&den.mul_small(n));
    let unit = den.mul_small(2 * n);
    // Binary search the largest q with q·unit ≤ lhs.
    let (mut lo, mut hi) = (0u64, 1000 * u64::from(u32::MAX) + 1);
    while lo + 1 < hi {
        let mid = lo + (hi - lo) / 2;
        if unit.mul_small(mid).cmp_big(&lhs) == Ordering::Greater {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    Some(lo)
}

/// An unsigned big integer, little-endian 32-bit limbs; just enough for [`mean_permille`].
#[derive(Debug, Clone)]
struct Big(Vec<u32>);

impl From<u64> for Big {
    fn from(v: u64) -> Big {
        let mut b = Big(vec![v as u32, (v >> 32) as u32]);
        b.trim();
        b
    }
}

impl Big {
    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    fn mul_small(&self, m: u64) -> Big {
        let (lo, hi) = (m & 0xFFFF_FFFF, m >> 32);
        let a = self.mul_u32(lo as u32);
        if hi == 0 {
            return a;
        }
        let mut b = self.mul_u32(hi as u32);
        b.0.insert(0, 0);
        a.add(&b)
    }

    fn mul_u32(&self, m: u32) -> Big {
        let mut out = Vec::with_capacity(self.0.len() + 1);
        let mut carry = 0u64;
        for &limb in &self.0 {
            let v = u64::from(limb) * u64::from(m) + carry;
            out.push(v as u32);
            carry = v >> 32;
        }
        out.push(carry as u32);
        let mut b = Big(out);
        b.trim();
        b
    }

    fn add(&self, other: &Big) -> Big {
        let n = self.0.len().max(other.0.len());
        let mut out = Vec::with_capacity(n + 1);
        let mut carry = 0u64;
        for i in 0..n {
            let v = u64::from(self.0.get(i).copied().unwrap_or(0))
                + u64::from(other.0.get(i).copied().unwrap_or(0))
                + carry;
            out.push(v as u32);
            carry = v >> 32;
        }
        out.push(carry as u32);
        let mut b = Big(out);
        b.trim();
        b
    }

    fn cmp_big(&self, other: &Big) -> Ordering {
        self.0
            .len()
            .cmp(&other.0.len())
            .then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(p: u32, a: u32) -> Rate {
        Rate::new(p, a).expect("a > 0")
    }

    #[test]
    fn rounds_half_away_from_zero_on_the_exact_fraction() {
        assert_eq!(r(72, 77).permille(), 935);
        assert_eq!(r(5, 16).permille(), 313); // 31.25 → 31.3
        assert_eq!(r(1, 3).permille(), 333);
        assert_eq!(r(2, 3).permille(), 667);
        assert_eq!(r(261, 261).permille(), 1000);
        assert_eq!(r(0, 5).permille(), 0);
        assert_eq!(format_percent(Some(r(72, 77)), Lang::Vi), "93,5%");
        assert_eq!(format_percent(Some(r(72, 77)), Lang::En), "93.5%");
        assert_eq!(format_percent(None, Lang::Vi), "—");
        assert!((r(72, 77).percent() - 93.5).abs() < f64::EPSILON);
    }

    #[test]
    fn mean_is_exact() {
        // 1/3 and 1/6 average to 1/4 = 25.0 exactly.
        assert_eq!(mean_permille(&[r(1, 3), r(1, 6)]), Some(250));
        // (1/2 + 1/8) / 2 = 5/16 = 31.25 → 31.3
        assert_eq!(mean_permille(&[r(1, 2), r(1, 8)]), Some(313));
        // 1/3 + 1/3 + 1/3 = 1 / 3 units → 33.3
        assert_eq!(mean_permille(&[r(1, 3), r(2, 6), r(3, 9)]), Some(333));
        assert_eq!(mean_permille(&[]), None);
        // many distinct denominators
        let many: Vec<Rate> = (1..=600).map(|a| r(a / 2, a)).collect();
        let exact: f64 = many
            .iter()
            .map(|x| f64::from(x.published) / f64::from(x.applicable))
            .sum::<f64>()
            / 600.0;
        let got = mean_permille(&many).expect("non-empty");
        assert!((f64::from(u32::try_from(got).expect("small")) / 1000.0 - exact).abs() < 0.001);
    }
}
