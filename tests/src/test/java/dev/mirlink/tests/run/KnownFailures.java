package dev.mirlink.tests.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The run suite's ledger ({@code resources/run/known-failures.txt}): programs whose mirlink build is
 * expected to differ from rustc's for now. A line is {@code PROGRAM TARGET OPT REASON…}; TARGET is a triple,
 * an arch ({@code aarch64}) or {@code *}, OPT an opt level or {@code *}. A difference no line covers fails
 * the suite, and so does a combination a line covers that agrees with rustc: lines only ever narrow.
 */
final class KnownFailures {
    record Entry(int line, String program, String target, String opt, String reason) {
        boolean covers(String program, Variant v) {
            return this.program.equals(program)
                    && (target.equals("*") || target.equals(v.target()) || target.equals(v.arch()))
                    && (opt.equals("*") || opt.equals(Integer.toString(v.opt())));
        }

        @Override
        public String toString() {
            return "line " + line + " `" + String.join(" ", program, target, opt, reason) + "`";
        }
    }

    private final List<Entry> entries;

    private KnownFailures(List<Entry> entries) {
        this.entries = entries;
    }

    static KnownFailures load(Path file) {
        List<Entry> entries = new ArrayList<>();
        try {
            List<String> lines = Files.exists(file) ? Files.readAllLines(file) : List.of();
            for (int i = 0; i < lines.size(); i++) {
                String l = lines.get(i).strip();
                if (l.isEmpty() || l.startsWith("#")) continue;
                String[] f = l.split("\\s+", 4);
                if (f.length < 4) throw new IllegalArgumentException(file + ":" + (i + 1) + ": want PROGRAM TARGET OPT REASON: " + l);
                entries.add(new Entry(i + 1, f[0], f[1], f[2], f[3]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new KnownFailures(List.copyOf(entries));
    }

    Optional<Entry> find(String program, Variant v) {
        return entries.stream().filter(e -> e.covers(program, v)).findFirst();
    }

    /**
     * The ledger for what a run saw ({@code -Dmirlink.run.writeLedger=FILE}): per program, one line if every
     * variant differs, else one per target whose opt levels all differ, else one per variant.
     */
    static List<String> linesFor(List<String> header, List<String> programs, List<Variant> variants, List<Verdict> verdicts) {
        List<String> out = new ArrayList<>(header);
        for (String program : programs) {
            List<Verdict> failing = verdicts.stream().filter(v -> v.program().equals(program) && !v.same() && !v.broken()).toList();
            if (failing.size() == variants.size()) {
                out.add(line(program, "*", "*", failing.get(0)));
                continue;
            }
            for (String target : Variant.TARGETS) {
                List<Verdict> mine = failing.stream().filter(v -> v.variant().target().equals(target)).toList();
                long all = variants.stream().filter(v -> v.target().equals(target)).count();
                if (!mine.isEmpty() && mine.size() == all) out.add(line(program, mine.get(0).variant().arch(), "*", mine.get(0)));
                else for (Verdict v : mine) out.add(line(program, v.variant().arch(), Integer.toString(v.variant().opt()), v));
            }
        }
        return out;
    }

    private static String line(String program, String target, String opt, Verdict v) {
        return String.format("%-28s %-8s %-2s %s", program, target, opt, v.ledgerReason(100));
    }

    /** The comment lines a ledger file starts with. */
    static List<String> header(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file).stream().takeWhile(l -> l.startsWith("#")).toList() : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines naming no existing program: renamed or deleted programs must leave the ledger too. */
    List<Entry> unknownPrograms(Set<String> programs) {
        return entries.stream().filter(e -> !programs.contains(e.program())).toList();
    }
}
