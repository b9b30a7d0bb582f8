package dev.mirlink.tests.mono;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Checks {@link InstanceComparison} on hand-made inputs, without rustc or mirlink. */
class InstanceComparisonSelfCheckTest {
    static final String TARGET = "x86_64-unknown-linux-gnu";

    /** What rustc printed for a tiny two-crate program (partitioning suffixes included). */
    static final String RUSTC = """
            MONO_ITEM fn main @@ main.abc-cgu.0[External]
            MONO_ITEM fn lib_a::gen::<u8> @@ main.abc-cgu.0[Internal]
            MONO_ITEM fn std::ptr::drop_in_place::<Foo> - shim(Some(Foo)) @@ main.abc-cgu.0[Internal] main.abc-cgu.1[Internal]
            MONO_ITEM static LOCAL @@ main.abc-cgu.0[Internal]
            """;

    /** mirlink's stdout: rustc's items plus what the whole program needs from upstream. */
    static final String MIRLINK = """
            MONO_ITEM fn main
            MONO_ITEM fn lib_a::gen::<u8>
            MONO_ITEM fn std::ptr::drop_in_place::<Foo> - shim(Some(Foo))
            MONO_ITEM static LOCAL
            MONO_ITEM fn lib_a::helper
            MONO_ITEM fn lib_a::helper_inner::<i32>
            MONO_ITEM static lib_a::TABLE
            MONO_ITEM fn core::fmt::write
            """;

    static final String REPORT = """
            {
              "schema": "mirlink-collect/1", "target": "x86_64-unknown-linux-gnu", "crate": "main",
              "roots": ["main"],
              "instances": [
                {"name": "main", "kind": "fn", "crate": "main", "generic": false, "requestedBy": ["main"], "reachedFrom": []},
                {"name": "lib_a::gen::<u8>", "kind": "fn", "crate": "lib_a", "generic": true, "requestedBy": ["main"], "reachedFrom": ["main"]},
                {"name": "std::ptr::drop_in_place::<Foo> - shim(Some(Foo))", "kind": "drop-glue", "crate": "core", "generic": true, "requestedBy": ["main"], "reachedFrom": ["main"]},
                {"name": "LOCAL", "kind": "static", "crate": "main", "generic": false, "requestedBy": ["main"], "reachedFrom": ["main"]},
                {"name": "lib_a::helper", "kind": "fn", "crate": "lib_a", "generic": false, "requestedBy": ["main"], "reachedFrom": ["main"]},
                {"name": "lib_a::helper_inner::<i32>", "kind": "fn", "crate": "lib_a", "generic": true, "requestedBy": ["lib_a"], "reachedFrom": ["lib_a::helper"]},
                {"name": "lib_a::TABLE", "kind": "static", "crate": "lib_a", "generic": false, "requestedBy": ["main"], "reachedFrom": ["main", "lib_a::helper"]},
                {"name": "core::fmt::write", "kind": "fn", "crate": "core", "generic": false, "requestedBy": ["lib_a"], "reachedFrom": ["lib_a::helper_inner::<i32>"]}
              ],
              "vtables": [], "requests": 9, "merged": 1
            }
            """;

    static InstanceComparison.Result compare(String rustc, String mirlink, String report) {
        return compare(rustc, Set.of(), mirlink, report);
    }

    static InstanceComparison.Result compare(String rustc, Set<String> upstream, String mirlink, String report) {
        return InstanceComparison.compare("selfcheck", "main", TARGET, MonoItem.parseAll(rustc), upstream,
                MonoItem.parseAll(mirlink), report == null ? null : CollectReport.parse(report));
    }

    @Test
    void parsingStripsThePartitioningSuffix() {
        Set<MonoItem> items = MonoItem.parseAll(RUSTC + "warning: not an item\n");
        assertEquals(4, items.size());
        assertTrue(items.contains(new MonoItem("fn", "std::ptr::drop_in_place::<Foo> - shim(Some(Foo))")));
        assertTrue(items.contains(new MonoItem("static", "LOCAL")));
        assertEquals(items, Set.copyOf(MonoItem.parseAll(MIRLINK.lines().limit(4).map(l -> l + "\n")
                .reduce("", String::concat))));
    }

