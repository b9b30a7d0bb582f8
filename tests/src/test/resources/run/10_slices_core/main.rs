#![no_std]
#![no_main]
// Slices in core: sort_unstable(_by_key), binary_search, chunks, windows, rotate, reverse, position, split_at, swap.

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

#[derive(Debug, Clone, Copy)]
struct Job { id: u16, prio: u8, cost: u32 }

#[unsafe(no_mangle)]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    let mut xs = black_box([42i32, -7, 19, 3, 3, 88, 0, -50, 21, 5, 64, 12]);
    xs.sort_unstable();
    println!("sorted {:?}", xs);
    for probe in [19, 4, -50, 100] {
        println!("binary_search {} -> {:?}", probe, xs.binary_search(&probe));
    }
    xs.reverse();
    println!("reversed {:?}", xs);
    xs.rotate_left(3);
    println!("rotate_left 3 {:?}", xs);
    xs.rotate_right(5);
    println!("rotate_right 5 {:?}", xs);
    for c in xs.chunks(5) { println!("chunk {:?} sum {}", c, c.iter().sum::<i32>()); }
    let rising = xs.windows(2).filter(|w| w[0] < w[1]).count();
    println!("rising pairs {} exact chunks {}", rising, xs.chunks_exact(5).count());
    println!("position of 88 {:?} rposition <0 {:?}", xs.iter().position(|&x| x == 88), xs.iter().rposition(|&x| x < 0));
    let (left, right) = xs.split_at(4);
    println!("split {:?} | {:?}", left, right);
    let mut jobs = black_box([
        Job { id: 1, prio: 3, cost: 400 }, Job { id: 2, prio: 1, cost: 50 }, Job { id: 3, prio: 3, cost: 10 },
        Job { id: 4, prio: 2, cost: 999 }, Job { id: 5, prio: 1, cost: 70 },
    ]);
    jobs.sort_unstable_by_key(|j| (j.prio, j.cost));
    for j in &jobs { println!("job {:?}", j); }
    jobs.sort_unstable_by(|a, b| b.cost.cmp(&a.cost));
    println!("by cost desc {:?}", jobs.iter().map(|j| j.id).collect_array::<5>());
    let idx = jobs.binary_search_by(|j| 70u32.cmp(&j.cost));
    println!("binary_search_by cost 70 -> {:?}", idx);
    let mut grid = [[0u8; 4]; 3];
    for (r, row) in grid.iter_mut().enumerate() { for (c, v) in row.iter_mut().enumerate() { *v = (r * 4 + c) as u8; } }
    grid.swap(0, 2);
    grid[1].swap(0, 3);
    println!("grid {:?}", grid);
    let flat: &[u8] = grid.as_flattened();
    println!("flat contains 7 {} starts_with {} ends_with {}", flat.contains(&7), flat.starts_with(&[8, 9]), flat.ends_with(&[2, 3]));
    let mut words = black_box([*b"pear", *b"fig\0", *b"kiwi", *b"date", *b"lime"]);
    words.sort_unstable();
    for w in &words { println!("{}", core::str::from_utf8(w).unwrap().trim_end_matches('\0')); }
    let mut dedup = black_box([1, 1, 2, 3, 3, 3, 4, 1, 1]);
    let n = dedup_in_place(&mut dedup);
    println!("dedup {:?} leftovers {}", &dedup[..n], dedup.len() - n);
    println!("split by zero {:?}", [1, 2, 0, 3, 0, 0, 4].split(|&x| x == 0).map(|s| s.len()).collect_array::<4>());
    0
}

fn dedup_in_place<T: PartialEq + Copy>(xs: &mut [T]) -> usize {
    let mut w = 0;
    for r in 0..xs.len() {
        if w == 0 || xs[w - 1] != xs[r] { xs[w] = xs[r]; w += 1; }
    }
    w
}

trait CollectArray<T> { fn collect_array<const N: usize>(self) -> [T; N]; }
impl<T: Default + Copy, I: Iterator<Item = T>> CollectArray<T> for I {
    fn collect_array<const N: usize>(self) -> [T; N] {
        let mut out = [T::default(); N];
        for (slot, v) in out.iter_mut().zip(self) { *slot = v; }
        out
    }
}
