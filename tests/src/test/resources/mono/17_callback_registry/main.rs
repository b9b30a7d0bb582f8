// An event bus storing boxed FnMut callbacks and trait objects with generic registration.
use std::collections::BTreeMap;

trait Handler {
    fn handle(&mut self, topic: &str, payload: &str) -> bool;
    fn id(&self) -> String;
}

struct Logger {
    lines: Vec<String>,
}

impl Handler for Logger {
    fn handle(&mut self, topic: &str, payload: &str) -> bool {
        self.lines.push(format!("[{topic}] {payload}"));
        true
    }
    fn id(&self) -> String {
        "logger".to_string()
    }
}

struct FnHandler<F> {
    name: &'static str,
    f: F,
}

impl<F: FnMut(&str) -> bool> Handler for FnHandler<F> {
    fn handle(&mut self, _topic: &str, payload: &str) -> bool {
        (self.f)(payload)
    }
    fn id(&self) -> String {
        self.name.to_string()
    }
}

#[derive(Default)]
struct Bus {
    handlers: BTreeMap<String, Vec<Box<dyn Handler>>>,
}

impl Bus {
    fn subscribe<H: Handler + 'static>(&mut self, topic: &str, h: H) {
        self.handlers.entry(topic.to_string()).or_default().push(Box::new(h));
    }
    fn on<F: FnMut(&str) -> bool + 'static>(&mut self, topic: &str, name: &'static str, f: F) {
        self.subscribe(topic, FnHandler { name, f });
    }
    fn publish(&mut self, topic: &str, payload: &str) -> Vec<String> {
        let mut accepted = Vec::new();
        if let Some(hs) = self.handlers.get_mut(topic) {
            for h in hs.iter_mut() {
                if h.handle(topic, payload) {
                    accepted.push(h.id());
                }
            }
        }
        accepted
    }
}

fn main() {
    let mut bus = Bus::default();
    bus.subscribe("news", Logger { lines: Vec::new() });
    let mut count = 0usize;
    bus.on("news", "counter", move |p| {
        count += p.len();
        count > 10
    });
    bus.on("alerts", "loud", |p| p.ends_with('!'));
    println!("{:?}", bus.publish("news", "hello"));
    println!("{:?}", bus.publish("news", "world, again"));
    println!("{:?}", bus.publish("alerts", "fire!"));
    println!("{:?}", bus.publish("none", "x"));
    let topics: Vec<&String> = bus.handlers.keys().collect();
    println!("{:?}", topics);
}
