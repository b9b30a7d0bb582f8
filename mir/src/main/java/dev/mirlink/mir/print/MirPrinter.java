package dev.mirlink.mir.print;

import dev.mirlink.mir.alloc.AllocEntry;
import dev.mirlink.mir.body.AggregateKind;
import dev.mirlink.mir.body.AssertMessage;
import dev.mirlink.mir.body.BasicBlock;
import dev.mirlink.mir.body.BasicBlockData;
import dev.mirlink.mir.body.Body;
import dev.mirlink.mir.body.CastKind;
import dev.mirlink.mir.body.ConstOperand;
import dev.mirlink.mir.body.InlineAsmOperand;
import dev.mirlink.mir.body.LocalDecl;
import dev.mirlink.mir.body.MirEntry;
import dev.mirlink.mir.body.MirFile;
import dev.mirlink.mir.body.Operand;
import dev.mirlink.mir.body.Place;
import dev.mirlink.mir.body.ProjectionElem;
import dev.mirlink.mir.body.Rvalue;
import dev.mirlink.mir.body.SourceInfo;
import dev.mirlink.mir.body.SourceScopeData;
import dev.mirlink.mir.body.Statement;
import dev.mirlink.mir.body.StmtDebugInfo;
import dev.mirlink.mir.body.Terminator;
import dev.mirlink.mir.body.UnwindAction;
import dev.mirlink.mir.body.VarDebugInfo;
import dev.mirlink.mir.item.Span;
import dev.mirlink.mir.ty.Path;
import dev.mirlink.mir.ty.Ty;

import java.util.ArrayList;
import java.util.List;

/**
 * Prints the MIR model in rustc 1.96's {@code --emit=mir} syntax ({@code write_mir_pretty} in
 * rustc_middle/src/mir/pretty.rs), so that reading the output back gives the same model.
 * Not thread-safe; use one printer per thread.
 */
public final class MirPrinter {
    static final String FILE_HEADER = """
            // WARNING: This output format is intended for human consumers only
            // and is subject to change without notice. Knock yourself out.
            // HINT: See also -Z dump-mir for MIR at specific points during compilation.
            """;

    private final StringBuilder sb = new StringBuilder(1 << 16);
    private final TyPrinter t;
    private final ConstPrinter k;
    private final AllocPrinter a;

    /** A printer for 64-bit little-endian targets. */
    public MirPrinter() {
        this(8, false);
    }

    /** {@code pointerBytes} decides which values are {@code isize::MIN} etc.; both decide pointer offsets in dumps. */
    public MirPrinter(int pointerBytes, boolean bigEndian) {
        this.t = new TyPrinter(sb, pointerBytes);
        this.k = new ConstPrinter(sb, t);
        this.a = new AllocPrinter(sb, t, bigEndian);
    }

    public String print(MirFile file) {
        sb.setLength(0);
        sb.append(FILE_HEADER);
        List<MirEntry> entries = file.entries();
        for (int i = 0; i < entries.size(); i++) {
            if (i > 0) sb.append('\n');
            entry(entries.get(i));
        }
        return sb.toString();
    }

    /** One entry (a body with its allocations, or a trivial const) as it appears in a file. */
    public String print(MirEntry entry) {
        sb.setLength(0);
        entry(entry);
        return sb.toString();
    }

    /** A path in value position ({@code Vec::<T>::new}) or type position ({@code Vec<T>}). */
    public String print(Path path, boolean valuePosition) {
        sb.setLength(0);
        t.path(path, valuePosition);
        return sb.toString();
    }

    /** An allocation as a body's dump shows it ({@code alloc4 (extern static: environ)}, or with its bytes). */
    public String print(AllocEntry alloc) {
        sb.setLength(0);
        a.entry(alloc);
        return sb.toString();
    }

    /** A constant operand as a statement shows it ({@code const 1_usize}, {@code const {alloc3: &str}}). */
    public String print(ConstOperand constant) {
        sb.setLength(0);
        k.operand(constant);
        return sb.toString();
    }

