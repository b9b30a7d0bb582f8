// Higher-order utilities: memoization with HashMap, retry loops, function composition.
use std::collections::HashMap;
use std::hash::Hash;

pub struct Memo<A, R, F> {
    cache: HashMap<A, R>,
    f: F,
    pub misses: usize,
}

impl<A: Hash + Eq + Clone, R: Clone, F: Fn(&A) -> R> Memo<A, R, F> {
    pub fn new(f: F) -> Self {
        Memo { cache: HashMap::new(), f, misses: 0 }
    }
    pub fn get(&mut self, a: A) -> R {
        if let Some(r) = self.cache.get(&a) {
            return r.clone();
        }
        self.misses += 1;
        let r = (self.f)(&a);
        self.cache.insert(a, r.clone());
        r
    }
}

pub fn retry<T, E, F: FnMut(u32) -> Result<T, E>>(times: u32, mut f: F) -> Result<T, Vec<E>> {
    let mut errors = Vec::new();
    for attempt in 0..times {
        match f(attempt) {
            Ok(v) => return Ok(v),
            Err(e) => errors.push(e),
        }
    }
    Err(errors)
}

pub fn pipeline<T>(stages: Vec<Box<dyn Fn(T) -> T>>) -> impl Fn(T) -> T {
    move |x| stages.iter().fold(x, |acc, f| f(acc))
}
