pub trait Zst { const IS_ZST: bool; }
pub fn f<T: Zst>(a: u32) -> u32 {
    if T::IS_ZST { g(a) } else { h(a) }
}
#[inline(never)] pub fn g(a: u32) -> u32 { a + 1 }
#[inline(never)] pub fn h(a: u32) -> u32 { a * 2 }
