#![no_std]
// deps: lib_iterx
// Text helpers built on lib_iterx's generic extension trait, passing their own closures.

use lib_iterx::IterX;

pub fn vowel_count(s: &str) -> usize { s.chars().count_where(|c| matches!(c.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u')) }

pub fn weight(s: &str) -> i64 { s.bytes().sum_by(|b| if b.is_ascii_alphabetic() { (b.to_ascii_lowercase() - b'a' + 1) as i64 } else { 0 }) }

pub fn word_len_range(s: &str) -> Option<(usize, usize)> { s.split_whitespace().min_max_by_key(|w| w.len()) }

pub fn initials<'a>(s: &'a str) -> impl Iterator<Item = char> + 'a { s.split_whitespace().filter_map(|w| w.chars().next()) }
