// Statics, #[inline] functions, non-generic exported functions and generic functions using statics.
use std::sync::atomic::{AtomicU32, Ordering};

pub static UNITS: [&str; 4] = ["B", "KiB", "MiB", "GiB"];
pub static COUNTER: AtomicU32 = AtomicU32::new(0);
pub const SCALE: u64 = 1024;

pub fn bump() -> u32 {
    COUNTER.fetch_add(1, Ordering::SeqCst) + 1
}

#[inline]
pub fn unit_for(level: usize) -> &'static str {
    UNITS[level.min(UNITS.len() - 1)]
}

pub fn human(bytes: u64) -> String {
    let mut v = bytes as f64;
    let mut level = 0;
    while v >= SCALE as f64 && level < UNITS.len() - 1 {
        v /= SCALE as f64;
        level += 1;
    }
    format!("{:.1} {}", v, unit_for(level))
}

pub fn total<T: Into<u64> + Copy>(sizes: &[T]) -> u64 {
    bump();
    sizes.iter().map(|&s| s.into()).sum()
}

#[inline(always)]
pub fn calls() -> u32 {
    COUNTER.load(Ordering::SeqCst)
}
