//! A crate with the item shapes the rustdoc reader and the body linker must handle.
#![no_std]
#![allow(dead_code)]

pub mod shapes {
    #[repr(C)]
    pub struct Point {
        pub x: i32,
        pub y: i32,
    }
    #[repr(transparent)]
    pub struct Meters(pub f64);
    #[repr(C, packed(2))]
    pub struct Packed {
        a: u8,
        b: u32,
    }
    #[repr(align(16))]
    pub struct Aligned(u8);
    #[repr(u8)]
    pub enum Color {
        Red = 1,
        Green,
        Blue = 10,
    }
    #[repr(i32)]
    pub enum Signed {
        Neg = -5,
        Zero = 0,
        One,
    }
    pub enum Shape {
        Circle { r: f64 },
        Rect(f64, f64),
        Empty,
    }
    pub union IntOrFloat {
        pub i: u32,
        pub f: f32,
    }

    impl Point {
        pub const ORIGIN: Point = Point { x: 0, y: 0 };
        pub fn new(x: i32, y: i32) -> Self {
            Point { x, y }
        }
        pub fn norm1(&self) -> i32 {
            self.x.abs() + self.y.abs()
        }
    }

    impl Shape {
        pub fn area(&self) -> f64 {
            match self {
                Shape::Circle { r } => 3.0 * r * r,
                Shape::Rect(w, h) => w * h,
                Shape::Empty => 0.0,
            }
        }
    }
}

mod private {
    pub fn hidden() -> u32 {
        7
    }
    pub struct Inner(pub u8);
    pub mod deeper {
        pub fn deep() -> u8 {
            1
        }
    }
}

pub use private::deeper::*;
pub use private::hidden;
pub use private::Inner as Renamed;
pub use shapes::{Color, Point as P};

pub trait Describe {
    const ID: u32;
    type Out;
    fn name(&self) -> &'static str;
    fn id(&self) -> u32 {
        Self::ID
    }
    fn pair(&self) -> (u32, u32)
    where
        Self: Sized,
    {
        (self.id(), Self::ID + 1)
    }
}

pub struct Wrapper<T: Copy, const N: usize> {
    pub items: [T; N],
}

impl<T: Copy + Default, const N: usize> Wrapper<T, N>
where
    T: PartialEq,
{
    pub fn first(&self) -> T {
        self.items[0]
    }
    pub fn len(&self) -> usize {
        N
    }
}

impl<T: Copy, const N: usize> Describe for Wrapper<T, N> {
    const ID: u32 = 3;
    type Out = T;
    fn name(&self) -> &'static str {
        "wrapper"
    }
}

pub trait Bits {
    fn bits(self) -> u32;
    fn name() -> &'static str;
}

macro_rules! impl_bits {
    ($($t:ty),*) => {
        $(impl Bits for $t {
            fn bits(self) -> u32 { <$t>::BITS }
            fn name() -> &'static str { stringify!($t) }
        })*
    };
}
impl_bits!(u8, u16, u32);

pub trait Tag {
    fn tag(&self) -> u8;
}
pub trait Mark {
    fn tag(&self) -> u8;
}

// One impl line for two traits: the printed impl span and the signature are the same for
// `Tag for u8` and `Mark for u8`; only the order of the bodies tells them apart.
macro_rules! tagged {
    ($tr:ident for $t:ty = $v:expr) => {
        impl $tr for $t {
            fn tag(&self) -> u8 { $v }
        }
    };
}
macro_rules! tag_and_mark {
    ($t:ty, $a:expr, $b:expr) => {
        tagged!(Tag for $t = $a);
        tagged!(Mark for $t = $b);
    };
}
pub struct Local;
tag_and_mark!(Local, 5, 6);
tag_and_mark!(u8, 1, 2);

macro_rules! counter {
    ($name:ident) => {
        pub struct $name(pub u32);
        impl $name {
            pub const ZERO: $name = $name(0);
            pub fn get(&self) -> u32 { self.0 }
            pub fn bump(&mut self) { self.0 += 1 }
        }
    };
}
counter!(Apples);
counter!(Pears);

pub fn with_locals(n: u32) -> u32 {
    struct Acc {
        total: u32,
        count: u8,
    }
    enum Step {
        Add(u32),
        Skip,
    }
    impl Acc {
        fn push(&mut self, s: Step) {
            match s {
                Step::Add(v) => {
                    self.total += v;
                    self.count += 1
                }
                Step::Skip => {}
            }
        }
    }
    fn helper(x: u32) -> u32 {
        x * 2
    }
    const LIMIT: u32 = 10;
    let mut acc = Acc { total: 0, count: 0 };
    let mut i = 0;
    while i < n && i < LIMIT {
        acc.push(if i % 2 == 0 { Step::Add(helper(i)) } else { Step::Skip });
        i += 1;
    }
    let f = |x: u32| x + acc.count as u32;
    f(acc.total)
}

