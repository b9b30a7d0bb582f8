// Builtin impls: Fn* for closures, fn items and fn pointers; Clone for tuples, arrays and closures.
#[inline(never)]
fn call_once<F: FnOnce(u32) -> u32>(f: F, x: u32) -> u32 { f(x) }
#[inline(never)]
fn call_mut<F: FnMut(u32) -> u32>(mut f: F, x: u32) -> u32 { f(x) + f(x) }
#[inline(never)]
fn call_ref<F: Fn(u32) -> u32>(f: &F, x: u32) -> u32 { f(x) }
#[inline(never)]
fn dup<T: Clone>(t: &T) -> (T, T) { (t.clone(), t.clone()) }

fn double(x: u32) -> u32 { 2 * x }

trait Apply { fn apply(&self, x: u32) -> u32; }
impl<F: Fn(u32) -> u32> Apply for F { fn apply(&self, x: u32) -> u32 { self(x) + 1 } }

fn main() {
    let k = 3u32;
    let mut acc = 0u32;
    let add = |x: u32| x + k;
    let a = call_once(add, 1) + call_once(double, 2) + call_once(double as fn(u32) -> u32, 3);
    let b = call_mut(|x| { acc += x; acc }, 4) + call_mut(add, 5) + call_ref(&add, 6) + call_ref(&double, 7);
    let c = add.apply(1) + double.apply(2) + (double as fn(u32) -> u32).apply(3);
    let t = dup(&(1u8, 2u16, 'c'));
    let arr = dup(&[1u64; 3]);
    let nested = dup(&((1u8, 2u8), [3i8; 2]));
    let clo = dup(&add);
    let boxed: Box<dyn Fn(u32) -> u32> = Box::new(move |x| x * k);
    let total = a + b + c + t.0 .1 as u32 + arr.1[0] as u32 + nested.0 .0 .0 as u32 + clo.0(1) + boxed(2);
    println!("{}", total);
}
