// Hand-written Iterator and IntoIterator impls composed with std adapters.
struct Fib {
    a: u64,
    b: u64,
}

impl Iterator for Fib {
    type Item = u64;
    fn next(&mut self) -> Option<u64> {
        let r = self.a;
        self.a = self.b;
        self.b += r;
        Some(r)
    }
}

struct Grid {
    w: usize,
    cells: Vec<char>,
}

struct Neighbours<'a> {
    grid: &'a Grid,
    at: (usize, usize),
    k: usize,
}

impl<'a> Iterator for Neighbours<'a> {
    type Item = (usize, usize, char);
    fn next(&mut self) -> Option<Self::Item> {
        const D: [(isize, isize); 4] = [(-1, 0), (1, 0), (0, -1), (0, 1)];
        let h = self.grid.cells.len() / self.grid.w;
        while self.k < D.len() {
            let (dx, dy) = D[self.k];
            self.k += 1;
            let x = self.at.0 as isize + dx;
            let y = self.at.1 as isize + dy;
            if x >= 0 && y >= 0 && (x as usize) < self.grid.w && (y as usize) < h {
                let (x, y) = (x as usize, y as usize);
                return Some((x, y, self.grid.cells[y * self.grid.w + x]));
            }
        }
        None
    }
}

impl Grid {
    fn neighbours(&self, x: usize, y: usize) -> Neighbours<'_> {
        Neighbours { grid: self, at: (x, y), k: 0 }
    }
}

impl<'a> IntoIterator for &'a Grid {
    type Item = &'a char;
    type IntoIter = std::slice::Iter<'a, char>;
    fn into_iter(self) -> Self::IntoIter {
        self.cells.iter()
    }
}

fn main() {
    let evens: Vec<u64> = Fib { a: 0, b: 1 }.filter(|x| x % 2 == 0).take(6).collect();
    println!("{:?}", evens);
    let big = Fib { a: 0, b: 1 }.skip_while(|&x| x < 1000).next();
    let s: u64 = Fib { a: 1, b: 1 }.take_while(|&x| x < 100).sum();
    println!("{big:?} {s}");
    let g = Grid { w: 3, cells: "ab#c.de#f".chars().collect() };
    let around: Vec<char> = g.neighbours(1, 1).map(|(_, _, c)| c).collect();
    println!("{:?}", around);
    let walls = (&g).into_iter().filter(|c| **c == '#').count();
    let mut corners = g.neighbours(0, 0).peekable();
    while let Some((x, y, c)) = corners.next() {
        println!("({x},{y}) {c} last={}", corners.peek().is_none());
    }
    for c in &g {
        print!("{c}");
    }
    println!("{walls}");
}
