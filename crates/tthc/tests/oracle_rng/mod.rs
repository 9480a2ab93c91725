//! The seeded generator of the oracle tests: xorshift64*, reproducible from a seed.
//! `TTHC_ORACLE_SEED` (a number) changes the seed, `TTHC_ORACLE_CASES` the number of cases;
//! a failure prints the seed so that it can be run again.

/// xorshift64* (Marsaglia; Vigna's multiplier): small, fast, and good enough for test cases.
pub struct Rng(u64);

/// The default seed: the same cases on every run unless `TTHC_ORACLE_SEED` says otherwise.
const SEED: u64 = 0x7474_6863_2d6f_7263;

impl Rng {
    /// The generator seeded from `TTHC_ORACLE_SEED`, else the fixed default.
    pub fn from_env() -> Rng {
        let seed = std::env::var("TTHC_ORACLE_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(SEED);
        eprintln!("oracle seed {seed} (TTHC_ORACLE_SEED)");
        Rng(seed | 1)
    }

    /// The next 64 random bits.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    /// One of `items`.
    #[allow(dead_code)] // used by oracle_icu only
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

/// The number of cases: `TTHC_ORACLE_CASES`, else `default`.
pub fn cases(default: usize) -> usize {
    std::env::var("TTHC_ORACLE_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default)
}
