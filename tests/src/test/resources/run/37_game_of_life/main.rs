#![no_std]
#![no_main]
// Conway's Game of Life on a const-generic torus: glider and blinker, generations printed as text, population and hashes.

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

#[derive(Clone, Copy, PartialEq)]
struct Grid<const W: usize, const H: usize> { cells: [[bool; W]; H] }

impl<const W: usize, const H: usize> Grid<W, H> {
    fn empty() -> Self { Grid { cells: [[false; W]; H] } }
    fn with(pattern: &[(usize, usize)], at: (usize, usize)) -> Self {
        let mut g = Self::empty();
        for &(r, c) in pattern { g.cells[(r + at.0) % H][(c + at.1) % W] = true; }
        g
    }
    fn neighbours(&self, r: usize, c: usize) -> u8 {
        let mut n = 0;
        for dr in [H - 1, 0, 1] {
            for dc in [W - 1, 0, 1] {
                if (dr, dc) != (0, 0) && self.cells[(r + dr) % H][(c + dc) % W] { n += 1; }
            }
        }
        n
    }
    fn step(&self) -> Self {
        let mut next = Self::empty();
        for r in 0..H {
            for c in 0..W {
                next.cells[r][c] = matches!((self.cells[r][c], self.neighbours(r, c)), (true, 2) | (_, 3));
            }
        }
        next
    }
    fn population(&self) -> usize { self.cells.iter().flatten().filter(|&&x| x).count() }
    fn hash(&self) -> u64 { self.cells.iter().flatten().fold(17u64, |h, &x| h.wrapping_mul(31).wrapping_add(x as u64)) }
    fn print(&self) {
        for row in &self.cells {
            let mut line = [b'.'; W];
            for (c, &alive) in row.iter().enumerate() { if alive { line[c] = b'#'; } }
            println!("  {}", core::str::from_utf8(&line).unwrap());
        }
    }
}

#[unsafe(no_mangle)]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    let glider = [(0, 1), (1, 2), (2, 0), (2, 1), (2, 2)];
    let mut g: Grid<10, 8> = Grid::with(&glider, black_box((1, 1)));
    for gen in 0..5 {
        println!("gen {} population {} hash {:016x}", gen, g.population(), g.hash());
        if gen % 2 == 0 { g.print(); }
        g = g.step();
    }
    let start: Grid<10, 8> = Grid::with(&glider, (1, 1));
    let mut h = start;
    for _ in 0..black_box(40) { h = h.step(); }
    let shifted: Grid<10, 8> = Grid::with(&glider, (1 + 10, 1 + 10));
    println!("after 40 generations the glider moved by (10,10): {}", h == shifted);
    let mut blinker: Grid<5, 5> = Grid::with(&[(2, 1), (2, 2), (2, 3)], (0, 0));
    let first = blinker;
    let mut period = 0;
    loop { blinker = blinker.step(); period += 1; if blinker == first || period > 10 { break; } }
    println!("blinker period {}", period);
    let mut rpent: Grid<32, 24> = Grid::with(&[(0, 1), (0, 2), (1, 0), (1, 1), (2, 1)], (10, 14));
    let mut pops = [0usize; 6];
    for p in pops.iter_mut() { for _ in 0..10 { rpent = rpent.step(); } *p = rpent.population(); }
    println!("r-pentomino populations every 10 gens {:?}", pops);
    0
}
