package dev.mirlink.mir.body;

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
}
