#![no_std]
#![no_main]
// Integer arithmetic: wrapping, checked, overflowing, saturating; bit ops (leading_zeros, count_ones, swap_bytes, rotate_left); i128 mul/div.

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

fn collatz_len(mut n: u64) -> u32 {
    let mut steps = 0;
    while n != 1 { n = if n % 2 == 0 { n / 2 } else { n.checked_mul(3).and_then(|m| m.checked_add(1)).unwrap() }; steps += 1; }
    steps
}

fn isqrt_u128(n: u128) -> u128 {
    if n < 2 { return n; }
    let mut x = 1u128 << ((128 - n.leading_zeros()) / 2 + 1);
    loop {
        let y = (x + n / x) / 2;
        if y >= x { return x; }
        x = y;
    }
}

#[unsafe(no_mangle)]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    let a = black_box(250u8);
    let b = black_box(10u8);
    println!("u8 wrapping {} {} checked {:?} {:?} overflowing {:?} saturating {} {}",
        a.wrapping_add(b), b.wrapping_sub(a), a.checked_add(b), a.checked_add(5), a.overflowing_add(b),
        a.saturating_add(b), b.saturating_sub(a));
    let m = black_box(i32::MIN);
    println!("i32 wrapping_neg {} checked_neg {:?} wrapping_abs {} overflowing_mul {:?} checked_div {:?} {:?}",
        m.wrapping_neg(), m.checked_neg(), m.wrapping_abs(), m.overflowing_mul(-1), m.checked_div(-1), 7i32.checked_div(0));
    println!("i64 saturating {} {} wrapping_mul {} rem_euclid {} div_euclid {}",
        i64::MAX.saturating_add(black_box(1)), i64::MIN.saturating_sub(black_box(1)), black_box(0x1234_5678_9abc_i64).wrapping_mul(0x1_0000_0001),
        black_box(-7i64).rem_euclid(3), black_box(-7i64).div_euclid(3));
    let x = black_box(0x0012_3400_00ab_cd00u64);
    println!("u64 {:#x}: lz {} tz {} ones {} swap {:#x} rotl12 {:#x} rotr8 {:#x} rev {:#x}",
        x, x.leading_zeros(), x.trailing_zeros(), x.count_ones(), x.swap_bytes(), x.rotate_left(12), x.rotate_right(8), x.reverse_bits());
    let y = black_box(0x8001u16);
    println!("u16 lz {} lo {} swap {:#06x} rotl1 {:#06x} pow2 {} next_pow2 {}", y.leading_zeros(), y.leading_ones(), y.swap_bytes(),
        y.rotate_left(1), y.is_power_of_two(), black_box(300u16).next_power_of_two());
    let z = black_box(-1i8);
    println!("i8 ones {} as u8 {} shr {} unsigned shr {} from_be {:?}", z.count_ones(), z as u8, z >> 3, (z as u8) >> 3, i16::from_be_bytes([0xfe, 0x01]));
    let p = black_box(123_456_789_012_345_678_901_234_567i128);
    let q = black_box(-987_654_321_987i128);
    println!("i128 mul {:?} div {} rem {} wrapping_mul {}", p.checked_mul(1000), p / q, p % q, p.wrapping_mul(p));
    let big = black_box(u128::MAX / 3);
    println!("u128 {} / 7 = {} rem {} lz {} swap {:#x}", big, big / 7, big % 7, (big >> 70).leading_zeros(), black_box(0x0102u128).swap_bytes());
    println!("u128 mul overflow {:?} isqrt {} {}", big.overflowing_mul(4), isqrt_u128(black_box(1u128 << 100)), isqrt_u128(black_box(99_999_999_999_999_999_999)));
    println!("pow {} checked_pow {:?} {:?} ilog2 {} ilog10 {}", 3u64.pow(black_box(20)), 2i32.checked_pow(black_box(31)), 2i32.checked_pow(30),
        black_box(1_000_000u32).ilog2(), black_box(1_000_000u32).ilog10());
    println!("collatz 27 {} 97 {} 871 {}", collatz_len(black_box(27)), collatz_len(black_box(97)), collatz_len(black_box(871)));
    println!("abs_diff {} {} signum {} {} midpoint-ish {}", black_box(3u32).abs_diff(10), black_box(-5i16).abs_diff(7),
        black_box(-9i32).signum(), black_box(0i64).signum(), (black_box(u32::MAX) / 2) + (black_box(u32::MAX - 2) / 2));
    0
}
