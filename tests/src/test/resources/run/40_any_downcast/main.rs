#![no_std]
#![no_main]
// Trait objects beyond one trait: core::any::Any downcasting, a plugin registry of &mut dyn trait objects with generic helpers.

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

use core::any::Any;
use core::hint::black_box;

trait Plugin: Any {
    fn name(&self) -> &'static str;
    fn handle(&mut self, msg: &str) -> Option<u32>;
    fn as_any(&self) -> &dyn Any;
}

struct WordCounter { words: u32 }
struct Echo { last_len: usize, prefix: &'static str }
struct Sum { total: i64 }

impl Plugin for WordCounter {
    fn name(&self) -> &'static str { "words" }
    fn handle(&mut self, msg: &str) -> Option<u32> { let n = msg.split_whitespace().count() as u32; self.words += n; Some(n) }
    fn as_any(&self) -> &dyn Any { self }
}
impl Plugin for Echo {
    fn name(&self) -> &'static str { "echo" }
    fn handle(&mut self, msg: &str) -> Option<u32> {
        self.last_len = msg.len();
        println!("  {}{}", self.prefix, msg);
        None
    }
    fn as_any(&self) -> &dyn Any { self }
}
impl Plugin for Sum {
    fn name(&self) -> &'static str { "sum" }
    fn handle(&mut self, msg: &str) -> Option<u32> {
        let mut n = 0;
        for t in msg.split(|c: char| !c.is_ascii_digit() && c != '-') { if let Ok(v) = t.parse::<i64>() { self.total += v; n += 1; } }
        if n > 0 { Some(n) } else { None }
    }
    fn as_any(&self) -> &dyn Any { self }
}

fn find<'a, T: Plugin>(plugins: &'a [&mut dyn Plugin]) -> Option<&'a T> {
    plugins.iter().find_map(|p| p.as_any().downcast_ref::<T>())
}

fn describe(v: &dyn Any) -> &'static str {
    if v.is::<u8>() { "u8" } else if let Some(s) = v.downcast_ref::<&str>() { if s.is_empty() { "empty str" } else { "str" } } else if v.is::<Sum>() { "Sum" } else { "unknown" }
}

#[unsafe(no_mangle)]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    let mut wc = WordCounter { words: 0 };
    let mut echo = Echo { last_len: 0, prefix: "> " };
    let mut sum = Sum { total: 0 };
    let mut plugins: [&mut dyn Plugin; 3] = [&mut wc, &mut echo, &mut sum];
    for msg in black_box(["hello plugin world", "add 3 and 4 then -10", "no numbers here", "42"]) {
        println!("message {:?}", msg);
        for p in plugins.iter_mut() {
            if let Some(r) = p.handle(msg) { println!("  {} -> {}", p.name(), r); }
        }
    }
    println!("word total {:?}", find::<WordCounter>(&plugins).map(|w| w.words));
    println!("echo last {:?}", find::<Echo>(&plugins).map(|e| e.last_len));
    println!("sum total {:?}", find::<Sum>(&plugins).map(|s| s.total));
    let values: [&dyn Any; 5] = [&7u8, &"text", &"", &Sum { total: 1 }, &1.5f32];
    for v in values { println!("any: {}", describe(v)); }
    let mut boxed_counter = 0u32;
    let mut bump = |by: u32| boxed_counter += by;
    let dynamic: &mut dyn FnMut(u32) = &mut bump;
    for i in 1..=4 { dynamic(i); }
    println!("closure through dyn FnMut {}", boxed_counter);
    0
}