    @Test
    void aMatchingProgramPasses() {
        InstanceComparison.Result r = compare(RUSTC, MIRLINK, REPORT);
        System.out.println(r.format(20));
        assertTrue(r.ok(), r.format(20));
        assertEquals(4, r.rustcCount());
        assertEquals(8, r.mirlinkCount());
        // helper, TABLE and core::fmt::write are upstream-provided; helper_inner is only reached through helper
        assertEquals(3, r.extrasUpstream());
        assertEquals(1, r.extrasUnreached());
    }

    @Test
    void missingItemsKindMismatchesAndLocalExtrasFail() {
        String mirlink = MIRLINK.replace("MONO_ITEM fn lib_a::gen::<u8>\n", "MONO_ITEM fn lib_a::gen::<u16>\n")
                .replace("MONO_ITEM static LOCAL", "MONO_ITEM fn LOCAL");
        String report = REPORT.replace("\"lib_a::gen::<u8>\"", "\"lib_a::gen::<u16>\"")
                .replace("{\"name\": \"LOCAL\", \"kind\": \"static\"", "{\"name\": \"LOCAL\", \"kind\": \"fn\"");
        InstanceComparison.Result r = compare(RUSTC, mirlink, report);
        String shown = r.format(20);
        System.out.println(shown);
        assertFalse(r.ok());
        assertEquals(List.of("static LOCAL   (mirlink prints it as fn)", "fn lib_a::gen::<u8>"), r.missing());
        assertEquals(List.of("fn LOCAL", "fn lib_a::gen::<u16>"), r.unjustified().stream().map(u -> u.item()).toList());
        assertTrue(shown.contains("reached: main → lib_a::gen::<u16>"), shown);
        assertEquals(List.of(), r.reportProblems());
    }

    /** {@link #REPORT} with one more instance: a generic fn of core, requested and reached as given (JSON lists). */
    private static String withGenericCoreFn(String name, String requestedBy, String reachedFrom) {
        String entry = ",\n    {\"name\": \"" + name + "\", \"kind\": \"fn\", \"crate\": \"core\", \"generic\": true,"
                + " \"requestedBy\": [" + requestedBy + "], \"reachedFrom\": [" + reachedFrom + "]}\n  ],\n  \"vtables\"";
        return REPORT.replace("\n  ],\n  \"vtables\"", entry);
    }

    @Test
    void anExtraReachedBothLocallyAndThroughUpstreamFails() {
        // core::fmt::write's callee is reached through an upstream-provided fn (fine) and from main (not fine)
        String mirlink = MIRLINK + "MONO_ITEM fn core::fmt::Arguments::<'_>::new_v1::<2, 1>\n";
        String report = withGenericCoreFn("core::fmt::Arguments::<'_>::new_v1::<2, 1>", "\"main\", \"core\"",
                "\"core::fmt::write\", \"lib_a::gen::<u8>\"");
        assertTrue(report.contains("new_v1"));
        InstanceComparison.Result r = compare(RUSTC, mirlink, report);
        assertFalse(r.ok(), r.format(20));
        assertEquals(1, r.unjustified().size(), r.format(20));
        assertTrue(r.unjustified().get(0).why().contains("main → lib_a::gen::<u8> → core::fmt::Arguments"), r.format(20));

        // the same instance reached only through the upstream-provided fn is justified
        String upstreamOnly = report.replace("[\"core::fmt::write\", \"lib_a::gen::<u8>\"]", "[\"core::fmt::write\"]");
        InstanceComparison.Result ok = compare(RUSTC, mirlink, upstreamOnly);
        assertTrue(ok.ok(), ok.format(20));
        assertEquals(2, ok.extrasUnreached());
    }

    /** An upstream generic instance is justified only where rustc's object names it among its undefined symbols. */
    @Test
    void aGenericExtraIsUpstreamWhereRustcsObjectTakesIt() {
        String mirlink = MIRLINK + "MONO_ITEM fn core::panicking::assert_failed::<std::option::Option<usize>, std::option::Option<usize>>\n";
        String report = withGenericCoreFn("core::panicking::assert_failed::<std::option::Option<usize>, std::option::Option<usize>>",
                "\"main\"", "\"main\"");
        assertFalse(compare(RUSTC, mirlink, report).ok());
        // nm --demangle of a v0-mangled object prints def paths
        Set<String> upstream = Set.of(InstanceComparison.shape(
                "core::panicking::assert_failed::<core::option::Option<usize>, core::option::Option<usize>>"));
        InstanceComparison.Result r = compare(RUSTC, upstream, mirlink, report);
        assertTrue(r.ok(), r.format(20));
        assertEquals(4, r.extrasUpstream());
        assertFalse(compare(RUSTC, Set.of(InstanceComparison.shape("core::panicking::assert_failed::<u8, u8>")),
                mirlink, report).ok());
    }

