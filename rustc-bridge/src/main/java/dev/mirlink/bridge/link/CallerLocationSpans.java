package dev.mirlink.bridge.link;

import dev.mirlink.bridge.hygiene.HygieneData;
import dev.mirlink.bridge.mirtext.BodySpans;
import dev.mirlink.bridge.mirtext.MirTextReader;
import dev.mirlink.mir.body.BasicBlockData;
import dev.mirlink.mir.body.Body;
import dev.mirlink.mir.body.MirEntry;
import dev.mirlink.mir.body.MirFile;
import dev.mirlink.mir.body.SourceInfo;
import dev.mirlink.mir.body.SourceScopeData;
import dev.mirlink.mir.body.Terminator;
import dev.mirlink.mir.item.Span;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Codegen reports a panic's or a {@code #[track_caller]} call's location at a span MIR text does not
 * print: for code a macro wrote, the span's {@code expansion_cause} ({@link ExpansionCauses}); for
 * a method call, its {@code fn_span}, which starts at the method's name (rustc_hir
 * {@code ExprKind::MethodCall}, {@link SourceText#methodCallSpan}). This sets the spans of calls,
 * asserts and inlined callsites to those. Lines of inlined bodies keep theirs: their expansions are
 * another crate's.
 */
public final class CallerLocationSpans {
    private CallerLocationSpans() {}

    /**
     * {@code mir} with the spans codegen reports. Source files are looked up in {@code sourceRoots}, in
     * order: rustc's working directory, then where other crates' relative spans are rooted.
     */
    public static MirFile resolve(MirTextReader.WithSpans mir, HygieneData hygiene, Path... sourceRoots) {
        SourceText sources = new SourceText(sourceRoots);
        ExpansionCauses causes = new ExpansionCauses(hygiene, sources);
        List<MirEntry> entries = new ArrayList<>(mir.mir().entries().size());
        for (int i = 0; i < mir.mir().entries().size(); i++) {
            MirEntry e = mir.mir().entries().get(i);
            entries.add(e instanceof MirEntry.BodyEntry be
                    ? new MirEntry.BodyEntry(resolve(be.body(), mir.spans().get(i), causes, sources), be.allocations())
                    : e);
        }
        return new MirFile(entries);
    }

    private static Body resolve(Body body, BodySpans spans, ExpansionCauses causes, SourceText sources) {
        ExpansionCauses.InBody inBody = causes.isEmpty() ? null : causes.new InBody(body, spans);
        List<BasicBlockData> blocks = new ArrayList<>(body.basicBlocks());
        boolean changed = false;
        for (int b = 0; b < blocks.size(); b++) {
            BasicBlockData bb = blocks.get(b);
            SourceInfo source = bb.terminatorSource();
            if (source == null || source.span() == null) continue;
            Span span = inBody != null && !inBody.inlined(source.scope()) ? inBody.causeOfTerminator(source.span(), b) : null;
            if (span == null && bb.terminator() instanceof Terminator.Call) span = sources.methodCallSpan(source.span());
            if (span == null) continue;
            blocks.set(b, new BasicBlockData(bb.cleanup(), bb.statements(), bb.debugInfos(), bb.terminator(),
                    new SourceInfo(span, source.scope())));
            changed = true;
        }
        List<SourceScopeData> scopes = new ArrayList<>(body.scopes());
        for (int s = 0; s < scopes.size() && inBody != null; s++) {
            SourceScopeData scope = scopes.get(s);
            if (scope.callsite() == null || scope.inlined() == null || inBody.inlined(scope.parent())) continue;
            Span cause = inBody.causeOfCallsite(scope.callsite(), s);
            if (cause == null) continue;
            scopes.set(s, new SourceScopeData(scope.parent(), scope.inlined(), scope.inlinedTrackCaller(), cause));
            changed = true;
        }
        return !changed ? body : new Body(body.kind(), body.forCtfe(), body.path(), body.promoted(), body.argCount(),
                body.yieldTy(), body.localDecls(), scopes, body.varDebugInfo(), blocks);
    }
}
