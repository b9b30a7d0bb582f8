// Const generics: fixed-size matrices, arrays of N, const-parameterised buffers.
use std::ops::{Add, Mul};

#[derive(Debug, Clone, Copy, PartialEq)]
struct Matrix<const R: usize, const C: usize> {
    data: [[i32; C]; R],
}

impl<const R: usize, const C: usize> Matrix<R, C> {
    fn zero() -> Self {
        Matrix { data: [[0; C]; R] }
    }
    fn transpose(&self) -> Matrix<C, R> {
        let mut out = Matrix::<C, R>::zero();
        for i in 0..R {
            for j in 0..C {
                out.data[j][i] = self.data[i][j];
            }
        }
        out
    }
    fn mul<const K: usize>(&self, other: &Matrix<C, K>) -> Matrix<R, K> {
        let mut out = Matrix::<R, K>::zero();
        for i in 0..R {
            for j in 0..K {
                out.data[i][j] = (0..C).map(|k| self.data[i][k] * other.data[k][j]).sum();
            }
        }
        out
    }
}

impl<const R: usize, const C: usize> Add for Matrix<R, C> {
    type Output = Self;
    fn add(mut self, o: Self) -> Self {
        for i in 0..R {
            for j in 0..C {
                self.data[i][j] += o.data[i][j];
            }
        }
        self
    }
}

struct RingBuffer<T, const N: usize> {
    buf: [Option<T>; N],
    head: usize,
}

impl<T: Copy + Default + Mul<Output = T>, const N: usize> RingBuffer<T, N> {
    fn new() -> Self {
        RingBuffer { buf: [None; N], head: 0 }
    }
    fn push(&mut self, x: T) {
        self.buf[self.head % N] = Some(x * x);
        self.head += 1;
    }
    fn values(&self) -> Vec<T> {
        self.buf.iter().flatten().copied().collect()
    }
}

fn sum_array<const N: usize>(a: [u64; N]) -> u64 {
    a.iter().sum()
}

fn main() {
    let a = Matrix::<2, 3> { data: [[1, 2, 3], [4, 5, 6]] };
    let t = a.transpose();
    let p = a.mul(&t);
    println!("{:?}\n{:?}", t, p);
    println!("{:?}", p + Matrix::zero());
    let mut rb = RingBuffer::<i16, 3>::new();
    for i in 1..=5 {
        rb.push(i);
    }
    let mut rf = RingBuffer::<f32, 2>::new();
    rf.push(1.5);
    println!("{:?} {:?}", rb.values(), rf.values());
    println!("{} {}", sum_array([1, 2, 3]), sum_array([7; 8]));
}
