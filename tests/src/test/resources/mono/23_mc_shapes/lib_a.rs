// A geometry library: a trait with default methods, generic helpers and a concrete type.
pub trait Shape {
    fn area(&self) -> f64;
    fn name(&self) -> String {
        String::from("shape")
    }
    fn describe(&self) -> String {
        format!("{} with area {:.2}", self.name(), self.area())
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Square(pub f64);

impl Shape for Square {
    fn area(&self) -> f64 {
        self.0 * self.0
    }
    fn name(&self) -> String {
        "square".into()
    }
}

pub fn total_area<S: Shape>(shapes: &[S]) -> f64 {
    shapes.iter().map(Shape::area).sum()
}

pub fn biggest<'a, S: Shape>(shapes: &'a [S]) -> Option<&'a S> {
    shapes.iter().max_by(|a, b| a.area().total_cmp(&b.area()))
}

pub fn describe_dyn(shapes: &[&dyn Shape]) -> Vec<String> {
    shapes.iter().map(|s| s.describe()).collect()
}

pub fn unit_square() -> Square {
    Square(1.0)
}
