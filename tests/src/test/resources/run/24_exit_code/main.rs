#![no_std]
#![no_main]
// exit: 3
// A config validator: checks records, prints a report, and returns the number of invalid records as the exit status.

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

#[allow(dead_code)]
#[derive(Debug)]
enum Problem { EmptyName, PortRange(u32), Duplicate(&'static str) }

struct Service { name: &'static str, port: u32, replicas: u8 }

fn validate(all: &[Service], i: usize) -> Result<(), Problem> {
    let s = &all[i];
    if s.name.is_empty() { return Err(Problem::EmptyName); }
    if s.port == 0 || s.port > 65535 { return Err(Problem::PortRange(s.port)); }
    if all[..i].iter().any(|o| o.name == s.name) { return Err(Problem::Duplicate(s.name)); }
    Ok(())
}

#[unsafe(no_mangle)]
pub extern "C" fn main(argc: i32, argv: *const *const u8) -> i32 {
    println!("argc {}", argc);
    for i in 1..argc as usize {
        let arg = unsafe { core::ffi::CStr::from_ptr(*argv.add(i) as *const _) };
        println!("arg {} = {:?}", i, arg.to_str());
    }
    let services = black_box([
        Service { name: "web", port: 8080, replicas: 3 }, Service { name: "", port: 9000, replicas: 1 },
        Service { name: "db", port: 70000, replicas: 1 }, Service { name: "cache", port: 6379, replicas: 2 },
        Service { name: "web", port: 8081, replicas: 1 }, Service { name: "queue", port: 5672, replicas: 0 },
    ]);
    let mut bad = 0;
    let mut replicas = 0u32;
    for i in 0..services.len() {
        match validate(&services, i) {
            Ok(()) => { replicas += services[i].replicas as u32; println!("ok      {:<6} :{}", services[i].name, services[i].port); }
            Err(p) => { bad += 1; println!("invalid #{} {:?}", i, p); }
        }
    }
    println!("{} invalid, {} replicas in valid services", bad, replicas);
    bad
}
