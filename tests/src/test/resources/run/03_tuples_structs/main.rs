#![no_std]
#![no_main]
// Tuples, tuple structs and nested structs: construction, destructuring, update syntax, returns by value, Debug.

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

#[derive(Debug, Clone, Copy, PartialEq)]
struct Point { x: i32, y: i32 }

#[derive(Debug, Clone, Copy)]
struct Meters(f64);

#[derive(Debug, Clone, Copy)]
struct Segment { from: Point, to: Point, weight: u8 }

#[derive(Debug)]
struct Record { id: u64, tag: (char, bool), span: Segment, extra: [i16; 3] }

fn manhattan(s: &Segment) -> i32 { (s.to.x - s.from.x).abs() + (s.to.y - s.from.y).abs() }

fn split(p: Point) -> (i32, i32, bool) { (p.x, p.y, p.x == p.y) }

fn min_max(xs: &[i64]) -> (i64, i64) {
    xs.iter().fold((i64::MAX, i64::MIN), |(lo, hi), &x| (lo.min(x), hi.max(x)))
}

fn swap<A, B>(t: (A, B)) -> (B, A) { (t.1, t.0) }

fn scale(s: Segment, k: i32) -> Segment {
    Segment { from: Point { x: s.from.x * k, y: s.from.y * k }, to: Point { x: s.to.x * k, ..s.to }, ..s }
}

#[unsafe(no_mangle)]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    let a = black_box(Point { x: 3, y: -4 });
    let seg = Segment { from: a, to: Point { x: 10, y: 6 }, weight: 7 };
    println!("{:?}", seg);
    println!("manhattan {}", manhattan(&seg));
    let (x, y, diag) = split(a);
    println!("split {} {} {}", x, y, diag);
    let scaled = scale(seg, black_box(3));
    println!("scaled {:?} weight {}", scaled, scaled.weight);
    let rec = Record { id: 0xdead_beef, tag: ('λ', true), span: scaled, extra: [-1, 0, 1] };
    println!("{:?}", rec);
    println!("{:#?}", rec.span.from);
    println!("id {:x} tag {} {} extra {}", rec.id, rec.tag.0, rec.tag.1, rec.extra[2]);
    let (lo, hi) = min_max(&black_box([5, -17, 99, 3, -2]));
    println!("min {} max {}", lo, hi);
    let t = (1u8, (2u16, 3u32), [4u64, 5], "six", Meters(7.5));
    let (one, (two, three), [four, five], six, Meters(seven)) = t;
    println!("{} {} {} {} {} {} {}", one, two, three, four, five, six, seven);
    println!("{:?}", swap((Meters(1.25), 'z')));
    let nested = ((1, 2), ((3, 4), (5, (6, 7))));
    let ((p, q), ((r, s), (u, (v, w)))) = black_box(nested);
    println!("nested sum {}", p + q + r + s + u + v + w);
    let mut pts = [Point { x: 0, y: 0 }; 4];
    for (i, p) in pts.iter_mut().enumerate() {
        p.x = i as i32 * 2;
        p.y = 10 - i as i32;
    }
    println!("{:?}", pts);
    println!("eq {} {}", pts[1] == Point { x: 2, y: 9 }, pts[2] == a);
    let unit = ();
    println!("unit {:?} empty tuple size {}", unit, core::mem::size_of::<()>());
    0
}
