package dev.mirlink.tests.run;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One program on one variant: do the rustc and mirlink executables agree, and if not, the first difference.
 * A broken verdict (rustc's side failed, or the harness did) is never covered by the ledger.
 */
record Verdict(String program, Variant variant, boolean same, boolean broken, String detail) {
    /** Absolute paths name the program and the work directory; dropped so that equal reasons compare equal. */
    private static final Pattern PATHS = Pattern.compile("(?<=[\\s(])/[^\\s():]+");
    private static final String ERROR = "mirlink: error: ";

    static Verdict broken(String program, Variant v, String why) {
        return new Verdict(program, v, false, true, why);
    }

    static Verdict compare(String program, Variant v, RustcSide rustc, Build mirlink, Execution run) {
        if (rustc.problem() != null) return broken(program, v, rustc.problem());
        if (!mirlink.ok()) return new Verdict(program, v, false, false, "mirlink build failed: " + mirlink.firstErrorLine());
        if (run.timedOut()) return new Verdict(program, v, false, false, "mirlink's executable " + run.describeStatus());
        List<String> diffs = new ArrayList<>();
        if (rustc.run().exit() != run.exit()) diffs.add("exit rustc " + rustc.run().exit() + ", mirlink " + run.exit());
        String out = OutputDiff.firstDifference("rustc", rustc.run().stdout(), "mirlink", run.stdout());
        if (out != null) diffs.add(out);
        if (diffs.isEmpty()) return new Verdict(program, v, true, false, null);
        if (!run.firstStderrLine().isEmpty()) diffs.add("mirlink stderr: " + run.firstStderrLine());
        return new Verdict(program, v, false, false, String.join("; ", diffs));
    }

    /** The detail without paths, at most {@code max} characters. */
    String reason(int max) {
        return shortened(PATHS.matcher(detail).replaceAll("…"), max);
    }

    /** For a ledger line: the reason without the build-failure preamble. */
    String ledgerReason(int max) {
        String r = PATHS.matcher(detail).replaceAll("…");
        int at = r.indexOf(ERROR);
        if (at >= 0) r = r.substring(at + ERROR.length()).replaceFirst("^cannot generate code for …: ", "");
        return shortened(r, max);
    }

    private static String shortened(String s, int max) {
        return s.length() > max ? s.substring(0, max) + "…" : s;
    }
}
