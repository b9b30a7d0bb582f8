#![no_std]
#![no_main]
// A no_std crate with `extern crate alloc`: core, then alloc, are searched for visible paths.
extern crate alloc;

use alloc::boxed::Box;
use alloc::collections::{BTreeMap, VecDeque};
use alloc::rc::Rc;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::alloc::{GlobalAlloc, Layout};
use core::marker::PhantomData;

struct Nope;
unsafe impl GlobalAlloc for Nope {
    unsafe fn alloc(&self, _: Layout) -> *mut u8 { core::ptr::null_mut() }
    unsafe fn dealloc(&self, _: *mut u8, _: Layout) {}
}
#[global_allocator]
static A: Nope = Nope;

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! { loop {} }

fn name<T: ?Sized>() -> usize { core::mem::size_of::<PhantomData<T>>() }

#[no_mangle]
pub extern "C" fn entry(n: u32) -> usize {
    let mut v: Vec<u32> = (0..n).map(|x| x * 2).collect();
    v.sort();
    let s = n.to_string() + "x";
    let b: Box<[u8]> = s.as_bytes().into();
    let mut m = BTreeMap::new();
    m.insert(n, Rc::new(String::from("v")));
    let mut d = VecDeque::new();
    d.push_back(b.len());
    v.len() + m.len() + d.len()
        + name::<alloc::vec::IntoIter<u8>>()
        + name::<alloc::string::Drain<'static>>()
        + name::<alloc::collections::btree_map::Entry<'static, u8, u8>>()
        + name::<alloc::collections::binary_heap::BinaryHeap<u8>>()
        + name::<alloc::sync::Arc<u8>>()
        + name::<alloc::borrow::Cow<'static, str>>()
        + name::<alloc::fmt::Arguments<'static>>()
        + name::<alloc::ffi::CString>()
        + name::<core::iter::Map<core::ops::Range<u8>, fn(u8) -> u8>>()
        + name::<core::num::NonZero<u8>>()
        + name::<core::str::Chars<'static>>()
        + name::<core::panic::PanicInfo<'static>>()
        + name::<core::ffi::c_str::CStr>()
        + name::<core::task::Waker>()
}
