// A std crate that names `core` by path: rustc then searches core for visible paths too, after std.
use std::marker::PhantomData;

fn name<T: ?Sized>() -> usize { core::mem::size_of::<PhantomData<T>>() }

fn main() {
    let n = name::<core::panic::PanicInfo<'static>>()
        + name::<core::panic::PanicMessage<'static>>()
        + name::<core::fmt::Arguments<'static>>()
        + name::<core::str::Utf8Chunks<'static>>()
        + name::<core::iter::Map<core::ops::Range<u8>, fn(u8) -> u8>>()
        + name::<core::cell::OnceCell<u8>>()
        + name::<core::num::NonZero<u8>>()
        + name::<core::ffi::CStr>()
        + name::<core::ptr::NonNull<u8>>()
        + name::<core::option::Option<alloc_free::Local>>()
        + name::<std::vec::Vec<u8>>()
        + name::<core::slice::Iter<'static, u8>>()
        + name::<core::hash::SipHasher>()
        + name::<core::ops::Range<u8>>()
        + name::<core::sync::atomic::AtomicU8>()
        + name::<core::time::Duration>()
        + name::<core::char::ToLowercase>()
        + name::<core::array::IntoIter<u8, 2>>();
    println!("{n}");
}

mod alloc_free { pub struct Local; }
