#![no_std]
// Generic building blocks shared by lib_a, lib_b and main: a fixed stack, a summary trait with a default method, generic helpers.

pub struct Stack<T, const N: usize> { items: [Option<T>; N], len: usize }

impl<T: Copy, const N: usize> Stack<T, N> {
    pub const fn new() -> Self { Stack { items: [None; N], len: 0 } }
    pub fn push(&mut self, v: T) -> Result<(), T> {
        if self.len == N { return Err(v); }
        self.items[self.len] = Some(v);
        self.len += 1;
        Ok(())
    }
    pub fn pop(&mut self) -> Option<T> {
        if self.len == 0 { return None; }
        self.len -= 1;
        self.items[self.len].take()
    }
    pub fn peek(&self) -> Option<&T> { if self.len == 0 { None } else { self.items[self.len - 1].as_ref() } }
    pub fn len(&self) -> usize { self.len }
    pub fn iter(&self) -> impl Iterator<Item = &T> + '_ { self.items[..self.len].iter().flatten() }
}

pub trait Summary {
    fn count(&self) -> usize;
    fn total(&self) -> i64;
    fn mean_milli(&self) -> i64 { if self.count() == 0 { 0 } else { self.total() * 1000 / self.count() as i64 } }
}

impl<const N: usize> Summary for Stack<u32, N> {
    fn count(&self) -> usize { self.len() }
    fn total(&self) -> i64 { self.iter().map(|&x| x as i64).sum() }
}

pub fn largest<T: PartialOrd + Copy>(xs: &[T]) -> Option<T> {
    let mut it = xs.iter().copied();
    let first = it.next()?;
    Some(it.fold(first, |m, x| if x > m { x } else { m }))
}

pub fn drain_into<T: Copy, const N: usize, const M: usize>(from: &mut Stack<T, N>, to: &mut Stack<T, M>) -> usize {
    let mut moved = 0;
    while let Some(v) = from.pop() {
        if let Err(v) = to.push(v) { let _ = from.push(v); break; }
        moved += 1;
    }
    moved
}
