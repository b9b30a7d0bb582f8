#![no_std]
#![no_main]
// A bump #[global_allocator] over a static arena, then alloc's Vec, String, format!, Box<dyn>, BTreeMap, sort and sort_by_key.

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

extern crate alloc;

use alloc::{boxed::Box, collections::BTreeMap, format, string::String, vec, vec::Vec};
use core::alloc::{GlobalAlloc, Layout};
use core::cell::UnsafeCell;
use core::hint::black_box;
use core::sync::atomic::{AtomicUsize, Ordering::Relaxed};

const HEAP: usize = 1 << 20;
struct Bump { heap: UnsafeCell<[u8; HEAP]>, next: AtomicUsize, allocs: AtomicUsize }
unsafe impl Sync for Bump {}

unsafe impl GlobalAlloc for Bump {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let base = self.heap.get() as usize;
        let start = (base + self.next.load(Relaxed) + l.align() - 1) & !(l.align() - 1);
        if start + l.size() > base + HEAP { return core::ptr::null_mut(); }
        self.next.store(start + l.size() - base, Relaxed);
        self.allocs.fetch_add(1, Relaxed);
        start as *mut u8
    }
    unsafe fn dealloc(&self, _: *mut u8, _: Layout) {}
}

#[global_allocator]
static ALLOC: Bump = Bump { heap: UnsafeCell::new([0; HEAP]), next: AtomicUsize::new(0), allocs: AtomicUsize::new(0) };

trait Animal { fn speak(&self) -> String; }
struct Dog(u8);
struct Cat { lives: u8 }
impl Animal for Dog { fn speak(&self) -> String { "woof".repeat(self.0 as usize) } }
impl Animal for Cat { fn speak(&self) -> String { format!("meow x{}", self.lives) } }

#[derive(Debug, Clone)]
struct Employee { name: String, dept: &'static str, salary: u32 }

#[unsafe(no_mangle)]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    let mut v: Vec<i64> = (0..black_box(20)).map(|i| (i * 37 + 11) % 23 - 11).collect();
    println!("vec {:?}", v);
    v.sort();
    v.dedup();
    println!("sorted+dedup {:?} len {}", v, v.len());
    let mut staff = vec![
        Employee { name: String::from("ines"), dept: "ops", salary: 5200 }, Employee { name: "bo".into(), dept: "dev", salary: 6100 },
        Employee { name: "cy".into(), dept: "ops", salary: 4900 }, Employee { name: "dee".into(), dept: "dev", salary: 6100 },
        Employee { name: "al".into(), dept: "hr", salary: 4000 },
    ];
    staff.sort_by_key(|e| core::cmp::Reverse(e.salary));
    println!("by salary {:?}", staff.iter().map(|e| e.name.as_str()).collect::<Vec<_>>());
    staff.sort_by(|a, b| a.dept.cmp(b.dept).then(a.name.cmp(&b.name)));
    for e in &staff { println!("  {:?}", e); }
    let mut by_dept: BTreeMap<&str, (u32, Vec<String>)> = BTreeMap::new();
    for e in &staff { let entry = by_dept.entry(e.dept).or_default(); entry.0 += e.salary; entry.1.push(e.name.to_uppercase()); }
    println!("{:?}", by_dept);
    let zoo: Vec<Box<dyn Animal>> = vec![Box::new(Dog(2)), Box::new(Cat { lives: 9 }), Box::new(Dog(1))];
    let noise: String = zoo.iter().map(|a| a.speak()).collect::<Vec<_>>().join(", ");
    println!("zoo: {}", noise);
    let mut s = String::new();
    for i in 0..black_box(5) { s.push_str(&format!("{}^2={}; ", i, i * i)); }
    s.truncate(s.len() - 2);
    println!("{} ({} bytes, {} words)", s, s.len(), s.split(' ').count());
    let words: Vec<&str> = "one two three four five six".split(' ').rev().collect();
    let lens: Vec<usize> = words.iter().map(|w| w.len()).collect();
    println!("{:?} {:?} total {}", words, lens, lens.iter().sum::<usize>());
    let nested: Vec<Vec<u8>> = (1..5u8).map(|n| (0..n).collect()).collect();
    println!("nested {:?} flat {:?}", nested, nested.concat());
    println!("allocations {}", ALLOC.allocs.load(Relaxed) > 10);
    0
}
