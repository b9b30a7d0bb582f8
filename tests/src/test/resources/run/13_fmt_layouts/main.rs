#![no_std]
#![no_main]
// core::fmt into a stack buffer: width, precision, alignment, fill, sign, hex/octal/binary, Debug derive ({:?}, {:#?}), custom Display.

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

use core::fmt;
use core::hint::black_box;

#[derive(Debug, Clone, Copy)]
enum Suit { Hearts, Spades }

#[allow(dead_code)]
#[derive(Debug)]
struct Card { rank: u8, suit: Suit }

#[allow(dead_code)]
#[derive(Debug)]
struct Hand<'a> { owner: &'a str, cards: [Card; 2], bet: Option<f32>, tags: (u8, &'a [i16]) }

struct Money(i64);
impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let v = self.0.unsigned_abs();
        let s = Fixed::<16> { len: 0, buf: [0; 16] };
        let mut s = s;
        let _ = write!(s, "{}{}.{:02}", sign, v / 100, v % 100);
        f.pad(s.as_str())
    }
}

struct Fixed<const N: usize> { buf: [u8; N], len: usize }
impl<const N: usize> Fixed<N> { fn as_str(&self) -> &str { core::str::from_utf8(&self.buf[..self.len]).unwrap() } }
impl<const N: usize> fmt::Write for Fixed<N> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len + s.len();
        if end > N { return Err(fmt::Error); }
        self.buf[self.len..end].copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

#[unsafe(no_mangle)]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    let n = black_box(255i32);
    println!("[{:5}] [{:<5}] [{:^5}] [{:>5}] [{:05}] [{:+}] [{:*^9}]", n, n, n, n, n, n, n);
    println!("[{:x}] [{:X}] [{:#x}] [{:#010x}] [{:o}] [{:#o}] [{:b}] [{:#b}]", n, n, n, n, n, n, n, n);
    println!("[{:x}] [{:#b}] [{:e}]", black_box(-1i8), black_box(5u8), black_box(1234567u32));
    let f = black_box(3.14159265f64);
    println!("[{:.0}] [{:.2}] [{:8.3}] [{:<8.3}] [{:+.1}] [{:08.2}] [{:e}] [{:E}]", f, f, f, f, f, -f, f, f);
    let w = black_box(7);
    let p = black_box(2);
    println!("[{:w$.p$}] [{:>1$}] [{:.*}] [{:^width$}]", f, 6, 3, f, "mid", w = w, p = p, width = 9);
    println!("[{:10}] [{:<10}] [{:>10}] [{:.3}] [{:-^12.4}]", "text", "text", "text", "truncate", "abcdefgh");
    let hand = Hand { owner: "ana", cards: [Card { rank: 12, suit: Suit::Hearts }, Card { rank: 1, suit: Suit::Spades }],
        bet: Some(2.5), tags: (7, &[-1, 2, -3]) };
    println!("{:?}", hand);
    println!("{:#?}", hand);
    println!("{:?} {:?} {:?}", Some(Suit::Spades), None::<Card>, Ok::<u8, ()>(3));
    println!("{:?} {:?} {:?}", "quote\"tab\t", 'ñ', '\n');
    println!("{:?} {:?} {:.1?} {:6.2?}", [1.0f32, -0.0, 1e-7], (1u8, "two", [3i64; 2]), [0.25f64, 0.75], 1.5f64);
    println!("[{}] [{:>10}] [{:<10}] [{}]", Money(black_box(123456)), Money(-5), Money(99), Money(black_box(-100001)));
    let mut small = Fixed::<8> { buf: [0; 8], len: 0 };
    let r = write!(small, "{}-{}", black_box(12345), black_box(67890));
    println!("overflowing write {:?} kept {:?}", r.is_err(), small.as_str());
    println!("{:?}", core::format_args!("{} {}", 1, 2));
    println!("ptr-free {:5}|{:<5}|{:^5}|", true, false, 'c');
    println!("{{escaped}} {}%", 100);
    0
}
