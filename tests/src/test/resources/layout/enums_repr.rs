// Enums with niches of every kind, repr variants, u128/i128, char, NonZero, bool, references, fn pointers.
#![allow(dead_code)]
use std::num::{NonZeroU8, NonZeroU16, NonZeroU32, NonZeroU64, NonZeroU128, NonZeroI32, NonZeroUsize};
use std::ptr::NonNull;

pub enum CharOrU128 { C(char), Big(u128), Neg(i128) }
pub enum NzMix { A(NonZeroU8), B(NonZeroU16, u8), C(NonZeroU32), D(NonZeroU64, bool), E(NonZeroU128) }
pub enum RefNiche<'a> { R(&'a u8), S(&'a str), F(fn(u8) -> u8), N }
#[repr(u8)] pub enum ReprU8 { A = 1, B = 7, C(u32) = 9, D { x: u16 } }
#[repr(i16)] pub enum ReprI16 { A = -3, B(char), C(Option<u8>) }
#[repr(C)] pub enum ReprC { A(u8), B(u64), C }
#[repr(C, u8)] pub enum ReprCU8 { A(u16), B(bool, char) }
#[repr(u64)] pub enum ReprU64 { X, Y(u8) }
#[repr(C)] pub struct ReprCStruct { a: u8, b: u64, c: u16, d: [u8; 3] }
#[repr(C, packed)] pub struct Packed { a: u8, b: u64 }
#[repr(C, packed(2))] pub struct Packed2 { a: u8, b: u64, c: u32 }
#[repr(align(16))] pub struct Align16 { a: u8 }
#[repr(C, align(32))] pub struct Align32 { a: u64, b: u8 }
#[repr(transparent)] pub struct Trans(NonZeroU32);
#[repr(transparent)] pub struct TransRef<'a>(&'a [u64]);
pub enum ManyUnit { A, B, C, D, E, F, G, H }
pub enum ThreeBools { A(bool), B(bool, bool), C }
pub enum NestedOpt { A(Option<Option<bool>>), B(Option<char>), C }
pub enum Orderings { Less = -1, Equal = 0, Greater = 1 }
pub enum WithTuple { T((u8, u16, u32)), U((), ()), A([char; 2]) }
pub enum BigEnum { A([u64; 4]), B(String), C(Vec<u8>, u8), D(Box<BigEnum>), E(Option<Box<[u16]>>) }
pub enum UninhabitedArm { A(u32), B(std::convert::Infallible), C(u8, std::convert::Infallible) }
pub enum NeverNiche { A(u16, NonZeroU16), B(u16) }
pub struct TwoNiches { a: bool, b: char, c: NonZeroU8 }
pub enum UsesTwoNiches { X(TwoNiches), Y, Z }
pub enum DataAndNiche { A(u32, bool), B(u32), C }
pub union U1 { a: u8, b: u64, c: [u16; 5] }
#[repr(C)] pub union U2 { a: char, b: (u8, u8, u8) }

pub fn sizes(_: CharOrU128, _: NzMix, _: RefNiche, _: ReprU8, _: ReprI16, _: ReprC, _: ReprCU8, _: ReprU64, _: ReprCStruct,
             _: Packed, _: Packed2, _: Align16, _: Align32, _: Trans, _: TransRef, _: ManyUnit, _: ThreeBools,
             _: NestedOpt, _: Orderings, _: WithTuple, _: BigEnum, _: UninhabitedArm, _: NeverNiche, _: UsesTwoNiches,
             _: DataAndNiche, _: U1, _: U2, _: Option<NzMix>, _: Option<CharOrU128>, _: Option<ReprU8>,
             _: Option<ManyUnit>, _: Option<Option<ManyUnit>>, _: Option<ThreeBools>, _: Option<Trans>,
             _: Option<NonZeroI32>, _: Option<NonZeroUsize>, _: Option<NonNull<[u8]>>, _: Result<u128, char>,
             _: Result<NonZeroU64, bool>, _: Result<(), std::num::NonZeroU8>, _: Option<std::cmp::Ordering>,
             _: Option<Option<std::cmp::Ordering>>, _: Result<u8, std::convert::Infallible>, _: Option<fn()>,
             _: Option<extern "C" fn(i32) -> i32>, _: Option<&'static dyn std::any::Any>, _: Option<(bool, char)>,
             _: Option<[bool; 3]>, _: Option<(u8, NonZeroU8)>, _: Option<std::time::Duration>, _: Option<std::alloc::Layout>,
             _: Option<Option<Option<Option<bool>>>>, _: Option<UsesTwoNiches>, _: Option<DataAndNiche>,
             _: std::num::Wrapping<u128>, _: std::num::Saturating<i8>, _: Option<std::num::FpCategory>,
             _: std::cell::Cell<Option<NonZeroU32>>, _: Option<std::cell::Cell<NonZeroU32>>,
             _: std::mem::MaybeUninit<Option<char>>, _: Option<std::mem::ManuallyDrop<char>>) {}

pub fn values() -> usize {
    let a = [CharOrU128::C('x'), CharOrU128::Big(1 << 100), CharOrU128::Neg(-1)];
    let b = NzMix::E(NonZeroU128::new(5).unwrap());
    let c = ReprU8::D { x: 3 };
    let d: Vec<Option<ReprCU8>> = vec![Some(ReprCU8::B(true, 'q')), None];
    let u = U1 { b: 7 };
    a.len() + matches!(b, NzMix::E(_)) as usize + matches!(c, ReprU8::D { .. }) as usize + d.len() + unsafe { u.a as usize }
}
