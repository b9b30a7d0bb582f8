package dev.mirlink.tests.run;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The run suite's report: program × variant cells, totals, and the reasons behind every cell that is not ok. */
final class SummaryTable {
    enum Cell {
        OK("ok"), LEDGER("ledger"), FAIL("FAIL"), STALE("STALE");

        final String label;

        Cell(String label) {
            this.label = label;
        }
    }

    record Row(Verdict verdict, Cell cell, KnownFailures.Entry entry) {}

    private static final int REASON_CHARS = 240;

    private SummaryTable() {}

    static String format(List<String> programs, List<Variant> variants, List<Row> rows) {
        Map<String, Map<Variant, Cell>> grid = new LinkedHashMap<>();
        for (String p : programs) grid.put(p, new LinkedHashMap<>());
        Map<Cell, Integer> totals = new EnumMap<>(Cell.class);
        for (Row r : rows) {
            grid.get(r.verdict().program()).put(r.verdict().variant(), r.cell());
            totals.merge(r.cell(), 1, Integer::sum);
        }
        int width = programs.stream().mapToInt(String::length).max().orElse(8) + 2;
        StringBuilder sb = new StringBuilder(String.format("run suite: %d programs x %d variants%n", programs.size(), variants.size()));
        sb.append(String.format("  %-" + width + "s", "program"));
        for (Variant v : variants) sb.append(String.format("%-12s", v.label()));
        sb.append('\n');
        grid.forEach((p, cells) -> {
            sb.append(String.format("  %-" + width + "s", p));
            for (Variant v : variants) sb.append(String.format("%-12s", cells.containsKey(v) ? cells.get(v).label : "-"));
            sb.append('\n');
        });
        List<String> counts = new ArrayList<>();
        for (Cell c : Cell.values()) counts.add(totals.getOrDefault(c, 0) + " " + c.label);
        sb.append("  totals: ").append(String.join(", ", counts)).append('\n');
        section(sb, "failures (not in known-failures.txt)", rows, Cell.FAIL, false);
        section(sb, "stale ledger lines (these agree with rustc now: narrow or remove the line)", rows, Cell.STALE, false);
        section(sb, "ledger reasons seen", rows, Cell.LEDGER, true);
        return sb.toString();
    }

    /** The cells that fail the suite, one line each, for the assertion message. */
    static List<String> problems(List<Row> rows) {
        return rows.stream().filter(r -> r.cell() == Cell.FAIL || r.cell() == Cell.STALE).map(SummaryTable::line).toList();
    }

    private static String line(Row r) {
        Verdict v = r.verdict();
        return v.program() + " " + v.variant().label() + ": "
                + (r.cell() == Cell.STALE ? "agrees with rustc, but " + r.entry() + " lists it" : v.reason(REASON_CHARS));
    }

    private static void section(StringBuilder sb, String title, List<Row> rows, Cell cell, boolean grouped) {
        List<Row> mine = rows.stream().filter(r -> r.cell() == cell).toList();
        if (mine.isEmpty()) return;
        sb.append("  ").append(title).append(":\n");
        if (grouped) {
            Map<String, Integer> reasons = new TreeMap<>();
            for (Row r : mine) reasons.merge(r.verdict().reason(REASON_CHARS), 1, Integer::sum);
            reasons.forEach((reason, n) -> sb.append(String.format("    %4dx %s%n", n, reason)));
            return;
        }
        for (Row r : mine) sb.append("    ").append(line(r)).append('\n');
    }
}
