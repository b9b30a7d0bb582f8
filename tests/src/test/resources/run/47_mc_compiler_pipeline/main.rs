#![no_std]
#![no_main]
// exit: 3
// Multi-crate pipeline: lib_lexer (iterator of tokens) -> lib_compile (bytecode, depends on lib_lexer) -> main (a stack VM).

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

use core::hint::black_box;
use lib_compile::{compile, Insn};

fn run(code: &[Insn]) -> Result<i64, &'static str> {
    let (mut stack, mut sp, mut slots) = ([0i64; 16], 0usize, [0i64; 8]);
    for insn in code {
        match *insn {
            Insn::Const(v) => { stack[sp] = v; sp += 1; }
            Insn::Load(s) => { stack[sp] = slots[s as usize]; sp += 1; }
            Insn::Store(s) => { sp -= 1; slots[s as usize] = stack[sp]; }
            Insn::Bin(op) => {
                sp -= 1;
                let (a, b) = (stack[sp - 1], stack[sp]);
                stack[sp - 1] = match op {
                    b'+' => a.checked_add(b).ok_or("overflow")?,
                    b'-' => a.checked_sub(b).ok_or("overflow")?,
                    b'*' => a.checked_mul(b).ok_or("overflow")?,
                    _ => a.checked_div(b).ok_or("division by zero")?,
                };
            }
        }
    }
    Ok(stack[0])
}

#[unsafe(no_mangle)]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    println!("tokens {:?}", lib_lexer::lex("let a = 2; a*(a+1)").count());
    let programs = black_box(["1 + 2 * 3 - 4", "let x = 6; let y = x * 7; y - x / 2", "let a = 10; -(a - 3) * (a + 3)",
        "8 / (4 - 2 * 2)", "let z = 3; z + w", "(1 + 2", "2 $ 3", "let big = 3037000500; big * big",
        "let n = 5; let n = n * n; n + 1", "100 - 10 - 10 - 10"]);
    let mut errors = 0;
    for src in programs {
        match compile(src) {
            Ok(code) => println!("{:<40} {:>2} insns => {:?}", src, code.len, run(&code.insns[..code.len])),
            Err(e) => { errors += 1; println!("{:<40} compile error {:?}", src, e) }
        }
    }
    let code = compile("let q = 4; q * q - 1").unwrap();
    println!("{:?}", &code.insns[..code.len]);
    errors
}
