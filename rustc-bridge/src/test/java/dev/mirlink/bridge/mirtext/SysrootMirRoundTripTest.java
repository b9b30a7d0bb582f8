package dev.mirlink.bridge.mirtext;

import dev.mirlink.mir.body.MirEntry;
import dev.mirlink.mir.body.MirFile;
import dev.mirlink.mir.print.MirPrinter;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The acceptance bar: every body and allocation of a whole sysroot's MIR parses strictly and
 * round-trips through the printer. Run with {@code -Dmirlink.mirDir=<dir of *.mir files>}.
 */
class SysrootMirRoundTripTest {
    @Test
    void everyFileParsesAndRoundTrips() throws IOException {
        String dir = System.getProperty("mirlink.mirDir");
        assumeTrue(dir != null && !dir.isBlank(), "set -Dmirlink.mirDir to a directory of *.mir files");
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of(dir))) {
            files = s.filter(p -> p.toString().endsWith(".mir")).sorted().toList();
        }
        assertTrue(!files.isEmpty(), "no *.mir files in " + dir);
        long bodies = 0;
        long allocations = 0;
        long trivialConsts = 0;
        long bytes = 0;
        int identical = 0;
        List<String> textDiffs = new ArrayList<>();
        MirPrinter printer = new MirPrinter();
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            long t0 = System.nanoTime();
            MirFile model;
            try {
                model = MirTextReader.parse(text);
            } catch (MirParseException e) {
                throw new AssertionError(file.getFileName() + ": " + e.getMessage(), e);
            }
            long parseMillis = (System.nanoTime() - t0) / 1_000_000;
            String printed = printer.print(model);
            MirFile reparsed;
            try {
                reparsed = MirTextReader.parse(printed);
            } catch (MirParseException e) {
                throw new AssertionError(file.getFileName() + ": the printed text does not parse: " + e.getMessage(), e);
            }
            assertEquals(model, reparsed, file.getFileName() + ": model changed in a print/parse round trip");
            if (printed.equals(text)) identical++;
            else textDiffs.add(file.getFileName() + " (first difference at line " + firstDifferentLine(text, printed) + ")");
            long fileBodies = 0;
            long fileAllocs = 0;
            for (MirEntry e : model.entries()) {
                switch (e) {
                    case MirEntry.BodyEntry be -> {
                        fileBodies++;
                        fileAllocs += be.allocations().size();
                    }
                    case MirEntry.TrivialConst tc -> trivialConsts++;
                }
            }
            bodies += fileBodies;
            allocations += fileAllocs;
            bytes += text.length();
            System.out.printf("%-50s %7d bodies %6d allocations  parsed in %5d ms%n",
                    file.getFileName(), fileBodies, fileAllocs, parseMillis);
        }
        System.out.printf("%d files, %d chars: %d bodies, %d allocations, %d trivial consts; %d/%d files print back textually identical%n",
                files.size(), bytes, bodies, allocations, trivialConsts, identical, files.size());
        textDiffs.forEach(d -> System.out.println("  not textually identical: " + d));
    }

    private static int firstDifferentLine(String a, String b) {
        int line = 1;
        for (int i = 0; i < Math.min(a.length(), b.length()); i++) {
            if (a.charAt(i) != b.charAt(i)) return line;
            if (a.charAt(i) == '\n') line++;
        }
        return line;
    }
}
