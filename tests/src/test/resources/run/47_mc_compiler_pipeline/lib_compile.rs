#![no_std]
// deps: lib_lexer
// Compiles lib_lexer's tokens to stack bytecode: `let` bindings into slots, expressions by precedence climbing.

use core::iter::Peekable;
use lib_lexer::{lex, Lexer, Token};

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Insn { Const(i64), Load(u8), Store(u8), Bin(u8) }

#[derive(Debug, PartialEq)]
pub enum CompileError<'a> { Unexpected(Token<'a>), Eof, Unbound(&'a str), TooLong }

pub struct Code<'a> { pub insns: [Insn; 64], pub len: usize, names: [&'a str; 8], slots: usize }

impl<'a> Code<'a> {
    fn emit(&mut self, i: Insn) -> Result<(), CompileError<'a>> {
        *self.insns.get_mut(self.len).ok_or(CompileError::TooLong)? = i;
        self.len += 1;
        Ok(())
    }
    fn slot(&self, name: &'a str) -> Option<u8> { self.names[..self.slots].iter().rposition(|n| *n == name).map(|i| i as u8) }
}

fn prec(op: u8) -> u8 { if op == b'+' || op == b'-' { 1 } else { 2 } }

fn atom<'a>(t: &mut Peekable<Lexer<'a>>, c: &mut Code<'a>) -> Result<(), CompileError<'a>> {
    match t.next().ok_or(CompileError::Eof)? {
        Token::Num(n) => c.emit(Insn::Const(n)),
        Token::Name(n) => { let s = c.slot(n).ok_or(CompileError::Unbound(n))?; c.emit(Insn::Load(s)) }
        Token::Op(b'-') => { c.emit(Insn::Const(0))?; atom(t, c)?; c.emit(Insn::Bin(b'-')) }
        Token::LParen => { expr(t, c, 0)?; match t.next() { Some(Token::RParen) => Ok(()), Some(x) => Err(CompileError::Unexpected(x)), None => Err(CompileError::Eof) } }
        other => Err(CompileError::Unexpected(other)),
    }
}

fn expr<'a>(t: &mut Peekable<Lexer<'a>>, c: &mut Code<'a>, min: u8) -> Result<(), CompileError<'a>> {
    atom(t, c)?;
    while let Some(&Token::Op(op)) = t.peek() {
        if prec(op) < min.max(1) { break; }
        t.next();
        expr(t, c, prec(op) + 1)?;
        c.emit(Insn::Bin(op))?;
    }
    Ok(())
}

pub fn compile(src: &str) -> Result<Code<'_>, CompileError<'_>> {
    let mut c = Code { insns: [Insn::Const(0); 64], len: 0, names: [""; 8], slots: 0 };
    let mut t = lex(src).peekable();
    while t.peek() == Some(&Token::Let) {
        t.next();
        let Some(Token::Name(name)) = t.next() else { return Err(CompileError::Eof) };
        if t.next() != Some(Token::Eq) { return Err(CompileError::Eof); }
        expr(&mut t, &mut c, 0)?;
        if c.slots == c.names.len() { return Err(CompileError::TooLong); }
        c.names[c.slots] = name;
        c.emit(Insn::Store(c.slots as u8))?;
        c.slots += 1;
        if t.next() != Some(Token::Semi) { return Err(CompileError::Eof); }
    }
    expr(&mut t, &mut c, 0)?;
    match t.next() { None => Ok(c), Some(x) => Err(CompileError::Unexpected(x)) }
}