    public String print(Ty ty) {
        sb.setLength(0);
        t.ty(ty);
        return sb.toString();
    }

    private void entry(MirEntry e) {
        switch (e) {
            case MirEntry.BodyEntry be -> {
                body(be.body());
                for (AllocEntry ae : be.allocations()) {
                    sb.append('\n');
                    a.entry(ae);
                    sb.append('\n');
                }
            }
            case MirEntry.TrivialConst tc -> {
                sb.append("const ");
                t.path(tc.path(), true);
                sb.append(": ");
                t.ty(tc.ty());
                sb.append(" = const ");
                k.value(tc.value());
                sb.append(";\n");
            }
        }
    }

    // ---------------------------------------------------------------- bodies

    private void body(Body b) {
        if (b.forCtfe()) sb.append("// MIR FOR CTFE\n");
        switch (b.kind()) {
            case FN -> {
                sb.append("fn ");
                t.path(b.path(), true);
                sb.append('(');
                for (int i = 1; i <= b.argCount(); i++) {
                    if (i > 1) sb.append(", ");
                    sb.append('_').append(i).append(": ");
                    t.ty(b.localDecls().get(i).ty());
                }
                sb.append(") -> ");
                t.ty(b.returnTy());
            }
            case CONST, STATIC, STATIC_MUT, PROMOTED, ANON_CONST -> {
                switch (b.kind()) {
                    case CONST, PROMOTED -> sb.append("const ");
                    case STATIC -> sb.append("static ");
                    case STATIC_MUT -> sb.append("static mut ");
                    default -> { }
                }
                t.path(b.path(), true);
                if (b.kind() == dev.mirlink.mir.body.BodyKind.PROMOTED) {
                    sb.append("::promoted[").append(b.promoted()).append(']');
                }
                sb.append(": ");
                t.ty(b.returnTy());
                sb.append(" =");
            }
        }
        if (b.yieldTy() != null) {
            sb.append("\nyields ");
            t.ty(b.yieldTy());
            sb.append('\n');
        }
        sb.append(" {\n");
        List<List<Integer>> children = new ArrayList<>(b.scopes().size());
        for (int i = 0; i < b.scopes().size(); i++) children.add(new ArrayList<>(2));
        for (int i = 1; i < b.scopes().size(); i++) children.get(b.scopes().get(i).parent()).add(i);
        scope(b, children, 0, 1);
        sb.append('\n');
        for (int i = 0; i < b.basicBlocks().size(); i++) {
            if (i > 0) sb.append('\n');
            block(i, b.basicBlocks().get(i));
        }
        sb.append("}\n");
    }

    private void scope(Body b, List<List<Integer>> children, int scope, int depth) {
        String indent = "    ".repeat(depth);
        for (VarDebugInfo v : b.varDebugInfo()) {
            if (v.scope() != scope) continue;
            sb.append(indent).append("debug ");
            debugInfo(v);
            sb.append(";\n");
        }
        List<LocalDecl> decls = b.localDecls();
        for (int i = 0; i < decls.size(); i++) {
            if (i >= 1 && i <= b.argCount()) continue;
            LocalDecl d = decls.get(i);
            if (d.scope() != scope) continue;
            sb.append(indent).append("let ");
            if (d.mutability() == Ty.Mutability.MUT) sb.append("mut ");
            sb.append('_').append(i).append(": ");
            t.ty(d.ty());
            sb.append(";\n");
        }
        for (int child : children.get(scope)) {
            SourceScopeData data = b.scopes().get(child);
            sb.append(indent).append("scope ").append(child);
            if (data.inlined() != null) {
                sb.append(" (inlined ");
                if (data.inlinedTrackCaller()) sb.append("#[track_caller] ");
                t.instance(data.inlined());
                sb.append(')');
            }
            sb.append(" {");
            if (data.callsite() != null) comment("at " + data.callsite());
            sb.append('\n');
            scope(b, children, child, depth + 1);
            sb.append(indent).append("}\n");
        }
    }

