package dev.mirlink.mir.body;

import java.util.List;

/** A basic block: statements, the terminator, and {@code // DBG:} lines anchored between statements. */
public record BasicBlockData(boolean cleanup, List<Statement> statements, List<StmtDebugInfo> debugInfos,
                             Terminator terminator) {
    public BasicBlockData {
        statements = List.copyOf(statements);
        debugInfos = List.copyOf(debugInfos);
    }
}
