#![no_std]
#![no_main]
// A table-free lexer as an explicit state machine over bytes: identifiers, numbers (hex, decimal, float), strings, comments, operators.

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

#[derive(Debug, Clone, Copy, PartialEq)]
enum Tok<'a> { Ident(&'a str), Int(u64), Float(f64), Str(&'a str), Op(&'a str), Comment, Error(usize) }

#[derive(Clone, Copy, PartialEq, Debug)]
enum State { Start, Ident, Dec, Hex, Frac, Str, Slash, LineComment, Op }

fn lex<'a>(src: &'a str, mut emit: impl FnMut(Tok<'a>)) -> usize {
    let b = src.as_bytes();
    let (mut state, mut start, mut i, mut count) = (State::Start, 0, 0, 0);
    while i <= b.len() {
        let c = if i < b.len() { b[i] } else { 0 };
        let (next, tok): (State, Option<Tok<'a>>) = match (state, c) {
            (State::Start, 0) => { i += 1; continue; }
            (State::Start, b' ' | b'\n' | b'\t') => (State::Start, None),
            (State::Start, b'a'..=b'z' | b'A'..=b'Z' | b'_') => { start = i; (State::Ident, None) }
            (State::Start, b'0') if b.get(i + 1) == Some(&b'x') => { start = i + 2; i += 1; (State::Hex, None) }
            (State::Start, b'0'..=b'9') => { start = i; (State::Dec, None) }
            (State::Start, b'"') => { start = i + 1; (State::Str, None) }
            (State::Start, b'/') => { start = i; (State::Slash, None) }
            (State::Start, b'+' | b'-' | b'*' | b'=' | b'<' | b'>' | b'!' | b';' | b'(' | b')') => { start = i; (State::Op, None) }
            (State::Start, _) => (State::Start, Some(Tok::Error(i))),
            (State::Ident, b'a'..=b'z' | b'A'..=b'Z' | b'_' | b'0'..=b'9') => (State::Ident, None),
            (State::Ident, _) => { i -= 1; (State::Start, Some(Tok::Ident(&src[start..i + 1]))) }
            (State::Dec, b'0'..=b'9') => (State::Dec, None),
            (State::Dec, b'.') => (State::Frac, None),
            (State::Dec, _) => { i -= 1; (State::Start, Some(Tok::Int(src[start..i + 1].parse().unwrap()))) }
            (State::Frac, b'0'..=b'9') => (State::Frac, None),
            (State::Frac, _) => { i -= 1; (State::Start, Some(Tok::Float(src[start..i + 1].parse().unwrap()))) }
            (State::Hex, b'0'..=b'9' | b'a'..=b'f') => (State::Hex, None),
            (State::Hex, _) => { i -= 1; (State::Start, Some(Tok::Int(u64::from_str_radix(&src[start..i + 1], 16).unwrap()))) }
            (State::Str, b'"') => (State::Start, Some(Tok::Str(&src[start..i]))),
            (State::Str, 0) => (State::Start, Some(Tok::Error(start - 1))),
            (State::Str, _) => (State::Str, None),
            (State::Slash, b'/') => (State::LineComment, None),
            (State::Slash, _) => { i -= 1; (State::Start, Some(Tok::Op("/"))) }
            (State::LineComment, b'\n' | 0) => (State::Start, Some(Tok::Comment)),
            (State::LineComment, _) => (State::LineComment, None),
            (State::Op, b'=') if i == start + 1 && b"=<>!".contains(&b[start]) => (State::Start, Some(Tok::Op(&src[start..i + 1]))),
            (State::Op, _) => { i -= 1; (State::Start, Some(Tok::Op(&src[start..i + 1]))) }
        };
        if let Some(t) = tok { emit(t); count += 1; }
        state = next;
        i += 1;
    }
    count
}

#[unsafe(no_mangle)]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    let src = black_box("let x1 = 0xff + 42; // answer\nif x1 >= 3.25 { say(\"hi there\"); } y=x1*2/7 != z; #\n\"open");
    let mut idents = 0;
    let n = lex(src, |t| {
        if let Tok::Ident(_) = t { idents += 1; }
        println!("{:?}", t);
    });
    println!("{} tokens, {} identifiers", n, idents);
    let mut sum = 0u64;
    lex(black_box("1 2 0x10 3.5 x 0x1f"), |t| if let Tok::Int(v) = t { sum += v });
    println!("int sum {}", sum);
    0
}
