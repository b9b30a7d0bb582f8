#![no_std]
#![no_main]
// A tiny stack VM: bytecode enum with operands, a dispatch loop, calls/returns, and a program computing primes and GCDs.

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

#[derive(Debug, Clone, Copy, PartialEq)]
enum Op { Push(i64), Pop, Dup, Swap, Over, Add, Sub, Mul, Mod, Lt, Jz(u16), Jmp(u16), Call(u16), Ret, Print, Halt }

#[allow(dead_code)]
#[derive(Debug)]
enum Trap { StackUnderflow(usize), StackOverflow, BadJump(u16), StepLimit }

struct Vm<'p> { code: &'p [Op], stack: [i64; 32], sp: usize, calls: [usize; 8], csp: usize, pc: usize, steps: u32 }

impl<'p> Vm<'p> {
    fn new(code: &'p [Op]) -> Self { Vm { code, stack: [0; 32], sp: 0, calls: [0; 8], csp: 0, pc: 0, steps: 0 } }
    fn push(&mut self, v: i64) -> Result<(), Trap> {
        if self.sp == self.stack.len() { return Err(Trap::StackOverflow); }
        self.stack[self.sp] = v;
        self.sp += 1;
        Ok(())
    }
    fn pop(&mut self) -> Result<i64, Trap> {
        if self.sp == 0 { return Err(Trap::StackUnderflow(self.pc)); }
        self.sp -= 1;
        Ok(self.stack[self.sp])
    }
    fn jump(&mut self, t: u16) -> Result<(), Trap> {
        if t as usize >= self.code.len() { return Err(Trap::BadJump(t)); }
        self.pc = t as usize;
        Ok(())
    }
    fn run(&mut self, out: &mut Out) -> Result<u32, Trap> {
        loop {
            self.steps += 1;
            if self.steps > 100_000 { return Err(Trap::StepLimit); }
            let op = self.code[self.pc];
            self.pc += 1;
            match op {
                Op::Push(v) => self.push(v)?,
                Op::Pop => { self.pop()?; }
                Op::Dup => { let a = self.pop()?; self.push(a)?; self.push(a)?; }
                Op::Swap => { let b = self.pop()?; let a = self.pop()?; self.push(b)?; self.push(a)?; }
                Op::Over => { let b = self.pop()?; let a = self.pop()?; self.push(a)?; self.push(b)?; self.push(a)?; }
                Op::Add | Op::Sub | Op::Mul | Op::Mod | Op::Lt => {
                    let b = self.pop()?;
                    let a = self.pop()?;
                    self.push(match op { Op::Add => a + b, Op::Sub => a - b, Op::Mul => a * b, Op::Mod => a % b, _ => (a < b) as i64 })?;
                }
                Op::Jz(t) => { if self.pop()? == 0 { self.jump(t)?; } }
                Op::Jmp(t) => self.jump(t)?,
                Op::Call(t) => { if self.csp == 8 { return Err(Trap::StackOverflow); } self.calls[self.csp] = self.pc; self.csp += 1; self.jump(t)?; }
                Op::Ret => { if self.csp == 0 { return Err(Trap::StackUnderflow(self.pc)); } self.csp -= 1; self.pc = self.calls[self.csp]; }
                Op::Print => { let v = self.pop()?; let _ = write!(out, "{} ", v); }
                Op::Halt => return Ok(self.steps),
            }
        }
    }
}

// gcd(a, b) as a subroutine at 0: loops while b != 0: (a, b) = (b, a % b)
const GCD: [Op; 8] = [Op::Dup, Op::Jz(6), Op::Swap, Op::Over, Op::Mod, Op::Jmp(0), Op::Pop, Op::Ret];

fn program(pairs: &[(i64, i64)]) -> ([Op; 64], usize) {
    let mut code = [Op::Halt; 64];
    code[0] = Op::Jmp(GCD.len() as u16 + 1);
    code[1..1 + GCD.len()].copy_from_slice(&GCD);
    for op in code[1..1 + GCD.len()].iter_mut() {
        if let Op::Jz(t) | Op::Jmp(t) = op { *t += 1; }
    }
    let mut n = GCD.len() + 1;
    for &(a, b) in pairs {
        for op in [Op::Push(a), Op::Push(b), Op::Call(1), Op::Print] { code[n] = op; n += 1; }
    }
    (code, n + 1)
}

#[unsafe(no_mangle)]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    let (code, len) = program(&black_box([(48, 18), (1071, 462), (17, 5), (1 << 40, 1 << 20)]));
    println!("program of {} ops: {:?}", len, &code[..12]);
    let mut o = Out::new();
    let r = Vm::new(&code[..len]).run(&mut o);
    let _ = writeln!(o, "-> {:?}", r);
    o.flush();
    let bad = [[Op::Push(1), Op::Add, Op::Halt], [Op::Jmp(9), Op::Halt, Op::Halt], [Op::Push(2), Op::Jmp(0), Op::Halt]];
    for prog in &bad {
        let mut o = Out::new();
        let r = Vm::new(black_box(prog)).run(&mut o);
        let _ = writeln!(o, "{:?} -> {:?}", prog, r);
        o.flush();
    }
    let squares = [Op::Push(1), Op::Dup, Op::Dup, Op::Mul, Op::Print, Op::Push(1), Op::Add, Op::Dup, Op::Push(6), Op::Lt,
        Op::Jz(12), Op::Jmp(1), Op::Halt];
    let mut o = Out::new();
    let r = Vm::new(black_box(&squares)).run(&mut o);
    let _ = writeln!(o, "squares {:?}", r);
    o.flush();
    let countdown = [Op::Push(5), Op::Dup, Op::Print, Op::Push(1), Op::Sub, Op::Dup, Op::Jz(8), Op::Jmp(1), Op::Halt];
    let mut o = Out::new();
    let r = Vm::new(&countdown).run(&mut o);
    let _ = writeln!(o, "countdown {:?}", r);
    o.flush();
    0
}
