package dev.mirlink.bridge.link;

import dev.mirlink.mir.item.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A method call's {@code fn_span} (rustc_hir {@code ExprKind::MethodCall}), and a macro's whole
 * definition from its {@code def_site}. The run suite checks both against rustc's panic locations
 * (programs 20 and 48 report {@code unwrap} and {@code spend}; 21 and 49 report macro calls).
 */
class SourceTextTest {
    @TempDir Path root;

    private Span fnSpan(String line, int beginCol, int endCol) throws IOException {
        Files.writeString(root.resolve("main.rs"), "fn main() {\n" + line + "\n}\n");
        return new SourceText(root).methodCallSpan(new Span("main.rs", 2, beginCol, 2, endCol));
    }

    @Test
    void methodCallsStartAtTheMethodName() throws IOException {
        assertEquals(new Span("main.rs", 2, 7, 2, 26), fnSpan("    b.spend(black_box(6));", 5, 26));
        assertEquals(new Span("main.rs", 2, 22, 2, 30), fnSpan("    let s = t.get(n).unwrap();", 13, 30));
        assertEquals(new Span("main.rs", 2, 10, 2, 30), fnSpan("    it . nth::<u8>(\")(\", ')');", 5, 30));
    }

    @Test
    void pathCallsAndCalleeExpressionsKeepTheirSpan() throws IOException {
        assertNull(fnSpan("    core::mem::swap(a, b);", 5, 26));
        assertNull(fnSpan("    (self.f)(x);", 5, 16));
        assertNull(fnSpan("    a.len() + b.len();", 5, 22));
        assertNull(fnSpan("    v[a.len()];", 5, 15));
    }

    @Test
    void multilineChains() throws IOException {
        Files.writeString(root.resolve("main.rs"), "fn main() {\n    let x = it\n        .map(|x| x + 1)\n        .sum::<u32>();\n}\n");
        assertEquals(new Span("main.rs", 4, 10, 4, 22),
                new SourceText(root).methodCallSpan(new Span("main.rs", 2, 13, 4, 22)));
    }

    @Test
    void macroDefinitionsEndAtTheBracketClosingTheirRules() throws IOException {
        Files.writeString(root.resolve("lib.rs"), """
                macro_rules! at { () => { here() }; }
                pub(crate) macro check {
                    ($a:expr) => { if !$a { panic!("unbalanced ) in a string, '}' in a char") } }, // and a }
                    () => {}
                }
                macro two($x:expr) {
                    /* a ) */ $x
                }
                fn after() {}
                """);
        SourceText sources = new SourceText(root);
        // rustc's def_site is a local macro_rules' whole item, and the header of a macro 2.0 or of another crate's
        assertEquals(new Span("lib.rs", 1, 1, 1, 38), sources.macroDefinition(new Span("lib.rs", 1, 1, 1, 38)));
        assertEquals(new Span("lib.rs", 2, 1, 5, 2), sources.macroDefinition(new Span("lib.rs", 2, 1, 2, 23)));
        assertEquals(new Span("lib.rs", 6, 1, 8, 2), sources.macroDefinition(new Span("lib.rs", 6, 1, 6, 10)));
        assertNull(sources.macroDefinition(new Span("lib.rs", 9, 1, 9, 9)));
    }

    @Test
    void filesComeFromTheFirstRootThatHasThem(@TempDir Path library) throws IOException {
        Files.createDirectories(library.resolve("core/src"));
        Files.writeString(library.resolve("core/src/panic.rs"), "pub macro panic_2021 {\n    () => {}\n}\n");
        Files.writeString(root.resolve("main.rs"), "macro_rules! m { () => {} }\n");
        SourceText sources = new SourceText(root, null, library);
        // the sysroot's crates name their files relative to the library cargo built them in
        assertEquals(new Span("core/src/panic.rs", 1, 1, 3, 2), sources.macroDefinition(new Span("core/src/panic.rs", 1, 1, 1, 21)));
        assertEquals("macro_rules! m { () => {} }", sources.read(new Span("main.rs", 1, 1, 1, 28)));
        assertNull(new SourceText(root).macroDefinition(new Span("core/src/panic.rs", 1, 1, 1, 21)));
    }
}
