// deps: lib_a
// Uses the upstream blanket extension trait on std and local iterators.
use lib_a::IterExt;

struct Countdown(u8);

impl Iterator for Countdown {
    type Item = u8;
    fn next(&mut self) -> Option<u8> {
        if self.0 == 0 {
            None
        } else {
            self.0 -= 1;
            Some(self.0)
        }
    }
}

fn main() {
    let deltas: Vec<i32> = [1, 4, 9, 16].iter().pairs().map(|(a, b)| b - a).collect();
    println!("{:?}", deltas);
    let c = "mississippi".chars().counts();
    let mut cv: Vec<_> = c.into_iter().collect();
    cv.sort();
    println!("{:?}", cv);
    let words = vec!["ccc", "a", "bb"];
    println!("{:?}", words.into_iter().sorted_by_key(|w| w.len()));
    let pairs: Vec<(u8, u8)> = Countdown(4).pairs().collect();
    println!("{:?} {:?}", pairs, Countdown(3).counts().len());
    let by_neg = (1..5).map(|x| x * 10).sorted_by_key(|x| -x);
    println!("{:?}", by_neg);
}
