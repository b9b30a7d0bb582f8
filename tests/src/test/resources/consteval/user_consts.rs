// Const items, assoc consts and inline consts of a user crate: every `pub fn p_*` returns a
// constant that rustc folds at -Zmir-opt-level=2, and the oracle test evaluates it with mirlink.
#![allow(dead_code, clippy::all)]
#![feature(sized_type_properties, const_trait_impl, const_cmp)]

use core::mem::SizedTypeProperties;
use std::alloc::Layout;

pub trait Shape {
    const SIDES: usize;
    const NAME: &'static str;
    const DOUBLED: usize = Self::SIDES * 2;
    const AREA_SCALE: u64 = 1;
}

pub struct Tri;
pub struct Quad;
pub struct Poly<const N: usize>;
pub struct Wrap<T>(T);

impl Shape for Tri {
    const SIDES: usize = 3;
    const NAME: &'static str = "triangle";
}
impl Shape for Quad {
    const SIDES: usize = 4;
    const NAME: &'static str = "quad";
    const DOUBLED: usize = 100;
    const AREA_SCALE: u64 = fact(10);
}
impl<const N: usize> Shape for Poly<N> {
    const SIDES: usize = N;
    const NAME: &'static str = "poly";
    const AREA_SCALE: u64 = (N as u64).pow(3) + 1;
}
impl<T: Shape> Shape for Wrap<T> {
    const SIDES: usize = T::SIDES + core::mem::size_of::<T>() + 1;
    const NAME: &'static str = T::NAME;
    const AREA_SCALE: u64 = T::AREA_SCALE * 3;
}

pub trait Bits {
    const BITS_USED: u32;
    const MASK: u64 = if Self::BITS_USED >= 64 { u64::MAX } else { (1u64 << Self::BITS_USED) - 1 };
}
impl Bits for u8 { const BITS_USED: u32 = 8; }
impl Bits for u16 { const BITS_USED: u32 = u16::BITS; }
impl Bits for u64 { const BITS_USED: u32 = 64; }
impl<T: Bits, U: Bits> Bits for (T, U) { const BITS_USED: u32 = T::BITS_USED + U::BITS_USED; }
impl<T: Bits, const N: usize> Bits for [T; N] { const BITS_USED: u32 = T::BITS_USED * N as u32; }

pub const fn fact(n: u64) -> u64 {
    let mut r = 1;
    let mut i = 2;
    while i <= n {
        r *= i;
        i += 1;
    }
    r
}

pub const fn fib(n: u32) -> u64 {
    let (mut a, mut b) = (0u64, 1u64);
    let mut i = 0;
    while i < n {
        let t = a.wrapping_add(b);
        a = b;
        b = t;
        i += 1;
    }
    a
}

pub const fn gcd(mut a: u64, mut b: u64) -> u64 {
    while b != 0 {
        let t = a % b;
        a = b;
        b = t;
    }
    a
}

pub const fn isqrt(n: u64) -> u64 {
    if n < 2 { return n; }
    let mut lo = 1u64;
    let mut hi = n;
    while lo < hi {
        let mid = lo + (hi - lo + 1) / 2;
        if mid <= n / mid { lo = mid; } else { hi = mid - 1; }
    }
    lo
}

pub const fn sum_slice(xs: &[u32]) -> u32 {
    let mut s = 0;
    let mut i = 0;
    while i < xs.len() {
        s += xs[i];
        i += 1;
    }
    s
}

pub const fn count_vowels(s: &str) -> usize {
    let b = s.as_bytes();
    let mut n = 0;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'a' | b'e' | b'i' | b'o' | b'u' => n += 1,
            _ => {}
        }
        i += 1;
    }
    n
}

#[derive(Clone, Copy)]
pub enum Op { Add, Sub, Mul(u8), Shift { by: u32, left: bool } }

pub const fn apply(op: Op, x: i64) -> i64 {
    match op {
        Op::Add => x + 1,
        Op::Sub => x - 1,
        Op::Mul(k) => x * k as i64,
        Op::Shift { by, left: true } => x << by,
        Op::Shift { by, left: false } => x >> by,
    }
}

