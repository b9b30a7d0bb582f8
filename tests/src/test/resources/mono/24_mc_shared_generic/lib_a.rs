// Shared generic library: a bounded stack and a generic min/max tracker used by lib_b and main.
use std::fmt::Debug;

#[derive(Debug, Clone)]
pub struct BoundedStack<T> {
    items: Vec<T>,
    cap: usize,
}

impl<T: Clone + Debug> BoundedStack<T> {
    pub fn new(cap: usize) -> Self {
        BoundedStack { items: Vec::with_capacity(cap), cap }
    }
    pub fn push(&mut self, x: T) -> Result<(), T> {
        if self.items.len() == self.cap {
            return Err(x);
        }
        self.items.push(x);
        Ok(())
    }
    pub fn pop(&mut self) -> Option<T> {
        self.items.pop()
    }
    pub fn peek(&self) -> Option<&T> {
        self.items.last()
    }
    pub fn len(&self) -> usize {
        self.items.len()
    }
    pub fn dump(&self) -> String {
        format!("{:?}", self.items)
    }
}

pub struct Extremes<T> {
    pub min: Option<T>,
    pub max: Option<T>,
}

pub fn extremes<T: PartialOrd + Copy, I: IntoIterator<Item = T>>(it: I) -> Extremes<T> {
    let mut e = Extremes { min: None, max: None };
    for x in it {
        if e.min.map_or(true, |m| x < m) {
            e.min = Some(x);
        }
        if e.max.map_or(true, |m| x > m) {
            e.max = Some(x);
        }
    }
    e
}
