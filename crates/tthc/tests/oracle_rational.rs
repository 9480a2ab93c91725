//! `Rate` and the exact mean of unit fractions (`tthc::rate::mean_permille`, with its
//! hand-written big integer) against `num-rational` over `num-bigint`: an independent exact
//! arithmetic. Seeded, reproducible random cases plus the edges (0, 1, `u32::MAX`, exact
//! halves). `TTHC_ORACLE_SEED` and `TTHC_ORACLE_CASES` change the seed and the count.

use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{ToPrimitive, Zero};
use tthc::rate::mean_permille;
use tthc::Rate;

mod oracle_rng;
use oracle_rng::Rng;

/// `round(1000 · x)`, half away from zero (x ≥ 0): `floor((2000 · x + 1) / 2)`.
fn half_up_permille(x: &BigRational) -> u64 {
    let t = x * BigRational::from_integer(BigInt::from(2000)) + BigRational::from_integer(1.into());
    let q = t.numer().div_floor(&(t.denom() * 2));
    q.to_u64().expect("a permille fits u64")
}

fn exact(r: Rate) -> BigRational {
    BigRational::new(r.published.into(), r.applicable.into())
}

fn rate(p: u32, a: u32) -> Rate {
    Rate::new(p, a).expect("a > 0")
}

/// A count: often small, sometimes near `u32::MAX`, sometimes an edge.
fn count(rng: &mut Rng) -> u32 {
    match rng.below(8) {
        0 => [0, 1, 2, 3, u32::MAX, u32::MAX - 1, 1 << 31][rng.below(7) as usize],
        1 => u32::MAX - rng.below(1000) as u32,
        2 => rng.next() as u32,
        _ => rng.below(2000) as u32,
    }
}

/// A rate `p / a` with `0 ≤ p ≤ a`, `a > 0`.
fn random_rate(rng: &mut Rng) -> Rate {
    let a = count(rng).max(1);
    let p = match rng.below(4) {
        0 => a,
        1 => 0,
        _ => (rng.next() % (u64::from(a) + 1)) as u32,
    };
    rate(p, a)
}

#[test]
fn permille_and_order_equal_exact_rationals() {
    let mut rng = Rng::from_env();
    let cases = oracle_rng::cases(100_000);
    let mut previous = rate(0, 1);
    for _ in 0..cases {
        let r = random_rate(&mut rng);
        assert_eq!(r.permille(), half_up_permille(&exact(r)), "{r:?}");
        assert_eq!(
            r.cmp_value(previous),
            exact(r).cmp(&exact(previous)),
            "{r:?} against {previous:?}"
        );
        previous = r;
    }
}

#[test]
fn mean_permille_equals_the_exact_mean() {
    let mut rng = Rng::from_env();
    let cases = oracle_rng::cases(100_000) / 50;
    for _ in 0..cases {
        let n = 1 + rng.below(30) as usize;
        let rates: Vec<Rate> = (0..n).map(|_| random_rate(&mut rng)).collect();
        check_mean(&rates);
    }
    // Many distinct large denominators: the common denominator has hundreds of digits.
    let many: Vec<Rate> = (0..200)
        .map(|i| rate(i * 7_000_001, u32::MAX - i))
        .collect();
    check_mean(&many);
}

#[test]
fn mean_permille_rounds_exact_halves_up() {
    // Means that land exactly on a half of a tenth of a percent, by construction:
    // (1/2 + 1/8) / 2 = 5/16 = 31.25 %; k / 2000 for odd k; and random pairs summing to one.
    check_mean(&[rate(1, 2), rate(1, 8)]);
    let mut rng = Rng::from_env();
    for _ in 0..oracle_rng::cases(100_000) / 100 {
        let k = 2 * rng.below(1000) as u32 + 1;
        check_mean(&[rate(k, 2000)]);
        check_mean(&[rate(k, 4000), rate(k, 4000), rate(k, 1000)]);
        let a = count(&mut rng).max(2);
        let p = (rng.next() % u64::from(a)) as u32;
        // p/a and (a-p)/a average to exactly 1/2 = 500.0 ‰.
        assert_eq!(mean_permille(&[rate(p, a), rate(a - p, a)]), Some(500));
    }
}

fn check_mean(rates: &[Rate]) {
    let sum = rates
        .iter()
        .fold(BigRational::zero(), |acc, r| acc + exact(*r));
    let mean = sum / BigRational::from_integer(BigInt::from(rates.len()));
    assert_eq!(
        mean_permille(rates),
        Some(half_up_permille(&mean)),
        "{rates:?}"
    );
}
