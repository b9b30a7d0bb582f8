#![no_std]
#![no_main]
// A binary search tree in an index arena with Option<NonZeroU32> links (niche-optimized), insert/delete/traversals/height.

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
use core::num::NonZeroU32;

type Link = Option<NonZeroU32>;

#[derive(Clone, Copy)]
struct Node { key: i32, count: u16, left: Link, right: Link }

struct Tree { nodes: [Node; 64], used: u32, root: Link }

impl Tree {
    fn new() -> Self { Tree { nodes: [Node { key: 0, count: 0, left: None, right: None }; 64], used: 0, root: None } }
    fn node(&self, l: NonZeroU32) -> &Node { &self.nodes[l.get() as usize - 1] }
    fn node_mut(&mut self, l: NonZeroU32) -> &mut Node { &mut self.nodes[l.get() as usize - 1] }
    fn alloc(&mut self, key: i32) -> NonZeroU32 {
        self.nodes[self.used as usize] = Node { key, count: 1, left: None, right: None };
        self.used += 1;
        NonZeroU32::new(self.used).unwrap()
    }
    fn insert(&mut self, key: i32) {
        let Some(mut cur) = self.root else { self.root = Some(self.alloc(key)); return; };
        loop {
            let n = *self.node(cur);
            let next = if key < n.key { n.left } else if key > n.key { n.right } else { self.node_mut(cur).count += 1; return; };
            match next {
                Some(c) => cur = c,
                None => {
                    let new = Some(self.alloc(key));
                    if key < n.key { self.node_mut(cur).left = new } else { self.node_mut(cur).right = new }
                    return;
                }
            }
        }
    }
    fn find(&self, key: i32) -> Option<&Node> {
        let mut cur = self.root;
        while let Some(c) = cur {
            let n = self.node(c);
            if key == n.key { return Some(n); }
            cur = if key < n.key { n.left } else { n.right };
        }
        None
    }
    fn remove_min(&mut self, link: Link) -> (Link, Option<i32>) {
        let Some(c) = link else { return (None, None) };
        let n = *self.node(c);
        match n.left {
            None => (n.right, Some(n.key)),
            Some(_) => { let (l, k) = self.remove_min(n.left); self.node_mut(c).left = l; (Some(c), k) }
        }
    }
    fn height(&self, l: Link) -> u32 { l.map_or(0, |c| 1 + self.height(self.node(c).left).max(self.height(self.node(c).right))) }
    fn in_order(&self, l: Link, o: &mut Out) {
        if let Some(c) = l {
            let n = *self.node(c);
            self.in_order(n.left, o);
            let _ = if n.count > 1 { write!(o, "{}x{} ", n.key, n.count) } else { write!(o, "{} ", n.key) };
            self.in_order(n.right, o);
        }
    }
}

#[unsafe(no_mangle)]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    let mut t = Tree::new();
    for k in black_box([50, 30, 70, 20, 40, 60, 80, 30, 65, 10, 45, 70, 70, 5, 99]) { t.insert(k); }
    let mut o = Out::new();
    t.in_order(t.root, &mut o);
    let _ = writeln!(o, "| nodes {} height {}", t.used, t.height(t.root));
    o.flush();
    for k in black_box([40, 41, 70]) {
        match t.find(k) { Some(n) => println!("find {} -> count {} children {} {}", k, n.count, n.left.is_some(), n.right.is_some()), None => println!("find {} -> none", k) }
    }
    for _ in 0..4 {
        let (root, min) = t.remove_min(t.root);
        t.root = root;
        println!("removed min {:?}", min);
    }
    let mut o = Out::new();
    t.in_order(t.root, &mut o);
    let _ = writeln!(o, "| height {}", t.height(t.root));
    o.flush();
    println!("sizes: Link {} Node {} links {:?}", core::mem::size_of::<Link>(), core::mem::size_of::<Node>(), t.node(t.root.unwrap()).left);
    0
}