    private void debugInfo(VarDebugInfo v) {
        if (v.compositeTy() != null) {
            for (int i = 0; i <= v.compositeProjection().size(); i++) sb.append('(');
            sb.append(v.name()).append(": ");
            t.ty(v.compositeTy());
            sb.append(')');
            for (ProjectionElem e : v.compositeProjection()) postProjection(e);
        } else {
            sb.append(v.name());
        }
        sb.append(" => ");
        switch (v.value()) {
            case VarDebugInfo.Contents.PlaceValue p -> place(p.place());
            case VarDebugInfo.Contents.ConstValue c -> k.operand(c.constant());
        }
    }

    private void block(int index, BasicBlockData bb) {
        sb.append("    bb").append(index);
        if (bb.cleanup()) sb.append(" (cleanup)");
        sb.append(": {\n");
        List<StmtDebugInfo> dbg = bb.debugInfos();
        int d = 0;
        List<Statement> stmts = bb.statements();
        for (int i = 0; i <= stmts.size(); i++) {
            while (d < dbg.size() && dbg.get(d).statementIndex() == i) {
                sb.append("        // DBG: ");
                switch (dbg.get(d).kind()) {
                    case StmtDebugInfo.Kind.AssignRef r -> {
                        sb.append(r.local()).append(" = &");
                        place(r.place());
                    }
                    case StmtDebugInfo.Kind.InvalidAssign r -> sb.append(r.local()).append(" = &?");
                }
                sb.append(";\n");
                d++;
            }
            if (i == stmts.size()) break;
            sb.append("        ");
            statement(stmts.get(i));
            sb.append(";\n");
        }
        sb.append("        ");
        terminator(bb.terminator());
        sb.append(';');
        SourceInfo source = bb.terminatorSource();
        if (source != null) {
            comment("scope " + source.scope() + " at " + (source.span() == null ? "no-location" : source.span()));
        }
        sb.append("\n    }\n");
    }

    /** rustc's {@code -Zmir-include-spans} comment: the line so far padded to 40 chars, then {@code // text}. */
    private void comment(String text) {
        int lineLength = sb.length() - (sb.lastIndexOf("\n") + 1);
        sb.repeat(' ', Math.max(0, 40 - lineLength)).append(" // ").append(text);
    }

    // ---------------------------------------------------------------- statements

    private void statement(Statement s) {
        switch (s) {
            case Statement.Assign as -> {
                place(as.place());
                sb.append(" = ");
                rvalue(as.rvalue());
            }
            case Statement.StorageLive l -> sb.append("StorageLive(").append(l.local()).append(')');
            case Statement.StorageDead l -> sb.append("StorageDead(").append(l.local()).append(')');
            case Statement.SetDiscriminant sd -> {
                sb.append("discriminant(");
                place(sd.place());
                sb.append(") = ").append(sd.variantIndex());
            }
            case Statement.PlaceMention pm -> {
                sb.append("PlaceMention(");
                place(pm.place());
                sb.append(')');
            }
            case Statement.Retag r -> {
                sb.append("Retag(");
                if (r.kind() != null) {
                    sb.append(switch (r.kind()) {
                        case FN_ENTRY -> "[fn entry] ";
                        case TWO_PHASE -> "[2phase] ";
                        case RAW -> "[raw] ";
                    });
                }
                place(r.place());
                sb.append(')');
            }
            case Statement.Assume as -> {
                sb.append("assume(");
                operand(as.operand());
                sb.append(')');
            }
            case Statement.CopyNonOverlapping c -> {
                sb.append("copy_nonoverlapping(dst = ");
                operand(c.dst());
                sb.append(", src = ");
                operand(c.src());
                sb.append(", count = ");
                operand(c.count());
                sb.append(')');
            }
            case Statement.ConstEvalCounter c -> sb.append("ConstEvalCounter");
            case Statement.Nop n -> sb.append("nop");
            case Statement.BackwardIncompatibleDropHint h -> {
                sb.append("BackwardIncompatibleDropHint(");
                place(h.place());
                sb.append(')');
            }
        }
    }

