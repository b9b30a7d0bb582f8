// Text processing: word frequencies with HashMap<String, usize>, char classes and sorting.
use std::collections::HashMap;

const TEXT: &str = "The quick brown fox jumps over the lazy dog. The dog sleeps; the fox runs!
A fox, a dog and a bird walk into a bar.";

fn normalize(word: &str) -> String {
    word.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

fn frequencies(text: &str) -> HashMap<String, usize> {
    let mut map = HashMap::new();
    for w in text.split_whitespace().map(normalize).filter(|w| !w.is_empty()) {
        *map.entry(w).or_insert(0) += 1;
    }
    map
}

fn top_n(map: &HashMap<String, usize>, n: usize) -> Vec<(&str, usize)> {
    let mut v: Vec<(&str, usize)> = map.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    v.truncate(n);
    v
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn main() {
    let freq = frequencies(TEXT);
    for (w, n) in top_n(&freq, 4) {
        println!("{:>6} {}", capitalize(w), n);
    }
    let lines: Vec<&str> = TEXT.lines().collect();
    let longest = TEXT.split(|c: char| !c.is_alphabetic()).max_by_key(|w| w.len()).unwrap_or("");
    println!("{} lines, longest word {longest:?}", lines.len());
    let vowels = TEXT.chars().filter(|c| "aeiouAEIOU".contains(*c)).count();
    let upper = TEXT.bytes().filter(u8::is_ascii_uppercase).count();
    println!("vowels {vowels} upper {upper}");
    let acronym: String = lines[0].split(' ').filter_map(|w| w.chars().next()).collect();
    println!("{}", acronym.to_uppercase());
    let replaced = lines[1].replace("a ", "one ").trim_end_matches('.').to_string();
    println!("{replaced}");
    let by_len = freq.keys().fold(HashMap::<usize, Vec<&String>>::new(), |mut m, k| {
        m.entry(k.len()).or_default().push(k);
        m
    });
    let mut lens: Vec<_> = by_len.keys().copied().collect();
    lens.sort_unstable();
    println!("{:?}", lens);
}
