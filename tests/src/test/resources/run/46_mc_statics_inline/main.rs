#![no_std]
#![no_main]
// Multi-crate: statics, atomics and `static mut` of lib_counter written from lib_log and main, through inline and generic fns.

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
use core::sync::atomic::Ordering;
use lib_counter::{over_limit, record_sized, reset, BYTES, EVENTS, LIMIT};

#[unsafe(no_mangle)]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    for v in black_box([3u32, 45, 700, 8, 99, 100, 1]) {
        let seq = lib_log::log(v);
        println!("log {} -> seq {} over limit {}", v, seq, over_limit());
    }
    lib_log::for_each_entry(|e| println!("  entry seq {} value {} class {}", e.seq, e.value, e.class));
    println!("sized {} {} {} {}", record_sized(&1u8), record_sized(&[0u64; 4]), record_sized(&(1u16, 'c')), record_sized(&()));
    println!("events {} bytes {} limit {} over {}", EVENTS.load(Ordering::Relaxed), BYTES.load(Ordering::Relaxed), LIMIT, over_limit());
    for _ in 0..black_box(3) { lib_counter::bump(1); }
    println!("over limit now {} histogram {:?}", over_limit(), lib_counter::histogram());
    println!("reset {:?} then {:?}", reset(), reset());
    println!("log after reset seq {}", lib_log::log(black_box(5)));
    0
}
