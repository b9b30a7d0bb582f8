// fmt machinery, boxed dyn traits, trait objects in collections, errors, tuples, arrays.
#![allow(dead_code)]
use std::fmt::{self, Debug, Display, Write as _};
use std::error::Error;
use std::any::Any;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Point { pub x: f64, pub y: f64, pub tag: Option<String> }
#[derive(Debug)]
pub enum Shape { Circle { c: Point, r: f32 }, Poly(Vec<Point>), Text(String, u16) }
#[derive(Debug)]
pub struct MyErr { code: i32, src: Option<Box<dyn Error + Send + Sync>> }
impl Display for MyErr { fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result { write!(f, "err {}", self.code) } }
impl Error for MyErr {}
impl Display for Shape {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Shape::Circle { c, r } => write!(f, "circle {:.2} {:>8} {:?}", r, c.x, c.tag),
            Shape::Poly(v) => f.debug_list().entries(v.iter().map(|p| (p.x, p.y))).finish(),
            Shape::Text(s, n) => f.debug_struct("Text").field("s", s).field("n", n).finish(),
        }
    }
}
pub trait Draw { fn draw(&self, out: &mut String); fn area(&self) -> f64 { 0.0 } }
impl Draw for Point { fn draw(&self, out: &mut String) { let _ = write!(out, "{self:?}"); } }
impl Draw for Shape { fn draw(&self, out: &mut String) { let _ = write!(out, "{self}"); } }

pub fn run(shapes: Vec<Box<dyn Draw>>, e: Box<dyn Error>) -> Result<String, Box<dyn Error + Send + Sync>> {
    let mut out = String::new();
    for s in &shapes { s.draw(&mut out); }
    let callbacks: Vec<Box<dyn Fn(&str) -> String>> = vec![Box::new(|s| s.to_uppercase()), Box::new(move |s| format!("{s}{}", out.len()))];
    let mut fm: Vec<Box<dyn FnMut(u32) -> u32>> = Vec::new();
    let mut acc = 0u32;
    fm.push(Box::new(move |x| { acc += x; acc }));
    let once: Option<Box<dyn FnOnce() -> Vec<u8> + Send>> = Some(Box::new(|| vec![1, 2]));
    let anys: Vec<Box<dyn Any>> = vec![Box::new(1u8), Box::new("s"), Box::new(Point::default())];
    let n = anys.iter().filter(|a| a.is::<u8>()).count();
    let t: (u8, (u16, (u32, (u64, u128))), [char; 3], [[i8; 2]; 3], (), ((),)) = (1, (2, (3, (4, 5))), ['a'; 3], [[0; 2]; 3], (), ((),));
    let s = format!("{:?} {:#?} {:x} {:08b} {:e} {} {}", t, Shape::Text("t".into(), 1), 255u32, 5u8, 1.5f64, e, n);
    let r: Result<u8, MyErr> = Err(MyErr { code: 3, src: None });
    let dbg = format!("{:?} {:?} {}", r, callbacks.iter().map(|c| c("x")).collect::<Vec<_>>(), fm[0](2));
    let v = once.map(|f| f()).unwrap_or_default();
    let mut w = String::new();
    writeln!(w, "{:>10}|{:<5}|{:^7}|{:+}|{:#x?}", "r", 'c', true, 3i64, [1u8, 2]).map_err(|e| Box::new(e) as Box<dyn Error + Send + Sync>)?;
    Ok(s + &dbg + &w + &v.len().to_string())
}

pub fn parse_all(input: &[&str]) -> Result<Vec<(i64, f32, bool, char)>, Box<dyn Error>> {
    input.iter().map(|s| {
        let mut it = s.split(',');
        Ok((it.next().ok_or("a")?.parse()?, it.next().ok_or("b")?.parse()?, it.next().ok_or("c")?.parse()?, it.next().ok_or("d")?.parse()?))
    }).collect()
}
