package dev.mirlink.bridge.mirtext;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MirParseErrorTest {
    private static MirParseException corrupt(String fixture, String from, String to) {
        String text = Fixtures.text(fixture);
        assertTrue(text.contains(from), "fixture must contain " + from);
        String bad = text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
        return assertThrows(MirParseException.class, () -> MirTextReader.parse(bad));
    }

    private static int lineOf(String fixture, String needle) {
        String text = Fixtures.text(fixture);
        return (int) text.substring(0, text.indexOf(needle)).chars().filter(c -> c == '\n').count() + 1;
    }

    @Test
    void namesTheItemTheLineAndTheColumn() {
        String line = "        _5 = &(*_1)[1:];";
        MirParseException e = corrupt("terminators.mir", line, "        _5 = &(*_1)[1::];");
        int expectedLine = lineOf("terminators.mir", line);
        assertEquals(expectedLine, e.line());
        assertEquals(22, e.column());
        assertEquals("cannot parse subslice at line " + expectedLine + ":22 in fn "
                + "`slice::<impl at core/src/slice/mod.rs:101:1: 101:12>::split_first`: expected '..', found '::];'",
                e.getMessage());
    }

    @Test
    void unknownStatement() {
        MirParseException e = corrupt("closures_and_scopes.mir", "StorageLive(", "StorageLiev(");
        assertTrue(e.getMessage().startsWith("cannot parse statement at line "), e.getMessage());
        assertTrue(e.getMessage().contains(" in fn `"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void unterminatedType() {
        MirParseException e = corrupt("consts.mir", "let mut _0: bool;", "let mut _0: [bool;");
        assertTrue(e.getMessage().contains("array type"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void unknownCastKind() {
        String text = MirTextReader.FILE_HEADER + """
                fn f(_1: u8) -> u32 {
                    let mut _0: u32;

                    bb0: {
                        _0 = copy _1 as u32 (IntToLong);
                        return;
                    }
                }
                """;
        MirParseException e = assertThrows(MirParseException.class, () -> MirTextReader.parse(text));
        assertEquals("cannot parse cast kind at line 8:30 in fn `f`: unknown cast kind, found 'IntToLong);'", e.getMessage());
    }

    @Test
    void badAllocationBytes() {
        MirParseException e = corrupt("synthetic_allocs.mir", "aa aa aa aa", "aa aa zz aa");
        assertTrue(e.getMessage().startsWith("cannot parse allocation bytes at line "), e.getMessage());
        assertTrue(e.getMessage().contains("in fn `f`"), e.getMessage());
    }

    @Test
    void randomCorruptionsFailWithALocatedMessage() {
        java.util.Random random = new java.util.Random(42);
        String junk = "()[]{}<>_:;, .-+*&!'\"\\0123456789abcxyzAZ\n│╾╼─";
        for (String fixture : new String[] {"closures_and_scopes.mir", "consts.mir", "terminators.mir", "synthetic_allocs.mir"}) {
            String text = Fixtures.text(fixture);
            int header = MirTextReader.FILE_HEADER.length();
            for (int round = 0; round < 300; round++) {
                StringBuilder sb = new StringBuilder(text);
                int at = header + random.nextInt(text.length() - header);
                switch (random.nextInt(3)) {
                    case 0 -> sb.deleteCharAt(at);
                    case 1 -> sb.insert(at, junk.charAt(random.nextInt(junk.length())));
                    default -> sb.setCharAt(at, junk.charAt(random.nextInt(junk.length())));
                }
                try {
                    MirTextReader.parse(sb.toString());
                } catch (MirParseException e) {
                    assertFalse(e.getMessage().contains("\n"), e.getMessage());
                    assertTrue(e.getMessage().matches("cannot parse .* at line \\d+:\\d+ in .*"), e.getMessage());
                }
            }
        }
    }

    @Test
    void missingFileHeader() {
        MirParseException e = assertThrows(MirParseException.class, () -> MirTextReader.parse("fn f() -> () {\n"));
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("file header"), e.getMessage());
    }

    @Test
    void undeclaredLocal() {
        String text = MirTextReader.FILE_HEADER + """
                fn f() -> () {
                    let mut _0: ();
                    let _2: u8;

                    bb0: {
                        return;
                    }
                }
                """;
        MirParseException e = assertThrows(MirParseException.class, () -> MirTextReader.parse(text));
        assertTrue(e.getMessage().contains("local _1 is never declared"), e.getMessage());
    }
}
