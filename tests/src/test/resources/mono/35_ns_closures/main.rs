#![no_std]
#![no_main]
// Closures in core-only code: Fn/FnMut/FnOnce bounds, impl Fn returns, &dyn Fn and fn pointers.

extern "C" {
    fn write(fd: i32, buf: *const u8, n: usize) -> isize;
}

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}

fn digit(d: u32) {
    let c = [b'0' + (d % 10) as u8, b' '];
    unsafe {
        write(1, c.as_ptr(), 2);
    }
}

fn twice<F: Fn(u32) -> u32>(f: F, x: u32) -> u32 {
    f(f(x))
}

fn for_each_n<F: FnMut(u32)>(n: u32, mut f: F) {
    for i in 0..n {
        f(i);
    }
}

fn finish<F: FnOnce() -> u32>(f: F) -> u32 {
    f()
}

fn adder(k: u32) -> impl Fn(u32) -> u32 + Copy {
    move |x| x + k
}

fn chain(a: impl Fn(u32) -> u32, b: impl Fn(u32) -> u32) -> impl Fn(u32) -> u32 {
    move |x| b(a(x))
}

fn apply_dyn(fs: &[&dyn Fn(u32) -> u32], x: u32) -> u32 {
    fs.iter().fold(x, |acc, f| f(acc))
}

fn triple(x: u32) -> u32 {
    x * 3
}

struct Token(u32);

#[unsafe(no_mangle)]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    let base = 2;
    digit(twice(|x| x * base, 1));
    digit(twice(adder(3), 0));
    let mut acc = 0;
    for_each_n(4, |i| acc += i);
    digit(acc);
    let tok = Token(7);
    digit(finish(move || tok.0));
    let c = chain(adder(1), triple);
    digit(c(1));
    let table: [fn(u32) -> u32; 2] = [triple, |x| x + 5];
    digit(table.iter().map(|f| f(1)).sum());
    let double = |x: u32| x * 2;
    digit(apply_dyn(&[&double, &adder(1), &triple], 1));
    let mut counter = {
        let mut n = 0;
        move || {
            n += 1;
            n
        }
    };
    counter();
    digit(counter());
    unsafe {
        write(1, b"\n".as_ptr(), 1);
    }
    0
}
