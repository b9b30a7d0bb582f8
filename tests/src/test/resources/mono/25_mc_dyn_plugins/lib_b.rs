// deps: lib_a
// Stock plugins implemented in a separate crate.
use lib_a::{Meta, Plugin};

#[derive(Debug)]
pub struct Upper;

impl Meta for Upper {
    fn name(&self) -> &str {
        "upper"
    }
}
impl Plugin for Upper {
    fn run(&mut self, input: &str) -> String {
        input.to_uppercase()
    }
}

#[derive(Debug, Default)]
pub struct Counter {
    pub seen: usize,
}

impl Meta for Counter {
    fn name(&self) -> &str {
        "counter"
    }
    fn version(&self) -> (u8, u8) {
        (2, 3)
    }
}
impl Plugin for Counter {
    fn run(&mut self, input: &str) -> String {
        self.seen += input.split_whitespace().count();
        self.seen.to_string()
    }
}
