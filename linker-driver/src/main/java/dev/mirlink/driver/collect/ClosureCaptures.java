package dev.mirlink.driver.collect;

import dev.mirlink.mir.body.AggregateKind;
import dev.mirlink.mir.body.BasicBlockData;
import dev.mirlink.mir.body.Body;
import dev.mirlink.mir.body.ClosureUpvars;
import dev.mirlink.mir.body.MirEntry;
import dev.mirlink.mir.body.Operand;
import dev.mirlink.mir.body.Place;
import dev.mirlink.mir.body.ProjectionElem;
import dev.mirlink.mir.body.Rvalue;
import dev.mirlink.mir.body.Statement;
import dev.mirlink.mir.body.Terminator;
import dev.mirlink.mir.body.VarDebugInfo;
import dev.mirlink.mir.item.Field;
import dev.mirlink.mir.item.Item;
import dev.mirlink.mir.ty.Ty;
import java.util.ArrayList;
import java.util.List;

/**
 * Restores the closure-aggregate operands that rustc's MIR text leaves out. Its printer
 * (rustc_middle/src/mir/pretty.rs, {@code FIXME(project-rfc-2229#48)}) zips the operands with the
 * variables the closure mentions, so a closure that captures several places of one variable prints
 * only as many operands as it mentions variables: {@code DebugMap::finish}'s closure captures
 * {@code *self.fmt} and {@code self.has_key} and prints {@code { self: copy _6 }}. The lost operands
 * are the trailing captures, and the closure's body tells how each is captured: its debug info names
 * capture {@code i} after its path ({@code self__has_key => (*((*_1).1: &bool))}, a deref when by
 * reference). A capture by reference is a temporary the body borrows for the closure alone
 * (rustc_mir_build's {@code as_rvalue.rs}, {@code ExprKind::Closure}): assigned before the aggregate
 * in its block, in capture order, and read nowhere else, since the only read was the operand the print
 * dropped. A capture by value is the place itself: a field of a variable the body's debug info names
 * ({@code p__b} in {@code move || p.a + p.b}). What cannot be recovered stays missing, and codegen
 * refuses the aggregate.
 */
final class ClosureCaptures {
    private final Program program;
    private final Resolver resolver;

    ClosureCaptures(Program program, Resolver resolver) {
        this.program = program;
        this.resolver = resolver;
    }

    /** {@code entry} with its truncated closure aggregates completed, or {@code entry} itself when none is. */
    MirEntry.BodyEntry repair(String defPath, MirEntry.BodyEntry entry) {
        Body body = entry.body();
        String crate = Program.crateOf(defPath);
        int[] reads = null;
        List<BasicBlockData> blocks = new ArrayList<>(body.basicBlocks());
        boolean changed = false;
        for (int bi = 0; bi < blocks.size(); bi++) {
            BasicBlockData bb = blocks.get(bi);
            List<Statement> stmts = new ArrayList<>(bb.statements());
            boolean blockChanged = false;
            for (int si = 0; si < stmts.size(); si++) {
                if (!(stmts.get(si) instanceof Statement.Assign as) || !(as.rvalue() instanceof Rvalue.Aggregate agg)
                        || !(agg.kind() instanceof AggregateKind.Closure kind)) continue;
                Body closure = closureBody(crate, kind);
                List<Ty> captures = closure == null ? null : ClosureUpvars.of(closure);
                if (captures == null || agg.operands().size() >= captures.size()) continue;
                if (reads == null) reads = reads(body);
                List<Operand> ops = new ArrayList<>(agg.operands());
                int from = 0;
                for (int j = ops.size(); j < captures.size(); j++) {
                    VarDebugInfo name = captureName(closure, j);
                    Operand op;
                    if (name != null && !byRef(name)) {
                        op = byValue(crate, body, name, j, captures.get(j));
                    } else {
                        int found = borrowTemp(body, stmts, si, from, reads, ops, captures.get(j));
                        op = found < 0 ? null : new Operand.Move(new Place(((Statement.Assign) stmts.get(found)).place().local()));
                        if (found >= 0) from = found + 1;
                    }
                    if (op == null) break;
                    ops.add(op);
                }
                if (ops.size() != captures.size()) continue;
                stmts.set(si, new Statement.Assign(as.place(), new Rvalue.Aggregate(agg.kind(), ops)));
                blockChanged = true;
            }
            if (blockChanged) {
                blocks.set(bi, new BasicBlockData(bb.cleanup(), stmts, bb.debugInfos(), bb.terminator(), bb.terminatorSource()));
                changed = true;
            }
        }
        if (!changed) return entry;
        return new MirEntry.BodyEntry(new Body(body.kind(), body.forCtfe(), body.path(), body.promoted(), body.argCount(),
                body.yieldTy(), body.localDecls(), body.scopes(), body.varDebugInfo(), blocks), entry.allocations());
    }

    /**
     * The body of the closure an aggregate builds, whose types are under the params of the body that
     * builds it, where rustc prints the aggregate with capture names (an inlined closure of another
     * crate prints every operand, by index). Null when it is not known.
     */
    private Body closureBody(String crate, AggregateKind.Closure kind) {
        try {
            if (!(resolver.ty(crate, new Ty.Closure(kind.path())) instanceof Ty.Closure c)) return null;
            MirEntry.BodyEntry closure = program.body(Resolver.closureDefPath(c));
            return closure == null ? null : closure.body();
        } catch (RuntimeException e) {
            return null; // a closure we cannot resolve is reported where it is used
        }
    }

