#![no_std]
#![no_main]
// exit: 101
// A symbol table lookup: names resolve until one is missing, and `unwrap()` on that None panics.

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

#[derive(Clone, Copy, Debug)]
struct Symbol { name: &'static str, addr: u32, size: u16 }

struct Table { syms: [Option<Symbol>; 8] }

impl Table {
    fn insert(&mut self, s: Symbol) -> bool {
        let h = s.name.bytes().fold(5381u32, |h, b| h.wrapping_mul(33) ^ b as u32) as usize % 8;
        for probe in 0..8 {
            let slot = &mut self.syms[(h + probe) % 8];
            if slot.is_none() { *slot = Some(s); return true; }
        }
        false
    }
    fn get(&self, name: &str) -> Option<&Symbol> { self.syms.iter().flatten().find(|s| s.name == name) }
}

fn resolve(t: &Table, names: &[&str]) -> u32 {
    let mut total = 0;
    for n in names {
        let s = t.get(n).unwrap();
        println!("resolved {} -> {:#x} (+{})", n, s.addr, s.size);
        total += s.addr + s.size as u32;
    }
    total
}

#[unsafe(no_mangle)]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    let mut t = Table { syms: [None; 8] };
    for (i, name) in black_box(["main", "init", "read", "write", "close"]).iter().enumerate() {
        let ok = t.insert(Symbol { name, addr: 0x1000 + 0x40 * i as u32, size: 16 * (i as u16 + 1) });
        println!("insert {} {}", name, ok);
    }
    println!("occupied {}", t.syms.iter().filter(|s| s.is_some()).count());
    println!("sum {:#x}", resolve(&t, &["init", "close"]));
    let missing = resolve(&t, &black_box(["read", "open", "write"]));
    println!("unreachable {}", missing);
    0
}
