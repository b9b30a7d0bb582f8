//! Shapes generic over their scalar type.
use core::ops::{Add, Mul};

pub trait Shape<T> {
    fn area(&self) -> T;
    fn name(&self) -> &'static str { "shape" }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect<T> { pub w: T, pub h: T }

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Figure<T> { Square(T), Rect(Rect<T>), Empty }

impl<T: Copy + Mul<Output = T>> Shape<T> for Rect<T> {
    fn area(&self) -> T { self.w * self.h }
    fn name(&self) -> &'static str { "rect" }
}

impl<T: Copy + Mul<Output = T> + Default> Shape<T> for Figure<T> {
    fn area(&self) -> T {
        match *self {
            Figure::Square(s) => s * s,
            Figure::Rect(r) => r.area(),
            Figure::Empty => T::default(),
        }
    }
}

pub fn total_area<T, S>(shapes: &[S]) -> T
where
    T: Default + Add<Output = T>,
    S: Shape<T>,
{
    shapes.iter().fold(T::default(), |acc, s| acc + s.area())
}

pub fn describe(shape: &dyn Shape<u32>) -> String {
    format!("{} of area {}", shape.name(), shape.area())
}