pub const OPS: [Op; 5] = [Op::Add, Op::Mul(7), Op::Shift { by: 3, left: true }, Op::Sub, Op::Shift { by: 1, left: false }];

pub const fn run_ops(x: i64) -> i64 {
    let mut v = x;
    let mut i = 0;
    while i < OPS.len() {
        v = apply(OPS[i], v);
        i += 1;
    }
    v
}

#[repr(u8)]
#[derive(Clone, Copy)]
pub enum Color { Red = 1, Green = 4, Blue = 200 }
#[repr(i16)]
#[derive(Clone, Copy)]
pub enum Signed { Neg = -300, Zero = 0, Pos = 300 }

pub struct Point { pub x: i32, pub y: i32 }
pub const ORIGIN: Point = Point { x: -5, y: 7 };
pub const FIB_50: u64 = fib(50);
pub const PRIMES: [u16; 8] = [2, 3, 5, 7, 11, 13, 17, 19];
pub const GREETING: &str = "héllo wörld";
pub const TABLE: [[u8; 3]; 2] = [[1, 2, 3], [4, 5, 6]];
pub const MAYBE: Option<&'static str> = Some("x");
pub const NOTHING: Option<u32> = None;
pub const NESTED: Option<Option<bool>> = Some(None);
pub const RESULT: Result<u16, i8> = Err(-3);
pub const TUPLE: (u8, u64, bool, char) = (9, 1 << 40, true, 'λ');
pub static COUNTER_INIT: u32 = 41;

