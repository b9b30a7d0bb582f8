#![no_std]
#![no_main]
// Drop glue in core-only code: custom Drop, nested owners, arrays, Option, mem::forget and swap.
use core::mem;

extern "C" {
    fn write(fd: i32, buf: *const u8, n: usize) -> isize;
}

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}

fn say(s: &[u8]) {
    unsafe {
        write(1, s.as_ptr(), s.len());
    }
}

struct Tracer(&'static [u8]);

impl Drop for Tracer {
    fn drop(&mut self) {
        say(b"drop ");
        say(self.0);
        say(b"\n");
    }
}

struct Outer {
    _first: Tracer,
    _inner: Inner,
    _many: [Tracer; 2],
}

struct Inner {
    _t: Tracer,
    _opt: Option<Tracer>,
}

enum Resource {
    Free,
    Held(Tracer, u32),
}

impl Drop for Resource {
    fn drop(&mut self) {
        if let Resource::Held(_, n) = self {
            say(if *n > 1 { b"release many\n" } else { b"release one\n" });
        }
    }
}

fn make(flag: bool) -> Option<Tracer> {
    if flag { Some(Tracer(b"maybe")) } else { None }
}

#[unsafe(no_mangle)]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    {
        let _o = Outer {
            _first: Tracer(b"first"),
            _inner: Inner { _t: Tracer(b"inner"), _opt: make(true) },
            _many: [Tracer(b"m0"), Tracer(b"m1")],
        };
        say(b"scope end\n");
    }
    let mut a = Resource::Held(Tracer(b"a"), 2);
    let mut b = Resource::Free;
    mem::swap(&mut a, &mut b);
    drop(a);
    mem::forget(Tracer(b"forgotten"));
    let replaced = mem::replace(&mut b, Resource::Held(Tracer(b"c"), 1));
    drop(replaced);
    let _tuple = (Tracer(b"t0"), make(false), 7u8);
    0
}
