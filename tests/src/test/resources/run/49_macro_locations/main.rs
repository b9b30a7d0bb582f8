#![no_std]
#![no_main]
// exit: 101
// Locations of code that macros wrote, which rustc reports at the outermost macro call: `Location::caller()`
// reached through local macros (several expansions in one fn, with and without arguments, nested), core's
// `assert!`/`assert_eq!` inside a local macro, and an `assert_eq!` failing in a local macro's third expansion.
// A door state machine that panics with formatted arguments (`panic!("…{}…")`) on an illegal transition.

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
use core::panic::Location;

#[track_caller]
fn here() -> &'static Location<'static> { Location::caller() }

#[track_caller]
fn tagged(tag: u32) -> (u32, &'static Location<'static>) { (tag, Location::caller()) }

fn show(what: &str, l: &Location) { println!("{}: {}:{}:{}", what, l.file(), l.line(), l.column()); }

macro_rules! at { () => { here() }; }
macro_rules! at_tag { ($t:expr) => { tagged($t) }; }
macro_rules! twice { () => { (at!(), at!()) }; }
macro_rules! check {
    ($a:expr, $b:expr) => { assert_eq!($a, $b, "check `{}`", stringify!($a)) };
}

fn plain() {
    let a = at!();
    let b = at!();
    show("a", a);
    show("b", b);
    let (t, c) = at_tag!(black_box(7));
    let (u, d) = at_tag!(black_box(8) + t);
    show("c", c);
    show("d", d);
    println!("tags {} {}", t, u);
}

fn nested() {
    let (e, f) = twice!();
    show("e", e);
    show("f", f);
    let g = if black_box(true) { at!() } else { at!() };
    show("g", g);
    let h = [at_tag!(1), at_tag!(2), at_tag!(3)];
    for (tag, l) in h { show(if tag == 2 { "h2" } else { "h" }, l); }
}

fn verify(x: u32) {
    assert!(x > 0, "x must be positive, got {}", x);
    check!(x % 2, 0);
    check!(x % 3, 0);
    check!(x % 5, 0);
    println!("{} passes", x);
}

#[unsafe(no_mangle)]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    plain();
    nested();
    verify(black_box(30));
    verify(black_box(6));
    0
}
