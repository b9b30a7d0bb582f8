#![no_std]
#![no_main]
// f32/f64 arithmetic and formatting: Newton square roots, series, statistics, Display/Debug/exponent formats.

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

fn sqrt_newton(x: f64) -> f64 {
    if x == 0.0 { return 0.0; }
    let mut g = if x > 1.0 { x / 2.0 } else { 1.0 };
    for _ in 0..60 { g = 0.5 * (g + x / g); }
    g
}

fn pi_leibniz(terms: u32) -> f64 {
    let (mut sum, mut sign) = (0.0, 1.0);
    for k in 0..terms {
        sum += sign / (2 * k + 1) as f64;
        sign = -sign;
    }
    4.0 * sum
}

fn exp_series(x: f32) -> f32 {
    let (mut term, mut sum) = (1.0f32, 1.0f32);
    for n in 1..20 {
        term *= x / n as f32;
        sum += term;
    }
    sum
}

fn mean_var(xs: &[f64]) -> (f64, f64) {
    let n = xs.len() as f64;
    let mean = xs.iter().sum::<f64>() / n;
    let var = xs.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / n;
    (mean, var)
}

#[unsafe(no_mangle)]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    for x in black_box([2.0, 10.0, 1e-6, 12345.678]) {
        let s = sqrt_newton(x);
        println!("sqrt({}) = {:.12} residual {:e}", x, s, s * s - x);
    }
    println!("pi ~ {} ({:.6})", pi_leibniz(black_box(1000)), pi_leibniz(black_box(100_000)));
    for x in black_box([0.5f32, 1.0, -2.0, 3.25]) {
        println!("exp({:5.2}) = {:>12.6} debug {:?}", x, exp_series(x), exp_series(x));
    }
    let (m, v) = mean_var(&black_box([2.5, 3.5, 1.0, 7.25, 9.0, -4.0]));
    println!("mean {:.4} var {:.4} {:?}", m, v, (m, v));
    let a = black_box(0.1f64);
    println!("0.1+0.2 = {:?}, f32 {:?}", a + 0.2, 0.1f32 + black_box(0.2f32));
    println!("limits {:e} {:e} {:?} {:?}", f32::MAX, f64::MIN_POSITIVE, f32::EPSILON, f64::EPSILON);
    let zero = black_box(0.0f64);
    println!("special {} {} {} {:?} {}", 1.0 / zero, -1.0 / zero, zero / zero, -zero, (zero / zero).is_nan());
    println!("casts {} {} {} {} {}", 3.99f64 as i32, -3.99f64 as i32, 1e20f64 as i32, (zero / zero) as u8, 300.7f32 as u8);
    println!("bits {:#x} {:#x} {}", 1.5f64.to_bits(), (-2.0f32).to_bits(), f64::from_bits(0x4009_21fb_5444_2d18));
    println!("max/min/clamp {} {} {}", 2.5f64.max(black_box(-1.0)), 2.5f32.min(black_box(1.5)), 7.5f64.clamp(0.0, 5.0));
    println!("widths [{:8.3}] [{:<8.1}] [{:^9.2}] [{:+.2e}]", 3.14159f32, 2.0f64, -0.125f64, 123456.0f64);
    let mut acc = 1.0f32;
    for i in 1..=10 { acc = acc * 1.1 + i as f32 / 3.0; }
    println!("f32 accumulate {} {:.3}", acc, acc as f64 / 7.0);
    0
}
