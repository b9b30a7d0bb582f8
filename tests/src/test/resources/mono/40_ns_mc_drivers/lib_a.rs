#![no_std]
// A no_std HAL: a Driver trait with associated types and consts, a generic bus and a default impl.
pub trait Driver {
    type Word: Copy + Into<u32>;
    const ADDRESS: u8;
    fn read_word(&mut self) -> Self::Word;
    fn configure(&mut self, _mode: u8) -> bool {
        true
    }
}

pub struct Bus<'a, D: Driver> {
    dev: &'a mut D,
    pub transfers: u32,
}

impl<'a, D: Driver> Bus<'a, D> {
    pub fn new(dev: &'a mut D) -> Self {
        Bus { dev, transfers: 0 }
    }
    pub fn read_n<const N: usize>(&mut self) -> [u32; N] {
        let mut out = [0u32; N];
        for slot in out.iter_mut() {
            *slot = self.dev.read_word().into();
            self.transfers += 1;
        }
        out
    }
    pub fn address(&self) -> u8 {
        D::ADDRESS
    }
}

pub static DEFAULT_MODES: [u8; 3] = [0x01, 0x10, 0x11];

pub fn checksum(words: &[u32]) -> u32 {
    words.iter().fold(0u32, |acc, w| acc.rotate_left(5) ^ w)
}

pub fn setup<D: Driver>(dev: &mut D) -> usize {
    DEFAULT_MODES.iter().filter(|m| dev.configure(**m)).count()
}
