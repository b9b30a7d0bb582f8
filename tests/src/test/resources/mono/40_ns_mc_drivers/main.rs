#![no_std]
#![no_main]
// deps: lib_a
// Implements the upstream Driver trait for two devices and drives them through the generic Bus.
use lib_a::{checksum, setup, Bus, Driver};

extern "C" {
    fn write(fd: i32, buf: *const u8, n: usize) -> isize;
}

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}

struct Thermo {
    t: u8,
}

impl Driver for Thermo {
    type Word = u8;
    const ADDRESS: u8 = 0x48;
    fn read_word(&mut self) -> u8 {
        self.t = self.t.wrapping_add(3);
        self.t
    }
}

struct Accel {
    seq: [u16; 3],
    i: usize,
    mode: u8,
}

impl Driver for Accel {
    type Word = u16;
    const ADDRESS: u8 = 0x1d;
    fn read_word(&mut self) -> u16 {
        self.i += 1;
        self.seq[self.i % 3] << (self.mode & 1)
    }
    fn configure(&mut self, mode: u8) -> bool {
        self.mode = mode;
        mode & 0x10 != 0
    }
}

#[unsafe(no_mangle)]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    let mut t = Thermo { t: 20 };
    let mut a = Accel { seq: [100, 200, 300], i: 0, mode: 0 };
    let configured = setup(&mut t) + setup(&mut a);
    let mut bus = Bus::new(&mut t);
    let temps: [u32; 4] = bus.read_n();
    let addr = bus.address();
    let mut abus = Bus::new(&mut a);
    let acc: [u32; 2] = abus.read_n();
    let sum = checksum(&temps) ^ checksum(&acc);
    let msg: &[u8] = if sum % 2 == 0 { b"even\n" } else { b"odd\n" };
    unsafe {
        write(1, msg.as_ptr(), msg.len());
    }
    (configured as u32 + addr as u32 + abus.transfers) as i32
}
