// FromStr impls, str parsing helpers, char_indices tokenising and a tiny expression evaluator.
use std::str::FromStr;

#[derive(Debug, PartialEq, Clone, Copy)]
enum Token {
    Num(f64),
    Op(char),
    LParen,
    RParen,
}

#[derive(Debug)]
struct Rgb(u8, u8, u8);

impl FromStr for Rgb {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let hex = s.strip_prefix('#').ok_or_else(|| format!("no # in {s:?}"))?;
        if hex.len() != 6 {
            return Err(format!("bad length {}", hex.len()));
        }
        let part = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).map_err(|e| e.to_string());
        Ok(Rgb(part(0)?, part(2)?, part(4)?))
    }
}

fn tokenize(src: &str) -> Result<Vec<Token>, String> {
    let mut out = Vec::new();
    let mut chars = src.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            ' ' => {}
            '(' => out.push(Token::LParen),
            ')' => out.push(Token::RParen),
            '+' | '-' | '*' | '/' => out.push(Token::Op(c)),
            '0'..='9' | '.' => {
                let mut end = i + 1;
                while let Some(&(j, d)) = chars.peek() {
                    if !(d.is_ascii_digit() || d == '.') {
                        break;
                    }
                    end = j + 1;
                    chars.next();
                }
                out.push(Token::Num(src[i..end].parse().map_err(|_| "bad number".to_string())?));
            }
            other => return Err(format!("unexpected {other:?} at {i}")),
        }
    }
    Ok(out)
}

fn expr(t: &[Token], pos: &mut usize) -> f64 {
    let mut v = term(t, pos);
    while let Some(Token::Op(op @ ('+' | '-'))) = t.get(*pos) {
        *pos += 1;
        let r = term(t, pos);
        v = if *op == '+' { v + r } else { v - r };
    }
    v
}

fn term(t: &[Token], pos: &mut usize) -> f64 {
    let mut v = atom(t, pos);
    while let Some(Token::Op(op @ ('*' | '/'))) = t.get(*pos) {
        *pos += 1;
        let r = atom(t, pos);
        v = if *op == '*' { v * r } else { v / r };
    }
    v
}

fn atom(t: &[Token], pos: &mut usize) -> f64 {
    *pos += 1;
    match t.get(*pos - 1) {
        Some(Token::Num(n)) => *n,
        Some(Token::LParen) => {
            let v = expr(t, pos);
            *pos += 1;
            v
        }
        _ => f64::NAN,
    }
}

fn main() {
    for src in ["1 + 2 * 3", "(1.5 + 2.5) / 4", "2 * (3 - x)"] {
        match tokenize(src) {
            Ok(toks) => println!("{src} = {}", expr(&toks, &mut 0)),
            Err(e) => println!("{src}: {e}"),
        }
    }
    println!("{:?} {:?}", "#ff8000".parse::<Rgb>(), Rgb::from_str("00ff00"));
    let nums: Vec<u32> = "10 20 x 30".split(' ').filter_map(|s| s.parse().ok()).collect();
    let b: bool = "true".parse().unwrap_or(false);
    let c: char = "z".parse().unwrap();
    println!("{:?} {b} {c} {:?}", nums, "-17".parse::<i8>());
}
