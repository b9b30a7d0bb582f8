// Option/Result combinators, the ? operator, custom error types and From conversions.
use std::fmt;
use std::num::ParseIntError;

#[derive(Debug)]
enum ConfigError {
    Missing(&'static str),
    BadNumber(ParseIntError),
    OutOfRange(i64),
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigError::Missing(k) => write!(f, "missing key {k}"),
            ConfigError::BadNumber(e) => write!(f, "bad number: {e}"),
            ConfigError::OutOfRange(n) => write!(f, "{n} out of range"),
        }
    }
}

impl From<ParseIntError> for ConfigError {
    fn from(e: ParseIntError) -> Self {
        ConfigError::BadNumber(e)
    }
}

fn lookup<'a>(pairs: &'a [(&'static str, &'a str)], key: &'static str) -> Option<&'a str> {
    pairs.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}

fn port(pairs: &[(&'static str, &str)]) -> Result<u16, ConfigError> {
    let raw = lookup(pairs, "port").ok_or(ConfigError::Missing("port"))?;
    let n: i64 = raw.trim().parse()?;
    u16::try_from(n).map_err(|_| ConfigError::OutOfRange(n))
}

fn main() {
    let good = [("host", "localhost"), ("port", " 8080 ")];
    let bad = [("port", "99999")];
    let worse = [("port", "eighty")];
    for cfg in [&good[..], &bad[..], &worse[..], &[][..]] {
        match port(cfg) {
            Ok(p) => println!("port {p}"),
            Err(e) => println!("error: {e}"),
        }
    }
    let host = lookup(&good, "host").map(str::to_uppercase).unwrap_or_else(|| "none".into());
    let timeout = lookup(&good, "timeout").and_then(|t| t.parse::<u32>().ok()).unwrap_or(30);
    println!("{host} {timeout}");
    let parsed: Result<Vec<i32>, _> = "1,2,x".split(',').map(|s| s.parse::<i32>()).collect();
    let all: Option<Vec<i32>> = ["4", "5"].iter().map(|s| s.parse().ok()).collect();
    println!("{:?} {:?}", parsed.is_err(), all);
    let x: Option<u8> = Some(3);
    println!("{:?} {:?} {:?}", x.filter(|v| *v > 2), x.xor(None), x.zip(Some('c')));
    let r: Result<u8, String> = Err("no".into());
    println!("{} {:?}", r.clone().unwrap_or_default(), r.as_ref().err());
    println!("{:?}", port(&good).ok().map(|p| p as u32 * 2));
}
