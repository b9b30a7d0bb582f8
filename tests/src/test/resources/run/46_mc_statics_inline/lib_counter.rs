#![no_std]
// Statics across crates: atomics, a `static mut` table behind raw pointers, #[inline] and generic fns reading them, consts.

use core::ptr::addr_of_mut;
use core::sync::atomic::{AtomicU32, AtomicU64, Ordering};

pub static EVENTS: AtomicU32 = AtomicU32::new(0);
pub static BYTES: AtomicU64 = AtomicU64::new(0);
pub const LIMIT: u32 = 12;
pub static NAMES: [&str; 3] = ["low", "mid", "high"];

static mut HISTOGRAM: [u32; 3] = [0; 3];

#[inline]
pub fn bump(bytes: u64) -> u32 {
    BYTES.fetch_add(bytes, Ordering::Relaxed);
    EVENTS.fetch_add(1, Ordering::Relaxed) + 1
}

pub fn classify(v: u32) -> usize {
    let bucket = if v < 10 { 0 } else if v < 100 { 1 } else { 2 };
    unsafe { (*addr_of_mut!(HISTOGRAM))[bucket] += 1; }
    bucket
}

pub fn histogram() -> [u32; 3] { unsafe { *addr_of_mut!(HISTOGRAM) } }

#[inline(always)]
pub fn over_limit() -> bool { EVENTS.load(Ordering::Relaxed) > LIMIT }

/// Each instance of a generic fn shares the one static it names.
pub fn record_sized<T>(_: &T) -> u32 { bump(core::mem::size_of::<T>() as u64) }

pub fn reset() -> (u32, u64) { (EVENTS.swap(0, Ordering::SeqCst), BYTES.swap(0, Ordering::SeqCst)) }
