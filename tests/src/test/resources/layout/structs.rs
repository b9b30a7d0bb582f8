// Structs, tuples, arrays and reprs: field reordering and niche placement.
#![allow(dead_code)]
pub struct Reorder { a: u8, b: u32, c: u16 }
pub struct Mixed { a: u8, b: u64, c: u8, d: u16, e: bool }
pub struct WithTuple { t: (u8, u32, u8), arr: [u16; 3], z: () }
pub struct NicheTail { a: u32, b: bool, c: u32, d: u8 }
pub struct Refs<'a> { a: &'a u8, b: u8, s: &'a str, sl: &'a [u32], d: &'a dyn Fn() }
pub struct Ptrs { a: *const u8, b: *mut [u8], c: fn(u8) -> u8, d: Option<fn()> }
pub struct Wide { a: u128, b: u8, c: i128, f: f64, g: f32 }
pub struct Generic<T, U> { t: T, u: U, tag: u8 }
pub struct Zst;
pub struct Unit();
pub struct Chars { c: char, b: bool, o: Option<char>, ob: Option<bool> }
#[repr(C)] pub struct CStruct { a: u8, b: u32, c: u16 }
#[repr(C, packed)] pub struct Packed { a: u8, b: u32, c: u16 }
#[repr(packed(2))] pub struct Packed2 { a: u8, b: u64, c: u8 }
#[repr(align(16))] pub struct Aligned { a: u8 }
#[repr(C, align(8))] pub struct CAligned { a: u8, b: u16 }
#[repr(transparent)] pub struct Transparent { x: u64, z: () }
pub struct Nested { r: Reorder, c: CStruct, a: Aligned, n: NicheTail }
pub union U1 { a: u32, b: u8, c: [u16; 3] }
#[repr(C)] pub union U2 { a: u64, b: (u8, u32) }
pub struct HasUnion { u: U1, x: u8 }
pub struct ArrOfArr { a: [[u8; 3]; 5], b: [Reorder; 2], e: [u64; 0] }
pub struct Tuples { a: (u8, u16, u8, u32), b: ((), u8), c: (bool, (u64, u8)) }

pub fn use_all(_: Reorder, _: Mixed, _: WithTuple, _: NicheTail, _: Refs, _: Ptrs, _: Wide,
               _: Generic<u8, u64>, _: Generic<(u16, u8), bool>, _: Generic<[u8; 7], char>,
               _: Zst, _: Unit, _: Chars, _: CStruct, _: Packed, _: Packed2, _: Aligned, _: CAligned,
               _: Transparent, _: Nested, _: U1, _: U2, _: HasUnion, _: ArrOfArr, _: Tuples) {}
