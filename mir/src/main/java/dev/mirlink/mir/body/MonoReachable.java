package dev.mirlink.mir.body;


import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * The blocks of a body that rustc's collector visits (rustc_middle/src/mir/traversal.rs
 * {@code mono_reachable}, mir/mod.rs {@code try_const_mono_switchint}): everything reachable from
 * the start block, except that a switch on a constant takes only its live edge once the
 * instance's args are known ({@code if T::IS_ZST}, {@code if const { … }}). The constant is the
 * switch's operand, or the constant the last statement of its block assigns to the switched place.
 * The collector visits these blocks and codegen generates them, so both ask it.
 */
public final class MonoReachable {
    private MonoReachable() {}

    /**
     * {@code value} gives the bits of a switch's constant or {@code RuntimeChecks} operand under the
     * instance's args, or null when it cannot tell.
     */
    public static BitSet of(Body body, Function<Operand, BigInteger> value) {
        BitSet seen = new BitSet();
        Deque<Integer> todo = new ArrayDeque<>(List.of(0));
        while (!todo.isEmpty()) {
            int b = todo.pop();
            if (seen.get(b)) continue;
            seen.set(b);
            for (BasicBlock next : successors(body.basicBlocks().get(b), value)) todo.push(next.index());
        }
        return seen;
    }

    /** All the blocks {@code block}'s terminator can go to. */
    public static List<BasicBlock> successors(BasicBlockData block) {
        return successors(block, operand -> null);
    }

    private static List<BasicBlock> successors(BasicBlockData block, Function<Operand, BigInteger> value) {
        List<BasicBlock> out = new ArrayList<>();
        switch (block.terminator()) {
            case Terminator.Goto g -> out.add(g.target());
            case Terminator.SwitchInt s -> {
                BigInteger known = switchedConstant(block, s, value);
                if (known != null) {
                    int i = s.values().indexOf(known);
                    out.add(i >= 0 ? s.targets().get(i) : s.otherwise());
                } else {
                    out.addAll(s.targets());
                    out.add(s.otherwise());
                }
            }
            case Terminator.Drop d -> {
                out.add(d.target());
                unwind(d.unwind(), out);
                if (d.drop() != null) out.add(d.drop());
            }
            case Terminator.Call c -> {
                if (c.target() != null) out.add(c.target());
                unwind(c.unwind(), out);
            }
            case Terminator.Assert a -> {
                out.add(a.target());
                unwind(a.unwind(), out);
            }
            case Terminator.Yield y -> {
                out.add(y.resume());
                if (y.drop() != null) out.add(y.drop());
            }
            case Terminator.FalseEdge f -> {
                out.add(f.real());
                out.add(f.imaginary());
            }
            case Terminator.FalseUnwind f -> {
                out.add(f.real());
                unwind(f.unwind(), out);
            }
            case Terminator.InlineAsm asm -> {
                if (asm.destination() != null) out.add(asm.destination());
                out.addAll(asm.labels());
                unwind(asm.unwind(), out);
            }
            case Terminator.Return r -> { }
            case Terminator.Unreachable u -> { }
            case Terminator.UnwindResume u -> { }
            case Terminator.UnwindTerminate u -> { }
            case Terminator.CoroutineDrop c -> { }
            case Terminator.TailCall t -> { }
        }
        return out;
    }

    private static void unwind(UnwindAction action, List<BasicBlock> out) {
        if (action instanceof UnwindAction.Cleanup c) out.add(c.block());
    }

    private static BigInteger switchedConstant(BasicBlockData block, Terminator.SwitchInt s,
                                               Function<Operand, BigInteger> value) {
        Operand discr = s.discr();
        if (!(discr instanceof Operand.Copy || discr instanceof Operand.Move)) return value.apply(discr);
        var place = discr instanceof Operand.Copy c ? c.place() : ((Operand.Move) discr).place();
        List<Statement> stmts = block.statements();
        for (int i = stmts.size() - 1; i >= 0; i--) {
            Statement st = stmts.get(i);
            if (st instanceof Statement.StorageLive || st instanceof Statement.StorageDead) continue;
            return st instanceof Statement.Assign a && a.place().equals(place)
                    && a.rvalue() instanceof Rvalue.Use u && u.operand() instanceof Operand.Constant c
                    ? value.apply(c) : null;
        }
        return null;
    }
}
