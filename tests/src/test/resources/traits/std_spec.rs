// std specialization and iterator adapters: SpecExtend, SpecFromIter, ToString, Clone, closures.
use std::collections::HashMap;

fn main() {
    let v: Vec<u8> = (0..10u8).map(|x| x * 2).collect();
    let mut w = Vec::new();
    w.extend(v.iter().copied());
    w.extend_from_slice(&v);
    w.extend(vec![1u8, 2, 3]);
    let filtered: Vec<u32> = w.iter().filter(|x| **x > 3).map(|x| *x as u32).collect();
    let s = 5u32.to_string() + &"abc".to_string() + &'c'.to_string() + &String::from("x").to_string();
    let zipped: Vec<(u8, u32)> = v.iter().cloned().zip(filtered.iter().copied()).rev().collect();
    let chained: Vec<u8> = v.iter().chain(w.iter()).skip(1).take(5).cloned().collect();
    let names: Vec<String> = ["a", "b"].iter().map(|s| s.to_string()).collect();
    let mut m: HashMap<u32, u8> = HashMap::new();
    m.insert(1, 2);
    let sum: u32 = filtered.iter().sum::<u32>() + m.values().map(|x| *x as u32).sum::<u32>();
    let cloned = (v.clone(), zipped.clone(), [1u8; 4].clone());
    let total = sum as usize + s.len() + zipped.len() + chained.len() + names.concat().len() + cloned.0.len();
    println!("{} {:?}", total, cloned.2);
}
