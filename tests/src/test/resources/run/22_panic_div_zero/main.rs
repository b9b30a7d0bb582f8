#![no_std]
#![no_main]
// exit: 101
// Averages per bucket; an empty bucket divides by zero (opaque through black_box), which panics at O0 and O2 alike.

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

struct Bucket { sum: i64, count: i64 }

fn bucketize(samples: &[(u8, i64)], buckets: &mut [Bucket; 4]) {
    for &(k, v) in samples {
        let b = &mut buckets[k as usize % 4];
        b.sum += v;
        b.count += 1;
    }
}

fn average(b: &Bucket) -> i64 { b.sum / black_box(b.count) }

fn percent(part: u32, whole: u32) -> u32 { part * 100 / whole }

#[unsafe(no_mangle)]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    let samples = black_box([(0u8, 10i64), (1, -4), (0, 30), (1, 8), (3, 7), (4, 2), (5, 100), (3, -1)]);
    let mut buckets = [Bucket { sum: 0, count: 0 }, Bucket { sum: 0, count: 0 }, Bucket { sum: 0, count: 0 }, Bucket { sum: 0, count: 0 }];
    bucketize(&samples, &mut buckets);
    println!("percent {} {}", percent(black_box(3), black_box(8)), percent(black_box(5), black_box(20)));
    println!("checked {:?} {:?}", 10i64.checked_div(black_box(0)), 10i64.checked_rem(black_box(3)));
    for (i, b) in buckets.iter().enumerate() {
        println!("bucket {} count {} sum {}", i, b.count, b.sum);
        println!("  average {}", average(b));
    }
    0
}
