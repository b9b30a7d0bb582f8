// dyn Trait with supertraits, trait upcasting and default methods through vtables.
use std::fmt;

trait Named {
    fn name(&self) -> String;
}

trait Shape: Named + fmt::Debug {
    fn area(&self) -> f64;
    fn perimeter(&self) -> f64;
    fn report(&self) -> String {
        format!("{}: area {:.2}, perimeter {:.2}", self.name(), self.area(), self.perimeter())
    }
}

#[derive(Debug)]
struct Circle {
    r: f64,
}
#[derive(Debug)]
struct Rect {
    w: f64,
    h: f64,
}

impl Named for Circle {
    fn name(&self) -> String {
        "circle".into()
    }
}
impl Named for Rect {
    fn name(&self) -> String {
        format!("rect {}x{}", self.w, self.h)
    }
}
impl Shape for Circle {
    fn area(&self) -> f64 {
        std::f64::consts::PI * self.r * self.r
    }
    fn perimeter(&self) -> f64 {
        2.0 * std::f64::consts::PI * self.r
    }
}
impl Shape for Rect {
    fn area(&self) -> f64 {
        self.w * self.h
    }
    fn perimeter(&self) -> f64 {
        2.0 * (self.w + self.h)
    }
    fn report(&self) -> String {
        format!("{:?} has area {}", self, self.area())
    }
}

fn largest(shapes: &[Box<dyn Shape>]) -> Option<&dyn Shape> {
    shapes
        .iter()
        .max_by(|a, b| a.area().partial_cmp(&b.area()).unwrap())
        .map(|b| b.as_ref())
}

fn names(items: &[&dyn Named]) -> Vec<String> {
    items.iter().map(|n| n.name()).collect()
}

fn main() {
    let shapes: Vec<Box<dyn Shape>> = vec![Box::new(Circle { r: 1.5 }), Box::new(Rect { w: 2.0, h: 4.0 })];
    for s in &shapes {
        println!("{}", s.report());
    }
    if let Some(big) = largest(&shapes) {
        println!("largest: {:?}", big);
        let as_named: &dyn Named = big;
        println!("{:?}", names(&[as_named, &Circle { r: 0.0 }]));
    }
    let total: f64 = shapes.iter().map(|s| s.area()).sum();
    println!("{total:.3}");
}
