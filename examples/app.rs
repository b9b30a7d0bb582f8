//! The example's program: a binary over the workspace's MIR-only rlibs, which mirlink collects
//! whole (its generics, the workspace's and std's, each instance once).
use geometry::{total_area, Figure, Rect, Shape};

fn main() {
    let rooms = [Rect { w: 2.5f64, h: 4.0 }, Rect { w: 3.0, h: 3.0 }];
    println!("area {}", total_area(&rooms) + Figure::Square(1.5f64).area());
    println!("{}", report::report());
}
