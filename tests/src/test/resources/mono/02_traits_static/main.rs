// Static dispatch through traits: default methods, associated consts, generic bounds.
trait Animal {
    const LEGS: u32;
    fn name(&self) -> String;
    fn sound(&self) -> &'static str;
    fn speak(&self) -> String {
        format!("{} says {}", self.name(), self.sound())
    }
    fn legs(&self) -> u32 {
        Self::LEGS
    }
}

struct Dog {
    name: String,
}
struct Bird;

impl Animal for Dog {
    const LEGS: u32 = 4;
    fn name(&self) -> String {
        self.name.clone()
    }
    fn sound(&self) -> &'static str {
        "woof"
    }
}

impl Animal for Bird {
    const LEGS: u32 = 2;
    fn name(&self) -> String {
        String::from("bird")
    }
    fn sound(&self) -> &'static str {
        "tweet"
    }
    fn speak(&self) -> String {
        format!("the {} sings", self.name())
    }
}

fn introduce<A: Animal>(a: &A) -> String {
    format!("{} ({} legs)", a.speak(), a.legs())
}

fn total_legs<A: Animal, B: Animal>(_a: &A, _b: &B) -> u32 {
    A::LEGS + B::LEGS
}

trait Scale {
    fn scale(&self, by: f64) -> Self;
}

impl Scale for f64 {
    fn scale(&self, by: f64) -> f64 {
        self * by
    }
}

impl Scale for (f64, f64) {
    fn scale(&self, by: f64) -> Self {
        (self.0.scale(by), self.1.scale(by))
    }
}

fn scale_all<T: Scale>(items: &[T], by: f64) -> Vec<T> {
    items.iter().map(|x| x.scale(by)).collect()
}

fn main() {
    let d = Dog { name: "rex".to_string() };
    let b = Bird;
    println!("{}", introduce(&d));
    println!("{}", introduce(&b));
    println!("{}", total_legs(&d, &b));
    println!("{:?}", scale_all(&[1.0, 2.5], 2.0));
    println!("{:?}", scale_all(&[(1.0, 2.0)], 0.5));
}
