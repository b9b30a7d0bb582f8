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
 * A method call's {@code fn_span} (rustc_hir {@code ExprKind::MethodCall}). The run suite checks the
 * result against rustc's panic locations (programs 20 and 48 report {@code unwrap} and {@code spend}).
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
}
