#![no_std]
#![no_main]
// Const generics and traits in core: a fixed matrix type, operator impls, generic numeric trait.
use core::ops::{Add, Mul};

extern "C" {
    fn write(fd: i32, buf: *const u8, n: usize) -> isize;
}

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}

trait Num: Copy + Add<Output = Self> + Mul<Output = Self> + PartialOrd {
    const ZERO: Self;
    const ONE: Self;
    fn to_i64(self) -> i64;
}

impl Num for i32 {
    const ZERO: i32 = 0;
    const ONE: i32 = 1;
    fn to_i64(self) -> i64 {
        self as i64
    }
}

impl Num for u8 {
    const ZERO: u8 = 0;
    const ONE: u8 = 1;
    fn to_i64(self) -> i64 {
        self as i64
    }
}

#[derive(Clone, Copy)]
struct Mat<T, const N: usize>([[T; N]; N]);

impl<T: Num, const N: usize> Mat<T, N> {
    fn identity() -> Self {
        let mut m = [[T::ZERO; N]; N];
        for (i, row) in m.iter_mut().enumerate() {
            row[i] = T::ONE;
        }
        Mat(m)
    }
    fn trace(&self) -> T {
        (0..N).fold(T::ZERO, |acc, i| acc + self.0[i][i])
    }
    fn max(&self) -> T {
        let mut best = self.0[0][0];
        for row in &self.0 {
            for &x in row {
                if x > best {
                    best = x;
                }
            }
        }
        best
    }
}

impl<T: Num, const N: usize> Mul for Mat<T, N> {
    type Output = Self;
    fn mul(self, o: Self) -> Self {
        let mut r = [[T::ZERO; N]; N];
        for i in 0..N {
            for j in 0..N {
                for k in 0..N {
                    r[i][j] = r[i][j] + self.0[i][k] * o.0[k][j];
                }
            }
        }
        Mat(r)
    }
}

fn power<T: Num, const N: usize>(m: Mat<T, N>, e: u32) -> Mat<T, N> {
    if e == 0 { Mat::identity() } else { m * power(m, e - 1) }
}

fn show(v: i64) {
    let d = [b'0' + (v.rem_euclid(10)) as u8, b'\n'];
    unsafe {
        write(1, d.as_ptr(), 2);
    }
}

#[unsafe(no_mangle)]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    let fibm: Mat<i32, 2> = Mat([[1, 1], [1, 0]]);
    let f10 = power(fibm, 10);
    show(f10.0[0][1].to_i64());
    show(f10.trace().to_i64());
    let small: Mat<u8, 3> = Mat([[1, 0, 2], [0, 1, 0], [0, 0, 1]]);
    show(power(small, 3).max().to_i64());
    show(Mat::<u8, 4>::identity().trace().to_i64());
    0
}
