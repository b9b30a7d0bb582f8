#![no_std]
#![no_main]
// Calendar arithmetic: leap years, day of week (Zeller and days-from-civil), days between dates, derived Ord on structs, tuples.

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

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Date { y: i32, m: u8, d: u8 }

#[derive(Debug, Clone, Copy, PartialEq)]
enum Weekday { Mon, Tue, Wed, Thu, Fri, Sat, Sun }

const WEEK: [Weekday; 7] = [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri, Weekday::Sat, Weekday::Sun];

fn leap(y: i32) -> bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

fn days_in_month(y: i32, m: u8) -> u8 {
    match m { 2 if leap(y) => 29, 2 => 28, 4 | 6 | 9 | 11 => 30, _ => 31 }
}

/// Howard Hinnant's days_from_civil: days since 1970-01-01.
fn days_from_civil(date: Date) -> i64 {
    let y = date.y as i64 - (date.m <= 2) as i64;
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (date.m as i64 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + date.d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

fn civil_from_days(z: i64) -> Date {
    let z = z + 719468;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    Date { y: (yoe + era * 400 + (m <= 2) as i64) as i32, m, d }
}

fn weekday(d: Date) -> Weekday { WEEK[(days_from_civil(d) + 3).rem_euclid(7) as usize] }

fn zeller(d: Date) -> Weekday {
    let (y, m) = if d.m < 3 { (d.y - 1, d.m as i32 + 12) } else { (d.y, d.m as i32) };
    let h = (d.d as i32 + 13 * (m + 1) / 5 + y + y / 4 - y / 100 + y / 400) % 7;
    WEEK[((h + 5) % 7) as usize]
}

#[unsafe(no_mangle)]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    let dates = black_box([Date { y: 1970, m: 1, d: 1 }, Date { y: 2000, m: 2, d: 29 }, Date { y: 1969, m: 7, d: 20 },
        Date { y: 2024, m: 12, d: 31 }, Date { y: 1600, m: 3, d: 1 }, Date { y: 2038, m: 1, d: 19 }]);
    for d in dates {
        let n = days_from_civil(d);
        println!("{:04}-{:02}-{:02} day {:>7} {:?} zeller {:?} roundtrip {}", d.y, d.m, d.d, n, weekday(d), zeller(d), civil_from_days(n) == d);
    }
    let mut sorted = dates;
    sorted.sort_unstable();
    println!("earliest {:?} latest {:?}", sorted[0], sorted[sorted.len() - 1]);
    let span = days_from_civil(dates[3]) - days_from_civil(dates[2]);
    println!("moon landing to end of 2024: {} days = {} weeks + {} days", span, span / 7, span % 7);
    let leaps = (1900..=2100).filter(|&y| leap(y)).count();
    let feb: u32 = (2000..2010).map(|y| days_in_month(y, 2) as u32).sum();
    println!("leap years 1900..=2100: {} feb days 2000s: {}", leaps, feb);
    let mut fridays13 = 0;
    let mut first = None;
    for y in 2020..black_box(2030) {
        for m in 1..=12 {
            let d = Date { y, m, d: 13 };
            if weekday(d) == Weekday::Fri { fridays13 += 1; first.get_or_insert(d); }
        }
    }
    println!("friday 13ths in 2020s: {} first {:?}", fridays13, first);
    println!("day 20000 = {:?}, day -1 = {:?}", civil_from_days(black_box(20000)), civil_from_days(black_box(-1)));
    0
}
