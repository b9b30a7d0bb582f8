#![no_std]
#![no_main]
// Sorting networks generated for const N, checked against sort_unstable on several integer and float types; 0-1 principle test.

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

fn compare_swap<T: PartialOrd + Copy>(a: &mut [T], i: usize, j: usize) {
    if a[j] < a[i] { a.swap(i, j); }
}

/// Batcher's odd-even merge sort network for a power-of-two N; returns the number of comparators.
fn batcher<T: PartialOrd + Copy, const N: usize>(a: &mut [T; N]) -> u32 {
    let mut comparators = 0;
    let mut p = 1;
    while p < N {
        let mut k = p;
        while k >= 1 {
            let mut j = k % p;
            while j + k < N {
                for i in 0..k.min(N - j - k) {
                    if (i + j) / (2 * p) == (i + j + k) / (2 * p) { compare_swap(a, i + j, i + j + k); comparators += 1; }
                }
                j += 2 * k;
            }
            k /= 2;
        }
        p *= 2;
    }
    comparators
}

fn is_sorted<T: PartialOrd>(a: &[T]) -> bool { a.windows(2).all(|w| w[0] <= w[1]) }

struct Lcg(u64);
impl Lcg { fn next(&mut self) -> u64 { self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407); self.0 >> 33 } }

fn check<T: PartialOrd + Copy + Ord + core::fmt::Debug, const N: usize>(name: &str, mut gen: impl FnMut() -> T) {
    let mut a: [T; N] = core::array::from_fn(|_| gen());
    let mut b = a;
    let c = batcher(&mut a);
    b.sort_unstable();
    println!("{:>4} N={:2}: {} comparators, sorted {}, equals sort_unstable {}", name, N, c, is_sorted(&a), a == b);
    if N <= 8 { println!("      {:?}", a); }
}

#[unsafe(no_mangle)]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    let mut rng = Lcg(black_box(2024));
    check::<u8, 8>("u8", || rng.next() as u8);
    check::<i16, 16>("i16", || rng.next() as i16);
    check::<i64, 32>("i64", || rng.next() as i64 - (1 << 30));
    check::<u128, 4>("u128", || (rng.next() as u128) << 90 | rng.next() as u128);
    check::<char, 8>("char", || (b'a' + (rng.next() % 26) as u8) as char);
    let mut fl: [f32; 8] = core::array::from_fn(|_| (rng.next() % 2000) as f32 / 7.0 - 100.0);
    batcher(&mut fl);
    println!(" f32 N= 8: sorted {} {:?}", is_sorted(&fl), fl);
    let mut failures = 0;
    for bits in 0..black_box(1u32 << 8) {
        let mut zo: [u8; 8] = core::array::from_fn(|i| (bits >> i & 1) as u8);
        batcher(&mut zo);
        if !is_sorted(&zo) { failures += 1; }
    }
    println!("0-1 principle over 256 inputs: {} failures", failures);
    0
}
