#![no_std]
#![no_main]
// exit: 101
// Multi-crate: #[track_caller] fns in lib_checked report main.rs locations; the final overspend panics with a formatted message.

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
use lib_checked::{at, average, here, Budget};

#[unsafe(no_mangle)]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    let (file, line, col) = here();
    println!("called from {}:{}:{}", file, line, col);
    let where_two = [here(), here()];
    println!("two calls on one line: cols {} and {}", where_two[0].2, where_two[1].2);
    let data = black_box([7u32, 11, 13]);
    println!("at(1) {} at(2) {} average {}", at(&data, 1), at(&data, 2), average(&data));
    let mut b = Budget { left: black_box(100) };
    for cost in black_box([30u32, 45, 20]) {
        println!("spent {} -> {} left", cost, b.spend(cost));
    }
    println!("final budget {:?}", b);
    b.spend(black_box(6));
    println!("not reached");
    0
}
