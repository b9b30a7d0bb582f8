#![no_std]
#![no_main]
// Multi-crate: main adds a Shape impl to lib_geom's dyn traits, and calls library fns taking &dyn and &mut dyn slices.

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
use lib_geom::{Circle, Named, Rect, Shape};

struct Triangle { a: f64, b: f64, c: f64 }
impl Named for Triangle { fn name(&self) -> &'static str { "triangle" } }
impl Shape for Triangle {
    fn area(&self) -> f64 {
        // Heron's formula with a Newton square root: core has no f64::sqrt
        let s = self.perimeter() / 2.0;
        let x = s * (s - self.a) * (s - self.b) * (s - self.c);
        let mut g = if x > 1.0 { x } else { 1.0 };
        for _ in 0..50 { g = 0.5 * (g + x / g); }
        g
    }
    fn perimeter(&self) -> f64 { self.a + self.b + self.c }
    fn scale(&mut self, k: f64) { self.a *= k; self.b *= k; self.c *= k; }
}

fn show(s: &dyn Shape) { println!("{:>8}: area {:>9.3} perimeter {:>8.3} ratio {:.4}", s.name(), s.area(), s.perimeter(), s.ratio()); }

#[unsafe(no_mangle)]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    let mut c = Circle { r: black_box(1.5) };
    let mut r = Rect { w: 2.0, h: black_box(3.0) };
    let mut q = Rect { w: 2.5, h: 2.5 };
    let mut t = Triangle { a: 3.0, b: 4.0, c: black_box(5.0) };
    for s in [&c as &dyn Shape, &r, &q, &t] { show(s); }
    println!("total {:.4}", lib_geom::total_area(&[&c, &r, &q, &t]));
    lib_geom::scale_all(&mut [&mut c, &mut r, &mut t], black_box(2.0));
    let all: [&dyn Shape; 4] = [&c, &r, &q, &t];
    for s in all { show(s); }
    let big = lib_geom::largest(&all).unwrap();
    println!("largest {} {:.3}", big.name(), big.area());
    let mut names = [""; 4];
    let n = lib_geom::names(&all[1..], &mut names);
    println!("names {:?}", &names[..n]);
    let named: &dyn Named = big;
    println!("upcast name {}", named.name());
    q.scale(0.0);
    println!("empty largest {:?} after zeroing q: {:.1}", lib_geom::largest(&[]).map(|s| s.name()), q.area());
    0
}
