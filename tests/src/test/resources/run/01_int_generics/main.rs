#![no_std]
#![no_main]
// Generic statistics over every integer width (i8..i128, u8..u128, isize, usize) through one trait.

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

use core::fmt::Display;
use core::hint::black_box;

trait Int: Copy + PartialOrd + Display {
    const ZERO: Self;
    const BITS: u32;
    fn widen(self) -> i128;
    fn add_wrapping(self, o: Self) -> Self;
}

macro_rules! int_impl {
    ($($t:ty),*) => {$(
        impl Int for $t {
            const ZERO: Self = 0;
            const BITS: u32 = <$t>::BITS;
            fn widen(self) -> i128 { self as i128 }
            fn add_wrapping(self, o: Self) -> Self { self.wrapping_add(o) }
        }
    )*};
}
int_impl!(i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize);

struct Stats<T> { min: T, max: T, wrapped_sum: T, exact_sum: i128, count: usize }

fn stats<T: Int>(xs: &[T]) -> Stats<T> {
    let mut s = Stats { min: xs[0], max: xs[0], wrapped_sum: T::ZERO, exact_sum: 0, count: 0 };
    for &x in xs {
        if x < s.min { s.min = x; }
        if x > s.max { s.max = x; }
        s.wrapped_sum = s.wrapped_sum.add_wrapping(x);
        s.exact_sum = s.exact_sum.wrapping_add(x.widen());
        s.count += 1;
    }
    s
}

fn show<T: Int>(name: &str, xs: &[T]) {
    let s = stats(black_box(xs));
    println!("{:>5} ({:3} bits): n={} min={} max={} wrapped={} exact={}",
        name, T::BITS, s.count, s.min, s.max, s.wrapped_sum, s.exact_sum);
}

fn largest<T: Int>(a: T, b: T) -> T { if a > b { a } else { b } }

fn pair_sum<A: Int, B: Int>(a: A, b: B) -> i128 { a.widen() + b.widen() }

#[unsafe(no_mangle)]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    show("i8", &[-128i8, 127, 5, -3, 100]);
    show("u8", &[200u8, 100, 3, 255]);
    show("i16", &[-32768i16, 32767, 1234, -4321]);
    show("u16", &[65535u16, 1, 40000]);
    show("i32", &[i32::MIN, i32::MAX, -7, 99]);
    show("u32", &[u32::MAX, 17, 3_000_000_000]);
    show("i64", &[i64::MIN, 42, i64::MAX]);
    show("u64", &[u64::MAX, 1 << 40, 12_345_678_901_234]);
    show("i128", &[i128::MIN, i128::MAX, -1, 1]);
    show("u128", &[u128::MAX, 1u128 << 100, 77]);
    show("isize", &[-5isize, 1 << 40, 3]);
    show("usize", &[7usize, 1 << 33, 0]);
    println!("largest: {} {} {} {}", largest(3u8, 9), largest(-3i64, -9), largest(1u128 << 90, 5), largest(-1i128, -2));
    println!("pair sums: {} {} {}", pair_sum(-1i8, 255u8), pair_sum(u64::MAX, i64::MIN), pair_sum(7u16, -9i128));
    0
}
