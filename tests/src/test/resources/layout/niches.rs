// Harder niche cases: niche bias to either end, data placed around the niche, nested options.
#![feature(never_type)]
#![allow(dead_code)]
use std::num::{NonZeroU16, NonZeroU8, NonZeroU64, NonZeroI8};
pub struct MidNiche { a: u8, n: NonZeroU16, b: u32, c: u8 }
pub enum AroundNiche { A(u8, NonZeroU16, u32), B(u16), C(u8), D }
pub enum EndNiche { A(u32, u16, bool), B(u8, u8), C }
pub struct TwoNiches { a: bool, b: char, c: NonZeroU8 }
pub enum BigDiscr { A = 0, B = 255, C = 256 }
#[repr(u128)] pub enum R128 { A = 1, B = u128::MAX }
#[repr(i8)] pub enum RI8 { A = -128, B = 127 }
pub enum Wrapping { A = -1, B = 0, C = 1 }
pub enum UninhabitedData { A(u8, std::convert::Infallible), B(u32), C }
pub enum AllZst { A(()), B([u64; 0]), C }
pub enum BoolLike { F(bool), T(bool) }
pub struct InCell { c: std::cell::UnsafeCell<NonZeroU8>, x: u8 }
pub enum Deep { A(Option<Option<Option<bool>>>), B(u8) }
pub enum SignedNiche { A(NonZeroI8), B, C }
pub enum Pair { A(u64, NonZeroU64), B(u64) }
pub enum ScalarPairish { A(u32), B(i32), C(f32) }
pub enum PtrInt { A(&'static u8), B(usize) }
pub struct GenericTail<T: ?Sized> { a: u8, b: u32, t: T }
pub enum Align { A(u8), B(AlignedS) }
#[repr(align(8))] pub struct AlignedS(u8);
pub enum MaybeNever { A(u16), B(!) }

pub fn use_all(_: MidNiche, _: AroundNiche, _: EndNiche, _: TwoNiches, _: BigDiscr, _: R128, _: RI8, _: Wrapping,
               _: UninhabitedData, _: AllZst, _: BoolLike, _: InCell, _: Deep, _: SignedNiche, _: Pair,
               _: ScalarPairish, _: PtrInt, _: GenericTail<u64>, _: GenericTail<(u8, u16)>, _: Align,
               _: Option<MidNiche>, _: Option<AroundNiche>, _: Option<EndNiche>, _: Option<TwoNiches>,
               _: Option<(NonZeroU8, u32, u8)>, _: Option<Option<Option<Option<char>>>>, _: Option<Wrapping>,
               _: Option<BigDiscr>, _: Option<InCell>, _: Result<Result<u8, bool>, Option<bool>>,
               _: Option<[bool; 3]>, _: Option<GenericTail<bool>>, _: MaybeNever, _: Option<MaybeNever>) {}
