// Box-based recursive data, Rc/Weak shared ownership and RefCell interior mutability.
use std::cell::RefCell;
use std::rc::{Rc, Weak};

#[derive(Debug)]
enum Expr {
    Num(i64),
    Add(Box<Expr>, Box<Expr>),
    Mul(Box<Expr>, Box<Expr>),
    Neg(Box<Expr>),
}

fn eval(e: &Expr) -> i64 {
    match e {
        Expr::Num(n) => *n,
        Expr::Add(a, b) => eval(a) + eval(b),
        Expr::Mul(a, b) => eval(a) * eval(b),
        Expr::Neg(a) => -eval(a),
    }
}

#[derive(Debug)]
struct Node {
    value: i32,
    parent: RefCell<Weak<Node>>,
    children: RefCell<Vec<Rc<Node>>>,
}

impl Node {
    fn new(value: i32) -> Rc<Node> {
        Rc::new(Node { value, parent: RefCell::new(Weak::new()), children: RefCell::new(vec![]) })
    }
    fn add_child(parent: &Rc<Node>, child: Rc<Node>) {
        *child.parent.borrow_mut() = Rc::downgrade(parent);
        parent.children.borrow_mut().push(child);
    }
    fn sum(&self) -> i32 {
        self.value + self.children.borrow().iter().map(|c| c.sum()).sum::<i32>()
    }
}

fn main() {
    let e = Expr::Add(
        Box::new(Expr::Num(2)),
        Box::new(Expr::Mul(Box::new(Expr::Num(3)), Box::new(Expr::Neg(Box::new(Expr::Num(4)))))),
    );
    println!("{} {:?}", eval(&e), e);

    let root = Node::new(1);
    let leaf = Node::new(5);
    Node::add_child(&root, leaf.clone());
    Node::add_child(&root, Node::new(7));
    println!("sum {}", root.sum());
    let p = leaf.parent.borrow().upgrade().map(|p| p.value);
    println!("leaf parent {:?} strong {} weak {}", p, Rc::strong_count(&leaf), Rc::weak_count(&root));

    let shared = Rc::new(RefCell::new(Vec::<String>::new()));
    let writers: Vec<Rc<RefCell<Vec<String>>>> = (0..3).map(|_| Rc::clone(&shared)).collect();
    for (i, w) in writers.iter().enumerate() {
        w.borrow_mut().push(format!("w{i}"));
    }
    drop(writers);
    let inner = Rc::try_unwrap(shared).map(|c| c.into_inner()).unwrap_or_default();
    println!("{:?}", inner);
    let b: Box<[u16]> = vec![1, 2, 3].into_boxed_slice();
    println!("{}", b.len());
}
