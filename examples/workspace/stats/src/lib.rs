//! Small statistics over any iterator of numbers.
use std::collections::BTreeMap;

pub trait Number: Copy + PartialOrd + Into<f64> {}
impl<T: Copy + PartialOrd + Into<f64>> Number for T {}

pub struct Summary<T> { pub min: T, pub max: T, pub mean: f64, pub count: usize }

pub fn summarize<T: Number, I: IntoIterator<Item = T>>(values: I) -> Option<Summary<T>> {
    let mut iter = values.into_iter();
    let first = iter.next()?;
    let (mut min, mut max, mut sum, mut count) = (first, first, first.into(), 1usize);
    for v in iter {
        if v < min { min = v; }
        if v > max { max = v; }
        sum += v.into();
        count += 1;
    }
    Some(Summary { min, max, mean: sum / count as f64, count })
}

pub fn histogram<K: Ord + Clone>(keys: &[K]) -> BTreeMap<K, usize> {
    let mut map = BTreeMap::new();
    for k in keys {
        *map.entry(k.clone()).or_insert(0) += 1;
    }
    map
}

static LABELS: [&str; 3] = ["low", "mid", "high"];

pub fn bucket(x: f64) -> &'static str {
    LABELS[if x < 10.0 { 0 } else if x < 100.0 { 1 } else { 2 }]
}
