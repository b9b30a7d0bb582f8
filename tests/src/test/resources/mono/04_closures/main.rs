// Closures of all three kinds, impl Fn returns, boxed closures and fn pointers.
fn apply<F: Fn(i32) -> i32>(f: F, x: i32) -> i32 {
    f(x)
}

fn apply_mut<F: FnMut(i32)>(mut f: F, n: i32) {
    for i in 0..n {
        f(i);
    }
}

fn consume<F: FnOnce() -> String>(f: F) -> String {
    f()
}

fn make_adder(n: i32) -> impl Fn(i32) -> i32 {
    move |x| x + n
}

fn make_counter() -> impl FnMut() -> u32 {
    let mut count = 0;
    move || {
        count += 1;
        count
    }
}

fn compose<A, B, C>(f: impl Fn(A) -> B, g: impl Fn(B) -> C) -> impl Fn(A) -> C {
    move |x| g(f(x))
}

fn boxed(ops: &[&str]) -> Vec<Box<dyn Fn(i64) -> i64>> {
    ops.iter()
        .map(|op| -> Box<dyn Fn(i64) -> i64> {
            match *op {
                "double" => Box::new(|x| x * 2),
                "neg" => Box::new(|x| -x),
                _ => Box::new(|x| x),
            }
        })
        .collect()
}

fn square(x: i32) -> i32 {
    x * x
}

fn main() {
    let k = 10;
    println!("{}", apply(|x| x * k, 4));
    println!("{}", apply(square, 5));
    let fp: fn(i32) -> i32 = square;
    println!("{}", apply(fp, 6));
    let mut seen = Vec::new();
    apply_mut(|i| seen.push(i * i), 4);
    println!("{:?}", seen);
    let name = String::from("owned");
    println!("{}", consume(move || name + "!"));
    let add5 = make_adder(5);
    println!("{}", add5(1));
    let mut c = make_counter();
    c();
    println!("{}", c());
    let f = compose(make_adder(1), |x: i32| format!("[{x}]"));
    println!("{}", f(41));
    let total: i64 = boxed(&["double", "neg", "id"]).iter().map(|f| f(7)).sum();
    println!("{}", total);
}
