// Operator traits (Add, Sub, Mul, Neg, Index, AddAssign) and generic code over them.
use std::iter::Sum;
use std::ops::{Add, AddAssign, Index, IndexMut, Mul, Neg, Sub};

#[derive(Debug, Clone, Copy, PartialEq, Default)]
struct V2 {
    x: f64,
    y: f64,
}

impl Add for V2 {
    type Output = V2;
    fn add(self, o: V2) -> V2 {
        V2 { x: self.x + o.x, y: self.y + o.y }
    }
}
impl Sub for V2 {
    type Output = V2;
    fn sub(self, o: V2) -> V2 {
        self + (-o)
    }
}
impl Neg for V2 {
    type Output = V2;
    fn neg(self) -> V2 {
        V2 { x: -self.x, y: -self.y }
    }
}
impl Mul<f64> for V2 {
    type Output = V2;
    fn mul(self, k: f64) -> V2 {
        V2 { x: self.x * k, y: self.y * k }
    }
}
impl AddAssign for V2 {
    fn add_assign(&mut self, o: V2) {
        *self = *self + o;
    }
}
impl Sum for V2 {
    fn sum<I: Iterator<Item = V2>>(iter: I) -> V2 {
        iter.fold(V2::default(), Add::add)
    }
}

struct Polygon {
    pts: Vec<V2>,
}
impl Index<usize> for Polygon {
    type Output = V2;
    fn index(&self, i: usize) -> &V2 {
        &self.pts[i % self.pts.len()]
    }
}
impl IndexMut<usize> for Polygon {
    fn index_mut(&mut self, i: usize) -> &mut V2 {
        let n = self.pts.len();
        &mut self.pts[i % n]
    }
}

fn accumulate<T: Add<Output = T> + Copy + Default>(xs: &[T]) -> Vec<T> {
    let mut acc = T::default();
    xs.iter().map(|&x| { acc = acc + x; acc }).collect()
}

fn dot<T>(a: &[T], b: &[T]) -> T
where
    T: Mul<Output = T> + Sum<T> + Copy,
{
    a.iter().zip(b).map(|(&x, &y)| x * y).sum()
}

fn main() {
    let mut poly = Polygon { pts: vec![V2 { x: 0.0, y: 0.0 }, V2 { x: 4.0, y: 0.0 }, V2 { x: 0.0, y: 3.0 }] };
    poly[3] += V2 { x: 1.0, y: 1.0 };
    let centroid = poly.pts.iter().copied().sum::<V2>() * (1.0 / 3.0);
    println!("{:?} {:?}", centroid, poly[1] - poly[2]);
    println!("{:?}", accumulate(&[1, 2, 3, 4]));
    println!("{:?}", accumulate(&[V2 { x: 1.0, y: 2.0 }, V2 { x: 0.5, y: 0.5 }]));
    println!("{} {}", dot(&[1i64, 2, 3], &[4, 5, 6]), dot(&[0.5f32, 2.0], &[2.0, 0.25]));
}
