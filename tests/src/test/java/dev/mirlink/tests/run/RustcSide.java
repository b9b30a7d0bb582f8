package dev.mirlink.tests.run;

/** A program built by plain rustc and run: the reference the mirlink side is compared with. */
record RustcSide(Build build, Execution run) {
    /** Why this is no reference at all (the program itself is broken), or null. */
    String problem() {
        if (!build.ok()) return "rustc build failed: " + build.firstErrorLine();
        if (run.timedOut()) return "rustc's executable " + run.describeStatus();
        return null;
    }
}
