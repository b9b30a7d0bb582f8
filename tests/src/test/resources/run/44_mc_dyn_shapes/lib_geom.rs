#![no_std]
// Shapes behind dyn traits with a supertrait, defined in a library and extended by main.

pub trait Named { fn name(&self) -> &'static str; }

pub trait Shape: Named {
    fn area(&self) -> f64;
    fn perimeter(&self) -> f64;
    fn scale(&mut self, k: f64);
    fn ratio(&self) -> f64 { self.area() / self.perimeter() }
}

pub struct Circle { pub r: f64 }
pub struct Rect { pub w: f64, pub h: f64 }

const PI: f64 = 3.141592653589793;

impl Named for Circle { fn name(&self) -> &'static str { "circle" } }
impl Shape for Circle {
    fn area(&self) -> f64 { PI * self.r * self.r }
    fn perimeter(&self) -> f64 { 2.0 * PI * self.r }
    fn scale(&mut self, k: f64) { self.r *= k; }
}
impl Named for Rect { fn name(&self) -> &'static str { if self.w == self.h { "square" } else { "rect" } } }
impl Shape for Rect {
    fn area(&self) -> f64 { self.w * self.h }
    fn perimeter(&self) -> f64 { 2.0 * (self.w + self.h) }
    fn scale(&mut self, k: f64) { self.w *= k; self.h *= k; }
    fn ratio(&self) -> f64 { if self.w > self.h { self.h / self.w } else { self.w / self.h } }
}

pub fn total_area(shapes: &[&dyn Shape]) -> f64 { shapes.iter().map(|s| s.area()).sum() }

pub fn largest<'a>(shapes: &[&'a dyn Shape]) -> Option<&'a dyn Shape> {
    shapes.iter().copied().fold(None, |best: Option<&dyn Shape>, s| match best { Some(b) if b.area() >= s.area() => Some(b), _ => Some(s) })
}

pub fn scale_all(shapes: &mut [&mut dyn Shape], k: f64) { for s in shapes.iter_mut() { s.scale(k); } }

pub fn names(shapes: &[&dyn Shape], out: &mut [&'static str]) -> usize {
    let mut n = 0;
    for (slot, s) in out.iter_mut().zip(shapes) { *slot = s.name(); n += 1; }
    n
}
