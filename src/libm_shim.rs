//! The one function dkr needs from the C math library, `pow` (indicatif's rate estimator calls
//! `f64::powf`), served by the pure-Rust `libm` crate (musl's algorithms) so the binary does
//! not load libm.so: loading it (relocations, its IFUNC resolvers) kept ~0.3 MiB resident at
//! every start, for one function on a path few commands take.

/// C's `pow`: defined here, the linker never looks for it in libm.so (`--as-needed` then drops
/// the library).
#[no_mangle]
pub extern "C" fn pow(x: f64, y: f64) -> f64 {
    libm::pow(x, y)
}

#[cfg(test)]
mod tests {
    #[test]
    fn pow_is_c_pow() {
        assert_eq!(super::pow(0.1, 0.0), 1.0);
        assert_eq!(super::pow(2.0, 10.0), 1024.0);
        assert!((super::pow(0.1, 1.5) - 0.1f64.powf(1.5)).abs() < 1e-15);
    }
}
