// Long iterator adapter chains over ranges, vectors and strings.
fn primes(limit: u32) -> Vec<u32> {
    (2..limit).filter(|n| (2..*n).take_while(|d| d * d <= *n).all(|d| n % d != 0)).collect()
}

fn main() {
    let v: Vec<i64> = (1..=20).collect();
    let evens_squared: Vec<i64> = v.iter().filter(|&&x| x % 2 == 0).map(|x| x * x).collect();
    println!("{:?}", evens_squared);

    let sum: i64 = v.iter().rev().skip(2).step_by(3).sum();
    let product: i64 = v.iter().take(5).product();
    println!("{sum} {product}");

    let words = ["alpha", "beta", "gamma", "delta"];
    let joined: String = words
        .iter()
        .enumerate()
        .map(|(i, w)| format!("{i}:{w}"))
        .collect::<Vec<_>>()
        .join(",");
    println!("{joined}");

    let chars: Vec<char> = words.iter().flat_map(|w| w.chars().take(2)).collect();
    println!("{:?}", chars);

    let (small, big): (Vec<i64>, Vec<i64>) = v.iter().partition(|&&x| x < 10);
    println!("{} {}", small.len(), big.len());

    let pos = v.iter().position(|&x| x == 13);
    let found = v.iter().find(|&&x| x > 15).copied();
    let maxw = words.iter().max_by_key(|w| w.len());
    println!("{:?} {:?} {:?}", pos, found, maxw);

    let pairs: Vec<(i64, char)> = v.iter().cloned().zip("xyz".chars()).collect();
    println!("{:?}", pairs);

    let folded = v.iter().fold(String::new(), |mut acc, x| {
        if x % 5 == 0 {
            acc.push_str(&x.to_string());
        }
        acc
    });
    println!("{folded}");

    let windows_sum: Vec<i64> = v.chunks(4).map(|c| c.iter().sum()).collect();
    println!("{:?} {:?}", windows_sum, primes(30));
    let any_neg = v.iter().any(|&x| x < 0);
    let count = v.iter().filter(|x| **x > 3).count();
    let last = v.iter().map(|x| x * 3).last();
    println!("{any_neg} {count} {last:?}");
}
