#![no_std]
#![no_main]
// Trait objects without alloc: &dyn / &mut dyn with supertraits, default methods, a static table.

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

trait Named {
    fn name(&self) -> &'static str;
}

trait Device: Named {
    fn read(&mut self) -> u32;
    fn reset(&mut self) {}
    fn report(&mut self) -> bool {
        out(self.name());
        out(if self.read() > 100 { ": high\n" } else { ": low\n" });
        true
    }
}

struct Counter {
    n: u32,
}
struct Sensor {
    samples: [u32; 4],
    i: usize,
}

impl Named for Counter {
    fn name(&self) -> &'static str {
        "counter"
    }
}
impl Device for Counter {
    fn read(&mut self) -> u32 {
        self.n += 60;
        self.n
    }
    fn reset(&mut self) {
        self.n = 0;
    }
}
impl Named for Sensor {
    fn name(&self) -> &'static str {
        "sensor"
    }
}
impl Device for Sensor {
    fn read(&mut self) -> u32 {
        let v = self.samples[self.i % self.samples.len()];
        self.i += 1;
        v
    }
}

struct Fixed;
impl Named for Fixed {
    fn name(&self) -> &'static str {
        "fixed"
    }
}

static NAMES: [&(dyn Named + Sync); 2] = [&Fixed, &Fixed];

fn poll_all(devs: &mut [&mut dyn Device]) -> u32 {
    let mut sum = 0;
    for d in devs.iter_mut() {
        sum += d.read();
        d.report();
    }
    sum
}

#[unsafe(no_mangle)]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    let mut c = Counter { n: 0 };
    let mut s = Sensor { samples: [10, 200, 30, 400], i: 0 };
    let total = poll_all(&mut [&mut c, &mut s]);
    c.reset();
    let dev: &mut dyn Device = &mut c;
    let named: &dyn Named = dev;
    out(named.name());
    out("\n");
    for n in NAMES.iter() {
        out(n.name());
    }
    out("\n");
    (total % 256) as i32
}
