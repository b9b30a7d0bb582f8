#![no_std]
#![no_main]
// exit: 101
// A door state machine that panics with formatted arguments (`panic!("…{}…")`) on an illegal transition.

use core::fmt::Write;

extern "C" {
    fn write(fd: i32, buf: *const u8, n: usize) -> isize;
    fn exit(code: i32) -> !;
}

struct Out { buf: [u8; 256], len: usize }

impl Out {
    fn new() -> Out { Out { buf: [0; 256], len: 0 } }
    fn flush(&mut self) { unsafe { write(1, self.buf.as_ptr(), self.len) }; self.len = 0; }
}

impl Write for Out {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        for &b in s.as_bytes() {
            if self.len == self.buf.len() { self.flush(); }
            self.buf[self.len] = b;
            self.len += 1;
        }
        Ok(())
    }
}

macro_rules! println {
    ($($t:tt)*) => {{ let mut o = Out::new(); let _ = writeln!(o, $($t)*); o.flush(); }};
}

#[panic_handler]
fn panic(info: &core::panic::PanicInfo) -> ! {
    let mut o = Out::new();
    if let Some(l) = info.location() {
        let _ = write!(o, "panicked at {}:{}:{}:\n", l.file(), l.line(), l.column());
    }
    let _ = writeln!(o, "{}", info.message());
    o.flush();
    unsafe { exit(101) }
}

use core::hint::black_box;

#[derive(Debug, Clone, Copy, PartialEq)]
enum State { Closed, Open, Locked { code: u16 }, Alarm(u8) }

#[derive(Debug, Clone, Copy)]
enum Event { Push, Pull, Lock(u16), Unlock(u16), Kick }

fn step(s: State, e: Event) -> State {
    match (s, e) {
        (State::Closed, Event::Pull) => State::Open,
        (State::Open, Event::Push) => State::Closed,
        (State::Closed, Event::Lock(code)) => State::Locked { code },
        (State::Locked { code }, Event::Unlock(c)) if c == code => State::Closed,
        (State::Locked { .. }, Event::Unlock(_)) => State::Alarm(1),
        (State::Alarm(n), Event::Unlock(_)) if n < 3 => State::Alarm(n + 1),
        (State::Alarm(_), Event::Kick) => State::Closed,
        (s, Event::Kick) => s,
        (s, e) => panic!("illegal transition from {:?} on {:?} (state #{})", s, e, state_id(s)),
    }
}

fn state_id(s: State) -> u32 {
    match s { State::Closed => 0, State::Open => 1, State::Locked { code } => 100 + code as u32 % 10, State::Alarm(n) => 200 + n as u32 }
}

#[unsafe(no_mangle)]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    let events = black_box([Event::Pull, Event::Push, Event::Lock(4321), Event::Unlock(1111), Event::Unlock(2222),
        Event::Kick, Event::Lock(77), Event::Unlock(77), Event::Kick, Event::Push]);
    let mut s = State::Closed;
    for (i, e) in events.iter().enumerate() {
        let next = step(s, *e);
        println!("{:2}: {:?} --{:?}--> {:?}", i, s, e, next);
        s = next;
    }
    println!("final {:?}", s);
    0
}
