#![no_std]
#![no_main]
// Parsing with core::str: Result/Option combinators, ?, custom error enum, FromStr, char methods.
use core::str::FromStr;

extern "C" {
    fn write(fd: i32, buf: *const u8, n: usize) -> isize;
}

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}

fn out(s: &str) {
    unsafe {
        write(1, s.as_ptr(), s.len());
    }
}

#[derive(Debug, PartialEq)]
enum Error {
    Empty,
    BadField(usize),
    Range,
}

#[derive(Debug, Clone, Copy)]
struct Time {
    h: u8,
    m: u8,
}

impl FromStr for Time {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        let s = s.trim();
        if s.is_empty() {
            return Err(Error::Empty);
        }
        let (h, m) = s.split_once(':').ok_or(Error::BadField(0))?;
        let h: u8 = h.parse().map_err(|_| Error::BadField(1))?;
        let m: u8 = m.parse().map_err(|_| Error::BadField(2))?;
        if h > 23 || m > 59 {
            return Err(Error::Range);
        }
        Ok(Time { h, m })
    }
}

fn minutes(a: &str, b: &str) -> Result<i32, Error> {
    let (a, b): (Time, Time) = (a.parse()?, b.parse()?);
    Ok((b.h as i32 * 60 + b.m as i32) - (a.h as i32 * 60 + a.m as i32))
}

fn first_number(s: &str) -> Option<u32> {
    let start = s.find(|c: char| c.is_ascii_digit())?;
    let digits = &s[start..];
    let end = digits.find(|c: char| !c.is_ascii_digit()).unwrap_or(digits.len());
    digits[..end].parse().ok()
}

#[unsafe(no_mangle)]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    let cases = [("09:15", "17:45"), ("", "1:00"), ("25:00", "01:00"), ("7-30", "8:00")];
    let mut ok = 0;
    for (a, b) in cases {
        match minutes(a, b) {
            Ok(m) if m > 0 => {
                ok += 1;
                out("ok\n");
            }
            Ok(_) => out("negative\n"),
            Err(Error::BadField(i)) => out(["bad sep\n", "bad hour\n", "bad minute\n"][i.min(2)]),
            Err(e) => out(if e == Error::Empty { "empty\n" } else { "range\n" }),
        }
    }
    let n = first_number("order #4521 shipped").map(|n| n % 100).unwrap_or(0);
    let flag = "TRUE".to_ascii_lowercase_checked();
    let parsed = u16::from_str_radix("ff", 16).ok().and_then(|v| v.checked_mul(2));
    ok + n as i32 + flag as i32 + parsed.map_or(0, |p| (p % 7) as i32)
}

trait LowerCheck {
    fn to_ascii_lowercase_checked(&self) -> bool;
}

impl LowerCheck for str {
    fn to_ascii_lowercase_checked(&self) -> bool {
        self.eq_ignore_ascii_case("true") && self.chars().all(char::is_alphabetic)
    }
}