    @Test
    void shapesOfMonoItemsAndDemangledSymbolsAgree() {
        assertEquals(InstanceComparison.shape("<&str as core::cmp::Ord>::cmp"),
                InstanceComparison.shape("std::cmp::impls::<impl std::cmp::Ord for &str>::cmp"));
        assertEquals(InstanceComparison.shape("<alloc::raw_vec::RawVec<alloc::string::String>>::grow_one"),
                InstanceComparison.shape("alloc::raw_vec::RawVec::<std::string::String>::grow_one"));
        assertEquals("assert_failed::<Option<usize>, Option<usize>>",
                InstanceComparison.shape("core::panicking::assert_failed::<core::option::Option<usize>, core::option::Option<usize>>"));
    }

    @Test
    void theReportMustAgreeWithStdout() {
        String mirlink = MIRLINK + "MONO_ITEM fn lib_a::unreported\n";
        String report = REPORT.replace("\"crate\": \"main\",\n  \"roots\"", "\"crate\": \"other\",\n  \"roots\"")
                .replace("\"reachedFrom\": [\"lib_a::helper_inner::<i32>\"]", "\"reachedFrom\": [\"nowhere\"]");
        InstanceComparison.Result r = compare(RUSTC, mirlink, report);
        System.out.println(r.format(20));
        assertFalse(r.ok());
        assertTrue(r.reportProblems().contains("printed but not in the report: fn lib_a::unreported"), r.format(20));
        assertTrue(r.reportProblems().contains("reachedFrom names an unknown instance (1 times): nowhere"), r.format(20));
        assertTrue(r.reportProblems().contains("crate is other, expected main"), r.format(20));
        assertEquals(List.of("fn lib_a::unreported"), r.unjustified().stream().map(u -> u.item()).toList());
    }

    @Test
    void kindPrefixedReportNamesAreReadButReported() {
        String rustc = "MONO_ITEM fn main @@ main.abc-cgu.0[External]\n";
        String mirlink = "MONO_ITEM fn main\nMONO_ITEM fn lib_a::helper\nMONO_ITEM static lib_a::TABLE\n";
        String report = """
                {"schema": "mirlink-collect/1", "target": "x86_64-unknown-linux-gnu", "crate": "main",
                 "roots": ["fn main"],
                 "instances": [
                   {"name": "fn main", "kind": "fn", "crate": "main", "generic": false, "requestedBy": [], "reachedFrom": []},
                   {"name": "fn lib_a::helper", "kind": "fn", "crate": "lib_a", "generic": false, "requestedBy": ["main"], "reachedFrom": ["fn main"]},
                   {"name": "static lib_a::TABLE", "kind": "static", "crate": "lib_a", "generic": false, "requestedBy": ["lib_a"], "reachedFrom": ["fn lib_a::helper"]}
                 ], "vtables": [], "requests": 2, "merged": 0}
                """;
        InstanceComparison.Result r = compare(rustc, mirlink, report);
        assertEquals(1, r.reportProblems().size(), r.format(20));
        assertTrue(r.reportProblems().get(0).startsWith("3 names in the report start with their kind word (e.g. \"fn main\")"),
                r.format(20));
        assertEquals(List.of(), r.missing());
        assertEquals(List.of(), r.unjustified());
        assertEquals(2, r.extrasUpstream());
    }

    @Test
    void withoutAReportEveryExtraIsUnjustified() {
        InstanceComparison.Result r = compare(RUSTC, MIRLINK, null);
        assertFalse(r.ok());
        assertEquals(4, r.unjustified().size());
        assertEquals(List.of("no report was written (MIRLINK_REPORT)"), r.reportProblems());
        assertTrue(InstanceComparison.totals(List.of(r, compare(RUSTC, MIRLINK, REPORT)))
                .startsWith("2 programs (1 failing), 8 rustc instances compared"));
    }
}
