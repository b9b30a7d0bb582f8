// An enum-driven state machine with a generic event queue and transition table.
use std::collections::VecDeque;
use std::fmt::Debug;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Idle,
    Running { speed: u8 },
    Paused(u32),
    Done,
}

#[derive(Debug, Clone)]
enum Event {
    Start(u8),
    Pause,
    Resume,
    Tick,
    Stop(String),
}

struct Machine<E> {
    state: State,
    queue: VecDeque<E>,
    history: Vec<State>,
}

impl<E: Debug + Clone> Machine<E> {
    fn new() -> Self {
        Machine { state: State::Idle, queue: VecDeque::new(), history: vec![State::Idle] }
    }
    fn post(&mut self, e: E) {
        self.queue.push_back(e);
    }
    fn run<F: Fn(State, &E) -> Option<State>>(&mut self, step: F) -> usize {
        let mut applied = 0;
        while let Some(e) = self.queue.pop_front() {
            match step(self.state, &e) {
                Some(next) if next != self.state => {
                    self.state = next;
                    self.history.push(next);
                    applied += 1;
                }
                _ => println!("ignored {:?} in {:?}", e, self.state),
            }
        }
        applied
    }
}

fn transition(s: State, e: &Event) -> Option<State> {
    use State::*;
    Some(match (s, e) {
        (Idle, Event::Start(v)) => Running { speed: *v },
        (Running { .. }, Event::Pause) => Paused(0),
        (Paused(n), Event::Tick) => Paused(n + 1),
        (Paused(_), Event::Resume) => Running { speed: 1 },
        (Running { speed }, Event::Tick) => Running { speed: speed.saturating_add(1) },
        (_, Event::Stop(reason)) if !reason.is_empty() => Done,
        _ => return None,
    })
}

fn main() {
    let mut m = Machine::new();
    for e in [Event::Tick, Event::Start(3), Event::Tick, Event::Pause, Event::Tick, Event::Resume] {
        m.post(e);
    }
    m.post(Event::Stop("finished".to_string()));
    let n = m.run(transition);
    println!("{n} transitions, final {:?}", m.state);
    println!("{:?}", m.history);
    let mut counter: Machine<u32> = Machine::new();
    counter.post(1);
    counter.post(2);
    let k = counter.run(|s, e| if *e > 1 { Some(State::Paused(*e)) } else { Some(s) });
    println!("{k} {:?}", counter.state);
}
