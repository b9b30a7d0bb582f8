// Custom Drop impls inside structs, enums, vectors, boxes and Options: drop glue everywhere.
use std::mem::ManuallyDrop;

struct Noisy {
    name: String,
}

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.name);
    }
}

struct Guard<'a> {
    log: &'a mut Vec<String>,
    tag: u32,
}

impl Drop for Guard<'_> {
    fn drop(&mut self) {
        self.log.push(format!("guard {}", self.tag));
    }
}

struct Pair {
    _a: Noisy,
    _b: Box<Noisy>,
}

enum Slot {
    Empty,
    Full(Noisy),
    Many(Vec<Noisy>),
}

fn noisy(n: &str) -> Noisy {
    Noisy { name: n.to_string() }
}

fn scoped(log: &mut Vec<String>) {
    let _g = Guard { log, tag: 1 };
}

fn main() {
    let _p = Pair { _a: noisy("a"), _b: Box::new(noisy("b")) };
    let slots = vec![Slot::Empty, Slot::Full(noisy("c")), Slot::Many(vec![noisy("d"), noisy("e")])];
    for s in &slots {
        match s {
            Slot::Empty => println!("empty"),
            Slot::Full(n) => println!("full {}", n.name),
            Slot::Many(v) => println!("many {}", v.len()),
        }
    }
    drop(slots);
    let mut log = Vec::new();
    scoped(&mut log);
    println!("{:?}", log);
    let opt: Option<Noisy> = Some(noisy("f"));
    let taken = opt.map(|n| n.name.len());
    println!("{:?}", taken);
    let md = ManuallyDrop::new(noisy("never"));
    println!("{}", md.name);
    let tuple = (noisy("t1"), 5u8, [noisy("t2"), noisy("t3")]);
    std::mem::drop(tuple);
    let boxed: Box<dyn Fn()> = {
        let n = noisy("captured");
        Box::new(move || println!("closure holds {}", n.name))
    };
    boxed();
}
