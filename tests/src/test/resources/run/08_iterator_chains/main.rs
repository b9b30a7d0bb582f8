#![no_std]
#![no_main]
// core iterator chains: map, filter, zip, enumerate, rev, fold, sum, take, skip, chain, flat_map, peekable, step_by.

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

fn run_lengths(data: &[u8], o: &mut Out) {
    let mut it = data.iter().peekable();
    while let Some(&b) = it.next() {
        let mut n = 1;
        while it.peek() == Some(&&b) { it.next(); n += 1; }
        let _ = write!(o, "{}x{} ", n, b as char);
    }
}

#[unsafe(no_mangle)]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    let xs: [i32; 10] = black_box([4, 8, 15, 16, 23, 42, 7, 1, 30, 11]);
    let ys: [i32; 6] = black_box([1, 2, 3, 4, 5, 6]);
    let s: i32 = xs.iter().map(|x| x * 2).filter(|x| x % 3 == 0).sum();
    println!("doubled multiples of 3 sum {}", s);
    let dot: i32 = xs.iter().zip(ys.iter()).map(|(a, b)| a * b).sum();
    println!("dot {}", dot);
    let mut o = Out::new();
    for (i, x) in xs.iter().enumerate().rev().step_by(3) { let _ = write!(o, "[{}]={} ", i, x); }
    let _ = writeln!(o);
    o.flush();
    let folded = xs.iter().skip(2).take(5).fold(String8::new(), |acc, x| acc.push(*x as u8 % 10 + b'0'));
    println!("skip/take digits {}", folded.as_str());
    let chained: u64 = xs.iter().chain(ys.iter()).map(|&x| x as u64).filter(|x| x & 1 == 1).product();
    println!("odd product {}", chained);
    let fm: i32 = ys.iter().flat_map(|&n| (0..n).map(move |k| k * n)).sum();
    println!("flat_map sum {}", fm);
    let max = xs.iter().copied().max_by_key(|x| (x % 10, *x));
    let min = xs.iter().copied().min();
    println!("max by last digit {:?} min {:?}", max, min);
    println!("any>40 {} all>0 {} position 23 {:?} count even {}", xs.iter().any(|&x| x > 40), xs.iter().all(|&x| x > 0),
        xs.iter().position(|&x| x == 23), xs.iter().filter(|x| *x % 2 == 0).count());
    let mut o = Out::new();
    run_lengths(black_box(b"aaabccddddde"), &mut o);
    let _ = writeln!(o);
    o.flush();
    let tri: u32 = (1..=100u32).step_by(7).take_while(|&x| x < 60).map(|x| x * x).sum();
    println!("step_by take_while {}", tri);
    let (evens, odds) = (1..=20).fold((0, 0), |(e, o), x| if x % 2 == 0 { (e + x, o) } else { (e, o + x) });
    println!("evens {} odds {}", evens, odds);
    let last_word = "iterators all the way down".split(' ').rev().next();
    println!("last word {:?} scan {:?}", last_word, (1..6).scan(1u32, |acc, x| { *acc *= x; Some(*acc) }).last());
    let mut buf = [0i32; 5];
    for (dst, src) in buf.iter_mut().zip(xs.iter().rev()) { *dst = *src; }
    println!("reversed head {:?} sum of windows {:?}", buf, xs.windows(3).map(|w| w.iter().sum::<i32>()).max());
    0
}

struct String8 { b: [u8; 8], n: usize }
impl String8 {
    fn new() -> Self { String8 { b: [0; 8], n: 0 } }
    fn push(mut self, c: u8) -> Self { self.b[self.n] = c; self.n += 1; self }
    fn as_str(&self) -> &str { core::str::from_utf8(&self.b[..self.n]).unwrap() }
}
