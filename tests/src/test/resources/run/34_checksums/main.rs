#![no_std]
#![no_main]
// Checksums and hashes over byte strings: CRC-32 (table built in a const fn), Adler-32, FNV-1a 64, SipHash-like mixing, Luhn.

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

const fn crc_table() -> [u32; 256] {
    let mut t = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 { c = if c & 1 != 0 { 0xEDB88320 ^ (c >> 1) } else { c >> 1 }; k += 1; }
        t[i] = c;
        i += 1;
    }
    t
}
static CRC: [u32; 256] = crc_table();

fn crc32(data: &[u8]) -> u32 { !data.iter().fold(!0u32, |c, &b| CRC[((c ^ b as u32) & 0xff) as usize] ^ (c >> 8)) }

fn adler32(data: &[u8]) -> u32 {
    let (mut a, mut b) = (1u32, 0u32);
    for &x in data { a = (a + x as u32) % 65521; b = (b + a) % 65521; }
    b << 16 | a
}

fn fnv1a(data: &[u8]) -> u64 { data.iter().fold(0xcbf29ce484222325, |h, &b| (h ^ b as u64).wrapping_mul(0x100000001b3)) }

fn mix(data: &[u8], key: u64) -> u64 {
    let mut v = [key ^ 0x736f6d6570736575, key ^ 0x646f72616e646f6d, key ^ 0x6c7967656e657261, key ^ 0x7465646279746573];
    for chunk in data.chunks(8) {
        let mut w = [0u8; 8];
        w[..chunk.len()].copy_from_slice(chunk);
        let m = u64::from_le_bytes(w);
        v[3] ^= m;
        for _ in 0..2 {
            v[0] = v[0].wrapping_add(v[1]); v[1] = v[1].rotate_left(13) ^ v[0]; v[0] = v[0].rotate_left(32);
            v[2] = v[2].wrapping_add(v[3]); v[3] = v[3].rotate_left(16) ^ v[2];
            v[0] = v[0].wrapping_add(v[3]); v[3] = v[3].rotate_left(21) ^ v[0];
            v[2] = v[2].wrapping_add(v[1]); v[1] = v[1].rotate_left(17) ^ v[2]; v[2] = v[2].rotate_left(32);
        }
        v[0] ^= m;
    }
    v[0] ^ v[1] ^ v[2] ^ v[3] ^ data.len() as u64
}

fn luhn(digits: &str) -> bool {
    let sum: u32 = digits.bytes().rev().filter(u8::is_ascii_digit).enumerate()
        .map(|(i, b)| { let d = (b - b'0') as u32; if i % 2 == 1 { let x = d * 2; if x > 9 { x - 9 } else { x } } else { d } }).sum();
    sum % 10 == 0
}

#[unsafe(no_mangle)]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    let inputs: [&[u8]; 5] = black_box([b"", b"a", b"123456789", b"The quick brown fox jumps over the lazy dog", &[0xffu8; 100]]);
    for d in inputs {
        println!("len {:3}: crc32 {:08x} adler32 {:08x} fnv1a {:016x} mix {:016x}", d.len(), crc32(d), adler32(d), fnv1a(d), mix(d, 42));
    }
    println!("table[1] {:#010x} table[255] {:#010x}", CRC[1], CRC[255]);
    let mut buf = [0u8; 256];
    for (i, b) in buf.iter_mut().enumerate() { *b = (i * 7 + 3) as u8; }
    let c1 = crc32(&buf);
    buf[black_box(100)] ^= 1;
    println!("single bit flip changes crc {} -> {:08x} {:08x}", c1 != crc32(&buf), c1, crc32(&buf));
    for card in black_box(["4539 1488 0343 6467", "8273 1232 7352 0569", "79927398713", "0"]) { println!("luhn {:?} {}", card, luhn(card)); }
    let mut distinct = [0u64; 16];
    for (i, slot) in distinct.iter_mut().enumerate() { *slot = fnv1a(&(i as u32).to_le_bytes()) >> 60; }
    println!("fnv top nibbles {:?}", distinct);
    0
}
