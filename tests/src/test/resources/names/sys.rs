use std::error::Error;
use std::ffi::CString;
use std::fmt;
use std::io::{self, Read, Write};
use std::num::{NonZeroU32, Wrapping};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Mutex, RwLock};
use std::time::{Duration, Instant};

#[derive(Debug)]
enum MyErr { Parse(std::num::ParseIntError), Other(String) }

impl fmt::Display for MyErr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result { write!(f, "{:?}", self) }
}
impl Error for MyErr {}

static COUNTER: AtomicUsize = AtomicUsize::new(0);

fn parse(s: &str) -> Result<u32, Box<dyn Error>> {
    let n: u32 = s.trim().parse().map_err(MyErr::Parse)?;
    if n == 0 { return Err(Box::new(MyErr::Other("zero".into()))); }
    Ok(n)
}

fn main() -> Result<(), Box<dyn Error>> {
    let m = Mutex::new(vec![1u32]);
    m.lock().unwrap().push(2);
    let rw = RwLock::new(String::new());
    rw.write().unwrap().push_str("hi");
    let (tx, rx) = mpsc::channel::<u64>();
    let h = std::thread::spawn(move || { tx.send(5).unwrap(); COUNTER.fetch_add(1, Ordering::SeqCst) });
    let got = rx.recv()?;
    let joined = h.join().unwrap();
    let t = Instant::now();
    let d = Duration::from_millis(3) + t.elapsed();
    let p = Path::new("/tmp").join("x.txt");
    let pb: PathBuf = p.with_extension("rs");
    let c = CString::new("abc")?;
    let nz = NonZeroU32::new(4).unwrap();
    let w = Wrapping(250u8) + Wrapping(10);
    let mut input = String::new();
    io::stdin().read_to_string(&mut input)?;
    let args: Vec<String> = std::env::args().collect();
    let f: f64 = "2.5".parse()?;
    let mut out = io::stdout().lock();
    writeln!(out, "{:?} {:?} {} {} {:?} {} {:?} {:?} {} {} {} {:?} {}", m, rw, got, joined, d, pb.display(), c, nz, w, input.len(), parse("7")?, args, f)?;
    let _ = std::fs::read_to_string("/nonexistent").map_err(|e| e.kind());
    std::process::exit(0)
}
