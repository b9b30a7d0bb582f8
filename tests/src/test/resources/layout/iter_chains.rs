// Iterator adapter chains with capturing closures: Map, Filter, Zip, Chain, Enumerate, Peekable,
// FlatMap, Skip, Take, Rev, Scan, TakeWhile, SkipWhile, Inspect, Cloned, Copied, StepBy, Fuse.
#![allow(dead_code)]
use std::collections::{BTreeMap, HashMap, VecDeque, BTreeSet, HashSet};

pub fn chains(v: &[u64], w: &[i32], s: &str, k: u8, big: u128) -> (u64, usize, String) {
    let off = k as u64;
    let a: u64 = v.iter().map(|x| x + off).filter(|x| x % 3 != big as u64).sum();
    let b: Vec<(usize, (&u64, &i32))> = v.iter().zip(w.iter()).enumerate().filter(|(i, _)| *i as u8 != k).collect();
    let mut p = v.iter().chain(v.iter().rev()).peekable();
    let mut n = 0usize;
    while let Some(x) = p.next() {
        if p.peek().map(|y| *y > x).unwrap_or(false) { n += 1; }
    }
    let words: Vec<String> = s.split_whitespace().map(|w| w.to_uppercase()).collect();
    let chars: String = s.chars().flat_map(|c| c.to_lowercase()).filter(|c| !c.is_whitespace()).collect();
    let lens: Vec<usize> = words.iter().map(String::len).skip(1).take(5).collect();
    let sc: Vec<i64> = w.iter().scan(0i64, |acc, x| { *acc += *x as i64; Some(*acc) }).collect();
    let tw: Vec<u64> = v.iter().copied().take_while(|x| *x < off * 10).skip_while(|x| *x == 0).collect();
    let st: Vec<i32> = w.iter().cloned().step_by(2).fuse().inspect(|x| { let _ = x; }).collect();
    let fm: Vec<char> = words.iter().flat_map(|w| w.chars().rev()).collect();
    let m: HashMap<usize, Vec<String>> = words.iter().fold(HashMap::new(), |mut m, w| { m.entry(w.len()).or_insert_with(Vec::new).push(w.clone()); m });
    let bt: BTreeMap<char, usize> = chars.chars().map(|c| (c, c as usize)).collect();
    let dq: VecDeque<u64> = v.iter().map(|x| x * 2).collect();
    let bs: BTreeSet<i32> = w.iter().map(|x| x.abs()).collect();
    let hs: HashSet<&str> = s.split(',').filter(|p| p.len() > big as usize).collect();
    let mx = v.iter().max_by_key(|x| **x ^ off).copied().unwrap_or(0);
    let pos = w.iter().position(|x| *x == k as i32);
    let any = bt.iter().any(|(c, n)| *c == 'a' && *n > lens.len());
    let joined = words.iter().zip(lens.iter().cycle()).map(|(w, l)| format!("{w}{l}")).collect::<Vec<_>>().join("-");
    let windows: u64 = v.windows(2).map(|p| p[0].wrapping_sub(p[1])).sum();
    let chunks: Vec<u64> = v.chunks(3).map(|c| c.iter().sum()).collect();
    let part: (Vec<i32>, Vec<i32>) = w.iter().partition(|x| **x > 0);
    let unz: (Vec<u8>, Vec<char>) = chars.chars().map(|c| (c as u8, c)).unzip();
    let filt_map: Vec<u32> = s.split(' ').filter_map(|t| t.parse().ok()).collect();
    let mw: Vec<u64> = v.iter().map_while(|x| if *x > 0 { Some(x * off) } else { None }).collect();
    let last = dq.iter().rev().find(|x| **x > mx).cloned();
    let minmax = sc.iter().min().zip(sc.iter().max());
    (a + windows + chunks.len() as u64 + last.unwrap_or(0) + tw.len() as u64 + mw.len() as u64,
     b.len() + n + fm.len() + m.len() + bs.len() + hs.len() + pos.unwrap_or(0) + any as usize + st.len()
        + part.0.len() + unz.1.len() + filt_map.len() + minmax.is_some() as usize,
     joined)
}

pub fn generic_chain<T: Clone + Ord + std::fmt::Debug, U: Copy + Into<u64>>(items: Vec<T>, keys: &[U], extra: Option<T>) -> Vec<String> {
    let total: u64 = keys.iter().map(|k| (*k).into()).sum();
    let mut sorted = items.clone();
    sorted.sort();
    sorted.dedup();
    let ex = extra.clone();
    sorted.into_iter().chain(ex).enumerate().filter(move |(i, _)| *i as u64 <= total)
        .map(|(i, t)| format!("{i}:{t:?}")).collect()
}

pub fn use_generic() -> usize {
    generic_chain(vec![3u8, 1, 2], &[1u32, 2], Some(9)).len()
        + generic_chain(vec!["b".to_string(), "a".into()], &[4u8], None).len()
        + generic_chain(vec![(1i16, 'x')], &[7u16, 8], Some((2, 'y'))).len()
}

pub fn boxed_iters(v: Vec<u32>) -> Box<dyn Iterator<Item = u32>> {
    let t = v.len() as u32;
    Box::new(v.into_iter().map(move |x| x + t).filter(|x| x % 2 == 0))
}

pub fn sort_closures(mut v: Vec<(String, u32)>, desc: bool) -> Vec<(String, u32)> {
    v.sort_by(|a, b| if desc { b.1.cmp(&a.1) } else { a.1.cmp(&b.1) });
    v.sort_by_key(|p| p.0.len());
    v.retain(|p| !p.0.is_empty() || desc);
    v.dedup_by_key(|p| p.1);
    v
}
