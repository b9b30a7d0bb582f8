use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, BTreeSet, BinaryHeap, HashMap, HashSet, LinkedList, VecDeque};
use std::rc::Rc;
use std::sync::Arc;

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Key(u32, String);

fn cow(s: &str) -> Cow<'_, str> {
    if s.contains('x') { Cow::Owned(s.replace('x', "y")) } else { Cow::Borrowed(s) }
}

fn main() {
    let mut v: Vec<i32> = (0..10).collect();
    v.retain(|x| x % 3 != 0);
    v.sort_by_key(|x| -x);
    v.dedup();
    v.extend_from_slice(&[1, 2, 3]);
    let mut d: VecDeque<u8> = VecDeque::new();
    d.push_front(1);
    d.push_back(2);
    let mut h: HashMap<String, Vec<u64>> = HashMap::new();
    h.entry("a".to_string()).or_default().push(3);
    let hs: HashSet<Key> = [Key(1, "a".into())].into_iter().collect();
    let mut b: BTreeMap<Key, f64> = BTreeMap::new();
    b.insert(Key(2, "b".into()), 1.5);
    let bs: BTreeSet<char> = "hello".chars().collect();
    let mut heap = BinaryHeap::new();
    heap.push(5u16);
    heap.push(7);
    let mut ll = LinkedList::new();
    ll.push_back(1i64);
    let rc = Rc::new(RefCell::new(vec![1u8]));
    rc.borrow_mut().push(2);
    let arc = Arc::new(Cell::new(3usize));
    arc.set(arc.get() + 1);
    let boxed: Box<[i16]> = vec![1, 2].into_boxed_slice();
    let s = String::from("x-ray");
    println!("{:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {} {}", v, d, h, hs, b, bs, heap.pop(), ll, rc, arc, boxed, cow(&s), s.len());
}
