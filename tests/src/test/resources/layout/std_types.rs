// Some std types: allocation-backed collections, strings, smart pointers, cells.
#![allow(dead_code)]
use std::cell::{Cell, RefCell, UnsafeCell};
use std::mem::{ManuallyDrop, MaybeUninit};
use std::rc::Rc;
use std::sync::Arc;
pub fn use_all(_: Vec<u8>, _: String, _: Option<String>, _: Box<u64>, _: Option<Box<dyn Fn()>>,
               _: Vec<String>, _: Option<Vec<u32>>, _: Result<String, Vec<u8>>, _: Rc<u32>, _: Arc<String>,
               _: Cell<u8>, _: RefCell<Vec<u8>>, _: UnsafeCell<bool>, _: Option<UnsafeCell<bool>>,
               _: Option<Cell<bool>>, _: ManuallyDrop<Option<bool>>, _: MaybeUninit<u64>,
               _: Option<MaybeUninit<bool>>, _: std::ops::Range<usize>, _: std::time::Duration,
               _: Option<std::time::Duration>, _: std::collections::VecDeque<u8>,
               _: std::ptr::NonNull<[u8]>, _: Option<std::ptr::NonNull<u8>>, _: std::alloc::Layout,
               _: Option<std::alloc::Layout>, _: std::marker::PhantomData<u64>, _: Option<Rc<str>>) {}