    private void rvalue(Rvalue r) {
        switch (r) {
            case Rvalue.Use u -> operand(u.operand());
            case Rvalue.Repeat rep -> {
                sb.append('[');
                operand(rep.operand());
                sb.append("; ");
                t.tyConst(rep.count());
                sb.append(']');
            }
            case Rvalue.Ref ref -> {
                sb.append('&').append(switch (ref.kind()) {
                    case SHARED -> "";
                    case MUT -> "mut ";
                    case FAKE_DEEP -> "fake ";
                    case FAKE_SHALLOW -> "fake shallow ";
                });
                place(ref.place());
            }
            case Rvalue.ThreadLocalRef tl -> {
                sb.append("&/*tls*/ ");
                if (tl.mutable()) sb.append("mut ");
                t.path(tl.path(), true);
            }
            case Rvalue.RawPtr rp -> {
                sb.append("&raw ").append(switch (rp.kind()) {
                    case MUT -> "mut ";
                    case CONST -> "const ";
                    case FAKE_FOR_PTR_METADATA -> "const (fake) ";
                });
                place(rp.place());
            }
            case Rvalue.Cast c -> {
                operand(c.operand());
                sb.append(" as ");
                t.ty(c.ty());
                sb.append(" (");
                castKind(c.kind());
                sb.append(')');
            }
            case Rvalue.BinaryOp b -> {
                sb.append(b.op().name()).append('(');
                operand(b.left());
                sb.append(", ");
                operand(b.right());
                sb.append(')');
            }
            case Rvalue.UnaryOp u -> {
                sb.append(u.op().name()).append('(');
                operand(u.operand());
                sb.append(')');
            }
            case Rvalue.Discriminant d -> {
                sb.append("discriminant(");
                place(d.place());
                sb.append(')');
            }
            case Rvalue.Aggregate ag -> aggregate(ag);
            case Rvalue.CopyForDeref c -> {
                sb.append("deref_copy ");
                place(c.place());
            }
            case Rvalue.WrapUnsafeBinder w -> {
                sb.append("wrap_binder!(");
                operand(w.operand());
                sb.append("; ");
                t.ty(w.ty());
                sb.append(')');
            }
        }
    }

    private void castKind(CastKind kind) {
        switch (kind) {
            case CastKind.Simple s -> sb.append(s.name());
            case CastKind.PointerCoercion pc -> {
                sb.append("PointerCoercion(").append(pc.coercion().name());
                if (pc.hasSafety()) sb.append(pc.unsafe() ? "(Unsafe)" : "(Safe)");
                sb.append(", ").append(pc.source().name()).append(')');
            }
        }
    }

    private void aggregate(Rvalue.Aggregate ag) {
        List<Operand> ops = ag.operands();
        switch (ag.kind()) {
            case AggregateKind.Array arr -> {
                sb.append('[');
                operands(ops);
                sb.append(']');
            }
            case AggregateKind.Tuple tu -> debugTuple(ops);
            case AggregateKind.Adt adt -> {
                t.path(adt.path(), true);
                switch (adt.ctorKind()) {
                    case CONST -> { }
                    case FN -> {
                        if (!ops.isEmpty()) {
                            sb.append('(');
                            operands(ops);
                            sb.append(')');
                        }
                    }
                    case STRUCT -> debugStructFields(adt.fieldNames(), ops);
                }
            }
            case AggregateKind.Closure c -> {
                sb.append("{closure@");
                t.path(c.path(), true);
                sb.append('}');
                debugStructFields(c.captureNames(), ops);
            }
            case AggregateKind.Coroutine c -> {
                sb.append("{coroutine@").append(c.span()).append('}');
                debugStructFields(c.captureNames(), ops);
            }
            case AggregateKind.RawPtr rp -> {
                sb.append(rp.mutability() == Ty.Mutability.MUT ? "*mut " : "*const ");
                t.ty(rp.pointee());
                sb.append(" from ");
                debugTuple(ops);
            }
        }
    }

