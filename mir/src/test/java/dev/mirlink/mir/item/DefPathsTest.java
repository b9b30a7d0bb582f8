package dev.mirlink.mir.item;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DefPathsTest {
    @Test
    void splitsAtTopLevelOnly() {
        assertEquals(List.of("core", "f128", "<impl at core/src/num/f128.rs:155:1: 155:10>", "clamp"),
                DefPaths.split("core::f128::<impl at core/src/num/f128.rs:155:1: 155:10>::clamp"));
        assertEquals(List.of("core", "<impl Fn(u8) -> u8 for F>", "call", "{closure#0}"),
                DefPaths.split("core::<impl Fn(u8) -> u8 for F>::call::{closure#0}"));
        assertEquals(List.of("<u8 as core::fmt::Binary>", "fmt"), DefPaths.split("<u8 as core::fmt::Binary>::fmt"));
    }

    @Test
    void parentAndLast() {
        assertEquals("a::<impl at x.rs:1:1: 1:9>", DefPaths.parent("a::<impl at x.rs:1:1: 1:9>::m"));
        assertEquals("m", DefPaths.last("a::<impl at x.rs:1:1: 1:9>::m"));
        assertNull(DefPaths.parent("core"));
        assertTrue(DefPaths.isDisambiguated("{constant#3}"));
        assertTrue(DefPaths.isDisambiguated("promoted[0]"));
        assertTrue(DefPaths.isImplSegment("<impl at x.rs:1:1: 1:9>#2"));
    }

    @Test
    void spanRoundTripsRustcFormat() {
        Span s = Span.parse("core/src/../../portable-simd/crates/core_simd/src/ops.rs:128:17: 130:42");
        assertEquals(new Span("core/src/../../portable-simd/crates/core_simd/src/ops.rs", 128, 17, 130, 42), s);
        assertEquals("core/src/../../portable-simd/crates/core_simd/src/ops.rs:128:17: 130:42", s.toString());
        assertTrue(new Span("a.rs", 1, 1, 10, 2).contains(new Span("a.rs", 3, 5, 3, 9)));
        assertTrue(new Span("a.rs", 3, 5, 9, 1).sameBegin(new Span("a.rs", 3, 5, 3, 20)));
    }
}
