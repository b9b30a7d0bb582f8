use std::any::Any;
use std::cmp::Ordering;
use std::collections::HashMap;
use std::fmt::{self, Debug, Display};
use std::hash::{Hash, Hasher};
use std::ops::{Add, Deref, Index, Range};
use std::ptr::NonNull;
use std::alloc::{alloc, dealloc, Layout};

trait Shape { fn area(&self) -> f64; fn name(&self) -> String { "shape".to_string() } }
struct Circle(f64);
struct Sq { side: f32 }
impl Shape for Circle { fn area(&self) -> f64 { 3.14 * self.0 * self.0 } }
impl Shape for Sq { fn area(&self) -> f64 { (self.side * self.side) as f64 } fn name(&self) -> String { format!("sq{}", self.side) } }

#[derive(Clone, Copy, Debug, PartialEq, Default)]
struct V2 { x: i32, y: i32 }
impl Add for V2 { type Output = V2; fn add(self, o: V2) -> V2 { V2 { x: self.x + o.x, y: self.y + o.y } } }

struct Wrapper(Vec<u8>);
impl Deref for Wrapper { type Target = [u8]; fn deref(&self) -> &[u8] { &self.0 } }
impl Display for Wrapper { fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result { write!(f, "W{}", self.0.len()) } }

fn describe(x: &dyn Any) -> &'static str { if x.is::<i32>() { "i32" } else if x.downcast_ref::<String>().is_some() { "string" } else { "?" } }

fn total<I: IntoIterator<Item = T>, T: Into<f64>>(i: I) -> f64 { i.into_iter().map(Into::into).sum() }

fn apply<F: FnMut(u8) -> u8>(mut f: F) -> u8 { f(1) + f(2) }
fn call_once<F: FnOnce() -> String>(f: F) -> String { f() }

fn main() {
    let shapes: Vec<Box<dyn Shape>> = vec![Box::new(Circle(1.0)), Box::new(Sq { side: 2.0 })];
    let names: Vec<String> = shapes.iter().map(|s| s.name()).collect();
    let v = V2 { x: 1, y: 2 } + V2::default();
    let w = Wrapper(vec![1, 2, 3]);
    let first = w.first().copied();
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    v.x.hash(&mut hasher);
    let hv = hasher.finish();
    let ord = 3.cmp(&4);
    let po = 1.5f64.partial_cmp(&2.5);
    let r: Range<usize> = 1..3;
    let sl = &[5u8, 6, 7, 8][r.clone()];
    let idx = vec![1, 2, 3].index(1).clone();
    let mut counter = 0u8;
    let a = apply(|x| { counter += x; counter });
    let s = String::from("moved");
    let c = call_once(move || s + "!");
    let mut hm: HashMap<&str, i32> = HashMap::new();
    *hm.entry("k").or_insert(0) += 1;
    let nn = NonNull::from(&v);
    let layout = Layout::new::<u64>();
    unsafe { let p = alloc(layout); if !p.is_null() { dealloc(p, layout); } }
    let mx = std::cmp::max(3, 9);
    let sw = { let mut a = 1; let mut b = 2; std::mem::swap(&mut a, &mut b); std::mem::replace(&mut a, 5) + b };
    let tk = std::mem::take(&mut vec![1u8]);
    println!("{:?} {:?} {} {:?} {} {:?} {:?} {:?} {} {} {} {:?} {:?} {} {} {} {:?} {} {:?} {}", names, v, w, first, hv, ord, po, sl, idx, a, c, hm,
        nn, describe(&5i32), describe(&String::new()), total(vec![1.0f32, 2.0]), Ordering::Less, mx, tk, sw);
}
