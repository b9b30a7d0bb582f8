// Enums: tags, niches, explicit discriminants, repr(int), repr(C), uninhabited variants.
#![allow(dead_code)]
use std::num::{NonZeroU32, NonZeroI64, NonZeroU8, NonZeroUsize};
pub enum Unit3 { A, B, C }
pub enum Single { Only(u32) }
pub enum Tagged { A, B(u32), C { x: u8, y: u64 } }
pub enum Explicit { A = 10, B = 20, C = 300 }
pub enum Negative { A = -5, B = 0, C = 100 }
#[repr(u8)] pub enum ReprU8 { X = 3, Y = 7 }
#[repr(i32)] pub enum ReprI32 { X, Y(u8), Z(u64) }
#[repr(C)] pub enum ReprC { A(u8), B(u16, u32), C }
#[repr(C, u16)] pub enum ReprCU16 { A(u8), B(u64) }
pub enum NicheBool { A(bool), B, C }
pub enum NicheRef<'a> { Some(&'a u64), None }
pub enum ManyNiche { A(char), B, C, D, E }
pub enum DataAfterNiche { A(u32, bool), B(u8), C }
pub enum Nested { A(Option<bool>), B }
pub enum Big { A([u8; 100]), B(u64), C(u16) }
pub enum WithNever { A(u32), B(std::convert::Infallible), C }
pub enum Empty {}
pub enum Large { V0, V1, V2, V3, V4, V5, V6, V7, V8, V9, V10, V11, V12, V13, V14, V15, V16, V17, V18, V19,
  V20, V21, V22, V23, V24, V25, V26, V27, V28, V29, V30, V31, V32, V33, V34, V35, V36, V37, V38, V39 }
pub enum Wrap { Unit(Unit3), Many(ManyNiche), X }
pub enum Align16 { A(u128), B(u8) }
pub enum I64Niche { A(NonZeroI64), B }

pub fn use_all(_: Unit3, _: Single, _: Tagged, _: Explicit, _: Negative, _: ReprU8, _: ReprI32, _: ReprC,
               _: ReprCU16, _: NicheBool, _: NicheRef, _: ManyNiche, _: DataAfterNiche, _: Nested, _: Big,
               _: WithNever, _: Large, _: Wrap, _: Align16, _: I64Niche,
               _: Option<&u32>, _: Option<NonZeroU32>, _: Option<Option<NonZeroU8>>, _: Option<NonZeroUsize>,
               _: Result<u32, u8>, _: Result<(), Box<u8>>, _: Result<u64, ()>, _: Option<Option<bool>>,
               _: Option<(u8, bool)>, _: Option<Unit3>, _: Option<Large>, _: Option<char>, _: Option<u32>,
               _: Option<Box<[u8]>>, _: Option<&str>, _: Option<Tagged>, _: std::cmp::Ordering,
               _: Option<std::cmp::Ordering>, _: Result<NonZeroU32, bool>) {}
pub fn use_empty(e: Empty) -> u8 { match e {} }
