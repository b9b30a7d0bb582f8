#![no_std]
#![no_main]
// Operator overloading on a generic Complex<T> (Add, Sub, Mul, Neg, Index, PartialOrd by norm) and an ASCII Mandelbrot set in f64 and f32.

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
use core::ops::{Add, Index, IndexMut, Mul, Neg, Sub};

#[derive(Debug, Clone, Copy, PartialEq, Default)]
struct Complex<T> { re: T, im: T }

impl<T: Add<Output = T>> Add for Complex<T> { type Output = Self; fn add(self, o: Self) -> Self { Complex { re: self.re + o.re, im: self.im + o.im } } }
impl<T: Sub<Output = T>> Sub for Complex<T> { type Output = Self; fn sub(self, o: Self) -> Self { Complex { re: self.re - o.re, im: self.im - o.im } } }
impl<T: Copy + Add<Output = T> + Sub<Output = T> + Mul<Output = T>> Mul for Complex<T> {
    type Output = Self;
    fn mul(self, o: Self) -> Self { Complex { re: self.re * o.re - self.im * o.im, im: self.re * o.im + self.im * o.re } }
}
impl<T: Neg<Output = T>> Neg for Complex<T> { type Output = Self; fn neg(self) -> Self { Complex { re: -self.re, im: -self.im } } }
impl<T: Copy + Add<Output = T> + Mul<Output = T>> Complex<T> { fn norm2(self) -> T { self.re * self.re + self.im * self.im } }
impl<T: Copy + Add<Output = T> + Mul<Output = T> + PartialOrd> PartialOrd for Complex<T> {
    fn partial_cmp(&self, o: &Self) -> Option<core::cmp::Ordering> { self.norm2().partial_cmp(&o.norm2()) }
}

struct Poly<const N: usize> { c: [Complex<i64>; N] }
impl<const N: usize> Index<usize> for Poly<N> { type Output = Complex<i64>; fn index(&self, i: usize) -> &Complex<i64> { &self.c[i] } }
impl<const N: usize> IndexMut<usize> for Poly<N> { fn index_mut(&mut self, i: usize) -> &mut Complex<i64> { &mut self.c[i] } }

trait Float: Copy + Add<Output = Self> + Sub<Output = Self> + Mul<Output = Self> + PartialOrd { fn from_f64(x: f64) -> Self; }
impl Float for f64 { fn from_f64(x: f64) -> Self { x } }
impl Float for f32 { fn from_f64(x: f64) -> Self { x as f32 } }

fn escape<T: Float>(c: Complex<T>, limit: u32) -> u32 {
    let mut z = Complex { re: T::from_f64(0.0), im: T::from_f64(0.0) };
    for i in 0..limit { if z.norm2() > T::from_f64(4.0) { return i; } z = z * z + c; }
    limit
}

fn render<T: Float>(w: usize, h: usize) -> u64 {
    let shades = b" .:-=+*#%@";
    let mut checksum = 0u64;
    for row in 0..h {
        let mut line = [b' '; 64];
        for col in 0..w {
            let c = Complex { re: T::from_f64(-2.2 + 3.0 * col as f64 / w as f64), im: T::from_f64(-1.2 + 2.4 * row as f64 / h as f64) };
            let n = escape(c, black_box(60));
            checksum = checksum.wrapping_mul(61).wrapping_add(n as u64);
            line[col] = shades[(n as usize * (shades.len() - 1)) / 60];
        }
        println!("|{}|", core::str::from_utf8(&line[..w]).unwrap());
    }
    checksum
}

#[unsafe(no_mangle)]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    let a = Complex { re: black_box(3i64), im: -4 };
    let b = Complex { re: 1i64, im: 2 };
    println!("a+b {:?} a-b {:?} a*b {:?} -a {:?} |a|^2 {} a>b {:?}", a + b, a - b, a * b, -a, a.norm2(), a.partial_cmp(&b));
    let mut p = Poly { c: [Complex::default(); 3] };
    p[0] = a;
    p[2] = b * b;
    p[1].re += 7;
    println!("poly {:?} {:?} {:?}", p[0], p[1], p[2]);
    let i = Complex { re: 0.0f64, im: 1.0 };
    println!("i^2 {:?} (1+i)^8 {:?}", i * i, (0..8).fold(Complex { re: 1.0, im: 0.0 }, |acc, _| acc * Complex { re: 1.0f64, im: 1.0 }));
    println!("f64 checksum {:x}", render::<f64>(48, 16));
    println!("f32 checksum {:x}", render::<f32>(24, 8));
    0
}
