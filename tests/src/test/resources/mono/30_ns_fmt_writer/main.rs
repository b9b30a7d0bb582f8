#![no_std]
#![no_main]
// core::fmt without alloc: a fixed-buffer fmt::Write sink, Display/Debug impls and write! macros.
use core::fmt::{self, Write};

extern "C" {
    fn write(fd: i32, buf: *const u8, n: usize) -> isize;
}

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}

struct Buf<const N: usize> {
    data: [u8; N],
    len: usize,
}

impl<const N: usize> Buf<N> {
    const fn new() -> Self {
        Buf { data: [0; N], len: 0 }
    }
    fn flush(&mut self) {
        unsafe {
            write(1, self.data.as_ptr(), self.len);
        }
        self.len = 0;
    }
}

impl<const N: usize> Write for Buf<N> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let bytes = s.as_bytes();
        if self.len + bytes.len() > N {
            return Err(fmt::Error);
        }
        self.data[self.len..self.len + bytes.len()].copy_from_slice(bytes);
        self.len += bytes.len();
        Ok(())
    }
}

#[derive(Debug, Clone, Copy)]
struct Temp {
    celsius: i16,
}

impl fmt::Display for Temp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let fahr = self.celsius as i32 * 9 / 5 + 32;
        write!(f, "{}C/{}F", self.celsius, fahr)
    }
}

#[derive(Debug)]
enum Reading {
    Ok(Temp),
    Missing { sensor: u8 },
}

#[unsafe(no_mangle)]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    let mut out: Buf<256> = Buf::new();
    let readings = [Reading::Ok(Temp { celsius: 21 }), Reading::Missing { sensor: 3 }, Reading::Ok(Temp { celsius: -5 })];
    for (i, r) in readings.iter().enumerate() {
        let _ = match r {
            Reading::Ok(t) => writeln!(out, "#{i}: {t} ({:?})", t),
            other => writeln!(out, "#{i}: {:?}", other),
        };
    }
    let _ = writeln!(out, "{:>6}|{:<4}|{:#x}|{:.3}", "right", 7u8, 255u32, 2.0f32 / 3.0);
    out.flush();
    let mut small: Buf<4> = Buf::new();
    let failed = write!(small, "{}", 123456).is_err();
    let _ = writeln!(out, "overflow detected: {failed}");
    out.flush();
    0
}
