#![no_std]
#![no_main]
// dyn Trait with supertraits: trait objects in slices, calls through supertrait methods, upcasting, &mut dyn.

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

trait Named { fn name(&self) -> &str; }
trait Device: Named {
    fn read(&mut self) -> u32;
    fn reset(&mut self) { }
    fn label(&self, o: &mut Out) { let _ = write!(o, "<{}>", self.name()); }
}
trait Sensor: Device { fn unit(&self) -> &'static str; fn scale(&self) -> u32 { 1 } }

struct Counter { n: u32 }
struct Thermo { name: &'static str, temp: u32, step: u32 }
struct Noise { seed: u32 }

impl Named for Counter { fn name(&self) -> &str { "counter" } }
impl Device for Counter {
    fn read(&mut self) -> u32 { self.n += 1; self.n }
    fn reset(&mut self) { self.n = 0; }
}
impl Named for Thermo { fn name(&self) -> &str { self.name } }
impl Device for Thermo { fn read(&mut self) -> u32 { self.temp += self.step; self.temp } }
impl Sensor for Thermo { fn unit(&self) -> &'static str { "dC" } fn scale(&self) -> u32 { 10 } }
impl Named for Noise { fn name(&self) -> &str { "noise" } }
impl Device for Noise {
    fn read(&mut self) -> u32 { self.seed = self.seed.wrapping_mul(1103515245).wrapping_add(12345); self.seed >> 16 }
    fn label(&self, o: &mut Out) { let _ = write!(o, "[noise seed {}]", self.seed); }
}
impl Sensor for Noise { fn unit(&self) -> &'static str { "raw" } }

fn poll_all(devs: &mut [&mut dyn Device], rounds: u32) {
    for r in 0..rounds {
        let mut o = Out::new();
        let _ = write!(o, "round {}:", r);
        for d in devs.iter_mut() {
            let v = d.read();
            let _ = write!(o, " ");
            d.label(&mut o);
            let _ = write!(o, "={}", v);
        }
        let _ = writeln!(o);
        o.flush();
    }
}

fn describe(s: &dyn Sensor) -> (u32, &'static str, usize) { (s.scale(), s.unit(), s.name().len()) }

fn as_named(d: &dyn Device) -> &dyn Named { d }

#[unsafe(no_mangle)]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    let mut c = Counter { n: black_box(5) };
    let mut t = Thermo { name: "kitchen", temp: black_box(200), step: 3 };
    let mut n = Noise { seed: black_box(42) };
    poll_all(&mut [&mut c, &mut t, &mut n], 3);
    c.reset();
    t.reset();
    poll_all(&mut [&mut t, &mut c], 2);
    let sensors: [&dyn Sensor; 2] = [&t, &n];
    for s in sensors { println!("{} -> {:?}", s.name(), describe(s)); }
    let dev: &dyn Device = &c;
    println!("named via upcast: {}", as_named(dev).name());
    let named: &dyn Named = &t;
    println!("named directly: {}", named.name());
    0
}
