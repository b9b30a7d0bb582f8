#![no_std]
// Shared generic no_std library: a fixed-capacity vector with const-generic capacity.
use core::ops::Deref;

pub struct ArrayVec<T, const N: usize> {
    items: [Option<T>; N],
    len: usize,
}

impl<T: Copy, const N: usize> ArrayVec<T, N> {
    pub const fn new() -> Self {
        ArrayVec { items: [None; N], len: 0 }
    }
    pub fn push(&mut self, x: T) -> Result<(), T> {
        if self.len == N {
            return Err(x);
        }
        self.items[self.len] = Some(x);
        self.len += 1;
        Ok(())
    }
    pub fn pop(&mut self) -> Option<T> {
        if self.len == 0 {
            return None;
        }
        self.len -= 1;
        self.items[self.len].take()
    }
    pub fn len(&self) -> usize {
        self.len
    }
    pub fn iter(&self) -> impl Iterator<Item = &T> + '_ {
        self.items[..self.len].iter().flatten()
    }
    pub fn retain<F: FnMut(&T) -> bool>(&mut self, mut keep: F) {
        let mut w = 0;
        for r in 0..self.len {
            if let Some(x) = self.items[r] {
                if keep(&x) {
                    self.items[w] = Some(x);
                    w += 1;
                }
            }
        }
        for slot in &mut self.items[w..self.len] {
            *slot = None;
        }
        self.len = w;
    }
}

pub struct Sorted<T>(pub T);

impl<T> Deref for Sorted<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

pub fn max_of<T: Copy + PartialOrd, const N: usize>(v: &ArrayVec<T, N>) -> Option<T> {
    v.iter().copied().fold(None, |m, x| match m {
        Some(y) if y >= x => Some(y),
        _ => Some(x),
    })
}
