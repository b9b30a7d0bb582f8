// Collections nested in each other, entry APIs, Rc/Arc/RefCell/Cell graphs, Option/Result nesting.
#![allow(dead_code)]
use std::cell::{Cell, RefCell};
use std::collections::{btree_map, hash_map, BTreeMap, BTreeSet, BinaryHeap, HashMap, HashSet, LinkedList, VecDeque};
use std::rc::{Rc, Weak};
use std::sync::{Arc, Mutex, RwLock, atomic::{AtomicUsize, AtomicBool, AtomicU64, Ordering}};

pub struct Node { pub val: i32, pub children: Vec<Rc<RefCell<Node>>>, pub parent: RefCell<Weak<Node>> }
pub struct Graph { pub nodes: HashMap<u32, Vec<u32>>, pub names: BTreeMap<String, u32>, pub weights: Vec<Option<f64>> }
pub enum Tree { Leaf(u64), Branch(Box<Tree>, Box<Tree>), Many(Vec<Tree>), Empty }

pub fn nest() -> usize {
    let mut a: HashMap<String, HashMap<u8, Vec<Option<String>>>> = HashMap::new();
    a.entry("x".into()).or_default().entry(1).or_default().push(Some("y".into()));
    let mut b: BTreeMap<(u32, char), BTreeSet<String>> = BTreeMap::new();
    b.entry((1, 'a')).or_default().insert("q".into());
    let c: Vec<VecDeque<Result<u16, String>>> = vec![VecDeque::from(vec![Ok(1), Err("e".into())])];
    let d: Option<Option<Option<u8>>> = Some(Some(None));
    let e: Result<Option<Box<str>>, Rc<String>> = Ok(Some("s".into()));
    let f: Rc<RefCell<Vec<Cell<u32>>>> = Rc::new(RefCell::new(vec![Cell::new(1)]));
    let g: Arc<Mutex<HashMap<u64, Arc<RwLock<String>>>>> = Arc::new(Mutex::new(HashMap::new()));
    g.lock().unwrap().insert(1, Arc::new(RwLock::new("z".into())));
    let h: BinaryHeap<(u32, std::cmp::Reverse<u64>)> = BinaryHeap::from(vec![(1, std::cmp::Reverse(2))]);
    let i: LinkedList<Box<[u8]>> = LinkedList::from([vec![1u8].into_boxed_slice()]);
    let j: HashSet<(i8, bool), std::hash::BuildHasherDefault<std::collections::hash_map::DefaultHasher>> = HashSet::default();
    let k = Rc::new(Node { val: 1, children: vec![], parent: RefCell::new(Weak::new()) });
    let l = Tree::Branch(Box::new(Tree::Leaf(1)), Box::new(Tree::Many(vec![Tree::Empty])));
    let m = AtomicUsize::new(1).load(Ordering::SeqCst) + AtomicBool::new(true).load(Ordering::Relaxed) as usize
        + AtomicU64::new(3).fetch_add(1, Ordering::AcqRel) as usize;
    let mut n: HashMap<&str, i32> = HashMap::new();
    match n.entry("k") { hash_map::Entry::Occupied(mut o) => { *o.get_mut() += 1; } hash_map::Entry::Vacant(v) => { v.insert(0); } }
    let mut o: BTreeMap<i64, Vec<u8>> = BTreeMap::new();
    match o.entry(3) { btree_map::Entry::Occupied(o) => { o.remove(); } btree_map::Entry::Vacant(v) => { v.insert(vec![]); } }
    let p: Vec<u8> = o.range(1..5).flat_map(|(_, v)| v.iter().copied()).collect();
    let q: Vec<(&i64, &mut Vec<u8>)> = o.iter_mut().collect();
    let r = a.values().flat_map(|m| m.values()).count() + b.keys().count() + q.len();
    let s = c.into_iter().flatten().filter_map(Result::ok).count();
    let mut t: VecDeque<String> = VecDeque::with_capacity(4);
    t.push_front("f".into()); t.extend(["a".to_string(), "b".into()]); t.rotate_left(1);
    let u: Vec<String> = t.drain(..).collect();
    let mut w = vec![1u32, 5, 2];
    let x: Vec<u32> = w.drain(1..).collect();
    w.extend_from_slice(&x);
    let y: Vec<Vec<char>> = u.iter().map(|s| s.chars().collect()).collect();
    let z: HashMap<char, usize> = y.iter().flatten().fold(HashMap::new(), |mut m, c| { *m.entry(*c).or_insert(0) += 1; m });
    let fl = f.borrow().len();
    r + s + d.flatten().flatten().unwrap_or(0) as usize + e.map(|x| x.map_or(0, |s| s.len())).unwrap_or(0)
        + fl + h.len() + i.len() + j.len() + k.val as usize + matches!(l, Tree::Leaf(_)) as usize + m + n.len()
        + p.len() + u.len() + z.len() + w.len()
}

pub fn strings(input: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut st = String::with_capacity(8);
    for (i, line) in input.lines().enumerate() {
        st.push_str(line.trim());
        st.insert(0, char::from_digit((i % 10) as u32, 10).unwrap_or('?'));
        out.push(st.replace("a", "b"));
        out.push(line.split(':').map(str::trim).collect::<Vec<_>>().concat());
        out.extend(line.char_indices().filter(|(_, c)| c.is_alphabetic()).map(|(i, c)| format!("{i}{c}")));
        out.push(line.bytes().rev().map(|b| b as char).collect());
        out.push(line.matches("ab").count().to_string());
        out.push(line.rsplitn(2, '=').last().unwrap_or("").to_owned());
        out.push(line.escape_debug().to_string());
        out.push(String::from_utf8_lossy(line.as_bytes()).into_owned());
        out.push(line.encode_utf16().map(|u| u.to_string()).collect());
    }
    out.sort_unstable();
    out
}
