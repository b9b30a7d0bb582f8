#![no_std]
#![no_main]
// A const-generic bit set over u64 words: sieve of Eratosthenes, set algebra, iteration by trailing_zeros, popcounts.

use core::fmt::Write;

extern "C" {
    fn write(fd: i32, buf: *const u8, n: usize) -> isize;
    fn exit(code: i32) -> !;
}

struct Out { buf: [u8; 256], len: usize }

impl Out {
    fn new() -> Out { Out { buf: [0; 256], len: 0 } }
    fn flush(&mut self) { unsafe { write(1, self.buf.as_ptr(), self.len) }; self.len = 0; }
}

impl Write for Out {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        for &b in s.as_bytes() {
            if self.len == self.buf.len() { self.flush(); }
            self.buf[self.len] = b;
            self.len += 1;
        }
        Ok(())
    }
}

macro_rules! println {
    ($($t:tt)*) => {{ let mut o = Out::new(); let _ = writeln!(o, $($t)*); o.flush(); }};
}

#[panic_handler]
fn panic(info: &core::panic::PanicInfo) -> ! {
    let mut o = Out::new();
    if let Some(l) = info.location() {
        let _ = write!(o, "panicked at {}:{}:{}:\n", l.file(), l.line(), l.column());
    }
    let _ = writeln!(o, "{}", info.message());
    o.flush();
    unsafe { exit(101) }
}

use core::hint::black_box;

#[derive(Clone, Copy, PartialEq)]
struct BitSet<const W: usize> { words: [u64; W] }

impl<const W: usize> BitSet<W> {
    const CAP: usize = W * 64;
    fn new() -> Self { BitSet { words: [0; W] } }
    fn full(n: usize) -> Self { let mut s = Self::new(); for i in 0..n { s.insert(i); } s }
    fn insert(&mut self, i: usize) -> bool { let (w, b) = (i / 64, i % 64); let was = self.words[w] >> b & 1 == 1; self.words[w] |= 1 << b; !was }
    fn remove(&mut self, i: usize) { self.words[i / 64] &= !(1u64 << (i % 64)); }
    fn contains(&self, i: usize) -> bool { i < Self::CAP && self.words[i / 64] >> (i % 64) & 1 == 1 }
    fn len(&self) -> u32 { self.words.iter().map(|w| w.count_ones()).sum() }
    fn union(&self, o: &Self) -> Self { BitSet { words: core::array::from_fn(|i| self.words[i] | o.words[i]) } }
    fn intersect(&self, o: &Self) -> Self { BitSet { words: core::array::from_fn(|i| self.words[i] & o.words[i]) } }
    fn difference(&self, o: &Self) -> Self { BitSet { words: core::array::from_fn(|i| self.words[i] & !o.words[i]) } }
    fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.words.iter().enumerate().flat_map(|(wi, &w)| {
            let mut bits = w;
            core::iter::from_fn(move || { if bits == 0 { return None; } let t = bits.trailing_zeros(); bits &= bits - 1; Some(wi * 64 + t as usize) })
        })
    }
    fn max(&self) -> Option<usize> {
        self.words.iter().enumerate().rev().find(|(_, w)| **w != 0).map(|(i, w)| i * 64 + 63 - w.leading_zeros() as usize)
    }
}

fn sieve<const W: usize>(n: usize) -> BitSet<W> {
    let mut s = BitSet::<W>::full(n);
    s.remove(0);
    s.remove(1);
    let mut p = 2;
    while p * p < n {
        if s.contains(p) { let mut m = p * p; while m < n { s.remove(m); m += p; } }
        p += 1;
    }
    s
}

fn show<const W: usize>(name: &str, s: &BitSet<W>, limit: usize) {
    let mut o = Out::new();
    let _ = write!(o, "{} (len {}, max {:?}):", name, s.len(), s.max());
    for i in s.iter().take(limit) { let _ = write!(o, " {}", i); }
    let _ = writeln!(o);
    o.flush();
}

#[unsafe(no_mangle)]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    let primes = sieve::<16>(black_box(1000));
    show("primes < 1000", &primes, 20);
    let mut squares = BitSet::<16>::new();
    let mut k = 0;
    while k * k < 1000 { squares.insert(k * k); k += 1; }
    let mut fib = BitSet::<16>::new();
    let (mut a, mut b) = (1, 2);
    while a < 1000 { fib.insert(a); (a, b) = (b, a + b); }
    show("squares", &squares, 12);
    show("fib", &fib, 40);
    show("prime fibs", &primes.intersect(&fib), 40);
    show("fib or square", &fib.union(&squares), 15);
    show("fib minus primes", &fib.difference(&primes), 40);
    let twin = primes.iter().filter(|&p| primes.contains(p + 2)).count();
    println!("twin prime pairs below 1000: {}", twin);
    println!("insert again {} {} cap {} equal {}", squares.insert(black_box(4)), squares.insert(black_box(5)), BitSet::<16>::CAP, primes == sieve::<16>(1000));
    let big = sieve::<160>(black_box(10240));
    println!("primes below 10240: {} last {:?}", big.len(), big.max());
    0
}