    /** Rust's {@code debug_tuple("")}: {@code ()}, {@code (a,)}, {@code (a, b)}. */
    private void debugTuple(List<Operand> ops) {
        sb.append('(');
        operands(ops);
        if (ops.size() == 1) sb.append(',');
        sb.append(')');
    }

    /** Rust's {@code debug_struct} fields after the name: nothing, or {@code  { a: x, b: y }}. */
    private void debugStructFields(List<String> names, List<Operand> ops) {
        if (ops.isEmpty()) return;
        sb.append(" { ");
        for (int i = 0; i < ops.size(); i++) {
            if (i > 0) sb.append(", ");
            sb.append(names.get(i)).append(": ");
            operand(ops.get(i));
        }
        sb.append(" }");
    }

    private void operands(List<Operand> ops) {
        for (int i = 0; i < ops.size(); i++) {
            if (i > 0) sb.append(", ");
            operand(ops.get(i));
        }
    }

    private void operand(Operand o) {
        switch (o) {
            case Operand.Copy c -> {
                sb.append("copy ");
                place(c.place());
            }
            case Operand.Move m -> {
                sb.append("move ");
                place(m.place());
            }
            case Operand.Constant c -> k.operand(c.constant());
            case Operand.RuntimeChecks r -> sb.append(r.kind().name());
        }
    }

    private void place(Place p) {
        List<ProjectionElem> proj = p.projection();
        for (int i = proj.size() - 1; i >= 0; i--) {
            switch (proj.get(i)) {
                case ProjectionElem.Deref d -> sb.append("(*");
                case ProjectionElem.Field f -> sb.append('(');
                case ProjectionElem.Downcast d -> sb.append('(');
                case ProjectionElem.OpaqueCast oc -> sb.append('(');
                case ProjectionElem.UnwrapUnsafeBinder u -> sb.append("unwrap_binder!(");
                default -> { }
            }
        }
        sb.append(p.local());
        for (ProjectionElem e : proj) postProjection(e);
    }

    private void postProjection(ProjectionElem e) {
        switch (e) {
            case ProjectionElem.Deref d -> sb.append(')');
            case ProjectionElem.Field f -> {
                sb.append('.').append(f.index()).append(": ");
                t.ty(f.ty());
                sb.append(')');
            }
            case ProjectionElem.Downcast d -> {
                if (d.name() != null) sb.append(" as ").append(d.name()).append(')');
                else sb.append(" as variant#").append(d.variantIndex()).append(')');
            }
            case ProjectionElem.OpaqueCast oc -> {
                sb.append(" as ");
                t.ty(oc.ty());
                sb.append(')');
            }
            case ProjectionElem.Index ix -> sb.append('[').append(ix.local()).append(']');
            case ProjectionElem.ConstantIndex ci -> {
                sb.append('[');
                if (ci.fromEnd()) sb.append('-');
                sb.append(ci.offset()).append(" of ").append(ci.minLength()).append(']');
            }
            case ProjectionElem.Subslice s -> {
                if (!s.fromEnd()) sb.append('[').append(s.from()).append("..").append(s.to()).append(']');
                else if (s.to() == 0) sb.append('[').append(s.from()).append(":]");
                else if (s.from() == 0) sb.append("[:-").append(s.to()).append(']');
                else sb.append('[').append(s.from()).append(":-").append(s.to()).append(']');
            }
            case ProjectionElem.UnwrapUnsafeBinder u -> {
                sb.append("; ");
                t.ty(u.ty());
                sb.append(')');
            }
        }
    }

    // ---------------------------------------------------------------- terminators