pub fn p_sides_tri() -> usize { <Tri as Shape>::SIDES }
pub fn p_doubled_tri() -> usize { <Tri as Shape>::DOUBLED }
pub fn p_doubled_quad() -> usize { <Quad as Shape>::DOUBLED }
pub fn p_area_quad() -> u64 { <Quad as Shape>::AREA_SCALE }
pub fn p_area_tri() -> u64 { <Tri as Shape>::AREA_SCALE }
pub fn p_poly_sides() -> usize { <Poly<17> as Shape>::SIDES }
pub fn p_poly_doubled() -> usize { <Poly<17> as Shape>::DOUBLED }
pub fn p_poly_area() -> u64 { <Poly<9> as Shape>::AREA_SCALE }
pub fn p_wrap_sides() -> usize { <Wrap<Wrap<Poly<4>>> as Shape>::SIDES }
pub fn p_wrap_area() -> u64 { <Wrap<Quad> as Shape>::AREA_SCALE }
pub fn p_wrap_name_len() -> usize { const { <Wrap<Tri> as Shape>::NAME.len() } }
pub fn p_mask_u8() -> u64 { <u8 as Bits>::MASK }
pub fn p_mask_u16() -> u64 { <u16 as Bits>::MASK }
pub fn p_mask_u64() -> u64 { <u64 as Bits>::MASK }
pub fn p_mask_pair() -> u64 { <(u8, u16) as Bits>::MASK }
pub fn p_mask_arr() -> u64 { <[u16; 3] as Bits>::MASK }
pub fn p_bits_nested() -> u32 { <([u8; 2], (u16, u8)) as Bits>::BITS_USED }
pub fn p_fib_50() -> u64 { FIB_50 }
pub fn p_fact_20() -> u64 { const { fact(20) } }
pub fn p_gcd() -> u64 { const { gcd(1071 * 17, 462 * 17) } }
pub fn p_isqrt() -> u64 { const { isqrt(1_000_000_007) } }
pub fn p_sum_primes() -> u32 { const { sum_slice(&[2, 3, 5, 7, 11, 13]) } }
pub fn p_vowels() -> usize { const { count_vowels("the quick brown fox jumps over the lazy dog") } }
pub fn p_run_ops() -> i64 { const { run_ops(-11) } }
pub fn p_color() -> u8 { const { Color::Blue as u8 } }
pub fn p_signed() -> i16 { const { Signed::Neg as i16 } }
pub fn p_signed_u() -> u32 { const { Signed::Neg as i16 as u16 as u32 } }
pub fn p_origin_x() -> i32 { const { ORIGIN.x * 3 + ORIGIN.y } }
pub fn p_primes_last() -> u16 { const { PRIMES[PRIMES.len() - 1] } }
pub fn p_greeting_len() -> usize { const { GREETING.len() } }
pub fn p_greeting_byte() -> u8 { const { GREETING.as_bytes()[2] } }
pub fn p_table() -> u8 { const { TABLE[1][2] * 10 + TABLE[0][1] } }
pub fn p_maybe() -> bool { const { MAYBE.is_some() } }
pub fn p_nothing() -> u32 { const { match NOTHING { Some(x) => x, None => 77 } } }
pub fn p_nested() -> u8 { const { match NESTED { Some(Some(true)) => 1, Some(Some(false)) => 2, Some(None) => 3, None => 4 } } }
pub fn p_result() -> i32 { const { match RESULT { Ok(v) => v as i32, Err(e) => e as i32 * 100 } } }
pub fn p_tuple_char() -> u32 { const { TUPLE.3 as u32 + TUPLE.0 as u32 } }
pub fn p_tuple_big() -> u64 { const { TUPLE.1 >> 3 } }
pub fn p_layout() -> Layout { <Point as SizedTypeProperties>::LAYOUT }
pub fn p_size_point() -> usize { <Point as SizedTypeProperties>::SIZE }
pub fn p_zst_tri() -> bool { <Tri as SizedTypeProperties>::IS_ZST }
pub fn p_size_op() -> usize { <Op as SizedTypeProperties>::SIZE }
pub fn p_size_opt_op() -> usize { <Option<Op> as SizedTypeProperties>::SIZE }
pub fn p_static_read() -> u32 { const { COUNTER_INIT + 1 } }
pub fn p_ordering() -> i8 { const { match 3u8.cmp(&9) { core::cmp::Ordering::Less => -1, core::cmp::Ordering::Equal => 0, core::cmp::Ordering::Greater => 1 } } }
pub fn p_array_repeat() -> u64 { const { let a = [7u64; 9]; a[3] + a.len() as u64 } }
pub fn p_slice_pattern() -> u32 { const { match PRIMES { [a, b, .., z] => a as u32 * 1000 + b as u32 * 100 + z as u32 } } }
pub fn p_while_let() -> u32 { const { let mut it = 10u32; let mut acc = 0; while let Some(n) = it.checked_sub(3) { acc += n; it = n; } acc } }
pub fn p_str_eq() -> bool { const { let a = b"abc"; let b = b"abd"; a[2] < b[2] } }
pub fn p_point() -> Point { ORIGIN }
pub fn p_primes() -> [u16; 8] { PRIMES }
pub fn p_tuple() -> (u8, u64, bool, char) { TUPLE }
pub fn p_color_v() -> Color { Color::Green }
pub fn p_result_v() -> Result<u16, i8> { RESULT }
pub fn p_nested_v() -> Option<Option<bool>> { NESTED }

