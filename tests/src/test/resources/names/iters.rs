use std::iter;

fn evens() -> impl DoubleEndedIterator<Item = u32> {
    (0..20u32).filter(|x| x % 2 == 0)
}

#[allow(dead_code)]
fn main() {
    let a = [1i32, 2, 3, 4, 5];
    let b = vec![10i64, 20, 30];
    let s: i32 = a.iter().map(|x| x * 2).sum();
    let z: Vec<(i32, i64)> = a.iter().copied().zip(b.iter().cloned()).collect();
    let c: Vec<u32> = evens().chain(iter::once(99)).rev().skip(1).take(5).collect();
    let e: Vec<(usize, char)> = "abc".chars().enumerate().collect();
    let f: Vec<u8> = vec![vec![1u8, 2], vec![3]].into_iter().flatten().collect();
    let fm: Vec<char> = ["ab", "cd"].iter().flat_map(|s| s.chars()).collect();
    let mut p = a.iter().peekable();
    let first = p.peek().copied();
    let w: Vec<i32> = a.windows(2).map(|w| w[0] + w[1]).collect();
    let ch: Vec<&[i32]> = a.chunks(2).collect();
    let r: Vec<i32> = iter::repeat(7).take(3).collect();
    let mut n = 0;
    let ff: Vec<i32> = iter::from_fn(|| { n += 1; if n < 4 { Some(n) } else { None } }).collect();
    let su: Vec<u64> = iter::successors(Some(1u64), |x| if *x < 100 { Some(x * 3) } else { None }).collect();
    let sc: Vec<i32> = a.iter().scan(0, |acc, x| { *acc += x; Some(*acc) }).collect();
    let tw: Vec<&i32> = a.iter().take_while(|x| **x < 3).collect();
    let sw: Vec<&i32> = a.iter().skip_while(|x| **x < 3).collect();
    let st: Vec<&i32> = a.iter().step_by(2).collect();
    let mx = a.iter().max_by_key(|x| (*x % 3, **x));
    let pos = a.iter().position(|x| *x == 4);
    let any = b.iter().any(|x| *x > 15);
    let folded = b.iter().fold(String::new(), |acc, x| acc + &x.to_string());
    let (ev, od): (Vec<i32>, Vec<i32>) = a.iter().partition(|x| *x % 2 == 0);
    let cy: Vec<&i32> = a.iter().cycle().take(7).collect();
    let fl: Vec<i32> = a.iter().filter_map(|x| if *x > 2 { Some(x * 10) } else { None }).collect();
    let ins: Vec<&i32> = a.iter().inspect(|_| ()).fuse().collect();
    let mw: Vec<i32> = a.iter().map_while(|x| if *x < 4 { Some(*x) } else { None }).collect();
    let mut sorted = b.clone();
    sorted.sort_unstable_by(|x, y| y.cmp(x));
    let last = a.iter().last();
    let cnt = a.iter().count();
    let rp = a.rsplit(|x| *x == 3).count();
    println!("{s} {z:?} {c:?} {e:?} {f:?} {fm:?} {first:?} {w:?} {ch:?} {r:?} {ff:?} {su:?} {sc:?} {tw:?} {sw:?} {st:?} {mx:?} {pos:?} {any} {folded} {ev:?} {od:?} {cy:?} {fl:?} {ins:?} {mw:?} {sorted:?} {last:?} {cnt} {rp}");
}