    private void terminator(Terminator term) {
        List<BasicBlock> targets = new ArrayList<>(3);
        List<String> labels = new ArrayList<>(3);
        UnwindAction unwind = null;
        switch (term) {
            case Terminator.Goto g -> {
                sb.append("goto");
                targets.add(g.target());
                labels.add("");
            }
            case Terminator.SwitchInt s -> {
                sb.append("switchInt(");
                operand(s.discr());
                sb.append(')');
                for (int i = 0; i < s.values().size(); i++) {
                    labels.add(s.values().get(i).toString());
                    targets.add(s.targets().get(i));
                }
                labels.add("otherwise");
                targets.add(s.otherwise());
            }
            case Terminator.Return r -> sb.append("return");
            case Terminator.Unreachable u -> sb.append("unreachable");
            case Terminator.UnwindResume u -> sb.append("resume");
            case Terminator.UnwindTerminate u -> sb.append("terminate(").append(u.reason().text()).append(')');
            case Terminator.CoroutineDrop c -> sb.append("coroutine_drop");
            case Terminator.Drop d -> {
                if (d.asyncFut() == null) {
                    sb.append("drop(");
                    place(d.place());
                } else {
                    sb.append("async drop(");
                    place(d.place());
                    sb.append("; poll=");
                    operand(d.asyncFut());
                }
                sb.append(')');
                targets.add(d.target());
                labels.add("return");
                unwind = cleanup(d.unwind(), targets, labels);
                if (d.drop() != null) {
                    targets.add(d.drop());
                    labels.add("drop");
                }
            }
            case Terminator.Call c -> {
                place(c.destination());
                sb.append(" = ");
                operand(c.func());
                sb.append('(');
                operands(c.args());
                sb.append(')');
                if (c.target() != null) {
                    targets.add(c.target());
                    labels.add("return");
                }
                unwind = cleanup(c.unwind(), targets, labels);
            }
            case Terminator.TailCall tc -> {
                sb.append("tailcall ");
                operand(tc.func());
                sb.append('(');
                operands(tc.args());
                sb.append(')');
            }
            case Terminator.Assert as -> {
                sb.append("assert(");
                if (!as.expected()) sb.append('!');
                operand(as.cond());
                sb.append(", ");
                assertMessage(as.msg());
                sb.append(')');
                targets.add(as.target());
                labels.add("success");
                unwind = cleanup(as.unwind(), targets, labels);
            }
            case Terminator.Yield y -> {
                place(y.resumeArg());
                sb.append(" = yield(");
                operand(y.value());
                sb.append(')');
                targets.add(y.resume());
                labels.add("resume");
                if (y.drop() != null) {
                    targets.add(y.drop());
                    labels.add("drop");
                }
            }
            case Terminator.FalseEdge fe -> {
                sb.append("falseEdge");
                targets.add(fe.real());
                labels.add("real");
                targets.add(fe.imaginary());
                labels.add("imaginary");
            }
            case Terminator.FalseUnwind fu -> {
                sb.append("falseUnwind");
                targets.add(fu.real());
                labels.add("real");
                unwind = cleanup(fu.unwind(), targets, labels);
            }
            case Terminator.InlineAsm asm -> {
                sb.append("asm!(\"").append(asm.template()).append('"');
                for (InlineAsmOperand op : asm.operands()) {
                    sb.append(", ");
                    asmOperand(op);
                }
                sb.append(", options(").append(String.join(" | ", asm.options())).append("))");
                if (asm.destination() != null) {
                    targets.add(asm.destination());
                    labels.add("return");
                }
                for (BasicBlock l : asm.labels()) {
                    targets.add(l);
                    labels.add("label");
                }
                unwind = cleanup(asm.unwind(), targets, labels);
            }
        }
        successors(targets, labels, unwind);
    }

    /** Adds a cleanup block as the "unwind" successor; returns the action still to print, if any. */
    private static UnwindAction cleanup(UnwindAction u, List<BasicBlock> targets, List<String> labels) {
        if (u instanceof UnwindAction.Cleanup c) {
            targets.add(c.block());
            labels.add("unwind");
            return null;
        }
        return u;
    }

    private void successors(List<BasicBlock> targets, List<String> labels, UnwindAction unwind) {
        int n = targets.size();
        if (n == 0 && unwind == null) return;
        if (n == 0) {
            sb.append(" -> ");
            unwindAction(unwind);
            return;
        }
        if (n == 1 && unwind == null) {
            sb.append(" -> ").append(targets.get(0));
            return;
        }
        sb.append(" -> [");
        for (int i = 0; i < n; i++) {
            if (i > 0) sb.append(", ");
            sb.append(labels.get(i)).append(": ").append(targets.get(i));
        }
        if (unwind != null) {
            sb.append(", ");
            unwindAction(unwind);
        }
        sb.append(']');
    }

