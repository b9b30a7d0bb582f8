package dev.mirlink.tests.mono;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The instance oracle's ledger of known gaps ({@code resources/mono/known-gaps.txt}): one line per
 * difference from rustc that is not fixed yet, {@code TARGET PROGRAM missing|extra|problem|error TEXT}.
 * A difference not in the ledger fails the oracle, and so does a ledger line that no longer
 * happens, so the ledger only shrinks. {@code -Dmirlink.mono.writeGaps=FILE} writes what a run saw.
 */
final class KnownGaps {
    private final Set<String> lines;

    private KnownGaps(Set<String> lines) {
        this.lines = lines;
    }

    /** Where the checkout is does not matter: local spans print the programs' absolute paths. */
    private static final java.util.regex.Pattern CHECKOUT = java.util.regex.Pattern.compile("\\S*/tests/src/test/resources/mono/");

    static String normalized(String line) {
        return CHECKOUT.matcher(line).replaceAll("");
    }

    static KnownGaps load(Path file) {
        Set<String> lines = new TreeSet<>();
        try {
            if (Files.exists(file)) {
                for (String l : Files.readAllLines(file)) if (!l.isBlank() && !l.startsWith("#")) lines.add(normalized(l.strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new KnownGaps(lines);
    }

    /** The gap lines a program's outcome produces: a comparison's differences, or why it could not compare. */
    static List<String> of(String target, String program, Object outcome) {
        List<String> out = new ArrayList<>();
        String prefix = target + " " + program + " ";
        of(prefix, outcome, out);
        return out.stream().map(KnownGaps::normalized).toList();
    }

    private static void of(String prefix, Object outcome, List<String> out) {
        if (outcome instanceof InstanceComparison.Result r) {
            r.missing().forEach(m -> out.add(prefix + "missing " + m));
            r.unjustified().forEach(u -> out.add(prefix + "extra " + u.item()));
            r.reportProblems().forEach(p -> out.add(prefix + "problem " + p));
        } else {
            String why = String.valueOf(outcome);
            int at = why.indexOf("mirlink: error: ");
            String line = at >= 0 ? why.substring(at) : why;
            out.add(prefix + "error " + line.lines().findFirst().orElse("").strip());
        }
    }

    /** Gaps seen but not in the ledger. */
    List<String> unknown(List<String> seen) {
        return seen.stream().filter(s -> !lines.contains(s)).toList();
    }

    /** Ledger lines for these programs that were not seen: fixed, so they must leave the ledger. */
    List<String> fixed(String target, Set<String> programs, List<String> seen) {
        Set<String> seenSet = new TreeSet<>(seen);
        return lines.stream().filter(l -> {
            String[] f = l.split(" ", 3);
            return f.length == 3 && f[0].equals(target) && programs.contains(f[1]) && !seenSet.contains(l);
        }).toList();
    }
}
