#![no_std]
#![no_main]
// exit: 6
// A recursive-descent parser and evaluator for integer expressions with variables, precedence, unary minus and errors.

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

#[derive(Debug, PartialEq)]
enum Error { Unexpected(usize, char), End, UnknownVar(char), DivZero, Overflow }

struct Parser<'a> { s: &'a [u8], pos: usize, vars: &'a [(char, i64)] }

impl<'a> Parser<'a> {
    fn peek(&mut self) -> Option<u8> {
        while self.pos < self.s.len() && self.s[self.pos] == b' ' { self.pos += 1; }
        self.s.get(self.pos).copied()
    }
    fn expr(&mut self) -> Result<i64, Error> {
        let mut v = self.term()?;
        while let Some(c @ (b'+' | b'-')) = self.peek() {
            self.pos += 1;
            let r = self.term()?;
            v = if c == b'+' { v.checked_add(r) } else { v.checked_sub(r) }.ok_or(Error::Overflow)?;
        }
        Ok(v)
    }
    fn term(&mut self) -> Result<i64, Error> {
        let mut v = self.factor()?;
        while let Some(c @ (b'*' | b'/' | b'%')) = self.peek() {
            self.pos += 1;
            let r = self.factor()?;
            v = match c {
                b'*' => v.checked_mul(r).ok_or(Error::Overflow)?,
                _ if r == 0 => return Err(Error::DivZero),
                b'/' => v / r,
                _ => v % r,
            };
        }
        Ok(v)
    }
    fn factor(&mut self) -> Result<i64, Error> {
        match self.peek() {
            None => Err(Error::End),
            Some(b'-') => { self.pos += 1; Ok(-self.factor()?) }
            Some(b'(') => {
                self.pos += 1;
                let v = self.expr()?;
                match self.peek() { Some(b')') => { self.pos += 1; Ok(v) } Some(c) => Err(Error::Unexpected(self.pos, c as char)), None => Err(Error::End) }
            }
            Some(c) if c.is_ascii_digit() => {
                let start = self.pos;
                while self.pos < self.s.len() && self.s[self.pos].is_ascii_digit() { self.pos += 1; }
                core::str::from_utf8(&self.s[start..self.pos]).unwrap().parse().map_err(|_| Error::Overflow)
            }
            Some(c) if c.is_ascii_lowercase() => {
                self.pos += 1;
                self.vars.iter().find(|(n, _)| *n == c as char).map(|&(_, v)| v).ok_or(Error::UnknownVar(c as char))
            }
            Some(c) => Err(Error::Unexpected(self.pos, c as char)),
        }
    }
}

fn eval(src: &str, vars: &[(char, i64)]) -> Result<i64, Error> {
    let mut p = Parser { s: src.as_bytes(), pos: 0, vars };
    let v = p.expr()?;
    match p.peek() { None => Ok(v), Some(c) => Err(Error::Unexpected(p.pos, c as char)) }
}

#[unsafe(no_mangle)]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    let vars = black_box([('x', 7), ('y', -3), ('z', 1_000_000_007)]);
    let inputs = black_box(["1 + 2 * 3", "(1 + 2) * 3", "-x * -(y - 4)", "x % 4 + y / 2", "z * z % 97",
        "100 / (x - 7)", "2 * (3 + 4", "8 + q", "12 $ 4", "9223372036854775807 + 1", "", "((((x))))*y*y"]);
    let mut failed = 0;
    for src in inputs {
        let r = eval(src, &vars);
        failed += r.is_err() as i32;
        println!("{:<28} => {:?}", src, r);
    }
    let mut acc = 0i64;
    for i in 0..black_box(20i64) {
        let v = [('x', i), ('y', i * i)];
        acc += eval("x * x - y + 3 * x % 5", &v).unwrap();
    }
    println!("accumulated {}, {} expressions failed", acc, failed);
    failed
}
