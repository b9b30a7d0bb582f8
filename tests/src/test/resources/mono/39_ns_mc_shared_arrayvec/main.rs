#![no_std]
#![no_main]
// deps: lib_a, lib_b
// Uses the shared ArrayVec with its own element types and through lib_b's EventLog.
use lib_a::{max_of, ArrayVec, Sorted};
use lib_b::EventLog;

extern "C" {
    fn write(fd: i32, buf: *const u8, n: usize) -> isize;
}

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}

fn num(v: u32) {
    let mut b = [0u8; 11];
    let mut i = 10;
    b[10] = b'\n';
    let mut n = v;
    loop {
        i -= 1;
        b[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    unsafe {
        write(1, b[i..].as_ptr(), 11 - i);
    }
}

#[unsafe(no_mangle)]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    let mut log = EventLog::new();
    for code in [404u16, 200, 500, 301, 200, 503, 418, 200, 201, 302] {
        log.record(code);
    }
    log.clear_below(300);
    let (n, dropped) = log.summary();
    num(n as u32);
    num(dropped);
    num(log.worst().unwrap_or(0) as u32);

    let mut temps: ArrayVec<i8, 4> = ArrayVec::new();
    for t in [-3i8, 12, 7] {
        let _ = temps.push(t);
    }
    num(max_of(&temps).map_or(0, |t| t as u32));
    let mut pts: ArrayVec<(u8, u8), 2> = ArrayVec::new();
    let _ = pts.push((1, 2));
    let _ = pts.push((3, 4));
    let rejected = pts.push((5, 6)).is_err();
    num(pts.iter().map(|p| (p.0 * p.1) as u32).sum::<u32>() + rejected as u32);
    let s = Sorted(temps);
    num(s.len() as u32);
    num(pts.pop().map_or(0, |p| p.0 as u32));
    0
}