    /** The closure body's debug info for capture {@code index}: {@code (*_1).index} or {@code _1.index}, maybe dereferenced. */
    private static VarDebugInfo captureName(Body closure, int index) {
        for (VarDebugInfo v : closure.varDebugInfo()) {
            if (v.compositeTy() != null || !(v.value() instanceof VarDebugInfo.Contents.PlaceValue pv) || pv.place().local().index() != 1) continue;
            List<ProjectionElem> proj = pv.place().projection();
            int at = !proj.isEmpty() && proj.get(0) instanceof ProjectionElem.Deref ? 1 : 0;
            if (proj.size() > at && proj.get(at) instanceof ProjectionElem.Field f && f.index() == index
                    && proj.size() <= at + 2 && (proj.size() == at + 1 || proj.get(at + 1) instanceof ProjectionElem.Deref)) return v;
        }
        return null;
    }

    private static boolean byRef(VarDebugInfo capture) {
        List<ProjectionElem> proj = ((VarDebugInfo.Contents.PlaceValue) capture.value()).place().projection();
        return proj.get(proj.size() - 1) instanceof ProjectionElem.Deref;
    }

    /** The statement before {@code si} (from {@code from}) that assigns an otherwise unread temporary of type {@code ty}; -1 if none. */
    private static int borrowTemp(Body body, List<Statement> stmts, int si, int from, int[] reads, List<Operand> ops, Ty ty) {
        for (int k = from; k < si; k++) {
            if (stmts.get(k) instanceof Statement.Assign t && t.place().projection().isEmpty()
                    && reads[t.place().local().index()] == 0 && !usedIn(ops, t.place().local().index())
                    && ty.equals(body.localDecls().get(t.place().local().index()).ty())) return k;
        }
        return -1;
    }

    /** A capture by value of one field of a local variable ({@code p__b}): {@code copy (_p.i: T)}; null otherwise. */
    private Operand byValue(String crate, Body body, VarDebugInfo capture, int index, Ty ty) {
        String[] path = capture.name().split("__");
        if (path.length != 2) return null;
        int local = -1;
        for (VarDebugInfo v : body.varDebugInfo()) {
            if (!v.name().equals(path[0]) || v.compositeTy() != null || !(v.value() instanceof VarDebugInfo.Contents.PlaceValue pv)) continue;
            if (!pv.place().projection().isEmpty() || (local >= 0 && local != pv.place().local().index())) return null;
            local = pv.place().local().index();
        }
        if (local < 0) return null;
        int field = fieldIndex(crate, body.localDecls().get(local).ty(), path[1]);
        return field < 0 ? null : new Operand.Copy(new Place(new dev.mirlink.mir.body.Local(local), List.of(new ProjectionElem.Field(field, ty))));
    }

    private int fieldIndex(String crate, Ty owner, String name) {
        if (owner instanceof Ty.Tuple t) {
            try {
                int i = Integer.parseInt(name);
                return i < t.elements().size() ? i : -1;
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        if (!(owner instanceof Ty.Adt)) return -1;
        try {
            if (!(resolver.ty(crate, owner) instanceof Ty.Adt a) || !(resolver.typeItem(DropGlue.adtPath(a)) instanceof Item.Adt adt)
                    || adt.kind() != Item.Adt.Kind.STRUCT) return -1;
            List<Field> fields = adt.variants().get(0).fields();
            for (int i = 0; i < fields.size(); i++) if (fields.get(i).name().equals(name)) return i;
        } catch (RuntimeException e) {
            return -1;
        }
        return -1;
    }

    private static boolean usedIn(List<Operand> ops, int local) {
        for (Operand o : ops) {
            if ((o instanceof Operand.Move m && m.place().local().index() == local)
                    || (o instanceof Operand.Copy c && c.place().local().index() == local)) return true;
        }
        return false;
    }

    /** How often each local is read (any place but a whole-local assignment target), debug info aside. */
    private static int[] reads(Body body) {
        int[] out = new int[body.localDecls().size()];
        List<BasicBlockData> blocks = new ArrayList<>();
        for (BasicBlockData bb : body.basicBlocks()) blocks.add(new BasicBlockData(bb.cleanup(), bb.statements(), List.of(), bb.terminator(), bb.terminatorSource()));
        Body code = new Body(body.kind(), body.forCtfe(), body.path(), body.promoted(), body.argCount(), body.yieldTy(),
                body.localDecls(), body.scopes(), List.of(), blocks);
        ClosureUpvars.forEachPlace(code, p -> out[p.local().index()]++);
        for (BasicBlockData bb : body.basicBlocks()) {
            for (Statement s : bb.statements()) {
                if (s instanceof Statement.Assign a && a.place().projection().isEmpty()) out[a.place().local().index()]--;
            }
            if (bb.terminator() instanceof Terminator.Call c && c.destination().projection().isEmpty()) {
                out[c.destination().local().index()]--;
            }
        }
        return out;
    }
}
