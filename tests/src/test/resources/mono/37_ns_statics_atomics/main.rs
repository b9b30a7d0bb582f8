#![no_std]
#![no_main]
// Statics in core-only code: atomics, static tables of fn pointers, static mut via raw pointers, recursion.
use core::sync::atomic::{AtomicU32, AtomicBool, Ordering};

extern "C" {
    fn write(fd: i32, buf: *const u8, n: usize) -> isize;
}

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}

static TICKS: AtomicU32 = AtomicU32::new(0);
static READY: AtomicBool = AtomicBool::new(false);
static MESSAGE: &[u8] = b"statics ok\n";
static OPS: [(&str, fn(u32) -> u32); 3] = [("inc", inc), ("sq", square), ("fib", fib)];
static mut SCRATCH: [u32; 8] = [0; 8];

fn inc(x: u32) -> u32 {
    TICKS.fetch_add(1, Ordering::Relaxed);
    x + 1
}

fn square(x: u32) -> u32 {
    TICKS.fetch_add(1, Ordering::Relaxed);
    x * x
}

fn fib(n: u32) -> u32 {
    if n < 2 { n } else { fib(n - 1) + fib(n - 2) }
}

fn gcd(a: u32, b: u32) -> u32 {
    if b == 0 { a } else { gcd(b, a % b) }
}

fn store(i: usize, v: u32) {
    unsafe {
        let p = &raw mut SCRATCH;
        (*p)[i % 8] = v;
    }
}

fn scratch_sum() -> u32 {
    unsafe { (*(&raw const SCRATCH)).iter().sum() }
}

#[unsafe(no_mangle)]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    for (i, (name, op)) in OPS.iter().enumerate() {
        store(i, op(name.len() as u32 + 5));
    }
    store(5, gcd(84, 36));
    if READY.compare_exchange(false, true, Ordering::AcqRel, Ordering::Acquire).is_ok() {
        unsafe {
            write(1, MESSAGE.as_ptr(), MESSAGE.len());
        }
    }
    (scratch_sum() + TICKS.load(Ordering::SeqCst)) as i32
}
