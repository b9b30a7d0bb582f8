#![no_std]
// deps: lib_a
// A second no_std crate using the shared ArrayVec: a small event log with u16 codes.
use lib_a::{max_of, ArrayVec};

pub struct EventLog {
    codes: ArrayVec<u16, 8>,
    dropped: u32,
}

impl EventLog {
    pub const fn new() -> Self {
        EventLog { codes: ArrayVec::new(), dropped: 0 }
    }
    pub fn record(&mut self, code: u16) {
        if self.codes.push(code).is_err() {
            self.dropped += 1;
        }
    }
    pub fn clear_below(&mut self, min: u16) {
        self.codes.retain(|c| *c >= min);
    }
    pub fn worst(&self) -> Option<u16> {
        max_of(&self.codes)
    }
    pub fn summary(&self) -> (usize, u32) {
        (self.codes.len(), self.dropped)
    }
}
