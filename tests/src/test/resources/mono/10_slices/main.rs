// Slice algorithms: sort, sort_by_key, binary_search, windows, chunks, dedup, retain, rotate.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Score {
    points: u32,
    name: String,
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let mid = v.len() / 2;
    if v.len() % 2 == 0 { (v[mid - 1] + v[mid]) / 2.0 } else { v[mid] }
}

fn main() {
    let mut nums = vec![42, 7, 19, 7, 3, 88, 19, 1];
    nums.sort();
    println!("{:?}", nums);
    println!("{:?} {:?}", nums.binary_search(&19).is_ok(), nums.binary_search(&20));
    nums.dedup();
    nums.retain(|&x| x != 88);
    println!("{:?}", nums);

    let increasing = nums.windows(2).all(|w| w[0] <= w[1]);
    let diffs: Vec<i32> = nums.windows(2).map(|w| w[1] - w[0]).collect();
    println!("{increasing} {:?}", diffs);

    let mut scores = vec![
        Score { points: 30, name: "ann".into() },
        Score { points: 10, name: "bob".into() },
        Score { points: 30, name: "al".into() },
    ];
    scores.sort();
    println!("{:?}", scores.iter().map(|s| &s.name).collect::<Vec<_>>());
    scores.sort_by_key(|s| std::cmp::Reverse(s.points));
    scores.sort_unstable_by(|a, b| b.name.cmp(&a.name));
    println!("{:?}", scores.first());
    let idx = scores.binary_search_by(|s| "bob".cmp(s.name.as_str()).reverse());
    println!("{:?}", idx);

    let mut data = [5.0, 1.0, 4.0, 2.0];
    println!("{}", median(&mut data));
    let mut arr = [1u8, 2, 3, 4, 5, 6];
    arr.rotate_right(2);
    arr.reverse();
    arr[..3].swap(0, 2);
    for chunk in arr.chunks_exact(2) {
        print!("{:?} ", chunk);
    }
    println!();
    let (l, r) = arr.split_at(3);
    println!("{:?} {:?} {:?}", l, r, arr.iter().max());
    println!("{} {:?}", arr.contains(&9), arr.iter().rposition(|&b| b > 3));
    let mut words = vec!["pear", "Apple", "fig"];
    words.sort_by_key(|w| w.to_lowercase());
    println!("{}", words.concat());
}
