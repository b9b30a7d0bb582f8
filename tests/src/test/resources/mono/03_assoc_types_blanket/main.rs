// Associated types, blanket impls and generic trait methods.
use std::collections::HashMap;
use std::fmt::Display;

trait Container {
    type Item;
    fn get(&self, i: usize) -> Option<&Self::Item>;
    fn first(&self) -> Option<&Self::Item> {
        self.get(0)
    }
    fn size(&self) -> usize;
}

struct Stack<T> {
    items: Vec<T>,
}

impl<T> Container for Stack<T> {
    type Item = T;
    fn get(&self, i: usize) -> Option<&T> {
        self.items.get(i)
    }
    fn size(&self) -> usize {
        self.items.len()
    }
}

struct Registry {
    names: HashMap<u32, String>,
}

impl Container for Registry {
    type Item = String;
    fn get(&self, i: usize) -> Option<&String> {
        self.names.get(&(i as u32))
    }
    fn size(&self) -> usize {
        self.names.len()
    }
}

trait Describe {
    fn describe(&self) -> String;
}

impl<T: Display> Describe for T {
    fn describe(&self) -> String {
        format!("<{}>", self)
    }
}

fn summarize<C>(c: &C) -> String
where
    C: Container,
    C::Item: Describe,
{
    let mut out = String::new();
    for i in 0..c.size() {
        if let Some(x) = c.get(i) {
            out.push_str(&x.describe());
        }
    }
    out
}

fn main() {
    let s = Stack { items: vec![1, 2, 3] };
    let mut names = HashMap::new();
    names.insert(0, "zero".to_string());
    names.insert(1, "one".to_string());
    let r = Registry { names };
    println!("{}", summarize(&s));
    println!("{}", summarize(&r));
    println!("{:?} {:?}", s.first(), r.first());
    println!("{}", 3.5f32.describe());
    println!("{}", "text".describe());
}
