package dev.mirlink.driver.collect;

import dev.mirlink.bridge.mirtext.MirTextReader;
import dev.mirlink.mir.body.Body;
import dev.mirlink.mir.body.ConstValue;
import dev.mirlink.mir.body.MirEntry;
import dev.mirlink.mir.body.MonoReachable;
import dev.mirlink.mir.body.Operand;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.BitSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code collect/mono-reachable.mir} is rustc's MIR of {@code mono-reachable.rs}
 * ({@code rustc --emit=mir -C opt-level=1 -Zspan-free-formats}): {@code f} switches on
 * {@code T::IS_ZST}, calling {@code g} in bb1 when true and {@code h} in bb2 when false.
 */
class MonoReachableTest {
    private static Body f() throws Exception {
        Path mir = Path.of(MonoReachableTest.class.getResource("/collect/mono-reachable.mir").toURI());
        MirEntry.BodyEntry e = (MirEntry.BodyEntry) MirTextReader.read(mir).entries().get(0);
        return e.body();
    }

    @Test
    void aKnownConstantTakesOnlyItsEdge() throws Exception {
        Body f = f();
        assertEquals(blocks(0, 1, 3), MonoReachable.of(f, o -> isValuePath(o) ? BigInteger.ONE : null));
        assertEquals(blocks(0, 2, 3), MonoReachable.of(f, o -> isValuePath(o) ? BigInteger.ZERO : null));
    }

    @Test
    void anUnknownConstantTakesEveryEdge() throws Exception {
        assertEquals(blocks(0, 1, 2, 3), MonoReachable.of(f(), o -> null));
    }

    private static boolean isValuePath(Operand o) {
        return o instanceof Operand.Constant c && c.constant().value() instanceof ConstValue.ValuePath;
    }

    private static BitSet blocks(int... indices) {
        BitSet b = new BitSet();
        for (int i : indices) b.set(i);
        return b;
    }
}
