#![no_std]
// Iterator extensions and closure combinators: generic over closures from other crates.

pub trait IterX: Iterator + Sized {
    fn sum_by<F: FnMut(Self::Item) -> i64>(self, f: F) -> i64 { self.map(f).sum() }
    fn count_where<P: FnMut(&Self::Item) -> bool>(self, p: P) -> usize { self.filter(p).count() }
    fn every_nth(self, n: usize) -> core::iter::StepBy<Self> { self.step_by(n) }
    fn min_max_by_key<K: Ord + Copy, F: Fn(&Self::Item) -> K>(self, key: F) -> Option<(K, K)> {
        self.fold(None, |acc, x| {
            let k = key(&x);
            Some(match acc { None => (k, k), Some((lo, hi)) => (if k < lo { k } else { lo }, if k > hi { k } else { hi }) })
        })
    }
}
impl<I: Iterator> IterX for I {}

pub fn compose<A, B, C>(f: impl Fn(A) -> B, g: impl Fn(B) -> C) -> impl Fn(A) -> C { move |x| g(f(x)) }

pub fn repeat_apply<T>(f: &dyn Fn(T) -> T, times: u32, mut x: T) -> T { for _ in 0..times { x = f(x); } x }

pub fn make_counter(step: u32) -> impl FnMut() -> u32 { let mut n = 0; move || { n += step; n } }

pub fn pipeline(stages: &[fn(i64) -> i64], x: i64) -> i64 { stages.iter().fold(x, |acc, f| f(acc)) }
