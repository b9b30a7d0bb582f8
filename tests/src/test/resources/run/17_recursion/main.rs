#![no_std]
#![no_main]
// Recursion: Ackermann, memoized Fibonacci, Towers of Hanoi, permutations, N-queens, mutual recursion, flood fill.

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

fn ackermann(m: u64, n: u64) -> u64 {
    match (m, n) {
        (0, n) => n + 1,
        (m, 0) => ackermann(m - 1, 1),
        (m, n) => ackermann(m - 1, ackermann(m, n - 1)),
    }
}

fn fib_memo(n: usize, memo: &mut [u64; 94]) -> u64 {
    if n < 2 { return n as u64; }
    if memo[n] != 0 { return memo[n]; }
    let v = fib_memo(n - 1, memo) + fib_memo(n - 2, memo);
    memo[n] = v;
    v
}

fn hanoi(n: u32, from: u8, to: u8, via: u8, moves: &mut u32, trace: &mut Out) {
    if n == 0 { return; }
    hanoi(n - 1, from, via, to, moves, trace);
    *moves += 1;
    if *moves <= 7 { let _ = write!(trace, "{}:{}->{} ", n, from as char, to as char); }
    hanoi(n - 1, via, to, from, moves, trace);
}

fn permutations(xs: &mut [u8], k: usize, count: &mut u32, o: &mut Out) {
    if k == xs.len() {
        *count += 1;
        if *count <= 6 { let _ = write!(o, "{} ", core::str::from_utf8(xs).unwrap()); }
        return;
    }
    for i in k..xs.len() { xs.swap(k, i); permutations(xs, k + 1, count, o); xs.swap(k, i); }
}

fn queens(n: usize, row: usize, cols: &mut [usize; 10]) -> u32 {
    if row == n { return 1; }
    let mut total = 0;
    for c in 0..n {
        if (0..row).all(|r| cols[r] != c && cols[r].abs_diff(c) != row - r) { cols[row] = c; total += queens(n, row + 1, cols); }
    }
    total
}

fn is_even(n: u32) -> bool { if n == 0 { true } else { is_odd(n - 1) } }
fn is_odd(n: u32) -> bool { if n == 0 { false } else { is_even(n - 1) } }

fn fill(g: &mut [[u8; 8]; 6], r: usize, c: usize) -> u32 {
    if g[r][c] != b'.' { return 0; }
    g[r][c] = b'~';
    let mut n = 1;
    if r > 0 { n += fill(g, r - 1, c); }
    if r + 1 < 6 { n += fill(g, r + 1, c); }
    if c > 0 { n += fill(g, r, c - 1); }
    if c + 1 < 8 { n += fill(g, r, c + 1); }
    n
}

#[unsafe(no_mangle)]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    println!("ackermann(2,3)={} ackermann(3,3)={}", ackermann(black_box(2), 3), ackermann(black_box(3), 3));
    let mut memo = [0u64; 94];
    println!("fib 40={} 93={}", fib_memo(black_box(40), &mut memo), fib_memo(black_box(93), &mut memo));
    let mut o = Out::new();
    let mut moves = 0;
    hanoi(black_box(10), b'A', b'C', b'B', &mut moves, &mut o);
    let _ = writeln!(o, "... {} moves", moves);
    o.flush();
    let mut o = Out::new();
    let mut count = 0;
    permutations(&mut black_box(*b"abcd"), 0, &mut count, &mut o);
    let _ = writeln!(o, "... {} permutations", count);
    o.flush();
    for n in black_box([4usize, 6, 8]) { println!("{}-queens: {}", n, queens(n, 0, &mut [0; 10])); }
    println!("even(1001) {} odd(777) {}", is_even(black_box(1001)), is_odd(black_box(777)));
    let mut grid = [*b"..#.....", *b".##..#..", *b"#...##..", *b"..#....#", *b"..#..###", *b"...#...."];
    println!("filled {} cells", fill(&mut grid, black_box(1), 3));
    for row in &grid { println!("  {}", core::str::from_utf8(row).unwrap()); }
    0
}
