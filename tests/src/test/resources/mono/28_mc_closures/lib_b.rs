// deps: lib_a
// Closure factories returning impl Fn / boxed closures, some built from lib_a's helpers.
pub fn scaler(k: i64) -> impl Fn(i64) -> i64 + Clone {
    move |x| x * k
}

pub fn offsetter(d: i64) -> Box<dyn Fn(i64) -> i64> {
    Box::new(move |x| x + d)
}

pub fn standard_pipeline() -> impl Fn(i64) -> i64 {
    lib_a::pipeline(vec![offsetter(1), Box::new(scaler(3)), Box::new(|x: i64| x - 2)])
}

pub fn once_greeting(name: String) -> impl FnOnce() -> String {
    move || format!("hello, {name}")
}
