// deps: lib_a, lib_b
// Uses the shared generic library directly (i32, String, u16) and through lib_b.
use lib_a::{extremes, BoundedStack};
use lib_b::History;

fn main() {
    let mut s: BoundedStack<i32> = BoundedStack::new(2);
    println!("{:?} {:?} {:?}", s.push(1), s.push(2), s.push(3));
    println!("{:?} {}", s.peek(), s.dump());
    let mut h = History::new();
    for w in ["one", "three", "seven", "eleven"] {
        println!("{w}: {}", h.record(w));
    }
    println!("{:?} {:?}", h.undo(), h.stats());
    println!("{}", h.stack().dump());
    let mut names: BoundedStack<String> = BoundedStack::new(4);
    names.push("x".to_string()).unwrap();
    println!("{:?}", names.clone().pop());
    let mut a = BoundedStack::<u16>::new(1);
    a.push(9).ok();
    println!("{:?}", lib_b::widest(&[a, BoundedStack::new(5)]));
    let e = extremes([2.5f64, -1.0, 7.25]);
    let c = extremes("mirlink".chars());
    println!("{:?} {:?} {:?}", e.min, e.max, (c.min, c.max));
}
