package dev.mirlink.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example workspace (three library crates, generics across crates) built under the wrapper. */
class WorkspaceTest {
    @TempDir static Path target;
    static Path deps;

    @BeforeAll
    static void buildWorkspace() {
        deps = build(target);
    }

    static Path build(Path targetDir) {
        Tool.run(Tool.REPO.resolve("examples/workspace"),
                Map.of("RUSTC_WRAPPER", Tool.MIRLINK.toString(), "RUSTC", Tool.RUSTC),
                List.of(Tool.CARGO, "build", "--offline", "--target-dir", targetDir.toString())).expectSuccess();
        return targetDir.resolve("debug/deps");
    }

    static Path rlib(String crate) throws IOException {
        return rlib(deps, crate);
    }

    static Path rlib(Path deps, String crate) throws IOException {
        try (Stream<Path> files = Files.list(deps)) {
            return files.filter(p -> p.getFileName().toString().matches("lib" + crate + "-[0-9a-f]+\\.rlib"))
                    .findFirst().orElseThrow(() -> new AssertionError("no rlib for " + crate + " in " + deps));
        }
    }

    @Test
    void rlibsHoldMetadataAndMirButNoObjectCode() throws IOException {
        for (String crate : List.of("geometry", "stats", "report")) {
            List<String> members = Tool.arMembers(rlib(crate));
            assertEquals("lib.rmeta", members.get(0), crate + ": " + members);
            assertTrue(members.stream().anyMatch(m -> m.startsWith("mirlink.")), crate + ": " + members);
            assertFalse(members.stream().anyMatch(m -> m.endsWith(".o")), crate + ": " + members);
        }
    }

    /** The same sources give byte-identical rlibs, wherever the target directory is. */
    @Test
    void rebuildIsByteIdentical(@TempDir Path otherTarget) throws IOException {
        Path otherDeps = build(otherTarget);
        for (String crate : List.of("geometry", "stats", "report")) {
            assertEquals(rlib(crate).getFileName(), rlib(otherDeps, crate).getFileName());
            assertTrue(Arrays.equals(Files.readAllBytes(rlib(crate)), Files.readAllBytes(rlib(otherDeps, crate))), crate);
        }
    }

    @Test
    void inspectListsTheItems() throws IOException {
        Tool.Result r = Tool.mirlink("inspect", "--items", rlib("geometry").toString()).expectSuccess();
        Matcher m = Pattern.compile("(?m)^items: (\\d+)$").matcher(r.stdout());
        assertTrue(m.find(), r.stdout());
        assertTrue(Integer.parseInt(m.group(1)) >= 8, r.stdout());
        for (String item : List.of("geometry::total_area", "geometry::describe", "geometry::Rect")) {
            assertTrue(r.stdout().contains(item), item + " missing in:\n" + r.stdout());
        }
        assertTrue(r.stdout().contains("crate: geometry"), r.stdout());
    }

    @Test
    void rustcCompilesADependentCrateAgainstThem() throws IOException {
        Tool.run(Tool.REPO, Map.of(), List.of(Tool.RUSTC, "--edition", "2021", "--crate-type", "lib",
                "--crate-name", "consumer", "-L", "dependency=" + deps,
                "--extern", "report=" + rlib("report"), "--extern", "geometry=" + rlib("geometry"),
                "--out-dir", target.toString(), Tool.REPO.resolve("examples/consumer.rs").toString())).expectSuccess();
        assertTrue(Files.size(target.resolve("libconsumer.rlib")) > 0);
    }
}
