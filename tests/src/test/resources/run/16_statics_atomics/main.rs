#![no_std]
#![no_main]
// Statics: `static mut` through raw pointers, atomics from core::sync::atomic, static tables and a static of structs.

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
use core::ptr::addr_of_mut;
use core::sync::atomic::{AtomicBool, AtomicI32, AtomicU64, AtomicUsize, Ordering::*};

static HITS: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicI32 = AtomicI32::new(i32::MIN);
static SEQ: AtomicU64 = AtomicU64::new(1000);
static READY: AtomicBool = AtomicBool::new(false);

static mut LOG: [u16; 8] = [0; 8];
static mut LOG_LEN: usize = 0;

static PRIMES: [u32; 10] = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29];
static GREETING: &str = "statics live forever";

struct Config { name: &'static str, limit: i32, weights: &'static [u8] }
static CONFIGS: [Config; 2] = [Config { name: "small", limit: 10, weights: &[1, 2] }, Config { name: "large", limit: 1000, weights: &[9, 8, 7] }];

fn record(v: u16) {
    unsafe {
        let len = addr_of_mut!(LOG_LEN);
        let log = addr_of_mut!(LOG);
        (*log)[*len % 8] = v;
        *len += 1;
    }
}

fn observe(v: i32) {
    HITS.fetch_add(1, Relaxed);
    PEAK.fetch_max(v, SeqCst);
    record(v as u16);
}

fn next_id() -> u64 { SEQ.fetch_add(7, AcqRel) }

#[unsafe(no_mangle)]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    for v in black_box([5, -3, 42, 17, 8, 99, -100, 64, 1, 2]) { observe(v); }
    println!("hits {} peak {}", HITS.load(Relaxed), PEAK.load(SeqCst));
    let (len, log) = unsafe { (*addr_of_mut!(LOG_LEN), *addr_of_mut!(LOG)) };
    println!("log len {} ring {:?}", len, log);
    println!("ids {} {} {}", next_id(), next_id(), next_id());
    println!("cas {:?} {:?}", SEQ.compare_exchange(1021, 5, SeqCst, Relaxed), SEQ.compare_exchange(1021, 5, SeqCst, Relaxed));
    println!("swap ready {} {} fetch_or {}", READY.swap(true, SeqCst), READY.load(Acquire), READY.fetch_or(false, SeqCst));
    let old = HITS.fetch_update(SeqCst, SeqCst, |h| if h < 100 { Some(h * 3) } else { None });
    println!("fetch_update {:?} -> {} fetch_sub {} fetch_and {:#x}", old, HITS.load(Relaxed), HITS.fetch_sub(4, Relaxed), SEQ.fetch_and(0xff, Relaxed));
    println!("seq now {} xor {}", SEQ.load(Relaxed), SEQ.fetch_xor(0b1010, Relaxed) ^ SEQ.load(Relaxed));
    let prime_sum: u32 = PRIMES.iter().sum();
    println!("primes sum {} greeting {:?} len {}", prime_sum, GREETING, GREETING.len());
    for c in &CONFIGS { println!("config {} limit {} weights {:?}", c.name, c.limit, c.weights); }
    let counter = AtomicUsize::new(black_box(0));
    for i in 0..10 { counter.fetch_add(i, Relaxed); }
    println!("local atomic {} into_inner {}", counter.load(Relaxed), counter.into_inner());
    unsafe { *addr_of_mut!(LOG_LEN) = 0; }
    record(7);
    println!("after reset {}", unsafe { *addr_of_mut!(LOG_LEN) });
    0
}
