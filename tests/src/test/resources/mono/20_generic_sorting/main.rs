// Generic merge sort, quicksort and insertion sort with Ord and comparator closures.
use std::cmp::Ordering;

fn merge_sort<T: Ord + Clone>(v: &[T]) -> Vec<T> {
    if v.len() <= 1 {
        return v.to_vec();
    }
    let (l, r) = v.split_at(v.len() / 2);
    let (l, r) = (merge_sort(l), merge_sort(r));
    let mut out = Vec::with_capacity(v.len());
    let (mut i, mut j) = (0, 0);
    while i < l.len() && j < r.len() {
        if l[i] <= r[j] {
            out.push(l[i].clone());
            i += 1;
        } else {
            out.push(r[j].clone());
            j += 1;
        }
    }
    out.extend_from_slice(&l[i..]);
    out.extend_from_slice(&r[j..]);
    out
}

fn quicksort_by<T, F: Fn(&T, &T) -> Ordering + Copy>(v: &mut [T], cmp: F) {
    if v.len() <= 1 {
        return;
    }
    let last = v.len() - 1;
    let mut store = 0;
    for i in 0..last {
        if cmp(&v[i], &v[last]) == Ordering::Less {
            v.swap(i, store);
            store += 1;
        }
    }
    v.swap(store, last);
    let (left, right) = v.split_at_mut(store);
    quicksort_by(left, cmp);
    quicksort_by(&mut right[1..], cmp);
}

fn insertion_sort<T: PartialOrd>(v: &mut Vec<T>) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && v[j - 1] > v[j] {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

fn is_sorted_by<T, K: PartialOrd>(v: &[T], key: impl Fn(&T) -> K) -> bool {
    v.windows(2).all(|w| key(&w[0]) <= key(&w[1]))
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Person {
    age: u8,
    name: String,
}

fn main() {
    let nums = [9, -2, 14, 0, 7, 7, 3];
    println!("{:?}", merge_sort(&nums));
    let words = ["kiwi", "fig", "banana", "apple"];
    println!("{:?}", merge_sort(&words));
    let mut people = vec![
        Person { age: 40, name: "zed".into() },
        Person { age: 25, name: "amy".into() },
        Person { age: 31, name: "bo".into() },
    ];
    quicksort_by(&mut people, |a, b| a.name.len().cmp(&b.name.len()).then_with(|| a.name.cmp(&b.name)));
    println!("{:?}", people.iter().map(|p| p.name.as_str()).collect::<Vec<_>>());
    println!("{}", is_sorted_by(&people, |p| p.age));
    let mut fl = vec![2.5f32, -1.0, 9.75, 0.0];
    insertion_sort(&mut fl);
    let mut ps = people.clone();
    insertion_sort(&mut ps);
    println!("{:?} {:?}", fl, ps.first().map(|p| p.age));
    let mut floats = vec![3.3f64, 1.1, 2.2];
    quicksort_by(&mut floats, |a, b| b.partial_cmp(a).unwrap());
    println!("{:?}", floats);
}
