// A std-heavy program: collections, sync, rc, io, threads; rustc prints hundreds of std types for it.
#![allow(dead_code)]
use std::collections::*;
use std::sync::*;
use std::rc::*;
pub fn big() -> usize {
    let mut h: HashMap<String, Vec<u32>> = HashMap::new();
    h.insert("a".into(), vec![1, 2]);
    let b: BTreeMap<u64, String> = (0..10).map(|i| (i, i.to_string())).collect();
    let s: HashSet<char> = "hello".chars().collect();
    let v: Vec<(u8, String)> = b.iter().map(|(k, v)| (*k as u8, v.clone())).collect();
    let m = Mutex::new(5u32);
    let a = Arc::new(RwLock::new(vec![1u8]));
    let r = Rc::new(std::cell::RefCell::new(Some(3i64)));
    let w = Rc::downgrade(&r);
    let mut dq: VecDeque<Box<dyn Fn() -> u8>> = VecDeque::new();
    dq.push_back(Box::new(|| 4));
    let st: String = format!("{:?} {:?} {}", v, s.len(), *m.lock().unwrap());
    let it = v.iter().filter(|x| x.0 > 2).map(|x| x.1.len()).sum::<usize>();
    let bh: BinaryHeap<u32> = [3, 1, 2].into_iter().collect();
    let ll: LinkedList<f64> = LinkedList::new();
    let o: Option<Result<Vec<u8>, std::io::Error>> = None;
    let p = std::path::PathBuf::from("/tmp");
    let c = std::ffi::CString::new("x").unwrap();
    let t = std::time::Instant::now();
    let e = std::fs::metadata("/nonexistent").err();
    let th = std::thread::spawn(move || 1u8);
    let ch = std::sync::mpsc::channel::<String>();
    let z = (h.len(), st.len(), it, bh.len(), ll.len(), o.is_some(), p.as_os_str().len(), c.as_bytes().len(), w.upgrade().is_some(), a.read().unwrap().len(), dq.len(), t.elapsed().as_secs(), e.is_some(), th.join().unwrap(), ch.1.try_recv().is_err());
    z.0 + z.1 + z.2
}
