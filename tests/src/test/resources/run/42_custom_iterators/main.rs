#![no_std]
#![no_main]
// Custom iterators: Fibonacci, Collatz, a primes generator, an iterator adapter (pairwise) with impl Iterator returns and successors/from_fn.

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
use core::iter::{from_fn, successors};

struct Fib { a: u64, b: u64 }
impl Iterator for Fib {
    type Item = u64;
    fn next(&mut self) -> Option<u64> {
        let r = self.a;
        let n = self.a.checked_add(self.b)?;
        self.a = self.b;
        self.b = n;
        Some(r)
    }
}

fn collatz(n: u64) -> impl Iterator<Item = u64> {
    successors(Some(n), |&x| if x == 1 { None } else if x % 2 == 0 { Some(x / 2) } else { Some(3 * x + 1) })
}

fn primes() -> impl Iterator<Item = u32> {
    let mut found = [0u32; 256];
    let mut count = 0;
    let mut cand = 1u32;
    from_fn(move || loop {
        cand += 1;
        if found[..count].iter().take_while(|&&p| p * p <= cand).all(|&p| cand % p != 0) {
            if count < found.len() { found[count] = cand; count += 1; }
            return Some(cand);
        }
    })
}

struct Pairwise<I: Iterator> { inner: I, prev: Option<I::Item> }
impl<I: Iterator> Iterator for Pairwise<I> where I::Item: Copy {
    type Item = (I::Item, I::Item);
    fn next(&mut self) -> Option<Self::Item> {
        let prev = match self.prev { Some(p) => p, None => self.inner.next()? };
        let cur = self.inner.next()?;
        self.prev = Some(cur);
        Some((prev, cur))
    }
}
trait PairwiseExt: Iterator + Sized { fn pairwise(self) -> Pairwise<Self> { Pairwise { inner: self, prev: None } } }
impl<I: Iterator> PairwiseExt for I {}

fn evens_squared<'a>(xs: &'a [i32]) -> impl Iterator<Item = i32> + 'a { xs.iter().filter(|x| *x % 2 == 0).map(|x| x * x) }

#[unsafe(no_mangle)]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    let mut o = Out::new();
    for f in (Fib { a: 0, b: 1 }).take(15) { let _ = write!(o, "{} ", f); }
    let _ = writeln!(o);
    o.flush();
    println!("fib count before overflow {} last {:?}", (Fib { a: 0, b: 1 }).count(), (Fib { a: 0, b: 1 }).last());
    println!("fib even sum below 4M {}", (Fib { a: 1, b: 2 }).take_while(|&x| x < 4_000_000).filter(|x| x % 2 == 0).sum::<u64>());
    let start = black_box(27);
    println!("collatz({}) len {} max {:?}", start, collatz(start).count(), collatz(start).max());
    let best = (1..black_box(10_000u64)).map(|n| (collatz(n).count(), n)).max();
    println!("longest collatz below 10000 {:?}", best);
    let mut o = Out::new();
    for p in primes().skip(100).step_by(10).take(8) { let _ = write!(o, "{} ", p); }
    let _ = writeln!(o);
    o.flush();
    let gaps = primes().take(1000).pairwise().map(|(a, b)| b - a).max();
    println!("max gap among first 1000 primes {:?}", gaps);
    let diffs: i32 = black_box([3i32, 8, 1, 9, 4]).iter().pairwise().map(|(a, b)| (b - a).abs()).sum();
    println!("total variation {}", diffs);
    println!("evens squared {:?}", evens_squared(&black_box([1, 2, 3, 4, 5, 6])).fold((0, 0), |(n, s), x| (n + 1, s + x)));
    let mut it = primes().peekable();
    let mut twins = 0;
    while let Some(p) = it.next() { if p > 500 { break; } if it.peek() == Some(&(p + 2)) { twins += 1; } }
    println!("twin primes below 500 {}", twins);
    let powers: u64 = successors(Some(1u64), |x| x.checked_mul(3)).count() as u64;
    println!("powers of 3 in u64 {}", powers);
    0
}
