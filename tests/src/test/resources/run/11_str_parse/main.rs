#![no_std]
#![no_main]
// &str methods (split, trim, find, chars, char_indices, bytes, starts_with) and parse::<i32/u64/f64> with its errors.

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

fn parse_kv(line: &str) -> Result<(&str, i32), &'static str> {
    let (k, v) = line.split_once('=').ok_or("missing '='")?;
    let k = k.trim();
    if k.is_empty() { return Err("empty key"); }
    let v = v.trim().parse::<i32>().map_err(|_| "bad number")?;
    Ok((k, v))
}

#[unsafe(no_mangle)]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    let text: &str = black_box("  alpha=1, beta = -20 ,gamma=x, =4, delta  ");
    for part in text.split(',') {
        println!("{:?} -> {:?}", part, parse_kv(part));
    }
    let s = black_box("Grüße, Jürgen! ½ + ¼ = ¾");
    println!("len {} chars {} upper-ascii {}", s.len(), s.chars().count(), s.bytes().filter(|b| b.is_ascii_uppercase()).count());
    for (i, c) in s.char_indices().filter(|(_, c)| !c.is_ascii()) { println!("  non-ascii {:?} at {} ({} bytes)", c, i, c.len_utf8()); }
    println!("find ! {:?} find xyz {:?} rfind ' ' {:?}", s.find('!'), s.find("xyz"), s.rfind(' '));
    println!("starts {} ends {} contains {}", s.starts_with("Grü"), s.ends_with('¾'), s.contains("Jür"));
    let words: [&str; 4] = black_box(["  padded\t", "\nnewline", "none", "   "]);
    for w in words { println!("[{}] [{}] [{}]", w.trim(), w.trim_start(), w.trim_end()); }
    for n in black_box(["42", "-17", "+8", "2147483648", "abc", "", "  5", "-0"]) {
        match n.parse::<i32>() {
            Ok(v) => println!("i32 {:?} = {}", n, v),
            Err(e) => println!("i32 {:?} error {:?} ({})", n, e.kind(), e),
        }
    }
    for n in black_box(["18446744073709551615", "18446744073709551616", "-1", "007"]) {
        println!("u64 {:?} -> {:?}", n, n.parse::<u64>());
    }
    for n in black_box(["3.25", "-0.5e3", "1e400", "inf", "NaN", "1.2.3", ".5", "6."]) {
        match n.parse::<f64>() {
            Ok(v) => println!("f64 {:?} = {:?}", n, v),
            Err(e) => println!("f64 {:?} error {}", n, e),
        }
    }
    let csv = black_box("id;name;score\n1;ann;93\n2;bob;71\n3;cy;88\n");
    let mut total = 0u32;
    for (i, line) in csv.lines().enumerate().skip(1) {
        let mut f = line.split(';');
        let (id, name, score) = (f.next().unwrap(), f.next().unwrap(), f.next().unwrap().parse::<u32>().unwrap());
        total += score;
        println!("row {} id={} name={:<4}| score={:>3}", i, id, name, score);
    }
    println!("total {}", total);
    let sentence = black_box("the quick brown fox jumps over the lazy dog");
    let caps: u32 = sentence.split_whitespace().map(|w| w.as_bytes()[0] as u32).sum();
    println!("words {} first-letter sum {} replace-free {:?}", sentence.split_whitespace().count(), caps, sentence.split_at(9));
    println!("rsplitn {:?} matches {} strip {:?}", sentence.rsplitn(2, ' ').next(), sentence.matches("the").count(), sentence.strip_prefix("the "));
    println!("char parse {:?} {:?} digit {:?}", "x".parse::<char>(), "xy".parse::<char>().is_err(), '7'.to_digit(10));
    println!("bool parse {:?} {:?}", "true".parse::<bool>(), "yes".parse::<bool>().is_err());
    0
}
