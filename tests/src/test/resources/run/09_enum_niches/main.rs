#![no_std]
#![no_main]
// Enums with niches and explicit discriminants, match with guards and bindings, Option<&T> and Option<NonZero>.

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
use core::mem::size_of;
use core::num::{NonZeroU32, NonZeroU8};

#[derive(Debug, Clone, Copy, PartialEq)]
#[repr(u8)]
enum Opcode { Nop = 0, Load = 0x10, Store = 0x11, Jump = 0x40, Halt = 0xff }

#[derive(Debug, Clone, Copy)]
enum Level { Low = -5, Mid = 10, High = 1000 }

#[derive(Debug)]
enum Token<'a> { Num(i64), Word(&'a str), Pair(u8, char), Empty }

#[derive(Debug, Clone, Copy)]
enum Shape { Dot, Line(bool), Box { w: u16, h: u16 } }

fn decode(b: u8) -> Option<Opcode> {
    match b {
        0 => Some(Opcode::Nop),
        0x10 => Some(Opcode::Load),
        0x11 => Some(Opcode::Store),
        0x40 => Some(Opcode::Jump),
        0xff => Some(Opcode::Halt),
        _ => None,
    }
}

fn classify(t: &Token) -> &'static str {
    match t {
        Token::Num(n) if *n < 0 => "negative number",
        Token::Num(0) => "zero",
        Token::Num(n) if n % 2 == 0 => "even number",
        Token::Num(_) => "odd number",
        Token::Word(w) if w.starts_with('#') => "comment",
        Token::Word(w) if w.len() > 5 => "long word",
        Token::Word(_) => "word",
        Token::Pair(b, c) if *b as u32 == *c as u32 => "matching pair",
        Token::Pair(..) => "pair",
        Token::Empty => "empty",
    }
}

fn find<'a>(xs: &'a [u32], want: u32) -> Option<&'a u32> { xs.iter().find(|&&x| x == want) }

#[unsafe(no_mangle)]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    for b in black_box([0x10u8, 0x11, 0x12, 0xff, 0x40, 0]) {
        match decode(b) {
            Some(op @ (Opcode::Load | Opcode::Store)) => println!("{:#04x}: memory op {:?} = {}", b, op, op as u8),
            Some(op) => println!("{:#04x}: {:?} = {}", b, op, op as u8),
            None => println!("{:#04x}: invalid", b),
        }
    }
    for l in [Level::Low, Level::Mid, Level::High] { println!("{:?} = {}", l, l as i32); }
    let toks = [Token::Num(-3), Token::Num(0), Token::Num(8), Token::Num(9), Token::Word("#note"),
        Token::Word("niches"), Token::Word("ok"), Token::Pair(65, 'A'), Token::Pair(1, 'x'), Token::Empty];
    for t in &toks { println!("{:?} -> {}", t, classify(t)); }
    let shapes = black_box([Shape::Dot, Shape::Line(true), Shape::Box { w: 3, h: 4 }, Shape::Line(false)]);
    let area: u32 = shapes.iter().map(|s| match *s { Shape::Box { w, h } => w as u32 * h as u32, Shape::Line(true) => 1, _ => 0 }).sum();
    println!("shapes {:?} area {}", shapes, area);
    let data = black_box([3u32, 5, 8, 13]);
    println!("find 8 {:?} find 9 {:?}", find(&data, 8), find(&data, 9));
    let nz = [NonZeroU32::new(black_box(7)), NonZeroU32::new(black_box(0)), NonZeroU32::new(12)];
    let total: u32 = nz.iter().flatten().map(|n| n.get()).sum();
    println!("nonzero {:?} total {}", nz, total);
    let small = NonZeroU8::new(200).unwrap();
    println!("nonzero u8 {} checked_add {:?} {:?}", small, small.checked_add(55), small.checked_add(56));
    println!("sizes Option<&u32>={} Option<NonZeroU32>={} Option<Opcode>={} Option<bool>={} Shape={} Option<Option<bool>>={}",
        size_of::<Option<&u32>>(), size_of::<Option<NonZeroU32>>(), size_of::<Option<Opcode>>(),
        size_of::<Option<bool>>(), size_of::<Shape>(), size_of::<Option<Option<bool>>>());
    let opt: Option<Option<bool>> = black_box(Some(None));
    println!("nested option {:?} is_some {}", opt, opt.is_some());
    0
}
