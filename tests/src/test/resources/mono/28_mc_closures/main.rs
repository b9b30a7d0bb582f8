// deps: lib_a, lib_b
// Combines closures from two crates: memoized recursion, retries with FnMut state, pipelines.
use lib_a::{retry, Memo};

fn collatz_len(n: &u64) -> u32 {
    let (mut n, mut steps) = (*n, 0);
    while n != 1 {
        n = if n % 2 == 0 { n / 2 } else { 3 * n + 1 };
        steps += 1;
    }
    steps
}

fn main() {
    let mut memo = Memo::new(collatz_len);
    let lens: Vec<u32> = [27u64, 9, 27, 97, 9].iter().map(|&n| memo.get(n)).collect();
    println!("{:?} misses={}", lens, memo.misses);
    let mut words = Memo::new(|s: &String| s.to_uppercase());
    println!("{} {}", words.get("abc".into()), words.get("abc".into()));

    let mut budget = 3;
    let r: Result<u32, Vec<String>> = retry(5, |attempt| {
        budget -= 1;
        if budget == 0 { Ok(attempt * 100) } else { Err(format!("attempt {attempt} failed")) }
    });
    println!("{:?}", r);
    let never: Result<(), Vec<u8>> = retry(2, |a| Err(a as u8));
    println!("{:?}", never);

    let p = lib_b::standard_pipeline();
    let s = lib_b::scaler(-2);
    let s2 = s.clone();
    println!("{} {} {}", p(5), s(4), s2(s(1)));
    let local = lib_a::pipeline(vec![Box::new(|v: Vec<u8>| v.into_iter().rev().collect()), Box::new(|mut v: Vec<u8>| {
        v.push(0);
        v
    })]);
    println!("{:?}", local(vec![1, 2, 3]));
    println!("{}", lib_b::once_greeting("mirlink".into())());
}
