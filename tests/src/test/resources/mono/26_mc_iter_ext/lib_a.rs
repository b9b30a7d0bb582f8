// An iterator extension trait with a blanket impl, plus generic adapter structs.
use std::collections::HashMap;
use std::hash::Hash;

pub struct Pairs<I: Iterator> {
    inner: I,
    prev: Option<I::Item>,
}

impl<I> Iterator for Pairs<I>
where
    I: Iterator,
    I::Item: Clone,
{
    type Item = (I::Item, I::Item);
    fn next(&mut self) -> Option<Self::Item> {
        let cur = self.inner.next()?;
        let prev = self.prev.replace(cur.clone());
        match prev {
            Some(p) => Some((p, cur)),
            None => self.next(),
        }
    }
}

pub trait IterExt: Iterator + Sized {
    fn pairs(self) -> Pairs<Self> {
        Pairs { inner: self, prev: None }
    }
    fn counts(self) -> HashMap<Self::Item, usize>
    where
        Self::Item: Hash + Eq,
    {
        let mut m = HashMap::new();
        for x in self {
            *m.entry(x).or_insert(0) += 1;
        }
        m
    }
    fn sorted_by_key<K: Ord, F: FnMut(&Self::Item) -> K>(self, f: F) -> Vec<Self::Item> {
        let mut v: Vec<_> = self.collect();
        v.sort_by_key(f);
        v
    }
}

impl<I: Iterator> IterExt for I {}
