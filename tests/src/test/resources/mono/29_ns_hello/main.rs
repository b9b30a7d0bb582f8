#![no_std]
#![no_main]
// Minimal freestanding program: byte strings, a loop, integer-to-decimal conversion.

extern "C" {
    fn write(fd: i32, buf: *const u8, n: usize) -> isize;
}

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}

fn out(bytes: &[u8]) {
    unsafe {
        write(1, bytes.as_ptr(), bytes.len());
    }
}

fn itoa(mut n: u64, buf: &mut [u8; 20]) -> &[u8] {
    let mut i = buf.len();
    if n == 0 {
        i -= 1;
        buf[i] = b'0';
    }
    while n > 0 {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
    }
    &buf[i..]
}

#[unsafe(no_mangle)]
pub extern "C" fn main(argc: i32, _argv: *const *const u8) -> i32 {
    out(b"hello from no_std\n");
    let mut buf = [0u8; 20];
    let mut total = 0u64;
    for i in 1..=10u64 {
        total += i * i;
    }
    out(b"sum of squares: ");
    out(itoa(total, &mut buf));
    out(b"\nargc: ");
    out(itoa(argc as u64, &mut buf));
    out(b"\n");
    0
}
