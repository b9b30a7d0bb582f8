#![no_std]
#![no_main]
// Associated types and consts, blanket impls over a trait bound, generic code reading T::Item and T::CAP.

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

use core::fmt::Debug;
use core::hint::black_box;

trait Container {
    type Item: Copy + Debug;
    const CAP: usize;
    const NAME: &'static str = "container";
    fn get(&self, i: usize) -> Option<Self::Item>;
    fn len(&self) -> usize;
}

struct Bytes([u8; 6]);
struct Evens { upto: u32 }

impl Container for Bytes {
    type Item = u8;
    const CAP: usize = 6;
    const NAME: &'static str = "bytes";
    fn get(&self, i: usize) -> Option<u8> { self.0.get(i).copied() }
    fn len(&self) -> usize { self.0.len() }
}

impl Container for Evens {
    type Item = u32;
    const CAP: usize = 1000;
    fn get(&self, i: usize) -> Option<u32> { let v = i as u32 * 2; if v <= self.upto { Some(v) } else { None } }
    fn len(&self) -> usize { self.upto as usize / 2 + 1 }
}

/// Every container can be summarized: a blanket impl.
trait Summary { fn summary(&self) -> (usize, usize, &'static str); }
impl<C: Container> Summary for C {
    fn summary(&self) -> (usize, usize, &'static str) { (self.len(), C::CAP, C::NAME) }
}

/// Every Debug + Copy value can be shown twice: another blanket impl, over a std trait.
trait Twice { fn twice(&self, o: &mut Out); }
impl<T: Debug + Copy> Twice for T {
    fn twice(&self, o: &mut Out) { let _ = write!(o, "{:?}{:?}", *self, *self); }
}

fn last<C: Container>(c: &C) -> Option<C::Item> { if c.len() == 0 { None } else { c.get(c.len() - 1) } }

fn collect_into<C: Container, const N: usize>(c: &C) -> [Option<C::Item>; N] {
    let mut out = [None; N];
    for (i, slot) in out.iter_mut().enumerate() { *slot = c.get(i); }
    out
}

trait Unit { const SYMBOL: &'static str; const FACTOR: i64; }
struct Km; struct Mile;
impl Unit for Km { const SYMBOL: &'static str = "km"; const FACTOR: i64 = 1000; }
impl Unit for Mile { const SYMBOL: &'static str = "mi"; const FACTOR: i64 = 1609; }
fn to_meters<U: Unit>(n: i64) -> i64 { n * U::FACTOR }

#[unsafe(no_mangle)]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    let b = Bytes(black_box(*b"mirror"));
    let e = Evens { upto: black_box(9) };
    println!("bytes summary {:?} last {:?}", b.summary(), last(&b));
    println!("evens summary {:?} last {:?}", e.summary(), last(&e));
    println!("first 4 bytes {:?}", collect_into::<_, 4>(&b));
    println!("first 7 evens {:?}", collect_into::<_, 7>(&e));
    let mut o = Out::new();
    42u16.twice(&mut o);
    ('x', -1i8).twice(&mut o);
    [1.5f32, 2.5].twice(&mut o);
    let _ = writeln!(o);
    o.flush();
    println!("{} {} = {} m, {} {} = {} m", 5, Km::SYMBOL, to_meters::<Km>(black_box(5)), 3, Mile::SYMBOL, to_meters::<Mile>(black_box(3)));
    println!("caps {} {} names {} {}", Bytes::CAP, <Evens as Container>::CAP, Bytes::NAME, Evens::NAME);
    0
}
