#![no_std]
#![no_main]
#![feature(linkage)]
// Extern statics: libc data read and written through C calls, #[link_name], and weak symbols that may be absent.

use core::fmt::Write;

extern "C" {
    fn write(fd: i32, buf: *const u8, n: usize) -> isize;
    fn exit(code: i32) -> !;
}

struct Out { buf: [u8; 256], len: usize }

impl Out {
    fn new() -> Out { Out { buf: [0; 256], len: 0 } }
    fn flush(&mut self) { unsafe { write(1, self.buf.as_ptr(), self.len) }; self.len = 0; }
}

impl Write for Out {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        for &b in s.as_bytes() {
            if self.len == self.buf.len() { self.flush(); }
            self.buf[self.len] = b;
            self.len += 1;
        }
        Ok(())
    }
}

macro_rules! println {
    ($($t:tt)*) => {{ let mut o = Out::new(); let _ = writeln!(o, $($t)*); o.flush(); }};
}

#[panic_handler]
fn panic(info: &core::panic::PanicInfo) -> ! {
    let mut o = Out::new();
    if let Some(l) = info.location() {
        let _ = write!(o, "panicked at {}:{}:{}:\n", l.file(), l.line(), l.column());
    }
    let _ = writeln!(o, "{}", info.message());
    o.flush();
    unsafe { exit(101) }
}

use core::ffi::{c_char, c_int, c_void};

extern "C" {
    static mut stdout: *mut c_void;
    static timezone: i64;
    fn fputs(s: *const c_char, f: *mut c_void) -> c_int;
    fn fflush(f: *mut c_void) -> c_int;
    #[linkage = "extern_weak"]
    static __cxa_thread_atexit_impl: Option<unsafe extern "C" fn()>;
    #[linkage = "extern_weak"]
    static mirlink_surely_absent_symbol: Option<unsafe extern "C" fn()>;
    #[link_name = "optind"]
    static next_option: c_int;
    #[link_name = "strlen"]
    fn c_string_length(s: *const c_char) -> usize;
}

fn through_stdio(s: &core::ffi::CStr) {
    unsafe {
        fputs(s.as_ptr(), stdout);
        fflush(stdout);
    }
}

#[no_mangle]
pub extern "C" fn main() -> c_int {
    through_stdio(c"written by fputs to libc's stdout\n");
    let timezone_ptr: *const i64 = &raw const timezone;
    println!("timezone is readable: {}", !timezone_ptr.is_null());
    println!("optind starts at {}", unsafe { next_option });
    println!("strlen through #[link_name]: {}", unsafe { c_string_length(c"seven!!".as_ptr()) });
    println!("__cxa_thread_atexit_impl present: {}", unsafe { __cxa_thread_atexit_impl.is_some() });
    println!("absent weak symbol present: {}", unsafe { mirlink_surely_absent_symbol.is_some() });
    let saved = unsafe { stdout };
    unsafe { stdout = core::ptr::null_mut(); }
    println!("stdout cleared: {}", unsafe { stdout.is_null() });
    unsafe { stdout = saved; }
    through_stdio(c"and restored\n");
    0
}
