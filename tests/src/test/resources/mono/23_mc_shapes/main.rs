// deps: lib_a
// Implements the library's trait downstream and instantiates its generic helpers.
use lib_a::{biggest, describe_dyn, total_area, Shape, Square};

struct Circle {
    r: f64,
}

impl Shape for Circle {
    fn area(&self) -> f64 {
        3.14159 * self.r * self.r
    }
}

struct Tri {
    base: f32,
    h: f32,
}

impl Shape for Tri {
    fn area(&self) -> f64 {
        (self.base * self.h) as f64 / 2.0
    }
    fn name(&self) -> String {
        format!("triangle {}x{}", self.base, self.h)
    }
}

fn main() {
    let circles = [Circle { r: 1.0 }, Circle { r: 2.0 }];
    let squares = vec![Square(2.0), lib_a::unit_square()];
    println!("{:.3} {:.3}", total_area(&circles), total_area(&squares));
    if let Some(c) = biggest(&circles) {
        println!("{}", c.describe());
    }
    println!("{:?}", biggest(&squares));
    let t = Tri { base: 3.0, h: 4.0 };
    for line in describe_dyn(&[&t, &circles[0], &squares[1]]) {
        println!("{line}");
    }
}
