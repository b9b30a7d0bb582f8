use std::fmt::Write as _;
use std::str::FromStr;

#[derive(Debug)]
struct Pt { x: i64, y: i64 }
impl FromStr for Pt {
    type Err = String;
    fn from_str(s: &str) -> Result<Pt, String> {
        let (a, b) = s.split_once(',').ok_or("no comma")?;
        Ok(Pt { x: a.trim().parse().map_err(|e: std::num::ParseIntError| e.to_string())?, y: b.trim().parse().map_err(|_| "y".to_string())? })
    }
}

fn main() {
    let text = "alpha beta\ngamma, delta\tepsilon";
    let words: Vec<&str> = text.split_whitespace().collect();
    let lines: Vec<String> = text.lines().map(str::to_uppercase).collect();
    let parts: Vec<&str> = text.split(|c: char| c == ',' || c == '\t').collect();
    let idx: Vec<(usize, char)> = text.char_indices().filter(|(_, c)| c.is_alphabetic()).take(3).collect();
    let bytes = text.bytes().filter(u8::is_ascii_lowercase).count();
    let rep = text.replace("a", "A").trim_end().to_owned();
    let mut s = String::with_capacity(8);
    write!(s, "{:>8.3}|{:<5}|{:#x}|{:e}", 3.14159f64, "ab", 255u32, 1234.5f32).unwrap();
    let pt: Pt = "3, -4".parse().unwrap();
    let joined = words.join("-");
    let cmp = "abc".eq_ignore_ascii_case("ABC");
    let starts = text.starts_with("alp") && text.ends_with("lon");
    let found = text.find("gamma");
    let rf = text.rfind(char::is_whitespace);
    let chars: String = text.chars().rev().filter(|c| !c.is_whitespace()).collect();
    let num = i128::from_str_radix("-ff", 16).unwrap();
    let fl = f32::from_str("1e3").unwrap();
    let utf = String::from_utf8(vec![104, 105]).unwrap();
    let lossy = String::from_utf8_lossy(&[0xff, 0x41]);
    let esc = "tab\t".escape_debug().to_string();
    let ch = char::from_u32(0x263A).unwrap_or('?');
    let digit = '7'.to_digit(10);
    let up = 'q'.to_ascii_uppercase();
    let boxed: Box<str> = "bx".into();
    let owned: Vec<String> = vec!["a".to_string(); 3];
    println!("{words:?} {lines:?} {parts:?} {idx:?} {bytes} {rep} {s} {pt:?} {joined} {cmp} {starts} {found:?} {rf:?} {chars} {num} {fl} {utf} {lossy} {esc} {ch} {digit:?} {up} {boxed} {owned:?}");
}
