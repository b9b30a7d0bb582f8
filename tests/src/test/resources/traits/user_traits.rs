// User traits: blanket impls, generic impls, default methods, supertraits, trait generics.
trait Greet {
    fn hi(&self) -> u32 { 1 }
    fn name(&self) -> u32;
}
struct A;
struct B<T>(T);
struct C<T, const N: usize>([T; N]);
impl Greet for A { fn name(&self) -> u32 { 2 } }
impl<T: Clone> Greet for B<T> {
    fn name(&self) -> u32 { 3 }
    fn hi(&self) -> u32 { 4 }
}
impl<T: Copy, const N: usize> Greet for C<T, N> { fn name(&self) -> u32 { N as u32 } }
impl Greet for &str { fn name(&self) -> u32 { self.len() as u32 } }
impl<T: Greet> Greet for Vec<T> { fn name(&self) -> u32 { self.iter().map(|g| g.name()).sum() } }

trait Show { fn show(&self) -> u32; fn twice(&self) -> u32 { 2 * self.show() } }
impl<T: Greet> Show for T { fn show(&self) -> u32 { self.hi() + self.name() } }

trait Convert<U> { fn convert(&self) -> U; }
impl Convert<u64> for u32 { fn convert(&self) -> u64 { *self as u64 } }
impl Convert<u8> for u32 { fn convert(&self) -> u8 { *self as u8 } }
impl<T: Convert<u64>> Convert<u64> for (T, T) { fn convert(&self) -> u64 { self.0.convert() + self.1.convert() } }

trait Named: Greet { fn named(&self) -> u32 { self.name() + 100 } }
impl Named for A {}
impl<T: Clone> Named for B<T> {}

#[inline(never)]
fn use_show<S: Show>(s: &S) -> u32 { s.twice() }

fn main() {
    let total = A.show() + B(1u8).show() + B("x").show() + C([1u16; 3]).show() + "abc".show()
        + vec![A, A].show() + use_show(&B(2i64)) + use_show(&vec![B(0u8)])
        + Convert::<u64>::convert(&5u32) as u32 + Convert::<u8>::convert(&7u32) as u32
        + (1u32, 2u32).convert() as u32 + A.named() + B(3u16).named();
    println!("{}", total);
}
