#![no_std]
#![no_main]
// #[repr(C)] structs passed to and returned from extern "C" fns defined in Rust, called through fn pointers; u128 fields.

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

#[repr(C)]
#[derive(Debug, Clone, Copy)]
struct Vec3 { x: f32, y: f32, z: f32 }

#[repr(C)]
#[derive(Debug, Clone, Copy)]
struct Header { tag: u8, flags: u16, len: u32, id: u64 }

#[repr(C)]
#[derive(Debug, Clone, Copy)]
struct Wide { lo: u64, big: u128, sign: i8 }

#[repr(C)]
#[derive(Debug, Clone, Copy)]
struct Pair { a: i32, b: i32 }

extern "C" fn add3(a: Vec3, b: Vec3) -> Vec3 { Vec3 { x: a.x + b.x, y: a.y + b.y, z: a.z + b.z } }
extern "C" fn cross(a: Vec3, b: Vec3) -> Vec3 { Vec3 { x: a.y * b.z - a.z * b.y, y: a.z * b.x - a.x * b.z, z: a.x * b.y - a.y * b.x } }
extern "C" fn bump(h: Header, by: u32) -> Header { Header { len: h.len + by, flags: h.flags | 1, ..h } }
extern "C" fn widen(w: Wide, k: u128) -> Wide { Wide { lo: w.lo ^ 0xff, big: w.big.wrapping_mul(k), sign: -w.sign } }
extern "C" fn swap_pair(p: Pair) -> Pair { Pair { a: p.b, b: p.a } }
extern "C" fn sum_pairs(ps: *const Pair, n: usize) -> i64 {
    let s = unsafe { core::slice::from_raw_parts(ps, n) };
    s.iter().map(|p| p.a as i64 * p.b as i64).sum()
}
extern "C" fn fill_header(out: *mut Header, id: u64) { unsafe { *out = Header { tag: 7, flags: 0x8000, len: 64, id } } }
extern "C" fn mix(a: u8, b: i16, c: u32, d: i64, e: f64, f: u128, g: f32, h: u8) -> f64 {
    a as f64 + b as f64 * 2.0 + c as f64 * 3.0 + d as f64 * 4.0 + e * 5.0 + (f % 1000) as f64 * 6.0 + g as f64 * 7.0 + h as f64 * 8.0
}

type VecOp = extern "C" fn(Vec3, Vec3) -> Vec3;

#[unsafe(no_mangle)]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    let ops: [(&str, VecOp); 2] = black_box([("add", add3), ("cross", cross)]);
    let a = black_box(Vec3 { x: 1.0, y: 2.0, z: 3.0 });
    let b = Vec3 { x: -4.5, y: 0.25, z: 8.0 };
    for (name, op) in ops { println!("{} {:?}", name, op(a, b)); }
    let bump_fn: extern "C" fn(Header, u32) -> Header = black_box(bump);
    let h = bump_fn(Header { tag: 2, flags: 0x10, len: 100, id: 0xfeed_face_cafe }, black_box(28));
    println!("{:?} size {} align {}", h, core::mem::size_of::<Header>(), core::mem::align_of::<Header>());
    let widen_fn: extern "C" fn(Wide, u128) -> Wide = black_box(widen);
    let w = widen_fn(Wide { lo: 0x1234, big: (1u128 << 100) + 12345, sign: 5 }, black_box(3));
    println!("{:?} big {:#x}", w, w.big);
    println!("wide size {} offsets lo {} big {} sign {}", core::mem::size_of::<Wide>(), core::mem::offset_of!(Wide, lo),
        core::mem::offset_of!(Wide, big), core::mem::offset_of!(Wide, sign));
    let sp: extern "C" fn(Pair) -> Pair = black_box(swap_pair);
    println!("{:?}", sp(Pair { a: 1, b: -2 }));
    let pairs = black_box([Pair { a: 3, b: 4 }, Pair { a: -5, b: 6 }, Pair { a: 70000, b: 80000 }]);
    let sum_fn: extern "C" fn(*const Pair, usize) -> i64 = black_box(sum_pairs);
    println!("sum of products {}", sum_fn(pairs.as_ptr(), pairs.len()));
    let mut out = Header { tag: 0, flags: 0, len: 0, id: 0 };
    let fill: extern "C" fn(*mut Header, u64) = black_box(fill_header);
    fill(&mut out, 99);
    println!("filled {:?}", out);
    let mix_fn: extern "C" fn(u8, i16, u32, i64, f64, u128, f32, u8) -> f64 = black_box(mix);
    println!("mix {}", mix_fn(1, -2, 3, -4, 0.5, u128::MAX, 1.5, 200));
    0
}
