package dev.mirlink.mir.body;

import dev.mirlink.mir.item.Span;
import dev.mirlink.mir.ty.Path;
import dev.mirlink.mir.ty.Ty;

import java.util.List;

/**
 * A MIR body as {@code write_mir_fn} prints it. {@code localDecls} is indexed by {@link Local}:
 * {@code _0} is the return place and {@code _1.._argCount} are the arguments. {@code scopes} is
 * indexed by source scope; {@code forCtfe} marks the copy printed after {@code // MIR FOR CTFE}.
 * {@code promoted} is the index of a {@link BodyKind#PROMOTED} body and -1 otherwise;
 * {@code yieldTy} is null unless rustc printed {@code yields T}.
 */
public record Body(BodyKind kind, boolean forCtfe, Path path, int promoted, int argCount, Ty yieldTy,
                   List<LocalDecl> localDecls, List<SourceScopeData> scopes, List<VarDebugInfo> varDebugInfo,
                   List<BasicBlockData> basicBlocks) {
    public Body {
        localDecls = List.copyOf(localDecls);
        scopes = List.copyOf(scopes);
        varDebugInfo = List.copyOf(varDebugInfo);
        basicBlocks = List.copyOf(basicBlocks);
    }

    public Ty returnTy() { return localDecls.get(0).ty(); }

    public LocalDecl localDecl(Local local) { return localDecls.get(local.index()); }

    public BasicBlockData block(BasicBlock block) { return basicBlocks.get(block.index()); }

    /**
     * The span a panic or {@code #[track_caller]} call in {@code block}'s terminator reports
     * (rustc_middle/src/mir/mod.rs {@code caller_location_span}): its own span, replaced by the
     * callsite of each enclosing inlined {@code #[track_caller]} fn up to the first inlined fn that is
     * not. {@code reachedBody} says the walk left every inlined scope, so a {@code #[track_caller]}
     * body reports its own caller instead. {@code span} is null where rustc printed none.
     */
    public CallerSpan callerLocationSpan(BasicBlock block) {
        SourceInfo source = block(block).terminatorSource();
        if (source == null) return new CallerSpan(null, true);
        Span span = source.span();
        for (int s = source.scope(); s >= 0; s = scopes.get(s).parent()) {
            SourceScopeData scope = scopes.get(s);
            if (scope.inlined() == null) continue;
            if (!scope.inlinedTrackCaller()) return new CallerSpan(span, false);
            span = scope.callsite();
        }
        return new CallerSpan(span, true);
    }

    public record CallerSpan(Span span, boolean reachedBody) {}
}
