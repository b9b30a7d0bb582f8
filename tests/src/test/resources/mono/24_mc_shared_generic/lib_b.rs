// deps: lib_a
// A second crate built on the shared generic library: an undo history of strings.
use lib_a::{extremes, BoundedStack};

pub struct History {
    undo: BoundedStack<String>,
    sizes: Vec<usize>,
}

impl History {
    pub fn new() -> Self {
        History { undo: BoundedStack::new(3), sizes: Vec::new() }
    }
    pub fn record(&mut self, s: &str) -> bool {
        self.sizes.push(s.len());
        self.undo.push(s.to_owned()).is_ok()
    }
    pub fn undo(&mut self) -> Option<String> {
        self.undo.pop()
    }
    pub fn stats(&self) -> (Option<usize>, Option<usize>) {
        let e = extremes(self.sizes.iter().copied());
        (e.min, e.max)
    }
    pub fn stack(&self) -> &BoundedStack<String> {
        &self.undo
    }
}

pub fn widest(stacks: &[BoundedStack<u16>]) -> Option<usize> {
    extremes(stacks.iter().map(|s| s.len())).max
}
