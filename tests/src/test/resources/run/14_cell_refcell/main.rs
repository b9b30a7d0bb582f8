#![no_std]
#![no_main]
// Cell and RefCell: shared mutation through & references, borrow tracking, try_borrow failures, replace/take/swap.

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

use core::cell::{Cell, RefCell};
use core::hint::black_box;

struct Account { id: u8, balance: Cell<i64>, history: RefCell<[i64; 8]>, entries: Cell<usize> }

impl Account {
    fn new(id: u8) -> Self { Account { id, balance: Cell::new(0), history: RefCell::new([0; 8]), entries: Cell::new(0) } }
    fn post(&self, amount: i64) {
        self.balance.set(self.balance.get() + amount);
        let n = self.entries.get();
        self.history.borrow_mut()[n % 8] = amount;
        self.entries.set(n + 1);
    }
}

fn transfer(from: &Account, to: &Account, amount: i64) -> Result<(), &'static str> {
    if from.balance.get() < amount { return Err("insufficient funds"); }
    from.post(-amount);
    to.post(amount);
    Ok(())
}

struct Graph { visits: [Cell<u32>; 5], edges: [(usize, usize); 6] }

fn walk(g: &Graph, node: usize, depth: u32) {
    g.visits[node].set(g.visits[node].get() + 1);
    if depth == 0 { return; }
    for &(a, b) in &g.edges { if a == node { walk(g, b, depth - 1); } }
}

#[unsafe(no_mangle)]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    let a = Account::new(1);
    let b = Account::new(2);
    a.post(black_box(500));
    for amt in black_box([120, 300, 200, 50]) {
        println!("transfer {} -> {:?} (a={} b={})", amt, transfer(&a, &b, amt), a.balance.get(), b.balance.get());
    }
    for acc in [&a, &b] { println!("account {} entries {} history {:?}", acc.id, acc.entries.get(), acc.history.borrow()); }
    let cell = RefCell::new(black_box(10u32));
    {
        let r1 = cell.borrow();
        let r2 = cell.borrow();
        println!("two shared borrows {} {} try_borrow_mut err {}", *r1, *r2, cell.try_borrow_mut().is_err());
    }
    {
        let mut w = cell.borrow_mut();
        *w *= 3;
        println!("while mutably borrowed: try_borrow err {}", cell.try_borrow().is_err());
    }
    let before = *cell.borrow();
    let old = cell.replace(7);
    println!("after {} replace {} now {}", before, old, cell.borrow());
    let c1 = Cell::new(black_box(1));
    let c2 = Cell::new(2);
    c1.swap(&c2);
    println!("swapped {} {} take {} left {} replace {}", c1.get(), c2.get(), c1.take(), c1.get(), c2.replace(9));
    let g = Graph { visits: Default::default(), edges: [(0, 1), (0, 2), (1, 3), (2, 3), (3, 4), (4, 0)] };
    walk(&g, 0, black_box(6));
    let counts: [u32; 5] = core::array::from_fn(|i| g.visits[i].get());
    println!("visits {:?}", counts);
    let log = RefCell::new((0usize, [0u8; 16]));
    let push = |b: u8| { let mut l = log.borrow_mut(); let i = l.0; l.1[i] = b; l.0 += 1; };
    for b in b"cells" { push(*b); }
    let l = log.borrow();
    println!("log {:?}", core::str::from_utf8(&l.1[..l.0]));
    let slice_cells = Cell::from_mut(&mut [1u8, 2, 3][..]).as_slice_of_cells().len();
    println!("slice of cells {}", slice_cells);
    0
}
