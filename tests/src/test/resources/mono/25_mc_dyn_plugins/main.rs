// deps: lib_a, lib_b
// Registers plugins from lib_b and a local one into lib_a's registry.
use lib_a::{Meta, Plugin, Registry};
use lib_b::{Counter, Upper};

#[derive(Debug)]
struct Reverse {
    on: bool,
}

impl Meta for Reverse {
    fn name(&self) -> &str {
        "reverse"
    }
}

impl Plugin for Reverse {
    fn run(&mut self, input: &str) -> String {
        input.chars().rev().collect()
    }
    fn enabled(&self) -> bool {
        self.on
    }
}

fn main() {
    let mut reg = Registry::default();
    reg.register(Upper).register(Counter::default()).register(Reverse { on: true });
    for (name, out) in reg.run_all("hello plugin world") {
        println!("{name}: {out}");
    }
    for (name, out) in reg.run_all("again") {
        println!("{name}: {out}");
    }
    println!("{:#?}", reg.describe());
    let mut local: Box<dyn Plugin> = Box::new(Reverse { on: false });
    println!("{} {}", local.enabled(), local.run("abc"));
}
