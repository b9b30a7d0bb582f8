#![no_std]
#![no_main]
// Text statistics: word frequencies in a fixed open-addressing table, letter histogram, sentence and line metrics, top-k.

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

const TEXT: &str = "It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness. It was the spring of hope,
it was the winter of despair. We had everything before us, we had nothing before us!";

struct Freq<'a> { keys: [&'a str; 64], counts: [u32; 64], used: usize }

impl<'a> Freq<'a> {
    fn new() -> Self { Freq { keys: [""; 64], counts: [0; 64], used: 0 } }
    fn hash(w: &str) -> usize { w.bytes().fold(0xcbf29ce484222325u64, |h, b| (h ^ b.to_ascii_lowercase() as u64).wrapping_mul(0x100000001b3)) as usize }
    fn add(&mut self, w: &'a str) {
        let mut i = Self::hash(w) % 64;
        loop {
            if self.counts[i] == 0 { self.keys[i] = w; self.counts[i] = 1; self.used += 1; return; }
            if self.keys[i].eq_ignore_ascii_case(w) { self.counts[i] += 1; return; }
            i = (i + 1) % 64;
        }
    }
    fn top(&self, k: usize, o: &mut Out) {
        let mut idx: [usize; 64] = core::array::from_fn(|i| i);
        idx.sort_unstable_by(|&a, &b| self.counts[b].cmp(&self.counts[a]).then_with(|| self.keys[a].cmp(self.keys[b])));
        for &i in idx.iter().take(k) { let _ = write!(o, "{}={} ", self.keys[i], self.counts[i]); }
    }
}

#[unsafe(no_mangle)]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    let text = black_box(TEXT);
    let mut freq = Freq::new();
    let mut letters = [0u32; 26];
    let (mut words, mut longest) = (0, "");
    for w in text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()) {
        freq.add(w);
        words += 1;
        if w.len() > longest.len() { longest = w; }
        for b in w.bytes() { letters[(b.to_ascii_lowercase() - b'a') as usize] += 1; }
    }
    println!("words {} distinct {} longest {:?}", words, freq.used, longest);
    let mut o = Out::new();
    let _ = write!(o, "top: ");
    freq.top(8, &mut o);
    let _ = writeln!(o);
    o.flush();
    let mut o = Out::new();
    for (i, n) in letters.iter().enumerate().filter(|(_, n)| **n >= 10) { let _ = write!(o, "{}:{} ", (b'a' + i as u8) as char, n); }
    let _ = writeln!(o);
    o.flush();
    let max = *letters.iter().max().unwrap();
    for (i, &n) in letters.iter().enumerate().filter(|(_, n)| **n * 3 >= max) {
        let bar = [b'#'; 40];
        let width = (n * 40 / max) as usize;
        println!("{} {:>3} {}", (b'a' + i as u8) as char, n, core::str::from_utf8(&bar[..width]).unwrap());
    }
    let sentences = text.split_terminator(|c| c == '.' || c == '!').filter(|s| !s.trim().is_empty()).count();
    let lines = text.lines().map(|l| (l.len(), l.split(',').count())).fold((0, 0, 0), |(n, chars, clauses), (c, k)| (n + 1, chars + c, clauses + k));
    println!("sentences {} lines {} chars {} clauses {}", sentences, lines.0, lines.1, lines.2);
    let caps: u32 = text.split_whitespace().filter(|w| w.starts_with(|c: char| c.is_ascii_uppercase())).map(|_| 1).sum();
    let vowels = text.chars().filter(|c| "aeiouAEIOU".contains(*c)).count();
    println!("capitalized {} vowels {} ratio {:.3}", caps, vowels, vowels as f64 / text.len() as f64);
    0
}
