package dev.mirlink.bridge.link;

import dev.mirlink.mir.body.BasicBlockData;
import dev.mirlink.mir.body.Body;
import dev.mirlink.mir.body.MirEntry;
import dev.mirlink.mir.body.MirFile;
import dev.mirlink.mir.body.SourceInfo;
import dev.mirlink.mir.body.Terminator;
import dev.mirlink.mir.item.Span;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * MIR text prints a method call's whole expression, receiver included, but codegen reports the
 * call's {@code fn_span}, which starts at the method's name: a panic's or {@code #[track_caller]}
 * location. This narrows each method call's span to it, from the source ({@link SourceText#methodCallSpan}).
 */
public final class MethodCallSpans {
    private MethodCallSpans() {}

    /** {@code mir} with its method calls' spans narrowed; spans are relative to {@code root}, rustc's working directory. */
    public static MirFile narrow(MirFile mir, Path root) {
        SourceText sources = new SourceText(root);
        List<MirEntry> entries = new ArrayList<>(mir.entries().size());
        for (MirEntry e : mir.entries()) {
            entries.add(e instanceof MirEntry.BodyEntry be ? new MirEntry.BodyEntry(narrow(be.body(), sources), be.allocations()) : e);
        }
        return new MirFile(entries);
    }

    private static Body narrow(Body body, SourceText sources) {
        List<BasicBlockData> blocks = null;
        for (int i = 0; i < body.basicBlocks().size(); i++) {
            BasicBlockData bb = body.basicBlocks().get(i);
            SourceInfo source = bb.terminatorSource();
            if (!(bb.terminator() instanceof Terminator.Call) || source == null || source.span() == null) continue;
            Span fnSpan = sources.methodCallSpan(source.span());
            if (fnSpan == null) continue;
            if (blocks == null) blocks = new ArrayList<>(body.basicBlocks());
            blocks.set(i, new BasicBlockData(bb.cleanup(), bb.statements(), bb.debugInfos(), bb.terminator(),
                    new SourceInfo(fnSpan, source.scope())));
        }
        return blocks == null ? body : new Body(body.kind(), body.forCtfe(), body.path(), body.promoted(), body.argCount(),
                body.yieldTy(), body.localDecls(), body.scopes(), body.varDebugInfo(), blocks);
    }
}
