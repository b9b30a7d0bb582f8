// Generic structs, functions and impls with trait bounds.
use std::fmt::Debug;

#[derive(Debug, Clone, PartialEq)]
struct Pair<T> {
    first: T,
    second: T,
}

impl<T: PartialOrd + Copy> Pair<T> {
    fn new(first: T, second: T) -> Self {
        Pair { first, second }
    }
    fn largest(&self) -> T {
        if self.first > self.second { self.first } else { self.second }
    }
    fn swap(self) -> Pair<T> {
        Pair { first: self.second, second: self.first }
    }
}

struct Wrapper<T>(Vec<T>);

impl<T: Debug> Wrapper<T> {
    fn describe(&self) -> String {
        format!("{} items: {:?}", self.0.len(), self.0)
    }
}

fn largest<T: PartialOrd + Copy>(items: &[T]) -> Option<T> {
    let mut it = items.iter();
    let mut best = *it.next()?;
    for &x in it {
        if x > best {
            best = x;
        }
    }
    Some(best)
}

fn zip_with<A, B, C, F: Fn(A, B) -> C>(a: Vec<A>, b: Vec<B>, f: F) -> Vec<C> {
    a.into_iter().zip(b).map(|(x, y)| f(x, y)).collect()
}

fn print_all<T: Debug>(label: &str, items: &[T]) {
    for (i, item) in items.iter().enumerate() {
        println!("{label}[{i}] = {item:?}");
    }
}

fn main() {
    let p = Pair::new(3, 7);
    let q = Pair::new(2.5f64, -1.0);
    println!("{} {}", p.largest(), q.largest());
    println!("{:?}", p.clone().swap());
    println!("{}", p == Pair::new(3, 7));
    println!("{:?} {:?}", largest(&[4u8, 9, 2]), largest::<char>(&[]));
    let sums = zip_with(vec![1, 2, 3], vec![10, 20, 30], |a: i32, b: i32| a + b);
    let names = zip_with(vec!["a", "b"], vec![1u64, 2], |s, n| format!("{s}{n}"));
    print_all("sums", &sums);
    print_all("names", &names);
    let w = Wrapper(vec![Pair::new('x', 'y')]);
    println!("{}", w.describe());
}
