#![no_std]
#![no_main]
// Q16.16 fixed-point arithmetic with operator overloading (Add, Sub, Mul, Div, Neg, AddAssign), Display, and a sine table.

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

use core::fmt;
use core::hint::black_box;
use core::ops::{Add, AddAssign, Div, Mul, Neg, Sub};

#[derive(Clone, Copy, PartialEq, PartialOrd, Eq, Ord, Debug)]
struct Fx(i32);

impl Fx {
    const ONE: Fx = Fx(1 << 16);
    const PI: Fx = Fx(205_887);
    fn from_int(i: i32) -> Fx { Fx(i << 16) }
    fn from_ratio(n: i32, d: i32) -> Fx { Fx(((n as i64) << 16) as i32 / d) }
    fn sqrt(self) -> Fx {
        if self.0 <= 0 { return Fx(0); }
        let mut x = ((self.0 as u64) << 16) as u64;
        let mut r = 0u64;
        let mut bit = 1u64 << 46;
        while bit > x { bit >>= 2; }
        while bit != 0 {
            if x >= r + bit { x -= r + bit; r = (r >> 1) + bit; } else { r >>= 1; }
            bit >>= 2;
        }
        Fx(r as i32)
    }
    /// Taylor series around zero after range reduction to [-pi, pi].
    fn sin(self) -> Fx {
        let two_pi = Fx::PI + Fx::PI;
        let mut x = self;
        while x > Fx::PI { x = x - two_pi; }
        while x < -Fx::PI { x = x + two_pi; }
        let (mut term, mut sum) = (x, x);
        for n in 1..8 { term = -(term * x * x) / Fx::from_int((2 * n) * (2 * n + 1)); sum += term; }
        sum
    }
}

impl Add for Fx { type Output = Fx; fn add(self, o: Fx) -> Fx { Fx(self.0 + o.0) } }
impl Sub for Fx { type Output = Fx; fn sub(self, o: Fx) -> Fx { Fx(self.0 - o.0) } }
impl Mul for Fx { type Output = Fx; fn mul(self, o: Fx) -> Fx { Fx(((self.0 as i64 * o.0 as i64) >> 16) as i32) } }
impl Div for Fx { type Output = Fx; fn div(self, o: Fx) -> Fx { Fx((((self.0 as i64) << 16) / o.0 as i64) as i32) } }
impl Neg for Fx { type Output = Fx; fn neg(self) -> Fx { Fx(-self.0) } }
impl AddAssign for Fx { fn add_assign(&mut self, o: Fx) { self.0 += o.0; } }

impl fmt::Display for Fx {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let neg = self.0 < 0;
        let v = self.0.unsigned_abs();
        let frac = ((v & 0xffff) as u64 * 100_000 + 0x8000) >> 16;
        let (int, frac) = if frac >= 100_000 { ((v >> 16) + 1, frac - 100_000) } else { (v >> 16, frac) };
        write!(f, "{}{}.{:05}", if neg { "-" } else { "" }, int, frac)
    }
}

#[unsafe(no_mangle)]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    let a = Fx::from_ratio(black_box(7), 4);
    let b = Fx::from_ratio(black_box(-2), 3);
    println!("a={} b={} a+b={} a-b={} a*b={} a/b={} -a={}", a, b, a + b, a - b, a * b, a / b, -a);
    println!("raw {:?} {:?} cmp {:?} max {}", a, b, a.cmp(&b), a.max(b));
    for n in black_box([2, 9, 10, 1000, 3]) { println!("sqrt({}) = {}", n, Fx::from_int(n).sqrt()); }
    println!("sqrt(0.25) = {}", Fx::from_ratio(1, 4).sqrt());
    for deg in (0..=360).step_by(black_box(45)) {
        let rad = Fx::PI * Fx::from_int(deg) / Fx::from_int(180);
        println!("sin({:3}) = {:>9}", deg, rad.sin());
    }
    let mut acc = Fx(0);
    for i in 1..=black_box(10) { acc += Fx::ONE / Fx::from_int(i); }
    println!("harmonic(10) = {}", acc);
    let mut v = [Fx::from_ratio(3, 2), Fx::from_int(-1), Fx::ONE, Fx::from_ratio(1, 3)];
    v.sort_unstable();
    println!("sorted {:?}", v.map(|x| x.0));
    0
}
