#![no_std]
// Checked helpers with #[track_caller]: their panics and Location::caller() report the caller's file, line and column.

use core::panic::Location;

#[derive(Debug, Clone, Copy)]
pub struct Budget { pub left: u32 }

impl Budget {
    #[track_caller]
    pub fn spend(&mut self, amount: u32) -> u32 {
        match self.left.checked_sub(amount) {
            Some(rest) => { self.left = rest; rest }
            None => panic!("budget exceeded: wanted {} with {} left", amount, self.left),
        }
    }
}

#[track_caller]
pub fn here() -> (&'static str, u32, u32) {
    let l = Location::caller();
    (l.file(), l.line(), l.column())
}

#[track_caller]
pub fn at<T: Copy>(xs: &[T], i: usize) -> T {
    match xs.get(i) { Some(v) => *v, None => panic!("index {} out of range for {} items", i, xs.len()) }
}

pub fn average(xs: &[u32]) -> u32 { xs.iter().sum::<u32>() / xs.len() as u32 }
