#![no_std]
// Tokens for a tiny expression language, produced lazily by an Iterator.

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Token<'a> { Num(i64), Name(&'a str), Op(u8), LParen, RParen, Let, Eq, Semi, Bad(u8) }

pub struct Lexer<'a> { src: &'a str, pos: usize }

pub fn lex(src: &str) -> Lexer<'_> { Lexer { src, pos: 0 } }

impl<'a> Iterator for Lexer<'a> {
    type Item = Token<'a>;
    fn next(&mut self) -> Option<Token<'a>> {
        let b = self.src.as_bytes();
        while self.pos < b.len() && b[self.pos].is_ascii_whitespace() { self.pos += 1; }
        let start = self.pos;
        let c = *b.get(start)?;
        self.pos += 1;
        Some(match c {
            b'0'..=b'9' => {
                while self.pos < b.len() && b[self.pos].is_ascii_digit() { self.pos += 1; }
                Token::Num(self.src[start..self.pos].parse().unwrap_or(i64::MAX))
            }
            b'a'..=b'z' => {
                while self.pos < b.len() && b[self.pos].is_ascii_alphanumeric() { self.pos += 1; }
                match &self.src[start..self.pos] { "let" => Token::Let, name => Token::Name(name) }
            }
            b'+' | b'-' | b'*' | b'/' => Token::Op(c),
            b'(' => Token::LParen,
            b')' => Token::RParen,
            b'=' => Token::Eq,
            b';' => Token::Semi,
            other => Token::Bad(other),
        })
    }
}
