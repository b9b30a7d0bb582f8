#![no_std]
#![no_main]
// exit: 101
// A fixed ring buffer whose buggy drain reads one slot past the end: slice index out of bounds panics after some output.

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

struct Ring<T: Copy, const N: usize> { slots: [T; N], head: usize, len: usize }

impl<T: Copy + Default, const N: usize> Ring<T, N> {
    fn new() -> Self { Ring { slots: [T::default(); N], head: 0, len: 0 } }
    fn push(&mut self, v: T) -> Option<T> {
        let tail = (self.head + self.len) % N;
        let evicted = if self.len == N { let old = self.slots[self.head]; self.head = (self.head + 1) % N; Some(old) } else { self.len += 1; None };
        self.slots[tail] = v;
        evicted
    }
    fn pop(&mut self) -> Option<T> {
        if self.len == 0 { return None; }
        let v = self.slots[self.head];
        self.head = (self.head + 1) % N;
        self.len -= 1;
        Some(v)
    }
    /// Bug: reads `len + 1` slots without wrapping the index.
    fn drain_buggy(&self, out: &mut [T]) -> usize {
        for i in 0..=self.len { out[i] = self.slots[self.head + i]; }
        self.len
    }
}

#[unsafe(no_mangle)]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    let mut r: Ring<u32, 4> = Ring::new();
    for v in black_box([10u32, 20, 30, 40, 50, 60]) {
        println!("push {} evicted {:?}", v, r.push(v));
    }
    println!("pop {:?} pop {:?}", r.pop(), r.pop());
    r.push(70);
    r.push(80);
    println!("len {} head {}", r.len, r.head);
    let mut out = [0u32; 8];
    let n = r.drain_buggy(&mut out);
    println!("drained {} {:?}", n, &out[..n]);
    0
}
