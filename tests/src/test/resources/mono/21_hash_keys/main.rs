// Custom Hash/Eq keys in HashMap and HashSet, derived Ord keys in BTreeSet, a manual Hasher.
use std::collections::{BTreeSet, HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Point {
    x: i32,
    y: i32,
}

#[derive(Debug, Clone)]
struct CaseInsensitive(String);

impl PartialEq for CaseInsensitive {
    fn eq(&self, other: &Self) -> bool {
        self.0.eq_ignore_ascii_case(&other.0)
    }
}
impl Eq for CaseInsensitive {}
impl Hash for CaseInsensitive {
    fn hash<H: Hasher>(&self, state: &mut H) {
        for b in self.0.bytes() {
            state.write_u8(b.to_ascii_lowercase());
        }
    }
}

fn fingerprint<T: Hash>(t: &T) -> u64 {
    let mut h = DefaultHasher::new();
    t.hash(&mut h);
    h.finish()
}

fn main() {
    let mut visited: HashSet<Point> = HashSet::new();
    let mut p = Point { x: 0, y: 0 };
    for step in "RRULLDDR".chars() {
        match step {
            'R' => p.x += 1,
            'L' => p.x -= 1,
            'U' => p.y += 1,
            _ => p.y -= 1,
        }
        visited.insert(p);
    }
    let ordered: BTreeSet<Point> = visited.iter().copied().collect();
    println!("{} {:?}", visited.len(), ordered.iter().next());

    let mut users: HashMap<CaseInsensitive, u32> = HashMap::new();
    for name in ["Alice", "ALICE", "bob", "Bob", "carol"] {
        *users.entry(CaseInsensitive(name.to_string())).or_default() += 1;
    }
    let mut counts: Vec<(String, u32)> = users.into_iter().map(|(k, v)| (k.0.to_lowercase(), v)).collect();
    counts.sort();
    println!("{:?}", counts);

    let grid: HashMap<Point, char> = (0..3).flat_map(|x| (0..2).map(move |y| (Point { x, y }, 'a'))).collect();
    println!("{} {:?}", grid.len(), grid.get(&Point { x: 2, y: 1 }));
    let same = fingerprint(&CaseInsensitive("X".into())) == fingerprint(&CaseInsensitive("x".into()));
    println!("{} {}", same, fingerprint(&(1u8, "t")) != 0);
    let a: HashSet<i32> = (1..6).collect();
    let b: HashSet<i32> = (4..9).collect();
    let mut inter: Vec<_> = a.intersection(&b).collect();
    inter.sort();
    println!("{:?} {}", inter, a.union(&b).count());
}
