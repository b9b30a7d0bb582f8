package dev.mirlink.bridge.hygiene;

import dev.mirlink.bridge.rustc.RustcException;
import dev.mirlink.mir.item.Span;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A crate's macro expansions, read from the {@code HygieneData} that rustc prints after the
 * expanded source with {@code -Zunpretty=expanded,hygiene -Zverbose-internals}
 * (rustc_span/src/hygiene.rs {@code debug_hygiene_data}): what each expansion is, where it was
 * called and where its macro is defined, and which expansion each syntax context is the output of.
 * That is what {@code expansion_cause} walks; MIR text prints spans without their contexts.
 */
public final class HygieneData {
    /**
     * One local expansion. {@code bangMacro} is the path a {@code path!} macro was called by (null for other kinds);
     * {@code callSite} is where it was invoked, in syntax context {@code callSiteCtxt};
     * {@code defSite} the macro's header. Spans are null for rustc's {@code no-location}.
     */
    public record Expansion(String bangMacro, Span callSite, int callSiteCtxt, Span defSite) {}

    /** An expansion of another crate (whose data this crate does not print), or none. */
    private static final int FOREIGN = -1;

    private final List<Expansion> expansions;
    private final int[] outerExpansion;

    private HygieneData(List<Expansion> expansions, int[] outerExpansion) {
        this.expansions = expansions;
        this.outerExpansion = outerExpansion;
    }

    /** The local expansions, indexed by {@code LocalExpnId}; 0 is the root. Entries may be null (no data). */
    public List<Expansion> expansions() {
        return expansions;
    }

    /**
     * {@code ExpnId::expansion_cause} of local expansion {@code expn}: the call site of the outermost
     * expansion it is part of, stopping at {@code include!}; null for the root.
     */
    public Span expansionCause(int expn) {
        Span last = null;
        while (expn > 0) {
            Expansion e = expansions.get(expn);
            if (e == null || "include".equals(e.bangMacro())) break;
            last = e.callSite();
            expn = e.callSiteCtxt() < outerExpansion.length ? outerExpansion[e.callSiteCtxt()] : FOREIGN;
        }
        return last;
    }

    private static final Pattern SPAN = Pattern.compile("(.*) \\(#(\\d+)\\),?");
    private static final Pattern EXPN_ID = Pattern.compile("outer_expn: crate(\\d+)::\\{\\{expn(\\d+)}},?");

    /** Reads the file rustc wrote; the expanded source before the data is skipped as it streams by. */
    public static HygieneData read(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null && !line.equals("HygieneData {")) {}
            if (line == null) throw new RustcException(file + ": no `HygieneData {` after the expanded source");
            List<Expansion> expansions = new ArrayList<>();
            List<Integer> outer = new ArrayList<>();
            String section = null;
            Builder current = null;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("    ") && !line.startsWith("     ")) {
                    if (current != null) expansions.add(current.build());
                    current = null;
                    section = line.strip();
                    continue;
                }
                String t = line.strip();
                if ("local_expn_data: [".equals(section)) {
                    if (t.equals("Some(")) {
                        if (current != null) expansions.add(current.build());
                        current = new Builder();
                    } else if (t.equals("None,")) {
                        if (current != null) expansions.add(current.build());
                        current = null;
                        expansions.add(null);
                    } else if (current != null) {
                        current.field(t, in, file);
                    }
                } else if ("syntax_context_data: [".equals(section) && t.startsWith("outer_expn: ")) {
                    Matcher m = EXPN_ID.matcher(t);
                    if (!m.matches()) throw new RustcException(file + ": unexpected `" + t + "`");
                    outer.add(m.group(1).equals("0") ? Integer.parseInt(m.group(2)) : FOREIGN);
                }
            }
            if (expansions.isEmpty() || outer.isEmpty()) {
                throw new RustcException(file + ": no expansions or syntax contexts in the hygiene data");
            }
            return new HygieneData(expansions, outer.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    /** The fields of one {@code ExpnData} that {@code expansion_cause} and the macro's definition need. */
    private static final class Builder {
        String bangMacro;
        Span callSite;
        int callSiteCtxt;
        Span defSite;

        void field(String t, BufferedReader in, Path file) throws IOException {
            if (t.equals("kind: Macro(")) {
                String kind = in.readLine().strip();
                String name = in.readLine().strip();
                if (kind.equals("Bang,") && name.startsWith("\"") && name.endsWith("\",")) {
                    bangMacro = name.substring(1, name.length() - 2);
                }
            } else if (t.startsWith("call_site: ")) {
                Matcher m = span(t.substring(11), file);
                callSite = parse(m.group(1));
                callSiteCtxt = Integer.parseInt(m.group(2));
            } else if (t.startsWith("def_site: ")) {
                defSite = parse(span(t.substring(10), file).group(1));
            }
        }

        private static Matcher span(String text, Path file) {
            Matcher m = SPAN.matcher(text);
            if (!m.matches()) throw new RustcException(file + ": expected `span (#ctxt)`, found `" + text + "`");
            return m;
        }

        private static Span parse(String text) {
            if (text.equals("no-location")) return null;
            try {
                return Span.parse(text);
            } catch (IllegalArgumentException e) {
                return null; // a span rustc prints without a file position (`<crate attribute>`, say)
            }
        }

        Expansion build() {
            return new Expansion(bangMacro, callSite, callSiteCtxt, defSite);
        }
    }
}
