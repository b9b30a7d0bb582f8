#![no_std]
#![no_main]
// A const-generic ring buffer and generic statistics over it, using only core.
use core::ops::Add;

extern "C" {
    fn write(fd: i32, buf: *const u8, n: usize) -> isize;
}

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}

struct Ring<T, const N: usize> {
    items: [T; N],
    start: usize,
    len: usize,
}

impl<T: Copy + Default, const N: usize> Ring<T, N> {
    fn new() -> Self {
        Ring { items: [T::default(); N], start: 0, len: 0 }
    }
    fn push(&mut self, x: T) -> Option<T> {
        let idx = (self.start + self.len) % N;
        if self.len == N {
            let old = self.items[self.start];
            self.items[self.start] = x;
            self.start = (self.start + 1) % N;
            Some(old)
        } else {
            self.items[idx] = x;
            self.len += 1;
            None
        }
    }
    fn pop(&mut self) -> Option<T> {
        if self.len == 0 {
            return None;
        }
        let x = self.items[self.start];
        self.start = (self.start + 1) % N;
        self.len -= 1;
        Some(x)
    }
    fn iter(&self) -> impl Iterator<Item = T> + '_ {
        (0..self.len).map(move |i| self.items[(self.start + i) % N])
    }
}

fn total<T: Copy + Default + Add<Output = T>, const N: usize>(r: &Ring<T, N>) -> T {
    r.iter().fold(T::default(), |a, b| a + b)
}

fn emit(n: i64) {
    let mut buf = [0u8; 24];
    let mut i = buf.len() - 1;
    buf[i] = b'\n';
    let neg = n < 0;
    let mut v = n.unsigned_abs();
    loop {
        i -= 1;
        buf[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    if neg {
        i -= 1;
        buf[i] = b'-';
    }
    unsafe {
        write(1, buf[i..].as_ptr(), buf.len() - i);
    }
}

#[unsafe(no_mangle)]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    let mut r: Ring<i32, 4> = Ring::new();
    for x in 1..=6 {
        if let Some(evicted) = r.push(x * 10) {
            emit(evicted as i64);
        }
    }
    emit(total(&r) as i64);
    emit(r.pop().unwrap_or(-1) as i64);
    let mut bytes: Ring<u8, 3> = Ring::new();
    bytes.push(200);
    bytes.push(50);
    emit(bytes.iter().map(|b| b as i64).sum());
    let mut fl: Ring<f32, 2> = Ring::new();
    fl.push(1.5);
    emit((total(&fl) * 2.0) as i64);
    emit(r.iter().filter(|x| x % 20 == 0).count() as i64);
    0
}
