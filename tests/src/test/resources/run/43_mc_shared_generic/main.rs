#![no_std]
#![no_main]
// deps: lib_shared, lib_a, lib_b
// Multi-crate: lib_shared's generics instantiated in lib_a, lib_b and main (some instances shared, some not).

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
use lib_shared::{largest, Stack, Summary};

#[unsafe(no_mangle)]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    let sq = lib_a::squares(black_box(10));
    println!("squares len {} peek {:?} stats {:?}", sq.len(), sq.peek(), lib_a::stats(&sq));
    let mut mine: Stack<u32, 8> = Stack::new();
    for v in black_box([5u32, 1, 9, 3]) { mine.push(v).unwrap(); }
    println!("main's Stack<u32, 8>: count {} total {} mean {} stats {:?}", mine.count(), mine.total(), mine.mean_milli(), lib_a::stats(&mine));
    let mut r = lib_b::readings(black_box("mirlink"));
    println!("readings count {} total {} mean {} peak {:?}", r.count(), r.total(), r.mean_milli(), lib_b::peak(&r));
    let small = lib_b::spill(&mut r);
    println!("spilled {:?} left {}", small.iter().collect_pair(), r.values.len());
    let mut words: Stack<&str, 3> = Stack::new();
    for w in ["alpha", "beta", "gamma", "delta"] { if let Err(w) = words.push(w) { println!("full, dropped {}", w); } }
    println!("largest word {:?} largest f64 {:?} largest none {:?}", largest(&["pear", "apple", "zoo"]), largest(&[1.5, -2.0, 9.25]), largest::<u8>(&[]));
    while let Some(w) = words.pop() { println!("pop {}", w); }
    0
}

trait CollectPair<'a, T> { fn collect_pair(self) -> [Option<&'a T>; 2]; }
impl<'a, T: 'a, I: Iterator<Item = &'a T>> CollectPair<'a, T> for I {
    fn collect_pair(mut self) -> [Option<&'a T>; 2] { [self.next(), self.next()] }
}
