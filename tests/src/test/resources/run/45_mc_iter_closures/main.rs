#![no_std]
#![no_main]
// Multi-crate: closures from main passed into lib_iterx's generic extension trait and combinators, also used by lib_text.

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
use lib_iterx::{compose, make_counter, pipeline, repeat_apply, IterX};

#[unsafe(no_mangle)]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    let text = black_box("Whole program linking of MIR only rlibs is an old idea");
    println!("vowels {} weight {} len range {:?}", lib_text::vowel_count(text), lib_text::weight(text), lib_text::word_len_range(text));
    let mut o = Out::new();
    for c in lib_text::initials(text) { let _ = write!(o, "{}", c); }
    let _ = writeln!(o);
    o.flush();
    let xs = black_box([4i32, -2, 9, 0, 7, -5, 3, 8]);
    let offset = black_box(10i64);
    println!("sum_by {} count_where {} every 3rd {:?}", xs.iter().sum_by(|&x| x as i64 * offset), xs.iter().count_where(|x| **x > 0),
        xs.iter().every_nth(3).copied().min_max_by_key(|x| *x));
    let f = compose(|x: i32| x * 3, |y: i32| y as i64 - offset);
    let g = compose(&f, |z: i64| z * z);
    println!("compose {} {}", f(black_box(7)), g(black_box(2)));
    let halve = |x: u64| x / 2 + 1;
    println!("repeat_apply {} {}", repeat_apply(&halve, 5, black_box(1000u64)), repeat_apply(&|s: (u8, u8)| (s.1, s.0.wrapping_add(s.1)), 10, (0, 1)).0);
    let mut by3 = make_counter(black_box(3));
    let mut by5 = make_counter(5);
    println!("counters {} {} {} {}", by3(), by3(), by5(), by3());
    let stages: [fn(i64) -> i64; 4] = [|x| x + 1, |x| x * 10, i64::wrapping_neg, |x| x % 7];
    println!("pipeline {} {}", pipeline(&stages, black_box(4)), pipeline(&stages[..2], 0));
    0
}
