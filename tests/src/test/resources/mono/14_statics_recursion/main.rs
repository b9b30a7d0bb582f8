// Statics (plain, atomic, with interior mutability), consts, const fn and recursion.
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

static CALLS: AtomicUsize = AtomicUsize::new(0);
static GREETING: &str = "hello";
static PRIMES: [u32; 6] = [2, 3, 5, 7, 11, 13];
static LOG: Mutex<Vec<String>> = Mutex::new(Vec::new());
const LIMIT: u64 = fact(5);

const fn fact(n: u64) -> u64 {
    if n == 0 { 1 } else { n * fact(n - 1) }
}

fn fib(n: u32) -> u64 {
    CALLS.fetch_add(1, Ordering::Relaxed);
    if n < 2 { n as u64 } else { fib(n - 1) + fib(n - 2) }
}

fn ackermann(m: u64, n: u64) -> u64 {
    match (m, n) {
        (0, n) => n + 1,
        (m, 0) => ackermann(m - 1, 1),
        (m, n) => ackermann(m - 1, ackermann(m, n - 1)),
    }
}

fn hanoi(n: u32, from: char, to: char, via: char, moves: &mut Vec<(char, char)>) {
    if n == 0 {
        return;
    }
    hanoi(n - 1, from, via, to, moves);
    moves.push((from, to));
    hanoi(n - 1, via, to, from, moves);
}

fn permutations<T: Clone>(items: &[T]) -> Vec<Vec<T>> {
    if items.len() <= 1 {
        return vec![items.to_vec()];
    }
    let mut out = Vec::new();
    for i in 0..items.len() {
        let mut rest = items.to_vec();
        let head = rest.remove(i);
        for mut p in permutations(&rest) {
            p.insert(0, head.clone());
            out.push(p);
        }
    }
    out
}

fn log(msg: String) {
    LOG.lock().unwrap().push(msg);
}

fn main() {
    log(format!("{} fib(15)={}", GREETING, fib(15)));
    log(format!("calls={}", CALLS.load(Ordering::SeqCst)));
    log(format!("ack={} limit={}", ackermann(2, 3), LIMIT));
    let mut moves = Vec::new();
    hanoi(4, 'a', 'c', 'b', &mut moves);
    log(format!("hanoi moves={} first={:?}", moves.len(), moves[0]));
    log(format!("{:?}", permutations(&PRIMES[..3])));
    log(format!("{:?}", permutations(&['x', 'y'])));
    for line in LOG.lock().unwrap().iter() {
        println!("{line}");
    }
}