// Pointer-valued assoc consts: rustc does not fold these in MIR, so the probes read through them
// in an inline const (relocations to memory, statics and vtables), and the `ptr_*` fns are
// checked for what their value points to.
pub trait Named {
    const NAME: &'static str;
    const TABLE: &'static [u16];
    const F: fn(u64) -> u64;
    const D: &'static dyn core::fmt::Debug;
    const S: &'static u32;
    const O: Option<&'static [u8; 2]>;
}
pub fn twice(n: u64) -> u64 { n * 2 }
impl Named for Tri {
    const NAME: &'static str = "tri";
    const TABLE: &'static [u16] = &[1, 2, 3];
    const F: fn(u64) -> u64 = fact;
    const D: &'static dyn core::fmt::Debug = &7u16;
    const S: &'static u32 = &COUNTER_INIT;
    const O: Option<&'static [u8; 2]> = Some(b"hi");
}
impl<T: Named> Named for Wrap<T> {
    const NAME: &'static str = T::NAME;
    const TABLE: &'static [u16] = &[T::TABLE[0], 9];
    const F: fn(u64) -> u64 = twice;
    const D: &'static dyn core::fmt::Debug = &(T::TABLE.len() as u8);
    const S: &'static u32 = T::S;
    const O: Option<&'static [u8; 2]> = T::O;
}
pub fn p_name_byte() -> u8 { const { <Wrap<Tri> as Named>::NAME.as_bytes()[1] } }
pub fn p_table_sum() -> u16 { const { let t = <Wrap<Tri> as Named>::TABLE; t[0] + t[1] * 10 + t.len() as u16 * 100 } }
pub fn p_static_deref() -> u32 { const { *<Wrap<Tri> as Named>::S + 1 } }
pub fn p_dyn_size() -> usize { const { core::mem::size_of_val(<Wrap<Tri> as Named>::D) } }
pub fn p_opt_arr() -> u8 { const { match <Wrap<Tri> as Named>::O { Some(a) => a[1], None => 0 } } }
pub fn ptr_name() -> &'static str { <Wrap<Tri> as Named>::NAME }
pub fn ptr_table() -> &'static [u16] { <Wrap<Tri> as Named>::TABLE }
pub fn ptr_f_wrap() -> fn(u64) -> u64 { <Wrap<Tri> as Named>::F }
pub fn ptr_f_tri() -> fn(u64) -> u64 { <Tri as Named>::F }
pub fn ptr_d() -> &'static dyn core::fmt::Debug { <Wrap<Tri> as Named>::D }
pub fn ptr_s() -> &'static u32 { <Wrap<Tri> as Named>::S }
pub fn ptr_o() -> Option<&'static [u8; 2]> { <Wrap<Tri> as Named>::O }

// Generic fns whose bodies use consts of their params: the probes call them at concrete types, so
// the interpreter reads the callee's unevaluated consts (inline const blocks, assoc consts,
// size_of) under the caller's args.
#[inline(always)]
pub fn doubled_size<T>() -> usize { const { core::mem::size_of::<T>() * 2 } }
#[inline(always)]
pub fn sides_plus<S: Shape, const K: usize>() -> usize { S::SIDES + K + const { K * 10 } }
#[inline(always)]
pub fn mask_of<B: Bits>() -> u64 { B::MASK ^ (<B as Bits>::BITS_USED as u64) }
#[inline(always)]
pub fn zst_or_align<T>() -> usize { if <T as SizedTypeProperties>::IS_ZST { 999 } else { <T as SizedTypeProperties>::ALIGN } }
#[inline(always)]
pub fn name_len<N: Named>() -> usize { N::NAME.len() + N::TABLE.len() }
#[inline(always)]
pub fn arr_len<T: Copy + Default, const N: usize>() -> usize { let a: [T; N] = [T::default(); N]; a.len() * const { N + 1 } }
pub fn p_gen_doubled() -> usize { doubled_size::<(u8, u64)>() }
pub fn p_gen_sides() -> usize { sides_plus::<Poly<5>, 7>() }
pub fn p_gen_mask() -> u64 { mask_of::<(u16, [u8; 3])>() }
pub fn p_gen_zst() -> usize { zst_or_align::<[u32; 0]>() + zst_or_align::<u128>() }
pub fn p_gen_name() -> usize { name_len::<Wrap<Tri>>() }
pub fn p_gen_arr() -> usize { arr_len::<u16, 6>() }

// Fn pointers to closures stored in consts: a closure-once shim (or the closure itself when it is
// FnOnce), evaluated by mirlink in the generic fn's inline const.
pub fn double_u8(x: u8) -> u8 { x.wrapping_mul(2) }
pub fn handlers<T>() -> [fn(u8) -> u8; 2] { const { [|x: u8| x.wrapping_add(core::mem::size_of::<T>() as u8), double_u8] } }
pub const HANDLERS: [fn(u8) -> u8; 2] = [|x| x ^ 1, double_u8];
pub fn ptr_handlers() -> [fn(u8) -> u8; 2] { handlers::<u32>() }
pub fn ptr_handlers_const() -> [fn(u8) -> u8; 2] { HANDLERS }
