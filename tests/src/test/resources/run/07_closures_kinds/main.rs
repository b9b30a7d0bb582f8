#![no_std]
#![no_main]
// Closures of all three kinds (Fn, FnMut, FnOnce), impl Fn returns, &dyn Fn, closures coerced to fn pointers.

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

fn apply<F: Fn(i32) -> i32>(f: F, x: i32) -> i32 { f(x) }
fn apply_n<F: FnMut() -> u32>(mut f: F, n: usize) -> u32 { let mut last = 0; for _ in 0..n { last = f(); } last }
fn consume<F: FnOnce() -> [u8; 4]>(f: F) -> [u8; 4] { f() }
fn dyn_call(f: &dyn Fn(u64) -> u64, x: u64) -> u64 { f(f(x)) }
fn dyn_mut(f: &mut dyn FnMut(&'static str), words: &[&'static str]) { for w in words { f(w); } }

fn adder(k: i32) -> impl Fn(i32) -> i32 { move |x| x + k }
fn compose<A, B, C>(f: impl Fn(A) -> B, g: impl Fn(B) -> C) -> impl Fn(A) -> C { move |x| g(f(x)) }
fn counter() -> impl FnMut() -> u32 { let mut c = 0; move || { c += 1; c * c } }

fn table(ops: &[(char, fn(i64, i64) -> i64)], a: i64, b: i64) {
    for (name, op) in ops { println!("  {} {} {} = {}", a, name, b, op(a, b)); }
}

struct Guard { name: &'static str }
impl Drop for Guard { fn drop(&mut self) { println!("drop guard {}", self.name); } }

#[unsafe(no_mangle)]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    let base = black_box(10);
    println!("apply {} {}", apply(|x| x * base, 7), apply(adder(base), -3));
    let sq_then_neg = compose(|x: i32| x * x, |y: i32| -(y as i64));
    println!("compose {}", sq_then_neg(black_box(12)));
    let mut total = 0u32;
    let last = apply_n(|| { total += 3; total }, 4);
    println!("fnmut last {} total {}", last, total);
    let mut c = counter();
    println!("counter {} {} {}", c(), c(), c());
    let owned = Guard { name: "moved" };
    let bytes = consume(move || { let n = owned.name.len() as u8; drop(owned); [n, 1, 2, 3] });
    println!("fnonce -> {:?}", bytes);
    let shift = black_box(3u64);
    println!("dyn fn {}", dyn_call(&|x| (x << shift) + 1, 5));
    let mut longest = "";
    let mut count = 0;
    dyn_mut(&mut |w| { count += 1; if w.len() > longest.len() { longest = w; } }, &["ab", "closure", "x", "fnmut"]);
    println!("dyn fnmut count {} longest {}", count, longest);
    let ops: [(char, fn(i64, i64) -> i64); 4] = [('+', |a, b| a + b), ('-', |a, b| a - b), ('*', |a, b| a * b), ('%', |a, b| a % b)];
    println!("fn pointers:");
    table(&ops, black_box(17), black_box(5));
    let pick: fn(bool) -> fn(u8) -> u8 = |odd| if odd { |x| x * 2 + 1 } else { |x| x * 2 };
    println!("nested fn ptrs {} {}", pick(true)(20), pick(false)(20));
    let boxed: [&dyn Fn(i32) -> i32; 3] = [&|x| x + 1, &adder(100), &|x| x.pow(2)];
    let folded = boxed.iter().fold(black_box(2), |acc, f| f(acc));
    println!("folded {}", folded);
    let _g = Guard { name: "scope end" };
    println!("returning");
    0
}
