//! A crate compiled by plain rustc against mirlink's MIR-only rlibs: it instantiates their
//! generics with its own types.
use geometry::{total_area, Figure, Rect, Shape};

#[derive(Clone, Copy, Default, Debug, PartialEq)]
pub struct Meters(pub f32);

impl core::ops::Add for Meters {
    type Output = Meters;
    fn add(self, o: Meters) -> Meters { Meters(self.0 + o.0) }
}

impl core::ops::Mul for Meters {
    type Output = Meters;
    fn mul(self, o: Meters) -> Meters { Meters(self.0 * o.0) }
}

pub fn floor_area() -> Meters {
    let rooms = [Rect { w: Meters(2.5), h: Meters(4.0) }, Rect { w: Meters(3.0), h: Meters(3.0) }];
    total_area(&rooms) + Figure::Square(Meters(1.5)).area()
}

pub fn summary() -> String {
    report::report()
}
