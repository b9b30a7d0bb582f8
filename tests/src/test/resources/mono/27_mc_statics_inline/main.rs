// deps: lib_a
// Reads upstream statics directly, calls inline and non-inline upstream functions, has its own statics.
use std::sync::atomic::{AtomicUsize, Ordering};

static LOCAL_HITS: AtomicUsize = AtomicUsize::new(0);
static SIZES: [u32; 3] = [512, 4096, 3_000_000];

fn hit() {
    LOCAL_HITS.fetch_add(1, Ordering::Relaxed);
}

fn main() {
    hit();
    println!("{}", lib_a::human(lib_a::total(&SIZES)));
    println!("{}", lib_a::human(lib_a::total(&[7u8, 9])));
    hit();
    println!("{} {}", lib_a::unit_for(2), lib_a::UNITS[0]);
    println!("{} {}", lib_a::bump(), lib_a::calls());
    println!("{}", lib_a::COUNTER.load(Ordering::Relaxed) + LOCAL_HITS.load(Ordering::Relaxed) as u32);
    println!("{}", lib_a::SCALE);
}
