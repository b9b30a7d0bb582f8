#![no_std]
#![no_main]

use core::fmt::{self, Write};
use core::iter;
use core::num::NonZeroU16;
use core::ops::Range;
use core::cell::RefCell;
use core::sync::atomic::{AtomicU32, Ordering};

struct Buf { data: [u8; 64], len: usize }
impl Write for Buf {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        for b in s.bytes() { if self.len == self.data.len() { return Err(fmt::Error); } self.data[self.len] = b; self.len += 1; }
        Ok(())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Color { Red, Green(u8) }

static HITS: AtomicU32 = AtomicU32::new(0);

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! { loop {} }

#[no_mangle]
pub extern "C" fn entry(n: u32) -> usize {
    let mut buf = Buf { data: [0; 64], len: 0 };
    let xs = [3u32, 1, 4, 1, 5, 9, 2, 6];
    let s: u32 = xs.iter().map(|x| x * n).filter(|x| x % 2 == 1).sum();
    let m = xs.iter().copied().zip(iter::repeat(2u32)).map(|(a, b)| a * b).max();
    let ch: u32 = xs.chunks(3).map(|c| c.iter().sum::<u32>()).rev().take(2).sum();
    let r: Range<u32> = 0..n;
    let e = r.clone().enumerate().skip(1).step_by(2).last();
    let nz = NonZeroU16::new(n as u16);
    let cell = RefCell::new(Color::Green(1));
    *cell.borrow_mut() = Color::Red;
    let mut sorted = xs;
    sorted.sort_unstable();
    let pos = sorted.binary_search(&5).ok();
    let split = "a,b,c".split(',').count();
    let parsed = "42".parse::<i32>().unwrap_or(0);
    let opt = Some(3u8).map(|x| x + 1).and_then(|x| x.checked_mul(2)).unwrap_or_default();
    let res: Result<u8, ()> = Ok(1);
    HITS.fetch_add(1, Ordering::Relaxed);
    let _ = write!(buf, "{} {:?} {} {:?} {:?} {:?} {:?} {} {} {} {:?} {}", s, m, ch, e, nz, cell, pos, split, parsed, opt, res, core::cmp::min(n, 3));
    let _ = core::mem::size_of::<Color>() + core::mem::align_of::<u64>();
    let slice = unsafe { core::slice::from_raw_parts(buf.data.as_ptr(), buf.len) };
    let _ = core::str::from_utf8(slice);
    buf.len + core::hint::black_box(1)
}
