//! A seeded generator (xorshift64*) so that a draw with the same seed, pool and quotas is
//! the same on every machine and with every version of the dependencies: an audit can
//! replay it.

#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        // Spread the seed's bits and avoid the all-zero state xorshift cannot leave.
        let mixed = (seed ^ 0x2545_F491_4F6C_DD1D).wrapping_mul(0x9FB2_1C65_1E98_DF25);
        Rng(if mixed == 0 { 1 } else { mixed })
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in 0..n (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() as u128 * n as u128) >> 64) as usize
    }
}