pub static GREETING: &str = "hi";
pub static mut COUNTER: u32 = 0;
pub const TABLE: [u8; 3] = [1, 2, 3];
pub type Pair<T> = (T, T);

pub fn swap<T: Copy>(p: Pair<T>) -> Pair<T> {
    (p.1, p.0)
}

pub fn promoted() -> &'static [u32; 2] {
    &[4, 5]
}

pub const fn square(x: u32) -> u32 {
    x * x
}

pub fn generic_where<I>(it: I) -> usize
where
    I: Iterator<Item = u8> + Clone,
{
    it.count()
}

pub fn uses_upstream(o: Option<u8>) -> u8 {
    o.unwrap_or(0)
}

pub trait Reset {
    fn reset(&mut self);
    fn fresh(&mut self) -> bool {
        self.reset();
        true
    }
}

pub fn guarded(v: u8) -> u8 {
    struct Guard(u8);
    impl Reset for Guard {
        fn reset(&mut self) {
            self.0 = 0;
        }
    }
    struct Bomb(u8);
    impl Drop for Bomb {
        fn drop(&mut self) {
            self.0 = 0;
        }
    }
    let _b = Bomb(v);
    let mut g = Guard(v);
    g.fresh();
    g.0
}

/// A derive makes `StructuralPartialEq` and `PartialEq` at one span; only `PartialEq` has a body.
#[derive(PartialEq)]
pub struct Derived(pub u8);

pub struct Guarded<T>(pub [T; 4]);

impl<T> Drop for Guarded<T> {
    fn drop(&mut self) {
        struct Dropper<'a, T>(&'a mut [T]);
        impl<T> Drop for Dropper<'_, T> {
            fn drop(&mut self) {
                unsafe { core::ptr::drop_in_place(self.0) }
            }
        }
        let _guard = Dropper(&mut self.0[..]);
    }
}

/// A nested fn whose params' order only a fn item type shows: first use reads `<B, T>`.
pub fn largest_by_key<T, B: Ord>(items: &[(B, T)]) -> Option<&(B, T)> {
    fn compare<T, B: Ord>(x: &&(B, T), y: &&(B, T)) -> core::cmp::Ordering {
        x.0.cmp(&y.0)
    }
    items.iter().max_by(compare)
}

/// An impl in a fn body, whose bounds only its header in the source shows.
pub fn kind_of<T: Bits + Tag>(v: &T) -> u8 {
    trait Kind {
        fn kind(&self) -> u8;
    }
    impl<'a, T: Bits + 'a> Kind for T
    where
        T: self::Tag,
    {
        fn kind(&self) -> u8 {
            1
        }
    }
    v.kind()
}

pub struct Wrap<T>(pub T);

pub trait Advance {
    fn advance(&mut self) -> u8;
}

/// A braced struct in a trait impl's fn: MIR names it `<Wrap<T> as Advance>::advance::Keep`.
impl<T> Advance for Wrap<T> {
    fn advance(&mut self) -> u8 {
        struct Keep<'a, T> {
            slot: &'a mut T,
        }
        impl<T> Drop for Keep<'_, T> {
            fn drop(&mut self) {
                let _ = self.slot;
            }
        }
        let _k = Keep { slot: &mut self.0 };
        1
    }
}

/// A union in a body: MIR names the field its aggregate sets; the other it projects by index.
pub fn low_byte(x: u32) -> u8 {
    union Bits {
        word: u32,
        bytes: [u8; 4],
    }
    let b = Bits { word: x };
    unsafe { b.bytes[0] }
}

/// An enum in a body: MIR shows `Far` before `Near` and never `Unused`; the source orders and completes them.
pub fn distance_class(d: u32) -> u8 {
    enum Class {
        Near,
        Unused,
        Far = 7,
    }
    #[inline(never)]
    fn code(c: Class) -> u8 {
        match c {
            Class::Far => 1,
            Class::Unused => 2,
            Class::Near => 3,
        }
    }
    code(if d > 10 { Class::Far } else { Class::Near })
}

/// A fn in a body with a const param: `[u8; L]` in its signature and `fold_chunk::<N>` give its param and type.
pub fn chunk_sum<const N: usize>(data: &[u8; N]) -> u32 {
    #[inline(never)]
    fn fold_chunk<const L: usize>(chunk: &[u8; L]) -> u32 {
        let mut sum = 0;
        let mut i = 0;
        while i < L {
            sum += chunk[i] as u32;
            i += 1;
        }
        sum
    }
    fold_chunk(data)
}

pub struct Chunked;

mod chunked {
    // outside `Chunked`'s module, so paths through this impl print `chunked::<impl Chunked>::…`
    impl super::Chunked {
        pub fn chunks_equal<const N: usize>(a: &[u8; N], b: &[u8; N]) -> bool {
            #[inline(never)]
            fn chunk_eq<const L: usize>(x: &[u8; L], y: &[u8; L]) -> bool {
                x == y
            }
            chunk_eq(a, b)
        }
    }
}
