// Vec, String, HashMap, BTreeMap, VecDeque and HashSet in a small inventory program.
use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};

#[derive(Debug, Clone)]
struct Order {
    id: u32,
    item: String,
    qty: u32,
}

fn main() {
    let mut stock: HashMap<String, u32> = HashMap::new();
    for (name, qty) in [("apple", 5), ("pear", 2), ("plum", 9)] {
        stock.insert(name.to_string(), qty);
    }
    *stock.entry("apple".to_string()).or_insert(0) += 3;

    let mut queue: VecDeque<Order> = VecDeque::new();
    queue.push_back(Order { id: 1, item: "apple".into(), qty: 4 });
    queue.push_back(Order { id: 2, item: "pear".into(), qty: 5 });
    queue.push_front(Order { id: 0, item: "kiwi".into(), qty: 1 });

    let mut filled: Vec<u32> = Vec::with_capacity(4);
    let mut rejected = HashSet::new();
    while let Some(order) = queue.pop_front() {
        match stock.get_mut(&order.item) {
            Some(q) if *q >= order.qty => {
                *q -= order.qty;
                filled.push(order.id);
            }
            _ => {
                rejected.insert(order.item.clone());
            }
        }
    }

    let sorted: BTreeMap<&String, &u32> = stock.iter().collect();
    for (k, v) in &sorted {
        println!("{k}: {v}");
    }
    let mut by_qty: BTreeMap<u32, Vec<String>> = BTreeMap::new();
    for (k, v) in &stock {
        by_qty.entry(*v).or_default().push(k.clone());
    }
    if let Some((q, names)) = by_qty.iter().next_back() {
        println!("most: {q} {names:?}");
    }
    let mut rej: Vec<_> = rejected.into_iter().collect();
    rej.sort();
    println!("filled {:?} rejected {:?}", filled, rej);

    let mut s = String::new();
    for id in &filled {
        s.push_str(&id.to_string());
        s.push(';');
    }
    s.truncate(s.len().saturating_sub(1));
    println!("{s} {}", s.contains("2"));
    let mut d: VecDeque<i32> = (1..6).collect();
    d.rotate_left(2);
    println!("{:?} {:?}", d, d.iter().rev().collect::<Vec<_>>());
}
