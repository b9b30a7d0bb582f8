// Display/Debug impls, format specifiers, write! into String and custom formatting helpers.
use std::fmt::{self, Write};

struct Matrix {
    rows: Vec<Vec<f32>>,
}

impl fmt::Display for Matrix {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for row in &self.rows {
            let cells: Vec<String> = row.iter().map(|c| format!("{:6.2}", c)).collect();
            writeln!(f, "[{}]", cells.join(" "))?;
        }
        Ok(())
    }
}

#[derive(Debug, Default)]
struct Config {
    name: String,
    retries: u8,
    ratio: Option<f64>,
    tags: Vec<&'static str>,
}

struct Hex<'a>(&'a [u8]);

impl fmt::Debug for Hex<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for b in self.0 {
            write!(f, "{:02x}", b)?;
        }
        Ok(())
    }
}

fn table(rows: &[(&str, i64)]) -> String {
    let mut out = String::new();
    let width = rows.iter().map(|(n, _)| n.len()).max().unwrap_or(0);
    for (name, v) in rows {
        writeln!(out, "{:<width$} | {:>8} | {:+}", name, v, v, width = width).unwrap();
    }
    out
}

fn main() {
    let m = Matrix { rows: vec![vec![1.0, 2.5], vec![-3.25, 4.0]] };
    print!("{m}");
    let c = Config { name: "svc".into(), retries: 3, ratio: Some(0.5), tags: vec!["a", "b"] };
    println!("{:?}", c);
    println!("{:#?}", Config::default());
    println!("{:?}", Hex(&[0xde, 0xad, 0xbe, 0xef]));
    print!("{}", table(&[("alpha", 10), ("be", -200)]));
    println!("{:08.3} {:e} {:x} {:#b} {:o}", 3.14159, 1234.5, 255, 5u8, 64);
    println!("{:^9}|{:*>5}|{:?}", "mid", 7, 'q');
    let s = format!("{0}-{1}-{0}", "x", 2u64);
    let joined = ["a", "b", "c"].iter().map(|s| s.to_string()).collect::<Vec<_>>().join("/");
    println!("{s} {joined} {:?}", (1, "two", 3.0));
    eprintln!("{}", i128::MAX);
}
