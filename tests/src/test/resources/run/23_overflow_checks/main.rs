#![no_std]
#![no_main]
// exit: 101
// rustc-flags: -C overflow-checks=on
// Overflow checks forced on at every opt level: a u8 checksum overflows and panics with `attempt to add with overflow`.

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

fn checksum(data: &[u8]) -> u8 {
    let mut sum: u8 = 0;
    for (i, &b) in data.iter().enumerate() {
        println!("  byte {} = {:3}, running {:3}", i, b, sum);
        sum += b;
    }
    sum
}

fn scaled(x: i32, k: i32) -> i32 { x * k }

#[unsafe(no_mangle)]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    println!("wrapping still wraps: {}", black_box(250u8).wrapping_add(black_box(10)));
    println!("scaled {} {}", scaled(black_box(1000), 1000), scaled(black_box(-46340), 46340));
    println!("small checksum {}", checksum(&black_box([1u8, 2, 3, 4])));
    println!("large checksum {}", checksum(&black_box([100u8, 90, 60, 7, 1])));
    0
}
