#![no_std]
#![no_main]
// A generic ring buffer with const capacity implementing Iterator, DoubleEndedIterator and ExactSizeIterator, used as a moving average.

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

struct Ring<T, const N: usize> { buf: [T; N], start: usize, len: usize }

impl<T: Copy + Default, const N: usize> Ring<T, N> {
    fn new() -> Self { Ring { buf: [T::default(); N], start: 0, len: 0 } }
    fn push(&mut self, v: T) -> Option<T> {
        if self.len < N { self.buf[(self.start + self.len) % N] = v; self.len += 1; None }
        else { let old = core::mem::replace(&mut self.buf[self.start], v); self.start = (self.start + 1) % N; Some(old) }
    }
    fn iter(&self) -> RingIter<'_, T, N> { RingIter { ring: self, front: 0, back: self.len } }
}

struct RingIter<'a, T, const N: usize> { ring: &'a Ring<T, N>, front: usize, back: usize }

impl<'a, T: Copy, const N: usize> Iterator for RingIter<'a, T, N> {
    type Item = T;
    fn next(&mut self) -> Option<T> {
        if self.front == self.back { return None; }
        let v = self.ring.buf[(self.ring.start + self.front) % N];
        self.front += 1;
        Some(v)
    }
    fn size_hint(&self) -> (usize, Option<usize>) { (self.back - self.front, Some(self.back - self.front)) }
}

impl<'a, T: Copy, const N: usize> DoubleEndedIterator for RingIter<'a, T, N> {
    fn next_back(&mut self) -> Option<T> {
        if self.front == self.back { return None; }
        self.back -= 1;
        Some(self.ring.buf[(self.ring.start + self.back) % N])
    }
}

impl<'a, T: Copy, const N: usize> ExactSizeIterator for RingIter<'a, T, N> {}

struct MovingAverage<const N: usize> { ring: Ring<i32, N>, sum: i64 }

impl<const N: usize> MovingAverage<N> {
    fn add(&mut self, v: i32) -> f64 {
        self.sum += v as i64;
        if let Some(old) = self.ring.push(v) { self.sum -= old as i64; }
        self.sum as f64 / self.ring.len as f64
    }
}

#[unsafe(no_mangle)]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    let mut r: Ring<u16, 5> = Ring::new();
    for v in black_box([1u16, 2, 3, 4, 5, 6, 7]) { r.push(v); }
    let mut o = Out::new();
    let _ = write!(o, "forward:");
    for v in r.iter() { let _ = write!(o, " {}", v); }
    let _ = write!(o, " | backward:");
    for v in r.iter().rev() { let _ = write!(o, " {}", v); }
    let _ = writeln!(o, " | len {}", r.iter().len());
    o.flush();
    let mut it = r.iter();
    println!("mixed {:?} {:?} {:?} rest {}", it.next(), it.next_back(), it.next(), it.len());
    println!("sum {} max {:?} nth(2) {:?} last {:?}", r.iter().map(|x| x as u32).sum::<u32>(), r.iter().max(), r.iter().nth(2), r.iter().last());
    let mut avg = MovingAverage::<4> { ring: Ring::new(), sum: 0 };
    let mut o = Out::new();
    for v in black_box([10, 20, 30, 40, 50, -60, 70, 80]) { let _ = write!(o, "{:.2} ", avg.add(v)); }
    let _ = writeln!(o);
    o.flush();
    let mut chars: Ring<char, 3> = Ring::new();
    let evicted: u32 = "ringbuffer".chars().filter_map(|c| chars.push(c)).map(|c| c as u32).sum();
    let mut tail = [' '; 3];
    for (d, c) in tail.iter_mut().zip(chars.iter()) { *d = c; }
    println!("evicted code sum {} tail {:?}", evicted, tail);
    let pairs: Ring<(u8, bool), 2> = { let mut p = Ring::new(); p.push((1, true)); p.push((2, false)); p.push((3, true)); p };
    println!("pairs {:?}", pairs.iter().rev().zip(0..).map(|((a, b), i)| (a as usize + i) * b as usize).sum::<usize>());
    0
}
