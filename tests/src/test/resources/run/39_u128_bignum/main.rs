#![no_std]
#![no_main]
// 128-bit integers in earnest: factorials and binomials in u128, a 256-bit multiply built from u128 halves, modular exponentiation, i128 gcd.

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

fn factorial(n: u32) -> Option<u128> { (1..=n as u128).try_fold(1u128, |acc, k| acc.checked_mul(k)) }

fn binomial(n: u64, k: u64) -> u128 {
    let k = k.min(n - k);
    (0..k).fold(1u128, |acc, i| acc * (n - i) as u128 / (i + 1) as u128)
}

/// Full 128x128 -> 256-bit product as (high, low).
fn mul_wide(a: u128, b: u128) -> (u128, u128) {
    let (a1, a0) = (a >> 64, a & u64::MAX as u128);
    let (b1, b0) = (b >> 64, b & u64::MAX as u128);
    let (p00, p01, p10, p11) = (a0 * b0, a0 * b1, a1 * b0, a1 * b1);
    let mid = (p00 >> 64) + (p01 & u64::MAX as u128) + (p10 & u64::MAX as u128);
    let low = (p00 & u64::MAX as u128) | (mid << 64);
    let high = p11 + (p01 >> 64) + (p10 >> 64) + (mid >> 64);
    (high, low)
}

fn mul_mod(a: u64, b: u64, m: u64) -> u64 { ((a as u128 * b as u128) % m as u128) as u64 }

fn pow_mod(mut b: u64, mut e: u64, m: u64) -> u64 {
    let mut r = 1 % m;
    b %= m;
    while e > 0 { if e & 1 == 1 { r = mul_mod(r, b, m); } b = mul_mod(b, b, m); e >>= 1; }
    r
}

fn is_prime(n: u64) -> bool {
    if n < 2 { return false; }
    for p in [2u64, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37] { if n % p == 0 { return n == p; } }
    let (mut d, mut s) = (n - 1, 0);
    while d % 2 == 0 { d /= 2; s += 1; }
    'witness: for a in [2u64, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37] {
        let mut x = pow_mod(a, d, n);
        if x == 1 || x == n - 1 { continue; }
        for _ in 1..s { x = mul_mod(x, x, n); if x == n - 1 { continue 'witness; } }
        return false;
    }
    true
}

fn gcd(a: i128, b: i128) -> i128 { if b == 0 { a.abs() } else { gcd(b, a % b) } }

#[unsafe(no_mangle)]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    for n in black_box([10u32, 25, 34, 35]) { println!("{}! = {:?}", n, factorial(n)); }
    println!("C(100,50) = {} C(60,30) = {}", binomial(black_box(100), 50), binomial(60, black_box(30)));
    let (h, l) = mul_wide(black_box(u128::MAX), black_box(u128::MAX));
    println!("max*max = {:#x}:{:032x}", h, l);
    let (h, l) = mul_wide(black_box(0x1234_5678_9abc_def0_1122_3344_5566_7788), black_box(0xfedc_ba98_7654_3210));
    println!("wide = {:x}:{:032x}", h, l);
    println!("pow_mod {} {} {}", pow_mod(black_box(2), 1_000_000, 1_000_000_007), pow_mod(3, black_box(u64::MAX), 18446744073709551557), pow_mod(5, 0, 1));
    let mut o = Out::new();
    let _ = write!(o, "primes near 2^61:");
    for n in (1u64 << 61) - 30..(1u64 << 61) { if is_prime(black_box(n)) { let _ = write!(o, " {}", n); } }
    let _ = writeln!(o);
    o.flush();
    println!("big primes {} {} {}", is_prime(18446744073709551557), is_prime(18446744073709551559), is_prime(black_box(1_000_000_007)));
    let a = black_box(-170_141_183_460_469_231_731_687_303_715_884_105_727i128);
    println!("i128 gcd {} {} div {} rem {} shr {}", gcd(a, 3 * 7 * 11), gcd(black_box(2i128.pow(100)), 6i128.pow(40)), a / 1_000_000_007, a % 1_000_000_007, a >> 100);
    let parsed: u128 = black_box("340282366920938463463374607431768211455").parse().unwrap();
    println!("parsed max {} ones {} as f64 {:e} from f64 {}", parsed == u128::MAX, parsed.count_ones(), parsed as f64, 1.5e30f64 as u128);
    println!("i128 to/from {} {} {:?}", (-1i128) as u128 == u128::MAX, i128::MIN.unsigned_abs(), (i128::MAX as u128).checked_add(1).map(|x| x.trailing_zeros()));
    0
}
