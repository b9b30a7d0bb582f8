package dev.mirlink.bridge.link;

import dev.mirlink.mir.alloc.AllocEntry;
import dev.mirlink.mir.body.Body;
import dev.mirlink.mir.body.BodyKind;
import dev.mirlink.mir.body.MirEntry;
import dev.mirlink.mir.body.MirFile;
import dev.mirlink.mir.ty.Path;
import dev.mirlink.mir.ty.Ty;

import java.util.ArrayList;
import java.util.List;

/**
 * What linking needs from one entry of a MIR file: its place in the file, its header path
 * and signature. {@code body} is null for a trivial const ({@code const X: T = const V;}).
 * A CTFE copy or a promoted is a <em>twin</em>: it belongs to the body of the same path
 * printed just before it.
 */
record BodyHeader(int entry, BodyKind kind, boolean ctfe, Path path, int promoted, List<Ty> args, Ty ret,
                  Body body, List<AllocEntry> allocations) {
    boolean twin() {
        return ctfe || promoted >= 0;
    }

    static List<BodyHeader> of(MirFile file) {
        List<BodyHeader> out = new ArrayList<>(file.entries().size());
        int i = 0;
        for (MirEntry e : file.entries()) {
            out.add(switch (e) {
                case MirEntry.BodyEntry be -> of(i, be.body(), be.allocations());
                case MirEntry.TrivialConst tc -> new BodyHeader(i, BodyKind.CONST, false, tc.path(), -1, List.of(),
                        tc.ty(), null, List.of());
            });
            i++;
        }
        return out;
    }

    private static BodyHeader of(int index, Body body, List<AllocEntry> allocations) {
        List<Ty> args = new ArrayList<>(body.argCount());
        for (int a = 1; a <= body.argCount(); a++) args.add(body.localDecls().get(a).ty());
        return new BodyHeader(index, body.kind(), body.forCtfe(), body.path(), body.promoted(), args, body.returnTy(),
                body, allocations);
    }
}
