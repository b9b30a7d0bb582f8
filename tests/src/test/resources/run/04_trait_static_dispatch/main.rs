#![no_std]
#![no_main]
// Traits with static dispatch: generic bounds, default methods overridden or not, where clauses, trait generics.

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

trait Shape {
    fn name(&self) -> &'static str;
    fn area_milli(&self) -> i64;
    fn perimeter_milli(&self) -> i64;
    fn describe(&self, o: &mut Out) {
        let _ = writeln!(o, "{} area={} perimeter={}", self.name(), self.area_milli(), self.perimeter_milli());
    }
    fn bigger_than<S: Shape>(&self, other: &S) -> bool { self.area_milli() > other.area_milli() }
}

struct Rect { w: i64, h: i64 }
struct Square(i64);
struct Tri { a: i64, b: i64, c: i64, h: i64 }

impl Shape for Rect {
    fn name(&self) -> &'static str { "rect" }
    fn area_milli(&self) -> i64 { self.w * self.h }
    fn perimeter_milli(&self) -> i64 { 2 * (self.w + self.h) }
}

impl Shape for Square {
    fn name(&self) -> &'static str { "square" }
    fn area_milli(&self) -> i64 { self.0 * self.0 }
    fn perimeter_milli(&self) -> i64 { 4 * self.0 }
    fn describe(&self, o: &mut Out) { let _ = writeln!(o, "square of side {}", self.0); }
}

impl Shape for Tri {
    fn name(&self) -> &'static str { "triangle" }
    fn area_milli(&self) -> i64 { self.c * self.h / 2 }
    fn perimeter_milli(&self) -> i64 { self.a + self.b + self.c }
}

trait Convert<T> { fn convert(&self) -> T; }
impl Convert<i64> for Square { fn convert(&self) -> i64 { self.0 } }
impl Convert<Rect> for Square { fn convert(&self) -> Rect { Rect { w: self.0, h: self.0 } } }

fn total_area<A: Shape, B: Shape>(a: &A, b: &B) -> i64 { a.area_milli() + b.area_milli() }

fn largest<'a, S>(shapes: &'a [S]) -> &'a S where S: Shape {
    let mut best = &shapes[0];
    for s in shapes { if s.bigger_than(best) { best = s; } }
    best
}

fn report<S: Shape>(s: &S) {
    let mut o = Out::new();
    s.describe(&mut o);
    o.flush();
}

#[unsafe(no_mangle)]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    let r = black_box(Rect { w: 3000, h: 4500 });
    let s = black_box(Square(2500));
    let t = black_box(Tri { a: 3000, b: 4000, c: 5000, h: 2400 });
    report(&r);
    report(&s);
    report(&t);
    println!("r>s {} s>t {} t>r {}", r.bigger_than(&s), s.bigger_than(&t), t.bigger_than(&r));
    println!("total r+t {} s+s {}", total_area(&r, &t), total_area(&s, &s));
    let rects = [Rect { w: 1, h: 9 }, Rect { w: 4, h: 4 }, Rect { w: 2, h: 5 }];
    let big = largest(&rects);
    println!("largest rect {}x{}", big.w, big.h);
    let side: i64 = s.convert();
    let as_rect: Rect = s.convert();
    println!("converted {} {}", side, as_rect.area_milli());
    report(&as_rect);
    0
}
