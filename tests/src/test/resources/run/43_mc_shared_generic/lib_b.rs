#![no_std]
// deps: lib_shared
// Its own instances of lib_shared's generics (Stack<(char, i16), 4>) and its own Summary impl.

use lib_shared::{drain_into, largest, Stack, Summary};

pub struct Readings { pub values: Stack<(char, i16), 4> }

impl Summary for Readings {
    fn count(&self) -> usize { self.values.len() }
    fn total(&self) -> i64 { self.values.iter().map(|&(_, v)| v as i64).sum() }
}

pub fn readings(text: &str) -> Readings {
    let mut values = Stack::new();
    for (i, c) in text.chars().enumerate() { if values.push((c, (c as i16 - 'a' as i16) * (i as i16 + 1))).is_err() { break; } }
    Readings { values }
}

pub fn peak(r: &Readings) -> Option<i16> {
    let mut vals = [0i16; 4];
    for (d, &(_, v)) in vals.iter_mut().zip(r.values.iter()) { *d = v; }
    largest(&vals[..r.values.len()])
}

pub fn spill(r: &mut Readings) -> Stack<(char, i16), 2> {
    let mut small = Stack::new();
    drain_into(&mut r.values, &mut small);
    small
}