    private void unwindAction(UnwindAction u) {
        sb.append("unwind ");
        switch (u) {
            case UnwindAction.Continue c -> sb.append("continue");
            case UnwindAction.Unreachable c -> sb.append("unreachable");
            case UnwindAction.Terminate tr -> sb.append("terminate(").append(tr.reason().text()).append(')');
            case UnwindAction.Cleanup c -> throw new IllegalStateException("cleanup is a successor");
        }
    }

    private void assertMessage(AssertMessage m) {
        switch (m) {
            case AssertMessage.BoundsCheck b -> {
                sb.append("\"index out of bounds: the length is {} but the index is {}\", ");
                operand(b.len());
                sb.append(", ");
                operand(b.index());
            }
            case AssertMessage.Overflow o -> {
                switch (o.op()) {
                    case Shr, Shl -> {
                        sb.append(o.op() == Rvalue.BinOp.Shr ? "\"attempt to shift right by `{}`, which would overflow\", "
                                : "\"attempt to shift left by `{}`, which would overflow\", ");
                        operand(o.right());
                    }
                    default -> {
                        if (o.op() == Rvalue.BinOp.Rem) {
                            sb.append("\"attempt to compute the remainder of `{} % {}`, which would overflow\", ");
                        } else {
                            sb.append("\"attempt to compute `{} ").append(o.op().symbol()).append(" {}`, which would overflow\", ");
                        }
                        operand(o.left());
                        sb.append(", ");
                        operand(o.right());
                    }
                }
            }
            case AssertMessage.OverflowNeg o -> {
                sb.append("\"attempt to negate `{}`, which would overflow\", ");
                operand(o.operand());
            }
            case AssertMessage.DivisionByZero o -> {
                sb.append("\"attempt to divide `{}` by zero\", ");
                operand(o.operand());
            }
            case AssertMessage.RemainderByZero o -> {
                sb.append("\"attempt to calculate the remainder of `{}` with a divisor of zero\", ");
                operand(o.operand());
            }
            case AssertMessage.MisalignedPointerDereference o -> {
                sb.append("\"misaligned pointer dereference: address must be a multiple of {} but is {}\", ");
                operand(o.required());
                sb.append(", ");
                operand(o.found());
            }
            case AssertMessage.NullPointerDereference o -> sb.append("\"null pointer dereference occurred\"");
            case AssertMessage.InvalidEnumConstruction o -> {
                sb.append("\"trying to construct an enum from an invalid value {}\", ");
                operand(o.source());
            }
            case AssertMessage.Coroutine o -> sb.append('"').append(o.text()).append('"');
        }
    }

    private void asmOperand(InlineAsmOperand op) {
        switch (op) {
            case InlineAsmOperand.In in -> {
                sb.append("in(").append(in.reg()).append(") ");
                operand(in.value());
            }
            case InlineAsmOperand.Out out -> {
                sb.append(out.late() ? "lateout(" : "out(").append(out.reg()).append(") ");
                if (out.place() == null) sb.append('_');
                else place(out.place());
            }
            case InlineAsmOperand.InOut io -> {
                sb.append(io.late() ? "inlateout(" : "inout(").append(io.reg()).append(") ");
                operand(io.in());
                sb.append(" => ");
                if (io.out() == null) sb.append('_');
                else place(io.out());
            }
            case InlineAsmOperand.Const c -> {
                sb.append("const ");
                k.operand(c.value());
            }
            case InlineAsmOperand.SymFn s -> {
                sb.append("sym_fn ");
                k.operand(s.value());
            }
            case InlineAsmOperand.SymStatic s -> sb.append("sym_static ").append(s.defId());
            case InlineAsmOperand.Label l -> sb.append("label ").append(l.targetIndex());
        }
    }
}
