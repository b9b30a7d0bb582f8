#![no_std]
#![no_main]
// core slice algorithms and iterator chains: sort_unstable, binary_search, windows, chunks, zip.

extern "C" {
    fn write(fd: i32, buf: *const u8, n: usize) -> isize;
}

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}

fn put_u32(n: u32) {
    let mut buf = [b' '; 11];
    let mut i = 10;
    let mut v = n;
    loop {
        i -= 1;
        buf[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    unsafe {
        write(1, buf[i..].as_ptr(), 11 - i);
    }
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Job {
    priority: u8,
    id: u16,
}

#[unsafe(no_mangle)]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    let mut data = [31u32, 4, 15, 9, 26, 5, 3, 58];
    data.sort_unstable();
    for x in data.iter().rev().take(3) {
        put_u32(*x);
    }
    put_u32(data.binary_search(&15).unwrap_or(99) as u32);
    let rising = data.windows(2).filter(|w| w[1] - w[0] > 5).count();
    put_u32(rising as u32);
    let chunk_max: u32 = data.chunks(3).map(|c| c.iter().copied().max().unwrap_or(0)).sum();
    put_u32(chunk_max);
    let dot: u32 = data.iter().zip(data.iter().skip(1)).map(|(a, b)| a * b).step_by(2).sum();
    put_u32(dot);

    let mut jobs = [Job { priority: 2, id: 7 }, Job { priority: 9, id: 1 }, Job { priority: 2, id: 3 }];
    jobs.sort_unstable_by_key(|j| (core::cmp::Reverse(j.priority), j.id));
    for j in &jobs {
        put_u32(j.id as u32);
    }
    let pos = jobs.iter().position(|j| j.id == 3).map_or(0, |p| p as u32);
    put_u32(pos);
    let best = jobs.iter().max().map(|j| j.priority).unwrap_or(0);
    put_u32(best as u32);
    let mut text = *b"hello world";
    text.reverse();
    text.make_ascii_uppercase();
    let spaces = text.split(|b| *b == b' ').count();
    put_u32(spaces as u32);
    unsafe {
        write(1, text.as_ptr(), text.len());
        write(1, b"\n".as_ptr(), 1);
    }
    0
}
