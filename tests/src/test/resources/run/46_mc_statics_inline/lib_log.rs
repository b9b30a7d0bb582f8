#![no_std]
// deps: lib_counter
// A log ring in a static, writing through lib_counter's statics and inline fns.

use core::ptr::addr_of_mut;
use lib_counter::{bump, classify, NAMES};

pub struct Entry { pub seq: u32, pub value: u32, pub class: &'static str }

static mut RING: [Option<Entry>; 4] = [None, None, None, None];
static mut NEXT: usize = 0;

pub fn log(value: u32) -> u32 {
    let seq = bump(4);
    let class = NAMES[classify(value)];
    unsafe {
        let i = *addr_of_mut!(NEXT);
        (*addr_of_mut!(RING))[i % 4] = Some(Entry { seq, value, class });
        *addr_of_mut!(NEXT) = i + 1;
    }
    seq
}

pub fn for_each_entry(mut f: impl FnMut(&Entry)) {
    unsafe { for e in (*addr_of_mut!(RING)).iter().flatten() { f(e); } }
}
