#![no_std]
#![no_main]
// Const generics: fixed-size matrices Matrix<R, C>, generic array functions over N, const expressions in types and bounds.

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
use core::ops::Mul;

#[derive(Clone, Copy, PartialEq, Debug)]
struct Matrix<const R: usize, const C: usize> { m: [[i64; C]; R] }

impl<const R: usize, const C: usize> Matrix<R, C> {
    fn from_fn(f: impl Fn(usize, usize) -> i64) -> Self { Matrix { m: core::array::from_fn(|r| core::array::from_fn(|c| f(r, c))) } }
    fn transpose(&self) -> Matrix<C, R> { Matrix::from_fn(|r, c| self.m[c][r]) }
    fn trace(&self) -> i64 { (0..R.min(C)).map(|i| self.m[i][i]).sum() }
    fn print(&self, name: &str) {
        println!("{} ({}x{}):", name, R, C);
        for row in &self.m { println!("  {:?}", row); }
    }
}

impl<const R: usize, const K: usize, const C: usize> Mul<Matrix<K, C>> for Matrix<R, K> {
    type Output = Matrix<R, C>;
    fn mul(self, o: Matrix<K, C>) -> Matrix<R, C> {
        Matrix::from_fn(|r, c| (0..K).map(|k| self.m[r][k] * o.m[k][c]).sum())
    }
}

fn identity<const N: usize>() -> Matrix<N, N> { Matrix::from_fn(|r, c| (r == c) as i64) }

fn power<const N: usize>(m: Matrix<N, N>, mut e: u32) -> Matrix<N, N> {
    let (mut base, mut acc) = (m, identity::<N>());
    while e > 0 {
        if e & 1 == 1 { acc = acc * base; }
        e >>= 1;
        if e > 0 { base = base * base; }
    }
    acc
}

fn concat<const A: usize, const B: usize>(a: [u8; A], b: [u8; B]) -> [u8; 16] {
    let mut out = [0u8; 16];
    out[..A].copy_from_slice(&a);
    out[A..A + B].copy_from_slice(&b);
    out
}

struct Bits<const N: usize>;
impl<const N: usize> Bits<N> { const MASK: u64 = if N >= 64 { u64::MAX } else { (1u64 << N) - 1 }; }

fn checksum<const N: usize>(data: &[u8; N]) -> u32 { data.iter().enumerate().map(|(i, &b)| (i as u32 + 1) * b as u32).sum::<u32>() % 65521 }

#[unsafe(no_mangle)]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    let k = black_box(2);
    let a: Matrix<2, 3> = Matrix::from_fn(|r, c| (r * 3 + c) as i64 + k);
    let b = a.transpose();
    a.print("a");
    b.print("b = a^T");
    (a * b).print("a*b");
    (b * a).print("b*a");
    println!("trace(a*b) {} trace(b*a) {}", (a * b).trace(), (b * a).trace());
    let fib = Matrix::<2, 2> { m: [[1, 1], [1, 0]] };
    for e in black_box([1u32, 10, 50, 90]) { println!("fib({}) = {}", e, power(fib, e).m[0][1]); }
    println!("identity<4> == power(i,5) {}", identity::<4>() == power(identity::<4>(), 5));
    println!("concat {:?}", concat(*b"const", *b"-generic"));
    println!("masks {:#x} {:#x} {:#x}", Bits::<5>::MASK, Bits::<33>::MASK, Bits::<64>::MASK);
    println!("checksums {} {} {}", checksum(&black_box(*b"abc")), checksum(&[0xffu8; 100]), checksum(&black_box([7u8; 1])));
    let rows: [[u8; 3]; 2] = [[1, 2, 3], [4, 5, 6]];
    println!("flatten sum {}", rows.iter().flatten().map(|&x| x as u32).sum::<u32>());
    0
}
