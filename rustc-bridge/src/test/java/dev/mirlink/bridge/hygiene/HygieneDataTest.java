package dev.mirlink.bridge.hygiene;

import dev.mirlink.bridge.rustc.CrateFrontend;
import dev.mirlink.bridge.rustc.Rustc;
import dev.mirlink.bridge.rustc.RustcException;
import dev.mirlink.mir.item.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Reads what rustc 1.96 prints for a crate's expansions, and walks them as {@code expansion_cause} does. */
class HygieneDataTest {
    @TempDir Path dir;

    @Test
    void anExpansionsCauseIsTheOutermostMacroCall() throws IOException, InterruptedException {
        Files.writeString(dir.resolve("lib.rs"), """
                #![no_std]
                macro_rules! check { ($e:expr) => { if !$e { panic!("failed: {}", $e) } }; }
                pub fn f(x: bool) { check!(x); }
                pub fn g(x: bool) { if !x { panic!() } }
                """);
        List<String> command = new ArrayList<>(List.of(Rustc.locate(null).executable().toString(),
                "--edition", "2021", "--crate-type", "lib", "lib.rs"));
        command.addAll(CrateFrontend.HYGIENE_FLAGS);
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("hygiene.txt").toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("RUSTC_BOOTSTRAP", "1");
        assertEquals(0, pb.start().waitFor());

        HygieneData data = HygieneData.read(dir.resolve("hygiene.txt"));
        List<String> causes = new ArrayList<>();
        for (int i = 0; i < data.expansions().size(); i++) {
            HygieneData.Expansion e = data.expansions().get(i);
            if (e != null && e.bangMacro() != null && e.bangMacro().endsWith("panic_2021")) causes.add(data.expansionCause(i).toString());
        }
        // panic! inside check! is caused by check!'s call; the one written in g by its own call
        assertEquals(List.of(new Span("lib.rs", 3, 21, 3, 30).toString(), new Span("lib.rs", 4, 29, 4, 37).toString()),
                causes.stream().sorted().toList());
    }

    @Test
    void outputWithoutHygieneDataIsRefused() throws IOException {
        Files.writeString(dir.resolve("expanded.rs"), "fn main() {}\n");
        assertThrows(RustcException.class, () -> HygieneData.read(dir.resolve("expanded.rs")));
    }
}
