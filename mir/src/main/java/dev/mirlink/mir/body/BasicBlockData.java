package dev.mirlink.mir.body;

import java.util.List;

/**
 * A basic block: statements, the terminator, and {@code // DBG:} lines anchored between statements.
 * {@code terminatorSource} is kept for the terminators whose span a program can observe (calls and
 * asserts: panic locations and {@code #[track_caller]}); it is null otherwise and when the MIR was
 * printed without spans. A method call's span is narrowed to rustc's {@code fn_span} (from the
 * method's name), which is what codegen reports, where the producer can read the source.
 */
public record BasicBlockData(boolean cleanup, List<Statement> statements, List<StmtDebugInfo> debugInfos,
                             Terminator terminator, SourceInfo terminatorSource) {
    public BasicBlockData {
        statements = List.copyOf(statements);
        debugInfos = List.copyOf(debugInfos);
    }
}
