#![no_std]
#![no_main]
// f64 linear algebra: Gaussian elimination with partial pivoting, determinant, inverse check, and formatted tables.

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

type M<const N: usize> = [[f64; N]; N];

fn abs(x: f64) -> f64 { if x < 0.0 { -x } else { x } }

fn mat_mul<const N: usize>(a: &M<N>, b: &M<N>) -> M<N> {
    let mut c = [[0.0; N]; N];
    for i in 0..N { for j in 0..N { for k in 0..N { c[i][j] += a[i][k] * b[k][j]; } } }
    c
}

fn solve<const N: usize>(mut a: M<N>, mut b: [f64; N]) -> Option<([f64; N], f64)> {
    let mut det = 1.0;
    for col in 0..N {
        let pivot = (col..N).max_by(|&x, &y| abs(a[x][col]).partial_cmp(&abs(a[y][col])).unwrap())?;
        if abs(a[pivot][col]) < 1e-12 { return None; }
        if pivot != col { a.swap(pivot, col); b.swap(pivot, col); det = -det; }
        det *= a[col][col];
        for row in col + 1..N {
            let f = a[row][col] / a[col][col];
            for k in col..N { a[row][k] -= f * a[col][k]; }
            b[row] -= f * b[col];
        }
    }
    let mut x = [0.0; N];
    for i in (0..N).rev() {
        let s: f64 = (i + 1..N).map(|k| a[i][k] * x[k]).sum();
        x[i] = (b[i] - s) / a[i][i];
    }
    Some((x, det))
}

fn inverse<const N: usize>(a: &M<N>) -> Option<M<N>> {
    let mut inv = [[0.0; N]; N];
    for j in 0..N {
        let mut e = [0.0; N];
        e[j] = 1.0;
        let (col, _) = solve(*a, e)?;
        for i in 0..N { inv[i][j] = col[i]; }
    }
    Some(inv)
}

fn print<const N: usize>(name: &str, m: &M<N>) {
    println!("{}:", name);
    for row in m {
        let mut o = Out::new();
        for v in row { let _ = write!(o, "{:>11.4}", if abs(*v) < 5e-13 { 0.0 } else { *v }); }
        let _ = writeln!(o);
        o.flush();
    }
}

#[unsafe(no_mangle)]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    let a: M<3> = black_box([[2.0, 1.0, -1.0], [-3.0, -1.0, 2.0], [-2.0, 1.0, 2.0]]);
    let b = black_box([8.0, -11.0, -3.0]);
    match solve(a, b) { Some((x, det)) => println!("x = {:?} det = {}", x, det), None => println!("singular") }
    let hilbert: M<4> = core::array::from_fn(|i| core::array::from_fn(|j| 1.0 / (i + j + 1) as f64));
    print("hilbert", &hilbert);
    let inv = inverse(&hilbert).unwrap();
    print("inverse", &inv);
    print("product", &mat_mul(&hilbert, &inv));
    println!("det(hilbert) {:e}", solve(hilbert, [0.0; 4]).unwrap().1);
    let singular: M<2> = black_box([[1.0, 2.0], [2.0, 4.0]]);
    println!("singular solve {:?}", solve(singular, [1.0, 2.0]));
    let rot = |t: f64| -> M<2> { let (c, s) = (1.0 - t * t / 2.0 + t * t * t * t / 24.0, t - t * t * t / 6.0); [[c, -s], [s, c]] };
    let r = mat_mul(&rot(black_box(0.1)), &rot(0.2));
    println!("rotation compose {:.6} {:.6} {:.6} {:.6}", r[0][0], r[0][1], r[1][0], r[1][1]);
    0
}
