#![no_std]
// deps: lib_shared
// Uses lib_shared's Stack<u32, 8> (the same instance main uses) and its Summary impl.

use lib_shared::{largest, Stack, Summary};

pub fn squares(n: u32) -> Stack<u32, 8> {
    let mut s = Stack::new();
    for i in 1..=n { if s.push(i * i).is_err() { break; } }
    s
}

pub fn stats(s: &Stack<u32, 8>) -> (usize, i64, i64, Option<u32>) {
    let mut buf = [0u32; 8];
    for (d, v) in buf.iter_mut().zip(s.iter()) { *d = *v; }
    (s.count(), s.total(), s.mean_milli(), largest(&buf[..s.len()]))
}
